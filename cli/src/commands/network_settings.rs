//! `NetworkSettings` of `container inspect`, in Podman's shape: the running
//! container's leases (address, prefix, gateway, MAC per network) and its published
//! ports.

use serde_json::{json, Map, Value};

use coracle_network::{LeaseDir, NetworkStore, PortMapping};
use coracle_storage::{ContainerRecord, Store};

/// The object for a container (empty values when it has no network). `configured`
/// is what its saved spec says (`{"Networks": {NAME: {...}}}`): networks it is not
/// attached to right now are shown from there, and its aliases complete the leases'.
pub fn network_settings(store: &Store, r: &ContainerRecord, configured: Value) -> Value {
    let running = r.state == coracle_storage::ContainerState::Running;
    let leases = if running {
        LeaseDir::new(&coracle_storage::rundir::network_state_dir()).of_container(&r.id)
    } else {
        Vec::new()
    };
    let networks_store = NetworkStore::new(&store.root);
    let mut networks = Map::new();
    let mut first: Option<Value> = None;
    for (name, lease) in &leases {
        let subnet = networks_store
            .load(name)
            .ok()
            .and_then(|c| c.ipv4().cloned());
        let entry = json!({
            "IPAddress": lease.ip.to_string(),
            "IPPrefixLen": subnet.as_ref().map(|s| s.subnet.prefix()).unwrap_or(0),
            "Gateway": subnet.as_ref().map(|s| s.gateway.to_string()).unwrap_or_default(),
            "MacAddress": lease.mac,
            "NetworkID": name,
            "Aliases": lease.aliases,
        });
        if lease.interface == "eth0" {
            first = Some(entry.clone());
        }
        networks.insert(name.clone(), entry);
    }
    if let Some(Value::Object(wanted)) = configured.get("Networks") {
        for (name, entry) in wanted {
            match networks.get_mut(name).and_then(Value::as_object_mut) {
                Some(live) => {
                    for (k, v) in entry.as_object().into_iter().flatten() {
                        let empty = live.get(k).is_none_or(|have| {
                            have.as_str() == Some("")
                                || have.as_array().is_some_and(|a| a.is_empty())
                        });
                        if empty {
                            live.insert(k.clone(), v.clone());
                        }
                    }
                }
                None => {
                    networks.insert(name.clone(), entry.clone());
                }
            }
        }
    }
    let ports = if running {
        port_map(&coracle_runtime::lifecycle::netns::published_ports(&r.id))
    } else {
        Value::Object(Map::new())
    };
    let field = |k: &str| first.as_ref().map(|f| f[k].clone()).unwrap_or(json!(""));
    json!({
        "IPAddress": field("IPAddress"),
        "IPPrefixLen": first.as_ref().map(|f| f["IPPrefixLen"].clone()).unwrap_or(json!(0)),
        "Gateway": field("Gateway"),
        "MacAddress": field("MacAddress"),
        "Ports": ports,
        "Networks": networks,
    })
}

/// Podman's map of ports (`NetworkSettings.Ports`, `HostConfig.PortBindings`):
/// "PORT/PROTO" → [{HostIp, HostPort}] for each single port of `mappings` ("" for
/// every address, and for a host port not picked yet).
pub(super) fn port_map(mappings: &[PortMapping]) -> Value {
    let mut ports = Map::new();
    for m in mappings.iter().flat_map(PortMapping::singles) {
        let key = format!("{}/{}", m.container_port, m.protocol);
        let host_port = match m.host_port {
            0 => String::new(),
            port => port.to_string(),
        };
        let host = json!({
            "HostIp": m.host_ip_text(),
            "HostPort": host_port,
        });
        match ports.get_mut(&key).and_then(Value::as_array_mut) {
            Some(list) => list.push(host),
            None => {
                ports.insert(key, Value::Array(vec![host]));
            }
        }
    }
    Value::Object(ports)
}
