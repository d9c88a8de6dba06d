//! `coracle pod …`: pods as Podman has them. A pod is a record (storage's
//! [`coracle_storage::pods::Pods`]) and, unless `--infra=false`, an infra container that holds the shared
//! namespaces: it runs coracle's own pause process in a root made of the local
//! `localhost/coracle-infra` image (nothing is pulled). Containers join the pod with
//! `run --pod`/`create --pod`: their shared namespaces become `container:INFRA`.
//! The pod lifecycle itself lives in `coracle_runtime::lifecycle::pods`; this module
//! turns the flags into its arguments and prints what it returns.

use std::collections::BTreeMap;

use anyhow::{bail, Result};
use coracle_image::compose::{ensure_infra_image, INFRA_IMAGE};
use coracle_runtime::lifecycle::pods::create::PodSpec;
use coracle_runtime::lifecycle::pods::join::OwnNamespaces;
use coracle_runtime::lifecycle::pods::members::{members, workload};
use coracle_runtime::lifecycle::pods::status::PodStatus;
use coracle_runtime::lifecycle::pods::{self, actions, pods, SHAREABLE};
use coracle_runtime::spec::network_mode::{parse_network, NetworkChoice};
use coracle_runtime::spec::ContainerConfig;
use coracle_storage::pods::{PodError, PodRecord};
use coracle_storage::{ContainerRecord, Store};
use serde_json::{json, Value};

use super::container_filter::ContainerFilter;
use super::containers::{all, short};
use super::name_rules::{check_container_name, check_hostname};
use crate::args::{
    PodCommand, PodCreateArgs, PodExistsArgs, PodInspectArgs, PodKillArgs, PodLogsArgs,
    PodPruneArgs, PodPsArgs, PodRmArgs, PodStopArgs, PodTargets, PodTopArgs, RunArgs,
};
use crate::context::Context;
use crate::output;

/// Run one `pod` subcommand.
pub fn dispatch(ctx: &Context, command: PodCommand) -> Result<i32> {
    match command {
        PodCommand::Create(a) => create(ctx, a),
        PodCommand::Ps(a) => ps(ctx, a),
        PodCommand::Inspect(a) => inspect(ctx, a),
        PodCommand::Exists(a) => exists(ctx, a),
        PodCommand::Start(a) => start(ctx, a),
        PodCommand::Stop(a) => stop(ctx, a),
        PodCommand::Restart(a) => restart(ctx, a),
        PodCommand::Kill(a) => kill(ctx, a),
        PodCommand::Rm(a) => rm(ctx, a),
        PodCommand::Prune(a) => prune(ctx, a),
        PodCommand::Pause(a) => pause(ctx, a, true),
        PodCommand::Unpause(a) => pause(ctx, a, false),
        PodCommand::Top(a) => top(ctx, a),
        PodCommand::Logs(a) => logs(ctx, a),
    }
}

/// `--share`: known words only, none twice.
fn parse_share(text: &str) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(',').map(str::trim).filter(|w| !w.is_empty()) {
        if !SHAREABLE.iter().any(|(w, _)| *w == word) {
            bail!("invalid --share {text:?}: {word:?} cannot be shared; give a comma list of net, ipc, uts");
        }
        if !out.iter().any(|o| o == word) {
            out.push(word.to_string());
        }
    }
    Ok(out)
}

/// `-p [[IP:]HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, as `run -p` takes it.
fn check_publish(spec: &str) -> Result<coracle_network::PortMapping> {
    Ok(coracle_network::PortMapping::parse(spec)?)
}

