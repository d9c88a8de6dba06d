//! Acting on existing containers from any coracle process: reading their state
//! truthfully (a recorded process that is gone, or whose pid now belongs to another
//! process, means the container ended), starting them detached, signalling,
//! stopping, waiting for and removing them. Every command that changes a container
//! holds its lock ([`Store::container_lock`]) and reads the record again under it;
//! every state change goes through the store's checked transitions.

use std::time::{Duration, Instant};

use coracle_monitor::exit_file::ExitRecord;
use coracle_storage::{ContainerChange, ContainerRecord, ContainerState, Store};

use crate::error::{Result, RuntimeError};
use crate::ids::idmap::UserNsPlan;
use crate::lifecycle::launch::{now, remove_container};
pub use crate::lifecycle::liveness::pid_alive;
use crate::lifecycle::liveness::recorded_alive;
use crate::lifecycle::rundir;
use crate::spec::ContainerConfig;

/// The longest pause between two looks of a waiting command at a container.
const POLL: Duration = Duration::from_millis(25);

/// The first pause: a killed process is usually gone, and its monitor has written
/// its exit file, within a millisecond or two, so the pauses start short and double
/// up to [`POLL`].
const FIRST_POLL: Duration = Duration::from_millis(1);

/// Pauses between the looks of a waiting loop: [`FIRST_POLL`], doubling up to
/// [`POLL`].
struct Backoff(Duration);

impl Backoff {
    fn new() -> Backoff {
        Backoff(FIRST_POLL)
    }

    /// Sleep for the current pause (never past `deadline`), then lengthen it.
    fn sleep(&mut self, deadline: Option<Instant>) {
        let pause = match deadline {
            Some(d) => self.0.min(d.saturating_duration_since(Instant::now())),
            None => self.0,
        };
        std::thread::sleep(pause);
        self.0 = (self.0 * 2).min(POLL);
    }
}

/// How long `stop` waits for the monitor's exit file once the process is gone.
const EXIT_FILE_WAIT: Duration = Duration::from_secs(5);

/// The container's init is alive (and still the recorded process).
fn container_alive(record: &ContainerRecord) -> bool {
    recorded_alive(record.pid, record.pid_start)
}

/// Its monitor is alive (and still the recorded process).
fn monitor_alive(record: &ContainerRecord) -> bool {
    recorded_alive(record.monitor_pid, record.monitor_start)
}

pub(crate) fn no_such(id: &str) -> RuntimeError {
    RuntimeError::Start(format!("{}: no such container", &id[..id.len().min(12)]))
}

/// The record as it truly is: a running or paused container whose process and
/// monitor are both gone (killed, or the host restarted) is recorded as exited, with
/// the exit code of its monitor's exit file if it left one, else an unknown code and
/// the reason as its error.
pub fn refresh(store: &Store, record: ContainerRecord) -> Result<ContainerRecord> {
    let id = record.id.clone();
    refresh_if_present(store, record)?.ok_or_else(|| no_such(&id))
}

/// [`refresh`], with `None` for a container that another process removed since
/// `record` was read (listing commands skip it).
pub fn refresh_if_present(
    store: &Store,
    record: ContainerRecord,
) -> Result<Option<ContainerRecord>> {
    if !record.state.is_active() || container_alive(&record) || monitor_alive(&record) {
        return Ok(Some(record));
    }
    let _lock = store.container_lock(&record.id)?;
    refresh_locked(store, &record.id)
}

/// Every container, newest first, states made truthful (one query); containers
/// removed meanwhile are left out.
pub fn all(store: &Store) -> Result<Vec<ContainerRecord>> {
    store
        .db
        .list_containers()?
        .into_iter()
        .filter_map(|r| refresh_if_present(store, r).transpose())
        .collect()
}

/// The record of container `id` (a full id) for a caller that holds its lock, or
/// `None` when another process removed it meanwhile. That removal took the lock file
/// with it, and taking the lock afterwards made the file again: it goes now, so that
/// a removed container leaves none (whoever finds the container gone under its lock
/// removes the file; ids are never reused, so nobody can need it any more).
pub fn record_locked(store: &Store, id: &str) -> Result<Option<ContainerRecord>> {
    let record = store.db.find_container(id)?.filter(|r| r.id == id);
    if record.is_none() {
        store.remove_container_lock(id);
    }
    Ok(record)
}

