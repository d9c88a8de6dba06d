//! Starting a container: the calling (single-threaded) CLI process clones the container
//! process into new namespaces as its direct child, maps its ids from outside, and then
//! supervises it. The child builds its filesystem, drops privileges and execs.
//!
//! Handshake: the child blocks on `sync` until the parent has written the id maps; any
//! failure before exec is written to `report` (close-on-exec, so a successful exec
//! closes it and the parent reads EOF). With `-t` the child also sends the master of
//! the pty it allocated in its own devpts over a socket ([`crate::process::pty::send_fd`]),
//! which the parent receives once the report is empty.
//!
//! The parent makes the container's cgroup and moves the child into it by pid before
//! releasing it; the child makes its cgroup namespace only then, so that the
//! namespace is rooted at the container's cgroup.
//!
//! The container never gets the caller's terminal or any other fd of the caller
//! above 2: it starts a new session, its streams are pipes or `/dev/null`
//! ([`crate::process::stdio`]) or its own pty, and every inherited fd from 3 up is
//! close-on-exec before anything execs.

use std::ffi::CString;
use std::io::{Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::path::Path;

use rustix::net::{AddressFamily, SocketFlags, SocketType};
use rustix::termios::Winsize;

use crate::error::{Result, RuntimeError};
use crate::fs::overlay::{self, FuseMount};
use crate::fs::rootfs::{self, MountPlan};
use crate::ids::idmap::{self, UserNsPlan};
use crate::ids::passwd;
use crate::process::exitcode;
use crate::process::limits::ProcessLimits;
use crate::process::namespaces::{self, NamespaceSetup, OpenJoins};
use crate::process::relay::Relay;
use crate::process::stdio::{self, ChildEnds, ParentEnds};
use crate::process::teardown::MountNamespaceHold;
use crate::security::caps::{self, CapSet};
use crate::security::seccomp::{self, Program};
use crate::spec::{Attach, TIMEOUT_EXIT_CODE};
use crate::sys;

/// What to run and how: everything decided before the clone. It travels to a
/// container process cloned before it was known
/// ([`EarlyStart`](crate::process::early::EarlyStart)) as JSON, without the
/// parts only the parent uses (the cgroup, the network hook, the log).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ContainerSpec {
    /// Filesystem layout.
    pub mounts: MountPlan,
    /// The command, `argv[0]` first.
    pub args: Vec<String>,
    /// Environment, "KEY=value".
    pub env: Vec<String>,
    /// Working directory inside the container.
    pub cwd: String,
    /// `-u user[:group]`, resolved inside the container; None is root.
    pub user: Option<String>,
    /// `--group-add`.
    pub groups: GroupAdd,
    /// The UTS hostname.
    pub hostname: String,
    /// Capabilities of the process.
    pub caps: CapSet,
    /// The seccomp filter, None for unconfined.
    pub seccomp: Option<Program>,
    /// `--security-opt no-new-privileges`.
    pub no_new_privs: bool,
    /// The user namespace mapping; None runs without a user namespace (as root).
    pub userns: Option<UserNsPlan>,
    /// Which namespaces are made new, shared with the host or joined.
    pub namespaces: NamespaceSetup,
    /// Allocate a pty (`-t`).
    pub tty: bool,
    /// Forward standard input (`-i`).
    pub interactive: bool,
    /// Run a minimal init as PID 1 (`--init`).
    pub init: bool,
    /// Run coracle's pause instead of the command (a pod's infra container).
    pub pause: bool,
    /// Keep running when the parent dies once the command runs (a detached
    /// container and its monitor); otherwise the container dies with its parent.
    pub survive_parent: bool,
    /// The cgroup to make and put the container's init into before it is released
    /// (None: the caller's cgroup, where it may make none).
    #[serde(skip)]
    pub cgroup: Option<crate::cgroups::Planned>,
    /// `--ulimit`, `--umask`, `--preserve-fds`.
    pub limits: ProcessLimits,
    /// `-a`: which of the caller's streams a foreground container uses.
    pub attach: Attach,
    /// `--timeout`: seconds after which the supervisor kills the container.
    pub timeout: Option<u32>,
    /// The k8s-file log a foreground container's output is also written to (as
    /// Podman's, so that `logs` shows it); None: not logged.
    #[serde(skip)]
    pub log: Option<LogTarget>,
    /// How its new network namespace is connected before it is released.
    #[serde(skip)]
    pub network: Option<crate::lifecycle::netns::NetworkHook>,
}

/// Where a container's output is logged, and how big the log may grow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogTarget {
    /// The k8s-file log.
    pub path: std::path::PathBuf,
    /// `--log-opt max-size`.
    pub max_size: Option<u64>,
}

