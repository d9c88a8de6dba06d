//! A container's cgroup, made the way Podman's cgroupfs manager makes it: on cgroup
//! v1 (as root) a directory `coracle/<id>` under each controller's hierarchy
//! (memory, pids, cpu, cpuacct, freezer, blkio), on v2 one `coracle/<id>` in the
//! unified tree (as root, or under a delegated subtree rootless). [`host`] finds the
//! setup and what the caller may use; [`limits`] writes `--memory` and friends;
//! [`usage`] reads what `stats` shows. The start path moves the container's init
//! into its cgroup by pid, from the parent, before releasing it
//! ([`Cgroup::enter`]); the end of the container reads whether the kernel OOM-killed
//! a process in it and removes the directories ([`container_ended`]).

pub mod host;
pub mod limits;
pub mod usage;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Result, RuntimeError};
use crate::spec::Resources;
pub use host::{Access, Host};

/// The directory under each hierarchy that holds coracle's container cgroups.
pub const PARENT: &str = "coracle";

/// The file, in a container's `userdata/`, that records an OOM kill of its last run.
pub const OOM_MARKER: &str = "oom-killed";

/// How long freezing or removing waits for the kernel.
const SETTLE: Duration = Duration::from_secs(5);

/// A container's cgroup (which may not exist yet).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cgroup {
    /// v1: `(controller, directory)`; co-mounted controllers share a directory.
    V1(Vec<(String, PathBuf)>),
    /// v2: the one directory.
    V2(PathBuf),
}

/// What the calling process may use, found once per process: the host's cgroup
/// file systems, the caller's uid and its own cgroup do not change while it runs
/// (a start and the end of its container would otherwise read mountinfo each time).
fn caller_access() -> &'static Access {
    static ACCESS: std::sync::OnceLock<Access> = std::sync::OnceLock::new();
    ACCESS.get_or_init(host::caller_access)
}

/// The cgroup the caller would give container `id`, or why it has none.
pub fn for_container(id: &str) -> std::result::Result<Cgroup, String> {
    match caller_access() {
        Access::V1(mounts) => Ok(Cgroup::V1(
            mounts
                .iter()
                .map(|(controller, mount)| (controller.clone(), mount.join(PARENT).join(id)))
                .collect(),
        )),
        Access::V2(base) => Ok(Cgroup::V2(base.join(PARENT).join(id))),
        Access::Unavailable(reason) => Err(reason.clone()),
    }
}

/// The cgroup of container `id` if it has one now (it runs, as root or with
/// delegation); otherwise why not.
pub fn existing(id: &str) -> std::result::Result<Cgroup, String> {
    let cgroup = for_container(id)?;
    if cgroup.dirs().iter().any(|d| d.is_dir()) {
        Ok(cgroup)
    } else {
        Err(format!(
            "container {} has no cgroup (it is not running, or was started without one)",
            &id[..id.len().min(12)]
        ))
    }
}

/// A cgroup to make for a starting container, with its limits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    /// Where.
    pub cgroup: Cgroup,
    /// What to write into it.
    pub resources: Resources,
}

/// The cgroup a container starting now gets: always where the caller may make one
/// (so that `stats` and `pause` work), and an error naming the reason when it asked
/// for limits the host cannot give it.
pub fn plan(id: &str, resources: &Resources) -> Result<Option<Planned>> {
    match for_container(id) {
        Ok(cgroup) => Ok(Some(Planned {
            cgroup,
            resources: resources.clone(),
        })),
        Err(reason) if resources.any() => Err(RuntimeError::Cgroup(reason)),
        Err(_) => Ok(None),
    }
}

/// Refuse limits the caller cannot have, before anything is created.
pub fn check_available(resources: &Resources) -> Result<()> {
    resources.check()?;
    if resources.any() {
        for_container("check").map_err(RuntimeError::Cgroup)?;
    }
    Ok(())
}

/// After a container ended (its processes gone): record in its `userdata/` whether
/// the kernel OOM-killed a process of it, then remove its cgroup. Nothing happens
/// for a container without one.
pub fn container_ended(id: &str, userdata: &Path) -> Result<()> {
    let Ok(cgroup) = existing(id) else {
        return Ok(());
    };
    if cgroup.oom_killed() {
        let marker = userdata.join(OOM_MARKER);
        std::fs::write(&marker, "1\n")
            .map_err(|e| RuntimeError::io("failed to write", marker, e))?;
    }
    cgroup.remove()
}

/// Whether the last run of the container whose `userdata/` this is was OOM-killed.
pub fn was_oom_killed(userdata: &Path) -> bool {
    userdata.join(OOM_MARKER).exists()
}

/// Forget the OOM kill of an earlier run (at a new start).
pub fn forget_oom_kill(userdata: &Path) {
    let _ = std::fs::remove_file(userdata.join(OOM_MARKER));
}

fn write(dir: &Path, file: &str, value: &str) -> Result<()> {
    let path = dir.join(file);
    std::fs::write(&path, value).map_err(|e| {
        RuntimeError::Cgroup(format!("cannot write {value:?} to {}: {e}", path.display()))
    })
}

/// A cgroup file's text (empty when it cannot be read).
pub(crate) fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_default()
}

/// The value of `key` in a flat-keyed file (`key value` lines).
pub(crate) fn keyed(text: &str, key: &str) -> Option<u64> {
    text.lines().find_map(|l| {
        let (k, v) = l.split_once(' ')?;
        (k == key).then(|| v.trim().parse().ok()).flatten()
    })
}

