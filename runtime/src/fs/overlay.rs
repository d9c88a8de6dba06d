//! The container's root filesystem: the kernel's overlay, mounted by the container
//! process itself, or fuse-overlayfs (keep-id's id remapping, `overlay.mount_program`),
//! mounted by a helper that stays outside the container's PID namespace.
//!
//! fuse-overlayfs is a daemon serving the mount for as long as it exists. Started from
//! the container process it would live in the container's PID namespace, visible to
//! (and killable by) the container. So the caller, before it releases the container
//! process, forks a helper that joins the container's user and mount namespaces,
//! makes `merged` a shared mount there, and unshares a mount namespace (a peer copy)
//! and a PID namespace of its own; its first child there runs fuse-overlayfs, whose
//! daemon is then re-parented to that child. The mount propagates into the
//! container's mount namespace before the container process starts building its
//! filesystem, while the daemon keeps the host's root and /proc (it reopens files
//! through /proc/self/fd, which the container's pivot_root and /proc would break). When the container is done, [`FuseMount`] kills that child; the
//! kernel then kills the daemon with its PID namespace. If the caller dies first,
//! parent-death signals take the helper, its child and the daemon down the same way.
//! The container process itself stays single-threaded, forks nothing, and the fast
//! path (the kernel's overlay) pays for none of this.

use std::io::Read;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};

use crate::error::{Result, RuntimeError};
use crate::sys;

/// The fuse-overlayfs program when none is configured (found through $PATH).
pub const FUSE_OVERLAYFS: &str = "fuse-overlayfs";

/// How long to wait for the fuse-overlayfs daemon to be gone after the container.
const TEARDOWN_TIMEOUT_SECS: i64 = 5;

/// How the root filesystem is assembled.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
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
    /// Mount with `volatile` (the kernel's overlay skips every sync of the writable
    /// layer, unmounting included): for `--rm` containers, as Podman does, since they
    /// do not outlive a crash anyway.
    pub volatile: bool,
    /// Mount with this fuse-overlayfs program instead of the kernel's overlay.
    pub fuse_program: Option<PathBuf>,
    /// fuse-overlayfs `uidmapping=` and `gidmapping=` values (see
    /// [`crate::ids::idmap::fuse_remap`]) when the container's id mapping differs from the
    /// one the layers were unpacked under; only used with `fuse_program`.
    pub fuse_idmapping: Option<(String, String)>,
}

/// The overlay mount options (layer paths as given: keep them short, the string must
/// fit in a page).
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
    if spec.volatile {
        opts.push_str(",volatile");
    }
    opts
}

/// The marker a `volatile` mount leaves in overlay's own `work` directory
/// (`incompat/volatile/dirty`): while it is there the kernel refuses to mount that
/// work directory again, volatile or not.
const VOLATILE_MARKER: &str = "work/incompat";

/// What the kernel's overlay leaves in its work directory, outermost first: its own
/// `work` directory (mode 000), and under it the volatile marker's directories.
const WORK_DIR_LEFTOVERS: [&str; 3] = ["work", VOLATILE_MARKER, "work/incompat/volatile"];

