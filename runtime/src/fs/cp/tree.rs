//! A tree written as a tar stream, walked by descriptors: each child is opened
//! relative to its parent with `O_NOFOLLOW` (as `O_PATH` first, so that no device
//! or FIFO is ever opened), symlinks are recorded as links and never followed, and
//! only regular files are opened for reading. A tree that changes while it is read
//! (a running container) can only change what is copied, never where it is read.

use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use rustix::fs::{FileType, Mode, OFlags};

/// Append the node `node` (an `O_PATH` descriptor) to `out` under `name` and, for a
/// directory, everything below it; `name` None: only what is below (`DIR/.`).
/// Device nodes and sockets are left out (with a warning), as Podman's copier does.
pub(super) fn append<W: Write>(
    out: &mut tar::Builder<W>,
    node: OwnedFd,
    name: Option<&Path>,
) -> io::Result<()> {
    let st = rustix::fs::fstat(&node)?;
    let kind = FileType::from_raw_mode(st.st_mode);
    let mut header = tar::Header::new_gnu();
    header.set_mode(st.st_mode & 0o7777);
    header.set_uid(st.st_uid.into());
    header.set_gid(st.st_gid.into());
    header.set_mtime(st.st_mtime.max(0) as u64);
    header.set_size(0);
    match (kind, name) {
        (FileType::Directory, _) => {
            if let Some(name) = name {
                header.set_entry_type(tar::EntryType::Directory);
                out.append_data(&mut header, name, io::empty())?;
            }
            let dir = rustix::fs::openat(
                &node,
                ".",
                OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
                Mode::empty(),
            )?;
            let mut names = Vec::new();
            for entry in rustix::fs::Dir::read_from(&dir)? {
                let entry = entry?;
                let child = entry.file_name().to_bytes();
                if child != b"." && child != b".." {
                    names.push(entry.file_name().to_owned());
                }
            }
            names.sort();
            for child in names {
                let fd = rustix::fs::openat(
                    &dir,
                    child.as_c_str(),
                    OFlags::PATH | OFlags::NOFOLLOW | OFlags::CLOEXEC,
                    Mode::empty(),
                )?;
                let child = std::ffi::OsStr::from_bytes(child.to_bytes());
                let path = match name {
                    Some(n) => n.join(child),
                    None => PathBuf::from(child),
                };
                append(out, fd, Some(&path))?;
            }
            Ok(())
        }
        (_, None) => Err(io::Error::other("not a directory")),
        (FileType::RegularFile, Some(name)) => {
            let file = File::from(rustix::fs::open(
                format!("/proc/self/fd/{}", node.as_raw_fd()).as_str(),
                OFlags::RDONLY | OFlags::NOCTTY | OFlags::CLOEXEC,
                Mode::empty(),
            )?);
            let size = u64::try_from(st.st_size).unwrap_or(0);
            header.set_entry_type(tar::EntryType::Regular);
            header.set_size(size);
            // Exactly `size` bytes, even if the file shrinks or grows meanwhile.
            let data = file.take(size).chain(io::repeat(0)).take(size);
            out.append_data(&mut header, name, data)
        }
        (FileType::Symlink, Some(name)) => {
            let target = rustix::fs::readlinkat(&node, "", Vec::new())?;
            header.set_entry_type(tar::EntryType::Symlink);
            let target = std::ffi::OsString::from_vec(target.into_bytes());
            out.append_link(&mut header, name, Path::new(&target))
        }
        (FileType::Fifo, Some(name)) => {
            header.set_entry_type(tar::EntryType::Fifo);
            out.append_data(&mut header, name, io::empty())
        }
        (_, Some(name)) => {
            eprintln!(
                "warning: skipping {}: device nodes and sockets are not copied",
                name.display()
            );
            Ok(())
        }
    }
}
