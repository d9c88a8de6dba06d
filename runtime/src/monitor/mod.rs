//! The per-container monitor of a detached container (the role conmon plays for
//! Podman): coracle's own binary re-executed in an internal mode
//! ([`MONITOR_ARG`]), forked once more into a session of its own so that it
//! outlives the caller and never gets a terminal. It starts the container as its
//! child through the same single-threaded start path as the foreground, reports the
//! start to the caller over a pipe, then logs the container's output
//! ([`log`]), reaps it, records its exit code and end time, and removes it for
//! `--rm`. Nothing is shared between containers; the monitor exits with its
//! container.
//!
//! The monitor keeps little memory: no async runtime, one small buffer, the store
//! closed while the container runs, and the heap trimmed after the start.

pub mod log;

use std::io::Read;
use std::os::fd::{AsFd, AsRawFd, FromRawFd, OwnedFd};
use std::path::Path;

use coracle_storage::{ContainerChange, ContainerState, Store};
use rustix::event::{PollFd, PollFlags};

use crate::error::{Result, RuntimeError};
use crate::ids::userns::current_user_plan;
use crate::lifecycle::launch::{self, now};
use crate::process::container::{self, Output};
use crate::process::exitcode;
use crate::spec::{ContainerConfig, LogDriver};
use crate::sys;
use log::{LogWriter, Stream};

/// The hidden first argument that puts the coracle binary in monitor mode:
/// `coracle __monitor STORE-ROOT CONTAINER-ID STATUS-FD`.
pub const MONITOR_ARG: &str = "__monitor";

/// A detached container that started: its host pid and its monitor's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Detached {
    /// The container's init.
    pub pid: i32,
    /// Its monitor.
    pub monitor_pid: i32,
}

/// Start the saved container `id` under a new monitor and wait only until its
/// command was executed. Its failure to start comes back as the error `run` prints
/// (126/127 as [`RuntimeError::Exec`]), the record already settled by the monitor.
pub fn spawn(store_root: &Path, id: &str) -> Result<Detached> {
    let os = |action| move |e: std::io::Error| RuntimeError::Os { action, source: e };
    let (status_r, status_w) = sys::pipe().map_err(os("create the monitor's status pipe"))?;
    // The monitor inherits the write end under its number (and nothing else of ours:
    // every other fd is close-on-exec).
    rustix::io::fcntl_setfd(&status_w, rustix::io::FdFlags::empty())
        .map_err(|e| os("pass the status pipe")(e.into()))?;
    let mut intermediate = std::process::Command::new("/proc/self/exe")
        .arg(MONITOR_ARG)
        .arg(store_root)
        .arg(id)
        .arg(status_w.as_raw_fd().to_string())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(os("start the container's monitor"))?;
    drop(status_w);
    // The intermediate process exits as soon as the monitor forked off.
    let _ = intermediate.wait();
    let mut report = String::new();
    let _ = std::fs::File::from(status_r).read_to_string(&mut report);
    parse_report(&report)
}

fn parse_report(report: &str) -> Result<Detached> {
    let mut words = report.trim_end().splitn(3, ' ');
    match (words.next(), words.next(), words.next()) {
        (Some("ok"), Some(pid), Some(monitor)) => match (pid.parse(), monitor.parse()) {
            (Ok(pid), Ok(monitor_pid)) => Ok(Detached { pid, monitor_pid }),
            _ => Err(RuntimeError::Start(format!(
                "the monitor's report is malformed: {report:?}"
            ))),
        },
        (Some("err"), Some(code), message) => {
            let message = message.unwrap_or("the container did not start").to_string();
            match code.parse::<i32>() {
                Ok(code) if code != exitcode::RUNTIME_ERROR => {
                    Err(RuntimeError::Exec { code, message })
                }
                _ => Err(RuntimeError::Start(message)),
            }
        }
        _ => Err(RuntimeError::Start(
            "the container's monitor ended before it reported the start".into(),
        )),
    }
}

/// The monitor process: `args` are what follows [`MONITOR_ARG`]. Returns the exit
/// status of the (intermediate or monitor) process.
pub fn main(args: &[String]) -> i32 {
    let [root, id, fd] = args else {
        return exitcode::RUNTIME_ERROR;
    };
    let Ok(fd) = fd.parse::<i32>() else {
        return exitcode::RUNTIME_ERROR;
    };
    if fd < 3 {
        return exitcode::RUNTIME_ERROR;
    }
    // SAFETY: the caller passed this descriptor to us for our exclusive use
    // (spawn's status pipe); nothing else in this fresh process owns it.
    let status = unsafe { OwnedFd::from_raw_fd(fd) };
    // A session of its own, then fork again: the monitor is no session leader and
    // can never acquire a controlling terminal; the caller reaps the intermediate.
    if rustix::process::setsid().is_err() {
        return exitcode::RUNTIME_ERROR;
    }
    match sys::fork() {
        Ok(0) => {}
        Ok(_) => return 0,
        Err(_) => return exitcode::RUNTIME_ERROR,
    }
    let _ = std::env::set_current_dir("/");
    monitor(Path::new(root), id, status)
}

/// Tell the caller how the start went (one short write on a pipe: atomic).
fn report(status: &OwnedFd, text: &str) {
    let _ = rustix::io::write(status, text.as_bytes());
}

