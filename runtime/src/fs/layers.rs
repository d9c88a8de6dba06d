//! Unpacking an image's layers into per-layer directories (keyed by chain ID) inside
//! the rootless user namespace, so that files get the owners the image gives them.
//! Blobs are unpacked only after their digest was verified by the pull; the
//! uncompressed digest is checked against the image configuration's diff IDs.

use std::path::{Path, PathBuf};

use coracle_storage::layers::{chain_ids, LayerStore};
use coracle_storage::unpack::{self, Compression, UnpackOptions, UnpackStats};
use coracle_storage::{Digest, ImageRecord, Store};

use crate::error::{Result, RuntimeError};
use crate::ids::idmap::UserNsPlan;
use crate::ids::userns::run_in_userns;

/// One layer to unpack: its blob (path and digest), compression, expected diff ID,
/// chain ID, and the chain IDs of the layers below it (nearest first).
#[derive(Clone, Debug)]
struct Job {
    blob: PathBuf,
    digest: Digest,
    compression: Compression,
    diff_id: Digest,
    chain_id: Digest,
    lower: Vec<Digest>,
}

/// The chain IDs of an image's layers, bottom first, from its stored configuration.
pub fn image_chain_ids(store: &Store, image: &ImageRecord) -> Result<Vec<Digest>> {
    Ok(chain_ids(&diff_ids(store, image)?))
}

fn diff_ids(store: &Store, image: &ImageRecord) -> Result<Vec<Digest>> {
    let config = store
        .blobs
        .read(&image.config_digest)
        .map_err(|e| RuntimeError::Start(e.to_string()))?;
    let value: serde_json::Value = serde_json::from_slice(&config)
        .map_err(|e| RuntimeError::Start(format!("image configuration: {e}")))?;
    let ids = value["rootfs"]["diff_ids"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let ids: Vec<Digest> = ids
        .iter()
        .map(|v| {
            Digest::parse(v.as_str().unwrap_or_default())
                .map_err(|e| RuntimeError::Start(e.to_string()))
        })
        .collect::<Result<_>>()?;
    if ids.len() != image.layers.len() {
        return Err(RuntimeError::Start(format!(
            "image configuration lists {} diff IDs for {} layers",
            ids.len(),
            image.layers.len()
        )));
    }
    Ok(ids)
}

pub(crate) fn compression_of(media_type: &str) -> Compression {
    if media_type.ends_with("zstd") {
        Compression::Zstd
    } else if media_type.ends_with("gzip") {
        Compression::Gzip
    } else {
        Compression::None
    }
}

/// Make sure every layer of `image` is unpacked; unpack the missing ones in parallel
/// inside the user namespace. Returns the layer directories, top first (overlay order).
pub fn ensure_unpacked(
    store: &Store,
    image: &ImageRecord,
    plan: Option<&UserNsPlan>,
    ignore_chown_errors: bool,
) -> Result<Vec<PathBuf>> {
    let layer_store =
        LayerStore::new(&store.root).map_err(|e| RuntimeError::Start(e.to_string()))?;
    let diffs = diff_ids(store, image)?;
    let chains = chain_ids(&diffs);
    let mut jobs = Vec::new();
    for (i, ((layer, diff_id), chain_id)) in
        image.layers.iter().zip(&diffs).zip(&chains).enumerate()
    {
        if !layer_store.contains(chain_id) && !jobs.iter().any(|j: &Job| &j.chain_id == chain_id) {
            jobs.push(Job {
                blob: store.blobs.path(&layer.digest),
                digest: layer.digest.clone(),
                compression: compression_of(&layer.media_type),
                diff_id: diff_id.clone(),
                chain_id: chain_id.clone(),
                lower: chains[..i].iter().rev().cloned().collect(),
            });
        }
    }
    if !jobs.is_empty() {
        let opts = unpack_options(plan.is_some(), ignore_chown_errors);
        run_in_userns(plan, || {
            // Leftovers of pulls that were killed while unpacking.
            let _ = layer_store.clean_stale_temp();
            unpack_all(&layer_store, &jobs, &opts)
        })?;
    }
    Ok(chains.iter().rev().map(|c| layer_store.path(c)).collect())
}

/// How layers are unpacked: in a user namespace the overlay xattrs must be `user.*`.
pub(crate) fn unpack_options(in_userns: bool, ignore_chown_errors: bool) -> UnpackOptions {
    UnpackOptions {
        overlay_xattr_prefix: if in_userns {
            "user.overlay.".into()
        } else {
            "trusted.overlay.".into()
        },
        ignore_chown_errors,
        preserve_ownership: true,
        owner: None,
        whiteouts: true,
    }
}

/// In the user namespace: unpack every job into a temp directory, a thread each, then
/// commit them bottom-up, each checked against the layers below it (which are in
/// place by then). After a failure nothing more is committed and every temp
/// directory is removed.
fn unpack_all(
    layer_store: &LayerStore,
    jobs: &[Job],
    opts: &UnpackOptions,
) -> std::result::Result<(), String> {
    let unpacked: Vec<std::result::Result<(PathBuf, UnpackStats), String>> =
        std::thread::scope(|s| {
            let handles: Vec<_> = jobs
                .iter()
                .map(|job| s.spawn(move || unpack_one(layer_store, job, opts)))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err("unpack thread panicked".into()))
                })
                .collect()
        });
    let mut failure: Option<String> = None;
    for (job, result) in jobs.iter().zip(unpacked) {
        match result {
            Ok((temp, stats)) if failure.is_none() => {
                let layer = UnpackedLayer {
                    digest: &job.digest,
                    chain_id: &job.chain_id,
                    lower: &job.lower,
                };
                if let Err(e) = layer.commit(layer_store, &temp, &stats, opts) {
                    let _ = std::fs::remove_dir_all(&temp);
                    failure = Some(format!("layer {}: {e}", job.digest));
                }
            }
            Ok((temp, _)) => {
                let _ = std::fs::remove_dir_all(&temp);
            }
            Err(e) => {
                failure.get_or_insert(e);
            }
        }
    }
    failure.map_or(Ok(()), Err)
}

