//! The text of a container's /etc/hosts and /etc/resolv.conf from its saved spec
//! (`--add-host`, `--dns*`, its networks) and what the network attach code knows
//! (its addresses, the host's address as seen from inside).

use std::net::{IpAddr, Ipv4Addr};

use coracle_network::etc_files::{self, HostsInput, ResolvInput};
use coracle_network::NetworkStore;
use coracle_storage::Store;

use crate::spec::ContainerConfig;

/// What the network attach code knows about a starting container.
#[derive(Debug, Clone, Default)]
pub struct NetworkFacts {
    /// The container's addresses on its networks.
    pub addresses: Vec<IpAddr>,
    /// The host's address as the container reaches it (`host.containers.internal`).
    pub host_address: Option<IpAddr>,
}

/// /etc/hosts for the container.
pub fn hosts_text(
    hostname: &str,
    name: &str,
    config: &ContainerConfig,
    facts: &NetworkFacts,
) -> String {
    let add_hosts: Vec<(String, IpAddr)> = config
        .add_hosts
        .iter()
        .map(|h| (h.name.clone(), h.ip))
        .collect();
    etc_files::hosts(&HostsInput {
        hostname,
        name,
        addresses: &facts.addresses,
        host_address: facts.host_address,
        add_hosts: &add_hosts,
    })
}

/// The gateways of the container's DNS-enabled networks, where coracle's resolver
/// answers (networks that can no longer be read are left out).
fn resolver_addresses(store: &Store, config: &ContainerConfig) -> Vec<Ipv4Addr> {
    let networks = NetworkStore::new(&store.root);
    config
        .networks
        .iter()
        .filter_map(|a| networks.load(&a.name).ok())
        .filter(|n| n.dns_enabled)
        .filter_map(|n| n.ipv4().map(|s| s.gateway))
        .collect()
}

/// /etc/resolv.conf for the container.
pub fn resolv_text(store: &Store, config: &ContainerConfig) -> String {
    let host = etc_files::read_host_resolv_conf();
    etc_files::resolv_conf(&ResolvInput {
        resolvers: &resolver_addresses(store, config),
        servers: &config.dns.servers,
        search: &config.dns.search,
        options: &config.dns.options,
        host: &host,
    })
}