impl Cgroup {
    /// Its directories, each once.
    pub fn dirs(&self) -> Vec<PathBuf> {
        match self {
            Cgroup::V1(dirs) => {
                let mut out: Vec<PathBuf> = dirs.iter().map(|(_, d)| d.clone()).collect();
                out.sort();
                out.dedup();
                out
            }
            Cgroup::V2(dir) => vec![dir.clone()],
        }
    }

    /// v1: the directory of `controller`; v2: the one directory.
    pub fn controller(&self, controller: &str) -> Option<&Path> {
        match self {
            Cgroup::V1(dirs) => dirs
                .iter()
                .find(|(c, _)| c == controller)
                .map(|(_, d)| d.as_path()),
            Cgroup::V2(dir) => Some(dir),
        }
    }

    /// Make its directories and write `resources` into them.
    pub fn create(&self, resources: &Resources) -> Result<()> {
        if let Cgroup::V2(dir) = self {
            if let Some(parent) = dir.parent() {
                make_dir(parent)?;
                let enable: Vec<String> = host::V2_CONTROLLERS
                    .iter()
                    .map(|c| format!("+{c}"))
                    .collect();
                write(parent, "cgroup.subtree_control", &enable.join(" "))?;
            }
        }
        for dir in self.dirs() {
            make_dir(&dir)?;
        }
        limits::apply(self, resources)
    }

    /// Move process `pid` (the container's init, before it runs anything) into it.
    pub fn enter(&self, pid: i32) -> Result<()> {
        for dir in self.dirs() {
            write(&dir, "cgroup.procs", &pid.to_string())?;
        }
        Ok(())
    }

    /// Whether the kernel's OOM killer killed a process in it.
    pub fn oom_killed(&self) -> bool {
        match self {
            Cgroup::V1(_) => self
                .controller("memory")
                .and_then(|d| keyed(&read(d, "memory.oom_control"), "oom_kill"))
                .is_some_and(|n| n > 0),
            Cgroup::V2(dir) => {
                keyed(&read(dir, "memory.events"), "oom_kill").is_some_and(|n| n > 0)
            }
        }
    }

    /// Whether it can be frozen (v2 always; v1 with a freezer hierarchy).
    pub fn can_freeze(&self) -> bool {
        self.controller("freezer").is_some_and(Path::is_dir)
    }

    /// Freeze (`true`) or thaw its processes, and wait until the kernel did.
    pub fn freeze(&self, frozen: bool) -> Result<()> {
        let dir = self.controller("freezer").ok_or_else(|| {
            RuntimeError::Cgroup("the freezer controller is not mounted on this host".into())
        })?;
        let done: Box<dyn Fn() -> bool> = match self {
            Cgroup::V1(_) => {
                write(
                    dir,
                    "freezer.state",
                    if frozen { "FROZEN" } else { "THAWED" },
                )?;
                let want = if frozen { "FROZEN" } else { "THAWED" };
                Box::new(move || read(dir, "freezer.state").trim() == want)
            }
            Cgroup::V2(_) => {
                write(dir, "cgroup.freeze", if frozen { "1" } else { "0" })?;
                let want = u64::from(frozen);
                Box::new(move || keyed(&read(dir, "cgroup.events"), "frozen") == Some(want))
            }
        };
        let deadline = Instant::now() + SETTLE;
        while !done() {
            if Instant::now() >= deadline {
                return Err(RuntimeError::Cgroup(format!(
                    "the cgroup {} did not {} within {} s",
                    dir.display(),
                    if frozen { "freeze" } else { "thaw" },
                    SETTLE.as_secs()
                )));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        Ok(())
    }

    /// Remove its directories (the processes in it are gone, or going: an exiting
    /// process keeps a cgroup busy for a moment).
    pub fn remove(&self) -> Result<()> {
        let deadline = Instant::now() + SETTLE;
        for dir in self.dirs() {
            loop {
                match std::fs::remove_dir(&dir) {
                    Ok(()) => break,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => break,
                    Err(e)
                        if e.raw_os_error() == Some(libc::EBUSY) && Instant::now() < deadline =>
                    {
                        std::thread::sleep(Duration::from_millis(10))
                    }
                    Err(e) => {
                        return Err(RuntimeError::Cgroup(format!(
                            "cannot remove the cgroup {}: {e}",
                            dir.display()
                        )))
                    }
                }
            }
        }
        Ok(())
    }
}

fn make_dir(dir: &Path) -> Result<()> {
    match std::fs::create_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) => Err(RuntimeError::Cgroup(format!(
            "cannot create the cgroup {}: {e}",
            dir.display()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyed_files() {
        let text = "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n";
        assert_eq!(keyed(text, "oom_kill"), Some(2));
        assert_eq!(keyed(text, "under_oom"), Some(0));
        assert_eq!(keyed(text, "missing"), None);
    }

    #[test]
    fn v1_dirs_are_listed_once() {
        let shared = PathBuf::from("/c/cpu,cpuacct/coracle/x");
        let cg = Cgroup::V1(vec![
            ("cpu".into(), shared.clone()),
            ("cpuacct".into(), shared.clone()),
            ("memory".into(), "/c/memory/coracle/x".into()),
        ]);
        assert_eq!(cg.dirs().len(), 2);
        assert_eq!(cg.controller("cpuacct"), Some(shared.as_path()));
        assert_eq!(cg.controller("pids"), None);
        assert!(!cg.can_freeze());
    }
}
