//! Layer unpacking (whiteouts, opaque directories, hard and symbolic links, PAX and
//! GNU headers, devices, sparse files) into a fresh directory: never panics, and
//! never creates anything outside that directory.
#![no_main]

use coracle_storage::unpack::{unpack, Compression, UnpackOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A jail holding the destination: after the unpack it must hold nothing else.
    let jail = coracle_fuzz::scratch_dir();
    let dest = jail.path().join("layer");
    std::fs::create_dir(&dest).expect("the destination");
    // Owners as the tar says (the fuzzer runs as root, so any id up to 2^32-2 works).
    let opts = UnpackOptions {
        overlay_xattr_prefix: "user.overlay.".into(),
        ignore_chown_errors: false,
        preserve_ownership: true,
    };
    let _ = unpack(data, Compression::None, &dest, &opts);
    let names: Vec<_> = std::fs::read_dir(jail.path())
        .expect("reading the jail")
        .map(|e| e.expect("a jail entry").file_name())
        .collect();
    assert_eq!(names, ["layer"], "the unpack wrote outside its destination");
    // Directories may have been left without write or search permission.
    make_removable(&dest);
});

/// Give every directory below `dir` mode 0700 so the temporary directory can go.
fn make_removable(dir: &std::path::Path) {
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