/// `--group-add`: supplementary groups added to the user's, or the caller's kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GroupAdd {
    /// Gids or names of the container's /etc/group.
    pub names: Vec<String>,
    /// `keep-groups`: the caller's supplementary groups stay (unmapped ones show as
    /// the overflow gid), as Podman's with crun.
    pub keep_callers: bool,
}

impl GroupAdd {
    /// From the saved spec's list (`keep-groups` among the names).
    pub fn from_list(list: &[String]) -> GroupAdd {
        GroupAdd {
            names: list
                .iter()
                .filter(|g| *g != "keep-groups")
                .cloned()
                .collect(),
            keep_callers: list.iter().any(|g| g == "keep-groups"),
        }
    }
}

const TAG_EXEC: u8 = b'X';
pub(crate) const TAG_SETUP: u8 = b'S';

/// The `ptmx` of the container's own devpts instance (`newinstance`), as seen after
/// the pivot: where a `-t` container allocates its pty.
const CONTAINER_PTMX: &str = "/dev/pts/ptmx";

/// The parent's side of the container's streams until the relay starts.
pub(crate) enum ParentStreams {
    /// No terminal: the pipes' ends.
    Pipes(ParentEnds),
    /// `-t`: the socket on which the pty master arrives.
    Console(OwnedFd),
}

/// The child's side.
pub(crate) struct ChildStreams {
    /// Fds 0-2 from the start: pipes and /dev/null, or /dev/null until the pty.
    pub(crate) ends: ChildEnds,
    /// `-t`: the socket to send the pty master on, and the caller's window size.
    pub(crate) console: Option<(OwnedFd, Option<Winsize>)>,
}

/// The streams of both sides, made before the clone (or fork): pipes, or with `tty`
/// a socket on which the pty master will come back.
pub(crate) fn streams(tty: bool, interactive: bool) -> Result<(ParentStreams, ChildStreams)> {
    let err = |what: &'static str| move |e| RuntimeError::Start(format!("{what}: {e}"));
    if !tty {
        let (parent, child) = stdio::pipes(interactive).map_err(err("create pipes"))?;
        let child = ChildStreams {
            ends: child,
            console: None,
        };
        return Ok((ParentStreams::Pipes(parent), child));
    }
    let (parent, child) = rustix::net::socketpair(
        AddressFamily::UNIX,
        SocketType::STREAM,
        SocketFlags::CLOEXEC,
        None,
    )
    .map_err(|e| err("create the terminal socket")(e.into()))?;
    let window =
        crate::process::pty::caller_terminal().and_then(|t| rustix::termios::tcgetwinsize(t).ok());
    let child = ChildStreams {
        ends: ChildEnds::null().map_err(err("open /dev/null"))?,
        console: Some((child, window)),
    };
    Ok((ParentStreams::Console(parent), child))
}

/// A container process is forked from a single-threaded process only: what came
/// before (a pull's I/O threads) must have ended
/// ([`sys::single_threaded_after_ending_threads`]).
pub(crate) fn require_single_threaded() -> Result<()> {
    if sys::single_threaded_after_ending_threads() {
        return Ok(());
    }
    Err(RuntimeError::Start(
        "internal error: the container must be started from a single-threaded process".into(),
    ))
}

/// Run the container in the foreground and return its exit code (the command's status,
/// 128+n for a signal). Errors of setup come back as [`RuntimeError::Start`].
pub fn run(spec: &ContainerSpec) -> Result<i32> {
    start(spec)?.wait_foreground(spec)
}

/// A container whose command has been executed: its host pid, the parent's ends of its
/// streams, and what must live as long as it does.
pub struct Started {
    pub(crate) pid: i32,
    pub(crate) streams: ParentStreams,
    pub(crate) old_mask: crate::process::signals::SigMask,
    // Held until the container is gone: tears fuse-overlayfs down on drop.
    pub(crate) _fuse: Option<FuseMount>,
    /// Its mount namespace, held from its clone (see [`MountNamespaceHold`]).
    pub(crate) mount_ns: Option<MountNamespaceHold>,
}

/// The parent's ends of a started container's output, for a monitor to log.
pub enum Output {
    /// Without `-t`: its stdout and stderr pipes.
    Pipes {
        /// stdout's read end.
        stdout: OwnedFd,
        /// stderr's read end.
        stderr: OwnedFd,
    },
    /// `-t`: the pty master (both streams).
    Terminal(OwnedFd),
}

/// Clone the container process, map its ids, release it and wait until its command
/// was executed (or its setup failed: then the child is gone and the error returned).
/// The caller's forwarded signals stay blocked until [`Started`] is consumed.
pub fn start(spec: &ContainerSpec) -> Result<Started> {
    start_with(spec, &mut |_, _| Ok(()))
}

