//! Locating the `coracle` binary and copying it, with the `coracle-monitor` program
//! that must sit next to it, where the test user can run them.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::bed::testbed;

/// Where the freshly built binary is: `$CORACLE_BIN`, else `debug/coracle` next to the
/// test executable's `deps/` directory, else `<workspace>/target/debug/coracle`.
fn locate() -> PathBuf {
    if let Some(bin) = std::env::var_os("CORACLE_BIN") {
        return bin.into();
    }
    let beside_deps = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("coracle")));
    match beside_deps {
        Some(p) if p.is_file() => p,
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug/coracle"),
    }
}

/// Remove `bin-PID` copies left by test processes that no longer exist.
fn remove_stale_copies(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(pid) = name.strip_prefix("bin-") {
            if !Path::new("/proc").join(pid).exists() {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
}

/// The copy of `coracle` the test user runs (made once per test process, since the
/// checkout may live below a home directory the test user cannot enter), with a copy
/// of `coracle-monitor` next to it.
pub fn coracle_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let src = locate();
        assert!(
            src.is_file(),
            "coracle binary not found at {}: run `cargo build -p coracle-cli` first (or set CORACLE_BIN)",
            src.display()
        );
        let bed = testbed();
        remove_stale_copies(&bed.dir);
        let dir = bed.dir.join(format!("bin-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let monitor = src.with_file_name("coracle-monitor");
        assert!(
            monitor.is_file(),
            "coracle-monitor not found next to {}: run `cargo build -p coracle-cli` first",
            src.display()
        );
        for from in [&monitor, &src] {
            let dst = dir.join(from.file_name().expect("a file name"));
            std::fs::copy(from, &dst).unwrap_or_else(|e| {
                panic!("cannot copy {} to {}: {e}", from.display(), dst.display())
            });
            std::fs::set_permissions(&dst, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        dir.join("coracle")
    })
}
