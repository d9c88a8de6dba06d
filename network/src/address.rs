//! Address allocation: a container gets the first free host address of the network
//! after the gateway. The address is claimed by creating the file `ip-A.B.C.D` in
//! the network's lease directory with `O_EXCL` (so two concurrent starts never get
//! one address), then the lease itself is written as `<container-id>.json`
//! (temp file and rename, so the resolver never reads half a lease).

use std::io::Write;
use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};

use crate::config::NetworkConfig;
use crate::error::{NetworkError, Result};
use crate::lease::{Lease, LeaseDir};

/// Largest lease file read back.
const MAX_LEASE: u64 = 64 * 1024;

/// What a new lease is for.
#[derive(Debug, Clone)]
pub struct LeaseRequest<'a> {
    /// The container's full id.
    pub container_id: &'a str,
    /// Its name.
    pub container_name: &'a str,
    /// Its `--network-alias` names.
    pub aliases: &'a [String],
    /// The interface name in the container (`eth0`, …).
    pub interface: &'a str,
    /// `--mac-address` (checked already); None: derived from the address.
    pub mac: Option<&'a str>,
}

/// Docker's convention: `02:42` and the four bytes of the address.
pub fn mac_for(ip: Ipv4Addr) -> String {
    let [a, b, c, d] = ip.octets();
    format!("02:42:{a:02x}:{b:02x}:{c:02x}:{d:02x}")
}

fn address_claim(dir: &Path, ip: Ipv4Addr) -> PathBuf {
    dir.join(format!("ip-{ip}"))
}

