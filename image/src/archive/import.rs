//! Bringing an image found in an archive or layout into the blob store: every blob is
//! checked against its digest and size (a staged file was hashed as it was unpacked
//! and is moved into place; a file of a directory is hashed as it is copied) before the
//! image record is made. On failure the blobs this import added are removed again.

use coracle_storage::{BlobStore, Digest, ImageRecord, StorageError};

use super::files::{read_bounded, ArchiveImage, LayoutFile};
use crate::manifest::{ImageConfig, Manifest};
use crate::record::{image_record, parts};
use crate::transfer_error::TransferError;

/// An image whose blobs are in the store, to be unpacked and committed.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The record to commit.
    pub record: ImageRecord,
    /// The names to give it.
    pub names: Vec<String>,
    /// The blobs this import added (to remove if the image is not committed).
    pub added: Vec<Digest>,
}

/// Verify and store the blobs of `image`; returns its record.
pub fn import(blobs: &BlobStore, image: &ArchiveImage) -> Result<Imported, TransferError> {
    let mut added = Vec::new();
    match store_all(blobs, image, &mut added) {
        Ok(record) => Ok(Imported {
            record,
            names: image.names.clone(),
            added,
        }),
        Err(e) => {
            remove_blobs(blobs, &added);
            Err(e)
        }
    }
}

/// Remove blobs an import added (best effort: the store is being restored after a failure).
pub fn remove_blobs(blobs: &BlobStore, added: &[Digest]) {
    for d in added {
        let _ = blobs.remove(d);
    }
}

fn store_all(
    blobs: &BlobStore,
    image: &ArchiveImage,
    added: &mut Vec<Digest>,
) -> Result<ImageRecord, TransferError> {
    let Manifest::Image(manifest) = Manifest::parse(&image.manifest, Some(&image.media_type))?.0
    else {
        return Err(TransferError::Unsupported("nested image indexes".into()));
    };
    let parts = parts(&manifest)?;
    let wanted = std::iter::once((&parts.config_digest, parts.config_size))
        .chain(parts.layers.iter().map(|l| (&l.digest, l.size)));
    for (digest, size) in wanted {
        if blobs.contains(digest) {
            continue;
        }
        let file = image.blobs.get(digest).ok_or_else(|| {
            TransferError::BadArchive(format!("blob {digest} is missing (truncated archive?)"))
        })?;
        store_blob(blobs, digest, size, file)?;
        added.push(digest.clone());
    }
    let documents = std::iter::once((&image.manifest_digest, &image.manifest))
        .chain(image.extra_manifests.iter().map(|(d, b)| (d, b)));
    for (digest, bytes) in documents {
        if !blobs.contains(digest) {
            blobs.put(digest, bytes)?;
            added.push(digest.clone());
        }
    }
    let config_file = LayoutFile {
        path: blobs.path(&parts.config_digest),
        size: parts.config_size,
        digest: None,
        movable: false,
    };
    let config = ImageConfig::parse(&read_bounded(
        &config_file,
        &format!("image configuration {}", parts.config_digest),
    )?)?;
    Ok(image_record(
        &image.top_digest,
        image.manifest_digest.clone(),
        image.media_type.clone(),
        parts,
        &config,
    ))
}

/// Store one blob from `file`, refusing it unless its size and digest are the descriptor's.
fn store_blob(
    blobs: &BlobStore,
    digest: &Digest,
    size: u64,
    file: &LayoutFile,
) -> Result<(), TransferError> {
    if file.size != size {
        return Err(StorageError::SizeMismatch {
            digest: digest.clone(),
            expected: size,
            actual: file.size,
        }
        .into());
    }
    match (&file.digest, file.movable) {
        (Some(actual), _) if actual != digest => Err(StorageError::DigestMismatch {
            expected: digest.clone(),
            actual: actual.clone(),
        }
        .into()),
        (Some(_), true) => Ok(blobs.adopt(&file.path, digest, size)?),
        _ => {
            let mut source =
                std::fs::File::open(&file.path).map_err(|e| StorageError::io(&file.path, e))?;
            let mut writer = blobs.create(digest, Some(size))?;
            std::io::copy(&mut source, &mut writer).map_err(|e| StorageError::io(&file.path, e))?;
            Ok(writer.commit()?)
        }
    }
}
