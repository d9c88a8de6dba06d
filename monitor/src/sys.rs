//! The few system calls the monitor makes beyond std, each a small safe wrapper.

use std::io;
use std::os::fd::RawFd;

fn check(ret: libc::c_int) -> io::Result<libc::c_int> {
    if ret < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(ret)
    }
}

/// poll(2) for input on `fds`, at most `timeout_ms` milliseconds (-1: no limit); the
/// readiness of each (readable, hung up or in error), all false at the timeout.
pub fn poll_readable(fds: &[RawFd], timeout_ms: libc::c_int) -> io::Result<Vec<bool>> {
    let mut set: Vec<libc::pollfd> = fds
        .iter()
        .map(|&fd| libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        })
        .collect();
    // SAFETY: `set` is a valid array of `set.len()` pollfd structures for the call.
    check(unsafe { libc::poll(set.as_mut_ptr(), set.len() as libc::nfds_t, timeout_ms) })?;
    Ok(set.iter().map(|p| p.revents != 0).collect())
}

/// read(2) from a descriptor the monitor was handed.
pub fn read(fd: RawFd, buf: &mut [u8]) -> io::Result<usize> {
    // SAFETY: `buf` is valid for writes of `buf.len()` bytes.
    let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
    if n < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(n as usize)
    }
}

/// close(2) a descriptor the monitor was handed (errors do not matter here).
pub fn close(fd: RawFd) {
    // SAFETY: the monitor owns the descriptors it was given and closes each once.
    unsafe { libc::close(fd) };
}

/// wait4(2) for the child `pid`, retried on EINTR; its raw wait status.
pub fn wait_child(pid: libc::pid_t) -> io::Result<libc::c_int> {
    let mut status = 0;
    loop {
        // SAFETY: `status` is a valid int for the kernel to write.
        let r = unsafe { libc::waitpid(pid, &mut status, 0) };
        if r == pid {
            return Ok(status);
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// Mark a descriptor close-on-exec (errors do not matter: at worst a child holds it).
pub fn set_cloexec(fd: RawFd) {
    // SAFETY: plain integer arguments on a descriptor the monitor owns.
    unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
}

/// kill(2) with SIGKILL (errors do not matter: the process may be gone).
pub fn kill_hard(pid: libc::pid_t) {
    // SAFETY: plain integer arguments.
    unsafe { libc::kill(pid, libc::SIGKILL) };
}

/// madvise(MADV_DONTNEED) over `[start, end)`: drop the pages mapped there.
pub fn drop_pages(start: usize, end: usize) -> io::Result<()> {
    // SAFETY: MADV_DONTNEED on a range of our own mappings only unmaps pages; the
    // caller passes only mappings whose contents the file still holds unchanged (no
    // private copy), so any later access faults the same bytes back in.
    check(unsafe { libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED) })
        .map(drop)
}

/// The exit code of a wait status: the command's status, 128+N for a signal.
pub fn exit_code(status: libc::c_int) -> i32 {
    if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else if libc::WIFSIGNALED(status) {
        128 + libc::WTERMSIG(status)
    } else {
        125
    }
}

/// sendmsg(2) of one byte with the descriptor `fd` attached (SCM_RIGHTS) on the Unix
/// socket `socket`.
pub fn send_fd(socket: RawFd, fd: RawFd) -> io::Result<()> {
    let fd_size = std::mem::size_of::<RawFd>() as u32;
    // SAFETY: CMSG_SPACE only computes a size.
    let space = unsafe { libc::CMSG_SPACE(fd_size) } as usize;
    // u64 words: the control buffer must be aligned for cmsghdr.
    let mut control = vec![0u64; space.div_ceil(8)];
    let mut byte = *b"t";
    let mut iov = libc::iovec {
        iov_base: byte.as_mut_ptr().cast(),
        iov_len: byte.len(),
    };
    // SAFETY: msghdr is plain data; every field used is set below.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.as_mut_ptr().cast();
    msg.msg_controllen = space as _;
    // SAFETY: the control buffer holds `space` bytes, room for one header and one
    // descriptor, so CMSG_FIRSTHDR is non-null and CMSG_DATA lies inside it.
    unsafe {
        let cmsg = libc::CMSG_FIRSTHDR(&msg);
        (*cmsg).cmsg_level = libc::SOL_SOCKET;
        (*cmsg).cmsg_type = libc::SCM_RIGHTS;
        (*cmsg).cmsg_len = libc::CMSG_LEN(fd_size) as _;
        std::ptr::write_unaligned(libc::CMSG_DATA(cmsg).cast::<RawFd>(), fd);
    }
    // SAFETY: `msg` and the buffers it points to outlive the call.
    let sent = unsafe { libc::sendmsg(socket, &msg, libc::MSG_NOSIGNAL) };
    if sent < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}
