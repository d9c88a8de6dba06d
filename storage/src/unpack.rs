//! Unpacking one layer (a tar stream, optionally gzip- or zstd-compressed) into an
//! empty directory that later serves as an overlayfs lower directory.
//!
//! Every parent directory is opened beneath the destination without following
//! symlinks (openat2 with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS)
//! and the final name is handled with `*at` calls that do not follow it, so an entry
//! can never write outside the destination. OCI whiteouts become overlay whiteouts
//! (0/0 character devices) and opaque markers the `<prefix>opaque` xattr. Owners are
//! set as the tar says; the caller runs this inside the user namespace that maps them.

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::io::{self, BufReader, Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

use rustix::fs::{AtFlags, FileType, Mode, OFlags, ResolveFlags, Timespec, Timestamps};
use rustix::io::Errno;

use crate::digest::Digest;
use crate::error::{Result, StorageError};

/// How a layer blob is compressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    /// A plain tar.
    None,
    /// gzip (concatenated members are read as one stream, like Go's reader).
    Gzip,
    /// zstd (all frames; skippable frames are ignored).
    Zstd,
}

/// How to unpack.
#[derive(Clone, Debug)]
pub struct UnpackOptions {
    /// "user.overlay." inside a user namespace (overlay mounted with `userxattr`),
    /// "trusted.overlay." as real root.
    pub overlay_xattr_prefix: String,
    /// Set owners the user namespace does not map to 0:0 instead of failing
    /// (Podman's ignore_chown_errors).
    pub ignore_chown_errors: bool,
    /// Set owners at all (false: everything belongs to the unpacking user).
    pub preserve_ownership: bool,
}

impl Default for UnpackOptions {
    /// The rootless defaults: `user.overlay.` xattrs, owners preserved, errors fatal.
    fn default() -> UnpackOptions {
        UnpackOptions {
            overlay_xattr_prefix: "user.overlay.".into(),
            ignore_chown_errors: false,
            preserve_ownership: true,
        }
    }
}

/// What an unpack did.
#[derive(Clone, Debug)]
pub struct UnpackStats {
    /// sha256 of the whole uncompressed tar stream.
    pub diff_id: Digest,
    /// Entries written (directories, files, links, special files, whiteouts).
    pub files: u64,
    /// Bytes of file content written.
    pub bytes: u64,
    /// Device nodes that could not be created (rootless), as tar paths.
    pub skipped_devices: Vec<String>,
}

/// Size of the read buffer over the decompressed stream and of the copy buffer.
const BUFFER: usize = 1 << 20;

const BENEATH: ResolveFlags = ResolveFlags::BENEATH
    .union(ResolveFlags::NO_SYMLINKS)
    .union(ResolveFlags::NO_MAGICLINKS);

const DIR_FLAGS: OFlags = OFlags::RDONLY
    .union(OFlags::DIRECTORY)
    .union(OFlags::CLOEXEC);

fn unsafe_path(path: &str, reason: &str) -> StorageError {
    StorageError::UnsafePath {
        path: path.to_string(),
        reason: reason.to_string(),
    }
}

fn io_err(path: &str, e: impl Into<io::Error>) -> StorageError {
    StorageError::io(path, e.into())
}

/// Split a tar path into its components beneath the root; refuse absolute paths and
/// `..`. A leading `./` (and any `.` component) is dropped.
fn clean_path(raw: &[u8]) -> std::result::Result<Vec<OsString>, &'static str> {
    if raw.starts_with(b"/") {
        return Err("absolute path in a layer");
    }
    Path::new(OsStr::from_bytes(raw))
        .components()
        .filter(|c| *c != Component::CurDir)
        .map(|c| match c {
            Component::Normal(p) => Ok(p.to_os_string()),
            Component::ParentDir => Err("\"..\" in a layer path"),
            _ => Err("absolute path in a layer"),
        })
        .collect()
}

/// `a/b/c` for messages.
fn display(parts: &[OsString]) -> String {
    let joined: Vec<_> = parts.iter().map(|p| p.to_string_lossy()).collect();
    joined.join("/")
}

