//! Restarting a container: stopped (if it runs), then started under a new monitor (as `start` does).

use coracle_storage::{ContainerRecord, ContainerState, Store};

use crate::error::RuntimeError;
use crate::lifecycle::{control, short_id};

/// Why a restart failed.
#[derive(Debug, thiserror::Error)]
pub enum RestartError {
    /// The container stayed paused: it has to be unpaused first.
    #[error("container {0} is paused: unpause it first")]
    Paused(String),
    /// Stopping or starting it failed.
    #[error(transparent)]
    Runtime(#[from] RuntimeError),
}

/// Stop the container (SIGKILL after `timeout` seconds, its saved stop timeout when
/// `None`), then start it under a new monitor; its record as it was once stopped.
pub fn restart(
    store: &Store,
    record: ContainerRecord,
    timeout: Option<u32>,
) -> Result<ContainerRecord, RestartError> {
    let id = record.id.clone();
    let stopped = control::stop(store, record, timeout)?;
    if stopped.state == ContainerState::Paused {
        return Err(RestartError::Paused(short_id(&id).to_string()));
    }
    // Under the container's lock, as `start`: the old run's cleanup (its monitor's
    // `container cleanup`) then runs wholly before or after the new start, never
    // giving back the network lease the new run just took.
    control::start_detached(store, &id)?;
    Ok(stopped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paused_container_is_named_by_its_short_id() {
        assert_eq!(
            RestartError::Paused("0123456789ab".into()).to_string(),
            "container 0123456789ab is paused: unpause it first"
        );
    }
}
