//! `coracle healthcheck run CTR`: the container's health check once; exit 0 when it
//! succeeded, 1 (printing "unhealthy") when it failed, 125 when it could not run
//! (no such container, no health check, not running), as Podman.

use anyhow::Result;
use coracle_runtime::lifecycle::health;

use crate::args::HealthcheckRunArgs;
use crate::commands::containers::find;
use crate::context::Context;
use crate::output;

/// `healthcheck run`.
pub fn run(ctx: &Context, args: HealthcheckRunArgs) -> Result<i32> {
    let store = ctx.store()?;
    let record = find(&store, &args.container)?;
    let (_, healthy) = health::run_check(&store, &record)?;
    if healthy {
        return Ok(0);
    }
    output::print("unhealthy\n");
    Ok(1)
}
