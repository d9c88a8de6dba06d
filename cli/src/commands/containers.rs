//! The container commands scripts need: `start`, `stop`, `kill`, `restart`, `rm`,
//! `wait`, `rename`, `port`, `inspect`, `container exists` (`ps` and `logs` have
//! modules of their own). Names, full ids and unique id prefixes all find a
//! container (an ambiguous prefix is an error listing the candidates); every state
//! read is checked against the live pids first.

use coracle_storage::events::{self, Event, EventType};
use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{bail, Result};
use coracle_runtime::lifecycle::{conditions, control, removal, restart};
use coracle_runtime::spec::{signal_number, ContainerConfig};
use coracle_storage::{ContainerRecord, ContainerState, Store};
use serde_json::{json, Value};

use super::name_rules::check_container_name;
use crate::args::{
    ContainerExistsArgs, KillArgs, ObjectInspectArgs, PortArgs, RenameArgs, RestartArgs, RmArgs,
    StartArgs, StopArgs, WaitArgs,
};
use crate::context::Context;
use crate::output;

/// Exit status of `rm` when a named container does not exist (Podman's).
const EXIT_NO_SUCH_CONTAINER: i32 = 1;
/// Exit status of `rm` when a container runs or is paused and `--force` was not
/// given (Podman's).
const EXIT_CONTAINER_ACTIVE: i32 = 2;

/// No container has the name, id or id prefix the user gave.
#[derive(Debug, thiserror::Error)]
#[error("no container with name or ID {0:?} found: no such container")]
pub(crate) struct NoSuchContainer(String);

/// A container by name, id or unique id prefix, its state made truthful.
pub(crate) fn find(store: &Store, name: &str) -> Result<ContainerRecord> {
    match store.db.find_container(name)? {
        Some(r) => Ok(control::refresh(store, r)?),
        None => Err(NoSuchContainer(name.to_string()).into()),
    }
}

/// Every container, newest first, states made truthful (one query).
pub(super) fn all(store: &Store) -> Result<Vec<ContainerRecord>> {
    Ok(control::all(store)?)
}

/// The containers a command names (and those whose ids `cidfiles` hold), or all of
/// them (`--all`). With `ignore_missing`, names and cidfiles that find nothing are
/// skipped; an ambiguous prefix is an error all the same.
pub(crate) fn targets(
    store: &Store,
    names: &[String],
    cidfiles: &[PathBuf],
    every: bool,
    ignore_missing: bool,
) -> Result<Vec<ContainerRecord>> {
    if every {
        return all(store);
    }
    let mut wanted: Vec<String> = names.to_vec();
    for path in cidfiles {
        match std::fs::read_to_string(path) {
            Ok(text) => wanted.push(text.trim().to_string()),
            Err(e) if ignore_missing && e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => bail!(
                "cannot read the container id from --cidfile {}: {e}",
                path.display()
            ),
        }
    }
    let mut out: Vec<ContainerRecord> = Vec::new();
    for name in &wanted {
        match store.db.find_container(name)? {
            Some(r) => {
                if !out.iter().any(|o| o.id == r.id) {
                    out.push(control::refresh(store, r)?);
                }
            }
            None if ignore_missing => {}
            None => return Err(NoSuchContainer(name.clone()).into()),
        }
    }
    Ok(out)
}

/// The first 12 digits of an id.
pub(super) fn short(id: &str) -> &str {
    &id[..id.len().min(12)]
}

fn rfc3339(secs: Option<i64>) -> String {
    match secs {
        Some(s) if s > 0 => output::go_rfc3339(s),
        _ => "0001-01-01T00:00:00Z".into(),
    }
}

