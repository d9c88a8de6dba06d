//! The text of a container's /etc/hosts and /etc/resolv.conf, built from what the
//! container was given (its names and addresses, `--add-host`, `--dns*`) and what the
//! host's resolv.conf says. Writing the files is the caller's job.

use std::net::{IpAddr, Ipv4Addr};

/// The search domain of the names coracle's resolver answers (Podman's).
pub const DNS_DOMAIN: &str = "dns.podman";

/// Names the host is reachable under from inside a container.
pub const HOST_NAMES: &str = "host.containers.internal host.docker.internal";

/// Largest host resolv.conf read (a real one is a few hundred bytes).
pub const MAX_HOST_RESOLV_CONF: u64 = 64 << 10;

/// What /etc/hosts is made of.
#[derive(Debug, Clone, Default)]
pub struct HostsInput<'a> {
    /// The container's host name.
    pub hostname: &'a str,
    /// The container's name.
    pub name: &'a str,
    /// The container's addresses on its networks (none: 127.0.1.1 stands in).
    pub addresses: &'a [IpAddr],
    /// The host's address as the container reaches it, if it can.
    pub host_address: Option<IpAddr>,
    /// `--add-host` entries, in order.
    pub add_hosts: &'a [(String, IpAddr)],
}

/// The names /etc/hosts gives the container's own addresses: its host name and its
/// name (once when they are the same).
pub fn own_names(hostname: &str, name: &str) -> String {
    if hostname == name {
        name.to_string()
    } else {
        format!("{hostname} {name}")
    }
}

/// /etc/hosts: `--add-host` entries first (the first match wins, so they override),
/// then localhost, the container's own names on each address, and the host's names.
pub fn hosts(input: &HostsInput<'_>) -> String {
    let mut out = String::new();
    for (name, ip) in input.add_hosts {
        out.push_str(&format!("{ip}\t{name}\n"));
    }
    out.push_str("127.0.0.1\tlocalhost localhost.localdomain\n");
    out.push_str("::1\tlocalhost localhost.localdomain\n");
    let own = own_names(input.hostname, input.name);
    if input.addresses.is_empty() {
        out.push_str(&format!("127.0.1.1\t{own}\n"));
    }
    for ip in input.addresses {
        out.push_str(&format!("{ip}\t{own}\n"));
    }
    if let Some(host) = input.host_address {
        out.push_str(&format!("{host}\t{HOST_NAMES}\n"));
    }
    out
}

/// What /etc/resolv.conf is made of.
#[derive(Debug, Clone, Default)]
pub struct ResolvInput<'a> {
    /// The gateways of the container's DNS-enabled networks: coracle's resolver
    /// listens there.
    pub resolvers: &'a [Ipv4Addr],
    /// `--dns`: replaces the host's nameservers.
    pub servers: &'a [IpAddr],
    /// `--dns-search`: replaces the host's search domains (`.` alone: none).
    pub search: &'a [String],
    /// `--dns-option`: replaces the host's options.
    pub options: &'a [String],
    /// The host's /etc/resolv.conf text.
    pub host: &'a str,
}

/// The nameservers, search domains and options of a resolv.conf text (other lines
/// and comments are dropped).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResolvConf {
    /// `nameserver` addresses, in order.
    pub nameservers: Vec<IpAddr>,
    /// `search` (or `domain`) domains; the last such line wins, as in resolv.conf(5).
    pub search: Vec<String>,
    /// `options` words.
    pub options: Vec<String>,
}

/// The host's /etc/resolv.conf, at most [`MAX_HOST_RESOLV_CONF`] bytes (empty when
/// unreadable).
pub fn read_host_resolv_conf() -> String {
    use std::io::Read;
    let mut text = String::new();
    if let Ok(file) = std::fs::File::open("/etc/resolv.conf") {
        let _ = file.take(MAX_HOST_RESOLV_CONF).read_to_string(&mut text);
    }
    text
}

/// Parse the lines of a resolv.conf that matter here.
pub fn parse_resolv_conf(text: &str) -> ResolvConf {
    let mut conf = ResolvConf::default();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        match words.next() {
            Some("nameserver") => {
                // An IPv6 address may carry a zone (`fe80::1%eth0`): not usable inside.
                if let Some(ip) = words.next().and_then(|w| w.parse().ok()) {
                    conf.nameservers.push(ip);
                }
            }
            Some("search") | Some("domain") => conf.search = words.map(String::from).collect(),
            Some("options") => conf.options.extend(words.map(String::from)),
            _ => {}
        }
    }
    conf
}

