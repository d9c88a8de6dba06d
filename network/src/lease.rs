//! Address leases: which container holds which address on which network, with the
//! names it answers to. One JSON file per (network, container) under
//! `<runroot>/networks/leases/<network>/<container-id>.json`, created with
//! `O_EXCL` on an address-named lock so two containers never get one address.
//! The DNS resolver reads these files on each query, so containers started later
//! resolve too.

use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One container's place on one network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lease {
    /// The container's full id.
    pub container_id: String,
    /// The container's name (resolved by DNS on the network).
    pub container_name: String,
    /// `--network-alias` names, also resolved.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The container's address on the network.
    pub ip: Ipv4Addr,
    /// The container interface's MAC address, `aa:bb:cc:dd:ee:ff`.
    pub mac: String,
    /// Interface name inside the container (`eth0`, `eth1`, …).
    pub interface: String,
}

/// Where the leases of one runroot live.
#[derive(Debug, Clone)]
pub struct LeaseDir {
    root: PathBuf,
}

impl LeaseDir {
    /// Leases under `runroot/networks/leases`.
    pub fn new(runroot: &Path) -> Self {
        LeaseDir {
            root: runroot.join("networks").join("leases"),
        }
    }

    /// The directory of one network's leases.
    pub fn network_dir(&self, network: &str) -> PathBuf {
        self.root.join(network)
    }

    /// The lease file of one container on one network.
    pub fn lease_path(&self, network: &str, container_id: &str) -> PathBuf {
        self.network_dir(network)
            .join(format!("{container_id}.json"))
    }
}
