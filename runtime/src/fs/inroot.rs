//! Paths inside a container's root filesystem, resolved the way the container will
//! see them after pivot_root: an absolute symlink of the image starts again at the
//! root of the image, `..` stops at it, and nothing outside the root is ever looked
//! at, created or returned.
//!
//! A path that exists is resolved by the kernel in one `openat2(RESOLVE_IN_ROOT |
//! RESOLVE_NO_MAGICLINKS)` call. What is missing is created one component at a time,
//! each relative to the descriptor of its parent and opened with `O_NOFOLLOW`; a
//! symlink met on the way is read and followed by hand, inside the root, so that a
//! dangling link of the image (`/etc -> /nowhere`) gets its target created inside
//! the root as well, never on the host.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::io;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::ffi::OsStringExt;
use std::path::{Component, Path};

use rustix::fs::{FileType, Mode, OFlags, ResolveFlags};

/// Linux's own limit on the symlinks followed in one path lookup.
const MAX_SYMLINKS: usize = 40;

/// How often an `openat2` that the kernel asks to retry is tried again before the path
/// is walked by hand instead.
///
/// With `RESOLVE_IN_ROOT` the kernel answers EAGAIN when any mount, unmount or rename
/// anywhere on the machine happened while the lookup passed a `..` (it cannot then
/// prove that `..` stayed below the root). A path with many `..`, looked up while
/// other containers start and stop, can meet that on every try for a while; the walk
/// by hand handles `..` itself and does not depend on what happens elsewhere.
const RETRIES: usize = 8;

/// The root directory of a container, held open; every lookup starts from it.
#[derive(Debug)]
pub struct Root {
    dir: OwnedFd,
}

/// What to create at the end of a missing path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Create {
    Dir,
    File,
}

impl Root {
    /// Open `path` (a directory of the host, or "/" after pivot_root) as a root.
    pub fn open(path: &Path) -> io::Result<Root> {
        let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
        Ok(Root {
            dir: rustix::fs::open(path, flags, Mode::empty())?,
        })
    }

    /// Take `dir` (a directory descriptor, `O_PATH` is enough) as a root: a running
    /// container's root opened from `/proc/PID/root`, say.
    pub fn from_fd(dir: OwnedFd) -> Root {
        Root { dir }
    }

