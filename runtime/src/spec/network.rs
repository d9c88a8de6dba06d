//! A container's place on user-defined networks (`--network NAME…`,
//! `--network-alias`, `--mac-address`) and its DNS settings (`--dns`,
//! `--dns-search`, `--dns-option`), as saved in its spec.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use coracle_network::etc_files::is_resolv_word;

use crate::error::{Result, RuntimeError};
use crate::spec::namespaces::NamespaceMode;

/// One network the container is attached to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NetworkAttachment {
    /// The network's name.
    pub name: String,
    /// `--network-alias` names, answered by the network's resolver too.
    pub aliases: Vec<String>,
    /// `--mac-address` for the container's interface on this network.
    pub mac: Option<String>,
}

/// `--dns`, `--dns-search`, `--dns-option`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DnsSettings {
    /// Nameservers replacing the host's.
    pub servers: Vec<IpAddr>,
    /// Search domains replacing the host's (`.` alone: none).
    pub search: Vec<String>,
    /// resolv.conf options replacing the host's.
    pub options: Vec<String>,
}

impl DnsSettings {
    /// Check and gather the flags' values.
    pub fn parse(servers: &[String], search: &[String], options: &[String]) -> Result<DnsSettings> {
        let bad = |flag: &str, value: &str, what: &str| {
            RuntimeError::Start(format!("invalid {flag} {value:?}: {what}"))
        };
        let servers = servers
            .iter()
            .map(|s| {
                s.parse::<IpAddr>()
                    .map_err(|_| bad("--dns", s, "expected an IP address such as 192.0.2.1"))
            })
            .collect::<Result<Vec<_>>>()?;
        for s in search {
            if s != "." && !crate::spec::process::is_valid_hostname(s) {
                return Err(bad(
                    "--dns-search",
                    s,
                    "expected a domain such as example.com, or . for none",
                ));
            }
        }
        for o in options {
            if !is_resolv_word(o) {
                return Err(bad("--dns-option", o, "expected one word such as ndots:2"));
            }
        }
        Ok(DnsSettings {
            servers,
            search: search.to_vec(),
            options: options.to_vec(),
        })
    }
}

/// Whether a `--network` value names a mode rather than networks.
fn is_mode(value: &str) -> bool {
    matches!(
        value,
        "" | "none" | "private" | "bridge" | "host" | "pasta" | "slirp4netns"
    ) || value.contains(':')
}

/// `pasta[:OPTS]` or `slirp4netns[:OPTS]`: a per-container network program.
fn is_own_backend(value: &str) -> bool {
    let program = value.split_once(':').map_or(value, |(p, _)| p);
    matches!(program, "pasta" | "slirp4netns")
}

