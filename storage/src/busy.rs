//! Waiting for another process's lock on the database.
//!
//! SQLite's own busy timeout sleeps 1 ms, then 2, 5, 10 ms and longer between tries.
//! The locks coracle's commands meet are held for tens of microseconds (one short
//! transaction of another command, or of the checkpoint a command starts beside
//! itself as it ends), so a command that met one slept a whole millisecond or more
//! for a lock that was free again almost at once: a script's back-to-back
//! `run --rm` met one in about one run in eight. The busy handler here starts with
//! 50 µs and doubles up to 10 ms, for as long as [`BUSY_TIMEOUT`] in all.

use std::time::Duration;

/// How long a statement waits for another process's lock in all.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The first wait; each next one is twice as long, up to [`LONGEST_WAIT`].
const FIRST_WAIT: Duration = Duration::from_micros(50);

/// The longest single wait.
const LONGEST_WAIT: Duration = Duration::from_millis(10);

/// The wait before try `attempt + 1` (SQLite counts the calls for one lock from 0).
fn wait_before_retry(attempt: u32) -> Duration {
    FIRST_WAIT
        .checked_mul(1u32.checked_shl(attempt).unwrap_or(u32::MAX))
        .unwrap_or(LONGEST_WAIT)
        .min(LONGEST_WAIT)
}

/// The time waited before try `attempt` (the sum of the waits before it).
fn waited_before(attempt: u32) -> Duration {
    // The doubling waits, then as many longest ones as there are tries left.
    let doubling = (0..attempt)
        .take_while(|&a| wait_before_retry(a) < LONGEST_WAIT)
        .count() as u32;
    let doubled: Duration = (0..doubling).map(wait_before_retry).sum();
    doubled.saturating_add(LONGEST_WAIT.saturating_mul(attempt - doubling))
}

/// The busy handler of every connection ([`rusqlite::Connection::busy_handler`]):
/// called by SQLite when a lock it needs is held, with the number of earlier calls
/// for that lock; sleeps and asks for another try, or gives up (SQLITE_BUSY) once
/// [`BUSY_TIMEOUT`] has been spent waiting.
pub(crate) fn wait_for_lock(attempt: i32) -> bool {
    let attempt = u32::try_from(attempt).unwrap_or(0);
    if waited_before(attempt) >= BUSY_TIMEOUT {
        return false;
    }
    std::thread::sleep(wait_before_retry(attempt));
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_start_short_double_and_stop_growing() {
        assert_eq!(wait_before_retry(0), Duration::from_micros(50));
        assert_eq!(wait_before_retry(1), Duration::from_micros(100));
        assert_eq!(wait_before_retry(4), Duration::from_micros(800));
        assert_eq!(wait_before_retry(8), LONGEST_WAIT);
        assert_eq!(wait_before_retry(40), LONGEST_WAIT, "no overflow");
        assert_eq!(waited_before(3), Duration::from_micros(350));
    }

    #[test]
    fn gives_up_after_the_busy_timeout_and_not_before() {
        // The first try past the timeout: the sum of the waits before it reaches it.
        let mut waited = Duration::ZERO;
        let mut last = 0;
        while waited < BUSY_TIMEOUT {
            waited += wait_before_retry(last);
            last += 1;
        }
        assert_eq!(waited_before(last), waited);
        assert!(waited_before(last - 1) < BUSY_TIMEOUT);
        assert!(!wait_for_lock(i32::try_from(last).unwrap()));
        assert!(!wait_for_lock(i32::MAX));
    }

    #[test]
    fn a_writer_waits_for_another_connections_write_and_then_commits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        let first = crate::Db::open(&path).unwrap();
        first
            .conn()
            .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1)")
            .unwrap();
        let (locked, lock_taken) = std::sync::mpsc::channel();
        let holder = std::thread::spawn(move || {
            let conn = first.conn();
            conn.execute_batch("BEGIN IMMEDIATE; INSERT INTO t VALUES (2)")
                .unwrap();
            locked.send(()).unwrap();
            std::thread::sleep(Duration::from_millis(30));
            conn.execute_batch("COMMIT").unwrap();
        });
        lock_taken.recv().unwrap();
        // Blocked on the first connection's write lock until it commits.
        let second = crate::Db::open(&path).unwrap();
        second
            .write(|tx| Ok(tx.execute("INSERT INTO t VALUES (3)", [])?))
            .unwrap();
        holder.join().unwrap();
        let rows: i64 = second
            .conn()
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 3);
    }
}