fn monitor(root: &Path, id: &str, status: OwnedFd) -> i32 {
    let store = match Store::open(root) {
        Ok(s) => s,
        Err(e) => {
            report(&status, &format!("err 125 cannot open the store: {e}"));
            return exitcode::RUNTIME_ERROR;
        }
    };
    let record = match store.db.find_container(id) {
        Ok(Some(r)) if r.id == id => r,
        Ok(_) => {
            report(&status, &format!("err 125 {id}: no such container"));
            return exitcode::RUNTIME_ERROR;
        }
        Err(e) => {
            report(&status, &format!("err 125 {e}"));
            return exitcode::RUNTIME_ERROR;
        }
    };
    let (stored_plan, _) = current_user_plan(false);
    let config = match ContainerConfig::from_json(id, &record.config) {
        Ok(c) => c,
        Err(e) => {
            report(&status, &format!("err 125 {e}"));
            return exitcode::RUNTIME_ERROR;
        }
    };
    let started = record
        .state
        .check(ContainerState::Running, id, "start")
        .map_err(|e| RuntimeError::from(coracle_storage::StorageError::from(e)))
        .and_then(|()| launch::process_spec(&store, &record, &config, stored_plan.as_ref()))
        .and_then(|spec| container::start(&spec));
    let started = match started {
        Ok(s) => s,
        Err(e) => {
            let code = match &e {
                RuntimeError::Exec { code, .. } => *code,
                _ => exitcode::RUNTIME_ERROR,
            };
            let e = launch::settle_failed_start(&store, &record, &config, stored_plan.as_ref(), e);
            report(&status, &format!("err {code} {}", one_line(&e.to_string())));
            return exitcode::RUNTIME_ERROR;
        }
    };
    let pid = started.pid();
    let me = std::process::id() as i32;
    if let Err(e) = store.db.transition(
        id,
        ContainerState::Running,
        "start",
        &ContainerChange::started(pid, me, now()),
    ) {
        sys::kill(pid, libc::SIGKILL);
        let _ = sys::wait_pid(pid);
        report(&status, &format!("err 125 {}", one_line(&e.to_string())));
        return exitcode::RUNTIME_ERROR;
    }
    let (output, keep_alive) = started.into_output();
    let log = match config.log.driver {
        LogDriver::None => LogWriter::open(None, None),
        _ => LogWriter::open(
            Some(&launch::log_path(&store, id, &config)),
            config.log.max_size,
        ),
    };
    drop(store);
    report(&status, &format!("ok {pid} {me}\n"));
    drop(status);
    sys::trim_heap();
    let result = match log {
        Ok(mut log) => {
            relay_to_log(&output, &mut log);
            sys::wait_pid(pid)
                .map(exitcode::from_wait_status)
                .map_err(|e| RuntimeError::Os {
                    action: "wait for the container",
                    source: e,
                })
        }
        Err(e) => {
            sys::kill(pid, libc::SIGKILL);
            let _ = sys::wait_pid(pid);
            Err(RuntimeError::Start(format!(
                "open the container's log: {e}"
            )))
        }
    };
    drop((output, keep_alive));
    match Store::open(root) {
        Ok(store) => {
            let _ = launch::settle_end(&store, &record, &config, stored_plan.as_ref(), result);
        }
        Err(_) => return exitcode::RUNTIME_ERROR,
    }
    0
}

fn one_line(text: &str) -> String {
    text.replace('\n', " ")
}

/// Copy the container's output into the log until every stream reached its end
/// (in a PID namespace all of them close when its init dies).
fn relay_to_log(output: &Output, log: &mut LogWriter) {
    let streams: Vec<(std::os::fd::BorrowedFd<'_>, Stream)> = match output {
        Output::Pipes { stdout, stderr } => vec![
            (stdout.as_fd(), Stream::Stdout),
            (stderr.as_fd(), Stream::Stderr),
        ],
        Output::Terminal(master) => vec![(master.as_fd(), Stream::Stdout)],
    };
    let mut open: Vec<bool> = vec![true; streams.len()];
    let mut buf = [0u8; 8192];
    while open.iter().any(|&o| o) {
        let mut fds: Vec<PollFd<'_>> = streams
            .iter()
            .zip(&open)
            .filter(|(_, &o)| o)
            .map(|((fd, _), _)| PollFd::new(fd, PollFlags::IN))
            .collect();
        match rustix::event::poll(&mut fds, None) {
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => return,
        }
        let ready: Vec<bool> = fds.iter().map(|p| !p.revents().is_empty()).collect();
        drop(fds);
        let live: Vec<usize> = (0..streams.len()).filter(|&i| open[i]).collect();
        for (slot, i) in live.into_iter().enumerate() {
            if !ready[slot] {
                continue;
            }
            match rustix::io::read(streams[i].0, &mut buf) {
                Ok(0) => open[i] = false,
                Ok(n) => {
                    // A full disk must not stop the container: keep draining.
                    let _ = log.write_chunk(streams[i].1, &buf[..n]);
                }
                Err(rustix::io::Errno::INTR) | Err(rustix::io::Errno::AGAIN) => {}
                // EIO: the pty's last slave closed.
                Err(_) => open[i] = false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_parse() {
        assert_eq!(
            parse_report("ok 12 34\n").unwrap(),
            Detached {
                pid: 12,
                monitor_pid: 34
            }
        );
        match parse_report("err 127 executable file `x` not found") {
            Err(RuntimeError::Exec { code: 127, message }) => {
                assert!(message.contains("not found"))
            }
            other => panic!("{other:?}"),
        }
        match parse_report("err 125 no image") {
            Err(RuntimeError::Start(m)) => assert_eq!(m, "no image"),
            other => panic!("{other:?}"),
        }
        assert!(parse_report("").is_err());
        assert!(parse_report("ok x y").is_err());
    }
}