/// Podman's STATUS column: "Up 3 seconds", "Exited (137) 2 minutes ago", "Created".
pub(super) fn status_text(r: &ContainerRecord) -> String {
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

/// The container's saved spec (defaults for a record without one).
pub(super) fn config_of(r: &ContainerRecord) -> ContainerConfig {
    coracle_runtime::lifecycle::pods::members::config_of(r)
}

/// `coracle start`: each container under a new monitor; prints each name given.
pub fn start(ctx: &Context, args: StartArgs) -> Result<i32> {
    if args.attach {
        return start_attached(ctx, args);
    }
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

/// `coracle start -a`: start one container and attach to its terminal.
fn start_attached(ctx: &Context, args: StartArgs) -> Result<i32> {
    let keys = crate::commands::attach::detach_keys(args.detach_keys.as_deref())?;
    let [name] = &args.containers[..] else {
        bail!(
            "start --attach takes one container, {} given",
            args.containers.len()
        );
    };
    let store = ctx.store()?;
    let record = find(&store, name)?;
    let config = config_of(&record);
    let log = coracle_runtime::lifecycle::launch::log_path(&store, &record.id, &config);
    let offset = std::fs::metadata(&log).map_or(0, |m| m.len());
    if config.tty {
        let record = control::start_detached(&store, &record.id)?;
        // A monitor that does not answer is done: its container ended before the
        // attach, and what it wrote is in its log.
        if let Ok(session) = coracle_runtime::lifecycle::attach::connect(&record.id) {
            return crate::commands::attach::relay_session(&store, &record, session, &keys, true);
        }
    }
    // Without a terminal: what this start writes to the log, then the exit code.
    crate::commands::attach::output_log(&store, &record)?;
    let started = match config.tty {
        true => record,
        false => control::start_detached(&store, &record.id)?,
    };
    crate::commands::attach::follow_output_from(&store, &started.id, log, offset)
}

/// `coracle stop`: prints each container given.
pub fn stop(ctx: &Context, args: StopArgs) -> Result<i32> {
    let store = ctx.store()?;
    let list = targets(
        &store,
        &args.containers,
        &args.cidfile,
        args.all,
        args.ignore,
    )?;
    for r in list {
        if args.all && !r.state.is_active() {
            continue;
        }
        let name = r.name.clone();
        let stopped = control::stop(&store, r, args.time)?;
        record_event(&stopped, "stop", None);
        output::print(&format!("{name}\n"));
    }
    Ok(0)
}

/// Record a container event that no state change makes (stop, kill, restart), with
/// one attribute if given.
fn record_event(r: &ContainerRecord, status: &str, attribute: Option<(&str, String)>) {
    let mut event =
        Event::new(EventType::Container, status, &r.id, &r.name).with_image(&r.image_name);
    if let Some((key, value)) = attribute {
        event.attributes.insert(key.to_string(), value);
    }
    events::record(&event);
}

/// `coracle kill`.
pub fn kill(ctx: &Context, args: KillArgs) -> Result<i32> {
    let signal = signal_number(&args.signal)?;
    let store = ctx.store()?;
    let list = targets(&store, &args.containers, &[], args.all, false)?;
    for r in list {
        if args.all && !r.state.is_active() {
            continue;
        }
        control::kill(&r, signal)?;
        record_event(&r, "kill", Some(("signal", signal.to_string())));
        output::print(&format!("{}\n", r.name));
    }
    Ok(0)
}

/// `coracle rm`: prints each removed container's id. With `--depend` the containers
/// that depend on one named (join its namespaces) go first; without it, a
/// container others depend on is refused, naming them. Podman's exit statuses: 1
/// when a named container does not exist (nothing is removed), 2 when one runs and
/// `--force` was not given (the others are removed).
pub fn rm(ctx: &Context, args: RmArgs) -> Result<i32> {
    let store = ctx.store()?;
    let named = match targets(
        &store,
        &args.containers,
        &args.cidfile,
        args.all,
        args.ignore,
    ) {
        Err(e) if e.is::<NoSuchContainer>() => {
            output::print_error(&e);
            return Ok(EXIT_NO_SUCH_CONTAINER);
        }
        named => named?,
    };
    // Who depends on whom needs only the saved specs, not each container's state.
    let everything = store.db.list_containers()?;
    let order = removal::removal_order(&named, &everything, args.depend || args.all)?;
    coracle_runtime::lifecycle::pods::remove::refuse_infra_removal(&store, &order)?;
    let (plan, _) = coracle_runtime::ids::userns::current_user_plan(false);
    let mut status = 0;
    for r in order {
        let id = r.id.clone();
        let config = config_of(&r);
        match control::remove(&store, r, args.force, args.time, plan.as_ref()) {
            Err(e @ coracle_runtime::RuntimeError::RemoveActive { .. }) => {
                output::print_error(&e.into());
                status = EXIT_CONTAINER_ACTIVE;
                continue;
            }
            removed => removed?,
        }
        if args.volumes {
            coracle_runtime::lifecycle::volumes::remove_anonymous(&store, &config, plan.as_ref())?;
        }
        output::print(&format!("{id}\n"));
    }
    Ok(status)
}

/// `coracle wait`: each container's exit code once a `--condition` holds (default:
/// it has stopped); -1 for conditions other than stopped and exited, as Podman.
pub fn wait(ctx: &Context, args: WaitArgs) -> Result<i32> {
    let store = ctx.store()?;
    let conditions: Vec<&str> = if args.condition.is_empty() {
        vec!["stopped"]
    } else {
        args.condition.iter().map(String::as_str).collect()
    };
    let ends = conditions
        .iter()
        .all(|c| matches!(*c, "stopped" | "exited"));
    for name in &args.containers {
        let r = find(&store, name)?;
        let code = if ends {
            let ended = control::wait_ended(&store, &r.id, None)?;
            ended.and_then(|r| r.exit_code).unwrap_or(-1)
        } else {
            conditions::wait_for_state(&store, &r.id, &conditions)?
        };
        output::print(&format!("{code}\n"));
    }
    Ok(0)
}

/// `coracle restart`: stop each container (if running), then start it under a new
/// monitor; prints each container's id.
pub fn restart(ctx: &Context, args: RestartArgs) -> Result<i32> {
    let store = ctx.store()?;
    let list = targets(&store, &args.containers, &[], args.all, false)?;
    for r in list {
        if args.running && !r.state.is_active() {
            continue;
        }
        let id = r.id.clone();
        let r = restart::restart(&store, r, args.time)?;
        record_event(&r, "restart", None);
        output::print(&format!("{id}\n"));
    }
    Ok(0)
}

/// `coracle rename`: a taken name is an error naming its holder.
pub fn rename(ctx: &Context, args: RenameArgs) -> Result<i32> {
    check_container_name("container name", &args.name)?;
    let store = ctx.store()?;
    let r = find(&store, &args.container)?;
    store.db.rename_container(&r.id, &args.name)?;
    Ok(0)
}

/// `coracle port`: a container's published ports (`8080/tcp -> 0.0.0.0:18080`), one
/// private port's host address with PORT[/PROTO], or with `-a` every container's.
pub fn port(ctx: &Context, args: PortArgs) -> Result<i32> {
    use coracle_runtime::lifecycle::netns::published_ports;
    let store = ctx.store()?;
    let records = match &args.container {
        Some(name) => vec![find(&store, name)?],
        None => store.db.list_containers()?,
    };
    let wanted = args.port.as_deref().map(|p| match p.split_once('/') {
        Some((port, proto)) => (port.to_string(), proto.to_string()),
        None => (p.to_string(), "tcp".to_string()),
    });
    let mut text = String::new();
    for r in &records {
        if r.state != ContainerState::Running {
            continue;
        }
        for m in published_ports(&r.id) {
            match &wanted {
                Some((port, proto))
                    if *port == m.container_port.to_string() && *proto == m.protocol =>
                {
                    let ip = m.host_ip.unwrap_or(std::net::Ipv4Addr::UNSPECIFIED);
                    text.push_str(&format!("{ip}:{}\n", m.host_port));
                }
                Some(_) => {}
                None if args.all => text.push_str(&format!("{}\t{}\n", short(&r.id), m.line())),
                None => text.push_str(&format!("{}\n", m.line())),
            }
        }
    }
    output::print(&text);
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

/// `State.Health`: the recorded checks of a container with `--health-cmd` (Podman
/// shows "starting" until a check counted), `null` without one.
fn health_value(store: &Store, r: &ContainerRecord, config: &ContainerConfig) -> Value {
    use coracle_runtime::lifecycle::health;
    if config.health.is_none() {
        return Value::Null;
    }
    let state = health::read_state(store, &r.id).unwrap_or_default();
    let log: Vec<Value> = state
        .log
        .iter()
        .map(|e| {
            json!({
                "Start": rfc3339(Some(e.start)),
                "End": rfc3339(Some(e.end)),
                "ExitCode": e.exit_code,
                "Output": e.output,
            })
        })
        .collect();
    json!({
        "Status": state.status,
        "FailingStreak": state.failing_streak,
        "Log": log,
    })
}

/// `HostConfig.IDMappings`: a mapping other than the default as Podman shows it,
/// `CONTAINER:HOST:SIZE` strings whose HOST counts in the caller's default mapping
/// (0 is the caller); null for the default.
fn id_mappings(config: &ContainerConfig) -> Value {
    let (stored, _) = coracle_runtime::ids::userns::current_user_plan(false);
    let maps =
        coracle_runtime::ids::usermap::maps_in_default_ids(&config.id_mapping(), stored.as_ref());
    let text = |map: &[coracle_runtime::ids::idmap::IdMapping]| {
        map.iter()
            .map(|m| format!("{}:{}:{}", m.container_id, m.host_id, m.size))
            .collect::<Vec<_>>()
    };
    match maps {
        Ok(Some((uids, gids))) => json!({"UidMap": text(&uids), "GidMap": text(&gids)}),
        _ => Value::Null,
    }
}

/// `HostConfig.NetworkMode` as Podman names it: `bridge`, `none`, `host`,
/// `pasta`, `slirp4netns`, `container:ID` or `ns:PATH`.
fn network_mode_name(config: &ContainerConfig) -> String {
    use coracle_runtime::spec::network_mode::NetworkChoice;
    use coracle_runtime::spec::NamespaceMode;
    match &config.namespaces.network {
        NamespaceMode::Host => "host".into(),
        NamespaceMode::Container(id) => format!("container:{id}"),
        NamespaceMode::Path(path) => format!("ns:{}", path.display()),
        NamespaceMode::New => match &config.network {
            NetworkChoice::Loopback => "none".into(),
            NetworkChoice::Bridge(_) => "bridge".into(),
            NetworkChoice::Pasta(_) => "pasta".into(),
            NetworkChoice::Slirp4netns(_) => "slirp4netns".into(),
        },
    }
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
            "OOMKilled": coracle_runtime::cgroups::was_oom_killed(&dir.join("userdata")),
            "Dead": false,
            "Pid": r.pid.unwrap_or(0),
            "ConmonPid": r.monitor_pid.unwrap_or(0),
            "ExitCode": r.exit_code.unwrap_or(0),
            "Error": r.error.clone().unwrap_or_default(),
            "StartedAt": rfc3339(r.started),
            "FinishedAt": rfc3339(r.finished),
            "Health": health_value(store, r, &config),
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
            "Timezone": config.timezone.clone().unwrap_or_default(),
            "Umask": format!("{:04o}", config.umask.unwrap_or(coracle_runtime::spec::DEFAULT_UMASK)),
            "Timeout": config.timeout.unwrap_or(0),
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
            "Memory": config.resources.memory.unwrap_or(0),
            "MemorySwap": config.resources.memory_swap.unwrap_or(0),
            "NanoCpus": config.resources.nano_cpus.unwrap_or(0),
            "CpuShares": config.resources.cpu_shares.unwrap_or(0),
            "PidsLimit": config.resources.pids_limit.unwrap_or(0),
            "Ulimits": config.ulimits.iter().map(|u| json!({
                "Name": format!("RLIMIT_{}", u.name.to_ascii_uppercase()),
                "Soft": u.soft,
                "Hard": u.hard,
            })).collect::<Vec<_>>(),
            "ShmSize": config.shm_size.unwrap_or(64 << 20),
            "Sysctls": config.sysctls,
            "ExtraHosts": config.add_hosts.iter().map(|h| format!("{}:{}", h.name, h.ip)).collect::<Vec<_>>(),
            "Dns": config.dns.servers,
            "DnsSearch": config.dns.search,
            "DnsOptions": config.dns.options,
            "UsernsMode": config.id_mapping().podman_name(),
            "IDMappings": id_mappings(&config),
            "PortBindings": super::network_settings::port_map(&config.publish),
            "NetworkMode": network_mode_name(&config),
        },
        "Mounts": super::volume::inspect_mounts(store, &config),
        "NetworkSettings": super::network_settings::network_settings(
            store,
            r,
            super::network::inspect_settings(store, &config),
        ),
    })
}

/// `coracle container inspect` (the top-level `inspect` is
/// [`super::object_inspect`]).
pub fn inspect(ctx: &Context, args: ObjectInspectArgs) -> Result<i32> {
    let store = ctx.store()?;
    let mut items = Vec::new();
    let mut missing = Vec::new();
    for name in &args.names {
        match store.db.find_container(name)? {
            Some(r) => {
                let r = control::refresh(&store, r)?;
                items.push(inspect_value(&store, &r))
            }
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