impl LeaseDir {
    /// Lease the first free address of `config` to the container; its lease file
    /// is written. A container that has a lease on the network already keeps it.
    pub fn allocate(&self, config: &NetworkConfig, request: &LeaseRequest<'_>) -> Result<Lease> {
        if let Some(lease) = self.read(&config.name, request.container_id) {
            return Ok(lease);
        }
        let subnet = config.ipv4().ok_or_else(|| {
            NetworkError::Setup(format!("network {:?} has no IPv4 subnet", config.name))
        })?;
        let dir = self.network_dir(&config.name);
        std::fs::create_dir_all(&dir).map_err(|e| NetworkError::io(&dir, e))?;
        let taken: std::collections::HashSet<String> = std::fs::read_dir(&dir)
            .map_err(|e| NetworkError::io(&dir, e))?
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        for n in 1..=subnet.subnet.host_count() {
            let Some(ip) = subnet.subnet.host(n) else {
                break;
            };
            if ip == subnet.gateway || taken.contains(&format!("ip-{ip}")) {
                continue;
            }
            let claim = address_claim(&dir, ip);
            let file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&claim);
            let mut file = match file {
                Ok(f) => f,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(NetworkError::io(&claim, e)),
            };
            file.write_all(request.container_id.as_bytes())
                .map_err(|e| NetworkError::io(&claim, e))?;
            let lease = Lease {
                container_id: request.container_id.to_string(),
                container_name: request.container_name.to_string(),
                aliases: request.aliases.to_vec(),
                ip,
                mac: request.mac.map_or_else(|| mac_for(ip), str::to_string),
                interface: request.interface.to_string(),
            };
            if let Err(e) = self.write(&config.name, &lease) {
                let _ = std::fs::remove_file(&claim);
                return Err(e);
            }
            return Ok(lease);
        }
        Err(NetworkError::Exhausted(config.name.clone()))
    }

    fn write(&self, network: &str, lease: &Lease) -> Result<()> {
        let path = self.lease_path(network, &lease.container_id);
        let tmp = self
            .network_dir(network)
            .join(format!(".{}.tmp", lease.container_id));
        let text = serde_json::to_string(lease).map_err(|e| NetworkError::Setup(e.to_string()))?;
        std::fs::write(&tmp, text).map_err(|e| NetworkError::io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| NetworkError::io(&path, e))
    }

    /// The container's lease on `network`, if it has one.
    pub fn read(&self, network: &str, container_id: &str) -> Option<Lease> {
        let file = std::fs::File::open(self.lease_path(network, container_id)).ok()?;
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::Read::take(file, MAX_LEASE), &mut text).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// The networks (by name) on which the container holds a lease, with the leases.
    pub fn of_container(&self, container_id: &str) -> Vec<(String, Lease)> {
        self.networks()
            .into_iter()
            .filter_map(|n| self.read(&n, container_id).map(|l| (n, l)))
            .collect()
    }

    /// The names of the networks with a lease directory.
    fn networks(&self) -> Vec<String> {
        let root = self.network_dir("");
        std::fs::read_dir(&root)
            .map(|d| {
                d.filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Give the container's address on `network` back.
    pub fn release(&self, network: &str, container_id: &str) {
        let dir = self.network_dir(network);
        if let Some(lease) = self.read(network, container_id) {
            let claim = address_claim(&dir, lease.ip);
            // Only the container's own claim goes (never another's, if the lease
            // file and the claim disagree).
            if std::fs::read_to_string(&claim).is_ok_and(|owner| owner == container_id) {
                let _ = std::fs::remove_file(&claim);
            }
        }
        let _ = std::fs::remove_file(self.lease_path(network, container_id));
    }

    /// Whether any container holds a lease on any network.
    pub fn any_lease(&self) -> bool {
        self.networks().iter().any(|n| self.has_leases(n))
    }

    /// Whether any container holds a lease on `network`.
    pub fn has_leases(&self, network: &str) -> bool {
        std::fs::read_dir(self.network_dir(network)).is_ok_and(|mut d| {
            d.any(|e| {
                e.ok()
                    .and_then(|e| e.file_name().into_string().ok())
                    .is_some_and(|f| f.ends_with(".json") && !f.starts_with('.'))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(id: &str) -> LeaseRequest<'_> {
        LeaseRequest {
            container_id: id,
            container_name: id,
            aliases: &[],
            interface: "eth0",
            mac: None,
        }
    }

    #[test]
    fn first_free_address_after_the_gateway() {
        let dir = tempfile::tempdir().unwrap();
        let leases = LeaseDir::new(dir.path());
        let net = NetworkConfig::default_network();
        let a = leases.allocate(&net, &request("aaa")).unwrap();
        let b = leases.allocate(&net, &request("bbb")).unwrap();
        assert_eq!(a.ip, Ipv4Addr::new(10, 88, 0, 2));
        assert_eq!(b.ip, Ipv4Addr::new(10, 88, 0, 3));
        assert_eq!(a.mac, "02:42:0a:58:00:02");
        // Asking again keeps the lease.
        assert_eq!(leases.allocate(&net, &request("aaa")).unwrap(), a);
        assert!(leases.any_lease());
        leases.release("podman", "aaa");
        assert_eq!(leases.of_container("aaa"), vec![]);
        let c = leases.allocate(&net, &request("ccc")).unwrap();
        assert_eq!(c.ip, a.ip, "a released address is given again");
        leases.release("podman", "bbb");
        leases.release("podman", "ccc");
        assert!(!leases.any_lease());
        let chosen = LeaseRequest {
            mac: Some("92:d0:c6:0a:29:33"),
            ..request("ddd")
        };
        assert_eq!(
            leases.allocate(&net, &chosen).unwrap().mac,
            "92:d0:c6:0a:29:33"
        );
    }

    #[test]
    fn a_full_network_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let leases = LeaseDir::new(dir.path());
        let mut net = NetworkConfig::default_network();
        net.name = "tiny".into();
        let subnet = crate::Ipv4Subnet::new(Ipv4Addr::new(10, 99, 0, 0), 30).unwrap();
        net.subnets[0].subnet = subnet;
        net.subnets[0].gateway = subnet.host(1).unwrap();
        leases.allocate(&net, &request("one")).unwrap();
        let e = leases.allocate(&net, &request("two")).unwrap_err();
        assert!(e.to_string().contains("\"tiny\""), "{e}");
    }
}
