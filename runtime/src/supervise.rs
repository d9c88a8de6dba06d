//! The parent's side of a foreground container: forward signals to it, relay a
//! terminal, keep the window size in sync, and reap it. Also the pty plumbing and
//! the minimal `--init`.

use std::io;
use std::os::fd::{AsRawFd, BorrowedFd, FromRawFd, OwnedFd, RawFd};

use crate::error::{Result, RuntimeError};
use crate::sys;

/// Signals forwarded to the container (as Podman's --sig-proxy).
const FORWARDED: &[libc::c_int] = &[
    libc::SIGHUP,
    libc::SIGINT,
    libc::SIGQUIT,
    libc::SIGTERM,
    libc::SIGUSR1,
    libc::SIGUSR2,
    libc::SIGALRM,
    libc::SIGCONT,
    libc::SIGTSTP,
    libc::SIGTTIN,
    libc::SIGTTOU,
    libc::SIGPWR,
];

fn start_err(what: &str, e: io::Error) -> RuntimeError {
    RuntimeError::Start(format!("{what}: {e}"))
}

/// A saved signal mask.
#[derive(Clone, Copy)]
pub struct SigMask(libc::sigset_t);

fn handled_set() -> libc::sigset_t {
    // SAFETY: sigset_t is plain data initialised by sigemptyset.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointer to a local set.
    unsafe {
        libc::sigemptyset(&mut set);
        for s in FORWARDED
            .iter()
            .chain([libc::SIGCHLD, libc::SIGWINCH].iter())
        {
            libc::sigaddset(&mut set, *s);
        }
    }
    set
}

/// Block the forwarded signals, SIGCHLD and SIGWINCH; returns the old mask.
pub fn block_forwarded() -> Result<SigMask> {
    let set = handled_set();
    // SAFETY: zeroed sigset_t is a valid out-parameter.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointers; single-threaded caller.
    let r = unsafe { libc::sigprocmask(libc::SIG_BLOCK, &set, &mut old) };
    if r != 0 {
        return Err(start_err("block signals", io::Error::last_os_error()));
    }
    Ok(SigMask(old))
}

/// Restore a saved mask.
pub fn restore_mask(old: &SigMask) -> Result<()> {
    // SAFETY: valid pointer to the saved set.
    let r = unsafe { libc::sigprocmask(libc::SIG_SETMASK, &old.0, std::ptr::null_mut()) };
    if r != 0 {
        return Err(start_err("restore signal mask", io::Error::last_os_error()));
    }
    Ok(())
}

/// A pty pair: the parent keeps the master, the container gets the slave.
pub struct Pty {
    /// Parent side.
    pub master: OwnedFd,
    /// Container side.
    pub slave: OwnedFd,
}

/// Open a pty pair on the host's /dev/ptmx (the slave fd stays valid after the
/// container's pivot_root).
pub fn open_pty() -> Result<Pty> {
    let mut master: RawFd = -1;
    let mut slave: RawFd = -1;
    // SAFETY: out-pointers to locals; null name/termios/winsize are allowed.
    let r = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    if r != 0 {
        return Err(start_err(
            "open a pseudo-terminal",
            io::Error::last_os_error(),
        ));
    }
    // SAFETY: openpty returned two fresh fds we now own.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    for fd in [&master, &slave] {
        // SAFETY: plain fcntl on an owned fd.
        unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    Ok(Pty { master, slave })
}

/// In the container: new session, the slave as controlling terminal and stdio.
pub fn attach_child(slave: &OwnedFd) -> io::Result<()> {
    // SAFETY: plain syscalls on an fd we hold.
    unsafe {
        if libc::setsid() < 0 {
            return Err(io::Error::last_os_error());
        }
        if libc::ioctl(slave.as_raw_fd(), libc::TIOCSCTTY, 0) < 0 {
            return Err(io::Error::last_os_error());
        }
        for target in 0..3 {
            if libc::dup2(slave.as_raw_fd(), target) < 0 {
                return Err(io::Error::last_os_error());
            }
        }
    }
    Ok(())
}

/// Copy the caller terminal's window size to the pty.
pub fn sync_window_size(from: RawFd, master: RawFd) {
    // SAFETY: winsize is plain data; ioctls on valid fds.
    unsafe {
        let mut ws: libc::winsize = std::mem::zeroed();
        if libc::ioctl(from, libc::TIOCGWINSZ, &mut ws) == 0 {
            libc::ioctl(master, libc::TIOCSWINSZ, &ws);
        }
    }
}

/// The caller's terminal in raw mode until dropped.
pub struct RawMode {
    fd: RawFd,
    saved: libc::termios,
}

impl RawMode {
    /// Put `fd` in raw mode; None when it is not a terminal.
    pub fn enter(fd: RawFd) -> Option<RawMode> {
        // SAFETY: termios is plain data filled by tcgetattr.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: valid fd and out-pointer.
        if unsafe { libc::tcgetattr(fd, &mut t) } != 0 {
            return None;
        }
        let saved = t;
        // SAFETY: cfmakeraw edits the local copy; tcsetattr applies it.
        unsafe {
            libc::cfmakeraw(&mut t);
            libc::tcsetattr(fd, libc::TCSANOW, &t);
        }
        Some(RawMode { fd, saved })
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        // SAFETY: restores the saved attributes on the same fd.
        unsafe { libc::tcsetattr(self.fd, libc::TCSANOW, &self.saved) };
    }
}

