//! Helpers shared by the feature tests: store paths, blob listing, and images built
//! on the fly for tests that must not share blobs with other tests.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use coracle_tests::{testbed, Sandbox};
use sha2::{Digest as _, Sha256};

/// The default store of a sandbox ($XDG_DATA_HOME/coracle).
pub fn store_dir(sb: &Sandbox) -> PathBuf {
    sb.dir.join("data/coracle")
}

/// (hex, path) of every stored blob.
pub fn blob_files(store: &Path) -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(store.join("blobs/sha256"))
        .map(|d| {
            d.flatten()
                .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// The contents of `path` inside any gzip layer blob of the sandbox's store.
pub fn layer_file_contents(sb: &Sandbox, _reference: &str, path: &str) -> String {
    for (_, blob) in blob_files(&store_dir(sb)) {
        let Ok(file) = std::fs::File::open(&blob) else {
            continue;
        };
        let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
        let Ok(entries) = archive.entries() else {
            continue;
        };
        for entry in entries {
            let Ok(mut entry) = entry else { break };
            let name = entry
                .path()
                .map(|p| p.to_string_lossy().trim_start_matches("./").to_string())
                .unwrap_or_default();
            if name == path {
                let mut s = String::new();
                entry.read_to_string(&mut s).unwrap();
                return s;
            }
        }
    }
    panic!("{path} not found in any stored layer");
}

/// An image pushed under a unique name, with a layer no other image has.
pub struct UniqueImage {
    /// registry/name:tag
    pub reference: String,
    /// hex digest of its only layer.
    pub layer_hex: String,
}

fn sha_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// Build a one-layer OCI image with random content and push it with skopeo.
pub fn push_unique_image(prefix: &str) -> UniqueImage {
    let tb = testbed();
    let mut noise = vec![0u8; 256 * 1024];
    std::fs::File::open("/dev/urandom")
        .unwrap()
        .read_exact(&mut noise)
        .unwrap();
    let mut tar_bytes = Vec::new();
    {
        let mut builder = tar::Builder::new(&mut tar_bytes);
        let mut header = tar::Header::new_gnu();
        header.set_size(noise.len() as u64);
        header.set_mode(0o644);
        header.set_mtime(0);
        builder
            .append_data(&mut header, "noise.bin", &noise[..])
            .unwrap();
        builder.finish().unwrap();
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &tar_bytes).unwrap();
    let layer = gz.finish().unwrap();
    let config = serde_json::json!({
        "architecture": "amd64", "os": "linux", "created": "2024-01-01T00:00:00Z",
        "config": {"Cmd": ["sh"]},
        "rootfs": {"type": "layers", "diff_ids": [format!("sha256:{}", sha_hex(&tar_bytes))]}
    })
    .to_string()
    .into_bytes();
    let manifest = serde_json::json!({
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": format!("sha256:{}", sha_hex(&config)), "size": config.len()},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": format!("sha256:{}", sha_hex(&layer)), "size": layer.len()}]
    })
    .to_string()
    .into_bytes();
    let dir = tempdir(prefix);
    std::fs::create_dir_all(dir.join("blobs/sha256")).unwrap();
    for blob in [&layer, &config, &manifest] {
        std::fs::write(dir.join("blobs/sha256").join(sha_hex(blob)), blob).unwrap();
    }
    std::fs::write(dir.join("oci-layout"), r#"{"imageLayoutVersion":"1.0.0"}"#).unwrap();
    let index = serde_json::json!({"schemaVersion": 2, "manifests": [{
        "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": format!("sha256:{}", sha_hex(&manifest)),
        "size": manifest.len(), "annotations": {"org.opencontainers.image.ref.name": "latest"}}]});
    std::fs::write(dir.join("index.json"), index.to_string()).unwrap();
    let name = format!("{prefix}-{}", &sha_hex(&layer)[..12]);
    let reference = format!("{}/{name}:latest", tb.registry);
    let status = Command::new("skopeo")
        .args(["copy", "-q", "--dest-tls-verify=false"])
        .arg(format!("oci:{}:latest", dir.display()))
        .arg(format!("docker://{reference}"))
        .status()
        .unwrap();
    assert!(status.success(), "skopeo copy of {reference} failed");
    let _ = std::fs::remove_dir_all(&dir);
    UniqueImage {
        reference,
        layer_hex: sha_hex(&layer),
    }
}

/// A fresh private directory for root-side scratch work.
pub fn tempdir(prefix: &str) -> PathBuf {
    let base = std::env::temp_dir().join(format!(
        "coracle-it-{prefix}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    base
}

/// Run coracle as root (the harness's own user) with its store, HOME and
/// XDG_RUNTIME_DIR in `dir`: for the tests of behaviour without a user namespace.
pub fn coracle_as_root(dir: &Path, args: &[&str]) -> coracle_tests::Run {
    let mut cmd = Command::new(coracle_tests::coracle_bin());
    cmd.arg("--root")
        .arg(dir.join("store"))
        .args(args)
        .env("HOME", dir)
        .env("XDG_RUNTIME_DIR", dir)
        .current_dir(dir);
    coracle_tests::Run::capture(cmd, None, format!("[as root] coracle {}", args.join(" ")))
}

/// Give a root-created path to the test user.
pub fn chown_to_user(path: &Path) {
    let tb = testbed();
    let status = Command::new("chown")
        .arg("-R")
        .arg(format!("{}:{}", tb.uid, tb.gid))
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}
