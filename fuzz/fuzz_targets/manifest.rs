//! Manifests, indexes and image configs as a registry sends them: parsing never
//! panics, whatever the bytes and the Content-Type, and an index always answers a
//! platform query with an entry or an error.
#![no_main]

use coracle_image::manifest::{ImageConfig, Manifest};
use coracle_image::platform::Platform;
use libfuzzer_sys::fuzz_target;

/// Content types a registry may send; the first input byte picks one.
const CONTENT_TYPES: [Option<&str>; 7] = [
    None,
    Some("application/vnd.oci.image.manifest.v1+json"),
    Some("application/vnd.oci.image.index.v1+json"),
    Some("application/vnd.docker.distribution.manifest.v2+json"),
    Some("application/vnd.docker.distribution.manifest.list.v2+json"),
    Some("application/json; charset=utf-8"),
    Some("text/plain"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let content_type = CONTENT_TYPES[usize::from(pick) % CONTENT_TYPES.len()];
    if let Ok((Manifest::Index(index), _media_type)) = Manifest::parse(body, content_type) {
        for platform in [
            "linux/amd64",
            "linux/arm64/v8",
            "linux/arm/v7",
            "windows/amd64",
        ] {
            let want = Platform::parse(platform).expect("a valid platform");
            let _ = index.select(&want);
        }
    }
    let _ = ImageConfig::parse(body);
});
