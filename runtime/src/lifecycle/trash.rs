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

/// The first argument of coracle's internal cleaning mode ([`clean_main`]).
pub const CLEAN_ARG: &str = "__coracle-clean";

/// Start the cleaner, this program in its cleaning mode ([`clean_main`]), which
/// drops `mount_ns` once this process has ended (the namespace's teardown, see
/// `teardown`), makes the store's spares ([`spare::replenish`]), deletes `doomed`
/// (as [`remove_tree`] does: in the user namespace of `plan` if need be; what it
/// fails to delete stays for the next removal's [`empty_unheld`]), then
/// checkpoints `checkpoint`'s WAL if given, and exits; nobody waits for it. It
/// inherits the lock on the entry and keeps it until it is done.
///
/// Started by a clone that shares this process's memory until its exec
/// ([`sys::spawn_unwaited`]), not a fork: a fork as the command ends copied its
/// page tables (with a TLB flush on every core) and made its last writes
/// copy-on-write faults, all inside the time a `run --rm` is waited for.
/// `mount_ns` back if the cleaner could not be started.
fn delete_in_child(
    doomed: &Doomed,
    plan: Option<&UserNsPlan>,
    checkpoint: Option<&Path>,
    mount_ns: Option<MountNamespaceHold>,
) -> std::result::Result<(), Option<MountNamespaceHold>> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let Ok(caller) = rustix::process::pidfd_open(
        rustix::process::getpid(),
        rustix::process::PidfdFlags::empty(),
    ) else {
        return Err(mount_ns);
    };
    let Ok(program) = std::env::current_exe() else {
        return Err(mount_ns);
    };
    let mut args: Vec<std::ffi::OsString> = vec![program.clone().into(), CLEAN_ARG.into()];
    let mut pair = |name: &str, value: std::ffi::OsString| {
        args.push(name.into());
        args.push(value);
    };
    pair("--store", doomed.store_root.clone().into());
    pair("--entry", doomed.path.clone().into());
    pair("--lock-fd", doomed.held.as_raw_fd().to_string().into());
    pair("--caller-fd", caller.as_raw_fd().to_string().into());
    if let Some(ns) = &mount_ns {
        pair("--mount-ns-fd", ns.as_fd().as_raw_fd().to_string().into());
    }
    if let Some(db) = checkpoint {
        pair("--checkpoint", db.into());
    }
    if let Some(plan) = plan.and_then(|p| serde_json::to_string(p).ok()) {
        pair("--plan", plan.into());
    }
    let c = |s: &std::ffi::OsStr| CString::new(s.as_bytes()).ok();
    let argv: Option<Vec<CString>> = args.iter().map(|a| c(a)).collect();
    let envp = sys::environment();
    let (Some(argv), Some(path)) = (argv, c(program.as_os_str())) else {
        return Err(mount_ns);
    };
    let mut keep = vec![doomed.held.as_fd(), caller.as_fd()];
    keep.extend(mount_ns.as_ref().map(|ns| ns.as_fd()));
    match sys::spawn_unwaited(&path, &argv, &envp, &keep) {
        // This process's copies of the lock and the namespace close as it ends; the
        // cleaner's keep both.
        Ok(()) => Ok(()),
        Err(_) => Err(mount_ns),
    }
}

/// What [`clean_main`] is told.
struct CleanArgs {
    store: PathBuf,
    entry: PathBuf,
    lock: OwnedFd,
    caller: OwnedFd,
    mount_ns: Option<OwnedFd>,
    checkpoint: Option<PathBuf>,
    plan: Option<UserNsPlan>,
}

/// An inherited descriptor named by its number, if it is open.
fn inherited_fd(number: &str) -> Option<OwnedFd> {
    use std::os::fd::FromRawFd;
    let fd: std::os::fd::RawFd = number.parse().ok().filter(|&fd| fd > 2)?;
    // SAFETY: F_GETFD on any number only asks whether it is an open descriptor.
    if unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
        return None;
    }
    // SAFETY: an open descriptor this program was given to own (by the command that
    // started it), not used anywhere else in it.
    Some(unsafe { OwnedFd::from_raw_fd(fd) })
}

impl CleanArgs {
    /// Parse `--name value` pairs; `None` when one is missing or wrong, or the entry
    /// is not directly in the store's trash.
    fn parse(args: &[String]) -> Option<CleanArgs> {
        let mut value = std::collections::HashMap::new();
        for pair in args.chunks(2) {
            if let [name, v] = pair {
                value.insert(name.as_str(), v.as_str());
            }
        }
        let store = PathBuf::from(value.get("--store")?);
        let entry = PathBuf::from(value.get("--entry")?);
        if entry.parent() != Some(store.join("trash").as_path()) {
            return None;
        }
        Some(CleanArgs {
            entry,
            lock: inherited_fd(value.get("--lock-fd")?)?,
            caller: inherited_fd(value.get("--caller-fd")?)?,
            mount_ns: match value.get("--mount-ns-fd") {
                Some(n) => Some(inherited_fd(n)?),
                None => None,
            },
            checkpoint: value.get("--checkpoint").map(PathBuf::from),
            plan: match value.get("--plan") {
                Some(json) => Some(serde_json::from_str(json).ok()?),
                None => None,
            },
            store,
        })
    }
}

