//! Network definitions as Podman (netavark) keeps them: one JSON file per network
//! under `<store>/networks/NAME.json`, written through a temp file and a rename.
//! The default network `podman` is never written: it exists implicitly.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{NetworkError, Result};
use crate::subnet::Ipv4Subnet;

/// Name of the network a container joins when `--network` is not given.
pub const DEFAULT_NETWORK: &str = "podman";

/// Largest network file read back (a definition is a few hundred bytes).
const MAX_NETWORK_FILE: u64 = 1 << 20;

/// One subnet of a network and its gateway (Podman's `subnets` entries).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subnet {
    /// The addresses of the network.
    pub subnet: Ipv4Subnet,
    /// The bridge's own address, the containers' default route.
    pub gateway: Ipv4Addr,
}

/// A network definition in the JSON shape `podman network inspect` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkConfig {
    /// User-visible name.
    pub name: String,
    /// 64 hex digits.
    pub id: String,
    /// Always `bridge`.
    pub driver: String,
    /// Name of the bridge interface inside the rootless network namespace.
    pub network_interface: String,
    /// Creation time, RFC 3339.
    pub created: String,
    /// The network's subnets (coracle uses one IPv4 subnet).
    pub subnets: Vec<Subnet>,
    /// Whether IPv6 is enabled (never, for now).
    #[serde(default)]
    pub ipv6_enabled: bool,
    /// No route out of the network: containers reach only each other.
    #[serde(default)]
    pub internal: bool,
    /// Whether coracle's resolver answers the containers' names on this network.
    #[serde(default)]
    pub dns_enabled: bool,
    /// User labels.
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// Driver options.
    #[serde(default)]
    pub options: BTreeMap<String, String>,
    /// IPAM options (`driver`: `host-local`).
    #[serde(default)]
    pub ipam_options: BTreeMap<String, String>,
}

impl NetworkConfig {
    /// The implicit default network: `podman`, bridge `podman0`, 10.88.0.0/16,
    /// no DNS (as Podman's default network).
    pub fn default_network() -> Self {
        let subnet: Ipv4Subnet = Ipv4Subnet::new(Ipv4Addr::new(10, 88, 0, 0), 16)
            .expect("10.88.0.0/16 is a valid subnet");
        NetworkConfig {
            name: DEFAULT_NETWORK.to_string(),
            // Podman's id for its default network: sha256 of nothing in particular,
            // a fixed value that scripts compare against.
            id: "2f259bab93aaaaa2542ba43ef33eb990d0999ee1b9924b557b7be53c0b7a1bb9".to_string(),
            driver: "bridge".to_string(),
            network_interface: "podman0".to_string(),
            created: "1970-01-01T00:00:00Z".to_string(),
            subnets: vec![Subnet {
                subnet,
                gateway: subnet.host(1).expect("a /16 has a first host"),
            }],
            ipv6_enabled: false,
            internal: false,
            dns_enabled: false,
            labels: BTreeMap::new(),
            options: BTreeMap::new(),
            ipam_options: BTreeMap::from([("driver".to_string(), "host-local".to_string())]),
        }
    }

    /// The network's first IPv4 subnet.
    pub fn ipv4(&self) -> Option<&Subnet> {
        self.subnets.first()
    }
}

/// Check a network name against Podman's rule `[a-zA-Z0-9][a-zA-Z0-9_.-]*`.
pub fn validate_name(name: &str) -> Result<()> {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphanumeric());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if first_ok && rest_ok && name.len() <= 200 {
        Ok(())
    } else {
        Err(NetworkError::InvalidName(name.to_string()))
    }
}

/// The directory of network files of one store.
#[derive(Debug, Clone)]
pub struct NetworkStore {
    dir: PathBuf,
}

