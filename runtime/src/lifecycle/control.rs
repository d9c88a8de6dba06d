//! Acting on existing containers from any coracle process: reading their state
//! truthfully (a recorded pid that is gone means the container ended), signalling,
//! stopping, waiting for and removing them. Every state change goes through the
//! store's checked transitions.

use std::time::{Duration, Instant};

use coracle_storage::{ContainerChange, ContainerRecord, ContainerState, Store};

use crate::error::{Result, RuntimeError};
use crate::ids::idmap::UserNsPlan;
use crate::lifecycle::launch::{now, remove_container};
use crate::spec::ContainerConfig;

/// How often waiting commands look at a container again.
const POLL: Duration = Duration::from_millis(25);

/// Whether a process with this pid exists and is not a zombie.
pub fn pid_alive(pid: i32) -> bool {
    if pid <= 0 {
        return false;
    }
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the command name's closing parenthesis.
        Ok(stat) => stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_some_and(|state| state != "Z" && state != "X"),
        Err(_) => false,
    }
}

/// The record as it truly is: a running or paused container whose process and
/// monitor are both gone (killed, or the host restarted) is recorded as exited, with
/// an unknown exit code and the reason as its error.
pub fn refresh(store: &Store, record: ContainerRecord) -> Result<ContainerRecord> {
    if !record.state.is_active() {
        return Ok(record);
    }
    let container_alive = record.pid.is_some_and(pid_alive);
    let monitor_alive = record.monitor_pid.is_some_and(pid_alive);
    if container_alive || monitor_alive {
        return Ok(record);
    }
    let change = ContainerChange::ended(
        None,
        now(),
        Some("the container and its monitor are gone; its exit code is unknown".into()),
    );
    match store.db.transition(
        &record.id,
        ContainerState::Exited,
        "record the end of",
        &change,
    ) {
        Ok(r) => Ok(r),
        // Somebody else recorded it first.
        Err(_) => store
            .db
            .find_container(&record.id)?
            .ok_or_else(|| RuntimeError::Start(format!("{}: no such container", record.name))),
    }
}

/// Send `signal` to a running or paused container's init.
pub fn kill(record: &ContainerRecord, signal: i32) -> Result<()> {
    if !record.state.can_kill() {
        return Err(
            coracle_storage::StorageError::from(coracle_storage::InvalidTransition {
                id: record.id[..12.min(record.id.len())].to_string(),
                from: record.state,
                action: "kill",
            })
            .into(),
        );
    }
    let pid = record.pid.unwrap_or(0);
    if pid <= 0 || !pid_alive(pid) {
        return Ok(());
    }
    rustix::process::kill_process(
        rustix::process::Pid::from_raw(pid).ok_or_else(|| RuntimeError::Start("bad pid".into()))?,
        signal_of(signal)?,
    )
    .or_else(|e| {
        if e == rustix::io::Errno::SRCH {
            Ok(())
        } else {
            Err(e)
        }
    })
    .map_err(|e| RuntimeError::Os {
        action: "signal the container",
        source: e.into(),
    })
}

fn signal_of(n: i32) -> Result<rustix::process::Signal> {
    rustix::process::Signal::from_named_raw(n)
        .ok_or_else(|| RuntimeError::Start(format!("signal {n} cannot be sent")))
}

/// Wait until the container is no longer running or paused (its monitor recorded the
/// end, or [`refresh`] found it gone); `None` waits for ever.
pub fn wait_ended(
    store: &Store,
    id: &str,
    timeout: Option<Duration>,
) -> Result<Option<ContainerRecord>> {
    let deadline = timeout.map(|t| Instant::now() + t);
    loop {
        let Some(record) = store.db.find_container(id)? else {
            return Ok(None);
        };
        let record = refresh(store, record)?;
        if !record.state.is_active() {
            return Ok(Some(record));
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(Some(record));
        }
        std::thread::sleep(POLL);
    }
}

/// Wait until the process `pid` is gone, at most `timeout`; whether it is.
fn wait_pid_gone(pid: i32, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    while pid_alive(pid) {
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(POLL);
    }
    true
}

/// `stop`: the container's stop signal, then SIGKILL after `timeout` seconds (the
/// saved `--stop-timeout` when `None`); returns the record once the end is recorded.
/// A container that is not running is left as it is.
pub fn stop(
    store: &Store,
    record: ContainerRecord,
    timeout: Option<u32>,
) -> Result<ContainerRecord> {
    let record = refresh(store, record)?;
    if !record.state.can_kill() {
        return Ok(record);
    }
    let config = ContainerConfig::from_json(&record.id, &record.config)?;
    let timeout = Duration::from_secs(u64::from(timeout.unwrap_or(config.stop_timeout())));
    let pid = record.pid.unwrap_or(0);
    let mut signal = config.stop_signal_number()?;
    if timeout.is_zero() {
        signal = libc::SIGKILL;
    }
    kill(&record, signal)?;
    if !wait_pid_gone(pid, timeout) {
        signal = libc::SIGKILL;
        kill(&record, signal)?;
        wait_pid_gone(pid, Duration::from_secs(5));
    }
    settle_stopped(store, &record.id, signal)
}

/// After the container's process is gone: its monitor records the end; a monitor
/// that is gone too cannot, so the end is recorded here with the signal's code.
fn settle_stopped(store: &Store, id: &str, signal: i32) -> Result<ContainerRecord> {
    let Some(record) = wait_ended(store, id, Some(Duration::from_secs(5)))? else {
        return Err(RuntimeError::Start(format!("{id}: no such container")));
    };
    if !record.state.is_active() {
        return Ok(record);
    }
    let change = ContainerChange::ended(Some(128 + signal), now(), None);
    Ok(store
        .db
        .transition(id, ContainerState::Exited, "record the end of", &change)?)
}

/// `rm`: remove an ended container; with `force` a running one is stopped first
/// (SIGKILL unless `timeout` gives it time).
pub fn remove(
    store: &Store,
    record: ContainerRecord,
    force: bool,
    timeout: Option<u32>,
    plan: Option<&UserNsPlan>,
) -> Result<()> {
    let mut record = refresh(store, record)?;
    if record.state.is_active() {
        if !force {
            return Err(RuntimeError::Start(format!(
                "cannot remove container {} as it is {} - running or paused containers cannot be removed without force",
                &record.id[..12.min(record.id.len())],
                record.state.as_str()
            )));
        }
        record = stop(store, record, Some(timeout.unwrap_or(0)))?;
    }
    // A monitor with --rm may be removing it at the same moment.
    match remove_container(store, &record.id, plan) {
        Ok(()) => Ok(()),
        Err(_) if store.db.find_container(&record.id)?.is_none() => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn liveness_of_pids() {
        assert!(pid_alive(std::process::id() as i32));
        assert!(!pid_alive(0));
        assert!(!pid_alive(-1));
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id() as i32;
        // A zombie is not alive.
        std::thread::sleep(Duration::from_millis(200));
        assert!(!pid_alive(pid));
        child.wait().unwrap();
        assert!(!pid_alive(pid));
    }
}
