//! Image references, parsed and normalised as Docker and containers/image do:
//! `busybox` is `docker.io/library/busybox:latest`.

use std::fmt;

use coracle_storage::Digest;

use crate::error::{ImageError, Result};

/// Docker Hub's canonical registry name.
pub const DOCKER_HUB: &str = "docker.io";

/// A fully qualified image reference.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Reference {
    /// host[:port]
    pub registry: String,
    /// The repository path, e.g. "library/busybox".
    pub repository: String,
    /// The tag; "latest" when neither tag nor digest was given.
    pub tag: Option<String>,
    /// The manifest digest, when given.
    pub digest: Option<Digest>,
}

fn invalid(input: &str, reason: impl Into<String>) -> ImageError {
    ImageError::InvalidReference {
        input: input.to_string(),
        reason: reason.into(),
    }
}

/// One repository path component: [a-z0-9]+ separated by ".", "_", "__" or dashes.
fn valid_component(c: &str) -> bool {
    let b = c.as_bytes();
    if b.is_empty() || !b[0].is_ascii_alphanumeric() || !b[b.len() - 1].is_ascii_alphanumeric() {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            x if x.is_ascii_lowercase() || x.is_ascii_digit() => i += 1,
            b'.' => {
                if !b[i + 1].is_ascii_alphanumeric() {
                    return false;
                }
                i += 1
            }
            b'_' => {
                let n = if b[i + 1] == b'_' { 2 } else { 1 };
                if !b[i + n].is_ascii_alphanumeric() {
                    return false;
                }
                i += n
            }
            b'-' => {
                while b[i] == b'-' {
                    i += 1
                }
                if !b[i].is_ascii_alphanumeric() {
                    return false;
                }
            }
            _ => return false,
        }
    }
    true
}

fn valid_tag(t: &str) -> bool {
    let b = t.as_bytes();
    !b.is_empty()
        && b.len() <= 128
        && (b[0].is_ascii_alphanumeric() || b[0] == b'_')
        && b.iter()
            .all(|&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || c == b'-')
}

fn valid_domain(d: &str) -> bool {
    let (host, port) = match d.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || d.starts_with('[') => (h, Some(p)),
        _ => (d, None),
    };
    if let Some(p) = port {
        if p.is_empty()
            || !p.bytes().all(|b| b.is_ascii_digit())
            || p.parse::<u32>().map_or(true, |n| n > 65535)
        {
            return false;
        }
    }
    if host.starts_with('[') && host.ends_with(']') {
        return host[1..host.len() - 1]
            .parse::<std::net::Ipv6Addr>()
            .is_ok();
    }
    !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

/// Does the first path component name a registry?
fn is_domain(first: &str) -> bool {
    first.contains('.') || first.contains(':') || first == "localhost" || first.starts_with('[')
}

impl Reference {
    /// Parse and normalise a reference; errors name the bad part.
    pub fn parse(input: &str) -> Result<Reference> {
        if input.is_empty() {
            return Err(invalid(input, "the name is empty"));
        }
        if input.chars().any(|c| c.is_whitespace()) {
            return Err(invalid(input, "a name cannot contain whitespace"));
        }
        if let Some(scheme) = ["http://", "https://", "docker://"]
            .iter()
            .find(|s| input.starts_with(**s))
        {
            return Err(invalid(
                input,
                format!("remove the {scheme:?} prefix: a reference has no scheme"),
            ));
        }
        let (rest, digest) = match input.rsplit_once('@') {
            Some((name, d)) => {
                let digest = Digest::parse(d).map_err(|_| {
                    invalid(
                        input,
                        format!("bad digest {d:?}: expected sha256:<64 hex digits>"),
                    )
                })?;
                (name, Some(digest))
            }
            None => (input, None),
        };
        let (name, tag) = match rest.rfind(':') {
            Some(i) if !rest[i..].contains('/') => (&rest[..i], Some(&rest[i + 1..])),
            _ => (rest, None),
        };
        if let Some(t) = tag {
            if !valid_tag(t) {
                return Err(invalid(
                    input,
                    format!("bad tag {t:?}: tags are up to 128 letters, digits, '_', '.' and '-'"),
                ));
            }
        }
        let (registry, path) = match name.split_once('/') {
            Some((first, path)) if is_domain(first) => {
                if !valid_domain(first) {
                    return Err(invalid(input, format!("bad registry {first:?}")));
                }
                (first.to_string(), path.to_string())
            }
            _ => (DOCKER_HUB.to_string(), name.to_string()),
        };
        let registry = match registry.as_str() {
            "index.docker.io" | "registry-1.docker.io" => DOCKER_HUB.to_string(),
            _ => registry,
        };
        if path.is_empty() {
            return Err(invalid(input, "the repository name is empty"));
        }
        for component in path.split('/') {
            if component.is_empty() {
                return Err(invalid(
                    input,
                    "empty path component (\"//\" or a trailing \"/\")",
                ));
            }
            if component.bytes().any(|b| b.is_ascii_uppercase()) {
                return Err(invalid(
                    input,
                    format!("repository name {path:?} must be lowercase"),
                ));
            }
            if !valid_component(component) {
                return Err(invalid(
                    input,
                    format!("bad repository name component {component:?}"),
                ));
            }
        }
        let repository = if registry == DOCKER_HUB && !path.contains('/') {
            format!("library/{path}")
        } else {
            path
        };
        if registry.len() + 1 + repository.len() > 255 {
            return Err(invalid(input, "the name is longer than 255 characters"));
        }
        let tag = match (tag, &digest) {
            (Some(t), _) => Some(t.to_string()),
            (None, None) => Some("latest".to_string()),
            (None, Some(_)) => None,
        };
        Ok(Reference {
            registry,
            repository,
            tag,
            digest,
        })
    }

