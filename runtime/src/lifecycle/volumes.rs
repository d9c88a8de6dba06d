//! Volumes in a container's life: made on first use by `create` (named ones, and
//! anonymous ones for `-v /path` and the image's `VOLUME`s), planned for each start
//! (data directory, first copy-up), in use while a saved spec names them, removed
//! with their container (`rm -v`, `run --rm`) when anonymous.
//!
//! Which containers use a volume is read from the saved specs, never stored twice.

use std::path::Path;

use coracle_storage::volumes::{VolumeRecord, VolumeStore};
use coracle_storage::{ContainerRecord, SavedSpec, Store};

use crate::error::Result;
use crate::fs::mounts_spec::MountSpec;
use crate::fs::rootfs::VolumeDir;
use crate::ids::idmap::UserNsPlan;
use crate::spec::ContainerConfig;

/// The volumes of `store`.
pub fn volume_store(store: &Store) -> VolumeStore {
    VolumeStore::new(&store.root)
}

/// The lock taken shared while a new container takes its volumes into use (from
/// the volumes' check to its record) and exclusive while volumes are removed, so
/// that no volume goes between a container's check and its record.
fn lock_path(store: &Store) -> std::path::PathBuf {
    store.root.join("volumes.lock")
}

/// Hold while a new container's volumes are made and its record saved.
pub fn use_lock(store: &Store) -> Result<coracle_storage::StoreLock> {
    Ok(coracle_storage::StoreLock::shared(&lock_path(store))?)
}

/// Hold while checking that volumes are unused and removing them. Never while
/// this process holds [`use_lock`].
pub fn removal_lock(store: &Store) -> Result<coracle_storage::StoreLock> {
    Ok(coracle_storage::StoreLock::exclusive(&lock_path(store))?)
}

/// A new local volume's record: its first mount copies the mount point's content in.
pub fn new_record(name: &str, anonymous: bool) -> VolumeRecord {
    VolumeRecord {
        name: name.to_string(),
        driver: "local".into(),
        created_at: coracle_monitor::log::now_rfc3339_nano(),
        anonymous,
        needs_copy_up: true,
        ..Default::default()
    }
}

/// Most `VOLUME`s an image may declare: each becomes a directory and a mount, and
/// a hostile image's configuration could list tens of thousands.
pub const MAX_IMAGE_VOLUMES: usize = 128;

/// Complete `config`'s volume mounts at `create`: an anonymous volume for each of
/// `image_volumes` (the image's `VOLUME` paths) that no mount of the user covers,
/// a random name for each anonymous volume, and every volume that does not exist
/// yet made (empty, to be filled by its first mount's copy-up). Returns the names
/// of the volumes made, for [`forget`] should the container's creation fail.
pub fn prepare(
    store: &Store,
    config: &mut ContainerConfig,
    image_volumes: &[String],
) -> Result<Vec<String>> {
    if image_volumes.len() > MAX_IMAGE_VOLUMES {
        return Err(crate::error::RuntimeError::Start(format!(
            "the image declares {} VOLUMEs; at most {MAX_IMAGE_VOLUMES} are supported",
            image_volumes.len()
        )));
    }
    for path in image_volumes {
        let target = crate::fs::mounts_spec::clean(Path::new(path));
        // `VOLUME /` would hide the whole image: ignored.
        if target != Path::new("/") && !config.mounts.iter().any(|m| m.target() == target) {
            config.mounts.push(MountSpec::Volume {
                name: String::new(),
                target,
                readonly: false,
                anonymous: true,
            });
        }
    }
    let volumes = volume_store(store);
    let mut made = Vec::new();
    for m in &mut config.mounts {
        let MountSpec::Volume {
            name, anonymous, ..
        } = m
        else {
            continue;
        };
        if name.is_empty() {
            *name = coracle_storage::new_container_id();
        }
        if volumes.get(name)?.is_none() {
            match volumes.create(&new_record(name, *anonymous)) {
                Ok(()) => made.push(name.clone()),
                // Another `create` made it meanwhile: use theirs.
                Err(coracle_storage::volumes::VolumeError::Exists(_)) => {}
                Err(e) => {
                    forget(store, &made, None);
                    return Err(e.into());
                }
            }
        }
    }
    Ok(made)
}

