//! Running a piece of work inside a fresh user namespace with the rootless mapping,
//! so that files get the container's owners (layer unpacking) or can be removed
//! (files owned by subordinate ids). The caller must be single-threaded; the child
//! may start threads of its own.

use std::io::Read;
use std::os::fd::OwnedFd;

use crate::error::{Result, RuntimeError};
use crate::ids::idmap::{self, UserNsPlan};
use crate::sys;

/// Run `work` in a child process inside a new user namespace mapped by `plan`
/// (as root there). Its error message, if any, comes back as [`RuntimeError::Start`].
/// Without a plan (coracle running as real root) the work runs in this process.
pub fn run_in_userns<F>(plan: Option<&UserNsPlan>, work: F) -> Result<()>
where
    F: FnOnce() -> std::result::Result<(), String>,
{
    if plan.is_none() {
        return work().map_err(RuntimeError::Start);
    }
    spawn_in_userns(plan, work)?.wait()
}

/// Remove the tree at `dir` (if it exists): as this process first (most trees hold
/// only the caller's own files, and no namespace is paid for), then, when that
/// fails, inside the user namespace of `plan`, where files of subordinate ids are
/// the namespace root's.
pub fn remove_tree(dir: &std::path::Path, plan: Option<&UserNsPlan>) -> Result<()> {
    if !dir.exists() || std::fs::remove_dir_all(dir).is_ok() {
        return Ok(());
    }
    let d = dir.to_path_buf();
    run_in_userns(plan, move || {
        std::fs::remove_dir_all(&d).map_err(|e| format!("remove {}: {e}", d.display()))
    })
}

/// [`run_in_userns`] for work that returns a value: the child sends it back as JSON
/// through a memory file. The work always runs in a child process (a plain one
/// without a plan), so it may change its own mounts.
pub fn run_in_userns_for<T, F>(plan: Option<&UserNsPlan>, work: F) -> Result<T>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
    F: FnOnce() -> std::result::Result<T, String>,
{
    use std::io::{Seek, Write};
    let failed =
        |what: &str, e: &dyn std::fmt::Display| RuntimeError::Start(format!("{what}: {e}"));
    let memfd = rustix::fs::memfd_create("coracle-result", rustix::fs::MemfdFlags::CLOEXEC)
        .map_err(|e| failed("create a memory file", &e))?;
    let mut file = std::fs::File::from(memfd);
    let mut writer = file
        .try_clone()
        .map_err(|e| failed("duplicate a descriptor", &e))?;
    spawn_in_userns(plan, move || {
        let value = work()?;
        let text = serde_json::to_vec(&value).map_err(|e| e.to_string())?;
        writer.write_all(&text).map_err(|e| e.to_string())
    })?
    .wait()?;
    let mut text = Vec::new();
    file.rewind()
        .and_then(|()| file.read_to_end(&mut text))
        .map_err(|e| failed("read the helper's result", &e))?;
    serde_json::from_slice(&text).map_err(|e| failed("read the helper's result", &e))
}

/// A child process started by [`spawn_in_userns`]; [`UserNsChild::wait`] collects it.
#[derive(Debug)]
pub struct UserNsChild {
    pid: libc::pid_t,
    report: OwnedFd,
}

/// Start `work` in a child process, inside a new user namespace mapped by `plan` (as
/// root there), or, without a plan, in a plain child process. Returns once the child
/// runs; the caller goes on and later calls [`UserNsChild::wait`]. The caller must be
/// single-threaded; the child may start threads of its own.
pub fn spawn_in_userns<F>(plan: Option<&UserNsPlan>, work: F) -> Result<UserNsChild>
where
    F: FnOnce() -> std::result::Result<(), String>,
{
    if !sys::single_threaded_after_ending_threads() {
        return Err(RuntimeError::Start(
            "internal error: user namespace work needs a single-threaded process".into(),
        ));
    }
    let io_err =
        |what: &'static str| move |e: std::io::Error| RuntimeError::Start(format!("{what}: {e}"));
    let (sync_r, sync_w) = sys::pipe().map_err(io_err("create pipe"))?;
    let (report_r, report_w) = sys::pipe().map_err(io_err("create pipe"))?;
    let flags = if plan.is_some() {
        libc::CLONE_NEWUSER
    } else {
        0
    };
    let pid = sys::clone_into_namespaces(flags).map_err(io_err("create a user namespace"))?;
    if pid == 0 {
        drop(sync_w);
        drop(report_r);
        let _ = sys::die_with_parent();
        let mut go = [0u8; 1];
        if !matches!(rustix::io::read(&sync_r, &mut go), Ok(1)) {
            sys::exit_now(125);
        }
        let become_root = || match plan {
            Some(_) => become_root(),
            None => Ok(()),
        };
        child_main(&report_w, become_root, work);
    }
    drop(sync_r);
    drop(report_w);
    if let Some(plan) = plan {
        if let Err(e) = idmap::apply(pid, plan) {
            sys::kill(pid, libc::SIGKILL);
            let _ = sys::wait_pid(pid);
            return Err(e);
        }
    }
    let _ = rustix::io::write(&sync_w, b"1");
    Ok(UserNsChild {
        pid,
        report: report_r,
    })
}

