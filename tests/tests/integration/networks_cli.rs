//! User-defined networks as the unprivileged user: `network create|ls|inspect|
//! exists|rm|prune|connect|disconnect` (Podman's JSON keys, automatic subnets,
//! refusals), the networks, aliases and DNS settings `run`/`create` record, and
//! the /etc/resolv.conf, /etc/hosts and host name a container sees.

use coracle_tests::Sandbox;
use serde_json::Value;

use crate::lifecycle::stdout;
use crate::run::{run, with_image};

/// `ARGS` must fail with `code` and a one-line error containing `why`.
fn refused(sb: &Sandbox, args: &[&str], code: i32, why: &str) {
    let r = sb.coracle(args);
    r.code(code);
    assert!(r.stderr.contains(why), "expected {why:?} in\n{r}");
    assert_eq!(r.stderr.trim().lines().count(), 1, "not one line:\n{r}");
}

fn inspect(sb: &Sandbox, name: &str) -> Value {
    let text = stdout(sb, &["network", "inspect", name]);
    let all: Value = serde_json::from_str(&text).expect("network inspect prints JSON");
    assert_eq!(all.as_array().map(Vec::len), Some(1), "{text}");
    all[0].clone()
}

fn names(sb: &Sandbox, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["network", "ls", "-q"];
    args.extend_from_slice(extra);
    stdout(sb, &args).lines().map(String::from).collect()
}