impl NetworkStore {
    /// The network files under `store_root/networks`.
    pub fn new(store_root: &Path) -> Self {
        NetworkStore {
            dir: store_root.join("networks"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.json"))
    }

    /// The network named `name` (the default network included).
    pub fn load(&self, name: &str) -> Result<NetworkConfig> {
        if name == DEFAULT_NETWORK {
            return Ok(NetworkConfig::default_network());
        }
        validate_name(name)?;
        let path = self.path(name);
        match read_bounded(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|source| NetworkError::Corrupt { path, source }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(NetworkError::NotFound(name.to_string()))
            }
            Err(e) => Err(NetworkError::io(path, e)),
        }
    }

    /// Every network, the default one first, the others by name.
    pub fn list(&self) -> Result<Vec<NetworkConfig>> {
        let mut names = Vec::new();
        match fs::read_dir(&self.dir) {
            Ok(entries) => {
                for entry in entries {
                    let entry = entry.map_err(|e| NetworkError::io(&self.dir, e))?;
                    let file = entry.file_name();
                    let Some(name) = file.to_str().and_then(|f| f.strip_suffix(".json")) else {
                        continue;
                    };
                    if validate_name(name).is_ok() && name != DEFAULT_NETWORK {
                        names.push(name.to_string());
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(NetworkError::io(&self.dir, e)),
        }
        names.sort();
        let mut out = vec![NetworkConfig::default_network()];
        for name in names {
            out.push(self.load(&name)?);
        }
        Ok(out)
    }

    /// Write a new network; fails if one of that name exists.
    pub fn create(&self, config: &NetworkConfig) -> Result<()> {
        validate_name(&config.name)?;
        if config.name == DEFAULT_NETWORK || self.path(&config.name).exists() {
            return Err(NetworkError::Exists(config.name.clone()));
        }
        fs::create_dir_all(&self.dir).map_err(|e| NetworkError::io(&self.dir, e))?;
        let json = serde_json::to_vec_pretty(config).map_err(|source| NetworkError::Corrupt {
            path: self.path(&config.name),
            source,
        })?;
        let mut tmp = tempfile_in(&self.dir).map_err(|e| NetworkError::io(&self.dir, e))?;
        tmp.1
            .write_all(&json)
            .and_then(|_| tmp.1.sync_all())
            .map_err(|e| NetworkError::io(&tmp.0, e))?;
        let target = self.path(&config.name);
        // link() instead of rename(): refuses to replace a network created meanwhile.
        let linked = fs::hard_link(&tmp.0, &target);
        let _ = fs::remove_file(&tmp.0);
        match linked {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(NetworkError::Exists(config.name.clone()))
            }
            Err(e) => Err(NetworkError::io(target, e)),
        }
    }

    /// Remove the network file of `name`.
    pub fn remove(&self, name: &str) -> Result<()> {
        validate_name(name)?;
        let path = self.path(name);
        match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(NetworkError::NotFound(name.to_string()))
            }
            Err(e) => Err(NetworkError::io(path, e)),
        }
    }
}

fn read_bounded(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    fs::File::open(path)?
        .take(MAX_NETWORK_FILE)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn tempfile_in(dir: &Path) -> std::io::Result<(PathBuf, fs::File)> {
    for attempt in 0..100u32 {
        let path = dir.join(format!(".tmp-{}-{attempt}", std::process::id()));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("no free temporary file name"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> NetworkConfig {
        let mut c = NetworkConfig::default_network();
        c.name = name.to_string();
        c.network_interface = "podman1".to_string();
        c.dns_enabled = true;
        c
    }

    #[test]
    fn create_load_list_remove() {
        let dir = tempfile::tempdir().unwrap();
        let store = NetworkStore::new(dir.path());
        assert_eq!(store.list().unwrap().len(), 1);
        store.create(&sample("testnet")).unwrap();
        assert!(matches!(
            store.create(&sample("testnet")),
            Err(NetworkError::Exists(_))
        ));
        assert_eq!(store.load("testnet").unwrap(), sample("testnet"));
        let names: Vec<_> = store.list().unwrap().into_iter().map(|n| n.name).collect();
        assert_eq!(names, ["podman", "testnet"]);
        store.remove("testnet").unwrap();
        assert!(matches!(
            store.load("testnet"),
            Err(NetworkError::NotFound(_))
        ));
    }

    #[test]
    fn names_follow_podman() {
        assert!(validate_name("my-net_1.x").is_ok());
        for bad in ["", "-x", "a/b", "../x", "a b"] {
            assert!(validate_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn json_has_podman_keys() {
        let v = serde_json::to_value(NetworkConfig::default_network()).unwrap();
        for key in [
            "name",
            "id",
            "driver",
            "network_interface",
            "created",
            "subnets",
            "internal",
            "dns_enabled",
        ] {
            assert!(v.get(key).is_some(), "{key}");
        }
        assert_eq!(v["subnets"][0]["subnet"], "10.88.0.0/16");
        assert_eq!(v["subnets"][0]["gateway"], "10.88.0.1");
    }
}
