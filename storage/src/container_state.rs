//! The container state machine: every state a container can be in and every allowed
//! transition, checked here and nowhere else (modelled on youki's `ContainerStatus`).
//!
//! ```text
//! created ──start──▶ running ──pause──▶ paused
//!    │                 │  ▲               │
//!    │ (start failed)  │  └───unpause─────┘
//!    ▼                 ▼ (exit / stop / kill; also from paused)
//!  exited ◀───────── exited, stopped ──start/restart──▶ running
//!    │
//!    └──────▶ removing ──▶ (record deleted)
//! ```

use serde::{Deserialize, Serialize};

/// Where a container is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContainerState {
    /// Created, not started (or its start is under way).
    Created,
    /// Its process runs.
    Running,
    /// Its processes are frozen.
    Paused,
    /// Its process exited.
    Exited,
    /// Stopped by the user (`stop`).
    Stopped,
    /// Being removed: its files are going, its record goes last.
    Removing,
}

/// Every state, in the order of a container's life.
pub const ALL_STATES: [ContainerState; 6] = [
    ContainerState::Created,
    ContainerState::Running,
    ContainerState::Paused,
    ContainerState::Exited,
    ContainerState::Stopped,
    ContainerState::Removing,
];

/// A transition the state machine does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("container {id} is {}: cannot {action} it", from.as_str())]
pub struct InvalidTransition {
    /// Short id of the container.
    pub id: String,
    /// Its state.
    pub from: ContainerState,
    /// What was asked ("start", "kill", "remove", ...).
    pub action: &'static str,
}

impl ContainerState {
    /// The lowercase name Podman prints.
    pub fn as_str(self) -> &'static str {
        match self {
            ContainerState::Created => "created",
            ContainerState::Running => "running",
            ContainerState::Paused => "paused",
            ContainerState::Exited => "exited",
            ContainerState::Stopped => "stopped",
            ContainerState::Removing => "removing",
        }
    }

    /// Parse a stored name; `None` for anything else.
    pub fn parse(s: &str) -> Option<ContainerState> {
        ALL_STATES.into_iter().find(|state| state.as_str() == s)
    }

    /// A process may exist (running or paused).
    pub fn is_active(self) -> bool {
        matches!(self, ContainerState::Running | ContainerState::Paused)
    }

    /// `start` (and `restart` after a stop) may run it.
    pub fn can_start(self) -> bool {
        matches!(
            self,
            ContainerState::Created | ContainerState::Exited | ContainerState::Stopped
        )
    }

    /// `kill` and `stop` may signal it.
    pub fn can_kill(self) -> bool {
        self.is_active()
    }

    /// `exec` may run a process in it.
    pub fn can_exec(self) -> bool {
        self == ContainerState::Running
    }

    /// `pause` may freeze it.
    pub fn can_pause(self) -> bool {
        self == ContainerState::Running
    }

    /// `unpause` may thaw it.
    pub fn can_unpause(self) -> bool {
        self == ContainerState::Paused
    }

    /// `rm` (without `-f`) may remove it; `Removing` again resumes a removal that was
    /// interrupted.
    pub fn can_delete(self) -> bool {
        matches!(
            self,
            ContainerState::Created
                | ContainerState::Exited
                | ContainerState::Stopped
                | ContainerState::Removing
        )
    }

    /// Whether the state machine allows going from `self` to `to`.
    pub fn allows(self, to: ContainerState) -> bool {
        use ContainerState::*;
        match to {
            Running => self.can_start() || self.can_unpause(),
            Paused => self.can_pause(),
            // A start that failed leaves an exited container with its error.
            Exited | Stopped => self.is_active() || self == Created,
            Removing => self.can_delete(),
            Created => false,
        }
    }

    /// Whether a failed start may be recorded on a container in this state (it is
    /// left exited with the error): one that `start` may run.
    pub fn check_failed_start(
        self,
        id: &str,
        action: &'static str,
    ) -> Result<(), InvalidTransition> {
        self.allowed_or_refused(self.can_start(), id, action)
    }

    /// [`allows`](Self::allows) as a result naming the container and the action.
    pub fn check(
        self,
        to: ContainerState,
        id: &str,
        action: &'static str,
    ) -> Result<(), InvalidTransition> {
        self.allowed_or_refused(self.allows(to), id, action)
    }

    /// `Ok` when `allowed`, else the refusal naming the container and the action.
    fn allowed_or_refused(
        self,
        allowed: bool,
        id: &str,
        action: &'static str,
    ) -> Result<(), InvalidTransition> {
        if allowed {
            return Ok(());
        }
        Err(InvalidTransition {
            id: id[..id.len().min(12)].to_string(),
            from: self,
            action,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::ContainerState::*;
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in ALL_STATES {
            assert_eq!(ContainerState::parse(s.as_str()), Some(s));
        }
        assert_eq!(ContainerState::parse("bogus"), None);
    }

    #[test]
    fn a_failed_start_is_recorded_only_where_start_may_run() {
        for state in ALL_STATES {
            assert_eq!(
                state.check_failed_start("c0ffee", "record").is_ok(),
                matches!(state, Created | Exited | Stopped),
                "{state:?}"
            );
        }
    }

    #[test]
    fn allowed_transitions_are_exactly_the_documented_ones() {
        let allowed = [
            (Created, Running),
            (Created, Exited),
            (Created, Stopped),
            (Created, Removing),
            (Running, Paused),
            (Running, Exited),
            (Running, Stopped),
            (Paused, Running),
            (Paused, Exited),
            (Paused, Stopped),
            (Exited, Running),
            (Exited, Removing),
            (Stopped, Running),
            (Stopped, Removing),
            (Removing, Removing),
        ];
        for from in ALL_STATES {
            for to in ALL_STATES {
                assert_eq!(
                    from.allows(to),
                    allowed.contains(&(from, to)),
                    "{from:?} -> {to:?}"
                );
            }
        }
    }

    #[test]
    fn questions_commands_ask() {
        assert!(Created.can_start() && Exited.can_start() && Stopped.can_start());
        assert!(!Running.can_start() && !Paused.can_start() && !Removing.can_start());
        assert!(Running.can_kill() && Paused.can_kill());
        assert!(!Created.can_kill() && !Exited.can_kill());
        assert!(Running.can_exec() && !Paused.can_exec() && !Exited.can_exec());
        assert!(!Running.can_delete() && !Paused.can_delete() && Exited.can_delete());
        assert!(Running.can_pause() && Paused.can_unpause() && !Running.can_unpause());
    }

    #[test]
    fn refusal_names_the_container_its_state_and_the_action() {
        let id = "0123456789abcdef".repeat(4);
        let err = Running.check(Removing, &id, "remove").unwrap_err();
        assert_eq!(
            err.to_string(),
            "container 0123456789ab is running: cannot remove it"
        );
        assert!(Exited.check(Removing, &id, "remove").is_ok());
    }
}
