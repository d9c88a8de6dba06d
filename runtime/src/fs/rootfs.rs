//! The container's filesystem, built inside its mount namespace: the overlay root
//! (nodev), /proc, /sys, /dev with its host devices, `--device` nodes, generated /etc
//! files, user mounts, the working directory, masked and read-only paths, then
//! pivot_root.
//!
//! The image is hostile: every target is resolved inside the root with
//! [`crate::fs::inroot::Root`] (a symlink of the image points inside the container, as it
//! will after pivot_root) and every mount is made onto the resolved descriptor, never
//! onto a path joined from strings. Nothing is created or mounted outside the root.

use std::io;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::path::{Path, PathBuf};

use crate::fs::inroot::{self, Root};
use crate::fs::keep_id::{self, KeepIdFiles};
use crate::fs::mounts_spec::{DeviceSpec, MountSpec};
use crate::fs::overlay;
pub use crate::fs::overlay::{overlay_options, RootfsSpec, FUSE_OVERLAYFS};
use crate::sys;

/// Podman's masked paths (containers/common's list; hidden behind /dev/null or an
/// empty read-only tmpfs), plus [`THERMAL_THROTTLE`] of each CPU.
pub const MASKED_PATHS: &[&str] = &[
    "/proc/acpi",
    "/proc/kcore",
    "/proc/keys",
    "/proc/latency_stats",
    "/proc/sched_debug",
    "/proc/scsi",
    "/proc/timer_list",
    "/proc/timer_stats",
    "/sys/devices/virtual/powercap",
    "/sys/firmware",
    "/sys/fs/selinux",
    "/proc/interrupts",
];

/// The directory holding one entry per CPU.
const CPUS: &str = "/sys/devices/system/cpu";

/// Masked below each `CPUS/cpu*` (Podman's `/sys/devices/system/cpu/cpu*/thermal_throttle`).
pub const THERMAL_THROTTLE: &str = "thermal_throttle";

/// Podman's read-only paths.
pub const READONLY_PATHS: &[&str] = &[
    "/proc/asound",
    "/proc/bus",
    "/proc/fs",
    "/proc/irq",
    "/proc/sys",
    "/proc/sysrq-trigger",
];

/// Host devices bound into every container's /dev.
const DEVICES: &[&str] = &["null", "zero", "full", "random", "urandom"];

/// Bound into /dev only for a container with a terminal (`-t`).
const TTY_DEVICE: &str = "tty";

/// The symlinks of /dev: (name, target).
const DEV_LINKS: &[(&str, &str)] = &[
    ("ptmx", "pts/ptmx"),
    ("fd", "/proc/self/fd"),
    ("stdin", "/proc/self/fd/0"),
    ("stdout", "/proc/self/fd/1"),
    ("stderr", "/proc/self/fd/2"),
    ("core", "/proc/kcore"),
];

/// Everything the mount setup needs.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct MountPlan {
    /// The root filesystem.
    pub rootfs: RootfsSpec,
    /// Owner (uid, gid) of /dev and /dev/shm when not the building root: the outer
    /// ids of the root of a nested user namespace ([`crate::ids::nested`]).
    pub dev_owner: Option<(u32, u32)>,
    /// `-v`, `--mount`, `--tmpfs`.
    pub mounts: Vec<MountSpec>,
    /// `--device`.
    pub devices: Vec<DeviceSpec>,
    /// (container path, host file) pairs bound read-write: /etc/hostname, /etc/hosts, /etc/resolv.conf.
    pub etc_files: Vec<(String, PathBuf)>,
    /// `--userns=keep-id`: passwd and group entries for the invoking user.
    pub keep_id: Option<KeepIdFiles>,
    /// The working directory, created inside the root when missing.
    pub workdir: String,
    /// The container has a terminal (`-t`): bind the host's /dev/tty.
    pub tty: bool,
    /// `--read-only`.
    pub read_only: bool,
    /// `--privileged`: no masked or read-only paths.
    pub privileged: bool,
    /// `--pid host`: /proc shows the host's processes; a user namespace may not
    /// mount a procfs of the host's PID namespace, so the host's /proc is bound then.
    pub host_pid: bool,
    /// `--ipc host`: /dev/mqueue is the host's (bound when it cannot be mounted).
    pub host_ipc: bool,
    /// `--sysctl` (key, value) pairs, written into the container's /proc/sys.
    pub sysctls: Vec<(String, String)>,
    /// `--shm-size`: bytes of /dev/shm (None: 64 MiB).
    pub shm_size: Option<u64>,
    /// The layer directories (top first) of each `type=image` mount, by target.
    pub image_layers: Vec<(PathBuf, Vec<PathBuf>)>,
    /// The data directory of each volume mount, by target.
    pub volume_dirs: Vec<VolumeDir>,
}

