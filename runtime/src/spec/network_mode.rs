//! `--network`, `-p` and `-P` as the saved spec keeps them. A network namespace of
//! the container's own ([`crate::spec::NamespaceMode::New`]) is connected as
//! [`NetworkChoice`] says; `host`, `container:X` and `ns:PATH` are namespace modes.

use serde::{Deserialize, Serialize};

use crate::error::{Result, RuntimeError};
use crate::spec::NamespaceMode;

pub use coracle_network::PortMapping;

/// How a container's own network namespace is connected.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum NetworkChoice {
    /// Only loopback (`--network none`; also what containers saved before networking
    /// existed have).
    #[default]
    Loopback,
    /// A veth on each named network's bridge in the shared rootless namespace.
    Bridge(Vec<String>),
    /// A pasta of its own, with these extra options (`pasta[:OPTS]`).
    Pasta(Vec<String>),
    /// A slirp4netns of its own, with these extra options (`slirp4netns[:OPTS]`).
    Slirp4netns(Vec<String>),
}

/// Parse `--network`: the namespace mode and, for a namespace of its own, how it is
/// connected. The empty value (no `--network`) and `bridge` mean the default
/// network; any other single word names a network.
pub fn parse_network(text: &str) -> Result<(NamespaceMode, NetworkChoice)> {
    let options = |opts: &str| -> Vec<String> {
        opts.split(',')
            .filter(|o| !o.is_empty())
            .map(String::from)
            .collect()
    };
    let (mode, choice) = match text.split_once(':') {
        None if text.is_empty() || text == "bridge" => (
            NamespaceMode::New,
            NetworkChoice::Bridge(vec![coracle_network::DEFAULT_NETWORK.to_string()]),
        ),
        None if text == "none" || text == "private" => {
            (NamespaceMode::New, NetworkChoice::Loopback)
        }
        None if text == "pasta" => (NamespaceMode::New, NetworkChoice::Pasta(vec![])),
        None if text == "slirp4netns" => (NamespaceMode::New, NetworkChoice::Slirp4netns(vec![])),
        Some(("pasta", opts)) => (NamespaceMode::New, NetworkChoice::Pasta(options(opts))),
        Some(("slirp4netns", opts)) => {
            let opts = options(opts);
            coracle_network::backend::slirp4netns_flags(&opts)
                .map_err(|e| RuntimeError::Start(e.to_string()))?;
            (NamespaceMode::New, NetworkChoice::Slirp4netns(opts))
        }
        None if text != "host" => {
            let names: Vec<String> = text.split(',').map(String::from).collect();
            for n in &names {
                coracle_network::config::validate_name(n).map_err(|e| {
                    RuntimeError::Start(format!(
                        "invalid --network {text:?}: {e}; or use none, host, pasta, slirp4netns, container:NAME or ns:PATH"
                    ))
                })?;
            }
            (NamespaceMode::New, NetworkChoice::Bridge(names))
        }
        _ => (
            NamespaceMode::parse("network", text)?,
            NetworkChoice::Loopback,
        ),
    };
    Ok((mode, choice))
}

/// `-P`: the image's exposed ports that no `-p` of `explicit` already publishes,
/// each to a free host port (as Podman, an explicit mapping wins).
pub fn unpublished(explicit: &[PortMapping], exposed: Vec<PortMapping>) -> Vec<PortMapping> {
    let covers = |m: &PortMapping, port: &PortMapping| {
        m.protocol == port.protocol
            && (m.container_port..=m.container_port.saturating_add(m.range.saturating_sub(1)))
                .contains(&port.container_port)
    };
    exposed
        .into_iter()
        .filter(|port| !explicit.iter().any(|m| covers(m, port)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_values() {
        let p = |t| parse_network(t).unwrap();
        assert_eq!(p("").1, NetworkChoice::Bridge(vec!["podman".into()]));
        assert_eq!(p("bridge").1, NetworkChoice::Bridge(vec!["podman".into()]));
        assert_eq!(p("none"), (NamespaceMode::New, NetworkChoice::Loopback));
        assert_eq!(p("host").0, NamespaceMode::Host);
        assert_eq!(p("container:a").0, NamespaceMode::Container("a".into()));
        assert_eq!(
            p("pasta:-T,8080").1,
            NetworkChoice::Pasta(vec!["-T".into(), "8080".into()])
        );
        assert_eq!(p("slirp4netns").1, NetworkChoice::Slirp4netns(vec![]));
        assert_eq!(
            p("testnet").1,
            NetworkChoice::Bridge(vec!["testnet".into()])
        );
        assert_eq!(
            p("slirp4netns:allow_host_loopback=false").1,
            NetworkChoice::Slirp4netns(vec!["allow_host_loopback=false".into()])
        );
        assert!(parse_network("slirp4netns:bogus=1").is_err());
        assert!(parse_network("bad name").is_err());
        assert!(parse_network("ns:relative").is_err());
    }

    #[test]
    fn publish_all_leaves_explicit_ports_alone() {
        let p = |t| PortMapping::parse(t).unwrap();
        let explicit = [p("18080:8080"), p("7000-7002/udp")];
        let exposed = vec![p("8080/tcp"), p("8081/tcp"), p("7001/udp"), p("7001/tcp")];
        let added = unpublished(&explicit, exposed);
        assert_eq!(added, [p("8081/tcp"), p("7001/tcp")]);
        assert!(added.iter().all(|m| m.host_port == 0));
    }
}
