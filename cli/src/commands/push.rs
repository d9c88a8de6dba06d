//! `coracle push`

use anyhow::{Context as _, Result};
use coracle_image::lookup::find_image;
use coracle_image::push::{push, PushProgress};
use coracle_image::Reference;
use coracle_storage::events::{self, Event, EventType};
use coracle_storage::Digest;

use crate::args::PushArgs;
use crate::context::{io_runtime, Context};

struct Lines {
    quiet: bool,
}

impl PushProgress for Lines {
    fn blob(&self, digest: &Digest, skipped: bool) {
        if !self.quiet {
            let tail = if skipped {
                " skipped: already exists"
            } else {
                ""
            };
            eprintln!("Copying blob {}{tail}", &digest.hex()[..12]);
        }
    }
}

/// Push a stored image to a registry.
pub fn run(ctx: &Context, args: PushArgs) -> Result<i32> {
    let conf = ctx.registries()?;
    let store = ctx.store()?;
    let image = find_image(&store, &conf, &args.image)?;
    let dest_text = args.destination.as_deref().unwrap_or(&args.image);
    let dest_text = dest_text.strip_prefix("docker://").unwrap_or(dest_text);
    let dest = Reference::parse(dest_text)?;
    let transport = super::transport(&args.registry, args.creds.as_deref())?;
    if !args.quiet {
        eprintln!("Getting image source signatures");
    }
    let digest = io_runtime()?.block_on(push(
        &store,
        &ctx.paths,
        &conf,
        &image,
        &dest,
        &transport,
        &Lines { quiet: args.quiet },
    ))?;
    if !args.quiet {
        eprintln!("Writing manifest to image destination");
    }
    events::record(&Event::new(
        EventType::Image,
        "push",
        &image.record.id,
        &dest.to_string(),
    ));
    if let Some(file) = &args.digestfile {
        std::fs::write(file, digest.as_str())
            .with_context(|| format!("cannot write {}", file.display()))?;
    }
    Ok(0)
}
