//! Pull: resolve the manifest (and the platform in an index), fetch the config, then
//! the layers in parallel with every byte hashed as it streams (and, given a
//! [`LayerSink`], handed to the unpacker on the way), and commit the image record only
//! once every blob is verified and in place.

use std::io::Write;
use std::sync::Arc;

use coracle_storage::{BlobStore, Digest, ImageRecord, LayerRef, StorageError, Store};
use futures_util::StreamExt;
use oci_client::manifest::OciDescriptor;
use tokio::io::AsyncWriteExt;
use tokio::sync::Semaphore;

use crate::client::{chain_message, RegistryClient, TransportOptions};
use crate::manifest::{self, ImageConfig, Manifest};
use crate::paths::ConfigPaths;
use crate::platform::Platform;
use crate::record::{self, checked, refuse_oversized};
use crate::reference::Reference;
use crate::registries::RegistriesConf;
use crate::sink::{LayerFeed, LayerSink, LayerStart};
use crate::transfer_error::TransferError;

/// Default number of blobs fetched at once (Podman's default too).
pub const DEFAULT_PARALLEL: usize = 6;

/// What the user asked of a pull besides the name.
#[derive(Clone, Debug)]
pub struct PullOptions {
    /// How to reach the registry.
    pub transport: TransportOptions,
    /// `--platform`; None means the host's.
    pub platform: Option<Platform>,
    /// How many blobs to fetch at once.
    pub max_parallel: usize,
}

impl Default for PullOptions {
    fn default() -> Self {
        PullOptions {
            transport: TransportOptions::default(),
            platform: None,
            max_parallel: DEFAULT_PARALLEL,
        }
    }
}

/// What a pull reports as it goes, for progress bars or plain lines.
#[derive(Clone, Debug)]
pub enum PullEvent {
    /// About to ask a registry for this reference.
    Trying(String),
    /// A blob is being fetched.
    BlobStart {
        /// The blob.
        digest: Digest,
        /// Its size.
        size: u64,
        /// Whether it is the config rather than a layer.
        config: bool,
    },
    /// Bytes of a blob have arrived (cumulative count).
    BlobProgress {
        /// The blob.
        digest: Digest,
        /// Bytes so far.
        done: u64,
    },
    /// A blob is verified and stored.
    BlobDone {
        /// The blob.
        digest: Digest,
    },
    /// A blob was already in the store.
    BlobExists {
        /// The blob.
        digest: Digest,
        /// Whether it is the config rather than a layer.
        config: bool,
    },
    /// The image record is being written.
    WritingManifest,
    /// Something went wrong that the pull works around (a mirror that failed).
    Warning(String),
}

/// Receives pull events; implemented by the CLI.
pub trait Progress: Send + Sync {
    /// Handle one event.
    fn event(&self, event: &PullEvent);
}

/// A progress sink that ignores everything.
pub struct NoProgress;
impl Progress for NoProgress {
    fn event(&self, _: &PullEvent) {}
}

/// The result of a successful pull.
#[derive(Clone, Debug)]
pub struct PullOutcome {
    /// The image ID (config digest hex).
    pub id: String,
    /// The digest of the manifest the reference resolved to.
    pub digest: Digest,
    /// The fully qualified reference that was pulled.
    pub reference: Reference,
    /// How many blobs were fetched (0 when everything was present).
    pub fetched: usize,
    /// The name to point at the image, "registry/repo:tag".
    pub name: Option<String>,
    /// "registry/repo@digest".
    pub repo_digest: String,
    /// The record to commit once the layers are unpacked.
    pub record: ImageRecord,
}

