//! `coracle attach` and `start -a`: the caller's terminal joined to the terminal of a
//! detached `-t` container through its monitor; the detach keys (default
//! ctrl-p,ctrl-q, `--detach-keys ""` for none) leave it running.

use anyhow::{bail, Result};
use coracle_runtime::lifecycle::attach::{self, AttachEnd, DEFAULT_DETACH_KEYS};
use coracle_runtime::lifecycle::control;
use coracle_storage::{ContainerRecord, Store};

use crate::args::AttachArgs;
use crate::commands::containers::{config_of, find};
use crate::context::Context;

/// The detach keys `--detach-keys` asks for (Podman's default when absent), or a
/// one-line error naming the flag.
pub(crate) fn detach_keys(given: Option<&str>) -> Result<Vec<u8>> {
    Ok(attach::parse_detach_keys(
        given.unwrap_or(DEFAULT_DETACH_KEYS),
    )?)
}

/// `coracle attach`.
pub fn attach(ctx: &Context, args: AttachArgs) -> Result<i32> {
    let keys = detach_keys(args.detach_keys.as_deref())?;
    let store = ctx.store()?;
    let record = find(&store, &args.container)?;
    let record = control::refresh(&store, record)?;
    if !record.state.is_active() {
        bail!(
            "cannot attach to container {}: it is {}; start it with `coracle start -a`",
            record.name,
            record.state.as_str()
        );
    }
    attach_to(&store, &record, &keys, !args.no_stdin)
}

/// Refuse a container without a terminal, naming the way to follow it.
pub(crate) fn check_terminal(record: &ContainerRecord) -> Result<()> {
    if !config_of(record).tty {
        bail!(
            "cannot attach to container {}: it has no terminal (run it with -t); `coracle logs -f {}` follows its output",
            record.name,
            record.name
        );
    }
    Ok(())
}

/// Attach to the running container `record`: 0 when detached, else its exit code
/// once it ended.
pub(crate) fn attach_to(
    store: &Store,
    record: &ContainerRecord,
    keys: &[u8],
    stdin: bool,
) -> Result<i32> {
    check_terminal(record)?;
    relay_session(store, record, attach::connect(&record.id)?, keys, stdin)
}

/// Relay `session` to the running container `record` (see [`attach_to`]).
pub(crate) fn relay_session(
    store: &Store,
    record: &ContainerRecord,
    session: attach::Session,
    keys: &[u8],
    stdin: bool,
) -> Result<i32> {
    let interactive = config_of(record).interactive;
    match attach::relay(session, keys, stdin && interactive)? {
        AttachEnd::Detached => Ok(0),
        AttachEnd::Ended => {
            let ended = control::wait_ended(store, &record.id, None)?;
            Ok(ended.and_then(|r| r.exit_code).unwrap_or(-1))
        }
    }
}
