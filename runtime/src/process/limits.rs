//! The per-process settings applied in the container process just before its
//! command runs: resource limits (`--ulimit`, with Podman's defaults), the file
//! mode mask (`--umask`) and the caller's descriptors passed on (`--preserve-fds`).

use std::io;
use std::os::fd::BorrowedFd;

use crate::error::{Result, RuntimeError};
use crate::spec::process::resource_number;
use crate::spec::{ContainerConfig, DEFAULT_UMASK};

/// The settings, resolved to numbers before the clone so that applying them
/// allocates nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProcessLimits {
    /// (`RLIMIT_` resource, soft, hard).
    pub rlimits: Vec<(libc::__rlimit_resource_t, u64, u64)>,
    /// The umask.
    pub umask: u32,
    /// How many of the caller's fds from 3 up reach the command.
    pub preserve_fds: u32,
}

impl ProcessLimits {
    /// From a saved spec; an unknown ulimit name (a damaged spec) is an error.
    pub fn from_config(config: &ContainerConfig) -> Result<ProcessLimits> {
        let rlimits = config
            .ulimits
            .iter()
            .map(|u| {
                resource_number(&u.name)
                    .map(|r| (r, u.soft, u.hard))
                    .ok_or_else(|| RuntimeError::Start(format!("unknown ulimit {:?}", u.name)))
            })
            .collect::<Result<_>>()?;
        Ok(ProcessLimits {
            rlimits,
            umask: config.umask.unwrap_or(DEFAULT_UMASK),
            preserve_fds: config.preserve_fds,
        })
    }

    /// The first fd that is not passed on: every fd from here up is close-on-exec.
    pub fn first_private_fd(&self) -> u32 {
        3 + self.preserve_fds
    }

    /// In the container process: set the limits and the umask, and clear
    /// close-on-exec on the passed-on fds. Allocation-free.
    pub fn apply(&self) -> std::result::Result<(), String> {
        for &(resource, soft, hard) in &self.rlimits {
            set_rlimit(resource, soft, hard)
                .map_err(|e| format!("set the resource limit {resource} to {soft}:{hard}: {e}"))?;
        }
        // SAFETY: umask(2) only swaps the process's mask.
        unsafe { libc::umask(self.umask as libc::mode_t) };
        for fd in 3..self.first_private_fd() {
            // SAFETY: the fd is only looked at and flagged here, never closed; the
            // caller checked that it is open.
            let fd = unsafe { BorrowedFd::borrow_raw(fd as i32) };
            rustix::io::fcntl_setfd(fd, rustix::io::FdFlags::empty())
                .map_err(|e| format!("pass on descriptor {fd:?}: {e}"))?;
        }
        Ok(())
    }
}

/// setrlimit(2) of this process.
fn set_rlimit(resource: libc::__rlimit_resource_t, soft: u64, hard: u64) -> io::Result<()> {
    let limit = libc::rlimit {
        rlim_cur: soft,
        rlim_max: hard,
    };
    // SAFETY: setrlimit(2) reads the struct it is given.
    if unsafe { libc::setrlimit(resource, &limit) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Whether the caller's fds 3 to 3+`count`-1 are all open (`--preserve-fds`
/// passes on exactly those; one that is closed would hand the container an fd
/// coracle opens later).
pub fn fds_open(count: u32) -> std::result::Result<(), u32> {
    for fd in 3..3 + count {
        // SAFETY: F_GETFD only reads the flags of an fd number.
        if unsafe { libc::fcntl(fd as i32, libc::F_GETFD) } < 0 {
            return Err(fd);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::Ulimit;

    #[test]
    fn limits_come_from_the_spec() {
        let config = ContainerConfig {
            ulimits: vec![Ulimit {
                name: "nofile".into(),
                soft: 100,
                hard: 200,
            }],
            preserve_fds: 2,
            ..Default::default()
        };
        let limits = ProcessLimits::from_config(&config).unwrap();
        assert_eq!(limits.rlimits, vec![(libc::RLIMIT_NOFILE, 100, 200)]);
        assert_eq!(limits.umask, 0o022);
        assert_eq!(limits.first_private_fd(), 5);
        let damaged = ContainerConfig {
            ulimits: vec![Ulimit {
                name: "bogus".into(),
                soft: 1,
                hard: 1,
            }],
            ..Default::default()
        };
        assert!(ProcessLimits::from_config(&damaged).is_err());
        assert!(fds_open(0).is_ok());
        assert!(matches!(fds_open(1 << 20), Err(fd) if fd >= 3));
    }
}
