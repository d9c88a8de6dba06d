//! Layer unpacking (whiteouts, opaque directories, hard and symbolic links, PAX and
//! GNU headers, devices, sparse files) into fresh directories: never panics, and never
//! creates anything outside them.
//!
//! Input: one flags byte, then a plain tar.
//! - bit 0: `cp` mode (whiteouts are plain names, every entry owned by 1:1) instead
//!   of a layer;
//! - bit 1: two layers: the next two bytes (little endian) count the 512-byte blocks
//!   of a lower layer, the rest is the upper layer, which is then checked against the
//!   lower one (`check_lower_layers`: a directory implied in the upper layer where the
//!   lower one has a symlink is refused).
#![no_main]

use std::path::Path;

use coracle_storage::unpack::{check_lower_layers, unpack, Compression, UnpackOptions};
use libfuzzer_sys::fuzz_target;

const PREFIX: &str = "user.overlay.";

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let cp_mode = flags & 1 != 0;
    let two_layers = flags & 2 != 0;
    // Owners as the tar says (the fuzzer runs as root, so any id up to 2^32-2 works).
    let opts = UnpackOptions {
        overlay_xattr_prefix: PREFIX.into(),
        ignore_chown_errors: false,
        preserve_ownership: true,
        owner: cp_mode.then_some((1, 1)),
        whiteouts: !cp_mode,
    };
    // A jail holding the destinations: after the unpack it must hold nothing else.
    let jail = coracle_fuzz::scratch_dir();
    let upper = jail.path().join("upper");
    let lower = jail.path().join("lower");
    let mut expected = vec!["upper"];
    std::fs::create_dir(&upper).expect("the upper destination");
    if two_layers && rest.len() >= 2 {
        let blocks = usize::from(u16::from_le_bytes([rest[0], rest[1]]));
        let (lower_tar, upper_tar) = rest[2..].split_at((blocks * 512).min(rest.len() - 2));
        std::fs::create_dir(&lower).expect("the lower destination");
        expected.insert(0, "lower");
        let lower_ok = unpack(lower_tar, Compression::None, &lower, &opts).is_ok();
        if let Ok(stats) = unpack(upper_tar, Compression::None, &upper, &opts) {
            if lower_ok {
                let _ = check_lower_layers(&upper, &stats.implicit_dirs, &[lower.clone()], PREFIX);
            }
        }
    } else {
        let _ = unpack(rest, Compression::None, &upper, &opts);
    }
    let mut names: Vec<_> = std::fs::read_dir(jail.path())
        .expect("reading the jail")
        .map(|e| e.expect("a jail entry").file_name())
        .collect();
    names.sort();
    assert_eq!(names, expected, "an unpack wrote outside its destination");
    // Directories may have been left without write or search permission.
    make_removable(jail.path());
});

/// Give every directory below `dir` mode 0700 so the temporary directory can go.
fn make_removable(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            make_removable(&entry.path());
        }
    }
}
