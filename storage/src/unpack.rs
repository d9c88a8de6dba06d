//! Unpacking one layer (a tar stream, optionally gzip- or zstd-compressed) into an
//! empty directory that later serves as an overlayfs lower directory.
//!
//! Every parent directory is opened beneath the destination without following
//! symlinks (openat2 with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS)
//! and the final name is handled with `*at` calls that do not follow it, so an entry
//! can never write outside the destination. OCI whiteouts become overlay whiteouts
//! (0/0 character devices) and opaque markers the `<prefix>opaque` xattr. Owners are
//! set as the tar says; the caller runs this inside the user namespace that maps them.
//!
//! What the image controls is bounded: extended headers and sparse maps (the
//! `archive` module), device nodes (none but whiteouts are created: a layer must not reach
//! the host's hardware), sparse files (holes stay holes). Directories a layer creates
//! only as parents are reported, so that the caller can check them against the layers
//! below ([`check_lower_layers`]).

mod archive;
mod inflate;
mod lower;
mod pax;
mod sparse;
pub mod tar_files;

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::io::{self, BufReader, Read, Seek, SeekFrom, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Component, Path, PathBuf};

use rustix::fs::{AtFlags, FileType, Mode, OFlags, ResolveFlags, Timespec, Timestamps};
use rustix::io::Errno;

use crate::digest::Digest;
use crate::error::{Result, StorageError};
use archive::{Archive, ArchiveError, Entry};
pub use lower::{check_lower_layers, ImplicitDirs};

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
    /// Give every entry these owners (uid, gid) instead of the tar's (`cp`'s archive
    /// mode: files copied in belong to the container's user).
    pub owner: Option<(u32, u32)>,
    /// Turn OCI whiteouts (`.wh.NAME`, `.wh..wh..opq`, 0/0 character devices) into
    /// overlay whiteouts, as a layer needs; false (`cp`): `.wh.` names are plain
    /// names and no device node at all is created.
    pub whiteouts: bool,
}

