//! `coracle rmi`, `coracle image prune` and `coracle tag`: changes to image names and records.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{bail, Result};
use coracle_image::lookup::{find_image, looks_like_id, LookupError};
use coracle_image::Reference;

use crate::args::{PruneArgs, RmiArgs, TagArgs, UntagArgs};
use crate::context::Context;
use crate::output;

/// Exit status of `rmi` when an image did not exist and nothing else failed (Podman's).
const EXIT_NOT_FOUND: i32 = 1;

/// Remove images or names, as `podman rmi` does: removing one of several names only untags.
pub fn rmi(ctx: &Context, args: RmiArgs) -> Result<i32> {
    let conf = ctx.registries()?;
    let store = ctx.store()?;
    if args.all {
        for image in store.db.list_images()? {
            for name in &image.names {
                output::print(&format!("Untagged: {name}\n"));
            }
            store.remove_image(&image.record.id)?;
            output::print(&format!("Deleted: {}\n", image.record.id));
        }
        remove_unused_layers(&store)?;
        return Ok(0);
    }
    if args.images.is_empty() {
        bail!("image name or ID must be specified");
    }
    let mut missing = None;
    for input in &args.images {
        let image = match find_image(&store, &conf, input) {
            Ok(i) => i,
            Err(LookupError::NotFound(_)) if args.force => continue,
            Err(LookupError::NotFound(n)) => {
                eprintln!("Error: {n}: image not known");
                missing = Some(n);
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        let by_id = looks_like_id(input)
            && !image
                .names
                .iter()
                .any(|n| n.ends_with(&format!("/{input}:latest")));
        let named = image
            .names
            .iter()
            .find(|n| !by_id && name_matches(n, input))
            .cloned();
        if let (Some(name), true) = (&named, image.names.len() > 1) {
            store.db.remove_name(name)?;
            output::print(&format!("Untagged: {name}\n"));
            continue;
        }
        if by_id && image.names.len() > 1 && !args.force {
            bail!(
                "unable to delete image {input} by ID with more than one tag ({}): please force removal",
                image.names.join(", ")
            );
        }
        for name in &image.names {
            output::print(&format!("Untagged: {name}\n"));
        }
        store.remove_image(&image.record.id)?;
        output::print(&format!("Deleted: {}\n", image.record.id));
    }
    remove_unused_layers(&store)?;
    Ok(if missing.is_some() { EXIT_NOT_FOUND } else { 0 })
}

/// Delete unpacked layers that no image uses any more.
fn remove_unused_layers(store: &coracle_storage::Store) -> Result<()> {
    let (plan, _) = coracle_runtime::ids::userns::current_user_plan(false);
    coracle_runtime::fs::layers::remove_unused(store, plan.as_ref())?;
    Ok(())
}

/// Does a stored full name correspond to what the user typed?
fn name_matches(stored: &str, input: &str) -> bool {
    match Reference::parse(input) {
        Ok(r) if !Reference::is_short_name(input) => r.tagged_name().as_deref() == Some(stored),
        Ok(r) => {
            let repo_tag = format!(
                "{}:{}",
                input.split(':').next().unwrap_or(input),
                r.tag.as_deref().unwrap_or("latest")
            );
            stored.ends_with(&format!("/{repo_tag}"))
        }
        Err(_) => false,
    }
}

/// Remove dangling images (or, with -a, every image: no container uses any yet).
pub fn prune(ctx: &Context, args: PruneArgs) -> Result<i32> {
    if !args.force && std::io::stdin().is_terminal() {
        let what = if args.all {
            "all images not used by containers"
        } else {
            "all dangling images"
        };
        eprint!("WARNING! This command removes {what}.\nAre you sure you want to continue? [y/N] ");
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            return Ok(0);
        }
    }
    let store = ctx.store()?;
    let ids = if args.all {
        // Every image no container uses (those in use stay, as Podman's).
        let mut unused = Vec::new();
        for i in store.db.list_images()? {
            if store.db.containers_using_image(&i.record.id)?.is_empty() {
                unused.push(i.record.id);
            }
        }
        unused
    } else {
        store.db.dangling_ids()?
    };
    for id in ids {
        store.remove_image(&id)?;
        output::print(&format!("{id}\n"));
    }
    remove_unused_layers(&store)?;
    Ok(0)
}

/// The full name a tag target means: short names live under localhost/, as Podman.
pub(crate) fn target_name(input: &str) -> Result<String> {
    let qualified = if Reference::is_short_name(input) {
        format!("localhost/{input}")
    } else {
        input.to_string()
    };
    let r = Reference::parse(&qualified)?;
    if r.digest.is_some() {
        bail!("invalid tag {input:?}: a tag cannot contain a digest");
    }
    r.tagged_name()
        .ok_or_else(|| anyhow::anyhow!("invalid tag {input:?}"))
}

/// Add names to an image.
pub fn tag(ctx: &Context, args: TagArgs) -> Result<i32> {
    let conf = ctx.registries()?;
    let store = ctx.store()?;
    let image = find_image(&store, &conf, &args.image)?;
    let names = args
        .names
        .iter()
        .map(|n| target_name(n))
        .collect::<Result<Vec<_>>>()?;
    for name in names {
        store.db.add_name(&image.record.id, &name)?;
    }
    Ok(0)
}

/// Remove names from an image: the names given (each as a full name, a short name
/// under localhost/, or a short name matching a stored one), or every name.
pub fn untag(ctx: &Context, args: UntagArgs) -> Result<i32> {
    let conf = ctx.registries()?;
    let store = ctx.store()?;
    let image = find_image(&store, &conf, &args.image)?;
    let mut doomed = Vec::new();
    for input in &args.names {
        let target = target_name(input).ok();
        let found: Vec<&String> = image
            .names
            .iter()
            .filter(|n| Some(n.as_str()) == target.as_deref() || name_matches(n, input))
            .collect();
        if found.is_empty() {
            bail!(
                "{input}: not a name of image {} (its names: {}); see `coracle images`",
                &image.record.id[..12],
                if image.names.is_empty() {
                    "none".to_string()
                } else {
                    image.names.join(", ")
                }
            );
        }
        doomed.extend(found.into_iter().cloned());
    }
    if args.names.is_empty() {
        doomed = image.names.clone();
    }
    for name in doomed {
        store.db.remove_name(&name)?;
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_targets() {
        assert_eq!(target_name("foo").unwrap(), "localhost/foo:latest");
        assert_eq!(target_name("foo:1").unwrap(), "localhost/foo:1");
        assert_eq!(target_name("quay.io/a/b:2").unwrap(), "quay.io/a/b:2");
        assert!(target_name("Foo").is_err());
    }

    #[test]
    fn rmi_name_matching() {
        assert!(name_matches("docker.io/library/busybox:latest", "busybox"));
        assert!(name_matches("127.0.0.1:5000/busybox:latest", "busybox"));
        assert!(name_matches(
            "127.0.0.1:5000/busybox:latest",
            "127.0.0.1:5000/busybox"
        ));
        assert!(!name_matches("127.0.0.1:5000/busybox:v2", "busybox"));
    }
}
