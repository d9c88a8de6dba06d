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
    /// host\[:port\]
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

/// Check a registry host\[:port\] (a DNS name, IPv4 address or bracketed IPv6
/// address, with an optional port); the error says what is wrong.
pub(crate) fn check_domain(d: &str) -> std::result::Result<(), String> {
    let (host, port) = if let Some(rest) = d.strip_prefix('[') {
        let (addr, after) = rest
            .split_once(']')
            .ok_or_else(|| format!("bad registry {d:?}: unclosed '['"))?;
        if addr.parse::<std::net::Ipv6Addr>().is_err() {
            return Err(format!(
                "bad registry {d:?}: {addr:?} is not an IPv6 address"
            ));
        }
        match after {
            "" => return Ok(()),
            _ => match after.strip_prefix(':') {
                Some(p) => ("", Some(p)),
                None => return Err(format!("bad registry {d:?}: junk after ']'")),
            },
        }
    } else {
        match d.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (d, None),
        }
    };
    if let Some(p) = port {
        let ok = !p.is_empty()
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| (1..=65535).contains(&n));
        if !ok {
            return Err(format!("bad port {p:?} in registry {d:?}"));
        }
    }
    if d.starts_with('[') {
        return Ok(());
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    if host.split('.').all(label_ok) {
        Ok(())
    } else {
        Err(format!("bad registry {d:?}"))
    }
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
                check_domain(first).map_err(|reason| invalid(input, reason))?;
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

    type Parts<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>);

    fn parts(r: &Reference) -> Parts<'_> {
        (
            r.registry.as_str(),
            r.repository.as_str(),
            r.tag.as_deref(),
            r.digest.as_ref().map(|d| d.as_str()),
        )
    }

    #[test]
    fn grammar_table() {
        let cases: &[(&str, Parts)] = &[
            (
                "busybox",
                ("docker.io", "library/busybox", Some("latest"), None),
            ),
            (
                "busybox:1.36",
                ("docker.io", "library/busybox", Some("1.36"), None),
            ),
            ("user/app", ("docker.io", "user/app", Some("latest"), None)),
            (
                "docker.io/busybox",
                ("docker.io", "library/busybox", Some("latest"), None),
            ),
            (
                "index.docker.io/library/alpine",
                ("docker.io", "library/alpine", Some("latest"), None),
            ),
            (
                "registry-1.docker.io/x/y:t",
                ("docker.io", "x/y", Some("t"), None),
            ),
            ("localhost/x", ("localhost", "x", Some("latest"), None)),
            (
                "localhost:5000/x/y:t",
                ("localhost:5000", "x/y", Some("t"), None),
            ),
            (
                "127.0.0.1:5000/a/b:t",
                ("127.0.0.1:5000", "a/b", Some("t"), None),
            ),
            (
                "quay.io/a/b-c__d.e---f",
                ("quay.io", "a/b-c__d.e---f", Some("latest"), None),
            ),
            ("[::1]:5000/a", ("[::1]:5000", "a", Some("latest"), None)),
            ("[fe80::1]/a:v", ("[fe80::1]", "a", Some("v"), None)),
            (
                "my-host.example/a/b/c",
                ("my-host.example", "a/b/c", Some("latest"), None),
            ),
            // Docker's rule: "host:5000" alone is the repository "host" with tag "5000".
            (
                "localhost:5000",
                ("docker.io", "library/localhost", Some("5000"), None),
            ),
            (
                "busybox:_x.Y-1",
                ("docker.io", "library/busybox", Some("_x.Y-1"), None),
            ),
        ];
        for (input, want) in cases {
            let r = Reference::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(parts(&r), *want, "{input}");
        }
    }

    #[test]
    fn digests_and_names() {
        let by_digest = Reference::parse(&format!("host.io/a@{D}")).unwrap();
        assert_eq!(parts(&by_digest), ("host.io", "a", None, Some(D)));
        assert_eq!(by_digest.tagged_name(), None);
        assert_eq!(by_digest.digested_name().unwrap(), format!("host.io/a@{D}"));
        assert_eq!(by_digest.to_string(), format!("host.io/a@{D}"));
        let both = Reference::parse(&format!("host.io/a:t@{D}")).unwrap();
        assert_eq!(parts(&both), ("host.io", "a", Some("t"), Some(D)));
        assert_eq!(both.to_string(), format!("host.io/a:t@{D}"));
        let short = Reference::parse(&format!("busybox@{D}")).unwrap();
        assert_eq!(short.repo_name(), "docker.io/library/busybox");
        let plain = Reference::parse("busybox").unwrap();
        assert_eq!(
            plain.tagged_name().unwrap(),
            "docker.io/library/busybox:latest"
        );
        assert_eq!(plain.digested_name(), None);
        assert_eq!(plain.to_string(), "docker.io/library/busybox:latest");
        // Display output parses back to the same reference.
        for r in [&by_digest, &both, &short, &plain] {
            assert_eq!(&Reference::parse(&r.to_string()).unwrap(), r);
        }
    }

    #[test]
    fn to_oci_keeps_every_part() {
        let both = Reference::parse(&format!("127.0.0.1:5000/a/b:t@{D}"))
            .unwrap()
            .to_oci();
        assert_eq!(both.registry(), "127.0.0.1:5000");
        assert_eq!(both.repository(), "a/b");
        assert_eq!(both.tag(), Some("t"));
        assert_eq!(both.digest(), Some(D));
        let hub = Reference::parse("busybox").unwrap().to_oci();
        assert_eq!(hub.registry(), "docker.io");
        assert_eq!(hub.repository(), "library/busybox");
        assert_eq!(hub.tag(), Some("latest"));
        assert_eq!(hub.digest(), None);
        let d = Reference::parse(&format!("quay.io/x@{D}"))
            .unwrap()
            .to_oci();
        assert_eq!((d.tag(), d.digest()), (None, Some(D)));
    }

    #[test]
    fn errors_name_the_bad_part() {
        let long_tag = format!("a:{}", "t".repeat(129));
        let long_name = format!("a/{}", "b".repeat(260));
        let cases = [
            ("Busy Box", "\"Busy Box\": a name cannot contain whitespace"),
            (" busybox", "whitespace"),
            ("busybox\t", "whitespace"),
            (
                "UPPER/case",
                "repository name \"UPPER/case\" must be lowercase",
            ),
            ("quay.io/Team/app", "must be lowercase"),
            ("busybox:bad!", "bad tag \"bad!\""),
            ("busybox:.x", "bad tag \".x\""),
            ("busybox:", "bad tag \"\""),
            (long_tag.as_str(), "bad tag"),
            ("a//b", "empty path component"),
            ("a/", "empty path component"),
            ("/a", "empty path component"),
            ("quay.io/", "the repository name is empty"),
            ("busybox@sha256:abc", "bad digest \"sha256:abc\""),
            ("busybox@md5:0123", "bad digest \"md5:0123\""),
            ("busybox@", "bad digest \"\""),
            (
                "host:99999/a",
                "bad port \"99999\" in registry \"host:99999\"",
            ),
            ("host:0/a", "bad port \"0\""),
            ("host:/a", "bad port \"\""),
            ("host:5x/a", "bad port \"5x\""),
            ("-bad.io/a", "bad registry \"-bad.io\""),
            ("bad..io/a", "bad registry \"bad..io\""),
            ("[::1/a", "unclosed '['"),
            ("[zz]/a", "not an IPv6 address"),
            ("http://host/a", "remove the \"http://\" prefix"),
            ("https://host/a", "\"https://\""),
            ("-a", "bad repository name component \"-a\""),
            ("a_", "bad repository name component \"a_\""),
            ("a___b", "bad repository name component \"a___b\""),
            ("a.-b", "bad repository name component \"a.-b\""),
            ("a:b:c", "bad repository name component \"a:b\""),
            (long_name.as_str(), "longer than 255"),
            ("", "the name is empty"),
        ];
        for (input, needle) in cases {
            let e = Reference::parse(input).unwrap_err().to_string();
            assert!(e.starts_with("invalid reference "), "{input:?}: {e}");
            assert!(e.contains(needle), "{input:?}: {e}");
            assert!(!e.contains('\n'), "{input:?}: {e}");
        }
    }

    #[test]
    fn short_names() {
        for short in ["busybox", "user/app:1", "a/b/c", &format!("busybox@{D}")] {
            assert!(Reference::is_short_name(short), "{short}");
        }
        for long in [
            "localhost/app",
            "quay.io/a",
            "host:5000/a",
            "[::1]/a",
            "docker.io/busybox",
        ] {
            assert!(!Reference::is_short_name(long), "{long}");
        }
    }
}
