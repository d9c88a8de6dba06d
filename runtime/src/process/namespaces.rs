//! How a container's namespaces are made. Those made new are `CLONE_NEW*` flags of the
//! clone; those shared with the host are simply not made; those joined (another
//! container's, or one at a path) are opened before the clone, by the caller, and
//! entered with `setns` by a short-lived intermediate process: first the user
//! namespace that owns them (a rootless container's namespaces belong to its own
//! user namespace, so a container that joins them lives in it too, with its mapping),
//! then the others. The intermediate process then clones the container process as a
//! sibling (`CLONE_PARENT`), so the container stays the caller's child and the caller
//! never leaves its own namespaces.

use std::io::Read;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::path::PathBuf;

use rustix::fs::{Mode, OFlags};

use crate::error::{Result, RuntimeError};
use crate::process::join::{identity, ContainerNamespaces};
use crate::sys;

/// Where a joined namespace comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JoinSource {
    /// The init of a running container: its host pid and recorded start (Unix
    /// seconds), checked when its namespaces are opened (a reused pid is refused).
    Container {
        /// Host pid of the container's init.
        pid: i32,
        /// Its recorded start.
        started: Option<i64>,
    },
    /// A namespace file (`ns:PATH`).
    Path(PathBuf),
}

/// One namespace to join.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JoinTarget {
    /// Its `CLONE_NEW*` flag.
    pub flag: libc::c_int,
    /// Its name under `/proc/PID/ns`.
    pub proc_name: &'static str,
    /// The flag that asked for it, for messages (`--network container:a`).
    pub what: String,
    /// Where it is.
    pub source: JoinSource,
}

/// How the container's namespaces are made.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NamespaceSetup {
    /// `CLONE_NEW*` flags of the namespaces made new, the user namespace excepted
    /// (made new unless a joined namespace brings its owner).
    pub new: libc::c_int,
    /// The namespaces joined. Not serialized: a spec travels to a container process
    /// cloned early only when it joins nothing ([`crate::process::early::EarlyStart`]).
    #[serde(skip)]
    pub joins: Vec<JoinTarget>,
    /// A user namespace to join although no other namespace is joined: the shared
    /// rootless network namespace's, so that the holder's side can configure the
    /// container's new network namespace (`/proc/HOLDER/ns/user`).
    pub user: Option<PathBuf>,
}

/// The joined namespaces, open: what the intermediate process enters.
pub(crate) struct OpenJoins {
    /// The user namespace that owns them, when it is not the caller's.
    user: Option<OwnedFd>,
    /// `(flag, what, fd)` in joining order.
    others: Vec<(libc::c_int, String, OwnedFd)>,
}

fn refuse(what: &str, why: impl std::fmt::Display) -> RuntimeError {
    RuntimeError::Start(format!("{what}: {why}"))
}

impl OpenJoins {
    /// Open every target (a namespace that is already the caller's needs no
    /// joining) and the user namespace that owns them. Rootless (`rootless`), that
    /// owner must be another user namespace (the caller cannot enter namespaces of
    /// the host's), and all targets must share it.
    pub(crate) fn open(setup: &NamespaceSetup, rootless: bool) -> Result<OpenJoins> {
        let mut joins = OpenJoins::open_targets(&setup.joins, rootless)?;
        if let (Some(path), None) = (&setup.user, &joins.user) {
            let fd = rustix::fs::open(
                path.as_path(),
                OFlags::RDONLY | OFlags::CLOEXEC,
                Mode::empty(),
            )
            .map_err(|e| {
                refuse(
                    "join the rootless network's user namespace",
                    format!("open {}: {e}", path.display()),
                )
            })?;
            joins.user = Some(fd);
        }
        Ok(joins)
    }

