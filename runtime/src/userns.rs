//! Running a piece of work inside a fresh user namespace with the rootless mapping,
//! so that files get the container's owners (layer unpacking) or can be removed
//! (files owned by subordinate ids). The caller must be single-threaded; the child
//! may start threads of its own.

use std::io::Read;

use crate::error::{Result, RuntimeError};
use crate::idmap::{self, UserNsPlan};
use crate::sys;

/// Run `work` in a child process inside a new user namespace mapped by `plan`
/// (as root there). Its error message, if any, comes back as [`RuntimeError::Start`].
/// Without a plan (coracle running as real root) the work runs in this process.
pub fn run_in_userns<F>(plan: Option<&UserNsPlan>, work: F) -> Result<()>
where
    F: FnOnce() -> std::result::Result<(), String>,
{
    let Some(plan) = plan else {
        return work().map_err(RuntimeError::Start);
    };
    if sys::thread_count() != 1 {
        return Err(RuntimeError::Start(
            "internal error: user namespace work needs a single-threaded process".into(),
        ));
    }
    let io_err =
        |what: &'static str| move |e: std::io::Error| RuntimeError::Start(format!("{what}: {e}"));
    let (sync_r, sync_w) = sys::pipe().map_err(io_err("create pipe"))?;
    let (report_r, report_w) = sys::pipe().map_err(io_err("create pipe"))?;
    let pid = sys::clone_into_namespaces(libc::CLONE_NEWUSER)
        .map_err(io_err("create a user namespace"))?;
    if pid == 0 {
        drop(sync_w);
        drop(report_r);
        let _ = sys::die_with_parent();
        let mut go = [0u8; 1];
        if !matches!(rustix::io::read(&sync_r, &mut go), Ok(1)) {
            sys::exit_now(125);
        }
        if let Err(e) = sys::set_ids(0, 0, &[]) {
            let _ = rustix::io::write(
                &report_w,
                format!("become root in the user namespace: {e}").as_bytes(),
            );
            sys::exit_now(125);
        }
        let code = match work() {
            Ok(()) => 0,
            Err(message) => {
                let _ = rustix::io::write(&report_w, message.as_bytes());
                1
            }
        };
        sys::exit_now(code);
    }
    drop(sync_r);
    drop(report_w);
    if let Err(e) = idmap::apply(pid, plan) {
        sys::kill(pid, libc::SIGKILL);
        let _ = sys::wait_pid(pid);
        return Err(e);
    }
    let _ = rustix::io::write(&sync_w, b"1");
    drop(sync_w);
    let mut report = String::new();
    let _ = std::fs::File::from(report_r).read_to_string(&mut report);
    let status = sys::wait_pid(pid).map_err(io_err("wait for the user namespace helper"))?;
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
    text.lines().find_map(|l| {
        let mut f = l.split(':');
        let name = f.next()?;
        let id: u32 = f.nth(1)?.parse().ok()?;
        (id == uid).then(|| name.to_string())
    })
}
