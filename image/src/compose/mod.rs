//! New images made locally (`commit`, `import`): a layer tar stored as a gzip blob,
//! a configuration derived from a base image's (or an empty one) with `--change`
//! instructions and a history entry, and an OCI manifest, recorded in one step.

mod changes;
mod infra;
pub use infra::{ensure_infra_image, INFRA_IMAGE};
mod fetch;

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, Write};
use std::time::{SystemTime, UNIX_EPOCH};

use coracle_storage::{Digest, ImageRecord, LayerRef, StorageError, Store};
use flate2::write::GzEncoder;
use serde_json::{json, Value};
use sha2::{Digest as _, Sha256};

pub use changes::{ConfigChange, INSTRUCTIONS};
pub use fetch::download;

/// The OCI media types of what [`commit_image`] writes.
pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
const OCI_CONFIG: &str = "application/vnd.oci.image.config.v1+json";
const OCI_LAYER_GZIP: &str = "application/vnd.oci.image.layer.v1.tar+gzip";

/// Why a new image could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ComposeError {
    /// A `--change` value is not understood.
    #[error("invalid --change {change:?}: {why}")]
    BadChange {
        /// The value given.
        change: String,
        /// What is wrong with it.
        why: String,
    },
    /// The input is not a tar archive.
    #[error("the input is not a tar archive ({0}): give a tar file, plain or compressed with gzip or zstd")]
    NotATar(String),
    /// A download for `import URL` failed.
    #[error("cannot download {url}: {why}")]
    Download {
        /// The URL.
        url: String,
        /// What went wrong.
        why: String,
    },
    /// The base image's configuration cannot be used.
    #[error("the base image's configuration is unusable: {0}")]
    BadBaseConfig(String),
    /// Reading or writing the layer failed.
    #[error("{0}: {1}")]
    Io(&'static str, io::Error),
    /// The store refused.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// A layer stored as a blob.
#[derive(Clone, Debug)]
pub struct StoredLayer {
    /// sha256 of the uncompressed tar.
    pub diff_id: Digest,
    /// The blob (gzip-compressed).
    pub blob: LayerRef,
}

/// A writer that hashes and counts what passes through it.
struct Hashing<W> {
    inner: W,
    hasher: Sha256,
    count: u64,
}

impl<W> Hashing<W> {
    fn new(inner: W) -> Self {
        Hashing {
            inner,
            hasher: Sha256::new(),
            count: 0,
        }
    }

    fn digest(&self) -> Digest {
        Digest::from_sha256(&self.hasher.clone().finalize())
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Store the uncompressed layer tar `tar` as a gzip blob. The tar is first checked
/// to be one (every header readable), then compressed through a temp file of the
/// store; the blob is verified against its digest as it is stored.
pub fn store_layer(store: &Store, mut tar: File) -> Result<StoredLayer, ComposeError> {
    let io_err = |what| move |e| ComposeError::Io(what, e);
    tar.rewind().map_err(io_err("rewind the layer"))?;
    check_tar(&mut tar)?;
    tar.rewind().map_err(io_err("rewind the layer"))?;
    let temp = tempfile::tempfile_in(&store.root).map_err(io_err("create a temp file"))?;
    let blob = Hashing::new(BufWriter::with_capacity(256 * 1024, temp));
    let mut diff = Hashing::new(GzEncoder::new(blob, flate2::Compression::fast()));
    io::copy(&mut tar, &mut diff).map_err(io_err("compress the layer"))?;
    let diff_id = diff.digest();
    let blob = diff.inner.finish().map_err(io_err("compress the layer"))?;
    let (digest, size) = (blob.digest(), blob.count);
    let mut compressed = blob
        .inner
        .into_inner()
        .map_err(|e| ComposeError::Io("write the layer", e.into_error()))?;
    compressed.rewind().map_err(io_err("rewind the layer"))?;
    let mut w = store.blobs.create(&digest, Some(size))?;
    io::copy(&mut compressed, &mut w).map_err(io_err("store the layer"))?;
    w.commit()?;
    Ok(StoredLayer {
        diff_id,
        blob: LayerRef {
            digest,
            size,
            media_type: OCI_LAYER_GZIP.into(),
        },
    })
}

/// Store a tar archive given by the user (plain, gzip or zstd, told apart by their
/// first bytes) as a layer: it is decompressed into a temp file of the store first.
pub fn import_layer(store: &Store, input: impl Read) -> Result<StoredLayer, ComposeError> {
    let io_err = |what| move |e| ComposeError::Io(what, e);
    let mut input = io::BufReader::with_capacity(256 * 1024, input);
    let head = io::BufRead::fill_buf(&mut input).map_err(io_err("read the archive"))?;
    if head.is_empty() {
        return Err(ComposeError::NotATar(
            "the input is empty (give a tar archive, plain, gzip or zstd)".into(),
        ));
    }
    let mut temp = tempfile::tempfile_in(&store.root).map_err(io_err("create a temp file"))?;
    let copied = if head.starts_with(&[0x1f, 0x8b]) {
        io::copy(&mut flate2::read::MultiGzDecoder::new(input), &mut temp)
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        let mut z = zstd::Decoder::with_buffer(input).map_err(io_err("read the archive"))?;
        io::copy(&mut z, &mut temp)
    } else {
        io::copy(&mut input, &mut temp)
    };
    copied.map_err(|e| ComposeError::NotATar(format!("decompress: {e}")))?;
    store_layer(store, temp)
}

/// Every entry header of `tar` must parse (an empty archive is fine), and no entry
/// may name a path through `..` (the unpacker would refuse the layer later anyway).
fn check_tar(tar: &mut File) -> Result<(), ComposeError> {
    let mut archive = tar::Archive::new(tar);
    let entries = archive
        .entries()
        .map_err(|e| ComposeError::NotATar(e.to_string()))?;
    for entry in entries {
        let mut entry = entry.map_err(|e| ComposeError::NotATar(e.to_string()))?;
        let path = entry
            .path()
            .map_err(|e| ComposeError::NotATar(e.to_string()))?;
        if path
            .components()
            .any(|c| c == std::path::Component::ParentDir)
        {
            return Err(ComposeError::NotATar(format!(
                "the entry {:?} climbs out of the root with ..",
                path.display().to_string()
            )));
        }
        io::copy(&mut entry, &mut io::sink()).map_err(|e| ComposeError::NotATar(e.to_string()))?;
    }
    Ok(())
}

/// What a new image is made of.
#[derive(Debug)]
pub struct Draft {
    /// The base image's configuration (the whole JSON), or None for an image of its own.
    pub base_config: Option<Value>,
    /// The base image's layers, bottom first.
    pub base_layers: Vec<LayerRef>,
    /// The new top layer.
    pub layer: StoredLayer,
    /// Changes to the `config` object, in order.
    pub changes: Vec<ConfigChange>,
    /// Creation time, RFC 3339.
    pub created: String,
    /// The history entry's `created_by`.
    pub created_by: String,
    /// The history entry's comment (`-m`).
    pub comment: Option<String>,
    /// `-a`.
    pub author: Option<String>,
    /// Platform of an image without a base.
    pub architecture: String,
}

/// An empty configuration for `architecture`/linux.
fn empty_config(architecture: &str) -> Value {
    json!({
        "architecture": architecture,
        "os": "linux",
        "config": {},
        "rootfs": {"type": "layers", "diff_ids": []},
        "history": []
    })
}

/// Docker's layer media types as their OCI equivalents (the manifest is OCI).
fn oci_layer_type(media_type: &str) -> String {
    match media_type {
        "application/vnd.docker.image.rootfs.diff.tar.gzip" => OCI_LAYER_GZIP.into(),
        "application/vnd.docker.image.rootfs.diff.tar" => {
            "application/vnd.oci.image.layer.v1.tar".into()
        }
        other => other.into(),
    }
}

/// The configuration of the new image.
fn new_config(draft: &Draft) -> Result<Value, ComposeError> {
    let mut config = draft
        .base_config
        .clone()
        .unwrap_or_else(|| empty_config(&draft.architecture));
    if !config.is_object() {
        return Err(ComposeError::BadBaseConfig("not a JSON object".into()));
    }
    config["created"] = json!(draft.created);
    match &draft.author {
        Some(a) => config["author"] = json!(a),
        None => {
            if let Some(o) = config.as_object_mut() {
                o.remove("author");
            }
        }
    }
    for change in &draft.changes {
        change.apply(&mut config["config"]);
    }
    let diff_ids = &mut config["rootfs"]["diff_ids"];
    if !diff_ids.is_array() {
        return Err(ComposeError::BadBaseConfig(
            "rootfs.diff_ids is not a list".into(),
        ));
    }
    if let Some(ids) = diff_ids.as_array_mut() {
        ids.push(json!(draft.layer.diff_id.as_str()));
    }
    config["rootfs"]["type"] = json!("layers");
    let mut entry = json!({"created": draft.created, "created_by": draft.created_by});
    if let Some(c) = &draft.comment {
        entry["comment"] = json!(c);
    }
    if let Some(a) = &draft.author {
        entry["author"] = json!(a);
    }
    if !config["history"].is_array() {
        config["history"] = json!([]);
    }
    if let Some(h) = config["history"].as_array_mut() {
        h.push(entry);
    }
    Ok(config)
}

/// Store the configuration and manifest of `draft` and record the image under
/// `name` (if any). Returns the new image.
pub fn commit_image(
    store: &Store,
    draft: &Draft,
    name: Option<&str>,
) -> Result<ImageRecord, ComposeError> {
    let config = new_config(draft)?;
    let config_bytes =
        serde_json::to_vec(&config).map_err(|e| ComposeError::BadBaseConfig(e.to_string()))?;
    let config_digest = Digest::of_bytes(&config_bytes);
    let mut layers: Vec<LayerRef> = draft.base_layers.clone();
    layers.push(draft.layer.blob.clone());
    let manifest = json!({
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "config": {"mediaType": OCI_CONFIG, "digest": config_digest.as_str(), "size": config_bytes.len()},
        "layers": layers.iter().map(|l| json!({
            "mediaType": oci_layer_type(&l.media_type),
            "digest": l.digest.as_str(),
            "size": l.size,
        })).collect::<Vec<_>>(),
    });
    let manifest_bytes =
        serde_json::to_vec(&manifest).map_err(|e| ComposeError::BadBaseConfig(e.to_string()))?;
    let manifest_digest = Digest::of_bytes(&manifest_bytes);
    store.blobs.put(&config_digest, &config_bytes)?;
    store.blobs.put(&manifest_digest, &manifest_bytes)?;
    let size = config_bytes.len() as u64 + layers.iter().map(|l| l.size).sum::<u64>();
    let record = ImageRecord {
        id: config_digest.hex().to_string(),
        digest: manifest_digest.clone(),
        manifest_digest,
        manifest_media_type: OCI_MANIFEST.into(),
        config_digest,
        created: Some(draft.created.clone()),
        architecture: config["architecture"]
            .as_str()
            .unwrap_or("amd64")
            .to_string(),
        os: config["os"].as_str().unwrap_or("linux").to_string(),
        variant: config["variant"].as_str().map(String::from),
        size,
        layers,
        added: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0),
    };
    store.db.commit_image(&record, name, None)?;
    Ok(record)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_of(bytes: &[u8]) -> File {
        let mut f = tempfile::tempfile().unwrap();
        f.write_all(bytes).unwrap();
        f.rewind().unwrap();
        f
    }

    #[test]
    fn check_tar_refuses_what_is_no_tar() {
        let junk = "not a tar archive\n".repeat(100);
        assert!(check_tar(&mut file_of(junk.as_bytes())).is_err());
        let mut b = tar::Builder::new(Vec::new());
        let mut h = tar::Header::new_gnu();
        h.set_size(2);
        h.set_cksum();
        b.append_data(&mut h, "f", &b"hi"[..]).unwrap();
        let good = b.into_inner().unwrap();
        check_tar(&mut file_of(&good)).unwrap();
        assert!(check_tar(&mut file_of(&good[..700])).is_err(), "truncated");
        let mut h = tar::Header::new_gnu();
        let name = b"a/../../escape";
        h.as_gnu_mut().unwrap().name[..name.len()].copy_from_slice(name);
        h.set_size(0);
        h.set_cksum();
        let mut b = tar::Builder::new(Vec::new());
        b.append(&h, std::io::empty()).unwrap();
        let climbing = b.into_inner().unwrap();
        let err = check_tar(&mut file_of(&climbing)).unwrap_err().to_string();
        assert!(err.contains("a/../../escape"), "{err}");
    }
}
