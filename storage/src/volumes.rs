//! Named volumes, as Podman's local driver keeps them: one directory per volume under
//! `<store>/volumes/NAME`, holding `_data` (what containers see) and `volume.json`
//! (the record). A volume exists when its directory holds a record: a new one is
//! written under a temporary name and renamed into place, so a crash leaves no half
//! volume and two creators of one name cannot both win.

use std::collections::BTreeMap;
use std::fs::DirBuilder;
use std::io;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The rule volume names follow (Podman's, the same as container names).
pub const VOLUME_NAME_RULE: &str = "volume names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*";

/// Longest volume name accepted (a directory name must fit in 255 bytes).
pub const MAX_VOLUME_NAME: usize = 200;

/// The record file in a volume's directory.
const RECORD: &str = "volume.json";

/// The data directory in a volume's directory (Podman's name).
const DATA: &str = "_data";

/// The largest record read back (a record is a few hundred bytes).
const MAX_RECORD: u64 = 1 << 20;

/// What can go wrong with volumes.
#[derive(Debug, thiserror::Error)]
pub enum VolumeError {
    /// A name that breaks [`VOLUME_NAME_RULE`].
    #[error("invalid volume name {0:?}: {VOLUME_NAME_RULE}")]
    InvalidName(String),
    /// `volume create NAME` for a name that exists.
    #[error("volume with name {0} already exists: volume already exists")]
    Exists(String),
    /// No volume of that name.
    #[error("no volume with name {0:?} found: no such volume")]
    NotFound(String),
    /// A partial name that starts several volumes' names.
    #[error("more than one result for volume name {given:?}: {}: give more of the name", names.join(", "))]
    Ambiguous {
        /// The partial name given.
        given: String,
        /// The volumes it starts.
        names: Vec<String>,
    },
    /// A record that cannot be read.
    #[error("volume {name}: damaged record {}: {reason}", path.display())]
    Damaged {
        /// The volume.
        name: String,
        /// The record file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// A filesystem operation failed.
    #[error("volume store: {what} {}: {source}", path.display())]
    Io {
        /// What was being done.
        what: &'static str,
        /// The file or directory involved.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
}

/// Result of the volume functions.
pub type Result<T> = std::result::Result<T, VolumeError>;

fn io_err<'a>(what: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> VolumeError + 'a {
    move |source| VolumeError::Io {
        what,
        path: path.to_path_buf(),
        source,
    }
}

/// One volume's record, in Podman's `volume inspect` terms.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VolumeRecord {
    /// The name.
    pub name: String,
    /// Always "local".
    pub driver: String,
    /// Creation time, RFC 3339.
    pub created_at: String,
    /// `--label`.
    pub labels: BTreeMap<String, String>,
    /// `--opt`, as given (`o` → `uid=…,gid=…`).
    pub options: BTreeMap<String, String>,
    /// Made for an image's `VOLUME` or `-v /path` (removed with its container by
    /// `rm -v` and `run --rm`).
    pub anonymous: bool,
    /// The container's content at the mount point is copied in on the next mount.
    pub needs_copy_up: bool,
    /// `uid`/`gid` are applied to the data directory on the next mount.
    pub needs_chown: bool,
    /// `--opt o=uid=N`: the data directory's owner (as the container sees it).
    pub uid: Option<u32>,
    /// `--opt o=gid=N`.
    pub gid: Option<u32>,
}

/// Whether `name` follows [`VOLUME_NAME_RULE`] (and [`MAX_VOLUME_NAME`]).
pub fn is_volume_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    name.len() <= MAX_VOLUME_NAME
        && bytes.next().is_some_and(|b| b.is_ascii_alphanumeric())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

/// Check a volume name.
pub fn check_volume_name(name: &str) -> Result<()> {
    if is_volume_name(name) {
        Ok(())
    } else {
        Err(VolumeError::InvalidName(name.to_string()))
    }
}

/// The volumes of one store.
#[derive(Clone, Debug)]
pub struct VolumeStore {
    dir: PathBuf,
}

impl VolumeStore {
    /// The volumes of the store at `store_root` (`<store_root>/volumes`).
    pub fn new(store_root: &Path) -> VolumeStore {
        VolumeStore {
            dir: store_root.join("volumes"),
        }
    }

    /// The directory a volume's data lives in (its `Mountpoint`).
    pub fn data_dir(&self, name: &str) -> PathBuf {
        self.dir.join(name).join(DATA)
    }

    /// Save a new volume with an empty data directory; a taken name is
    /// [`VolumeError::Exists`].
    pub fn create(&self, record: &VolumeRecord) -> Result<()> {
        check_volume_name(&record.name)?;
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&self.dir)
            .map_err(io_err("create", &self.dir))?;
        let final_dir = self.dir.join(&record.name);
        if final_dir.join(RECORD).exists() {
            return Err(VolumeError::Exists(record.name.clone()));
        }
        let tmp = tempfile::Builder::new()
            .prefix(".tmp-volume-")
            .tempdir_in(&self.dir)
            .map_err(io_err("create a temporary directory in", &self.dir))?;
        DirBuilder::new()
            .mode(0o755)
            .create(tmp.path().join(DATA))
            .map_err(io_err("create", tmp.path()))?;
        write_record(tmp.path(), record)?;
        match std::fs::rename(tmp.path(), &final_dir) {
            Ok(()) => {
                // The directory has its final name now: nothing left to clean up.
                let _ = tmp.keep();
                Ok(())
            }
            Err(e) if is_taken(&e) => Err(VolumeError::Exists(record.name.clone())),
            Err(e) => Err(io_err("rename into place", &final_dir)(e)),
        }
    }

    /// A volume's record, if it exists.
    pub fn get(&self, name: &str) -> Result<Option<VolumeRecord>> {
        if !is_volume_name(name) {
            return Ok(None);
        }
        let path = self.dir.join(name).join(RECORD);
        let text = match read_bounded(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_err("read", &path)(e)),
        };
        let mut record: VolumeRecord =
            serde_json::from_slice(&text).map_err(|e| VolumeError::Damaged {
                name: name.to_string(),
                path,
                reason: e.to_string(),
            })?;
        // The directory's name is the volume's name, whatever the file says.
        record.name = name.to_string();
        Ok(Some(record))
    }

    /// A volume's record, or [`VolumeError::NotFound`].
    pub fn require(&self, name: &str) -> Result<VolumeRecord> {
        self.get(name)?
            .ok_or_else(|| VolumeError::NotFound(name.to_string()))
    }

    /// A volume by its full name or a unique start of it (as Podman looks volumes
    /// up); several matches are [`VolumeError::Ambiguous`].
    pub fn find(&self, name: &str) -> Result<VolumeRecord> {
        if let Some(r) = self.get(name)? {
            return Ok(r);
        }
        let mut found: Vec<VolumeRecord> = if is_volume_name(name) {
            self.list()?
                .into_iter()
                .filter(|r| r.name.starts_with(name))
                .collect()
        } else {
            Vec::new()
        };
        match found.len() {
            0 => Err(VolumeError::NotFound(name.to_string())),
            1 => Ok(found.remove(0)),
            _ => Err(VolumeError::Ambiguous {
                given: name.to_string(),
                names: found.into_iter().map(|r| r.name).collect(),
            }),
        }
    }

    /// Every volume, by name.
    pub fn list(&self) -> Result<Vec<VolumeRecord>> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_err("list", &self.dir)(e)),
        };
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry.map_err(io_err("list", &self.dir))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(record) = self.get(&name)? {
                out.push(record);
            }
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// Write a changed record of an existing volume (temp file + rename).
    pub fn save(&self, record: &VolumeRecord) -> Result<()> {
        self.require(&record.name)?;
        write_record(&self.dir.join(&record.name), record)
    }

    /// Take a volume out of the store: its directory is renamed to a temporary name
    /// (so the volume is gone at once) and that directory, to be deleted by the
    /// caller, is returned. Its files may belong to subordinate ids: deleting them
    /// may need the user namespace.
    pub fn detach(&self, name: &str) -> Result<PathBuf> {
        self.require(name)?;
        let from = self.dir.join(name);
        let to = self.dir.join(format!(
            ".removing-{name}-{}",
            crate::containers::new_container_id()
        ));
        std::fs::rename(&from, &to).map_err(io_err("rename", &from))?;
        Ok(to)
    }

    /// Directories left behind by a [`VolumeStore::detach`] whose deletion did not
    /// finish, and temporary directories of creations that died.
    pub fn leftovers(&self) -> Vec<PathBuf> {
        std::fs::read_dir(&self.dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| {
                let n = e.file_name();
                let n = n.to_string_lossy();
                n.starts_with(".removing-") || n.starts_with(".tmp-volume-")
            })
            .map(|e| e.path())
            .collect()
    }
}

