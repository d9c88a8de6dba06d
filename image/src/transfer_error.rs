//! Errors of talking to registries and moving blobs.

use coracle_storage::StorageError;

/// What can go wrong while pulling, pushing or logging in.
#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    /// The registry refused our credentials or wants some.
    #[error("authentication required for {registry}: {detail} (run `coracle login {registry}`)")]
    Unauthorized {
        /// host\[:port\]
        registry: String,
        /// What the registry said.
        detail: String,
    },
    /// Credentials were given and rejected.
    #[error("login to {registry} failed: invalid username or password")]
    BadCredentials {
        /// host\[:port\]
        registry: String,
    },
    /// The manifest or repository does not exist.
    #[error("{reference}: manifest unknown (no such image or tag in the registry)")]
    NotFound {
        /// What was asked for.
        reference: String,
    },
    /// The registry could not be reached or answered badly.
    #[error("registry {registry}: {detail}")]
    Registry {
        /// host\[:port\]
        registry: String,
        /// The cause, one line.
        detail: String,
    },
    /// The registry answered an HTTPS request in plain HTTP.
    #[error(
        "registry {registry} answered the HTTPS request in plain HTTP: if it only serves HTTP, \
             pass --tls-verify=false, or set insecure = true for it in registries.conf \
             ([[registry]] location = \"{registry}\")"
    )]
    PlainHttp {
        /// host\[:port\]
        registry: String,
    },
    /// A manifest could not be parsed.
    #[error("invalid manifest: {0}")]
    BadManifest(String),
    /// Something coracle does not support.
    #[error("unsupported {0}")]
    Unsupported(String),
    /// The index has no entry for the wanted platform.
    #[error("no image for platform {wanted} in the manifest list (it offers: {offered})")]
    NoMatchingPlatform {
        /// The platform asked for.
        wanted: String,
        /// The platforms the index lists.
        offered: String,
    },
    /// A manifest's bytes did not hash to the digest that named it.
    #[error("digest mismatch for manifest {expected}: registry sent content with digest {actual}")]
    ManifestDigestMismatch {
        /// The digest asked for.
        expected: String,
        /// The digest of what arrived.
        actual: String,
    },
    /// registries.conf blocks the registry or repository.
    #[error("registry {0} is blocked in registries.conf")]
    Blocked(String),
    /// A manifest, index or configuration is over the size coracle reads.
    #[error("refusing {what}: {} over the limit of {limit} bytes (4 MiB, as Podman); the image is damaged or hostile", size.map_or("it is".to_string(), |s| format!("its {s} bytes are")))]
    TooLarge {
        /// What was refused ("manifest REF", "image configuration DIGEST").
        what: String,
        /// Its size, when announced.
        size: Option<u64>,
        /// The limit.
        limit: u64,
    },
    /// A layer could not be unpacked while it streamed in.
    #[error("unpacking layer {digest}: {detail}")]
    Unpack {
        /// The layer blob's digest.
        digest: String,
        /// What went wrong.
        detail: String,
    },
    /// An image archive or layout is damaged or not one coracle reads.
    #[error("invalid image archive: {0}")]
    BadArchive(String),
    /// The store failed (including blob digest and size mismatches).
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// An image name or option was wrong.
    #[error(transparent)]
    Image(#[from] crate::error::ImageError),
}