impl Default for UnpackOptions {
    /// The rootless defaults: `user.overlay.` xattrs, owners preserved, errors fatal.
    fn default() -> UnpackOptions {
        UnpackOptions {
            overlay_xattr_prefix: "user.overlay.".into(),
            ignore_chown_errors: false,
            preserve_ownership: true,
            owner: None,
            whiteouts: true,
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
    /// Device nodes the layer lists and that were not created, as tar paths: every
    /// character or block device but the 0/0 character device of a whiteout.
    pub skipped_devices: Vec<String>,
    /// Directories created only as parents of entries: see [`check_lower_layers`].
    pub implicit_dirs: ImplicitDirs,
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

/// A stream that ends inside an entry is a malformed layer; other read errors (a
/// corrupt gzip stream) stay I/O errors.
fn read_err(path: &str, e: io::Error) -> StorageError {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        StorageError::MalformedLayer(format!("the layer ends inside the data of {path:?}"))
    } else {
        io_err("layer", e)
    }
}

fn archive_err(e: ArchiveError) -> StorageError {
    match e {
        ArchiveError::Io(e) => io_err("layer", e),
        ArchiveError::Malformed(why) => StorageError::MalformedLayer(why),
        ArchiveError::TooLarge { what, size } => StorageError::LayerHeaderTooLarge {
            what: what.to_string(),
            size,
            limit: archive::MAX_SPECIAL,
        },
    }
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

/// A path naming the open directory `dir` itself (its /proc/self/fd link), for the
/// calls that take paths only: whatever replaced a component of the directory's
/// path in the meantime, it names the same directory.
fn fd_path(dir: &OwnedFd) -> PathBuf {
    use std::os::fd::AsRawFd;
    PathBuf::from(format!("/proc/self/fd/{}", dir.as_raw_fd()))
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
    fn read(entry: &Entry, display: &str, prefix: &str) -> Result<Meta> {
        let h = &entry.header;
        let old = h.as_old();
        // As Go's reader: a field of only NULs and spaces is 0, and a field that a PAX
        // record overrides is not parsed at all.
        let field = |raw: &[u8], overridden: bool, parse: fn(&tar::Header) -> io::Result<u64>| {
            if overridden || raw.iter().all(|b| *b == 0 || *b == b' ') {
                return Ok(0);
            }
            parse(h).map_err(|e| {
                StorageError::MalformedLayer(format!("bad header field of {display:?}: {e}"))
            })
        };
        let pax_has = |key| entry.pax.get(key).is_some();
        let mut meta = Meta {
            mode: field(&old.mode, false, |h| h.mode().map(u64::from))? as u32 & 0o7777,
            uid: field(&old.uid, pax_has("uid"), tar::Header::uid)?,
            gid: field(&old.gid, pax_has("gid"), tar::Header::gid)?,
            mtime: Timespec {
                tv_sec: h.mtime().unwrap_or(0) as i64,
                tv_nsec: 0,
            },
            xattrs: Vec::new(),
        };
        for (key, value) in entry.pax.iter() {
            match key {
                b"uid" => meta.uid = pax::number(value).unwrap_or(meta.uid),
                b"gid" => meta.gid = pax::number(value).unwrap_or(meta.gid),
                b"mtime" => {
                    meta.mtime = std::str::from_utf8(value)
                        .ok()
                        .and_then(parse_pax_time)
                        .unwrap_or(meta.mtime)
                }
                _ => {}
            }
            // Overlay's own xattrs would change how the layer is merged: never from a layer.
            if let Some(name) = key.strip_prefix(b"SCHILY.xattr.") {
                if !name.starts_with(prefix.as_bytes())
                    && !name.starts_with(b"trusted.overlay.")
                    && !name.starts_with(b"user.overlay.")
                {
                    meta.xattrs
                        .push((OsStr::from_bytes(name).to_os_string(), value.to_vec()));
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

/// One entry being written: the entry, its parent directory (open), its name there,
/// its path's components, its metadata and its path for messages.
#[derive(Clone, Copy)]
struct Target<'e> {
    entry: &'e Entry,
    parent: &'e OwnedFd,
    name: &'e OsStr,
    parts: &'e [OsString],
    meta: &'e Meta,
    raw: &'e str,
}

/// The state of one unpack.
struct Unpacker<'a> {
    root: OwnedFd,
    opts: &'a UnpackOptions,
    stats: UnpackStats,
    dirs: HashMap<Vec<OsString>, DirMeta>,
    buf: Vec<u8>,
    /// The previous entry's parent directory, kept open for the next entry (a layer
    /// lists a directory's entries together). Entries only ever remove children of
    /// their own parent, so the directory stays valid.
    last_parent: Option<(Vec<OsString>, OwnedFd)>,
    /// The effective uid and gid, which new nodes get: no chown is needed for an
    /// entry that asks for them (no directory is setgid while a layer is unpacked:
    /// directory modes are applied at the end).
    creator: (u32, u32),
    /// The umask, to tell whether a file's mode at creation is already its final mode.
    umask: u32,
}

/// Decompress and unpack a layer stream into `dest` (an empty directory), computing
/// the diff id (sha256 of the uncompressed stream) on the way. Decompression and the
/// hash run on a thread of their own (the `inflate` module), overlapping with the writes.
pub fn unpack(
    reader: impl Read + Send,
    compression: Compression,
    dest: &Path,
    opts: &UnpackOptions,
) -> Result<UnpackStats> {
    let root = rustix::fs::open(dest, DIR_FLAGS, Mode::empty())
        .map_err(|e| io_err(&dest.display().to_string(), e))?;
    unpack_into(reader, compression, root, opts)
}

/// [`unpack`] into the directory `root` already holds open (one resolved inside a
/// container's root, say), which need not be empty: nothing is looked up by path
/// from outside it.
pub fn unpack_into(
    reader: impl Read + Send,
    compression: Compression,
    root: OwnedFd,
    opts: &UnpackOptions,
) -> Result<UnpackStats> {
    let mut u = Unpacker {
        root,
        opts,
        stats: UnpackStats {
            diff_id: Digest::of_bytes(b""),
            files: 0,
            bytes: 0,
            skipped_devices: Vec::new(),
            implicit_dirs: ImplicitDirs::default(),
        },
        dirs: HashMap::new(),
        buf: vec![0; BUFFER],
        last_parent: None,
        creator: (
            rustix::process::geteuid().as_raw(),
            rustix::process::getegid().as_raw(),
        ),
        umask: current_umask(),
    };
    std::thread::scope(|scope| {
        let (chunks, producer) = inflate::spawn(scope, reader, compression);
        let mut archive = Archive::new(BufReader::with_capacity(BUFFER, chunks));
        let unpacked = u.entries(&mut archive);
        // On failure the stream is dropped here, which stops the producer.
        drop(archive);
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

/// Is this device entry an overlay whiteout (a 0/0 character device)?
fn is_whiteout_device(entry: &Entry) -> bool {
    let h = &entry.header;
    h.entry_type() == tar::EntryType::Char
        && h.device_major().ok().flatten().unwrap_or(0) == 0
        && h.device_minor().ok().flatten().unwrap_or(0) == 0
}

impl Unpacker<'_> {
    /// Unpack every entry of the archive, then read the stream to its end (the digest
    /// covers the whole stream, including the end-of-archive blocks).
    fn entries<R: Read>(&mut self, archive: &mut Archive<R>) -> Result<()> {
        while let Some(entry) = archive.next_entry().map_err(archive_err)? {
            self.entry(archive, entry)?;
        }
        io::copy(archive.inner_mut(), &mut io::sink()).map_err(|e| io_err("layer", e))?;
        Ok(())
    }

    fn entry<R: Read>(&mut self, archive: &mut Archive<R>, entry: Entry) -> Result<()> {
        let kind = entry.header.entry_type();
        let raw = String::from_utf8_lossy(&entry.path).into_owned();
        let parts = clean_path(&entry.path).map_err(|why| unsafe_path(&raw, why))?;
        let meta = Meta::read(&entry, &raw, &self.opts.overlay_xattr_prefix)?;
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
        if self.opts.whiteouts
            && parent_parts
                .iter()
                .any(|p| p.as_bytes().starts_with(b".wh..wh."))
        {
            return Ok(());
        }
        // A layer never creates a device node but a whiteout: a real one would give the
        // container (as root: without a user namespace) the host's hardware.
        if matches!(kind, tar::EntryType::Char | tar::EntryType::Block)
            && !(self.opts.whiteouts && is_whiteout_device(&entry))
        {
            self.stats.skipped_devices.push(raw);
            return Ok(());
        }
        let parent = self.parent_dir(parent_parts, &raw)?;
        let target = Target {
            entry: &entry,
            parent: &parent,
            name,
            parts: &parts,
            meta: &meta,
            raw: &raw,
        };
        let result = self.apply(archive, &target);
        self.last_parent = Some((parent_parts.to_vec(), parent));
        result
    }

    /// The directory `parts` beneath the root, opened without following symlinks and
    /// created (mode 0755) where missing; what it creates is recorded as implicit.
    fn parent_dir(&mut self, parts: &[OsString], raw: &str) -> Result<OwnedFd> {
        if let Some((cached, fd)) = self.last_parent.take() {
            if cached == parts {
                return Ok(fd);
            }
        }
        let rel = if parts.is_empty() {
            PathBuf::from(".")
        } else {
            parts.iter().collect()
        };
        match rustix::fs::openat2(&self.root, &rel, DIR_FLAGS, Mode::empty(), BENEATH) {
            Err(Errno::NOENT) => {}
            other => return other.map_err(|e| resolve_err(raw, e)),
        }
        let mut dir = rustix::fs::openat2(&self.root, ".", DIR_FLAGS, Mode::empty(), BENEATH)
            .map_err(|e| io_err(raw, e))?;
        for (i, p) in parts.iter().enumerate() {
            match rustix::fs::mkdirat(&dir, p.as_os_str(), Mode::from_raw_mode(0o755)) {
                Ok(()) => self.stats.implicit_dirs.created(&parts[..=i], raw),
                Err(Errno::EXIST) => {}
                Err(e) => return Err(io_err(raw, e)),
            }
            dir = rustix::fs::openat2(&dir, p.as_os_str(), DIR_FLAGS, Mode::empty(), BENEATH)
                .map_err(|e| resolve_err(raw, e))?;
        }
        Ok(dir)
    }

    /// Create the entry `name` in `parent`.
    fn apply<R: Read>(&mut self, archive: &mut Archive<R>, target: &Target<'_>) -> Result<()> {
        let Target {
            entry,
            parent,
            name,
            parts,
            meta,
            raw,
        } = *target;
        let kind = entry.header.entry_type();
        // Path-only calls (recursive removal, lsetxattr) go through the parent's
        // descriptor, never through a path joined from the destination's name.
        let parent_path = fd_path(parent);
        if let Some(hidden) = name
            .as_bytes()
            .strip_prefix(b".wh.")
            .filter(|_| self.opts.whiteouts)
        {
            return self.whiteout(parent, &parent_path, OsStr::from_bytes(hidden), raw);
        }
        // Each node is created first, and only on EEXIST is the old one removed: a
        // layer rarely lists a name twice.
        let create = |keep_dir: bool,
                      make: &dyn Fn() -> rustix::io::Result<()>|
         -> Result<rustix::io::Result<()>> {
            match make() {
                Err(Errno::EXIST) => {
                    clear(parent, &parent_path, name, keep_dir).map_err(|e| io_err(raw, e))?;
                    Ok(make())
                }
                other => Ok(other),
            }
        };
        let created = match kind {
            tar::EntryType::Directory => {
                let fresh = match create(true, &|| {
                    rustix::fs::mkdirat(parent, name, Mode::from_raw_mode(0o700))
                })? {
                    Ok(()) => true,
                    Err(Errno::EXIST) => false,
                    Err(e) => return Err(io_err(raw, e)),
                };
                self.stats.implicit_dirs.named(parts);
                self.set_owner(parent, name, parts, meta, fresh)?;
                if !meta.xattrs.is_empty() {
                    let fd = rustix::fs::openat2(parent, name, DIR_FLAGS, Mode::empty(), BENEATH)
                        .map_err(|e| resolve_err(raw, e))?;
                    apply_xattrs(&fd, &meta.xattrs, raw)?;
                }
                self.dirs.insert(
                    parts.to_vec(),
                    DirMeta {
                        mode: meta.mode,
                        mtime: meta.mtime,
                    },
                );
                true
            }
            tar::EntryType::Regular | tar::EntryType::Continuous | tar::EntryType::GNUSparse => {
                self.regular(archive, target, &parent_path)?;
                true
            }
            tar::EntryType::Symlink => {
                let target = entry
                    .link
                    .as_deref()
                    .ok_or_else(|| unsafe_path(raw, "symlink without a target"))?;
                create(false, &|| {
                    rustix::fs::symlinkat(OsStr::from_bytes(target), parent, name)
                })?
                .map_err(|e| io_err(raw, e))?;
                self.finish_node(parent, &parent_path, name, parts, meta, false)?;
                true
            }
            tar::EntryType::Link => {
                let (tparent, tname) = self.hardlink_target(entry, raw)?;
                create(false, &|| {
                    rustix::fs::linkat(&tparent, &tname, parent, name, AtFlags::empty())
                })?
                .map_err(|e| match e {
                    Errno::NOENT => unsafe_path(raw, "hardlink target is not in the layer"),
                    e => io_err(raw, e),
                })?;
                true
            }
            tar::EntryType::Fifo => {
                create(false, &|| {
                    rustix::fs::mknodat(parent, name, FileType::Fifo, Mode::from_raw_mode(0o600), 0)
                })?
                .map_err(|e| io_err(raw, e))?;
                self.finish_node(parent, &parent_path, name, parts, meta, true)?;
                true
            }
            // Only whiteouts get here (see `entry`).
            tar::EntryType::Char => {
                create(false, &|| {
                    rustix::fs::mknodat(
                        parent,
                        name,
                        FileType::CharacterDevice,
                        Mode::from_raw_mode(0o600),
                        0,
                    )
                })?
                .map_err(|e| io_err(raw, e))?;
                self.finish_node(parent, &parent_path, name, parts, meta, true)?;
                true
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
        clear(parent, parent_path, hidden, false).map_err(|e| io_err(raw, e))?;
        rustix::fs::mknodat(parent, hidden, FileType::CharacterDevice, Mode::empty(), 0)
            .map_err(|e| io_err(raw, e))?;
        self.stats.files += 1;
        Ok(())
    }

    fn regular<R: Read>(
        &mut self,
        archive: &mut Archive<R>,
        t: &Target<'_>,
        parent_path: &Path,
    ) -> Result<()> {
        let raw = t.raw;
        // Created with its final permission bits: when the owner needs no change and
        // the umask takes nothing away, no chmod is needed afterwards.
        let open = || {
            rustix::fs::openat(
                t.parent,
                t.name,
                OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC,
                Mode::from_raw_mode(t.meta.mode & 0o777),
            )
        };
        let fd = match open() {
            Err(Errno::EXIST) => {
                clear(t.parent, parent_path, t.name, false).map_err(|e| io_err(raw, e))?;
                open()
            }
            other => other,
        }
        .map_err(|e| io_err(raw, e))?;
        let mut file = std::fs::File::from(fd);
        match &t.entry.sparse {
            None => {
                self.copy_data(archive, &mut file, u64::MAX, raw)?;
            }
            Some(map) => {
                // Holes are skipped, never written: the file stays as sparse as the tar says.
                for run in &map.fragments {
                    file.seek(SeekFrom::Start(run.offset))
                        .map_err(|e| io_err(raw, e))?;
                    self.copy_data(archive, &mut file, run.length, raw)?;
                }
                file.set_len(map.real_size).map_err(|e| io_err(raw, e))?;
            }
        }
        let chowned = self.set_owner(t.parent, t.name, t.parts, t.meta, true)?;
        // chmod after chown: chown clears setuid and setgid.
        if chowned || t.meta.mode & 0o7000 != 0 || t.meta.mode & self.umask != 0 {
            rustix::fs::fchmod(&file, Mode::from_raw_mode(t.meta.mode))
                .map_err(|e| io_err(raw, e))?;
        }
        apply_xattrs(&file, &t.meta.xattrs, raw)?;
        rustix::fs::futimens(&file, &times(t.meta.mtime)).map_err(|e| io_err(raw, e))
    }

    /// Copy up to `limit` bytes of the entry's data (all of it with `u64::MAX`) into
    /// `file` at its position.
    fn copy_data<R: Read>(
        &mut self,
        archive: &mut Archive<R>,
        file: &mut std::fs::File,
        limit: u64,
        raw: &str,
    ) -> Result<()> {
        let mut left = limit;
        while left > 0 {
            let want = self
                .buf
                .len()
                .min(usize::try_from(left).unwrap_or(usize::MAX));
            let n = match archive.read_data(&mut self.buf[..want]) {
                Ok(0) if limit == u64::MAX => break,
                Ok(0) => {
                    return Err(StorageError::MalformedLayer(format!(
                        "the sparse data of {raw:?} is shorter than its map"
                    )))
                }
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(read_err(raw, e)),
            };
            file.write_all(&self.buf[..n]).map_err(|e| io_err(raw, e))?;
            self.stats.bytes += n as u64;
            left -= n as u64;
        }
        Ok(())
    }

    /// The directory and name of a hardlink's target, an entry already unpacked
    /// beneath the root (a symlink itself, never what it points to).
    fn hardlink_target(&self, entry: &Entry, raw: &str) -> Result<(OwnedFd, OsString)> {
        let target = entry
            .link
            .as_deref()
            .ok_or_else(|| unsafe_path(raw, "hardlink without a target"))?;
        let mut tparts = clean_path(target)
            .map_err(|_| unsafe_path(raw, "hardlink target outside the layer"))?;
        let Some(tname) = tparts.pop() else {
            return Err(unsafe_path(raw, "hardlink to the layer root"));
        };
        // Looked up, never created: a missing target fails the entry.
        let rel: PathBuf = std::iter::once(OsStr::new("."))
            .chain(tparts.iter().map(|p| p.as_os_str()))
            .collect();
        let tparent = rustix::fs::openat2(&self.root, &rel, DIR_FLAGS, Mode::empty(), BENEATH)
            .map_err(|e| match e {
                Errno::NOENT => unsafe_path(raw, "hardlink target is not in the layer"),
                e => resolve_err(raw, e),
            })?;
        Ok((tparent, tname))
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
        let (uid, gid) = self
            .opts
            .owner
            .map_or((meta.uid, meta.gid), |(u, g)| (u.into(), g.into()));
        if !self.opts.preserve_ownership
            || (fresh && (uid, gid) == (self.creator.0.into(), self.creator.1.into()))
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
        let result = match (id(uid), id(gid)) {
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
                uid: u32::try_from(uid).unwrap_or(u32::MAX),
                gid: u32::try_from(gid).unwrap_or(u32::MAX),
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

#[cfg(test)]
mod tests;