/// Undo [`prepare`] after a failed `create`: the volumes it made go again, unless
/// a container uses one meanwhile (they are new and empty: no namespace needed).
pub fn forget(store: &Store, made: &[String], plan: Option<&UserNsPlan>) {
    for name in made {
        let _ = remove_if_unused(store, name, plan);
    }
}

/// The names of the volumes a saved spec mounts.
pub fn volume_names(config: &ContainerConfig) -> impl Iterator<Item = &str> {
    config.mounts.iter().filter_map(|m| match m {
        MountSpec::Volume { name, .. } => Some(name.as_str()),
        _ => None,
    })
}

/// The containers whose saved spec mounts the volume `name`.
pub fn users(store: &Store, name: &str) -> Result<Vec<ContainerRecord>> {
    Ok(store
        .db
        .list_containers()?
        .into_iter()
        .filter(|c| spec_mounts(&c.id, &c.config, name))
        .collect())
}

/// How many containers use each volume of the store, from their saved specs (see
/// [`spec_mounts`] for a spec that cannot be read).
pub fn use_counts(store: &Store) -> Result<std::collections::BTreeMap<String, usize>> {
    let names: Vec<String> = volume_store(store)
        .list()?
        .into_iter()
        .map(|r| r.name)
        .collect();
    let mut counts = std::collections::BTreeMap::new();
    for c in store.db.list_containers()? {
        let used: Vec<&String> = match ContainerConfig::from_json(&c.id, &c.config) {
            Ok(config) => {
                let mounted: Vec<&str> = volume_names(&config).collect();
                names
                    .iter()
                    .filter(|n| mounted.contains(&n.as_str()))
                    .collect()
            }
            Err(_) => names
                .iter()
                .filter(|n| unreadable_spec_names(&c.config, n))
                .collect(),
        };
        for name in used {
            *counts.entry(name.clone()).or_insert(0) += 1;
        }
    }
    Ok(counts)
}

/// Whether the saved spec of container `id` mounts the volume `name`. A spec that
/// cannot be read counts as mounting every volume whose name is one of its strings,
/// so that no volume is taken from under a container coracle cannot read.
pub fn spec_mounts(id: &str, spec: &SavedSpec, name: &str) -> bool {
    match ContainerConfig::from_json(id, spec) {
        Ok(config) => volume_names(&config).any(|n| n == name),
        Err(_) => unreadable_spec_names(spec, name),
    }
}

/// Whether the text of a spec that does not parse as a container spec names `name`:
/// as one of its strings when it is JSON, anywhere in it when it is not.
fn unreadable_spec_names(spec: &SavedSpec, name: &str) -> bool {
    match serde_json::from_str::<serde_json::Value>(spec.as_str()) {
        Ok(value) => holds_string(&value, name),
        Err(_) => spec.as_str().contains(name),
    }
}

/// Whether `value` or anything inside it is the string `s`.
fn holds_string(value: &serde_json::Value, s: &str) -> bool {
    match value {
        serde_json::Value::String(v) => v == s,
        serde_json::Value::Array(items) => items.iter().any(|v| holds_string(v, s)),
        serde_json::Value::Object(map) => map.values().any(|v| holds_string(v, s)),
        _ => false,
    }
}

/// The data directory of each volume `config` mounts, for a start. A volume whose
/// first mount this is, and which is still empty, is copied up, and one made with
/// `o=uid=,gid=` gets that owner. Once the container has started,
/// [`first_mounts_done`] records both as done, so that a volume its user emptied or
/// chowned later stays as they left it, while a start that failed before the copy-up
/// leaves the volume to be filled by the next one.
pub fn mount_dirs(store: &Store, config: &ContainerConfig) -> Result<Vec<VolumeDir>> {
    let volumes = volume_store(store);
    let mut out = Vec::new();
    for m in &config.mounts {
        let MountSpec::Volume { name, target, .. } = m else {
            continue;
        };
        let record = volumes.require(name)?;
        let data = volumes.data_dir(name);
        let empty = std::fs::read_dir(&data)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        let copy_up = record.needs_copy_up && empty;
        let owner = if record.needs_chown {
            (record.uid, record.gid)
        } else {
            (None, None)
        };
        out.push(VolumeDir {
            target: target.clone(),
            data,
            copy_up,
            owner,
        });
    }
    Ok(out)
}

