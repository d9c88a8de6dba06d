//! Pods as Podman has them: a record (storage's [`coracle_storage::pods::Pods`]) and,
//! unless it is made without one, an infra container that holds the namespaces the
//! pod's containers share. [`create`] makes a pod and its infra container; [`join`]
//! puts a new container into a pod's namespaces; [`members`] finds a pod's containers
//! and [`status`] sums their states up; [`actions`] starts, stops, signals and
//! freezes a pod's containers in the right order; [`remove`] removes a pod with its
//! containers and guards its infra container. The command line's flags are turned
//! into these functions' arguments by the caller.

pub mod actions;
pub mod create;
mod error;
pub mod join;
pub mod members;
pub mod remove;
pub mod status;

use coracle_storage::pods::{PodRecord, Pods};
use coracle_storage::Store;

pub use error::PodsError;

/// The namespaces a pod may share, by `--share` word, with the run flag each replaces.
pub const SHAREABLE: [(&str, &str); 3] = [("net", "network"), ("ipc", "ipc"), ("uts", "uts")];

/// Result of the pod lifecycle functions.
pub type Result<T, E = PodsError> = std::result::Result<T, E>;

/// The pod records of `store`.
pub fn pods(store: &Store) -> Pods {
    Pods::new(&store.root)
}

/// The pod named exactly `name` (never an id or an id prefix), if there is one.
pub fn named(store: &Store, name: &str) -> Result<Option<PodRecord>> {
    Ok(pods(store).list()?.into_iter().find(|p| p.name == name))
}
