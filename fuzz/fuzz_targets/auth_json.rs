//! auth.json (and the legacy ~/.dockercfg layout): looking credentials up, storing
//! and removing them never panics, whatever the file holds.
#![no_main]

use std::sync::OnceLock;

use coracle_image::auth::{self, Credentials};
use coracle_image::paths::ConfigPaths;
use libfuzzer_sys::fuzz_target;

/// One scratch directory for the whole run: each input overwrites the same files.
fn scratch() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(coracle_fuzz::scratch_dir)
}

fuzz_target!(|data: &[u8]| {
    let dir = scratch().path();
    let paths = ConfigPaths::under(dir);
    let file = dir.join("auth.json");
    std::fs::write(&file, data).expect("writing the auth file");
    for (registry, repository) in [
        ("docker.io", Some("library/busybox")),
        ("127.0.0.1:5000", None),
        ("quay.io", Some("a/b/c")),
    ] {
        let _ = auth::lookup(&paths, Some(&file), registry, repository);
    }
    // The legacy layout: ~/.dockercfg is read when no auth file is named.
    std::fs::create_dir_all(&paths.home).expect("home");
    std::fs::write(paths.home.join(".dockercfg"), data).expect("writing .dockercfg");
    let _ = auth::lookup(&paths, None, "docker.io", Some("library/busybox"));
    let creds = Credentials {
        username: "user".into(),
        password: "secret".into(),
    };
    if auth::store(&file, "quay.io", &creds).is_ok() {
        let found = auth::lookup(&paths, Some(&file), "quay.io", None)
            .expect("a file coracle wrote reads back")
            .expect("the stored credentials");
        assert_eq!(
            (found.username.as_str(), found.password.as_str()),
            ("user", "secret")
        );
        let _ = auth::remove(&file, "quay.io");
    }
});