/// Where a volume mount's data lives and what its first mount does.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct VolumeDir {
    /// The mount point in the container.
    pub target: PathBuf,
    /// The volume's data directory on the host.
    pub data: PathBuf,
    /// Copy the image's content at `target` in first (the volume is new and empty).
    pub copy_up: bool,
    /// `--opt o=uid=…,gid=…`: the data directory's owner, as the container sees it.
    pub owner: (Option<u32>, Option<u32>),
}

/// /dev/shm's size unless `--shm-size` says otherwise (Podman's 64 MiB).
const DEFAULT_SHM_SIZE: u64 = 64 << 20;

/// A step of the setup failed: what and where.
#[derive(Debug)]
pub struct MountError {
    /// What was being done.
    pub what: String,
    /// The cause.
    pub source: io::Error,
}

impl std::fmt::Display for MountError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.what, self.source)
    }
}

type Result<T> = std::result::Result<T, MountError>;

fn step<T>(what: impl FnOnce() -> String, r: io::Result<T>) -> Result<T> {
    r.map_err(|source| MountError {
        what: what(),
        source,
    })
}

/// Bind the mount tree at the host path `source` (with its submounts) onto `target`;
/// with `readonly`, read-only all the way down, submounts included.
fn bind_onto(source: &Path, target: BorrowedFd<'_>, readonly: bool) -> io::Result<()> {
    let tree = sys::clone_tree(rustix::fs::CWD, source)?;
    if readonly {
        sys::set_mount_attrs(tree.as_fd(), true, sys::MOUNT_ATTR_RDONLY)?;
    }
    sys::attach_tree(tree.as_fd(), target)
}

/// A fresh directory `name` of a directory we mounted, with a filesystem on it.
fn mount_fresh_dir(
    dir: BorrowedFd<'_>,
    name: &str,
    fstype: &str,
    flags: libc::c_ulong,
    data: Option<&str>,
) -> Result<()> {
    let target = step(
        || format!("create /dev/{name}"),
        inroot::create_dir_in(dir, name),
    )?;
    step(
        || format!("mount {fstype} on /dev/{name}"),
        sys::mount_on(fstype, target.as_fd(), fstype, flags, data),
    )
}

/// Build /dev: a nodev tmpfs with host devices bound in (their own mounts keep the
/// host's flags, so they work), a new devpts instance, shm, mqueue and the links.
fn mount_dev(
    root: &Root,
    tty: bool,
    host_ipc: bool,
    shm_size: Option<u64>,
    owner: Option<(u32, u32)>,
) -> Result<()> {
    let owned = owner.map_or(String::new(), |(uid, gid)| format!(",uid={uid},gid={gid}"));
    let dev = step(|| "create /dev".into(), root.ensure_dir(Path::new("/dev")))?;
    step(
        || "mount tmpfs on /dev".into(),
        sys::mount_on(
            "tmpfs",
            dev.as_fd(),
            "tmpfs",
            libc::MS_NOSUID | libc::MS_NODEV | libc::MS_STRICTATIME,
            Some(&format!("mode=755,size=65536k{owned}")),
        ),
    )?;
    // The tmpfs just mounted (the descriptor above is the directory below it).
    let dev = step(|| "open /dev".into(), root.resolve(Path::new("/dev")))?;
    let tty_device = tty.then_some(TTY_DEVICE);
    for name in DEVICES.iter().copied().chain(tty_device) {
        let host = Path::new("/dev").join(name);
        if !host.exists() {
            continue;
        }
        let target = step(
            || format!("create /dev/{name}"),
            inroot::create_file_in(dev.as_fd(), name),
        )?;
        step(
            || format!("bind /dev/{name}"),
            bind_onto(&host, target.as_fd(), false),
        )?;
    }
    mount_fresh_dir(
        dev.as_fd(),
        "pts",
        "devpts",
        libc::MS_NOSUID | libc::MS_NOEXEC,
        Some("newinstance,ptmxmode=0666,mode=0620"),
    )?;
    let quiet = libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC;
    let shm = format!(
        "mode=1777,size={}{owned}",
        shm_size.unwrap_or(DEFAULT_SHM_SIZE)
    );
    mount_fresh_dir(dev.as_fd(), "shm", "tmpfs", quiet, Some(&shm))?;
    let mqueue = mount_fresh_dir(dev.as_fd(), "mqueue", "mqueue", quiet, None);
    match mqueue {
        // The host's IPC namespace belongs to the host's user namespace, whose
        // mqueue only the host's own mount shows; a host without one gets an empty
        // /dev/mqueue.
        Err(_) if host_ipc => {
            let target = step(
                || "open /dev/mqueue".into(),
                inroot::create_dir_in(dev.as_fd(), "mqueue"),
            )?;
            if Path::new("/dev/mqueue").is_dir() {
                step(
                    || "bind the host's /dev/mqueue".into(),
                    bind_onto(Path::new("/dev/mqueue"), target.as_fd(), false),
                )?;
            }
        }
        other => other?,
    }
    for (link, target) in DEV_LINKS {
        step(
            || format!("link /dev/{link}"),
            rustix::fs::symlinkat(*target, &dev, *link).map_err(io::Error::from),
        )?;
    }
    Ok(())
}

