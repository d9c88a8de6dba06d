//! coracle-storage: the on-disk image store — content-addressed blobs plus SQLite records.

pub mod blobs;
pub mod busy;
pub mod check;
pub mod checkpoint;
pub mod container_state;
pub mod containers;
pub mod digest;
pub mod error;
pub mod events;
pub mod json_file;
pub mod layer_files;
pub mod layers;
pub mod lock;
pub mod pods;
pub mod records;
pub mod rundir;
pub mod unpack;
pub mod volumes;
pub mod wal_index;

use std::fs::DirBuilder;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

pub use blobs::{BlobStore, BlobWriter};
pub use containers::{
    new_container_id, random_name, ContainerChange, ContainerRecord, ContainerState,
    InvalidTransition, SavedSpec,
};
pub use digest::Digest;
pub use error::{Result, StorageError};
pub use layers::{chain_ids, LayerStore};
pub use lock::StoreLock;
pub use records::{Db, ImageRecord, ImageSummary, LayerRef};
pub use unpack::{Compression, UnpackOptions, UnpackStats};

/// The database's file name in the store.
const DATABASE_FILE: &str = "db.sqlite";

/// The database file of the store at `root`.
pub fn database_path(root: &Path) -> PathBuf {
    root.join(DATABASE_FILE)
}

/// The on-disk store rooted at one directory.
#[derive(Debug)]
pub struct Store {
    /// The store directory.
    pub root: PathBuf,
    /// Blob files under `<root>/blobs`.
    pub blobs: BlobStore,
    /// Records in `<root>/db.sqlite`.
    pub db: Db,
    /// Where the containers' lock files are: see [`Store::container_lock`].
    container_locks: PathBuf,
}

impl Store {
    /// Create the directory layout if missing, make the root private (mode 0700, also
    /// when it already existed with a wider mode), open the database. Dead
    /// processes' temp files go when this process first writes a blob.
    pub fn open(root: &Path) -> Result<Store> {
        log::debug!("opening the store at {}", root.display());
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(root)
            .map_err(|e| StorageError::io(root, e))?;
        let identity = make_private(root)?;
        let blobs = BlobStore::new(root)?;
        let db = Db::open(&database_path(root))?;
        Ok(Store {
            root: root.to_path_buf(),
            blobs,
            db,
            container_locks: rundir::runtime_dir().join("container-locks").join(identity),
        })
    }

    /// A shared hold on the database's WAL index, for a process that outlives this
    /// command to keep it valid for the next ones (see [`wal_index`]).
    pub fn hold_wal_index(&self) -> Option<wal_index::WalIndexHold> {
        wal_index::WalIndexHold::take(&database_path(&self.root))
    }

    fn lock_path(&self) -> PathBuf {
        self.root.join("store.lock")
    }

    /// Shared lock held by pulls/pushes for their whole duration.
    pub fn shared_lock(&self) -> Result<StoreLock> {
        StoreLock::shared(&self.lock_path())
    }

    /// Exclusive lock held while deleting blobs (rmi, prune).
    ///
    /// Do not call while this process holds a shared lock: it would wait forever.
    pub fn exclusive_lock(&self) -> Result<StoreLock> {
        StoreLock::exclusive(&self.lock_path())
    }

    /// Where the lock file of one container is (see [`Store::container_lock`]); it
    /// exists from the first time the lock is taken until the container is removed.
    pub fn container_lock_path(&self, id: &str) -> PathBuf {
        self.container_locks.join(id)
    }

    /// The directory of this store's containers' lock files.
    pub fn container_locks_dir(&self) -> &Path {
        &self.container_locks
    }

    /// The exclusive lock of one container, held by every command that changes it for
    /// as long as it does. A holder must read the record again once it has the lock
    /// (another process may have changed or removed it meanwhile); one that finds it
    /// removed calls [`Store::remove_container_lock`], since taking the lock made the
    /// file again. `id` is a full container id.
    ///
    /// The lock files live in the runtime directory
    /// (`container-locks/<store>/<id>`, `<store>` naming the store directory by
    /// device and inode), not in the store: a lock only matters to live processes,
    /// and a file made and removed for every container cost a `run --rm` half a
    /// millisecond on the store's file system (an inode allocated and freed in the
    /// store's block group), against microseconds on the tmpfs a runtime directory
    /// is. Every coracle process of one user finds the same runtime directory, as
    /// it does for the exit files (see [`rundir`]).
    ///
    /// One process must not take the same container's lock twice.
    pub fn container_lock(&self, id: &str) -> Result<StoreLock> {
        StoreLock::exclusive(&self.container_lock_file(id)?)
    }

    /// [`Store::container_lock`] if no other process holds it now; `None` (at once)
    /// when one does.
    pub fn try_container_lock(&self, id: &str) -> Result<Option<StoreLock>> {
        StoreLock::try_exclusive(&self.container_lock_file(id)?)
    }

    /// The path of container `id`'s lock file, its directory made if needed.
    fn container_lock_file(&self, id: &str) -> Result<PathBuf> {
        let path = self.container_lock_path(id);
        if let Some(dir) = path.parent() {
            DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(|e| StorageError::io(dir, e))?;
        }
        Ok(path)
    }

    /// Remove a removed container's lock file (while holding its lock: whoever waits
    /// for it finds the record gone once it gets it).
    pub fn remove_container_lock(&self, id: &str) {
        let _ = std::fs::remove_file(self.container_lock_path(id));
    }

