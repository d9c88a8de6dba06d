//! `coracle load`, and pulls from the archive transports (`docker-archive:`,
//! `oci-archive:`, `oci:`, `dir:`): every blob is verified against its digest and
//! stored, the layers unpacked, and only then are the images recorded; on failure the
//! blobs the load added and the layers it unpacked are removed again.

use std::io::IsTerminal;

use anyhow::{bail, Context as _, Result};
use coracle_image::archive::import::{import, remove_blobs, Imported};
use coracle_image::archive::{self, Opened};
use coracle_image::transport::ImageSource;
use coracle_storage::Store;

use crate::args::LoadArgs;
use crate::context::Context;

/// Load the images of an archive file or of standard input.
pub fn load(ctx: &Context, args: LoadArgs) -> Result<i32> {
    let store = ctx.store()?;
    let _lock = store.shared_lock()?;
    let opened = match &args.input {
        Some(path) => {
            let file = std::fs::File::open(path)
                .with_context(|| format!("cannot open the archive {}", path.display()))?;
            archive::open_stream(&store.blobs, file)?
        }
        None => {
            let stdin = std::io::stdin();
            if stdin.is_terminal() {
                bail!("cannot read an archive from a terminal: use -i FILE or redirect standard input");
            }
            archive::open_stream(&store.blobs, stdin.lock())?
        }
    };
    for image in store_images(ctx, &store, opened)? {
        if args.quiet {
            continue;
        }
        if image.names.is_empty() {
            crate::output::print(&format!("Loaded image: sha256:{}\n", image.record.id));
        }
        for name in &image.names {
            crate::output::print(&format!("Loaded image: {name}\n"));
        }
    }
    Ok(0)
}

/// Bring in the image an archive transport names (for `pull`, `run`, `create`);
/// returns its ID.
pub(crate) fn pull_from_archive(
    ctx: &Context,
    store: &Store,
    source: &ImageSource,
) -> Result<String> {
    let _lock = store.shared_lock()?;
    let opened = archive::open_source(&store.blobs, source)?;
    if opened.images.len() > 1 {
        bail!(
            "the archive holds {} images: name one (docker-archive:FILE:NAME or :@N, oci-archive:FILE:REF)",
            opened.images.len()
        );
    }
    let mut images = store_images(ctx, store, opened)?;
    images
        .pop()
        .map(|i| i.record.id)
        .context("the archive holds no image")
}

/// Import, unpack and record every image of `opened`; all or nothing for the blobs.
fn store_images(ctx: &Context, store: &Store, opened: Opened) -> Result<Vec<Imported>> {
    let mut imported: Vec<Imported> = Vec::new();
    let result = import_and_unpack(ctx, store, &opened, &mut imported);
    if let Err(e) = result {
        for i in &imported {
            remove_blobs(&store.blobs, &i.added);
        }
        // Layers unpacked before the failure belong to no image: remove them too.
        let (plan, _) = coracle_runtime::ids::userns::current_user_plan(false);
        if let Err(cleanup) = coracle_runtime::fs::layers::remove_unused(store, plan.as_ref()) {
            crate::output::warn_once(&format!("cannot remove the unpacked layers: {cleanup}"));
        }
        return Err(e);
    }
    for image in &imported {
        let mut names = image.names.iter();
        store
            .db
            .commit_image(&image.record, names.next().map(String::as_str), None)?;
        for name in names {
            store.db.add_name(&image.record.id, name)?;
        }
    }
    Ok(imported)
}

fn import_and_unpack(
    ctx: &Context,
    store: &Store,
    opened: &Opened,
    imported: &mut Vec<Imported>,
) -> Result<()> {
    for image in &opened.images {
        imported.push(import(&store.blobs, image)?);
    }
    let (plan, warning) = coracle_runtime::ids::userns::current_user_plan(false);
    if let Some(w) = warning {
        crate::output::warn_once(&w);
    }
    for image in imported.iter() {
        coracle_runtime::fs::layers::ensure_unpacked(
            store,
            &image.record,
            plan.as_ref(),
            ctx.ignore_chown_errors(),
        )?;
    }
    Ok(())
}
