//! Podman's transports in an image argument of `pull`, `run` and `create`:
//! `docker://REF`, `docker-archive:FILE[:REF]`, `oci-archive:FILE[:REF]`,
//! `oci:DIR[:REF]` and `dir:DIR`. Anything else is a registry reference.

use std::path::PathBuf;

/// Where an image comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImageSource {
    /// A registry reference (with or without `docker://`).
    Registry(String),
    /// A `docker save`/`podman save` tar; `reference` picks one of its tagged images.
    DockerArchive {
        /// The archive file.
        path: PathBuf,
        /// A name of one image in it, or `@N` (its position).
        reference: Option<String>,
    },
    /// An OCI image layout in a tar; `reference` picks an entry of its index.json.
    OciArchive {
        /// The archive file.
        path: PathBuf,
        /// An `org.opencontainers.image.ref.name` of its index.
        reference: Option<String>,
    },
    /// An OCI image layout directory.
    OciDir {
        /// The directory.
        path: PathBuf,
        /// An `org.opencontainers.image.ref.name` of its index.
        reference: Option<String>,
    },
    /// A containers/image `dir:` directory (manifest.json, version, blobs by hex).
    Dir {
        /// The directory.
        path: PathBuf,
    },
}

impl ImageSource {
    /// Read a transport prefix off `input`; no known prefix means a registry reference.
    pub fn parse(input: &str) -> ImageSource {
        if let Some(rest) = input.strip_prefix("docker://") {
            return ImageSource::Registry(rest.to_string());
        }
        if let Some(rest) = input.strip_prefix("docker-archive:") {
            let (path, reference) = split_reference(rest);
            return ImageSource::DockerArchive { path, reference };
        }
        if let Some(rest) = input.strip_prefix("oci-archive:") {
            let (path, reference) = split_reference(rest);
            return ImageSource::OciArchive { path, reference };
        }
        if let Some(rest) = input.strip_prefix("oci:") {
            let (path, reference) = split_reference(rest);
            return ImageSource::OciDir { path, reference };
        }
        if let Some(rest) = input.strip_prefix("dir:") {
            return ImageSource::Dir {
                path: PathBuf::from(rest),
            };
        }
        ImageSource::Registry(input.to_string())
    }
}

/// `PATH[:REF]`: the path ends at the first ':' (as containers/image splits it, so a
/// path cannot hold one), the rest is the reference.
fn split_reference(rest: &str) -> (PathBuf, Option<String>) {
    match rest.split_once(':') {
        Some((path, reference)) => (
            PathBuf::from(path),
            Some(reference.to_string()).filter(|r| !r.is_empty()),
        ),
        None => (PathBuf::from(rest), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transports_are_recognised() {
        assert_eq!(
            ImageSource::parse("docker://quay.io/a/b:1"),
            ImageSource::Registry("quay.io/a/b:1".into())
        );
        assert_eq!(
            ImageSource::parse("localhost:5000/a:1"),
            ImageSource::Registry("localhost:5000/a:1".into())
        );
        assert_eq!(
            ImageSource::parse("docker-archive:/tmp/a.tar"),
            ImageSource::DockerArchive {
                path: "/tmp/a.tar".into(),
                reference: None
            }
        );
        assert_eq!(
            ImageSource::parse("oci-archive:/tmp/b.tar:v1"),
            ImageSource::OciArchive {
                path: "/tmp/b.tar".into(),
                reference: Some("v1".into())
            }
        );
        assert_eq!(
            ImageSource::parse("oci:/lay/out:localhost:5000/a:x"),
            ImageSource::OciDir {
                path: "/lay/out".into(),
                reference: Some("localhost:5000/a:x".into())
            }
        );
        assert_eq!(
            ImageSource::parse("dir:/d"),
            ImageSource::Dir { path: "/d".into() }
        );
    }
}
