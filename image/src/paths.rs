//! Where configuration lives, read once from the environment.

use std::path::PathBuf;

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
}
