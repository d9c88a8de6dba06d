//! `healthcheck run`: the container's `--health-cmd` run once with the exec
//! machinery ([`crate::lifecycle::exec`]), its result recorded in the container's
//! health state (`userdata/healthcheck.json`, Podman's shape: Status, FailingStreak,
//! Log) that `inspect` shows as `State.Health`. A check that fails during the start
//! period does not count; `--health-retries` consecutive failures make the container
//! unhealthy; one success makes it healthy. A check running longer than
//! `--health-timeout` is ended (SIGTERM through the exec's signal forwarding, then
//! SIGKILL) and fails.

use std::io::Read;
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use coracle_storage::{ContainerRecord, Store};
use serde::{Deserialize, Serialize};

use crate::error::{Result, RuntimeError};
use crate::lifecycle::control::{no_such, record_locked};
use crate::lifecycle::exec::{exec, ExecOptions};
use crate::lifecycle::launch::{container_dir, now};
use crate::spec::{ContainerConfig, HealthConfig};
use crate::sys;

/// The health state file in a container's `userdata/`.
pub const STATE_FILE: &str = "healthcheck.json";

/// How many log entries are kept (Podman keeps five).
const KEEP_LOG: usize = 5;

/// How much of a check's output is kept, bytes.
const MAX_OUTPUT: usize = 4096;

/// `Status` before any check counted.
pub const STARTING: &str = "starting";
/// `Status` after a successful check.
pub const HEALTHY: &str = "healthy";
/// `Status` after `retries` failures in a row.
pub const UNHEALTHY: &str = "unhealthy";

/// One check's result.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HealthLogEntry {
    /// When it started, RFC 3339 seconds since the epoch as Unix seconds.
    pub start: i64,
    /// When it ended.
    pub end: i64,
    /// The command's exit code (125 when it could not run at all).
    pub exit_code: i32,
    /// The start of its output.
    pub output: String,
}

/// A container's health as `inspect` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HealthState {
    /// starting, healthy or unhealthy.
    pub status: String,
    /// Failed checks in a row.
    pub failing_streak: u32,
    /// The last few checks, oldest first.
    pub log: Vec<HealthLogEntry>,
}

impl Default for HealthState {
    fn default() -> Self {
        HealthState {
            status: STARTING.into(),
            failing_streak: 0,
            log: vec![],
        }
    }
}

impl HealthState {
    /// Count a check's result: `counts` is false during the start period.
    pub fn record(&mut self, entry: HealthLogEntry, retries: u32, counts: bool) {
        if entry.exit_code == 0 {
            self.status = HEALTHY.into();
            self.failing_streak = 0;
        } else if counts {
            self.failing_streak += 1;
            if self.failing_streak >= retries.max(1) {
                self.status = UNHEALTHY.into();
            }
        }
        self.log.push(entry);
        let excess = self.log.len().saturating_sub(KEEP_LOG);
        self.log.drain(..excess);
    }
}

fn state_path(store: &Store, id: &str) -> PathBuf {
    container_dir(store, id).join("userdata").join(STATE_FILE)
}

/// The recorded health of container `id`, if it has a check that ran.
pub fn read_state(store: &Store, id: &str) -> Option<HealthState> {
    let text = std::fs::read(state_path(store, id)).ok()?;
    serde_json::from_slice(&text).ok()
}

/// Forget the health of an earlier run (at a new start): starting again.
pub fn reset(store: &Store, id: &str) {
    let _ = std::fs::remove_file(state_path(store, id));
}

