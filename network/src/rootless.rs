//! The shared rootless network namespace: one per user (per runtime directory), a
//! user and a network namespace held by a small holder process, given outbound
//! traffic by pasta (or slirp4netns). Its record, `<runroot>/networks/rootless-netns.json`,
//! names the holder (pid and start time, so a reused pid is never taken for it) and
//! the backend process; a lock file serialises its creation and tear-down with the
//! leases, so that concurrent starts make it once and the last container's end
//! removes it.

use std::fs::File;
use std::net::Ipv4Addr;
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{NetworkError, Result};

/// Largest record read back.
const MAX_RECORD: u64 = 64 * 1024;

/// What holds the rootless network namespace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RootlessNetns {
    /// The holder process (in the namespaces).
    pub holder_pid: i32,
    /// Its start time (clock ticks since boot, `/proc/PID/stat` field 22).
    pub holder_start: u64,
    /// The pasta or slirp4netns process giving the namespace outbound traffic.
    pub backend_pid: i32,
    /// Its start time.
    pub backend_start: u64,
    /// `pasta` or `slirp4netns`.
    pub backend: String,
    /// The namespace's default gateway, which the backend maps to the host's
    /// loopback: the address of `host.containers.internal`.
    pub host_gateway: Option<Ipv4Addr>,
}

/// The paths of the rootless network state under a runtime directory.
#[derive(Debug, Clone)]
pub struct RootlessPaths {
    root: PathBuf,
}

impl RootlessPaths {
    /// Under `runroot/networks`.
    pub fn new(runroot: &Path) -> Self {
        RootlessPaths {
            root: runroot.join("networks"),
        }
    }

    /// The networks directory itself.
    pub fn dir(&self) -> &Path {
        &self.root
    }

    /// The holder's record.
    pub fn record(&self) -> PathBuf {
        self.root.join("rootless-netns.json")
    }

    /// The lock serialising creation, leases and tear-down.
    pub fn lock_file(&self) -> PathBuf {
        self.root.join("rootless-netns.lock")
    }

    /// The marker that a network's bridge exists in the namespace.
    pub fn bridge_marker(&self, network: &str) -> PathBuf {
        self.root.join("bridges").join(network)
    }

    /// The bridge markers' directory.
    pub fn bridges_dir(&self) -> PathBuf {
        self.root.join("bridges")
    }

    /// The pid files of a container's port forwarder and per-container backend.
    pub fn container_pid_file(&self, container_id: &str, what: &str) -> PathBuf {
        self.root
            .join("procs")
            .join(format!("{container_id}.{what}"))
    }

    /// The record that root's bridge of `network` exists in the host's namespace
    /// (the network's configuration, for its removal).
    pub fn host_bridge_marker(&self, network: &str) -> PathBuf {
        self.host_bridges_dir().join(network)
    }

    /// The directory of root's bridge records.
    pub fn host_bridges_dir(&self) -> PathBuf {
        self.root.join("host-bridges")
    }

    /// Where the per-container pid files live.
    pub fn procs_dir(&self) -> PathBuf {
        self.root.join("procs")
    }
}

/// The exclusive lock on the rootless network state, held until dropped.
pub struct NetnsLock {
    _file: File,
}

/// Take the lock (creating the directory and file as needed).
pub fn lock(paths: &RootlessPaths) -> Result<NetnsLock> {
    std::fs::create_dir_all(paths.dir()).map_err(|e| NetworkError::io(paths.dir(), e))?;
    let path = paths.lock_file();
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| NetworkError::io(&path, e))?;
    rustix::fs::flock(&file, rustix::fs::FlockOperation::LockExclusive)
        .map_err(|e| NetworkError::io(&path, e.into()))?;
    Ok(NetnsLock { _file: file })
}

/// The start time of process `pid` (field 22 of `/proc/PID/stat`), None when it is gone.
pub fn process_start(pid: i32) -> Option<u64> {
    if pid <= 0 {
        return None;
    }
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces and parentheses: fields follow the last ')'.
    let rest = &stat[stat.rfind(')')? + 2..];
    rest.split_whitespace().nth(19)?.parse().ok()
}

