//! `coracle system check [--repair] [--force] [--quick]`: damaged blobs and image
//! records ([`coracle_storage::check`]) and layer directories
//! ([`coracle_runtime::fs::layer_check`]) are named one per line; `--repair` removes
//! the images that use damaged blobs (with their containers under `--force`), the
//! damaged blobs and layer directories, so that `pull` and `run` restore them.

use std::collections::HashSet;

use anyhow::{bail, Result};
use coracle_runtime::fs::layer_check::{self, DamagedLayer};
use coracle_runtime::fs::layers::{image_chain_ids, remove_unused};
use coracle_runtime::ids::idmap::UserNsPlan;
use coracle_runtime::lifecycle::control;
use coracle_storage::check::{self, BlobDamage};
use coracle_storage::{Digest, Store};

use crate::args::SystemCheckArgs;
use crate::context::Context;

fn short(id: &str) -> &str {
    &id[..12.min(id.len())]
}

/// Run `coracle system check`.
pub fn check(ctx: &Context, args: SystemCheckArgs) -> Result<i32> {
    let store = ctx.store()?;
    let plan = coracle_runtime::ids::userns::current_user_plan(false).0;
    let blobs = check::damaged_blobs(&store, args.quick)?;
    let layers = layer_check::damaged_layers(&store, plan.as_ref())?;
    let images = check::inconsistent_images(&store)?;
    for b in &blobs {
        println!("damaged blob {}: {}", b.digest, b.problem);
    }
    for (id, problem) in &images {
        println!("damaged image {}: {problem}", short(id));
    }
    for l in &layers {
        println!("damaged layer {}: {}", l.chain_id.hex(), l.problem);
    }
    let found = blobs.len() + layers.len() + images.len();
    if found == 0 {
        return Ok(0);
    }
    if !args.repair {
        bail!("{found} damaged item(s) found: run `coracle system check --repair` to remove them");
    }
    let damaged = Damage {
        blobs: &blobs,
        layers: &layers,
        images: images.into_iter().map(|(id, _)| id).collect(),
    };
    let left = repair(&store, plan.as_ref(), &damaged, args.force)?;
    if left > 0 {
        bail!("{left} damaged item(s) left in place (see above): stop or, with --force, remove the containers that use them");
    }
    Ok(0)
}

/// What `system check` found.
struct Damage<'a> {
    blobs: &'a [BlobDamage],
    layers: &'a [DamagedLayer],
    /// Images whose own records are damaged.
    images: Vec<String>,
}

/// Remove what is damaged; returns how many damaged items were left (in use).
fn repair(
    store: &Store,
    plan: Option<&UserNsPlan>,
    damaged: &Damage<'_>,
    force: bool,
) -> Result<usize> {
    let digests: Vec<Digest> = damaged.blobs.iter().map(|b| b.digest.clone()).collect();
    let containers = store.db.list_containers()?;
    let mut kept_blobs: HashSet<Digest> = HashSet::new();
    let mut left = 0;
    let mut doomed_images = check::images_using(store, &digests)?;
    for id in &damaged.images {
        if !doomed_images.contains(id) {
            doomed_images.push(id.clone());
        }
    }
    for id in doomed_images {
        let users: Vec<_> = containers.iter().filter(|c| c.image_id == id).collect();
        if !users.is_empty() && !force {
            let names: Vec<&str> = users.iter().map(|c| c.name.as_str()).collect();
            println!(
                "left damaged image {} alone: used by container(s) {}",
                short(&id),
                names.join(", ")
            );
            if let Some(image) = store.db.image_by_id(&id)? {
                let r = &image.record;
                kept_blobs.extend([r.manifest_digest.clone(), r.config_digest.clone()]);
                kept_blobs.extend(r.layers.iter().map(|l| l.digest.clone()));
            }
            left += 1;
            continue;
        }
        for c in users {
            control::remove(store, c.clone(), true, Some(0), plan)?;
            println!("removed container {} ({})", c.name, short(&c.id));
        }
        store.remove_image(&id)?;
        println!("removed damaged image {}", short(&id));
    }
    // No pull may store a blob while damaged ones are deleted.
    let lock = store.exclusive_lock()?;
    for d in digests.iter().filter(|d| !kept_blobs.contains(*d)) {
        if store.blobs.contains(d) {
            store.blobs.remove(d)?;
            println!("removed damaged blob {d}");
        }
    }
    drop(lock);
    let busy = layers_of_running_containers(store)?;
    let (skipped, doomed): (Vec<Digest>, Vec<Digest>) = damaged
        .layers
        .iter()
        .map(|l| l.chain_id.clone())
        .partition(|c| busy.contains(c));
    for c in &skipped {
        println!(
            "left damaged layer {} alone: a running container uses it (stop it and check again)",
            c.hex()
        );
    }
    layer_check::remove_layers(store, plan, &doomed)?;
    for c in &doomed {
        println!("removed damaged layer {}", c.hex());
    }
    remove_unused(store, plan)?;
    Ok(left + skipped.len())
}

/// The layers under the roots of running containers.
fn layers_of_running_containers(store: &Store) -> Result<HashSet<Digest>> {
    let mut out = HashSet::new();
    for c in store.db.list_containers()? {
        if !c.state.is_active() {
            continue;
        }
        if let Some(image) = store.db.image_by_id(&c.image_id)? {
            out.extend(image_chain_ids(store, &image.record).unwrap_or_default());
        }
    }
    Ok(out)
}