/// Pull the first candidate of `input` (resolved through registries.conf) that the
/// registries have, each from its mirrors in order and then its own location.
/// Errors of every tried candidate are reported when none works.
pub async fn pull_by_name(
    store: &Store,
    paths: &ConfigPaths,
    conf: &RegistriesConf,
    input: &str,
    opts: &PullOptions,
    progress: Arc<dyn Progress>,
    sink: Option<Arc<dyn LayerSink>>,
) -> Result<PullOutcome, TransferError> {
    let candidates = conf.resolve_for_pull(input)?;
    log::debug!(
        "{input} resolves to {}",
        candidates
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut last: Option<TransferError> = None;
    let count = candidates.len();
    for candidate in candidates {
        match pull_through_mirrors(store, paths, conf, &candidate, opts, &progress, &sink).await {
            Ok(o) => return Ok(o),
            Err(e @ TransferError::NotFound { .. }) | Err(e @ TransferError::Registry { .. })
                if count > 1 =>
            {
                last = Some(e)
            }
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| TransferError::NotFound {
        reference: input.to_string(),
    }))
}

/// Pull `wanted` from the first of its registries.conf mirrors that has it (a failing
/// mirror is a warning), else from its location; the outcome names `wanted`.
async fn pull_through_mirrors(
    store: &Store,
    paths: &ConfigPaths,
    conf: &RegistriesConf,
    wanted: &Reference,
    opts: &PullOptions,
    progress: &Arc<dyn Progress>,
    sink: &Option<Arc<dyn LayerSink>>,
) -> Result<PullOutcome, TransferError> {
    let repository = wanted.repo_name();
    if conf.is_blocked(&repository) {
        return Err(TransferError::Blocked(repository));
    }
    for source in conf.pull_sources(wanted)? {
        let mut source_opts = opts.clone();
        if source.insecure && source_opts.transport.tls_verify.is_none() {
            source_opts.transport.tls_verify = Some(false);
        }
        let pulled = pull(
            store,
            paths,
            conf,
            &source.reference,
            &source_opts,
            progress.clone(),
            sink.clone(),
        )
        .await;
        match pulled {
            Ok(outcome) => return Ok(renamed(outcome, wanted)),
            Err(e) if source.mirror => progress.event(&PullEvent::Warning(format!(
                "mirror {} failed, trying the next source: {e}",
                source.reference
            ))),
            Err(e) => return Err(e),
        }
    }
    Err(TransferError::NotFound {
        reference: wanted.to_string(),
    })
}

/// An outcome pulled from a mirror or a relocated registry, named as the user asked.
fn renamed(mut outcome: PullOutcome, wanted: &Reference) -> PullOutcome {
    if &outcome.reference != wanted {
        outcome.name = wanted.tagged_name();
        outcome.repo_digest = format!("{}@{}", wanted.repo_name(), outcome.digest);
        outcome.reference = wanted.clone();
    }
    outcome
}

/// Fetch one fully qualified reference into the blob store (every blob verified),
/// handing each downloaded layer to `sink` as it streams. Nothing names the image
/// until [`commit`] records it.
pub async fn pull(
    store: &Store,
    paths: &ConfigPaths,
    conf: &RegistriesConf,
    reference: &Reference,
    opts: &PullOptions,
    progress: Arc<dyn Progress>,
    sink: Option<Arc<dyn LayerSink>>,
) -> Result<PullOutcome, TransferError> {
    let repository = format!("{}/{}", reference.registry, reference.repository);
    if conf.is_blocked(&repository) {
        return Err(TransferError::Blocked(repository));
    }
    let _lock = store.shared_lock()?;
    log::debug!("pulling {reference}");
    progress.event(&PullEvent::Trying(reference.to_string()));
    let rc = RegistryClient::connect(
        &reference.registry,
        Some(&reference.repository),
        paths,
        conf,
        &opts.transport,
    )
    .await?;
    let oci_ref = reference.to_oci();
    let what = reference.to_string();

    // The top-level manifest: always fetched, so a moved tag is noticed.
    let top_bytes = rc
        .fetch_manifest(&oci_ref, manifest::ACCEPTED, &what)
        .await?;
    let top_digest = Digest::of_bytes(&top_bytes);
    if let Some(want) = &reference.digest {
        if want != &top_digest {
            return Err(TransferError::ManifestDigestMismatch {
                expected: want.to_string(),
                actual: top_digest.to_string(),
            });
        }
    }
    let (top, top_type) = Manifest::parse(&top_bytes, None)?;
    let platform = opts.platform.clone().unwrap_or_else(Platform::host);

    let (image_manifest, manifest_digest, manifest_type) = match top {
        Manifest::Image(m) => {
            store.blobs.put(&top_digest, &top_bytes)?;
            (m, top_digest.clone(), top_type)
        }
        Manifest::Index(index) => {
            store.blobs.put(&top_digest, &top_bytes)?;
            let entry = index.select(&platform)?;
            let (digest, size) = checked(entry)?;
            refuse_oversized("manifest", &digest, size)?;
            let bytes = if store.blobs.contains(&digest) {
                store.blobs.read(&digest)?
            } else {
                let by_digest = oci_ref.clone_with_digest(digest.to_string());
                let what = format!("{}@{digest}", reference.repo_name());
                let bytes = rc
                    .fetch_manifest(&by_digest, manifest::ACCEPTED, &what)
                    .await?;
                store.blobs.put(&digest, &bytes)?;
                bytes
            };
            match Manifest::parse(&bytes, Some(&entry.media_type))? {
                (Manifest::Image(m), mt) => (m, digest, mt),
                (Manifest::Index(_), _) => {
                    return Err(TransferError::Unsupported("nested manifest lists".into()))
                }
            }
        }
    };

    // Check every descriptor before fetching anything.
    let parts = record::parts(&image_manifest)?;
    let config_desc = (parts.config_digest.clone(), parts.config_size);
    let layers = parts.layers.clone();

    // The config first: its diff IDs name the layers' unpacked directories.
    let config_wanted = vec![Wanted {
        digest: config_desc.0.clone(),
        size: config_desc.1,
        is_config: true,
        start: None,
    }];
    let mut fetched = fetch_blobs(
        &rc,
        &oci_ref,
        &store.blobs,
        config_wanted,
        opts.max_parallel,
        progress.clone(),
        None,
    )
    .await?;
    let config = ImageConfig::parse(&store.blobs.read(&config_desc.0)?)?;
    let starts = layer_starts(&layers, &config);
    let mut wanted: Vec<Wanted> = Vec::with_capacity(layers.len());
    for (i, l) in layers.iter().enumerate() {
        if !wanted.iter().any(|w| w.digest == l.digest) {
            wanted.push(Wanted {
                digest: l.digest.clone(),
                size: l.size,
                is_config: false,
                start: starts.as_ref().map(|s| s[i].clone()),
            });
        }
    }
    fetched += fetch_blobs(
        &rc,
        &oci_ref,
        &store.blobs,
        wanted,
        opts.max_parallel,
        progress.clone(),
        sink,
    )
    .await?;

    progress.event(&PullEvent::WritingManifest);
    let record = record::image_record(&top_digest, manifest_digest, manifest_type, parts, &config);
    let repo_digest = format!("{}@{}", reference.repo_name(), top_digest);
    Ok(PullOutcome {
        id: record.id.clone(),
        digest: top_digest,
        reference: reference.clone(),
        fetched,
        // A pull by digest alone names no tag (as Podman).
        name: reference.tagged_name(),
        repo_digest,
        record,
    })
}

/// Record a pulled image (after its layers are unpacked): one transaction that
/// adds the image and points its name at it.
pub fn commit(store: &Store, outcome: &PullOutcome) -> Result<(), TransferError> {
    store.db.commit_image(
        &outcome.record,
        outcome.name.as_deref(),
        Some(&outcome.repo_digest),
    )?;
    Ok(())
}

/// What the unpacker needs to know of each layer (by position), or None when the
/// configuration's diff IDs do not match the layers (the unpack after the pull then
/// reports the problem).
fn layer_starts(layers: &[LayerRef], config: &ImageConfig) -> Option<Vec<LayerStart>> {
    if config.rootfs.diff_ids.len() != layers.len() {
        return None;
    }
    let diff_ids = config
        .rootfs
        .diff_ids
        .iter()
        .map(|d| Digest::parse(d).ok())
        .collect::<Option<Vec<Digest>>>()?;
    let chains = coracle_storage::layers::chain_ids(&diff_ids);
    Some(
        layers
            .iter()
            .zip(diff_ids)
            .enumerate()
            .map(|(i, (l, diff_id))| LayerStart {
                digest: l.digest.clone(),
                media_type: l.media_type.clone(),
                diff_id,
                chain_id: chains[i].clone(),
                lower: chains[..i].iter().rev().cloned().collect(),
            })
            .collect(),
    )
}

/// One blob to fetch.
struct Wanted {
    digest: Digest,
    size: u64,
    is_config: bool,
    /// For a layer: what a [`LayerSink`] is told about it.
    start: Option<LayerStart>,
}

/// Fetch the blobs not yet stored, up to `parallel` at once. Returns how many were fetched.
async fn fetch_blobs(
    rc: &RegistryClient,
    oci_ref: &oci_client::Reference,
    blobs: &BlobStore,
    wanted: Vec<Wanted>,
    parallel: usize,
    progress: Arc<dyn Progress>,
    sink: Option<Arc<dyn LayerSink>>,
) -> Result<usize, TransferError> {
    let semaphore = Arc::new(Semaphore::new(parallel.max(1)));
    let mut tasks = Vec::new();
    for w in wanted {
        if blobs.contains(&w.digest) {
            progress.event(&PullEvent::BlobExists {
                digest: w.digest,
                config: w.is_config,
            });
            continue;
        }
        let semaphore = semaphore.clone();
        let progress = progress.clone();
        let sink = match (&sink, w.start) {
            (Some(sink), Some(start)) => Some((sink.clone(), start)),
            _ => None,
        };
        let fut = fetch_one(
            rc,
            oci_ref,
            blobs,
            w.digest,
            w.size,
            w.is_config,
            semaphore,
            progress,
            sink,
        );
        tasks.push(fut);
    }
    let count = tasks.len();
    // Run the fetches concurrently on this task; the first failure aborts the rest
    // (their temp files are removed when their writers drop).
    let mut stream = futures_util::stream::iter(tasks).buffer_unordered(parallel.max(1));
    while let Some(result) = stream.next().await {
        result?;
    }
    Ok(count)
}

/// Stream one blob into the store, hashing as it arrives.
#[allow(clippy::too_many_arguments)]
async fn fetch_one(
    rc: &RegistryClient,
    oci_ref: &oci_client::Reference,
    blobs: &BlobStore,
    digest: Digest,
    size: u64,
    is_config: bool,
    semaphore: Arc<Semaphore>,
    progress: Arc<dyn Progress>,
    sink: Option<(Arc<dyn LayerSink>, LayerStart)>,
) -> Result<(), TransferError> {
    let _permit = semaphore
        .acquire_owned()
        .await
        .map_err(|e| TransferError::Registry {
            registry: rc.registry.clone(),
            detail: e.to_string(),
        })?;
    progress.event(&PullEvent::BlobStart {
        digest: digest.clone(),
        size,
        config: is_config,
    });
    let unpack_error = |detail: String| TransferError::Unpack {
        digest: digest.to_string(),
        detail,
    };
    let mut feed = match &sink {
        Some((sink, start)) => sink.begin(start).map_err(unpack_error)?,
        None => None,
    };
    let result = download(rc, oci_ref, blobs, &digest, size, feed.as_mut(), &progress).await;
    if let Some(feed) = feed {
        let LayerFeed { writer, finish } = feed;
        drop(writer);
        let unpacked = finish(result.is_ok()).await;
        // A download error says more than the unpacker's view of a cut stream.
        result?;
        unpacked.map_err(unpack_error)?;
    } else {
        result?;
    }
    progress.event(&PullEvent::BlobDone { digest });
    Ok(())
}

/// Stream one blob into the store (and to `feed`), then verify and commit it.
async fn download(
    rc: &RegistryClient,
    oci_ref: &oci_client::Reference,
    blobs: &BlobStore,
    digest: &Digest,
    size: u64,
    mut feed: Option<&mut LayerFeed>,
    progress: &Arc<dyn Progress>,
) -> Result<(), TransferError> {
    let desc = OciDescriptor {
        digest: digest.to_string(),
        size: size as i64,
        ..Default::default()
    };
    let mut stream = rc
        .client
        .pull_blob_stream(oci_ref, &desc)
        .await
        .map_err(|e| rc.error(&format!("blob {digest}"), e))?;
    let mut writer = blobs.create(digest, Some(size))?;
    let mut last_report = 0u64;
    while let Some(chunk) = stream.next().await {
        let chunk = match chunk {
            Ok(c) => c,
            // oci-client's own verification fails at the end of the stream; ours names
            // both digests, so let the writer decide when every byte has arrived.
            Err(_) if writer.written() == size => break,
            Err(e) => {
                return Err(TransferError::Registry {
                    registry: rc.registry.clone(),
                    detail: format!("reading blob {digest}: {}", chain_message(&e)),
                })
            }
        };
        if let Err(e) = writer.write_all(&chunk) {
            return Err(
                match e
                    .get_ref()
                    .and_then(|inner| inner.downcast_ref::<StorageError>())
                {
                    Some(_) => TransferError::Storage(StorageError::SizeMismatch {
                        digest: digest.clone(),
                        expected: size,
                        actual: writer.written() + chunk.len() as u64,
                    }),
                    None => TransferError::Storage(StorageError::io(blobs.path(digest), e)),
                },
            );
        }
        if let Some(f) = feed.as_mut() {
            // A feed that fails (the unpacker gave up) is dropped; its error comes
            // back from `finish`, once the blob itself is complete.
            if f.writer.write_all(&chunk).await.is_err() {
                feed = None;
            }
        }
        let done = writer.written();
        if done - last_report >= 256 * 1024 || done == size {
            last_report = done;
            progress.event(&PullEvent::BlobProgress {
                digest: digest.clone(),
                done,
            });
        }
    }
    writer.commit()?;
    Ok(())
}