/// After a container's process started (its mounts, copy-ups and chowns made):
/// record that the volumes it mounts had their first mount.
pub fn first_mounts_done(store: &Store, config: &ContainerConfig) -> Result<()> {
    let volumes = volume_store(store);
    for m in &config.mounts {
        let MountSpec::Volume { name, .. } = m else {
            continue;
        };
        let mut record = volumes.require(name)?;
        if record.needs_copy_up || record.needs_chown {
            record.needs_copy_up = false;
            record.needs_chown = false;
            volumes.save(&record)?;
        }
    }
    Ok(())
}

/// Remove the volume `name` (its files may belong to subordinate ids: those go
/// inside the user namespace of `plan`). The caller checked that no container uses it.
pub fn remove(store: &Store, name: &str, plan: Option<&UserNsPlan>) -> Result<()> {
    let dir = volume_store(store).detach(name)?;
    crate::ids::userns::remove_tree(&dir, plan)
}

/// Remove the volume `name` unless a container uses it; whether it was removed.
/// The caller holds [`removal_lock`].
pub fn remove_if_unused(store: &Store, name: &str, plan: Option<&UserNsPlan>) -> Result<bool> {
    if !users(store, name)?.is_empty() {
        return Ok(false);
    }
    remove(store, name, plan)?;
    Ok(true)
}

/// Remove the anonymous volumes of a removed container that no other container
/// uses (`rm -v`, `run --rm`).
pub fn remove_anonymous(
    store: &Store,
    config: &ContainerConfig,
    plan: Option<&UserNsPlan>,
) -> Result<()> {
    let anonymous = |m: &MountSpec| {
        matches!(
            m,
            MountSpec::Volume {
                anonymous: true,
                ..
            }
        )
    };
    if !config.mounts.iter().any(anonymous) {
        return Ok(());
    }
    let _lock = removal_lock(store)?;
    for m in &config.mounts {
        let MountSpec::Volume {
            name,
            anonymous: true,
            ..
        } = m
        else {
            continue;
        };
        if volume_store(store).get(name)?.is_some() {
            remove_if_unused(store, name, plan)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_volumes_become_anonymous_volumes_unless_covered() {
        let d = tempfile::tempdir().unwrap();
        let store = Store::open(d.path()).unwrap();
        let mut config = ContainerConfig {
            mounts: vec![MountSpec::Volume {
                name: "data".into(),
                target: "/data".into(),
                readonly: false,
                anonymous: false,
            }],
            ..Default::default()
        };
        prepare(
            &store,
            &mut config,
            &["/data/".into(), "/cache".into(), "/".into()],
        )
        .unwrap();
        assert_eq!(config.mounts.len(), 2, "{:?}", config.mounts);
        let MountSpec::Volume {
            name,
            target,
            anonymous,
            ..
        } = &config.mounts[1]
        else {
            panic!("not a volume")
        };
        assert_eq!(target, Path::new("/cache"));
        assert!(*anonymous);
        assert_eq!(name.len(), 64);
        let vs = volume_store(&store);
        assert!(vs.require("data").unwrap().needs_copy_up);
        assert!(vs.require(name).unwrap().anonymous);

        let many: Vec<String> = (0..=MAX_IMAGE_VOLUMES).map(|i| format!("/v{i}")).collect();
        let err = prepare(&store, &mut config.clone(), &many).unwrap_err();
        assert!(err.to_string().contains("at most 128"), "{err}");

        let dirs = mount_dirs(&store, &config).unwrap();
        assert!(dirs.iter().all(|d| d.copy_up), "new and empty: copied up");
        let failed_start = mount_dirs(&store, &config).unwrap();
        assert!(
            failed_start.iter().all(|d| d.copy_up),
            "a start that never ran leaves the copy-up to the next one"
        );
        first_mounts_done(&store, &config).unwrap();
        let value = serde_json::to_value(&config).unwrap();
        let spec = SavedSpec::from_value(&value);
        assert!(spec_mounts("c", &spec, "data"));
        assert!(!spec_mounts("c", &spec, "other"));
        let unreadable = SavedSpec::from_value(&serde_json::json!({"mounts": 7, "old": value}));
        assert!(spec_mounts("c", &unreadable, "data"), "unreadable: kept");
        assert!(!spec_mounts("c", &unreadable, "other"));
        let again = mount_dirs(&store, &config).unwrap();
        assert!(
            again.iter().all(|d| !d.copy_up),
            "only the first mount copies"
        );
    }
}
