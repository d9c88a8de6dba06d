//! Credentials in containers-auth.json(5) format (Podman's), with Docker's
//! config.json as a fallback for reading.

use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use serde_json::{Map, Value};

use crate::error::{ImageError, Result};
use crate::paths::ConfigPaths;

/// A username and password.
#[derive(Clone, PartialEq)]
pub struct Credentials {
    /// User name.
    pub username: String,
    /// Password or token.
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Credentials {{ username: {:?}, password: <hidden> }}",
            self.username
        )
    }
}

/// The file login writes: --authfile, else $REGISTRY_AUTH_FILE, else
/// $XDG_RUNTIME_DIR/containers/auth.json (config_home/containers/auth.json without a runtime dir).
pub fn auth_file_path(paths: &ConfigPaths, authfile: Option<&Path>) -> PathBuf {
    if let Some(p) = authfile
        .map(Path::to_path_buf)
        .or_else(|| paths.auth_file.clone())
    {
        return p;
    }
    match &paths.runtime_dir {
        Some(dir) => dir.join("containers/auth.json"),
        None => paths.config_home.join("containers/auth.json"),
    }
}

fn read_json(path: &Path) -> Result<Option<Value>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(ImageError::io(path, e)),
    };
    if text.trim().is_empty() {
        return Ok(None);
    }
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| ImageError::AuthFile {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })
}

/// The registry an auths key names, as containers/image normalises it: a key with
/// a URL scheme (or any key of the legacy format) is cut to its host; Docker Hub's
/// host names are all "docker.io".
fn normalize_key(key: &str, legacy: bool) -> String {
    let stripped = key
        .strip_prefix("http://")
        .or_else(|| key.strip_prefix("https://"));
    let k = match stripped {
        Some(rest) => rest.split('/').next().unwrap_or(rest),
        None if legacy => key.split('/').next().unwrap_or(key),
        None => key,
    };
    normalize_registry(k).to_string()
}

fn normalize_registry(registry: &str) -> &str {
    match registry {
        "index.docker.io" | "registry-1.docker.io" => "docker.io",
        other => other,
    }
}

fn decode(path: &Path, entry: &Value) -> Result<Option<Credentials>> {
    let Some(auth) = entry.get("auth").and_then(Value::as_str) else {
        return Ok(None);
    };
    if auth.is_empty() {
        return Ok(None);
    }
    let bad = |reason: &str| ImageError::AuthFile {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    let raw = base64::engine::general_purpose::STANDARD
        .decode(auth.trim())
        .map_err(|_| bad("an \"auth\" value is not base64"))?;
    let text = String::from_utf8(raw).map_err(|_| bad("an \"auth\" value is not UTF-8"))?;
    let (username, password) = text
        .split_once(':')
        .ok_or_else(|| bad("an \"auth\" value is not user:password"))?;
    Ok(Some(Credentials {
        username: username.into(),
        password: password.into(),
    }))
}

/// Find credentials in one file: exact keys first, most specific first
/// ("host/ns/repo", "host/ns", "host"), then any key naming the same registry.
fn lookup_in(
    path: &Path,
    legacy: bool,
    registry: &str,
    repository: Option<&str>,
) -> Result<Option<Credentials>> {
    let Some(json) = read_json(path)? else {
        return Ok(None);
    };
    let auths = if legacy {
        json.as_object()
    } else {
        json.get("auths").and_then(Value::as_object)
    };
    let Some(auths) = auths else {
        return Ok(None);
    };
    let registry = normalize_registry(registry);
    let mut exact: Vec<String> = Vec::new();
    if let Some(repo) = repository {
        let mut parts: Vec<&str> = repo.split('/').collect();
        while !parts.is_empty() {
            exact.push(format!("{registry}/{}", parts.join("/")));
            parts.pop();
        }
    }
    exact.push(registry.to_string());
    for key in &exact {
        if let Some(c) = auths
            .get(key)
            .map(|e| decode(path, e))
            .transpose()?
            .flatten()
        {
            return Ok(Some(c));
        }
    }
    for (key, entry) in auths {
        if normalize_key(key, legacy) == registry {
            if let Some(c) = decode(path, entry)? {
                return Ok(Some(c));
            }
        }
    }
    Ok(None)
}

/// Credentials for `registry` (and optionally a repository under it): the auth file,
/// then (without --authfile or $REGISTRY_AUTH_FILE) config_home/containers/auth.json,
/// ~/.docker/config.json and the legacy ~/.dockercfg.
pub fn lookup(
    paths: &ConfigPaths,
    authfile: Option<&Path>,
    registry: &str,
    repository: Option<&str>,
) -> Result<Option<Credentials>> {
    let primary = auth_file_path(paths, authfile);
    if let Some(c) = lookup_in(&primary, false, registry, repository)? {
        return Ok(Some(c));
    }
    if authfile.is_some() || paths.auth_file.is_some() {
        return Ok(None);
    }
    for (fallback, legacy) in [
        (paths.config_home.join("containers/auth.json"), false),
        (paths.home.join(".docker/config.json"), false),
        (paths.home.join(".dockercfg"), true),
    ] {
        if fallback != primary {
            if let Some(c) = lookup_in(&fallback, legacy, registry, repository)? {
                return Ok(Some(c));
            }
        }
    }
    Ok(None)
}

/// Write JSON atomically: a temporary file (mode 0600) in the same directory, then
/// rename. Missing directories are created with mode 0700.
fn write_atomic(path: &Path, value: &Value) -> Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| ImageError::io(dir, e))?;
    let mut text = serde_json::to_vec_pretty(value).map_err(|e| ImageError::AuthFile {
        path: path.into(),
        reason: e.to_string(),
    })?;
    text.push(b'\n');
    let io = |e: std::io::Error| ImageError::io(path, e);
    // tempfile creates the file with mode 0600.
    let mut tmp = tempfile::Builder::new()
        .prefix(".auth.json.")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(&text).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