/// When [`start_with`] runs the caller's work beside the container's start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartStage {
    /// While the container's ids are mapped (see [`idmap::apply_while`]), before the
    /// container process is released: what it needs (its directories).
    Mapping,
    /// Once it is released, while it sets its root up: what it does not need (its
    /// record). The cores are busy with the mapping helpers before, and one is idle
    /// now.
    Released,
}

/// [`start`], running `beside` with the container's host pid at each
/// [`StartStage`]: work of the caller's that the container's start need not wait for.
/// A failure of `beside` fails the start (the container process is killed).
pub fn start_with(
    spec: &ContainerSpec,
    beside: &mut dyn FnMut(i32, StartStage) -> Result<()>,
) -> Result<Started> {
    require_single_threaded()?;
    let io_err =
        |what: &'static str| move |e: std::io::Error| RuntimeError::Start(format!("{what}: {e}"));
    let rootless = spec.userns.is_some();
    let joins = OpenJoins::open(&spec.namespaces, rootless)?;
    let new_userns = rootless && !joins.joins_userns();
    let (sync_r, sync_w) = sys::pipe().map_err(io_err("create pipe"))?;
    let (report_r, report_w) = sys::pipe().map_err(io_err("create pipe"))?;
    let (parent_streams, child_streams) = streams(spec.tty, spec.interactive)?;
    let old_mask = crate::process::signals::block_forwarded()?;

    // A new cgroup namespace is made by the child itself, once the parent moved it
    // into its cgroup (see `child`).
    let mut flags = libc::CLONE_NEWNS | (spec.namespaces.new & !libc::CLONE_NEWCGROUP);
    if new_userns {
        flags |= libc::CLONE_NEWUSER;
    }
    // In a user namespace of its own the child makes its other namespaces itself
    // (it holds every capability there from the start) while the parent maps its
    // ids: the network namespace above all costs the kernel time, which then runs
    // beside newuidmap and newgidmap instead of before them. It starts at once: the
    // helpers' starts no longer hold the parent (see `idmap::apply_while`), and
    // waiting for them left the namespaces the last thing the container waited for
    // (0.6 ms more per `run --rm` in alternating rounds).
    let deferred = if new_userns && joins.is_empty() {
        flags & DEFERRABLE_NAMESPACES
    } else {
        0
    };
    flags &= !deferred;
    // With deferred namespaces: `made` tells the parent they exist.
    let made = if deferred != 0 {
        Some(sys::pipe().map_err(io_err("create pipe"))?)
    } else {
        None
    };
    let (made_r, made_w) = made.unzip();
    let cloned = if joins.is_empty() {
        sys::clone_into_namespaces(flags).map_err(io_err("clone into new namespaces"))
    } else {
        namespaces::clone_joined(flags, &joins)
    };
    let pid = match cloned {
        Ok(pid) => pid,
        Err(e) => {
            let _ = crate::process::signals::restore_mask(&old_mask);
            return Err(e);
        }
    };
    if pid == 0 {
        // The container must not hold the parent's ends: a stdin pipe would never
        // see its end.
        drop((sync_w, report_r, parent_streams, made_r));
        let _ = crate::process::signals::restore_mask(&old_mask);
        if let Some(made_w) = made_w {
            make_deferred_namespaces(deferred, made_w, &report_w);
        }
        child(
            spec,
            set_up_when_made(deferred),
            sync_r,
            report_w,
            child_streams,
        )
    }
    drop((sync_r, report_w, child_streams, made_w));
    drop(joins);
    let ends = HandshakeEnds {
        sync_w,
        report_r,
        made_r,
    };
    match parent_handshake(pid, spec, new_userns, ends, parent_streams, beside) {
        Ok((streams, fuse)) => Ok(Started {
            pid,
            streams,
            old_mask,
            _fuse: fuse,
            mount_ns: None,
        }),
        Err(e) => {
            sys::kill(pid, libc::SIGKILL);
            let _ = sys::wait_pid(pid);
            let _ = crate::process::signals::restore_mask(&old_mask);
            if let Some(planned) = &spec.cgroup {
                let _ = planned.cgroup.remove();
            }
            Err(e)
        }
    }
}

impl Started {
    /// The host pid of the container's init.
    pub fn pid(&self) -> i32 {
        self.pid
    }

    /// The hold on the container's mount namespace, taken out so that it outlives
    /// the container: whoever drops it last tears the namespace down (`None` when
    /// the start took none, or it was taken).
    pub fn take_mount_namespace(&mut self) -> Option<MountNamespaceHold> {
        self.mount_ns.take()
    }