/// Whether process `pid` still is the one that started at `start`.
pub fn is_alive(pid: i32, start: u64) -> bool {
    process_start(pid) == Some(start)
}

/// Kill process `pid` if it still is the one that started at `start`.
pub fn kill_if_alive(pid: i32, start: u64) {
    if is_alive(pid, start) {
        if let Some(p) = rustix::process::Pid::from_raw(pid) {
            let _ = rustix::process::kill_process(p, rustix::process::Signal::KILL);
        }
    }
}

impl RootlessNetns {
    /// The record, if one is written and its holder and backend still live.
    pub fn read_alive(paths: &RootlessPaths) -> Option<RootlessNetns> {
        let path = paths.record();
        let file = File::open(&path).ok()?;
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::Read::take(file, MAX_RECORD), &mut text)
            .ok()?;
        let record: RootlessNetns = serde_json::from_str(&text).ok()?;
        (is_alive(record.holder_pid, record.holder_start)
            && is_alive(record.backend_pid, record.backend_start))
        .then_some(record)
    }

    /// Write the record (temp file and rename).
    pub fn write(&self, paths: &RootlessPaths) -> Result<()> {
        let path = paths.record();
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        let text = serde_json::to_string(self).map_err(|e| NetworkError::Setup(e.to_string()))?;
        std::fs::write(&tmp, text).map_err(|e| NetworkError::io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| NetworkError::io(&path, e))
    }

    /// Kill the holder and the backend and forget the record and bridges.
    pub fn tear_down(paths: &RootlessPaths) {
        if let Ok(text) = std::fs::read_to_string(paths.record()) {
            if let Ok(record) = serde_json::from_str::<RootlessNetns>(&text) {
                kill_if_alive(record.backend_pid, record.backend_start);
                kill_if_alive(record.holder_pid, record.holder_start);
            }
        }
        let _ = std::fs::remove_file(paths.record());
        let _ = std::fs::remove_dir_all(paths.bridges_dir());
    }

    /// Open the holder's user and network namespaces (checking it is still the
    /// recorded process after opening).
    pub fn open(&self) -> Result<NetnsFds> {
        let open = |name: &str| -> Result<OwnedFd> {
            let path = format!("/proc/{}/ns/{name}", self.holder_pid);
            rustix::fs::open(
                path.as_str(),
                rustix::fs::OFlags::RDONLY | rustix::fs::OFlags::CLOEXEC,
                rustix::fs::Mode::empty(),
            )
            .map_err(|e| NetworkError::io(path, e.into()))
        };
        let fds = NetnsFds {
            holder_pid: self.holder_pid,
            user: Some(open("user")?),
            net: open("net")?,
        };
        if !is_alive(self.holder_pid, self.holder_start) {
            return Err(NetworkError::Setup(
                "the rootless network namespace's holder process ended".into(),
            ));
        }
        Ok(fds)
    }
}

/// Open descriptors of the network namespace bridges live in, and of the user
/// namespace owning it: the rootless one's, or (as root) this process's own.
#[derive(Debug)]
pub struct NetnsFds {
    /// A process in the namespace (`ip link set … netns PID` names it by it).
    pub holder_pid: i32,
    /// The user namespace owning the network namespace (None as root: the
    /// host's, where this process has every capability already).
    pub user: Option<OwnedFd>,
    /// The network namespace.
    pub net: OwnedFd,
}

impl NetnsFds {
    /// This process's own network namespace (the host's, for root's bridges).
    pub fn host() -> Result<NetnsFds> {
        let path = "/proc/self/ns/net";
        let net = rustix::fs::open(
            path,
            rustix::fs::OFlags::RDONLY | rustix::fs::OFlags::CLOEXEC,
            rustix::fs::Mode::empty(),
        )
        .map_err(|e| NetworkError::io(path, e.into()))?;
        Ok(NetnsFds {
            holder_pid: std::process::id() as i32,
            user: None,
            net,
        })
    }
}
