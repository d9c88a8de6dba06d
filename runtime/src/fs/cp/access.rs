//! Reaching a container's root for a copy, from a helper process that is root in the
//! container's user namespace (so that owners map as they do for the container).
//!
//! A running container: its root is opened from `/proc/PID/root` (the root of its
//! mount namespace, with its volumes and generated /etc files), and the helper joins
//! its user namespace; every lookup starts from that descriptor with
//! `RESOLVE_IN_ROOT`. This is simpler than entering its mount namespace, and as
//! safe: the helper's own root stays the host's, but nothing is ever looked up from
//! it. A stopped container: its root exists only while mounted, so the helper gets
//! a new user namespace with the default mapping (as `run` does) and a mount
//! namespace of its own, mounts the overlay of the image's layers and the
//! container's upper directory there, and copies; the mount ends with the helper.

use std::os::fd::{AsFd, OwnedFd};

use coracle_storage::containers::ContainerRecord;
use coracle_storage::Store;
use rustix::fs::{Mode, OFlags};

use crate::error::{Result, RuntimeError};
use crate::fs::inroot::Root;
use crate::fs::overlay::{self, RootfsSpec};
use crate::ids::idmap::UserNsPlan;
use crate::ids::userns::{run_in_joined_userns, run_in_userns};
use crate::lifecycle::{control, launch};
use crate::spec::ContainerConfig;

/// Run `work` with the container's root, in a helper process (see the module docs).
pub(super) fn with_root<F>(
    store: &Store,
    record: &ContainerRecord,
    config: &ContainerConfig,
    stored_plan: Option<&UserNsPlan>,
    work: F,
) -> Result<()>
where
    F: FnOnce(&Root) -> std::result::Result<(), String>,
{
    match record
        .pid
        .filter(|&pid| record.state.is_active() && control::pid_alive(pid))
    {
        Some(pid) => running(pid, stored_plan.is_some(), work),
        None => stopped(store, record, config, stored_plan, work),
    }
}

fn running<F>(pid: i32, in_userns: bool, work: F) -> Result<()>
where
    F: FnOnce(&Root) -> std::result::Result<(), String>,
{
    let gone = || RuntimeError::Start(format!("the container's process {pid} is gone"));
    let pid_ref = rustix::process::Pid::from_raw(pid).ok_or_else(gone)?;
    // Held across the opens below: while it shows the process alive, /proc/PID is
    // that process, not a later one that got the same pid.
    let pidfd = rustix::process::pidfd_open(pid_ref, rustix::process::PidfdFlags::empty())
        .map_err(|_| gone())?;
    let open = |what: &str, flags: OFlags| -> Result<OwnedFd> {
        let path = format!("/proc/{pid}/{what}");
        rustix::fs::open(path.as_str(), flags | OFlags::CLOEXEC, Mode::empty())
            .map_err(|e| RuntimeError::io("failed to open", path, e.into()))
    };
    let root = open("root", OFlags::PATH | OFlags::DIRECTORY)?;
    // The user namespace that owns the container's mounts: its own, or the one its
    // own is nested in ([`crate::ids::nested`]), where the caller's files are reachable.
    let userns = match in_userns {
        true => Some(
            crate::sys::namespace_owner(open("ns/mnt", OFlags::RDONLY)?.as_fd()).map_err(|e| {
                RuntimeError::io(
                    "failed to find the owner of",
                    format!("/proc/{pid}/ns/mnt"),
                    e,
                )
            })?,
        ),
        false => None,
    };
    let mut poll = [rustix::event::PollFd::new(
        &pidfd,
        rustix::event::PollFlags::IN,
    )];
    let zero = rustix::event::Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    if rustix::event::poll(&mut poll, Some(&zero))
        .map_err(|e| RuntimeError::Start(e.to_string()))?
        > 0
    {
        return Err(gone());
    }
    drop(pidfd);
    run_in_joined_userns(userns, move || work(&Root::from_fd(root)))
}

fn stopped<F>(
    store: &Store,
    record: &ContainerRecord,
    config: &ContainerConfig,
    stored_plan: Option<&UserNsPlan>,
    work: F,
) -> Result<()>
where
    F: FnOnce(&Root) -> std::result::Result<(), String>,
{
    let driver = launch::overlay_driver(store, stored_plan, config.mount_program.as_deref());
    if driver != "overlay" {
        return Err(RuntimeError::Start(format!(
            "cp with the stopped container {} needs the kernel's overlay, and this store uses {driver}: start the container, then copy",
            record.name
        )));
    }
    let lower = launch::image_layers(store, record, config, stored_plan)?;
    let dir = launch::container_dir(store, &record.id);
    let spec = RootfsSpec {
        lower,
        upper: dir.join("upper"),
        work: dir.join("work"),
        merged: launch::root_mount_point(store)?,
        userxattr: stored_plan.is_some(),
        volatile: false,
        fuse_program: None,
        fuse_idmapping: None,
    };
    run_in_userns(stored_plan, move || {
        overlay::mount_private(&spec)?;
        let root =
            Root::open(&spec.merged).map_err(|e| format!("open {}: {e}", spec.merged.display()))?;
        work(&root)
    })
}