    /// Relay the container's streams to the caller's, forward signals, reap it and
    /// return its exit code.
    pub fn wait_foreground(self, spec: &ContainerSpec) -> Result<i32> {
        let Started {
            pid,
            streams,
            old_mask,
            _fuse,
            mount_ns: _,
        } = self;
        let watch = Watch {
            attach: spec.attach,
            timeout: spec.timeout,
            log: spec.log.as_ref(),
            // A foreground container has no monitor to hand it to.
            detach_keys: &[],
        };
        let status = relay_and_wait(pid, streams, spec.interactive, watch);
        let _ = crate::process::signals::restore_mask(&old_mask);
        status
    }

    /// For a monitor: the container's output ends (its stdin, if a pipe, is closed:
    /// a detached container reads end-of-file), and a guard to keep until the
    /// container is reaped. The signal mask is restored.
    pub fn into_output(self) -> (Output, KeepAlive) {
        let _ = crate::process::signals::restore_mask(&self.old_mask);
        let output = match self.streams {
            ParentStreams::Pipes(ends) => Output::Pipes {
                stdout: ends.stdout,
                stderr: ends.stderr,
            },
            ParentStreams::Console(master) => Output::Terminal(master),
        };
        (output, KeepAlive { _fuse: self._fuse })
    }
}

/// How a foreground container is watched: which of the caller's streams it uses
/// (`-a`), after how many seconds it is killed (`--timeout`) and where its output
/// is logged besides.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Watch<'a> {
    pub(crate) attach: Attach,
    pub(crate) timeout: Option<u32>,
    pub(crate) log: Option<&'a LogTarget>,
    /// With a terminal: the keys that detach the caller (`exec -it`); the process
    /// runs on, its terminal drained in the background.
    pub(crate) detach_keys: &'a [u8],
}

/// Relay the streams of the child `pid` to the caller's, forward signals to it, reap
/// it and return its exit code; `interactive` (`-i`) types the caller's input into a
/// pty. A stream `watch` does not attach is relayed from or to `/dev/null`; a
/// container killed by its timeout returns [`TIMEOUT_EXIT_CODE`]. The child is
/// killed when the relay cannot start.
pub(crate) fn relay_and_wait(
    pid: i32,
    streams: ParentStreams,
    interactive: bool,
    watch: Watch<'_>,
) -> Result<i32> {
    let child_pid = rustix::process::Pid::from_raw(pid)
        .ok_or_else(|| RuntimeError::Start("clone returned an invalid pid".into()))?;
    let null = rustix::fs::open(
        "/dev/null",
        rustix::fs::OFlags::RDWR | rustix::fs::OFlags::CLOEXEC,
        rustix::fs::Mode::empty(),
    )
    .map_err(|e| RuntimeError::Start(format!("open /dev/null: {e}")))?;
    let pick = |attached: bool, fd| if attached { fd } else { null.as_fd() };
    let (stdin, stdout, stderr) = (
        pick(watch.attach.stdin, rustix::stdio::stdin()),
        pick(watch.attach.stdout, rustix::stdio::stdout()),
        pick(watch.attach.stderr, rustix::stdio::stderr()),
    );
    // A log that cannot be opened does not stop the container: it runs unlogged.
    let log = watch
        .log
        .and_then(|l| coracle_monitor::log::LogWriter::open(Some(&l.path), l.max_size).ok());
    let relay = match streams {
        ParentStreams::Pipes(ends) => Relay::pipes(ends, stdin, stdout, stderr),
        ParentStreams::Console(master) => {
            Relay::terminal(master, interactive.then_some(stdin), stdout)
        }
    }
    .map(|relay| relay.logging_to(log).detaching_on(watch.detach_keys));
    let deadline = watch
        .timeout
        .map(|secs| std::time::Instant::now() + std::time::Duration::from_secs(secs.into()));
    let status = match relay {
        Ok(mut relay) => {
            let ended =
                crate::process::signals::supervise_until(child_pid, Some(&mut relay), deadline);
            if matches!(ended, Ok(crate::process::signals::Ended::Detached)) {
                relay.drain_in_background().map_err(|e| {
                    RuntimeError::Start(format!("keep the detached terminal drained: {e}"))
                })?;
            }
            ended
        }
        Err(e) => {
            sys::kill(pid, libc::SIGKILL);
            let _ = sys::wait_pid(pid);
            Err(RuntimeError::Start(format!(
                "relay the container's streams: {e}"
            )))
        }
    };
    match status? {
        crate::process::signals::Ended::Exited(status) => Ok(exitcode::from_wait_status(status)),
        crate::process::signals::Ended::TimedOut => Ok(TIMEOUT_EXIT_CODE),
        crate::process::signals::Ended::Detached => Ok(0),
    }
}