/// Check every flag of `pod create` and turn them into the pod's spec.
fn pod_spec(store: &Store, args: &PodCreateArgs) -> Result<PodSpec> {
    if let Some(name) = &args.name {
        check_container_name("--name", name)?;
    }
    if let Some(h) = &args.hostname {
        check_hostname(h)?;
    }
    let shared = parse_share(&args.share)?;
    let publish = args
        .publish
        .iter()
        .map(|p| check_publish(p))
        .collect::<Result<Vec<_>>>()?;
    // The infra container holds the pod's network: the default network unless
    // --network says otherwise; its members join it.
    let (network_mode, network_choice) = parse_network(args.network.as_deref().unwrap_or(""))?;
    if let NetworkChoice::Bridge(names) = &network_choice {
        let networks = coracle_network::NetworkStore::new(&store.root);
        for name in names {
            networks
                .load(name)
                .map_err(|e| anyhow::anyhow!("invalid --network {name:?}: {e}"))?;
        }
    }
    if !args.infra && (!args.publish.is_empty() || args.network.is_some()) {
        bail!("-p and --network need the pod's infra container: drop them, or drop --infra=false");
    }
    if !args.infra && args.hostname.is_some() {
        bail!("--hostname needs the pod's infra container: drop it, or drop --infra=false");
    }
    Ok(PodSpec {
        name: args.name.clone(),
        hostname: args.hostname.clone(),
        shared,
        ports: args.publish.clone(),
        publish,
        network: args.network.clone(),
        network_mode,
        network_choice,
        infra: args.infra,
        labels: super::run::key_values("label", &args.label)?,
    })
}

/// Check every flag of `pod create` and make the pod and its infra container.
fn create_pod(store: &Store, args: &PodCreateArgs) -> Result<PodRecord> {
    let new = pods::create::prepare(store, pod_spec(store, args)?)?;
    let image = match new.infra {
        Some(_) => Some(ensure_infra_image(store)?),
        None => None,
    };
    let infra_image = image.as_ref().map(|i| (i, INFRA_IMAGE));
    Ok(pods::create::create(store, new, infra_image)?)
}

/// `coracle pod create`: print the new pod's id.
pub fn create(ctx: &Context, args: PodCreateArgs) -> Result<i32> {
    let store = ctx.store()?;
    let pod = create_pod(&store, &args)?;
    output::print(&format!("{}\n", pod.id));
    Ok(0)
}

/// `run --pod` / `create --pod`: the pod (made first for `new:NAME`); the
/// container's shared namespaces become the infra container's. A namespace flag
/// given for a namespace the pod shares is refused.
pub(super) fn join(store: &Store, args: &RunArgs, config: &mut ContainerConfig) -> Result<()> {
    let Some(given) = args.pod.as_deref() else {
        return Ok(());
    };
    let pod = match given.strip_prefix("new:") {
        Some(name) => create_pod(
            store,
            &PodCreateArgs {
                name: Some(name.to_string()),
                publish: Vec::new(),
                network: None,
                share: "net,ipc,uts".into(),
                infra: true,
                label: Vec::new(),
                hostname: None,
            },
        )?,
        None => pods(store).find(given)?,
    };
    let own = OwnNamespaces {
        network: !args.network.is_empty() || !args.publish.is_empty(),
        ipc: args.ipc != "private",
        uts: args.uts != "private",
    };
    Ok(pods::join::join(&pod, own, config)?)
}

