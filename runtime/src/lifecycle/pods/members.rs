//! A pod's containers, found by the pod id in their saved specs.

use coracle_storage::pods::PodRecord;
use coracle_storage::ContainerRecord;

use crate::spec::ContainerConfig;

/// The container's saved spec (defaults for a record without one).
pub fn config_of(record: &ContainerRecord) -> ContainerConfig {
    ContainerConfig::from_json(&record.id, &record.config).unwrap_or_default()
}

/// The containers of `pod` among `everything`, infra first, then oldest first.
pub fn members(everything: &[ContainerRecord], pod: &PodRecord) -> Vec<ContainerRecord> {
    let mut out: Vec<ContainerRecord> = everything
        .iter()
        .filter(|c| {
            crate::spec::ListedSettings::from_saved(&c.config)
                .pod
                .as_deref()
                == Some(pod.id.as_str())
        })
        .cloned()
        .collect();
    out.sort_by_key(|c| (Some(&c.id) != pod.infra_id.as_ref(), c.created));
    out
}

/// The containers of `pod` other than its infra container, oldest first.
pub fn workload(everything: &[ContainerRecord], pod: &PodRecord) -> Vec<ContainerRecord> {
    members(everything, pod)
        .into_iter()
        .filter(|c| Some(&c.id) != pod.infra_id.as_ref())
        .collect()
}
