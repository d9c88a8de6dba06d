//! Read-only views of layer directories, mounted in the helper's own mount namespace.

use std::os::fd::{AsFd, OwnedFd};
use std::path::{Path, PathBuf};

use rustix::fs::{Mode, OFlags};

use crate::fs::{overlay, rootfs};

/// A directory opened for reading its entries (never a symlink).
pub(super) fn open_dir(path: &Path) -> std::result::Result<OwnedFd, String> {
    rustix::fs::open(
        path,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .map_err(|e| format!("open {}: {e}", path.display()))
}

/// Mount `layers` (top first) read-only on `mount_point`, in a new private mount
/// namespace of the calling helper, and open the view's root.
pub(super) fn mount(
    layers: &[PathBuf],
    mount_point: &Path,
    userxattr: bool,
) -> std::result::Result<OwnedFd, String> {
    overlay::enter_private_mount_ns()?;
    let target = rustix::fs::open(
        mount_point,
        OFlags::PATH | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .map_err(|e| format!("open {}: {e}", mount_point.display()))?;
    rootfs::mount_image(layers, target.as_fd(), userxattr)
        .map_err(|e| format!("mount the layers on {}: {e}", mount_point.display()))?;
    open_dir(mount_point)
}
