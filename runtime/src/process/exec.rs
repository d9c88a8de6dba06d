//! A new process in a running container (`coracle exec`): the caller joins the
//! container's namespaces ([`crate::process::join`]) and forks; the child, the first
//! process of the caller inside the container's PID namespace, detaches from the
//! caller's session and terminal exactly as a container's init does (new session,
//! pipes or `/dev/null`, or with `-t` a pty of the container's own devpts), changes
//! to the working directory, takes the container's seccomp filter, user and
//! capabilities, and execs. The caller relays its streams and returns its exit code;
//! with `-d` it returns once the command was executed, and the process, an orphan
//! when the caller exits, is adopted (and reaped) by the caller's reaper on the
//! host, as the orphans of any command are.
//!
//! The caller marks itself non-dumpable before it joins anything: from the fork to the
//! exec the child is coracle's own image and visible in the container's `/proc`, and
//! the container's root must not reach coracle's binary, memory or fds through it
//! (runc CVE-2019-5736). The exec of the command ends that state.

use std::os::fd::OwnedFd;

use crate::error::{Result, RuntimeError};
use crate::process::container::{self, ChildStreams};
use crate::process::join::ContainerNamespaces;
use crate::process::limits::ProcessLimits;
use crate::process::stdio::ChildEnds;
use crate::security::caps::CapSet;
use crate::security::seccomp::Program;
use crate::sys;

/// What to run in the container and how, all decided before joining it.
#[derive(Clone, Debug)]
pub struct ExecProcess {
    /// The command, `argv[0]` first.
    pub args: Vec<String>,
    /// The full environment, "KEY=value".
    pub env: Vec<String>,
    /// Working directory inside the container (must exist).
    pub cwd: String,
    /// `-u USER[:GROUP]`, resolved inside the container; None is root.
    pub user: Option<String>,
    /// The container's `--group-add`.
    pub groups: container::GroupAdd,
    /// Capabilities of the process.
    pub caps: CapSet,
    /// The container's seccomp filter, None for unconfined.
    pub seccomp: Option<Program>,
    /// Set `no_new_privs`.
    pub no_new_privs: bool,
    /// `-t`: a pty from the container's devpts.
    pub tty: bool,
    /// `-i`: forward the caller's stdin.
    pub interactive: bool,
    /// `-d`: do not wait; the process's streams are `/dev/null`.
    pub detach: bool,
    /// `--detach-keys` with `-it`: typing them leaves the process running.
    pub detach_keys: Vec<u8>,
    /// The container's `--ulimit` and `--umask` (as the container's own process).
    pub limits: ProcessLimits,
}

/// Run `process` in the container whose namespaces are `namespaces`; returns the
/// command's exit code (0 at once with `-d`), [`RuntimeError::Exec`] (126/127) when
/// it cannot be executed. Must be called from a single-threaded process, which is
/// moved into the container's namespaces for good: call it last.
pub fn run(namespaces: &ContainerNamespaces, process: &ExecProcess) -> Result<i32> {
    if !sys::single_threaded_after_ending_threads() {
        return Err(RuntimeError::Start(
            "internal error: exec must start from a single-threaded process".into(),
        ));
    }
    let io_err =
        |what: &'static str| move |e: std::io::Error| RuntimeError::Start(format!("{what}: {e}"));
    sys::set_not_dumpable().map_err(io_err("protect coracle's process"))?;
    let (report_r, report_w) = sys::pipe().map_err(io_err("create pipe"))?;
    let (parent_streams, child_streams) = if process.detach {
        let ends = ChildEnds::null().map_err(io_err("open /dev/null"))?;
        let child = ChildStreams {
            ends,
            console: None,
        };
        (None, child)
    } else {
        let (parent, child) = container::streams(process.tty, process.interactive)?;
        (Some(parent), child)
    };
    let old_mask = crate::process::signals::block_forwarded()?;
    let forked = namespaces
        .join()
        .and_then(|()| sys::fork().map_err(io_err("fork into the container")));
    let pid = match forked {
        Ok(pid) => pid,
        Err(e) => {
            let _ = crate::process::signals::restore_mask(&old_mask);
            return Err(e);
        }
    };
    if pid == 0 {
        drop((report_r, parent_streams));
        let _ = crate::process::signals::restore_mask(&old_mask);
        child(process, report_w, child_streams)
    }
    drop((report_w, child_streams));
    let settled = container::read_report(report_r)
        .and_then(|()| parent_streams.map(container::receive_console).transpose());
    let streams = match settled {
        Ok(streams) => streams,
        Err(e) => {
            // The child reported and left (or never exec'd): reap it.
            sys::kill(pid, libc::SIGKILL);
            let _ = sys::wait_pid(pid);
            let _ = crate::process::signals::restore_mask(&old_mask);
            return Err(e);
        }
    };
    let code = match streams {
        None => Ok(0),
        Some(streams) => {
            let watch = container::Watch {
                detach_keys: &process.detach_keys,
                ..Default::default()
            };
            container::relay_and_wait(pid, streams, process.interactive, watch)
        }
    };
    let _ = crate::process::signals::restore_mask(&old_mask);
    code
}

/// The child, inside the container's namespaces: never returns.
fn child(process: &ExecProcess, report: OwnedFd, streams: ChildStreams) -> ! {
    if let Err(e) = prepare(process, streams) {
        container::fail(&report, container::TAG_SETUP, &e)
    }
    container::exec_command(&process.args, &process.env, &report, 3)
}

/// Everything between the fork and exec.
fn prepare(process: &ExecProcess, streams: ChildStreams) -> std::result::Result<(), String> {
    container::detach_from_caller(&streams.ends, 3)?;
    drop(streams.ends);
    if let Some((socket, window)) = streams.console {
        container::attach_terminal(socket, window)?;
    }
    let user = container::user_in_root(process.user.as_deref(), &process.groups)?;
    rustix::process::chdir(process.cwd.as_str()).map_err(|e| {
        format!(
            "working directory {:?} in the container: {}",
            process.cwd,
            std::io::Error::from(e).kind()
        )
    })?;
    process.limits.apply()?;
    container::become_user(
        &user,
        &process.groups,
        &process.caps,
        process.seccomp.as_ref(),
        process.no_new_privs,
    )
}
