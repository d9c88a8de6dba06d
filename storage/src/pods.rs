//! Pods, as JSON records: one file per pod under `<store>/pods/ID.json`, written under
//! a temporary name and renamed into place (a crash leaves no half record). A
//! container's membership is in its own saved spec (its pod's id), as Podman's.

use std::collections::BTreeMap;
use std::fs::DirBuilder;
use std::io;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The largest pod record read back (a record is a few hundred bytes).
const MAX_RECORD: u64 = 1 << 20;

/// What can go wrong with pod records.
#[derive(Debug, thiserror::Error)]
pub enum PodError {
    /// `pod create --name N` for a name a pod has.
    #[error("pod name {0:?} is in use by another pod: choose another name or remove that pod")]
    NameInUse(String),
    /// No pod of that name or id.
    #[error("no pod with name or ID {0} found: no such pod")]
    NotFound(String),
    /// A partial id that starts several pods' ids.
    #[error("more than one pod matches {0:?}: give more of the ID or the name")]
    Ambiguous(String),
    /// A record that cannot be read.
    #[error("pod record {}: {reason}", path.display())]
    Damaged {
        /// The record file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// A filesystem operation failed.
    #[error("pod store: {what} {}: {source}", path.display())]
    Io {
        /// What was being done.
        what: &'static str,
        /// The file or directory involved.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
}

/// Result of the pod functions.
pub type Result<T> = std::result::Result<T, PodError>;

fn io_err<'a>(what: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> PodError + 'a {
    move |source| PodError::Io {
        what,
        path: path.to_path_buf(),
        source,
    }
}

/// One pod: what `pod create` was given, and its infra container.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PodRecord {
    /// 64-hex id.
    pub id: String,
    /// Unique name.
    pub name: String,
    /// Unix seconds of creation.
    pub created: i64,
    /// `--label`.
    pub labels: BTreeMap<String, String>,
    /// `--hostname` (the infra container's, shared through UTS).
    pub hostname: Option<String>,
    /// `--share`: the namespaces members join (`net`, `ipc`, `uts`, ...).
    pub shared: Vec<String>,
    /// `-p`, as given (taken into effect by the infra container's network).
    pub ports: Vec<String>,
    /// `--network`, as given.
    pub network: Option<String>,
    /// The infra container's id (None with `--infra=false`).
    pub infra_id: Option<String>,
}

/// The pod records of a store.
pub struct Pods {
    dir: PathBuf,
}

impl Pods {
    /// The pods of the store rooted at `root`.
    pub fn new(root: &Path) -> Pods {
        Pods {
            dir: root.join("pods"),
        }
    }

    fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Every pod, oldest first.
    pub fn list(&self) -> Result<Vec<PodRecord>> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_err("read", &self.dir)(e)),
        };
        let mut out = Vec::new();
        for entry in entries {
            let path = entry.map_err(io_err("read", &self.dir))?.path();
            if path.extension().is_some_and(|x| x == "json") {
                out.push(read_record(&path)?);
            }
        }
        out.sort_by(|a, b| a.created.cmp(&b.created).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    /// The pod named `name`, or whose id is or starts with it (at least 3 characters).
    pub fn find(&self, name: &str) -> Result<PodRecord> {
        let all = self.list()?;
        if let Some(p) = all.iter().find(|p| p.name == name || p.id == name) {
            return Ok(p.clone());
        }
        let matches: Vec<&PodRecord> = all
            .iter()
            .filter(|p| name.len() >= 3 && p.id.starts_with(name))
            .collect();
        match matches.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(PodError::NotFound(name.to_string())),
            _ => Err(PodError::Ambiguous(name.to_string())),
        }
    }

    /// Save a new pod; a name another pod has is refused.
    pub fn create(&self, record: &PodRecord) -> Result<()> {
        if self.list()?.iter().any(|p| p.name == record.name) {
            return Err(PodError::NameInUse(record.name.clone()));
        }
        self.save(record)
    }

    /// Write `record` (new or changed).
    pub fn save(&self, record: &PodRecord) -> Result<()> {
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&self.dir)
            .map_err(io_err("create", &self.dir))?;
        let path = self.path(&record.id);
        let text = serde_json::to_vec_pretty(record).map_err(|e| PodError::Damaged {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        crate::json_file::write_replacing(&path, &text).map_err(io_err("write", &path))
    }

    /// Forget the pod `id` (absent already is fine).
    pub fn remove(&self, id: &str) -> Result<()> {
        let path = self.path(id);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(io_err("remove", &path)(e)),
            _ => Ok(()),
        }
    }
}

fn read_record(path: &Path) -> Result<PodRecord> {
    let text = crate::json_file::read_bounded(path, MAX_RECORD).map_err(|e| {
        if e.kind() == io::ErrorKind::InvalidData {
            PodError::Damaged {
                path: path.to_path_buf(),
                reason: e.to_string(),
            }
        } else {
            io_err("read", path)(e)
        }
    })?;
    serde_json::from_slice(&text).map_err(|e| PodError::Damaged {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pod(id: &str, name: &str) -> PodRecord {
        PodRecord {
            id: id.into(),
            name: name.into(),
            ..Default::default()
        }
    }

    #[test]
    fn create_find_remove() {
        let dir = tempfile::tempdir().unwrap();
        let pods = Pods::new(dir.path());
        pods.create(&pod("abcdef01", "web")).unwrap();
        assert!(matches!(
            pods.create(&pod("abcdef02", "web")),
            Err(PodError::NameInUse(_))
        ));
        pods.create(&pod("abcdef02", "db")).unwrap();
        assert_eq!(pods.find("web").unwrap().id, "abcdef01");
        assert_eq!(pods.find("abcdef02").unwrap().name, "db");
        assert!(matches!(pods.find("abc"), Err(PodError::Ambiguous(_))));
        assert!(matches!(pods.find("nope"), Err(PodError::NotFound(_))));
        pods.remove("abcdef01").unwrap();
        assert_eq!(pods.list().unwrap().len(), 1);
    }
}
