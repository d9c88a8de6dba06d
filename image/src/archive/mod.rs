//! Image archives and layouts: reading what `podman save`, `docker save` and skopeo
//! write (docker-archive, oci-archive, OCI layout directories, `dir:`), from a file,
//! a directory or a stream, and writing them. One module per format; [`open_stream`]
//! and [`open_source`] find the images, [`import::import`] verifies and stores them.

pub mod compression;
pub mod dir_layout;
pub mod docker_archive;
pub mod files;
pub mod import;
pub mod oci_layout;
pub mod staging;
pub mod writer;

use std::io::Read;

use coracle_storage::{BlobStore, Digest};

use crate::manifest::Manifest;
use crate::platform::Platform;
use crate::transfer_error::TransferError;
use crate::transport::ImageSource;
use files::{ArchiveImage, Files};

/// The images found in an archive or layout; holds the staging directory (removed
/// when this is dropped) their files may live in.
pub struct Opened {
    /// The images, in the archive's order.
    pub images: Vec<ArchiveImage>,
    _staging: Option<tempfile::TempDir>,
}

/// Read an archive (plain, gzip or zstd tar, told by its first bytes) from `input`:
/// an OCI layout (names also taken from a docker `manifest.json` beside it) or a
/// docker-archive.
pub fn open_stream(blobs: &BlobStore, input: impl Read) -> Result<Opened, TransferError> {
    open_tar(blobs, input, |files| {
        if oci_layout::is_layout(files) {
            let mut images = oci_layout::images(files, None, &Platform::host())?;
            add_repo_tags(files, &mut images);
            Ok(images)
        } else if docker_archive::is_archive(files) {
            docker_archive::images(files)
        } else {
            Err(TransferError::BadArchive(
                "neither an OCI layout (index.json) nor a docker-archive (manifest.json)".into(),
            ))
        }
    })
}

/// Open what a transport names (not a registry): the images it selects.
pub fn open_source(blobs: &BlobStore, source: &ImageSource) -> Result<Opened, TransferError> {
    let platform = Platform::host();
    match source {
        ImageSource::Registry(r) => Err(TransferError::Unsupported(format!(
            "registry reference {r} as an archive"
        ))),
        ImageSource::DockerArchive { path, reference } => {
            let mut opened = open_stream(blobs, open_file(path)?)?;
            if let Some(r) = reference {
                opened.images = select(std::mem::take(&mut opened.images), r)?;
            }
            Ok(opened)
        }
        ImageSource::OciArchive { path, reference } => open_tar(blobs, open_file(path)?, |files| {
            oci_layout::images(files, reference.as_deref(), &platform)
        }),
        ImageSource::OciDir { path, reference } => Ok(Opened {
            images: oci_layout::images(&Files::Dir(path), reference.as_deref(), &platform)?,
            _staging: None,
        }),
        ImageSource::Dir { path } => Ok(Opened {
            images: vec![dir_layout::image(&Files::Dir(path))?],
            _staging: None,
        }),
    }
}

/// Stage a tar stream and find its images with `find`.
fn open_tar(
    blobs: &BlobStore,
    input: impl Read,
    find: impl FnOnce(&Files) -> Result<Vec<ArchiveImage>, TransferError>,
) -> Result<Opened, TransferError> {
    let staging = blobs.staging_dir()?;
    let input = compression::decompressed(input)
        .map_err(|e| TransferError::BadArchive(format!("reading the archive: {e}")))?;
    let staged = staging::stage(input, staging.path())?;
    let images = find(&Files::Staged(&staged))?;
    Ok(Opened {
        images,
        _staging: Some(staging),
    })
}

fn open_file(path: &std::path::Path) -> Result<std::fs::File, TransferError> {
    std::fs::File::open(path)
        .map_err(|e| TransferError::BadArchive(format!("cannot open {}: {e}", path.display())))
}

/// The image `reference` names: `@N` (position) or one of its names.
fn select(images: Vec<ArchiveImage>, reference: &str) -> Result<Vec<ArchiveImage>, TransferError> {
    let position = reference
        .strip_prefix('@')
        .and_then(|n| n.parse::<usize>().ok());
    let name = files::qualified_name(reference);
    let chosen: Vec<ArchiveImage> = images
        .into_iter()
        .enumerate()
        .filter(|(i, image)| match (&position, &name) {
            (Some(p), _) => p == i,
            (None, Some(n)) => image.names.contains(n),
            (None, None) => false,
        })
        .map(|(_, image)| image)
        .collect();
    if chosen.is_empty() {
        return Err(TransferError::BadArchive(format!(
            "no image {reference:?} in the archive"
        )));
    }
    Ok(chosen)
}

/// Add the RepoTags of a docker `manifest.json` beside an OCI layout to its images.
fn add_repo_tags(files: &Files, images: &mut [ArchiveImage]) {
    let by_config = docker_archive::names_by_config(files);
    for image in images {
        let config = match Manifest::parse(&image.manifest, Some(&image.media_type)) {
            Ok((Manifest::Image(m), _)) => Digest::parse(&m.config.digest).ok(),
            _ => None,
        };
        for name in config.and_then(|c| by_config.get(&c)).into_iter().flatten() {
            if !image.names.contains(name) {
                image.names.push(name.clone());
            }
        }
    }
}
