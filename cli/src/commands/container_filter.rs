//! `--filter KEY=VALUE` for containers (`ps`, `container prune`), as Podman reads it:
//! values of the same key OR together, different keys AND together; `label` (and
//! `label!`) values all AND together.

use std::collections::BTreeMap;

use anyhow::{bail, Result};
use coracle_storage::containers::ambiguous_container;
use coracle_storage::{ContainerRecord, ContainerState, StorageError};

/// Parsed filters: key → values, in the order given.
#[derive(Debug, Default)]
pub struct ContainerFilter {
    by_key: BTreeMap<String, Vec<String>>,
}

impl ContainerFilter {
    /// Parse `KEY=VALUE` items, accepting only the keys in `allowed`; a bad item is an
    /// error naming it and the keys that work.
    pub fn parse(items: &[String], allowed: &[&str]) -> Result<ContainerFilter> {
        let mut by_key: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for item in items {
            let Some((key, value)) = item.split_once('=') else {
                bail!(
                    "invalid filter {item:?}: expected KEY=VALUE with KEY one of {}",
                    allowed.join(", ")
                );
            };
            if !allowed.contains(&key) {
                bail!(
                    "invalid filter {item:?}: unknown key {key:?}; use one of {}",
                    allowed.join(", ")
                );
            }
            if key == "status" && ContainerState::parse(value).is_none() {
                bail!(
                    "invalid filter {item:?}: status must be one of created, running, paused, exited, stopped, removing"
                );
            }
            if key == "exited" && value.parse::<i32>().is_err() {
                bail!("invalid filter {item:?}: exited takes an exit code (a number)");
            }
            by_key
                .entry(key.to_string())
                .or_default()
                .push(value.to_string());
        }
        Ok(ContainerFilter { by_key })
    }

    /// Whether a filter with this key was given.
    pub fn has(&self, key: &str) -> bool {
        self.by_key.contains_key(key)
    }

    /// The values given for `key`.
    pub fn values(&self, key: &str) -> &[String] {
        self.by_key.get(key).map_or(&[], Vec::as_slice)
    }

    /// Whether `r` (with its `labels`) passes every filter except `before`/`since`,
    /// which depend on the whole list (see [`ContainerFilter::apply`]).
    pub fn matches(&self, r: &ContainerRecord, labels: &BTreeMap<String, String>) -> bool {
        self.by_key.iter().all(|(key, values)| match key.as_str() {
            "label" => values.iter().all(|v| has_label(labels, v)),
            "label!" => values.iter().all(|v| !has_label(labels, v)),
            _ => values.iter().any(|v| matches_one(key, v, r)),
        })
    }

    /// Keep the containers of `list` (newest first, as the store lists them) that
    /// pass every filter; `before=X`/`since=X` keep those created before/after the
    /// container X (name, id or unique prefix), whose position in `list` decides, so
    /// containers created in the same second keep their order. `labels_of` gives a
    /// container's labels.
    pub fn apply(
        &self,
        list: Vec<ContainerRecord>,
        labels_of: impl Fn(&ContainerRecord) -> BTreeMap<String, String>,
    ) -> Result<Vec<ContainerRecord>> {
        let position = |key: &str, value: &str| -> Result<usize> {
            position_of(&list, value)
                .map_err(|e| anyhow::anyhow!("invalid filter \"{key}={value}\": {e}"))
        };
        // Older containers come later in the list.
        let mut newest_allowed = 0;
        let mut oldest_allowed = list.len();
        for v in self.values("before") {
            newest_allowed = newest_allowed.max(position("before", v)? + 1);
        }
        for v in self.values("since") {
            oldest_allowed = oldest_allowed.min(position("since", v)?);
        }
        // Labels come from the saved spec, costly to read: only for label filters.
        let wants_labels = self.has("label") || self.has("label!");
        Ok(list
            .into_iter()
            .enumerate()
            .filter(|(i, r)| {
                let labels = if wants_labels {
                    labels_of(r)
                } else {
                    BTreeMap::new()
                };
                *i >= newest_allowed && *i < oldest_allowed && self.matches(r, &labels)
            })
            .map(|(_, r)| r)
            .collect())
    }
}

