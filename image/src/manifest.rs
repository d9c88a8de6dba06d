//! Manifests, indexes and image configurations as registries serve them:
//! OCI and Docker v2 schema 2, parsed just far enough to pull, store and inspect.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::platform::Platform;
use crate::transfer_error::TransferError;

/// OCI image manifest media type.
pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
/// OCI image index media type.
pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
/// Docker v2 schema 2 manifest media type.
pub const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
/// Docker v2 schema 2 manifest list media type.
pub const DOCKER_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";
/// Docker v2 schema 1 (signed) manifest media type; not supported.
pub const DOCKER_SCHEMA1: &str = "application/vnd.docker.distribution.manifest.v1+prettyjws";

/// The manifest types coracle accepts, in order of preference.
pub const ACCEPTED: &[&str] = &[OCI_INDEX, DOCKER_LIST, OCI_MANIFEST, DOCKER_MANIFEST];

/// A content descriptor (digest, size, media type), shared by OCI and Docker manifests.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Descriptor {
    /// Media type of the content.
    #[serde(default)]
    pub media_type: String,
    /// Digest of the content, "sha256:…".
    pub digest: String,
    /// Size of the content in bytes.
    pub size: i64,
    /// Platform, for entries of an index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<DescriptorPlatform>,
}

/// The platform of an index entry.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct DescriptorPlatform {
    /// CPU architecture, Go naming (amd64, arm64…).
    pub architecture: String,
    /// Operating system (linux…).
    pub os: String,
    /// CPU variant (v7, v8…).
    #[serde(default)]
    pub variant: Option<String>,
}

/// An image manifest: one config and the layers, bottom first.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageManifest {
    /// The image configuration blob.
    pub config: Descriptor,
    /// The layer blobs, bottom first.
    pub layers: Vec<Descriptor>,
}

/// An image index or manifest list.
#[derive(Clone, Debug, Deserialize)]
pub struct ImageIndex {
    /// One entry per platform image.
    pub manifests: Vec<Descriptor>,
}

/// A parsed manifest document.
#[derive(Clone, Debug)]
pub enum Manifest {
    /// A single-platform image.
    Image(ImageManifest),
    /// A multi-platform index.
    Index(ImageIndex),
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Envelope {
    schema_version: Option<i64>,
    #[serde(default)]
    media_type: Option<String>,
    #[serde(default)]
    manifests: Option<serde_json::Value>,
}

impl Manifest {
    /// Parse manifest bytes. `content_type` is what the registry said, if anything;
    /// the document's own `mediaType` wins when present. Returns the manifest and its media type.
    pub fn parse(
        bytes: &[u8],
        content_type: Option<&str>,
    ) -> Result<(Manifest, String), TransferError> {
        let bad = |why: String| TransferError::BadManifest(why);
        let env: Envelope = serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?;
        if env.schema_version == Some(1) {
            return Err(TransferError::Unsupported(format!(
                "manifest type {DOCKER_SCHEMA1} (Docker schema 1)"
            )));
        }
        let media_type = env
            .media_type
            .clone()
            .or_else(|| content_type.map(|c| c.split(';').next().unwrap_or(c).trim().to_string()))
            .filter(|m| !m.is_empty() && m != "application/json")
            .unwrap_or_else(|| {
                if env.manifests.is_some() {
                    OCI_INDEX.into()
                } else {
                    OCI_MANIFEST.into()
                }
            });
        let manifest = match media_type.as_str() {
            OCI_INDEX | DOCKER_LIST => {
                Manifest::Index(serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?)
            }
            OCI_MANIFEST | DOCKER_MANIFEST => {
                Manifest::Image(serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?)
            }
            other => return Err(TransferError::Unsupported(format!("manifest type {other}"))),
        };
        Ok((manifest, media_type))
    }
}

impl ImageIndex {
    /// Pick the entry for `want`: an exact variant match first, then any entry whose
    /// os and architecture match. Errors list what the index offers.
    pub fn select(&self, want: &Platform) -> Result<&Descriptor, TransferError> {
        let candidates: Vec<&Descriptor> = self
            .manifests
            .iter()
            .filter(|d| {
                d.platform
                    .as_ref()
                    .is_some_and(|p| want.matches(&p.os, &p.architecture, p.variant.as_deref()))
            })
            .collect();
        let exact = candidates.iter().find(|d| {
            d.platform
                .as_ref()
                .is_some_and(|p| p.variant.as_deref() == want.variant.as_deref())
        });
        exact.or(candidates.first()).copied().ok_or_else(|| {
            let offered: Vec<String> = self
                .manifests
                .iter()
                .filter_map(|d| d.platform.as_ref())
                .map(|p| match &p.variant {
                    Some(v) => format!("{}/{}/{}", p.os, p.architecture, v),
                    None => format!("{}/{}", p.os, p.architecture),
                })
                .collect();
            TransferError::NoMatchingPlatform {
                wanted: want.to_string(),
                offered: offered.join(", "),
            }
        })
    }
}

/// The parts of an image configuration that coracle reads (the whole blob is kept as stored).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct ImageConfig {
    /// CPU architecture.
    #[serde(default)]
    pub architecture: String,
    /// Operating system.
    #[serde(default)]
    pub os: String,
    /// CPU variant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// Creation time, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// Author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The runtime defaults (Env, Cmd, Entrypoint…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<ContainerConfig>,
    /// The uncompressed layer digests.
    #[serde(default)]
    pub rootfs: RootFs,
    /// Build history, kept verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<serde_json::Value>,
}

