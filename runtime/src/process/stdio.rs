//! The container's standard streams and its file-descriptor hygiene.
//!
//! Without `-t` the container never receives a file descriptor of the caller's
//! terminal: its stdin is `/dev/null` (with `-i`, a pipe), its stdout and stderr are
//! pipes. The parent keeps the other ends ([`ParentEnds`]) and relays them
//! ([`crate::process::relay`]). With `-t` the container starts on `/dev/null` too, until its
//! own pty replaces that ([`crate::process::pty`]).
//!
//! Nothing of the caller above fd 2 reaches the container either: [`cloexec_from`]
//! marks every such fd close-on-exec, so the exec of the command (or of any helper
//! the setup starts) drops it; `--init`'s init, which never execs, uses
//! [`close_from`].

use std::io;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};

use rustix::fs::{Mode, OFlags};
use rustix::io::Errno;

/// The parent's ends of the container's streams: what it writes to the container's
/// stdin (only with `-i`) and reads from its stdout and stderr. All close-on-exec.
#[derive(Debug)]
pub struct ParentEnds {
    /// Write end of the container's stdin pipe (`-i`), else None.
    pub stdin: Option<OwnedFd>,
    /// Read end of the container's stdout pipe.
    pub stdout: OwnedFd,
    /// Read end of the container's stderr pipe.
    pub stderr: OwnedFd,
}

/// The container's ends, installed as its fds 0, 1 and 2 by [`ChildEnds::install`].
#[derive(Debug)]
pub struct ChildEnds {
    stdin: OwnedFd,
    stdout: OwnedFd,
    stderr: OwnedFd,
}

/// `/dev/null`, opened read-write and close-on-exec.
fn dev_null() -> io::Result<OwnedFd> {
    Ok(rustix::fs::open(
        "/dev/null",
        OFlags::RDWR | OFlags::CLOEXEC,
        Mode::empty(),
    )?)
}

/// A pipe, both ends close-on-exec. Returns (parent's end, child's end):
/// `parent_reads` says which end is the parent's.
fn pipe_for(parent_reads: bool) -> io::Result<(OwnedFd, OwnedFd)> {
    let (r, w) = rustix::pipe::pipe_with(rustix::pipe::PipeFlags::CLOEXEC)?;
    Ok(if parent_reads { (r, w) } else { (w, r) })
}

/// The streams of a container without a terminal, made before the clone: stdin is a
/// pipe when `interactive` (`-i`), else `/dev/null`; stdout and stderr are pipes.
pub fn pipes(interactive: bool) -> io::Result<(ParentEnds, ChildEnds)> {
    let (parent_stdin, child_stdin) = if interactive {
        let (p, c) = pipe_for(false)?;
        (Some(p), c)
    } else {
        (None, dev_null()?)
    };
    let (parent_stdout, child_stdout) = pipe_for(true)?;
    let (parent_stderr, child_stderr) = pipe_for(true)?;
    Ok((
        ParentEnds {
            stdin: parent_stdin,
            stdout: parent_stdout,
            stderr: parent_stderr,
        },
        ChildEnds {
            stdin: child_stdin,
            stdout: child_stdout,
            stderr: child_stderr,
        },
    ))
}

impl ChildEnds {
    /// `/dev/null` for all three streams: where a `-t` container starts until its pty
    /// is attached, so that it never holds the caller's terminal meanwhile.
    pub fn null() -> io::Result<ChildEnds> {
        let null = dev_null()?;
        Ok(ChildEnds {
            stdin: null.try_clone()?,
            stdout: null.try_clone()?,
            stderr: null,
        })
    }

    /// In the container process: makes these the fds 0, 1 and 2 (the originals stay
    /// close-on-exec). Allocation-free.
    pub fn install(&self) -> io::Result<()> {
        install(self.stdin.as_fd(), self.stdout.as_fd(), self.stderr.as_fd())
    }
}

/// Makes `stdin`, `stdout` and `stderr` the fds 0, 1 and 2 of this process, without
/// close-on-exec, whatever numbers they have now (even 0-2 in another order).
/// Allocation-free, so it may run between clone and exec.
pub fn install(
    stdin: BorrowedFd<'_>,
    stdout: BorrowedFd<'_>,
    stderr: BorrowedFd<'_>,
) -> io::Result<()> {
    // First move each above 2, so that no dup2 below overwrites a source still needed.
    let high = |fd: BorrowedFd<'_>| rustix::io::fcntl_dupfd_cloexec(fd, 3);
    let (i, o, e) = (high(stdin)?, high(stdout)?, high(stderr)?);
    rustix::stdio::dup2_stdin(&i)?;
    rustix::stdio::dup2_stdout(&o)?;
    rustix::stdio::dup2_stderr(&e)?;
    Ok(())
}

