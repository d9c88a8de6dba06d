//! The error type shared by every module of the runtime crate.

use std::path::PathBuf;

/// Result alias used throughout `coracle-runtime`.
pub type Result<T, E = RuntimeError> = std::result::Result<T, E>;

/// Everything that can go wrong while preparing or starting a container.
#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    /// Reading or writing a file failed.
    #[error("{action} {}: {source}", path.display())]
    Io {
        /// What was being done ("failed to read", ...).
        action: &'static str,
        /// The file involved.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A uid/gid mapping helper (newuidmap/newgidmap) is missing or failed.
    #[error("{helper} failed for pid {pid}: {message}")]
    IdMapHelper {
        /// The helper's name.
        helper: String,
        /// The process whose namespace was being mapped.
        pid: i32,
        /// The helper's stderr, or why it could not run.
        message: String,
    },
    /// A capability name is not known.
    #[error("unknown capability {0:?}")]
    UnknownCapability(String),
    /// `--cap-add` and `--cap-drop` contradict each other.
    #[error("capability {0} cannot be both added and dropped")]
    CapabilityConflict(String),
    /// A capability syscall failed.
    #[error("failed to {action}: {source}")]
    Capability {
        /// What was being done.
        action: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A seccomp profile is invalid.
    #[error("invalid seccomp profile {}: {message}", path.display())]
    SeccompProfile {
        /// The profile file (`<default>` for the built-in one).
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// Compiling a seccomp profile to BPF failed.
    #[error("failed to compile seccomp filter: {0}")]
    SeccompCompile(String),
    /// Installing a seccomp filter failed.
    #[error("failed to install seccomp filter: {0}")]
    SeccompInstall(String),
    /// The host architecture has no seccomp support in coracle.
    #[error("seccomp is not supported on architecture {0}")]
    UnsupportedArch(String),
    /// `-u` names a user absent from the container's passwd file.
    #[error("unable to find user {0}: no matching entries in passwd file")]
    UserNotFound(String),
    /// `-u` names a group absent from the container's group file.
    #[error("unable to find group {0}: no matching entries in group file")]
    GroupNotFound(String),
    /// `-u` is malformed.
    #[error("invalid user spec {0:?}: expected USER[:GROUP]")]
    InvalidUserSpec(String),
    /// A `-v`, `--mount` or `--tmpfs` argument is invalid.
    #[error("invalid mount {spec:?}: {reason}")]
    InvalidMount {
        /// The argument as given.
        spec: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A `--device` argument is invalid.
    #[error("invalid device {spec:?}: {reason}")]
    InvalidDevice {
        /// The argument as given.
        spec: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The container could not be set up or started.
    #[error("{0}")]
    Start(String),
    /// Its cgroup cannot be made, written or read (or the host has none for the
    /// caller): the reason, one line.
    #[error("{0}")]
    Cgroup(String),
    /// A terminal, signal or process-supervision system call failed.
    #[error("failed to {action}: {source}")]
    Os {
        /// What was being done ("open a pseudo-terminal", ...).
        action: &'static str,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// `rm` without `--force` of a container that runs or is paused.
    #[error("cannot remove container {id} as it is {state} - running or paused containers cannot be removed without force")]
    RemoveActive {
        /// The container's short id.
        id: String,
        /// Its state ("running", "paused").
        state: String,
    },
    /// The store refused or failed.
    #[error(transparent)]
    Storage(#[from] coracle_storage::StorageError),
    /// A volume operation failed.
    #[error(transparent)]
    Volume(#[from] coracle_storage::volumes::VolumeError),
    /// A start failed and so did the clean-up after it (youki's
    /// `CreateContainerError`): both are reported.
    #[error("{start}; cleaning up after it failed too: {cleanup}")]
    StartAndCleanup {
        /// Why the start failed.
        start: Box<RuntimeError>,
        /// Why the clean-up failed.
        cleanup: Box<RuntimeError>,
    },
    /// The command could not be executed (126: not executable, 127: not found).
    #[error("{message}")]
    Exec {
        /// 126 or 127.
        code: i32,
        /// One line.
        message: String,
    },
}

impl RuntimeError {
    /// Builds an [`RuntimeError::Io`] for `path`.
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        RuntimeError::Io {
            action,
            path: path.into(),
            source,
        }
    }

    /// Builds an [`RuntimeError::InvalidDevice`].
    pub fn device(spec: &str, reason: impl Into<String>) -> Self {
        RuntimeError::InvalidDevice {
            spec: spec.to_string(),
            reason: reason.into(),
        }
    }

    /// Builds an [`RuntimeError::InvalidMount`].
    pub fn mount(spec: &str, reason: impl Into<String>) -> Self {
        RuntimeError::InvalidMount {
            spec: spec.to_string(),
            reason: reason.into(),
        }
    }
}
