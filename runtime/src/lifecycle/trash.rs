//! The files of a removed container leave the store at once and are deleted beside
//! the command, not before it ends.
//!
//! Deleting a container's directories is mostly waiting for the disk: on a file
//! system mounted with `discard` each freed directory block is discarded
//! synchronously (about nine directories for the smallest `run --rm`). So the
//! removal moves the container's directory into `<store>/trash/<id>` (one rename:
//! `containers/` no longer holds it, and nothing can use it by its old name), and a
//! short-lived child of the removing process, in a session of its own and holding
//! none of the caller's descriptors, deletes it while the command goes on to exit.
//! The child runs only when nothing else wants the CPU (`SCHED_IDLE`, idle I/O
//! class): on a machine with two cores a script's next `run --rm` would otherwise
//! wait for a core while the previous one's files were being deleted.
//!
//! The child holds a lock on the entry (`flock` on its directory, taken by the
//! parent before the fork and shared with the child). A removal that finds entries
//! nobody holds (their cleaner was killed or failed, or the machine stopped)
//! deletes them itself before it goes on; what it cannot delete waits for the next.

use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};

use rustix::fs::{flock, FlockOperation, Mode, OFlags};

use coracle_storage::Store;

use crate::error::Result;
use crate::ids::idmap::UserNsPlan;
use crate::ids::userns::remove_tree;
use crate::sys;

/// `<store>/trash`: where removed containers' directories wait for their deletion.
pub fn trash_dir(store: &Store) -> PathBuf {
    store.root.join("trash")
}

/// Remove the container directory `dir` (of container `id`): delete what earlier
/// removals left in the trash, move `dir` there and let a child delete it. Falls
/// back to deleting it in this process (as [`remove_tree`] does) when it cannot be
/// moved or no child can be started.
pub fn remove_container_dir(
    store: &Store,
    id: &str,
    dir: &Path,
    plan: Option<&UserNsPlan>,
) -> Result<()> {
    let trash = trash_dir(store);
    empty_unheld(&trash, plan);
    if std::fs::symlink_metadata(dir).is_err() {
        return Ok(());
    }
    let doomed = trash.join(id);
    let moved = std::fs::rename(dir, &doomed).or_else(|e| {
        if e.kind() != std::io::ErrorKind::NotFound {
            return Err(e);
        }
        std::fs::create_dir_all(&trash)?;
        std::fs::rename(dir, &doomed)
    });
    if moved.is_err() {
        return remove_tree(dir, plan);
    }
    // Not held: another removal's sweep took it (and deletes it) between the rename
    // and here, or it is gone already.
    let Some(held) = hold(&doomed) else {
        return Ok(());
    };
    if delete_in_child(&doomed, &held, plan) {
        return Ok(());
    }
    remove_tree(&doomed, plan)
}

/// The entry's directory, opened and locked (exclusively, without waiting).
fn hold(entry: &Path) -> Option<OwnedFd> {
    let fd = rustix::fs::open(
        entry,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .ok()?;
    flock(&fd, FlockOperation::NonBlockingLockExclusive).ok()?;
    Some(fd)
}

/// Delete every entry of `trash` that no cleaner holds, in the user namespace of
/// `plan` where this process cannot (files of subordinate ids). An entry that
/// cannot be deleted stays for the next removal: it is not this removal's failure.
fn empty_unheld(trash: &Path, plan: Option<&UserNsPlan>) {
    let Ok(entries) = std::fs::read_dir(trash) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if let Some(_held) = hold(&path) {
            let _ = remove_tree(&path, plan);
        }
    }
}

/// Fork a child that deletes `entry` (as [`remove_tree`] does: in the user namespace
/// of `plan` if need be; what it fails to delete stays for the next removal's
/// [`empty_unheld`]) and exits; nobody waits for it. `held` is the entry's locked
/// directory: the child keeps the lock until it is done. False if no child could be
/// started (or this process has other threads).
fn delete_in_child(entry: &Path, held: &OwnedFd, plan: Option<&UserNsPlan>) -> bool {
    // A fork copies only this thread: another one could hold a lock the child needs.
    if sys::thread_count() != 1 {
        return false;
    }
    match sys::fork_unwaited() {
        Ok(0) => {
            // The child: a session of its own (no terminal, no signals meant for the
            // caller's process group), nothing of the caller's open but the lock
            // (a caller reading this command's output must see its end at once).
            let _ = rustix::process::setsid();
            let _ = sys::close_fds_except(&[held.as_fd().as_raw_fd()]);
            let _ = sys::null_stdio();
            // Beside the next command, never in its way: on a machine with few
            // cores a back-to-back `run --rm` otherwise waited for this child.
            let _ = sys::run_only_when_idle();
            let _ = remove_tree(entry, plan);
            sys::exit_now(0)
        }
        Ok(_) => true,
        Err(_) => false,
    }
}
