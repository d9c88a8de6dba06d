//! `coracle network create|ls|inspect|exists|rm|prune|connect|disconnect`: user-defined
//! networks as Podman manages them (one JSON file per network in the store), and the
//! networks recorded in containers' saved specs.

use std::collections::BTreeMap;

use anyhow::{anyhow, bail, Result};
use coracle_network::create::{new_network, CreateRequest};
use coracle_network::{NetworkConfig, NetworkStore, DEFAULT_NETWORK};
use coracle_runtime::lifecycle::{control, netns_live};
use coracle_runtime::spec::ContainerConfig;
use coracle_storage::{ContainerRecord, Store};
use serde_json::{json, Value};

use super::container_filter::{has_label, ContainerFilter};
use super::containers::{all, config_of, find, short};
use crate::args::network::{
    NetworkCommand, NetworkConnectArgs, NetworkCreateArgs, NetworkDisconnectArgs,
    NetworkExistsArgs, NetworkInspectArgs, NetworkLsArgs, NetworkPruneArgs, NetworkRmArgs,
};
use crate::context::Context;
use crate::output;

/// Exit status of `network rm` for a network in use (Podman's).
const EXIT_IN_USE: i32 = 2;
/// Exit status of `network rm` for a network that does not exist (Podman's).
const EXIT_NO_SUCH_NETWORK: i32 = 1;

/// The filter keys `network ls --filter` takes.
const FILTER_KEYS: &[&str] = &["name", "driver", "label", "id", "dangling"];

/// Run one `network` subcommand.
pub fn dispatch(ctx: &Context, command: NetworkCommand) -> Result<i32> {
    match command {
        NetworkCommand::Create(a) => create(ctx, a),
        NetworkCommand::Ls(a) => ls(ctx, a),
        NetworkCommand::Inspect(a) => inspect(ctx, a),
        NetworkCommand::Exists(a) => exists(ctx, a),
        NetworkCommand::Rm(a) => rm(ctx, a),
        NetworkCommand::Prune(a) => prune(ctx, a),
        NetworkCommand::Connect(a) => connect(ctx, a),
        NetworkCommand::Disconnect(a) => disconnect(ctx, a),
    }
}

fn networks(ctx: &Context) -> NetworkStore {
    NetworkStore::new(&ctx.root)
}

/// A network by name, full id or unique id prefix.
fn find_network(all: &[NetworkConfig], wanted: &str) -> Result<Option<NetworkConfig>> {
    if let Some(n) = all.iter().find(|n| n.name == wanted || n.id == wanted) {
        return Ok(Some(n.clone()));
    }
    if wanted.is_empty() || !wanted.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let by_prefix: Vec<&NetworkConfig> = all.iter().filter(|n| n.id.starts_with(wanted)).collect();
    match by_prefix.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some((*one).clone())),
        many => bail!(
            "network ID prefix {wanted:?} is ambiguous: it matches {}; give more digits or the name",
            many.iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join(", ")
        ),
    }
}

fn not_found(name: &str) -> anyhow::Error {
    anyhow!("unable to find network with name or ID {name}: network not found (list networks with `coracle network ls`)")
}

/// The containers whose saved spec attaches them to `network`.
fn users_of<'a>(network: &str, containers: &'a [ContainerRecord]) -> Vec<&'a ContainerRecord> {
    containers
        .iter()
        .filter(|c| config_of(c).networks.iter().any(|a| a.name == network))
        .collect()
}

/// `--network NAME…` of `run`/`create`: every named network must exist.
pub(super) fn check_attachments(ctx: &Context, config: &ContainerConfig) -> Result<()> {
    let store = networks(ctx);
    for attachment in &config.networks {
        store.load(&attachment.name).map_err(|e| match e {
            coracle_network::NetworkError::NotFound(_) => not_found(&attachment.name),
            other => other.into(),
        })?;
    }
    Ok(())
}

