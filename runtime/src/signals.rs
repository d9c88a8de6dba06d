//! The parent's supervisor loop for a foreground container: forward signals to it
//! (as Podman's `--sig-proxy`), relay a pty, keep the window size in sync, and reap it.
//!
//! Signals are taken synchronously with a signalfd: the caller blocks them with
//! [`block_forwarded`] BEFORE cloning the container (so none is lost or acted on in
//! between), the child restores the old mask with [`restore_mask`], and [`supervise`]
//! reads them from the signalfd in a poll loop.

use std::io;
use std::os::fd::{AsFd, BorrowedFd, FromRawFd, OwnedFd};
use std::time::{Duration, Instant};

use rustix::event::Timespec;
use rustix::event::{poll, PollFd, PollFlags};
use rustix::io::Errno;
use rustix::process::{Pid, WaitOptions};

use crate::error::Result;
use crate::pty::{self, os};

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

/// Writes all of `data` to `fd`, waiting when `fd` is non-blocking and full.
fn write_all(fd: BorrowedFd<'_>, mut data: &[u8]) -> io::Result<()> {
    while !data.is_empty() {
        match rustix::io::write(fd, data) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => data = &data[n..],
            Err(Errno::INTR) => {}
            Err(Errno::AGAIN) => {
                let mut p = [PollFd::from_borrowed_fd(fd, PollFlags::OUT)];
                poll(&mut p, None)?;
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// The terminal relay of [`supervise`]: pty master ⇄ the caller's stdin/stdout.
struct Relay<'a> {
    master: BorrowedFd<'a>,
    /// The master still gives output (no EOF/EIO yet).
    master_live: bool,
    /// Stdin is still read.
    stdin_live: bool,
    /// Bytes from stdin not yet accepted by the master.
    pending: Vec<u8>,
    /// The last byte read from stdin (for the EOF sequence).
    last_byte: Option<u8>,
    /// Stdout still accepts output (else it is discarded, to keep the container going).
    stdout_ok: bool,
}

impl Relay<'_> {
    /// Copies one chunk of master output to stdout; false at EOF/EIO.
    fn pump_output(&mut self) -> bool {
        let mut buf = [0u8; 16 * 1024];
        match rustix::io::read(self.master, &mut buf) {
            Ok(0) => false,
            Ok(n) => {
                if self.stdout_ok {
                    self.stdout_ok = write_all(rustix::stdio::stdout(), &buf[..n]).is_ok();
                }
                true
            }
            Err(Errno::AGAIN | Errno::INTR) => true,
            // EIO: every slave fd is closed.
            Err(_) => false,
        }
    }

    /// Reads one chunk of stdin into `pending`; at EOF queues the terminal's EOF.
    fn pump_input(&mut self) {
        let mut buf = [0u8; 16 * 1024];
        match rustix::io::read(rustix::stdio::stdin(), &mut buf) {
            Ok(n) if n > 0 => {
                self.pending.extend_from_slice(&buf[..n]);
                self.last_byte = Some(buf[n - 1]);
            }
            Err(Errno::AGAIN | Errno::INTR) => {}
            _ => {
                self.stdin_live = false;
                let eof = pty::eof_bytes(self.master, self.last_byte);
                self.pending.extend_from_slice(&eof);
            }
        }
    }

    /// Writes as much of `pending` as the master takes now.
    fn flush_input(&mut self) {
        match rustix::io::write(self.master, &self.pending) {
            Ok(n) => {
                self.pending.drain(..n);
            }
            Err(Errno::AGAIN | Errno::INTR) => {}
            Err(_) => self.pending.clear(),
        }
    }

    /// After the container exited: copy what is left on the master. Stops at EIO (all
    /// slaves closed and the buffer empty), after 100ms without output, or after 5s.
    fn drain(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(5);
        let quiet = Timespec {
            tv_sec: 0,
            tv_nsec: 100_000_000,
        };
        while self.master_live && Instant::now() < deadline {
            let mut p = [PollFd::from_borrowed_fd(self.master, PollFlags::IN)];
            match poll(&mut p, Some(&quiet)) {
                Ok(0) => break,
                Ok(_) => self.master_live = self.pump_output(),
                Err(Errno::INTR) => {}
                Err(_) => break,
            }
        }
    }
}

/// Supervises `child` until it exits and returns its raw wait status.
///
/// Forwards every signal of [`is_forwarded`] to it. With `master` (a `-t` container;
/// the caller should have closed its copy of the slave), relays the pty's output to
/// stdout, keeps its window size equal to the caller's terminal's (initially and on
/// SIGWINCH), and when `stdin_open` (`-i`) puts stdin in raw mode if it is a terminal
/// and relays it to the pty, ending with the terminal's EOF character at end of input.
/// Output left on the pty when the child exits is copied before returning. Without
/// `master` the child has its own stdio: signals are forwarded and the child reaped.
/// Only `child` is waited for, never other children. Signals not yet blocked by
/// [`block_forwarded`] are blocked here (and stay blocked).
pub fn supervise(child: Pid, master: Option<BorrowedFd<'_>>, stdin_open: bool) -> Result<i32> {
    let handled = SigMask::supervised();
    handled.block()?;
    let sfd = signalfd(&handled, true)?;
    let terminal = caller_terminal_for(master);
    let stdin = rustix::stdio::stdin();
    let _raw = match master {
        Some(_) if stdin_open => pty::raw_mode(stdin)?,
        _ => None,
    };
    let mut relay = master.map(|m| {
        // Reads and writes on the master must never block the loop.
        if let Ok(fl) = rustix::fs::fcntl_getfl(m) {
            let _ = rustix::fs::fcntl_setfl(m, fl | rustix::fs::OFlags::NONBLOCK);
        }
        Relay {
            master: m,
            master_live: true,
            stdin_live: stdin_open,
            pending: Vec::new(),
            last_byte: None,
            stdout_ok: true,
        }
    });
    let mut check_child = true;
    loop {
        if check_child {
            check_child = false;
            if let Some(status) = try_wait(child)? {
                if let Some(r) = relay.as_mut() {
                    r.drain();
                }
                return Ok(status);
            }
        }
        let mut fds = vec![PollFd::new(&sfd, PollFlags::IN)];
        let (mut master_at, mut stdin_at) = (None, None);
        if let Some(r) = relay.as_ref() {
            let mut want = PollFlags::empty();
            if r.master_live {
                want |= PollFlags::IN;
            }
            if !r.pending.is_empty() {
                want |= PollFlags::OUT;
            }
            if !want.is_empty() {
                master_at = Some(fds.len());
                fds.push(PollFd::from_borrowed_fd(r.master, want));
            }
            if r.stdin_live && r.pending.is_empty() {
                stdin_at = Some(fds.len());
                fds.push(PollFd::from_borrowed_fd(stdin, PollFlags::IN));
            }
        }
        match poll(&mut fds, None) {
            Ok(_) => {}
            Err(Errno::INTR) => continue,
            Err(e) => return Err(os("wait for the container")(e)),
        }
        let ready = |i: Option<usize>| i.map_or(PollFlags::empty(), |i| fds[i].revents());
        let (sig_ready, master_ready, stdin_ready) = (
            !fds[0].revents().is_empty(),
            ready(master_at),
            ready(stdin_at),
        );
        drop(fds);
        if sig_ready {
            let signals = read_signals(sfd.as_fd()).map_err(os("read signals"))?;
            for sig in signals {
                match sig {
                    libc::SIGCHLD => check_child = true,
                    libc::SIGWINCH => {
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
            if master_ready.intersects(PollFlags::OUT | PollFlags::ERR) {
                r.flush_input();
            }
            if r.master_live
                && master_ready.intersects(PollFlags::IN | PollFlags::HUP | PollFlags::ERR)
            {
                r.master_live = r.pump_output();
            }
            if !stdin_ready.is_empty() {
                r.pump_input();
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
    fn signals_to_a_gone_process_are_not_errors() {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = Pid::from_child(&child);
        child.wait().unwrap();
        // Reaped: the pid is free (reuse within this test is practically impossible).
        send_signal(pid, libc::SIGTERM).unwrap();
    }
}
