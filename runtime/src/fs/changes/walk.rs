//! The A/C/D list: an overlay upper directory walked against a view of the layers
//! below it.

use std::collections::BTreeSet;
use std::ffi::{CString, OsStr};
use std::io;
use std::os::fd::OwnedFd;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use rustix::fs::{AtFlags, FileType, Mode, OFlags, ResolveFlags, Stat};

use super::{Change, ChangeKind};
use crate::fs::cp::tree::{is_opaque, is_whiteout};

/// Paths the runtime itself creates or mounts over; Podman's `diff` leaves them out.
const RUNTIME_PATHS: [&str; 11] = [
    "/dev",
    "/etc/hostname",
    "/etc/hosts",
    "/etc/mtab",
    "/etc/resolv.conf",
    "/proc",
    "/run",
    "/run/.containerenv",
    "/run/notify",
    "/run/secrets",
    "/sys",
];

/// Every change of `upper` against `lower` (both directory descriptors), sorted by path.
pub(super) fn changes(upper: OwnedFd, lower: OwnedFd) -> io::Result<Vec<Change>> {
    let mut out = Vec::new();
    walk(&upper, Path::new(""), &lower, &mut out)?;
    out.retain(|c| !RUNTIME_PATHS.contains(&c.path.as_str()));
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// The names in an open directory, without `.` and `..`, sorted.
fn names(dir: &OwnedFd) -> io::Result<BTreeSet<CString>> {
    let mut out = BTreeSet::new();
    for entry in rustix::fs::Dir::read_from(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_bytes() != b"." && name.to_bytes() != b".." {
            out.insert(name.to_owned());
        }
    }
    Ok(out)
}

fn absolute(rel: &Path) -> String {
    format!("/{}", rel.display())
}

/// The entry at `rel` in the lower view (not following symlinks anywhere), if any.
fn lookup(lower: &OwnedFd, rel: &Path) -> Option<(OwnedFd, Stat)> {
    let resolve = ResolveFlags::BENEATH
        | ResolveFlags::NO_SYMLINKS
        | ResolveFlags::NO_MAGICLINKS
        | ResolveFlags::NO_XDEV;
    let flags = OFlags::PATH | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let fd = rustix::fs::openat2(lower, rel, flags, Mode::empty(), resolve).ok()?;
    let st = rustix::fs::fstat(&fd).ok()?;
    Some((fd, st))
}

fn walk(dir: &OwnedFd, rel: &Path, lower: &OwnedFd, out: &mut Vec<Change>) -> io::Result<()> {
    let here = names(dir)?;
    for name in &here {
        let child_rel = rel.join(OsStr::from_bytes(name.to_bytes()));
        let st = rustix::fs::statat(dir, name.as_c_str(), AtFlags::SYMLINK_NOFOLLOW)?;
        let below = lookup(lower, &child_rel);
        if is_whiteout(&st) {
            if below.is_some() {
                out.push(change(ChangeKind::Deleted, &child_rel));
            }
            continue;
        }
        let kind = match below {
            Some(_) => ChangeKind::Changed,
            None => ChangeKind::Added,
        };
        out.push(change(kind, &child_rel));
        if FileType::from_raw_mode(st.st_mode) != FileType::Directory {
            continue;
        }
        let child = rustix::fs::openat(
            dir,
            name.as_c_str(),
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::empty(),
        )?;
        if let Some((lower_fd, lower_st)) = below {
            let was_dir = FileType::from_raw_mode(lower_st.st_mode) == FileType::Directory;
            if was_dir && is_opaque(&child) {
                deleted_below(&child, &child_rel, &lower_fd, out)?;
            }
        }
        walk(&child, &child_rel, lower, out)?;
    }
    Ok(())
}

/// An opaque directory hides everything the image had in it: each entry of the
/// image's directory that the container did not create again is deleted.
fn deleted_below(
    upper: &OwnedFd,
    rel: &Path,
    lower_dir: &OwnedFd,
    out: &mut Vec<Change>,
) -> io::Result<()> {
    let lower_dir = rustix::fs::openat(
        lower_dir,
        ".",
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )?;
    let kept = names(upper)?;
    for name in names(&lower_dir)?.difference(&kept) {
        let path: PathBuf = rel.join(OsStr::from_bytes(name.to_bytes()));
        out.push(change(ChangeKind::Deleted, &path));
    }
    Ok(())
}

fn change(kind: ChangeKind, rel: &Path) -> Change {
    Change {
        kind,
        path: absolute(rel),
    }
}
