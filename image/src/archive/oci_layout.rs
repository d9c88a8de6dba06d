//! Reading an OCI image layout (`oci-layout`, `index.json`, `blobs/<alg>/<hex>`), as
//! `podman save --format oci-archive|oci-dir`, skopeo and `docker save` (25+) write it.

use std::collections::{BTreeMap, HashMap};

use coracle_storage::Digest;
use serde::Deserialize;

use super::files::{qualified_name, read_bounded, ArchiveImage, Files, LayoutFile};
use crate::manifest::Manifest;
use crate::platform::Platform;
use crate::transfer_error::TransferError;

/// The annotation naming an index entry (a tag or a full name).
pub const REF_NAME: &str = "org.opencontainers.image.ref.name";
/// The annotation containerd and Docker put the full image name in.
pub const CONTAINERD_NAME: &str = "io.containerd.image.name";

#[derive(Deserialize)]
struct Index {
    manifests: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    #[serde(default)]
    media_type: String,
    digest: String,
    size: i64,
    #[serde(default)]
    annotations: BTreeMap<String, String>,
}

/// The path of a blob in a layout.
pub fn blob_name(d: &Digest) -> String {
    format!("blobs/sha256/{}", d.hex())
}

/// Whether `files` hold an OCI layout.
pub fn is_layout(files: &Files) -> bool {
    files.get("index.json").is_some()
}

/// The images of the layout's index.json (those whose ref.name is `reference`, when
/// given), each resolved to the image manifest for `platform` when it is an index.
pub fn images(
    files: &Files,
    reference: Option<&str>,
    platform: &Platform,
) -> Result<Vec<ArchiveImage>, TransferError> {
    let index_bytes = files
        .read_small("index.json")?
        .ok_or_else(|| TransferError::BadArchive("no index.json in the OCI layout".into()))?;
    let index: Index = serde_json::from_slice(&index_bytes)
        .map_err(|e| TransferError::BadArchive(format!("index.json: {e}")))?;
    let mut out = Vec::new();
    for entry in &index.manifests {
        let ref_name = entry.annotations.get(REF_NAME).map(String::as_str);
        if reference.is_some() && ref_name != reference {
            continue;
        }
        let names: Vec<String> = entry
            .annotations
            .get(CONTAINERD_NAME)
            .and_then(|n| qualified_name(n))
            .or_else(|| ref_name.and_then(qualified_name))
            .into_iter()
            .collect();
        out.push(resolve(files, entry, names, platform)?);
    }
    if out.is_empty() {
        return Err(TransferError::BadArchive(match reference {
            Some(r) => format!("no image named {r:?} in the OCI layout's index.json"),
            None => "the OCI layout's index.json lists no image".into(),
        }));
    }
    Ok(out)
}

/// Read, verify and (for an index) resolve one index.json entry.
fn resolve(
    files: &Files,
    entry: &Entry,
    names: Vec<String>,
    platform: &Platform,
) -> Result<ArchiveImage, TransferError> {
    let top_digest = Digest::parse(&entry.digest)?;
    let top = verified_manifest(files, &top_digest, entry.size)?;
    let hint = Some(entry.media_type.as_str()).filter(|m| !m.is_empty());
    let (parsed, media_type) = Manifest::parse(&top, hint)?;
    let (manifest_digest, manifest, media_type, extra) = match parsed {
        Manifest::Image(_) => (top_digest.clone(), top, media_type, Vec::new()),
        Manifest::Index(index) => {
            let chosen = index.select(platform)?;
            let digest = Digest::parse(&chosen.digest)?;
            let bytes = verified_manifest(files, &digest, chosen.size)?;
            let (inner, inner_type) = Manifest::parse(&bytes, Some(&chosen.media_type))?;
            if matches!(inner, Manifest::Index(_)) {
                return Err(TransferError::Unsupported("nested image indexes".into()));
            }
            (digest, bytes, inner_type, vec![(top_digest.clone(), top)])
        }
    };
    let Manifest::Image(image) = Manifest::parse(&manifest, Some(&media_type))?.0 else {
        return Err(TransferError::Unsupported("nested image indexes".into()));
    };
    let mut blobs = HashMap::new();
    for d in std::iter::once(&image.config).chain(&image.layers) {
        let digest = Digest::parse(&d.digest)?;
        let file = blob_file(files, &digest)?;
        blobs.insert(digest, file);
    }
    Ok(ArchiveImage {
        top_digest,
        manifest_digest,
        manifest,
        media_type,
        extra_manifests: extra,
        names,
        blobs,
    })
}

/// A blob's file, which must be there.
fn blob_file(files: &Files, digest: &Digest) -> Result<LayoutFile, TransferError> {
    files.get(&blob_name(digest)).ok_or_else(|| {
        TransferError::BadArchive(format!("blob {digest} is missing (truncated archive?)"))
    })
}

/// A manifest's bytes, bounded and checked against the size and digest naming it.
fn verified_manifest(files: &Files, digest: &Digest, size: i64) -> Result<Vec<u8>, TransferError> {
    let file = blob_file(files, digest)?;
    let bytes = read_bounded(&file, &format!("manifest {digest}"))?;
    let actual = Digest::of_bytes(&bytes);
    if &actual != digest || i64::try_from(bytes.len()).ok() != Some(size) {
        return Err(TransferError::ManifestDigestMismatch {
            expected: digest.to_string(),
            actual: actual.to_string(),
        });
    }
    Ok(bytes)
}
