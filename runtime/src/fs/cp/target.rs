//! Where a copy lands, by Podman's rules (`podman-cp(1)`): into an existing
//! directory under the source's name (or, for `SRC/.`, its contents); onto a path
//! that does not exist yet, in its existing parent, under that path's name; onto an
//! existing file, replacing it. A directory never replaces a file, nor a file a
//! directory, without `--overwrite`.

use std::ffi::{OsStr, OsString};
use std::io;
use std::os::fd::OwnedFd;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use rustix::fs::{AtFlags, FileType};

use super::last_name;

/// What is being copied.
#[derive(Debug)]
pub(super) struct Source {
    /// A directory (else a file, link or FIFO).
    pub is_dir: bool,
    /// `DIR/.`: the directory's contents, not the directory.
    pub contents: bool,
    /// The source's own name (None for `/`).
    pub name: Option<OsString>,
}

impl Source {
    /// The source `path`, already opened as `node`.
    pub fn of(node: &OwnedFd, path: &OsStr) -> Result<Source, String> {
        let is_dir = is_dir(node);
        let bytes = path.as_bytes();
        let contents = bytes.ends_with(b"/.") || bytes == b".";
        if contents && !is_dir {
            return Err(format!(
                "{}: not a directory (\"/.\" copies a directory's contents)",
                path.to_string_lossy()
            ));
        }
        Ok(Source {
            is_dir,
            contents: contents || (is_dir && last_name(Path::new(path)).is_none()),
            name: last_name(Path::new(path)),
        })
    }
}

/// The directory a copy is unpacked into, and the name the source takes there
/// (None: the source's contents go straight into it).
#[derive(Debug)]
pub(super) struct Target {
    pub dir: OwnedFd,
    pub name: Option<OsString>,
}

/// Whether the descriptor is a directory.
pub(super) fn is_dir(fd: &OwnedFd) -> bool {
    rustix::fs::fstat(fd).is_ok_and(|st| FileType::from_raw_mode(st.st_mode) == FileType::Directory)
}

/// Apply the rules to `dest`, looked up with `lookup` (inside the container's root,
/// or on the host).
pub(super) fn plan(
    lookup: impl Fn(&Path) -> io::Result<OwnedFd>,
    dest: &str,
    src: &Source,
    overwrite: bool,
) -> Result<Target, String> {
    let dest_path = Path::new(dest);
    let wants_dir = dest.ends_with('/') || dest.ends_with("/.");
    match lookup(dest_path) {
        Ok(fd) if is_dir(&fd) => {
            if src.contents {
                return Ok(Target {
                    dir: fd,
                    name: None,
                });
            }
            let name = src
                .name
                .clone()
                .ok_or_else(|| format!("cannot copy {dest}: the source has no name"))?;
            let t = Target {
                dir: fd,
                name: Some(name),
            };
            check_replace(&t, src, dest, overwrite)?;
            Ok(t)
        }
        Ok(_) if wants_dir => Err(format!("{dest}: not a directory")),
        Ok(_) if src.is_dir && !overwrite => Err(format!(
            "cannot overwrite the file {dest} with a directory: use --overwrite"
        )),
        Ok(_) => in_parent(&lookup, dest, src, overwrite),
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {
            if wants_dir && !src.is_dir {
                return Err(format!(
                    "{dest}: no such directory (the destination directory must exist)"
                ));
            }
            in_parent(&lookup, dest, src, overwrite)
        }
        Err(e) => Err(format!("{dest}: {e}")),
    }
}

/// `dest` names an entry of its parent directory, which must exist.
fn in_parent(
    lookup: &impl Fn(&Path) -> io::Result<OwnedFd>,
    dest: &str,
    src: &Source,
    overwrite: bool,
) -> Result<Target, String> {
    let dest_path = Path::new(dest);
    let name = last_name(dest_path).ok_or_else(|| format!("{dest}: names no file"))?;
    let parent = match dest_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        Some(_) if dest_path.is_absolute() => Path::new("/"),
        _ => Path::new("."),
    };
    let dir = lookup(parent).map_err(|e| {
        format!(
            "{}: {e} (the parent directory of {dest} must exist)",
            parent.display()
        )
    })?;
    if !is_dir(&dir) {
        return Err(format!("{}: not a directory", parent.display()));
    }
    let t = Target {
        dir,
        name: Some(name),
    };
    check_replace(&t, src, dest, overwrite)?;
    Ok(t)
}

/// A directory replacing a non-directory, or the other way round, needs `--overwrite`.
fn check_replace(t: &Target, src: &Source, dest: &str, overwrite: bool) -> Result<(), String> {
    let Some(name) = &t.name else { return Ok(()) };
    let Ok(st) = rustix::fs::statat(&t.dir, name.as_os_str(), AtFlags::SYMLINK_NOFOLLOW) else {
        return Ok(());
    };
    let there_dir = FileType::from_raw_mode(st.st_mode) == FileType::Directory;
    if there_dir != src.is_dir && !overwrite {
        let (what, with) = if there_dir {
            ("directory", "a non-directory")
        } else {
            ("non-directory", "a directory")
        };
        return Err(format!(
            "cannot overwrite the {what} {} (in {dest}) with {with}: use --overwrite",
            name.to_string_lossy()
        ));
    }
    Ok(())
}
