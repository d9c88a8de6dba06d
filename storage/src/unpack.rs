//! Unpacking one layer (a tar stream, optionally gzip- or zstd-compressed) into an
//! empty directory that later serves as an overlayfs lower directory.
//!
//! Every path is resolved beneath the destination without following symlinks
//! (openat2 with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS), so an entry can never write
//! outside it. OCI whiteouts become overlay whiteouts (0/0 character devices) and
//! opaque markers become the `<prefix>opaque` xattr. Owners are set as the tar says;
//! the caller runs this inside the user namespace that maps them.

use std::collections::HashMap;
use std::io::{self, Read};
use std::os::fd::{AsFd, OwnedFd};
use std::path::{Component, Path, PathBuf};

use rustix::fs::{AtFlags, Dev, FileType, Mode, OFlags, ResolveFlags, Timespec, Timestamps};
use sha2::{Digest as _, Sha256};

use crate::digest::Digest;
use crate::error::{Result, StorageError};

/// How a layer blob is compressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    /// A plain tar.
    None,
    /// gzip.
    Gzip,
    /// zstd.
    Zstd,
}

/// How to unpack.
#[derive(Clone, Debug)]
pub struct UnpackOptions {
    /// "user.overlay." inside a user namespace, "trusted.overlay." as real root.
    pub overlay_xattr_prefix: String,
    /// Squash owners that cannot be set to 0:0 instead of failing (Podman's ignore_chown_errors).
    pub ignore_chown_errors: bool,
    /// Set owners at all.
    pub preserve_ownership: bool,
}

/// What an unpack did.
#[derive(Clone, Debug)]
pub struct UnpackStats {
    /// sha256 of the uncompressed tar stream.
    pub diff_id: Digest,
    /// Entries written.
    pub files: u64,
    /// Bytes of file content written.
    pub bytes: u64,
    /// Device nodes that could not be created (rootless).
    pub skipped_devices: Vec<String>,
}

/// A reader that hashes everything read through it.
struct HashingReader<R> {
    inner: R,
    hasher: Sha256,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

fn unsafe_path(path: &str, reason: &str) -> StorageError {
    StorageError::UnsafePath {
        path: path.to_string(),
        reason: reason.to_string(),
    }
}

fn io_err(path: &str, e: impl Into<io::Error>) -> StorageError {
    StorageError::Io {
        path: PathBuf::from(path),
        source: e.into(),
    }
}

/// Turn a tar path into components beneath the root; refuse anything else.
fn clean_path(raw: &str) -> Result<Vec<String>> {
    if raw.starts_with('/') {
        return Err(unsafe_path(raw, "absolute path in a layer"));
    }
    let mut parts = Vec::new();
    for c in Path::new(raw).components() {
        match c {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::CurDir => {}
            Component::ParentDir => return Err(unsafe_path(raw, "\"..\" in a layer path")),
            Component::RootDir | Component::Prefix(_) => {
                return Err(unsafe_path(raw, "absolute path in a layer"))
            }
        }
    }
    Ok(parts)
}

const BENEATH: ResolveFlags = ResolveFlags::BENEATH
    .union(ResolveFlags::NO_SYMLINKS)
    .union(ResolveFlags::NO_MAGICLINKS);

/// Open (creating missing directories) the directory `parts` beneath `root`.
fn open_dir(root: &OwnedFd, parts: &[String], display: &str) -> Result<OwnedFd> {
    let rel = if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    };
    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
    match rustix::fs::openat2(root, &rel, flags, Mode::empty(), BENEATH) {
        Ok(fd) => Ok(fd),
        Err(rustix::io::Errno::NOENT) => {
            let mut dir = rustix::fs::openat2(root, ".", flags, Mode::empty(), BENEATH)
                .map_err(|e| io_err(display, e))?;
            for p in parts {
                match rustix::fs::mkdirat(&dir, p.as_str(), Mode::from_raw_mode(0o755)) {
                    Ok(()) | Err(rustix::io::Errno::EXIST) => {}
                    Err(e) => return Err(io_err(display, e)),
                }
                dir = rustix::fs::openat2(&dir, p.as_str(), flags, Mode::empty(), BENEATH)
                    .map_err(|e| match e {
                        rustix::io::Errno::LOOP
                        | rustix::io::Errno::XDEV
                        | rustix::io::Errno::NOTDIR => unsafe_path(
                            display,
                            "the path goes through a symlink or a non-directory",
                        ),
                        e => io_err(display, e),
                    })?;
            }
            Ok(dir)
        }
        Err(rustix::io::Errno::LOOP)
        | Err(rustix::io::Errno::XDEV)
        | Err(rustix::io::Errno::NOTDIR) => Err(unsafe_path(
            display,
            "the path goes through a symlink or a non-directory",
        )),
        Err(e) => Err(io_err(display, e)),
    }
}