/// What must live as long as a started container (its fuse-overlayfs mount, if any):
/// drop it once the container was reaped.
pub struct KeepAlive {
    _fuse: Option<FuseMount>,
}

impl KeepAlive {
    /// Hand the duty over to a process that replaces this one (the monitor program):
    /// the pids of the helper children it must kill and reap once the container is
    /// gone (their own children die with them).
    pub fn into_helper_pids(self) -> Vec<i32> {
        self._fuse
            .map(FuseMount::into_helper_pid)
            .into_iter()
            .collect()
    }
}

/// The namespaces a child in a new user namespace makes itself, after its clone.
pub(crate) const DEFERRABLE_NAMESPACES: libc::c_int =
    libc::CLONE_NEWNS | libc::CLONE_NEWNET | libc::CLONE_NEWIPC | libc::CLONE_NEWUTS;

/// Child side, first thing after the clone: make the `deferred` namespaces and bring
/// a new network namespace's loopback up (which needs no mapped id, so it is done
/// while the helpers map them), then close `made` (one byte written first: they
/// exist). A failure is reported and ends the child.
fn make_deferred_namespaces(deferred: libc::c_int, made: OwnedFd, report: &OwnedFd) {
    if let Err(e) = sys::unshare_namespaces(deferred) {
        fail(report, TAG_SETUP, &format!("create the namespaces: {e}"))
    }
    if deferred & libc::CLONE_NEWNET != 0 {
        bring_up_loopback();
    }
    let _ = rustix::io::write(&made, b"1");
}

/// The namespaces [`make_deferred_namespaces`] set up of `deferred`: all but the
/// UTS namespace, whose hostname [`prepare`] sets from the spec.
fn set_up_when_made(deferred: libc::c_int) -> libc::c_int {
    deferred & !libc::CLONE_NEWUTS
}

/// Of the container's new namespaces among `which`: the UTS namespace gets its
/// hostname, the network namespace its loopback interface up.
fn set_up_new_namespaces(
    spec: &ContainerSpec,
    which: libc::c_int,
) -> std::result::Result<(), String> {
    let new = spec.namespaces.new & which;
    if new & libc::CLONE_NEWUTS != 0 {
        sys::sethostname(&spec.hostname).map_err(|e| format!("set hostname: {e}"))?;
    }
    if new & libc::CLONE_NEWNET != 0 {
        bring_up_loopback();
    }
    Ok(())
}

/// The parent's ends of the pipes of a start's handshake.
struct HandshakeEnds {
    /// Written once to release the child.
    sync_w: OwnedFd,
    /// The child's failure report (end-of-file once its command was executed).
    report_r: OwnedFd,
    /// With namespaces the child makes itself: one byte once they exist.
    made_r: Option<OwnedFd>,
}

/// Parent side: map ids (or, in a joined user namespace, check that it maps them as
/// the container expects), mount fuse-overlayfs if used, release the child, collect a
/// failure report if any, and with `-t` receive the pty master (returned in place of
/// the console socket).
fn parent_handshake(
    pid: i32,
    spec: &ContainerSpec,
    new_userns: bool,
    ends: HandshakeEnds,
    streams: ParentStreams,
    beside: &mut dyn FnMut(i32, StartStage) -> Result<()>,
) -> Result<(ParentStreams, Option<FuseMount>)> {
    let HandshakeEnds {
        sync_w,
        report_r,
        made_r,
    } = ends;
    let mut while_mapping = || beside(pid, StartStage::Mapping);
    match &spec.userns {
        Some(plan) if new_userns => idmap::apply_while(pid, plan, &mut while_mapping)?,
        Some(plan) => {
            idmap::check_joined(pid, plan)?;
            while_mapping()?;
        }
        None => while_mapping()?,
    }
    release_mapped(pid, spec, sync_w, report_r, made_r, streams, beside)
}

