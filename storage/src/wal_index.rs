//! Keeping the database's WAL index valid between commands.
//!
//! Every coracle command is a short-lived process with its own SQLite connection.
//! When a connection opens and finds no other connection to the database, it cannot
//! trust the shared WAL index (`db.sqlite-shm`) and rebuilds it: it truncates the
//! file, grows it again page by page and re-reads and checksums every frame of the
//! write-ahead log. That recovery was a tenth of `ps`'s time.
//!
//! SQLite tells "another connection is open" by a lock: each connection holds a
//! shared lock on one byte of the `-shm` file, the "DMS" byte, for as long as it is
//! open, and a new connection rebuilds the index only when it can take that byte
//! exclusively. This lock protocol is part of SQLite's documented file format
//! (<https://sqlite.org/walformat.html>, "the DMS lock"), shared by every SQLite
//! version that opens the same file. A container's monitor, which lives as long as
//! the container and links no SQLite, holds the same shared lock through a
//! [`WalIndexHold`]: while any container runs, commands find the index valid and
//! skip the recovery, exactly as if one more idle connection were open. The hold
//! never reads or writes the index and takes no other lock, so writers, readers and
//! checkpoints go on as before.
//!
//! The lock is an open-file-description lock (`F_OFD_SETLK`): it stays with the
//! descriptor across `execve` and is not dropped when the same process closes
//! another descriptor of the file (as its own SQLite connection's), and it is
//! released when the last copy of the descriptor is closed.

use std::fs::File;
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// The offset of the DMS byte in the `-shm` file: after the eight WAL-index locks
/// that start at byte 120 (SQLite's `UNIX_SHM_DMS`).
const DMS_BYTE: i64 = 128;

/// A shared lock on the DMS byte of a database's WAL index, held for as long as
/// the descriptor lives.
#[derive(Debug)]
pub struct WalIndexHold(OwnedFd);

impl WalIndexHold {
    /// Take the hold on `<database>-shm`; `None` when the database has no WAL index
    /// yet or the lock cannot be taken (the commands then only recover it, as they
    /// would without the hold).
    pub fn take(database: &Path) -> Option<WalIndexHold> {
        let mut shm = database.as_os_str().to_owned();
        shm.push("-shm");
        let file = File::options()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
            .open(shm)
            .ok()?;
        let fd = OwnedFd::from(file);
        ofd_read_lock_byte(fd.as_fd(), DMS_BYTE).ok()?;
        Some(WalIndexHold(fd))
    }

    /// The descriptor, to hand to a program that keeps it open.
    pub fn into_fd(self) -> OwnedFd {
        self.0
    }
}

/// `fcntl(F_OFD_SETLK)` a read lock on the one byte at `offset`.
fn ofd_read_lock_byte(fd: BorrowedFd<'_>, offset: i64) -> io::Result<()> {
    // SAFETY: an all-zero `flock` is a valid value of the plain C struct.
    let mut lock: libc::flock = unsafe { std::mem::zeroed() };
    lock.l_type = libc::F_RDLCK as libc::c_short;
    lock.l_whence = libc::SEEK_SET as libc::c_short;
    lock.l_start = offset;
    lock.l_len = 1;
    // l_pid must be 0 for open-file-description locks (it is, from zeroed()).
    // SAFETY: the descriptor is valid for the call and `lock` outlives it.
    let rc = unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_OFD_SETLK, &lock) };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Db;

    /// Whether the shm file's DMS byte can be locked exclusively now (SQLite's test
    /// for "no other connection"), asked with a traditional lock from a child.
    fn dms_free(database: &Path) -> bool {
        let mut shm = database.as_os_str().to_owned();
        shm.push("-shm");
        let file = File::options().read(true).write(true).open(shm).unwrap();
        // SAFETY: an all-zero `flock` is a valid value of the plain C struct.
        let mut lock: libc::flock = unsafe { std::mem::zeroed() };
        lock.l_type = libc::F_WRLCK as libc::c_short;
        lock.l_whence = libc::SEEK_SET as libc::c_short;
        lock.l_start = DMS_BYTE;
        lock.l_len = 1;
        // SAFETY: valid descriptor and struct for the call.
        let rc = unsafe { libc::fcntl(file.as_raw_fd(), libc::F_GETLK, &mut lock) };
        assert_eq!(rc, 0);
        lock.l_type == libc::F_UNLCK as libc::c_short
    }

    #[test]
    fn the_hold_keeps_the_index_in_use_and_sqlite_still_works() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        assert!(WalIndexHold::take(&path).is_none(), "no index yet");
        let db = Db::open(&path).unwrap();
        db.list_images().unwrap();
        drop(db);
        assert!(
            dms_free(&path),
            "no connection: the index would be recovered"
        );
        let hold = WalIndexHold::take(&path).expect("the index exists");
        assert!(
            !dms_free(&path),
            "held: the next connection trusts the index"
        );
        // Connections open, write and read while the hold is there.
        let db = Db::open(&path).unwrap();
        db.write(|tx| Ok(tx.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (7)")?))
            .unwrap();
        drop(db);
        let db = Db::open(&path).unwrap();
        let seven: i64 = db
            .conn()
            .query_row("SELECT x FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(seven, 7);
        drop(db);
        drop(hold);
        assert!(dms_free(&path), "released with the descriptor");
    }
}
