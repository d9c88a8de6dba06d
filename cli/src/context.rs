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
        })
    }

    /// Open (creating if needed) the store.
    pub fn store(&self) -> Result<Store> {
        Store::open(&self.root)
            .with_context(|| format!("cannot open the store at {}", self.root.display()))
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
