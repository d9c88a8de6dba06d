//! `container prune` (every ended container) and `system prune` (those, then dangling
//! images, or with `-a` every image no container uses).

use std::io::{BufRead, IsTerminal, Write};

use anyhow::Result;
use coracle_runtime::lifecycle::control;
use coracle_storage::{ContainerRecord, Store};

use super::container_filter::ContainerFilter;
use super::containers::{all, config_of};
use crate::args::{ContainerPruneArgs, PruneArgs, SystemPruneArgs};
use crate::context::Context;
use crate::output;

/// The filter keys `container prune --filter` takes.
const FILTER_KEYS: &[&str] = &["label", "label!", "until"];

/// Ask on a terminal, as Podman does without `-f`; without a terminal, go ahead.
pub(super) fn confirmed(force: bool, what: &str) -> Result<bool> {
    if force || !std::io::stdin().is_terminal() {
        return Ok(true);
    }
    eprint!("WARNING! This command removes {what}.\nAre you sure you want to continue? [y/N] ");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}

/// Remove every ended container that passes `filter`; prints each id.
fn prune_containers(store: &Store, filter: &ContainerFilter) -> Result<()> {
    let until = filter
        .values("until")
        .iter()
        .map(|v| until_seconds(v))
        .collect::<Result<Vec<i64>>>()?;
    let ended: Vec<ContainerRecord> = all(store)?
        .into_iter()
        .filter(|r| !r.state.is_active() && r.state != coracle_storage::ContainerState::Removing)
        .filter(|r| filter.matches(r, &config_of(r).labels))
        .filter(|r| until.iter().all(|t| r.created < *t))
        .collect();
    let (plan, _) = coracle_runtime::ids::userns::current_user_plan(false);
    for r in ended {
        let id = r.id.clone();
        control::remove(store, r, false, None, plan.as_ref())?;
        output::print(&format!("{id}\n"));
    }
    Ok(())
}

/// `until=` as Unix seconds: a timestamp, RFC 3339, or a duration before now.
fn until_seconds(value: &str) -> Result<i64> {
    if let Some(t) = output::parse_rfc3339(value) {
        return Ok(t);
    }
    if let Ok(t) = value.parse::<i64>() {
        return Ok(t);
    }
    if let Some(d) = super::logs::parse_go_duration(value) {
        return Ok(output::now() - d.as_secs() as i64);
    }
    anyhow::bail!(
        "invalid filter \"until={value}\": expected Unix seconds, an RFC 3339 time, or a duration such as 24h"
    )
}

/// `coracle container prune`.
pub fn container_prune(ctx: &Context, args: ContainerPruneArgs) -> Result<i32> {
    let filter = ContainerFilter::parse(&args.filter, FILTER_KEYS)?;
    if !confirmed(args.force, "all non running containers")? {
        return Ok(0);
    }
    prune_containers(&ctx.store()?, &filter)?;
    Ok(0)
}

/// `coracle system prune`: ended containers, then images (dangling ones, or with
/// `-a` every one no container uses) and the layers nothing uses any more.
pub fn system_prune(ctx: &Context, args: SystemPruneArgs) -> Result<i32> {
    let what = if args.all {
        "all stopped containers and all images without at least one container associated with them"
    } else {
        "all stopped containers and all dangling images"
    };
    if !confirmed(args.force, what)? {
        return Ok(0);
    }
    prune_containers(&ctx.store()?, &ContainerFilter::default())?;
    super::remove::prune(
        ctx,
        PruneArgs {
            all: args.all,
            force: true,
        },
    )
}
