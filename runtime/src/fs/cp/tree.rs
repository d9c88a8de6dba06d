//! A tree written as a tar stream, walked by descriptors: each child is opened
//! relative to its parent with `O_NOFOLLOW` (as `O_PATH` first, so that no device
//! or FIFO is ever opened), symlinks are recorded as links and never followed, and
//! only regular files are opened for reading. A tree that changes while it is read
//! (a running container) can only change what is copied, never where it is read.
//!
//! The same walk writes a container's upper directory as an OCI layer
//! ([`append_layer`]): overlay whiteouts (0/0 character devices) become `.wh.NAME`
//! entries and opaque directories get a `.wh..wh..opq` entry. Layers and whole
//! roots ([`append_root`]) keep hard links as link entries.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use rustix::fs::{FileType, Mode, OFlags};

/// Append the node `node` (an `O_PATH` descriptor) to `out` under `name` and, for a
/// directory, everything below it; `name` None: only what is below (`DIR/.`).
/// Device nodes and sockets are left out (with a warning), as Podman's copier does.
pub(crate) fn append<W: Write>(
    out: &mut tar::Builder<W>,
    node: OwnedFd,
    name: Option<&Path>,
) -> io::Result<()> {
    walk(out, node, name, Whiteouts::Skip, &mut None)
}

/// Append everything below the directory `node` (a container's root), hard links
/// kept as links to the first path of the same file.
pub(crate) fn append_root<W: Write>(out: &mut tar::Builder<W>, node: OwnedFd) -> io::Result<()> {
    walk(out, node, None, Whiteouts::Skip, &mut Some(HashMap::new()))
}

/// Append everything below the directory `node` (an overlay upper directory) as an
/// OCI layer: whiteouts and opaque directories in the OCI form.
pub(crate) fn append_layer<W: Write>(out: &mut tar::Builder<W>, node: OwnedFd) -> io::Result<()> {
    walk(out, node, None, Whiteouts::Oci, &mut Some(HashMap::new()))
}

/// The first path written for each (device, inode) of a file with several links.
type SeenLinks = Option<HashMap<(u64, u64), PathBuf>>;

/// What to do with overlay whiteouts and opaque markers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Whiteouts {
    /// A plain tree: a 0/0 device is a device (skipped), xattrs are not looked at.
    Skip,
    /// An overlay upper directory written as an OCI layer.
    Oci,
}

/// Files the runtime creates empty as mount points for its generated files; a layer
/// leaves them out (their content lives with the container, as in Podman).
pub(crate) const MOUNT_POINT_FILES: [&str; 4] = [
    "etc/hostname",
    "etc/hosts",
    "etc/resolv.conf",
    "run/.containerenv",
];

/// The overlay xattrs that mark a directory opaque (unprivileged and root overlays).
const OPAQUE_XATTRS: [&str; 2] = ["user.overlay.opaque", "trusted.overlay.opaque"];

/// Is the open directory `dir` marked opaque by overlay?
pub(crate) fn is_opaque(dir: &OwnedFd) -> bool {
    OPAQUE_XATTRS.iter().any(|key| {
        let mut value = [0u8; 4];
        matches!(rustix::fs::fgetxattr(dir, *key, &mut value), Ok(n) if value[..n] == *b"y")
    })
}

/// Is `st` an overlay whiteout (a character device 0/0)?
pub(crate) fn is_whiteout(st: &rustix::fs::Stat) -> bool {
    FileType::from_raw_mode(st.st_mode) == FileType::CharacterDevice && st.st_rdev == 0
}

/// `NAME` → `.wh.NAME` in the same directory.
fn whiteout_name(name: &Path) -> PathBuf {
    let file = name.file_name().unwrap_or_default();
    let mut marked = std::ffi::OsString::from(".wh.");
    marked.push(file);
    name.with_file_name(marked)
}

fn walk<W: Write>(
    out: &mut tar::Builder<W>,
    node: OwnedFd,
    name: Option<&Path>,
    whiteouts: Whiteouts,
    links: &mut SeenLinks,
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
            if let (Whiteouts::Oci, Some(name)) = (whiteouts, name) {
                if is_opaque(&dir) {
                    header.set_entry_type(tar::EntryType::Regular);
                    out.append_data(&mut header, name.join(".wh..wh..opq"), io::empty())?;
                }
            }
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
                walk(out, fd, Some(&path), whiteouts, links)?;
            }
            Ok(())
        }
        (_, None) => Err(io::Error::other("not a directory")),
        (FileType::RegularFile, Some(name))
            if whiteouts == Whiteouts::Oci
                && st.st_size == 0
                && MOUNT_POINT_FILES.iter().any(|f| name == Path::new(f)) =>
        {
            Ok(())
        }
        (FileType::RegularFile, Some(name)) if st.st_nlink > 1 && links.is_some() => {
            let key = (st.st_dev, st.st_ino);
            let first = links.as_mut().and_then(|seen| match seen.get(&key) {
                Some(first) => Some(first.clone()),
                None => {
                    seen.insert(key, name.to_path_buf());
                    None
                }
            });
            match first {
                Some(first) => {
                    header.set_entry_type(tar::EntryType::Link);
                    out.append_link(&mut header, name, &first)
                }
                None => append_file(out, &node, &st, header, name),
            }
        }
        (FileType::RegularFile, Some(name)) => append_file(out, &node, &st, header, name),
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
        (FileType::CharacterDevice, Some(name))
            if whiteouts == Whiteouts::Oci && is_whiteout(&st) =>
        {
            header.set_entry_type(tar::EntryType::Regular);
            out.append_data(&mut header, whiteout_name(name), io::empty())
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

/// A regular file's entry with its contents: exactly its size at the time of the
/// `fstat`, even if it shrinks or grows meanwhile.
fn append_file<W: Write>(
    out: &mut tar::Builder<W>,
    node: &OwnedFd,
    st: &rustix::fs::Stat,
    mut header: tar::Header,
    name: &Path,
) -> io::Result<()> {
    let file = File::from(rustix::fs::open(
        format!("/proc/self/fd/{}", node.as_raw_fd()).as_str(),
        OFlags::RDONLY | OFlags::NOCTTY | OFlags::CLOEXEC,
        Mode::empty(),
    )?);
    let size = u64::try_from(st.st_size).unwrap_or(0);
    header.set_entry_type(tar::EntryType::Regular);
    header.set_size(size);
    let data = file.take(size).chain(io::repeat(0)).take(size);
    out.append_data(&mut header, name, data)
}
