//! `coracle image inspect` and `coracle image exists`

use std::collections::BTreeMap;

use anyhow::Result;
use coracle_image::lookup::{find_image, LookupError};
use coracle_image::manifest::ImageConfig;
use coracle_storage::{ImageSummary, Store};
use serde_json::{json, Value};

use crate::args::{ExistsArgs, InspectArgs};
use crate::context::Context;
use crate::output;

/// The object Podman prints for one image.
fn inspect_value(store: &Store, image: &ImageSummary) -> Result<Value> {
    let rec = &image.record;
    let config = ImageConfig::parse(&store.blobs.read(&rec.config_digest)?)?;
    let runtime = config.config.clone().unwrap_or_default();
    Ok(json!({
        "Id": rec.id,
        "Digest": rec.digest.as_str(),
        "RepoTags": image.names,
        "RepoDigests": image.repo_digests,
        "Parent": "",
        "Comment": "",
        "Created": rec.created,
        "Config": runtime,
        "Version": "",
        "Author": config.author.clone().unwrap_or_default(),
        "Architecture": rec.architecture,
        "Os": rec.os,
        "Variant": rec.variant.clone().unwrap_or_default(),
        "Size": rec.size,
        "VirtualSize": rec.size,
        "RootFS": { "Type": if config.rootfs.kind.is_empty() { "layers".to_string() } else { config.rootfs.kind.clone() }, "Layers": config.rootfs.diff_ids },
        "Labels": runtime.labels,
        "Annotations": {},
        "ManifestType": rec.manifest_media_type,
        "User": runtime.user.clone().unwrap_or_default(),
        "History": config.history.clone().unwrap_or(Value::Array(vec![])),
        "NamesHistory": image.names,
    }))
}

/// Print the details of images as a JSON array (or through a template).
pub fn run(ctx: &Context, args: InspectArgs) -> Result<i32> {
    let conf = ctx.registries()?;
    let store = ctx.store()?;
    let mut items = Vec::new();
    let mut missing = Vec::new();
    for name in &args.images {
        match find_image(&store, &conf, name) {
            Ok(image) => items.push(inspect_value(&store, &image)?),
            Err(LookupError::NotFound(_)) => missing.push(name.clone()),
            Err(e) => return Err(e.into()),
        }
    }
    match args.format.as_deref() {
        None => output::print(&output::json(&Value::Array(items))?),
        Some(f) => output::print(&output::formatted(f, &items, &BTreeMap::new())?),
    }
    if let Some(first) = missing.first() {
        anyhow::bail!("{first}: image not known");
    }
    Ok(0)
}

/// The inspect object of the image `name`, `None` when no such image is stored.
pub(crate) fn image_value(ctx: &Context, store: &Store, name: &str) -> Result<Option<Value>> {
    let conf = ctx.registries()?;
    match find_image(store, &conf, name) {
        Ok(image) => Ok(Some(inspect_value(store, &image)?)),
        Err(LookupError::NotFound(_)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Exit 0 when the image is stored, 1 when not.
pub fn exists(ctx: &Context, args: ExistsArgs) -> Result<i32> {
    let conf = ctx.registries()?;
    let store = ctx.store()?;
    match find_image(&store, &conf, &args.image) {
        Ok(_) => Ok(0),
        Err(LookupError::NotFound(_)) => Ok(1),
        Err(e) => Err(e.into()),
    }
}
