//! Turning a verified image manifest and configuration into the store's image record
//! (shared by pulls and archive loads).

use std::time::{SystemTime, UNIX_EPOCH};

use coracle_storage::{Digest, ImageRecord, LayerRef};

use crate::client::MAX_MANIFEST_SIZE;
use crate::manifest::{Compression, Descriptor, ImageConfig, ImageManifest};
use crate::transfer_error::TransferError;

/// The checked descriptors of an image manifest.
#[derive(Clone, Debug)]
pub struct ManifestParts {
    /// The configuration blob's digest.
    pub config_digest: Digest,
    /// Its size.
    pub config_size: u64,
    /// The layers, bottom first.
    pub layers: Vec<LayerRef>,
}

/// Check every descriptor of `manifest` (digests, sizes, a configuration within the
/// manifest size limit, layer media types coracle can unpack).
pub fn parts(manifest: &ImageManifest) -> Result<ManifestParts, TransferError> {
    let (config_digest, config_size) = checked(&manifest.config)?;
    refuse_oversized("image configuration", &config_digest, config_size)?;
    let mut layers = Vec::with_capacity(manifest.layers.len());
    for l in &manifest.layers {
        let (digest, size) = checked(l)?;
        if Compression::of_media_type(&l.media_type).is_none() {
            return Err(TransferError::Unsupported(format!(
                "layer media type {:?} of {digest}",
                l.media_type
            )));
        }
        layers.push(LayerRef {
            digest,
            size,
            media_type: l.media_type.clone(),
        });
    }
    Ok(ManifestParts {
        config_digest,
        config_size,
        layers,
    })
}

/// The record of an image whose blobs are all stored.
pub fn image_record(
    top_digest: &Digest,
    manifest_digest: Digest,
    manifest_media_type: String,
    parts: ManifestParts,
    config: &ImageConfig,
) -> ImageRecord {
    ImageRecord {
        id: parts.config_digest.hex().to_string(),
        digest: top_digest.clone(),
        manifest_digest,
        manifest_media_type,
        created: config.created.clone(),
        architecture: config.architecture.clone(),
        os: config.os.clone(),
        variant: config.variant.clone(),
        size: parts.config_size + parts.layers.iter().map(|l| l.size).sum::<u64>(),
        config_digest: parts.config_digest,
        layers: parts.layers,
        added: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0),
    }
}

/// Validate a descriptor's digest and size.
pub fn checked(d: &Descriptor) -> Result<(Digest, u64), TransferError> {
    let digest = Digest::parse(&d.digest)?;
    let size = u64::try_from(d.size)
        .map_err(|_| TransferError::BadManifest(format!("negative size for {digest}")))?;
    Ok((digest, size))
}

/// Refuse a manifest or configuration (`what`) whose descriptor says it is over
/// [`MAX_MANIFEST_SIZE`], before reading it.
pub fn refuse_oversized(what: &str, digest: &Digest, size: u64) -> Result<(), TransferError> {
    if size > MAX_MANIFEST_SIZE {
        return Err(TransferError::TooLarge {
            what: format!("{what} {digest}"),
            size: Some(size),
            limit: MAX_MANIFEST_SIZE,
        });
    }
    Ok(())
}
