//! `coracle save`: images to a docker-archive (default), oci-archive, oci-dir or
//! docker-dir, written to a file, a directory or standard output (never a terminal).

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{bail, Context as _, Result};
use coracle_image::archive::writer::{write_archive, write_directory, SaveFormat, SaveImage};
use coracle_image::lookup::{find_image, looks_like_id};
use coracle_image::Reference;
use coracle_storage::{ImageSummary, Store};

use crate::args::SaveArgs;
use crate::context::Context;

/// Save images.
pub fn save(ctx: &Context, args: SaveArgs) -> Result<i32> {
    let format = SaveFormat::parse(&args.format)
        .with_context(|| format!("unknown --format {:?}", args.format))?;
    if args.multi_image_archive && format != SaveFormat::DockerArchive {
        bail!("-m (--multi-image-archive) works only with --format docker-archive");
    }
    let store = ctx.store()?;
    let images = images_to_save(ctx, &store, &args.images, args.multi_image_archive)?;
    if format.is_directory() {
        let dir = args
            .output
            .as_deref()
            .with_context(|| format!("--format {} needs -o DIRECTORY", args.format))?;
        let [image] = images.as_slice() else {
            bail!("--format {} holds one image", args.format);
        };
        write_directory(&store.blobs, image, format, dir)?;
        return Ok(0);
    }
    match &args.output {
        Some(path) => save_to_file(&store, &images, format, path)?,
        None => {
            let stdout = std::io::stdout();
            if stdout.is_terminal() {
                bail!("refusing to write an image archive to a terminal: use -o FILE or redirect standard output");
            }
            let out = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
            write_archive(&store.blobs, &images, format, out)?;
        }
    }
    Ok(0)
}

/// Write the archive to `path`, removing a partial file on failure.
fn save_to_file(
    store: &Store,
    images: &[SaveImage],
    format: SaveFormat,
    path: &Path,
) -> Result<()> {
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    let written = write_archive(&store.blobs, images, format, &mut out)
        .map_err(anyhow::Error::from)
        .and_then(|()| Ok(out.flush()?));
    if written.is_err() {
        let _ = std::fs::remove_file(path);
    }
    written
}

/// The images the arguments name, each with the names to write for it: one image
/// (all arguments naming it) unless `multi`.
fn images_to_save(
    ctx: &Context,
    store: &Store,
    inputs: &[String],
    multi: bool,
) -> Result<Vec<SaveImage>> {
    let conf = ctx.registries()?;
    let mut out: Vec<SaveImage> = Vec::new();
    for input in inputs {
        let found = find_image(store, &conf, input)?;
        let name = name_for(&found, input);
        let others = !out.is_empty();
        match out.iter_mut().find(|i| i.record.id == found.record.id) {
            Some(existing) => existing.names.extend(name),
            None if !multi && others => {
                bail!("{input} is another image: pass -m (--multi-image-archive) to save several images")
            }
            None => out.push(SaveImage {
                record: found.record,
                names: name.into_iter().collect(),
            }),
        }
    }
    for image in &mut out {
        image.names.dedup();
    }
    Ok(out)
}

/// The stored name `input` stands for (none when it is an image ID).
fn name_for(found: &ImageSummary, input: &str) -> Option<String> {
    if looks_like_id(input)
        && found
            .record
            .id
            .starts_with(input.trim_start_matches("sha256:"))
    {
        return None;
    }
    let qualified = Reference::parse(input).ok().and_then(|r| r.tagged_name());
    found
        .names
        .iter()
        .find(|n| Some(*n) == qualified.as_ref())
        .or_else(|| {
            found.names.iter().find(|n| {
                n.ends_with(&format!("/{input}")) || n.ends_with(&format!("/{input}:latest"))
            })
        })
        .or(found.names.first())
        .cloned()
}