/// `--device`: each host node bound onto a file created at its place in the root.
fn mount_devices(root: &Root, devices: &[DeviceSpec]) -> Result<()> {
    for d in devices {
        let target = step(
            || format!("create device {}", d.container.display()),
            root.ensure_file(&d.container),
        )?;
        step(
            || {
                format!(
                    "bind device {} on {}",
                    d.host.display(),
                    d.container.display()
                )
            },
            bind_onto(&d.host, target.as_fd(), false),
        )?;
    }
    Ok(())
}

/// /proc for the container's pid namespace (with `host_pid`, the host's /proc bound
/// when a user namespace may not mount it), /sys read-only (the host's, read-only all
/// the way down, when sysfs cannot be mounted: without a network namespace of our own).
fn mount_proc_sys(root: &Root, host_pid: bool) -> Result<()> {
    let quiet = libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC;
    let proc_dir = step(
        || "create /proc".into(),
        root.ensure_dir(Path::new("/proc")),
    )?;
    let procfs = sys::mount_on("proc", proc_dir.as_fd(), "proc", quiet, None);
    match procfs {
        Err(_) if host_pid => step(
            || "bind the host's /proc".into(),
            bind_onto(Path::new("/proc"), proc_dir.as_fd(), false),
        )?,
        other => step(|| "mount /proc".into(), other)?,
    }
    let sys_dir = step(|| "create /sys".into(), root.ensure_dir(Path::new("/sys")))?;
    let sysfs = sys::mount_on(
        "sysfs",
        sys_dir.as_fd(),
        "sysfs",
        quiet | libc::MS_RDONLY,
        None,
    );
    if sysfs.is_err() {
        step(|| "bind /sys read-only".into(), {
            sys::clone_tree(rustix::fs::CWD, Path::new("/sys")).and_then(|tree| {
                let attrs = sys::MOUNT_ATTR_RDONLY
                    | sys::MOUNT_ATTR_NOSUID
                    | sys::MOUNT_ATTR_NODEV
                    | sys::MOUNT_ATTR_NOEXEC;
                sys::set_mount_attrs(tree.as_fd(), true, attrs)?;
                sys::attach_tree(tree.as_fd(), sys_dir.as_fd())
            })
        })?;
    }
    Ok(())
}

