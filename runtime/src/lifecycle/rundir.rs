//! Runtime files, which live only as long as the machine is up, in the runtime
//! directory ([`coracle_storage::rundir`]: `--tmpdir`, `--runroot`,
//! `$XDG_RUNTIME_DIR/coracle`, else a private directory under `$TMPDIR`), as Podman
//! keeps its `exits/` under `$XDG_RUNTIME_DIR/libpod/tmp`. A reboot (or anyone) may
//! empty it: nothing there is the only record of anything.

use std::path::PathBuf;

pub use coracle_storage::rundir::runtime_dir;

/// Where the monitor of container `id` leaves its exit file.
pub fn exit_file(id: &str) -> PathBuf {
    runtime_dir().join("exits").join(id)
}

/// Forget container `id`'s exit file (and its attach socket).
pub fn remove_exit_file(id: &str) {
    let _ = std::fs::remove_file(exit_file(id));
    crate::lifecycle::attach::remove_socket(id);
}