    /// The root directory itself.
    pub fn fd(&self) -> BorrowedFd<'_> {
        self.dir.as_fd()
    }

    /// An `O_PATH` descriptor of the existing `path` (absolute or not, both are taken
    /// from the root). Fails with ENOENT when something on the way is missing.
    pub fn resolve(&self, path: &Path) -> io::Result<OwnedFd> {
        self.open_in_root(path, OFlags::PATH)
    }

    /// `path` opened for reading, without blocking on a FIFO or taking a terminal.
    pub fn open_read(&self, path: &Path) -> io::Result<OwnedFd> {
        self.open_in_root(path, OFlags::RDONLY | OFlags::NONBLOCK | OFlags::NOCTTY)
    }

    /// The existing file at `path` opened for writing (not created, not truncated).
    pub fn open_write(&self, path: &Path) -> io::Result<OwnedFd> {
        self.open_in_root(path, OFlags::WRONLY | OFlags::NONBLOCK | OFlags::NOCTTY)
    }

    /// The directory at `path`, created with its missing parents (mode 0755) inside
    /// the root when it does not exist. Whatever already exists there is returned
    /// as it is (a mount onto a file that should be a directory then fails).
    pub fn ensure_dir(&self, path: &Path) -> io::Result<OwnedFd> {
        self.ensure(path, Create::Dir)
    }

    /// The file at `path`, created empty (mode 0644, missing parents 0755) inside the
    /// root when it does not exist; something that exists is returned as it is.
    pub fn ensure_file(&self, path: &Path) -> io::Result<OwnedFd> {
        self.ensure(path, Create::File)
    }

    fn ensure(&self, path: &Path, create: Create) -> io::Result<OwnedFd> {
        match self.open_in_root(path, OFlags::PATH) {
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {
                self.walk(path, Some(create), OFlags::PATH)
            }
            other => other,
        }
    }

    /// One `openat2` from the root: symlinks stay inside it, magic links are refused.
    /// Kernels without `openat2`, and lookups the kernel keeps asking to retry (see
    /// [`RETRIES`]), get the same resolution walked by hand.
    fn open_in_root(&self, path: &Path, flags: OFlags) -> io::Result<OwnedFd> {
        let resolve = ResolveFlags::IN_ROOT | ResolveFlags::NO_MAGICLINKS;
        let mut tries = 0;
        loop {
            match rustix::fs::openat2(
                &self.dir,
                path,
                flags | OFlags::CLOEXEC,
                Mode::empty(),
                resolve,
            ) {
                Err(rustix::io::Errno::AGAIN) if tries < RETRIES => tries += 1,
                Err(rustix::io::Errno::AGAIN | rustix::io::Errno::NOSYS) => {
                    return self.walk(path, None, flags);
                }
                other => return Ok(other?),
            }
        }
    }

    /// Resolve `path` one component at a time, following symlinks by hand inside the
    /// root; with `create`, missing components are made (directories, and a `create`
    /// at the end). The last component is opened with `open` (`O_PATH` or an access
    /// mode), never through a symlink.
    fn walk(&self, path: &Path, create: Option<Create>, open: OFlags) -> io::Result<OwnedFd> {
        let mut todo: VecDeque<OsString> = VecDeque::new();
        push_components(&mut todo, path);
        // The directories walked into below the root, each a child of the previous one.
        let mut stack: Vec<OwnedFd> = Vec::new();
        let mut links = 0;
        while let Some(name) = todo.pop_front() {
            if name == ".." {
                stack.pop();
                continue;
            }
            let last = todo.is_empty();
            let parent = stack.last().map_or(self.dir.as_fd(), |d| d.as_fd());
            let flags = OFlags::PATH | OFlags::NOFOLLOW | OFlags::CLOEXEC;
            match rustix::fs::openat(parent, &name, flags, Mode::empty()) {
                Ok(fd) => {
                    match rustix::fs::fstat(&fd).map(|st| FileType::from_raw_mode(st.st_mode))? {
                        FileType::Symlink => {
                            links += 1;
                            if links > MAX_SYMLINKS {
                                return Err(io::Error::from_raw_os_error(libc::ELOOP));
                            }
                            let target = rustix::fs::readlinkat(&fd, "", Vec::new())?;
                            let target = OsString::from_vec(target.into_bytes());
                            if Path::new(&target).is_absolute() {
                                stack.clear();
                            }
                            let mut rest = VecDeque::new();
                            push_components(&mut rest, Path::new(&target));
                            rest.extend(todo.drain(..));
                            todo = rest;
                        }
                        _ if last && open == OFlags::PATH => return Ok(fd),
                        _ if last => {
                            let flags = open | OFlags::NOFOLLOW | OFlags::CLOEXEC;
                            return Ok(rustix::fs::openat(parent, &name, flags, Mode::empty())?);
                        }
                        FileType::Directory => stack.push(fd),
                        _ => return Err(io::Error::from_raw_os_error(libc::ENOTDIR)),
                    }
                }
                Err(rustix::io::Errno::NOENT) => {
                    let Some(kind) = create else {
                        return Err(io::Error::from_raw_os_error(libc::ENOENT));
                    };
                    if last && kind == Create::File {
                        return create_file_in(parent, &name);
                    }
                    let dir = create_dir_in(parent, &name)?;
                    if last {
                        return Ok(dir);
                    }
                    stack.push(dir);
                }
                Err(e) => return Err(e.into()),
            }
        }
        // The path ended at a directory (`/`, `..`, a link to a directory).
        let at = stack.last().map_or(self.dir.as_fd(), |d| d.as_fd());
        let flags = open | OFlags::DIRECTORY | OFlags::CLOEXEC;
        Ok(rustix::fs::openat(at, ".", flags, Mode::empty())?)
    }
}

/// Queue the named components of `path` (`..` kept, `/` and `.` dropped).
fn push_components(todo: &mut VecDeque<OsString>, path: &Path) {
    for c in path.components() {
        match c {
            Component::Normal(n) => todo.push_back(n.to_os_string()),
            Component::ParentDir => todo.push_back("..".into()),
            Component::RootDir | Component::CurDir | Component::Prefix(_) => {}
        }
    }
}

/// A new directory `name` (0755) in `dir`, opened with `O_PATH`. One that appeared in
/// the meantime is opened instead, but never through a symlink.
pub fn create_dir_in(dir: BorrowedFd<'_>, name: impl AsRef<Path>) -> io::Result<OwnedFd> {
    let name = name.as_ref();
    match rustix::fs::mkdirat(dir, name, Mode::from_raw_mode(0o755)) {
        Ok(()) | Err(rustix::io::Errno::EXIST) => {}
        Err(e) => return Err(e.into()),
    }
    let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    Ok(rustix::fs::openat(dir, name, flags, Mode::empty())?)
}

/// A new empty file `name` (0644) in `dir`; fails if anything exists under that name.
pub fn create_file_in(dir: BorrowedFd<'_>, name: impl AsRef<Path>) -> io::Result<OwnedFd> {
    let flags = OFlags::RDONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    Ok(rustix::fs::openat(
        dir,
        name.as_ref(),
        flags,
        Mode::from_raw_mode(0o644),
    )?)
}

