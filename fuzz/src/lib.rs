//! What the fuzz targets share: scratch directories on a fast filesystem.

use std::path::Path;

/// A fresh temporary directory, on tmpfs (`/dev/shm`) when there is one: the file
/// targets create, sync and remove files on every run, which a disk makes slow.
/// `$TMPDIR`, when set, wins.
pub fn scratch_dir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    let base = match std::env::var_os("TMPDIR") {
        Some(dir) => dir.into(),
        None if shm.is_dir() => shm.to_path_buf(),
        None => std::env::temp_dir(),
    };
    tempfile::Builder::new()
        .prefix("coracle-fuzz-")
        .tempdir_in(&base)
        .unwrap_or_else(|e| {
            panic!(
                "cannot create a scratch directory in {}: {e}",
                base.display()
            )
        })
}
