//! `coracle system reset`: every container (stopped or killed first), image, layer,
//! volume and record goes, and the store directory with them. Files owned by
//! subordinate ids (unpacked layers, containers' writes, volume data) are removed
//! inside the user namespace, as `podman system reset` does, so nothing is left.

use std::io::IsTerminal;

use anyhow::{bail, Result};
use coracle_runtime::lifecycle::control;

use crate::args::SystemResetArgs;
use crate::context::Context;

/// Ask on the terminal; without one, refuse (a reset cannot be undone).
fn confirmed(ctx: &Context, force: bool) -> Result<bool> {
    if force {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        bail!(
            "system reset removes every container, image and volume in {}: standard input is not a terminal to confirm on, so pass -f (--force) to reset",
            ctx.root.display()
        );
    }
    let answer = super::prompt::ask(
        &format!(
            "WARNING! This removes every container, image and volume in {}.\nAre you sure you want to continue? [y/N]",
            ctx.root.display()
        ),
        "-f",
    )?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}

/// `coracle system reset [-f]`.
pub fn reset(ctx: &Context, args: SystemResetArgs) -> Result<i32> {
    if !confirmed(ctx, args.force)? {
        return Ok(0);
    }
    let (plan, _) = coracle_runtime::ids::userns::current_user_plan(false);
    if ctx.root.exists() {
        let store = ctx.store()?;
        // Each container through its own removal (running ones killed, their
        // cgroups and runtime files released); a failure is reported, and the
        // files go anyway with the whole store below.
        for c in store.db.list_containers()? {
            let name = c.name.clone();
            if let Err(e) = control::remove(&store, c, true, Some(0), plan.as_ref()) {
                eprintln!("WARN[0000] container {name}: {e}");
            }
        }
        drop(store);
        coracle_runtime::ids::userns::remove_tree(&ctx.root, plan.as_ref())?;
    }
    // The runtime directory is shared with the user's other stores (--root): the
    // removed containers' exit files went with each container; the events log goes,
    // and the rootless network's files once no container keeps its namespace alive
    // (the last container's removal ended it).
    let runtime = coracle_runtime::lifecycle::rundir::runtime_dir();
    let _ = std::fs::remove_dir_all(runtime.join("events"));
    let paths = coracle_network::RootlessPaths::new(&runtime);
    if coracle_network::RootlessNetns::read_alive(&paths).is_none() {
        let _ = std::fs::remove_dir_all(paths.dir());
    }
    Ok(0)
}
