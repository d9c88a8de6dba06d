//! `coracle pull`: fetch and verify every blob, unpack the layers in the user
//! namespace, then record the image.

use anyhow::Result;
use coracle_image::platform::Platform;
use coracle_image::pull::{self, pull_by_name, PullOptions, PullOutcome};
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

/// Pull `name` into `store`: download (on a temporary I/O runtime, gone before any
/// namespace work), unpack, commit. Used by `pull` and by `run`.
pub(crate) fn pull_image(
    ctx: &Context,
    store: &Store,
    name: &str,
    opts: &PullOptions,
    quiet: bool,
) -> Result<PullOutcome> {
    let conf = ctx.registries()?;
    let progress = crate::progress::for_stderr(quiet);
    let outcome = {
        let rt = io_runtime()?;
        let outcome = rt.block_on(pull_by_name(store, &ctx.paths, &conf, name, opts, progress));
        rt.shutdown_timeout(std::time::Duration::from_secs(5));
        outcome?
    };
    let (plan, warning) = coracle_runtime::userns::current_user_plan(false);
    if let Some(w) = warning {
        eprintln!("WARN[0000] {w}");
    }
    coracle_runtime::layers::ensure_unpacked(
        store,
        &outcome.record,
        plan.as_ref(),
        ctx.ignore_chown_errors(),
    )?;
    pull::commit(store, &outcome)?;
    Ok(outcome)
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
    let outcome = pull_image(ctx, &store, &args.image, &opts, args.quiet)?;
    crate::output::print(&format!("{}\n", outcome.id));
    Ok(0)
}
