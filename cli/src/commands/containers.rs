//! The container commands scripts need: `start`, `ps`, `logs`, `stop`, `kill`, `rm`,
//! `wait`, `inspect`, `container exists`. Names, full ids and unique id prefixes all
//! find a container; every state read is checked against the live pids first.

use std::collections::BTreeMap;
use std::io::Write;
use std::time::Duration;

use anyhow::{bail, Result};
use coracle_runtime::lifecycle::control;
use coracle_runtime::monitor::log;
use coracle_runtime::spec::{signal_number, ContainerConfig};
use coracle_storage::{ContainerRecord, ContainerState, Store};
use serde_json::{json, Value};

use crate::args::{
    ContainerExistsArgs, KillArgs, LogsArgs, ObjectInspectArgs, PsArgs, RmArgs, StartArgs,
    StopArgs, WaitArgs,
};
use crate::context::Context;
use crate::output;

/// A container by name, id or unique id prefix, its state made truthful.
fn find(store: &Store, name: &str) -> Result<ContainerRecord> {
    match store.db.find_container(name)? {
        Some(r) => Ok(control::refresh(store, r)?),
        None => bail!("no container with name or ID {name:?} found: no such container"),
    }
}

/// Every container, newest first, states made truthful.
fn all(store: &Store) -> Result<Vec<ContainerRecord>> {
    store
        .db
        .list_containers()?
        .into_iter()
        .map(|r| Ok(control::refresh(store, r)?))
        .collect()
}