    /// Delete an image record and then every blob no longer referenced by any image,
    /// under the exclusive lock. Returns the removed blob digests.
    pub fn remove_image(&self, id: &str) -> Result<Vec<Digest>> {
        let _lock = self.exclusive_lock()?;
        let unreferenced = self.db.delete_image(id)?;
        self.remove_blobs(unreferenced)
    }

    /// Delete every stored blob that no image references (e.g. superseded manifests),
    /// under the exclusive lock. Returns the removed blob digests.
    pub fn gc(&self) -> Result<Vec<Digest>> {
        let _lock = self.exclusive_lock()?;
        let referenced = self.db.referenced_digests()?;
        let unreferenced = self
            .blobs
            .list()?
            .into_iter()
            .filter(|d| !referenced.contains(d))
            .collect();
        self.remove_blobs(unreferenced)
    }

    fn remove_blobs(&self, digests: Vec<Digest>) -> Result<Vec<Digest>> {
        let mut removed = Vec::new();
        for d in digests {
            if self.blobs.contains(&d) {
                self.blobs.remove(&d)?;
                removed.push(d);
            }
        }
        Ok(removed)
    }
}

/// Give `root` mode 0700 unless it has it already: nobody else may read the store.
/// Returns the directory's identity, `<device>-<inode>` in hexadecimal.
fn make_private(root: &Path) -> Result<String> {
    const PRIVATE: u32 = 0o700;
    let not_private = |source| StorageError::NotPrivate {
        path: root.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(root).map_err(not_private)?;
    if meta.permissions().mode() & 0o7777 != PRIVATE {
        std::fs::set_permissions(root, std::fs::Permissions::from_mode(PRIVATE))
            .map_err(not_private)?;
    }
    Ok(format!("{:x}-{:x}", meta.dev(), meta.ino()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_locks_exclude_each_other_and_go_with_the_container() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let id = "ab".repeat(32);
        let held = store.container_lock(&id).unwrap();
        let path = store.container_lock_path(&id);
        assert!(
            path.starts_with(rundir::runtime_dir()),
            "{} is in the runtime directory",
            path.display()
        );
        let try_lock = || {
            let f = std::fs::File::open(&path).unwrap();
            rustix::fs::flock(&f, rustix::fs::FlockOperation::NonBlockingLockExclusive).is_ok()
        };
        assert!(!try_lock());
        // Another container's lock is independent.
        drop(store.container_lock(&"cd".repeat(32)).unwrap());
        drop(held);
        assert!(try_lock());
        store.remove_container_lock(&id);
        assert!(!path.exists());
    }

    #[test]
    fn open_creates_layout_and_remove_image_deletes_unshared_blobs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("store");
        let store = Store::open(&root).unwrap();
        assert_eq!(
            std::fs::metadata(&root).unwrap().permissions().mode() & 0o777,
            0o700
        );

        let put = |s: &str| {
            let d = Digest::of_bytes(s.as_bytes());
            store.blobs.put(&d, s.as_bytes()).unwrap();
            d
        };
        let layer = |d: &Digest| LayerRef {
            digest: d.clone(),
            size: 1,
            media_type: "t".into(),
        };
        let (shared, own, config_a, config_b, man_a, man_b) = (
            put("shared"),
            put("own"),
            put("ca"),
            put("cb"),
            put("ma"),
            put("mb"),
        );
        let stray = put("stray");
        let rec = |config: &Digest, man: &Digest, layers: Vec<LayerRef>| ImageRecord {
            id: config.hex().into(),
            digest: man.clone(),
            manifest_digest: man.clone(),
            manifest_media_type: "m".into(),
            config_digest: config.clone(),
            created: None,
            architecture: "amd64".into(),
            os: "linux".into(),
            variant: None,
            size: 3,
            layers,
            added: 0,
        };
        store
            .db
            .commit_image(
                &rec(&config_a, &man_a, vec![layer(&shared), layer(&own)]),
                Some("r/a:1"),
                None,
            )
            .unwrap();
        store
            .db
            .commit_image(
                &rec(&config_b, &man_b, vec![layer(&shared)]),
                Some("r/b:1"),
                None,
            )
            .unwrap();

        let mut removed = store.remove_image(config_a.hex()).unwrap();
        removed.sort();
        let mut expected = vec![own.clone(), config_a.clone(), man_a.clone()];
        expected.sort();
        assert_eq!(removed, expected);
        assert!(store.blobs.contains(&shared));
        assert!(matches!(
            store.remove_image(config_a.hex()),
            Err(StorageError::ImageNotFound(_))
        ));

        assert_eq!(store.gc().unwrap(), vec![stray]);
        store.remove_image(config_b.hex()).unwrap();
        assert!(store.blobs.list().unwrap().is_empty());

        drop(store);
        let again = Store::open(&root).unwrap();
        assert_eq!(again.db.image_count().unwrap(), 0);
        let _shared = again.shared_lock().unwrap();
    }

    #[test]
    fn open_makes_an_existing_wider_root_private_again() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("store");
        drop(Store::open(&root).unwrap());
        for wide in [0o755, 0o777, 0o1777, 0o711] {
            std::fs::set_permissions(&root, std::fs::Permissions::from_mode(wide)).unwrap();
            drop(Store::open(&root).unwrap());
            let mode = std::fs::metadata(&root).unwrap().permissions().mode() & 0o7777;
            assert_eq!(mode, 0o700, "after opening a store of mode {wide:o}");
        }
    }
}
