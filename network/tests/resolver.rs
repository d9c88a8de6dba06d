//! The resolver on loopback addresses (no namespaces): hand-written lease files, a
//! fake upstream, and a small client.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use coracle_network::dns::packet::{self, TYPE_A};
use coracle_network::dns::{serve, Listener, Resolver};
use coracle_network::{Lease, LeaseDir};

/// The address every forwarded question gets from the fake upstream.
const UPSTREAM_ANSWER: Ipv4Addr = Ipv4Addr::new(203, 0, 113, 9);

fn write_lease(
    leases: &LeaseDir,
    network: &str,
    id: &str,
    name: &str,
    aliases: &[&str],
    ip: [u8; 4],
) {
    let lease = Lease {
        container_id: id.into(),
        container_name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        ip: ip.into(),
        mac: "02:00:00:00:00:01".into(),
        interface: "eth0".into(),
    };
    let dir = leases.network_dir(network);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        leases.lease_path(network, id),
        serde_json::to_vec(&lease).unwrap(),
    )
    .unwrap();
}

/// The fake upstream's reply to `query`.
fn upstream_reply(query: &[u8]) -> Vec<u8> {
    let q = packet::parse_query(query).expect("the resolver forwards the query as it came");
    packet::answer(query, &q, packet::RCODE_NOERROR, &[UPSTREAM_ANSWER])
}

/// A fake upstream nameserver answering every question with [`UPSTREAM_ANSWER`],
/// over UDP and TCP on one port.
fn fake_upstream() -> SocketAddr {
    let (socket, tcp) = loop {
        let socket = UdpSocket::bind("127.0.0.9:0").unwrap();
        if let Ok(tcp) = TcpListener::bind(socket.local_addr().unwrap()) {
            break (socket, tcp);
        }
    };
    let addr = socket.local_addr().unwrap();
    std::thread::spawn(move || {
        let mut buf = [0u8; 512];
        while let Ok((n, from)) = socket.recv_from(&mut buf) {
            socket.send_to(&upstream_reply(&buf[..n]), from).unwrap();
        }
    });
    std::thread::spawn(move || {
        for mut stream in tcp.incoming().flatten() {
            if let Some(query) = tcp_read(&mut stream) {
                tcp_write(&mut stream, &upstream_reply(&query));
            }
        }
    });
    addr
}

fn tcp_read(stream: &mut TcpStream) -> Option<Vec<u8>> {
    let mut len = [0u8; 2];
    stream.read_exact(&mut len).ok()?;
    let mut message = vec![0u8; usize::from(u16::from_be_bytes(len))];
    stream.read_exact(&mut message).ok()?;
    Some(message)
}

fn tcp_write(stream: &mut TcpStream, message: &[u8]) {
    stream
        .write_all(&(message.len() as u16).to_be_bytes())
        .unwrap();
    stream.write_all(message).unwrap();
}

/// Ask `server` for `name` over TCP (two questions on one connection).
fn ask_tcp(server: SocketAddr, names: [&str; 2]) -> Vec<(u8, Vec<Ipv4Addr>)> {
    let mut stream = TcpStream::connect(server).expect("the resolver listens on TCP too");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    names
        .iter()
        .map(|name| {
            tcp_write(&mut stream, &packet::build_query(0x5151, name, TYPE_A));
            let reply = tcp_read(&mut stream).expect("an answer over TCP");
            let (id, rcode, ips) = packet::parse_response(&reply).expect("a DNS response");
            assert_eq!(id, 0x5151);
            (rcode, ips)
        })
        .collect()
}

/// Ask `server` for `name`; the response code and addresses.
fn ask(server: SocketAddr, name: &str) -> (u8, Vec<Ipv4Addr>) {
    ask_from(Ipv4Addr::LOCALHOST, server, name)
}

/// Ask `server` for `name` from the address `client`.
fn ask_from(client: Ipv4Addr, server: SocketAddr, name: &str) -> (u8, Vec<Ipv4Addr>) {
    let client = UdpSocket::bind((client, 0)).unwrap();
    client
        .set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    let query = packet::build_query(0x4242, name, TYPE_A);
    // The resolver may still be binding: retry as a stub resolver does.
    for _ in 0..30 {
        client.send_to(&query, server).unwrap();
        let mut buf = [0u8; 1024];
        if let Ok((n, from)) = client.recv_from(&mut buf) {
            assert_eq!(from, server, "the answer comes from the address asked");
            let (id, rcode, ips) = packet::parse_response(&buf[..n]).expect("a DNS response");
            assert_eq!(id, 0x4242);
            return (rcode, ips);
        }
    }
    panic!("no answer from {server} for {name}");
}

