//! `coracle exec` and `coracle top`: a further process in a running container, and
//! the container's processes. Both find the container by name, id or prefix, its
//! state made truthful first; exec's exit status is the command's.

use anyhow::{bail, Result};
use coracle_runtime::lifecycle::exec::{self, ExecOptions};
use coracle_runtime::lifecycle::top;
use coracle_storage::ContainerState;

use crate::args::{ExecArgs, TopArgs};
use crate::commands::containers::find;
use crate::commands::run::{environment, exit_code};
use crate::context::Context;
use crate::output;

/// `coracle exec`.
pub fn exec(ctx: &Context, args: ExecArgs) -> Result<i32> {
    let detach_keys = crate::commands::attach::detach_keys(args.detach_keys.as_deref())?;
    let options = ExecOptions {
        env: environment(&args.env, &args.env_file)?,
        command: args.command,
        user: args.user,
        workdir: args.workdir,
        tty: args.tty,
        interactive: args.interactive,
        detach: args.detach,
        privileged: args.privileged,
        detach_keys,
    };
    let store = ctx.store()?;
    let record = find(&store, &args.container)?;
    exit_code(exec::exec(&store, &record, &options))
}

/// `coracle top`.
pub fn top(ctx: &Context, args: TopArgs) -> Result<i32> {
    let descriptors = top::parse_descriptors(&args.descriptors)?;
    let store = ctx.store()?;
    let record = find(&store, &args.container)?;
    let pid = match (record.state, record.pid) {
        (ContainerState::Running | ContainerState::Paused, Some(pid)) if pid > 0 => pid,
        (state, _) => bail!(
            "container {} is {}: top needs a running container",
            record.name,
            state.as_str()
        ),
    };
    let rows = top::top(pid, record.started, &descriptors)?;
    output::print(&crate::format::table::align(&rows));
    Ok(0)
}
