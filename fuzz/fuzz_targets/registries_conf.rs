//! registries.conf (v1 and v2 syntax): parsing never panics, and a parsed
//! configuration answers every lookup coracle makes with a value or an error.
#![no_main]

use std::path::Path;

use coracle_image::registries::RegistriesConf;
use libfuzzer_sys::fuzz_target;

/// Names looked up in the parsed configuration.
const NAMES: [&str; 5] = [
    "busybox",
    "library/busybox:1.36",
    "docker.io/library/busybox",
    "127.0.0.1:5000/a/b@sha256:0000000000000000000000000000000000000000000000000000000000000000",
    "quay.io/x",
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(conf) = RegistriesConf::parse(text, Path::new("registries.conf")) else {
        return;
    };
    for name in NAMES {
        let _ = conf.resolve(name);
        let _ = conf.resolve_for_pull(name);
        let _ = conf.entry_for(name);
        let _ = (conf.is_insecure(name), conf.is_blocked(name));
    }
});
