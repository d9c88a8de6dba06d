//! `image history` (Podman's columns ID, CREATED, CREATED BY, SIZE, COMMENT, newest
//! first) and `image tree` (an image's layers, bottom first, each with the images
//! whose top layer it is).

use std::collections::BTreeMap;

use anyhow::Result;
use coracle_image::lookup::find_image;
use coracle_runtime::fs::layers::image_chain_ids;
use coracle_storage::{ImageSummary, Store};
use serde_json::{json, Value};

use crate::args::{HistoryArgs, TreeArgs};
use crate::context::Context;
use crate::output::{self, human_ago, human_size, now, parse_rfc3339};

/// Podman's width of CREATED BY without `--no-trunc`.
const CREATED_BY_WIDTH: usize = 45;

/// One row of the history.
struct Step {
    id: String,
    created: Option<String>,
    created_by: String,
    size: u64,
    comment: String,
}

fn config_of(store: &Store, image: &ImageSummary) -> Result<Value> {
    Ok(serde_json::from_slice(
        &store.blobs.read(&image.record.config_digest)?,
    )?)
}

/// The history entries of `config` matched with the layers (entries marked
/// `empty_layer` have none), newest first; without a history, one step per layer.
fn steps(image: &ImageSummary, config: &Value) -> Vec<Step> {
    let rec = &image.record;
    let mut layers = rec.layers.iter();
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let mut out: Vec<Step> = match config["history"].as_array() {
        Some(h) if !h.is_empty() => h
            .iter()
            .map(|e| {
                let empty = e["empty_layer"].as_bool().unwrap_or(false);
                Step {
                    id: "<missing>".into(),
                    created: e["created"].as_str().map(String::from),
                    created_by: text(&e["created_by"]),
                    size: if empty {
                        0
                    } else {
                        layers.next().map_or(0, |l| l.size)
                    },
                    comment: text(&e["comment"]),
                }
            })
            .collect(),
        _ => rec
            .layers
            .iter()
            .map(|l| Step {
                id: "<missing>".into(),
                created: rec.created.clone(),
                created_by: String::new(),
                size: l.size,
                comment: String::new(),
            })
            .collect(),
    };
    out.reverse();
    if let Some(top) = out.first_mut() {
        top.id = rec.id.clone();
    }
    out
}

fn shorten(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width - 3).collect();
    format!("{kept}...")
}

/// Run `coracle image history`.
pub fn history(ctx: &Context, args: HistoryArgs) -> Result<i32> {
    let store = ctx.store()?;
    let image = find_image(&store, &ctx.registries()?, &args.image)?;
    let config = config_of(&store, &image)?;
    let steps = steps(&image, &config);
    let id = |s: &Step| match (args.no_trunc, s.id.len() == 64) {
        (false, true) => s.id[..12].to_string(),
        (true, true) => format!("sha256:{}", s.id),
        _ => s.id.clone(),
    };
    let ago = |s: &Step| {
        s.created
            .as_deref()
            .and_then(parse_rfc3339)
            .map_or_else(String::new, |t| human_ago(now() - t))
    };
    let created_by = |s: &Step| match args.no_trunc {
        true => s.created_by.clone(),
        false => shorten(&s.created_by, CREATED_BY_WIDTH),
    };
    if args.quiet {
        output::print(&steps.iter().map(|s| id(s) + "\n").collect::<String>());
        return Ok(0);
    }
    match args.format.as_deref() {
        Some(f) if f.trim() == "json" => {
            let items: Vec<Value> = steps
                .iter()
                .map(|s| {
                    let tags = match s.id == image.record.id {
                        true => json!(image.names),
                        false => Value::Null,
                    };
                    json!({"id": s.id, "created": s.created, "CreatedBy": s.created_by,
                           "size": s.size, "comment": s.comment, "tags": tags})
                })
                .collect();
            output::print(&output::json(&Value::Array(items))?);
        }
        Some(f) => {
            let items: Vec<Value> = steps
                .iter()
                .map(|s| {
                    json!({"ID": id(s), "Created": ago(s), "CreatedAt": s.created.clone().unwrap_or_default(),
                           "CreatedBy": created_by(s), "Size": human_size(s.size), "Comment": s.comment,
                           "Tags": image.names})
                })
                .collect();
            let headers =
                BTreeMap::from([("CreatedBy", "CREATED BY"), ("CreatedAt", "CREATED AT")]);
            output::print(&output::formatted(f, &items, &headers)?);
        }
        None => {
            let mut lines = vec![["ID", "CREATED", "CREATED BY", "SIZE", "COMMENT"]
                .map(String::from)
                .to_vec()];
            for s in &steps {
                lines.push(vec![
                    id(s),
                    ago(s),
                    created_by(s),
                    human_size(s.size),
                    s.comment.clone(),
                ]);
            }
            output::print(&crate::format::table::align(&lines));
        }
    }
    Ok(0)
}

/// Run `coracle image tree`.
pub fn tree(ctx: &Context, args: TreeArgs) -> Result<i32> {
    let store = ctx.store()?;
    let image = find_image(&store, &ctx.registries()?, &args.image)?;
    let chains = image_chain_ids(&store, &image.record)?;
    // Which images end at each layer.
    let mut tops: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for other in store.db.list_images()? {
        if let Ok(c) = image_chain_ids(&store, &other.record) {
            if let Some(top) = c.last() {
                let label = match other.names.is_empty() {
                    true => other.record.id[..12].to_string(),
                    false => other.names.join(", "),
                };
                tops.entry(top.hex().to_string()).or_default().push(label);
            }
        }
    }
    let rec = &image.record;
    let mut text = format!(
        "Image ID: {}\nTags:     [{}]\nSize:     {}\nImage Layers\n",
        &rec.id[..12],
        image.names.join(" "),
        human_size(rec.size)
    );
    for (i, (chain, layer)) in chains.iter().zip(&rec.layers).enumerate() {
        let branch = if i + 1 == chains.len() {
            "└──"
        } else {
            "├──"
        };
        text.push_str(&format!(
            "{branch} ID: {} Size: {}",
            &chain.hex()[..12],
            human_size(layer.size)
        ));
        if let Some(names) = tops.get(chain.hex()) {
            text.push_str(&format!(" Top Layer of: [{}]", names.join(" ")));
        }
        text.push('\n');
    }
    output::print(&text);
    Ok(0)
}