/// `--network` (repeatable; `NAME1,NAME2` too), `--network-alias` and
/// `--mac-address`: the network namespace's mode and the networks to attach to.
/// A mode (none, host, container:X, …) stands alone; network names give a private
/// network namespace attached to each network, with the aliases on each and the MAC
/// address on the only one.
pub fn parse_network_flags(
    values: &[String],
    aliases: &[String],
    mac: Option<&str>,
) -> Result<(NamespaceMode, Vec<NetworkAttachment>)> {
    let modes: Vec<&String> = values.iter().filter(|v| is_mode(v)).collect();
    let (mode, attachments) = match modes.as_slice() {
        [] => {
            let mut names: Vec<String> = Vec::new();
            for name in values.iter().flat_map(|v| v.split(',')) {
                if name.is_empty() {
                    return Err(RuntimeError::Start(format!(
                        "invalid --network {:?}: an empty network name (expected NAME[,NAME…])",
                        values.join(",")
                    )));
                }
                if !names.iter().any(|n| n == name) {
                    names.push(name.to_string());
                }
            }
            let attachments = names
                .into_iter()
                .map(|name| NetworkAttachment {
                    name,
                    aliases: aliases.to_vec(),
                    mac: None,
                })
                .collect();
            (NamespaceMode::New, attachments)
        }
        // A network of the container's own made by a program of its own.
        [mode] if values.len() == 1 && is_own_backend(mode) => (NamespaceMode::New, Vec::new()),
        [mode] if values.len() == 1 => (NamespaceMode::parse("network", mode)?, Vec::new()),
        _ => {
            return Err(RuntimeError::Start(format!(
                "--network {}: a mode such as none, host or container:NAME cannot be combined with other --network values",
                modes[0]
            )))
        }
    };
    let mut attachments: Vec<NetworkAttachment> = attachments;
    if attachments.is_empty() && !aliases.is_empty() {
        return Err(RuntimeError::Start(
            "--network-alias needs a user-defined network: give --network NAME".into(),
        ));
    }
    for alias in aliases {
        if !crate::spec::process::is_valid_hostname(alias) {
            return Err(RuntimeError::Start(format!(
                "invalid --network-alias {alias:?}: expected a host name (letters, digits, '-' and '.')"
            )));
        }
    }
    if let Some(mac) = mac {
        if !is_mac_address(mac) {
            return Err(RuntimeError::Start(format!(
                "invalid --mac-address {mac:?}: expected six hex pairs such as 92:d0:c6:0a:29:33"
            )));
        }
        // The default network (no --network, or `bridge`) takes one too, as Podman's.
        if attachments.is_empty() && values.iter().all(|v| v.is_empty() || v == "bridge") {
            attachments.push(NetworkAttachment {
                name: coracle_network::DEFAULT_NETWORK.to_string(),
                ..NetworkAttachment::default()
            });
        }
        match attachments.as_mut_slice() {
            [only] => only.mac = Some(mac.to_ascii_lowercase()),
            [] => return Err(RuntimeError::Start(
                "--mac-address needs a bridge network: leave --network out or give --network NAME"
                    .into(),
            )),
            _ => {
                return Err(RuntimeError::Start(
                    "--mac-address can be used with one network only".into(),
                ))
            }
        }
    }
    Ok((mode, attachments))
}

impl crate::spec::ContainerConfig {
    /// `network connect`: record `attachment`, and add its network to the bridge
    /// networks the next start attaches (a container with only loopback gets
    /// a bridge network namespace).
    pub fn connect_network(&mut self, attachment: NetworkAttachment) {
        use crate::spec::network_mode::NetworkChoice;
        match &mut self.network {
            NetworkChoice::Bridge(names) => {
                if !names.contains(&attachment.name) {
                    names.push(attachment.name.clone());
                }
            }
            choice @ NetworkChoice::Loopback => {
                *choice = NetworkChoice::Bridge(vec![attachment.name.clone()])
            }
            NetworkChoice::Pasta(_) | NetworkChoice::Slirp4netns(_) => {}
        }
        self.networks.push(attachment);
    }

    /// `network disconnect`: forget the network `name`, also for the next start
    /// (with no bridge network left, the container gets only loopback). Whether it
    /// was recorded.
    pub fn disconnect_network(&mut self, name: &str) -> bool {
        use crate::spec::network_mode::NetworkChoice;
        let Some(pos) = self.networks.iter().position(|a| a.name == name) else {
            return false;
        };
        self.networks.remove(pos);
        if let NetworkChoice::Bridge(names) = &mut self.network {
            names.retain(|n| n != name);
            if names.is_empty() {
                self.network = NetworkChoice::Loopback;
            }
        }
        true
    }
}

