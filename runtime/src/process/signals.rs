//! The parent's supervisor loop for a foreground container: forward signals to it
//! (as Podman's `--sig-proxy`), relay its streams ([`crate::process::relay`]), keep a pty's
//! window size in sync, and reap it.
//!
//! Signals are taken synchronously with a signalfd: the caller blocks them with
//! [`block_forwarded`] BEFORE cloning the container (so none is lost or acted on in
//! between), the child restores the old mask with [`restore_mask`], and [`supervise`]
//! reads them from the signalfd in a poll loop.

use std::io;
use std::os::fd::{AsFd, BorrowedFd, FromRawFd, OwnedFd};

use rustix::event::{poll, PollFd, PollFlags};
use rustix::io::Errno;
use rustix::process::{Pid, WaitOptions};

use crate::error::Result;
use crate::process::pty::{self, os};
use crate::process::relay::Relay;

/// Synchronous signals: the kernel raises them for a fault of the process itself, so
/// they are never blocked nor forwarded.
const SYNCHRONOUS: [libc::c_int; 6] = [
    libc::SIGILL,
    libc::SIGTRAP,
    libc::SIGBUS,
    libc::SIGFPE,
    libc::SIGSEGV,
    libc::SIGSYS,
];

/// Whether the supervisor forwards `sig` to the container. Like Podman, everything
/// that can be caught except SIGCHLD, SIGPIPE, SIGURG and SIGWINCH (the window size is
/// synced instead) and the synchronous fault signals; real-time signals included.
pub fn is_forwarded(sig: libc::c_int) -> bool {
    let excluded = [
        libc::SIGKILL,
        libc::SIGSTOP,
        libc::SIGCHLD,
        libc::SIGPIPE,
        libc::SIGURG,
        libc::SIGWINCH,
    ];
    // glibc reserves 32 and 33 for its threads; they are not real signals to users.
    let reserved = libc::SIGSYS + 1..libc::SIGRTMIN();
    (1..=libc::SIGRTMAX()).contains(&sig)
        && !excluded.contains(&sig)
        && !SYNCHRONOUS.contains(&sig)
        && !reserved.contains(&sig)
}

/// A set of signals, also used as a saved signal mask.
#[derive(Clone, Copy)]
pub struct SigMask(libc::sigset_t);

impl std::fmt::Debug for SigMask {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let members: Vec<_> = (1..=libc::SIGRTMAX())
            .filter(|s| self.contains(*s))
            .collect();
        f.debug_tuple("SigMask").field(&members).finish()
    }
}

impl SigMask {
    /// The empty set.
    pub fn empty() -> SigMask {
        let mut set = std::mem::MaybeUninit::<libc::sigset_t>::uninit();
        // SAFETY: sigemptyset initialises the whole set.
        unsafe {
            libc::sigemptyset(set.as_mut_ptr());
            SigMask(set.assume_init())
        }
    }

    /// The set of `signals`.
    pub fn of(signals: impl IntoIterator<Item = libc::c_int>) -> SigMask {
        let mut set = SigMask::empty();
        for s in signals {
            // SAFETY: a valid, initialised set; an invalid number is just rejected.
            unsafe { libc::sigaddset(&mut set.0, s) };
        }
        set
    }

    /// Every signal but the synchronous fault signals (what `--init` blocks).
    pub fn all_asynchronous() -> SigMask {
        SigMask::of((1..=libc::SIGRTMAX()).filter(|s| !SYNCHRONOUS.contains(s)))
    }

    /// The forwarded signals plus SIGCHLD and SIGWINCH: what [`supervise`] handles.
    pub fn supervised() -> SigMask {
        SigMask::of(
            (1..=libc::SIGRTMAX())
                .filter(|s| is_forwarded(*s))
                .chain([libc::SIGCHLD, libc::SIGWINCH]),
        )
    }

    /// Whether `sig` is in the set.
    pub fn contains(&self, sig: libc::c_int) -> bool {
        // SAFETY: a valid, initialised set.
        unsafe { libc::sigismember(&self.0, sig) == 1 }
    }

    /// Sets the calling thread's mask (`how` is SIG_BLOCK or SIG_SETMASK); returns the
    /// old one. Async-signal-safe.
    fn apply(&self, how: libc::c_int) -> io::Result<SigMask> {
        let mut old = SigMask::empty();
        // SAFETY: both pointers are valid sets.
        match unsafe { libc::pthread_sigmask(how, &self.0, &mut old.0) } {
            0 => Ok(old),
            e => Err(io::Error::from_raw_os_error(e)),
        }
    }

    /// Blocks this set in the calling thread; returns the old mask.
    pub fn block(&self) -> Result<SigMask> {
        self.apply(libc::SIG_BLOCK).map_err(os("block signals"))
    }
}

