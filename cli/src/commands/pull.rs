//! `coracle pull`

use anyhow::Result;
use coracle_image::platform::Platform;
use coracle_image::pull::{pull_by_name, PullOptions};

use crate::args::PullArgs;
use crate::context::{io_runtime, Context};

/// Pull an image and print its ID.
pub fn run(ctx: &Context, args: PullArgs) -> Result<i32> {
    let mut platform = args.platform.as_deref().map(Platform::parse).transpose()?;
    if let Some(arch) = &args.arch {
        let mut p = platform.unwrap_or_else(Platform::host);
        p.architecture = arch.clone();
        p.variant = None;
        platform = Some(p);
    }
    let opts = PullOptions {
        transport: super::transport(&args.registry, args.creds.as_deref())?,
        platform,
        max_parallel: usize::from(args.max_parallel),
    };
    let conf = ctx.registries()?;
    let store = ctx.store()?;
    let progress = crate::progress::for_stderr(args.quiet);
    let outcome = io_runtime()?.block_on(pull_by_name(
        &store,
        &ctx.paths,
        &conf,
        &args.image,
        &opts,
        progress,
    ))?;
    crate::output::print(&format!("{}\n", outcome.id));
    Ok(0)
}
