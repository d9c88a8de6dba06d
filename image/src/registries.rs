//! registries.conf (version 2): short-name search, aliases, and per-registry
//! settings, loaded from the places and in the order containers-registries.conf(5) gives.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{ImageError, Result};
use crate::paths::ConfigPaths;
use crate::reference::{Reference, DOCKER_HUB};

/// What to do with a short name that has several candidates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ShortNameMode {
    /// Ask on a terminal; without one, several candidates are an error.
    Enforcing,
    /// Ask on a terminal; without one, try the candidates in order.
    #[default]
    Permissive,
    /// Try the candidates in order.
    Disabled,
}

/// One `[[registry]]` table.
#[derive(Clone, Debug, PartialEq)]
pub struct RegistryEntry {
    /// The name prefix it applies to (defaults to `location`).
    pub prefix: String,
    /// Where the registry is.
    pub location: String,
    /// Plain HTTP or unverified TLS allowed.
    pub insecure: bool,
    /// Pulls are refused.
    pub blocked: bool,
}

/// The merged configuration.
#[derive(Clone, Debug, Default)]
pub struct RegistriesConf {
    /// `unqualified-search-registries`, in order.
    pub unqualified_search: Vec<String>,
    /// `[aliases]`: short name → qualified repository.
    pub aliases: BTreeMap<String, String>,
    /// `[[registry]]` tables.
    pub registries: Vec<RegistryEntry>,
    /// `short-name-mode`.
    pub short_name_mode: ShortNameMode,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct FileV2 {
    unqualified_search_registries: Option<Vec<String>>,
    short_name_mode: Option<String>,
    #[serde(default)]
    registry: Vec<FileRegistry>,
    #[serde(default)]
    aliases: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct FileRegistry {
    prefix: Option<String>,
    location: Option<String>,
    #[serde(default)]
    insecure: bool,
    #[serde(default)]
    blocked: bool,
}

fn conf_files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "conf") && p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

impl RegistriesConf {
    /// Load from the standard places: $CONTAINERS_REGISTRIES_CONF alone if set; else the
    /// user's registries.conf (replacing the system one and its drop-ins) or the system
    /// file with /etc/containers/registries.conf.d; then the user's drop-ins.
    pub fn load(paths: &ConfigPaths) -> Result<RegistriesConf> {
        let mut conf = RegistriesConf::default();
        if let Some(only) = &paths.registries_conf {
            conf.merge_file(only)?;
            return Ok(conf);
        }
        let user_dir = paths.config_home.join("containers");
        let user_file = user_dir.join("registries.conf");
        if user_file.exists() {
            conf.merge_file(&user_file)?;
        } else {
            conf.merge_file(&paths.etc_containers.join("registries.conf"))?;
            for f in conf_files_in(&paths.etc_containers.join("registries.conf.d")) {
                conf.merge_file(&f)?;
            }
        }
        for f in conf_files_in(&user_dir.join("registries.conf.d")) {
            conf.merge_file(&f)?;
        }
        Ok(conf)
    }

