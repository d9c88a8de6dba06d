//! Runtime files, which live only as long as the machine is up: under
//! `$XDG_RUNTIME_DIR/coracle` (else a private `coracle-run-UID` directory under
//! `$TMPDIR`), as Podman keeps its `exits/` under `$XDG_RUNTIME_DIR/libpod/tmp`.
//! A reboot (or anyone) may empty it: nothing there is the only record of anything.

use std::path::PathBuf;

/// The runtime directory of this user.
pub fn runtime_dir() -> PathBuf {
    match std::env::var_os("XDG_RUNTIME_DIR").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir).join("coracle"),
        None => std::env::temp_dir().join(format!(
            "coracle-run-{}",
            rustix::process::getuid().as_raw()
        )),
    }
}

/// Where the monitor of container `id` leaves its exit file.
pub fn exit_file(id: &str) -> PathBuf {
    runtime_dir().join("exits").join(id)
}

/// Forget container `id`'s exit file.
pub fn remove_exit_file(id: &str) {
    let _ = std::fs::remove_file(exit_file(id));
}
