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

/// Where container `id`'s files written at each start live: /etc/hostname,
/// /etc/hosts, /etc/resolv.conf, keep-id's passwd and group, `--tz`'s localtime
/// (bound into the container; a running container's network changes edit them in
/// place). Podman keeps them in its runroot's `userdata/` too: on a tmpfs, writing
/// and removing them costs no disk, and a reboot loses nothing a start cannot write
/// again.
pub fn container_files_dir(id: &str) -> PathBuf {
    runtime_dir().join("containers").join(id)
}

/// Make [`container_files_dir`] of container `id` (its parents private to the user).
pub fn create_container_files_dir(id: &str) -> std::io::Result<PathBuf> {
    use std::os::unix::fs::DirBuilderExt;
    let dir = container_files_dir(id);
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)?;
    Ok(dir)
}

/// Forget container `id`'s [`container_files_dir`].
pub fn remove_container_files(id: &str) {
    let _ = std::fs::remove_dir_all(container_files_dir(id));
}