/// Whether a rename failed because the target name is taken (EEXIST or ENOTEMPTY).
fn is_taken(e: &io::Error) -> bool {
    use rustix::io::Errno;
    [Errno::EXIST, Errno::NOTEMPTY]
        .iter()
        .any(|n| e.raw_os_error() == Some(n.raw_os_error()))
}

fn write_record(dir: &Path, record: &VolumeRecord) -> Result<()> {
    let path = dir.join(RECORD);
    let text = serde_json::to_vec_pretty(record).map_err(|e| VolumeError::Damaged {
        name: record.name.clone(),
        path: path.clone(),
        reason: e.to_string(),
    })?;
    crate::json_file::write_replacing(&path, &text).map_err(io_err("write", &path))
}

fn read_bounded(path: &Path) -> io::Result<Vec<u8>> {
    crate::json_file::read_bounded(path, MAX_RECORD)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(name: &str) -> VolumeRecord {
        VolumeRecord {
            name: name.into(),
            driver: "local".into(),
            needs_copy_up: true,
            ..Default::default()
        }
    }

    #[test]
    fn names_follow_podmans_rule() {
        for good in ["data", "a", "0x", "my_vol.1-2"] {
            assert!(is_volume_name(good), "{good}");
        }
        for bad in [
            "",
            "-x",
            ".x",
            "_x",
            "a/b",
            "a b",
            "..",
            "a:b",
            &"x".repeat(201),
        ] {
            assert!(!is_volume_name(bad), "{bad}");
        }
    }

    #[test]
    fn create_get_list_save_detach() {
        let d = tempfile::tempdir().unwrap();
        let vs = VolumeStore::new(d.path());
        assert!(vs.list().unwrap().is_empty());
        vs.create(&record("b")).unwrap();
        vs.create(&record("a")).unwrap();
        assert!(matches!(
            vs.create(&record("a")),
            Err(VolumeError::Exists(_))
        ));
        assert!(matches!(
            vs.create(&record("../x")),
            Err(VolumeError::InvalidName(_))
        ));
        assert!(vs.data_dir("a").is_dir());
        let names: Vec<_> = vs.list().unwrap().into_iter().map(|r| r.name).collect();
        assert_eq!(names, ["a", "b"]);
        let mut a = vs.require("a").unwrap();
        a.needs_copy_up = false;
        vs.save(&a).unwrap();
        assert!(!vs.require("a").unwrap().needs_copy_up);
        let gone = vs.detach("a").unwrap();
        assert!(vs.get("a").unwrap().is_none());
        assert_eq!(vs.leftovers(), vec![gone.clone()]);
        std::fs::remove_dir_all(gone).unwrap();
        assert!(matches!(vs.require("a"), Err(VolumeError::NotFound(_))));
        assert!(vs.get("../../etc").unwrap().is_none());
        vs.create(&record("abc1")).unwrap();
        vs.create(&record("abc2")).unwrap();
        assert_eq!(vs.find("b").unwrap().name, "b", "a full name wins");
        assert_eq!(vs.find("abc1").unwrap().name, "abc1");
        assert!(matches!(vs.find("ab"), Err(VolumeError::Ambiguous { .. })));
        assert!(matches!(vs.find("zz"), Err(VolumeError::NotFound(_))));
        vs.create(&record("bee")).unwrap();
        assert_eq!(vs.find("be").unwrap().name, "bee");
    }
}
