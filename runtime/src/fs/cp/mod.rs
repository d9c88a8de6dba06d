//! `cp` between the host and a container, running or stopped (Podman's `podman cp`
//! semantics: a file or a directory, `DIR/.` for a directory's contents, `-` for a
//! tar stream on stdin or stdout).
//!
//! Everything happens in one helper process that is root in the container's user
//! namespace (`access`), so that files get the container's owners on the way in
//! and the caller's on the way out. Paths inside the container are resolved inside
//! its root only ([`crate::fs::inroot::Root`]): `..` and the image's symlinks,
//! absolute or relative, never lead out of it. The copy itself is one tar stream,
//! written from a tree walked by descriptors (`tree`) and unpacked by the store's
//! hardened unpacker into the destination directory, held open by descriptor
//! ([`coracle_storage::unpack::unpack_into`]): entries land beneath it, never
//! through a symlink. `target` applies Podman's rules for the destination.

mod access;
mod target;
pub(crate) mod tree;

use std::ffi::OsString;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::path::{Component, Path, PathBuf};

use coracle_storage::containers::ContainerRecord;
use coracle_storage::unpack::{unpack_into, Compression, UnpackOptions};
use coracle_storage::Store;
use rustix::fs::{Mode, OFlags};

use crate::error::Result;
use crate::fs::inroot::Root;
use crate::ids::idmap::UserNsPlan;
use crate::spec::ContainerConfig;
use crate::sys;
use target::Source;

/// The host's end of a copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostEnd {
    /// A host path (relative to the current directory unless absolute).
    Path(PathBuf),
    /// `-`: a tar stream, read from stdin or written to stdout.
    Stream,
}

/// How to copy.
#[derive(Clone, Copy, Debug)]
pub struct CopyOptions {
    /// Podman's `--archive` (default true): files copied into a container belong to
    /// its user (root unless the container has `--user`); false: they keep the
    /// source's numeric owners, inside the container's id range.
    pub archive: bool,
    /// Allow replacing a directory with a non-directory and the other way round.
    pub overwrite: bool,
}

/// Copy `source` from the host into the container at `dest`, a path inside it.
pub fn copy_in(
    store: &Store,
    record: &ContainerRecord,
    stored_plan: Option<&UserNsPlan>,
    source: &HostEnd,
    dest: &str,
    opts: CopyOptions,
) -> Result<()> {
    let config = ContainerConfig::from_json(&record.id, &record.config)?;
    if let HostEnd::Path(src) = source {
        std::fs::metadata(src)
            .map_err(|e| crate::RuntimeError::io("cannot copy", src.clone(), e))?;
    }
    let user = config.user.clone();
    let in_userns = stored_plan.is_some();
    access::with_root(store, record, &config, stored_plan, |root| {
        let owner = match opts.archive {
            true => Some(container_owner(root, user.as_deref())?),
            false => None,
        };
        let unpack = UnpackOptions {
            overlay_xattr_prefix: if in_userns {
                "user.overlay.".into()
            } else {
                "trusted.overlay.".into()
            },
            ignore_chown_errors: false,
            preserve_ownership: true,
            owner,
            whiteouts: false,
        };
        let resolve = |p: &Path| root.resolve(p);
        match source {
            HostEnd::Stream => {
                let dir = resolve(Path::new(dest))
                    .map_err(|e| format!("{dest} in the container: {e}"))?;
                if !target::is_dir(&dir) {
                    return Err(format!(
                        "{dest} in the container is not a directory: a tar stream is unpacked into an existing directory"
                    ));
                }
                let stdin = File::from(dup(rustix::stdio::stdin())?);
                unpack_into(stdin, Compression::None, reopen_dir(&dir)?, &unpack)
                    .map(|_| ())
                    .map_err(|e| format!("unpack the tar stream into {dest}: {e}"))
            }
            HostEnd::Path(src) => {
                let node = open_host(src).map_err(|e| format!("{}: {e}", src.display()))?;
                let source = Source::of(&node, src.as_os_str())?;
                let t = target::plan(resolve, dest, &source, opts.overwrite)?;
                stream(node, &t, &unpack)
            }
        }
    })
}

