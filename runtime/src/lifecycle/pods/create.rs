//! Making a pod: its record and, unless it has none, its infra container, which
//! runs coracle's own pause process and holds the namespaces the pod shares. The
//! checks come first ([`prepare`]); the caller then finds the infra image and
//! [`create`] makes the pod, so that a refused pod leaves the store as it was.

use std::collections::BTreeMap;

use coracle_network::PortMapping;
use coracle_storage::containers::{new_container_id, random_name};
use coracle_storage::pods::{PodError, PodRecord};
use coracle_storage::{ImageSummary, Store};

use super::{pods, Result};
use crate::ids::userns::current_user_plan;
use crate::lifecycle::{launch, short_id};
use crate::spec::network_mode::NetworkChoice;
use crate::spec::{ContainerConfig, LogConfig, NamespaceMode, Namespaces};

/// What a new pod is made of, its flags already checked and converted.
#[derive(Clone, Debug, Default)]
pub struct PodSpec {
    /// Its name; a random one when `None`.
    pub name: Option<String>,
    /// The hostname of its infra container (the pod's name when `None`).
    pub hostname: Option<String>,
    /// The namespaces its containers share (`net`, `ipc`, `uts`).
    pub shared: Vec<String>,
    /// The `-p` values as given, kept in the record.
    pub ports: Vec<String>,
    /// The `-p` values, parsed, published by the infra container.
    pub publish: Vec<PortMapping>,
    /// The `--network` value as given, kept in the record.
    pub network: Option<String>,
    /// The infra container's network namespace.
    pub network_mode: NamespaceMode,
    /// The networks the infra container joins.
    pub network_choice: NetworkChoice,
    /// Whether the pod has an infra container.
    pub infra: bool,
    /// Its labels.
    pub labels: BTreeMap<String, String>,
}

/// A pod checked and ready to be made by [`create`].
#[derive(Debug)]
pub struct NewPod {
    /// Its record, without its infra container's id yet.
    pub record: PodRecord,
    /// Its infra container's spec, when it has one.
    pub infra: Option<ContainerConfig>,
}

/// The command the infra container runs.
const INFRA_COMMAND: [&str; 2] = ["/catatonit", "-P"];

/// Check that no pod has the new pod's name, and plan its record and infra container.
pub fn prepare(store: &Store, spec: PodSpec) -> Result<NewPod> {
    let id = new_container_id();
    let name = spec.name.clone().unwrap_or_else(random_name);
    if pods(store).list()?.iter().any(|p| p.name == name) {
        return Err(PodError::NameInUse(name).into());
    }
    let infra = spec.infra.then(|| ContainerConfig {
        command: INFRA_COMMAND.iter().map(|w| w.to_string()).collect(),
        name: Some(format!("{}-infra", short_id(&id))),
        hostname: Some(spec.hostname.clone().unwrap_or_else(|| name.clone())),
        namespaces: Namespaces {
            network: spec.network_mode.clone(),
            ..Default::default()
        },
        network: spec.network_choice.clone(),
        detach: true,
        infra: true,
        pod: Some(id.clone()),
        publish: spec.publish.clone(),
        log: LogConfig::default(),
        ..Default::default()
    });
    let record = PodRecord {
        id,
        name,
        created: launch::now(),
        labels: spec.labels,
        hostname: spec.hostname,
        shared: spec.shared,
        ports: spec.ports,
        network: spec.network,
        infra_id: None,
    };
    Ok(NewPod { record, infra })
}

/// Make the pod `new` plans: its infra container from `infra_image` (the image and
/// the name it is known by), then its record. Should the record not be saved, the
/// infra container is removed again.
pub fn create(
    store: &Store,
    new: NewPod,
    infra_image: Option<(&ImageSummary, &str)>,
) -> Result<PodRecord> {
    let mut record = new.record;
    if let (Some(config), Some((image, image_name))) = (new.infra, infra_image) {
        let (plan, _) = current_user_plan(false);
        let infra = launch::create(store, image, image_name, config, plan.as_ref())?;
        record.infra_id = Some(infra.id);
    }
    if let Err(e) = pods(store).create(&record) {
        remove_infra(store, &record);
        return Err(e.into());
    }
    Ok(record)
}

/// Undo the infra container of a pod whose record could not be saved.
fn remove_infra(store: &Store, pod: &PodRecord) {
    if let Some(id) = &pod.infra_id {
        let (plan, _) = current_user_plan(false);
        let _ = launch::remove_container(store, id, plan.as_ref());
    }
}