/// `NetworkSettings` of a container's `inspect`: its user-defined networks with
/// their aliases, MAC address and gateway (the address comes with the attachment).
pub(super) fn inspect_settings(store: &Store, config: &ContainerConfig) -> Value {
    let definitions = NetworkStore::new(&store.root);
    let networks: serde_json::Map<String, Value> = config
        .networks
        .iter()
        .map(|a| {
            let definition = definitions.load(&a.name).ok();
            let subnet = definition.as_ref().and_then(|d| d.ipv4());
            let entry = json!({
                "NetworkID": definition.as_ref().map(|d| d.id.clone()).unwrap_or_default(),
                "Aliases": a.aliases,
                "MacAddress": a.mac.clone().unwrap_or_default(),
                "Gateway": subnet.map(|s| s.gateway.to_string()).unwrap_or_default(),
                "IPPrefixLen": subnet.map(|s| s.subnet.prefix()).unwrap_or(0),
            });
            (a.name.clone(), entry)
        })
        .collect();
    json!({ "Networks": networks })
}

/// Now, RFC 3339 with nanoseconds, as Podman writes `created`.
fn now_rfc3339() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    coracle_runtime::monitor::log::rfc3339_nano(now.as_secs() as i64, now.subsec_nanos())
}

/// `network create`: print the new network's name.
fn create(ctx: &Context, args: NetworkCreateArgs) -> Result<i32> {
    // Two creates at once must not pick the same free subnet or bridge.
    let _lock = coracle_storage::StoreLock::exclusive(&ctx.store()?.root.join("networks.lock"))?;
    let store = networks(ctx);
    let existing = store.list()?;
    if args.ignore {
        if let Some(name) = &args.name {
            if existing.iter().any(|n| &n.name == name) {
                output::print(&format!("{name}\n"));
                return Ok(0);
            }
        }
    }
    let mut labels = BTreeMap::new();
    for label in &args.label {
        let (k, v) = label.split_once('=').unwrap_or((label, ""));
        if k.is_empty() {
            bail!("invalid --label {label:?}: expected KEY=VALUE");
        }
        labels.insert(k.to_string(), v.to_string());
    }
    let request = CreateRequest {
        name: args.name.clone(),
        subnet: args.subnet.clone(),
        gateway: args.gateway.clone(),
        internal: args.internal,
        disable_dns: args.disable_dns,
        labels,
        driver: args.driver.clone(),
    };
    let config = new_network(
        &request,
        &existing,
        coracle_storage::containers::new_container_id(),
        now_rfc3339(),
    )?;
    store.create(&config)?;
    output::print(&format!("{}\n", config.name));
    Ok(0)
}

/// The fields `--format` templates see, by Podman's Go names.
fn template_item(n: &NetworkConfig, no_trunc: bool) -> Value {
    json!({
        "ID": if no_trunc { n.id.as_str() } else { short(&n.id) },
        "Name": n.name,
        "Driver": n.driver,
        "NetworkInterface": n.network_interface,
        "Created": n.created,
        "Subnets": n.subnets.iter().map(|s| json!({"Subnet": s.subnet.to_string(), "Gateway": s.gateway.to_string()})).collect::<Vec<_>>(),
        "IPv6Enabled": n.ipv6_enabled,
        "Internal": n.internal,
        "DNSEnabled": n.dns_enabled,
        "Labels": n.labels,
        "Options": n.options,
        "IPAMOptions": n.ipam_options,
    })
}

/// Podman's name filter is a regular expression matched anywhere; coracle takes
/// the literal text with an optional `^` and `$` anchor.
fn name_matches(pattern: &str, name: &str) -> bool {
    let (anchored_start, rest) = match pattern.strip_prefix('^') {
        Some(r) => (true, r),
        None => (false, pattern),
    };
    let (anchored_end, text) = match rest.strip_suffix('$') {
        Some(t) => (true, t),
        None => (false, rest),
    };
    match (anchored_start, anchored_end) {
        (true, true) => name == text,
        (true, false) => name.starts_with(text),
        (false, true) => name.ends_with(text),
        (false, false) => name.contains(text),
    }
}

fn network_matches(
    filter: &ContainerFilter,
    n: &NetworkConfig,
    containers: &[ContainerRecord],
) -> Result<bool> {
    let any = |key: &str, f: &dyn Fn(&str) -> bool| {
        let values = filter.values(key);
        values.is_empty() || values.iter().any(|v| f(v))
    };
    for v in filter.values("dangling") {
        if v != "true" && v != "false" {
            bail!("invalid filter \"dangling={v}\": expected true or false");
        }
    }
    Ok(any("name", &|v| name_matches(v, &n.name))
        && any("driver", &|v| v == n.driver)
        && any("id", &|v| n.id.starts_with(v))
        && filter
            .values("label")
            .iter()
            .all(|v| has_label(&n.labels, v))
        && any("dangling", &|v| {
            (v == "true") == users_of(&n.name, containers).is_empty()
        }))
}