/// The position in `list` of the container `value` names: by name or full id first,
/// else the one container whose id starts with it; the store's errors for none and
/// for several (listing them).
fn position_of(list: &[ContainerRecord], value: &str) -> Result<usize, StorageError> {
    if let Some(i) = list.iter().position(|r| r.name == value || r.id == value) {
        return Ok(i);
    }
    let prefixed: Vec<(usize, &ContainerRecord)> = list
        .iter()
        .enumerate()
        .filter(|(_, r)| !value.is_empty() && r.id.starts_with(value))
        .collect();
    match prefixed.as_slice() {
        [] => Err(StorageError::ContainerNotFound(value.to_string())),
        [(i, _)] => Ok(*i),
        several => Err(ambiguous_container(value, several.iter().map(|(_, r)| *r))),
    }
}

/// `label=KEY` (present) or `label=KEY=VALUE` (present with that value).
pub(crate) fn has_label(labels: &BTreeMap<String, String>, wanted: &str) -> bool {
    match wanted.split_once('=') {
        Some((k, v)) => labels.get(k).is_some_and(|have| have == v),
        None => labels.contains_key(wanted),
    }
}

/// One value of a key that ORs its values.
fn matches_one(key: &str, value: &str, r: &ContainerRecord) -> bool {
    match key {
        "id" => r.id.starts_with(value),
        // Podman takes a regular expression, which matches anywhere in the name.
        "name" => r.name.contains(value),
        "status" => {
            // "stopped" is how Podman calls a container stopped by `stop`: both read as exited.
            let state = r.state.as_str();
            state == value
                || (matches!(value, "exited" | "stopped")
                    && matches!(r.state, ContainerState::Exited | ContainerState::Stopped))
        }
        "exited" => {
            matches!(r.state, ContainerState::Exited | ContainerState::Stopped)
                && value.parse::<i32>().ok() == r.exit_code
        }
        "ancestor" => image_matches(value, r),
        "before" | "since" => true, // decided by position in `apply`
        _ => false,
    }
}

