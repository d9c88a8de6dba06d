//! Choosing what a new network gets when the user does not say: a free subnet from
//! Podman's pool (10.89.0.0/24, 10.89.1.0/24, …) and a free bridge name (podman1,
//! podman2, …).

use std::net::Ipv4Addr;

use crate::config::NetworkConfig;
use crate::subnet::Ipv4Subnet;

/// How many /24 subnets of the pool are tried (10.89.0.0/24 to 10.255.255.0/24, as
/// Podman's default pool runs on past 10.89.255.0/24).
const POOL_SIZE: u32 = (256 - 89) * 256;

/// The first /24 of Podman's pool for user networks, counting up from 10.89.0.0,
/// that overlaps no subnet of `existing`.
pub fn free_subnet(existing: &[NetworkConfig]) -> Option<Ipv4Subnet> {
    let taken: Vec<Ipv4Subnet> = existing
        .iter()
        .flat_map(|n| n.subnets.iter().map(|s| s.subnet))
        .collect();
    let first = u32::from(Ipv4Addr::new(10, 89, 0, 0));
    (0..POOL_SIZE)
        .filter_map(|i| Ipv4Subnet::new(Ipv4Addr::from(first + (i << 8)), 24))
        .find(|candidate| !taken.iter().any(|t| t.overlaps(candidate)))
}

/// The first subnet of `existing` that `subnet` overlaps, with its network's name.
pub fn overlapping<'a>(
    subnet: &Ipv4Subnet,
    existing: &'a [NetworkConfig],
) -> Option<(&'a str, Ipv4Subnet)> {
    existing.iter().find_map(|n| {
        n.subnets
            .iter()
            .find(|s| s.subnet.overlaps(subnet))
            .map(|s| (n.name.as_str(), s.subnet))
    })
}

/// The first `podmanN` (N from 1) that no network of `existing` uses as its bridge.
pub fn free_bridge_name(existing: &[NetworkConfig]) -> String {
    (1u32..)
        .map(|n| format!("podman{n}"))
        .find(|name| !existing.iter().any(|n| &n.network_interface == name))
        .unwrap_or_else(|| "podman1".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Subnet;

    fn net(name: &str, bridge: &str, subnet: &str) -> NetworkConfig {
        let mut c = NetworkConfig::default_network();
        c.name = name.into();
        c.network_interface = bridge.into();
        let subnet: Ipv4Subnet = subnet.parse().unwrap();
        c.subnets = vec![Subnet {
            subnet,
            gateway: subnet.host(1).unwrap(),
        }];
        c
    }

    #[test]
    fn subnets_count_up_and_skip_overlaps() {
        let mut nets = vec![NetworkConfig::default_network()];
        assert_eq!(free_subnet(&nets).unwrap().to_string(), "10.89.0.0/24");
        nets.push(net("a", "podman1", "10.89.0.0/24"));
        assert_eq!(free_subnet(&nets).unwrap().to_string(), "10.89.1.0/24");
        // A user subnet covering 10.89.1.0-10.89.3.255 pushes the next one past it.
        nets.push(net("b", "podman2", "10.89.0.0/22"));
        assert_eq!(free_subnet(&nets).unwrap().to_string(), "10.89.4.0/24");
        assert_eq!(
            overlapping(&"10.88.7.0/24".parse().unwrap(), &nets),
            Some(("podman", "10.88.0.0/16".parse().unwrap()))
        );
        assert_eq!(overlapping(&"10.90.0.0/24".parse().unwrap(), &nets), None);
    }

    #[test]
    fn pool_exhaustion_is_none() {
        let nets = vec![net("all", "podman1", "10.0.0.0/8")];
        assert_eq!(free_subnet(&nets), None);
    }

    #[test]
    fn bridge_names_are_unique() {
        let mut nets = vec![NetworkConfig::default_network()];
        assert_eq!(free_bridge_name(&nets), "podman1");
        nets.push(net("a", "podman1", "10.89.0.0/24"));
        nets.push(net("b", "podman3", "10.89.1.0/24"));
        assert_eq!(free_bridge_name(&nets), "podman2");
    }
}
