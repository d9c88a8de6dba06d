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
    // Held until the archive is written, so an `rmi` or prune from another shell
    // cannot delete a blob while it is being read.
    let _lock = store.shared_lock()?;
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

/// Write the archive to `path`. A regular file (or a new one) is written through a
/// temporary file in the same directory and renamed into place, so a failed save
/// leaves whatever was at `path` before; a device or pipe is written directly.
fn save_to_file(
    store: &Store,
    images: &[SaveImage],
    format: SaveFormat,
    path: &Path,
) -> Result<()> {
    let special = std::fs::metadata(path).is_ok_and(|m| !m.is_file());
    if special {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(|| format!("cannot open {}", path.display()))?;
        return write_to(store, images, format, file);
    }
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .with_context(|| format!("-o {} does not name a file", path.display()))?;
    let temp = dir.join(format!(
        ".{}.coracle-save-{}",
        file_name.to_string_lossy(),
        std::process::id()
    ));
    let file = std::fs::File::create(&temp)
        .with_context(|| format!("cannot create a file in {}", dir.display()))?;
    let written = write_to(store, images, format, file).and_then(|()| {
        std::fs::rename(&temp, path).with_context(|| format!("cannot write {}", path.display()))
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// Write the archive into `file` and flush it.
fn write_to(
    store: &Store,
    images: &[SaveImage],
    format: SaveFormat,
    file: std::fs::File,
) -> Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    write_archive(&store.blobs, images, format, &mut out)?;
    out.flush()?;
    Ok(())
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
