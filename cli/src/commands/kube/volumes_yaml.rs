//! A container's mounts as Kubernetes volumes, as Podman's `kube generate` writes
//! them: a bind mount is a `hostPath` volume named after the host path (slashes as
//! hyphens, `root` for `/`, suffixed `-host`) of type Directory, File or
//! DirectoryOrCreate by what is there; a named volume is a `persistentVolumeClaim`
//! of its name, the volume named NAME-pvc. Anonymous volumes and tmpfs mounts live
//! and die with the container and are not written.

use std::path::Path;

use coracle_runtime::fs::mounts_spec::MountSpec;
use coracle_runtime::spec::ContainerConfig;
use serde_json::{json, Value};

/// The name of the `hostPath` volume of host path `path`.
fn host_volume_name(path: &Path) -> String {
    let text = path.to_string_lossy();
    let trimmed = text.trim_matches('/');
    if trimmed.is_empty() {
        "root-host".into()
    } else {
        format!("{}-host", trimmed.replace('/', "-"))
    }
}

/// The `hostPath.type` of what is at `path` now.
fn host_path_type(path: &Path) -> &'static str {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => "Directory",
        Ok(_) => "File",
        Err(_) => "DirectoryOrCreate",
    }
}

/// The `volumeMounts` of `config`, and the pod volumes they name (added to
/// `volumes` once each).
pub fn mounts(config: &ContainerConfig, volumes: &mut Vec<Value>) -> Vec<Value> {
    let mut out = Vec::new();
    for m in &config.mounts {
        let (name, volume, readonly) = match m {
            MountSpec::Bind {
                source, readonly, ..
            } => {
                let name = host_volume_name(source);
                let volume = json!({"hostPath": {"path": source, "type": host_path_type(source)}, "name": name});
                (name, volume, *readonly)
            }
            MountSpec::Volume {
                name,
                readonly,
                anonymous: false,
                ..
            } => {
                let vname = format!("{name}-pvc");
                let volume = json!({"name": vname, "persistentVolumeClaim": {"claimName": name}});
                (vname, volume, *readonly)
            }
            _ => continue,
        };
        let mut mount = json!({"mountPath": m.target(), "name": name});
        if readonly {
            mount["readOnly"] = json!(true);
        }
        out.push(mount);
        if !volumes.iter().any(|v| v["name"] == json!(name)) {
            volumes.push(volume);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_paths_are_named_as_podman_names_them() {
        assert_eq!(host_volume_name(Path::new("/")), "root-host");
        assert_eq!(host_volume_name(Path::new("/srv/www/")), "srv-www-host");
    }

    #[test]
    fn binds_and_named_volumes_become_host_paths_and_claims() {
        let config = ContainerConfig {
            mounts: vec![
                MountSpec::Bind {
                    source: "/".into(),
                    target: "/host".into(),
                    readonly: true,
                },
                MountSpec::Volume {
                    name: "data".into(),
                    target: "/data".into(),
                    readonly: false,
                    anonymous: false,
                },
                MountSpec::Volume {
                    name: "x".into(),
                    target: "/anon".into(),
                    readonly: false,
                    anonymous: true,
                },
            ],
            ..Default::default()
        };
        let mut volumes = Vec::new();
        let list = mounts(&config, &mut volumes);
        assert_eq!(
            list[0],
            json!({"mountPath": "/host", "name": "root-host", "readOnly": true})
        );
        assert_eq!(list[1], json!({"mountPath": "/data", "name": "data-pvc"}));
        assert_eq!(list.len(), 2);
        assert_eq!(
            volumes[0]["hostPath"],
            json!({"path": "/", "type": "Directory"})
        );
        assert_eq!(volumes[1]["persistentVolumeClaim"]["claimName"], "data");
    }
}