/// Read the regular file `fd` refers to, refusing one longer than `limit` bytes.
pub fn read_bounded(fd: OwnedFd, limit: u64) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::new();
    std::fs::File::from(fd)
        .take(limit + 1)
        .read_to_end(&mut out)?;
    if out.len() as u64 > limit {
        return Err(io::Error::other(format!("larger than {limit} bytes")));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    /// The host path an fd refers to.
    fn where_is(fd: &OwnedFd) -> std::path::PathBuf {
        std::fs::read_link(format!(
            "/proc/self/fd/{}",
            std::os::fd::AsRawFd::as_raw_fd(fd)
        ))
        .unwrap()
    }

    fn hostile_tree() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("root");
        let outside = d.path().join("outside");
        std::fs::create_dir_all(root.join("real")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        // Absolute and relative links that point out of the root on the host.
        symlink(&outside, root.join("abs")).unwrap();
        symlink("../../../../../../../../outside", root.join("rel")).unwrap();
        symlink("/real", root.join("inside")).unwrap();
        symlink("/nowhere/deeper", root.join("dangling")).unwrap();
        (d, root, outside)
    }

    #[test]
    fn links_out_of_the_root_land_inside_it() {
        let (_d, root, outside) = hostile_tree();
        let r = Root::open(&root).unwrap();
        for link in ["/abs/etc/hosts", "rel/etc/hosts", "/../../abs/etc/hosts"] {
            let fd = r.ensure_file(Path::new(link)).unwrap();
            let at = where_is(&fd);
            assert!(at.starts_with(&root), "{link} resolved to {}", at.display());
        }
        assert_eq!(
            std::fs::read_dir(&outside).unwrap().count(),
            0,
            "created outside"
        );
        // The absolute link's target path was made inside the root.
        assert!(root
            .join(outside.strip_prefix("/").unwrap())
            .join("etc/hosts")
            .is_file());
        assert!(root.join("outside/etc/hosts").is_file());
    }

    #[test]
    fn existing_paths_and_dangling_links() {
        let (_d, root, _) = hostile_tree();
        let r = Root::open(&root).unwrap();
        assert_eq!(
            where_is(&r.resolve(Path::new("/inside")).unwrap()),
            root.join("real")
        );
        assert_eq!(
            r.resolve(Path::new("/nope")).unwrap_err().raw_os_error(),
            Some(libc::ENOENT)
        );
        let fd = r.ensure_dir(Path::new("/dangling/x")).unwrap();
        assert_eq!(where_is(&fd), root.join("nowhere/deeper/x"));
        assert_eq!(where_is(&r.ensure_dir(Path::new("/")).unwrap()), root);
        // An existing file is returned as it is, not replaced.
        std::fs::write(root.join("real/f"), "kept").unwrap();
        r.ensure_file(Path::new("/inside/f")).unwrap();
        assert_eq!(
            std::fs::read_to_string(root.join("real/f")).unwrap(),
            "kept"
        );
    }

    #[test]
    fn symlink_loops_and_files_in_the_way_fail() {
        let (_d, root, _) = hostile_tree();
        symlink("/loop", root.join("loop")).unwrap();
        std::fs::write(root.join("file"), "").unwrap();
        let r = Root::open(&root).unwrap();
        let e = r.ensure_file(Path::new("/loop/x")).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ELOOP));
        let e = r.ensure_dir(Path::new("/file/x")).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ENOTDIR));
    }

    #[test]
    fn lookups_through_many_dotdots_hold_while_renames_race_them() {
        let (d, root, _outside) = hostile_tree();
        // A link that climbs through 24 `..`, as the hostile cp image's `/out` does.
        symlink(format!("{}real", "../".repeat(24)), root.join("climb")).unwrap();
        std::fs::write(root.join("real/f"), "f").unwrap();
        // Every rename on the machine bumps the kernel's rename sequence, which makes a
        // scoped `..` answer EAGAIN; this thread renames without pause.
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let churn = d.path().join("churn");
        std::fs::write(&churn, "").unwrap();
        let renamer = {
            let stop = stop.clone();
            let (a, b) = (churn.clone(), d.path().join("churn2"));
            std::thread::spawn(move || {
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    std::fs::rename(&a, &b).unwrap();
                    std::fs::rename(&b, &a).unwrap();
                }
            })
        };
        let r = Root::open(&root).unwrap();
        let deep = format!("/climb/{}climb/f", "../".repeat(24));
        let outcome = (0..30000).try_for_each(|i| {
            let fd = r
                .resolve(Path::new(&deep))
                .map_err(|e| format!("try {i}: {e}"))?;
            let read = r
                .open_read(Path::new(&deep))
                .map_err(|e| format!("read {i}: {e}"))?;
            let text = std::io::read_to_string(std::fs::File::from(read));
            if text.map_err(|e| format!("read {i}: {e}"))? != "f" {
                return Err(format!("read {i}: another file"));
            }
            match where_is(&fd) == root.join("real/f") {
                true => Ok(()),
                false => Err(format!("try {i}: {}", where_is(&fd).display())),
            }
        });
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        renamer.join().unwrap();
        assert_eq!(outcome, Ok(()));
    }

    #[test]
    fn bounded_reads() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("f"), "12345").unwrap();
        let r = Root::open(d.path()).unwrap();
        let read = |limit| read_bounded(r.open_read(Path::new("/f")).unwrap(), limit);
        assert_eq!(read(5).unwrap(), b"12345");
        assert!(read(4).is_err());
    }
}