/// /etc/resolv.conf as Podman builds it: coracle's resolver (the gateways of the
/// DNS-enabled networks) first, then `--dns` or else the host's nameservers; the
/// `dns.podman` domain first on a DNS-enabled network, then `--dns-search` or else
/// the host's search domains; `--dns-option` or else the host's options.
pub fn resolv_conf(input: &ResolvInput<'_>) -> String {
    let host = parse_resolv_conf(input.host);
    let mut out = String::new();
    let mut search: Vec<&str> = Vec::new();
    if !input.resolvers.is_empty() {
        search.push(DNS_DOMAIN);
    }
    let user_search: &[String] = if input.search.is_empty() {
        &host.search
    } else {
        input.search
    };
    for s in user_search.iter().filter(|s| s.as_str() != ".") {
        if !search.contains(&s.as_str()) {
            search.push(s);
        }
    }
    if !search.is_empty() {
        out.push_str(&format!("search {}\n", search.join(" ")));
    }
    let mut servers: Vec<IpAddr> = input.resolvers.iter().map(|&g| IpAddr::V4(g)).collect();
    let rest = if input.servers.is_empty() {
        &host.nameservers
    } else {
        input.servers
    };
    for ip in rest {
        if !servers.contains(ip) {
            servers.push(*ip);
        }
    }
    for ip in servers {
        out.push_str(&format!("nameserver {ip}\n"));
    }
    let options = if input.options.is_empty() {
        &host.options
    } else {
        input.options
    };
    if !options.is_empty() {
        out.push_str(&format!("options {}\n", options.join(" ")));
    }
    out
}

/// Whether `line` is `nameserver IP`.
fn names_server(line: &str, server: Ipv4Addr) -> bool {
    let mut words = line.split_whitespace();
    words.next() == Some("nameserver") && words.next() == Some(server.to_string().as_str())
}

/// A container's resolv.conf with `resolver` as its first name server (once), for a
/// DNS-enabled network connected while the container runs.
pub fn add_resolver(text: &str, resolver: Ipv4Addr) -> String {
    let line = format!("nameserver {resolver}\n");
    let mut out = String::new();
    let mut placed = false;
    for l in remove_resolver(text, resolver).lines() {
        if !placed && l.split_whitespace().next() == Some("nameserver") {
            out.push_str(&line);
            placed = true;
        }
        out.push_str(l);
        out.push('\n');
    }
    if !placed {
        out.push_str(&line);
    }
    out
}

/// A container's resolv.conf without the name server `resolver` (a network
/// disconnected while the container runs).
pub fn remove_resolver(text: &str, resolver: Ipv4Addr) -> String {
    text.lines()
        .filter(|l| !names_server(l, resolver))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// A container's /etc/hosts with `ip` naming it as `names` too (a network
/// connected while it runs), placed after its other own addresses' lines.
pub fn add_own_address(text: &str, ip: Ipv4Addr, names: &str) -> String {
    let line = format!("{ip}\t{names}\n");
    let kept = remove_address(text, ip);
    let own = |l: &str| l.split_once('\t').is_some_and(|(_, n)| n == names);
    let mut out = String::new();
    let mut placed = false;
    let lines: Vec<&str> = kept.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        out.push_str(l);
        out.push('\n');
        let last_own = own(l) && !lines[i + 1..].iter().any(|later| own(later));
        if !placed && last_own {
            out.push_str(&line);
            placed = true;
        }
    }
    if !placed {
        out.push_str(&line);
    }
    out
}

