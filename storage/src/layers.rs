//! Unpacked layer directories, keyed by chain ID: `<root>/layers/<chain-hex>/`.
//! A layer is unpacked into `<root>/layers/tmp/<chain-hex>.<pid>.<random>/` and renamed
//! into place after a `syncfs`: a directory under its final name is complete. Removal
//! renames the layer into `tmp/` first, so an interrupted removal leaves only a stale
//! temp directory behind.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

use crate::digest::Digest;
use crate::error::{Result, StorageError};

/// The layer directories of a store.
#[derive(Clone, Debug)]
pub struct LayerStore {
    dir: PathBuf,
}

fn io(path: &Path, e: std::io::Error) -> StorageError {
    StorageError::io(path, e)
}

impl LayerStore {
    /// Open (creating) `<root>/layers`.
    pub fn new(root: &Path) -> Result<LayerStore> {
        let dir = root.join("layers");
        std::fs::create_dir_all(dir.join("tmp")).map_err(|e| io(&dir, e))?;
        Ok(LayerStore { dir })
    }

    /// The directory of a layer.
    pub fn path(&self, chain_id: &Digest) -> PathBuf {
        self.dir.join(chain_id.hex())
    }

    /// Where a layer's file list ([`crate::layer_files`]) is recorded:
    /// `<root>/layer-files/<chain-hex>` (outside `layers/`, whose entries are layers).
    pub fn files_path(&self, chain_id: &Digest) -> PathBuf {
        self.files_dir().join(chain_id.hex())
    }

    fn files_dir(&self) -> PathBuf {
        self.dir.with_file_name("layer-files")
    }

    /// Record the file list of the layer unpacked in `temp` (temp file + rename), before
    /// the layer is renamed into place.
    pub fn record_files(&self, temp: &Path, chain_id: &Digest) -> Result<()> {
        let listing = crate::layer_files::list(temp).map_err(|e| io(temp, e))?;
        let dir = self.files_dir();
        std::fs::create_dir_all(&dir).map_err(|e| io(&dir, e))?;
        let target = self.files_path(chain_id);
        let part = dir.join(format!("{}.{}.tmp", chain_id.hex(), std::process::id()));
        std::fs::write(&part, crate::layer_files::to_text(&listing)).map_err(|e| io(&part, e))?;
        std::fs::rename(&part, &target).map_err(|e| io(&target, e))
    }

    /// The recorded file list of a layer; None when none was recorded (a layer
    /// unpacked by an older coracle) or it cannot be read.
    pub fn recorded_files(&self, chain_id: &Digest) -> Option<crate::layer_files::Listing> {
        let text = std::fs::read_to_string(self.files_path(chain_id)).ok()?;
        crate::layer_files::from_text(&text)
    }

