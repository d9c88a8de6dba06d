//! A container's life as a whole: [`launch`] creates it from an image and a saved
//! spec and settles its end; [`foreground`] runs it with the caller as its parent;
//! [`control`] reads its state
//! truthfully and starts, stops, signals, waits for and removes it; [`cleanup`]
//! records the end its monitor saw and carries out `--rm` and the restart policy;
//! [`liveness`] tells a recorded process from a later one with the same pid;
//! [`etc_network`] writes the text of /etc/hosts and /etc/resolv.conf;
//! [`rundir`] holds the runtime files (exit files); [`shared_ns`] resolves the
//! namespaces shared with the host or other containers; [`pause`] freezes and thaws it;
//! [`exec`] runs a further process in a running container, [`top`] lists its
//! processes, [`health`] runs its health check and [`stats`] reads its usage;
//! [`volumes`] makes, plans and removes the volumes it mounts; [`netns_live`]
//! connects a running container to a network and disconnects it; [`files_volume`]
//! makes and fills the volumes of ConfigMaps and Secrets; [`pods`] makes,
//! runs and removes pods of containers; [`removal`] orders containers for removal,
//! dependents first; [`restart`] stops and starts one again; [`conditions`] waits
//! for one to reach a state; [`trash`] deletes removed containers' directories beside
//! the command and [`spare`] makes new ones ahead of need.
//! Detached containers are held by [`crate::monitor`].

pub mod attach;
pub mod cleanup;
pub mod conditions;
pub mod control;
pub mod etc_network;
pub mod exec;
pub mod files_volume;
pub mod foreground;
pub mod health;
pub mod launch;
pub mod liveness;
pub mod netns;
pub mod netns_live;
pub mod pause;
pub mod pods;
pub mod removal;
pub mod restart;
pub mod rundir;
pub mod shared_ns;
pub mod spare;
pub mod stats;
pub mod top;
pub mod trash;
pub mod volumes;

/// The first 12 digits of an id, as messages show it.
pub(crate) fn short_id(id: &str) -> &str {
    &id[..id.len().min(12)]
}

/// Records for unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use coracle_storage::{ContainerRecord, ContainerState, Store};

    /// A store in a fresh temporary directory (removed with the returned guard).
    pub(crate) fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        (dir, store)
    }

    /// An image record in `store` (no blobs), for container records to refer to.
    pub(crate) fn stored_image(store: &Store) -> coracle_storage::ImageRecord {
        let digest = coracle_storage::Digest::of_bytes(b"image");
        let image = coracle_storage::ImageRecord {
            id: digest.hex().into(),
            digest: digest.clone(),
            manifest_digest: digest.clone(),
            manifest_media_type: "m".into(),
            config_digest: digest.clone(),
            created: None,
            architecture: "amd64".into(),
            os: "linux".into(),
            variant: None,
            size: 1,
            layers: vec![],
            added: 1,
        };
        store.db.commit_image(&image, None, None).unwrap();
        image
    }

    /// The store's containers' lock files.
    pub(crate) fn lock_files(store: &Store) -> Vec<String> {
        match std::fs::read_dir(store.container_locks_dir()) {
            Ok(list) => list
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect(),
            Err(_) => vec![],
        }
    }

    /// A created container `id` named `name`, with an empty spec and image `x`.
    pub(crate) fn record(id: String, name: &str) -> ContainerRecord {
        ContainerRecord {
            id,
            name: name.into(),
            image_id: "0".repeat(64),
            image_name: "x".into(),
            command: vec![],
            created: 1,
            state: ContainerState::Created,
            pid: None,
            exit_code: None,
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
}