/// The parent's side once the child's ids are mapped: wait until its deferred
/// namespaces exist (`made_r`), put it into its cgroup, connect its network, mount a
/// fuse-overlayfs root, release it and wait until its command was executed.
pub(crate) fn release_mapped(
    pid: i32,
    spec: &ContainerSpec,
    sync_w: OwnedFd,
    report_r: OwnedFd,
    made_r: Option<OwnedFd>,
    streams: ParentStreams,
    beside: &mut dyn FnMut(i32, StartStage) -> Result<()>,
) -> Result<(ParentStreams, Option<FuseMount>)> {
    if let Some(made_r) = made_r {
        let mut made = [0u8; 1];
        if !matches!(rustix::io::read(&made_r, &mut made), Ok(1)) {
            // The child ended: its report says why.
            read_report(report_r)?;
            return Err(RuntimeError::Start(
                "the container process ended while it made its namespaces".into(),
            ));
        }
    }
    if let Some(planned) = &spec.cgroup {
        planned.cgroup.create(&planned.resources)?;
        planned.cgroup.enter(pid)?;
    }
    if let Some(network) = &spec.network {
        network.connect(pid)?;
    }
    let fuse = overlay::mount_fuse(pid, &spec.mounts.rootfs, spec.userns.is_some())?;
    let mut w = std::fs::File::from(sync_w);
    w.write_all(b"1")
        .map_err(|e| RuntimeError::Start(format!("release the container process: {e}")))?;
    drop(w);
    beside(pid, StartStage::Released)?;
    read_report(report_r)?;
    let streams = receive_console(streams)?;
    Ok((streams, fuse))
}

/// Wait for the child's report: end-of-file once its command was executed (the
/// report pipe is close-on-exec), else the failure it wrote ([`fail`]): a command that
/// cannot run becomes [`RuntimeError::Exec`] (126/127), anything else
/// [`RuntimeError::Start`].
pub(crate) fn read_report(report_r: OwnedFd) -> Result<()> {
    let mut report = Vec::new();
    let _ = std::fs::File::from(report_r).read_to_end(&mut report);
    match report.split_first() {
        None => Ok(()),
        Some((&TAG_EXEC, rest)) => {
            let text = String::from_utf8_lossy(rest);
            let (code, message) = text.split_once(':').unwrap_or(("125", &text));
            Err(RuntimeError::Exec {
                code: code.parse().unwrap_or(exitcode::RUNTIME_ERROR),
                message: message.to_string(),
            })
        }
        Some((_, rest)) => Err(RuntimeError::Start(
            String::from_utf8_lossy(rest).into_owned(),
        )),
    }
}

/// With `-t`, after a clean report: the pty master in place of the console socket.
pub(crate) fn receive_console(streams: ParentStreams) -> Result<ParentStreams> {
    Ok(match streams {
        ParentStreams::Console(socket) => {
            ParentStreams::Console(crate::process::pty::receive_fd(socket.as_fd())?)
        }
        pipes => pipes,
    })
}

/// Write a failure report and leave.
pub(crate) fn fail(report: &OwnedFd, tag: u8, text: &str) -> ! {
    let mut buf = vec![tag];
    buf.extend_from_slice(text.as_bytes());
    let _ = rustix::io::write(report, &buf);
    sys::exit_now(exitcode::RUNTIME_ERROR)
}

/// Child side: never returns. `set_up`: the namespaces it has set up already.
pub(crate) fn child(
    spec: &ContainerSpec,
    set_up: libc::c_int,
    sync_r: OwnedFd,
    report: OwnedFd,
    streams: ChildStreams,
) -> ! {
    let _ = sys::die_with_parent();
    let mut go = [0u8; 1];
    if !matches!(rustix::io::read(&sync_r, &mut go), Ok(1)) {
        sys::exit_now(exitcode::RUNTIME_ERROR);
    }
    drop(sync_r);
    // The cgroup namespace is made now, rooted at the cgroup the parent moved us to.
    if spec.namespaces.new & libc::CLONE_NEWCGROUP != 0 {
        if let Err(e) = sys::unshare_cgroup_namespace() {
            fail(
                &report,
                TAG_SETUP,
                &format!("create the cgroup namespace: {e}"),
            )
        }
    }
    if let Err(e) = prepare(spec, set_up, streams) {
        fail(&report, TAG_SETUP, &e)
    }
    if spec.survive_parent {
        if let Err(e) = sys::clear_parent_death_signal() {
            fail(&report, TAG_SETUP, &format!("outlive the monitor: {e}"))
        }
    }
    if spec.pause {
        // The pause closes every fd from 3 up, the report pipe included: the start is done.
        crate::process::init::run_pause()
    }
    if spec.init {
        // The init closes every fd from 3 up, the report pipe included, after its fork.
        crate::process::init::run_init(|| {
            exec_command(
                &spec.args,
                &spec.env,
                &report,
                spec.limits.first_private_fd(),
            )
        })
    }
    exec_command(
        &spec.args,
        &spec.env,
        &report,
        spec.limits.first_private_fd(),
    )
}

