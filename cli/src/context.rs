//! What a command needs from its environment, built only when asked for, so a
//! command opens no database and reads no config file it does not use.

use std::path::PathBuf;
use std::sync::OnceLock;

use anyhow::{Context as _, Result};
use coracle_image::paths::ConfigPaths;
use coracle_image::reference::Reference;
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
    /// storage.conf, read on first use: see [`Context::storage_conf`].
    storage_conf: OnceLock<Vec<Vec<String>>>,
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
            storage_conf: OnceLock::new(),
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
        find(&self.storage_opts).or_else(|| self.storage_conf().iter().find_map(|f| find(f)))
    }

    /// The lines of the user's storage.conf, then the system's (those that exist),
    /// with spaces and quotes removed; read once per command.
    fn storage_conf(&self) -> &[Vec<String>] {
        self.storage_conf.get_or_init(|| {
            [
                self.paths.config_home.join("containers/storage.conf"),
                self.paths.etc_containers.join("storage.conf"),
            ]
            .iter()
            .filter_map(|file| std::fs::read_to_string(file).ok())
            .map(|text| text.lines().map(|l| l.replace([' ', '"'], "")).collect())
            .collect()
        })
    }

    /// Read registries.conf from the standard places.
    pub fn registries(&self) -> Result<RegistriesConf> {
        Ok(RegistriesConf::load(&self.paths)?)
    }

    /// What finding the stored image `image` needs of registries.conf: a fully
    /// qualified name ("registry/repo:tag") is looked up as it is, so the files are
    /// read (and their TOML parsed) only for a short name, whose search registries
    /// and aliases they give.
    pub fn registries_for_lookup(&self, image: &str) -> Result<RegistriesConf> {
        if Reference::is_short_name(image) {
            self.registries()
        } else {
            Ok(RegistriesConf::default())
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn context(dir: &std::path::Path) -> Context {
        let mut ctx = Context::new(Some(dir.join("store"))).unwrap();
        ctx.paths = ConfigPaths::under(dir);
        ctx
    }

    fn write(path: PathBuf, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn storage_options_come_from_flags_then_user_then_system_storage_conf() {
        let d = tempfile::tempdir().unwrap();
        let ctx = context(d.path());
        assert!(!ctx.ignore_chown_errors());
        assert_eq!(ctx.mount_program(), None);

        let d = tempfile::tempdir().unwrap();
        write(
            d.path().join("etc/containers/storage.conf"),
            "[storage.options.overlay]\nignore_chown_errors = \"true\"\nmount_program = \"/sys/fuse\"\n",
        );
        write(
            d.path().join("home/.config/containers/storage.conf"),
            "[storage.options.overlay]\nmount_program = \"/usr/bin/fuse-overlayfs\"\n",
        );
        let mut ctx = context(d.path());
        assert!(ctx.ignore_chown_errors(), "from the system file");
        assert_eq!(
            ctx.mount_program(),
            Some(PathBuf::from("/usr/bin/fuse-overlayfs")),
            "the user's file wins"
        );
        ctx.storage_opts = vec![
            "overlay.ignore_chown_errors=false".into(),
            "mount_program=/opt/fuse".into(),
        ];
        assert!(!ctx.ignore_chown_errors(), "flags win");
        assert_eq!(ctx.mount_program(), Some(PathBuf::from("/opt/fuse")));
    }

    #[test]
    fn registries_conf_is_read_only_for_short_names() {
        let d = tempfile::tempdir().unwrap();
        write(
            d.path().join("etc/containers/registries.conf"),
            "unqualified-search-registries = [\n",
        );
        let ctx = context(d.path());
        assert!(
            ctx.registries_for_lookup("busybox").is_err(),
            "a short name reads the (broken) file"
        );
        let full = ctx
            .registries_for_lookup("127.0.0.1:5000/busybox:latest")
            .expect("a full name needs no registries.conf");
        assert!(full.unqualified_search.is_empty());
    }
}
