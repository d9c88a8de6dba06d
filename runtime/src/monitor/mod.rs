//! The per-container monitor of a detached container (the role conmon plays for
//! Podman), in two parts. coracle's own binary, re-executed in an internal mode
//! ([`MONITOR_ARG`]) and forked once more into a session of its own (so that it
//! outlives the caller and never gets a terminal), starts the container as its child
//! through the same single-threaded start path as the foreground, records the start
//! and reports it to the caller over a pipe. Then it replaces itself (`execve`) with
//! the tiny `coracle-monitor` program installed next to `coracle` (the
//! `coracle-monitor` crate): the container stays its child, its output descriptors
//! are handed over by number, and the monitor keeps well under 1 MiB resident while
//! it logs the output, reaps the container, writes the exit file and runs
//! `coracle container cleanup ID` ([`crate::lifecycle::cleanup`]).
//!
//! As with conmon, a container outlives a monitor that is killed: it keeps running
//! (its parent-death signal is cleared before its command runs), `ps` shows it
//! running as long as its process lives, and `stop`/`rm -f` end it and record the
//! end themselves.

pub use coracle_monitor::log;

use std::io::Read;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};

use coracle_monitor::Plan;
use coracle_storage::{ContainerChange, ContainerState, Store};

use crate::error::{Result, RuntimeError};
use crate::ids::userns::current_user_plan;
use crate::lifecycle::launch::{self, now};
use crate::lifecycle::liveness::start_time;
use crate::lifecycle::rundir;
use crate::process::container::{self, ContainerSpec, Output};
use crate::process::exitcode;
use crate::process::limits::ProcessLimits;
use crate::spec::{ContainerConfig, LogDriver};
use crate::sys;
use log::Stream;

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
    ::log::debug!("starting container {id} under a new monitor");
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
    ::log::debug!("the monitor of {id} reports: {}", report.trim_end());
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
    // Helpers the start spawns (pasta, the port forwarder) must not hold it open:
    // the caller reads it to its end.
    if rustix::io::fcntl_setfd(&status, rustix::io::FdFlags::CLOEXEC).is_err() {
        return exitcode::RUNTIME_ERROR;
    }
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
    let program = match programs() {
        Ok(p) => p,
        Err(e) => {
            report(&status, &format!("err 125 {e}"));
            return exitcode::RUNTIME_ERROR;
        }
    };
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
        .and_then(|()| launch::process_spec(&store, &record, &config, stored_plan.as_ref(), None))
        .map(|spec| ContainerSpec {
            survive_parent: true,
            // A monitor holds none of the caller's descriptors to pass on.
            limits: ProcessLimits {
                preserve_fds: 0,
                ..spec.limits
            },
            ..spec
        })
        .and_then(|spec| prepare_runtime_dir().map(|()| spec))
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
    launch::volumes_mounted(&store, &config);
    let pid = started.pid();
    let me = std::process::id() as i32;
    if let Err(e) = store.db.transition(
        id,
        ContainerState::Running,
        "start",
        &ContainerChange::started(pid, me, now()).with_start_times(start_time(pid), start_time(me)),
    ) {
        sys::kill(pid, libc::SIGKILL);
        let _ = sys::wait_pid(pid);
        report(&status, &format!("err 125 {}", one_line(&e.to_string())));
        return exitcode::RUNTIME_ERROR;
    }
    let (output, keep_alive) = started.into_output();
    let streams: Vec<(OwnedFd, Stream)> = match output {
        Output::Pipes { stdout, stderr } => {
            vec![(stdout, Stream::Stdout), (stderr, Stream::Stderr)]
        }
        Output::Terminal(master) => vec![(master, Stream::Stdout)],
    };
    // A terminal can be attached to later (`attach`, `start -a`); without the
    // socket it still runs, only unattachable.
    let attach_socket = if output_is_terminal(&streams) {
        crate::lifecycle::attach::listen(id).ok()
    } else {
        None
    };
    // While the container runs, its monitor keeps the store's WAL index valid, so
    // that `ps`, `exec` and the rest do not each rebuild it (inherited, see below).
    let wal_hold = store.hold_wal_index().map(|hold| hold.into_fd());
    let plan = Plan {
        pid,
        exit_file: rundir::exit_file(id),
        log: (config.log.driver != LogDriver::None).then(|| launch::log_path(&store, id, &config)),
        log_max_size: config.log.max_size,
        streams: streams.iter().map(|(fd, s)| (fd.as_raw_fd(), *s)).collect(),
        reap: keep_alive.into_helper_pids(),
        timeout: config.timeout,
        health_interval: health_interval(&config),
        health_command: health_command(&program.coracle, root, id, &config),
        exit_command: exit_command(&program.coracle, root, id),
        attach_socket: attach_socket.as_ref().map(|fd| fd.as_raw_fd()),
        attach_input: config.interactive,
        hold: wal_hold
            .as_ref()
            .filter(|fd| rustix::io::fcntl_setfd(fd, rustix::io::FdFlags::empty()).is_ok())
            .map(|fd| fd.as_raw_fd()),
    };
    drop(store);
    // The monitor program inherits exactly the output descriptors. One it cannot
    // inherit would leave the container's output unread: end the container then;
    // the monitor still reaps it and records its end (137).
    for (fd, _) in &streams {
        if rustix::io::fcntl_setfd(fd, rustix::io::FdFlags::empty()).is_err() {
            sys::kill(pid, libc::SIGKILL);
        }
    }
    if let Some(socket) = &attach_socket {
        // Not inherited: the container is only unattachable.
        let _ = rustix::io::fcntl_setfd(socket, rustix::io::FdFlags::empty());
    }
    report(&status, &format!("ok {pid} {me}\n"));
    drop(status);
    let error = std::process::Command::new(&program.monitor)
        .args(plan.to_args())
        .exec();
    // Nothing can watch the container now: end it, and leave the record to refresh.
    sys::kill(pid, libc::SIGKILL);
    let _ = sys::wait_pid(pid);
    drop(error);
    exitcode::RUNTIME_ERROR
}

