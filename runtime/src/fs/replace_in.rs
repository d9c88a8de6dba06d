//! Replacing a file inside a directory that others may write to (a volume a
//! container used): every directory on the file's path is opened from its parent
//! with `O_NOFOLLOW` (a symlink or file in its place is replaced by a directory) and
//! the file itself is unlinked and made anew, never followed, so that nothing
//! planted there can send a write outside.

use std::ffi::OsStr;
use std::io::Write as _;
use std::os::fd::{AsFd, OwnedFd};
use std::path::{Component, Path};

use rustix::fs::{AtFlags, Mode, OFlags};

use crate::fs::inroot::Root;

/// The directory `name` in `dir`, made when missing; a symlink or file in its place
/// is replaced by a directory (the YAML owns the volume's layout).
fn real_dir_in(dir: &OwnedFd, name: &OsStr) -> std::io::Result<OwnedFd> {
    let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    for _ in 0..2 {
        match rustix::fs::mkdirat(dir, name, Mode::from_raw_mode(0o755)) {
            Ok(()) | Err(rustix::io::Errno::EXIST) => {}
            Err(e) => return Err(e.into()),
        }
        match rustix::fs::openat(dir, name, flags, Mode::empty()) {
            Err(rustix::io::Errno::NOTDIR | rustix::io::Errno::LOOP) => {
                rustix::fs::unlinkat(dir, name, AtFlags::empty())?;
            }
            other => return Ok(other?),
        }
    }
    Err(std::io::Error::other(format!(
        "{} keeps changing",
        Path::new(name).display()
    )))
}

/// Replace the file `path` (plain relative names) inside `root` with `data` (mode
/// `mode`). No symlink is followed on the way: each directory is opened with
/// `O_NOFOLLOW` from its parent, and the file is unlinked and made anew.
pub fn replace_file(root: &Root, path: &Path, data: &[u8], mode: u32) -> std::io::Result<()> {
    let mut names: Vec<&OsStr> = Vec::new();
    for c in path.components() {
        match c {
            Component::Normal(n) => names.push(n),
            _ => return Err(std::io::Error::other("not a plain relative path")),
        }
    }
    let Some((file, dirs)) = names.split_last() else {
        return Err(std::io::Error::other("no file name"));
    };
    let mut dir = root.resolve(Path::new("."))?;
    for name in dirs {
        dir = real_dir_in(&dir, name)?;
    }
    match rustix::fs::unlinkat(&dir, *file, AtFlags::empty()) {
        Ok(()) | Err(rustix::io::Errno::NOENT) => {}
        Err(e) => return Err(e.into()),
    }
    let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let fd = rustix::fs::openat(&dir, *file, flags, Mode::from_raw_mode(mode))?;
    rustix::fs::fchmod(fd.as_fd(), Mode::from_raw_mode(mode))?;
    let mut out = std::fs::File::from(fd);
    out.write_all(data)?;
    out.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::{symlink, PermissionsExt};

    #[test]
    fn files_are_replaced_inside_the_root_and_symlinks_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let vol = dir.path().join("vol");
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(&vol).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        // A planted link as the file and one as a parent directory.
        symlink(outside.join("victim"), vol.join("page")).unwrap();
        symlink(&outside, vol.join("sub")).unwrap();
        let root = Root::open(&vol).unwrap();
        replace_file(&root, Path::new("page"), b"one", 0o600).unwrap();
        replace_file(&root, Path::new("sub/page"), b"two", 0o644).unwrap();
        assert_eq!(std::fs::read(vol.join("page")).unwrap(), b"one");
        let meta = std::fs::symlink_metadata(vol.join("page")).unwrap();
        assert!(meta.is_file());
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
        assert!(
            std::fs::read_dir(&outside).unwrap().next().is_none(),
            "nothing written outside"
        );
        assert_eq!(std::fs::read(vol.join("sub/page")).unwrap(), b"two");
        assert!(std::fs::symlink_metadata(vol.join("sub")).unwrap().is_dir());
        replace_file(&root, Path::new("page"), b"again", 0o644).unwrap();
        assert_eq!(std::fs::read(vol.join("page")).unwrap(), b"again");
    }
}
