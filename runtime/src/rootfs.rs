//! The container's filesystem, built inside its mount namespace: the overlay root,
//! /proc, /dev, /sys, user mounts, generated /etc files, masked and read-only paths,
//! then pivot_root.

use std::io;
use std::path::{Path, PathBuf};

use crate::mounts_spec::MountSpec;
use crate::sys;

/// Podman's masked paths (hidden behind /dev/null or an empty read-only tmpfs).
pub const MASKED_PATHS: &[&str] = &[
    "/proc/acpi",
    "/proc/kcore",
    "/proc/keys",
    "/proc/latency_stats",
    "/proc/timer_list",
    "/proc/timer_stats",
    "/proc/sched_debug",
    "/proc/scsi",
    "/sys/firmware",
    "/sys/fs/selinux",
    "/sys/dev/block",
];

/// Podman's read-only paths.
pub const READONLY_PATHS: &[&str] = &[
    "/proc/asound",
    "/proc/bus",
    "/proc/fs",
    "/proc/irq",
    "/proc/sys",
    "/proc/sysrq-trigger",
];

/// Host devices bound into the container's /dev.
const DEVICES: &[&str] = &["null", "zero", "full", "random", "urandom", "tty"];

/// How the root filesystem is assembled.
#[derive(Clone, Debug)]
pub struct RootfsSpec {
    /// Layer directories, top first.
    pub lower: Vec<PathBuf>,
    /// The container's upper (writable) directory.
    pub upper: PathBuf,
    /// Overlay's work directory (same filesystem as upper).
    pub work: PathBuf,
    /// Where the overlay is mounted.
    pub merged: PathBuf,
    /// Mount with `userxattr` (inside a user namespace).
    pub userxattr: bool,
    /// Mount with this fuse-overlayfs program instead of the kernel's overlay.
    pub fuse_program: Option<PathBuf>,
    /// fuse-overlayfs `uidmapping=` and `gidmapping=` values (see
    /// [`crate::idmap::fuse_remap`]) when the container's id mapping differs from the
    /// one the layers were unpacked under; only used with `fuse_program`.
    pub fuse_idmapping: Option<(String, String)>,
}

/// Everything the mount setup needs.
#[derive(Clone, Debug)]
pub struct MountPlan {
    /// The root filesystem.
    pub rootfs: RootfsSpec,
    /// `-v`, `--mount`, `--tmpfs`.
    pub mounts: Vec<MountSpec>,
    /// (container path, host file) pairs bound read-write: /etc/hostname, /etc/hosts, /etc/resolv.conf.
    pub etc_files: Vec<(String, PathBuf)>,
    /// `--read-only`.
    pub read_only: bool,
    /// `--privileged`: no masked or read-only paths.
    pub privileged: bool,
}

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

/// Join a container path onto the root, refusing to leave it.
fn inside(root: &Path, ctr: &str) -> PathBuf {
    let rel: PathBuf = Path::new(ctr)
        .components()
        .filter(|c| matches!(c, std::path::Component::Normal(_)))
        .collect();
    root.join(rel)
}

/// Create a mount point of the right kind (directory or file) for `source`.
fn ensure_target(target: &Path, is_dir: bool) -> io::Result<()> {
    if target.symlink_metadata().is_ok() {
        return Ok(());
    }
    if is_dir {
        std::fs::create_dir_all(target)
    } else {
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::File::create(target).map(|_| ())
    }
}

/// The overlay mount options; layer paths are made relative to `cwd` to stay under a page.
pub fn overlay_options(spec: &RootfsSpec) -> String {
    let lower: Vec<String> = spec.lower.iter().map(|p| p.display().to_string()).collect();
    let mut opts = format!(
        "lowerdir={},upperdir={},workdir={}",
        lower.join(":"),
        spec.upper.display(),
        spec.work.display()
    );
    if spec.userxattr {
        opts.push_str(",userxattr");
    }
    opts
}

/// The fuse-overlayfs program when none is configured (found through $PATH).
pub const FUSE_OVERLAYFS: &str = "fuse-overlayfs";

