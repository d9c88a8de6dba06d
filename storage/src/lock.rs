//! Advisory locking with flock(2): the whole store's lock and each container's.

use std::fs::{File, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use rustix::fs::{flock, FlockOperation};

use crate::error::{Result, StorageError};

/// An flock on `<root>/store.lock` (or a container's lock file), released on drop.
///
/// Locks conflict between open files, so one process must not ask for the
/// exclusive lock while it still holds a shared one.
#[derive(Debug)]
pub struct StoreLock {
    _file: File,
}

impl StoreLock {
    /// Block until a shared lock on `path` is held.
    pub fn shared(path: &Path) -> Result<StoreLock> {
        StoreLock::acquire(path, FlockOperation::LockShared)
    }

    /// Block until an exclusive lock on `path` is held.
    pub fn exclusive(path: &Path) -> Result<StoreLock> {
        StoreLock::acquire(path, FlockOperation::LockExclusive)
    }

    /// An exclusive lock on `path` if nobody holds it now; `None` (at once) otherwise.
    pub fn try_exclusive(path: &Path) -> Result<Option<StoreLock>> {
        let file = open_lock_file(path)?;
        loop {
            match flock(&file, FlockOperation::NonBlockingLockExclusive) {
                Ok(()) => return Ok(Some(StoreLock { _file: file })),
                Err(rustix::io::Errno::WOULDBLOCK) => return Ok(None),
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => return Err(StorageError::io(path, e.into())),
            }
        }
    }

    fn acquire(path: &Path, op: FlockOperation) -> Result<StoreLock> {
        let file = open_lock_file(path)?;
        loop {
            match flock(&file, op) {
                Ok(()) => return Ok(StoreLock { _file: file }),
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => return Err(StorageError::io(path, e.into())),
            }
        }
    }
}

/// Open (creating if needed) the file a lock is taken on.
fn open_lock_file(path: &Path) -> Result<File> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)
        .map_err(|e| StorageError::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn try_exclusive(path: &Path) -> bool {
        let f = File::open(path).unwrap();
        flock(&f, FlockOperation::NonBlockingLockExclusive).is_ok()
    }

    #[test]
    fn shared_locks_coexist_and_block_exclusive() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("store.lock");
        let a = StoreLock::shared(&p).unwrap();
        let b = StoreLock::shared(&p).unwrap();
        assert!(!try_exclusive(&p));
        drop((a, b));
        let x = StoreLock::exclusive(&p).unwrap();
        assert!(!try_exclusive(&p));
        drop(x);
        assert!(try_exclusive(&p));
    }

    #[test]
    fn try_exclusive_fails_at_once_while_held() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("ctr.lock");
        let held = StoreLock::try_exclusive(&p)
            .unwrap()
            .expect("a free lock is taken");
        assert!(StoreLock::try_exclusive(&p).unwrap().is_none());
        drop(held);
        assert!(StoreLock::try_exclusive(&p).unwrap().is_some());
    }
}
