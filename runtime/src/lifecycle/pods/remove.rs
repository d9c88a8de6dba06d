//! Removing pods: the pod's containers first and its infra container last; the
//! infra container alone cannot be removed while its pod exists.

use coracle_storage::pods::PodRecord;
use coracle_storage::{ContainerRecord, Store};

use super::members::{config_of, members};
use super::{pods, PodsError, Result};
use crate::ids::userns::current_user_plan;
use crate::lifecycle::{control, short_id};

/// Remove the pod, its containers first and its infra last; without `force`, a pod
/// with a running container is refused and left as it was. `timeout` is the
/// stop timeout of running containers removed with `force`.
pub fn remove_pod(store: &Store, pod: &PodRecord, force: bool, timeout: Option<u32>) -> Result<()> {
    let list = members(&control::all(store)?, pod);
    if !force {
        if let Some(c) = list.iter().find(|c| c.state.is_active()) {
            return Err(PodsError::RunningContainer {
                pod: pod.name.clone(),
                short_id: short_id(&c.id).to_string(),
                name: c.name.clone(),
            });
        }
    }
    let (plan, _) = current_user_plan(false);
    for c in list.into_iter().rev() {
        control::remove(store, c, force, timeout, plan.as_ref())?;
    }
    pods(store).remove(&pod.id)?;
    Ok(())
}

/// Refuse the removal of `list` when one is the infra container of a pod that
/// exists (as Podman does): the pod's containers live in its namespaces; removing
/// the pod removes both.
pub fn refuse_infra_removal(store: &Store, list: &[ContainerRecord]) -> Result<()> {
    for c in list {
        let config = config_of(c);
        let Some(pod_id) = config.pod.as_deref().filter(|_| config.infra) else {
            continue;
        };
        if let Ok(pod) = pods(store).find(pod_id) {
            return Err(PodsError::InfraRemoval {
                short_id: short_id(&c.id).to_string(),
                pod: pod.name,
            });
        }
    }
    Ok(())
}

/// The pods none of whose containers runs (what `pod prune` removes), oldest first.
pub fn idle_pods(store: &Store) -> Result<Vec<PodRecord>> {
    let everything = control::all(store)?;
    Ok(pods(store)
        .list()?
        .into_iter()
        .filter(|pod| {
            members(&everything, pod)
                .iter()
                .all(|c| !c.state.is_active())
        })
        .collect())
}
