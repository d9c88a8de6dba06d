//! A container joining a pod: the namespaces the pod shares become its infra
//! container's.

use coracle_storage::pods::PodRecord;

use super::{PodsError, Result, SHAREABLE};
use crate::spec::network_mode::NetworkChoice;
use crate::spec::{ContainerConfig, NamespaceMode};

/// The namespaces a joining container set for itself (by flag), which a pod that
/// shares them refuses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OwnNamespaces {
    /// `--network` or `-p` was given.
    pub network: bool,
    /// `--ipc` was given (other than its default).
    pub ipc: bool,
    /// `--uts` was given (other than its default).
    pub uts: bool,
}

impl OwnNamespaces {
    /// Whether the flag `flag` (`network`, `ipc`, `uts`) was given.
    fn given(&self, flag: &str) -> bool {
        match flag {
            "network" => self.network,
            "ipc" => self.ipc,
            _ => self.uts,
        }
    }
}

/// Put the container `config` describes into `pod`: its shared namespaces become
/// the infra container's (a pod without one shares none). A namespace the
/// container set for itself (`own`) that the pod shares is refused.
pub fn join(pod: &PodRecord, own: OwnNamespaces, config: &mut ContainerConfig) -> Result<()> {
    config.pod = Some(pod.id.clone());
    let Some(infra) = &pod.infra_id else {
        return Ok(());
    };
    for (word, flag) in SHAREABLE {
        if !pod.shared.iter().any(|s| s == word) {
            continue;
        }
        if own.given(flag) {
            return Err(PodsError::SharedNamespaceSet {
                flag,
                word,
                pod: pod.name.clone(),
            });
        }
        let mode = NamespaceMode::Container(infra.clone());
        match flag {
            "network" => {
                // The infra container's network is the pod's: nothing of its own.
                config.namespaces.network = mode;
                config.network = NetworkChoice::Loopback;
                config.publish.clear();
            }
            "ipc" => config.namespaces.ipc = mode,
            _ => config.namespaces.uts = mode,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pod(shared: &[&str]) -> PodRecord {
        PodRecord {
            id: "p".repeat(64),
            name: "web".into(),
            shared: shared.iter().map(|s| s.to_string()).collect(),
            infra_id: Some("i".repeat(64)),
            ..Default::default()
        }
    }

    #[test]
    fn shared_namespaces_become_the_infra_containers() {
        let mut config = ContainerConfig::default();
        join(&pod(&["net", "uts"]), OwnNamespaces::default(), &mut config).unwrap();
        let infra = NamespaceMode::Container("i".repeat(64));
        assert_eq!(config.pod.as_deref(), Some("p".repeat(64).as_str()));
        assert_eq!(config.namespaces.network, infra);
        assert_eq!(config.namespaces.uts, infra);
        assert_ne!(config.namespaces.ipc, infra);
        assert_eq!(config.network, NetworkChoice::Loopback);
    }

    #[test]
    fn a_shared_namespace_set_by_flag_is_refused() {
        let own = OwnNamespaces {
            ipc: true,
            ..Default::default()
        };
        let err = join(&pod(&["ipc"]), own, &mut ContainerConfig::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "--ipc cannot be set for a container in pod web, which shares its ipc namespace: drop --ipc"
        );
        // A namespace the pod does not share may be set.
        join(&pod(&["net"]), own, &mut ContainerConfig::default()).unwrap();
    }
}
