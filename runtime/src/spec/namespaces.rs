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
    /// Join another container's namespace (`container:NAME|ID`; the full id once
    /// `create` resolved it).
    Container(String),
}

/// The words each flag takes for a namespace of its own, as podman-run(1) lists them
/// (`none` and `bridge` give a network namespace with only loopback: there is no
/// network backend yet; `shareable` is how Podman names a private IPC namespace that
/// others may join, which every coracle container's is).
fn private_words(flag: &str) -> &'static [&'static str] {
    match flag {
        "network" => &["", "private", "none", "bridge"],
        "ipc" => &["", "private", "shareable"],
        _ => &["", "private"],
    }
}

impl NamespaceMode {
    /// Parse Podman's values for `--network`, `--pid`, `--ipc`, `--uts`,
    /// `--cgroupns`: a private namespace (see `private_words`), `host`, `ns:PATH`,
    /// `container:X`.
    pub fn parse(flag: &str, text: &str) -> Result<NamespaceMode> {
        let private = private_words(flag);
        Ok(match text.split_once(':') {
            None if private.contains(&text) => NamespaceMode::New,
            None if text == "host" => NamespaceMode::Host,
            Some(("ns", path)) if path.starts_with('/') => NamespaceMode::Path(path.into()),
            Some(("container", c)) if !c.is_empty() => NamespaceMode::Container(c.into()),
            _ => {
                let words: Vec<&str> = private.iter().copied().filter(|w| !w.is_empty()).collect();
                return Err(RuntimeError::Start(format!(
                    "invalid --{flag} {text:?}: expected {}, host, ns:PATH or container:NAME",
                    words.join(", ")
                )));
            }
        })
    }

    /// Whether the container joins an existing namespace (a path or a container's).
    pub fn is_join(&self) -> bool {
        matches!(self, NamespaceMode::Path(_) | NamespaceMode::Container(_))
    }
}

/// The mode of each namespace of a container.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Namespaces {
    /// User namespace: new (mapped as `--userns`/`--uidmap` say), or the one of the
    /// container whose other namespaces are joined.
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
    /// The namespaces a container may share or join, with their flag names and
    /// `/proc/PID/ns` names, in the order they are joined (after the user namespace).
    pub fn joinable(&self) -> [(&'static str, &'static str, &NamespaceMode); 5] {
        [
            ("pid", "pid", &self.pid),
            ("uts", "uts", &self.uts),
            ("ipc", "ipc", &self.ipc),
            ("network", "net", &self.network),
            ("cgroupns", "cgroup", &self.cgroup),
        ]
    }

    /// The containers (names or ids) whose namespaces these modes join.
    pub fn joined_containers(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for mode in [&self.user, &self.mount]
            .into_iter()
            .chain(self.joinable().map(|(_, _, m)| m))
        {
            if let NamespaceMode::Container(x) = mode {
                if !out.contains(&x.as_str()) {
                    out.push(x);
                }
            }
        }
        out
    }

    /// Refuse what the start path cannot make, naming the flag: the mount namespace
    /// is always new, the user namespace is new or joined with the other namespaces
    /// of one container, and the namespaces of two containers cannot be joined at
    /// once (each rootless container owns a user namespace, and a process is in one).
    pub fn check_supported(&self) -> Result<()> {
        if self.mount != NamespaceMode::New {
            return Err(RuntimeError::Start(
                "a container always has a mount namespace of its own".into(),
            ));
        }
        if matches!(self.user, NamespaceMode::Host | NamespaceMode::Path(_)) {
            return Err(RuntimeError::Start(format!(
                "--userns {:?}: a container's user namespace is new, or the one of the container it joins",
                self.user
            )));
        }
        let joined = self.joined_containers();
        if joined.len() > 1 {
            return Err(RuntimeError::Start(format!(
                "the namespaces of containers {} cannot be joined at once: each container owns a user namespace and a process can be in only one; join the namespaces of one container",
                joined.join(" and ")
            )));
        }
        Ok(())
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
        let ipc = |t| NamespaceMode::parse("ipc", t);
        assert_eq!(ipc("shareable").unwrap(), NamespaceMode::New);
        assert!(ipc("bridge").unwrap_err().to_string().contains("shareable"));
        assert!(NamespaceMode::parse("pid", "none").is_err());
        assert_eq!(
            NamespaceMode::parse("uts", "host").unwrap(),
            NamespaceMode::Host
        );
    }

    #[test]
    fn one_container_may_be_joined() {
        let mut ns = Namespaces::default();
        assert!(ns.check_supported().is_ok());
        ns.network = NamespaceMode::Host;
        ns.pid = NamespaceMode::Container("a".into());
        ns.ipc = NamespaceMode::Container("a".into());
        assert!(ns.check_supported().is_ok());
        assert_eq!(ns.joined_containers(), ["a"]);
        ns.uts = NamespaceMode::Container("b".into());
        let e = ns.check_supported().unwrap_err().to_string();
        assert!(e.contains("a and b"), "{e}");
        ns.uts = NamespaceMode::New;
        ns.mount = NamespaceMode::Host;
        assert!(ns.check_supported().is_err());
    }
}
