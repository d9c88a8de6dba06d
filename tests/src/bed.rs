//! The running test bed, described by `$CORACLE_TESTBED_DIR/env`.

use std::collections::HashMap;
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

const NOT_RUNNING: &str = "test bed not running: run `sudo bash .ci/testbed start` first";

/// The running test bed, read once from `$CORACLE_TESTBED_DIR/env`.
#[derive(Debug, Clone)]
pub struct TestBed {
    /// Name of the unprivileged test user.
    pub user: String,
    /// Its uid.
    pub uid: u32,
    /// Its primary gid.
    pub gid: u32,
    /// A second unprivileged user with no subordinate ids (single-id fallback).
    pub nosub_user: String,
    /// Plain-HTTP anonymous registry, `127.0.0.1:PORT`.
    pub registry: String,
    /// TLS + basic-auth registry, `127.0.0.1:PORT`.
    pub tls_registry: String,
    /// Plain-HTTP registry with Docker Hub style bearer tokens, `127.0.0.1:PORT`:
    /// anonymous pulls except under `private/`; `tls_user` may pull and push all.
    pub token_registry: String,
    /// World-readable CA certificate of the TLS registry.
    pub tls_ca: PathBuf,
    /// User name accepted by the TLS registry.
    pub tls_user: String,
    /// Password of `tls_user`.
    pub tls_password: String,
    /// Storage root of the plain registry (`docker/registry/v2/...` below it).
    pub registry_data: PathBuf,
    /// The state directory of the test bed.
    pub dir: PathBuf,
}

impl TestBed {
    /// Reference of a fixture in the plain registry, e.g. `fixture("busybox")`
    /// gives `127.0.0.1:PORT/busybox:latest`.
    pub fn fixture(&self, name: &str) -> String {
        format!("{}/{name}:latest", self.registry)
    }

    /// Reference of an image in the TLS registry, e.g. `tls_fixture("busybox")`.
    pub fn tls_fixture(&self, name: &str) -> String {
        format!("{}/{name}:latest", self.tls_registry)
    }

    fn from_env(vars: &HashMap<String, String>) -> Result<TestBed, String> {
        let get = |key: &str| {
            vars.get(key)
                .cloned()
                .ok_or_else(|| format!("missing {key} in test bed env file"))
        };
        let num = |key: &str| -> Result<u32, String> {
            get(key)?
                .parse()
                .map_err(|_| format!("{key} is not a number"))
        };
        Ok(TestBed {
            user: get("CORACLE_TEST_USER")?,
            uid: num("CORACLE_TEST_UID")?,
            gid: num("CORACLE_TEST_GID")?,
            nosub_user: get("CORACLE_TEST_NOSUB_USER")?,
            registry: get("CORACLE_TEST_REGISTRY")?,
            tls_registry: get("CORACLE_TEST_TLS_REGISTRY")?,
            token_registry: get("CORACLE_TEST_TOKEN_REGISTRY")?,
            tls_ca: get("CORACLE_TEST_TLS_CA")?.into(),
            tls_user: get("CORACLE_TEST_TLS_USER")?,
            tls_password: get("CORACLE_TEST_TLS_PASSWORD")?,
            registry_data: get("CORACLE_TEST_REGISTRY_DATA")?.into(),
            dir: get("CORACLE_TESTBED_DIR")?.into(),
        })
    }
}

/// Parse shell-style `KEY=VALUE` lines; blank lines and `#` comments are skipped and
/// one level of surrounding single or double quotes is removed.
pub fn parse_env(text: &str) -> HashMap<String, String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| {
            let v = v.trim();
            let unquoted = ['"', '\'']
                .iter()
                .find_map(|q| v.strip_prefix(*q).and_then(|s| s.strip_suffix(*q)))
                .unwrap_or(v);
            (k.trim().to_string(), unquoted.to_string())
        })
        .collect()
}

fn env_file() -> PathBuf {
    std::env::var_os("CORACLE_TESTBED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/tmp/coracle-testbed"))
        .join("env")
}

fn answers(addr: &str) -> bool {
    addr.parse::<SocketAddr>()
        .map(|a| TcpStream::connect_timeout(&a, Duration::from_secs(2)).is_ok())
        .unwrap_or(false)
}

/// The running test bed; panics (tests must fail, never skip) when it is not running.
pub fn testbed() -> &'static TestBed {
    static BED: OnceLock<TestBed> = OnceLock::new();
    BED.get_or_init(|| {
        let path = env_file();
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{NOT_RUNNING} ({}: {e})", path.display()));
        let bed = TestBed::from_env(&parse_env(&text))
            .unwrap_or_else(|e| panic!("{NOT_RUNNING} ({}: {e})", path.display()));
        for addr in [&bed.registry, &bed.tls_registry, &bed.token_registry] {
            assert!(answers(addr), "{NOT_RUNNING} (no registry on {addr})");
        }
        bed
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_env_lines() {
        let vars = parse_env("# c\nA=1\n\nB = \"two words\"\nC='x=y'\nnoequals\n");
        assert_eq!(vars["A"], "1");
        assert_eq!(vars["B"], "two words");
        assert_eq!(vars["C"], "x=y");
        assert_eq!(vars.len(), 3);
    }

    #[test]
    fn from_env_names_missing_and_bad_keys() {
        let mut vars = parse_env("CORACLE_TEST_USER=u\nCORACLE_TEST_UID=x\n");
        assert_eq!(
            TestBed::from_env(&vars).unwrap_err(),
            "CORACLE_TEST_UID is not a number"
        );
        vars.insert("CORACLE_TEST_UID".into(), "5".into());
        assert_eq!(
            TestBed::from_env(&vars).unwrap_err(),
            "missing CORACLE_TEST_GID in test bed env file"
        );
    }
}
