//! Writing images out: a docker-archive (an OCI layout plus `manifest.json` and
//! `repositories`, as `docker save` 25+ writes it, with the stored blobs as they are so
//! the image keeps its digest), an oci-archive, an OCI layout directory, or a `dir:`
//! directory.

use std::collections::{BTreeMap, HashSet};
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use coracle_storage::{BlobStore, Digest, ImageRecord};
use serde_json::{json, Value};

use super::{dir_layout, oci_layout};
use crate::manifest::OCI_INDEX;
use crate::transfer_error::TransferError;

/// What `save --format` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveFormat {
    /// `docker-archive` (the default).
    DockerArchive,
    /// `oci-archive`.
    OciArchive,
    /// `oci-dir`: an OCI layout directory.
    OciDir,
    /// `docker-dir`: a containers/image `dir:` directory.
    DockerDir,
}

impl SaveFormat {
    /// Parse a `--format` value.
    pub fn parse(s: &str) -> Option<SaveFormat> {
        match s {
            "docker-archive" => Some(SaveFormat::DockerArchive),
            "oci-archive" => Some(SaveFormat::OciArchive),
            "oci-dir" => Some(SaveFormat::OciDir),
            "docker-dir" => Some(SaveFormat::DockerDir),
            _ => None,
        }
    }

    /// Whether the format is a directory rather than a tar stream.
    pub fn is_directory(self) -> bool {
        matches!(self, SaveFormat::OciDir | SaveFormat::DockerDir)
    }
}

/// An image to save, with the names to write for it.
#[derive(Clone, Debug)]
pub struct SaveImage {
    /// The stored image.
    pub record: ImageRecord,
    /// Fully qualified names ("registry/repo:tag").
    pub names: Vec<String>,
}

/// Write `images` as a tar stream of `format` (docker-archive or oci-archive) to `out`.
pub fn write_archive<W: Write>(
    blobs: &BlobStore,
    images: &[SaveImage],
    format: SaveFormat,
    out: W,
) -> Result<(), TransferError> {
    let mut builder = tar::Builder::new(out);
    builder.mode(tar::HeaderMode::Deterministic);
    let mut emit = TarEmit(builder);
    write_layout(&mut emit, blobs, images, format)?;
    let mut out = emit.0.into_inner().map_err(io_error)?;
    out.flush().map_err(io_error)
}

/// Write one image as a directory of `format` (oci-dir or docker-dir) at `dir`.
pub fn write_directory(
    blobs: &BlobStore,
    image: &SaveImage,
    format: SaveFormat,
    dir: &Path,
) -> Result<(), TransferError> {
    std::fs::create_dir_all(dir).map_err(io_error)?;
    write_layout(
        &mut DirEmit(dir.to_path_buf()),
        blobs,
        std::slice::from_ref(image),
        format,
    )
}

