//! `coracle pause` and `coracle unpause`: freeze and thaw containers (their freezer
//! cgroup where they have one, else SIGSTOP/SIGCONT of every process); each
//! container's name is printed once done.

use anyhow::Result;
use coracle_runtime::lifecycle::pause;
use coracle_storage::ContainerState;

use crate::args::PauseArgs;
use crate::commands::containers::targets;
use crate::context::Context;
use crate::output;

/// `pause` (`freeze` true) or `unpause`.
pub fn pause(ctx: &Context, args: PauseArgs, freeze: bool) -> Result<i32> {
    let store = ctx.store()?;
    let wanted = if freeze {
        ContainerState::Running
    } else {
        ContainerState::Paused
    };
    for r in targets(&store, &args.containers, &[], args.all, false)? {
        if args.all && r.state != wanted {
            continue;
        }
        if freeze {
            pause::pause(&store, &r.id)?;
        } else {
            pause::unpause(&store, &r.id)?;
        }
        output::print(&format!("{}\n", r.name));
    }
    Ok(0)
}