/// `ancestor=IMAGE`: the image's id (or a prefix of at least 3 digits), or its name
/// with or without the tag, the registry or `localhost/`.
fn image_matches(value: &str, r: &ContainerRecord) -> bool {
    let value = value.strip_prefix("sha256:").unwrap_or(value);
    if value.len() >= 3 && r.image_id.starts_with(value) {
        return true;
    }
    let name = r.image_name.as_str();
    let untagged = name
        .rsplit_once(':')
        .filter(|(_, tag)| !tag.contains('/'))
        .map_or(name, |(n, _)| n);
    [name, untagged].iter().any(|n| {
        *n == value
            || n.strip_prefix("localhost/") == Some(value)
            || n.split_once('/').is_some_and(|(host, rest)| {
                (host.contains('.') || host.contains(':') || host == "localhost") && rest == value
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, name: &str, state: ContainerState, code: Option<i32>) -> ContainerRecord {
        ContainerRecord {
            id: id.into(),
            name: name.into(),
            image_id: "feedbeef".repeat(8),
            image_name: "127.0.0.1:5000/test/busybox:latest".into(),
            command: vec!["sh".into()],
            created: 1,
            state,
            pid: None,
            exit_code: code,
            started: None,
            finished: None,
            config: coracle_storage::SavedSpec::from_value(&serde_json::json!({})),
            monitor_pid: None,
            error: None,
            pid_start: None,
            monitor_start: None,
            restart_count: 0,
        }
    }

    fn filter(items: &[&str]) -> ContainerFilter {
        let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        ContainerFilter::parse(
            &items,
            &[
                "id", "name", "status", "label", "label!", "ancestor", "exited", "before", "since",
            ],
        )
        .unwrap()
    }

    fn no_labels() -> BTreeMap<String, String> {
        BTreeMap::new()
    }

    #[test]
    fn same_key_ors_different_keys_and() {
        let up = rec("aaa1", "web", ContainerState::Running, None);
        let down = rec("bbb2", "db", ContainerState::Exited, Some(3));
        let f = filter(&["status=running", "status=exited"]);
        assert!(f.matches(&up, &no_labels()) && f.matches(&down, &no_labels()));
        let f = filter(&["status=exited", "name=web"]);
        assert!(!f.matches(&up, &no_labels()) && !f.matches(&down, &no_labels()));
        let f = filter(&["exited=3", "id=bb"]);
        assert!(f.matches(&down, &no_labels()) && !f.matches(&up, &no_labels()));
        assert!(!filter(&["exited=0"]).matches(&down, &no_labels()));
        assert!(filter(&["status=stopped"]).matches(&down, &no_labels()));
    }

    #[test]
    fn labels_all_and() {
        let r = rec("a", "x", ContainerState::Created, None);
        let labels = BTreeMap::from([("k".to_string(), "v".to_string()), ("t".into(), "1".into())]);
        assert!(filter(&["label=k=v", "label=t"]).matches(&r, &labels));
        assert!(!filter(&["label=k=v", "label=nope"]).matches(&r, &labels));
        assert!(!filter(&["label=k=w"]).matches(&r, &labels));
        assert!(filter(&["label!=nope"]).matches(&r, &labels));
        assert!(!filter(&["label!=k"]).matches(&r, &labels));
    }

    #[test]
    fn ancestor_by_name_tag_and_id() {
        let r = rec("a", "x", ContainerState::Created, None);
        for yes in [
            "127.0.0.1:5000/test/busybox:latest",
            "127.0.0.1:5000/test/busybox",
            "test/busybox",
            "test/busybox:latest",
            "feedbee",
            "sha256:feedbeef",
        ] {
            assert!(
                filter(&[&format!("ancestor={yes}")]).matches(&r, &no_labels()),
                "{yes}"
            );
        }
        for no in ["busybox:1", "other", "fe"] {
            assert!(
                !filter(&[&format!("ancestor={no}")]).matches(&r, &no_labels()),
                "{no}"
            );
        }
    }

    #[test]
    fn before_and_since_by_position() {
        let list = vec![
            rec("c3", "newest", ContainerState::Created, None),
            rec("b2", "middle", ContainerState::Created, None),
            rec("a1", "oldest", ContainerState::Created, None),
        ];
        let names = |f: &ContainerFilter| -> Vec<String> {
            f.apply(list.clone(), |_| BTreeMap::new())
                .unwrap()
                .into_iter()
                .map(|r| r.name)
                .collect()
        };
        assert_eq!(names(&filter(&["before=middle"])), ["oldest"]);
        assert_eq!(names(&filter(&["since=oldest"])), ["newest", "middle"]);
        assert_eq!(names(&filter(&["since=a1", "before=c3"])), ["middle"]);
        // A name wins over an id that starts with it (as Podman looks names up first).
        let list = vec![
            rec("a1c3", "newest", ContainerState::Created, None),
            rec("a1b2", "middle", ContainerState::Created, None),
            rec("c0ffee", "a1", ContainerState::Created, None),
        ];
        let since_a1 = filter(&["since=a1"])
            .apply(list.clone(), |_| BTreeMap::new())
            .unwrap();
        assert_eq!(since_a1.len(), 2, "{since_a1:?}");
        let before = filter(&["before=a1b"])
            .apply(list.clone(), |_| BTreeMap::new())
            .unwrap();
        assert_eq!(before.len(), 1, "a unique id prefix names the container");
        let ambiguous = filter(&["before=a1c3", "since=a"])
            .apply(list.clone(), |_| BTreeMap::new())
            .unwrap_err()
            .to_string();
        assert!(
            ambiguous.contains("since=a") && ambiguous.contains("a1c3 (newest), a1b2 (middle)"),
            "{ambiguous}"
        );
        assert!(filter(&["before=nosuch"])
            .apply(list.clone(), |_| BTreeMap::new())
            .is_err());
    }

    #[test]
    fn bad_filters_are_refused_naming_the_keys() {
        let bad = |s: &str| {
            ContainerFilter::parse(&[s.to_string()], &["status", "exited"])
                .unwrap_err()
                .to_string()
        };
        assert!(bad("nokey").contains("KEY=VALUE"));
        assert!(bad("color=red").contains("status, exited"));
        assert!(bad("status=sleeping").contains("created, running"));
        assert!(bad("exited=x").contains("number"));
    }
}
