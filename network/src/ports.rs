//! Published ports: `-p [ip:][hostPort:]containerPort[/tcp|/udp]` with ranges, as
//! Podman parses them, and how `port` prints them.

use std::net::Ipv4Addr;

use serde::{Deserialize, Serialize};

use crate::error::{NetworkError, Result};

/// One published port range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortMapping {
    /// The host address listened on (None: every address).
    #[serde(default)]
    pub host_ip: Option<Ipv4Addr>,
    /// The first host port; 0 until a free port is picked at start.
    pub host_port: u16,
    /// The first container port.
    pub container_port: u16,
    /// How many consecutive ports (1 for a single port).
    pub range: u16,
    /// `tcp` or `udp`.
    pub protocol: String,
}

fn bad(text: &str, why: &str) -> NetworkError {
    NetworkError::Setup(format!(
        "invalid --publish {text:?}: {why} (expected [IP:][HOSTPORT:]CONTAINERPORT[/tcp|/udp], ports 1-65535, ranges as 8000-8010)"
    ))
}

/// `A` or `A-B`: the first port and the count.
fn parse_range(text: &str, whole: &str) -> Result<(u16, u16)> {
    let port = |p: &str| -> Result<u16> {
        p.parse::<u16>()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| bad(whole, &format!("{p:?} is not a port")))
    };
    match text.split_once('-') {
        None => Ok((port(text)?, 1)),
        Some((a, b)) => {
            let (a, b) = (port(a)?, port(b)?);
            if b < a {
                return Err(bad(whole, "a range must not end before it starts"));
            }
            Ok((a, b - a + 1))
        }
    }
}

impl PortMapping {
    /// Parse one `-p` value.
    pub fn parse(text: &str) -> Result<PortMapping> {
        let (spec, protocol) = match text.rsplit_once('/') {
            Some((s, p @ ("tcp" | "udp"))) => (s, p),
            Some((_, p)) => return Err(bad(text, &format!("unknown protocol {p:?}"))),
            None => (text, "tcp"),
        };
        let parts: Vec<&str> = spec.split(':').collect();
        let (ip, host, container) = match parts.as_slice() {
            [c] => (None, None, *c),
            [h, c] => (None, Some(*h), *c),
            [ip, h, c] => (Some(*ip), Some(*h), *c),
            _ => {
                return Err(bad(
                    text,
                    "too many ':' (IPv6 host addresses are not supported)",
                ))
            }
        };
        let host_ip = match ip {
            None | Some("") => None,
            Some(ip) => Some(
                ip.parse::<Ipv4Addr>()
                    .map_err(|_| bad(text, &format!("{ip:?} is not an IPv4 address")))?,
            ),
        };
        let (container_port, range) = parse_range(container, text)?;
        let host_port = match host {
            None | Some("") => 0,
            Some(h) => {
                let (first, count) = parse_range(h, text)?;
                if count != range {
                    return Err(bad(text, "the host and container ranges differ in length"));
                }
                first
            }
        };
        if u32::from(container_port) + u32::from(range) - 1 > 65535
            || u32::from(host_port) + u32::from(range) - 1 > 65535
        {
            return Err(bad(text, "the range ends past 65535"));
        }
        Ok(PortMapping {
            host_ip,
            host_port,
            container_port,
            range,
            protocol: protocol.to_string(),
        })
    }

    /// The single-port mappings of this range.
    pub fn singles(&self) -> Vec<PortMapping> {
        (0..self.range)
            .map(|i| PortMapping {
                host_ip: self.host_ip,
                host_port: if self.host_port == 0 {
                    0
                } else {
                    self.host_port + i
                },
                container_port: self.container_port + i,
                range: 1,
                protocol: self.protocol.clone(),
            })
            .collect()
    }

