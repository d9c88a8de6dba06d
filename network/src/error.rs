//! Errors of the network crate.

use std::path::PathBuf;

/// Result with [`NetworkError`].
pub type Result<T, E = NetworkError> = std::result::Result<T, E>;

/// What can go wrong while managing networks.
#[derive(Debug, thiserror::Error)]
pub enum NetworkError {
    /// A subnet string is not `A.B.C.D/LEN`.
    #[error("invalid subnet {value:?}: {reason} (expected e.g. 10.89.0.0/24)")]
    InvalidSubnet {
        /// What the user wrote.
        value: String,
        /// Why it was refused.
        reason: &'static str,
    },
    /// A network name that Podman would refuse.
    #[error("invalid network name {0:?}: use letters, digits, '_', '.' and '-', starting with a letter or digit")]
    InvalidName(String),
    /// No network of that name exists.
    #[error("network {0:?} not found (list networks with `coracle network ls`)")]
    NotFound(String),
    /// A network of that name exists already.
    #[error("network {0:?} already exists (remove it with `coracle network rm {0}` or pick another name)")]
    Exists(String),
    /// A file of the network store could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// A subnet overlaps one of another network.
    #[error("subnet {subnet} overlaps {theirs} of network {network:?}: pick another --subnet (or leave it out for a free one)")]
    SubnetInUse {
        /// The subnet asked for.
        subnet: String,
        /// The network that has it.
        network: String,
        /// Its subnet.
        theirs: String,
    },
    /// A gateway outside its subnet or not an address.
    #[error("invalid --gateway {value:?}: {reason}")]
    InvalidGateway {
        /// What the user wrote.
        value: String,
        /// Why it was refused.
        reason: String,
    },
    /// Something coracle's networks do not do.
    #[error("{0}")]
    Unsupported(String),
    /// An option of `--network slirp4netns:OPTIONS` that is not one.
    #[error("invalid --network slirp4netns option {option:?}: {reason}")]
    InvalidSlirpOption {
        /// What the user wrote.
        option: String,
        /// Why it was refused, and what to write instead.
        reason: &'static str,
    },
    /// The DNS resolver could not start.
    #[error("DNS resolver: {0}")]
    Resolver(String),
    /// A network file is not valid JSON of the expected shape.
    #[error("{path}: not a valid network file: {source}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// The error.
        source: serde_json::Error,
    },
    /// Neither pasta nor slirp4netns is installed.
    #[error("rootless networking needs pasta (Debian package passt) or slirp4netns (package slirp4netns); install one, or use --network none or host")]
    NoBackend,
    /// Every address of a network is leased.
    #[error("network {0:?} has no free address left: remove containers from it or create a network with a larger --subnet")]
    Exhausted(String),
    /// Setting up the rootless network namespace, a bridge or a veth pair failed.
    #[error("{0}")]
    Setup(String),
}

impl NetworkError {
    /// Wrap an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        NetworkError::Io {
            path: path.into(),
            source,
        }
    }
}
