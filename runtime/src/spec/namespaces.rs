//! Namespaces as modes: each of a container's namespaces is made new, shared with the
//! host, or joined (a path such as `/proc/PID/ns/net`, or another container's). `exec`,
//! `--network container:X`, pods and a shared rootless network namespace all rest on
//! joining with `setns`.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::{Result, RuntimeError};

/// How one namespace is made.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum NamespaceMode {
    /// A new namespace of its own.
    #[default]
    New,
    /// The host's (the caller's) namespace.
    Host,
    /// Join the namespace at this path (`ns:PATH`).
    Path(PathBuf),
    /// Join another container's namespace (`container:NAME|ID`).
    Container(String),
}

impl NamespaceMode {
    /// Parse Podman's values for `--network`, `--pid`, `--ipc`, `--uts`,
    /// `--cgroupns`: `private` (also `none`/`bridge` for the network, which get a new
    /// namespace with only loopback), `host`, `ns:PATH`, `container:X`.
    pub fn parse(flag: &str, text: &str) -> Result<NamespaceMode> {
        Ok(match text.split_once(':') {
            None if matches!(text, "" | "private" | "none" | "bridge") => NamespaceMode::New,
            None if text == "host" => NamespaceMode::Host,
            Some(("ns", path)) if path.starts_with('/') => NamespaceMode::Path(path.into()),
            Some(("container", c)) if !c.is_empty() => NamespaceMode::Container(c.into()),
            _ => {
                return Err(RuntimeError::Start(format!(
                    "invalid --{flag} {text:?}: expected private, host, ns:PATH or container:NAME"
                )))
            }
        })
    }
}

/// The mode of each namespace of a container.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Namespaces {
    /// User namespace (`Host` only as root).
    pub user: NamespaceMode,
    /// Mount namespace (always new for a container).
    pub mount: NamespaceMode,
    /// PID namespace.
    pub pid: NamespaceMode,
    /// Network namespace.
    pub network: NamespaceMode,
    /// IPC namespace.
    pub ipc: NamespaceMode,
    /// UTS namespace.
    pub uts: NamespaceMode,
    /// Cgroup namespace.
    pub cgroup: NamespaceMode,
}

impl Namespaces {
    /// Refuse modes the start path cannot make yet, naming the flag: every namespace
    /// is new, except the network, which may be the host's.
    pub fn check_supported(&self) -> Result<()> {
        let all = [
            ("userns", &self.user),
            ("mount", &self.mount),
            ("pid", &self.pid),
            ("ipc", &self.ipc),
            ("uts", &self.uts),
            ("cgroupns", &self.cgroup),
        ];
        for (flag, mode) in all {
            if *mode != NamespaceMode::New {
                return Err(RuntimeError::Start(format!(
                    "--{flag} {mode:?}: only a private namespace is supported yet"
                )));
            }
        }
        match &self.network {
            NamespaceMode::New | NamespaceMode::Host => Ok(()),
            other => Err(RuntimeError::Start(format!(
                "--network {other:?}: joining another network namespace is not supported yet"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_parse_like_podman() {
        let p = |t| NamespaceMode::parse("network", t);
        assert_eq!(p("none").unwrap(), NamespaceMode::New);
        assert_eq!(p("private").unwrap(), NamespaceMode::New);
        assert_eq!(p("host").unwrap(), NamespaceMode::Host);
        assert_eq!(
            p("ns:/proc/1/ns/net").unwrap(),
            NamespaceMode::Path("/proc/1/ns/net".into())
        );
        assert_eq!(
            p("container:web").unwrap(),
            NamespaceMode::Container("web".into())
        );
        for bad in ["ns:relative", "container:", "slirp"] {
            let e = p(bad).unwrap_err().to_string();
            assert!(e.contains("--network"), "{e}");
        }
    }

    #[test]
    fn only_what_the_start_path_makes_is_accepted() {
        let mut ns = Namespaces::default();
        assert!(ns.check_supported().is_ok());
        ns.network = NamespaceMode::Host;
        assert!(ns.check_supported().is_ok());
        ns.pid = NamespaceMode::Host;
        assert!(ns
            .check_supported()
            .unwrap_err()
            .to_string()
            .contains("--pid"));
    }
}
