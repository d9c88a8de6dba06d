//! The top-level `coracle inspect [--type TYPE]`: one table of object kinds, each
//! with the function that finds a named object's inspect JSON. Kinds coracle does
//! not have yet have no function and give a clear error; adding one is one row.

use std::collections::BTreeMap;

use anyhow::{bail, Result};
use coracle_runtime::lifecycle::control;
use coracle_storage::Store;
use serde_json::Value;

use crate::args::TopInspectArgs;
use crate::context::Context;
use crate::output;

/// Finds the inspect object of one named object of a kind; `None` when absent.
type Lookup = fn(&Context, &Store, &str) -> Result<Option<Value>>;

/// Every kind `--type` names, in the order `--type all` tries them.
const KINDS: &[(&str, Option<Lookup>)] = &[
    ("container", Some(container_value)),
    ("image", Some(super::inspect::image_value)),
    ("volume", None),
    ("network", None),
    ("pod", None),
];

fn container_value(_ctx: &Context, store: &Store, name: &str) -> Result<Option<Value>> {
    match store.db.find_container(name)? {
        Some(r) => {
            let r = control::refresh(store, r)?;
            Ok(Some(super::containers::inspect_value(store, &r)))
        }
        None => Ok(None),
    }
}

/// The lookups `kind` selects: one kind, or every available one for `all`.
fn lookups(kind: &str) -> Result<Vec<Lookup>> {
    if kind == "all" {
        return Ok(KINDS.iter().filter_map(|(_, f)| *f).collect());
    }
    match KINDS.iter().find(|(name, _)| *name == kind) {
        Some((_, Some(f))) => Ok(vec![*f]),
        Some((name, None)) => bail!(
            "inspect --type {name}: coracle has no {name}s yet; use --type container or --type image"
        ),
        None => {
            let names: Vec<&str> = KINDS.iter().map(|(n, _)| *n).collect();
            bail!(
                "invalid --type {kind:?}: use one of {}, all",
                names.join(", ")
            )
        }
    }
}

/// Print the inspect JSON (or template output) of every named object.
pub fn inspect(ctx: &Context, args: TopInspectArgs) -> Result<i32> {
    let lookups = lookups(&args.kind)?;
    let store = ctx.store()?;
    let mut items = Vec::new();
    let mut missing = Vec::new();
    'names: for name in &args.names {
        for lookup in &lookups {
            if let Some(v) = lookup(ctx, &store, name)? {
                items.push(v);
                continue 'names;
            }
        }
        missing.push(name.clone());
    }
    match args.format.as_deref() {
        None => output::print(&output::json(&Value::Array(items))?),
        Some(f) => output::print(&output::formatted(f, &items, &BTreeMap::new())?),
    }
    if let Some(name) = missing.first() {
        match args.kind.as_str() {
            "all" => bail!("no such object: {name:?}"),
            kind => bail!("no such {kind}: {name:?}"),
        }
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_table_answers_every_kind() {
        assert_eq!(lookups("container").unwrap().len(), 1);
        assert_eq!(
            lookups("all").unwrap().len(),
            KINDS.iter().filter(|(_, f)| f.is_some()).count()
        );
        let missing = KINDS.iter().find(|(_, f)| f.is_none());
        if let Some((name, _)) = missing {
            let e = lookups(name).unwrap_err().to_string();
            assert!(e.contains("no ") && e.contains("--type container"), "{e}");
        }
        assert!(lookups("widget").unwrap_err().to_string().contains("pod"));
    }
}