fn write_state(path: &Path, state: &HealthState) -> Result<()> {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let text = serde_json::to_vec(state).map_err(|e| RuntimeError::Start(e.to_string()))?;
    std::fs::write(&tmp, text).map_err(|e| RuntimeError::io("failed to write", &tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| RuntimeError::io("failed to write", path, e))
}

/// Run container `record`'s health check once and record the result; returns the
/// check's log entry and whether the container is healthy by this check. A
/// container without a check, or not running, is an error (125). Forks: call it
/// from a single-threaded process.
pub fn run_check(store: &Store, record: &ContainerRecord) -> Result<(HealthLogEntry, bool)> {
    let config = ContainerConfig::from_json(&record.id, &record.config)?;
    let Some(health) = config.health.clone() else {
        return Err(RuntimeError::Start(format!(
            "container {} has no defined healthcheck: create it with --health-cmd",
            record.name
        )));
    };
    if !record.state.can_exec() {
        return Err(RuntimeError::Start(format!(
            "container {} is {}: healthchecks run only in running containers",
            record.name,
            record.state.as_str()
        )));
    }
    let start = now();
    let (exit_code, output) = run_command(store, record, &health)?;
    let entry = HealthLogEntry {
        start,
        end: now(),
        exit_code,
        output,
    };
    let in_start_period = record
        .started
        .is_some_and(|s| now() - s < health.start_period_secs as i64);
    let _lock = store.container_lock(&record.id)?;
    // Removed while the check ran: nothing is left to record it in.
    record_locked(store, &record.id)?.ok_or_else(|| no_such(&record.id))?;
    let path = state_path(store, &record.id);
    let mut state = read_state(store, &record.id).unwrap_or_default();
    state.record(entry.clone(), health.retries, !in_start_period);
    write_state(&path, &state)?;
    Ok((entry, exit_code == 0))
}

/// Fork a child that execs the check in the container (its output into a pipe);
/// collect at most [`MAX_OUTPUT`] bytes of output and its exit code, ending it after
/// the timeout.
fn run_command(
    store: &Store,
    record: &ContainerRecord,
    health: &HealthConfig,
) -> Result<(i32, String)> {
    let os = |action| move |e: std::io::Error| RuntimeError::Os { action, source: e };
    let (out_r, out_w) = sys::pipe().map_err(os("create the healthcheck's pipe"))?;
    let options = ExecOptions {
        command: health.command.clone(),
        ..Default::default()
    };
    let pid = sys::fork().map_err(os("fork the healthcheck"))?;
    if pid == 0 {
        drop(out_r);
        let code = check_child(store, record, &options, out_w);
        sys::exit_now(code)
    }
    drop(out_w);
    let timeout = Duration::from_secs(health.timeout_secs.max(1));
    let (output, timed_out) = collect(out_r, pid, timeout);
    if timed_out {
        sys::kill(pid, libc::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(1);
        while !exited(pid) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        sys::kill(pid, libc::SIGKILL);
    }
    let status = sys::wait_pid(pid).map_err(os("wait for the healthcheck"))?;
    let code = crate::process::exitcode::from_wait_status(status);
    if timed_out {
        return Ok((
            1,
            format!("healthcheck timed out after {} s", timeout.as_secs()),
        ));
    }
    Ok((code, output))
}

/// In the forked child: the check's stdin is /dev/null, its stdout and stderr the
/// pipe; exec it and return the exit code.
fn check_child(
    store: &Store,
    record: &ContainerRecord,
    options: &ExecOptions,
    out: OwnedFd,
) -> i32 {
    let streams = std::fs::File::open("/dev/null")
        .ok()
        .and_then(|null| rustix::stdio::dup2_stdin(&null).ok())
        .and_then(|()| rustix::stdio::dup2_stdout(&out).ok())
        .and_then(|()| rustix::stdio::dup2_stderr(&out).ok());
    if streams.is_none() {
        return crate::process::exitcode::RUNTIME_ERROR;
    }
    drop(out);
    match exec(store, record, options) {
        Ok(code) => code,
        Err(RuntimeError::Exec { code, message }) => {
            eprintln!("{message}");
            code
        }
        Err(e) => {
            eprintln!("{e}");
            crate::process::exitcode::RUNTIME_ERROR
        }
    }
}

/// Read the child's output until it closes the pipe or `timeout` passes; whether
/// it timed out.
fn collect(out: OwnedFd, pid: i32, timeout: Duration) -> (String, bool) {
    let deadline = Instant::now() + timeout;
    let mut kept = Vec::new();
    let mut file = std::fs::File::from(out);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return (text(&kept), !exited(pid));
        }
        let wait = rustix::event::Timespec::try_from(left.min(Duration::from_millis(100)))
            .unwrap_or(rustix::event::Timespec {
                tv_sec: 0,
                tv_nsec: 100_000_000,
            });
        let mut fds = [rustix::event::PollFd::new(
            &file,
            rustix::event::PollFlags::IN,
        )];
        if rustix::event::poll(&mut fds, Some(&wait)).unwrap_or(0) == 0 {
            continue;
        }
        let mut buf = [0u8; 4096];
        match file.read(&mut buf) {
            Ok(0) => return (text(&kept), false),
            Ok(n) => {
                let room = MAX_OUTPUT.saturating_sub(kept.len());
                kept.extend_from_slice(&buf[..n.min(room)]);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return (text(&kept), false),
        }
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).trim_end().to_string()
}

/// Whether the child `pid` has ended (without reaping it).
fn exited(pid: i32) -> bool {
    let Some(pid) = rustix::process::Pid::from_raw(pid) else {
        return true;
    };
    rustix::process::waitid(
        rustix::process::WaitId::Pid(pid),
        rustix::process::WaitIdOptions::EXITED
            | rustix::process::WaitIdOptions::NOHANG
            | rustix::process::WaitIdOptions::NOWAIT,
    )
    .is_ok_and(|status| status.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(code: i32) -> HealthLogEntry {
        HealthLogEntry {
            exit_code: code,
            ..Default::default()
        }
    }

    #[test]
    fn retries_decide_unhealthy_and_a_success_heals() {
        let mut state = HealthState::default();
        state.record(entry(1), 2, true);
        assert_eq!((state.status.as_str(), state.failing_streak), (STARTING, 1));
        state.record(entry(1), 2, true);
        assert_eq!(
            (state.status.as_str(), state.failing_streak),
            (UNHEALTHY, 2)
        );
        state.record(entry(0), 2, true);
        assert_eq!((state.status.as_str(), state.failing_streak), (HEALTHY, 0));
        // In the start period a failure does not count.
        state.record(entry(1), 1, false);
        assert_eq!(state.status, HEALTHY);
        for _ in 0..10 {
            state.record(entry(0), 1, true);
        }
        assert_eq!(state.log.len(), KEEP_LOG);
    }
}
