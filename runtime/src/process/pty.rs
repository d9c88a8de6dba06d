//! Pseudo-terminals for `coracle run -t`: the pty pair, attaching the container
//! process to it, handing the master to the parent, the window size, and raw mode for
//! the caller's terminal.
//!
//! As with runc's console socket, the pair is allocated by the container process
//! itself, from its own devpts instance, after its root is pivoted
//! ([`open_pty_in_devpts`] on `/dev/pts/ptmx`): the slave is then `/dev/pts/0` inside
//! the container, so `tty`, `ssh`, `sudo` or `script` find their terminal there. The
//! container process sends the master to the parent over a Unix socket
//! ([`send_fd`], [`receive_fd`]) and keeps no copy of it.

use std::io::{IoSlice, IoSliceMut};
use std::mem::MaybeUninit;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::path::Path;

use rustix::fs::{Mode, OFlags};
use rustix::net::{
    RecvAncillaryBuffer, RecvAncillaryMessage, RecvFlags, SendAncillaryBuffer,
    SendAncillaryMessage, SendFlags,
};
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

/// A new pty pair: the parent gets `master`, the container `slave` as its stdio.
/// Both are close-on-exec.
pub struct Pty {
    /// The parent's side: what the container writes is read here.
    pub master: OwnedFd,
    /// The container's side (its controlling terminal and fds 0, 1 and 2).
    pub slave: OwnedFd,
}

const OPEN_FLAGS: OpenptFlags = OpenptFlags::RDWR
    .union(OpenptFlags::NOCTTY)
    .union(OpenptFlags::CLOEXEC);

/// Opens a pty pair on the host's `/dev/ptmx` (the caller's devpts).
pub fn open_pty() -> Result<Pty> {
    let master = rustix::pty::openpt(OPEN_FLAGS).map_err(os("open /dev/ptmx"))?;
    rustix::pty::grantpt(&master).map_err(os("grant the pseudo-terminal"))?;
    pair_from(master)
}

/// Unlocks the pty behind `master` and opens its slave.
fn pair_from(master: OwnedFd) -> Result<Pty> {
    rustix::pty::unlockpt(&master).map_err(os("unlock the pseudo-terminal"))?;
    // TIOCGPTPEER (Linux 4.13+) opens the slave without a path lookup; else by name.
    let slave = match rustix::pty::ioctl_tiocgptpeer(&master, OPEN_FLAGS) {
        Ok(fd) => fd,
        Err(_) => {
            let name = rustix::pty::ptsname(&master, Vec::new())
                .map_err(os("find the pseudo-terminal's name"))?;
            let oflags = OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC;
            rustix::fs::open(name.as_c_str(), oflags, Mode::empty())
                .map_err(os("open the pseudo-terminal's slave"))?
        }
    };
    Ok(Pty { master, slave })
}

/// The superblock magic of devpts (`DEVPTS_SUPER_MAGIC` in linux/magic.h).
const DEVPTS_SUPER_MAGIC: i64 = 0x1cd1;

/// Checks that `fd` is a devpts instance's `ptmx` (character device 5:2 on a devpts
/// filesystem), as runc does before it opens one.
fn check_ptmx(fd: BorrowedFd<'_>) -> Result<()> {
    let fs = rustix::fs::fstatfs(fd).map_err(os("inspect the ptmx device"))?;
    let st = rustix::fs::fstat(fd).map_err(os("inspect the ptmx device"))?;
    let is_char =
        rustix::fs::FileType::from_raw_mode(st.st_mode) == rustix::fs::FileType::CharacterDevice;
    let (major, minor) = (rustix::fs::major(st.st_rdev), rustix::fs::minor(st.st_rdev));
    if fs.f_type as i64 != DEVPTS_SUPER_MAGIC || !is_char || (major, minor) != (5, 2) {
        return Err(os("open the container's ptmx")(std::io::Error::other(
            "it is not the ptmx of a devpts filesystem",
        )));
    }
    Ok(())
}

