//! `coracle stats`: running containers' CPU, memory, network, block I/O and process
//! counts from their cgroups, as Podman's table or a `--format` template/json. Where
//! the caller has no cgroups (rootless on a cgroup v1 host, v2 without delegation)
//! it fails at once naming the reason, as Podman does.

use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::{bail, Result};
use coracle_runtime::lifecycle::stats::{stats as read_stats, ContainerStats};
use coracle_storage::{ContainerRecord, Store};
use serde_json::{json, Value};

use crate::args::StatsArgs;
use crate::commands::containers::targets;
use crate::context::Context;
use crate::output::{self, human_size};

const DEFAULT_FORMAT: &str = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";

fn headers() -> BTreeMap<&'static str, &'static str> {
    BTreeMap::from([
        ("ID", "ID"),
        ("Name", "NAME"),
        ("CPUPerc", "CPU %"),
        ("MemUsage", "MEM USAGE / LIMIT"),
        ("MemPerc", "MEM %"),
        ("NetIO", "NET IO"),
        ("BlockIO", "BLOCK IO"),
        ("PIDs", "PIDS"),
        ("CPUTime", "CPU TIME"),
        ("AVGCPU", "AVG CPU %"),
    ])
}

/// `stats`.
pub fn stats(ctx: &Context, args: StatsArgs) -> Result<i32> {
    if let Err(reason) = coracle_runtime::cgroups::for_container("stats") {
        bail!("stats needs the containers' cgroups: {reason}");
    }
    let store = ctx.store()?;
    loop {
        let items = items(&store, &args)?;
        let format = args.format.clone().unwrap_or_else(|| DEFAULT_FORMAT.into());
        let text = if format.trim() == "json" {
            output::json(&Value::Array(
                items.iter().map(|(_, j)| j.clone()).collect(),
            ))?
        } else {
            let fields: Vec<Value> = items.into_iter().map(|(f, _)| f).collect();
            output::formatted(&format, &fields, &headers())?
        };
        output::print(&text);
        if args.no_stream {
            return Ok(0);
        }
        std::thread::sleep(Duration::from_secs(args.interval.max(1)));
    }
}

/// The template fields and the JSON object of each container asked for.
fn items(store: &Store, args: &StatsArgs) -> Result<Vec<(Value, Value)>> {
    let every = args.containers.is_empty();
    let mut out = Vec::new();
    for r in targets(store, &args.containers, &[], every, false)? {
        if !r.state.is_active() {
            if every {
                continue;
            }
            bail!(
                "container {} is {}: stats needs a running container",
                r.name,
                r.state.as_str()
            );
        }
        let s = read_stats(&r)?;
        out.push((fields(&r, &s, args.no_trunc), json_item(&r, &s)));
    }
    Ok(out)
}

fn pair(a: u64, b: u64) -> String {
    format!("{} / {}", human_size(a), human_size(b))
}

/// What a `--format` template sees (Podman's names).
fn fields(r: &ContainerRecord, s: &ContainerStats, no_trunc: bool) -> Value {
    let id = if no_trunc {
        &r.id[..]
    } else {
        &r.id[..12.min(r.id.len())]
    };
    json!({
        "ID": id,
        "Name": r.name,
        "CPUPerc": format!("{:.2}%", s.cpu_percent),
        "AVGCPU": format!("{:.2}%", s.cpu_percent),
        "MemUsage": pair(s.usage.memory, s.usage.memory_limit),
        "MemUsageBytes": pair(s.usage.memory, s.usage.memory_limit),
        "MemPerc": format!("{:.2}%", s.memory_percent),
        "NetIO": pair(s.net_input, s.net_output),
        "BlockIO": pair(s.usage.block_read, s.usage.block_write),
        "PIDs": s.usage.pids.to_string(),
        "CPUTime": format!("{:.3}s", s.usage.cpu_ns as f64 / 1e9),
        "MemLimit": s.usage.memory_limit,
        "UpTime": format!("{}s", s.uptime_secs),
    })
}

/// `--format json`: Podman's keys with raw numbers.
fn json_item(r: &ContainerRecord, s: &ContainerStats) -> Value {
    json!({
        "ContainerID": r.id,
        "Name": r.name,
        "CPU": s.cpu_percent,
        "CPUNano": s.usage.cpu_ns,
        "MemUsage": s.usage.memory,
        "MemLimit": s.usage.memory_limit,
        "MemPerc": s.memory_percent,
        "NetInput": s.net_input,
        "NetOutput": s.net_output,
        "BlockInput": s.usage.block_read,
        "BlockOutput": s.usage.block_write,
        "PIDs": s.usage.pids,
        "UpTime": s.uptime_secs * 1_000_000_000,
    })
}
