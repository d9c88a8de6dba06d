//! `coracle system df [-v] [--format]`: the space images, containers and volumes
//! take, and how much of it removing what is unused would free (Podman's columns).
//! A blob shared by several images counts once; a container's size is that of its
//! upper directory.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use anyhow::Result;
use coracle_runtime::fs::disk_usage::tree_sizes;
use coracle_runtime::lifecycle::launch::container_dir;
use coracle_storage::{ContainerRecord, Digest, ImageSummary, Store};
use serde_json::{json, Value};

use crate::args::SystemDfArgs;
use crate::commands::images::{created_secs, split_name};
use crate::context::Context;
use crate::format::table::align;
use crate::output::{self, human_ago, human_size, now};

/// One row of the summary.
struct Usage {
    kind: &'static str,
    total: usize,
    active: usize,
    size: u64,
    reclaimable: u64,
}

impl Usage {
    fn reclaimable_text(&self) -> String {
        let percent = (self.reclaimable * 100).checked_div(self.size).unwrap_or(0);
        format!("{} ({percent}%)", human_size(self.reclaimable))
    }
}

/// The blobs of an image that take space: its configuration and its layers.
fn blobs_of(store: &Store, image: &ImageSummary) -> Vec<(Digest, u64)> {
    let rec = &image.record;
    let config = store.blobs.size(&rec.config_digest).unwrap_or(0);
    std::iter::once((rec.config_digest.clone(), config))
        .chain(rec.layers.iter().map(|l| (l.digest.clone(), l.size)))
        .collect()
}

/// The store's volumes (name, data directory), by name: the volume store's records,
/// not whatever directories lie under `volumes/` (temporaries of a create or remove).
fn volume_dirs(store: &Store) -> Result<Vec<(String, PathBuf)>> {
    let volumes = coracle_storage::volumes::VolumeStore::new(&store.root);
    let mut out: Vec<(String, PathBuf)> = volumes
        .list()?
        .into_iter()
        .map(|r| {
            let dir = volumes.data_dir(&r.name);
            (r.name, dir)
        })
        .collect();
    out.sort();
    Ok(out)
}

/// Run `coracle system df`.
pub fn df(ctx: &Context, args: SystemDfArgs) -> Result<i32> {
    let store = ctx.store()?;
    let plan = coracle_runtime::ids::userns::current_user_plan(false).0;
    let images = store.db.list_images()?;
    let containers = store.db.list_containers()?;
    let volumes = volume_dirs(&store)?;
    let volume_users = super::volume::use_counts(&store)?;
    let links = |name: &str| volume_users.get(name).copied().unwrap_or(0);

    let users: HashMap<&str, usize> = containers.iter().fold(HashMap::new(), |mut m, c| {
        *m.entry(c.image_id.as_str()).or_default() += 1;
        m
    });
    let mut holders: HashMap<Digest, (u64, usize, bool)> = HashMap::new();
    for image in &images {
        let used = users.contains_key(image.record.id.as_str());
        for (d, size) in blobs_of(&store, image) {
            let e = holders.entry(d).or_insert((size, 0, false));
            e.1 += 1;
            e.2 |= used;
        }
    }
    let image_usage = Usage {
        kind: "Images",
        total: images.len(),
        active: images
            .iter()
            .filter(|i| users.contains_key(i.record.id.as_str()))
            .count(),
        size: holders.values().map(|h| h.0).sum(),
        reclaimable: holders.values().filter(|h| !h.2).map(|h| h.0).sum(),
    };

    let mut dirs: Vec<PathBuf> = containers
        .iter()
        .map(|c| container_dir(&store, &c.id).join("upper"))
        .collect();
    dirs.extend(volumes.iter().map(|(_, p)| p.clone()));
    let sizes = tree_sizes(plan.as_ref(), dirs)?;
    let (container_sizes, volume_sizes) = sizes.split_at(containers.len());
    let container_usage = Usage {
        kind: "Containers",
        total: containers.len(),
        active: containers.iter().filter(|c| c.state.is_active()).count(),
        size: container_sizes.iter().sum(),
        reclaimable: containers
            .iter()
            .zip(container_sizes)
            .filter(|(c, _)| !c.state.is_active())
            .map(|(_, s)| s)
            .sum(),
    };
    let volume_usage = Usage {
        kind: "Local Volumes",
        total: volumes.len(),
        active: volumes.iter().filter(|(n, _)| links(n) > 0).count(),
        size: volume_sizes.iter().sum(),
        reclaimable: volumes
            .iter()
            .zip(volume_sizes)
            .filter(|((n, _), _)| links(n) == 0)
            .map(|(_, s)| s)
            .sum(),
    };
    let summary = [image_usage, container_usage, volume_usage];

    if args.verbose {
        let shared: HashSet<&Digest> = holders
            .iter()
            .filter(|(_, h)| h.1 > 1)
            .map(|(d, _)| d)
            .collect();
        let mut text = String::from("Images space usage:\n\n");
        text.push_str(&image_table(&store, &images, &users, &shared));
        text.push_str("\nContainers space usage:\n\n");
        text.push_str(&container_table(&containers, container_sizes));
        text.push_str("\nLocal Volumes space usage:\n\n");
        let mut rows = vec![vec!["VOLUME NAME".into(), "LINKS".into(), "SIZE".into()]];
        for ((name, _), size) in volumes.iter().zip(volume_sizes) {
            rows.push(vec![
                name.clone(),
                links(name).to_string(),
                human_size(*size),
            ]);
        }
        text.push_str(&align(&rows));
        output::print(&text);
        return Ok(0);
    }
    match args.format.as_deref() {
        Some(f) => {
            let items: Vec<Value> = summary
                .iter()
                .map(|u| {
                    json!({"Type": u.kind, "Total": u.total, "Active": u.active,
                           "Size": human_size(u.size), "Reclaimable": u.reclaimable_text(),
                           "RawSize": u.size, "RawReclaimable": u.reclaimable, "TotalCount": u.total})
                })
                .collect();
            output::print(&output::formatted(f, &items, &BTreeMap::new())?);
        }
        None => {
            let mut rows = vec![["TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"]
                .map(String::from)
                .to_vec()];
            for u in &summary {
                rows.push(vec![
                    u.kind.to_string(),
                    u.total.to_string(),
                    u.active.to_string(),
                    human_size(u.size),
                    u.reclaimable_text(),
                ]);
            }
            output::print(&align(&rows));
        }
    }
    Ok(0)
}

