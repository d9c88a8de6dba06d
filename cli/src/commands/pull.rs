//! `coracle pull`: fetch and verify every blob while the layers unpack in the user
//! namespace, then record the image.

use coracle_storage::events::{self, Event, EventType};
use std::sync::Arc;

use anyhow::Result;
use coracle_image::platform::Platform;
use coracle_image::pull::{self, pull_by_name, PullOptions, PullOutcome};
use coracle_image::sink::{LayerFeed, LayerSink, LayerStart};
use coracle_image::transport::ImageSource;
use coracle_runtime::fs::stream_unpack::StreamingUnpacker;
use coracle_storage::Store;

use crate::args::{PullArgs, RegistryArgs};
use crate::context::{io_runtime, Context};

/// Build pull options from the flags shared by `pull` and `run`.
pub(crate) fn options(
    platform: Option<&str>,
    arch: Option<&str>,
    registry: &RegistryArgs,
    creds: Option<&str>,
    parallel: usize,
) -> Result<PullOptions> {
    let mut platform = platform.map(Platform::parse).transpose()?;
    if let Some(arch) = arch {
        let mut p = platform.unwrap_or_else(Platform::host);
        p.architecture = arch.to_string();
        p.variant = None;
        platform = Some(p);
    }
    Ok(PullOptions {
        transport: super::transport(registry, creds)?,
        platform,
        max_parallel: parallel,
    })
}

/// Bring the image `name` into `store`: from an archive or layout when it starts with
/// one of Podman's transports (`docker-archive:`, `oci-archive:`, `oci:`, `dir:`),
/// else from a registry (`docker://` optional). Returns the image ID.
pub(crate) fn pull_image(
    ctx: &Context,
    store: &Store,
    name: &str,
    opts: &PullOptions,
    quiet: bool,
) -> Result<String> {
    match ImageSource::parse(name) {
        ImageSource::Registry(reference) => {
            Ok(pull_from_registry(ctx, store, &reference, opts, quiet)?.id)
        }
        source => super::load::pull_from_archive(ctx, store, &source),
    }
}

/// Pull `name` into `store`: download and unpack as one stream (the unpack helper
/// starts before the I/O runtime, which is gone before any other namespace work),
/// unpack what the stream did not cover (blobs already present), commit. Used by
/// `pull` and by `run`.
fn pull_from_registry(
    ctx: &Context,
    store: &Store,
    name: &str,
    opts: &PullOptions,
    quiet: bool,
) -> Result<PullOutcome> {
    let conf = ctx.registries()?;
    let progress = crate::progress::for_stderr(quiet);
    let (plan, warning) = coracle_runtime::ids::userns::current_user_plan(false);
    if let Some(w) = warning {
        crate::output::warn_once(&w);
    }
    let unpacker = Arc::new(StreamingUnpacker::start(
        store,
        plan.as_ref(),
        ctx.ignore_chown_errors(),
    )?);
    let outcome = {
        let sink: Arc<dyn LayerSink> = Arc::new(UnpackWhileDownloading(unpacker.clone()));
        let rt = io_runtime()?;
        let outcome = rt.block_on(pull_by_name(
            store,
            &ctx.paths,
            &conf,
            name,
            opts,
            progress,
            Some(sink),
        ));
        rt.shutdown_timeout(std::time::Duration::from_secs(5));
        outcome
    };
    // Stops the helper (dropping it does too, when a stray reference is left).
    let stopped = Arc::try_unwrap(unpacker).map(StreamingUnpacker::finish);
    let outcome = outcome?;
    if let Ok(result) = stopped {
        result?;
    }
    coracle_runtime::fs::layers::ensure_unpacked(
        store,
        &outcome.record,
        plan.as_ref(),
        ctx.ignore_chown_errors(),
    )?;
    pull::commit(store, &outcome)?;
    events::record(&Event::new(
        EventType::Image,
        "pull",
        &outcome.id,
        &outcome.reference.to_string(),
    ));
    Ok(outcome)
}

/// Hands each downloading layer to the unpack helper.
struct UnpackWhileDownloading(Arc<StreamingUnpacker>);

impl LayerSink for UnpackWhileDownloading {
    fn begin(&self, layer: &LayerStart) -> std::result::Result<Option<LayerFeed>, String> {
        let stream = self
            .0
            .begin(
                &layer.digest,
                &layer.chain_id,
                &layer.lower,
                &layer.diff_id,
                &layer.media_type,
            )
            .map_err(|e| e.to_string())?;
        let Some(stream) = stream else {
            return Ok(None);
        };
        let verdict = stream.verdict;
        LayerFeed::pipe(stream.input, move |verified| {
            Box::pin(verdict.send(verified))
        })
        .map(Some)
        .map_err(|e| format!("layer pipe: {e}"))
    }
}

/// Pull an image and print its ID.
pub fn run(ctx: &Context, args: PullArgs) -> Result<i32> {
    let opts = options(
        args.platform.as_deref(),
        args.arch.as_deref(),
        &args.registry,
        args.creds.as_deref(),
        usize::from(args.max_parallel),
    )?;
    let store = ctx.store()?;
    let id = pull_image(ctx, &store, &args.image, &opts, args.quiet)?;
    crate::output::print(&format!("{id}\n"));
    Ok(0)
}
