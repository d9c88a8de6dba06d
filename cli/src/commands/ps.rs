//! `coracle ps` / `container list`: one SQLite query for every container, each
//! state checked against its live pids (no process is spawned), then Podman's
//! filters, sort, `-l`/`-n`, and its table, template and JSON output.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::Result;
use coracle_runtime::spec::network_mode::PortMapping;
use coracle_runtime::spec::ListedSettings;
use coracle_storage::{ContainerRecord, ContainerState, Store};
use serde_json::{json, Value};

use super::container_filter::ContainerFilter;
use super::containers::{all, short, status_text};
use crate::args::PsArgs;
use crate::context::Context;
use crate::output;

/// The filter keys `ps --filter` takes.
const FILTER_KEYS: &[&str] = &[
    "id", "name", "status", "label", "label!", "ancestor", "exited", "before", "since",
];

/// A listed container with what its output needs beyond the record.
struct Row {
    record: ContainerRecord,
    /// What the listing shows of the saved spec, read once per container (left
    /// empty for the outputs that show none of it).
    config: ListedSettings,
    /// Writable layer size and image size, with `-s` (or `--sort size`).
    size: Option<(u64, u64)>,
    /// The pod's short id and name (empty outside a pod, and when the saved spec
    /// was not read).
    pod: (String, String),
    /// The ports it publishes: a running container's as its start bound them
    /// (host ports picked then), any other's as saved.
    ports: Vec<PortMapping>,
}

/// [`Row::ports`] of `record`, whose listed settings are `config`.
fn ports_of(record: &ContainerRecord, config: &ListedSettings) -> Vec<PortMapping> {
    if config.publish.is_empty() {
        return Vec::new();
    }
    if record.state.is_active() {
        let bound = coracle_runtime::lifecycle::netns::published_ports(&record.id);
        if !bound.is_empty() {
            return PortMapping::compact(&bound);
        }
    }
    config.publish.clone()
}

/// `--format json`'s Ports as Podman writes them (`host_ip` "" for every address).
fn ports_json(ports: &[PortMapping]) -> Vec<Value> {
    ports
        .iter()
        .map(|p| {
            json!({
                "host_ip": p.host_ip_text(),
                "container_port": p.container_port,
                "host_port": p.host_port,
                "range": p.range,
                "protocol": p.protocol,
            })
        })
        .collect()
}