/// Map openat2 refusals to `UnsafePath`.
fn resolve_err(display: &str, e: Errno) -> StorageError {
    match e {
        Errno::LOOP | Errno::XDEV | Errno::NOTDIR => unsafe_path(
            display,
            "the path goes through a symlink or a non-directory",
        ),
        e => io_err(display, e),
    }
}

/// Open the directory `parts` beneath `root`, creating missing ones (mode 0755).
fn open_dir(root: &OwnedFd, parts: &[OsString], display: &str) -> Result<OwnedFd> {
    let rel = if parts.is_empty() {
        PathBuf::from(".")
    } else {
        parts.iter().collect()
    };
    match rustix::fs::openat2(root, &rel, DIR_FLAGS, Mode::empty(), BENEATH) {
        Err(Errno::NOENT) => {}
        other => return other.map_err(|e| resolve_err(display, e)),
    }
    let mut dir = rustix::fs::openat2(root, ".", DIR_FLAGS, Mode::empty(), BENEATH)
        .map_err(|e| io_err(display, e))?;
    for p in parts {
        match rustix::fs::mkdirat(&dir, p.as_os_str(), Mode::from_raw_mode(0o755)) {
            Ok(()) | Err(Errno::EXIST) => {}
            Err(e) => return Err(io_err(display, e)),
        }
        dir = rustix::fs::openat2(&dir, p.as_os_str(), DIR_FLAGS, Mode::empty(), BENEATH)
            .map_err(|e| resolve_err(display, e))?;
    }
    Ok(dir)
}

/// Remove whatever is at `name` in `dir` (a directory recursively), unless it is a
/// directory and `keep_dir` is set. `name` is a single normal component (never `.`
/// or `..`) and `dir_path` was reached without symlinks.
fn clear(dir: &OwnedFd, dir_path: &Path, name: &OsStr, keep_dir: bool) -> io::Result<()> {
    debug_assert!(name != "." && name != ".." && !name.is_empty());
    match rustix::fs::statat(dir, name, AtFlags::SYMLINK_NOFOLLOW) {
        Err(Errno::NOENT) => Ok(()),
        Err(e) => Err(e.into()),
        Ok(st) if FileType::from_raw_mode(st.st_mode) == FileType::Directory => {
            if keep_dir {
                Ok(())
            } else {
                // remove_dir_all does not follow symlinks inside the directory.
                std::fs::remove_dir_all(dir_path.join(name))
            }
        }
        Ok(_) => rustix::fs::unlinkat(dir, name, AtFlags::empty()).map_err(Into::into),
    }
}

/// The metadata of one entry, with PAX overrides applied.
struct Meta {
    mode: u32,
    uid: u64,
    gid: u64,
    mtime: Timespec,
    xattrs: Vec<(OsString, Vec<u8>)>,
}

impl Meta {
    fn read<R: Read>(entry: &mut tar::Entry<'_, R>, display: &str, prefix: &str) -> Result<Meta> {
        let h = entry.header();
        let bad = |e: io::Error| io_err(display, e);
        let mut meta = Meta {
            mode: h.mode().map_err(bad)? & 0o7777,
            uid: h.uid().map_err(bad)?,
            gid: h.gid().map_err(bad)?,
            mtime: Timespec {
                tv_sec: h.mtime().unwrap_or(0) as i64,
                tv_nsec: 0,
            },
            xattrs: Vec::new(),
        };
        let Ok(Some(exts)) = entry.pax_extensions() else {
            return Ok(meta);
        };
        for ext in exts.flatten() {
            let (Ok(key), Ok(value)) = (ext.key(), ext.value()) else {
                continue;
            };
            match key {
                "uid" => meta.uid = value.parse().unwrap_or(meta.uid),
                "gid" => meta.gid = value.parse().unwrap_or(meta.gid),
                "mtime" => meta.mtime = parse_pax_time(value).unwrap_or(meta.mtime),
                _ => {}
            }
            // Overlay's own xattrs would change how the layer is merged: never from a layer.
            if let Some(name) = key.strip_prefix("SCHILY.xattr.") {
                if !name.starts_with(prefix)
                    && !name.starts_with("trusted.overlay.")
                    && !name.starts_with("user.overlay.")
                {
                    meta.xattrs.push((name.into(), ext.value_bytes().to_vec()));
                }
            }
        }
        Ok(meta)
    }
}

