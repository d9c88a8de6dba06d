//! Acting on a pod's containers in the right order: the infra container starts
//! first and stops last.

use coracle_storage::pods::PodRecord;
use coracle_storage::{ContainerState, Store};

use super::members::members;
use super::{PodsError, Result};
use crate::lifecycle::{control, pause, top};

/// Start the pod's containers that do not run, the infra first.
pub fn start(store: &Store, pod: &PodRecord) -> Result<()> {
    for c in members(&control::all(store)?, pod) {
        if !c.state.is_active() {
            control::start_detached(store, &c.id)?;
        }
    }
    Ok(())
}

/// Stop the pod's containers, the infra last; `timeout` as [`control::stop`] takes it.
pub fn stop(store: &Store, pod: &PodRecord, timeout: Option<u32>) -> Result<()> {
    for c in members(&control::all(store)?, pod).into_iter().rev() {
        control::stop(store, c, timeout)?;
    }
    Ok(())
}

/// Stop the pod's containers, then start them again.
pub fn restart(store: &Store, pod: &PodRecord) -> Result<()> {
    stop(store, pod, None)?;
    start(store, pod)
}

/// Send `signal` to every container of the pod that can take it, the infra last.
pub fn kill(store: &Store, pod: &PodRecord, signal: i32) -> Result<()> {
    for c in members(&control::all(store)?, pod).into_iter().rev() {
        if c.state.can_kill() {
            control::kill(&c, signal)?;
        }
    }
    Ok(())
}

/// Freeze (`freeze`) the pod's running containers, or thaw its paused ones.
pub fn set_paused(store: &Store, pod: &PodRecord, freeze: bool) -> Result<()> {
    for c in members(&control::all(store)?, pod) {
        match (freeze, c.state) {
            (true, ContainerState::Running) => drop(pause::pause(store, &c.id)?),
            (false, ContainerState::Paused) => drop(pause::unpause(store, &c.id)?),
            _ => {}
        }
    }
    Ok(())
}

/// The processes of every running container of the pod, as one table of
/// `descriptors` columns (one header row); a pod with none running is an error.
pub fn processes(store: &Store, pod: &PodRecord, descriptors: &[&str]) -> Result<Vec<Vec<String>>> {
    let mut table: Vec<Vec<String>> = Vec::new();
    for c in members(&control::all(store)?, pod) {
        let Some(pid) = c.pid.filter(|p| *p > 0 && c.state.is_active()) else {
            continue;
        };
        let rows = top::top(pid, c.started, descriptors)?;
        let skip = usize::from(!table.is_empty());
        table.extend(rows.into_iter().skip(skip));
    }
    if table.is_empty() {
        return Err(PodsError::NoneRunning(pod.name.clone()));
    }
    Ok(table)
}
