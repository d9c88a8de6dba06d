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

/// Normalise an auths key: drop the scheme and a trailing "/v1/" or "/".
fn normalize_key(key: &str) -> String {
    let k = key
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let k = k
        .trim_end_matches('/')
        .trim_end_matches("/v1")
        .trim_end_matches("/v2");
    match k {
        "index.docker.io" | "registry-1.docker.io" => "docker.io".into(),
        other => other.to_string(),
    }
}

fn decode(path: &Path, entry: &Value) -> Result<Option<Credentials>> {
    let Some(auth) = entry.get("auth").and_then(Value::as_str) else {
        return Ok(None);
    };
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

/// Find credentials in one file: the most specific key ("host/ns/repo" beats "host") wins.
fn lookup_in(path: &Path, registry: &str, repository: Option<&str>) -> Result<Option<Credentials>> {
    let Some(json) = read_json(path)? else {
        return Ok(None);
    };
    let Some(auths) = json.get("auths").and_then(Value::as_object) else {
        return Ok(None);
    };
    let mut wanted: Vec<String> = Vec::new();
    if let Some(repo) = repository {
        let mut parts: Vec<&str> = repo.split('/').collect();
        while !parts.is_empty() {
            wanted.push(format!("{registry}/{}", parts.join("/")));
            parts.pop();
        }
    }
    wanted.push(registry.to_string());
    for key in &wanted {
        if let Some((_, entry)) = auths.iter().find(|(k, _)| &normalize_key(k) == key) {
            if let Some(c) = decode(path, entry)? {
                return Ok(Some(c));
            }
        }
    }
    Ok(None)
}

/// Credentials for `registry` (and optionally a repository under it): the auth file,
/// then (without --authfile) config_home/containers/auth.json and ~/.docker/config.json.
pub fn lookup(
    paths: &ConfigPaths,
    authfile: Option<&Path>,
    registry: &str,
    repository: Option<&str>,
) -> Result<Option<Credentials>> {
    let primary = auth_file_path(paths, authfile);
    if let Some(c) = lookup_in(&primary, registry, repository)? {
        return Ok(Some(c));
    }
    if authfile.is_some() || paths.auth_file.is_some() {
        return Ok(None);
    }
    for fallback in [
        paths.config_home.join("containers/auth.json"),
        paths.home.join(".docker/config.json"),
    ] {
        if fallback != primary {
            if let Some(c) = lookup_in(&fallback, registry, repository)? {
                return Ok(Some(c));
            }
        }
    }
    Ok(None)
}

/// Write JSON atomically: temp file (0600) in the same directory, then rename.
fn write_atomic(path: &Path, value: &Value) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| ImageError::io(dir, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("auth.json"),
        std::process::id()
    ));
    let text = serde_json::to_string_pretty(value).map_err(|e| ImageError::AuthFile {
        path: path.into(),
        reason: e.to_string(),
    })?;
    let result = (|| -> std::io::Result<()> {
        use std::os::unix::fs::OpenOptionsExt;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.write_all(b"\n")?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(ImageError::io(path, e));
    }
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
    let keys: Vec<String> = auths
        .keys()
        .filter(|k| normalize_key(k) == registry)
        .cloned()
        .collect();
    if keys.is_empty() {
        return Ok(false);
    }
    for k in keys {
        auths.remove(&k);
    }
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

    fn setup(name: &str) -> (PathBuf, ConfigPaths) {
        let d = std::env::temp_dir().join(format!("coracle-auth-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        let p = ConfigPaths {
            etc_containers: d.join("etc"),
            config_home: d.join("config"),
            home: d.join("home"),
            runtime_dir: Some(d.join("run")),
            registries_conf: None,
            auth_file: None,
        };
        (d, p)
    }

    fn creds(u: &str, p: &str) -> Credentials {
        Credentials {
            username: u.into(),
            password: p.into(),
        }
    }

    #[test]
    fn store_lookup_remove_round_trip() {
        let (d, p) = setup("roundtrip");
        let path = auth_file_path(&p, None);
        assert_eq!(path, d.join("run/containers/auth.json"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            &path,
            r#"{"auths":{"other.io":{"auth":"eDp5"}},"credHelpers":{"x":"y"}}"#,
        )
        .unwrap();
        store(&path, "127.0.0.1:5000", &creds("tester", "pa:ss")).unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let json: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(json["credHelpers"]["x"], "y", "other keys are kept");
        assert_eq!(
            lookup(&p, None, "127.0.0.1:5000", None).unwrap(),
            Some(creds("tester", "pa:ss"))
        );
        assert_eq!(
            lookup(&p, None, "other.io", Some("a/b")).unwrap(),
            Some(creds("x", "y"))
        );
        assert!(remove(&path, "127.0.0.1:5000").unwrap());
        assert!(!remove(&path, "127.0.0.1:5000").unwrap());
        assert_eq!(lookup(&p, None, "127.0.0.1:5000", None).unwrap(), None);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn docker_config_fallback_and_specific_keys() {
        let (d, p) = setup("fallback");
        let docker = d.join("home/.docker/config.json");
        std::fs::create_dir_all(docker.parent().unwrap()).unwrap();
        let enc = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
        std::fs::write(
            &docker,
            serde_json::json!({"auths": {
                "https://index.docker.io/v1/": {"auth": enc("hub:pw")},
                "quay.io": {"auth": enc("q:1")},
                "quay.io/team/app": {"auth": enc("q:2")}
            }})
            .to_string(),
        )
        .unwrap();
        assert_eq!(
            lookup(&p, None, "docker.io", Some("library/busybox")).unwrap(),
            Some(creds("hub", "pw"))
        );
        assert_eq!(
            lookup(&p, None, "quay.io", Some("team/app")).unwrap(),
            Some(creds("q", "2"))
        );
        assert_eq!(
            lookup(&p, None, "quay.io", Some("other/app")).unwrap(),
            Some(creds("q", "1"))
        );
        // --authfile means only that file.
        assert_eq!(
            lookup(&p, Some(&d.join("none.json")), "quay.io", None).unwrap(),
            None
        );
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn malformed_files_name_the_file() {
        let (d, p) = setup("bad");
        let path = auth_file_path(&p, None);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "{not json").unwrap();
        let e = lookup(&p, None, "x.io", None).unwrap_err().to_string();
        assert!(e.contains("auth.json"), "{e}");
        std::fs::write(&path, r#"{"auths":{"x.io":{"auth":"!!!"}}}"#).unwrap();
        assert!(lookup(&p, None, "x.io", None)
            .unwrap_err()
            .to_string()
            .contains("base64"));
        let _ = std::fs::remove_dir_all(&d);
    }
}