fn free_port() -> u16 {
    UdpSocket::bind("127.0.0.2:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn resolver_answers_names_of_its_network_and_forwards_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let leases = LeaseDir::new(dir.path());
    write_lease(&leases, "alpha", "a1", "web", &["www"], [10, 89, 0, 2]);
    write_lease(&leases, "beta", "b1", "db", &[], [10, 89, 1, 2]);
    // A malformed lease file is skipped, not fatal.
    std::fs::write(leases.lease_path("alpha", "junk"), b"{not json").unwrap();

    let port = free_port();
    let on_alpha: SocketAddr = (Ipv4Addr::new(127, 0, 0, 2), port).into();
    let on_beta: SocketAddr = (Ipv4Addr::new(127, 0, 0, 3), port).into();
    let plan = Arc::new(Mutex::new(vec![
        Listener {
            address: on_alpha,
            network: "alpha".into(),
        },
        Listener {
            address: on_beta,
            network: "beta".into(),
        },
    ]));
    let resolver = Resolver {
        leases: leases.clone(),
        upstreams: vec![fake_upstream()],
    };
    let plan_for_server = plan.clone();
    let server = std::thread::spawn(move || {
        serve(resolver, move || plan_for_server.lock().unwrap().clone())
    });

    // Names and aliases of the network the question came in on, bare or in dns.podman.
    assert_eq!(ask(on_alpha, "web"), (0, vec![Ipv4Addr::new(10, 89, 0, 2)]));
    assert_eq!(
        ask(on_alpha, "WWW.dns.podman"),
        (0, vec![Ipv4Addr::new(10, 89, 0, 2)])
    );
    assert_eq!(ask(on_beta, "db"), (0, vec![Ipv4Addr::new(10, 89, 1, 2)]));
    // Another network's container is not answered from here.
    assert_eq!(
        ask(on_alpha, "db.dns.podman"),
        (packet::RCODE_NXDOMAIN, vec![])
    );
    assert_eq!(
        ask(on_beta, "web.dns.podman"),
        (packet::RCODE_NXDOMAIN, vec![])
    );
    // A bare unknown name and other domains go upstream.
    assert_eq!(ask(on_alpha, "db"), (0, vec![UPSTREAM_ANSWER]));
    assert_eq!(ask(on_alpha, "example.org"), (0, vec![UPSTREAM_ANSWER]));
    // A container on both networks (asking from its address on alpha) resolves the
    // names of both, as Podman's resolver answers it; others still do not.
    let both = Ipv4Addr::new(127, 0, 0, 4);
    write_lease(&leases, "alpha", "c-both", "both", &[], both.octets());
    write_lease(&leases, "beta", "c-both", "both", &[], [10, 89, 1, 9]);
    assert_eq!(
        ask_from(both, on_alpha, "db"),
        (0, vec![Ipv4Addr::new(10, 89, 1, 2)])
    );
    assert_eq!(
        ask_from(both, on_alpha, "web"),
        (0, vec![Ipv4Addr::new(10, 89, 0, 2)])
    );
    assert_eq!(
        ask(on_alpha, "db.dns.podman"),
        (packet::RCODE_NXDOMAIN, vec![])
    );

    // A container started later resolves at once (leases are read on each question).
    write_lease(&leases, "alpha", "a2", "late", &[], [10, 89, 0, 3]);
    assert_eq!(
        ask(on_alpha, "late"),
        (0, vec![Ipv4Addr::new(10, 89, 0, 3)])
    );

    // Over TCP: the same answers, and forwarded questions relayed over TCP.
    assert_eq!(
        ask_tcp(on_alpha, ["web", "example.org"]),
        [
            (0, vec![Ipv4Addr::new(10, 89, 0, 2)]),
            (0, vec![UPSTREAM_ANSWER])
        ]
    );

    // Malformed datagrams are dropped and the resolver keeps answering.
    let junk = UdpSocket::bind("127.0.0.1:0").unwrap();
    for bytes in [
        &b""[..],
        b"\x00",
        &[0xff; 40],
        &packet::build_query(1, "web", TYPE_A)[..14],
    ] {
        junk.send_to(bytes, on_alpha).unwrap();
    }
    assert_eq!(ask(on_alpha, "web"), (0, vec![Ipv4Addr::new(10, 89, 0, 2)]));

    // An empty plan (no container needs it any more) ends the resolver.
    plan.lock().unwrap().clear();
    server.join().unwrap().unwrap();
    assert!(
        UdpSocket::bind(on_alpha).is_ok(),
        "the resolver let go of its address"
    );
}