/// A container's /etc/hosts without the lines of address `ip` (a network
/// disconnected while it runs).
pub fn remove_address(text: &str, ip: Ipv4Addr) -> String {
    let ip = ip.to_string();
    text.lines()
        .filter(|l| l.split_whitespace().next() != Some(ip.as_str()))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Whether `word` may go on a resolv.conf line as a search domain or an option
/// (printable, no blank, nothing that starts another line).
pub fn is_resolv_word(word: &str) -> bool {
    !word.is_empty() && word.len() <= 253 && word.bytes().all(|b| b.is_ascii_graphic())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOST: &str = "# generated\nnameserver 192.168.1.1\nnameserver fe80::1%eth0\nsearch lan corp\noptions edns0\n";

    #[test]
    fn host_settings_are_kept_without_flags() {
        let text = resolv_conf(&ResolvInput {
            host: HOST,
            ..Default::default()
        });
        assert_eq!(
            text,
            "search lan corp\nnameserver 192.168.1.1\noptions edns0\n"
        );
    }

    #[test]
    fn flags_replace_and_the_resolver_comes_first() {
        let servers = ["192.0.2.1".parse().unwrap()];
        let search = ["example.test".to_string()];
        let options = ["ndots:2".to_string()];
        let text = resolv_conf(&ResolvInput {
            resolvers: &[Ipv4Addr::new(10, 89, 0, 1)],
            servers: &servers,
            search: &search,
            options: &options,
            host: HOST,
        });
        assert_eq!(
            text,
            "search dns.podman example.test\nnameserver 10.89.0.1\nnameserver 192.0.2.1\noptions ndots:2\n"
        );
        // `--dns-search .` drops the host's domains.
        let dot = [".".to_string()];
        let text = resolv_conf(&ResolvInput {
            search: &dot,
            host: HOST,
            ..Default::default()
        });
        assert!(!text.contains("search"), "{text}");
    }

    #[test]
    fn hosts_lists_add_hosts_first_then_own_names() {
        let add = [("foo".to_string(), "192.0.2.7".parse().unwrap())];
        let addrs = ["10.89.0.5".parse().unwrap()];
        let text = hosts(&HostsInput {
            hostname: "h1",
            name: "web",
            addresses: &addrs,
            host_address: Some("10.89.0.1".parse().unwrap()),
            add_hosts: &add,
        });
        assert_eq!(
            text,
            "192.0.2.7\tfoo\n127.0.0.1\tlocalhost localhost.localdomain\n::1\tlocalhost localhost.localdomain\n10.89.0.5\th1 web\n10.89.0.1\thost.containers.internal host.docker.internal\n"
        );
        let text = hosts(&HostsInput {
            hostname: "web",
            name: "web",
            ..Default::default()
        });
        assert!(text.ends_with("127.0.1.1\tweb\n"), "{text}");
    }

    #[test]
    fn a_connected_network_s_resolver_comes_first_and_goes_again() {
        let gw = Ipv4Addr::new(10, 89, 3, 1);
        let text = "search lan\nnameserver 192.168.1.1\noptions edns0\n";
        let added = add_resolver(text, gw);
        assert_eq!(
            added,
            "search lan\nnameserver 10.89.3.1\nnameserver 192.168.1.1\noptions edns0\n"
        );
        assert_eq!(add_resolver(&added, gw), added, "added once");
        assert_eq!(remove_resolver(&added, gw), text);
        assert_eq!(add_resolver("", gw), "nameserver 10.89.3.1\n");
        // "nameserver 10.89.3.10" is another server.
        let other = "nameserver 10.89.3.10\n";
        assert_eq!(remove_resolver(other, gw), other);
    }

    #[test]
    fn a_connected_network_s_address_names_the_container_until_disconnected() {
        let text = "127.0.0.1\tlocalhost\n10.88.0.5\th1 web\n10.88.0.1\thost.containers.internal\n";
        let ip = Ipv4Addr::new(10, 89, 0, 7);
        let added = add_own_address(text, ip, "h1 web");
        assert_eq!(
            added,
            "127.0.0.1\tlocalhost\n10.88.0.5\th1 web\n10.89.0.7\th1 web\n10.88.0.1\thost.containers.internal\n"
        );
        assert_eq!(add_own_address(&added, ip, "h1 web"), added, "added once");
        assert_eq!(remove_address(&added, ip), text);
        assert_eq!(add_own_address("", ip, "w"), "10.89.0.7\tw\n");
    }

    #[test]
    fn resolv_words_refuse_line_breaks() {
        assert!(is_resolv_word("ndots:2"));
        assert!(!is_resolv_word("a\nnameserver 1.2.3.4"));
        assert!(!is_resolv_word("a b"));
        assert!(!is_resolv_word(""));
    }
}
