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

/// Check a `--detach-keys` sequence as Podman does: empty, or comma-separated single
/// letters and `ctrl-X` (X one of a-z, @, ^, [, \, ], _).
fn check_detach_keys(keys: &str) -> Result<()> {
    let valid = |part: &str| match part.strip_prefix("ctrl-") {
        Some(key) => {
            key.len() == 1
                && key
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b"@^[\\]_".contains(&b))
        }
        None => part.len() == 1 && part.bytes().all(|b| b.is_ascii_alphabetic()),
    };
    if keys.is_empty() || keys.split(',').all(valid) {
        return Ok(());
    }
    bail!(
        "invalid --detach-keys {keys:?}: give a letter or ctrl-<key> items separated by commas, such as ctrl-p,ctrl-q"
    )
}

/// `coracle exec`.
pub fn exec(ctx: &Context, args: ExecArgs) -> Result<i32> {
    if let Some(keys) = &args.detach_keys {
        check_detach_keys(keys)?;
    }
    let options = ExecOptions {
        env: environment(&args.env, &args.env_file)?,
        command: args.command,
        user: args.user,
        workdir: args.workdir,
        tty: args.tty,
        interactive: args.interactive,
        detach: args.detach,
        privileged: args.privileged,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detach_keys_follow_podman() {
        for ok in ["", "ctrl-p,ctrl-q", "a", "ctrl-@", "ctrl-p,x"] {
            assert!(check_detach_keys(ok).is_ok(), "{ok}");
        }
        for bad in ["ctrl-", "ctrl-pq", "1", "ctrl-P", "shift-a", "a,,b"] {
            assert!(check_detach_keys(bad).is_err(), "{bad}");
        }
    }
}