/// Opens a pty pair on the devpts instance whose `ptmx` is at `ptmx` (in a container:
/// `/dev/pts/ptmx`, its own instance, mounted with `newinstance,ptmxmode=0666`). The
/// path is first opened with `O_PATH | O_NOFOLLOW` and checked (`check_ptmx`), and
/// only then opened for real through `/proc/self/fd`, so nothing else is ever opened
/// read-write.
pub fn open_pty_in_devpts(ptmx: &Path) -> Result<Pty> {
    let handle = rustix::fs::open(
        ptmx,
        OFlags::PATH | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .map_err(os("find the container's ptmx"))?;
    check_ptmx(handle.as_fd())?;
    let reopen = format!("/proc/self/fd/{}", handle.as_raw_fd());
    let master = rustix::fs::open(
        reopen.as_str(),
        OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .map_err(os("open the container's ptmx"))?;
    pair_from(master)
}

/// In the container process, before exec: makes `slave` the controlling terminal of
/// this process, which must lead a session without one (call `setsid` first), and
/// its fds 0, 1 and 2.
pub fn attach_child(slave: impl AsFd) -> Result<()> {
    let slave = slave.as_fd();
    rustix::process::ioctl_tiocsctty(slave).map_err(os("set the controlling terminal"))?;
    crate::process::stdio::install(slave, slave, slave).map_err(os("attach the terminal to stdio"))
}

/// Sends `fd` over the Unix socket `socket` (SCM_RIGHTS, with one byte of data).
pub fn send_fd(socket: BorrowedFd<'_>, fd: BorrowedFd<'_>) -> Result<()> {
    let fds = [fd];
    let mut space = [MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(1))];
    let mut control = SendAncillaryBuffer::new(&mut space);
    control.push(SendAncillaryMessage::ScmRights(&fds));
    rustix::net::sendmsg(
        socket,
        &[IoSlice::new(b"t")],
        &mut control,
        SendFlags::empty(),
    )
    .map_err(os("send the terminal to coracle"))?;
    Ok(())
}

/// Receives one fd sent by [`send_fd`] on `socket`, close-on-exec. Fails when the
/// peer closed the socket without sending one.
pub fn receive_fd(socket: BorrowedFd<'_>) -> Result<OwnedFd> {
    let mut byte = [0u8; 1];
    let mut space = [MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(1))];
    let mut control = RecvAncillaryBuffer::new(&mut space);
    rustix::net::recvmsg(
        socket,
        &mut [IoSliceMut::new(&mut byte)],
        &mut control,
        RecvFlags::CMSG_CLOEXEC,
    )
    .map_err(os("receive the container's terminal"))?;
    for message in control.drain() {
        if let RecvAncillaryMessage::ScmRights(mut fds) = message {
            if let Some(fd) = fds.next() {
                return Ok(fd);
            }
        }
    }
    Err(os("receive the container's terminal")(
        std::io::Error::other("the container process sent none"),
    ))
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
    use rustix::io::FdFlags;
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
    fn a_pair_comes_from_a_checked_devpts_ptmx_only() {
        // The host's own devpts instance stands in for the container's.
        let pty = open_pty_in_devpts(Path::new("/dev/pts/ptmx")).unwrap();
        assert!(termios::isatty(&pty.slave));
        let name = rustix::pty::ptsname(&pty.master, Vec::new()).unwrap();
        assert!(name.to_string_lossy().starts_with("/dev/pts/"), "{name:?}");
        for not_ptmx in ["/dev/null", "/dev/tty", "/proc/self/status"] {
            let err = open_pty_in_devpts(Path::new(not_ptmx)).err();
            let text = err.map(|e| e.to_string()).unwrap_or_default();
            assert!(
                text.contains("not the ptmx of a devpts filesystem"),
                "{not_ptmx}: {text}"
            );
        }
        // A symlink to the real one is not followed.
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("ptmx");
        std::os::unix::fs::symlink("/dev/pts/ptmx", &link).unwrap();
        assert!(open_pty_in_devpts(&link).is_err());
    }

    #[test]
    fn an_fd_travels_over_a_socket() {
        use rustix::net::{AddressFamily, SocketFlags, SocketType};
        let (a, b) = rustix::net::socketpair(
            AddressFamily::UNIX,
            SocketType::STREAM,
            SocketFlags::CLOEXEC,
            None,
        )
        .unwrap();
        let (r, w) = rustix::pipe::pipe().unwrap();
        send_fd(a.as_fd(), w.as_fd()).unwrap();
        drop(w);
        let got = receive_fd(b.as_fd()).unwrap();
        assert!(rustix::io::fcntl_getfd(&got)
            .unwrap()
            .contains(FdFlags::CLOEXEC));
        rustix::io::write(&got, b"ok").unwrap();
        let mut buf = [0u8; 2];
        rustix::io::read(&r, &mut buf).unwrap();
        assert_eq!(&buf, b"ok");
        // A closed peer without a message is an error, not a hang.
        drop(a);
        let err = receive_fd(b.as_fd()).unwrap_err().to_string();
        assert!(err.contains("sent none"), "{err}");
    }

    #[test]
    fn raw_mode_skips_non_terminals() {
        let (r, _w) = rustix::pipe::pipe().unwrap();
        assert!(raw_mode(r.as_fd()).unwrap().is_none());
    }
}
