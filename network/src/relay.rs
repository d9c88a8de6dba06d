//! The published ports' forwarder (the part Podman's rootlessport plays): host
//! sockets bound before the container starts ([`bind_published`], so a port in use
//! fails the start), and, in the forwarder process, relays that carry each TCP
//! connection and UDP flow to the container's address. The forwarder enters the
//! container's network namespace before it relays: sockets it makes from then on
//! (towards the container's address, local there) live there, while the listening
//! sockets stay on the host.
//! TCP data moves with `splice` through a pipe, never through user memory.

use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, TcpListener, TcpStream, UdpSocket};
use std::os::fd::{AsFd, OwnedFd};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::error::{NetworkError, Result};
use crate::ports::PortMapping;

/// How long a UDP flow without traffic is kept.
const UDP_IDLE: Duration = Duration::from_secs(60);
/// Most UDP flows (distinct clients) relayed at once per port; datagrams of further
/// clients are dropped until a flow ends, so a flood of source ports cannot make a
/// thread and a socket each without bound.
const MAX_UDP_FLOWS: usize = 1024;
/// Largest UDP datagram relayed.
const MAX_DATAGRAM: usize = 65536;
/// Bytes moved per splice call.
const SPLICE_CHUNK: usize = 1 << 20;

/// A published port bound on the host: its mapping (with the real host port) and
/// the socket (listening for TCP).
#[derive(Debug)]
pub struct BoundPort {
    /// The mapping, its host port filled in.
    pub mapping: PortMapping,
    /// The bound socket.
    pub socket: OwnedFd,
}

/// Bind every single port of `mappings` on the host; a port in use is an error
/// naming it.
pub fn bind_published(mappings: &[PortMapping]) -> Result<Vec<BoundPort>> {
    let mut out = Vec::new();
    for mapping in mappings.iter().flat_map(PortMapping::singles) {
        let ip = mapping.host_ip.unwrap_or(Ipv4Addr::UNSPECIFIED);
        let addr = SocketAddrV4::new(ip, mapping.host_port);
        let in_use = |e: std::io::Error| {
            NetworkError::Setup(format!(
                "cannot publish {}: host port {}/{} on {ip}: {e}; pick another host port (-p HOSTPORT:{})",
                mapping.container_port, mapping.host_port, mapping.protocol, mapping.container_port
            ))
        };
        let (socket, port): (OwnedFd, u16) = if mapping.protocol == "udp" {
            let s = UdpSocket::bind(addr).map_err(in_use)?;
            let port = s.local_addr().map_err(in_use)?.port();
            (s.into(), port)
        } else {
            let s = TcpListener::bind(addr).map_err(in_use)?;
            let port = s.local_addr().map_err(in_use)?.port();
            (s.into(), port)
        };
        out.push(BoundPort {
            mapping: PortMapping {
                host_port: port,
                ..mapping
            },
            socket,
        });
    }
    Ok(out)
}

/// Relay every port until the process ends: one thread per port. Call only once
/// the calling thread is in the network namespace where `target` is reachable.
pub fn relay_all(ports: Vec<BoundPort>, target: Ipv4Addr) {
    for port in ports {
        let to = SocketAddr::V4(SocketAddrV4::new(target, port.mapping.container_port));
        if port.mapping.protocol == "udp" {
            std::thread::spawn(move || relay_udp(UdpSocket::from(port.socket), to, MAX_UDP_FLOWS));
        } else {
            std::thread::spawn(move || relay_tcp(TcpListener::from(port.socket), to));
        }
    }
}

fn relay_tcp(listener: TcpListener, to: SocketAddr) {
    for conn in listener.incoming() {
        let Ok(client) = conn else { continue };
        std::thread::spawn(move || {
            let Ok(server) = TcpStream::connect(to) else {
                return;
            };
            let _ = client.set_nodelay(true);
            let _ = server.set_nodelay(true);
            let (c2, s2) = match (client.try_clone(), server.try_clone()) {
                (Ok(c), Ok(s)) => (c, s),
                _ => return,
            };
            let up = std::thread::spawn(move || pump(&client, &server));
            pump(&s2, &c2);
            let _ = up.join();
        });
    }
}

/// Move bytes from `from` to `to` until end of file, then half-close `to`.
fn pump(from: &TcpStream, to: &TcpStream) {
    let moved = splice_all(from.as_fd(), to.as_fd());
    if moved.is_err() {
        let _ = from.shutdown(std::net::Shutdown::Both);
    }
    let _ = to.shutdown(std::net::Shutdown::Write);
}

fn splice_all(
    from: std::os::fd::BorrowedFd<'_>,
    to: std::os::fd::BorrowedFd<'_>,
) -> std::io::Result<()> {
    use rustix::pipe::{splice, SpliceFlags};
    let (pr, pw) = rustix::pipe::pipe()?;
    let _ = rustix::pipe::fcntl_setpipe_size(&pw, SPLICE_CHUNK);
    loop {
        let n = splice(from, None, &pw, None, SPLICE_CHUNK, SpliceFlags::MOVE)?;
        if n == 0 {
            return Ok(());
        }
        let mut left = n;
        while left > 0 {
            let m = splice(&pr, None, to, None, left, SpliceFlags::MOVE)?;
            if m == 0 {
                return Err(std::io::ErrorKind::WriteZero.into());
            }
            left -= m;
        }
    }
}