/// Blocks the forwarded signals, SIGCHLD and SIGWINCH in the calling thread and
/// returns the old mask. Call it before cloning the container; the child passes the
/// result to [`restore_mask`], the parent too once [`supervise`] returned.
pub fn block_forwarded() -> Result<SigMask> {
    SigMask::supervised().block()
}

/// Restores a mask saved by [`block_forwarded`]. Async-signal-safe and allocation-free,
/// so the container process may call it between clone and exec.
pub fn restore_mask(old: &SigMask) -> Result<()> {
    old.apply(libc::SIG_SETMASK)
        .map(drop)
        .map_err(os("restore the signal mask"))
}

/// The kernel's `struct sigaction` (x86_64 and aarch64 layout), for the raw
/// `rt_sigaction` that also reaches the signals glibc reserves (32 and 33).
#[repr(C)]
struct KernelSigaction {
    handler: libc::sighandler_t,
    flags: libc::c_ulong,
    restorer: usize,
    mask: u64,
}

/// `rt_sigaction(sig, new, old)`; false when the kernel refuses.
fn rt_sigaction(
    sig: libc::c_int,
    new: Option<&KernelSigaction>,
    old: &mut KernelSigaction,
) -> bool {
    let new = new.map_or(std::ptr::null(), |n| n as *const KernelSigaction);
    // SAFETY: valid pointers (or null) to the kernel's struct; 8 is its mask size.
    unsafe {
        libc::syscall(
            libc::SYS_rt_sigaction,
            sig,
            new,
            old as *mut KernelSigaction,
            std::mem::size_of::<u64>(),
        ) == 0
    }
}

/// In the container process before exec: every signal this process ignores goes back
/// to its default action. exec keeps ignored signals ignored, and the caller's
/// choices are not the container's: Rust programs such as coracle ignore SIGPIPE,
/// `nohup` ignores SIGHUP. Async-signal-safe.
pub fn reset_ignored_signals() {
    let empty = || KernelSigaction {
        handler: libc::SIG_DFL,
        flags: 0,
        restorer: 0,
        mask: 0,
    };
    for sig in 1..=libc::SIGRTMAX() {
        let mut old = empty();
        if sig != libc::SIGKILL
            && sig != libc::SIGSTOP
            && rt_sigaction(sig, None, &mut old)
            && old.handler == libc::SIG_IGN
        {
            rt_sigaction(sig, Some(&empty()), &mut old);
        }
    }
}

/// A signalfd receiving the (blocked) signals of `set`.
pub(crate) fn signalfd(set: &SigMask, nonblocking: bool) -> Result<OwnedFd> {
    let flags = libc::SFD_CLOEXEC | if nonblocking { libc::SFD_NONBLOCK } else { 0 };
    // SAFETY: a valid set; -1 asks for a new fd.
    let fd = unsafe { libc::signalfd(-1, &set.0, flags) };
    if fd < 0 {
        return Err(os("create a signalfd")(io::Error::last_os_error()));
    }
    // SAFETY: a fresh fd that nothing else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

const SIGINFO_SIZE: usize = std::mem::size_of::<libc::signalfd_siginfo>();

/// The signal numbers in a buffer of `signalfd_siginfo` records (`ssi_signo`, a u32,
/// is the first field of each).
pub(crate) fn signal_numbers(records: &[u8]) -> impl Iterator<Item = libc::c_int> + '_ {
    records
        .chunks_exact(SIGINFO_SIZE)
        .map(|r| u32::from_ne_bytes([r[0], r[1], r[2], r[3]]) as libc::c_int)
}

/// Reads the signals waiting on `sfd` (blocks only if `sfd` is blocking and none is
/// there). Empty when a non-blocking signalfd has nothing.
pub(crate) fn read_signals(sfd: BorrowedFd<'_>) -> io::Result<Vec<libc::c_int>> {
    let mut buf = [0u8; SIGINFO_SIZE * 16];
    loop {
        return match rustix::io::read(sfd, &mut buf) {
            Ok(n) => Ok(signal_numbers(&buf[..n]).collect()),
            Err(Errno::AGAIN) => Ok(Vec::new()),
            Err(Errno::INTR) => continue,
            Err(e) => Err(e.into()),
        };
    }
}

/// Sends `sig` to `pid` (any number, real-time signals included); a process that is
/// already gone is not an error.
pub(crate) fn send_signal(pid: Pid, sig: libc::c_int) -> io::Result<()> {
    // SAFETY: kill(2) on a positive pid.
    if unsafe { libc::kill(pid.as_raw_pid(), sig) } == 0 {
        return Ok(());
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        Some(libc::ESRCH) => Ok(()),
        _ => Err(e),
    }
}

