//! The order in which containers are removed: a container that joins another's
//! namespaces (its dependent) goes before it, and removing a container whose
//! dependents stay is refused, as Podman does.

use coracle_storage::ContainerRecord;

use crate::lifecycle::shared_ns::joins_container;
use crate::lifecycle::short_id;

/// A container named for removal has dependents that were not named with it.
#[derive(Debug, thiserror::Error)]
#[error("container {short_id} ({name}) has dependent containers which must be removed before it: {blockers}; remove them first, or use --depend")]
pub struct HasDependents {
    /// The container's short id.
    pub short_id: String,
    /// The container's name.
    pub name: String,
    /// Its dependents, `SHORT_ID (NAME)`, comma-separated.
    pub blockers: String,
}

/// The containers among `everything` whose saved spec joins a namespace of
/// `target` (by name or id).
pub fn dependents_of<'a>(
    target: &ContainerRecord,
    everything: &'a [ContainerRecord],
) -> Vec<&'a ContainerRecord> {
    everything
        .iter()
        .filter(|c| c.id != target.id)
        .filter(|c| {
            let listed = crate::spec::ListedSettings::from_saved(&c.config);
            joins_container(&listed.namespaces, target)
        })
        .collect()
}

/// The containers to remove, dependents before what they depend on. With
/// `with_dependents`, the dependents of `named` (among `everything`) are removed
/// too; without, a named container with dependents that are not named too is
/// refused.
pub fn removal_order(
    named: &[ContainerRecord],
    everything: &[ContainerRecord],
    with_dependents: bool,
) -> Result<Vec<ContainerRecord>, HasDependents> {
    let mut order: Vec<ContainerRecord> = Vec::new();
    fn visit(
        r: &ContainerRecord,
        everything: &[ContainerRecord],
        order: &mut Vec<ContainerRecord>,
        seen: &mut Vec<String>,
    ) {
        if seen.contains(&r.id) {
            return;
        }
        seen.push(r.id.clone());
        for d in dependents_of(r, everything) {
            visit(d, everything, order, seen);
        }
        order.push(r.clone());
    }
    if with_dependents {
        let mut seen = Vec::new();
        for r in named {
            visit(r, everything, &mut order, &mut seen);
        }
        return Ok(order);
    }
    for r in named {
        let blockers: Vec<String> = dependents_of(r, everything)
            .into_iter()
            .filter(|d| !named.iter().any(|n| n.id == d.id))
            .map(|d| format!("{} ({})", short_id(&d.id), d.name))
            .collect();
        if !blockers.is_empty() {
            return Err(HasDependents {
                short_id: short_id(&r.id).to_string(),
                name: r.name.clone(),
                blockers: blockers.join(", "),
            });
        }
    }
    // Named dependents go before what they depend on.
    let mut rest: Vec<ContainerRecord> = named.to_vec();
    while !rest.is_empty() {
        let pos = rest
            .iter()
            .position(|r| dependents_of(r, &rest).is_empty())
            .unwrap_or(0);
        order.push(rest.remove(pos));
    }
    Ok(order)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{ContainerConfig, NamespaceMode};
    use coracle_storage::ContainerState;

    /// A container record whose spec joins the network namespace of `joins`.
    fn rec(id: &str, name: &str, joins: Option<&str>) -> ContainerRecord {
        let mut config = ContainerConfig::default();
        if let Some(x) = joins {
            config.namespaces.network = NamespaceMode::Container(x.into());
        }
        ContainerRecord {
            state: ContainerState::Exited,
            exit_code: Some(0),
            config: config.to_json(),
            ..crate::lifecycle::testing::record(id.repeat(64 / id.len()), name)
        }
    }

    fn names(list: &[ContainerRecord]) -> Vec<&str> {
        list.iter().map(|r| r.name.as_str()).collect()
    }

    #[test]
    fn dependents_go_first_or_refuse_the_removal() {
        let base = rec("a", "base", None);
        let by_name = rec("b", "child", Some("base"));
        let by_id = rec("c", "grandchild", Some("bbbbbb"));
        let other = rec("d", "other", None);
        let every = vec![base.clone(), by_name.clone(), by_id.clone(), other.clone()];
        let order = removal_order(std::slice::from_ref(&base), &every, true).unwrap();
        assert_eq!(names(&order), ["grandchild", "child", "base"]);
        let err = removal_order(std::slice::from_ref(&base), &every, false)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("child") && err.contains("--depend") && !err.contains("grandchild"),
            "{err}"
        );
        // Named together, dependents are removed before what they depend on.
        let order = removal_order(&[base.clone(), by_name.clone()], &every[..3], false);
        assert!(order.is_err(), "grandchild still depends on child");
        let order = removal_order(&[base, by_name, by_id], &every, false).unwrap();
        assert_eq!(names(&order), ["grandchild", "child", "base"]);
        let order = removal_order(std::slice::from_ref(&other), &every, false).unwrap();
        assert_eq!(names(&order), ["other"]);
    }
}