/// The containers a command names, or all of them (`--all`), or those matching
/// `filter` when all are asked for.
fn targets(
    store: &Store,
    names: &[String],
    every: bool,
    ignore_missing: bool,
) -> Result<Vec<ContainerRecord>> {
    if every {
        return all(store);
    }
    let mut out = Vec::new();
    for name in names {
        match find(store, name) {
            Ok(r) => out.push(r),
            Err(_) if ignore_missing && store.db.find_container(name).ok().flatten().is_none() => {}
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

fn short(id: &str) -> &str {
    &id[..id.len().min(12)]
}

fn rfc3339(secs: Option<i64>) -> String {
    match secs {
        Some(s) if s > 0 => log::rfc3339_nano(s, 0),
        _ => "0001-01-01T00:00:00Z".into(),
    }
}

/// Podman's STATUS column: "Up 3 seconds", "Exited (137) 2 minutes ago", "Created".
fn status_text(r: &ContainerRecord) -> String {
    let ago = |t: Option<i64>| output::human_ago(output::now() - t.unwrap_or(output::now()));
    match r.state {
        ContainerState::Running => format!("Up {}", ago(r.started).trim_end_matches(" ago")),
        ContainerState::Paused => "Paused".into(),
        ContainerState::Exited | ContainerState::Stopped => match r.exit_code {
            Some(code) => format!("Exited ({code}) {}", ago(r.finished)),
            None => format!("Exited (unknown) {}", ago(r.finished)),
        },
        ContainerState::Created => "Created".into(),
        ContainerState::Removing => "Removing".into(),
    }
}

fn config_of(r: &ContainerRecord) -> ContainerConfig {
    ContainerConfig::from_json(&r.id, &r.config).unwrap_or_default()
}

/// `ps --format json`: Podman's fields for one container.
fn ps_json(r: &ContainerRecord) -> Value {
    let config = config_of(r);
    json!({
        "Id": r.id,
        "Names": [r.name],
        "Image": r.image_name,
        "ImageID": r.image_id,
        "Command": r.command,
        "Created": r.created,
        "CreatedAt": output::human_ago(output::now() - r.created),
        "State": r.state.as_str(),
        "Status": status_text(r),
        "Exited": matches!(r.state, ContainerState::Exited | ContainerState::Stopped),
        "ExitCode": r.exit_code.unwrap_or(0),
        "ExitedAt": r.finished.unwrap_or(0),
        "StartedAt": r.started.unwrap_or(0),
        "Pid": r.pid.unwrap_or(0),
        "Labels": config.labels,
        "AutoRemove": config.remove,
        "Ports": [],
        "Mounts": [],
    })
}

/// What `ps --format TEMPLATE` sees: Podman's template fields (`.Names` is a string).
fn ps_item(r: &ContainerRecord, no_trunc: bool) -> Value {
    let config = config_of(r);
    json!({
        "ID": if no_trunc { r.id.as_str() } else { short(&r.id) },
        "Names": r.name,
        "Image": r.image_name,
        "ImageID": r.image_id,
        "Command": r.command.join(" "),
        "CreatedAt": log::rfc3339_nano(r.created, 0),
        "Created": output::human_ago(output::now() - r.created),
        "RunningFor": output::human_ago(output::now() - r.created),
        "Status": status_text(r),
        "State": r.state.as_str(),
        "ExitCode": r.exit_code.unwrap_or(0),
        "Pid": r.pid.unwrap_or(0),
        "Labels": config.labels,
        "Ports": "",
    })
}

/// `coracle ps`.
pub fn ps(ctx: &Context, args: PsArgs) -> Result<i32> {
    let store = ctx.store()?;
    let mut list: Vec<ContainerRecord> = all(&store)?
        .into_iter()
        .filter(|r| args.all || args.latest || args.last.is_some() || r.state.is_active())
        .collect();
    if args.latest {
        list.truncate(1);
    } else if let Some(n) = args.last {
        list.truncate(n);
    }
    if args.quiet {
        let ids: String = list
            .iter()
            .map(|r| {
                let id = if args.no_trunc {
                    r.id.as_str()
                } else {
                    short(&r.id)
                };
                format!("{id}\n")
            })
            .collect();
        output::print(&ids);
        return Ok(0);
    }
    if let Some(format) = &args.format {
        let items: Vec<Value> = if format.trim() == "json" {
            list.iter().map(ps_json).collect()
        } else {
            list.iter().map(|r| ps_item(r, args.no_trunc)).collect()
        };
        output::print(&output::formatted(format, &items, &ps_headers())?);
        return Ok(0);
    }
    let format = if args.noheading {
        "{{.ID}}\t{{.Image}}\t{{.Command}}\t{{.Created}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}"
    } else {
        "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.Created}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}"
    };
    let items: Vec<Value> = list.iter().map(|r| ps_item(r, args.no_trunc)).collect();
    output::print(&output::formatted(format, &items, &ps_headers())?);
    Ok(0)
}

fn ps_headers() -> BTreeMap<&'static str, &'static str> {
    BTreeMap::from([
        ("ID", "CONTAINER ID"),
        ("Names", "NAMES"),
        ("Command", "COMMAND"),
        ("Created", "CREATED"),
        ("Status", "STATUS"),
    ])
}

/// `coracle start`: each container under a new monitor; prints each name given.
pub fn start(ctx: &Context, args: StartArgs) -> Result<i32> {
    let store = ctx.store()?;
    for name in &args.containers {
        let r = find(&store, name)?;
        if r.state.is_active() {
            output::print(&format!("{name}\n"));
            continue;
        }
        match control::start_detached(&store, &r.id) {
            Ok(_) => output::print(&format!("{name}\n")),
            Err(e) => return Err(e.into()),
        }
    }
    Ok(0)
}

/// `coracle logs`.
pub fn logs(ctx: &Context, args: LogsArgs) -> Result<i32> {
    let store = ctx.store()?;
    let r = find(&store, &args.container)?;
    let path = coracle_runtime::lifecycle::launch::log_path(&store, &r.id, &config_of(&r));
    let (mut entries, mut offset) = log::read_from(&path, 0)?;
    if let Some(n) = args.tail {
        let full: Vec<usize> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.full)
            .map(|(i, _)| i)
            .collect();
        let start = if n == 0 {
            entries.len()
        } else if full.len() > n {
            full[full.len() - n - 1] + 1
        } else {
            0
        };
        entries.drain(..start);
    }
    print_entries(&entries, args.timestamps);
    if !args.follow {
        return Ok(0);
    }
    loop {
        let ended = match store.db.find_container(&r.id)? {
            Some(now) => !control::refresh(&store, now)?.state.is_active(),
            None => true,
        };
        let (more, next) = log::read_from(&path, offset)?;
        offset = next;
        print_entries(&more, args.timestamps);
        if ended {
            return Ok(0);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn print_entries(entries: &[log::Entry], timestamps: bool) {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let mut line_start = true;
    for e in entries {
        let sink: &mut dyn Write = match e.stream {
            log::Stream::Stdout => &mut out,
            log::Stream::Stderr => &mut err,
        };
        if timestamps && line_start {
            let _ = write!(sink, "{} ", e.timestamp);
        }
        let _ = sink.write_all(&e.output());
        line_start = e.full;
    }
    let _ = out.flush();
}

/// `coracle stop`: prints each container given.
pub fn stop(ctx: &Context, args: StopArgs) -> Result<i32> {
    let store = ctx.store()?;
    let list = targets(&store, &args.containers, args.all, args.ignore)?;
    for r in list {
        if args.all && !r.state.is_active() {
            continue;
        }
        let name = r.name.clone();
        control::stop(&store, r, args.time)?;
        output::print(&format!("{name}\n"));
    }
    Ok(0)
}

/// `coracle kill`.
pub fn kill(ctx: &Context, args: KillArgs) -> Result<i32> {
    let signal = signal_number(&args.signal)?;
    let store = ctx.store()?;
    let list = targets(&store, &args.containers, args.all, false)?;
    for r in list {
        if args.all && !r.state.is_active() {
            continue;
        }
        control::kill(&r, signal)?;
        output::print(&format!("{}\n", r.name));
    }
    Ok(0)
}

/// `coracle rm`: prints each removed container's id.
pub fn rm(ctx: &Context, args: RmArgs) -> Result<i32> {
    let store = ctx.store()?;
    let list = targets(&store, &args.containers, args.all, args.ignore)?;
    let (plan, _) = coracle_runtime::ids::userns::current_user_plan(false);
    for r in list {
        let id = r.id.clone();
        control::remove(&store, r, args.force, args.time, plan.as_ref())?;
        output::print(&format!("{id}\n"));
    }
    Ok(0)
}

/// `coracle wait`: each container's exit code, once it ended.
pub fn wait(ctx: &Context, args: WaitArgs) -> Result<i32> {
    let store = ctx.store()?;
    for name in &args.containers {
        let r = find(&store, name)?;
        let ended = control::wait_ended(&store, &r.id, None)?;
        let code = ended.and_then(|r| r.exit_code).unwrap_or(-1);
        output::print(&format!("{code}\n"));
    }
    Ok(0)
}

/// `coracle container exists`: 0 if it does, 1 if not.
pub fn exists(ctx: &Context, args: ContainerExistsArgs) -> Result<i32> {
    let store = ctx.store()?;
    Ok(if store.db.find_container(&args.container)?.is_some() {
        0
    } else {
        1
    })
}

/// The object Podman's `container inspect` prints.
pub fn inspect_value(store: &Store, r: &ContainerRecord) -> Value {
    let config = config_of(r);
    let dir = coracle_runtime::lifecycle::launch::container_dir(store, &r.id);
    let running = r.state == ContainerState::Running;
    json!({
        "Id": r.id,
        "Created": rfc3339(Some(r.created)),
        "Path": r.command.first().cloned().unwrap_or_default(),
        "Args": r.command.iter().skip(1).collect::<Vec<_>>(),
        "State": {
            "Status": r.state.as_str(),
            "Running": running,
            "Paused": r.state == ContainerState::Paused,
            "Restarting": false,
            "OOMKilled": false,
            "Dead": false,
            "Pid": r.pid.unwrap_or(0),
            "ConmonPid": r.monitor_pid.unwrap_or(0),
            "ExitCode": r.exit_code.unwrap_or(0),
            "Error": r.error.clone().unwrap_or_default(),
            "StartedAt": rfc3339(r.started),
            "FinishedAt": rfc3339(r.finished),
        },
        "Image": r.image_id,
        "ImageName": r.image_name,
        "Name": r.name,
        "RestartCount": r.restart_count,
        "Driver": "overlay",
        "MountLabel": "",
        "ProcessLabel": "",
        "LogPath": coracle_runtime::lifecycle::launch::log_path(store, &r.id, &config),
        "StaticDir": dir.join("userdata"),
        "Config": {
            "Hostname": config.hostname.clone().unwrap_or_default(),
            "User": config.user.clone().unwrap_or_default(),
            "Env": config.env,
            "Cmd": r.command,
            "Image": r.image_name,
            "WorkingDir": config.workdir.clone().unwrap_or_else(|| "/".into()),
            "Entrypoint": config.entrypoint.clone().map(|e| vec![e]).unwrap_or_default(),
            "Labels": config.labels,
            "Annotations": config.annotations,
            "StopSignal": config.stop_signal.clone().unwrap_or_else(|| "SIGTERM".into()),
            "StopTimeout": config.stop_timeout(),
            "Tty": config.tty,
            "OpenStdin": config.interactive,
        },
        "HostConfig": {
            "AutoRemove": config.remove,
            "Privileged": config.privileged,
            "ReadonlyRootfs": config.read_only,
            "CapAdd": config.cap_add,
            "CapDrop": config.cap_drop,
            "RestartPolicy": {
                "Name": config.restart.name(),
                "MaximumRetryCount": match config.restart {
                    coracle_runtime::spec::RestartPolicy::OnFailure(n) => n,
                    _ => 0,
                },
            },
            "LogConfig": {
                "Type": config.log.driver.name(),
                "Path": coracle_runtime::lifecycle::launch::log_path(store, &r.id, &config),
            },
            "Init": config.init,
        },
        "Mounts": [],
        "NetworkSettings": {},
    })
}

/// `coracle container inspect` and top-level `inspect`: containers first, then (for
/// `inspect`) images, as Podman looks them up.
pub fn inspect(ctx: &Context, args: ObjectInspectArgs, images_too: bool) -> Result<i32> {
    let store = ctx.store()?;
    let mut items = Vec::new();
    let mut missing = Vec::new();
    for name in &args.names {
        match store.db.find_container(name)? {
            Some(r) => {
                let r = control::refresh(&store, r)?;
                items.push(inspect_value(&store, &r))
            }
            None if images_too => match super::inspect::image_value(ctx, &store, name)? {
                Some(v) => items.push(v),
                None => missing.push(name.clone()),
            },
            None => missing.push(name.clone()),
        }
    }
    match args.format.as_deref() {
        None => output::print(&output::json(&Value::Array(items))?),
        Some(f) => output::print(&output::formatted(f, &items, &BTreeMap::new())?),
    }
    if let Some(name) = missing.first() {
        bail!("no such object: {name:?}");
    }
    Ok(0)
}