/// Leave the caller's session and terminal: a new session, fds 0-2 from `ends`, and
/// every other inherited fd from `first_private` up close-on-exec (so no helper the
/// setup runs gets them; those below are `--preserve-fds`').
pub(crate) fn detach_from_caller(
    ends: &ChildEnds,
    first_private: u32,
) -> std::result::Result<(), String> {
    rustix::process::setsid().map_err(|e| format!("start a new session: {e}"))?;
    ends.install()
        .map_err(|e| format!("connect the standard streams: {e}"))?;
    stdio::cloexec_from(first_private)
        .map_err(|e| format!("mark inherited files close-on-exec: {e}"))?;
    crate::process::signals::reset_ignored_signals();
    Ok(())
}

/// `-t`, after the pivot: a pty from the container's own devpts becomes the
/// controlling terminal and fds 0-2, sized like the caller's terminal; its master goes
/// to the parent over `socket`, and no copy of it stays in the container.
pub(crate) fn attach_terminal(
    socket: OwnedFd,
    window: Option<Winsize>,
) -> std::result::Result<(), String> {
    let pty = crate::process::pty::open_pty_in_devpts(Path::new(CONTAINER_PTMX))
        .map_err(|e| e.to_string())?;
    if let Some(size) = window {
        rustix::termios::tcsetwinsize(&pty.master, size)
            .map_err(|e| format!("set the terminal's size: {e}"))?;
    }
    crate::process::pty::attach_child(&pty.slave)
        .map_err(|e| format!("attach the terminal: {e}"))?;
    crate::process::pty::send_fd(socket.as_fd(), pty.master.as_fd()).map_err(|e| e.to_string())
}

/// Everything between the handshake and exec (`set_up`: the namespaces set up
/// already, see [`make_deferred_namespaces`]).
fn prepare(
    spec: &ContainerSpec,
    set_up: libc::c_int,
    streams: ChildStreams,
) -> std::result::Result<(), String> {
    detach_from_caller(&streams.ends, spec.limits.first_private_fd())?;
    drop(streams.ends);
    if spec.userns.is_some() {
        let groups = (!spec.groups.keep_callers).then_some(&[][..]);
        sys::set_ids_keeping_groups(0, 0, groups)
            .map_err(|e| format!("become root in the user namespace: {e}"))?;
    }
    rootfs::setup(&spec.mounts).map_err(|e| e.to_string())?;
    if let Some((socket, window)) = streams.console {
        attach_terminal(socket, window)?;
    }
    set_up_new_namespaces(spec, !set_up)?;
    let user = user_in_root(spec.user.as_deref(), &spec.groups)?;
    if let Err(e) = std::env::set_current_dir(&spec.cwd) {
        if e.kind() == std::io::ErrorKind::NotFound {
            std::fs::create_dir_all(&spec.cwd).and_then(|_| std::env::set_current_dir(&spec.cwd))
        } else {
            Err(e)
        }
        .map_err(|e| format!("working directory {:?}: {e}", spec.cwd))?;
    }
    spec.limits.apply()?;
    if let Some(nested) = spec.userns.as_ref().and_then(|p| p.nested.as_ref()) {
        // The streams go to the user as the nested namespace will know it.
        if let Some(outer) = nested.outer_uid(user.uid) {
            let _ = stdio::give_to_user(outer);
        }
        crate::ids::nested::enter(nested)?;
    }
    become_user(
        &user,
        &spec.groups,
        &spec.caps,
        spec.seccomp.as_ref(),
        spec.no_new_privs,
    )
}

/// `-u USER[:GROUP]` resolved against the files of the current root (the
/// container's, after the pivot or `setns`); root when absent. `--group-add`'s groups
/// join the user's supplementary groups.
pub(crate) fn user_in_root(
    user: Option<&str>,
    groups: &GroupAdd,
) -> std::result::Result<passwd::ExecUser, String> {
    let mut out = match user {
        Some(u) => passwd::resolve_user(Path::new("/"), u).map_err(|e| e.to_string())?,
        None => passwd::ExecUser {
            uid: 0,
            gid: 0,
            additional_gids: vec![],
            home: "/root".into(),
        },
    };
    let added = passwd::group_ids(Path::new("/"), &groups.names)
        .map_err(|e| format!("--group-add: {e}"))?;
    for gid in added {
        if !out.additional_gids.contains(&gid) {
            out.additional_gids.push(gid);
        }
    }
    Ok(out)
}

