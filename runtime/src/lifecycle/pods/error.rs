//! What can go wrong in a pod's lifecycle.

use coracle_storage::pods::PodError;

use crate::error::RuntimeError;

/// The errors of the pod lifecycle functions; their texts are the command line's.
#[derive(Debug, thiserror::Error)]
pub enum PodsError {
    /// A pod record could not be found, saved or read.
    #[error(transparent)]
    Pod(#[from] PodError),
    /// Acting on one of the pod's containers failed.
    #[error(transparent)]
    Runtime(#[from] RuntimeError),
    /// A container joining a pod sets a namespace the pod shares.
    #[error("--{flag} cannot be set for a container in pod {pod}, which shares its {word} namespace: drop --{flag}")]
    SharedNamespaceSet {
        /// The run flag that was given (`network`, `ipc`, `uts`).
        flag: &'static str,
        /// The namespace's `--share` word (`net`, `ipc`, `uts`).
        word: &'static str,
        /// The pod's name.
        pod: String,
    },
    /// Removing a pod (without force) that has a running container.
    #[error("pod {pod} has running container {short_id} ({name}): stop the pod first, or use -f")]
    RunningContainer {
        /// The pod's name.
        pod: String,
        /// The running container's short id.
        short_id: String,
        /// The running container's name.
        name: String,
    },
    /// Removing a pod's infra container while the pod exists.
    #[error("container {short_id} is the infra container of pod {pod} and cannot be removed without removing the pod: use `coracle pod rm {pod}`")]
    InfraRemoval {
        /// The infra container's short id.
        short_id: String,
        /// The pod's name.
        pod: String,
    },
    /// `pod top` of a pod none of whose containers runs.
    #[error("pod {0} has no running container: start it first")]
    NoneRunning(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_the_command_lines() {
        let running = PodsError::RunningContainer {
            pod: "web".into(),
            short_id: "0123456789ab".into(),
            name: "app".into(),
        };
        assert_eq!(
            running.to_string(),
            "pod web has running container 0123456789ab (app): stop the pod first, or use -f"
        );
        let infra = PodsError::InfraRemoval {
            short_id: "0123456789ab".into(),
            pod: "web".into(),
        };
        assert_eq!(
            infra.to_string(),
            "container 0123456789ab is the infra container of pod web and cannot be removed without removing the pod: use `coracle pod rm web`"
        );
        assert_eq!(
            PodsError::NoneRunning("web".into()).to_string(),
            "pod web has no running container: start it first"
        );
        let missing = PodsError::from(PodError::NotFound("web".into()));
        assert_eq!(
            missing.to_string(),
            "no pod with name or ID web found: no such pod"
        );
    }
}
