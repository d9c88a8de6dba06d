//! Reading a docker-archive (`manifest.json` listing each image's config and layer
//! files, as `docker save` and `podman save` write it). The layers may be plain or
//! compressed tars; a Docker v2 schema 2 manifest is made for them, as
//! containers/image does.

use std::collections::HashMap;

use coracle_storage::Digest;
use serde::Deserialize;
use serde_json::json;

use super::compression;
use super::files::{qualified_name, read_bounded, ArchiveImage, Files, LayoutFile};
use crate::manifest::{Compression, ImageConfig, DOCKER_MANIFEST};
use crate::transfer_error::TransferError;

/// Docker's image configuration media type.
pub const DOCKER_CONFIG: &str = "application/vnd.docker.container.image.v1+json";

/// One entry of manifest.json.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Entry {
    config: String,
    #[serde(default)]
    repo_tags: Option<Vec<String>>,
    layers: Vec<String>,
}

/// Whether `files` hold a docker-archive.
pub fn is_archive(files: &Files) -> bool {
    files.get("manifest.json").is_some()
}

fn entries(files: &Files) -> Result<Vec<Entry>, TransferError> {
    let bytes = files
        .read_small("manifest.json")?
        .ok_or_else(|| TransferError::BadArchive("no manifest.json in the archive".into()))?;
    serde_json::from_slice(&bytes)
        .map_err(|e| TransferError::BadArchive(format!("manifest.json: {e}")))
}

/// The fully qualified RepoTags of each image, by config digest (for an archive that
/// is an OCI layout as well, as `docker save` writes).
pub fn names_by_config(files: &Files) -> HashMap<Digest, Vec<String>> {
    let mut out = HashMap::new();
    for e in entries(files).unwrap_or_default() {
        if let Some(digest) = files.get(&e.config).and_then(|f| f.digest) {
            let names = e
                .repo_tags
                .iter()
                .flatten()
                .filter_map(|t| qualified_name(t));
            out.entry(digest).or_insert_with(Vec::new).extend(names);
        }
    }
    out
}

/// The images of the archive, in its order.
pub fn images(files: &Files) -> Result<Vec<ArchiveImage>, TransferError> {
    let mut out = Vec::new();
    for e in entries(files)? {
        let names: Vec<String> = e
            .repo_tags
            .iter()
            .flatten()
            .filter_map(|t| qualified_name(t))
            .collect();
        out.push(image(files, &e, names)?);
    }
    if out.is_empty() {
        return Err(TransferError::BadArchive(
            "the archive's manifest.json lists no image".into(),
        ));
    }
    Ok(out)
}

/// One image: its config, its layers checked against the config's diff IDs where
/// they are plain tars, and a manifest describing them.
fn image(files: &Files, e: &Entry, names: Vec<String>) -> Result<ArchiveImage, TransferError> {
    let missing =
        |what: &str| TransferError::BadArchive(format!("{what} is missing (truncated archive?)"));
    let config_file = files.get(&e.config).ok_or_else(|| missing(&e.config))?;
    let config_bytes = read_bounded(&config_file, &format!("image configuration {}", e.config))?;
    let config_digest = Digest::of_bytes(&config_bytes);
    let config = ImageConfig::parse(&config_bytes)?;
    if config.rootfs.diff_ids.len() != e.layers.len() {
        return Err(TransferError::BadArchive(format!(
            "image {config_digest} has {} layers but its configuration lists {} diff IDs",
            e.layers.len(),
            config.rootfs.diff_ids.len()
        )));
    }
    let mut blobs = HashMap::new();
    let mut layers = Vec::new();
    for (name, diff_id) in e.layers.iter().zip(&config.rootfs.diff_ids) {
        let file = files.get(name).ok_or_else(|| missing(name))?;
        let digest = layer_digest(&file)?;
        let media_type = match compression::detect_file(&file.path)
            .map_err(|err| TransferError::BadArchive(format!("{name}: {err}")))?
        {
            Compression::None => {
                if digest.as_str() != diff_id {
                    return Err(TransferError::BadArchive(format!(
                        "layer {name} has digest {digest}, not the diff ID {diff_id} its image configuration gives: the archive is damaged"
                    )));
                }
                "application/vnd.docker.image.rootfs.diff.tar"
            }
            Compression::Gzip => "application/vnd.docker.image.rootfs.diff.tar.gzip",
            Compression::Zstd => "application/vnd.docker.image.rootfs.diff.tar.zstd",
        };
        layers.push(json!({"mediaType": media_type, "size": file.size, "digest": digest.as_str()}));
        blobs.insert(digest, file);
    }
    let manifest = serde_json::to_vec(&json!({
        "schemaVersion": 2,
        "mediaType": DOCKER_MANIFEST,
        "config": {"mediaType": DOCKER_CONFIG, "size": config_bytes.len(), "digest": config_digest.as_str()},
        "layers": layers,
    }))
    .map_err(|err| TransferError::BadArchive(err.to_string()))?;
    let mut config_file = config_file;
    config_file.digest = Some(config_digest.clone());
    blobs.insert(config_digest, config_file);
    let manifest_digest = Digest::of_bytes(&manifest);
    Ok(ArchiveImage {
        top_digest: manifest_digest.clone(),
        manifest_digest,
        manifest,
        media_type: DOCKER_MANIFEST.to_string(),
        extra_manifests: Vec::new(),
        names,
        blobs,
    })
}

/// A staged layer's digest (computed as it was unpacked).
fn layer_digest(file: &LayoutFile) -> Result<Digest, TransferError> {
    file.digest.clone().ok_or_else(|| {
        TransferError::BadArchive("docker-archive layers must come from a tar".into())
    })
}
