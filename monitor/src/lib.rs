//! coracle-monitor: the tiny per-container monitor of a detached container (the role
//! conmon plays for Podman), std and libc only so that it stays well under 1 MiB
//! resident.
//!
//! coracle starts the container and then replaces itself with this program
//! (`execve`), so the container stays its child; the monitor gets the container's
//! output descriptors by number. It relays the output into the k8s-file [`log`]
//! ([`relay`]), reaps the container, kills and reaps the helpers it was asked to
//! (fuse-overlayfs), writes the [`exit_file`], and finally replaces itself with the
//! exit command (`coracle container cleanup ID`), which records the end in the store,
//! removes a `--rm` container and applies the restart policy.
//!
//! ```text
//! coracle-monitor --pid PID --exit-file PATH [--log PATH] [--log-max-size BYTES]
//!                 [--stdout FD --stderr FD | --terminal FD] [--reap PID]...
//!                 [--timeout SECONDS] [--attach-socket FD [--attach-input]]
//!                 [--health-interval SECONDS --health-arg ARG...] [--hold FD]
//!                 -- EXIT-COMMAND [ARG]...
//! ```

pub mod attach;
pub mod exit_file;
pub mod health;
pub mod log;
pub mod pages;
pub mod relay;
mod sys;

use std::os::fd::RawFd;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;

use exit_file::ExitRecord;
use log::{LogWriter, Stream};

/// The exit code recorded for a container killed by its `--timeout` (Podman's).
pub const TIMEOUT_EXIT_CODE: i32 = -1;

/// The helper's file name, installed next to the `coracle` binary.
pub const PROGRAM: &str = "coracle-monitor";

/// What the monitor was told to do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// The container's init, a child of this process.
    pub pid: i32,
    /// Where the exit file goes.
    pub exit_file: PathBuf,
    /// The k8s-file log; `None` discards the output (`--log-driver none`).
    pub log: Option<PathBuf>,
    /// `--log-opt max-size`.
    pub log_max_size: Option<u64>,
    /// The output descriptors and their streams.
    pub streams: Vec<(RawFd, Stream)>,
    /// Helper processes (children) to kill and reap once the container is gone.
    pub reap: Vec<i32>,
    /// `--timeout`: seconds after which the container is killed (its exit code is
    /// then recorded as -1, as Podman's).
    pub timeout: Option<u32>,
    /// `--health-interval`: seconds between two runs of the health command.
    pub health_interval: Option<u32>,
    /// The health command (`coracle healthcheck run ID`), program first.
    pub health_command: Vec<String>,
    /// The exit command, program first.
    pub exit_command: Vec<String>,
    /// A `-t` container's attach socket (listening), see [`attach`].
    pub attach_socket: Option<RawFd>,
    /// Whether an attached client types into the terminal (`-i`).
    pub attach_input: bool,
    /// A descriptor only kept open for the monitor's life (the store's WAL-index
    /// hold, which keeps the next commands from rebuilding the index).
    pub hold: Option<RawFd>,
}

impl Plan {
    /// The command line that asks for this plan (after the program name).
    pub fn to_args(&self) -> Vec<String> {
        let mut a = vec![
            "--pid".to_string(),
            self.pid.to_string(),
            "--exit-file".into(),
            self.exit_file.to_string_lossy().into_owned(),
        ];
        if let Some(log) = &self.log {
            a.extend(["--log".into(), log.to_string_lossy().into_owned()]);
        }
        if let Some(max) = self.log_max_size {
            a.extend(["--log-max-size".into(), max.to_string()]);
        }
        for (fd, stream) in &self.streams {
            let flag = match stream {
                Stream::Stdout if self.streams.len() == 1 => "--terminal",
                Stream::Stdout => "--stdout",
                Stream::Stderr => "--stderr",
            };
            a.extend([flag.to_string(), fd.to_string()]);
        }
        for pid in &self.reap {
            a.extend(["--reap".into(), pid.to_string()]);
        }
        if let Some(secs) = self.timeout {
            a.extend(["--timeout".into(), secs.to_string()]);
        }
        if let Some(secs) = self.health_interval {
            a.extend(["--health-interval".into(), secs.to_string()]);
        }
        for arg in &self.health_command {
            a.extend(["--health-arg".into(), arg.clone()]);
        }
        if let Some(fd) = self.attach_socket {
            a.extend(["--attach-socket".into(), fd.to_string()]);
        }
        if self.attach_input {
            a.push("--attach-input".into());
        }
        if let Some(fd) = self.hold {
            a.extend(["--hold".into(), fd.to_string()]);
        }
        a.push("--".into());
        a.extend(self.exit_command.iter().cloned());
        a
    }