/// Supervises `child` until it exits and returns its raw wait status.
///
/// Forwards every signal of [`is_forwarded`] to it, and moves the container's streams
/// with `relay` (the caller must have closed its copies of the container's ends). For
/// a `-t` container ([`Relay::master`]) it keeps the pty's window size equal to the
/// caller's terminal's (initially and on SIGWINCH) and, when the caller's input is
/// typed into the pty and is a terminal, puts that terminal in raw mode until the
/// return. Once the child exited, the relay is drained before returning, so all the
/// container's output is out when the caller exits. Only `child` is waited for, never
/// other children. Signals not yet blocked by [`block_forwarded`] are blocked here
/// (and stay blocked).
pub fn supervise(child: Pid, relay: Option<&mut Relay<'_>>) -> Result<i32> {
    match supervise_until(child, relay, None)? {
        Ended::Exited(status) => Ok(status),
        // Without a deadline the child is never killed for time.
        Ended::TimedOut => Ok(libc::SIGKILL),
        // A relay detaches only when asked to ([`Relay::detaching_on`]).
        Ended::Detached => Ok(0),
    }
}

/// How a supervised child ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// By itself (or a signal): its raw wait status.
    Exited(i32),
    /// Killed by the supervisor at its deadline (`--timeout`), then reaped.
    TimedOut,
    /// The caller typed the detach keys: the child runs on, unreaped.
    Detached,
}

/// [`supervise`], killing the child with SIGKILL once `deadline` passed.
pub fn supervise_until(
    child: Pid,
    mut relay: Option<&mut Relay<'_>>,
    deadline: Option<std::time::Instant>,
) -> Result<Ended> {
    let mut timed_out = false;
    let handled = SigMask::supervised();
    handled.block()?;
    let sfd = signalfd(&handled, true)?;
    let master = relay.as_ref().and_then(|r| r.master());
    let terminal = caller_terminal_for(master);
    let _raw = match relay.as_ref().and_then(|r| r.terminal_input()) {
        Some(input) => pty::raw_mode(input)?,
        None => None,
    };
    let mut check_child = true;
    loop {
        if check_child {
            check_child = false;
            if let Some(status) = try_wait(child)? {
                if let Some(r) = relay.as_mut() {
                    r.drain();
                }
                return Ok(if timed_out {
                    Ended::TimedOut
                } else {
                    Ended::Exited(status)
                });
            }
        }
        let interest = relay.as_ref().map(|r| r.interest()).unwrap_or_default();
        let mut fds = vec![PollFd::new(&sfd, PollFlags::IN)];
        fds.extend(
            interest
                .iter()
                .map(|(fd, flags)| PollFd::from_borrowed_fd(*fd, *flags)),
        );
        let wait = match deadline {
            Some(_) if timed_out => None,
            Some(d) => Some(
                rustix::event::Timespec::try_from(
                    d.saturating_duration_since(std::time::Instant::now()),
                )
                .unwrap_or(rustix::event::Timespec {
                    tv_sec: 0,
                    tv_nsec: 0,
                }),
            ),
            None => None,
        };
        match poll(&mut fds, wait.as_ref()) {
            Ok(0) if wait.is_some() => {
                drop(fds);
                timed_out = true;
                send_signal(child, libc::SIGKILL)
                    .map_err(os("kill the container at its --timeout"))?;
                continue;
            }
            Ok(_) => {}
            Err(Errno::INTR) => continue,
            Err(e) => return Err(os("wait for the container")(e)),
        }
        let ready: Vec<PollFlags> = fds.iter().map(|p| p.revents()).collect();
        drop(fds);
        drop(interest);
        if !ready[0].is_empty() {
            let signals = read_signals(sfd.as_fd()).map_err(os("read signals"))?;
            for sig in signals {
                match sig {
                    libc::SIGCHLD => check_child = true,
                    libc::SIGWINCH => {
                        let master = relay.as_ref().and_then(|r| r.master());
                        if let (Some(t), Some(m)) = (terminal, master) {
                            let _ = pty::sync_window_size(t, m);
                        }
                    }
                    s if is_forwarded(s) => {
                        send_signal(child, s).map_err(os("forward a signal to the container"))?;
                    }
                    _ => {}
                }
            }
        }
        if let Some(r) = relay.as_mut() {
            r.dispatch(&ready[1..]);
            if r.detached() {
                return Ok(Ended::Detached);
            }
        }
    }
}