/// Whether the container's output is its terminal (one stream, the pty master).
fn output_is_terminal(streams: &[(OwnedFd, Stream)]) -> bool {
    streams.len() == 1
}

/// The programs a detached start needs: `coracle` itself (for the exit command)
/// and the monitor program next to it.
struct Programs {
    coracle: PathBuf,
    monitor: PathBuf,
}

/// Find both programs, or say where the monitor program was expected.
fn programs() -> std::result::Result<Programs, String> {
    let coracle =
        std::env::current_exe().map_err(|e| format!("cannot find the coracle binary: {e}"))?;
    let monitor = coracle.with_file_name(coracle_monitor::PROGRAM);
    if !monitor.is_file() {
        return Err(format!(
            "the monitor program {} is missing: install {} next to coracle (cargo build -p coracle-cli builds both)",
            monitor.display(),
            coracle_monitor::PROGRAM
        ));
    }
    Ok(Programs { coracle, monitor })
}

/// The runtime directory's `exits/`, private to the user.
fn prepare_runtime_dir() -> Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    let exits = rundir::runtime_dir().join("exits");
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&exits)
        .map_err(|e| RuntimeError::io("failed to create", exits, e))
}

/// `coracle --root ROOT WORDS…`: how the monitor calls coracle back.
fn coracle_command(coracle: &Path, root: &Path, words: &[&str]) -> Vec<String> {
    let mut argv = vec![
        coracle.to_string_lossy().into_owned(),
        "--root".into(),
        root.to_string_lossy().into_owned(),
    ];
    argv.extend(words.iter().map(|w| w.to_string()));
    argv
}

/// `coracle --root ROOT container cleanup ID`.
fn exit_command(coracle: &Path, root: &Path, id: &str) -> Vec<String> {
    coracle_command(coracle, root, &["container", "cleanup", id])
}

/// Seconds between the monitor's health checks: none without a check or with an
/// interval of 0 (`--health-interval disable`).
fn health_interval(config: &ContainerConfig) -> Option<u32> {
    let secs = config.health.as_ref()?.interval_secs;
    (secs > 0).then(|| u32::try_from(secs).unwrap_or(u32::MAX))
}

/// `coracle --root ROOT healthcheck run ID`, when the monitor runs checks.
fn health_command(coracle: &Path, root: &Path, id: &str, config: &ContainerConfig) -> Vec<String> {
    match health_interval(config) {
        Some(_) => coracle_command(coracle, root, &["healthcheck", "run", id]),
        None => vec![],
    }
}

fn one_line(text: &str) -> String {
    text.replace('\n', " ")
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