/// Generated /etc files and user mounts.
fn mount_user(root: &Root, plan: &MountPlan, etc_files: &[(String, PathBuf)]) -> Result<()> {
    for (ctr, host) in etc_files {
        let target = step(|| format!("create {ctr}"), root.ensure_file(Path::new(ctr)))?;
        step(
            || format!("bind {ctr}"),
            bind_onto(host, target.as_fd(), false),
        )?;
    }
    for m in &plan.mounts {
        match m {
            MountSpec::Bind {
                source,
                target,
                readonly,
            } => {
                let is_dir = step(
                    || format!("bind source {}", source.display()),
                    std::fs::metadata(source),
                )?
                .is_dir();
                let t = step(
                    || format!("create mount point {}", target.display()),
                    if is_dir {
                        root.ensure_dir(target)
                    } else {
                        root.ensure_file(target)
                    },
                )?;
                step(
                    || format!("bind {} on {}", source.display(), target.display()),
                    bind_onto(source, t.as_fd(), *readonly),
                )?;
            }
            MountSpec::Image { target, .. } => {
                let layers = plan
                    .image_layers
                    .iter()
                    .find(|(t, _)| t == target)
                    .map(|(_, layers)| layers.as_slice())
                    .unwrap_or_default();
                let t = step(
                    || format!("create mount point {}", target.display()),
                    root.ensure_dir(target),
                )?;
                step(
                    || format!("mount the image on {}", target.display()),
                    mount_image(layers, t.as_fd(), plan.rootfs.userxattr),
                )?;
            }
            MountSpec::Volume {
                target, readonly, ..
            } => {
                let dir = plan
                    .volume_dirs
                    .iter()
                    .find(|v| &v.target == target)
                    .ok_or_else(|| MountError {
                        what: format!("mount the volume on {}", target.display()),
                        source: io::Error::other("no data directory planned"),
                    })?;
                mount_volume(root, dir, *readonly)?;
            }
            MountSpec::Tmpfs { target, options } => {
                let t = step(
                    || format!("create mount point {}", target.display()),
                    root.ensure_dir(target),
                )?;
                let (flags, data) = tmpfs_options(options);
                step(
                    || format!("mount tmpfs on {}", target.display()),
                    sys::mount_on("tmpfs", t.as_fd(), "tmpfs", flags, Some(&data)),
                )?;
            }
        }
    }
    Ok(())
}

/// A volume: its first mount copies the image's content at the mount point in
/// (resolved inside the root), `--opt o=uid=,gid=` gives the data its owner, then
/// the data directory is bound onto the mount point.
fn mount_volume(root: &Root, dir: &VolumeDir, readonly: bool) -> Result<()> {
    let target = &dir.target;
    let data = step(
        || format!("open the volume directory {}", dir.data.display()),
        rustix::fs::open(
            &dir.data,
            rustix::fs::OFlags::RDONLY
                | rustix::fs::OFlags::DIRECTORY
                | rustix::fs::OFlags::NOFOLLOW
                | rustix::fs::OFlags::CLOEXEC,
            rustix::fs::Mode::empty(),
        )
        .map_err(io::Error::from),
    )?;
    if dir.copy_up {
        step(
            || format!("copy {} into its volume", target.display()),
            crate::fs::copy_up::copy_up(root, target, data.as_fd()),
        )?;
    }
    if dir.owner != (None, None) {
        step(
            || format!("give the volume on {} its owner", target.display()),
            rustix::fs::fchown(
                &data,
                dir.owner.0.map(rustix::fs::Uid::from_raw),
                dir.owner.1.map(rustix::fs::Gid::from_raw),
            )
            .map_err(io::Error::from),
        )?;
    }
    let t = step(
        || format!("create mount point {}", target.display()),
        root.ensure_dir(target),
    )?;
    step(
        || format!("bind the volume on {}", target.display()),
        bind_onto(&dir.data, t.as_fd(), readonly),
    )
}

/// `type=image`: the layers read-only onto `target`: one layer is bound, several
/// are merged by an overlay without an upper layer (which needs two at least).
pub(crate) fn mount_image(
    layers: &[PathBuf],
    target: BorrowedFd<'_>,
    userxattr: bool,
) -> io::Result<()> {
    match layers {
        [] => Err(io::Error::new(
            io::ErrorKind::NotFound,
            "the image has no unpacked layers",
        )),
        [single] => {
            let tree = sys::clone_tree(rustix::fs::CWD, single)?;
            let attrs = sys::MOUNT_ATTR_RDONLY | sys::MOUNT_ATTR_NOSUID | sys::MOUNT_ATTR_NODEV;
            sys::set_mount_attrs(tree.as_fd(), true, attrs)?;
            sys::attach_tree(tree.as_fd(), target)
        }
        several => {
            let lower: Vec<String> = several.iter().map(|p| p.display().to_string()).collect();
            let mut data = format!("lowerdir={}", lower.join(":"));
            if userxattr {
                data.push_str(",userxattr");
            }
            let flags = libc::MS_RDONLY | libc::MS_NOSUID | libc::MS_NODEV;
            sys::mount_on("overlay", target, "overlay", flags, Some(&data))
        }
    }
}