/// coracle's cleaning mode, started by a removal ([`Doomed::delete_beside`]) with its
/// lock on the trash entry, a pidfd of the removing command and the removed
/// container's mount namespace: keeps the store's WAL index valid while it works,
/// waits for the command's end, drops the namespace, makes spares, deletes the
/// entry and checkpoints the WAL if told to. The exit code: 0, or 125 when the
/// arguments are not a removal's.
pub fn clean_main(args: &[String]) -> i32 {
    let Some(clean) = CleanArgs::parse(args) else {
        return 125;
    };
    // A session of its own: no terminal, no signals meant for the command's group.
    let _ = rustix::process::setsid();
    // While it works, the cleaner keeps the store's WAL index valid: a command that
    // opens the store meanwhile, such as a script's next `run --rm`, uses the index
    // instead of rebuilding it (see `coracle_storage::wal_index`). Taken by this
    // program, which has no SQLite connection: the removing command, whose
    // connection is open, must not open and close another descriptor of the index
    // file (closing one drops every lock the process holds on the file, its
    // connection's too).
    let _wal_index = coracle_storage::wal_index::WalIndexHold::take(
        &coracle_storage::database_path(&clean.store),
    );
    // Beside the next command, never in its way (on a machine with few cores a
    // back-to-back `run --rm` otherwise waited for this cleaner): idle since before
    // its exec (`sys::spawn_unwaited`).
    wait_until_readable(&clean.caller);
    drop(clean.mount_ns);
    spare::replenish(&clean.store);
    let _ = remove_tree(&clean.entry, clean.plan.as_ref());
    drop(clean.lock);
    if let Some(db) = &clean.checkpoint {
        let _ = coracle_storage::checkpoint::checkpoint_and_restart(db);
    }
    0
}

/// Returns once `fd` (a pidfd: its process has ended) is readable.
fn wait_until_readable(fd: &OwnedFd) {
    use rustix::event::{PollFd, PollFlags};
    let mut fds = [PollFd::new(fd, PollFlags::IN)];
    while let Err(rustix::io::Errno::INTR) = rustix::event::poll(&mut fds, None) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::IntoRawFd;

    /// An open descriptor's number, as the cleaner's arguments carry it (leaked
    /// here: the parse takes ownership).
    fn open_fd() -> String {
        std::fs::File::open("/dev/null")
            .unwrap()
            .into_raw_fd()
            .to_string()
    }

    fn args(store: &str, entry: &str, lock: String) -> Vec<String> {
        [
            "--store",
            store,
            "--entry",
            entry,
            "--lock-fd",
            &lock,
            "--caller-fd",
            &open_fd(),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    #[test]
    fn the_cleaner_deletes_only_entries_of_the_stores_trash() {
        let ok = CleanArgs::parse(&args("/s", "/s/trash/abc", open_fd())).expect("parsed");
        assert_eq!(ok.entry, Path::new("/s/trash/abc"));
        assert!(ok.mount_ns.is_none() && ok.checkpoint.is_none() && ok.plan.is_none());
        for entry in ["/s/containers/abc", "/s/trash", "/s/trash/a/b", "/etc"] {
            assert!(
                CleanArgs::parse(&args("/s", entry, open_fd())).is_none(),
                "{entry} accepted"
            );
        }
    }

    #[test]
    fn the_cleaner_waits_for_the_command_to_end() {
        let mut command = std::process::Command::new("sleep")
            .arg("0.2")
            .spawn()
            .unwrap();
        let pid = rustix::process::Pid::from_raw(command.id() as i32).unwrap();
        let pidfd = rustix::process::pidfd_open(pid, rustix::process::PidfdFlags::empty()).unwrap();
        assert!(command.try_wait().unwrap().is_none(), "ended too soon");
        wait_until_readable(&pidfd);
        assert!(
            command.try_wait().unwrap().is_some(),
            "returned before the end"
        );
    }

    #[test]
    fn the_cleaner_refuses_descriptors_that_are_not_open() {
        // Standard streams and numbers nothing is open under are not a lock.
        for lock in ["0", "2", "987654", "x"] {
            assert!(
                CleanArgs::parse(&args("/s", "/s/trash/abc", lock.to_string())).is_none(),
                "lock {lock} accepted"
            );
        }
    }
}
