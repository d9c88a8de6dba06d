//! Starting a container: the calling (single-threaded) CLI process clones the container
//! process into new namespaces as its direct child, maps its ids from outside, and then
//! supervises it. The child builds its filesystem, drops privileges and execs.
//!
//! Handshake: the child blocks on `sync` until the parent has written the id maps; any
//! failure before exec is written to `report` (close-on-exec, so a successful exec
//! closes it and the parent reads EOF).

use std::ffi::CString;
use std::io::{Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::path::Path;

use crate::caps::{self, CapSet};
use crate::error::{Result, RuntimeError};
use crate::exitcode;
use crate::idmap::{self, UserNsPlan};
use crate::overlay::{self, FuseMount};
use crate::passwd;
use crate::rootfs::{self, MountPlan};
use crate::seccomp::{self, Program};
use crate::sys;

/// What to run and how: everything decided before the clone.
#[derive(Clone, Debug)]
pub struct ContainerSpec {
    /// Filesystem layout.
    pub mounts: MountPlan,
    /// The command, argv[0] first.
    pub args: Vec<String>,
    /// Environment, "KEY=value".
    pub env: Vec<String>,
    /// Working directory inside the container.
    pub cwd: String,
    /// `-u user[:group]`, resolved inside the container; None is root.
    pub user: Option<String>,
    /// The UTS hostname.
    pub hostname: String,
    /// Capabilities of the process.
    pub caps: CapSet,
    /// The seccomp filter, None for unconfined.
    pub seccomp: Option<Program>,
    /// `--security-opt no-new-privileges`.
    pub no_new_privs: bool,
    /// The user namespace mapping; None runs without a user namespace (as root).
    pub userns: Option<UserNsPlan>,
    /// Keep the host's network namespace (`--network host`).
    pub host_network: bool,
    /// Allocate a pty (`-t`).
    pub tty: bool,
    /// Forward standard input (`-i`).
    pub interactive: bool,
    /// Run a minimal init as PID 1 (`--init`).
    pub init: bool,
}

const TAG_EXEC: u8 = b'X';
const TAG_SETUP: u8 = b'S';

/// Run the container in the foreground and return its exit code (the command's status,
/// 128+n for a signal). Errors of setup come back as [`RuntimeError::Start`].
pub fn run(spec: &ContainerSpec) -> Result<i32> {
    if sys::thread_count() != 1 {
        return Err(RuntimeError::Start(
            "internal error: the container must be started from a single-threaded process".into(),
        ));
    }
    let io_err =
        |what: &'static str| move |e: std::io::Error| RuntimeError::Start(format!("{what}: {e}"));
    let (sync_r, sync_w) = sys::pipe().map_err(io_err("create pipe"))?;
    let (report_r, report_w) = sys::pipe().map_err(io_err("create pipe"))?;
    let pty = if spec.tty {
        Some(crate::pty::open_pty()?)
    } else {
        None
    };
    let old_mask = crate::signals::block_forwarded()?;

    let mut flags = libc::CLONE_NEWNS
        | libc::CLONE_NEWPID
        | libc::CLONE_NEWUTS
        | libc::CLONE_NEWIPC
        | libc::CLONE_NEWCGROUP;
    if !spec.host_network {
        flags |= libc::CLONE_NEWNET;
    }
    if spec.userns.is_some() {
        flags |= libc::CLONE_NEWUSER;
    }
    let pid = sys::clone_into_namespaces(flags).map_err(io_err("clone into new namespaces"))?;
    if pid == 0 {
        drop(sync_w);
        drop(report_r);
        let _ = crate::signals::restore_mask(&old_mask);
        child(spec, sync_r, report_w, pty.as_ref().map(|p| &p.slave))
    }
    drop(sync_r);
    drop(report_w);
    // Held until the container is gone: it tears fuse-overlayfs down on drop.
    let _fuse = match parent_handshake(pid, spec, sync_w, report_r) {
        Ok(fuse) => fuse,
        Err(e) => {
            sys::kill(pid, libc::SIGKILL);
            let _ = sys::wait_pid(pid);
            let _ = crate::signals::restore_mask(&old_mask);
            return Err(e);
        }
    };
    let master = pty.map(|p| {
        drop(p.slave);
        p.master
    });
    let child_pid = rustix::process::Pid::from_raw(pid)
        .ok_or_else(|| RuntimeError::Start("clone returned an invalid pid".into()))?;
    let status = crate::signals::supervise(
        child_pid,
        master.as_ref().map(|m| m.as_fd()),
        spec.interactive,
    );
    let _ = crate::signals::restore_mask(&old_mask);
    Ok(exitcode::from_wait_status(status?))
}

/// Parent side: map ids, mount fuse-overlayfs if used, release the child, and
/// collect a failure report if any.
fn parent_handshake(
    pid: i32,
    spec: &ContainerSpec,
    sync_w: OwnedFd,
    report_r: OwnedFd,
) -> Result<Option<FuseMount>> {
    if let Some(plan) = &spec.userns {
        idmap::apply(pid, plan)?;
    }
    let fuse = overlay::mount_fuse(pid, &spec.mounts.rootfs, spec.userns.is_some())?;
    let mut w = std::fs::File::from(sync_w);
    w.write_all(b"1")
        .map_err(|e| RuntimeError::Start(format!("release the container process: {e}")))?;
    drop(w);
    let mut report = Vec::new();
    let _ = std::fs::File::from(report_r).read_to_end(&mut report);
    match report.split_first() {
        None => Ok(fuse),
        Some((&TAG_EXEC, rest)) => {
            let text = String::from_utf8_lossy(rest);
            let (code, message) = text.split_once(':').unwrap_or(("125", &text));
            Err(RuntimeError::Exec {
                code: code.parse().unwrap_or(exitcode::RUNTIME_ERROR),
                message: message.to_string(),
            })
        }
        Some((_, rest)) => Err(RuntimeError::Start(
            String::from_utf8_lossy(rest).into_owned(),
        )),
    }
}

/// Write a failure report and leave.
fn fail(report: &OwnedFd, tag: u8, text: &str) -> ! {
    let mut buf = vec![tag];
    buf.extend_from_slice(text.as_bytes());
    let _ = rustix::io::write(report, &buf);
    sys::exit_now(exitcode::RUNTIME_ERROR)
}

/// Child side: never returns.
fn child(spec: &ContainerSpec, sync_r: OwnedFd, report: OwnedFd, slave: Option<&OwnedFd>) -> ! {
    let _ = sys::die_with_parent();
    let mut go = [0u8; 1];
    if !matches!(rustix::io::read(&sync_r, &mut go), Ok(1)) {
        sys::exit_now(exitcode::RUNTIME_ERROR);
    }
    drop(sync_r);
    if let Err(e) = prepare(spec, slave) {
        fail(&report, TAG_SETUP, &e)
    }
    if spec.init {
        // The init must not hold the report pipe, or the parent would wait for it.
        let Ok(report_for_command) = report.try_clone() else {
            fail(&report, TAG_SETUP, "duplicate the report pipe")
        };
        crate::init::run_init(vec![report], move || {
            exec_command(spec, &report_for_command)
        })
    }
    exec_command(spec, &report)
}

/// Everything between the handshake and exec.
fn prepare(spec: &ContainerSpec, slave: Option<&OwnedFd>) -> std::result::Result<(), String> {
    if spec.userns.is_some() {
        sys::set_ids(0, 0, &[]).map_err(|e| format!("become root in the user namespace: {e}"))?;
    }
    if let Some(slave) = slave {
        crate::pty::attach_child(slave).map_err(|e| format!("attach the terminal: {e}"))?;
    }
    rootfs::setup(&spec.mounts).map_err(|e| e.to_string())?;
    sys::sethostname(&spec.hostname).map_err(|e| format!("set hostname: {e}"))?;
    bring_up_loopback();
    let user = match &spec.user {
        Some(u) => passwd::resolve_user(Path::new("/"), u).map_err(|e| e.to_string())?,
        None => passwd::ExecUser {
            uid: 0,
            gid: 0,
            additional_gids: vec![],
            home: "/root".into(),
        },
    };
    if let Err(e) = std::env::set_current_dir(&spec.cwd) {
        if e.kind() == std::io::ErrorKind::NotFound {
            std::fs::create_dir_all(&spec.cwd).and_then(|_| std::env::set_current_dir(&spec.cwd))
        } else {
            Err(e)
        }
        .map_err(|e| format!("working directory {:?}: {e}", spec.cwd))?;
    }
    if let Some(program) = &spec.seccomp {
        seccomp::install(program).map_err(|e| e.to_string())?;
    }
    sys::keep_caps().map_err(|e| format!("keep capabilities: {e}"))?;
    sys::set_ids(user.uid, user.gid, &user.additional_gids)
        .map_err(|e| format!("switch to user {}:{}: {e}", user.uid, user.gid))?;
    caps::apply(&spec.caps).map_err(|e| e.to_string())?;
    if spec.no_new_privs {
        seccomp::set_no_new_privs().map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Set `lo` up in the new network namespace (ioctl on a datagram socket).
fn bring_up_loopback() {
    // SAFETY: a plain socket(2); the fd is closed below.
    let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) };
    if fd < 0 {
        return;
    }
    // SAFETY: ifreq is plain data; the name fits in IFNAMSIZ.
    let mut req: libc::ifreq = unsafe { std::mem::zeroed() };
    for (i, b) in b"lo".iter().enumerate() {
        req.ifr_name[i] = *b as libc::c_char;
    }
    // SAFETY: valid fd and ifreq pointer for SIOCGIFFLAGS/SIOCSIFFLAGS.
    unsafe {
        if libc::ioctl(fd, libc::SIOCGIFFLAGS, &mut req) == 0 {
            req.ifr_ifru.ifru_flags |= (libc::IFF_UP | libc::IFF_RUNNING) as libc::c_short;
            libc::ioctl(fd, libc::SIOCSIFFLAGS, &req);
        }
        libc::close(fd);
    }
}

/// Find and exec the command, as execvp does; report 126/127 on failure.
fn exec_command(spec: &ContainerSpec, report: &OwnedFd) -> ! {
    let to_c = |s: &str| CString::new(s).ok();
    let Some(argv) = spec
        .args
        .iter()
        .map(|a| to_c(a))
        .collect::<Option<Vec<CString>>>()
    else {
        fail(report, TAG_SETUP, "the command contains a NUL byte")
    };
    let Some(envp) = spec
        .env
        .iter()
        .map(|e| to_c(e))
        .collect::<Option<Vec<CString>>>()
    else {
        fail(report, TAG_SETUP, "the environment contains a NUL byte")
    };
    let Some(cmd) = spec.args.first() else {
        fail(report, TAG_SETUP, "no command given")
    };
    let candidates: Vec<String> = if cmd.contains('/') {
        vec![cmd.clone()]
    } else {
        let path = spec
            .env
            .iter()
            .find_map(|e| e.strip_prefix("PATH="))
            .unwrap_or("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        path.split(':')
            .filter(|d| !d.is_empty())
            .map(|d| format!("{d}/{cmd}"))
            .collect()
    };
    let mut denied: Option<std::io::Error> = None;
    let mut last = std::io::Error::from_raw_os_error(libc::ENOENT);
    for c in &candidates {
        let Some(path) = to_c(c) else { continue };
        let err = sys::execve(&path, &argv, &envp);
        match err.raw_os_error() {
            Some(libc::ENOENT) | Some(libc::ENOTDIR) => last = err,
            Some(libc::EACCES) | Some(libc::EISDIR) if !cmd.contains('/') => denied = Some(err),
            _ => {
                last = err;
                break;
            }
        }
    }
    let err = denied.unwrap_or(last);
    let errno = err.raw_os_error().unwrap_or(libc::ENOENT);
    let code = exitcode::exec_error_code(errno);
    let message = if code == exitcode::NOT_FOUND {
        format!("executable file `{cmd}` not found in $PATH: No such file or directory")
    } else {
        format!(
            "{cmd}: {}",
            std::io::Error::from_raw_os_error(errno)
                .to_string()
                .split(" (os error")
                .next()
                .unwrap_or("cannot execute")
        )
    };
    fail(report, TAG_EXEC, &format!("{code}:{message}"))
}