/// Split tmpfs options into mount flags and tmpfs data (Podman's defaults:
/// rw,nosuid,nodev,mode=1777).
fn tmpfs_options(options: &[String]) -> (libc::c_ulong, String) {
    let mut flags = libc::MS_NOSUID | libc::MS_NODEV;
    let mut data = Vec::new();
    for o in options {
        match o.as_str() {
            "rw" => flags &= !libc::MS_RDONLY,
            "ro" => flags |= libc::MS_RDONLY,
            "nosuid" => flags |= libc::MS_NOSUID,
            "suid" => flags &= !libc::MS_NOSUID,
            "nodev" => flags |= libc::MS_NODEV,
            "dev" => flags &= !libc::MS_NODEV,
            "noexec" => flags |= libc::MS_NOEXEC,
            "exec" => flags &= !libc::MS_NOEXEC,
            other => data.push(other.to_string()),
        }
    }
    if !data.iter().any(|d| d.starts_with("mode=")) {
        data.push("mode=1777".into());
    }
    (flags, data.join(","))
}

/// Every masked path: [`MASKED_PATHS`] and `thermal_throttle` below each entry of
/// `CPUS` named `cpu*` (`cpu_entries`: the names in that directory).
pub fn masked_paths(cpu_entries: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut paths: Vec<String> = MASKED_PATHS.iter().map(|p| p.to_string()).collect();
    let mut cpus: Vec<String> = cpu_entries
        .into_iter()
        .filter(|n| n.starts_with("cpu") && !n.contains('/'))
        .collect();
    cpus.sort();
    paths.extend(
        cpus.into_iter()
            .map(|cpu| format!("{CPUS}/{cpu}/{THERMAL_THROTTLE}")),
    );
    paths
}

/// The names in the container's [`CPUS`] directory (none when it cannot be read).
fn cpu_entries(root: &Root) -> Vec<String> {
    let Ok(dir) = root.open_read(Path::new(CPUS)) else {
        return Vec::new();
    };
    let Ok(entries) = rustix::fs::Dir::read_from(&dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().ok().map(String::from))
        .collect()
}

