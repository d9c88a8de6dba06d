//! Running a configuration tool (`ip`, `iptables-restore`) inside the rootless
//! namespaces: the child enters the rootless user namespace (where it holds every
//! capability) and then a network namespace it owns, before it executes the tool,
//! which reads its commands from standard input (`ip -batch -`).

use std::io::Write;
use std::os::fd::{AsRawFd, BorrowedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::error::{NetworkError, Result};

/// Largest output of a tool kept for an error message.
const MAX_TOOL_OUTPUT: usize = 4096;

/// Find a program through PATH, then in the sbin directories (a user's PATH often
/// lacks them, and `ip` and `iptables` live there). Programs of other directories
/// (pasta, slirp4netns) are found only through PATH, as a shell would find them.
pub fn find_tool(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/sbin"].map(PathBuf::from))
        .map(|d| d.join(name))
        .find(|p| is_executable(p))
}

fn is_executable(path: &Path) -> bool {
    rustix::fs::access(path, rustix::fs::Access::EXEC_OK).is_ok() && path.is_file()
}

/// Make `cmd` enter the user namespace `user` (none: root, who needs no other),
/// then the network namespace `net`, in the child before it executes.
fn enter_before_exec(cmd: &mut Command, user: Option<BorrowedFd<'_>>, net: BorrowedFd<'_>) {
    let (user, net) = (user.map_or(-1, |u| u.as_raw_fd()), net.as_raw_fd());
    // SAFETY: the closure runs in the forked child before exec and calls only setns(2)
    // (async-signal-safe, no allocation); the descriptors stay open in the parent
    // until the child is spawned.
    unsafe {
        cmd.pre_exec(move || {
            for (fd, kind) in [(user, libc::CLONE_NEWUSER), (net, libc::CLONE_NEWNET)] {
                if fd >= 0 && libc::setns(fd, kind) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
}

/// Run `tool args…` with `script` on its standard input inside `user` (if any) and `net`;
/// an error carries the tool's message and what was being done.
pub fn run_in(
    tool: &str,
    args: &[&str],
    script: &str,
    user: Option<BorrowedFd<'_>>,
    net: BorrowedFd<'_>,
    doing: &str,
) -> Result<()> {
    let program = find_tool(tool).ok_or_else(|| {
        NetworkError::Setup(format!(
            "{doing}: `{tool}` is not installed (Debian packages iproute2 and iptables)"
        ))
    })?;
    let mut cmd = Command::new(&program);
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    enter_before_exec(&mut cmd, user, net);
    let mut child = cmd
        .spawn()
        .map_err(|e| NetworkError::Setup(format!("{doing}: run {}: {e}", program.display())))?;
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(script.as_bytes());
    }
    let out = child
        .wait_with_output()
        .map_err(|e| NetworkError::Setup(format!("{doing}: wait for {tool}: {e}")))?;
    if out.status.success() {
        return Ok(());
    }
    let mut message = String::from_utf8_lossy(&out.stderr).into_owned();
    message.truncate(MAX_TOOL_OUTPUT);
    Err(NetworkError::Setup(format!(
        "{doing}: {tool} failed: {}",
        message.trim()
    )))
}

/// Start `program args…` inside `user` (if any) and `net` as a background process of its
/// own session, with no standard streams; its pid. It is not waited for.
pub fn spawn_in(
    program: &Path,
    args: &[&std::ffi::OsStr],
    user: Option<BorrowedFd<'_>>,
    net: BorrowedFd<'_>,
) -> Result<u32> {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    enter_before_exec(&mut cmd, user, net);
    // SAFETY: setsid(2) only, in the forked child before exec.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    let child = cmd
        .spawn()
        .map_err(|e| NetworkError::Setup(format!("start {}: {e}", program.display())))?;
    Ok(child.id())
}
