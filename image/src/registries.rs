//! registries.conf (version 2, and version 1 for the main file): short-name search,
//! aliases and per-registry settings, loaded from the places and in the order
//! containers-registries.conf(5) gives.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{ImageError, Result};
use crate::paths::ConfigPaths;
use crate::reference::{check_domain, Reference, DOCKER_HUB};

/// What to do with a short name that has several candidates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ShortNameMode {
    /// Ask on a terminal; without one, several candidates are an error.
    Enforcing,
    /// Ask on a terminal; without one, try the candidates in order (the default).
    #[default]
    Permissive,
    /// Try the candidates in order.
    Disabled,
}

/// One `[[registry]]` table.
#[derive(Clone, Debug, PartialEq)]
pub struct RegistryEntry {
    /// The name prefix it applies to (defaults to `location`); may be `*.example.com`.
    pub prefix: String,
    /// Where the registry is (empty only for a wildcard prefix).
    pub location: String,
    /// Plain HTTP or unverified TLS allowed.
    pub insecure: bool,
    /// Pulls are refused.
    pub blocked: bool,
    /// `[[registry.mirror]]` tables, tried in order before `location`.
    pub mirrors: Vec<Mirror>,
}

/// One `[[registry.mirror]]` table.
#[derive(Clone, Debug, PartialEq)]
pub struct Mirror {
    /// Where the mirror is (host\[:port\]\[/path\]).
    pub location: String,
    /// Plain HTTP or unverified TLS allowed.
    pub insecure: bool,
    /// `pull-from-mirror`: which pulls may use it.
    pub pull_from: PullFromMirror,
}

/// `pull-from-mirror`: which pulls a mirror serves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PullFromMirror {
    /// Every pull (the default).
    #[default]
    All,
    /// Pulls by digest only.
    DigestOnly,
    /// Pulls by tag only.
    TagOnly,
}

/// One place to pull a reference from.
#[derive(Clone, Debug, PartialEq)]
pub struct PullSource {
    /// The reference at that place.
    pub reference: Reference,
    /// Plain HTTP or unverified TLS allowed (a mirror's `insecure`).
    pub insecure: bool,
    /// Whether it is a mirror (a failure falls through to the next source).
    pub mirror: bool,
}

/// The merged configuration.
#[derive(Clone, Debug, Default)]
pub struct RegistriesConf {
    /// `unqualified-search-registries`, in order.
    pub unqualified_search: Vec<String>,
    /// `[aliases]`: short name (no tag or digest) → qualified repository.
    pub aliases: BTreeMap<String, String>,
    /// `[[registry]]` tables, one per prefix.
    pub registries: Vec<RegistryEntry>,
    /// `short-name-mode`.
    pub short_name_mode: ShortNameMode,
}

/// A file as written: v2 keys, plus the v1 `[registries.*]` tables.
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct RawFile {
    unqualified_search_registries: Option<Vec<String>>,
    short_name_mode: Option<String>,
    #[serde(default)]
    registry: Vec<RawRegistry>,
    #[serde(default)]
    aliases: BTreeMap<String, String>,
    registries: Option<RawV1>,
}

