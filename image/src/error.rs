//! Errors of names, configuration files and credentials.

use std::path::PathBuf;

/// What can be wrong with a name, a config file or a credentials file.
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    /// A reference that does not parse.
    #[error("invalid reference {input:?}: {reason}")]
    InvalidReference {
        /// What the user typed.
        input: String,
        /// The bad part.
        reason: String,
    },
    /// A malformed configuration file.
    #[error("{}: {reason}", path.display())]
    Config {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the line where known.
        reason: String,
    },
    /// A file that could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A malformed credentials file.
    #[error("credentials file {}: {reason}", path.display())]
    AuthFile {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// A bad --platform value.
    #[error("invalid platform {0:?}: expected OS/ARCH[/VARIANT], e.g. linux/arm64")]
    InvalidPlatform(String),
    /// A short name with nowhere to look.
    #[error(
        "short name {0:?} did not resolve: no unqualified-search-registries in registries.conf"
    )]
    ShortNameNotResolved(String),
}

/// Result with [`ImageError`].
pub type Result<T> = std::result::Result<T, ImageError>;

impl ImageError {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> ImageError {
        ImageError::Io {
            path: path.into(),
            source,
        }
    }
}