/// The caller's terminal to take the window size from, after syncing it once.
fn caller_terminal_for(master: Option<BorrowedFd<'_>>) -> Option<BorrowedFd<'static>> {
    let (terminal, master) = (pty::caller_terminal()?, master?);
    let _ = pty::sync_window_size(terminal, master);
    Some(terminal)
}

/// The raw wait status of `child` if it has exited.
fn try_wait(child: Pid) -> Result<Option<i32>> {
    loop {
        return match rustix::process::waitpid(Some(child), WaitOptions::NOHANG) {
            Ok(r) => Ok(r.map(|(_, status)| status.as_raw())),
            Err(Errno::INTR) => continue,
            Err(e) => Err(os("wait for the container")(e)),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_signals_follow_podman() {
        for s in [
            libc::SIGHUP,
            libc::SIGINT,
            libc::SIGQUIT,
            libc::SIGTERM,
            libc::SIGUSR1,
            libc::SIGUSR2,
            libc::SIGCONT,
            libc::SIGTSTP,
            libc::SIGTTIN,
            libc::SIGALRM,
            libc::SIGRTMIN(),
            libc::SIGRTMAX(),
        ] {
            assert!(is_forwarded(s), "{s} should be forwarded");
        }
        for s in [
            0,
            libc::SIGKILL,
            libc::SIGSTOP,
            libc::SIGCHLD,
            libc::SIGWINCH,
            libc::SIGPIPE,
            libc::SIGURG,
            libc::SIGSEGV,
            32,
            libc::SIGRTMAX() + 1,
        ] {
            assert!(!is_forwarded(s), "{s} should not be forwarded");
        }
    }

    #[test]
    fn sets() {
        let s = SigMask::supervised();
        assert!(s.contains(libc::SIGCHLD) && s.contains(libc::SIGWINCH));
        assert!(s.contains(libc::SIGTERM) && !s.contains(libc::SIGSEGV));
        assert!(!s.contains(libc::SIGKILL));
        let all = SigMask::all_asynchronous();
        assert!(all.contains(libc::SIGCHLD) && !all.contains(libc::SIGBUS));
        assert!(!SigMask::empty().contains(libc::SIGTERM));
        assert_eq!(format!("{:?}", SigMask::of([1, 15])), "SigMask([1, 15])");
    }

    #[test]
    fn signal_numbers_from_records() {
        let mut buf = vec![0u8; SIGINFO_SIZE * 2 + 3];
        buf[..4].copy_from_slice(&15u32.to_ne_bytes());
        buf[SIGINFO_SIZE..SIGINFO_SIZE + 4].copy_from_slice(&17u32.to_ne_bytes());
        assert_eq!(signal_numbers(&buf).collect::<Vec<_>>(), vec![15, 17]);
        assert_eq!(SIGINFO_SIZE, 128);
    }

    #[test]
    fn ignored_signals_get_their_default_action_back() {
        let disposition = |sig| {
            // SAFETY: a query into a zeroed out-pointer.
            let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
            unsafe { libc::sigaction(sig, std::ptr::null(), &mut old) };
            old.sa_sigaction
        };
        // In a forked copy, so that the harness keeps its own dispositions.
        // SAFETY: the child makes only system calls, then _exit.
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            // SAFETY: ignoring SIGHUP, as nohup does.
            unsafe { libc::signal(libc::SIGHUP, libc::SIG_IGN) };
            // And glibc's reserved 32, which only the raw system call reaches.
            let action = |handler| KernelSigaction {
                handler,
                flags: 0,
                restorer: 0,
                mask: 0,
            };
            let mut old = action(libc::SIG_DFL);
            let before = rt_sigaction(32, Some(&action(libc::SIG_IGN)), &mut old)
                && disposition(libc::SIGHUP) == libc::SIG_IGN
                && disposition(libc::SIGPIPE) == libc::SIG_IGN;
            reset_ignored_signals();
            let after = disposition(libc::SIGHUP) == libc::SIG_DFL
                && disposition(libc::SIGPIPE) == libc::SIG_DFL
                && rt_sigaction(32, None, &mut old)
                && old.handler == libc::SIG_DFL;
            // SAFETY: leaves the forked copy.
            unsafe { libc::_exit(if before && after { 0 } else { 1 }) }
        }
        let mut status = 0;
        // SAFETY: waits for our own child.
        assert_eq!(unsafe { libc::waitpid(pid, &mut status, 0) }, pid);
        assert_eq!(status, 0, "SIGHUP and SIGPIPE were not reset to SIG_DFL");
    }

    #[test]
    fn signals_to_a_gone_process_are_not_errors() {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = Pid::from_child(&child);
        child.wait().unwrap();
        // Reaped: the pid is free (reuse within this test is practically impossible).
        send_signal(pid, libc::SIGTERM).unwrap();
    }
}
