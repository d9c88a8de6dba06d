//! A container's mount namespace, held by the command that waits for the container
//! so that its teardown happens beside the command instead of inside the container's
//! exit.
//!
//! When the last process of a mount namespace ends, its exit unmounts every mount
//! of the namespace (the container's root, `/proc`, `/dev`, the masked paths) and
//! waits for an RCU grace period, all before its parent learns of the exit: a
//! foreground `run` waited 0.3-0.45 ms for it. An open `/proc/PID/ns/mnt` keeps the
//! namespace alive, so the exit is reported at once and the namespace goes when the
//! last such descriptor closes: `run --rm` hands it to the child that deletes the
//! container's directory, which closes it once the command has ended
//! ([`MountNamespaceHold::release_after`]), before it deletes anything.

use std::os::fd::{AsFd, BorrowedFd, OwnedFd};

/// An open handle on a container's mount namespace (see the module doc).
#[derive(Debug)]
pub struct MountNamespaceHold(OwnedFd);

impl MountNamespaceHold {
    /// Holds the mount namespace of process `pid` (close-on-exec); `None` when it
    /// cannot be opened: the container's exit then tears its namespace down, as
    /// without a hold.
    pub fn of(pid: i32) -> Option<MountNamespaceHold> {
        crate::sys::open_namespace(pid, "mnt")
            .ok()
            .map(MountNamespaceHold)
    }

    /// In a child forked by the holder: waits until `parent` (the holder) has
    /// ended, then drops the hold. Dropped first, the holder's own copy would be
    /// the last one, and the holder's exit would pay for the teardown.
    pub fn release_after(self, parent: i32) {
        wait_for_end_of_parent(parent);
        drop(self)
    }
}

/// The namespace's descriptor (for a fork that must keep it open).
impl AsFd for MountNamespaceHold {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.0.as_fd()
    }
}

/// Returns once `parent` has ended, or at once when it is no longer this process's
/// parent (it ended already) or cannot be watched.
fn wait_for_end_of_parent(parent: i32) {
    use rustix::event::{PollFd, PollFlags};
    let Some(pid) = rustix::process::Pid::from_raw(parent) else {
        return;
    };
    let Ok(pidfd) = rustix::process::pidfd_open(pid, rustix::process::PidfdFlags::empty()) else {
        return;
    };
    // Checked after the open: while it is our parent, `parent` names no other
    // process, so the pidfd is the holder's.
    if rustix::process::getppid() != Some(pid) {
        return;
    }
    let mut fds = [PollFd::new(&pidfd, PollFlags::IN)];
    while let Err(rustix::io::Errno::INTR) = rustix::event::poll(&mut fds, None) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::AsRawFd;

    /// `NS_GET_NSTYPE`: the `CLONE_NEW*` type of a namespace descriptor.
    const NS_GET_NSTYPE: libc::c_ulong = 0xb703;

    #[test]
    fn a_hold_is_a_descriptor_of_the_process_mount_namespace() {
        let hold = MountNamespaceHold::of(std::process::id() as i32).expect("own namespace");
        // SAFETY: an ioctl with no argument on a valid descriptor.
        let kind = unsafe { libc::ioctl(hold.as_fd().as_raw_fd(), NS_GET_NSTYPE as _) };
        assert_eq!(kind, libc::CLONE_NEWNS);
        let flags = rustix::io::fcntl_getfd(&hold).expect("flags");
        assert!(flags.contains(rustix::io::FdFlags::CLOEXEC));
    }

    #[test]
    fn no_hold_for_a_process_that_does_not_exist() {
        assert!(MountNamespaceHold::of(i32::MAX).is_none());
    }

    #[test]
    fn release_after_a_process_that_is_not_the_parent_returns_at_once() {
        // pid 1 is not this test's parent: the wait must not block on it.
        let hold = MountNamespaceHold::of(std::process::id() as i32).expect("own namespace");
        let start = std::time::Instant::now();
        hold.release_after(1);
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn release_after_waits_for_the_parent_to_end() {
        // A parent (forked from this test) that forks the releasing child, then
        // ends after a pause; the child notes whether its parent was gone when the
        // release returned.
        let (r, w) = crate::sys::pipe().expect("pipe");
        let hold = MountNamespaceHold::of(std::process::id() as i32).expect("own namespace");
        // SAFETY: the forked processes make only calls that allocate nothing (the
        // test harness has other threads) and exit.
        let parent = unsafe { libc::fork() };
        assert!(parent >= 0);
        if parent == 0 {
            let me = unsafe { libc::getpid() };
            let child = unsafe { libc::fork() };
            if child == 0 {
                hold.release_after(me);
                let gone = unsafe { libc::getppid() } != me;
                let _ = rustix::io::write(&w, &[gone as u8]);
                unsafe { libc::_exit(0) };
            }
            unsafe { libc::usleep(200_000) };
            unsafe { libc::_exit(0) };
        }
        drop((w, hold));
        let mut status = 0;
        // SAFETY: waits for our own child.
        unsafe { libc::waitpid(parent, &mut status, 0) };
        let mut byte = [9u8; 1];
        let n = rustix::io::read(&r, &mut byte).expect("read");
        assert_eq!((n, byte[0]), (1, 1), "released before its parent ended");
    }
}