/// `-v`'s image rows: one per name, shared size being the blobs other images use too.
fn image_table(
    store: &Store,
    images: &[ImageSummary],
    users: &HashMap<&str, usize>,
    shared: &HashSet<&Digest>,
) -> String {
    let mut rows = vec![[
        "REPOSITORY",
        "TAG",
        "IMAGE ID",
        "CREATED",
        "SIZE",
        "SHARED SIZE",
        "UNIQUE SIZE",
        "CONTAINERS",
    ]
    .map(String::from)
    .to_vec()];
    for image in images {
        let blobs = blobs_of(store, image);
        let total: u64 = blobs.iter().map(|b| b.1).sum();
        let shared_size: u64 = blobs
            .iter()
            .filter(|b| shared.contains(&b.0))
            .map(|b| b.1)
            .sum();
        let names: Vec<(String, String)> = match image.names.is_empty() {
            true => vec![("<none>".into(), "<none>".into())],
            false => image.names.iter().map(|n| split_name(n)).collect(),
        };
        for (repo, tag) in names {
            rows.push(vec![
                repo,
                tag,
                image.record.id[..12].to_string(),
                human_ago(now() - created_secs(image)),
                human_size(total),
                human_size(shared_size),
                human_size(total - shared_size),
                users
                    .get(image.record.id.as_str())
                    .copied()
                    .unwrap_or(0)
                    .to_string(),
            ]);
        }
    }
    align(&rows)
}

/// `-v`'s container rows.
fn container_table(containers: &[ContainerRecord], sizes: &[u64]) -> String {
    let mut rows = vec![[
        "CONTAINER ID",
        "IMAGE",
        "COMMAND",
        "LOCAL VOLUMES",
        "SIZE",
        "CREATED",
        "STATUS",
        "NAMES",
    ]
    .map(String::from)
    .to_vec()];
    for (c, size) in containers.iter().zip(sizes) {
        rows.push(vec![
            c.id[..12].to_string(),
            c.image_id[..12.min(c.image_id.len())].to_string(),
            c.command.join(" "),
            "0".into(),
            human_size(*size),
            human_ago(now() - c.created),
            c.state.as_str().to_string(),
            c.name.clone(),
        ]);
    }
    align(&rows)
}
