//! What the fuzz targets share: scratch directories on a fast filesystem, and the
//! CLI's `--format` rendering.

use std::path::Path;

/// The CLI's `format` module (Go templates and tables over JSON items), compiled
/// here from the CLI's own source: it needs only std, gotmpl, tabwriter, thiserror
/// and serde_json, and depending on the CLI crate for it made CI's fuzz build compile
/// the whole runtime and the command line too.
#[path = "../../cli/src/format/mod.rs"]
pub mod format;

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