/// A PAX time "SECONDS[.FRACTION]".
fn parse_pax_time(s: &str) -> Option<Timespec> {
    let (sec, frac) = s.split_once('.').unwrap_or((s, ""));
    let tv_sec: i64 = sec.parse().ok()?;
    let digits: String = frac.chars().take(9).collect();
    let tv_nsec = if digits.is_empty() || tv_sec < 0 {
        0
    } else {
        format!("{digits:0<9}").parse().ok()?
    };
    Some(Timespec { tv_sec, tv_nsec })
}

fn times(t: Timespec) -> Timestamps {
    Timestamps {
        last_access: t,
        last_modification: t,
    }
}

/// A directory's mode and time, applied after all entries (adding children changes
/// its mtime; a read-only mode would block them).
struct DirMeta {
    mode: u32,
    mtime: Timespec,
}

/// The state of one unpack.
struct Unpacker<'a> {
    root: OwnedFd,
    dest: &'a Path,
    opts: &'a UnpackOptions,
    stats: UnpackStats,
    dirs: HashMap<Vec<OsString>, DirMeta>,
    buf: Vec<u8>,
    /// The parent directory of the last entry, kept open for the next one (most
    /// entries share their parent with the one before). Dropped whenever an entry
    /// removes anything, since a removal may change what a path leads to.
    parent: Option<(Vec<OsString>, Rc<OwnedFd>)>,
    /// The effective uid and gid, which new nodes get: no chown is needed for an
    /// entry that asks for them (no directory is setgid while a layer is unpacked:
    /// directory modes are applied at the end).
    creator: (u32, u32),
    /// The umask, to tell whether a file's mode at creation is already its final mode.
    umask: u32,
}

/// Decompress and unpack a layer stream into `dest` (an empty directory), computing
/// the diff id (sha256 of the uncompressed stream) on the way. Decompression and the
/// hash run on a thread of their own ([`inflate`]), overlapping with the writes.
pub fn unpack(
    reader: impl Read + Send,
    compression: Compression,
    dest: &Path,
    opts: &UnpackOptions,
) -> Result<UnpackStats> {
    let root = rustix::fs::open(dest, DIR_FLAGS, Mode::empty())
        .map_err(|e| io_err(&dest.display().to_string(), e))?;
    let mut u = Unpacker {
        root,
        dest,
        opts,
        stats: UnpackStats {
            diff_id: Digest::of_bytes(b""),
            files: 0,
            bytes: 0,
            skipped_devices: Vec::new(),
        },
        dirs: HashMap::new(),
        buf: vec![0; BUFFER],
        parent: None,
        creator: (
            rustix::process::geteuid().as_raw(),
            rustix::process::getegid().as_raw(),
        ),
        umask: current_umask(),
    };
    std::thread::scope(|scope| {
        let (chunks, producer) = inflate::spawn(scope, reader, compression);
        let mut stream = BufReader::with_capacity(BUFFER, chunks);
        let unpacked = u.entries(&mut stream);
        // On failure the stream is dropped here, which stops the producer.
        drop(stream);
        let diff_id = producer.join().map_err(|_| {
            io_err(
                "layer",
                io::Error::other("the decompression thread panicked"),
            )
        })?;
        unpacked?;
        u.stats.diff_id =
            diff_id.ok_or_else(|| io_err("layer", io::Error::other("decompression stopped")))?;
        Ok::<(), StorageError>(())
    })?;
    u.finish_dirs()?;
    Ok(u.stats)
}

/// The process's umask, read without changing it (other threads may be creating files).
/// Unknown: every permission bit, so that modes are always set explicitly.
fn current_umask() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Umask:"))
                .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
        })
        .unwrap_or(0o777)
}