/// Remove what an earlier volatile mount left in the work directory (a container
/// started again after a crash, or copied from once stopped): the writable layer is
/// kept as it is, as Podman does for its volatile containers.
fn clear_volatile_marker(spec: &RootfsSpec) -> std::io::Result<()> {
    match std::fs::remove_dir_all(spec.work.join(VOLATILE_MARKER)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Make what the kernel's overlay left in the work directory `work` (its own `work`
/// directory, mode 000, and a volatile mount's marker under it) removable by its
/// owner without a user namespace.
pub fn make_leftovers_removable(work: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for sub in WORK_DIR_LEFTOVERS {
        let mode = std::fs::Permissions::from_mode(0o700);
        if std::fs::set_permissions(work.join(sub), mode).is_err() {
            break;
        }
    }
}

/// In the container process: mount the kernel's overlay at `spec.merged`, nodev; or,
/// when fuse-overlayfs already mounted it ([`mount_fuse`]), make that mount nodev.
pub fn mount_in_container(spec: &RootfsSpec) -> std::io::Result<()> {
    if spec.fuse_program.is_some() {
        let merged = rustix::fs::open(
            &spec.merged,
            rustix::fs::OFlags::PATH | rustix::fs::OFlags::CLOEXEC,
            rustix::fs::Mode::empty(),
        )?;
        return sys::set_mount_attrs(merged.as_fd(), false, sys::MOUNT_ATTR_NODEV);
    }
    clear_volatile_marker(spec)?;
    sys::mount(
        Some("overlay"),
        &spec.merged,
        Some("overlay"),
        libc::MS_NODEV,
        Some(&overlay_options(spec)),
    )
}

/// In a helper process (single-threaded, root in its user namespace): move to a
/// mount namespace of its own whose mounts propagate nowhere, and mount the kernel's
/// overlay of `spec` at `spec.merged` there (nodev). The mount ends with the process.
pub fn mount_private(spec: &RootfsSpec) -> std::result::Result<(), String> {
    enter_private_mount_ns()?;
    mount_in_container(spec)
        .map_err(|e| format!("mount the overlay on {}: {e}", spec.merged.display()))
}

/// In a helper process (single-threaded): move to a mount namespace of its own whose
/// mounts propagate nowhere.
pub fn enter_private_mount_ns() -> std::result::Result<(), String> {
    // SAFETY: the caller is a freshly cloned single-threaded helper process; no other
    // thread shares its file table or filesystem state.
    unsafe { rustix::thread::unshare_unsafe(rustix::thread::UnshareFlags::NEWNS) }
        .map_err(|e| format!("create a mount namespace: {e}"))?;
    sys::mount(
        None,
        Path::new("/"),
        None,
        libc::MS_REC | libc::MS_PRIVATE,
        None,
    )
    .map_err(|e| format!("make mounts private: {e}"))
}

/// The running fuse-overlayfs of one container, torn down on drop.
#[derive(Debug)]
pub struct FuseMount {
    /// The helper, a child of the caller (reaped on drop).
    helper: libc::pid_t,
    /// The init of the helper's PID namespace, the daemon's parent.
    server: OwnedFd,
    /// Tear down on drop (false once handed over).
    armed: bool,
}

impl FuseMount {
    /// Give up the teardown on drop and return the helper's pid: killing the helper
    /// kills the server (its parent-death signal) and with it the daemon's namespace.
    pub fn into_helper_pid(mut self) -> libc::pid_t {
        self.armed = false;
        self.helper
    }
}

impl Drop for FuseMount {
    fn drop(&mut self) {
        if !self.armed {
            return;
        }
        let _ = rustix::process::pidfd_send_signal(&self.server, rustix::process::Signal::KILL);
        // Its PID namespace is gone, daemon included, once it has exited.
        let mut poll = [rustix::event::PollFd::new(
            &self.server,
            rustix::event::PollFlags::IN,
        )];
        let timeout = rustix::event::Timespec {
            tv_sec: TEARDOWN_TIMEOUT_SECS,
            tv_nsec: 0,
        };
        let _ = rustix::event::poll(&mut poll, Some(&timeout));
        sys::kill(self.helper, libc::SIGKILL);
        let _ = sys::wait_pid(self.helper);
    }
}

/// In the caller, after the container process `child` was cloned and its ids mapped,
/// before it is released: mount fuse-overlayfs at `spec.merged` in its mount
/// namespace, from outside its PID namespace. Nothing to do (None) for the kernel's
/// overlay. The caller must be single-threaded.
pub fn mount_fuse(
    child: libc::pid_t,
    spec: &RootfsSpec,
    in_userns: bool,
) -> Result<Option<FuseMount>> {
    let Some(program) = &spec.fuse_program else {
        return Ok(None);
    };
    let fail = |what: &str, e: std::io::Error| RuntimeError::Start(format!("{what}: {e}"));
    let ns = |name: &str| {
        sys::open_namespace(child, name)
            .map_err(|e| fail(&format!("open /proc/{child}/ns/{name}"), e))
    };
    let user_ns = if in_userns { Some(ns("user")?) } else { None };
    let mnt_ns = ns("mnt")?;
    let (report_r, report_w) = sys::pipe().map_err(|e| fail("create pipe", e))?;
    let helper =
        sys::clone_into_namespaces(0).map_err(|e| fail("fork the fuse-overlayfs helper", e))?;
    if helper == 0 {
        drop(report_r);
        let keep = [
            report_w.as_raw_fd(),
            mnt_ns.as_raw_fd(),
            user_ns.as_ref().map_or(-1, |u| u.as_raw_fd()),
        ];
        let said = match helper_main(program, spec, user_ns, mnt_ns, &keep) {
            Ok(server) => format!("ok {server}"),
            Err(e) => format!("error {e}"),
        };
        let _ = rustix::io::write(&report_w, said.as_bytes());
        drop(report_w);
        sys::pause_forever()
    }
    drop(report_w);
    drop(user_ns);
    drop(mnt_ns);
    let mut said = String::new();
    let read = std::fs::File::from(report_r).read_to_string(&mut said);
    let server = match said.split_once(' ') {
        Some(("ok", pid)) => pid
            .parse()
            .ok()
            .and_then(rustix::process::Pid::from_raw)
            .and_then(|pid| {
                rustix::process::pidfd_open(pid, rustix::process::PidfdFlags::empty()).ok()
            }),
        _ => None,
    };
    match server {
        Some(server) => Ok(Some(FuseMount {
            helper,
            server,
            armed: true,
        })),
        None => {
            sys::kill(helper, libc::SIGKILL);
            let _ = sys::wait_pid(helper);
            let why = match said.split_once(' ') {
                Some(("error", e)) => e.to_string(),
                _ => format!("the helper ended early ({read:?})"),
            };
            Err(RuntimeError::Start(why))
        }
    }
}

/// The helper, a fork of the caller: join the container's namespaces, start the
/// server in a PID namespace of its own and return the server's pid (as the caller
/// sees it) once the mount is there.
fn helper_main(
    program: &Path,
    spec: &RootfsSpec,
    user_ns: Option<OwnedFd>,
    mnt_ns: OwnedFd,
    keep: &[std::os::fd::RawFd],
) -> std::result::Result<libc::pid_t, String> {
    use rustix::thread::{move_into_link_name_space, LinkNameSpaceType, UnshareFlags};
    let _ = sys::die_with_parent();
    crate::sys::null_stdio().map_err(|e| format!("redirect the helper's stdio: {e}"))?;
    sys::close_fds_except(keep).map_err(|e| format!("close inherited descriptors: {e}"))?;
    if let Some(user_ns) = user_ns {
        move_into_link_name_space(user_ns.as_fd(), Some(LinkNameSpaceType::User))
            .map_err(|e| format!("join the container's user namespace: {e}"))?;
        sys::set_ids(0, 0, &[]).map_err(|e| format!("become root in the user namespace: {e}"))?;
    }
    move_into_link_name_space(mnt_ns.as_fd(), Some(LinkNameSpaceType::Mount))
        .map_err(|e| format!("join the container's mount namespace: {e}"))?;
    // Nothing made here may propagate to the host. Then `merged` becomes a shared
    // mount of its own, and the helper moves on to a copy of the container's mount
    // namespace, where that mount has a peer: the fuse mount made on it there
    // propagates into the container's namespace (the container process makes it
    // private later), while the daemon's root and /proc stay the host's, untouched by
    // the container's pivot_root.
    let private = libc::MS_REC | libc::MS_PRIVATE;
    sys::mount(None, Path::new("/"), None, private, None)
        .map_err(|e| format!("make mounts private: {e}"))?;
    let merged = spec
        .merged
        .to_str()
        .ok_or("the container's directory is not UTF-8")?;
    sys::mount(Some(merged), &spec.merged, None, libc::MS_BIND, None)
        .and_then(|()| sys::mount(None, &spec.merged, None, libc::MS_SHARED, None))
        .map_err(|e| format!("prepare {merged} for fuse-overlayfs: {e}"))?;
    // SAFETY: the helper is a fork of a single-threaded process: no other thread
    // shares its state.
    unsafe { rustix::thread::unshare_unsafe(UnshareFlags::NEWNS | UnshareFlags::NEWPID) }
        .map_err(|e| format!("create the helper's namespaces: {e}"))?;
    let (done_r, done_w) = sys::pipe().map_err(|e| format!("create pipe: {e}"))?;
    let server = sys::clone_into_namespaces(0).map_err(|e| format!("fork the server: {e}"))?;
    if server == 0 {
        // The init of the new PID namespace: run fuse-overlayfs, then stay as the
        // daemon's parent until killed. It keeps only its own pipe, so that the
        // caller sees the end of the helper's report as soon as the helper is done.
        let _ = sys::close_fds_except(&[done_w.as_raw_fd()]);
        let _ = sys::die_with_parent();
        let result = run_fuse_overlayfs(program, spec);
        let said = match &result {
            Ok(()) => "ok".to_string(),
            Err(e) => e.clone(),
        };
        let _ = rustix::io::write(&done_w, said.as_bytes());
        drop(done_w);
        if result.is_err() {
            sys::exit_now(1);
        }
        while sys::wait_any().is_ok() {}
        sys::exit_now(0)
    }
    drop(done_w);
    let mut said = String::new();
    let _ = std::fs::File::from(done_r).read_to_string(&mut said);
    match said.as_str() {
        "ok" => Ok(server),
        "" => Err("fuse-overlayfs' parent ended early".into()),
        e => Err(e.to_string()),
    }
}

/// Run fuse-overlayfs until its mount is in place (it daemonizes once mounted).
fn run_fuse_overlayfs(program: &Path, spec: &RootfsSpec) -> std::result::Result<(), String> {
    let mut opts = overlay_options(&RootfsSpec {
        userxattr: false,
        volatile: false,
        ..spec.clone()
    });
    if let Some((uids, gids)) = &spec.fuse_idmapping {
        opts.push_str(&format!(",uidmapping={uids},gidmapping={gids}"));
    }
    // Its chatter ("unknown argument ignored: lazytime") goes to a log next to the
    // upper directory, not to the user's terminal; a failure quotes it.
    let log_path = spec.upper.with_file_name("fuse-overlayfs.log");
    let log = std::fs::File::create(&log_path)
        .map_err(|e| format!("create {}: {e}", log_path.display()))?;
    let status = std::process::Command::new(program)
        .arg("-o")
        .arg(opts)
        .arg(&spec.merged)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(log)
        .status();
    match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => {
            let said = std::fs::read_to_string(&log_path).unwrap_or_default();
            let last = said.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
            Err(format!("{}: {s}: {last}", program.display()))
        }
        Err(e) => Err(format!("{}: {e}", program.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlay_option_string() {
        let spec = RootfsSpec {
            lower: vec!["l2".into(), "l1".into()],
            upper: "/c/upper".into(),
            work: "/c/work".into(),
            merged: "/c/merged".into(),
            userxattr: true,
            volatile: false,
            fuse_program: None,
            fuse_idmapping: None,
        };
        assert_eq!(
            overlay_options(&spec),
            "lowerdir=l2:l1,upperdir=/c/upper,workdir=/c/work,userxattr"
        );
        let spec = RootfsSpec {
            volatile: true,
            ..spec
        };
        assert_eq!(
            overlay_options(&spec),
            "lowerdir=l2:l1,upperdir=/c/upper,workdir=/c/work,userxattr,volatile"
        );
    }
}