    /// The chain IDs of every layer directory under its final name.
    pub fn list(&self) -> Result<Vec<Digest>> {
        let entries = std::fs::read_dir(&self.dir).map_err(|e| io(&self.dir, e))?;
        let mut out: Vec<Digest> = entries
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                (name.len() == 64).then(|| Digest::parse(&format!("sha256:{name}")).ok())?
            })
            .collect();
        out.sort();
        Ok(out)
    }

    /// Is the layer unpacked?
    pub fn contains(&self, chain_id: &Digest) -> bool {
        self.path(chain_id).is_dir()
    }

    /// A fresh, empty temp directory (mode 0755) to unpack into.
    pub fn temp_dir(&self, chain_id: &Digest) -> Result<PathBuf> {
        self.fresh_temp(chain_id.hex())
    }

    /// `tmp/<name>.<pid>.<random>`, created.
    fn fresh_temp(&self, name: &str) -> Result<PathBuf> {
        let tmp = self.dir.join("tmp");
        let dir = tempfile::Builder::new()
            .prefix(&format!("{name}.{}.", std::process::id()))
            .permissions(std::fs::Permissions::from_mode(0o755))
            .tempdir_in(&tmp)
            .map_err(|e| io(&tmp, e))?;
        Ok(dir.keep())
    }

    /// Sync the filesystem, then rename `temp` into place. When another process got
    /// there first, its copy stays and `temp` is removed.
    pub fn commit(&self, temp: &Path, chain_id: &Digest) -> Result<()> {
        let dir = std::fs::File::open(temp).map_err(|e| io(temp, e))?;
        rustix::fs::syncfs(&dir).map_err(|e| io(temp, e.into()))?;
        let target = self.path(chain_id);
        match std::fs::rename(temp, &target) {
            Ok(()) => Ok(()),
            Err(e) if target.is_dir() => {
                let _ = e;
                std::fs::remove_dir_all(temp).map_err(|e| io(temp, e))
            }
            Err(e) => Err(io(&target, e)),
        }
    }

    /// Remove a layer directory (its files may belong to subordinate ids: call this
    /// inside the user namespace). Missing layers are not an error.
    pub fn remove(&self, chain_id: &Digest) -> Result<()> {
        let p = self.path(chain_id);
        let _ = std::fs::remove_file(self.files_path(chain_id));
        if std::fs::symlink_metadata(&p).is_err() {
            return Ok(());
        }
        // Move it out of its final name first: a half-removed layer must not look complete.
        let doomed = self.fresh_temp(&format!("{}-removing", chain_id.hex()))?;
        match std::fs::rename(&p, &doomed) {
            Ok(()) => std::fs::remove_dir_all(&doomed).map_err(|e| io(&doomed, e)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::remove_dir(&doomed).map_err(|e| io(&doomed, e))
            }
            Err(e) => {
                let _ = std::fs::remove_dir(&doomed);
                Err(io(&p, e))
            }
        }
    }

    /// Remove temp directories whose owning process is gone; returns how many.
    pub fn clean_stale_temp(&self) -> Result<usize> {
        let tmp = self.dir.join("tmp");
        let mut removed = 0;
        for entry in std::fs::read_dir(&tmp).map_err(|e| io(&tmp, e))?.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let pid: Option<i32> = name.split('.').nth(1).and_then(|p| p.parse().ok());
            let alive = pid.is_some_and(|p| Path::new(&format!("/proc/{p}")).exists());
            if !alive && std::fs::remove_dir_all(entry.path()).is_ok() {
                removed += 1;
            }
        }
        Ok(removed)
    }
}

/// OCI chain IDs: ChainID(L0) = DiffID(L0); ChainID(L0..n) = sha256(ChainID(L0..n-1) + " " + DiffID(Ln)).
pub fn chain_ids(diff_ids: &[Digest]) -> Vec<Digest> {
    let mut out: Vec<Digest> = Vec::with_capacity(diff_ids.len());
    for d in diff_ids {
        let next = match out.last() {
            None => d.clone(),
            Some(prev) => Digest::from_sha256(&Sha256::digest(format!("{prev} {d}").as_bytes())),
        };
        out.push(next);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_ids_follow_the_oci_formula() {
        let a = Digest::of_bytes(b"a");
        let b = Digest::of_bytes(b"b");
        let c = Digest::of_bytes(b"c");
        let ids = chain_ids(&[a.clone(), b.clone(), c.clone()]);
        assert_eq!(ids[0], a);
        let ab = Digest::from_sha256(&Sha256::digest(format!("{a} {b}").as_bytes()));
        assert_eq!(ids[1], ab);
        assert_eq!(
            ids[2],
            Digest::from_sha256(&Sha256::digest(format!("{ab} {c}").as_bytes()))
        );
        assert!(chain_ids(&[]).is_empty());
    }

    #[test]
    fn temp_commit_and_stale_cleanup() {
        let root = std::env::temp_dir().join(format!("coracle-layers-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let store = LayerStore::new(&root).unwrap();
        let id = Digest::of_bytes(b"layer");
        let t = store.temp_dir(&id).unwrap();
        std::fs::write(t.join("f"), "x").unwrap();
        assert!(!store.contains(&id));
        store.commit(&t, &id).unwrap();
        assert!(store.contains(&id) && !t.exists());
        // A second commit of the same layer keeps the first.
        let t2 = store.temp_dir(&id).unwrap();
        store.commit(&t2, &id).unwrap();
        assert!(!t2.exists() && store.path(&id).join("f").exists());
        let dead = root
            .join("layers/tmp")
            .join(format!("{}.2147483647.0", id.hex()));
        std::fs::create_dir_all(&dead).unwrap();
        let live = store.temp_dir(&id).unwrap();
        assert_eq!(store.clean_stale_temp().unwrap(), 1);
        assert!(!dead.exists() && live.exists());
        let mode = std::fs::metadata(&live).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o755, "layer roots are not private");
        store.remove(&id).unwrap();
        assert!(!store.contains(&id));
        store.remove(&id).unwrap();
        let left: Vec<_> = std::fs::read_dir(root.join("layers/tmp"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(left, vec![live], "remove leaves nothing behind in tmp");
        let _ = std::fs::remove_dir_all(&root);
    }
}
