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
//! The same child first makes the spare directories the next containers take
//! ([`crate::lifecycle::spare`]).
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
use crate::lifecycle::spare;
use crate::process::teardown::MountNamespaceHold;
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
    match move_to_trash(store, id, dir, plan)? {
        Some(doomed) => doomed.delete_beside(plan, None, None),
        None => Ok(()),
    }
}

/// A container directory moved into the trash and held there (locked), waiting for
/// [`Doomed::delete_beside`]; dropped, it stays for the next removal's sweep.
pub struct Doomed {
    /// Its path in the trash.
    path: PathBuf,
    /// Its directory, locked: the lock goes to the child that deletes it.
    held: OwnedFd,
    /// The store's root, where the child makes spares.
    store_root: PathBuf,
}

/// The first half of [`remove_container_dir`]: delete what earlier removals left in
/// the trash and move `dir` there. `None` when there is nothing left to delete
/// (`dir` is gone, it could not be moved and was deleted here, or another removal's
/// sweep took it at once).
pub fn move_to_trash(
    store: &Store,
    id: &str,
    dir: &Path,
    plan: Option<&UserNsPlan>,
) -> Result<Option<Doomed>> {
    let trash = trash_dir(store);
    empty_unheld(&trash, plan);
    if std::fs::symlink_metadata(dir).is_err() {
        return Ok(None);
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
        remove_tree(dir, plan)?;
        return Ok(None);
    }
    // Not held: another removal's sweep took it (and deletes it) between the rename
    // and here, or it is gone already.
    Ok(hold(&doomed).map(|held| Doomed {
        path: doomed,
        held,
        store_root: store.root.clone(),
    }))
}

impl Doomed {
    /// Let a child make spares and delete the directory, then, given `checkpoint`
    /// (the store's database, whose WAL is due for a checkpoint), become the
    /// checkpoint process (see `coracle_storage::checkpoint`) at the child's idle
    /// priority: the caller forks once for both. `mount_ns`, the removed container's
    /// mount namespace if this process holds it, goes to the child, which drops it
    /// once this process has ended (`crate::process::teardown`). When no child can
    /// be started, the namespace is dropped and the directory deleted here, and the
    /// checkpoint started as a command's (`checkpoint::start_beside`).
    pub fn delete_beside(
        self,
        plan: Option<&UserNsPlan>,
        checkpoint: Option<&Path>,
        mount_ns: Option<MountNamespaceHold>,
    ) -> Result<()> {
        let mount_ns = match delete_in_child(&self, plan, checkpoint, mount_ns) {
            Ok(()) => return Ok(()),
            Err(mount_ns) => mount_ns,
        };
        // Torn down before its directory goes (its overlay's upper and work
        // directories are there).
        drop(mount_ns);
        let deleted = remove_tree(&self.path, plan);
        if let Some(db) = checkpoint {
            coracle_storage::checkpoint::start_beside(db);
        }
        deleted
    }
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

/// Fork a child that drops `mount_ns` once this process has ended (the
/// namespace's teardown, see `teardown`), makes the store's spares
/// ([`spare::replenish`]), deletes `doomed` (as [`remove_tree`] does: in the user
/// namespace of `plan` if need be; what it fails to delete stays for the next
/// removal's [`empty_unheld`]), then checkpoints `checkpoint`'s WAL if given, and
/// exits; nobody waits for it. The child keeps the lock on the entry until it is
/// done. `mount_ns` back if no child could be started (or this process has other
/// threads).
fn delete_in_child(
    doomed: &Doomed,
    plan: Option<&UserNsPlan>,
    checkpoint: Option<&Path>,
    mount_ns: Option<MountNamespaceHold>,
) -> std::result::Result<(), Option<MountNamespaceHold>> {
    // A fork copies only this thread: another one could hold a lock the child needs.
    if sys::thread_count() != 1 {
        return Err(mount_ns);
    }
    let caller = std::process::id() as i32;
    let mut keep = vec![doomed.held.as_fd().as_raw_fd()];
    keep.extend(mount_ns.as_ref().map(|ns| ns.as_fd().as_raw_fd()));
    match sys::fork_unwaited() {
        Ok(0) => {
            // The child: a session of its own (no terminal, no signals meant for the
            // caller's process group), nothing of the caller's open but the lock and
            // the namespace (a caller reading this command's output must see its
            // end at once).
            let _ = rustix::process::setsid();
            let _ = sys::close_fds_except(&keep);
            let _ = sys::null_stdio();
            // While it works (and as the checkpoint it may become), the child keeps
            // the store's WAL index valid: a command that opens the store meanwhile,
            // such as a script's next `run --rm`, then uses the index instead of
            // rebuilding it (see `coracle_storage::wal_index`). Taken here, in the
            // child, which has no SQLite connection: the caller, whose connection
            // is open, must not open and close another descriptor of the index
            // file (closing one drops every lock the process holds on the file,
            // its connection's too). The caller is still there with its
            // connection, so the index is valid now.
            let wal_index = coracle_storage::wal_index::WalIndexHold::take(
                &coracle_storage::database_path(&doomed.store_root),
            )
            .map(|hold| hold.into_fd());
            // Beside the next command, never in its way: on a machine with few
            // cores a back-to-back `run --rm` otherwise waited for this child.
            let _ = sys::run_only_when_idle();
            if let Some(mount_ns) = mount_ns {
                mount_ns.release_after(caller);
            }
            spare::replenish(&doomed.store_root);
            let _ = remove_tree(&doomed.path, plan);
            if let Some(db) = checkpoint {
                // The hold on the WAL index stays open in the checkpoint program.
                if let Some(fd) = &wal_index {
                    let _ = rustix::io::fcntl_setfd(fd, rustix::io::FdFlags::empty());
                }
                // A fresh program (SQLite's connections must not cross a fork),
                // with the idle priority; the lock's descriptor closes on the exec.
                let _ = coracle_storage::checkpoint::become_checkpointer(db);
            }
            sys::exit_now(0)
        }
        Ok(_) => Ok(()),
        Err(_) => Err(mount_ns),
    }
}