#[test]
fn network_create_ls_inspect_exists_rm() {
    let sb = Sandbox::new("networks-crud");
    assert_eq!(names(&sb, &[]), ["podman"]);
    assert_eq!(stdout(&sb, &["network", "create", "testnet"]), "testnet\n");
    let net = inspect(&sb, "testnet");
    for key in [
        "name",
        "id",
        "driver",
        "network_interface",
        "created",
        "subnets",
        "dns_enabled",
        "internal",
    ] {
        assert!(net.get(key).is_some(), "no {key} in {net}");
    }
    assert_eq!(net["name"], "testnet");
    assert_eq!(net["driver"], "bridge");
    assert_eq!(net["network_interface"], "podman1");
    assert_eq!(net["subnets"][0]["subnet"], "10.89.0.0/24");
    assert_eq!(net["subnets"][0]["gateway"], "10.89.0.1");
    assert_eq!(net["dns_enabled"], true);
    assert_eq!(net["internal"], false);
    assert_eq!(net["id"].as_str().map(str::len), Some(64));

    // The next automatic subnet and bridge do not collide with the first.
    stdout(
        &sb,
        &[
            "network",
            "create",
            "--internal",
            "--disable-dns",
            "--label",
            "team=a",
            "second",
        ],
    );
    let second = inspect(&sb, "second");
    assert_eq!(second["subnets"][0]["subnet"], "10.89.1.0/24");
    assert_eq!(second["network_interface"], "podman2");
    assert_eq!(second["internal"], true);
    assert_eq!(second["dns_enabled"], false);
    assert_eq!(second["labels"]["team"], "a");
    // A given subnet and gateway; an unnamed network is named after its bridge.
    stdout(
        &sb,
        &[
            "network",
            "create",
            "--subnet",
            "192.168.77.0/24",
            "--gateway",
            "192.168.77.254",
            "third",
        ],
    );
    assert_eq!(
        inspect(&sb, "third")["subnets"][0]["gateway"],
        "192.168.77.254"
    );
    assert_eq!(stdout(&sb, &["network", "create"]), "podman4\n");

    // Bad input: one line, 125, nothing created.
    let before = names(&sb, &[]);
    refused(
        &sb,
        &["network", "create", "--subnet", "10.89.0.0/33", "bad"],
        125,
        "invalid subnet",
    );
    refused(
        &sb,
        &["network", "create", "--subnet", "nonsense", "bad"],
        125,
        "invalid subnet",
    );
    refused(
        &sb,
        &["network", "create", "--subnet", "10.89.1.128/25", "bad"],
        125,
        "overlaps 10.89.1.0/24 of network \"second\"",
    );
    refused(
        &sb,
        &[
            "network",
            "create",
            "--subnet",
            "10.99.0.0/24",
            "--gateway",
            "10.98.0.1",
            "bad",
        ],
        125,
        "--gateway",
    );
    refused(
        &sb,
        &["network", "create", "a/b"],
        125,
        "invalid network name",
    );
    refused(&sb, &["network", "create", "host"], 125, "--network mode");
    refused(
        &sb,
        &["network", "create", "testnet"],
        125,
        "already exists",
    );
    assert_eq!(names(&sb, &[]), before);
    assert_eq!(
        stdout(&sb, &["network", "create", "--ignore", "testnet"]),
        "testnet\n"
    );
    assert_eq!(
        inspect(&sb, "testnet"),
        net,
        "--ignore leaves the network as it was"
    );

    // ls: Podman's columns, filters, JSON, templates.
    let table = stdout(&sb, &["network", "ls"]);
    let header: Vec<&str> = table
        .lines()
        .next()
        .unwrap()
        .split("  ")
        .filter(|c| !c.is_empty())
        .map(str::trim)
        .collect();
    assert_eq!(header, ["NETWORK ID", "NAME", "DRIVER"], "{table}");
    assert!(
        table
            .lines()
            .any(|l| l.starts_with(&net["id"].as_str().unwrap()[..12]) && l.contains("testnet")),
        "{table}"
    );
    assert_eq!(names(&sb, &["--filter", "name=^test"]), ["testnet"]);
    assert_eq!(names(&sb, &["--filter", "label=team=a"]), ["second"]);
    assert_eq!(
        names(&sb, &["--filter", "driver=macvlan"]),
        Vec::<String>::new()
    );
    let json: Value =
        serde_json::from_str(&stdout(&sb, &["network", "ls", "--format", "json"])).unwrap();
    assert_eq!(json.as_array().map(Vec::len), Some(before.len()));
    assert_eq!(json[0]["name"], "podman");
    assert_eq!(
        stdout(
            &sb,
            &[
                "network",
                "ls",
                "--filter",
                "name=second",
                "--format",
                "{{.Name}} {{.Driver}} {{.Internal}} {{.DNSEnabled}}"
            ]
        ),
        "second bridge true false\n"
    );
    refused(
        &sb,
        &["network", "ls", "--filter", "colour=red"],
        125,
        "colour",
    );

    // exists, inspect by id prefix, rm.
    sb.coracle(&["network", "exists", "testnet"]).code(0);
    sb.coracle(&["network", "exists", "nosuch"]).code(1);
    let id_prefix = &net["id"].as_str().unwrap()[..12];
    assert_eq!(inspect(&sb, id_prefix)["name"], "testnet");
    refused(
        &sb,
        &["network", "inspect", "nosuch"],
        125,
        "network not found",
    );
    assert_eq!(
        stdout(&sb, &["network", "rm", "testnet", "third"]),
        "testnet\nthird\n"
    );
    sb.coracle(&["network", "exists", "testnet"]).code(1);
    refused(&sb, &["network", "rm", "testnet"], 1, "network not found");
    refused(&sb, &["network", "rm", "podman"], 125, "cannot be removed");
    // The freed subnet is handed out again.
    stdout(&sb, &["network", "create", "again"]);
    assert_eq!(
        inspect(&sb, "again")["subnets"][0]["subnet"],
        "10.89.0.0/24"
    );

    // Creates at the same time still get subnets and bridges of their own.
    let children: Vec<_> = (0..4)
        .map(|i| {
            sb.command(&["network", "create", &format!("par{i}")])
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        assert!(child.wait_with_output().unwrap().status.success());
    }
    let all: Value =
        serde_json::from_str(&stdout(&sb, &["network", "ls", "--format", "json"])).unwrap();
    let all = all.as_array().unwrap();
    let mut subnets: Vec<&str> = all
        .iter()
        .map(|n| n["subnets"][0]["subnet"].as_str().unwrap())
        .collect();
    let mut bridges: Vec<&str> = all
        .iter()
        .map(|n| n["network_interface"].as_str().unwrap())
        .collect();
    let count = all.len();
    subnets.sort();
    subnets.dedup();
    bridges.sort();
    bridges.dedup();
    assert_eq!((subnets.len(), bridges.len()), (count, count), "{all:?}");
}

#[test]
fn network_rm_and_prune_respect_containers_using_them() {
    let (sb, img) = with_image("networks-inuse", "busybox");
    stdout(&sb, &["network", "create", "used"]);
    stdout(&sb, &["network", "create", "unused"]);
    stdout(
        &sb,
        &[
            "create",
            "--name",
            "user1",
            "--network",
            "used",
            "--mac-address",
            "92:D0:C6:0A:29:33",
            "--dns",
            "192.0.2.53",
            &img,
            "true",
        ],
    );
    let settings = stdout(
        &sb,
        &["container", "inspect", "--format", "{{(index .NetworkSettings.Networks \"used\").MacAddress}} {{(index .NetworkSettings.Networks \"used\").Gateway}} {{.HostConfig.Dns}}", "user1"],
    );
    assert_eq!(settings.trim(), "92:d0:c6:0a:29:33 10.89.0.1 [192.0.2.53]");
    refused(&sb, &["network", "rm", "used"], 2, "user1");
    sb.coracle(&["network", "exists", "used"]).code(0);
    // prune takes the unused one only (never the default network).
    assert_eq!(stdout(&sb, &["network", "prune", "-f"]), "unused\n");
    assert_eq!(names(&sb, &[]), ["podman", "used"]);
    assert_eq!(names(&sb, &["--filter", "dangling=false"]), ["used"]);
    // -f removes the container with the network.
    assert_eq!(stdout(&sb, &["network", "rm", "-f", "used"]), "used\n");
    sb.coracle(&["container", "exists", "user1"]).code(1);
    sb.coracle(&["network", "exists", "used"]).code(1);
}

#[test]
fn connect_and_disconnect_record_the_network_in_the_spec() {
    let (sb, img) = with_image("networks-connect", "busybox");
    stdout(&sb, &["network", "create", "net1"]);
    stdout(&sb, &["network", "create", "net2"]);
    stdout(&sb, &["network", "create", "net3"]);
    stdout(
        &sb,
        &[
            "create",
            "--name",
            "c1",
            "--network",
            "net1",
            "--network-alias",
            "web",
            &img,
            "true",
        ],
    );
    sb.coracle(&["network", "connect", "--alias", "db", "net2", "c1"])
        .success();
    refused(
        &sb,
        &["network", "connect", "net2", "c1"],
        125,
        "already connected",
    );
    refused(
        &sb,
        &["network", "connect", "nosuch", "c1"],
        125,
        "network not found",
    );
    refused(
        &sb,
        &["network", "connect", "--alias", "bad alias", "net3", "c1"],
        125,
        "bad alias",
    );
    let aliases = stdout(
        &sb,
        &[
            "container",
            "inspect",
            "--format",
            "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.Aliases}} {{end}}",
            "c1",
        ],
    );
    assert_eq!(aliases.trim(), "net1=[web] net2=[db]");
    // Both networks now name c1 as their user.
    refused(&sb, &["network", "rm", "net2"], 2, "c1");
    sb.coracle(&["network", "disconnect", "net1", "c1"])
        .success();
    refused(
        &sb,
        &["network", "disconnect", "net1", "c1"],
        125,
        "not connected",
    );
    assert_eq!(stdout(&sb, &["network", "rm", "net1"]), "net1\n");
    sb.coracle(&["network", "disconnect", "net2", "c1"])
        .success();
    assert_eq!(stdout(&sb, &["network", "rm", "net2"]), "net2\n");
}

#[test]
fn dns_flags_hosts_and_hostname_reach_the_container() {
    let (sb, img) = with_image("networks-dnsflags", "busybox");
    let out = run(
        &sb,
        &img,
        &[
            "--network",
            "none",
            "--name",
            "named1",
            "--dns",
            "192.0.2.1",
            "--dns-search",
            "example.test",
            "--dns-option",
            "ndots:2",
            "--add-host",
            "foo:192.0.2.7",
            "--hostname",
            "h1",
        ],
        &[
            "sh",
            "-c",
            "cat /etc/resolv.conf; echo ---; cat /etc/hosts; echo ---; hostname",
        ],
    );
    let text = out.success().stdout.clone();
    let parts: Vec<&str> = text.split("---\n").collect();
    assert_eq!(parts.len(), 3, "{out}");
    assert_eq!(
        parts[0], "search example.test\nnameserver 192.0.2.1\noptions ndots:2\n",
        "{out}"
    );
    let hosts: Vec<&str> = parts[1].lines().collect();
    assert_eq!(
        hosts.first(),
        Some(&"192.0.2.7\tfoo"),
        "--add-host comes first: {out}"
    );
    assert!(
        hosts.contains(&"127.0.0.1\tlocalhost localhost.localdomain"),
        "{out}"
    );
    assert!(
        hosts.iter().any(|l| l.ends_with("\th1 named1")),
        "own names: {out}"
    );
    assert_eq!(parts[2], "h1\n");

    // Without --dns the host's nameservers stay.
    let host_servers: Vec<String> = std::fs::read_to_string("/etc/resolv.conf")
        .unwrap_or_default()
        .lines()
        .filter(|l| l.starts_with("nameserver ") && !l.contains('%'))
        .map(String::from)
        .collect();
    let plain = run(
        &sb,
        &img,
        &["--network", "host"],
        &["grep", "^nameserver", "/etc/resolv.conf"],
    );
    let got: Vec<String> = plain.stdout.lines().map(String::from).collect();
    assert_eq!(got, host_servers, "{plain}");

    for (flags, why) in [
        (&["--dns", "nope"][..], "--dns"),
        (&["--dns-search", "a b"][..], "--dns-search"),
        (&["--dns-option", "a b"][..], "--dns-option"),
        (&["--network", "nosuch"][..], "nosuch"),
        (
            &["--network", "none", "--network-alias", "x"][..],
            "--network-alias",
        ),
        (
            &["--network", "host", "--network", "podman"][..],
            "cannot be combined",
        ),
        (
            &["--network", "podman", "--mac-address", "zz"][..],
            "--mac-address",
        ),
    ] {
        let mut args = vec!["run", "--rm"];
        args.extend_from_slice(flags);
        args.extend_from_slice(&[&img, "true"]);
        refused(&sb, &args, 125, why);
    }
}

#[test]
fn a_dns_enabled_network_puts_the_resolver_first() {
    let (sb, img) = with_image("networks-resolver-first", "busybox");
    stdout(&sb, &["network", "create", "dnsnet"]);
    stdout(&sb, &["network", "create", "--disable-dns", "quiet"]);
    let out = run(
        &sb,
        &img,
        &[
            "--network",
            "dnsnet,quiet",
            "--dns",
            "192.0.2.1",
            "--dns-search",
            "example.test",
        ],
        &["cat", "/etc/resolv.conf"],
    );
    assert_eq!(
        out.success().stdout,
        "search dns.podman example.test\nnameserver 10.89.0.1\nnameserver 192.0.2.1\n",
        "{out}"
    );
}

/// A small DNS client and a fake upstream, for the resolver process.
mod dns_wire {
    use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
    use std::time::Duration;

    /// A standard query for `name`, type A.
    pub fn query(id: u16, name: &str) -> Vec<u8> {
        let mut q = id.to_be_bytes().to_vec();
        q.extend_from_slice(&[1, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        for label in name.split('.') {
            q.push(label.len() as u8);
            q.extend_from_slice(label.as_bytes());
        }
        q.extend_from_slice(&[0, 0, 1, 0, 1]);
        q
    }

    fn skip_name(p: &[u8], mut at: usize) -> usize {
        loop {
            match p[at] {
                0 => return at + 1,
                l if l >= 0xc0 => return at + 2,
                l => at += 1 + l as usize,
            }
        }
    }

    /// The response code and A addresses of a response to one question.
    pub fn parse(p: &[u8]) -> (u16, u8, Vec<Ipv4Addr>) {
        assert!(
            p.len() >= 12 && p[2] & 0x80 != 0,
            "not a DNS response: {p:?}"
        );
        let ancount = u16::from_be_bytes([p[6], p[7]]);
        let mut at = skip_name(p, 12) + 4;
        let mut ips = Vec::new();
        for _ in 0..ancount {
            at = skip_name(p, at);
            let rtype = u16::from_be_bytes([p[at], p[at + 1]]);
            let len = u16::from_be_bytes([p[at + 8], p[at + 9]]) as usize;
            if rtype == 1 && len == 4 {
                ips.push(Ipv4Addr::new(
                    p[at + 10],
                    p[at + 11],
                    p[at + 12],
                    p[at + 13],
                ));
            }
            at += 10 + len;
        }
        (u16::from_be_bytes([p[0], p[1]]), p[3] & 0xf, ips)
    }

    /// Ask `server` for `name`: `None` if nothing answers within about 3 s.
    pub fn ask(server: SocketAddr, name: &str) -> Option<(u8, Vec<Ipv4Addr>)> {
        let client = UdpSocket::bind("127.0.0.1:0").unwrap();
        client
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        let q = query(0x2a2a, name);
        for _ in 0..15 {
            client.send_to(&q, server).unwrap();
            let mut buf = [0u8; 1024];
            if let Ok((n, from)) = client.recv_from(&mut buf) {
                assert_eq!(from, server);
                let (id, rcode, ips) = parse(&buf[..n]);
                assert_eq!(id, 0x2a2a);
                return Some((rcode, ips));
            }
        }
        None
    }

    /// A fake upstream answering every question with `answer`.
    pub fn fake_upstream(answer: Ipv4Addr) -> SocketAddr {
        let socket = UdpSocket::bind("127.0.0.9:0").unwrap();
        let addr = socket.local_addr().unwrap();
        std::thread::spawn(move || {
            let mut buf = [0u8; 512];
            while let Ok((n, from)) = socket.recv_from(&mut buf) {
                let mut reply = buf[..n].to_vec();
                reply[2] |= 0x80;
                reply[7] = 1;
                reply.extend_from_slice(&[0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4]);
                reply.extend_from_slice(&answer.octets());
                let _ = socket.send_to(&reply, from);
            }
        });
        addr
    }
}

/// A lease file as the bridge code writes it.
fn write_lease(
    runroot: &std::path::Path,
    network: &str,
    id: &str,
    name: &str,
    aliases: &[&str],
    ip: &str,
) {
    let dir = runroot.join("networks/leases").join(network);
    std::fs::create_dir_all(&dir).unwrap();
    let lease = serde_json::json!({
        "container_id": id, "container_name": name, "aliases": aliases,
        "ip": ip, "mac": "02:00:00:00:00:01", "interface": "eth0",
    });
    std::fs::write(dir.join(format!("{id}.json")), lease.to_string()).unwrap();
}

/// Kills the resolver if the test fails before it exits by itself.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_resolver_process_answers_per_network_and_exits_when_unneeded() {
    use std::net::{Ipv4Addr, SocketAddr};
    let sb = Sandbox::new("networks-resolver");
    // Networks on loopback subnets, so the resolver can listen on their gateways
    // without a network namespace.
    stdout(
        &sb,
        &["network", "create", "--subnet", "127.0.5.0/24", "alpha"],
    );
    stdout(
        &sb,
        &["network", "create", "--subnet", "127.0.6.0/24", "beta"],
    );
    stdout(
        &sb,
        &[
            "network",
            "create",
            "--subnet",
            "127.0.7.0/24",
            "--disable-dns",
            "quiet",
        ],
    );
    let runroot = sb.work().join("runroot");
    write_lease(&runroot, "alpha", "a1", "web", &["www"], "10.89.0.2");
    write_lease(&runroot, "beta", "b1", "db", &[], "10.89.1.2");
    write_lease(&runroot, "quiet", "q1", "hidden", &[], "10.89.2.2");
    let upstream_answer = Ipv4Addr::new(203, 0, 113, 9);
    let upstream = dns_wire::fake_upstream(upstream_answer).to_string();
    let port = std::net::UdpSocket::bind("127.0.5.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let store = sb.data().join("coracle");
    let mut command = sb.command(&[
        "__dns",
        "--store",
        &store.to_string_lossy(),
        "--runroot",
        &runroot.to_string_lossy(),
        "--port",
        &port.to_string(),
        "--upstream",
        &upstream,
    ]);
    command.stdout(std::process::Stdio::null());
    let mut child = KillOnDrop(command.spawn().expect("start coracle __dns"));
    let on = |last: u8| SocketAddr::from((Ipv4Addr::new(127, 0, last, 1), port));

    let ok = |ip: [u8; 4]| Some((0, vec![Ipv4Addr::from(ip)]));
    assert_eq!(dns_wire::ask(on(5), "web"), ok([10, 89, 0, 2]));
    assert_eq!(dns_wire::ask(on(5), "www.dns.podman"), ok([10, 89, 0, 2]));
    assert_eq!(dns_wire::ask(on(6), "db"), ok([10, 89, 1, 2]));
    // Another network's names are not answered; unknown names in dns.podman are NXDOMAIN.
    assert_eq!(dns_wire::ask(on(5), "db.dns.podman"), Some((3, vec![])));
    assert_eq!(dns_wire::ask(on(6), "web.dns.podman"), Some((3, vec![])));
    // Everything else goes to the upstream.
    assert_eq!(
        dns_wire::ask(on(5), "example.org"),
        Some((0, vec![upstream_answer]))
    );
    // A network without DNS gets no resolver.
    assert_eq!(dns_wire::ask(on(7), "hidden"), None);
    // A container that comes later resolves at once.
    write_lease(&runroot, "alpha", "a2", "late", &[], "10.89.0.3");
    assert_eq!(dns_wire::ask(on(5), "late"), ok([10, 89, 0, 3]));

    // Once no container is left on a DNS-enabled network, the resolver ends.
    for (network, id) in [("alpha", "a1"), ("alpha", "a2"), ("beta", "b1")] {
        std::fs::remove_file(
            runroot
                .join("networks/leases")
                .join(network)
                .join(format!("{id}.json")),
        )
        .unwrap();
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "coracle __dns still runs without containers"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert!(status.success(), "{status}");
}
