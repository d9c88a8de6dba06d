//! `coracle container cleanup`: what a detached container's monitor runs once the
//! container ended (Podman's `container cleanup`); harmless to run by hand.

use anyhow::{bail, Result};
use coracle_runtime::lifecycle::cleanup;

use crate::args::ContainerCleanupArgs;
use crate::context::Context;
use crate::output;

/// Clean up after each container given; prints each one's id.
pub fn cleanup(ctx: &Context, args: ContainerCleanupArgs) -> Result<i32> {
    let store = ctx.store()?;
    let (plan, _) = coracle_runtime::ids::userns::current_user_plan(false);
    for name in &args.containers {
        let Some(record) = store.db.find_container(name)? else {
            cleanup::forget_removed(name);
            bail!("no container with name or ID {name:?} found: no such container");
        };
        cleanup::cleanup(&store, &record.id, plan.as_ref())?;
        output::print(&format!("{}\n", record.id));
    }
    Ok(0)
}