/// The rest of a helper child: `enter` (become root in its user namespace), then
/// `work`; the first error goes to `report`. Never returns.
fn child_main<E, F>(report: &OwnedFd, enter: E, work: F) -> !
where
    E: FnOnce() -> std::result::Result<(), String>,
    F: FnOnce() -> std::result::Result<(), String>,
{
    let code = match enter().and_then(|()| work()) {
        Ok(()) => 0,
        Err(message) => {
            let _ = rustix::io::write(report, message.as_bytes());
            1
        }
    };
    sys::exit_now(code)
}

fn become_root() -> std::result::Result<(), String> {
    sys::set_ids(0, 0, &[]).map_err(|e| format!("become root in the user namespace: {e}"))
}

/// Run `work` in a child process that joins the existing user namespace `userns`
/// (a running container's, opened from `/proc/PID/ns/user`) as root there; without
/// one (coracle running as real root) in a plain child. Its error message, if any,
/// comes back as [`RuntimeError::Start`]. The caller must be single-threaded.
pub fn run_in_joined_userns<F>(userns: Option<OwnedFd>, work: F) -> Result<()>
where
    F: FnOnce() -> std::result::Result<(), String>,
{
    if !sys::single_threaded_after_ending_threads() {
        return Err(RuntimeError::Start(
            "internal error: user namespace work needs a single-threaded process".into(),
        ));
    }
    let (report_r, report_w) =
        sys::pipe().map_err(|e| RuntimeError::Start(format!("create pipe: {e}")))?;
    let pid = sys::clone_into_namespaces(0)
        .map_err(|e| RuntimeError::Start(format!("fork a helper: {e}")))?;
    if pid == 0 {
        drop(report_r);
        let _ = sys::die_with_parent();
        let enter = || match userns {
            Some(ns) => {
                use rustix::thread::{move_into_link_name_space, LinkNameSpaceType};
                move_into_link_name_space(
                    std::os::fd::AsFd::as_fd(&ns),
                    Some(LinkNameSpaceType::User),
                )
                .map_err(|e| format!("join the container's user namespace: {e}"))?;
                become_root()
            }
            None => Ok(()),
        };
        child_main(&report_w, enter, work);
    }
    drop(report_w);
    drop(userns);
    UserNsChild {
        pid,
        report: report_r,
    }
    .wait()
}

impl UserNsChild {
    /// Wait for the child to exit; its error message comes back as
    /// [`RuntimeError::Start`].
    pub fn wait(self) -> Result<()> {
        let mut report = String::new();
        let _ = std::fs::File::from(self.report).read_to_string(&mut report);
        let status = sys::wait_pid(self.pid)
            .map_err(|e| RuntimeError::Start(format!("wait for the user namespace helper: {e}")))?;
        if !report.is_empty() {
            return Err(RuntimeError::Start(report));
        }
        if status != 0 {
            return Err(RuntimeError::Start(format!(
                "user namespace helper failed (wait status {status})"
            )));
        }
        Ok(())
    }
}

/// The rootless plan for the calling user, from /etc/subuid and /etc/subgid; None as root.
/// The warning (fallback to a single id) is returned for the caller to print.
pub fn current_user_plan(keep_id: bool) -> (Option<UserNsPlan>, Option<String>) {
    let uid = rustix::process::getuid().as_raw();
    let gid = rustix::process::getgid().as_raw();
    if uid == 0 {
        return (None, None);
    }
    let name = user_name(uid).unwrap_or_else(|| uid.to_string());
    let helpers =
        idmap::find_helper("newuidmap").is_some() && idmap::find_helper("newgidmap").is_some();
    let plan = idmap::plan_rootless(
        uid,
        gid,
        &name,
        std::path::Path::new("/etc/subuid"),
        std::path::Path::new("/etc/subgid"),
        helpers,
        keep_id,
    );
    let warning = plan.fallback_reason.clone();
    (Some(plan), warning)
}

/// The login name of `uid` from /etc/passwd.
fn user_name(uid: u32) -> Option<String> {
    let text = std::fs::read_to_string("/etc/passwd").ok()?;
    crate::ids::passwd::user_by_uid(&text, uid).map(|e| e.name)
}