/// `path` resolved inside the root, or None when it does not exist there (or cannot
/// be reached: then the container, with no more rights than this process, cannot
/// reach it either).
fn existing(root: &Root, path: &str) -> Result<Option<OwnedFd>> {
    match root.resolve(Path::new(path)) {
        Ok(fd) => Ok(Some(fd)),
        Err(e)
            if matches!(
                e.raw_os_error(),
                Some(libc::ENOENT) | Some(libc::ENOTDIR) | Some(libc::EACCES)
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(MountError {
            what: format!("resolve {path}"),
            source: e,
        }),
    }
}

/// Hide masked paths and make read-only paths read-only, submounts included.
fn protect_paths(root: &Root) -> Result<()> {
    for p in masked_paths(cpu_entries(root)) {
        let Some(target) = existing(root, &p)? else {
            continue;
        };
        let is_dir = step(
            || format!("stat {p}"),
            rustix::fs::fstat(&target).map_err(io::Error::from),
        )
        .map(|st| rustix::fs::FileType::from_raw_mode(st.st_mode).is_dir())?;
        let r = if is_dir {
            sys::mount_on(
                "tmpfs",
                target.as_fd(),
                "tmpfs",
                libc::MS_RDONLY | libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC,
                Some("size=0"),
            )
        } else {
            bind_onto(Path::new("/dev/null"), target.as_fd(), false)
        };
        step(|| format!("mask {p}"), r)?;
    }
    for p in READONLY_PATHS {
        let Some(target) = existing(root, p)? else {
            continue;
        };
        step(|| format!("make {p} read-only"), {
            sys::clone_tree(target.as_fd(), Path::new("")).and_then(|tree| {
                sys::set_mount_attrs(tree.as_fd(), true, sys::MOUNT_ATTR_RDONLY)?;
                sys::attach_tree(tree.as_fd(), target.as_fd())
            })
        })?;
    }
    Ok(())
}

/// Switch the root to `new_root` and detach the old one.
fn pivot(new_root: &Path) -> Result<()> {
    step(
        || format!("chdir {}", new_root.display()),
        std::env::set_current_dir(new_root),
    )?;
    step(
        || "pivot_root".into(),
        sys::pivot_root(Path::new("."), Path::new(".")),
    )?;
    step(
        || "detach the old root".into(),
        sys::umount2(Path::new("."), libc::MNT_DETACH),
    )?;
    step(|| "chdir /".into(), std::env::set_current_dir("/"))
}

/// Build the whole filesystem and enter it. Runs in the container process, in its
/// own mount namespace, before any user command.
pub fn setup(plan: &MountPlan) -> Result<()> {
    step(
        || "make mounts private".into(),
        sys::mount(
            None,
            Path::new("/"),
            None,
            libc::MS_REC | libc::MS_PRIVATE,
            None,
        ),
    )?;
    let merged = &plan.rootfs.merged;
    step(
        || format!("mount the root filesystem on {}", merged.display()),
        overlay::mount_in_container(&plan.rootfs),
    )?;
    let root = step(|| format!("open {}", merged.display()), Root::open(merged))?;
    let mut etc_files = plan.etc_files.clone();
    if let Some(files) = &plan.keep_id {
        let generated = step(
            || {
                format!(
                    "write keep-id's passwd and group into {}",
                    files.dir.display()
                )
            },
            keep_id::etc_files(&root, files),
        )?;
        etc_files.extend(generated);
    }
    mount_proc_sys(&root, plan.host_pid)?;
    for (key, value) in &plan.sysctls {
        step(
            || format!("set --sysctl {key}={value} in the container"),
            crate::fs::sysctl::write(&root, key, value),
        )?;
    }
    mount_dev(
        &root,
        plan.tty,
        plan.host_ipc,
        plan.shm_size,
        plan.dev_owner,
    )?;
    mount_devices(&root, &plan.devices)?;
    mount_user(&root, plan, &etc_files)?;
    if plan.workdir != "/" {
        step(
            || format!("create the working directory {}", plan.workdir),
            root.ensure_dir(Path::new(&plan.workdir)),
        )?;
    }
    if !plan.privileged {
        protect_paths(&root)?;
    }
    if plan.read_only {
        step(
            || "make / read-only".into(),
            sys::set_mount_attrs(root.fd(), false, sys::MOUNT_ATTR_RDONLY),
        )?;
    }
    drop(root);
    pivot(merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tmpfs_flags_and_data() {
        let (flags, data) = tmpfs_options(&["ro".into(), "size=64m".into(), "noexec".into()]);
        assert_eq!(data, "size=64m,mode=1777");
        assert_ne!(flags & libc::MS_RDONLY, 0);
        assert_ne!(flags & libc::MS_NOEXEC, 0);
        assert_ne!(flags & libc::MS_NODEV, 0, "tmpfs is nodev unless asked");
        let (flags, data) = tmpfs_options(&["mode=0700".into(), "dev".into()]);
        assert_eq!(data, "mode=0700");
        assert_eq!(flags & libc::MS_NODEV, 0);
    }

    #[test]
    fn masked_paths_match_podmans_list() {
        let cpus = ["cpu0", "cpu1", "cpufreq", "online", "cpuidle", "kernel_max"];
        let paths = masked_paths(cpus.iter().map(|c| c.to_string()));
        let mut fixed: Vec<&str> = paths[..MASKED_PATHS.len()]
            .iter()
            .map(String::as_str)
            .collect();
        fixed.sort();
        assert_eq!(
            fixed,
            [
                "/proc/acpi",
                "/proc/interrupts",
                "/proc/kcore",
                "/proc/keys",
                "/proc/latency_stats",
                "/proc/sched_debug",
                "/proc/scsi",
                "/proc/timer_list",
                "/proc/timer_stats",
                "/sys/devices/virtual/powercap",
                "/sys/firmware",
                "/sys/fs/selinux",
            ]
        );
        assert!(
            !paths.iter().any(|p| p == "/sys/dev/block"),
            "Podman 5 dropped it"
        );
        // The glob cpu* of Podman: entries that are not CPUs have no thermal_throttle
        // and are skipped when the mask is applied.
        assert_eq!(
            paths[MASKED_PATHS.len()..],
            [
                "/sys/devices/system/cpu/cpu0/thermal_throttle",
                "/sys/devices/system/cpu/cpu1/thermal_throttle",
                "/sys/devices/system/cpu/cpufreq/thermal_throttle",
                "/sys/devices/system/cpu/cpuidle/thermal_throttle",
            ]
        );
    }

    #[test]
    fn read_only_paths_match_podmans_list() {
        assert_eq!(
            READONLY_PATHS,
            [
                "/proc/asound",
                "/proc/bus",
                "/proc/fs",
                "/proc/irq",
                "/proc/sys",
                "/proc/sysrq-trigger"
            ]
        );
    }
}
