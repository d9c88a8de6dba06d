//! Checkpoints of the database's write-ahead log, beside the commands instead of in
//! them.
//!
//! SQLite checkpoints the WAL from inside a commit once the WAL has grown past a
//! number of pages (`wal_autocheckpoint`). With `synchronous=NORMAL` that commit
//! syncs the WAL and the database file, and the next commit, which restarts the WAL
//! from its start, syncs the WAL's new header: three or four fsyncs, each up to
//! milliseconds on a disk, in whichever command happened to commit then (one
//! `run --rm` in four or five).
//!
//! So commits only note how large the WAL has grown (a WAL hook, which takes the
//! place of the automatic checkpoint), and a command that leaves it at
//! [`CHECKPOINT_PAGES`] or more learns it from [`due`] as it ends and starts a detached
//! process (the coracle binary in the internal mode [`CHECKPOINT_ARG`], running
//! [`checkpoint_and_restart`]) that checkpoints the WAL and restarts it, paying the
//! syncs beside the commands. A command that forks a child for other work as it
//! ends (a `run --rm` deleting its container's directory) can hand the checkpoint
//! to that child instead ([`become_checkpointer`]). A checkpoint cut short leaves a
//! consistent database (SQLite's design); the next command that commits finds the
//! WAL still large and starts another. Should the WAL grow to [`INLINE_LIMIT`] pages
//! all the same (every checkpointer killed), commits checkpoint it themselves, as
//! SQLite would.

use std::cell::{Cell, RefCell};
use std::os::raw::c_int;
use std::path::{Path, PathBuf};

use rusqlite::hooks::Wal;
use rusqlite::TransactionBehavior;

use crate::records::Db;
use crate::Result;

/// The first argument of coracle's internal checkpoint mode; the second is the
/// database file.
pub const CHECKPOINT_ARG: &str = "__coracle-checkpoint";

/// WAL pages after which the command that wrote them starts a checkpoint as it ends
/// (the next command's WAL recovery re-reads every page written since the last one).
/// A `run --rm` writes about nine: one in three starts a checkpoint. Against 64
/// pages the WAL a command opens is about a third as long (shorter recoveries,
/// smaller checkpoints); the time this saves a `run --rm` is within the noise of
/// the measurements in bench/RESULTS.md (see its sixteenth run).
pub const CHECKPOINT_PAGES: c_int = 24;

/// WAL pages after which a commit checkpoints itself (SQLite's default threshold).
pub const INLINE_LIMIT: c_int = 1000;

thread_local! {
    /// Set by a commit of this thread that left the WAL at [`CHECKPOINT_PAGES`] or
    /// more. Per thread: commands commit from their main thread (a commit made on
    /// another one is left to the next command, or to [`INLINE_LIMIT`]).
    static DUE: Cell<bool> = const { Cell::new(false) };
    /// The database this thread opened last (the one [`due`] names).
    static DATABASE: RefCell<Option<PathBuf>> = const { RefCell::new(None) };
}

/// Note `path` as this thread's database (called by [`Db::open`]).
pub(crate) fn opened(path: &Path) {
    DATABASE.with(|db| *db.borrow_mut() = Some(path.to_path_buf()));
}

/// The WAL hook of every connection: called after each commit with the WAL's size.
pub(crate) fn after_commit(wal: &Wal, pages: c_int) -> rusqlite::Result<()> {
    if pages >= INLINE_LIMIT {
        // As SQLite's own automatic checkpoint: passive, its failure not the commit's.
        let _ = wal.checkpoint();
    } else if pages >= CHECKPOINT_PAGES {
        DUE.with(|due| due.set(true));
    }
    Ok(())
}

/// The database whose WAL this thread's commits left large enough for a
/// checkpoint, if any (once: the flag is cleared).
pub fn due() -> Option<PathBuf> {
    if !DUE.with(|due| due.replace(false)) {
        return None;
    }
    DATABASE.with(|db| db.borrow().clone())
}

/// Checkpoint the database at `path` (passively: readers and writers go on), then,
/// if every frame reached the database, make one empty write so that the WAL
/// restarts from its start now, here, with its header's sync.
pub fn checkpoint_and_restart(path: &Path) -> Result<()> {
    let db = Db::open(path)?;
    let mut conn = db.conn();
    let (busy, log, done): (i64, i64, i64) =
        conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    if busy == 0 && log > 0 && log == done {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

/// Start [`checkpoint_and_restart`] of `db` in a detached process: this program
/// (which must answer [`CHECKPOINT_ARG`]) in a process group of its own, with no
/// standard streams, not waited for. Where it cannot be started, the checkpoint
/// runs here.
pub fn start_beside(db: &Path) {
    use std::os::unix::process::CommandExt;
    use std::process::Stdio;
    let started = checkpointer(db)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn();
    match started {
        // Not waited for: the caller is about to end, and init reaps it then.
        Ok(child) => drop(child),
        Err(_) => {
            let _ = checkpoint_and_restart(db);
        }
    }
}

/// Replace this process with [`checkpoint_and_restart`] of `db` in a program of its
/// own (this program, which must answer [`CHECKPOINT_ARG`]), keeping its standard
/// streams, session and priority: for a detached child of a command that forked it
/// for other work. Returns only if the program could not be started.
pub fn become_checkpointer(db: &Path) -> std::io::Error {
    use std::os::unix::process::CommandExt;
    checkpointer(db).exec()
}

/// The command line of a checkpoint of `db`: this program's own path (not
/// /proc/self/exe, which `ps` would show as "exe") in the checkpoint mode.
fn checkpointer(db: &Path) -> std::process::Command {
    let program = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("/proc/self/exe"));
    let mut command = std::process::Command::new(program);
    command.arg(CHECKPOINT_ARG).arg(db);
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The WAL's checkpoint sequence number (bytes 12..16 of its header, big-endian),
    /// which each restart of the WAL increments.
    fn wal_sequence(db: &Path) -> u32 {
        let wal = std::fs::read(db.with_extension("sqlite-wal")).unwrap();
        u32::from_be_bytes(wal[12..16].try_into().unwrap())
    }

    #[test]
    fn commits_flag_a_large_wal_and_the_checkpoint_restarts_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        let db = Db::open(&path).unwrap();
        let _ = due();
        db.conn()
            .execute_batch("CREATE TABLE small (x); INSERT INTO small VALUES (1);")
            .unwrap();
        assert_eq!(due(), None, "a few pages are not worth a checkpoint");
        // Over 24 pages of 4 KiB in one commit: no checkpoint in the commit (the WAL
        // keeps every frame), the command is told to start one.
        db.conn()
            .execute_batch(
                "CREATE TABLE big (x);
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
                 INSERT INTO big SELECT randomblob(1000) FROM n;",
            )
            .unwrap();
        assert_eq!(due(), Some(path.clone()));
        assert_eq!(due(), None, "once");
        let before = wal_sequence(&path);
        let pages_before = std::fs::metadata(path.with_extension("sqlite-wal"))
            .unwrap()
            .len();
        let threshold = u64::try_from(CHECKPOINT_PAGES).unwrap() * 4096;
        assert!(pages_before > threshold, "{pages_before}");
        drop(db);
        checkpoint_and_restart(&path).unwrap();
        assert_ne!(wal_sequence(&path), before, "the WAL was not restarted");
        // Everything is in the database file: a new connection reads it back.
        let db = Db::open(&path).unwrap();
        let rows: i64 = db
            .conn()
            .query_row("SELECT count(*) FROM big", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 400);
    }
}
