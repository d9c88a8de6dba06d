//! The text of a container's /etc/hosts and /etc/resolv.conf from its saved spec
//! (`--add-host`, `--dns*`, its networks) and what the network attach code knows
//! (its addresses, the host's address as seen from inside).

use std::net::{IpAddr, Ipv4Addr};

use coracle_network::dns::server::read_leases;
use coracle_network::etc_files::{self, HostsInput, ResolvInput};
use coracle_network::{LeaseDir, NetworkStore};
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

impl NetworkFacts {
    /// The container's addresses from its lease files on each of its networks (the
    /// bridge code writes them when it attaches the container), in the spec's order.
    pub fn from_leases(
        leases: &LeaseDir,
        container_id: &str,
        config: &ContainerConfig,
    ) -> NetworkFacts {
        let addresses = config
            .networks
            .iter()
            .flat_map(|a| read_leases(leases, &a.name))
            .filter(|l| l.container_id == container_id)
            .map(|l| IpAddr::V4(l.ip))
            .collect();
        NetworkFacts {
            addresses,
            host_address: None,
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::NetworkAttachment;
    use coracle_network::Lease;

    #[test]
    fn addresses_come_from_the_containers_own_leases() {
        let dir = tempfile::tempdir().unwrap();
        let leases = LeaseDir::new(dir.path());
        let write = |network: &str, id: &str, ip: [u8; 4]| {
            let lease = Lease {
                container_id: id.into(),
                container_name: id.into(),
                aliases: vec![],
                ip: ip.into(),
                mac: "02:00:00:00:00:01".into(),
                interface: "eth0".into(),
            };
            std::fs::create_dir_all(leases.network_dir(network)).unwrap();
            std::fs::write(
                leases.lease_path(network, id),
                serde_json::to_vec(&lease).unwrap(),
            )
            .unwrap();
        };
        write("a", "me", [10, 89, 0, 2]);
        write("a", "other", [10, 89, 0, 3]);
        write("b", "me", [10, 89, 1, 2]);
        write("c", "me", [10, 89, 2, 2]);
        let config = ContainerConfig {
            networks: ["a", "b"]
                .iter()
                .map(|n| NetworkAttachment {
                    name: n.to_string(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        };
        let facts = NetworkFacts::from_leases(&leases, "me", &config);
        let expected: Vec<IpAddr> = vec![[10, 89, 0, 2].into(), [10, 89, 1, 2].into()];
        assert_eq!(facts.addresses, expected);
        let hosts = hosts_text("h", "me", &config, &facts);
        assert!(
            hosts.contains("10.89.0.2\th me\n10.89.1.2\th me\n"),
            "{hosts}"
        );
        assert!(!hosts.contains("127.0.1.1"), "{hosts}");
    }
}
