//! The check of a layer against the layers below it. A layer that holds `up/file`
//! without an entry for `up` itself gets `up` created as a plain directory; if a lower
//! layer has `up` as a symlink (`up -> ../../tmp`), the merged view would silently turn
//! the link into a directory, so the layer is refused instead (Podman, which applies
//! each layer onto the ones below, refuses it too). A layer that replaces the link
//! with an explicit directory entry is fine: that is how images replace links.
//!
//! Only directories created implicitly are looked up, so an ordinary layer (whose
//! tar lists every parent) costs nothing. The lookup goes through the lower layers'
//! directories top-down with directory fds and `*at` calls that never follow a link,
//! and honours whiteouts (0/0 character devices) and opaque directories, as overlayfs
//! does when it merges them.

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::os::fd::OwnedFd;
use std::path::PathBuf;

use rustix::fs::{AtFlags, FileType, Mode, OFlags};
use rustix::io::Errno;

use super::{display, io_err, DIR_FLAGS};
use crate::error::{Result, StorageError};

/// The directories a layer created only because an entry needed them as a parent,
/// each with the first entry that did.
#[derive(Clone, Debug, Default)]
pub struct ImplicitDirs(BTreeMap<Vec<OsString>, String>);

impl ImplicitDirs {
    /// Did the layer create no directory implicitly?
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Record `dir`, created for `entry` (the first entry that needed it is kept).
    pub(crate) fn created(&mut self, dir: &[OsString], entry: &str) {
        self.0
            .entry(dir.to_vec())
            .or_insert_with(|| entry.to_string());
    }

    /// An entry of the layer names `dir` itself: it is explicit after all.
    pub(crate) fn named(&mut self, dir: &[OsString]) {
        if !self.0.is_empty() {
            self.0.remove(dir);
        }
    }
}

/// What the lower layers show at a path.
#[derive(Debug, PartialEq, Eq)]
enum LowerView {
    /// A directory, or nothing: an implicit directory there is harmless.
    DirOrNothing,
    /// Something else at the first `depth + 1` components.
    NotADirectory { depth: usize, kind: &'static str },
}

/// Refuse `layer` (unpacked to `layer_dir`, its implicit directories `implicit`) when
/// one of its implicit directories stands where the layers below (`lower_dirs`, the
/// nearest first) have a symlink or another non-directory. `xattr_prefix` is the
/// overlay xattr prefix the layers were unpacked with.
pub fn check_lower_layers(
    layer_dir: &std::path::Path,
    implicit: &ImplicitDirs,
    lower_dirs: &[PathBuf],
    xattr_prefix: &str,
) -> Result<()> {
    if implicit.is_empty() || lower_dirs.is_empty() {
        return Ok(());
    }
    let open_root = |p: &std::path::Path| {
        rustix::fs::open(p, DIR_FLAGS, Mode::empty())
            .map_err(|e| io_err(&p.display().to_string(), e))
    };
    let layer = open_root(layer_dir)?;
    let lowers = lower_dirs
        .iter()
        .map(|p| open_root(p))
        .collect::<Result<Vec<_>>>()?;
    let opaque = format!("{xattr_prefix}opaque");
    for (dir, entry) in &implicit.0 {
        if !shows_lower_layers(&layer, dir, &opaque)? {
            continue;
        }
        if let LowerView::NotADirectory { depth, kind } = lower_view(&lowers, dir, &opaque)? {
            let parent = display(&dir[..=depth]);
            return Err(StorageError::UnsafePath {
                path: entry.clone(),
                reason: format!(
                    "its parent {parent:?} is a {kind} in a lower layer, and the layer has no \
                     directory entry that replaces it"
                ),
            });
        }
    }
    Ok(())
}

/// Can the lower layers show through at `dir`? Not when an ancestor of `dir` is opaque
/// in this layer, nor when the layer no longer has `dir` as a directory (a later entry
/// replaced or removed it).
fn shows_lower_layers(layer: &OwnedFd, dir: &[OsString], opaque: &str) -> Result<bool> {
    let mut fd: Option<OwnedFd> = None;
    for (i, name) in dir.iter().enumerate() {
        let parent = fd.as_ref().unwrap_or(layer);
        if i > 0 && is_opaque(parent, opaque)? {
            return Ok(false);
        }
        match open_subdir(parent, name) {
            Ok(next) => fd = Some(next),
            Err(Errno::NOENT | Errno::NOTDIR | Errno::LOOP) => return Ok(false),
            Err(e) => return Err(io_err(&display(&dir[..=i]), e)),
        }
    }
    Ok(true)
}

/// Look `dir` up through the lower layers (nearest first) as overlayfs merges them.
fn lower_view(lowers: &[OwnedFd], dir: &[OsString], opaque: &str) -> Result<LowerView> {
    let mut owned: Vec<OwnedFd>;
    let mut current: &[OwnedFd] = lowers;
    for (depth, name) in dir.iter().enumerate() {
        let shown = || display(&dir[..=depth]);
        let mut next: Vec<OwnedFd> = Vec::new();
        for parent in current {
            let st = match rustix::fs::statat(parent, name.as_os_str(), AtFlags::SYMLINK_NOFOLLOW) {
                Ok(st) => st,
                Err(Errno::NOENT) => continue,
                Err(e) => return Err(io_err(&shown(), e)),
            };
            match FileType::from_raw_mode(st.st_mode) {
                FileType::Directory => {
                    let fd = open_subdir(parent, name).map_err(|e| io_err(&shown(), e))?;
                    let stop = is_opaque(&fd, opaque)?;
                    next.push(fd);
                    if stop {
                        break;
                    }
                }
                // A whiteout hides the name in every layer further down.
                FileType::CharacterDevice if st.st_rdev == 0 => break,
                kind if next.is_empty() => {
                    return Ok(LowerView::NotADirectory {
                        depth,
                        kind: kind_name(kind),
                    })
                }
                // Under a directory of a layer above, a non-directory is hidden.
                _ => break,
            }
        }
        if next.is_empty() {
            return Ok(LowerView::DirOrNothing);
        }
        owned = next;
        current = &owned;
    }
    Ok(LowerView::DirOrNothing)
}

fn open_subdir(dir: &OwnedFd, name: &OsStr) -> std::result::Result<OwnedFd, Errno> {
    rustix::fs::openat(dir, name, DIR_FLAGS | OFlags::NOFOLLOW, Mode::empty())
}

/// Is the directory marked opaque (the overlay `opaque` xattr is "y")?
fn is_opaque(dir: &OwnedFd, key: &str) -> Result<bool> {
    let mut value = [0u8; 8];
    match rustix::fs::fgetxattr(dir, key, &mut value) {
        Ok(n) => Ok(&value[..n] == b"y"),
        Err(Errno::NODATA | Errno::OPNOTSUPP | Errno::RANGE) => Ok(false),
        Err(e) => Err(io_err(key, e)),
    }
}

fn kind_name(kind: FileType) -> &'static str {
    match kind {
        FileType::Symlink => "symlink",
        FileType::RegularFile => "regular file",
        FileType::Fifo => "FIFO",
        FileType::Socket => "socket",
        FileType::CharacterDevice | FileType::BlockDevice => "device node",
        _ => "non-directory",
    }
}