/// Relay datagrams of each client (a flow) to `to` from a socket of its own, and the
/// answers back; at most `max_flows` flows at once.
fn relay_udp(host: UdpSocket, to: SocketAddr, max_flows: usize) {
    let flows: Arc<Mutex<HashMap<SocketAddr, Arc<UdpSocket>>>> = Arc::default();
    let mut buf = vec![0u8; MAX_DATAGRAM];
    loop {
        let Ok((n, client)) = host.recv_from(&mut buf) else {
            continue;
        };
        let Ok(mut map) = flows.lock() else { return };
        let flow = match map.get(&client) {
            Some(f) => f.clone(),
            None if map.len() >= max_flows => continue,
            None => {
                let Some(f) = open_flow(to) else { continue };
                let Ok(back) = host.try_clone() else { continue };
                let f = Arc::new(f);
                map.insert(client, f.clone());
                let (flows, f2) = (flows.clone(), f.clone());
                std::thread::spawn(move || {
                    udp_replies(&f2, &back, client);
                    if let Ok(mut map) = flows.lock() {
                        map.remove(&client);
                    }
                });
                f
            }
        };
        drop(map);
        let _ = flow.send(&buf[..n]);
    }
}

fn open_flow(to: SocketAddr) -> Option<UdpSocket> {
    let s = UdpSocket::bind(SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    s.connect(to).ok()?;
    s.set_read_timeout(Some(UDP_IDLE)).ok()?;
    Some(s)
}

/// Carry the container's answers on one flow back to its client until it is idle.
fn udp_replies(flow: &UdpSocket, host: &UdpSocket, client: SocketAddr) {
    let mut buf = vec![0u8; MAX_DATAGRAM];
    while let Ok(n) = flow.recv(&mut buf) {
        let _ = host.send_to(&buf[..n], client);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    fn mapping(protocol: &str, container_port: u16) -> PortMapping {
        PortMapping {
            host_ip: Some(Ipv4Addr::LOCALHOST),
            host_port: 0,
            container_port,
            range: 1,
            protocol: protocol.into(),
        }
    }

    /// A UDP echo server on loopback (standing for the container); its address.
    fn udp_echo_server() -> SocketAddr {
        let echo = UdpSocket::bind("127.0.0.1:0").unwrap();
        let addr = echo.local_addr().unwrap();
        std::thread::spawn(move || {
            let mut buf = [0u8; 64];
            while let Ok((n, from)) = echo.recv_from(&mut buf) {
                let _ = echo.send_to(&buf[..n], from);
            }
        });
        addr
    }

    #[test]
    fn udp_and_tcp_are_relayed() {
        // Echo servers stand for the container, on loopback.
        let udp_port = udp_echo_server().port();
        let tcp_echo = TcpListener::bind("127.0.0.1:0").unwrap();
        let tcp_port = tcp_echo.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for mut c in tcp_echo.incoming().flatten() {
                let mut buf = [0u8; 64];
                let n = c.read(&mut buf).unwrap_or(0);
                let _ = c.write_all(&buf[..n]);
            }
        });
        let bound = bind_published(&[mapping("udp", udp_port), mapping("tcp", tcp_port)]).unwrap();
        let (udp_host, tcp_host) = (bound[0].mapping.host_port, bound[1].mapping.host_port);
        assert_ne!(udp_host, 0);
        relay_all(bound, Ipv4Addr::LOCALHOST);

        let client = UdpSocket::bind("127.0.0.1:0").unwrap();
        client
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        client.send_to(b"udp!", ("127.0.0.1", udp_host)).unwrap();
        let mut buf = [0u8; 64];
        let n = client.recv(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"udp!");

        let mut c = TcpStream::connect(("127.0.0.1", tcp_host)).unwrap();
        c.write_all(b"tcp!").unwrap();
        c.shutdown(std::net::Shutdown::Write).unwrap();
        let mut out = String::new();
        c.read_to_string(&mut out).unwrap();
        assert_eq!(out, "tcp!");
    }

    #[test]
    fn udp_flows_are_bounded() {
        let to = udp_echo_server();
        let host = UdpSocket::bind("127.0.0.1:0").unwrap();
        let port = host.local_addr().unwrap().port();
        std::thread::spawn(move || relay_udp(host, to, 2));
        let ask = |client: &UdpSocket| {
            client
                .set_read_timeout(Some(Duration::from_millis(500)))
                .unwrap();
            client.send_to(b"hi", ("127.0.0.1", port)).unwrap();
            let mut buf = [0u8; 8];
            client.recv(&mut buf).map(|n| buf[..n].to_vec())
        };
        let clients: Vec<UdpSocket> = (0..3)
            .map(|_| UdpSocket::bind("127.0.0.1:0").unwrap())
            .collect();
        assert_eq!(ask(&clients[0]).unwrap(), b"hi");
        assert_eq!(ask(&clients[1]).unwrap(), b"hi");
        assert!(
            ask(&clients[2]).is_err(),
            "a third flow over the limit of two"
        );
        // Clients with a flow still get their answers.
        assert_eq!(ask(&clients[0]).unwrap(), b"hi");
    }

    #[test]
    fn a_port_in_use_is_named() {
        let taken = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = taken.local_addr().unwrap().port();
        let mut m = mapping("tcp", 80);
        m.host_port = port;
        let e = bind_published(&[m]).unwrap_err().to_string();
        assert!(e.contains(&format!("host port {port}/tcp")), "{e}");
    }
}
