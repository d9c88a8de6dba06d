//! The containers/image `dir:` layout: `version`, `manifest.json` and each blob in a
//! file named by its hex digest (what `podman save --format docker-dir` and
//! `skopeo copy … dir:` write).

use std::collections::HashMap;

use coracle_storage::Digest;

use super::files::{ArchiveImage, Files};
use crate::manifest::Manifest;
use crate::transfer_error::TransferError;

/// The content of the `version` file.
pub const VERSION: &str = "Directory Transport Version: 1.1\n";

/// The path of a blob in the layout.
pub fn blob_name(d: &Digest) -> String {
    d.hex().to_string()
}

/// The one image of a `dir:` layout.
pub fn image(files: &Files) -> Result<ArchiveImage, TransferError> {
    let manifest = files
        .read_small("manifest.json")?
        .ok_or_else(|| TransferError::BadArchive("no manifest.json in the directory".into()))?;
    let (parsed, media_type) = Manifest::parse(&manifest, None)?;
    let Manifest::Image(image) = parsed else {
        return Err(TransferError::Unsupported(
            "a manifest list in a dir: layout".into(),
        ));
    };
    let mut blobs = HashMap::new();
    for d in std::iter::once(&image.config).chain(&image.layers) {
        let digest = Digest::parse(&d.digest)?;
        let file = files.get(&blob_name(&digest)).ok_or_else(|| {
            TransferError::BadArchive(format!("blob {digest} is missing from the directory"))
        })?;
        blobs.insert(digest, file);
    }
    let digest = Digest::of_bytes(&manifest);
    Ok(ArchiveImage {
        top_digest: digest.clone(),
        manifest_digest: digest,
        manifest,
        media_type,
        extra_manifests: Vec::new(),
        names: Vec::new(),
        blobs,
    })
}