    /// `ps`'s form: `0.0.0.0:18080->8080/tcp`, a range as
    /// `0.0.0.0:8000-8001->80-81/tcp`; a host port still to be picked (by the next
    /// start) leaves only the container's side, `8080/tcp`.
    pub fn ps_text(&self) -> String {
        let ports = |first: u16| match self.range {
            0 | 1 => first.to_string(),
            n => format!("{first}-{}", first.saturating_add(n - 1)),
        };
        let inside = format!("{}/{}", ports(self.container_port), self.protocol);
        if self.host_port == 0 {
            return inside;
        }
        let ip = self.host_ip.unwrap_or(Ipv4Addr::UNSPECIFIED);
        format!("{ip}:{}->{inside}", ports(self.host_port))
    }

    /// Consecutive mappings (the same address and protocol, host and container
    /// ports one further each, as the single ports a start bound for a range) as
    /// ranges again.
    pub fn compact(list: &[PortMapping]) -> Vec<PortMapping> {
        let mut out: Vec<PortMapping> = Vec::with_capacity(list.len());
        for m in list {
            if let Some(last) = out.last_mut() {
                let next = |first: u16| u32::from(first) + u32::from(last.range);
                if last.host_ip == m.host_ip
                    && last.protocol == m.protocol
                    && last.host_port != 0
                    && next(last.host_port) == u32::from(m.host_port)
                    && next(last.container_port) == u32::from(m.container_port)
                {
                    last.range += m.range;
                    continue;
                }
            }
            out.push(m.clone());
        }
        out
    }

    /// The host address as Podman's JSON writes it: "" for every address.
    pub fn host_ip_text(&self) -> String {
        self.host_ip.map(|ip| ip.to_string()).unwrap_or_default()
    }

    /// `port`'s line: `8080/tcp -> 0.0.0.0:18080`.
    pub fn line(&self) -> String {
        format!(
            "{}/{} -> {}:{}",
            self.container_port,
            self.protocol,
            self.host_ip.unwrap_or(Ipv4Addr::UNSPECIFIED),
            self.host_port
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ps_text_as_podman_lists_ports() {
        let p = |t| PortMapping::parse(t).unwrap().ps_text();
        assert_eq!(p("18080:8080"), "0.0.0.0:18080->8080/tcp");
        assert_eq!(p("127.0.0.1:53:53/udp"), "127.0.0.1:53->53/udp");
        assert_eq!(p("8000-8001:80-81"), "0.0.0.0:8000-8001->80-81/tcp");
        assert_eq!(p("8080"), "8080/tcp", "host port not picked yet");
        let range = PortMapping::parse("8000-8002:80-82").unwrap();
        assert_eq!(PortMapping::compact(&range.singles()), vec![range]);
        let apart = [
            PortMapping::parse("8000:80").unwrap(),
            PortMapping::parse("8002:81").unwrap(),
            PortMapping::parse("8003:82/udp").unwrap(),
        ];
        assert_eq!(PortMapping::compact(&apart), apart.to_vec());
    }

    #[test]
    fn podman_forms() {
        let p = |t| PortMapping::parse(t).unwrap();
        assert_eq!(p("8080").host_port, 0);
        assert_eq!(p("8080").container_port, 8080);
        let m = p("18080:8080");
        assert_eq!((m.host_port, m.container_port, m.range), (18080, 8080, 1));
        assert_eq!(m.protocol, "tcp");
        let m = p("127.0.0.1:18080:8080/udp");
        assert_eq!(m.host_ip, Some(Ipv4Addr::LOCALHOST));
        assert_eq!(m.protocol, "udp");
        assert_eq!(p("127.0.0.1::8080").host_port, 0);
        let m = p("9000-9002:8000-8002");
        assert_eq!((m.host_port, m.container_port, m.range), (9000, 8000, 3));
        let singles = m.singles();
        assert_eq!(singles.len(), 3);
        assert_eq!(
            (singles[2].host_port, singles[2].container_port),
            (9002, 8002)
        );
        assert_eq!(singles[0].line(), "8000/tcp -> 0.0.0.0:9000");
        for bad in [
            "0",
            "x",
            "1:2:3:4",
            "80/sctp",
            "9000-9001:80",
            "5-3",
            "1.2.3:80:80",
            "70000",
        ] {
            let e = PortMapping::parse(bad).unwrap_err().to_string();
            assert!(e.contains("--publish"), "{bad}: {e}");
        }
    }
}