fn load_or_empty(path: &Path) -> Result<Map<String, Value>> {
    match read_json(path)? {
        Some(Value::Object(m)) => Ok(m),
        Some(_) => Err(ImageError::AuthFile {
            path: path.into(),
            reason: "not a JSON object".into(),
        }),
        None => Ok(Map::new()),
    }
}

/// Store credentials for `registry`, keeping every other entry of the file.
pub fn store(path: &Path, registry: &str, creds: &Credentials) -> Result<()> {
    let mut root = load_or_empty(path)?;
    let auths = root
        .entry("auths")
        .or_insert_with(|| Value::Object(Map::new()));
    let Value::Object(auths) = auths else {
        return Err(ImageError::AuthFile {
            path: path.into(),
            reason: "\"auths\" is not an object".into(),
        });
    };
    let token = base64::engine::general_purpose::STANDARD
        .encode(format!("{}:{}", creds.username, creds.password));
    auths.insert(registry.to_string(), serde_json::json!({ "auth": token }));
    write_atomic(path, &Value::Object(root))
}

/// Remove one registry's entry; Ok(false) when there was none.
pub fn remove(path: &Path, registry: &str) -> Result<bool> {
    let mut root = load_or_empty(path)?;
    let Some(Value::Object(auths)) = root.get_mut("auths") else {
        return Ok(false);
    };
    // The exact key; for a registry (not a namespace) also keys naming the same host.
    let namespaced = registry.contains('/');
    let keys: Vec<String> = auths
        .keys()
        .filter(|k| {
            k.as_str() == registry
                || (!namespaced && normalize_key(k, false) == normalize_registry(registry))
        })
        .cloned()
        .collect();
    if keys.is_empty() {
        return Ok(false);
    }
    // retain keeps the file's order (plain remove would swap entries around).
    auths.retain(|k, _| !keys.contains(k));
    write_atomic(path, &Value::Object(root))?;
    Ok(true)
}

