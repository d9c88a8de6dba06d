//! Making a new network definition from what `network create` was given: the
//! subnet (given, or the first free one of Podman's pool), its gateway, the bridge
//! name, DNS on by default.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use crate::allocate;
use crate::config::{validate_name, NetworkConfig, Subnet};
use crate::error::{NetworkError, Result};
use crate::subnet::Ipv4Subnet;

/// Names `--network` reads as modes, so no network may have them (as Podman).
const RESERVED_NAMES: &[&str] = &[
    "none",
    "host",
    "bridge",
    "private",
    "default",
    "pasta",
    "slirp4netns",
    "ns",
    "container",
];

/// What `network create` asks for.
#[derive(Debug, Clone, Default)]
pub struct CreateRequest {
    /// The name (default: the bridge name, podmanN, as Podman).
    pub name: Option<String>,
    /// `--subnet`.
    pub subnet: Option<String>,
    /// `--gateway` (needs a subnet).
    pub gateway: Option<String>,
    /// `--internal`.
    pub internal: bool,
    /// `--disable-dns`.
    pub disable_dns: bool,
    /// `--label`.
    pub labels: BTreeMap<String, String>,
    /// `-d`.
    pub driver: String,
}

/// The definition `request` makes among the `existing` networks, with this `id`
/// and creation time; refused with a typed error naming what is wrong.
pub fn new_network(
    request: &CreateRequest,
    existing: &[NetworkConfig],
    id: String,
    created: String,
) -> Result<NetworkConfig> {
    if request.driver != "bridge" {
        return Err(NetworkError::Unsupported(format!(
            "driver {:?}: only bridge is supported",
            request.driver
        )));
    }
    let bridge = allocate::free_bridge_name(existing);
    let name = request.name.clone().unwrap_or_else(|| bridge.clone());
    validate_name(&name)?;
    if RESERVED_NAMES.contains(&name.as_str()) {
        return Err(NetworkError::Unsupported(format!(
            "network name {name:?} is a --network mode: pick another name"
        )));
    }
    if existing.iter().any(|n| n.name == name) {
        return Err(NetworkError::Exists(name));
    }
    let subnet = match &request.subnet {
        Some(text) => {
            let subnet: Ipv4Subnet = text.parse()?;
            if let Some((other, theirs)) = allocate::overlapping(&subnet, existing) {
                return Err(NetworkError::SubnetInUse {
                    subnet: subnet.to_string(),
                    network: other.to_string(),
                    theirs: theirs.to_string(),
                });
            }
            subnet
        }
        None if request.gateway.is_some() => {
            return Err(NetworkError::Unsupported(
                "--gateway needs --subnet: give the subnet the gateway lies in".into(),
            ))
        }
        None => allocate::free_subnet(existing).ok_or_else(|| {
            NetworkError::Unsupported(
                "no free subnet left in 10.89.0.0-10.255.255.0: give one with --subnet".into(),
            )
        })?,
    };
    let gateway = match &request.gateway {
        Some(text) => {
            let gateway: Ipv4Addr = text.parse().map_err(|_| NetworkError::InvalidGateway {
                value: text.clone(),
                reason: "not an IPv4 address".into(),
            })?;
            let index = u32::from(gateway).wrapping_sub(u32::from(subnet.base()));
            if !subnet.contains(gateway) || subnet.host(index) != Some(gateway) {
                return Err(NetworkError::InvalidGateway {
                    value: text.clone(),
                    reason: format!("not a host address of {subnet}"),
                });
            }
            gateway
        }
        None => subnet
            .host(1)
            .ok_or_else(|| NetworkError::Unsupported(format!("subnet {subnet} has no hosts")))?,
    };
    Ok(NetworkConfig {
        name,
        id,
        driver: "bridge".into(),
        network_interface: bridge,
        created,
        subnets: vec![Subnet { subnet, gateway }],
        ipv6_enabled: false,
        internal: request.internal,
        dns_enabled: !request.disable_dns,
        labels: request.labels.clone(),
        options: BTreeMap::new(),
        ipam_options: BTreeMap::from([("driver".to_string(), "host-local".to_string())]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> CreateRequest {
        CreateRequest {
            driver: "bridge".into(),
            ..Default::default()
        }
    }

    fn make(req: &CreateRequest, existing: &[NetworkConfig]) -> Result<NetworkConfig> {
        new_network(req, existing, "0".repeat(64), "2026-01-01T00:00:00Z".into())
    }

    #[test]
    fn defaults_follow_podman() {
        let existing = vec![NetworkConfig::default_network()];
        let net = make(&request(), &existing).unwrap();
        assert_eq!(net.name, "podman1");
        assert_eq!(net.network_interface, "podman1");
        assert_eq!(net.subnets[0].subnet.to_string(), "10.89.0.0/24");
        assert_eq!(net.subnets[0].gateway, Ipv4Addr::new(10, 89, 0, 1));
        assert!(net.dns_enabled && !net.internal);
        let mut second = request();
        second.name = Some("b".into());
        let net2 = make(&second, &[existing[0].clone(), net]).unwrap();
        assert_eq!(net2.subnets[0].subnet.to_string(), "10.89.1.0/24");
        assert_eq!(net2.network_interface, "podman2");
    }

    #[test]
    fn given_subnet_and_gateway() {
        let mut req = request();
        req.name = Some("x".into());
        req.subnet = Some("192.168.77.0/24".into());
        req.gateway = Some("192.168.77.254".into());
        req.disable_dns = true;
        let net = make(&req, &[NetworkConfig::default_network()]).unwrap();
        assert_eq!(net.subnets[0].gateway, Ipv4Addr::new(192, 168, 77, 254));
        assert!(!net.dns_enabled);
    }

    #[test]
    fn refusals() {
        let existing = vec![NetworkConfig::default_network()];
        let with = |f: &dyn Fn(&mut CreateRequest)| {
            let mut r = request();
            f(&mut r);
            make(&r, &existing).unwrap_err().to_string()
        };
        assert!(with(&|r| r.subnet = Some("10.88.3.0/24".into())).contains("podman"));
        assert!(with(&|r| r.subnet = Some("nonsense".into())).contains("invalid subnet"));
        assert!(with(&|r| r.gateway = Some("10.1.1.1".into())).contains("--subnet"));
        assert!(with(&|r| {
            r.subnet = Some("10.99.0.0/24".into());
            r.gateway = Some("10.98.0.1".into())
        })
        .contains("not a host address"));
        assert!(with(&|r| r.driver = "macvlan".into()).contains("bridge"));
        assert!(with(&|r| r.name = Some("podman".into())).contains("already exists"));
        assert!(with(&|r| r.name = Some("a/b".into())).contains("invalid network name"));
        assert!(with(&|r| r.name = Some("host".into())).contains("--network mode"));
    }
}
