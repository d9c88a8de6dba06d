//! The error type of the storage crate.

use std::path::PathBuf;

use crate::digest::Digest;

/// Everything that can go wrong while reading or writing the store.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// A string that is not a valid (supported) content digest.
    #[error("invalid digest `{0}`")]
    InvalidDigest(String),
    /// Content whose sha256 differs from the digest it was stored under.
    #[error("digest mismatch for blob {expected}: registry sent content with digest {actual}")]
    DigestMismatch {
        /// The digest the content was supposed to have.
        expected: Digest,
        /// The digest of the bytes actually received.
        actual: Digest,
    },
    /// Content whose length differs from the announced size.
    #[error("size mismatch for blob {digest}: expected {expected} bytes, got {actual}")]
    SizeMismatch {
        /// The blob being written.
        digest: Digest,
        /// The announced size.
        expected: u64,
        /// The number of bytes received (so far, when writing failed early).
        actual: u64,
    },
    /// A filesystem operation failed.
    #[error("i/o error on {}: {source}", path.display())]
    Io {
        /// The file or directory involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The store's top directory could not be made private (mode 0700).
    #[error("cannot make the store {} private (chmod 0700): {source}; the store must be a directory you own", path.display())]
    NotPrivate {
        /// The store's top directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// An SQLite operation failed.
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    /// No image with this id or name.
    #[error("{0}: image not known")]
    ImageNotFound(String),
    /// The database was written by a newer coracle.
    #[error("database schema version {found} is newer than the supported version {supported}")]
    SchemaTooNew {
        /// `PRAGMA user_version` of the file.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// A layer entry would land outside its directory.
    #[error("refusing layer entry {path:?}: {reason}")]
    UnsafePath {
        /// The entry's path in the tar.
        path: String,
        /// Why it is refused.
        reason: String,
    },
    /// An owner the user namespace does not map.
    #[error("cannot set owner {uid}:{gid} on {path}: the id is not mapped in the user namespace (add a larger range to /etc/subuid and /etc/subgid, or set ignore_chown_errors)")]
    UnmappedId {
        /// The uid.
        uid: u32,
        /// The gid.
        gid: u32,
        /// The path in the layer.
        path: String,
    },
    /// A container name is taken.
    #[error("the container name {name:?} is already in use by {owner}. You have to remove that container to be able to reuse that name: that name is already in use")]
    NameInUse {
        /// The name.
        name: String,
        /// Short id of the container that has it.
        owner: String,
    },
    /// An image is used by containers.
    #[error("image {} is in use by containers {}: remove them first", &id[..id.len().min(12)], containers.join(", "))]
    ImageInUse {
        /// The image.
        id: String,
        /// Short ids of the containers.
        containers: Vec<String>,
    },
    /// No such container.
    #[error("{0}: no such container")]
    ContainerNotFound(String),
    /// An id prefix that matches more than one container.
    #[error("more than one container matches {prefix:?}: {}; give more of the id, or the name", candidates.join(", "))]
    AmbiguousContainer {
        /// The prefix given.
        prefix: String,
        /// Short id and name of each match.
        candidates: Vec<String>,
    },
    /// A state change the container's state does not allow.
    #[error(transparent)]
    InvalidTransition(#[from] crate::container_state::InvalidTransition),
    /// A layer's tar stream is not a well-formed tar.
    #[error("malformed layer: {0}; the image is damaged or hostile (rebuild it with a standard tar writer)")]
    MalformedLayer(String),
    /// An extended header or sparse map in a layer is over the size limit.
    #[error("refusing layer: its {what} of {size} bytes is over the limit of {limit} bytes (Podman refuses it too); the image is damaged or hostile (rebuild it with a standard tar writer)")]
    LayerHeaderTooLarge {
        /// "PAX extended header", "GNU long name", ...
        what: String,
        /// Its declared size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The store's filesystem (or the user's quota on it) is full.
    #[error("no space left on the store's filesystem ({errno}) while writing {}: free space there (`coracle image prune` removes unused images) or put the store on a larger filesystem (--root)", path.display())]
    NoSpace {
        /// What was being written.
        path: PathBuf,
        /// "ENOSPC" or "EDQUOT".
        errno: &'static str,
    },
}

/// Result alias of the storage crate.
pub type Result<T> = std::result::Result<T, StorageError>;

impl StorageError {
    /// Wrap an I/O error with the path it concerns; a full filesystem (ENOSPC, EDQUOT)
    /// becomes [`StorageError::NoSpace`], which says how to fix it.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> StorageError {
        let path = path.into();
        // The kind too: wrappers such as tempfile's keep it but not the raw errno.
        let is = |errno: rustix::io::Errno, kind: std::io::ErrorKind| match source.raw_os_error() {
            Some(raw) => raw == errno.raw_os_error(),
            None => source.kind() == kind,
        };
        let errno = if is(rustix::io::Errno::NOSPC, std::io::ErrorKind::StorageFull) {
            "ENOSPC"
        } else if is(rustix::io::Errno::DQUOT, std::io::ErrorKind::QuotaExceeded) {
            "EDQUOT"
        } else {
            return StorageError::Io { path, source };
        };
        StorageError::NoSpace { path, errno }
    }
}
