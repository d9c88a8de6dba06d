//! The files of an image layout, whether staged from a tar or in a directory of the
//! user's, and the images found in them, ready to import.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use coracle_storage::Digest;

use super::staging::Staged;
use crate::client::MAX_MANIFEST_SIZE;
use crate::transfer_error::TransferError;

/// Where a layout's files are.
pub enum Files<'a> {
    /// Unpacked from an archive (digests known).
    Staged(&'a Staged),
    /// A directory (digests checked as the blobs are copied).
    Dir(&'a Path),
}

/// One file of a layout.
#[derive(Clone, Debug)]
pub struct LayoutFile {
    /// Where its bytes are.
    pub path: PathBuf,
    /// Its size.
    pub size: u64,
    /// Its sha256 when already computed (staged files).
    pub digest: Option<Digest>,
    /// Whether the file may be moved into the store (staged files) or must be copied.
    pub movable: bool,
}

impl Files<'_> {
    /// The file `name` (a '/'-separated name inside the layout), if there is one.
    pub fn get(&self, name: &str) -> Option<LayoutFile> {
        match self {
            Files::Staged(s) => s.file(name).map(|f| LayoutFile {
                path: f.path.clone(),
                size: f.size,
                digest: Some(f.digest.clone()),
                movable: true,
            }),
            Files::Dir(root) => {
                if name.split('/').any(|p| p == ".." || p.is_empty()) {
                    return None;
                }
                let path = root.join(name);
                let meta = std::fs::metadata(&path).ok().filter(|m| m.is_file())?;
                Some(LayoutFile {
                    path,
                    size: meta.len(),
                    digest: None,
                    movable: false,
                })
            }
        }
    }

    /// The bytes of a small JSON file, refused over the manifest limit (4 MiB).
    pub fn read_small(&self, name: &str) -> Result<Option<Vec<u8>>, TransferError> {
        let Some(file) = self.get(name) else {
            return Ok(None);
        };
        read_bounded(&file, name).map(Some)
    }
}

/// Read a layout file of at most [`MAX_MANIFEST_SIZE`] bytes; `what` names it in errors.
pub fn read_bounded(file: &LayoutFile, what: &str) -> Result<Vec<u8>, TransferError> {
    if file.size > MAX_MANIFEST_SIZE {
        return Err(TransferError::TooLarge {
            what: what.to_string(),
            size: Some(file.size),
            limit: MAX_MANIFEST_SIZE,
        });
    }
    let f = std::fs::File::open(&file.path)
        .map_err(|e| TransferError::BadArchive(format!("{what}: {e}")))?;
    let mut bytes = Vec::new();
    f.take(MAX_MANIFEST_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| TransferError::BadArchive(format!("{what}: {e}")))?;
    if bytes.len() as u64 > MAX_MANIFEST_SIZE {
        return Err(TransferError::TooLarge {
            what: what.to_string(),
            size: None,
            limit: MAX_MANIFEST_SIZE,
        });
    }
    Ok(bytes)
}

/// An image found in an archive or layout, not yet in the store.
#[derive(Clone, Debug)]
pub struct ArchiveImage {
    /// The digest the image is known by (an index's when the layout names an index).
    pub top_digest: Digest,
    /// The image manifest's digest.
    pub manifest_digest: Digest,
    /// The image manifest's bytes.
    pub manifest: Vec<u8>,
    /// Its media type.
    pub media_type: String,
    /// Manifests to store besides (an index above the image manifest), by digest.
    pub extra_manifests: Vec<(Digest, Vec<u8>)>,
    /// Fully qualified names to give the image.
    pub names: Vec<String>,
    /// Where the config and layer blobs are.
    pub blobs: HashMap<Digest, LayoutFile>,
}

/// The name-like part of an annotation or a RepoTag, fully qualified, or None when it
/// is no image name (a bare tag such as "latest").
pub fn qualified_name(raw: &str) -> Option<String> {
    if raw.is_empty() || !raw.contains(['/', ':']) {
        return None;
    }
    let parsed = crate::reference::Reference::parse(raw).ok()?;
    parsed.tagged_name()
}