/// Mount the root filesystem at `spec.merged`.
fn mount_overlay(spec: &RootfsSpec) -> Result<()> {
    if let Some(program) = &spec.fuse_program {
        let mut opts = overlay_options(&RootfsSpec {
            userxattr: false,
            ..spec.clone()
        });
        if let Some((uids, gids)) = &spec.fuse_idmapping {
            opts.push_str(&format!(",uidmapping={uids},gidmapping={gids}"));
        }
        // Its chatter ("unknown argument ignored: lazytime") goes to a log next to the
        // upper directory, not to the user's terminal; a failure quotes it. (A pipe
        // would never close: fuse-overlayfs daemonizes.)
        let log_path = spec.upper.with_file_name("fuse-overlayfs.log");
        let log = step(
            || format!("create {}", log_path.display()),
            std::fs::File::create(&log_path),
        )?;
        let status = std::process::Command::new(program)
            .arg("-o")
            .arg(opts)
            .arg(&spec.merged)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(log)
            .status();
        return match status {
            Ok(s) if s.success() => Ok(()),
            Ok(s) => {
                let said = std::fs::read_to_string(&log_path).unwrap_or_default();
                let last = said.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
                Err(MountError {
                    what: program.display().to_string(),
                    source: io::Error::other(format!("{s}: {last}")),
                })
            }
            Err(e) => Err(MountError {
                what: program.display().to_string(),
                source: e,
            }),
        };
    }
    let opts = overlay_options(spec);
    step(
        || format!("mount overlay on {}", spec.merged.display()),
        sys::mount(
            Some("overlay"),
            &spec.merged,
            Some("overlay"),
            0,
            Some(&opts),
        ),
    )
}

/// Build /dev: a tmpfs with host devices bound in, a new devpts instance, shm, mqueue.
fn mount_dev(root: &Path) -> Result<()> {
    let dev = root.join("dev");
    step(|| "create /dev".into(), ensure_target(&dev, true))?;
    step(
        || "mount tmpfs on /dev".into(),
        sys::mount(
            Some("tmpfs"),
            &dev,
            Some("tmpfs"),
            libc::MS_NOSUID | libc::MS_STRICTATIME,
            Some("mode=755,size=65536k"),
        ),
    )?;
    for name in DEVICES {
        let target = dev.join(name);
        let host = Path::new("/dev").join(name);
        if !host.exists() {
            continue;
        }
        step(
            || format!("create /dev/{name}"),
            ensure_target(&target, false),
        )?;
        step(|| format!("bind /dev/{name}"), sys::bind(&host, &target))?;
    }
    let pts = dev.join("pts");
    step(|| "create /dev/pts".into(), ensure_target(&pts, true))?;
    step(
        || "mount devpts".into(),
        sys::mount(
            Some("devpts"),
            &pts,
            Some("devpts"),
            libc::MS_NOSUID | libc::MS_NOEXEC,
            Some("newinstance,ptmxmode=0666,mode=0620"),
        ),
    )?;
    step(
        || "link /dev/ptmx".into(),
        std::os::unix::fs::symlink("pts/ptmx", dev.join("ptmx")),
    )?;
    let shm = dev.join("shm");
    step(|| "create /dev/shm".into(), ensure_target(&shm, true))?;
    step(
        || "mount /dev/shm".into(),
        sys::mount(
            Some("shm"),
            &shm,
            Some("tmpfs"),
            libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC,
            Some("mode=1777,size=65536k"),
        ),
    )?;
    let mq = dev.join("mqueue");
    step(|| "create /dev/mqueue".into(), ensure_target(&mq, true))?;
    step(
        || "mount /dev/mqueue".into(),
        sys::mount(
            Some("mqueue"),
            &mq,
            Some("mqueue"),
            libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC,
            None,
        ),
    )?;
    for (link, target) in [
        ("fd", "/proc/self/fd"),
        ("stdin", "/proc/self/fd/0"),
        ("stdout", "/proc/self/fd/1"),
        ("stderr", "/proc/self/fd/2"),
        ("core", "/proc/kcore"),
    ] {
        step(
            || format!("link /dev/{link}"),
            std::os::unix::fs::symlink(target, dev.join(link)),
        )?;
    }
    Ok(())
}

/// /proc for the new pid namespace, /sys read-only.
fn mount_proc_sys(root: &Path) -> Result<()> {
    let proc_dir = root.join("proc");
    step(|| "create /proc".into(), ensure_target(&proc_dir, true))?;
    step(
        || "mount /proc".into(),
        sys::mount(
            Some("proc"),
            &proc_dir,
            Some("proc"),
            libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC,
            None,
        ),
    )?;
    let sys_dir = root.join("sys");
    step(|| "create /sys".into(), ensure_target(&sys_dir, true))?;
    let flags = libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC | libc::MS_RDONLY;
    if sys::mount(Some("sysfs"), &sys_dir, Some("sysfs"), flags, None).is_err() {
        // Without a network namespace of our own sysfs cannot be mounted: bind the host's.
        step(
            || "bind /sys".into(),
            sys::bind(Path::new("/sys"), &sys_dir),
        )?;
        step(
            || "remount /sys read-only".into(),
            sys::remount_readonly(&sys_dir),
        )?;
    }
    Ok(())
}

