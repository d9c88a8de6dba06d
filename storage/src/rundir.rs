//! The runtime directory: files that live only as long as the machine is up (exit
//! files, the events log). `--tmpdir` (`CORACLE_TMPDIR`), else `--runroot`
//! (`CORACLE_RUNROOT`), else `$XDG_RUNTIME_DIR/coracle`, else a private
//! `coracle-run-UID` directory under `$TMPDIR`. The CLI puts its flags into the
//! environment, so a container's monitor and its cleanup use the same directory.

use std::path::PathBuf;

/// Environment variable naming the runtime directory (`--runroot`).
pub const RUNROOT_ENV: &str = "CORACLE_RUNROOT";
/// Environment variable naming the temporary-state directory (`--tmpdir`).
pub const TMPDIR_ENV: &str = "CORACLE_TMPDIR";

fn env_dir(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The runtime directory of this user.
pub fn runtime_dir() -> PathBuf {
    if let Some(dir) = env_dir(TMPDIR_ENV).or_else(|| env_dir(RUNROOT_ENV)) {
        return dir;
    }
    match env_dir("XDG_RUNTIME_DIR") {
        Some(dir) => dir.join("coracle"),
        None => std::env::temp_dir().join(format!(
            "coracle-run-{}",
            rustix::process::getuid().as_raw()
        )),
    }
}

/// Where network state lives (the `networks/` directory below it: leases, bridge
/// records, helper pids and their lock). Root's bridges, addresses and rules are
/// the host's, shared by every store root uses, so root's is the host-wide
/// `/run/coracle` (as Podman keeps root's network state in /run/containers/networks);
/// any other user's is the runtime directory, where its rootless namespace lives.
pub fn network_state_dir() -> PathBuf {
    if rustix::process::geteuid().is_root() {
        PathBuf::from("/run/coracle")
    } else {
        runtime_dir()
    }
}