impl Unpacker<'_> {
    /// Unpack every entry of the tar `stream`, then read it to its end (the digest
    /// covers the whole stream, including the end-of-archive blocks).
    fn entries(&mut self, stream: &mut impl Read) -> Result<()> {
        let mut archive = tar::Archive::new(&mut *stream);
        for entry in archive.entries().map_err(|e| io_err("layer", e))? {
            let mut entry = entry.map_err(|e| io_err("layer", e))?;
            self.entry(&mut entry)?;
        }
        io::copy(stream, &mut io::sink()).map_err(|e| io_err("layer", e))?;
        Ok(())
    }

    /// The directory `parts` beneath the root (created when missing), reusing the
    /// last one when it is the same.
    fn parent_dir(&mut self, parts: &[OsString], display: &str) -> Result<Rc<OwnedFd>> {
        if let Some((cached, fd)) = &self.parent {
            if cached.as_slice() == parts {
                return Ok(fd.clone());
            }
        }
        let fd = Rc::new(open_dir(&self.root, parts, display)?);
        self.parent = Some((parts.to_vec(), fd.clone()));
        Ok(fd)
    }

    /// Remove whatever is at `name` in `dir` (see [`clear`]), forgetting the cached
    /// parent directory.
    fn clear(
        &mut self,
        dir: &OwnedFd,
        dir_path: &Path,
        name: &OsStr,
        keep_dir: bool,
    ) -> io::Result<()> {
        self.parent = None;
        clear(dir, dir_path, name, keep_dir)
    }

    /// Create a node with `make`; when something is already there, remove it (a
    /// directory is kept when `keep_dir`) and try once more.
    fn create<T>(
        &mut self,
        parent: &OwnedFd,
        parent_path: &Path,
        name: &OsStr,
        keep_dir: bool,
        raw: &str,
        make: impl Fn() -> rustix::io::Result<T>,
    ) -> Result<rustix::io::Result<T>> {
        match make() {
            Err(Errno::EXIST) => {
                self.clear(parent, parent_path, name, keep_dir)
                    .map_err(|e| io_err(raw, e))?;
                Ok(make())
            }
            other => Ok(other),
        }
    }

    fn entry<R: Read>(&mut self, entry: &mut tar::Entry<'_, R>) -> Result<()> {
        let kind = entry.header().entry_type();
        // PAX headers (the tar crate applies per-entry ones itself) carry no file.
        if matches!(
            kind,
            tar::EntryType::XGlobalHeader | tar::EntryType::XHeader
        ) {
            return Ok(());
        }
        let raw = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let parts = clean_path(&entry.path_bytes()).map_err(|why| unsafe_path(&raw, why))?;
        let meta = Meta::read(entry, &raw, &self.opts.overlay_xattr_prefix)?;
        let Some((name, parent_parts)) = parts.split_last() else {
            // "./": the layer root itself.
            if kind == tar::EntryType::Directory {
                self.set_owner(&self.root, OsStr::new("."), &parts, &meta, false)?;
                apply_xattrs(&self.root, &meta.xattrs, &raw)?;
                self.dirs.insert(
                    parts,
                    DirMeta {
                        mode: meta.mode,
                        mtime: meta.mtime,
                    },
                );
            }
            return Ok(());
        };
        // Inside aufs metadata directories (.wh..wh.plnk/...): skipped like the directory.
        if parent_parts
            .iter()
            .any(|p| p.as_bytes().starts_with(b".wh..wh."))
        {
            return Ok(());
        }
        let parent = self.parent_dir(parent_parts, &raw)?;
        let parent_path: PathBuf = std::iter::once(self.dest.as_os_str())
            .chain(parent_parts.iter().map(|p| p.as_os_str()))
            .collect();

        if let Some(hidden) = name.as_bytes().strip_prefix(b".wh.") {
            return self.whiteout(&parent, &parent_path, OsStr::from_bytes(hidden), &raw);
        }

        // Each node is created first and only on EEXIST is the old one removed: a
        // fresh layer rarely has a name twice.
        let created = match kind {
            tar::EntryType::Directory => {
                let made = self.create(&parent, &parent_path, name, true, &raw, || {
                    rustix::fs::mkdirat(&parent, name.as_os_str(), Mode::from_raw_mode(0o700))
                })?;
                let fresh = match made {
                    Ok(()) => true,
                    Err(Errno::EXIST) => false,
                    Err(e) => return Err(io_err(&raw, e)),
                };
                self.set_owner(&parent, name, &parts, &meta, fresh)?;
                if !meta.xattrs.is_empty() {
                    let fd = rustix::fs::openat2(
                        &parent,
                        name.as_os_str(),
                        DIR_FLAGS,
                        Mode::empty(),
                        BENEATH,
                    )
                    .map_err(|e| resolve_err(&raw, e))?;
                    apply_xattrs(&fd, &meta.xattrs, &raw)?;
                }
                self.dirs.insert(
                    parts.clone(),
                    DirMeta {
                        mode: meta.mode,
                        mtime: meta.mtime,
                    },
                );
                true
            }
            tar::EntryType::Regular | tar::EntryType::Continuous | tar::EntryType::GNUSparse => {
                self.regular(entry, &parent, &parent_path, name, &parts, &meta, &raw)?;
                true
            }
            tar::EntryType::Symlink => {
                let target = entry
                    .link_name_bytes()
                    .ok_or_else(|| unsafe_path(&raw, "symlink without a target"))?;
                self.create(&parent, &parent_path, name, false, &raw, || {
                    rustix::fs::symlinkat(OsStr::from_bytes(&target), &parent, name.as_os_str())
                })?
                .map_err(|e| io_err(&raw, e))?;
                self.finish_node(&parent, &parent_path, name, &parts, &meta, false)?;
                true
            }
            tar::EntryType::Link => {
                self.hardlink(entry, &parent, &parent_path, name, &raw)?;
                true
            }
            tar::EntryType::Fifo => {
                self.create(&parent, &parent_path, name, false, &raw, || {
                    rustix::fs::mknodat(
                        &parent,
                        name.as_os_str(),
                        FileType::Fifo,
                        Mode::from_raw_mode(0o600),
                        0,
                    )
                })?
                .map_err(|e| io_err(&raw, e))?;
                self.finish_node(&parent, &parent_path, name, &parts, &meta, true)?;
                true
            }
            tar::EntryType::Char | tar::EntryType::Block => {
                let h = entry.header();
                let major = h.device_major().ok().flatten().unwrap_or(0);
                let minor = h.device_minor().ok().flatten().unwrap_or(0);
                let ft = if kind == tar::EntryType::Char {
                    FileType::CharacterDevice
                } else {
                    FileType::BlockDevice
                };
                let dev = rustix::fs::makedev(major, minor);
                match self.create(&parent, &parent_path, name, false, &raw, || {
                    rustix::fs::mknodat(
                        &parent,
                        name.as_os_str(),
                        ft,
                        Mode::from_raw_mode(0o600),
                        dev,
                    )
                })? {
                    Ok(()) => {
                        self.finish_node(&parent, &parent_path, name, &parts, &meta, true)?;
                        true
                    }
                    Err(Errno::PERM) => {
                        self.stats.skipped_devices.push(raw.clone());
                        false
                    }
                    Err(e) => return Err(io_err(&raw, e)),
                }
            }
            // GNU volume labels and other metadata-only entries.
            _ => false,
        };
        if created {
            self.stats.files += 1;
        }
        Ok(())
    }

    /// `.wh..wh..opq` marks the parent opaque; `.wh.NAME` becomes a 0/0 character
    /// device NAME; other `.wh..wh.` names are aufs metadata and skipped.
    fn whiteout(
        &mut self,
        parent: &OwnedFd,
        parent_path: &Path,
        hidden: &OsStr,
        raw: &str,
    ) -> Result<()> {
        if hidden == ".wh..opq" {
            let key = format!("{}opaque", self.opts.overlay_xattr_prefix);
            return rustix::fs::fsetxattr(
                parent,
                key.as_str(),
                b"y",
                rustix::fs::XattrFlags::empty(),
            )
            .map_err(|e| io_err(raw, e));
        }
        if hidden.as_bytes().starts_with(b".wh.") {
            return Ok(());
        }
        if hidden.is_empty() || hidden == "." || hidden == ".." {
            return Err(unsafe_path(
                raw,
                "whiteout of an empty, \".\" or \"..\" name",
            ));
        }
        self.clear(parent, parent_path, hidden, false)
            .map_err(|e| io_err(raw, e))?;
        rustix::fs::mknodat(parent, hidden, FileType::CharacterDevice, Mode::empty(), 0)
            .map_err(|e| io_err(raw, e))?;
        self.stats.files += 1;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn regular<R: Read>(
        &mut self,
        entry: &mut tar::Entry<'_, R>,
        parent: &OwnedFd,
        parent_path: &Path,
        name: &OsStr,
        parts: &[OsString],
        meta: &Meta,
        raw: &str,
    ) -> Result<()> {
        // Created with its final permission bits: when the owner needs no change
        // and the umask takes nothing away, no chmod is needed afterwards.
        let fd = self
            .create(parent, parent_path, name, false, raw, || {
                rustix::fs::openat(
                    parent,
                    name,
                    OFlags::WRONLY
                        | OFlags::CREATE
                        | OFlags::EXCL
                        | OFlags::NOFOLLOW
                        | OFlags::CLOEXEC,
                    Mode::from_raw_mode(meta.mode & 0o777),
                )
            })?
            .map_err(|e| io_err(raw, e))?;
        let mut file = std::fs::File::from(fd);
        loop {
            let n = match entry.read(&mut self.buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(io_err(raw, e)),
            };
            file.write_all(&self.buf[..n]).map_err(|e| io_err(raw, e))?;
            self.stats.bytes += n as u64;
        }
        let chowned = self.set_owner(parent, name, parts, meta, true)?;
        // chmod after chown: chown clears setuid and setgid.
        if chowned || meta.mode & 0o7000 != 0 || meta.mode & self.umask != 0 {
            rustix::fs::fchmod(&file, Mode::from_raw_mode(meta.mode))
                .map_err(|e| io_err(raw, e))?;
        }
        apply_xattrs(&file, &meta.xattrs, raw)?;
        rustix::fs::futimens(&file, &times(meta.mtime)).map_err(|e| io_err(raw, e))
    }

    /// Link `name` to an entry already unpacked beneath the root (a symlink itself,
    /// never what it points to).
    fn hardlink<R: Read>(
        &mut self,
        entry: &mut tar::Entry<'_, R>,
        parent: &OwnedFd,
        parent_path: &Path,
        name: &OsStr,
        raw: &str,
    ) -> Result<()> {
        let target = entry
            .link_name_bytes()
            .ok_or_else(|| unsafe_path(raw, "hardlink without a target"))?;
        let tparts = clean_path(&target)
            .map_err(|_| unsafe_path(raw, "hardlink target outside the layer"))?;
        let Some((tname, tparent_parts)) = tparts.split_last() else {
            return Err(unsafe_path(raw, "hardlink to the layer root"));
        };
        // Looked up, never created: a missing target fails the entry.
        let rel: PathBuf = std::iter::once(OsStr::new("."))
            .chain(tparent_parts.iter().map(|p| p.as_os_str()))
            .collect();
        let tparent = rustix::fs::openat2(&self.root, &rel, DIR_FLAGS, Mode::empty(), BENEATH)
            .map_err(|e| match e {
                Errno::NOENT => unsafe_path(raw, "hardlink target is not in the layer"),
                e => resolve_err(raw, e),
            })?;
        self.create(parent, parent_path, name, false, raw, || {
            rustix::fs::linkat(&tparent, tname.as_os_str(), parent, name, AtFlags::empty())
        })?
        .map_err(|e| match e {
            Errno::NOENT => unsafe_path(raw, "hardlink target is not in the layer"),
            e => io_err(raw, e),
        })
    }

    /// Owner, mode (not for symlinks), xattrs and time of a node created by path.
    fn finish_node(
        &self,
        parent: &OwnedFd,
        parent_path: &Path,
        name: &OsStr,
        parts: &[OsString],
        meta: &Meta,
        chmod: bool,
    ) -> Result<()> {
        let raw = display(parts);
        self.set_owner(parent, name, parts, meta, true)?;
        if chmod {
            rustix::fs::chmodat(
                parent,
                name,
                Mode::from_raw_mode(meta.mode),
                AtFlags::empty(),
            )
            .map_err(|e| io_err(&raw, e))?;
        }
        let path = parent_path.join(name);
        for (key, value) in &meta.xattrs {
            match rustix::fs::lsetxattr(
                &path,
                key.as_os_str(),
                value,
                rustix::fs::XattrFlags::empty(),
            ) {
                Ok(()) | Err(Errno::PERM | Errno::OPNOTSUPP | Errno::ACCESS) => {}
                Err(e) => return Err(io_err(&raw, e)),
            }
        }
        match rustix::fs::utimensat(parent, name, &times(meta.mtime), AtFlags::SYMLINK_NOFOLLOW) {
            // Some filesystems refuse times on symlinks; nothing depends on them.
            Ok(()) | Err(Errno::OPNOTSUPP) => Ok(()),
            Err(e) => Err(io_err(&raw, e)),
        }
    }

    /// lchown `name` in `dir` to the entry's owner (see [`UnpackOptions`]); returns
    /// whether it changed anything. A `fresh` node (just created by this unpack)
    /// already belongs to the creator's ids and is left alone when those are asked for.
    fn set_owner(
        &self,
        dir: &OwnedFd,
        name: &OsStr,
        parts: &[OsString],
        meta: &Meta,
        fresh: bool,
    ) -> Result<bool> {
        if !self.opts.preserve_ownership
            || (fresh && (meta.uid, meta.gid) == (self.creator.0.into(), self.creator.1.into()))
        {
            return Ok(false);
        }
        let chown = |u: u32, g: u32| {
            rustix::fs::chownat(
                dir,
                name,
                Some(rustix::fs::Uid::from_raw(u)),
                Some(rustix::fs::Gid::from_raw(g)),
                AtFlags::SYMLINK_NOFOLLOW,
            )
        };
        // u32::MAX means "unchanged" to chown: treat it like any unmappable id.
        let id = |v: u64| u32::try_from(v).ok().filter(|&v| v != u32::MAX);
        let result = match (id(meta.uid), id(meta.gid)) {
            (Some(u), Some(g)) => chown(u, g),
            _ => Err(Errno::INVAL),
        };
        let path = format!("/{}", display(parts));
        match result {
            Ok(()) => Ok(true),
            Err(Errno::INVAL | Errno::PERM) if self.opts.ignore_chown_errors => {
                chown(0, 0).map(|()| true).map_err(|e| io_err(&path, e))
            }
            Err(Errno::INVAL | Errno::PERM) => Err(StorageError::UnmappedId {
                uid: u32::try_from(meta.uid).unwrap_or(u32::MAX),
                gid: u32::try_from(meta.gid).unwrap_or(u32::MAX),
                path,
            }),
            Err(e) => Err(io_err(&path, e)),
        }
    }

    /// Apply directories' modes and times, after all their contents were written.
    fn finish_dirs(&self) -> Result<()> {
        for (parts, meta) in &self.dirs {
            let rel: PathBuf = if parts.is_empty() {
                PathBuf::from(".")
            } else {
                parts.iter().collect()
            };
            // A later entry may have replaced the directory with something else.
            let Ok(fd) = rustix::fs::openat2(&self.root, &rel, DIR_FLAGS, Mode::empty(), BENEATH)
            else {
                continue;
            };
            let raw = display(parts);
            rustix::fs::fchmod(&fd, Mode::from_raw_mode(meta.mode)).map_err(|e| io_err(&raw, e))?;
            rustix::fs::futimens(&fd, &times(meta.mtime)).map_err(|e| io_err(&raw, e))?;
        }
        Ok(())
    }
}

/// Set xattrs on an open file or directory; names the kernel refuses here
/// (security.*, trusted.* in a user namespace) are skipped.
fn apply_xattrs(fd: &impl AsFd, xattrs: &[(OsString, Vec<u8>)], display: &str) -> Result<()> {
    for (name, value) in xattrs {
        match rustix::fs::fsetxattr(fd, name.as_os_str(), value, rustix::fs::XattrFlags::empty()) {
            Ok(()) | Err(Errno::PERM | Errno::OPNOTSUPP | Errno::ACCESS) => {}
            Err(e) => return Err(io_err(display, e)),
        }
    }
    Ok(())
}

mod inflate;

#[cfg(test)]
mod tests;
