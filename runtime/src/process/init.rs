//! The minimal init of `--init` (like Podman's catatonit): PID 1 of the container
//! forks the real command, forwards signals to it, reaps every zombie, and exits with
//! the command's status.

use rustix::process::{DumpableBehavior, Pid, WaitOptions};

use crate::error::{Result, RuntimeError};
use crate::process::exitcode;
use crate::process::pty::os;
use crate::process::signals::{read_signals, restore_mask, send_signal, signalfd, SigMask};
use crate::sys::exit_now;

/// Makes the calling process a child subreaper: orphaned descendants are re-parented
/// to it (and must be reaped by it) instead of to PID 1. Lets [`run_init`] be tested
/// without a PID namespace.
pub fn become_subreaper() -> Result<()> {
    rustix::process::set_child_subreaper(Some(rustix::process::getpid()))
        .map_err(os("become a child subreaper"))
}

/// Runs as the container's init and never returns.
///
/// Marks this process non-dumpable (so the container's processes cannot open
/// `/proc/1/exe`, the coracle binary: the CVE-2019-5736 class), blocks every
/// asynchronous signal and forks. The child puts itself in its own process group (the
/// terminal's foreground group when this init is the session leader of a `-t`
/// container, so ^C reaches the command and not the init), restores the signal mask
/// and calls `exec_fn`, which execs the command; if it returns, its result is the
/// child's exit code (126/127 per [`exitcode::exec_error_code`]). This
/// process closes every fd from 3 up (what the command keeps but the init must not
/// hold, such as the start-report pipe or a stdin pipe the container must see the end
/// of, and anything the caller left open), then forwards every signal it receives
/// except SIGCHLD to the child, reaps all zombies, and when the child exits, exits
/// with its code (N, or 128+N for signal N). Setup failures exit 125 with a message
/// on stderr. The fds from 3 up must not be used or closed by anything in this
/// process afterwards: the caller never gets control back.
pub fn run_init(exec_fn: impl FnOnce() -> i32) -> ! {
    let setup = || -> Result<(SigMask, bool)> {
        rustix::process::set_dumpable_behavior(DumpableBehavior::NotDumpable)
            .map_err(os("make the init non-dumpable"))?;
        let old = SigMask::all_asynchronous().block()?;
        let leader = is_session_leader();
        Ok((old, leader))
    };
    let (old_mask, session_leader) = setup().unwrap_or_else(|e| fail(&e));
    let child = match fork() {
        Ok(Some(pid)) => pid,
        Ok(None) => {
            isolate(session_leader);
            let _ = restore_mask(&old_mask);
            exit_now(exec_fn())
        }
        Err(e) => fail(&e),
    };
    if let Err(e) = crate::process::stdio::close_from(3) {
        fail(&os("close inherited files")(e));
    }
    let sfd = signalfd(&SigMask::all_asynchronous(), false).unwrap_or_else(|e| fail(&e));
    loop {
        let signals = match read_signals(std::os::fd::AsFd::as_fd(&sfd)) {
            Ok(s) => s,
            Err(e) => fail(&os("read signals")(e)),
        };
        for sig in signals {
            if sig == libc::SIGCHLD {
                if let Some(status) = reap(child) {
                    exit_now(exitcode::from_wait_status(status));
                }
            } else {
                let _ = send_signal(child, sig);
            }
        }
    }
}

/// Runs as a pod's infra process (the role of Podman's catatonit pause) and never
/// returns: every asynchronous signal blocked, every fd from 3 up closed (which tells
/// the starter the start is done), then it waits; SIGTERM, SIGINT or SIGHUP end it
/// with status 0, and any zombie is reaped. It stays dumpable (unlike [`run_init`]):
/// the pod's other containers open its `/proc/PID/ns/*`, which a non-dumpable process
/// refuses; its own PID namespace keeps them from seeing its `/proc/PID/exe`.
pub fn run_pause() -> ! {
    let setup = || -> Result<std::os::fd::OwnedFd> {
        SigMask::all_asynchronous().block()?;
        crate::process::stdio::close_from(3).map_err(os("close inherited files"))?;
        signalfd(&SigMask::all_asynchronous(), false)
    };
    let sfd = setup().unwrap_or_else(|e| fail(&e));
    loop {
        let signals = match read_signals(std::os::fd::AsFd::as_fd(&sfd)) {
            Ok(s) => s,
            Err(e) => fail(&os("read signals")(e)),
        };
        for sig in signals {
            match sig {
                libc::SIGTERM | libc::SIGINT | libc::SIGHUP => exit_now(0),
                libc::SIGCHLD => {
                    let _ = reap(rustix::process::getpid());
                }
                _ => {}
            }
        }
    }
}

/// Reaps every exited child; the raw status of `main` if it was among them.
fn reap(main: Pid) -> Option<i32> {
    let mut main_status = None;
    loop {
        // waitpid(-1): `waitpid(None)` would be waitpid(0), this process group only.
        match rustix::process::wait(WaitOptions::NOHANG) {
            Ok(Some((pid, status))) if pid == main => main_status = Some(status.as_raw()),
            Ok(Some(_)) => {}
            Err(rustix::io::Errno::INTR) => {}
            Ok(None) | Err(_) => return main_status,
        }
    }
}

/// In the command's process: its own process group, the terminal's foreground one when
/// the init owns the terminal. Best effort: no terminal is fine.
fn isolate(session_leader: bool) {
    let _ = rustix::process::setpgid(None, None);
    if session_leader {
        let _ = rustix::termios::tcsetpgrp(rustix::stdio::stdin(), rustix::process::getpid());
    }
}

/// Whether this process leads its session. getsid(2) returns 0 when the session's
/// leader lives in an ancestor PID namespace (a container without `-t`), which
/// rustix's `Pid` cannot hold, so this asks libc directly.
fn is_session_leader() -> bool {
    // SAFETY: getsid(0) and getpid() have no preconditions.
    unsafe { libc::getsid(0) == libc::getpid() }
}

/// fork(2): `Some(child)` in the parent, `None` in the child.
fn fork() -> Result<Option<Pid>> {
    // SAFETY: the init is single-threaded (it runs in the freshly cloned container
    // process), so the child may run arbitrary code.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(os("fork the command")(std::io::Error::last_os_error()));
    }
    Ok(Pid::from_raw(pid))
}

fn fail(e: &RuntimeError) -> ! {
    eprintln!("coracle-init: {e}");
    exit_now(exitcode::RUNTIME_ERROR)
}