/// [`refresh`] for a caller that holds the container's lock; `None` when it is gone
/// (see [`record_locked`]).
pub fn refresh_locked(store: &Store, id: &str) -> Result<Option<ContainerRecord>> {
    let Some(record) = record_locked(store, id)? else {
        return Ok(None);
    };
    if !record.state.is_active() || container_alive(&record) || monitor_alive(&record) {
        return Ok(Some(record));
    }
    let change = match ExitRecord::read(&rundir::exit_file(id)) {
        Some(exit) if Some(exit.pid) == record.pid => {
            ContainerChange::ended(Some(exit.code), exit.finished, None)
        }
        _ => ContainerChange::ended(
            None,
            now(),
            Some("the container and its monitor are gone; its exit code is unknown".into()),
        ),
    };
    rundir::remove_exit_file(id);
    crate::lifecycle::netns::release(id);
    Ok(Some(store.db.transition(
        id,
        ContainerState::Exited,
        "record the end of",
        &change,
    )?))
}

/// Start a created or ended container under a new monitor (`start`, `run -d`); a
/// running one is left as it is. Returns the record afterwards.
pub fn start_detached(store: &Store, id: &str) -> Result<ContainerRecord> {
    let _lock = store.container_lock(id)?;
    let record = refresh_locked(store, id)?.ok_or_else(|| no_such(id))?;
    if record.state.is_active() {
        return Ok(record);
    }
    let config = ContainerConfig::from_json(&record.id, &record.config)?;
    crate::lifecycle::shared_ns::start_pod_infra(store, &config)?;
    rundir::remove_exit_file(id);
    if record.state != ContainerState::Created {
        // The ended run's monitor gives back its network and cgroup as `container
        // cleanup`, under this lock, unless a new run has started by then (it then
        // leaves them alone): a start right after the end (`restart`, `stop` then
        // `start`) gives them back itself first. Nothing is left to do when the
        // cleanup came first.
        crate::lifecycle::launch::ended_cgroup(store, id);
    }
    crate::monitor::spawn(&store.root, id)?;
    store.db.find_container(id)?.ok_or_else(|| no_such(id))
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
    if pid <= 0 || !container_alive(record) {
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

/// Wait until the container is no longer running or paused (its monitor's cleanup
/// recorded the end, or [`refresh`] found it gone); `None` waits for ever.
pub fn wait_ended(
    store: &Store,
    id: &str,
    timeout: Option<Duration>,
) -> Result<Option<ContainerRecord>> {
    let deadline = timeout.map(|t| Instant::now() + t);
    let mut backoff = Backoff::new();
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
        backoff.sleep(deadline);
    }
}

/// Wait until `done` holds, at most `timeout`; whether it does.
fn wait_until(timeout: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    let mut backoff = Backoff::new();
    while !done() {
        if Instant::now() >= deadline {
            return false;
        }
        backoff.sleep(Some(deadline));
    }
    true
}

/// Wait until the container's init has ended, at most `timeout`; whether it has.
fn wait_for_end(record: &ContainerRecord, timeout: Duration) -> bool {
    crate::lifecycle::liveness::wait_ended(record.pid, record.pid_start, timeout)
        .unwrap_or_else(|| wait_until(timeout, || !container_alive(record)))
}

/// `stop`: the container's stop signal, then SIGKILL after `timeout` seconds (the
/// saved `--stop-timeout` when `None`); returns the record once the end is recorded.
/// A container that is not running is left as it is. A stopped container is not
/// restarted by its restart policy (its end is recorded here, not by its monitor).
pub fn stop(
    store: &Store,
    record: ContainerRecord,
    timeout: Option<u32>,
) -> Result<ContainerRecord> {
    let _lock = store.container_lock(&record.id)?;
    stop_locked(store, &record.id, timeout)
}

fn stop_locked(store: &Store, id: &str, timeout: Option<u32>) -> Result<ContainerRecord> {
    let record = refresh_locked(store, id)?.ok_or_else(|| no_such(id))?;
    if !record.state.can_kill() {
        return Ok(record);
    }
    let config = ContainerConfig::from_json(&record.id, &record.config)?;
    let timeout = Duration::from_secs(u64::from(timeout.unwrap_or(config.stop_timeout())));
    let mut signal = config.stop_signal_number()?;
    if timeout.is_zero() {
        signal = libc::SIGKILL;
    }
    // As Podman, a paused container is thawed so that it can act on the signal.
    crate::lifecycle::pause::thaw_for_stop(&record)?;
    kill(&record, signal)?;
    if !wait_for_end(&record, timeout) {
        signal = libc::SIGKILL;
        kill(&record, signal)?;
        wait_for_end(&record, Duration::from_secs(5));
    }
    settle_stopped(store, &record, signal)
}

/// After the container's process is gone: record its end with the code its monitor
/// wrote in the exit file (waiting a little for it while the monitor lives), or the
/// signal's code when there is no monitor to tell.
fn settle_stopped(store: &Store, record: &ContainerRecord, signal: i32) -> Result<ContainerRecord> {
    let path = rundir::exit_file(&record.id);
    let exit = || ExitRecord::read(&path).filter(|e| Some(e.pid) == record.pid);
    wait_until(EXIT_FILE_WAIT, || {
        exit().is_some() || !monitor_alive(record)
    });
    let change = match exit() {
        Some(e) => ContainerChange::ended(Some(e.code), e.finished, None),
        None => ContainerChange::ended(Some(128 + signal), now(), None),
    };
    rundir::remove_exit_file(&record.id);
    Ok(store.db.transition(
        &record.id,
        ContainerState::Exited,
        "record the end of",
        &change,
    )?)
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
    let _lock = store.container_lock(&record.id)?;
    // Somebody else (`rm`, a `--rm` monitor) may have removed it meanwhile.
    let Some(mut record) = refresh_locked(store, &record.id)? else {
        return Ok(());
    };
    if record.state.is_active() {
        if !force {
            return Err(RuntimeError::RemoveActive {
                id: record.id[..12.min(record.id.len())].to_string(),
                state: record.state.as_str().to_string(),
            });
        }
        record = stop_locked(store, &record.id, Some(timeout.unwrap_or(0)))?;
    }
    remove_container(store, &record.id, plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::testing::{lock_files, record, store, stored_image};

    #[test]
    fn a_container_that_is_there_keeps_its_lock_file() {
        let (_dir, store) = store();
        let kept = ContainerRecord {
            image_id: stored_image(&store).id,
            ..record("ab".repeat(32), "kept")
        };
        store.db.create_container(&kept).unwrap();
        let lock = store.container_lock(&kept.id).unwrap();
        assert!(refresh_locked(&store, &kept.id).unwrap().is_some());
        drop(lock);
        assert_eq!(lock_files(&store), [kept.id]);
    }

    #[test]
    fn commands_that_find_the_container_removed_leave_no_lock_file() {
        let (_dir, store) = store();
        // A second `rm` (or a `--rm` monitor's) got the lock after the first removed
        // the container.
        remove(&store, record("ab".repeat(32), "gone"), true, None, None).unwrap();
        assert_eq!(lock_files(&store), Vec::<String>::new());
        let id = "cd".repeat(32);
        assert!(stop(&store, record(id.clone(), "gone"), None).is_err());
        assert!(start_detached(&store, &id).is_err());
        assert_eq!(lock_files(&store), Vec::<String>::new());
    }

    #[test]
    fn waiting_pauses_start_short_and_double_up_to_the_poll_interval() {
        let mut backoff = Backoff::new();
        let mut pauses = vec![backoff.0];
        for _ in 0..6 {
            backoff.sleep(None);
            pauses.push(backoff.0);
        }
        let ms: Vec<u128> = pauses.iter().map(Duration::as_millis).collect();
        assert_eq!(ms, [1, 2, 4, 8, 16, 25, 25]);
    }

    #[test]
    fn a_pause_never_sleeps_past_the_deadline() {
        let mut backoff = Backoff(Duration::from_secs(5));
        let started = Instant::now();
        backoff.sleep(Some(started + Duration::from_millis(10)));
        assert!(started.elapsed() < Duration::from_secs(1));
    }
}