    /// Parse [`to_args`](Self::to_args)' form; the first malformed word on error.
    pub fn parse(args: &[String]) -> Result<Plan, String> {
        let mut plan = Plan::default();
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            if flag == "--" {
                plan.exit_command = it.cloned().collect();
                break;
            }
            if flag == "--attach-input" {
                plan.attach_input = true;
                continue;
            }
            let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
            let bad = || format!("invalid {flag} {value:?}");
            let fd = || {
                value
                    .parse::<RawFd>()
                    .ok()
                    .filter(|&fd| fd > 2)
                    .ok_or_else(bad)
            };
            match flag.as_str() {
                "--pid" => plan.pid = value.parse().ok().filter(|&p| p > 0).ok_or_else(bad)?,
                "--exit-file" => plan.exit_file = value.into(),
                "--log" => plan.log = Some(value.into()),
                "--log-max-size" => plan.log_max_size = Some(value.parse().map_err(|_| bad())?),
                "--stdout" | "--terminal" => plan.streams.push((fd()?, Stream::Stdout)),
                "--stderr" => plan.streams.push((fd()?, Stream::Stderr)),
                "--reap" => plan.reap.push(value.parse().map_err(|_| bad())?),
                "--timeout" => plan.timeout = Some(value.parse().map_err(|_| bad())?),
                "--health-interval" => {
                    plan.health_interval =
                        Some(value.parse().ok().filter(|&s| s > 0).ok_or_else(bad)?)
                }
                "--health-arg" => plan.health_command.push(value.clone()),
                "--attach-socket" => plan.attach_socket = Some(fd()?),
                "--hold" => plan.hold = Some(fd()?),
                _ => return Err(format!("unknown option {flag}")),
            }
        }
        if plan.pid == 0 || plan.exit_file.as_os_str().is_empty() || plan.exit_command.is_empty() {
            return Err("--pid, --exit-file and an exit command are required".into());
        }
        if plan.health_interval.is_some() == plan.health_command.is_empty() {
            return Err("--health-interval and --health-arg go together".into());
        }
        Ok(plan)
    }
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// The monitor: returns only when it cannot run the exit command (or was misused).
pub fn main() -> i32 {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let plan = match Plan::parse(&args) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{PROGRAM}: {e}");
            return 125;
        }
    };
    pages::drop_clean_file_pages();
    // The output descriptors were inherited for this program only: a health check
    // started later must not hold them.
    for &(fd, _) in &plan.streams {
        sys::set_cloexec(fd);
    }
    // Kept open until the exit command replaces this program, which closes it.
    if let Some(fd) = plan.hold {
        sys::set_cloexec(fd);
    }
    let mut health = plan.health_interval.map(|secs| {
        health::Periodic::new(
            std::time::Duration::from_secs(secs.into()),
            plan.health_command.clone(),
        )
    });
    // Without a log the output is still drained, so the container never blocks.
    let mut log = LogWriter::open(plan.log.as_deref(), plan.log_max_size)
        .or_else(|_| LogWriter::open(None, None));
    let deadline = plan.timeout.map(|secs| relay::Deadline {
        pid: plan.pid,
        at: std::time::Instant::now() + std::time::Duration::from_secs(secs.into()),
    });
    let mut attach = match (plan.attach_socket, plan.streams.as_slice()) {
        (Some(socket), [(terminal, _)]) => Some(attach::Attach::from_fd(
            socket,
            *terminal,
            plan.attach_input,
        )),
        _ => None,
    };
    let timed_out = match log.as_mut() {
        Ok(log) => relay::relay_to_log(
            &plan.streams,
            log,
            deadline,
            health.as_mut(),
            attach.as_mut(),
        ),
        Err(_) => false,
    };
    drop(attach);
    let code = sys::wait_child(plan.pid).map(sys::exit_code).unwrap_or(125);
    if let Some(health) = health.as_mut() {
        health.end();
    }
    let code = if timed_out { TIMEOUT_EXIT_CODE } else { code };
    for &helper in &plan.reap {
        sys::kill_hard(helper);
        let _ = sys::wait_child(helper);
    }
    let record = ExitRecord {
        pid: plan.pid,
        code,
        finished: now(),
    };
    let _ = record.write(&plan.exit_file);
    let error = std::process::Command::new(&plan.exit_command[0])
        .args(&plan.exit_command[1..])
        .exec();
    eprintln!("{PROGRAM}: run {}: {error}", plan.exit_command[0]);
    125
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_round_trip_through_their_arguments() {
        let plan = Plan {
            pid: 77,
            exit_file: "/run/x/exits/abc".into(),
            log: Some("/s/ctr.log".into()),
            log_max_size: Some(1000),
            streams: vec![(5, Stream::Stdout), (6, Stream::Stderr)],
            reap: vec![99],
            timeout: Some(5),
            health_interval: Some(30),
            health_command: vec!["/bin/coracle".into(), "healthcheck".into()],
            exit_command: vec!["/bin/coracle".into(), "container".into(), "cleanup".into()],
            attach_socket: None,
            attach_input: false,
            hold: Some(9),
        };
        assert_eq!(Plan::parse(&plan.to_args()).unwrap(), plan);
        let tty = Plan {
            streams: vec![(4, Stream::Stdout)],
            log: None,
            log_max_size: None,
            reap: vec![],
            health_interval: None,
            health_command: vec![],
            attach_socket: Some(7),
            attach_input: true,
            ..plan
        };
        assert!(tty.to_args().contains(&"--terminal".to_string()));
        assert_eq!(Plan::parse(&tty.to_args()).unwrap(), tty);
        assert!(Plan::parse(&["--pid".into(), "x".into()]).is_err());
        assert!(Plan::parse(&["--stdout".into(), "1".into()]).is_err());
        assert!(Plan::parse(&[]).is_err());
        let mut lone = tty.to_args();
        lone.splice(0..0, ["--health-interval".to_string(), "5".to_string()]);
        assert!(Plan::parse(&lone).is_err(), "an interval without a command");
    }
}
