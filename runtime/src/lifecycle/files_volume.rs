//! Volumes made from Kubernetes ConfigMaps and Secrets (`kube play`): a local
//! volume named after the object (as Podman makes them), labelled with the object's
//! kind so that `kube down` knows it, its files written from the YAML. The volume
//! may already exist and have been written to by a container: its files are
//! replaced with [`replace_file`], which follows no symlink planted there.

use std::path::PathBuf;

use coracle_storage::volumes::{VolumeError, VolumeRecord};
use coracle_storage::Store;

use crate::fs::inroot::Root;
use crate::fs::replace_in::replace_file;
use crate::lifecycle::volumes;

/// Which kind of object a volume of files is made from (its label value).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilesKind {
    /// A ConfigMap.
    ConfigMap,
    /// A Secret.
    Secret,
}

impl FilesKind {
    /// The kind's name, as Kubernetes spells it.
    pub fn name(self) -> &'static str {
        match self {
            FilesKind::ConfigMap => "ConfigMap",
            FilesKind::Secret => "Secret",
        }
    }
}

/// One file of a volume made from a ConfigMap or Secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VolumeFile {
    /// Where in the volume (relative, no `..`).
    pub path: PathBuf,
    /// The content.
    pub data: Vec<u8>,
    /// The file's mode.
    pub mode: u32,
}

/// A volume filled with the keys of a ConfigMap or Secret, named after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilesVolume {
    /// The volume's (and the object's) name.
    pub name: String,
    /// Made from a ConfigMap or a Secret.
    pub kind: FilesKind,
    /// The files to write.
    pub files: Vec<VolumeFile>,
}

/// Why a volume of files could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum FilesVolumeError {
    /// A volume of that name exists and was not made for this object.
    #[error("kube play: volume {name} exists and was not made for {kind} {name}: remove it with `coracle volume rm {name}`, or rename the {kind}")]
    Foreign {
        /// The volume's (and the object's) name.
        name: String,
        /// The object's kind.
        kind: &'static str,
    },
    /// The volume's data directory cannot be opened.
    #[error("cannot open {}", dir.display())]
    Open {
        /// The data directory.
        dir: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A file cannot be written into the volume.
    #[error("kube play: cannot write {} into the volume of {kind} {name}", path.display())]
    Write {
        /// The file, relative to the volume.
        path: PathBuf,
        /// The object's kind.
        kind: &'static str,
        /// The volume's name.
        name: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The volume's record cannot be read or made.
    #[error(transparent)]
    Volume(#[from] VolumeError),
}

/// The label of a volume `kube play` made from a ConfigMap or Secret; its value is
/// the kind.
pub const SOURCE_LABEL: &str = "io.coracle.kube.source";

/// Whether `record` is a volume of files `kube play` made.
pub fn is_files_volume(record: &VolumeRecord) -> bool {
    record.labels.contains_key(SOURCE_LABEL)
}

/// Make (or take again) the volume of `fv` and write its files.
pub fn fill(store: &Store, fv: &FilesVolume) -> Result<(), FilesVolumeError> {
    let vs = volumes::volume_store(store);
    let kind = fv.kind.name();
    match vs.get(&fv.name)? {
        Some(r) if r.labels.get(SOURCE_LABEL).map(String::as_str) == Some(kind) => {}
        Some(_) => {
            return Err(FilesVolumeError::Foreign {
                name: fv.name.clone(),
                kind,
            })
        }
        None => {
            let mut record = volumes::new_record(&fv.name, false);
            // The volume holds the YAML's files only, never the image's content.
            record.needs_copy_up = false;
            record.labels.insert(SOURCE_LABEL.into(), kind.into());
            vs.create(&record)?;
        }
    }
    let data_dir = vs.data_dir(&fv.name);
    let root = Root::open(&data_dir).map_err(|source| FilesVolumeError::Open {
        dir: data_dir.clone(),
        source,
    })?;
    for f in &fv.files {
        replace_file(&root, &f.path, &f.data, f.mode).map_err(|source| {
            FilesVolumeError::Write {
                path: f.path.clone(),
                kind,
                name: fv.name.clone(),
                source,
            }
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config_map(name: &str, text: &[u8]) -> FilesVolume {
        FilesVolume {
            name: name.into(),
            kind: FilesKind::ConfigMap,
            files: vec![VolumeFile {
                path: PathBuf::from("conf/app.ini"),
                data: text.to_vec(),
                mode: 0o640,
            }],
        }
    }

    #[test]
    fn a_volume_is_made_filled_taken_again_and_a_foreign_one_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        fill(&store, &config_map("web", b"one")).unwrap();
        fill(&store, &config_map("web", b"two")).unwrap();
        let vs = volumes::volume_store(&store);
        let record = vs.get("web").unwrap().unwrap();
        assert!(is_files_volume(&record));
        assert!(!record.needs_copy_up);
        let data = std::fs::read(vs.data_dir("web").join("conf/app.ini")).unwrap();
        assert_eq!(data, b"two");
        // A Secret of the same name does not take the ConfigMap's volume.
        let mut secret = config_map("web", b"x");
        secret.kind = FilesKind::Secret;
        assert_eq!(
            fill(&store, &secret).unwrap_err().to_string(),
            "kube play: volume web exists and was not made for Secret web: remove it with `coracle volume rm web`, or rename the Secret"
        );
        // Nor does a plain volume.
        vs.create(&volumes::new_record("plain", false)).unwrap();
        assert!(matches!(
            fill(&store, &config_map("plain", b"x")),
            Err(FilesVolumeError::Foreign { .. })
        ));
    }
}
