//! Which cgroup setup this host has, and whether the caller may use it: cgroup v2
//! (unified) at `/sys/fs/cgroup`, or v1 with one hierarchy per controller (a
//! "hybrid" host has v1 controllers plus an empty v2 tree, and counts as v1). Root
//! uses either; an unprivileged user only a delegated v2 subtree: its own cgroup's
//! ancestors up to the highest one it owns, with the controllers enabled there.

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// Where cgroup file systems are mounted.
pub const CGROUP_ROOT: &str = "/sys/fs/cgroup";

/// The v1 controllers a container joins: limits, accounting and the freezer.
pub const V1_CONTROLLERS: [&str; 6] = ["memory", "pids", "cpu", "cpuacct", "freezer", "blkio"];

/// The v2 controllers a container's limits need.
pub const V2_CONTROLLERS: [&str; 3] = ["memory", "pids", "cpu"];

/// The reason rootless limits cannot work on a cgroup v1 host.
pub const V1_ROOTLESS: &str =
    "cgroup v1 host: rootless resource limits need cgroup v2 with delegation";

/// The cgroup file systems of this host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Host {
    /// The unified hierarchy, mounted here.
    V2(PathBuf),
    /// v1: each controller's hierarchy (co-mounted controllers share a path).
    V1(BTreeMap<String, PathBuf>),
}

/// Where a caller may make container cgroups, or why it may not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Access {
    /// v1 as root: `coracle/` under each controller's hierarchy.
    V1(BTreeMap<String, PathBuf>),
    /// v2: `coracle/` under this directory (the root, or the delegated subtree).
    V2(PathBuf),
    /// No cgroups for this caller: the reason, one line.
    Unavailable(String),
}

/// Read this host's setup from `/proc/self/mountinfo`.
pub fn detect() -> Host {
    if let Some(mount) = unified_mount() {
        return Host::V2(mount);
    }
    let info = std::fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
    Host::V1(v1_mounts(&info))
}

/// The cgroup v2 mount, when the host's cgroup root is one.
fn unified_mount() -> Option<PathBuf> {
    let root = Path::new(CGROUP_ROOT);
    root.join("cgroup.controllers")
        .is_file()
        .then(|| root.to_path_buf())
}

/// The v1 controllers of [`V1_CONTROLLERS`] and their mount points, from mountinfo
/// text (`ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTS ... - cgroup SOURCE SUPEROPTS`).
pub fn v1_mounts(mountinfo: &str) -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    for line in mountinfo.lines() {
        let Some((left, right)) = line.split_once(" - ") else {
            continue;
        };
        let mut after = right.split(' ');
        if after.next() != Some("cgroup") {
            continue;
        }
        let options = after.nth(1).unwrap_or("");
        let Some(mount_point) = left.split(' ').nth(4) else {
            continue;
        };
        for option in options.split(',') {
            if V1_CONTROLLERS.contains(&option) {
                out.entry(option.to_string())
                    .or_insert_with(|| PathBuf::from(unescape_octal(mount_point)));
            }
        }
    }
    out
}

