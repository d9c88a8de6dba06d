//! Pseudo-terminals for `coracle run -t`: the pty pair, attaching the container
//! process to it, the window size, and raw mode for the caller's terminal.
//!
//! The pair is opened on the HOST's `/dev/ptmx` by the parent before the clone. The
//! container later mounts a new devpts instance on its own `/dev/pts`, but that does
//! not matter: an open slave fd refers to its inode, not to a path, so it stays valid
//! across the container's mount namespace and `pivot_root`. (Its name, as seen by
//! `ttyname(3)` inside the container, belongs to the host's devpts and may not exist
//! there.)

use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};

use rustix::io::FdFlags;
use rustix::pty::OpenptFlags;
use rustix::termios::{self, OptionalActions, Termios};

use crate::error::{Result, RuntimeError};

/// Maps a failed system call to [`RuntimeError::Os`] (allocation-free).
pub(crate) fn os<E: Into<std::io::Error>>(action: &'static str) -> impl FnOnce(E) -> RuntimeError {
    move |e| RuntimeError::Os {
        action,
        source: e.into(),
    }
}

/// A new pty pair: the parent keeps `master`, the container gets `slave` as its stdio.
/// Both are close-on-exec.
pub struct Pty {
    /// The parent's side: what the container writes is read here.
    pub master: OwnedFd,
    /// The container's side (its controlling terminal and fds 0, 1, 2).
    pub slave: OwnedFd,
}

/// Opens a pty pair on the host's `/dev/ptmx`; call it before the clone.
pub fn open_pty() -> Result<Pty> {
    let flags = OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC;
    let master = rustix::pty::openpt(flags).map_err(os("open /dev/ptmx"))?;
    rustix::pty::grantpt(&master).map_err(os("grant the pseudo-terminal"))?;
    rustix::pty::unlockpt(&master).map_err(os("unlock the pseudo-terminal"))?;
    // TIOCGPTPEER (Linux 4.13+) opens the slave without a path lookup; else by name.
    let slave = match rustix::pty::ioctl_tiocgptpeer(&master, flags) {
        Ok(fd) => fd,
        Err(_) => {
            let name = rustix::pty::ptsname(&master, Vec::new())
                .map_err(os("find the pseudo-terminal's name"))?;
            let oflags =
                rustix::fs::OFlags::RDWR | rustix::fs::OFlags::NOCTTY | rustix::fs::OFlags::CLOEXEC;
            rustix::fs::open(name.as_c_str(), oflags, rustix::fs::Mode::empty())
                .map_err(os("open the pseudo-terminal's slave"))?
        }
    };
    Ok(Pty { master, slave })
}

/// In the container process, before exec: starts a new session, makes `slave` its
/// controlling terminal and duplicates it onto fds 0, 1 and 2. Allocation-free, so it
/// may run between fork/clone and exec.
pub fn attach_child(slave: impl AsFd) -> Result<()> {
    let slave = slave.as_fd();
    rustix::process::setsid().map_err(os("start a new session"))?;
    rustix::process::ioctl_tiocsctty(slave).map_err(os("set the controlling terminal"))?;
    if (0..=2).contains(&slave.as_raw_fd()) {
        // dup2 onto itself keeps close-on-exec: clear it so the fd survives the exec.
        rustix::io::fcntl_setfd(slave, FdFlags::empty())
            .map_err(os("clear close-on-exec on the terminal"))?;
    }
    rustix::stdio::dup2_stdin(slave).map_err(os("attach the terminal to stdin"))?;
    rustix::stdio::dup2_stdout(slave).map_err(os("attach the terminal to stdout"))?;
    rustix::stdio::dup2_stderr(slave).map_err(os("attach the terminal to stderr"))?;
    Ok(())
}

/// Copies the window size of the caller's terminal `from_tty` to the pty `master`.
pub fn sync_window_size(from_tty: BorrowedFd<'_>, master: BorrowedFd<'_>) -> Result<()> {
    let size = termios::tcgetwinsize(from_tty).map_err(os("read the terminal's window size"))?;
    termios::tcsetwinsize(master, size).map_err(os("set the pseudo-terminal's window size"))
}

/// The caller's terminal, for the window size: stdin if it is a terminal, else stdout.
pub fn caller_terminal() -> Option<BorrowedFd<'static>> {
    [rustix::stdio::stdin(), rustix::stdio::stdout()]
        .into_iter()
        .find(|fd| termios::isatty(fd))
}

/// A terminal in raw mode; its previous settings are restored on drop (also when
/// unwinding from a panic).
pub struct RawModeGuard<'fd> {
    fd: BorrowedFd<'fd>,
    saved: Termios,
}