    fn open_targets(targets: &[JoinTarget], rootless: bool) -> Result<OpenJoins> {
        let own_user = rustix::fs::stat("/proc/self/ns/user")
            .map(|st| (st.st_dev, st.st_ino))
            .map_err(|e| refuse("read the caller's user namespace", e))?;
        let mut opened: Vec<(i32, ContainerNamespaces)> = Vec::new();
        let mut user: Option<(OwnedFd, (u64, u64), String)> = None;
        let mut others = Vec::new();
        for t in targets {
            let fd = match &t.source {
                JoinSource::Container { pid, started } => {
                    if !opened.iter().any(|(p, _)| p == pid) {
                        opened.push((*pid, ContainerNamespaces::open(*pid, *started)?));
                    }
                    let ns = opened.iter().find(|(p, _)| p == pid).map(|(_, ns)| ns);
                    match ns.and_then(|ns| ns.namespace(t.proc_name)) {
                        Some(fd) => Some(duplicate(fd).map_err(|e| refuse(&t.what, e))?),
                        None => None, // the caller's own already
                    }
                }
                JoinSource::Path(path) => {
                    let fd = rustix::fs::open(
                        path.as_path(),
                        OFlags::RDONLY | OFlags::CLOEXEC,
                        Mode::empty(),
                    )
                    .map_err(|e| refuse(&t.what, format!("open {}: {e}", path.display())))?;
                    let own = rustix::fs::stat(format!("/proc/self/ns/{}", t.proc_name).as_str());
                    let same = matches!((identity(&fd), own),
                        (Ok(theirs), Ok(own)) if theirs == (own.st_dev, own.st_ino));
                    (!same).then_some(fd)
                }
            };
            let Some(fd) = fd else { continue };
            let owner = sys::namespace_owner(fd.as_fd())
                .map_err(|e| refuse(&t.what, format!("{e}: is it a {} namespace?", t.proc_name)))?;
            let owner_id = identity(&owner).map_err(|e| refuse(&t.what, e))?;
            if owner_id == own_user {
                if rootless {
                    return Err(refuse(
                        &t.what,
                        "the namespace belongs to the host's user namespace, which only root can join namespaces of; rootless containers join the namespaces of other containers (container:NAME)",
                    ));
                }
            } else if !rootless {
                return Err(refuse(
                    &t.what,
                    "the namespace belongs to a rootless user namespace, which a container run by root does not join",
                ));
            } else {
                match &user {
                    None => user = Some((owner, owner_id, t.what.clone())),
                    Some((_, id, first)) if *id != owner_id => {
                        return Err(refuse(
                            &t.what,
                            format!("its namespace belongs to another user namespace than the one of {first}; join namespaces of one container"),
                        ))
                    }
                    Some(_) => {}
                }
            }
            others.push((t.flag, t.what.clone(), fd));
        }
        Ok(OpenJoins {
            user: user.map(|(fd, _, _)| fd),
            others,
        })
    }

    /// Nothing to join: the container is cloned directly.
    pub(crate) fn is_empty(&self) -> bool {
        self.others.is_empty() && self.user.is_none()
    }

    /// A user namespace is joined (so none is made).
    pub(crate) fn joins_userns(&self) -> bool {
        self.user.is_some()
    }

    /// Enter the namespaces, the user namespace first. Single-threaded caller only.
    fn enter(&self) -> std::result::Result<(), String> {
        if let Some(user) = &self.user {
            sys::setns(user.as_fd(), libc::CLONE_NEWUSER)
                .map_err(|e| format!("join the user namespace of what is joined: {e}"))?;
        }
        for (flag, what, fd) in &self.others {
            sys::setns(fd.as_fd(), *flag).map_err(|e| format!("{what}: join it: {e}"))?;
        }
        Ok(())
    }
}

fn duplicate(fd: BorrowedFd<'_>) -> std::io::Result<OwnedFd> {
    Ok(rustix::io::fcntl_dupfd_cloexec(fd, 3)?)
}

/// Clone the container process with `flags` after entering `joins`: an intermediate
/// process enters them and clones the container as the caller's child. Returns 0 in
/// the container process and its pid in the caller. The caller must be
/// single-threaded.
pub(crate) fn clone_joined(flags: libc::c_int, joins: &OpenJoins) -> Result<libc::pid_t> {
    let io_err = |what: &'static str| move |e: std::io::Error| refuse(what, e);
    let (answer_r, answer_w) = sys::pipe().map_err(io_err("create pipe"))?;
    let middle = sys::fork().map_err(io_err("fork to join namespaces"))?;
    if middle == 0 {
        drop(answer_r);
        let cloned = joins.enter().and_then(|()| {
            sys::clone_into_namespaces(flags | libc::CLONE_PARENT)
                .map_err(|e| format!("clone into new namespaces: {e}"))
        });
        let answer = match cloned {
            // The container process: the caller reads its answer until every
            // writer is gone.
            Ok(0) => {
                drop(answer_w);
                return Ok(0);
            }
            Ok(pid) => format!("ok {pid}"),
            Err(e) => format!("err {e}"),
        };
        let _ = rustix::io::write(&answer_w, answer.as_bytes());
        sys::exit_now(0)
    }
    drop(answer_w);
    let mut answer = String::new();
    let _ = std::fs::File::from(answer_r).read_to_string(&mut answer);
    let _ = sys::wait_pid(middle);
    match answer.split_once(' ') {
        Some(("ok", pid)) => pid
            .parse()
            .map_err(|_| RuntimeError::Start(format!("joining namespaces said {answer:?}"))),
        Some(("err", e)) => Err(RuntimeError::Start(e.to_string())),
        _ => Err(RuntimeError::Start(
            "the process joining the namespaces ended without a word".into(),
        )),
    }
}
