//! A volume's copy-up, as Podman and Docker do it: when an empty volume is first
//! mounted, the image's content at the mount point is copied into it, with owners and
//! modes (as the container sees them: this runs inside the container's user
//! namespace, before pivot_root).
//!
//! The image is hostile. The source is resolved inside the container's root
//! ([`Root::resolve`], `RESOLVE_IN_ROOT`), so a symlink at the mount point stays
//! inside the container; below it, nothing is followed: every entry is opened with
//! `O_NOFOLLOW` relative to its parent's descriptor, and a symlink is copied as a
//! symlink. The destination is the volume's own data directory; entries are created
//! with `O_EXCL` relative to descriptors, never through a joined path. Only the
//! root filesystem's content is copied: a mount point (the container's /proc, /dev,
//! another volume) is not descended into.

use std::io;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::path::Path;

use rustix::fs::{AtFlags, FileType, Gid, Mode, OFlags, Stat, Uid};

use crate::fs::inroot::Root;

/// Deepest directory nesting copied: a hostile image cannot exhaust the stack.
pub const MAX_DEPTH: u32 = 256;

/// Copy the directory at `target` in `root` (if it is one) into the empty volume
/// directory `data`; the volume's top takes the directory's owner and mode.
/// Nothing at `target`, or something that is no directory, copies nothing.
pub fn copy_up(root: &Root, target: &Path, data: BorrowedFd<'_>) -> io::Result<()> {
    let found = match root.resolve(target) {
        Ok(fd) => fd,
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => return Ok(()),
        Err(e) => return Err(e),
    };
    let st = rustix::fs::fstat(&found)?;
    let root_dev = rustix::fs::fstat(root.fd())?.st_dev;
    if FileType::from_raw_mode(st.st_mode) != FileType::Directory || st.st_dev != root_dev {
        return Ok(());
    }
    let source = open_dir(found.as_fd(), c".")?;
    copy_dir(source.as_fd(), data, root_dev, 0)?;
    set_owner_and_mode(data, &st)
}

/// `name` in `dir` opened as a directory for reading, never through a symlink.
fn open_dir(dir: BorrowedFd<'_>, name: &std::ffi::CStr) -> io::Result<OwnedFd> {
    Ok(rustix::fs::openat(
        dir,
        name,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        Mode::empty(),
    )?)
}

/// Give `fd` the owner and permission bits (setuid, setgid, sticky included) of `st`;
/// the mode after the owner, since a chown clears setuid bits.
fn set_owner_and_mode(fd: BorrowedFd<'_>, st: &Stat) -> io::Result<()> {
    rustix::fs::fchown(
        fd,
        Some(Uid::from_raw(st.st_uid)),
        Some(Gid::from_raw(st.st_gid)),
    )?;
    rustix::fs::fchmod(fd, Mode::from_raw_mode(st.st_mode & 0o7777))?;
    Ok(())
}

/// Copy the entries of the directory `src` into the directory `dst`; directories
/// of another filesystem than `root_dev` (mounts: /proc, /dev, another volume) are
/// not the image's content and are skipped, as Podman copies from the image's
/// root filesystem alone.
fn copy_dir(src: BorrowedFd<'_>, dst: BorrowedFd<'_>, root_dev: u64, depth: u32) -> io::Result<()> {
    if depth >= MAX_DEPTH {
        return Err(io::Error::other(format!(
            "directories nested deeper than {MAX_DEPTH} levels"
        )));
    }
    let mut entries = rustix::fs::Dir::read_from(src)?;
    while let Some(entry) = entries.read() {
        let entry = entry?;
        let name = entry.file_name();
        if name == c"." || name == c".." {
            continue;
        }
        copy_entry(src, dst, name, root_dev, depth)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", name.to_string_lossy())))?;
    }
    Ok(())
}