/// Puts the terminal `fd` in raw mode (no echo, no line editing, no signal keys:
/// every byte goes to the container). `None` when `fd` is not a terminal.
pub fn raw_mode(fd: BorrowedFd<'_>) -> Result<Option<RawModeGuard<'_>>> {
    if !termios::isatty(fd) {
        return Ok(None);
    }
    let saved = termios::tcgetattr(fd).map_err(os("read the terminal's settings"))?;
    let mut raw = saved.clone();
    raw.make_raw();
    termios::tcsetattr(fd, OptionalActions::Now, &raw)
        .map_err(os("put the terminal in raw mode"))?;
    Ok(Some(RawModeGuard { fd, saved }))
}

impl Drop for RawModeGuard<'_> {
    fn drop(&mut self) {
        // Nothing sensible to do on failure: the terminal is gone.
        let _ = termios::tcsetattr(self.fd, OptionalActions::Now, &self.saved);
    }
}

/// The bytes that make a reader of a pty in canonical mode see end-of-file: the VEOF
/// character, twice when the pending line is unfinished (the first one only flushes
/// it). Nothing when the pty is not in canonical mode (the program reads raw bytes).
pub(crate) fn eof_sequence(canonical: bool, veof: u8, last_byte: Option<u8>) -> Vec<u8> {
    match (canonical, last_byte) {
        (false, _) => Vec::new(),
        (true, None | Some(b'\n')) => vec![veof],
        (true, Some(_)) => vec![veof, veof],
    }
}

/// [`eof_sequence`] for the current settings of the pty behind `master`.
pub(crate) fn eof_bytes(master: BorrowedFd<'_>, last_byte: Option<u8>) -> Vec<u8> {
    match termios::tcgetattr(master) {
        Ok(t) => eof_sequence(
            t.local_modes.contains(termios::LocalModes::ICANON),
            t.special_codes[termios::SpecialCodeIndex::VEOF],
            last_byte,
        ),
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustix::termios::{LocalModes, Winsize};

    #[test]
    fn eof_sequence_depends_on_mode_and_line() {
        assert_eq!(eof_sequence(false, 4, Some(b'x')), Vec::<u8>::new());
        assert_eq!(eof_sequence(true, 4, None), vec![4]);
        assert_eq!(eof_sequence(true, 4, Some(b'\n')), vec![4]);
        assert_eq!(eof_sequence(true, 4, Some(b'x')), vec![4, 4]);
    }

    #[test]
    fn pair_is_a_terminal_and_cloexec() {
        let pty = open_pty().unwrap();
        assert!(termios::isatty(&pty.slave));
        for fd in [&pty.master, &pty.slave] {
            assert!(rustix::io::fcntl_getfd(fd)
                .unwrap()
                .contains(FdFlags::CLOEXEC));
        }
        // A fresh pty is canonical with ^D as VEOF.
        assert_eq!(eof_bytes(pty.master.as_fd(), None), vec![4]);
    }

    #[test]
    fn window_size_is_copied() {
        let caller = open_pty().unwrap();
        let pty = open_pty().unwrap();
        let size = Winsize {
            ws_row: 33,
            ws_col: 99,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        termios::tcsetwinsize(&caller.slave, size).unwrap();
        sync_window_size(caller.slave.as_fd(), pty.master.as_fd()).unwrap();
        let got = termios::tcgetwinsize(&pty.slave).unwrap();
        assert_eq!((got.ws_row, got.ws_col), (33, 99));
    }

    #[test]
    fn raw_mode_is_restored_on_drop() {
        let pty = open_pty().unwrap();
        let before = termios::tcgetattr(&pty.slave).unwrap();
        assert!(before
            .local_modes
            .contains(LocalModes::ICANON | LocalModes::ECHO));
        {
            let guard = raw_mode(pty.slave.as_fd()).unwrap();
            assert!(guard.is_some());
            let raw = termios::tcgetattr(&pty.slave).unwrap();
            assert!(!raw
                .local_modes
                .intersects(LocalModes::ICANON | LocalModes::ECHO | LocalModes::ISIG));
        }
        let after = termios::tcgetattr(&pty.slave).unwrap();
        assert_eq!(after.local_modes, before.local_modes);
        assert_eq!(after.input_modes, before.input_modes);
        assert_eq!(after.output_modes, before.output_modes);
    }

    #[test]
    fn raw_mode_skips_non_terminals() {
        let (r, _w) = rustix::pipe::pipe().unwrap();
        assert!(raw_mode(r.as_fd()).unwrap().is_none());
    }
}
