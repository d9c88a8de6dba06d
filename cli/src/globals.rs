//! Apply the global options before a command runs: refuse what coracle does not
//! have (a remote service, other storage drivers, systemd cgroups, journald), start
//! the logger, point the output at `--noout`/`--out`, and hand `--runroot`,
//! `--tmpdir` and `--events-backend` to child processes (monitors, cleanups)
//! through the environment.

use anyhow::{bail, Context as _, Result};
use coracle_storage::{events, rundir};

use crate::args::{EventsBackend, GlobalArgs};
use crate::output::{self, Sink};

/// The one storage driver coracle has.
pub const STORAGE_DRIVER: &str = "overlay";

/// Check the global options and set up logging, output and the environment.
pub fn apply(global: &GlobalArgs) -> Result<()> {
    crate::logger::init(global.log_level);
    refuse_remote(global)?;
    check_storage_driver(global.storage_driver.as_deref())?;
    check_cgroup_manager(global.cgroup_manager.as_deref())?;
    // Single-threaded still: nothing else reads the environment concurrently.
    if let Some(dir) = &global.runroot {
        std::env::set_var(rundir::RUNROOT_ENV, dir);
    }
    if let Some(dir) = &global.tmpdir {
        std::env::set_var(rundir::TMPDIR_ENV, dir);
    }
    match global.events_backend {
        Some(EventsBackend::Journald) => bail!(
            "--events-backend journald is not supported: coracle records events in a file; use --events-backend file or none"
        ),
        Some(EventsBackend::File) => std::env::set_var(events::BACKEND_ENV, "file"),
        Some(EventsBackend::None) => std::env::set_var(events::BACKEND_ENV, "none"),
        None => {}
    }
    if global.noout {
        output::set_sink(Sink::Null);
    } else if let Some(path) = &global.out {
        let file = std::fs::File::create(path)
            .with_context(|| format!("cannot open --out file {}", path.display()))?;
        output::set_sink(Sink::File(std::sync::Mutex::new(file)));
    }
    log::debug!(
        "runtime directory {}, events {}",
        rundir::runtime_dir().display(),
        if events::enabled() { "on" } else { "off" }
    );
    Ok(())
}

fn refuse_remote(global: &GlobalArgs) -> Result<()> {
    let flag = if global.url.is_some() {
        "--url"
    } else if global.connection.is_some() {
        "--connection"
    } else if global.remote {
        "--remote"
    } else {
        return Ok(());
    };
    bail!("{flag}: coracle has no remote service; run coracle on the machine itself (drop {flag})")
}

fn check_storage_driver(driver: Option<&str>) -> Result<()> {
    match driver {
        None | Some(STORAGE_DRIVER) => Ok(()),
        Some("vfs") => bail!(
            "--storage-driver vfs is not supported yet: coracle stores layers for overlay only; use --storage-driver overlay (fuse-overlayfs serves hosts without kernel overlay: --storage-opt overlay.mount_program=/usr/bin/fuse-overlayfs)"
        ),
        Some(other) => bail!("unknown --storage-driver {other:?}: coracle has only overlay"),
    }
}

fn check_cgroup_manager(manager: Option<&str>) -> Result<()> {
    match manager {
        None | Some("cgroupfs") => Ok(()),
        Some("systemd") => bail!(
            "--cgroup-manager systemd is not supported: coracle manages cgroups itself; use --cgroup-manager cgroupfs"
        ),
        Some(other) => bail!("unknown --cgroup-manager {other:?}: use cgroupfs"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_coracle_lacks_with_the_fix() {
        assert!(check_storage_driver(Some("overlay")).is_ok());
        let vfs = check_storage_driver(Some("vfs")).unwrap_err().to_string();
        assert!(vfs.contains("overlay"), "{vfs}");
        assert!(check_storage_driver(Some("btrfs")).is_err());
        assert!(check_cgroup_manager(Some("cgroupfs")).is_ok());
        assert!(check_cgroup_manager(Some("systemd"))
            .unwrap_err()
            .to_string()
            .contains("cgroupfs"));
    }
}