/// `network ls`.
fn ls(ctx: &Context, args: NetworkLsArgs) -> Result<i32> {
    let filter = ContainerFilter::parse(&args.filter, FILTER_KEYS)?;
    let containers = if filter.has("dangling") {
        all(&ctx.store()?)?
    } else {
        Vec::new()
    };
    let mut list = Vec::new();
    for n in networks(ctx).list()? {
        if network_matches(&filter, &n, &containers)? {
            list.push(n);
        }
    }
    if args.quiet {
        output::print(
            &list
                .iter()
                .map(|n| format!("{}\n", n.name))
                .collect::<String>(),
        );
        return Ok(0);
    }
    let items: Vec<Value> = if args.format.as_deref().map(str::trim) == Some("json") {
        list.iter()
            .map(serde_json::to_value)
            .collect::<Result<_, _>>()?
    } else {
        list.iter()
            .map(|n| template_item(n, args.no_trunc))
            .collect()
    };
    let table = if args.noheading { "" } else { "table " };
    let format = args
        .format
        .clone()
        .unwrap_or_else(|| format!("{table}{{{{.ID}}}}\t{{{{.Name}}}}\t{{{{.Driver}}}}"));
    let headers = BTreeMap::from([("ID", "NETWORK ID"), ("Name", "NAME"), ("Driver", "DRIVER")]);
    output::print(&output::formatted(&format, &items, &headers)?);
    Ok(0)
}

/// `network inspect`: Podman's JSON array (or a template per network).
fn inspect(ctx: &Context, args: NetworkInspectArgs) -> Result<i32> {
    let every = networks(ctx).list()?;
    let mut found = Vec::new();
    for wanted in &args.networks {
        found.push(find_network(&every, wanted)?.ok_or_else(|| not_found(wanted))?);
    }
    match args.format.as_deref().map(str::trim) {
        None | Some("json") => {
            let items: Vec<Value> = found
                .iter()
                .map(serde_json::to_value)
                .collect::<Result<_, _>>()?;
            output::print(&output::json(&Value::Array(items))?);
        }
        Some(_) => {
            let items: Vec<Value> = found.iter().map(|n| template_item(n, true)).collect();
            let format = args.format.unwrap_or_default();
            output::print(&output::formatted(&format, &items, &BTreeMap::new())?);
        }
    }
    Ok(0)
}

/// `network exists`: 0 if it does, 1 if not.
fn exists(ctx: &Context, args: NetworkExistsArgs) -> Result<i32> {
    let every = networks(ctx).list()?;
    Ok(if find_network(&every, &args.network)?.is_some() {
        0
    } else {
        1
    })
}

/// Remove `network`'s file, with (`force`) the containers that use it; prints the
/// name. A network in use without `force` is refused, naming its containers.
fn remove_network(
    store: &Store,
    networks: &NetworkStore,
    network: &NetworkConfig,
    force: bool,
) -> Result<Option<i32>> {
    if network.name == DEFAULT_NETWORK {
        output::print_error(&anyhow!(
            "the default network {DEFAULT_NETWORK} cannot be removed"
        ));
        return Ok(Some(crate::EXIT_ERROR));
    }
    let containers = all(store)?;
    let users = users_of(&network.name, &containers);
    if !users.is_empty() && !force {
        let names: Vec<String> = users
            .iter()
            .map(|c| format!("{} ({})", short(&c.id), c.name))
            .collect();
        output::print_error(&anyhow!(
            "network {} is being used by container(s) {}: remove them first, or use network rm -f",
            network.name,
            names.join(", ")
        ));
        return Ok(Some(EXIT_IN_USE));
    }
    let (plan, _) = coracle_runtime::ids::userns::current_user_plan(false);
    for user in users {
        control::remove(store, user.clone(), true, None, plan.as_ref())?;
    }
    networks.remove(&network.name)?;
    output::print(&format!("{}\n", network.name));
    Ok(None)
}

