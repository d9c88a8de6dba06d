//! `coracle attach` and `start -a`: the caller's terminal joined to the terminal of a
//! detached `-t` container through its monitor; the detach keys (default
//! ctrl-p,ctrl-q, `--detach-keys ""` for none) leave it running. A container without
//! a terminal shows its output until it ends, as `logs -f` from now on.

use std::path::PathBuf;

use anyhow::{bail, Result};
use coracle_runtime::lifecycle::attach::{self, AttachEnd, DEFAULT_DETACH_KEYS};
use coracle_runtime::lifecycle::{control, launch};
use coracle_runtime::spec::LogDriver;
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
    let config = config_of(&record);
    if config.tty {
        let session = attach::connect(&record.id)?;
        return relay_session(&store, &record, session, &keys, !args.no_stdin);
    }
    follow_output(&store, &record)
}

/// Attach to a container without a terminal: its output from now on (see
/// [`follow_output_from`]), then its exit code.
fn follow_output(store: &Store, record: &ContainerRecord) -> Result<i32> {
    let log = output_log(store, record)?;
    let offset = std::fs::metadata(&log).map_or(0, |m| m.len());
    follow_output_from(store, &record.id, log, offset)
}

/// The log a container without a terminal writes its output to, or a one-line error
/// when it logs nothing (`--log-driver none`).
pub(crate) fn output_log(store: &Store, record: &ContainerRecord) -> Result<PathBuf> {
    let config = config_of(record);
    if config.log.driver == LogDriver::None {
        bail!(
            "cannot attach to container {}: it has no terminal and logs nothing (--log-driver none), so there is no output to follow",
            record.name
        );
    }
    Ok(launch::log_path(store, &record.id, &config))
}

/// The output of container `id` from `offset` of its `log` on, read as the monitor
/// writes it (each stream to the caller's stream of the same name), until it ends;
/// then its exit code. Its standard input is the monitor's: none of the caller's
/// input reaches it.
pub(crate) fn follow_output_from(
    store: &Store,
    id: &str,
    log: PathBuf,
    offset: u64,
) -> Result<i32> {
    crate::commands::logs::follow_until_ended(store, id, log, offset)?;
    let ended = control::wait_ended(store, id, None)?;
    Ok(ended.and_then(|r| r.exit_code).unwrap_or(-1))
}

/// Relay `session` to the running container `record`: 0 when detached, else its
/// exit code once it ended.
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