/// `close_range(first, ~0, flags)`.
fn close_range(first: u32, flags: libc::c_int) -> io::Result<()> {
    // SAFETY: close_range(2) takes plain integers; with CLOSE_RANGE_CLOEXEC it only
    // sets flags. Without it the caller must own every fd from `first` up (see
    // `close_from`).
    let r = unsafe { libc::syscall(libc::SYS_close_range, first, libc::c_uint::MAX, flags) };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Marks every fd from `first` up close-on-exec: whatever the caller left open
/// without the flag is closed by the next exec. Allocation-free.
pub fn cloexec_from(first: u32) -> io::Result<()> {
    close_range(first, libc::CLOSE_RANGE_CLOEXEC as libc::c_int)
}

/// Closes every fd from `first` up, for a process that never execs (`--init`'s
/// init). Whatever owns those fds must never use or close them afterwards: call it
/// only in a process that then runs code holding no fd from that range.
pub fn close_from(first: u32) -> io::Result<()> {
    close_range(first, 0)
}

/// Whether `st` is `/dev/null` (character device 1:3).
fn is_dev_null(st: &rustix::fs::Stat) -> bool {
    let kind = rustix::fs::FileType::from_raw_mode(st.st_mode);
    kind == rustix::fs::FileType::CharacterDevice
        && rustix::fs::major(st.st_rdev) == 1
        && rustix::fs::minor(st.st_rdev) == 3
}

/// Gives fds 0, 1 and 2 to `uid` (as runc does), so that a non-root user in the
/// container can reopen its streams (`/dev/stdout`, `/dev/tty`): they were created
/// by the parent, owned by root of the container. Skips `/dev/null` and what
/// `uid` already owns; an owner or filesystem that refuses (EPERM, EROFS, EINVAL)
/// leaves the fd as it is. Call it before switching to `uid`. Allocation-free.
pub fn give_to_user(uid: u32) -> io::Result<()> {
    for fd in [
        rustix::stdio::stdin(),
        rustix::stdio::stdout(),
        rustix::stdio::stderr(),
    ] {
        let st = rustix::fs::fstat(fd)?;
        if st.st_uid == uid || is_dev_null(&st) {
            continue;
        }
        let owner = rustix::fs::Uid::from_raw(uid);
        match rustix::fs::fchown(fd, Some(owner), None) {
            Ok(()) | Err(Errno::PERM | Errno::ROFS | Errno::INVAL) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustix::io::FdFlags;
    use std::os::fd::AsRawFd;

    fn is_cloexec(fd: BorrowedFd<'_>) -> bool {
        rustix::io::fcntl_getfd(fd).is_ok_and(|f| f.contains(FdFlags::CLOEXEC))
    }

    #[test]
    fn all_ends_are_close_on_exec_and_connected() {
        let (parent, child) = pipes(true).unwrap();
        let stdin = parent.stdin.as_ref().unwrap();
        for fd in [stdin, &parent.stdout, &parent.stderr] {
            assert!(is_cloexec(fd.as_fd()));
        }
        for fd in [&child.stdin, &child.stdout, &child.stderr] {
            assert!(is_cloexec(fd.as_fd()));
        }
        // The pipes connect: the parent reads what the child's stdout end gets.
        rustix::io::write(&child.stdout, b"x").unwrap();
        let mut buf = [0u8; 4];
        assert_eq!(rustix::io::read(&parent.stdout, &mut buf).unwrap(), 1);
        rustix::io::write(stdin, b"y").unwrap();
        assert_eq!(rustix::io::read(&child.stdin, &mut buf).unwrap(), 1);
        assert_eq!(buf[0], b'y');
    }

    #[test]
    fn without_interactive_stdin_is_dev_null() {
        let (parent, child) = pipes(false).unwrap();
        assert!(parent.stdin.is_none());
        assert!(is_dev_null(&rustix::fs::fstat(&child.stdin).unwrap()));
        let null = ChildEnds::null().unwrap();
        for fd in [&null.stdin, &null.stdout, &null.stderr] {
            assert!(is_dev_null(&rustix::fs::fstat(fd).unwrap()));
        }
        let (_, pipe) = pipe_for(true).unwrap();
        assert!(!is_dev_null(&rustix::fs::fstat(&pipe).unwrap()));
    }

    #[test]
    fn cloexec_from_marks_every_higher_fd() {
        let (r, w) = rustix::pipe::pipe().unwrap();
        assert!(!is_cloexec(r.as_fd()) && !is_cloexec(w.as_fd()));
        let low = r.as_raw_fd().min(w.as_raw_fd()) as u32;
        // In a forked copy, so that the other tests' fds keep their flags; the copy
        // makes only system calls.
        // SAFETY: the child calls only allocation-free functions, then _exit.
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            let ok = cloexec_from(low).is_ok() && is_cloexec(r.as_fd()) && is_cloexec(w.as_fd());
            // SAFETY: leaves the forked copy.
            unsafe { libc::_exit(if ok { 0 } else { 1 }) }
        }
        let mut status = 0;
        // SAFETY: waits for our own child.
        assert_eq!(unsafe { libc::waitpid(pid, &mut status, 0) }, pid);
        assert_eq!(
            status, 0,
            "fds above the first were not marked close-on-exec"
        );
        assert!(!is_cloexec(r.as_fd()), "the parent's fds keep their flags");
    }
}