/// Copy `source`, a path inside the container, to the host.
pub fn copy_out(
    store: &Store,
    record: &ContainerRecord,
    stored_plan: Option<&UserNsPlan>,
    source: &str,
    dest: &HostEnd,
    opts: CopyOptions,
) -> Result<()> {
    let config = ContainerConfig::from_json(&record.id, &record.config)?;
    access::with_root(store, record, &config, stored_plan, |root| {
        let node = root
            .resolve(Path::new(source))
            .map_err(|e| format!("{source} in the container: {e}"))?;
        let src = Source::of(&node, source.as_ref())?;
        match dest {
            HostEnd::Stream => {
                let mut out =
                    tar::Builder::new(BufWriter::new(File::from(dup(rustix::stdio::stdout())?)));
                let name = src.name.clone().unwrap_or_else(|| ".".into());
                let top = (!src.contents).then(|| PathBuf::from(&name));
                tree::append(&mut out, node, top.as_deref())
                    .and_then(|()| out.into_inner())
                    .and_then(|mut w| w.flush())
                    .map_err(|e| format!("write the tar stream: {e}"))
            }
            HostEnd::Path(d) => {
                // Copied out, files belong to the caller (root in this namespace).
                let unpack = UnpackOptions {
                    overlay_xattr_prefix: "user.overlay.".into(),
                    ignore_chown_errors: false,
                    preserve_ownership: false,
                    owner: None,
                    whiteouts: false,
                };
                let t = target::plan(open_host, &d.to_string_lossy(), &src, opts.overwrite)?;
                stream(node, &t, &unpack)
            }
        }
    })
}

/// The uid and gid that own files copied in with `--archive`: the container's user,
/// looked up in its own /etc/passwd and /etc/group (resolved inside its root).
fn container_owner(root: &Root, user: Option<&str>) -> std::result::Result<(u32, u32), String> {
    let Some(spec) = user.filter(|u| !u.is_empty()) else {
        return Ok((0, 0));
    };
    let rootfs = fd_path(root.fd());
    crate::ids::passwd::resolve_user(&rootfs, spec)
        .map(|u| (u.uid, u.gid))
        .map_err(|e| format!("the container's user: {e}"))
}

/// Write the tree at `node` as a tar into a pipe, and unpack it into the target on
/// the other end; both run at once (the stream is never held in memory or on disk).
fn stream(
    node: OwnedFd,
    t: &target::Target,
    opts: &UnpackOptions,
) -> std::result::Result<(), String> {
    let (r, w) = sys::pipe().map_err(|e| format!("create pipe: {e}"))?;
    let dir = reopen_dir(&t.dir)?;
    let top = t.name.as_ref().map(PathBuf::from);
    std::thread::scope(|s| {
        let writer = s.spawn(move || {
            let mut b = tar::Builder::new(BufWriter::new(File::from(w)));
            tree::append(&mut b, node, top.as_deref())
                .and_then(|()| b.into_inner())
                .and_then(|mut w| w.flush())
        });
        let unpacked = unpack_into(File::from(r), Compression::None, dir, opts);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("the tar writer panicked")));
        match (written, unpacked) {
            (Err(e), _) => Err(format!("read the source: {e}")),
            (Ok(()), Err(e)) => Err(format!("write the destination: {e}")),
            (Ok(()), Ok(_)) => Ok(()),
        }
    })
}

/// A host path opened (`O_PATH`, following symlinks as the host does: these are the
/// caller's own paths).
fn open_host(path: &Path) -> std::io::Result<OwnedFd> {
    Ok(rustix::fs::open(
        path,
        OFlags::PATH | OFlags::CLOEXEC,
        Mode::empty(),
    )?)
}

/// A directory held by an `O_PATH` descriptor, opened for reading.
fn reopen_dir(dir: &OwnedFd) -> std::result::Result<OwnedFd, String> {
    rustix::fs::openat(
        dir,
        ".",
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .map_err(|e| format!("open the destination directory: {e}"))
}

fn dup(fd: std::os::fd::BorrowedFd<'_>) -> std::result::Result<OwnedFd, String> {
    rustix::io::fcntl_dupfd_cloexec(fd, 3).map_err(|e| format!("duplicate a descriptor: {e}"))
}

/// The path of an open descriptor itself (its /proc/self/fd link), for calls that
/// take a path.
fn fd_path(fd: impl AsFd) -> PathBuf {
    use std::os::fd::AsRawFd;
    PathBuf::from(format!("/proc/self/fd/{}", fd.as_fd().as_raw_fd()))
}

/// The last named component of `path`, if it has one (`/` and `..` do not).
fn last_name(path: &Path) -> Option<OsString> {
    match path.components().next_back() {
        Some(Component::Normal(n)) => Some(n.to_os_string()),
        _ => None,
    }
}
