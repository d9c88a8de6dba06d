//! Go-template `--format` strings, Podman's munging (`table`, `\t`) included:
//! rendering never panics or hangs, whatever the template and the data. The input is
//! the template, then optionally a NUL byte and the JSON data it renders.
#![no_main]

use std::collections::BTreeMap;

use coracle_fuzz::format::render_items;
use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    let (format, rest) = match data.iter().position(|&b| b == 0) {
        Some(nul) => (&data[..nul], Some(&data[nul + 1..])),
        None => (data, None),
    };
    let Ok(format) = std::str::from_utf8(format) else {
        return;
    };
    let item = rest
        .and_then(|bytes| serde_json::from_slice(bytes).ok())
        .unwrap_or_else(|| {
            json!({
                "ID": "0123456789ab", "Repository": "docker.io/library/busybox", "Tag": "latest",
                "Size": 4_300_000, "Names": ["a", "b"], "Labels": {"k": "v"},
                "State": {"Status": "running", "Pid": 42}, "Created": null
            })
        });
    let headers = BTreeMap::from([("ID", "IMAGE ID"), ("Repository", "REPOSITORY")]);
    let _ = render_items(format, &[item.clone(), item], &headers);
});