/// The pods a command names, or all of them; with `ignore`, missing ones are skipped.
fn targets(store: &Store, t: &PodTargets, ignore: bool) -> Result<Vec<PodRecord>> {
    let all_pods = pods(store);
    if t.all {
        if !t.pods.is_empty() {
            bail!("--all and pod names cannot be combined: give one or the other");
        }
        return Ok(all_pods.list()?);
    }
    if t.pods.is_empty() {
        bail!("no pod given: name at least one pod, or use --all");
    }
    let mut out = Vec::new();
    for name in &t.pods {
        match all_pods.find(name) {
            Ok(p) => out.push(p),
            Err(PodError::NotFound(_)) if ignore => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(out)
}

/// `coracle pod start`: print each pod's id.
pub fn start(ctx: &Context, args: PodTargets) -> Result<i32> {
    let store = ctx.store()?;
    for pod in targets(&store, &args, false)? {
        actions::start(&store, &pod)?;
        output::print(&format!("{}\n", pod.id));
    }
    Ok(0)
}

/// `coracle pod stop`: print each pod's id.
pub fn stop(ctx: &Context, args: PodStopArgs) -> Result<i32> {
    let store = ctx.store()?;
    for pod in targets(&store, &args.targets, args.ignore)? {
        actions::stop(&store, &pod, args.time)?;
        output::print(&format!("{}\n", pod.id));
    }
    Ok(0)
}

/// `coracle pod restart`: print each pod's id.
pub fn restart(ctx: &Context, args: PodTargets) -> Result<i32> {
    let store = ctx.store()?;
    for pod in targets(&store, &args, false)? {
        actions::restart(&store, &pod)?;
        output::print(&format!("{}\n", pod.id));
    }
    Ok(0)
}

/// `coracle pod kill`: signal every running container; print each pod's id.
pub fn kill(ctx: &Context, args: PodKillArgs) -> Result<i32> {
    let signal = coracle_runtime::spec::signal_number(&args.signal)?;
    let store = ctx.store()?;
    for pod in targets(&store, &args.targets, false)? {
        actions::kill(&store, &pod, signal)?;
        output::print(&format!("{}\n", pod.id));
    }
    Ok(0)
}

/// `coracle pod pause` (`freeze`) and `pod unpause`: print each pod's id.
pub fn pause(ctx: &Context, args: PodTargets, freeze: bool) -> Result<i32> {
    let store = ctx.store()?;
    for pod in targets(&store, &args, false)? {
        actions::set_paused(&store, &pod, freeze)?;
        output::print(&format!("{}\n", pod.id));
    }
    Ok(0)
}

/// `coracle pod top`: the processes of every running container of the pod, in one
/// table.
pub fn top(ctx: &Context, args: PodTopArgs) -> Result<i32> {
    use coracle_runtime::lifecycle::top as procs;
    let descriptors = procs::parse_descriptors(&args.descriptors)?;
    let store = ctx.store()?;
    let pod = pods(&store).find(&args.pod)?;
    let table = actions::processes(&store, &pod, &descriptors)?;
    output::print(&crate::format::table::align(&table));
    Ok(0)
}

/// `coracle pod logs`: the logs of the pod's containers (the infra's aside); with
/// several, each line is prefixed with its container's short id (its name with
/// `--names`), as `logs` does.
pub fn logs(ctx: &Context, args: PodLogsArgs) -> Result<i32> {
    let store = ctx.store()?;
    let pod = pods(&store).find(&args.pod)?;
    let list = workload(&all(&store)?, &pod);
    let containers: Vec<String> = match &args.container {
        Some(name) => {
            let c = super::containers::find(&store, name)?;
            if !list.iter().any(|m| m.id == c.id) {
                bail!(
                    "container {name} is not in pod {}: pick one of its containers",
                    pod.name
                );
            }
            vec![c.id]
        }
        None => list.iter().map(|c| c.id.clone()).collect(),
    };
    if containers.is_empty() {
        bail!("pod {} has no containers to show logs of", pod.name);
    }
    super::logs::logs(
        ctx,
        crate::args::LogsArgs {
            containers,
            options: args.options,
        },
    )
}

/// `coracle pod rm`: print each removed pod's id.
pub fn rm(ctx: &Context, args: PodRmArgs) -> Result<i32> {
    let store = ctx.store()?;
    for pod in targets(&store, &args.targets, args.ignore)? {
        pods::remove::remove_pod(&store, &pod, args.force, args.time)?;
        output::print(&format!("{}\n", pod.id));
    }
    Ok(0)
}

/// `coracle pod prune`: remove every pod none of whose containers runs.
pub fn prune(ctx: &Context, args: PodPruneArgs) -> Result<i32> {
    if !super::prune::confirmed(args.force, "all stopped/exited pods")? {
        return Ok(0);
    }
    let store = ctx.store()?;
    for pod in pods::remove::idle_pods(&store)? {
        pods::remove::remove_pod(&store, &pod, false, None)?;
        output::print(&format!("{}\n", pod.id));
    }
    Ok(0)
}

/// `coracle pod exists`: 0 when the pod exists, 1 when not.
pub fn exists(ctx: &Context, args: PodExistsArgs) -> Result<i32> {
    let store = ctx.store()?;
    match pods(&store).find(&args.pod) {
        Ok(_) => Ok(0),
        Err(PodError::NotFound(_)) => Ok(1),
        Err(e) => Err(e.into()),
    }
}

/// Podman's `pod inspect` JSON of one pod.
fn inspect_value(pod: &PodRecord, list: &[ContainerRecord]) -> Value {
    let network = pod.network.as_deref().unwrap_or("");
    json!({
        "Id": pod.id,
        "Name": pod.name,
        "Created": crate::output::go_rfc3339(pod.created),
        "ExitPolicy": "continue",
        "State": PodStatus::of(list).as_str(),
        "Hostname": pod.hostname.clone().unwrap_or_else(|| if pod.infra_id.is_some() { pod.name.clone() } else { String::new() }),
        "Labels": pod.labels,
        "CreateInfra": pod.infra_id.is_some(),
        "InfraContainerId": pod.infra_id.clone().unwrap_or_default(),
        "InfraConfig": pod.infra_id.as_ref().map(|_| json!({
            "PortBindings": port_bindings(&pod.ports),
            "HostNetwork": network == "host",
            "NetworkMode": network,
        })),
        "SharedNamespaces": pod.shared,
        "NumContainers": list.len(),
        "Containers": list.iter().map(|c| json!({
            "Id": c.id,
            "Name": c.name,
            "State": c.state.as_str(),
        })).collect::<Vec<_>>(),
    })
}

/// `-p` values as Podman's PortBindings: "PORT/PROTO" → [{HostIp, HostPort}].
fn port_bindings(ports: &[String]) -> Value {
    let mut out = serde_json::Map::new();
    for spec in ports {
        let (p, proto) = spec.split_once('/').unwrap_or((spec, "tcp"));
        let parts: Vec<&str> = p.rsplitn(3, ':').collect();
        let (container, host, ip) = match parts.as_slice() {
            [c] => (*c, "", ""),
            [c, h] => (*c, *h, ""),
            [c, h, ip] => (*c, *h, *ip),
            _ => continue,
        };
        let key = format!("{container}/{proto}");
        let entry = out.entry(key).or_insert_with(|| json!([]));
        if let Some(list) = entry.as_array_mut() {
            list.push(
                json!({"HostIp": ip, "HostPort": if host.is_empty() { container } else { host }}),
            );
        }
    }
    Value::Object(out)
}

/// `coracle pod inspect`: a JSON array of the pods (or each rendered by `--format`).
pub fn inspect(ctx: &Context, args: PodInspectArgs) -> Result<i32> {
    let store = ctx.store()?;
    let everything = all(&store)?;
    let all_pods = pods(&store);
    let mut items = Vec::new();
    for name in &args.pods {
        let pod = all_pods.find(name)?;
        items.push(inspect_value(&pod, &members(&everything, &pod)));
    }
    let text = match args.format.as_deref() {
        None => output::json(&Value::Array(items))?,
        Some(f) => output::formatted(f, &items, &BTreeMap::new())?,
    };
    output::print(&text);
    Ok(0)
}

/// The filter keys `pod ps` takes.
const FILTER_KEYS: &[&str] = &["id", "name", "label", "status", "ctr-names", "ctr-status"];

/// Whether `pod` passes `filter` (same keys OR, different keys AND, labels all AND).
fn passes(filter: &ContainerFilter, pod: &PodRecord, list: &[ContainerRecord]) -> bool {
    let any = |key: &str, hit: &dyn Fn(&str) -> bool| {
        !filter.has(key) || filter.values(key).iter().any(|v| hit(v))
    };
    let label_ok = filter
        .values("label")
        .iter()
        .all(|v| match v.split_once('=') {
            Some((k, val)) => pod.labels.get(k).is_some_and(|x| x == val),
            None => pod.labels.contains_key(v.as_str()),
        });
    label_ok
        && any("id", &|v| pod.id.starts_with(v))
        && any("name", &|v| pod.name == v)
        && any("status", &|v| {
            PodStatus::of(list).as_str().eq_ignore_ascii_case(v)
        })
        && any("ctr-names", &|v| list.iter().any(|c| c.name == v))
        && any("ctr-status", &|v| {
            list.iter().any(|c| c.state.as_str() == v)
        })
}

/// One row of `pod ps`, with Podman's template fields.
fn ps_item(pod: &PodRecord, list: &[ContainerRecord], no_trunc: bool) -> Value {
    let id = |i: &str| {
        if no_trunc {
            i.to_string()
        } else {
            short(i).to_string()
        }
    };
    json!({
        "ID": id(&pod.id),
        "Id": pod.id,
        "Name": pod.name,
        "Status": PodStatus::of(list).as_str(),
        "Created": output::human_ago(output::now() - pod.created),
        "CreatedAt": crate::output::go_rfc3339(pod.created),
        "InfraID": pod.infra_id.as_deref().map(id).unwrap_or_default(),
        "InfraId": pod.infra_id.clone().unwrap_or_default(),
        "NumberOfContainers": list.len(),
        "Labels": pod.labels,
        "Networks": pod.network.clone().map(|n| vec![n]).unwrap_or_default(),
        "ContainerIds": list.iter().map(|c| id(&c.id)).collect::<Vec<_>>().join(","),
        "ContainerNames": list.iter().map(|c| c.name.clone()).collect::<Vec<_>>().join(","),
        "ContainerStatuses": list.iter().map(|c| c.state.as_str()).collect::<Vec<_>>().join(","),
        "Containers": list.iter().map(|c| json!({"Id": c.id, "Names": c.name, "Status": c.state.as_str()})).collect::<Vec<_>>(),
    })
}

/// `coracle pod ps`.
pub fn ps(ctx: &Context, args: PodPsArgs) -> Result<i32> {
    let filter = ContainerFilter::parse(&args.filter, FILTER_KEYS)?;
    let store = ctx.store()?;
    let everything = all(&store)?;
    let mut rows: Vec<(PodRecord, Vec<ContainerRecord>)> = pods(&store)
        .list()?
        .into_iter()
        .map(|p| {
            let list = members(&everything, &p);
            (p, list)
        })
        .filter(|(p, list)| passes(&filter, p, list))
        .collect();
    rows.reverse();
    if args.quiet {
        let ids: String = rows
            .iter()
            .map(|(p, _)| format!("{}\n", if args.no_trunc { &p.id } else { short(&p.id) }))
            .collect();
        output::print(&ids);
        return Ok(0);
    }
    let items: Vec<Value> = rows
        .iter()
        .map(|(p, list)| ps_item(p, list, args.no_trunc))
        .collect();
    let format = match &args.format {
        Some(f) => f.clone(),
        None => {
            let mut f = String::from(if args.noheading { "" } else { "table " });
            f.push_str("{{.ID}}\t{{.Name}}\t{{.Status}}\t{{.Created}}\t{{.InfraID}}");
            if args.ctr_ids {
                f.push_str("\t{{.ContainerIds}}");
            }
            if args.ctr_names {
                f.push_str("\t{{.ContainerNames}}");
            }
            if args.ctr_status {
                f.push_str("\t{{.ContainerStatuses}}");
            }
            if !(args.ctr_ids || args.ctr_names || args.ctr_status) {
                f.push_str("\t{{.NumberOfContainers}}");
            }
            f
        }
    };
    let headers = BTreeMap::from([
        ("ID", "POD ID"),
        ("Name", "NAME"),
        ("Status", "STATUS"),
        ("Created", "CREATED"),
        ("InfraID", "INFRA ID"),
        ("NumberOfContainers", "# OF CONTAINERS"),
        ("ContainerIds", "IDS"),
        ("ContainerNames", "NAMES"),
        ("ContainerStatuses", "STATUS"),
    ]);
    output::print(&output::formatted(&format, &items, &headers)?);
    Ok(0)
}

/// The pod column of `ps --pod`: the pod's short id and name, or empty strings.
pub(super) fn pod_of(store: &Store, pod: Option<&str>) -> (String, String) {
    let Some(id) = pod else {
        return (String::new(), String::new());
    };
    let name = pods(store).find(id).map(|p| p.name).unwrap_or_default();
    (short(id).to_string(), name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_words() {
        assert_eq!(parse_share("net,uts").unwrap(), ["net", "uts"]);
        assert_eq!(parse_share("").unwrap(), Vec::<String>::new());
        assert!(parse_share("net,pidx").is_err());
    }

    #[test]
    fn publish_shapes() {
        for ok in ["80", "8080:80", "127.0.0.1:8080:80/udp", ":80"] {
            assert!(check_publish(ok).is_ok(), "{ok}");
        }
        for bad in ["", "x", "0", "80/icmp", "70000:80", "a:b:c:d"] {
            assert!(check_publish(bad).is_err(), "{bad}");
        }
    }
}
