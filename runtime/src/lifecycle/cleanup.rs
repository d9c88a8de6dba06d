//! `coracle container cleanup ID`: the exit command a monitor runs once its
//! container ended (as conmon runs `podman container cleanup`). Under the
//! container's lock it records the end from the monitor's exit file (and an OOM kill
//! its cgroup saw, removing the cgroup), then removes a
//! `--rm` container or applies the restart policy: `--restart` starts the container
//! again from its saved spec under a new monitor.

use coracle_monitor::exit_file::ExitRecord;
use coracle_storage::{ContainerChange, Store};

use crate::error::Result;
use crate::ids::idmap::UserNsPlan;
use crate::lifecycle::control::{record_locked, refresh_locked};
use crate::lifecycle::launch::{record_end_or_remove, remove_ended};
use crate::lifecycle::liveness::recorded_alive;
use crate::lifecycle::rundir;
use crate::spec::{ContainerConfig, RestartPolicy};

/// Whether a container that exited with `code` after `restarts` restarts starts
/// again. `unless-stopped` is `always` here: a stopped container's end is recorded
/// by `stop`, and its cleanup never restarts it.
pub fn should_restart(policy: &RestartPolicy, code: Option<i32>, restarts: u32) -> bool {
    match policy {
        RestartPolicy::No => false,
        RestartPolicy::OnFailure(max) => {
            code.is_some_and(|c| c != 0) && (*max == 0 || restarts < *max)
        }
        RestartPolicy::Always | RestartPolicy::UnlessStopped => true,
    }
}

/// Forget what the monitor of container `id` (a full id) left in the runtime
/// directory after the container was removed: `rm -f` stops waiting for a stalled
/// monitor's exit file after a while and removes the container, and the monitor
/// writes the file later. Anything but a full id is left alone.
pub fn forget_removed(id: &str) {
    if id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit()) {
        rundir::remove_exit_file(id);
    }
}

/// Clean up after container `id` (a full id): see the module. Nothing to do for a
/// container that is gone, or running again under another monitor. A `--rm`
/// container whose end this cleanup records is removed as a foreground `--rm` run
/// is: its end, its removal and the deletion of its record are one commit
/// (`record_end_or_remove`).
pub fn cleanup(store: &Store, id: &str, plan: Option<&UserNsPlan>) -> Result<()> {
    let _lock = store.container_lock(id)?;
    // Removed meanwhile (`rm -f` between the exit command's lookup and this lock).
    let Some(record) = record_locked(store, id)? else {
        rundir::remove_exit_file(id);
        return Ok(());
    };
    let exit = ExitRecord::read(&rundir::exit_file(id));
    // The end of this run, when its monitor's exit file tells it.
    let mut ended = None;
    if record.state.is_active() {
        match exit {
            Some(exit) if Some(exit.pid) == record.pid => ended = Some(exit),
            // No exit file of this run: its process still runs (a cleanup asked
            // for by hand), or it is gone and refresh records that.
            _ if recorded_alive(record.pid, record.pid_start) => return Ok(()),
            _ => {
                refresh_locked(store, id)?;
            }
        }
    }
    let record = if ended.is_some() {
        record
    } else {
        // Ended before (`stop` recorded it, or refresh just did).
        rundir::remove_exit_file(id);
        let Some(record) = store.db.find_container(id)?.filter(|r| r.id == id) else {
            return Ok(());
        };
        if record.state.is_active() {
            return Ok(());
        }
        record
    };
    crate::lifecycle::launch::ended_cgroup(store, id);
    let config = ContainerConfig::from_json(id, &record.config)?;
    let Some(exit) = ended else {
        if config.remove {
            return remove_ended(store, &record, &config, plan);
        }
        return Ok(());
    };
    let change = ContainerChange::ended(Some(exit.code), exit.finished, None);
    record_end_or_remove(store, &record, &config, plan, &change, None)?;
    rundir::remove_exit_file(id);
    // Only an end this cleanup recorded may restart it (`stop` records its own).
    if !config.remove && should_restart(&config.restart, Some(exit.code), record.restart_count) {
        store.db.set_restart_count(id, record.restart_count + 1)?;
        crate::monitor::spawn(&store.root, id)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::testing::{lock_files, store};

    #[test]
    fn a_cleanup_that_comes_after_the_removal_leaves_no_lock_file() {
        // The monitor's exit command found the record, then `rm -f` removed the
        // container and its lock file before this cleanup took the lock, which made
        // the file again.
        let (_dir, store) = store();
        cleanup(&store, &"ab".repeat(32), None).unwrap();
        assert_eq!(lock_files(&store), Vec::<String>::new());
    }

    #[test]
    fn restart_policies() {
        use RestartPolicy::*;
        assert!(!should_restart(&No, Some(1), 0));
        assert!(should_restart(&OnFailure(2), Some(3), 0));
        assert!(should_restart(&OnFailure(2), Some(3), 1));
        assert!(!should_restart(&OnFailure(2), Some(3), 2));
        assert!(!should_restart(&OnFailure(2), Some(0), 0));
        assert!(!should_restart(&OnFailure(0), None, 0));
        assert!(should_restart(&OnFailure(0), Some(1), 1000));
        assert!(should_restart(&Always, Some(0), 5));
        assert!(should_restart(&UnlessStopped, Some(0), 5));
    }
}