/// Copy one entry `name` of `src` into `dst`, by its type.
fn copy_entry(
    src: BorrowedFd<'_>,
    dst: BorrowedFd<'_>,
    name: &std::ffi::CStr,
    root_dev: u64,
    depth: u32,
) -> io::Result<()> {
    let st = rustix::fs::statat(src, name, AtFlags::SYMLINK_NOFOLLOW)?;
    match FileType::from_raw_mode(st.st_mode) {
        FileType::Directory if st.st_dev != root_dev => Ok(()),
        FileType::Directory => {
            rustix::fs::mkdirat(dst, name, Mode::from_raw_mode(0o700))?;
            let from = open_dir(src, name)?;
            let to = open_dir(dst, name)?;
            copy_dir(from.as_fd(), to.as_fd(), root_dev, depth + 1)?;
            set_owner_and_mode(to.as_fd(), &st)
        }
        FileType::RegularFile => {
            let from = rustix::fs::openat(
                src,
                name,
                OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC,
                Mode::empty(),
            )?;
            let to = rustix::fs::openat(
                dst,
                name,
                OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC,
                Mode::from_raw_mode(0o600),
            )?;
            let mut reader = std::fs::File::from(from);
            let mut writer = std::fs::File::from(to);
            io::copy(&mut reader, &mut writer)?;
            set_owner_and_mode(writer.as_fd(), &st)
        }
        FileType::Symlink => {
            let link = rustix::fs::readlinkat(src, name, Vec::new())?;
            rustix::fs::symlinkat(link.as_c_str(), dst, name)?;
            chown_entry(dst, name, &st)
        }
        FileType::Fifo => {
            rustix::fs::mknodat(
                dst,
                name,
                FileType::Fifo,
                Mode::from_raw_mode(st.st_mode & 0o7777),
                0,
            )?;
            chown_entry(dst, name, &st)
        }
        // Sockets and device nodes are not copied (a user namespace cannot make
        // device nodes; Podman's copy-up skips them too).
        _ => Ok(()),
    }
}

/// Give the entry `name` of `dir` (not followed) the owner in `st`.
fn chown_entry(dir: BorrowedFd<'_>, name: &std::ffi::CStr, st: &Stat) -> io::Result<()> {
    rustix::fs::chownat(
        dir,
        name,
        Some(Uid::from_raw(st.st_uid)),
        Some(Gid::from_raw(st.st_gid)),
        AtFlags::SYMLINK_NOFOLLOW,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    fn open_path(dir: &Path) -> OwnedFd {
        std::fs::File::open(dir).unwrap().into()
    }

    #[test]
    fn copies_files_dirs_links_and_modes_without_following_links() {
        let d = tempfile::tempdir().unwrap();
        let rootdir = d.path().join("root");
        let outside = d.path().join("outside");
        std::fs::create_dir_all(rootdir.join("srv/sub")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("secret"), "host\n").unwrap();
        std::fs::write(rootdir.join("srv/a.txt"), "a\n").unwrap();
        std::fs::set_permissions(
            rootdir.join("srv/a.txt"),
            std::fs::Permissions::from_mode(0o640),
        )
        .unwrap();
        std::fs::write(rootdir.join("srv/sub/b.txt"), "b\n").unwrap();
        std::os::unix::fs::symlink(&outside, rootdir.join("srv/out")).unwrap();
        // The mount point itself a link out of the root: resolved inside it.
        std::os::unix::fs::symlink(&outside, rootdir.join("escape")).unwrap();
        let data = d.path().join("data");
        std::fs::create_dir(&data).unwrap();
        let data_fd = open_path(&data);
        let root = Root::open(&rootdir).unwrap();

        copy_up(&root, Path::new("/srv"), data_fd.as_fd()).unwrap();
        assert_eq!(std::fs::read_to_string(data.join("a.txt")).unwrap(), "a\n");
        assert_eq!(
            std::fs::metadata(data.join("a.txt")).unwrap().mode() & 0o7777,
            0o640
        );
        assert_eq!(
            std::fs::read_to_string(data.join("sub/b.txt")).unwrap(),
            "b\n"
        );
        let link = std::fs::symlink_metadata(data.join("out")).unwrap();
        assert!(link.file_type().is_symlink());
        assert_eq!(std::fs::read_link(data.join("out")).unwrap(), outside);

        let data2 = d.path().join("data2");
        std::fs::create_dir(&data2).unwrap();
        let fd2 = open_path(&data2);
        copy_up(&root, Path::new("/escape"), fd2.as_fd()).unwrap();
        assert_eq!(
            std::fs::read_dir(&data2).unwrap().count(),
            0,
            "nothing of the host copied"
        );
        copy_up(&root, Path::new("/missing"), fd2.as_fd()).unwrap();
    }
}