/// `network rm`: each network in turn; the exit status of the first failure.
fn rm(ctx: &Context, args: NetworkRmArgs) -> Result<i32> {
    let store = ctx.store()?;
    let net_store = networks(ctx);
    let mut status = 0;
    for wanted in &args.networks {
        let every = net_store.list()?;
        let Some(network) = find_network(&every, wanted)? else {
            output::print_error(&not_found(wanted));
            if status == 0 {
                status = EXIT_NO_SUCH_NETWORK;
            }
            continue;
        };
        if let Some(code) = remove_network(&store, &net_store, &network, args.force)? {
            if status == 0 {
                status = code;
            }
        }
    }
    Ok(status)
}

/// `network prune`: remove every network but the default one that no container uses.
fn prune(ctx: &Context, args: NetworkPruneArgs) -> Result<i32> {
    if !super::prune::confirmed(
        args.force,
        "all networks not used by at least one container",
    )? {
        return Ok(0);
    }
    let store = ctx.store()?;
    let net_store = networks(ctx);
    let containers = all(&store)?;
    for network in net_store.list()? {
        if network.name != DEFAULT_NETWORK && users_of(&network.name, &containers).is_empty() {
            net_store.remove(&network.name)?;
            output::print(&format!("{}\n", network.name));
        }
    }
    Ok(0)
}

/// The container and network of `connect`/`disconnect`, found.
fn container_and_network(
    ctx: &Context,
    store: &Store,
    network: &str,
    container: &str,
) -> Result<(ContainerRecord, NetworkConfig, ContainerConfig)> {
    let every = networks(ctx).list()?;
    let network = find_network(&every, network)?.ok_or_else(|| not_found(network))?;
    let record = find(store, container)?;
    let config = ContainerConfig::from_json(&record.id, &record.config)?;
    Ok((record, network, config))
}

/// `network connect`: record the network in the container's spec; a running
/// container is attached now (a veth, a lease and its names in the resolver).
fn connect(ctx: &Context, args: NetworkConnectArgs) -> Result<i32> {
    let store = ctx.store()?;
    let _lock = store.container_lock(&find(&store, &args.container)?.id)?;
    let (record, network, mut config) =
        container_and_network(ctx, &store, &args.network, &args.container)?;
    if config.networks.iter().any(|a| a.name == network.name) {
        bail!(
            "container {} is already connected to network {}",
            record.name,
            network.name
        );
    }
    if config.networks.is_empty()
        && config.namespaces.network != coracle_runtime::spec::NamespaceMode::New
    {
        bail!(
            "container {} uses another container's or the host's network namespace: only a container with its own can be connected to a network",
            record.name
        );
    }
    // The same checks as --network-alias and --mac-address.
    let flags = [network.name.clone()];
    let (_, mut attachment) = coracle_runtime::spec::network::parse_network_flags(
        &flags,
        &args.alias,
        args.mac_address.as_deref(),
    )?;
    let attachment = attachment.remove(0);
    if record.state.is_active() {
        let hostname = config
            .hostname
            .clone()
            .unwrap_or_else(|| short(&record.id).to_string());
        netns_live::connect_running(&store, &record, &network, &attachment, &hostname)?;
    }
    config.connect_network(attachment);
    store
        .db
        .set_container_config(&record.id, &config.to_json())?;
    Ok(0)
}

/// `network disconnect`: remove the network from the container's spec; a running
/// container is detached now (its veth and lease go).
fn disconnect(ctx: &Context, args: NetworkDisconnectArgs) -> Result<i32> {
    let store = ctx.store()?;
    let _lock = store.container_lock(&find(&store, &args.container)?.id)?;
    let (record, network, mut config) =
        container_and_network(ctx, &store, &args.network, &args.container)?;
    if !config.disconnect_network(&network.name) {
        bail!(
            "container {} is not connected to network {}",
            record.name,
            network.name
        );
    }
    if record.state.is_active() {
        netns_live::disconnect_running(&record, &network)?;
    }
    store
        .db
        .set_container_config(&record.id, &config.to_json())?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_filter_anchors() {
        assert!(name_matches("net", "testnet"));
        assert!(name_matches("^test", "testnet"));
        assert!(!name_matches("^net", "testnet"));
        assert!(name_matches("net$", "testnet"));
        assert!(name_matches("^testnet$", "testnet"));
        assert!(!name_matches("^test$", "testnet"));
    }
}
