//! What a command needs from its environment, built only when asked for, so a
//! command opens no database and reads no config file it does not use.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use coracle_image::paths::ConfigPaths;
use coracle_image::registries::RegistriesConf;
use coracle_storage::Store;

/// The environment of one command.
pub struct Context {
    /// Where the store lives.
    pub root: PathBuf,
    /// Where configuration lives.
    pub paths: ConfigPaths,
    /// `--storage-opt` values given on the command line.
    pub storage_opts: Vec<String>,
}

impl Context {
    /// Work out the store root: --root / CORACLE_ROOT, else $XDG_DATA_HOME/coracle.
    pub fn new(root: Option<PathBuf>) -> Result<Context> {
        let root = match root {
            Some(r) => r,
            None => directories::BaseDirs::new()
                .map(|d| d.data_dir().join("coracle"))
                .context(
                    "cannot find the data directory: set HOME or XDG_DATA_HOME, or pass --root",
                )?,
        };
        Ok(Context {
            root,
            paths: ConfigPaths::from_env(),
            storage_opts: Vec::new(),
        })
    }

    /// Open (creating if needed) the store.
    pub fn store(&self) -> Result<Store> {
        Store::open(&self.root)
            .with_context(|| format!("cannot open the store at {}", self.root.display()))
    }

    /// `ignore_chown_errors` from --storage-opt, else from storage.conf's
    /// `[storage.options.overlay]` (user file, then /etc/containers/storage.conf).
    pub fn ignore_chown_errors(&self) -> bool {
        self.storage_option("ignore_chown_errors")
            .is_some_and(|v| v == "true")
    }

    /// `mount_program` (as Podman: `--storage-opt overlay.mount_program=PATH` or
    /// storage.conf): mount the root filesystem with this fuse-overlayfs instead of
    /// the kernel's overlay.
    pub fn mount_program(&self) -> Option<PathBuf> {
        self.storage_option("mount_program")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    }

    /// An overlay storage option, `NAME=VALUE` or `overlay.NAME=VALUE`: the last
    /// --storage-opt that sets it, else the user's storage.conf, else the system's.
    fn storage_option(&self, name: &str) -> Option<String> {
        let find = |opts: &[String]| {
            let plain = format!("{name}=");
            let scoped = format!("overlay.{name}=");
            opts.iter().rev().find_map(|o| {
                o.strip_prefix(&plain)
                    .or_else(|| o.strip_prefix(&scoped))
                    .map(String::from)
            })
        };
        if let Some(v) = find(&self.storage_opts) {
            return Some(v);
        }
        for file in [
            self.paths.config_home.join("containers/storage.conf"),
            self.paths.etc_containers.join("storage.conf"),
        ] {
            if let Ok(text) = std::fs::read_to_string(&file) {
                let lines: Vec<String> = text.lines().map(|l| l.replace([' ', '"'], "")).collect();
                if let Some(v) = find(&lines) {
                    return Some(v);
                }
            }
        }
        None
    }

    /// Read registries.conf from the standard places.
    pub fn registries(&self) -> Result<RegistriesConf> {
        Ok(RegistriesConf::load(&self.paths)?)
    }
}

/// A runtime for registry I/O. Built only by commands that talk to registries; the
/// container-start path never runs inside it.
pub fn io_runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the I/O runtime")
}