    /// True when the input names no registry.
    pub fn is_short_name(input: &str) -> bool {
        match input.split_once('/') {
            Some((first, _)) => !is_domain(first),
            None => true,
        }
    }

    /// "registry/repository".
    pub fn repo_name(&self) -> String {
        format!("{}/{}", self.registry, self.repository)
    }

    /// "registry/repository:tag", when there is a tag.
    pub fn tagged_name(&self) -> Option<String> {
        self.tag
            .as_ref()
            .map(|t| format!("{}:{t}", self.repo_name()))
    }

    /// "registry/repository@digest", when there is a digest.
    pub fn digested_name(&self) -> Option<String> {
        self.digest
            .as_ref()
            .map(|d| format!("{}@{d}", self.repo_name()))
    }

    /// The same reference as oci-client's type (it maps docker.io to its API host itself).
    pub fn to_oci(&self) -> oci_client::Reference {
        match (&self.tag, &self.digest) {
            (Some(t), Some(d)) => oci_client::Reference::with_tag_and_digest(
                self.registry.clone(),
                self.repository.clone(),
                t.clone(),
                d.to_string(),
            ),
            (None, Some(d)) => oci_client::Reference::with_digest(
                self.registry.clone(),
                self.repository.clone(),
                d.to_string(),
            ),
            (t, None) => oci_client::Reference::with_tag(
                self.registry.clone(),
                self.repository.clone(),
                t.clone().unwrap_or_else(|| "latest".into()),
            ),
        }
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.repo_name())?;
        if let Some(t) = &self.tag {
            write!(f, ":{t}")?;
        }
        if let Some(d) = &self.digest {
            write!(f, "@{d}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: &str = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    #[test]
    fn normalises() {
        let cases = [
            ("busybox", "docker.io/library/busybox:latest"),
            ("user/app", "docker.io/user/app:latest"),
            ("busybox:1.36", "docker.io/library/busybox:1.36"),
            (
                "index.docker.io/library/alpine",
                "docker.io/library/alpine:latest",
            ),
            ("localhost/x", "localhost/x:latest"),
            ("localhost:5000/x/y:t", "localhost:5000/x/y:t"),
            ("127.0.0.1:5000/a/b:t", "127.0.0.1:5000/a/b:t"),
            ("quay.io/a/b-c__d.e", "quay.io/a/b-c__d.e:latest"),
            ("[::1]:5000/a", "[::1]:5000/a:latest"),
        ];
        for (input, want) in cases {
            assert_eq!(
                Reference::parse(input).unwrap().to_string(),
                want,
                "{input}"
            );
        }
        let by_digest = Reference::parse(&format!("host.io/a@{D}")).unwrap();
        assert_eq!(by_digest.tag, None);
        assert_eq!(by_digest.digested_name().unwrap(), format!("host.io/a@{D}"));
        let both = Reference::parse(&format!("host.io/a:t@{D}")).unwrap();
        assert_eq!(both.tag.as_deref(), Some("t"));
        assert_eq!(both.to_string(), format!("host.io/a:t@{D}"));
        assert_eq!(both.to_oci().digest(), Some(D));
    }

    #[test]
    fn errors_name_the_bad_part() {
        let cases = [
            ("Busy Box", "whitespace"),
            ("UPPER/case", "\"UPPER/case\" must be lowercase"),
            ("busybox:bad tag!", "whitespace"),
            ("busybox:bad!", "bad tag \"bad!\""),
            ("a//b", "empty path component"),
            ("a/", "empty path component"),
            ("busybox@sha256:abc", "bad digest \"sha256:abc\""),
            ("host:99999/a", "bad registry \"host:99999\""),
            ("http://host/a", "\"http://\""),
            ("-a", "bad repository name component \"-a\""),
            ("", "empty"),
        ];
        for (input, needle) in cases {
            let e = Reference::parse(input).unwrap_err().to_string();
            assert!(e.contains(needle), "{input:?}: {e}");
            assert!(!e.contains('\n'));
        }
    }

    #[test]
    fn short_names() {
        assert!(Reference::is_short_name("busybox"));
        assert!(Reference::is_short_name("user/app:1"));
        assert!(!Reference::is_short_name("localhost/app"));
        assert!(!Reference::is_short_name("quay.io/a"));
        assert!(!Reference::is_short_name("host:5000/a"));
    }
}