fn write_layout(
    emit: &mut dyn Emit,
    blobs: &BlobStore,
    images: &[SaveImage],
    format: SaveFormat,
) -> Result<(), TransferError> {
    if format == SaveFormat::DockerDir {
        let [image] = images else {
            return Err(TransferError::Unsupported(
                "several images in a docker-dir".into(),
            ));
        };
        emit.bytes("version", dir_layout::VERSION.as_bytes())?;
        emit.bytes("manifest.json", &blobs.read(&image.record.manifest_digest)?)?;
        for d in blob_digests(&image.record) {
            emit.file(&dir_layout::blob_name(d), &stored(blobs, d)?)?;
        }
        return Ok(());
    }
    emit.dir("blobs")?;
    emit.dir("blobs/sha256")?;
    let mut written = HashSet::new();
    for image in images {
        let manifest = &image.record.manifest_digest;
        for d in std::iter::once(manifest).chain(blob_digests(&image.record)) {
            if written.insert(d.clone()) {
                emit.file(&oci_layout::blob_name(d), &stored(blobs, d)?)?;
            }
        }
    }
    emit.bytes("oci-layout", br#"{"imageLayoutVersion":"1.0.0"}"#)?;
    emit.bytes("index.json", &to_json(&index(blobs, images, format)?))?;
    if format == SaveFormat::DockerArchive {
        emit.bytes("manifest.json", &to_json(&docker_manifest(images)))?;
        emit.bytes("repositories", &to_json(&repositories(images)))?;
    }
    Ok(())
}

/// The config and layer digests of an image, config first.
fn blob_digests(record: &ImageRecord) -> impl Iterator<Item = &Digest> {
    std::iter::once(&record.config_digest).chain(record.layers.iter().map(|l| &l.digest))
}

/// A stored blob's path and size (it must be there).
fn stored(blobs: &BlobStore, d: &Digest) -> Result<(PathBuf, u64), TransferError> {
    let size = blobs.size(d).ok_or_else(|| {
        TransferError::BadArchive(format!(
            "blob {d} is missing from the store (run `coracle pull` for the image again)"
        ))
    })?;
    Ok((blobs.path(d), size))
}

/// index.json: one entry per name (one without annotations for an unnamed image); a
/// docker-archive annotates as `docker save` does, an oci-archive as `podman save`.
fn index(
    blobs: &BlobStore,
    images: &[SaveImage],
    format: SaveFormat,
) -> Result<Value, TransferError> {
    let mut manifests = Vec::new();
    for image in images {
        let d = &image.record.manifest_digest;
        let (_, size) = stored(blobs, d)?;
        let entry = |annotations: Option<Value>| {
            let mut e = json!({
                "mediaType": image.record.manifest_media_type,
                "digest": d.as_str(),
                "size": size,
            });
            if let Some(a) = annotations {
                e["annotations"] = a;
            }
            e
        };
        if image.names.is_empty() {
            manifests.push(entry(None));
        }
        for name in &image.names {
            let annotations = match format {
                SaveFormat::DockerArchive => json!({
                    oci_layout::CONTAINERD_NAME: name,
                    oci_layout::REF_NAME: name.rsplit_once(':').map_or("latest", |(_, t)| t),
                }),
                _ => json!({ oci_layout::REF_NAME: name }),
            };
            manifests.push(entry(Some(annotations)));
        }
    }
    Ok(json!({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": manifests}))
}

/// manifest.json of a docker-archive.
fn docker_manifest(images: &[SaveImage]) -> Value {
    let entries: Vec<Value> = images
        .iter()
        .map(|image| {
            json!({
                "Config": oci_layout::blob_name(&image.record.config_digest),
                "RepoTags": image.names,
                "Layers": image.record.layers.iter().map(|l| oci_layout::blob_name(&l.digest)).collect::<Vec<_>>(),
            })
        })
        .collect();
    Value::Array(entries)
}

/// `repositories`: repository → tag → top layer, for old readers.
fn repositories(images: &[SaveImage]) -> Value {
    let mut repos: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for image in images {
        let Some(top) = image.record.layers.last() else {
            continue;
        };
        for name in &image.names {
            if let Some((repo, tag)) = name.rsplit_once(':') {
                repos
                    .entry(repo.to_string())
                    .or_default()
                    .insert(tag.to_string(), top.digest.hex().to_string());
            }
        }
    }
    json!(repos)
}

fn to_json(v: &Value) -> Vec<u8> {
    // Serialising a Value cannot fail.
    serde_json::to_vec(v).unwrap_or_default()
}

fn io_error(e: io::Error) -> TransferError {
    TransferError::BadArchive(format!("writing the archive: {e}"))
}

/// Where the files of a layout go.
trait Emit {
    /// A small file.
    fn bytes(&mut self, name: &str, data: &[u8]) -> Result<(), TransferError>;
    /// A file copied from `source` (path, size).
    fn file(&mut self, name: &str, source: &(PathBuf, u64)) -> Result<(), TransferError>;
    /// A directory.
    fn dir(&mut self, name: &str) -> Result<(), TransferError>;
}

/// Files as entries of a tar stream (owner root, mode 0644/0755, time 0).
struct TarEmit<W: Write>(tar::Builder<W>);

impl<W: Write> TarEmit<W> {
    fn header(kind: tar::EntryType, size: u64) -> tar::Header {
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(kind);
        h.set_size(size);
        h.set_mode(if kind.is_dir() { 0o755 } else { 0o644 });
        h.set_mtime(0);
        h
    }
}

impl<W: Write> Emit for TarEmit<W> {
    fn bytes(&mut self, name: &str, data: &[u8]) -> Result<(), TransferError> {
        let mut h = Self::header(tar::EntryType::Regular, data.len() as u64);
        self.0.append_data(&mut h, name, data).map_err(io_error)
    }

    fn file(&mut self, name: &str, (path, size): &(PathBuf, u64)) -> Result<(), TransferError> {
        let file = File::open(path).map_err(io_error)?;
        let mut h = Self::header(tar::EntryType::Regular, *size);
        // A blob that changed size under us would make a corrupt tar: read exactly `size`.
        self.0
            .append_data(&mut h, name, io::Read::take(file, *size))
            .map_err(io_error)
    }

    fn dir(&mut self, name: &str) -> Result<(), TransferError> {
        let mut h = Self::header(tar::EntryType::Directory, 0);
        self.0
            .append_data(&mut h, format!("{name}/"), io::empty())
            .map_err(io_error)
    }
}

/// Files in a directory.
struct DirEmit(PathBuf);

impl Emit for DirEmit {
    fn bytes(&mut self, name: &str, data: &[u8]) -> Result<(), TransferError> {
        std::fs::write(self.0.join(name), data).map_err(io_error)
    }

    fn file(&mut self, name: &str, (path, _): &(PathBuf, u64)) -> Result<(), TransferError> {
        std::fs::copy(path, self.0.join(name))
            .map(|_| ())
            .map_err(io_error)
    }

    fn dir(&mut self, name: &str) -> Result<(), TransferError> {
        std::fs::create_dir_all(self.0.join(name)).map_err(io_error)
    }
}