/// `aa:bb:cc:dd:ee:ff`, a unicast address.
pub fn is_mac_address(text: &str) -> bool {
    let pairs: Vec<&str> = text.split(':').collect();
    pairs.len() == 6
        && pairs
            .iter()
            .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_hexdigit()))
        && u8::from_str_radix(pairs[0], 16).is_ok_and(|first| first & 1 == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn modes_and_names() {
        let (mode, nets) = parse_network_flags(&v(&["none"]), &[], None).unwrap();
        assert_eq!((mode, nets.len()), (NamespaceMode::New, 0));
        let (mode, nets) = parse_network_flags(&v(&["host"]), &[], None).unwrap();
        assert_eq!((mode, nets.len()), (NamespaceMode::Host, 0));
        let (mode, nets) = parse_network_flags(&v(&["a,b", "c", "a"]), &v(&["web"]), None).unwrap();
        assert_eq!(mode, NamespaceMode::New);
        let names: Vec<&str> = nets.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "c"]);
        assert!(nets.iter().all(|n| n.aliases == ["web"]));
        let (_, nets) = parse_network_flags(&v(&["a"]), &[], Some("92:D0:C6:0A:29:33")).unwrap();
        assert_eq!(nets[0].mac.as_deref(), Some("92:d0:c6:0a:29:33"));
        for default in [&[][..], &["bridge"][..]] {
            let (mode, nets) =
                parse_network_flags(&v(default), &[], Some("02:00:00:00:00:01")).unwrap();
            assert_eq!(mode, NamespaceMode::New);
            assert_eq!(nets.len(), 1);
            assert_eq!(nets[0].name, "podman");
            assert_eq!(nets[0].mac.as_deref(), Some("02:00:00:00:00:01"));
        }
    }

    #[test]
    fn refusals_name_the_flag() {
        let err = |values: &[&str], aliases: &[&str], mac: Option<&str>| {
            parse_network_flags(&v(values), &v(aliases), mac)
                .unwrap_err()
                .to_string()
        };
        assert!(err(&["host", "a"], &[], None).contains("--network host"));
        assert!(err(&["none"], &["x"], None).contains("--network-alias"));
        assert!(err(&["a"], &["bad alias"], None).contains("--network-alias"));
        assert!(err(&["a,,b"], &[], None).contains("empty network name"));
        assert!(err(&["a"], &[], Some("zz:00:00:00:00:00")).contains("--mac-address"));
        // A multicast address cannot name an interface.
        assert!(err(&["a"], &[], Some("01:00:00:00:00:00")).contains("--mac-address"));
        assert!(err(&["a", "b"], &[], Some("02:00:00:00:00:01")).contains("one network"));
        assert!(err(&["none"], &[], Some("02:00:00:00:00:01")).contains("--mac-address"));
    }

    #[test]
    fn dns_flags_are_checked() {
        let ok = DnsSettings::parse(
            &v(&["192.0.2.1", "fd00::1"]),
            &v(&["example.test", "."]),
            &v(&["ndots:2"]),
        )
        .unwrap();
        assert_eq!(ok.servers.len(), 2);
        for (servers, search, options, flag) in [
            (v(&["nope"]), v(&[]), v(&[]), "--dns"),
            (v(&[]), v(&["a b"]), v(&[]), "--dns-search"),
            (
                v(&[]),
                v(&[]),
                v(&["ndots:2\nnameserver 1.2.3.4"]),
                "--dns-option",
            ),
        ] {
            let e = DnsSettings::parse(&servers, &search, &options)
                .unwrap_err()
                .to_string();
            assert!(e.contains(flag), "{e}");
        }
    }

    #[test]
    fn connect_and_disconnect_keep_the_next_start_in_step() {
        use crate::spec::network_mode::NetworkChoice;
        let attach = |name: &str| NetworkAttachment {
            name: name.into(),
            ..Default::default()
        };
        let mut spec = crate::spec::ContainerConfig {
            network: NetworkChoice::Bridge(vec!["podman".into()]),
            ..Default::default()
        };
        spec.connect_network(attach("a"));
        assert_eq!(spec.network, NetworkChoice::Bridge(v(&["podman", "a"])));
        assert!(spec.disconnect_network("a"));
        assert!(!spec.disconnect_network("a"));
        assert_eq!(spec.network, NetworkChoice::Bridge(v(&["podman"])));
        assert!(spec.networks.is_empty());

        let mut spec = crate::spec::ContainerConfig::default();
        spec.connect_network(attach("b"));
        assert_eq!(spec.network, NetworkChoice::Bridge(v(&["b"])));
        assert!(spec.disconnect_network("b"));
        assert_eq!(spec.network, NetworkChoice::Loopback);
    }
}
