//! `pause` and `unpause`: a running container's processes are frozen through its
//! freezer cgroup where it has one (v1 `freezer.state` as root, v2
//! `cgroup.freeze`), otherwise stopped with SIGSTOP and continued with SIGCONT,
//! every process of its PID namespace, as Podman does without cgroups. The state
//! machine decides what may be paused ([`ContainerState::can_pause`]).

use coracle_storage::{ContainerChange, ContainerRecord, ContainerState, InvalidTransition, Store};

use crate::error::Result;
use crate::lifecycle::control::{no_such, refresh_locked};
use crate::lifecycle::top::members;
use crate::process::join::ContainerNamespaces;

/// How many times the processes are listed again for ones forked meanwhile.
const SIGNAL_ROUNDS: usize = 4;

/// `pause`: freeze the running container `id`; returns its record afterwards.
pub fn pause(store: &Store, id: &str) -> Result<ContainerRecord> {
    change(store, id, ContainerState::Paused, "pause")
}

/// `unpause`: thaw the paused container `id`; returns its record afterwards.
pub fn unpause(store: &Store, id: &str) -> Result<ContainerRecord> {
    change(store, id, ContainerState::Running, "unpause")
}

fn change(
    store: &Store,
    id: &str,
    to: ContainerState,
    action: &'static str,
) -> Result<ContainerRecord> {
    let _lock = store.container_lock(id)?;
    let record = refresh_locked(store, id)?.ok_or_else(|| no_such(id))?;
    let allowed = if to == ContainerState::Paused {
        record.state.can_pause()
    } else {
        record.state.can_unpause()
    };
    if !allowed {
        return Err(coracle_storage::StorageError::from(InvalidTransition {
            id: record.id[..record.id.len().min(12)].to_string(),
            from: record.state,
            action,
        })
        .into());
    }
    freeze(&record, to == ContainerState::Paused)?;
    Ok(store
        .db
        .transition(&record.id, to, action, &ContainerChange::default())?)
}

/// Thaw a paused container before it is stopped (a frozen process cannot act on
/// its stop signal); the caller holds its lock and records the end.
pub fn thaw_for_stop(record: &ContainerRecord) -> Result<()> {
    if record.state == ContainerState::Paused {
        freeze(record, false)?;
    }
    Ok(())
}

/// Freeze or thaw the processes of the container `record`.
fn freeze(record: &ContainerRecord, frozen: bool) -> Result<()> {
    if let Ok(cgroup) = crate::cgroups::existing(&record.id) {
        if cgroup.can_freeze() {
            return cgroup.freeze(frozen);
        }
    }
    let pid = record
        .pid
        .filter(|&p| p > 0)
        .ok_or_else(|| no_such(&record.id))?;
    let init = ContainerNamespaces::open(pid, record.started)?;
    let signal = if frozen {
        rustix::process::Signal::STOP
    } else {
        rustix::process::Signal::CONT
    };
    let mut done: Vec<i32> = Vec::new();
    for _ in 0..SIGNAL_ROUNDS {
        let (_, pids) = members(&init)?;
        let new: Vec<i32> = pids.into_iter().filter(|p| !done.contains(p)).collect();
        if new.is_empty() {
            break;
        }
        for p in new {
            if let Some(target) = rustix::process::Pid::from_raw(p) {
                // A process that ended meanwhile (ESRCH) needs nothing.
                let _ = rustix::process::kill_process(target, signal);
            }
            done.push(p);
        }
    }
    if frozen {
        wait_until_stopped(&done);
    }
    Ok(())
}

/// Wait (up to [`STOP_WAIT`]) until every process of `pids` is stopped or gone, so
/// that a paused container is paused when `pause` returns: SIGSTOP takes effect when
/// the process is next scheduled, not when it is sent.
fn wait_until_stopped(pids: &[i32]) {
    let deadline = std::time::Instant::now() + STOP_WAIT;
    let running = |p: &i32| {
        std::fs::read_to_string(format!("/proc/{p}/stat"))
            .ok()
            .and_then(|text| crate::process::procfs::parse_stat(&text))
            .is_some_and(|st| !matches!(st.state, 'T' | 't' | 'Z' | 'X'))
    };
    while pids.iter().any(running) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

/// How long `pause` waits for its SIGSTOP to take effect.
const STOP_WAIT: std::time::Duration = std::time::Duration::from_secs(2);
