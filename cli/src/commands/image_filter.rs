//! `images --filter KEY=VALUE`, as Podman reads it: `reference=` (a name pattern
//! with `*` and `?`, matched against the full name, the repository, and both
//! without their registry), `dangling=true|false`, `label=KEY[=VALUE]`,
//! `before=IMAGE`, `since=IMAGE` (created before / after that image). Values of
//! one key OR together (labels AND), different keys AND together.

use std::collections::BTreeMap;

use anyhow::{bail, Result};
use coracle_storage::ImageSummary;

use crate::commands::container_filter::{has_label, ContainerFilter};

/// The keys `images --filter` knows.
pub const IMAGE_FILTER_KEYS: [&str; 5] = ["reference", "dangling", "label", "before", "since"];

/// Parsed image filters.
#[derive(Debug, Default)]
pub struct ImageFilter {
    parsed: ContainerFilter,
    /// Creation time (Unix seconds) bounds from before=/since=.
    before: Option<i64>,
    since: Option<i64>,
}

impl ImageFilter {
    /// Parse the `--filter` items; `created_of` gives the creation time of the image
    /// a before=/since= value names (None: no such image).
    pub fn parse(
        items: &[String],
        created_of: impl Fn(&str) -> Option<i64>,
    ) -> Result<ImageFilter> {
        let parsed = ContainerFilter::parse(items, &IMAGE_FILTER_KEYS)?;
        for v in parsed.values("dangling") {
            if v != "true" && v != "false" {
                bail!("invalid filter \"dangling={v}\": use dangling=true or dangling=false");
            }
        }
        let bound = |key: &str| -> Result<Option<i64>> {
            let mut out = None;
            for v in parsed.values(key) {
                match created_of(v) {
                    Some(t) => out = Some(t),
                    None => bail!("invalid filter \"{key}={v}\": no such image {v:?}"),
                }
            }
            Ok(out)
        };
        let (before, since) = (bound("before")?, bound("since")?);
        Ok(ImageFilter {
            parsed,
            before,
            since,
        })
    }

    /// Whether a label filter was given (the caller must then supply labels).
    pub fn needs_labels(&self) -> bool {
        self.parsed.has("label")
    }

    /// Does the image (created at `created`, with `labels`) pass every filter but
    /// `reference`?
    pub fn image_matches(
        &self,
        image: &ImageSummary,
        created: i64,
        labels: &BTreeMap<String, String>,
    ) -> bool {
        let dangling = image.names.is_empty();
        let dangling_ok = self
            .parsed
            .values("dangling")
            .iter()
            .all(|v| (v == "true") == dangling);
        dangling_ok
            && self
                .parsed
                .values("label")
                .iter()
                .all(|l| has_label(labels, l))
            && self.before.is_none_or(|t| created < t)
            && self.since.is_none_or(|t| created > t)
    }

    /// Does the name (`<none>` rows never do) pass the `reference` filter?
    pub fn name_matches(&self, name: Option<&str>) -> bool {
        let patterns = self.parsed.values("reference");
        if patterns.is_empty() {
            return true;
        }
        let Some(name) = name else { return false };
        patterns
            .iter()
            .any(|p| candidates(name).iter().any(|c| glob(p, c)))
    }
}

/// The forms of a name a reference pattern may match: `reg/a/b:t`, `reg/a/b`,
/// `a/b:t`, `a/b`, `b:t`, `b`.
fn candidates(name: &str) -> Vec<&str> {
    let repo = match name.rfind(':') {
        Some(i) if !name[i..].contains('/') => &name[..i],
        _ => name,
    };
    let mut out = Vec::new();
    for full in [name, repo] {
        out.push(full);
        for (i, c) in full.char_indices() {
            if c == '/' {
                out.push(&full[i + 1..]);
            }
        }
    }
    out
}

/// Shell-style match of `text` against `pattern` (`*` any run, `?` one character).
fn glob(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_patterns() {
        let f = ImageFilter::parse(&["reference=busy*".into()], |_| None).unwrap();
        assert!(f.name_matches(Some("127.0.0.1:5000/busybox:latest")));
        assert!(!f.name_matches(Some("127.0.0.1:5000/multilayer:latest")));
        assert!(!f.name_matches(None));
        let f = ImageFilter::parse(&["reference=localhost/a:1".into()], |_| None).unwrap();
        assert!(f.name_matches(Some("localhost/a:1")));
        assert!(!f.name_matches(Some("localhost/a:2")));
        assert!(glob("a?c*", "abcdef") && !glob("a?c", "abcd") && glob("*", ""));
    }

    #[test]
    fn bad_filters_are_refused() {
        assert!(ImageFilter::parse(&["dangling=maybe".into()], |_| None).is_err());
        assert!(ImageFilter::parse(&["before=nosuch".into()], |_| None).is_err());
        assert!(ImageFilter::parse(&["colour=red".into()], |_| None).is_err());
        assert!(ImageFilter::parse(&["since=x".into()], |_| Some(5)).is_ok());
    }
}
