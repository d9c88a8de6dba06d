//! `coracle images`

use std::collections::{BTreeMap, HashMap};

use anyhow::Result;
use coracle_storage::ImageSummary;
use serde_json::{json, Value};

use crate::args::ImagesArgs;
use crate::commands::image_filter::ImageFilter;
use crate::context::Context;
use crate::output::{self, human_ago, human_size, now, parse_rfc3339};

/// One line of the listing: an image under one of its names.
struct Row<'a> {
    image: &'a ImageSummary,
    repository: String,
    tag: String,
    /// The full name (None for an image without one).
    name: Option<&'a str>,
}

/// What the listing needs from an image's configuration.
#[derive(Default)]
pub(crate) struct ConfigFacts {
    /// `config.Labels`.
    pub labels: BTreeMap<String, String>,
}

/// Read the facts of an image's configuration (empty when it cannot be read).
pub(crate) fn config_facts(store: &coracle_storage::Store, image: &ImageSummary) -> ConfigFacts {
    let config: Value = store
        .blobs
        .read(&image.record.config_digest)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or(Value::Null);
    let labels = config["config"]["Labels"]
        .as_object()
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_string())))
                .collect()
        })
        .unwrap_or_default();
    ConfigFacts { labels }
}

/// Split "registry/repo:tag" into ("registry/repo", "tag").
pub(crate) fn split_name(name: &str) -> (String, String) {
    match name.rfind(':') {
        Some(i) if !name[i..].contains('/') => (name[..i].to_string(), name[i + 1..].to_string()),
        _ => (name.to_string(), "<none>".to_string()),
    }
}

fn rows(images: &[ImageSummary]) -> Vec<Row<'_>> {
    let mut out = Vec::new();
    for image in images {
        if image.names.is_empty() {
            out.push(Row {
                image,
                repository: "<none>".into(),
                tag: "<none>".into(),
                name: None,
            });
        }
        for name in &image.names {
            let (repository, tag) = split_name(name);
            out.push(Row {
                image,
                repository,
                tag,
                name: Some(name),
            });
        }
    }
    out
}

/// Does a row match the optional REPOSITORY[:TAG] argument (with or without registry)?
fn matches(row: &Row<'_>, filter: &str) -> bool {
    let (want_repo, want_tag) = match filter.rfind(':') {
        Some(i) if !filter[i..].contains('/') => (&filter[..i], Some(&filter[i + 1..])),
        _ => (filter, None),
    };
    let repo_ok = row.repository == want_repo || row.repository.ends_with(&format!("/{want_repo}"));
    repo_ok && want_tag.is_none_or(|t| t == row.tag)
}

pub(crate) fn created_secs(image: &ImageSummary) -> i64 {
    image
        .record
        .created
        .as_deref()
        .and_then(parse_rfc3339)
        .unwrap_or(image.record.added)
}

/// The fields a Go template can use for one row.
fn template_item(row: &Row<'_>, no_trunc: bool, facts: &ConfigFacts) -> Value {
    let rec = &row.image.record;
    let id = if no_trunc {
        format!("sha256:{}", rec.id)
    } else {
        rec.id[..12].to_string()
    };
    let created = created_secs(row.image);
    json!({
        "ID": id, "Id": rec.id, "Repository": row.repository, "Tag": row.tag,
        "Digest": rec.digest.as_str(), "Created": human_ago(now() - created), "CreatedSince": human_ago(now() - created),
        "CreatedAt": rec.created.clone().unwrap_or_default(), "Size": human_size(rec.size), "VirtualSize": human_size(rec.size),
        "Names": row.image.names, "Dangling": row.image.names.is_empty(), "ReadOnly": false, "Containers": 0,
        "Labels": facts.labels, "History": row.image.names, "RepoDigests": row.image.repo_digests,
    })
}

