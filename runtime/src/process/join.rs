//! Joining a running container's namespaces, for `exec`: the namespaces of its init
//! are opened once, through a `/proc/PID` directory handle that stays bound to that
//! very process (a pid reused after it ended gives ESRCH through it), after checking
//! that the process started when the container did. [`ContainerNamespaces::join`]
//! then enters them with `setns`, the user namespace first, so that the others,
//! owned by it, may be entered with the capabilities it gives.

use std::os::fd::{AsFd, OwnedFd};

use rustix::fs::{Mode, OFlags};

use crate::error::{Result, RuntimeError};
use crate::process::procfs;
use crate::sys;

/// The order of joining: the user namespace first (it grants the rights to enter the
/// others), the mount namespace before the PID namespace, as nsenter and runc do.
const NAMESPACES: [(&str, libc::c_int); 7] = [
    ("user", libc::CLONE_NEWUSER),
    ("mnt", libc::CLONE_NEWNS),
    ("pid", libc::CLONE_NEWPID),
    ("uts", libc::CLONE_NEWUTS),
    ("ipc", libc::CLONE_NEWIPC),
    ("net", libc::CLONE_NEWNET),
    ("cgroup", libc::CLONE_NEWCGROUP),
];

/// How many seconds before its recorded start a container's init may have been
/// created (the record is written after the root is mounted and the handshake is
/// over), and after it (clock granularity).
const START_SLACK_BEFORE: i64 = 60;
const START_SLACK_AFTER: i64 = 2;

/// The open namespaces of a container's init that differ from the caller's.
#[derive(Debug)]
pub struct ContainerNamespaces {
    /// `(CLONE_NEW* flag, name, fd)` in joining order.
    fds: Vec<(libc::c_int, &'static str, OwnedFd)>,
    /// The init's `/proc/PID` directory.
    proc_dir: OwnedFd,
}

fn gone(pid: i32) -> RuntimeError {
    RuntimeError::Start(format!(
        "the container's process {pid} is gone; `coracle ps -a` shows its state"
    ))
}

/// The `(st_dev, st_ino)` that identifies a namespace.
pub(crate) fn identity(fd: impl AsFd) -> std::io::Result<(u64, u64)> {
    let st = rustix::fs::fstat(fd)?;
    Ok((st.st_dev, st.st_ino))
}

/// A container whose user namespace is nested in the one that owns its other
/// namespaces (`--userns nomap`, [`crate::ids::nested`]): the owner is joined first,
/// under the name "user", so that the others may be entered, and the nested one
/// last ("user-nested").
fn nest_user_namespace(fds: &mut Vec<(libc::c_int, &'static str, OwnedFd)>) -> Result<()> {
    let Some(user_at) = fds.iter().position(|(_, n, _)| *n == "user") else {
        return Ok(());
    };
    let Some((_, _, mnt)) = fds.iter().find(|(_, n, _)| *n == "mnt") else {
        return Ok(());
    };
    let os = |action| move |e: std::io::Error| RuntimeError::Os { action, source: e };
    let owner = sys::namespace_owner(mnt.as_fd())
        .map_err(os("find the owner of the container's mount namespace"))?;
    let owner_id = identity(&owner).map_err(os("stat a namespace"))?;
    if identity(&fds[user_at].2).map_err(os("stat a namespace"))? == owner_id {
        return Ok(());
    }
    let (flag, _, nested) = fds.remove(user_at);
    fds.insert(0, (flag, "user", owner));
    fds.push((flag, "user-nested", nested));
    Ok(())
}

impl ContainerNamespaces {
    /// Open the namespaces of the container init `pid`, recorded as started at
    /// `started` (Unix seconds): a process that started at another time is not the
    /// container's (its pid was reused) and is refused.
    pub fn open(pid: i32, started: Option<i64>) -> Result<ContainerNamespaces> {
        let proc_dir = rustix::fs::open(
            format!("/proc/{pid}").as_str(),
            OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .map_err(|_| gone(pid))?;
        let stat = procfs::stat_at(proc_dir.as_fd()).map_err(|_| gone(pid))?;
        if let Some(recorded) = started {
            let boot = procfs::boot_time().map_err(|e| RuntimeError::Os {
                action: "read the boot time",
                source: e,
            })?;
            let actual = procfs::started_at(&stat, boot);
            if !(recorded - START_SLACK_BEFORE..=recorded + START_SLACK_AFTER).contains(&actual) {
                return Err(gone(pid));
            }
        }
        let mut fds = Vec::new();
        for (flag, name) in NAMESPACES.iter().map(|(n, f)| (*f, *n)) {
            let fd = rustix::fs::openat(
                &proc_dir,
                format!("ns/{name}").as_str(),
                OFlags::RDONLY | OFlags::CLOEXEC,
                Mode::empty(),
            )
            .map_err(|e| match e {
                rustix::io::Errno::SRCH | rustix::io::Errno::NOENT => gone(pid),
                e => RuntimeError::Os {
                    action: "open the container's namespaces",
                    source: e.into(),
                },
            })?;
            let own = rustix::fs::stat(format!("/proc/self/ns/{name}").as_str());
            let same = match (identity(&fd), own) {
                (Ok(theirs), Ok(own)) => theirs == (own.st_dev, own.st_ino),
                _ => false,
            };
            if !same {
                fds.push((flag, name, fd));
            }
        }
        nest_user_namespace(&mut fds)?;
        Ok(ContainerNamespaces { fds, proc_dir })
    }

    /// The open namespace `name` (as in `/proc/PID/ns/NAME`) of the init, None when
    /// it is the caller's own.
    pub fn namespace(&self, name: &str) -> Option<std::os::fd::BorrowedFd<'_>> {
        self.fds
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(_, _, fd)| fd.as_fd())
    }

    /// The init's `/proc/PID` directory (bound to that process).
    pub fn proc_dir(&self) -> std::os::fd::BorrowedFd<'_> {
        self.proc_dir.as_fd()
    }

    /// Enter every namespace, the user namespace first. The PID namespace applies to
    /// children only: fork after this for a process inside it. The caller must be
    /// single-threaded; a failure leaves it partly moved and it must not go on.
    pub fn join(&self) -> Result<()> {
        for (flag, name, fd) in &self.fds {
            sys::setns(fd.as_fd(), *flag).map_err(|e| {
                RuntimeError::Start(format!("join the container's {name} namespace: {e}"))
            })?;
        }
        Ok(())
    }
}
