//! A container's mount namespace, held by the command that waits for the container
//! so that its teardown happens beside the command instead of inside the container's
//! exit.
//!
//! When the last process of a mount namespace ends, its exit unmounts every mount
//! of the namespace (the container's root, `/proc`, `/dev`, the masked paths) and
//! waits for an RCU grace period, all before its parent learns of the exit: a
//! foreground `run` waited 0.3-0.45 ms for it. An open `/proc/PID/ns/mnt` keeps the
//! namespace alive, so the exit is reported at once and the namespace goes when the
//! last such descriptor closes: `run --rm` hands it to the cleaner that deletes the
//! container's directory (`crate::lifecycle::trash`), which closes it once the
//! command has ended, before it deletes anything.

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
}

/// The namespace's descriptor (for a process that must keep it open).
impl AsFd for MountNamespaceHold {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.0.as_fd()
    }
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
}