/// Remove whatever is at `name` in `dir` (a directory recursively), unless it is a
/// directory and `keep_dir` is set.
fn clear(dir: &OwnedFd, dir_path: &Path, name: &str, keep_dir: bool) -> io::Result<()> {
    match rustix::fs::statat(dir, name, AtFlags::SYMLINK_NOFOLLOW) {
        Err(rustix::io::Errno::NOENT) => Ok(()),
        Err(e) => Err(e.into()),
        Ok(st) => {
            if FileType::from_raw_mode(st.st_mode) == FileType::Directory {
                if keep_dir {
                    return Ok(());
                }
                // The parent was reached without symlinks and the entry is a real
                // directory: remove_dir_all does not follow symlinks inside it.
                std::fs::remove_dir_all(dir_path.join(name))
            } else {
                rustix::fs::unlinkat(dir, name, AtFlags::empty()).map_err(Into::into)
            }
        }
    }
}

/// Where directories' final modes and times are applied, after their contents.
struct DirMeta {
    parts: Vec<String>,
    mode: u32,
    mtime: i64,
}

/// Decompress and unpack `reader` into `dest` (an empty directory).
pub fn unpack(
    reader: impl Read,
    compression: Compression,
    dest: &Path,
    opts: &UnpackOptions,
) -> Result<UnpackStats> {
    let decompressed: Box<dyn Read> = match compression {
        Compression::None => Box::new(reader),
        Compression::Gzip => Box::new(flate2::read::GzDecoder::new(reader)),
        Compression::Zstd => {
            Box::new(zstd::stream::read::Decoder::new(reader).map_err(|e| io_err("zstd", e))?)
        }
    };
    let mut hashing = HashingReader {
        inner: decompressed,
        hasher: Sha256::new(),
    };
    let root = rustix::fs::open(
        dest,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .map_err(|e| io_err(&dest.display().to_string(), e))?;
    let mut stats = UnpackStats {
        diff_id: Digest::of_bytes(b""),
        files: 0,
        bytes: 0,
        skipped_devices: Vec::new(),
    };
    let mut dirs: Vec<DirMeta> = Vec::new();
    {
        let mut archive = tar::Archive::new(&mut hashing);
        let entries = archive.entries().map_err(|e| io_err("layer", e))?;
        for entry in entries {
            let mut entry = entry.map_err(|e| io_err("layer", e))?;
            unpack_entry(&mut entry, &root, dest, opts, &mut stats, &mut dirs)?;
        }
    }
    // The digest covers the whole stream, including the end-of-archive blocks.
    io::copy(&mut hashing, &mut io::sink()).map_err(|e| io_err("layer", e))?;
    for d in dirs.iter().rev() {
        let display = d.parts.join("/");
        // A later entry may have replaced the directory with something else.
        let Ok(fd) = rustix::fs::openat2(
            &root,
            display.as_str(),
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
            BENEATH,
        ) else {
            continue;
        };
        rustix::fs::fchmod(&fd, Mode::from_raw_mode(d.mode)).map_err(|e| io_err(&display, e))?;
        let t = Timespec {
            tv_sec: d.mtime,
            tv_nsec: 0,
        };
        rustix::fs::futimens(
            &fd,
            &Timestamps {
                last_access: t,
                last_modification: t,
            },
        )
        .map_err(|e| io_err(&display, e))?;
    }
    stats.diff_id = Digest::from_sha256(&hashing.hasher.finalize());
    Ok(stats)
}

fn set_owner(
    dir: &OwnedFd,
    name: &str,
    display: &str,
    uid: u32,
    gid: u32,
    opts: &UnpackOptions,
) -> Result<()> {
    if !opts.preserve_ownership {
        return Ok(());
    }
    let chown = |u: u32, g: u32| {
        rustix::fs::chownat(
            dir,
            name,
            Some(rustix::process::Uid::from_raw(u)),
            Some(rustix::process::Gid::from_raw(g)),
            AtFlags::SYMLINK_NOFOLLOW,
        )
    };
    match chown(uid, gid) {
        Ok(()) => Ok(()),
        Err(rustix::io::Errno::INVAL) | Err(rustix::io::Errno::PERM)
            if opts.ignore_chown_errors =>
        {
            chown(0, 0).map_err(|e| io_err(display, e))
        }
        Err(rustix::io::Errno::INVAL) | Err(rustix::io::Errno::PERM) => {
            Err(StorageError::UnmappedId {
                uid,
                gid,
                path: format!("/{display}"),
            })
        }
        Err(e) => Err(io_err(display, e)),
    }
}

fn unpack_entry<R: Read>(
    entry: &mut tar::Entry<'_, R>,
    root: &OwnedFd,
    dest: &Path,
    opts: &UnpackOptions,
    stats: &mut UnpackStats,
    dirs: &mut Vec<DirMeta>,
) -> Result<()> {
    let raw = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
    let parts = clean_path(&raw)?;
    let Some((name, parent_parts)) = parts.split_last() else {
        return Ok(());
    };
    let header = entry.header().clone();
    let kind = header.entry_type();
    let mode = header.mode().map_err(|e| io_err(&raw, e))? & 0o7777;
    let uid = header.uid().map_err(|e| io_err(&raw, e))? as u32;
    let gid = header.gid().map_err(|e| io_err(&raw, e))? as u32;
    let mtime = header.mtime().unwrap_or(0) as i64;
    let link = entry
        .link_name_bytes()
        .map(|l| String::from_utf8_lossy(&l).into_owned());
    let parent = open_dir(root, parent_parts, &raw)?;
    let parent_path = dest.join(parent_parts.join("/"));

    // OCI whiteouts.
    if name == ".wh..wh..opq" {
        let key = format!("{}opaque", opts.overlay_xattr_prefix);
        return rustix::fs::fsetxattr(&parent, key.as_str(), b"y", rustix::fs::XattrFlags::empty())
            .map_err(|e| io_err(&raw, e));
    }
    if let Some(hidden) = name.strip_prefix(".wh.") {
        clear(&parent, &parent_path, hidden, false).map_err(|e| io_err(&raw, e))?;
        rustix::fs::mknodat(
            &parent,
            hidden,
            FileType::CharacterDevice,
            Mode::empty(),
            0 as Dev,
        )
        .map_err(|e| io_err(&raw, e))?;
        stats.files += 1;
        return Ok(());
    }

    let xattrs = pax_xattrs(entry);
    let is_dir = kind == tar::EntryType::Directory;
    clear(&parent, &parent_path, name, is_dir).map_err(|e| io_err(&raw, e))?;
    match kind {
        tar::EntryType::Directory => {
            match rustix::fs::mkdirat(&parent, name.as_str(), Mode::from_raw_mode(0o700)) {
                Ok(()) | Err(rustix::io::Errno::EXIST) => {}
                Err(e) => return Err(io_err(&raw, e)),
            }
            set_owner(&parent, name, &raw, uid, gid, opts)?;
            let fd = open_dir(root, &parts, &raw)?;
            apply_xattrs(&fd, &xattrs, &raw)?;
            dirs.push(DirMeta {
                parts: parts.clone(),
                mode,
                mtime,
            });
        }
        tar::EntryType::Regular | tar::EntryType::Continuous => {
            let fd = rustix::fs::openat(
                &parent,
                name.as_str(),
                OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC,
                Mode::from_raw_mode(0o600),
            )
            .map_err(|e| io_err(&raw, e))?;
            let mut file = std::fs::File::from(fd);
            stats.bytes += io::copy(entry, &mut file).map_err(|e| io_err(&raw, e))?;
            set_owner(&parent, name, &raw, uid, gid, opts)?;
            // chmod after chown: chown clears setuid and setgid.
            rustix::fs::fchmod(&file, Mode::from_raw_mode(mode)).map_err(|e| io_err(&raw, e))?;
            apply_xattrs(&file, &xattrs, &raw)?;
            let t = Timespec {
                tv_sec: mtime,
                tv_nsec: 0,
            };
            rustix::fs::futimens(
                &file,
                &Timestamps {
                    last_access: t,
                    last_modification: t,
                },
            )
            .map_err(|e| io_err(&raw, e))?;
        }
        tar::EntryType::Symlink => {
            let target = link.ok_or_else(|| unsafe_path(&raw, "symlink without a target"))?;
            rustix::fs::symlinkat(target.as_str(), &parent, name.as_str())
                .map_err(|e| io_err(&raw, e))?;
            set_owner(&parent, name, &raw, uid, gid, opts)?;
            let t = Timespec {
                tv_sec: mtime,
                tv_nsec: 0,
            };
            let _ = rustix::fs::utimensat(
                &parent,
                name.as_str(),
                &Timestamps {
                    last_access: t,
                    last_modification: t,
                },
                AtFlags::SYMLINK_NOFOLLOW,
            );
        }
        tar::EntryType::Link => {
            let target = link.ok_or_else(|| unsafe_path(&raw, "hardlink without a target"))?;
            let tparts = clean_path(&target)
                .map_err(|_| unsafe_path(&raw, "hardlink target outside the layer"))?;
            let Some((tname, tparent_parts)) = tparts.split_last() else {
                return Err(unsafe_path(&raw, "hardlink to the layer root"));
            };
            let tparent = open_dir(root, tparent_parts, &raw)?;
            rustix::fs::linkat(
                &tparent,
                tname.as_str(),
                &parent,
                name.as_str(),
                AtFlags::empty(),
            )
            .map_err(|e| match e {
                rustix::io::Errno::NOENT => {
                    unsafe_path(&raw, "hardlink target is not in the layer")
                }
                e => io_err(&raw, e),
            })?;
        }
        tar::EntryType::Fifo => {
            rustix::fs::mknodat(
                &parent,
                name.as_str(),
                FileType::Fifo,
                Mode::from_raw_mode(mode),
                0 as Dev,
            )
            .map_err(|e| io_err(&raw, e))?;
            set_owner(&parent, name, &raw, uid, gid, opts)?;
            rustix::fs::chmodat(
                &parent,
                name.as_str(),
                Mode::from_raw_mode(mode),
                AtFlags::empty(),
            )
            .map_err(|e| io_err(&raw, e))?;
        }
        tar::EntryType::Char | tar::EntryType::Block => {
            let major = header.device_major().ok().flatten().unwrap_or(0);
            let minor = header.device_minor().ok().flatten().unwrap_or(0);
            let ft = if kind == tar::EntryType::Char {
                FileType::CharacterDevice
            } else {
                FileType::BlockDevice
            };
            let dev = rustix::fs::makedev(major, minor);
            match rustix::fs::mknodat(&parent, name.as_str(), ft, Mode::from_raw_mode(mode), dev) {
                Ok(()) => set_owner(&parent, name, &raw, uid, gid, opts)?,
                Err(rustix::io::Errno::PERM) => {
                    stats.skipped_devices.push(raw.clone());
                    return Ok(());
                }
                Err(e) => return Err(io_err(&raw, e)),
            }
        }
        // Metadata-only entries (PAX and GNU headers are consumed by the tar crate).
        _ => return Ok(()),
    }
    stats.files += 1;
    Ok(())
}

/// The xattrs a PAX header carries (SCHILY.xattr.NAME).
fn pax_xattrs<R: Read>(entry: &mut tar::Entry<'_, R>) -> HashMap<String, Vec<u8>> {
    let mut out = HashMap::new();
    if let Ok(Some(exts)) = entry.pax_extensions() {
        for ext in exts.flatten() {
            if let Ok(key) = ext.key() {
                if let Some(name) = key.strip_prefix("SCHILY.xattr.") {
                    out.insert(name.to_string(), ext.value_bytes().to_vec());
                }
            }
        }
    }
    out
}

/// Set xattrs on an open file or directory; names the kernel refuses here
/// (security.*, trusted.* in a user namespace) are skipped.
fn apply_xattrs(fd: &impl AsFd, xattrs: &HashMap<String, Vec<u8>>, display: &str) -> Result<()> {
    for (name, value) in xattrs {
        match rustix::fs::fsetxattr(fd, name.as_str(), value, rustix::fs::XattrFlags::empty()) {
            Ok(())
            | Err(rustix::io::Errno::PERM)
            | Err(rustix::io::Errno::OPNOTSUPP)
            | Err(rustix::io::Errno::ACCESS) => {}
            Err(e) => return Err(io_err(display, e)),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
