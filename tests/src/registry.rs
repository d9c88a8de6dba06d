//! Root-side registry helpers: skopeo queries, private images, blob paths.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::bed::testbed;
use crate::run::{run_root, Run};

const FIXTURES_PY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../.ci/fixtures.py");

/// Run `skopeo args` as root, with `--insecure-policy`.
pub fn skopeo(args: &[&str]) -> Run {
    let mut all = vec!["--insecure-policy"];
    all.extend_from_slice(args);
    run_root("skopeo", &all)
}

/// `docker://REF` plus `--tls-verify=false` and, for the TLS registry, its credentials.
fn source_args(reference: &str) -> Vec<String> {
    let bed = testbed();
    let bare = reference.strip_prefix("docker://").unwrap_or(reference);
    let mut args = vec!["--tls-verify=false".to_string()];
    if bare.starts_with(&format!("{}/", bed.tls_registry)) {
        args.push(format!("--creds={}:{}", bed.tls_user, bed.tls_password));
    }
    args.push(format!("docker://{bare}"));
    args
}

fn inspect(reference: &str, raw: bool) -> Run {
    let mut args = vec!["inspect".to_string()];
    if raw {
        args.push("--raw".into());
    }
    args.extend(source_args(reference));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = skopeo(&args);
    run.success();
    run
}

/// `skopeo inspect` of `reference` (`HOST:PORT/NAME:TAG`, `docker://` optional), parsed.
pub fn skopeo_inspect(reference: &str) -> Value {
    serde_json::from_str(&inspect(reference, false).stdout).unwrap()
}

/// The raw manifest (or index) bytes of `reference`, as the registry serves them.
pub fn skopeo_raw_manifest(reference: &str) -> Vec<u8> {
    inspect(reference, true).stdout.into_bytes()
}

/// Path of a blob (`sha256:...`) in the plain registry's storage, e.g. to corrupt it.
/// Blobs are shared by all repositories: corrupt only blobs of a [`push_unique_image`].
pub fn registry_blob_path(digest: &str) -> PathBuf {
    let hex = digest.strip_prefix("sha256:").unwrap_or(digest);
    testbed()
        .registry_data
        .join("docker/registry/v2/blobs/sha256")
        .join(&hex[..2])
        .join(hex)
        .join("data")
}

/// An image pushed for one test only: the busybox layer plus a layer nobody else has.
#[derive(Debug, Clone)]
pub struct UniqueImage {
    /// `127.0.0.1:PORT/NAME:latest` in the plain registry.
    pub reference: String,
    /// Digest of the OCI manifest.
    pub manifest_digest: String,
    /// Digest of the (unique) config blob.
    pub config_digest: String,
    /// Digest of the unique top layer (gzip), holding `/etc/coracle-unique`.
    pub layer_digest: String,
    /// Content of `/etc/coracle-unique` (without the trailing newline).
    pub marker: String,
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Build and push `NAME:latest` to the plain registry with blobs no other image shares,
/// so a test may corrupt or delete them freely. `name` should be unique per test.
pub fn push_unique_image(name: &str) -> UniqueImage {
    let bed = testbed();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let marker = format!("{name}-{}-{nanos}", std::process::id());
    let out = bed.dir.join(format!("unique-{marker}"));
    let status = Command::new("python3")
        .args([FIXTURES_PY, "unique"])
        .arg(&out)
        .arg(&marker)
        .status()
        .unwrap();
    assert!(status.success(), "fixtures.py unique failed");
    let index = read_json(&out.join("index.json"));
    let manifest_digest = index["manifests"][0]["digest"]
        .as_str()
        .unwrap()
        .to_string();
    let blob = |d: &str| {
        out.join("blobs/sha256")
            .join(d.trim_start_matches("sha256:"))
    };
    let manifest = read_json(&blob(&manifest_digest));
    let reference = format!("{}/{name}:latest", bed.registry);
    let src = format!("oci:{}:latest", out.display());
    let dst = format!("docker://{reference}");
    let run = skopeo(&[
        "copy",
        "-q",
        "--dest-tls-verify=false",
        "--preserve-digests",
        &src,
        &dst,
    ]);
    let _ = std::fs::remove_dir_all(&out);
    run.success();
    UniqueImage {
        reference,
        manifest_digest,
        config_digest: manifest["config"]["digest"].as_str().unwrap().to_string(),
        layer_digest: manifest["layers"][1]["digest"]
            .as_str()
            .unwrap()
            .to_string(),
        marker,
    }
}