    /// Merge one file if it exists; later settings override earlier ones.
    fn merge_file(&mut self, path: &Path) -> Result<()> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(ImageError::io(path, e)),
        };
        let other = RegistriesConf::parse(&text, path)?;
        self.merge(other, &text);
        Ok(())
    }

    fn merge(&mut self, other: RegistriesConf, text: &str) {
        // Only fields a file sets override: an empty search list is a real setting.
        if text.contains("unqualified-search-registries") {
            self.unqualified_search = other.unqualified_search;
        }
        if text.contains("short-name-mode") {
            self.short_name_mode = other.short_name_mode;
        }
        self.aliases.extend(other.aliases);
        for entry in other.registries {
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

    /// Parse one file's text; errors name the file and the TOML problem.
    pub fn parse(text: &str, origin: &Path) -> Result<RegistriesConf> {
        let bad = |reason: String| ImageError::Config {
            path: origin.to_path_buf(),
            reason: reason.replace('\n', " "),
        };
        let file: FileV2 = toml::from_str(text)
            .map_err(|e| bad(e.message().to_string() + &line_of(text, e.span())))?;
        let short_name_mode = match file.short_name_mode.as_deref() {
            None | Some("") | Some("permissive") => ShortNameMode::Permissive,
            Some("enforcing") => ShortNameMode::Enforcing,
            Some("disabled") => ShortNameMode::Disabled,
            Some(other) => return Err(bad(format!("invalid short-name-mode {other:?}"))),
        };
        let mut registries = Vec::new();
        for r in file.registry {
            let location = r
                .location
                .clone()
                .or_else(|| r.prefix.clone())
                .unwrap_or_default();
            let prefix = r.prefix.unwrap_or_else(|| location.clone());
            if prefix.is_empty() {
                return Err(bad("a [[registry]] needs a location or a prefix".into()));
            }
            registries.push(RegistryEntry {
                prefix,
                location,
                insecure: r.insecure,
                blocked: r.blocked,
            });
        }
        Ok(RegistriesConf {
            unqualified_search: file.unqualified_search_registries.unwrap_or_default(),
            aliases: file.aliases,
            registries,
            short_name_mode,
        })
    }

    /// The candidates for what the user typed, in order of preference.
    pub fn resolve(&self, input: &str) -> Result<Vec<Reference>> {
        let parsed = Reference::parse(input)?;
        if !Reference::is_short_name(input) {
            return Ok(vec![parsed]);
        }
        let name_end = input.find(['@']).unwrap_or(input.len());
        let name_part = &input[..name_end];
        let bare = match name_part.rfind(':') {
            Some(i) => &name_part[..i],
            None => name_part,
        };
        let suffix = &input[bare.len()..];
        let alias_keys = [bare.to_string(), format!("library/{bare}")];
        if let Some(target) = alias_keys.iter().find_map(|k| self.aliases.get(k)) {
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
        if candidates.len() > 1
            && self.short_name_mode == ShortNameMode::Enforcing
            && !std::io::stdin().is_terminal()
        {
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

    /// The settings for host[:port] or a repository under it: the longest matching prefix.
    pub fn entry_for(&self, name: &str) -> Option<&RegistryEntry> {
        self.registries
            .iter()
            .filter(|e| {
                let p = e.prefix.trim_end_matches('/');
                name == p || name.starts_with(&format!("{p}/")) || wildcard_match(p, name)
            })
            .max_by_key(|e| e.prefix.len())
    }

    /// May this registry be reached over plain HTTP or unverified TLS?
    pub fn is_insecure(&self, host_port: &str) -> bool {
        self.entry_for(host_port).is_some_and(|e| e.insecure)
    }
}

/// `*.example.com` prefixes match any subdomain.
fn wildcard_match(prefix: &str, name: &str) -> bool {
    let Some(domain) = prefix.strip_prefix("*.") else {
        return false;
    };
    let host = name.split('/').next().unwrap_or(name);
    host.ends_with(&format!(".{domain}"))
}

fn line_of(text: &str, span: Option<std::ops::Range<usize>>) -> String {
    match span {
        Some(s) => format!(
            " (line {})",
            text[..s.start.min(text.len())].matches('\n').count() + 1
        ),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(dir: &Path) -> ConfigPaths {
        ConfigPaths {
            etc_containers: dir.join("etc"),
            config_home: dir.join("home/.config"),
            home: dir.join("home"),
            runtime_dir: None,
            registries_conf: None,
            auth_file: None,
        }
    }

    fn write(p: &Path, s: &str) {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, s).unwrap();
    }

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("coracle-regconf-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn defaults_to_docker_hub() {
        let c = RegistriesConf::default();
        let r = c.resolve("busybox").unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].to_string(), "docker.io/library/busybox:latest");
        assert_eq!(
            c.resolve("quay.io/a/b:1").unwrap()[0].to_string(),
            "quay.io/a/b:1"
        );
    }

    #[test]
    fn search_order_aliases_and_insecure() {
        let text = r#"
unqualified-search-registries = ["127.0.0.1:5000", "quay.io"]
[[registry]]
location = "127.0.0.1:5000"
insecure = true
[[registry]]
prefix = "quay.io/secure"
location = "quay.io/secure"
[aliases]
"box" = "127.0.0.1:5000/tools/box"
"#;
        let c = RegistriesConf::parse(text, Path::new("x.conf")).unwrap();
        let r: Vec<String> = c
            .resolve("app:1")
            .unwrap()
            .iter()
            .map(|r| r.to_string())
            .collect();
        assert_eq!(r, ["127.0.0.1:5000/app:1", "quay.io/app:1"]);
        assert_eq!(
            c.resolve("box:2").unwrap()[0].to_string(),
            "127.0.0.1:5000/tools/box:2"
        );
        assert!(c.is_insecure("127.0.0.1:5000"));
        assert!(!c.is_insecure("127.0.0.1:5001"));
        assert!(!c.is_insecure("quay.io"));
        assert_eq!(
            c.entry_for("quay.io/secure/x").unwrap().prefix,
            "quay.io/secure"
        );
    }

    #[test]
    fn user_file_replaces_system_file_and_its_dropins() {
        let d = tmp("precedence");
        let p = paths(&d);
        write(
            &d.join("etc/registries.conf"),
            "unqualified-search-registries = [\"sys.io\"]\n",
        );
        write(
            &d.join("etc/registries.conf.d/10-a.conf"),
            "[aliases]\n\"x\" = \"sys.io/x\"\n",
        );
        let c = RegistriesConf::load(&p).unwrap();
        assert_eq!(c.unqualified_search, ["sys.io"]);
        assert_eq!(c.aliases["x"], "sys.io/x");
        write(
            &d.join("home/.config/containers/registries.conf"),
            "unqualified-search-registries = [\"user.io\"]\n",
        );
        write(
            &d.join("home/.config/containers/registries.conf.d/50-b.conf"),
            "[aliases]\n\"y\" = \"user.io/y\"\n",
        );
        let c = RegistriesConf::load(&p).unwrap();
        assert_eq!(c.unqualified_search, ["user.io"]);
        assert!(!c.aliases.contains_key("x"));
        assert_eq!(c.aliases["y"], "user.io/y");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn malformed_file_names_file_and_line() {
        let e = RegistriesConf::parse("a = [\n\nbad", Path::new("/x/registries.conf"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("/x/registries.conf:"), "{e}");
        assert!(e.contains("line"), "{e}");
        let e = RegistriesConf::parse("short-name-mode = \"loud\"", Path::new("f"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("loud"), "{e}");
    }
}