/// The last steps before exec, as root of the container's user namespace: hand the
/// standard streams to `user`, install the seccomp filter, switch to `user` keeping
/// the permitted capabilities, set the capability sets and `no_new_privs`.
pub(crate) fn become_user(
    user: &passwd::ExecUser,
    groups: &GroupAdd,
    caps: &CapSet,
    seccomp: Option<&Program>,
    no_new_privs: bool,
) -> std::result::Result<(), String> {
    stdio::give_to_user(user.uid)
        .map_err(|e| format!("give the standard streams to the user: {e}"))?;
    if let Some(program) = seccomp {
        seccomp::install(program).map_err(|e| e.to_string())?;
    }
    sys::keep_caps().map_err(|e| format!("keep capabilities: {e}"))?;
    let supplementary = (!groups.keep_callers).then_some(&user.additional_gids[..]);
    sys::set_ids_keeping_groups(user.uid, user.gid, supplementary)
        .map_err(|e| format!("switch to user {}:{}: {e}", user.uid, user.gid))?;
    caps::apply(caps).map_err(|e| e.to_string())?;
    if no_new_privs {
        seccomp::set_no_new_privs().map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Set `lo` up in the new network namespace (ioctl on a datagram socket).
fn bring_up_loopback() {
    // SAFETY: a plain socket(2); the fd is closed below.
    let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) };
    if fd < 0 {
        return;
    }
    // SAFETY: ifreq is plain data; the name fits in IFNAMSIZ.
    let mut req: libc::ifreq = unsafe { std::mem::zeroed() };
    for (i, b) in b"lo".iter().enumerate() {
        req.ifr_name[i] = *b as libc::c_char;
    }
    // SAFETY: valid fd and ifreq pointer for SIOCGIFFLAGS/SIOCSIFFLAGS.
    unsafe {
        if libc::ioctl(fd, libc::SIOCGIFFLAGS, &mut req) == 0 {
            req.ifr_ifru.ifru_flags |= (libc::IFF_UP | libc::IFF_RUNNING) as libc::c_short;
            libc::ioctl(fd, libc::SIOCSIFFLAGS, &req);
        }
        libc::close(fd);
    }
}

/// Find and exec the command, as execvp does; report 126/127 on failure. Every fd
/// from `first_private` up (3 unless `--preserve-fds`) is close-on-exec by then (the
/// report pipe is, and must stay open until execve succeeds).
pub(crate) fn exec_command(
    args: &[String],
    env: &[String],
    report: &OwnedFd,
    first_private: u32,
) -> ! {
    if let Err(e) = stdio::cloexec_from(first_private) {
        fail(report, TAG_SETUP, &format!("mark files close-on-exec: {e}"))
    }
    let to_c = |s: &str| CString::new(s).ok();
    let Some(argv) = args
        .iter()
        .map(|a| to_c(a))
        .collect::<Option<Vec<CString>>>()
    else {
        fail(report, TAG_SETUP, "the command contains a NUL byte")
    };
    let Some(envp) = env
        .iter()
        .map(|e| to_c(e))
        .collect::<Option<Vec<CString>>>()
    else {
        fail(report, TAG_SETUP, "the environment contains a NUL byte")
    };
    let Some(cmd) = args.first() else {
        fail(report, TAG_SETUP, "no command given")
    };
    let candidates: Vec<String> = if cmd.contains('/') {
        vec![cmd.clone()]
    } else {
        let path = env
            .iter()
            .find_map(|e| e.strip_prefix("PATH="))
            .unwrap_or("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        path.split(':')
            .filter(|d| !d.is_empty())
            .map(|d| format!("{d}/{cmd}"))
            .collect()
    };
    let mut denied: Option<std::io::Error> = None;
    let mut last = std::io::Error::from_raw_os_error(libc::ENOENT);
    for c in &candidates {
        let Some(path) = to_c(c) else { continue };
        // A name that is not there is passed over without an execve, which would
        // set up a new address space only to find out (PATH's first entries seldom
        // hold the command): execve would fail with the same error.
        if let Err(missing) = rustix::fs::stat(path.as_c_str()) {
            if missing == rustix::io::Errno::NOENT || missing == rustix::io::Errno::NOTDIR {
                last = missing.into();
                continue;
            }
        }
        let err = sys::execve(&path, &argv, &envp);
        match err.raw_os_error() {
            Some(libc::ENOENT) | Some(libc::ENOTDIR) => last = err,
            Some(libc::EACCES) | Some(libc::EISDIR) if !cmd.contains('/') => denied = Some(err),
            _ => {
                last = err;
                break;
            }
        }
    }
    let err = denied.unwrap_or(last);
    let errno = err.raw_os_error().unwrap_or(libc::ENOENT);
    let code = exitcode::exec_error_code(errno);
    let message = if code == exitcode::NOT_FOUND {
        format!("executable file `{cmd}` not found in $PATH: No such file or directory")
    } else {
        format!(
            "{cmd}: {}",
            std::io::Error::from_raw_os_error(errno)
                .to_string()
                .split(" (os error")
                .next()
                .unwrap_or("cannot execute")
        )
    };
    fail(report, TAG_EXEC, &format!("{code}:{message}"))
}