fn signalfd() -> Result<OwnedFd> {
    let set = handled_set();
    // SAFETY: valid set pointer; -1 creates a new fd.
    let fd = unsafe { libc::signalfd(-1, &set, libc::SFD_CLOEXEC) };
    if fd < 0 {
        return Err(start_err("signalfd", io::Error::last_os_error()));
    }
    // SAFETY: fresh fd we own.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

fn read_signal(fd: &OwnedFd) -> Option<libc::c_int> {
    // SAFETY: signalfd_siginfo is plain data; read fills it.
    let mut info: libc::signalfd_siginfo = unsafe { std::mem::zeroed() };
    let size = std::mem::size_of::<libc::signalfd_siginfo>();
    // SAFETY: buffer of the right size.
    let n = unsafe {
        libc::read(
            fd.as_raw_fd(),
            &mut info as *mut _ as *mut libc::c_void,
            size,
        )
    };
    (n as usize == size).then_some(info.ssi_signo as libc::c_int)
}

/// Has `pid` exited? Its raw wait status if so.
fn try_wait(pid: libc::pid_t) -> Option<i32> {
    let mut status = 0;
    // SAFETY: out-pointer to a local.
    let r = unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) };
    (r == pid).then_some(status)
}

fn copy_once(from: RawFd, to: RawFd) -> bool {
    let mut buf = [0u8; 8192];
    // SAFETY: buffer and fd valid.
    let n = unsafe { libc::read(from, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
    if n <= 0 {
        return false;
    }
    let mut done = 0;
    while done < n as usize {
        // SAFETY: the slice is within buf.
        let w = unsafe {
            libc::write(
                to,
                buf[done..].as_ptr() as *const libc::c_void,
                n as usize - done,
            )
        };
        if w <= 0 {
            return false;
        }
        done += w as usize;
    }
    true
}

/// Supervise `pid` until it exits: forward signals, relay the terminal when `master`
/// is given (stdin only when `stdin_open`). Returns the raw wait status.
pub fn supervise(
    pid: libc::pid_t,
    master: Option<BorrowedFd<'_>>,
    stdin_open: bool,
) -> Result<i32> {
    let sfd = signalfd()?;
    let _raw = match master {
        Some(m) => {
            sync_window_size(0, m.as_raw_fd());
            if stdin_open {
                RawMode::enter(0)
            } else {
                None
            }
        }
        None => None,
    };
    let mut stdin_live = stdin_open && master.is_some();
    let mut master_live = master.is_some();
    loop {
        if let Some(status) = try_wait(pid) {
            if let Some(m) = master {
                while master_live && copy_ready(m.as_raw_fd()) {
                    master_live = copy_once(m.as_raw_fd(), 1);
                }
            }
            return Ok(status);
        }
        let mut fds = vec![libc::pollfd {
            fd: sfd.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        }];
        if let Some(m) = master.filter(|_| master_live) {
            fds.push(libc::pollfd {
                fd: m.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            });
        }
        if stdin_live {
            fds.push(libc::pollfd {
                fd: 0,
                events: libc::POLLIN,
                revents: 0,
            });
        }
        // SAFETY: fds is a valid array of pollfd.
        let r = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, -1) };
        if r < 0 {
            let e = io::Error::last_os_error();
            if e.raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return Err(start_err("poll", e));
        }
        for p in &fds {
            if p.revents == 0 {
                continue;
            }
            if p.fd == sfd.as_raw_fd() {
                match read_signal(&sfd) {
                    Some(libc::SIGCHLD) | None => {}
                    Some(libc::SIGWINCH) => {
                        if let Some(m) = master {
                            sync_window_size(0, m.as_raw_fd());
                        }
                    }
                    Some(sig) => sys::kill(pid, sig),
                }
            } else if p.fd == 0 {
                if let Some(m) = master {
                    stdin_live = copy_once(0, m.as_raw_fd());
                }
            } else if !copy_once(p.fd, 1) {
                master_live = false;
            }
        }
    }
}

/// Is there output waiting on `fd` right now?
fn copy_ready(fd: RawFd) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, zero timeout.
    unsafe { libc::poll(&mut p, 1, 0) > 0 && p.revents & libc::POLLIN != 0 }
}

/// Run as the container's PID 1 with `--init`: fork; the child runs `exec_fn` (which
/// execs the command); this process forwards signals to it, reaps every zombie, and
/// exits with the command's status. `close_in_init` fds are closed in the init.
pub fn run_init(close_in_init: Vec<OwnedFd>, exec_fn: impl FnOnce()) -> ! {
    // SAFETY: plain prctl: container processes cannot open /proc/1/exe (the coracle binary).
    unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) };
    let old = block_forwarded().ok();
    // SAFETY: fork in the single-threaded container process.
    let child = unsafe { libc::fork() };
    if child == 0 {
        if let Some(old) = old {
            let _ = restore_mask(&old);
        }
        exec_fn();
        sys::exit_now(127)
    }
    drop(close_in_init);
    if child < 0 {
        sys::exit_now(125);
    }
    let Ok(sfd) = signalfd() else {
        sys::exit_now(125)
    };
    loop {
        match read_signal(&sfd) {
            Some(libc::SIGCHLD) => loop {
                let mut status = 0;
                // SAFETY: out-pointer to a local.
                let r = unsafe { libc::waitpid(-1, &mut status, libc::WNOHANG) };
                if r <= 0 {
                    break;
                }
                if r == child {
                    sys::exit_now(crate::exitcode::from_wait_status(status));
                }
            },
            Some(libc::SIGWINCH) | None => {}
            Some(sig) => sys::kill(child, sig),
        }
    }
}