/// User mounts and generated /etc files.
fn mount_user(root: &Path, plan: &MountPlan) -> Result<()> {
    for (ctr, host) in &plan.etc_files {
        let target = inside(root, ctr);
        step(|| format!("create {ctr}"), ensure_target(&target, false))?;
        step(|| format!("bind {ctr}"), sys::bind(host, &target))?;
    }
    for m in &plan.mounts {
        match m {
            MountSpec::Bind {
                source,
                target,
                readonly,
            } => {
                let t = inside(root, &target.to_string_lossy());
                let is_dir = step(
                    || format!("bind source {}", source.display()),
                    std::fs::metadata(source),
                )?
                .is_dir();
                step(
                    || format!("create mount point {}", target.display()),
                    ensure_target(&t, is_dir),
                )?;
                step(
                    || format!("bind {} on {}", source.display(), target.display()),
                    sys::bind(source, &t),
                )?;
                if *readonly {
                    step(
                        || format!("remount {} read-only", target.display()),
                        sys::remount_readonly(&t),
                    )?;
                }
            }
            MountSpec::Tmpfs { target, options } => {
                let t = inside(root, &target.to_string_lossy());
                step(
                    || format!("create mount point {}", target.display()),
                    ensure_target(&t, true),
                )?;
                let (flags, data) = tmpfs_options(options);
                step(
                    || format!("mount tmpfs on {}", target.display()),
                    sys::mount(Some("tmpfs"), &t, Some("tmpfs"), flags, Some(&data)),
                )?;
            }
        }
    }
    Ok(())
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

/// Hide masked paths and make read-only paths read-only (after pivot_root).
fn protect_paths() -> Result<()> {
    for p in MASKED_PATHS {
        let path = Path::new(p);
        let Ok(meta) = path.metadata() else { continue };
        let r = if meta.is_dir() {
            sys::mount(
                Some("tmpfs"),
                path,
                Some("tmpfs"),
                libc::MS_RDONLY,
                Some("size=0"),
            )
        } else {
            sys::bind(Path::new("/dev/null"), path)
        };
        step(|| format!("mask {p}"), r)?;
    }
    for p in READONLY_PATHS {
        let path = Path::new(p);
        if path.symlink_metadata().is_err() {
            continue;
        }
        step(|| format!("bind {p}"), sys::bind(path, path))?;
        step(
            || format!("remount {p} read-only"),
            sys::remount_readonly(path),
        )?;
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
    mount_overlay(&plan.rootfs)?;
    let root = &plan.rootfs.merged;
    mount_proc_sys(root)?;
    mount_dev(root)?;
    mount_user(root, plan)?;
    pivot(root)?;
    if !plan.privileged {
        protect_paths()?;
    }
    if plan.read_only {
        step(
            || "remount / read-only".into(),
            sys::remount_readonly(Path::new("/")),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_paths_stay_inside() {
        assert_eq!(
            inside(Path::new("/r"), "/etc/hosts"),
            PathBuf::from("/r/etc/hosts")
        );
        assert_eq!(
            inside(Path::new("/r"), "/../../etc"),
            PathBuf::from("/r/etc")
        );
    }

    #[test]
    fn tmpfs_flags_and_data() {
        let (flags, data) = tmpfs_options(&["ro".into(), "size=64m".into(), "noexec".into()]);
        assert_eq!(data, "size=64m,mode=1777");
        assert_ne!(flags & libc::MS_RDONLY, 0);
        assert_ne!(flags & libc::MS_NOEXEC, 0);
        let (_, data) = tmpfs_options(&["mode=0700".into()]);
        assert_eq!(data, "mode=0700");
    }

    #[test]
    fn overlay_option_string() {
        let spec = RootfsSpec {
            lower: vec!["l2".into(), "l1".into()],
            upper: "/c/upper".into(),
            work: "/c/work".into(),
            merged: "/c/merged".into(),
            userxattr: true,
            fuse_program: None,
            fuse_idmapping: None,
        };
        assert_eq!(
            overlay_options(&spec),
            "lowerdir=l2:l1,upperdir=/c/upper,workdir=/c/work,userxattr"
        );
    }
}