/// Unpack one job into a fresh temp directory (removed again on failure).
fn unpack_one(
    layer_store: &LayerStore,
    job: &Job,
    opts: &UnpackOptions,
) -> std::result::Result<(PathBuf, UnpackStats), String> {
    let file =
        std::fs::File::open(&job.blob).map_err(|e| format!("layer {}: {e}", job.blob.display()))?;
    let temp = layer_store
        .temp_dir(&job.chain_id)
        .map_err(|e| e.to_string())?;
    let reader = std::io::BufReader::with_capacity(1 << 20, file);
    match unpack_checked(reader, job.compression, &job.diff_id, &temp, opts) {
        Ok(stats) => Ok((temp, stats)),
        Err(e) => {
            let _ = std::fs::remove_dir_all(&temp);
            Err(format!("layer {}: {e}", job.digest))
        }
    }
}

/// A layer unpacked into a temp directory, about to be committed.
pub(crate) struct UnpackedLayer<'a> {
    /// Its blob's digest (names it in messages).
    pub digest: &'a Digest,
    /// Its chain ID (names its directory).
    pub chain_id: &'a Digest,
    /// The chain IDs of the layers below it, nearest first.
    pub lower: &'a [Digest],
}

impl UnpackedLayer<'_> {
    /// Can [`UnpackedLayer::commit`] check the layer now? Only a layer that created
    /// directories implicitly needs the layers below it, and they must be in place.
    pub fn checkable(&self, layer_store: &LayerStore, stats: &UnpackStats) -> bool {
        stats.implicit_dirs.is_empty() || self.lower.iter().all(|c| layer_store.contains(c))
    }

    /// Check the layer in `temp` against the layers below it (see
    /// [`unpack::check_lower_layers`]), warn about the device nodes it skipped, and
    /// rename it into place. The caller removes `temp` on failure, and names the layer
    /// in the error.
    pub fn commit(
        &self,
        layer_store: &LayerStore,
        temp: &Path,
        stats: &UnpackStats,
        opts: &UnpackOptions,
    ) -> std::result::Result<(), String> {
        let lower: Vec<PathBuf> = self.lower.iter().map(|c| layer_store.path(c)).collect();
        unpack::check_lower_layers(
            temp,
            &stats.implicit_dirs,
            &lower,
            &opts.overlay_xattr_prefix,
        )
        .map_err(|e| e.to_string())?;
        for device in &stats.skipped_devices {
            eprintln!(
                "warning: skipping device node /{device} in layer {}",
                self.digest
            );
        }
        layer_store
            .record_files(temp, self.chain_id)
            .and_then(|()| layer_store.commit(temp, self.chain_id))
            .map_err(|e| e.to_string())
    }
}

/// Unpack a compressed layer stream into `temp` and check its diff ID; the input is
/// read to its end either way the archive ends, so that a writer feeding it never
/// blocks. The caller removes `temp` on failure.
pub(crate) fn unpack_checked(
    mut input: impl std::io::Read + Send,
    compression: Compression,
    diff_id: &Digest,
    temp: &Path,
    opts: &UnpackOptions,
) -> std::result::Result<UnpackStats, String> {
    let stats = unpack::unpack(&mut input, compression, temp, opts).map_err(|e| e.to_string())?;
    std::io::copy(&mut input, &mut std::io::sink()).map_err(|e| e.to_string())?;
    if &stats.diff_id != diff_id {
        return Err(format!(
            "uncompressed content has digest {}, the image configuration says {diff_id}",
            stats.diff_id
        ));
    }
    Ok(stats)
}

/// Remove layer directories no stored image uses (inside the user namespace, since
/// their files belong to the image's owners), and stale temp directories of dead pulls.
pub fn remove_unused(store: &Store, plan: Option<&UserNsPlan>) -> Result<usize> {
    let layer_store =
        LayerStore::new(&store.root).map_err(|e| RuntimeError::Start(e.to_string()))?;
    let mut used = std::collections::HashSet::new();
    for image in store
        .db
        .list_images()
        .map_err(|e| RuntimeError::Start(e.to_string()))?
    {
        // An image whose configuration cannot be read keeps nothing alive.
        if let Ok(chains) = image_chain_ids(store, &image.record) {
            used.extend(chains.into_iter().map(|c| c.hex().to_string()));
        }
    }
    let dir = store.root.join("layers");
    let unused: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| {
            d.flatten()
                .filter(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.len() == 64
                        && name.bytes().all(|b| b.is_ascii_hexdigit())
                        && !used.contains(&name)
                })
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    let count = unused.len();
    let listings: Vec<PathBuf> = unused
        .iter()
        .filter_map(|p| p.file_name())
        .map(|name| store.root.join("layer-files").join(name))
        .collect();
    run_in_userns(plan, move || {
        let _ = layer_store.clean_stale_temp();
        for p in &unused {
            std::fs::remove_dir_all(p).map_err(|e| format!("remove {}: {e}", p.display()))?;
        }
        Ok(())
    })?;
    for listing in listings {
        let _ = std::fs::remove_file(listing);
    }
    Ok(count)
}