/// Remove every entry (logout --all).
pub fn remove_all(path: &Path) -> Result<()> {
    if !path.exists() {
        return Ok(());
    }
    let mut root = load_or_empty(path)?;
    root.insert("auths".into(), Value::Object(Map::new()));
    write_atomic(path, &Value::Object(root))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn setup() -> (tempfile::TempDir, ConfigPaths) {
        let d = tempfile::tempdir().unwrap();
        let p = ConfigPaths::under(d.path());
        (d, p)
    }

    fn creds(u: &str, p: &str) -> Credentials {
        Credentials {
            username: u.into(),
            password: p.into(),
        }
    }

    fn enc(s: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(s)
    }

    fn write_json(path: &Path, v: Value) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, v.to_string()).unwrap();
    }

    #[test]
    fn auth_file_path_precedence() {
        let (d, mut p) = setup();
        assert_eq!(
            auth_file_path(&p, None),
            d.path().join("run/containers/auth.json")
        );
        p.runtime_dir = None;
        assert_eq!(
            auth_file_path(&p, None),
            d.path().join("home/.config/containers/auth.json")
        );
        p.auth_file = Some(d.path().join("env.json"));
        assert_eq!(auth_file_path(&p, None), d.path().join("env.json"));
        let flag = d.path().join("flag.json");
        assert_eq!(auth_file_path(&p, Some(&flag)), flag);
    }

    #[test]
    fn store_keeps_other_keys_and_is_private() {
        let (_d, p) = setup();
        let path = auth_file_path(&p, None);
        assert!(!path.parent().unwrap().exists());
        store(&path, "first.io", &creds("a", "b")).unwrap();
        let dir_mode = std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(dir_mode & 0o777, 0o700, "created directory is private");
        write_json(
            &path,
            serde_json::json!({"auths": {"other.io": {"auth": enc("x:y")}}, "credHelpers": {"x": "y"}}),
        );
        store(&path, "127.0.0.1:5000", &creds("tester", "pa:ss")).unwrap();
        store(&path, "127.0.0.1:5000", &creds("tester", "new")).unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
        let json: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(
            json["credHelpers"]["x"], "y",
            "other top-level keys are kept"
        );
        assert_eq!(
            json["auths"]["other.io"]["auth"],
            enc("x:y"),
            "other entries are kept"
        );
        assert_eq!(json["auths"]["127.0.0.1:5000"]["auth"], enc("tester:new"));
        let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
        // An existing directory's mode is left alone.
        let shared = tempfile::tempdir().unwrap();
        std::fs::set_permissions(shared.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        store(&shared.path().join("a.json"), "x.io", &creds("u", "p")).unwrap();
        let mode = std::fs::metadata(shared.path())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o755);
    }

    #[test]
    fn store_lookup_remove_round_trip() {
        let (_d, p) = setup();
        let path = auth_file_path(&p, None);
        store(&path, "127.0.0.1:5000", &creds("tester", "pa:ss")).unwrap();
        assert_eq!(
            lookup(&p, None, "127.0.0.1:5000", Some("a/b")).unwrap(),
            Some(creds("tester", "pa:ss")),
            "the password may contain ':'"
        );
        assert_eq!(lookup(&p, None, "127.0.0.1:5001", None).unwrap(), None);
        assert!(remove(&path, "127.0.0.1:5000").unwrap());
        assert!(!remove(&path, "127.0.0.1:5000").unwrap());
        assert_eq!(lookup(&p, None, "127.0.0.1:5000", None).unwrap(), None);
        assert!(!remove(&p.home.join("missing.json"), "x.io").unwrap());
    }

    #[test]
    fn remove_matches_equivalent_keys_but_not_namespaces() {
        let (_d, p) = setup();
        let path = auth_file_path(&p, None);
        write_json(
            &path,
            serde_json::json!({"auths": {
                "https://index.docker.io/v1/": {"auth": enc("a:1")},
                "docker.io": {"auth": enc("a:2")},
                "docker.io/team": {"auth": enc("a:3")},
                "quay.io": {"auth": enc("q:1")},
            }}),
        );
        assert!(remove(&path, "docker.io").unwrap());
        let json: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let keys: Vec<&String> = json["auths"].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["docker.io/team", "quay.io"]);
        assert!(remove(&path, "docker.io/team").unwrap());
        remove_all(&path).unwrap();
        let json: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(json["auths"], serde_json::json!({}));
        remove_all(&p.home.join("none.json")).unwrap();
        assert!(!p.home.join("none.json").exists());
    }

    #[test]
    fn lookup_order_and_specific_keys() {
        let (d, p) = setup();
        let runtime = auth_file_path(&p, None);
        let config = p.config_home.join("containers/auth.json");
        let docker = p.home.join(".docker/config.json");
        let legacy = p.home.join(".dockercfg");
        write_json(
            &runtime,
            serde_json::json!({"auths": {"a.io": {"auth": enc("run:1")}}}),
        );
        write_json(
            &config,
            serde_json::json!({"auths": {"a.io": {"auth": enc("cfg:1")}, "b.io": {"auth": enc("cfg:2")}}}),
        );
        write_json(
            &docker,
            serde_json::json!({"auths": {
                "b.io": {"auth": enc("dock:0")},
                "https://index.docker.io/v1/": {"auth": enc("hub:pw")},
                "https://c.io/v2/": {"auth": enc("c:url")},
                "quay.io": {"auth": enc("q:1")},
                "quay.io/team": {"auth": enc("q:2")},
                "quay.io/team/app": {"auth": enc("q:3")},
                "empty.io": {},
            }}),
        );
        write_json(
            &legacy,
            serde_json::json!({"https://old.io/v1/": {"auth": enc("old:1")}}),
        );
        let get = |reg: &str, repo: Option<&str>| lookup(&p, None, reg, repo).unwrap();
        assert_eq!(
            get("a.io", None),
            Some(creds("run", "1")),
            "runtime file first"
        );
        assert_eq!(
            get("b.io", None),
            Some(creds("cfg", "2")),
            "then config_home"
        );
        assert_eq!(
            get("docker.io", Some("library/busybox")),
            Some(creds("hub", "pw"))
        );
        assert_eq!(get("index.docker.io", None), Some(creds("hub", "pw")));
        assert_eq!(
            get("c.io", None),
            Some(creds("c", "url")),
            "URL keys name their host"
        );
        assert_eq!(get("quay.io", Some("team/app")), Some(creds("q", "3")));
        assert_eq!(get("quay.io", Some("team/app2")), Some(creds("q", "2")));
        assert_eq!(get("quay.io", Some("other/app")), Some(creds("q", "1")));
        assert_eq!(get("quay.io", None), Some(creds("q", "1")));
        assert_eq!(
            get("old.io", None),
            Some(creds("old", "1")),
            "legacy ~/.dockercfg"
        );
        assert_eq!(get("empty.io", None), None);
        assert_eq!(get("team", None), None);
        // --authfile (or $REGISTRY_AUTH_FILE) means only that file.
        let only = d.path().join("only.json");
        write_json(
            &only,
            serde_json::json!({"auths": {"z.io": {"auth": enc("z:1")}}}),
        );
        assert_eq!(lookup(&p, Some(&only), "quay.io", None).unwrap(), None);
        assert_eq!(
            lookup(&p, Some(&only), "z.io", None).unwrap(),
            Some(creds("z", "1"))
        );
        let mut env = p.clone();
        env.auth_file = Some(only.clone());
        assert_eq!(lookup(&env, None, "a.io", None).unwrap(), None);
        assert_eq!(
            lookup(&env, None, "z.io", None).unwrap(),
            Some(creds("z", "1"))
        );
    }

    #[test]
    fn malformed_files_name_the_file() {
        let (_d, p) = setup();
        let path = auth_file_path(&p, None);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "   \n").unwrap();
        assert_eq!(
            lookup(&p, None, "x.io", None).unwrap(),
            None,
            "blank file is empty"
        );
        let cases = [
            ("{not json", "key must be a string"),
            (r#"{"auths":{"x.io":{"auth":"!!!"}}}"#, "not base64"),
            (
                r#"{"auths":{"x.io":{"auth":"bm9jb2xvbg=="}}}"#,
                "not user:password",
            ),
            (r#"{"auths":{"x.io":{"auth":"/w=="}}}"#, "not UTF-8"),
        ];
        for (text, needle) in cases {
            std::fs::write(&path, text).unwrap();
            let e = lookup(&p, None, "x.io", None).unwrap_err().to_string();
            assert!(e.contains("auth.json") && e.contains(needle), "{text}: {e}");
            assert!(!e.contains('\n'), "{e}");
        }
        std::fs::write(&path, "[1]").unwrap();
        let e = store(&path, "x.io", &creds("u", "p"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("not a JSON object"), "{e}");
        std::fs::write(&path, r#"{"auths": 3}"#).unwrap();
        let e = store(&path, "x.io", &creds("u", "p"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("\"auths\" is not an object"), "{e}");
    }

    #[test]
    fn debug_hides_the_password() {
        let s = format!("{:?}", creds("me", "secret"));
        assert!(s.contains("me") && !s.contains("secret"), "{s}");
    }
}
