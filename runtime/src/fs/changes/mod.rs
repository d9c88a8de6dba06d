//! A container's filesystem changes, read from its overlay upper directory: the
//! A/C/D list of `diff`, the whole merged root as a tar (`export`) and the upper
//! directory as an OCI layer (`commit`).
//!
//! All of it runs in a helper process that is root in a fresh user namespace with
//! the container's mapping, so files owned by subordinate ids can be read and their
//! owners come out as the image's ids. Trees are walked by descriptors
//! (`O_NOFOLLOW`, lookups with `RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS`): a symlink
//! the container left in its upper directory is recorded, never followed.
//! Views of several layers are read-only overlays mounted in the helper's own
//! mount namespace; they end with the helper.

mod view;
mod walk;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::os::fd::OwnedFd;
use std::path::PathBuf;

use coracle_storage::containers::ContainerRecord;
use coracle_storage::Store;
use serde::{Deserialize, Serialize};

use crate::error::{Result, RuntimeError};
use crate::fs::cp::tree;
use crate::ids::idmap::UserNsPlan;
use crate::ids::userns::{run_in_userns, run_in_userns_for, spawn_in_userns};
use crate::lifecycle::launch;
use crate::spec::ContainerConfig;

/// The kind of one change, as `podman diff` prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeKind {
    /// `A`: not in the image.
    Added,
    /// `C`: in the image, changed (a directory whose entries changed, too).
    Changed,
    /// `D`: in the image, removed.
    Deleted,
}

impl ChangeKind {
    /// Podman's one-letter code.
    pub fn letter(self) -> char {
        match self {
            ChangeKind::Added => 'A',
            ChangeKind::Changed => 'C',
            ChangeKind::Deleted => 'D',
        }
    }
}

/// One changed path (absolute, as the container sees it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// What happened to it.
    pub kind: ChangeKind,
    /// The path.
    pub path: String,
}

/// Where a container's layers are, top first: its upper directory, then the image's.
struct Layers {
    upper: PathBuf,
    image: Vec<PathBuf>,
    userxattr: bool,
    /// An empty directory of the container's, for mounting views on.
    mount_point: PathBuf,
}

impl Layers {
    fn of(store: &Store, record: &ContainerRecord, plan: Option<&UserNsPlan>) -> Result<Layers> {
        let config = ContainerConfig::from_json(&record.id, &record.config)?;
        let driver = launch::overlay_driver(store, plan, config.mount_program.as_deref());
        if driver != "overlay" {
            return Err(RuntimeError::Start(format!(
                "reading the changes of container {} needs the kernel's overlay, and this store uses {driver}",
                record.name
            )));
        }
        let image = launch::image_layers(store, record, &config, plan)?;
        let dir = launch::container_dir(store, &record.id);
        let mount_point = dir.join(format!("view-{}", std::process::id()));
        match std::fs::create_dir(&mount_point) {
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                return Err(RuntimeError::io("failed to create", mount_point, e))
            }
            _ => {}
        }
        Ok(Layers {
            upper: dir.join("upper"),
            image,
            userxattr: plan.is_some(),
            mount_point,
        })
    }
}

impl Drop for Layers {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir(&self.mount_point);
    }
}

/// The paths a container changed, sorted, as `podman diff` lists them (the mount
/// points of the runtime's generated files left out, as Podman does).
pub fn diff(
    store: &Store,
    record: &ContainerRecord,
    plan: Option<&UserNsPlan>,
) -> Result<Vec<Change>> {
    let layers = Layers::of(store, record, plan)?;
    run_in_userns_for(plan, || {
        let lower = view::mount(&layers.image, &layers.mount_point, layers.userxattr)?;
        let upper = view::open_dir(&layers.upper)?;
        walk::changes(upper, lower).map_err(|e| format!("read the changes: {e}"))
    })
}

/// Write the container's merged root as a tar to `out` (as `podman export`).
pub fn export(
    store: &Store,
    record: &ContainerRecord,
    plan: Option<&UserNsPlan>,
    out: OwnedFd,
) -> Result<()> {
    let layers = Layers::of(store, record, plan)?;
    let mut all = vec![layers.upper.clone()];
    all.extend(layers.image.iter().cloned());
    // Borrowed, not moved: the parent keeps (and later removes) the mount point.
    let (mount_point, userxattr) = (&layers.mount_point, layers.userxattr);
    // A child process even as root: the view's mount namespace ends with it.
    spawn_in_userns(plan, move || {
        let root = view::mount(&all, mount_point, userxattr)?;
        write_tar(out, |b| tree::append_root(b, root))
    })?
    .wait()
}

/// Write the container's upper directory as an uncompressed OCI layer tar to `out`.
pub fn write_layer(
    store: &Store,
    record: &ContainerRecord,
    plan: Option<&UserNsPlan>,
    out: OwnedFd,
) -> Result<()> {
    let layers = Layers::of(store, record, plan)?;
    let upper = &layers.upper;
    run_in_userns(plan, move || {
        let upper = view::open_dir(upper)?;
        write_tar(out, |b| tree::append_layer(b, upper))
    })
}

/// A tar stream on `out`, filled by `fill`, finished and flushed.
fn write_tar<F>(out: OwnedFd, fill: F) -> std::result::Result<(), String>
where
    F: FnOnce(&mut tar::Builder<BufWriter<File>>) -> std::io::Result<()>,
{
    let mut b = tar::Builder::new(BufWriter::with_capacity(256 * 1024, File::from(out)));
    b.mode(tar::HeaderMode::Complete);
    fill(&mut b)
        .and_then(|()| b.into_inner())
        .and_then(|mut w| w.flush())
        .map_err(|e| format!("write the tar stream: {e}"))
}