/// Podman's PORTS text: each mapping as `0.0.0.0:8080->80/tcp`, joined by `, `.
fn ports_text(ports: &[PortMapping]) -> String {
    ports
        .iter()
        .map(PortMapping::ps_text)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `coracle ps`.
pub fn ps(ctx: &Context, args: PsArgs) -> Result<i32> {
    let filter = ContainerFilter::parse(&args.filter, FILTER_KEYS)?;
    let store = ctx.store()?;
    // A status or exit-code filter asks for ended containers by itself.
    let every = args.all
        || args.latest
        || args.last.is_some()
        || filter.has("status")
        || filter.has("exited");
    let labels_of = |r: &ContainerRecord| ListedSettings::from_saved(&r.config).labels;
    let mut list: Vec<ContainerRecord> = filter
        .apply(all(&store)?, labels_of)?
        .into_iter()
        .filter(|r| every || r.state.is_active())
        .collect();
    if args.latest {
        list.truncate(1);
    } else if let Some(n) = args.last {
        list.truncate(n);
    }
    let with_size = args.size || args.sort == "size";
    let image_sizes = if with_size {
        image_sizes(&store)?
    } else {
        HashMap::new()
    };
    // The default table shows nothing of the saved spec but published ports, and
    // `-q` nothing at all: it is read (the largest cost per row) only for the
    // outputs that show its settings, and for the default table's ports of the
    // containers that may publish some.
    let with_config = args.format.is_some() || args.pod;
    let with_ports = !args.quiet;
    let mut rows: Vec<Row> = list
        .into_iter()
        .map(|record| {
            let size = with_size.then(|| {
                let rw = writable_size(&coracle_runtime::lifecycle::launch::container_dir(
                    &store, &record.id,
                ));
                (rw, image_sizes.get(&record.image_id).copied().unwrap_or(0))
            });
            let config =
                if with_config || (with_ports && ListedSettings::may_publish(&record.config)) {
                    ListedSettings::from_saved(&record.config)
                } else {
                    ListedSettings::default()
                };
            Row {
                pod: super::pod::pod_of(&store, config.pod.as_deref()),
                ports: if with_ports {
                    ports_of(&record, &config)
                } else {
                    Vec::new()
                },
                config,
                record,
                size,
            }
        })
        .collect();
    sort(&mut rows, &args.sort);
    if args.quiet {
        let ids: String = rows
            .iter()
            .map(|r| format!("{}\n", id_text(&r.record, args.no_trunc)))
            .collect();
        output::print(&ids);
        return Ok(0);
    }
    let Some(format) = &args.format else {
        output::print(&default_table(&rows, &args));
        return Ok(0);
    };
    let json_out = format.trim() == "json";
    let items: Vec<Value> = rows
        .iter()
        .map(|r| {
            if json_out {
                ps_json(r)
            } else {
                ps_item(r, args.no_trunc)
            }
        })
        .collect();
    let format = label_calls_as_index(format);
    output::print(&output::formatted(&format, &items, &ps_headers())?);
    Ok(0)
}

fn id_text(r: &ContainerRecord, no_trunc: bool) -> &str {
    if no_trunc {
        &r.id
    } else {
        short(&r.id)
    }
}

/// `--sort`: Podman's keys; `created` and `runningfor` list the newest first.
fn sort(rows: &mut [Row], key: &str) {
    match key {
        "id" => rows.sort_by(|a, b| a.record.id.cmp(&b.record.id)),
        "image" => rows.sort_by(|a, b| a.record.image_name.cmp(&b.record.image_name)),
        "names" => rows.sort_by(|a, b| a.record.name.cmp(&b.record.name)),
        "command" => rows.sort_by(|a, b| a.record.command.cmp(&b.record.command)),
        "status" => rows.sort_by_key(|r| status_text(&r.record)),
        "size" => rows.sort_by_key(|r| r.size.map(|(rw, _)| rw)),
        // The store lists newest first already (stable for same-second creations).
        _ => rows.sort_by_key(|r| std::cmp::Reverse(r.record.created)),
    }
}

/// Image id → size, for `-s`'s virtual size.
fn image_sizes(store: &Store) -> Result<HashMap<String, u64>> {
    Ok(store
        .db
        .list_images()?
        .into_iter()
        .map(|i| (i.record.id, i.record.size))
        .collect())
}

/// Bytes of the regular files under the container's writable layer (`upper`); what
/// cannot be read (subordinate owners) counts as nothing.
fn writable_size(dir: &Path) -> u64 {
    fn walk(path: &Path) -> u64 {
        let Ok(entries) = std::fs::read_dir(path) else {
            return 0;
        };
        entries
            .flatten()
            .map(|e| match e.file_type() {
                Ok(t) if t.is_dir() => walk(&e.path()),
                Ok(t) if t.is_file() => e.metadata().map(|m| m.len()).unwrap_or(0),
                _ => 0,
            })
            .sum()
    }
    walk(&dir.join("upper"))
}

/// Podman's SIZE text: "12B (virtual 4.5MB)".
fn size_text(size: Option<(u64, u64)>) -> String {
    match size {
        Some((rw, image)) => format!(
            "{} (virtual {})",
            output::human_size(rw).replace(' ', ""),
            output::human_size(rw + image).replace(' ', "")
        ),
        None => String::new(),
    }
}

/// Go templates call `.Label "k"` as a method; the items here are JSON, so the call
/// becomes `(or (index .Labels "k") "")`: the label's value, or "" when the container
/// has no such label (as Podman's method gives).
fn label_calls_as_index(format: &str) -> String {
    const CALL: &str = ".Label \"";
    let mut out = String::with_capacity(format.len());
    let mut rest = format;
    while let Some(start) = rest.find(CALL) {
        let key_start = start + CALL.len();
        let Some(key_len) = rest[key_start..].find('"') else {
            break;
        };
        let key = &rest[key_start..key_start + key_len];
        out.push_str(&rest[..start]);
        out.push_str(&format!("(or (index .Labels \"{key}\") \"\")"));
        rest = &rest[key_start + key_len + 1..];
    }
    out.push_str(rest);
    out
}

/// `ps --format json`: Podman's keys for one container.
fn ps_json(row: &Row) -> Value {
    let r = &row.record;
    json!({
        "AutoRemove": row.config.remove,
        "Command": r.command,
        "Created": r.created,
        "CreatedAt": output::human_ago(output::now() - r.created),
        "Exited": matches!(r.state, ContainerState::Exited | ContainerState::Stopped),
        "ExitedAt": r.finished.unwrap_or(0),
        "ExitCode": r.exit_code.unwrap_or(0),
        "Id": r.id,
        "Image": r.image_name,
        "ImageID": r.image_id,
        "IsInfra": row.config.infra,
        "Labels": row.config.labels,
        "Mounts": row.config.mount_targets(),
        "Names": [r.name],
        "Namespaces": {},
        "Networks": row.config.network_names(),
        "Pid": r.pid.unwrap_or(0),
        "Pod": row.config.pod.clone().unwrap_or_default(),
        "PodName": row.pod.1,
        "Ports": (!row.ports.is_empty()).then(|| ports_json(&row.ports)),
        "Restarts": 0,
        "Size": row.size.map(|(rw, image)| json!({"rwSize": rw, "rootFsSize": rw + image})),
        "StartedAt": r.started.unwrap_or(0),
        "State": r.state.as_str(),
        "Status": status_text(r),
    })
}

/// The columns of the default listing (without `--format`): Podman's
/// `table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.CreatedHuman}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}`,
/// then `{{.Size}}` with `-s` and `{{.Pod}}\t{{.PodName}}` with `--pod`.
fn default_columns(args: &PsArgs) -> Vec<(&'static str, &'static str)> {
    let mut columns = vec![
        ("ID", "CONTAINER ID"),
        ("Image", "IMAGE"),
        ("Command", "COMMAND"),
        ("CreatedHuman", "CREATED"),
        ("Status", "STATUS"),
        ("Ports", "PORTS"),
        ("Names", "NAMES"),
    ];
    if args.size {
        columns.push(("Size", "SIZE"));
    }
    if args.pod {
        columns.extend([("Pod", "POD ID"), ("PodName", "PODNAME")]);
    }
    columns
}

/// The default listing, cell for cell what the template of [`default_columns`]
/// renders from [`ps_item`] (a unit test holds the two together), without building
/// a JSON item and running a template per row.
fn default_table(rows: &[Row], args: &PsArgs) -> String {
    let columns = default_columns(args);
    let mut text = String::new();
    if !args.noheading {
        let names: Vec<&str> = columns.iter().map(|(_, header)| *header).collect();
        text.push_str(&names.join("\t"));
        text.push('\n');
    }
    for row in rows {
        let r = &row.record;
        let cells: Vec<String> = columns
            .iter()
            .map(|(field, _)| match *field {
                "ID" => id_text(r, args.no_trunc).to_string(),
                "Image" => r.image_name.clone(),
                "Command" => r.command.join(" "),
                "CreatedHuman" => output::human_ago(output::now() - r.created),
                "Status" => status_text(r),
                "Names" => r.name.clone(),
                "Size" => size_text(row.size),
                "Pod" => row.pod.0.clone(),
                "PodName" => row.pod.1.clone(),
                "Ports" => ports_text(&row.ports),
                _ => String::new(),
            })
            .collect();
        text.push_str(&cells.join("\t"));
        text.push('\n');
    }
    crate::format::align_lines(&text)
}

/// What `ps --format TEMPLATE` sees: Podman's template fields (`.Names` is a string).
fn ps_item(row: &Row, no_trunc: bool) -> Value {
    let r = &row.record;
    let ago = output::human_ago(output::now() - r.created);
    json!({
        "ID": id_text(r, no_trunc),
        "Names": r.name,
        "Image": r.image_name,
        "ImageID": r.image_id,
        "Command": r.command.join(" "),
        // As Podman's: .Created and .CreatedAt are the time as Go prints it,
        // .CreatedHuman and .RunningFor how long ago it was.
        "CreatedAt": output::go_time_text(r.created),
        "Created": output::go_time_text(r.created),
        "CreatedHuman": ago,
        "RunningFor": ago,
        "Status": status_text(r),
        "State": r.state.as_str(),
        "ExitCode": r.exit_code.unwrap_or(0),
        "Exited": matches!(r.state, ContainerState::Exited | ContainerState::Stopped),
        "Pid": r.pid.unwrap_or(0),
        "Labels": row.config.labels,
        "Mounts": row.config.mount_targets(),
        "Networks": row.config.network_names().join(","),
        "Pod": row.pod.0,
        "PodName": row.pod.1,
        "Ports": ports_text(&row.ports),
        "Size": size_text(row.size),
        "AutoRemove": row.config.remove,
    })
}

fn ps_headers() -> BTreeMap<&'static str, &'static str> {
    BTreeMap::from([
        ("ID", "CONTAINER ID"),
        ("Names", "NAMES"),
        ("Command", "COMMAND"),
        ("Created", "CREATED"),
        ("CreatedAt", "CREATED AT"),
        ("CreatedHuman", "CREATED"),
        ("RunningFor", "CREATED"),
        ("Mounts", "MOUNTS"),
        ("Networks", "NETWORKS"),
        ("Status", "STATUS"),
        ("Size", "SIZE"),
        ("Pod", "POD ID"),
        ("PodName", "PODNAME"),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_method_becomes_an_index() {
        assert_eq!(
            label_calls_as_index("{{.ID}} {{.Label \"app\"}}"),
            "{{.ID}} {{(or (index .Labels \"app\") \"\")}}"
        );
        assert_eq!(label_calls_as_index("{{.Label \"open"), "{{.Label \"open");
        let items = [json!({"ID": "x", "Labels": {"app": "shop"}})];
        let out = crate::format::render_items(
            &label_calls_as_index(
                "{{.ID}} {{.Label \"app\"}}|{{.Label \"none\"}}|{{.Label \"app\" | upper}}",
            ),
            &items,
            &BTreeMap::new(),
        )
        .unwrap();
        assert_eq!(out, "x shop||SHOP\n");
    }

    #[test]
    fn the_default_table_is_what_its_template_renders() {
        let record = |id: char, name: &str, state| ContainerRecord {
            id: id.to_string().repeat(64),
            name: name.into(),
            image_id: "feedbeef".repeat(8),
            image_name: "127.0.0.1:5000/test/busybox:latest".into(),
            command: vec!["sh".into(), "-c".into(), "sleep 1000".into()],
            created: output::now() - 4000,
            state,
            pid: None,
            exit_code: Some(3),
            started: Some(output::now() - 3000),
            finished: Some(output::now() - 100),
            config: coracle_storage::SavedSpec::from_value(&json!({})),
            monitor_pid: None,
            error: None,
            pid_start: None,
            monitor_start: None,
            restart_count: 0,
        };
        let rows = [
            Row {
                record: record('a', "first", ContainerState::Exited),
                config: ListedSettings::default(),
                size: Some((12, 4_500_000)),
                pod: ("0123456789ab".into(), "web".into()),
                ports: ["8080:80", "127.0.0.1:5300-5301:53-54/udp"]
                    .iter()
                    .map(|p| PortMapping::parse(p).unwrap())
                    .collect(),
            },
            Row {
                record: record('b', "a-much-longer-name", ContainerState::Created),
                config: ListedSettings::default(),
                size: Some((0, 0)),
                pod: (String::new(), String::new()),
                ports: Vec::new(),
            },
        ];
        for (size, pod, noheading, no_trunc) in [
            (false, false, false, false),
            (true, true, false, true),
            (false, true, true, false),
        ] {
            let args = PsArgs {
                size,
                pod,
                noheading,
                no_trunc,
                ..Default::default()
            };
            let fields: Vec<String> = default_columns(&args)
                .iter()
                .map(|(field, _)| format!("{{{{.{field}}}}}"))
                .collect();
            let table = if noheading { "" } else { "table " };
            let template = format!("{table}{}", fields.join("\\t"));
            let items: Vec<Value> = rows.iter().map(|r| ps_item(r, no_trunc)).collect();
            let rendered = output::formatted(&template, &items, &ps_headers()).unwrap();
            assert_eq!(default_table(&rows, &args), rendered, "{template}");
        }
        let listed = default_table(&rows, &PsArgs::default());
        assert!(
            listed.contains("0.0.0.0:8080->80/tcp, 127.0.0.1:5300-5301->53-54/udp"),
            "{listed}"
        );
    }

    #[test]
    fn size_text_as_podman() {
        assert_eq!(size_text(Some((12, 4_500_000))), "12B (virtual 4.5MB)");
        assert_eq!(size_text(None), "");
    }
}
