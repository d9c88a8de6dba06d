//! Waiting for a container to reach a state, by Podman's `wait --condition` names.

use std::time::Duration;

use coracle_storage::{ContainerState, Store};

use crate::error::RuntimeError;
use crate::lifecycle::{control, short_id};

/// How often the container's state is read again while waiting.
const POLL: Duration = Duration::from_millis(50);

/// Why waiting for a condition ended without it.
#[derive(Debug, thiserror::Error)]
pub enum WaitError {
    /// The container was removed, and `removing` was not a condition waited for.
    #[error("container {0} was removed while waiting for it")]
    Removed(String),
    /// Reading the container's state failed.
    #[error(transparent)]
    Runtime(#[from] RuntimeError),
}

/// Poll until the container `id` is in one of `conditions` (Podman's names:
/// `stopped` and `exited` both mean it has ended, `configured`/`initialized`/
/// `created` that it exists and has not started, others a state's name); the exit
/// code Podman prints then: the container's for an end, else -1.
pub fn wait_for_state(store: &Store, id: &str, conditions: &[&str]) -> Result<i32, WaitError> {
    loop {
        let found = store.db.find_container(id).map_err(RuntimeError::from)?;
        let now = match found {
            Some(r) => control::refresh(store, r)?,
            None if conditions.contains(&"removing") => return Ok(-1),
            None => return Err(WaitError::Removed(short_id(id).to_string())),
        };
        let ended = matches!(now.state, ContainerState::Exited | ContainerState::Stopped);
        let holds = conditions.iter().any(|c| match *c {
            "stopped" | "exited" => ended,
            "configured" | "created" | "initialized" => now.state == ContainerState::Created,
            "stopping" => false,
            other => now.state.as_str() == other,
        });
        if holds {
            return Ok(if ended {
                now.exit_code.unwrap_or(-1)
            } else {
                -1
            });
        }
        std::thread::sleep(POLL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_removed_container_is_named_by_its_short_id() {
        assert_eq!(
            WaitError::Removed("0123456789ab".into()).to_string(),
            "container 0123456789ab was removed while waiting for it"
        );
    }
}