/// The JSON Podman prints per image name for `images --format json` (one entry per
/// name, with its `Repository` and `Tag`).
fn json_item(row: &Row<'_>, facts: &ConfigFacts) -> Value {
    let image = row.image;
    let rec = &image.record;
    let labels = match facts.labels.is_empty() {
        true => Value::Null,
        false => json!(facts.labels),
    };
    json!({
        "Id": rec.id, "ParentId": "", "RepoTags": image.names, "RepoDigests": image.repo_digests,
        "Repository": row.repository, "Tag": row.tag,
        "Size": rec.size, "SharedSize": 0, "VirtualSize": rec.size, "Labels": labels, "Containers": 0,
        "Names": image.names, "Digest": rec.digest.as_str(), "History": image.names,
        "Created": created_secs(image),
        "CreatedAt": rec.created.clone().unwrap_or_default(), "Dangling": image.names.is_empty(),
    })
}

/// List stored images.
pub fn run(ctx: &Context, args: ImagesArgs) -> Result<i32> {
    let store = ctx.store()?;
    let images = store.db.list_images()?;
    let filter = ImageFilter::parse(&args.filter, |v| {
        let conf = ctx.registries().ok()?;
        coracle_image::lookup::find_image(&store, &conf, v)
            .ok()
            .map(|i| created_secs(&i))
    })?;
    let wants_facts = args.format.is_some() || filter.needs_labels();
    let facts: HashMap<&str, ConfigFacts> = images
        .iter()
        .map(|i| {
            let f = match wants_facts {
                true => config_facts(&store, i),
                false => ConfigFacts::default(),
            };
            (i.record.id.as_str(), f)
        })
        .collect();
    let no_facts = ConfigFacts::default();
    let facts_of = |r: &Row<'_>| facts.get(r.image.record.id.as_str()).unwrap_or(&no_facts);
    let mut rows = rows(&images);
    if let Some(name) = &args.name {
        rows.retain(|r| matches(r, name));
    }
    rows.retain(|r| {
        filter.name_matches(r.name)
            && filter.image_matches(r.image, created_secs(r.image), &facts_of(r).labels)
    });
    if args.quiet {
        let mut seen = std::collections::HashSet::new();
        let mut text = String::new();
        for r in &rows {
            if seen.insert(&r.image.record.id) {
                let id = &r.image.record.id;
                text.push_str(if args.no_trunc { id } else { &id[..12] });
                text.push('\n');
            }
        }
        output::print(&text);
        return Ok(0);
    }
    match args.format.as_deref() {
        Some(f) if f.trim() == "json" => {
            let items: Vec<Value> = rows.iter().map(|r| json_item(r, facts_of(r))).collect();
            output::print(&output::json(&Value::Array(items))?);
        }
        Some(f) => {
            let items: Vec<Value> = rows
                .iter()
                .map(|r| template_item(r, args.no_trunc, facts_of(r)))
                .collect();
            let headers = BTreeMap::from([
                ("ID", "IMAGE ID"),
                ("CreatedSince", "CREATED"),
                ("CreatedAt", "CREATED AT"),
            ]);
            output::print(&output::formatted(f, &items, &headers)?);
        }
        None => output::print(&table(&rows, &args)),
    }
    Ok(0)
}

/// The default listing, aligned as Podman's.
fn table(rows: &[Row<'_>], args: &ImagesArgs) -> String {
    let mut lines: Vec<Vec<String>> = Vec::new();
    if !args.noheading {
        let mut h = vec!["REPOSITORY", "TAG"];
        if args.digests {
            h.push("DIGEST");
        }
        h.extend(["IMAGE ID", "CREATED", "SIZE"]);
        lines.push(h.into_iter().map(String::from).collect());
    }
    for r in rows {
        let rec = &r.image.record;
        let mut cells = vec![r.repository.clone(), r.tag.clone()];
        if args.digests {
            cells.push(rec.digest.to_string());
        }
        let id = if args.no_trunc {
            format!("sha256:{}", rec.id)
        } else {
            rec.id[..12].to_string()
        };
        cells.extend([
            id,
            human_ago(now() - created_secs(r.image)),
            human_size(rec.size),
        ]);
        lines.push(cells);
    }
    crate::format::table::align(&lines)
}

#[cfg(test)]
mod tests {
    use super::split_name;

    #[test]
    fn splits_names_with_ports() {
        assert_eq!(
            split_name("127.0.0.1:5000/a/b:t"),
            ("127.0.0.1:5000/a/b".into(), "t".into())
        );
        assert_eq!(
            split_name("localhost:5000/a"),
            ("localhost:5000/a".into(), "<none>".into())
        );
    }
}
