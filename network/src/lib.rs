//! coracle-network: pasta/slirp4netns for rootless outbound traffic and published
//! ports, veth and a bridge inside a shared rootless network namespace, user-defined
//! networks with DNS by container name, and the generated hosts/resolv.conf files.

pub mod address;
pub mod allocate;
pub mod attach;
pub mod backend;
pub mod config;
pub mod create;
pub mod dns;
pub mod error;
pub mod etc_files;
pub mod host_bridge;
pub mod lease;
pub mod nscmd;
pub mod ports;
pub mod relay;
pub mod rootless;
pub mod subnet;

pub use address::LeaseRequest;
pub use attach::{attach, detach};
pub use backend::Backend;
pub use config::{NetworkConfig, NetworkStore, Subnet, DEFAULT_NETWORK};
pub use error::{NetworkError, Result};
pub use lease::{Lease, LeaseDir};
pub use ports::PortMapping;
pub use rootless::{RootlessNetns, RootlessPaths};
pub use subnet::Ipv4Subnet;