/// Runtime defaults from an image configuration.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ContainerConfig {
    /// User to run as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Ports the image exposes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exposed_ports: Option<BTreeMap<String, serde_json::Value>>,
    /// Environment, "KEY=value".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env: Option<Vec<String>>,
    /// Entrypoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entrypoint: Option<Vec<String>>,
    /// Default command.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cmd: Option<Vec<String>>,
    /// Volumes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volumes: Option<BTreeMap<String, serde_json::Value>>,
    /// Working directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_dir: Option<String>,
    /// Labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
    /// Stop signal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_signal: Option<String>,
}

/// The rootfs section of an image configuration.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct RootFs {
    /// Always "layers".
    #[serde(rename = "type", default)]
    pub kind: String,
    /// Uncompressed layer digests, bottom first.
    #[serde(default)]
    pub diff_ids: Vec<String>,
}

impl ImageConfig {
    /// Parse a configuration blob.
    pub fn parse(bytes: &[u8]) -> Result<ImageConfig, TransferError> {
        serde_json::from_slice(bytes)
            .map_err(|e| TransferError::BadManifest(format!("image configuration: {e}")))
    }
}

/// How a layer blob is compressed, from its media type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    /// A plain tar.
    None,
    /// gzip.
    Gzip,
    /// zstd.
    Zstd,
}

impl Compression {
    /// The compression a layer media type names; None for a type that is not a layer.
    pub fn of_media_type(media_type: &str) -> Option<Compression> {
        match media_type {
            "application/vnd.oci.image.layer.v1.tar"
            | "application/vnd.oci.image.layer.nondistributable.v1.tar"
            | "application/vnd.docker.image.rootfs.diff.tar" => Some(Compression::None),
            "application/vnd.oci.image.layer.v1.tar+gzip"
            | "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip"
            | "application/vnd.docker.image.rootfs.diff.tar.gzip"
            | "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip" => {
                Some(Compression::Gzip)
            }
            "application/vnd.oci.image.layer.v1.tar+zstd"
            | "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd"
            | "application/vnd.docker.image.rootfs.diff.tar.zstd" => Some(Compression::Zstd),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_oci_manifest() {
        let m = br#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
            "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:aa","size":2},
            "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+zstd","digest":"sha256:bb","size":3}]}"#;
        let (parsed, mt) = Manifest::parse(m, None).unwrap();
        assert_eq!(mt, OCI_MANIFEST);
        let Manifest::Image(img) = parsed else {
            panic!("not an image")
        };
        assert_eq!(img.layers[0].size, 3);
        assert_eq!(
            Compression::of_media_type(&img.layers[0].media_type),
            Some(Compression::Zstd)
        );
    }

    #[test]
    fn media_type_falls_back_to_content_type_then_shape() {
        let m = br#"{"schemaVersion":2,"config":{"digest":"sha256:aa","size":2},"layers":[]}"#;
        let (_, mt) = Manifest::parse(
            m,
            Some("application/vnd.docker.distribution.manifest.v2+json; charset=utf-8"),
        )
        .unwrap();
        assert_eq!(mt, DOCKER_MANIFEST);
        let idx = br#"{"schemaVersion":2,"manifests":[]}"#;
        let (p, mt) = Manifest::parse(idx, None).unwrap();
        assert_eq!(mt, OCI_INDEX);
        assert!(matches!(p, Manifest::Index(_)));
    }

    #[test]
    fn rejects_schema1_and_garbage() {
        let e = Manifest::parse(br#"{"schemaVersion":1,"fsLayers":[]}"#, None).unwrap_err();
        assert!(e.to_string().contains("schema 1"), "{e}");
        assert!(Manifest::parse(b"not json", None).is_err());
    }

    #[test]
    fn selects_platform_preferring_exact_variant() {
        let idx: ImageIndex = serde_json::from_str(
            r#"{"manifests":[
            {"digest":"sha256:1","size":1,"platform":{"architecture":"amd64","os":"linux"}},
            {"digest":"sha256:2","size":1,"platform":{"architecture":"arm","os":"linux","variant":"v6"}},
            {"digest":"sha256:3","size":1,"platform":{"architecture":"arm","os":"linux","variant":"v7"}}]}"#,
        )
        .unwrap();
        let arm7 = Platform {
            os: "linux".into(),
            architecture: "arm".into(),
            variant: Some("v7".into()),
        };
        assert_eq!(idx.select(&arm7).unwrap().digest, "sha256:3");
        let amd = Platform {
            os: "linux".into(),
            architecture: "amd64".into(),
            variant: None,
        };
        assert_eq!(idx.select(&amd).unwrap().digest, "sha256:1");
        let s390 = Platform {
            os: "linux".into(),
            architecture: "s390x".into(),
            variant: None,
        };
        let err = idx.select(&s390).unwrap_err().to_string();
        assert!(
            err.contains("linux/s390x") && err.contains("linux/arm/v7"),
            "{err}"
        );
    }
}
