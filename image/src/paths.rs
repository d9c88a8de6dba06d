//! Where configuration lives, read once from the environment.

use std::path::{Path, PathBuf};

/// Configuration locations (injectable for tests).
#[derive(Clone, Debug)]
pub struct ConfigPaths {
    /// System configuration: /etc/containers (env CORACLE_ETC_CONTAINERS overrides, for tests).
    pub etc_containers: PathBuf,
    /// $XDG_CONFIG_HOME, else $HOME/.config.
    pub config_home: PathBuf,
    /// $HOME.
    pub home: PathBuf,
    /// $XDG_RUNTIME_DIR.
    pub runtime_dir: Option<PathBuf>,
    /// $CONTAINERS_REGISTRIES_CONF: when set, the only registries.conf read.
    pub registries_conf: Option<PathBuf>,
    /// $REGISTRY_AUTH_FILE.
    pub auth_file: Option<PathBuf>,
}

fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

impl ConfigPaths {
    /// Read the locations from the environment.
    pub fn from_env() -> ConfigPaths {
        let home = env_path("HOME").unwrap_or_else(|| PathBuf::from("/"));
        ConfigPaths {
            etc_containers: env_path("CORACLE_ETC_CONTAINERS")
                .unwrap_or_else(|| PathBuf::from("/etc/containers")),
            config_home: env_path("XDG_CONFIG_HOME").unwrap_or_else(|| home.join(".config")),
            runtime_dir: env_path("XDG_RUNTIME_DIR"),
            registries_conf: env_path("CONTAINERS_REGISTRIES_CONF"),
            auth_file: env_path("REGISTRY_AUTH_FILE"),
            home,
        }
    }

    /// Locations under `root` only, untouched by the environment (for tests):
    /// `root/etc/containers`, `root/home`, `root/home/.config`, `root/run`.
    pub fn under(root: &Path) -> ConfigPaths {
        ConfigPaths {
            etc_containers: root.join("etc/containers"),
            config_home: root.join("home/.config"),
            home: root.join("home"),
            runtime_dir: Some(root.join("run")),
            registries_conf: None,
            auth_file: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn under_keeps_everything_below_root() {
        let p = ConfigPaths::under(Path::new("/r"));
        assert_eq!(p.etc_containers, Path::new("/r/etc/containers"));
        assert_eq!(p.config_home, Path::new("/r/home/.config"));
        assert_eq!(p.runtime_dir.as_deref(), Some(Path::new("/r/run")));
        assert!(p.registries_conf.is_none() && p.auth_file.is_none());
    }
}
