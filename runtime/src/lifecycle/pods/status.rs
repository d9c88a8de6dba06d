//! A pod's status, summed up from its containers' states as Podman does.

use coracle_storage::{ContainerRecord, ContainerState};

/// The status of a pod.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PodStatus {
    /// No container, or none started yet.
    Created,
    /// Every container runs.
    Running,
    /// Some containers run, others do not.
    Degraded,
    /// Every container is paused.
    Paused,
    /// None runs.
    Exited,
}

impl PodStatus {
    /// The status of a pod whose containers are `members`.
    pub fn of(members: &[ContainerRecord]) -> PodStatus {
        PodStatus::of_states(&members.iter().map(|c| c.state).collect::<Vec<_>>())
    }

    /// The status of a pod whose containers are in `states`.
    pub fn of_states(states: &[ContainerState]) -> PodStatus {
        let count = |s: &[ContainerState]| states.iter().filter(|c| s.contains(c)).count();
        let total = states.len();
        let running = count(&[ContainerState::Running]);
        if total == 0 || count(&[ContainerState::Created]) == total {
            PodStatus::Created
        } else if running == total {
            PodStatus::Running
        } else if running > 0 {
            PodStatus::Degraded
        } else if count(&[ContainerState::Paused]) == total {
            PodStatus::Paused
        } else {
            PodStatus::Exited
        }
    }

    /// Podman's word for the status.
    pub fn as_str(self) -> &'static str {
        match self {
            PodStatus::Created => "Created",
            PodStatus::Running => "Running",
            PodStatus::Degraded => "Degraded",
            PodStatus::Paused => "Paused",
            PodStatus::Exited => "Exited",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_from_members() {
        use ContainerState::{Created, Exited, Paused, Running};
        let status = |s: &[ContainerState]| PodStatus::of_states(s).as_str();
        assert_eq!(status(&[]), "Created");
        assert_eq!(status(&[Created, Created]), "Created");
        assert_eq!(status(&[Running, Running]), "Running");
        assert_eq!(status(&[Running, Exited]), "Degraded");
        assert_eq!(status(&[Paused]), "Paused");
        assert_eq!(status(&[Exited, Created]), "Exited");
    }
}