#[derive(Deserialize)]
struct RawRegistry {
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    location: String,
    #[serde(default)]
    insecure: bool,
    #[serde(default)]
    blocked: bool,
    #[serde(default)]
    mirror: Vec<RawMirror>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct RawMirror {
    #[serde(default)]
    location: String,
    #[serde(default)]
    insecure: bool,
    #[serde(default)]
    pull_from_mirror: Option<String>,
}

#[derive(Deserialize, Default)]
struct RawV1 {
    #[serde(default)]
    search: RawV1List,
    #[serde(default)]
    insecure: RawV1List,
    #[serde(default)]
    block: RawV1List,
}

#[derive(Deserialize, Default)]
struct RawV1List {
    #[serde(default)]
    registries: Vec<String>,
}

/// One parsed file: `None` where the file does not set a value.
struct FileConf {
    unqualified_search: Option<Vec<String>>,
    short_name_mode: Option<ShortNameMode>,
    aliases: BTreeMap<String, String>,
    registries: Vec<RegistryEntry>,
}

/// The `*.conf` files of a drop-in directory, sorted; a missing directory has none.
fn conf_files_in(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(ImageError::io(dir, e)),
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "conf") && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// A location or prefix: trailing "/" dropped, no URL scheme.
fn clean_location(s: &str) -> std::result::Result<String, String> {
    let t = s.trim_end_matches('/');
    if t.starts_with("http://") || t.starts_with("https://") {
        return Err(format!(
            "invalid location {s:?}: URL schemes are not supported"
        ));
    }
    Ok(t.to_string())
}

/// An alias key: a short name without tag or digest.
fn check_alias_name(name: &str) -> std::result::Result<(), String> {
    if name.contains([':', '@']) {
        return Err(format!(
            "invalid short name {name:?}: must not contain a tag or digest"
        ));
    }
    if !Reference::is_short_name(name) {
        return Err(format!(
            "invalid short name {name:?}: must not contain a registry"
        ));
    }
    Reference::parse(name)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// An alias value: a qualified repository without tag or digest ("" resets an alias).
fn check_alias_value(value: &str) -> std::result::Result<(), String> {
    if value.is_empty() {
        return Ok(());
    }
    let last = value.rsplit('/').next().unwrap_or(value);
    if value.contains('@') || last.contains(':') {
        return Err(format!(
            "invalid alias {value:?}: must not contain a tag or digest"
        ));
    }
    if Reference::is_short_name(value) {
        return Err(format!(
            "invalid alias {value:?}: must contain a registry and repository"
        ));
    }
    Reference::parse(value)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Does `name` (host\[:port\], a repository or a reference) fall under `prefix`?
/// As containers/image: the prefix must end at ':', '/' or '@' in `name`, and
/// `*.example.com` matches any subdomain of example.com.
fn prefix_matches(name: &str, prefix: &str) -> bool {
    let end = if let Some(domain) = prefix.strip_prefix('*') {
        match name.find(domain) {
            Some(i) if !name[..i].contains('/') => i + domain.len(),
            _ => return false,
        }
    } else if name.starts_with(prefix) {
        prefix.len()
    } else {
        return false;
    };
    matches!(name.as_bytes().get(end), None | Some(b':' | b'/' | b'@'))
}

impl RegistriesConf {
    /// Load from the standard places: $CONTAINERS_REGISTRIES_CONF alone if set (it must
    /// exist); else the user's registries.conf (which replaces the system file and the
    /// system drop-ins) or the system file with etc_containers/registries.conf.d/*.conf;
    /// then the user's registries.conf.d/*.conf. Later files override earlier ones.
    pub fn load(paths: &ConfigPaths) -> Result<RegistriesConf> {
        let mut conf = RegistriesConf::default();
        if let Some(only) = &paths.registries_conf {
            let text = std::fs::read_to_string(only).map_err(|e| ImageError::io(only, e))?;
            conf.merge(parse_file(&text, only, false)?);
            conf.drop_reset_aliases();
            return Ok(conf);
        }
        let user_dir = paths.config_home.join("containers");
        let user_file = user_dir.join("registries.conf");
        if user_file.exists() {
            conf.merge_file(&user_file, false)?;
        } else {
            conf.merge_file(&paths.etc_containers.join("registries.conf"), false)?;
            for f in conf_files_in(&paths.etc_containers.join("registries.conf.d"))? {
                conf.merge_file(&f, true)?;
            }
        }
        for f in conf_files_in(&user_dir.join("registries.conf.d"))? {
            conf.merge_file(&f, true)?;
        }
        conf.drop_reset_aliases();
        Ok(conf)
    }

    /// Merge one file if it exists (drop-ins must use the v2 format).
    fn merge_file(&mut self, path: &Path, drop_in: bool) -> Result<()> {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                self.merge(parse_file(&text, path, drop_in)?);
                Ok(())
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(ImageError::io(path, e)),
        }
    }

    /// Lay `file` over `self`: values it sets replace ours (an empty search list
    /// included); `[[registry]]` tables replace ours by prefix; aliases merge by name.
    fn merge(&mut self, file: FileConf) {
        if let Some(search) = file.unqualified_search {
            self.unqualified_search = search;
        }
        if let Some(mode) = file.short_name_mode {
            self.short_name_mode = mode;
        }
        self.aliases.extend(file.aliases);
        for entry in file.registries {
            match self
                .registries
                .iter_mut()
                .find(|e| e.prefix == entry.prefix)
            {
                Some(existing) => *existing = entry,
                None => self.registries.push(entry),
            }
        }
    }

    /// An alias set to "" in a later file cancels an earlier one.
    fn drop_reset_aliases(&mut self) {
        self.aliases.retain(|_, v| !v.is_empty());
    }

    /// Parse one file's text; errors name `origin`, and the line for TOML syntax errors.
    pub fn parse(text: &str, origin: &Path) -> Result<RegistriesConf> {
        let mut conf = RegistriesConf::default();
        conf.merge(parse_file(text, origin, false)?);
        conf.drop_reset_aliases();
        Ok(conf)
    }

    /// The candidates for what the user typed, in order of preference: a qualified
    /// name is itself; a short name is its alias (keeping the user's tag or digest),
    /// else one candidate per unqualified-search registry (docker.io when none are
    /// configured).
    pub fn resolve(&self, input: &str) -> Result<Vec<Reference>> {
        let parsed = Reference::parse(input)?;
        if !Reference::is_short_name(input) {
            return Ok(vec![parsed]);
        }
        let name_end = input.find([':', '@']).unwrap_or(input.len());
        let (name, suffix) = input.split_at(name_end);
        if let Some(target) = self.aliases.get(name).filter(|t| !t.is_empty()) {
            return Ok(vec![Reference::parse(&format!("{target}{suffix}"))?]);
        }
        let search: Vec<&str> = if self.unqualified_search.is_empty() {
            vec![DOCKER_HUB]
        } else {
            self.unqualified_search.iter().map(String::as_str).collect()
        };
        search
            .iter()
            .map(|reg| Reference::parse(&format!("{reg}/{input}")))
            .collect()
    }

    /// Candidates for a pull: like [`resolve`](Self::resolve), but in enforcing mode
    /// several candidates without a terminal to ask on are an error (as Podman).
    pub fn resolve_for_pull(&self, input: &str) -> Result<Vec<Reference>> {
        let candidates = self.resolve(input)?;
        let tty = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        if candidates.len() > 1 && self.short_name_mode == ShortNameMode::Enforcing && !tty {
            return Err(ImageError::InvalidReference {
                input: input.to_string(),
                reason: format!(
                    "short-name resolution enforced but cannot prompt without a TTY: use a fully qualified name (candidates: {})",
                    candidates.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(", ")
                ),
            });
        }
        Ok(candidates)
    }

    /// The settings for a host\[:port\], a repository or a reference under it: the
    /// entry with the longest matching prefix.
    pub fn entry_for(&self, name: &str) -> Option<&RegistryEntry> {
        self.registries
            .iter()
            .filter(|e| prefix_matches(name, &e.prefix))
            .max_by_key(|e| e.prefix.len())
    }

    /// May this registry (or repository) be reached over plain HTTP or unverified TLS?
    pub fn is_insecure(&self, name: &str) -> bool {
        self.entry_for(name).is_some_and(|e| e.insecure)
    }

    /// Where to pull `wanted` from, in order: the mirrors of its `[[registry]]` that
    /// serve this kind of pull (by tag or digest), then its location (the prefix
    /// replaced by `location`, as containers/image does).
    pub fn pull_sources(&self, wanted: &Reference) -> Result<Vec<PullSource>> {
        let repository = wanted.repo_name();
        let Some(entry) = self
            .entry_for(&repository)
            .filter(|e| !e.prefix.starts_with("*."))
        else {
            return Ok(vec![PullSource {
                reference: wanted.clone(),
                insecure: false,
                mirror: false,
            }]);
        };
        let rest = &repository[entry.prefix.len().min(repository.len())..];
        let suffix = format!(
            "{}{}",
            wanted
                .tag
                .as_ref()
                .map(|t| format!(":{t}"))
                .unwrap_or_default(),
            wanted
                .digest
                .as_ref()
                .map(|d| format!("@{d}"))
                .unwrap_or_default()
        );
        let by_digest = wanted.digest.is_some();
        let mut sources = Vec::new();
        for m in &entry.mirrors {
            let serves = match m.pull_from {
                PullFromMirror::All => true,
                PullFromMirror::DigestOnly => by_digest,
                PullFromMirror::TagOnly => !by_digest,
            };
            if serves {
                sources.push(PullSource {
                    reference: Reference::parse(&format!("{}{rest}{suffix}", m.location))?,
                    insecure: m.insecure,
                    mirror: true,
                });
            }
        }
        let primary = if entry.location == entry.prefix {
            wanted.clone()
        } else {
            Reference::parse(&format!("{}{rest}{suffix}", entry.location))?
        };
        sources.push(PullSource {
            reference: primary,
            insecure: false,
            mirror: false,
        });
        Ok(sources)
    }

    /// Are pulls from this registry (or repository) refused?
    pub fn is_blocked(&self, name: &str) -> bool {
        self.entry_for(name).is_some_and(|e| e.blocked)
    }
}

/// Check one `[[registry.mirror]]` table.
fn mirror(raw: &RawMirror) -> std::result::Result<Mirror, String> {
    let location = clean_location(&raw.location)?;
    if location.is_empty() {
        return Err("a [[registry.mirror]] needs a location".into());
    }
    let pull_from = match raw.pull_from_mirror.as_deref() {
        None | Some("all") | Some("") => PullFromMirror::All,
        Some("digest-only") => PullFromMirror::DigestOnly,
        Some("tag-only") => PullFromMirror::TagOnly,
        Some(other) => {
            return Err(format!(
                "pull-from-mirror {other:?} of mirror {location:?} must be all, digest-only or tag-only"
            ))
        }
    };
    Ok(Mirror {
        location,
        insecure: raw.insecure,
        pull_from,
    })
}

/// Parse and check one file; `v2_only` refuses the v1 `[registries.*]` tables.
fn parse_file(text: &str, origin: &Path, v2_only: bool) -> Result<FileConf> {
    let bad = |reason: String| ImageError::Config {
        path: origin.to_path_buf(),
        reason: reason.replace('\n', " "),
    };
    let raw: RawFile = toml::from_str(text)
        .map_err(|e| bad(e.message().trim_end().to_string() + &line_of(text, e.span())))?;
    let v2_set = raw.unqualified_search_registries.is_some()
        || raw.short_name_mode.is_some()
        || !raw.registry.is_empty()
        || !raw.aliases.is_empty();
    let mut search = raw.unqualified_search_registries;
    let mut registries = Vec::new();
    let v1 = raw.registries.filter(|v| {
        !(v.search.registries.is_empty()
            && v.insecure.registries.is_empty()
            && v.block.registries.is_empty())
    });
    if let Some(v1) = v1 {
        if v2_only {
            return Err(bad(
                "drop-in files must use the v2 format, not [registries.*] tables".into(),
            ));
        }
        if v2_set {
            return Err(bad(
                "mixing the v1 [registries.*] tables and v2 settings is not supported".into(),
            ));
        }
        // As containers/image converts v1: one entry per location, blocked or insecure.
        for loc in v1.block.registries.iter().chain(&v1.insecure.registries) {
            let location = clean_location(loc).map_err(&bad)?;
            if !registries
                .iter()
                .any(|e: &RegistryEntry| e.location == location)
            {
                registries.push(RegistryEntry {
                    prefix: location.clone(),
                    location,
                    insecure: false,
                    blocked: false,
                    mirrors: Vec::new(),
                });
            }
        }
        for e in &mut registries {
            e.blocked = v1
                .block
                .registries
                .iter()
                .any(|r| r.trim_end_matches('/') == e.location);
            e.insecure = v1
                .insecure
                .registries
                .iter()
                .any(|r| r.trim_end_matches('/') == e.location);
        }
        search = Some(v1.search.registries).filter(|s| !s.is_empty());
    }
    for r in raw.registry {
        let location = clean_location(&r.location).map_err(&bad)?;
        let prefix = match clean_location(&r.prefix).map_err(&bad)? {
            p if p.is_empty() && location.is_empty() => {
                return Err(bad("a [[registry]] needs a location or a prefix".into()))
            }
            p if p.is_empty() => location.clone(),
            p if p.starts_with("*.") && p.contains(['/', '@', ':']) => {
                return Err(bad(format!(
                    "wildcard prefix {p:?} must have the form *.example.com"
                )))
            }
            p if !p.starts_with("*.") && location.is_empty() => {
                return Err(bad(format!(
                    "[[registry]] prefix {p:?} needs a location (only *.example.com prefixes may omit it)"
                )))
            }
            p => p,
        };
        // The first table for a prefix wins within one file.
        if !registries.iter().any(|e| e.prefix == prefix) {
            let mirrors = r
                .mirror
                .iter()
                .map(|m| mirror(m).map_err(&bad))
                .collect::<Result<Vec<Mirror>>>()?;
            registries.push(RegistryEntry {
                prefix,
                location,
                insecure: r.insecure,
                blocked: r.blocked,
                mirrors,
            });
        }
    }
    if let Some(list) = &mut search {
        for reg in list.iter_mut() {
            *reg = clean_location(reg).map_err(&bad)?;
            check_domain(reg).map_err(|_| {
                bad(format!(
                    "invalid unqualified-search-registries entry {reg:?}"
                ))
            })?;
        }
    }
    let short_name_mode = match raw.short_name_mode.as_deref() {
        None | Some("") => None,
        Some("permissive") => Some(ShortNameMode::Permissive),
        Some("enforcing") => Some(ShortNameMode::Enforcing),
        Some("disabled") => Some(ShortNameMode::Disabled),
        Some(other) => {
            return Err(bad(format!(
                "invalid short-name-mode {other:?}: expected enforcing, permissive or disabled"
            )))
        }
    };
    for (name, value) in &raw.aliases {
        check_alias_name(name)
            .and_then(|()| check_alias_value(value))
            .map_err(|reason| bad(format!("[aliases] {reason}")))?;
    }
    Ok(FileConf {
        unqualified_search: search,
        short_name_mode,
        aliases: raw.aliases,
        registries,
    })
}

/// " (line N)" for a TOML error span.
fn line_of(text: &str, span: Option<std::ops::Range<usize>>) -> String {
    match span {
        Some(s) => format!(
            " (line {})",
            text.get(..s.start).unwrap_or(text).matches('\n').count() + 1
        ),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: &str = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    fn write(p: &Path, s: &str) {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, s).unwrap();
    }

    fn parse(text: &str) -> RegistriesConf {
        RegistriesConf::parse(text, Path::new("test.conf")).unwrap()
    }

    fn parse_err(text: &str) -> String {
        let e = RegistriesConf::parse(text, Path::new("/x/registries.conf"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("/x/registries.conf: "), "{e}");
        assert!(!e.contains('\n'), "{e}");
        e
    }

    fn names(c: &RegistriesConf, input: &str) -> Vec<String> {
        c.resolve(input)
            .unwrap()
            .iter()
            .map(|r| r.to_string())
            .collect()
    }

    #[test]
    fn defaults_to_docker_hub() {
        let c = RegistriesConf::default();
        assert_eq!(names(&c, "busybox"), ["docker.io/library/busybox:latest"]);
        assert_eq!(names(&c, "user/app:2"), ["docker.io/user/app:2"]);
        assert_eq!(names(&c, "quay.io/a/b:1"), ["quay.io/a/b:1"]);
        assert_eq!(c.short_name_mode, ShortNameMode::Permissive);
        assert!(c.resolve("Bad Name").is_err());
    }

    #[test]
    fn search_order_and_aliases() {
        let c = parse(
            r#"
unqualified-search-registries = ["127.0.0.1:5000", "quay.io/", "docker.io"]
[aliases]
"box" = "127.0.0.1:5000/tools/box"
"team/app" = "quay.io/team/app"
"hub" = "docker.io/alpine"
"#,
        );
        assert_eq!(
            c.unqualified_search,
            ["127.0.0.1:5000", "quay.io", "docker.io"]
        );
        assert_eq!(
            names(&c, "app:1"),
            [
                "127.0.0.1:5000/app:1",
                "quay.io/app:1",
                "docker.io/library/app:1"
            ]
        );
        // An alias wins and keeps the user's tag or digest.
        assert_eq!(names(&c, "box"), ["127.0.0.1:5000/tools/box:latest"]);
        assert_eq!(names(&c, "box:2"), ["127.0.0.1:5000/tools/box:2"]);
        assert_eq!(
            names(&c, &format!("box@{D}")),
            [format!("127.0.0.1:5000/tools/box@{D}")]
        );
        assert_eq!(names(&c, "team/app:v"), ["quay.io/team/app:v"]);
        assert_eq!(names(&c, "hub"), ["docker.io/library/alpine:latest"]);
        // Keys match the short name exactly, not a normalised form.
        assert_eq!(names(&c, "library/box").len(), 3);
        assert_eq!(names(&c, "boxes").len(), 3);
        // Qualified names ignore search and aliases.
        assert_eq!(names(&c, "localhost/box"), ["localhost/box:latest"]);
    }

    #[test]
    fn registry_prefix_matching() {
        let c = parse(
            r#"
[[registry]]
location = "127.0.0.1:5000"
insecure = true
[[registry]]
prefix = "quay.io/secure"
location = "quay.io/secure"
blocked = true
[[registry]]
location = "quay.io"
insecure = true
[[registry]]
location = "localhost"
insecure = true
[[registry]]
prefix = "*.internal.example"
insecure = true
"#,
        );
        assert!(c.is_insecure("127.0.0.1:5000"));
        assert!(c.is_insecure("127.0.0.1:5000/a/b:t"));
        assert!(!c.is_insecure("127.0.0.1:5001"));
        assert!(!c.is_insecure("127.0.0.10:5000"));
        // Longest prefix wins.
        let e = c.entry_for("quay.io/secure/x").unwrap();
        assert_eq!(
            (e.prefix.as_str(), e.blocked, e.insecure),
            ("quay.io/secure", true, false)
        );
        assert!(c.is_blocked(&format!("quay.io/secure@{D}")));
        assert!(!c.is_blocked("quay.io/securex/y"));
        assert!(c.is_insecure("quay.io/securex/y"));
        assert!(c.is_insecure("quay.io"));
        assert!(!c.is_insecure("quay.iox"));
        // As containers/image: "localhost" also matches "localhost:5000".
        assert!(c.is_insecure("localhost:5000/a"));
        // Wildcards match subdomains only, in the host part.
        assert!(c.is_insecure("reg.internal.example"));
        assert!(c.is_insecure("a.b.internal.example:443/x"));
        assert!(!c.is_insecure("internal.example"));
        assert!(!c.is_insecure("reg.internal.examples"));
        assert!(!c.is_insecure("docker.io/x.internal.example"));
        assert!(c.entry_for("docker.io").is_none());
    }

    #[test]
    fn registry_tables_default_and_dedupe() {
        let c = parse(
            r#"
[[registry]]
prefix = "a.io/x/"
location = "mirror.io/x/"
[[registry]]
prefix = "a.io/x"
location = "other.io"
insecure = true
"#,
        );
        assert_eq!(
            c.registries,
            [RegistryEntry {
                prefix: "a.io/x".into(),
                location: "mirror.io/x".into(),
                insecure: false,
                blocked: false,
                mirrors: Vec::new(),
            }],
            "trailing '/' dropped, first table for a prefix wins"
        );
        let c = parse("[[registry]]\nlocation = \"b.io\"\n");
        assert_eq!(c.registries[0].prefix, "b.io");
    }

    #[test]
    fn v1_format_is_converted() {
        let c = parse(
            r#"
[registries.search]
registries = ["quay.io", "docker.io"]
[registries.insecure]
registries = ["127.0.0.1:5000", "both.io"]
[registries.block]
registries = ["bad.io", "both.io"]
"#,
        );
        assert_eq!(c.unqualified_search, ["quay.io", "docker.io"]);
        assert!(c.is_insecure("127.0.0.1:5000") && !c.is_blocked("127.0.0.1:5000"));
        assert!(c.is_blocked("bad.io/x") && !c.is_insecure("bad.io"));
        assert!(c.is_blocked("both.io") && c.is_insecure("both.io"));
        assert_eq!(c.registries.len(), 3);
    }

    #[test]
    fn invalid_files_are_errors_naming_the_problem() {
        let cases = [
            ("a = [\n\nbad", "(line 3)"),
            ("short-name-mode = \"loud\"", "invalid short-name-mode \"loud\""),
            ("unqualified-search-registries = \"quay.io\"", "invalid type"),
            ("unqualified-search-registries = [\"https://quay.io\"]", "URL schemes"),
            ("unqualified-search-registries = [\"bad host\"]", "\"bad host\""),
            ("[[registry]]\ninsecure = true", "needs a location or a prefix"),
            ("[[registry]]\nlocation = \"http://x.io\"", "invalid location \"http://x.io\""),
            ("[[registry]]\nprefix = \"x.io\"", "prefix \"x.io\" needs a location"),
            ("[[registry]]\nprefix = \"*.x.io:5000\"", "*.example.com"),
            ("[aliases]\n\"box:1\" = \"quay.io/box\"", "short name \"box:1\""),
            ("[aliases]\n\"quay.io/box\" = \"quay.io/box\"", "must not contain a registry"),
            ("[aliases]\n\"box\" = \"quay.io/box:1\"", "alias \"quay.io/box:1\""),
            ("[aliases]\n\"box\" = \"box\"", "must contain a registry"),
            ("[aliases]\n\"box\" = \"quay.io/Box\"", "lowercase"),
            (
                "unqualified-search-registries = [\"a.io\"]\n[registries.search]\nregistries = [\"b.io\"]",
                "mixing",
            ),
        ];
        for (text, needle) in cases {
            let e = parse_err(text);
            assert!(e.contains(needle), "{text:?}: {e}");
        }
        // An empty v1 table is not a v1 file.
        parse("unqualified-search-registries = [\"a.io\"]\n[registries.search]\nregistries = []");
    }

    #[test]
    fn system_file_then_dropins_in_order_then_user_dropins() {
        let d = tempfile::tempdir().unwrap();
        let p = ConfigPaths::under(d.path());
        assert!(
            RegistriesConf::load(&p).unwrap().registries.is_empty(),
            "no files is fine"
        );
        let etc = &p.etc_containers;
        write(
            &etc.join("registries.conf"),
            "unqualified-search-registries = [\"sys.io\"]\nshort-name-mode = \"enforcing\"\n\
             [[registry]]\nlocation = \"r.io\"\ninsecure = true\n\
             [aliases]\n\"x\" = \"sys.io/x\"\n\"gone\" = \"sys.io/gone\"\n",
        );
        write(
            &etc.join("registries.conf.d/20-b.conf"),
            "unqualified-search-registries = [\"b.io\"]\n",
        );
        write(
            &etc.join("registries.conf.d/10-a.conf"),
            "unqualified-search-registries = [\"a.io\"]\n[aliases]\n\"gone\" = \"\"\n",
        );
        write(&etc.join("registries.conf.d/30-c.conf.bak"), "not toml [");
        write(
            &p.config_home.join("containers/registries.conf.d/50-u.conf"),
            "[[registry]]\nlocation = \"r.io\"\nblocked = true\n[aliases]\n\"y\" = \"user.io/y\"\n",
        );
        let c = RegistriesConf::load(&p).unwrap();
        assert_eq!(
            c.unqualified_search,
            ["b.io"],
            "drop-ins sorted, later wins"
        );
        assert_eq!(
            c.short_name_mode,
            ShortNameMode::Enforcing,
            "unset in drop-ins: kept"
        );
        assert_eq!(c.aliases.get("x").map(String::as_str), Some("sys.io/x"));
        assert_eq!(c.aliases.get("y").map(String::as_str), Some("user.io/y"));
        assert!(!c.aliases.contains_key("gone"), "\"\" resets an alias");
        let r = c.entry_for("r.io").unwrap();
        assert!(
            r.blocked && !r.insecure,
            "a later table for a prefix replaces it"
        );
        assert_eq!(c.registries.len(), 1);

        // An explicit empty list in a drop-in is a setting too.
        write(
            &etc.join("registries.conf.d/40-empty.conf"),
            "unqualified-search-registries = []\n",
        );
        assert!(RegistriesConf::load(&p)
            .unwrap()
            .unqualified_search
            .is_empty());

        // Drop-ins must be v2; errors name the file.
        write(
            &etc.join("registries.conf.d/45-v1.conf"),
            "[registries.search]\nregistries = [\"v.io\"]\n",
        );
        let e = RegistriesConf::load(&p).unwrap_err().to_string();
        assert!(e.contains("45-v1.conf") && e.contains("v2 format"), "{e}");
        std::fs::remove_file(etc.join("registries.conf.d/45-v1.conf")).unwrap();
        write(&etc.join("registries.conf.d/45-bad.conf"), "x = \n");
        let e = RegistriesConf::load(&p).unwrap_err().to_string();
        assert!(e.contains("45-bad.conf") && e.contains("line 1"), "{e}");
    }

    #[test]
    fn user_file_replaces_system_file_and_its_dropins() {
        let d = tempfile::tempdir().unwrap();
        let p = ConfigPaths::under(d.path());
        write(
            &p.etc_containers.join("registries.conf"),
            "unqualified-search-registries = [\"sys.io\"]\n",
        );
        write(
            &p.etc_containers.join("registries.conf.d/10-a.conf"),
            "[aliases]\n\"x\" = \"sys.io/x\"\n",
        );
        let user = p.config_home.join("containers");
        write(
            &user.join("registries.conf"),
            "[aliases]\n\"z\" = \"user.io/z\"\n",
        );
        write(
            &user.join("registries.conf.d/50-b.conf"),
            "unqualified-search-registries = [\"user.io\"]\n",
        );
        let c = RegistriesConf::load(&p).unwrap();
        assert_eq!(c.unqualified_search, ["user.io"]);
        assert!(!c.aliases.contains_key("x"));
        assert_eq!(c.aliases["z"], "user.io/z");
    }

    #[test]
    fn env_file_is_the_only_one_read_and_must_exist() {
        let d = tempfile::tempdir().unwrap();
        let mut p = ConfigPaths::under(d.path());
        write(
            &p.etc_containers.join("registries.conf"),
            "unqualified-search-registries = [\"sys.io\"]\n",
        );
        write(
            &p.config_home.join("containers/registries.conf.d/a.conf"),
            "[aliases]\n\"x\" = \"user.io/x\"\n",
        );
        let only = d.path().join("only.conf");
        write(&only, "unqualified-search-registries = [\"env.io\"]\n");
        p.registries_conf = Some(only.clone());
        let c = RegistriesConf::load(&p).unwrap();
        assert_eq!(c.unqualified_search, ["env.io"]);
        assert!(c.aliases.is_empty());
        std::fs::remove_file(&only).unwrap();
        let e = RegistriesConf::load(&p).unwrap_err().to_string();
        assert!(e.contains("only.conf"), "{e}");
    }

    #[test]
    fn enforcing_mode_refuses_ambiguity_without_a_tty() {
        let c = parse(
            "unqualified-search-registries = [\"a.io\", \"b.io\"]\nshort-name-mode = \"enforcing\"\n",
        );
        assert_eq!(c.resolve_for_pull("quay.io/x").unwrap().len(), 1);
        let tty = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        if !tty {
            let e = c.resolve_for_pull("x").unwrap_err().to_string();
            assert!(e.contains("a.io/x:latest, b.io/x:latest"), "{e}");
        }
        let permissive = parse("unqualified-search-registries = [\"a.io\", \"b.io\"]\n");
        assert_eq!(permissive.resolve_for_pull("x").unwrap().len(), 2);
    }

    #[test]
    fn mirrors_come_first_then_the_location() {
        let c = parse(
            r#"
[[registry]]
prefix = "registry.example:5000"
location = "registry.example:5000"
[[registry.mirror]]
location = "127.0.0.1:1"
insecure = true
[[registry.mirror]]
location = "mirror.io/cache"
pull-from-mirror = "digest-only"
"#,
        );
        let wanted = Reference::parse("registry.example:5000/a/b:1").unwrap();
        let sources: Vec<(String, bool, bool)> = c
            .pull_sources(&wanted)
            .unwrap()
            .into_iter()
            .map(|s| (s.reference.to_string(), s.insecure, s.mirror))
            .collect();
        assert_eq!(
            sources,
            [
                ("127.0.0.1:1/a/b:1".to_string(), true, true),
                ("registry.example:5000/a/b:1".to_string(), false, false),
            ],
            "the digest-only mirror is skipped for a pull by tag"
        );
        let e = parse_err("[[registry]]\nlocation = \"a.io\"\n[[registry.mirror]]\nlocation = \"m.io\"\npull-from-mirror = \"sometimes\"\n");
        assert!(e.contains("pull-from-mirror"), "{e}");
    }
}