/// mountinfo escapes space, tab, newline and backslash as `\ooo`.
fn unescape_octal(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let octal = bytes.get(i + 1..i + 4).and_then(|d| {
            std::str::from_utf8(d)
                .ok()
                .and_then(|d| u8::from_str_radix(d, 8).ok())
        });
        match (bytes[i], octal) {
            (b'\\', Some(b)) => {
                out.push(b);
                i += 4;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// [`access`] for the calling process. A rootless caller on a v1 host can use none
/// of the host's cgroups, so its answer needs no mount table (reading and parsing
/// mountinfo was a sixtieth of a `run`).
pub fn caller_access() -> Access {
    match unified_mount() {
        Some(mount) => access(&Host::V2(mount)),
        None if !rustix::process::geteuid().is_root() => Access::Unavailable(V1_ROOTLESS.into()),
        None => access(&detect()),
    }
}

/// What the calling user may do on `host`.
pub fn access(host: &Host) -> Access {
    let root = rustix::process::geteuid().is_root();
    match (host, root) {
        (Host::V1(mounts), true) => Access::V1(mounts.clone()),
        (Host::V1(_), false) => Access::Unavailable(V1_ROOTLESS.into()),
        (Host::V2(mount), true) => Access::V2(mount.clone()),
        (Host::V2(mount), false) => {
            let own = std::fs::read_to_string("/proc/self/cgroup").unwrap_or_default();
            match delegated_base(mount, &own, rustix::process::geteuid().as_raw()) {
                Ok(base) => Access::V2(base),
                Err(reason) => Access::Unavailable(reason),
            }
        }
    }
}

/// The highest ancestor of the caller's own v2 cgroup (`own`: /proc/self/cgroup's
/// text) that `uid` owns, with the controllers of [`V2_CONTROLLERS`] enabled in its
/// `cgroup.subtree_control`; or why there is none.
pub fn delegated_base(mount: &Path, own: &str, uid: u32) -> Result<PathBuf, String> {
    let path = own
        .lines()
        .find_map(|l| l.strip_prefix("0::"))
        .ok_or("cgroup v2 host: /proc/self/cgroup names no unified cgroup")?;
    let mut candidate = None;
    let mut dir = mount.join(path.trim_start_matches('/'));
    while dir.starts_with(mount) && dir != mount {
        let owned = std::fs::metadata(dir.join("cgroup.procs")).is_ok_and(|m| m.uid() == uid);
        if !owned {
            break;
        }
        candidate = Some(dir.clone());
        if !dir.pop() {
            break;
        }
    }
    let base = candidate.ok_or_else(|| {
        format!(
            "cgroup v2 host without delegation: the cgroup {path} is not owned by uid {uid}; \
             delegate it (systemd: Delegate=yes for user@.service) to use resource limits rootless"
        )
    })?;
    let enabled = std::fs::read_to_string(base.join("cgroup.subtree_control")).unwrap_or_default();
    let missing: Vec<&str> = V2_CONTROLLERS
        .iter()
        .copied()
        .filter(|c| !enabled.split_whitespace().any(|e| e == *c))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "cgroup v2 host: the controllers {} are not delegated to {} (its cgroup.subtree_control)",
            missing.join(", "),
            base.display()
        ));
    }
    Ok(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v1_mounts_from_mountinfo() {
        let info = "\
30 25 0:26 / /sys/fs/cgroup rw - tmpfs tmpfs rw,mode=755
31 30 0:27 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct
32 30 0:28 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory
33 30 0:29 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw
34 30 0:30 / /sys/fs/cgroup/systemd rw - cgroup cgroup rw,name=systemd
35 30 0:31 / /sys/fs/cgroup/with\\040space rw - cgroup cgroup rw,pids";
        let mounts = v1_mounts(info);
        assert_eq!(mounts["cpu"], Path::new("/sys/fs/cgroup/cpu,cpuacct"));
        assert_eq!(mounts["cpuacct"], Path::new("/sys/fs/cgroup/cpu,cpuacct"));
        assert_eq!(mounts["memory"], Path::new("/sys/fs/cgroup/memory"));
        assert_eq!(mounts["pids"], Path::new("/sys/fs/cgroup/with space"));
        assert!(!mounts.contains_key("freezer"));
        assert_eq!(mounts.len(), 4);
    }

    #[test]
    fn no_delegation_without_an_owned_cgroup() {
        let dir = std::env::temp_dir().join(format!("coracle-cg-{}", std::process::id()));
        let own = dir.join("user.slice/session.scope");
        std::fs::create_dir_all(&own).unwrap();
        std::fs::write(own.join("cgroup.procs"), "").unwrap();
        let uid = std::fs::metadata(&own).unwrap().uid();
        // Owned, but no controllers enabled.
        let err = delegated_base(&dir, "0::/user.slice/session.scope\n", uid).unwrap_err();
        assert!(err.contains("not delegated"), "{err}");
        // Not owned by this uid.
        let err = delegated_base(&dir, "0::/user.slice/session.scope\n", uid + 1).unwrap_err();
        assert!(err.contains("without delegation"), "{err}");
        std::fs::write(own.join("cgroup.subtree_control"), "cpu memory pids\n").unwrap();
        assert_eq!(
            delegated_base(&dir, "0::/user.slice/session.scope\n", uid).unwrap(),
            own
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
