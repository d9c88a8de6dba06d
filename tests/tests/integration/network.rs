//! Rootless networking as the unprivileged user: the default network (a veth on the
//! `podman` bridge in the shared rootless namespace, pasta for outbound traffic),
//! host.containers.internal, container-to-container traffic, `--network none` and
//! `container:X`, published TCP and UDP ports through the forwarder, a host port in
//! use, and that no helper process outlives the containers. All traffic stays on
//! this machine.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream, UdpSocket};
use std::time::{Duration, Instant};

use coracle_tests::Sandbox;

use crate::run::with_image;

/// Removes every container of the sandbox when the test ends, passed or failed.
struct RemoveAll<'a>(&'a Sandbox);

impl Drop for RemoveAll<'_> {
    fn drop(&mut self) {
        let _ = self.0.coracle(&["rm", "-f", "-a", "-t", "0"]);
    }
}

fn stdout_of(sb: &Sandbox, args: &[&str]) -> String {
    sb.coracle(args).success().stdout.trim().to_string()
}

/// A port that was free a moment ago.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The IPv4 address of eth0 in running container `ctr`.
fn address_of(sb: &Sandbox, ctr: &str) -> String {
    let text = stdout_of(sb, &["exec", ctr, "ip", "-4", "-o", "addr", "show", "eth0"]);
    let word = text
        .split_whitespace()
        .skip_while(|w| *w != "inet")
        .nth(1)
        .unwrap_or_else(|| panic!("no inet address in {text:?}"));
    word.split('/').next().unwrap().to_string()
}

/// GET `path` from 127.0.0.1:`port`, retried for a few seconds while the server starts.
pub(crate) fn http_get(port: u16, path: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let attempt = (|| -> std::io::Result<String> {
            let mut s = TcpStream::connect(("127.0.0.1", port))?;
            s.set_read_timeout(Some(Duration::from_secs(5)))?;
            write!(s, "GET {path} HTTP/1.0\r\nHost: x\r\n\r\n")?;
            let mut out = String::new();
            s.read_to_string(&mut out)?;
            Ok(out)
        })();
        match attempt {
            Ok(text) if text.contains("200") => return text,
            other if Instant::now() > deadline => panic!("GET {path} on {port}: {other:?}"),
            _ => std::thread::sleep(Duration::from_millis(200)),
        }
    }
}

#[test]
fn default_network_reaches_the_host_and_other_containers() {
    let (sb, img) = with_image("net-default", "busybox");
    let _guard = RemoveAll(&sb);
    // A server on the host's loopback, reached as host.containers.internal.
    let port = host_server();
    let url = format!("http://host.containers.internal:{port}/");
    let out = sb.coracle(&["run", "--rm", &img, "timeout", "5", "wget", "-qO-", &url]);
    assert_eq!(out.success().stdout, "hello from host!\n", "{out}");

    // Two containers on the default network: 10.88.x addresses, reachable by IP.
    sb.coracle(&[
        "run", "-d", "--name", "web", &img, "httpd", "-f", "-p", "8080", "-h", "/etc",
    ])
    .success();
    let ip = address_of(&sb, "web");
    assert!(ip.starts_with("10.88."), "{ip}");
    let shown = stdout_of(
        &sb,
        &[
            "inspect",
            "-f",
            "{{.NetworkSettings.IPAddress}} {{.NetworkSettings.Gateway}}",
            "web",
        ],
    );
    assert_eq!(shown, format!("{ip} 10.88.0.1"));
    let hostname = stdout_of(&sb, &["exec", "web", "cat", "/etc/hostname"]);
    let url = format!("http://{ip}:8080/hostname");
    let script = format!(
        "for i in 1 2 3 4 5; do timeout 5 wget -qO- {url} && exit 0; sleep 0.3; done; exit 1"
    );
    let out = sb.coracle(&["run", "--rm", &img, "sh", "-c", &script]);
    assert_eq!(out.success().stdout.trim(), hostname, "{out}");
    // /etc/hosts names the container at its own address.
    let hosts = stdout_of(&sb, &["exec", "web", "cat", "/etc/hosts"]);
    assert!(hosts.contains(&format!("{ip}\t{hostname} web")), "{hosts}");
}

#[test]
fn none_and_container_modes() {
    let (sb, img) = with_image("net-modes", "busybox");
    let _guard = RemoveAll(&sb);
    let links = stdout_of(
        &sb,
        &["run", "--rm", "--network", "none", &img, "ip", "-o", "link"],
    );
    let names: Vec<&str> = links
        .lines()
        .filter_map(|l| l.split(':').nth(1).map(str::trim))
        .collect();
    assert_eq!(names, ["lo"], "{links}");
    sb.coracle(&["run", "-d", "--name", "a", &img, "sleep", "1000"])
        .success();
    let ip = address_of(&sb, "a");
    let theirs = stdout_of(
        &sb,
        &[
            "run",
            "--rm",
            "--network",
            "container:a",
            &img,
            "ip",
            "-4",
            "-o",
            "addr",
        ],
    );
    assert!(theirs.contains(&format!("inet {ip}/")), "{theirs}");
}

#[test]
fn published_tcp_and_udp_ports_and_a_port_in_use() {
    let (sb, img) = with_image("net-publish", "busybox");
    let _guard = RemoveAll(&sb);
    let tcp = free_port();
    let spec = format!("{tcp}:8080");
    sb.coracle(&[
        "run", "-d", "--name", "web", "-p", &spec, &img, "httpd", "-f", "-p", "8080", "-h", "/etc",
    ])
    .success();
    let hostname = stdout_of(&sb, &["exec", "web", "cat", "/etc/hostname"]);
    let page = http_get(tcp, "/hostname");
    assert!(page.ends_with(&format!("{hostname}\n")), "{page}");
    let ports = stdout_of(&sb, &["port", "web"]);
    assert_eq!(ports, format!("8080/tcp -> 0.0.0.0:{tcp}"));

    // A host port in use: 125 naming it, and no container made.
    let taken = TcpListener::bind("0.0.0.0:0").unwrap();
    let busy = taken.local_addr().unwrap().port();
    let before = stdout_of(&sb, &["ps", "-a", "-q"]);
    let out = sb.coracle(&[
        "run",
        "-d",
        "-p",
        &format!("{busy}:80"),
        &img,
        "sleep",
        "100",
    ]);
    out.code(125);
    assert!(out.stderr.contains(&busy.to_string()), "{out}");
    assert_eq!(stdout_of(&sb, &["ps", "-a", "-q"]), before);
}

/// `ps` lists published ports as Podman does (`0.0.0.0:HOST->CTR/tcp`, joined by
/// `, `): a running container's with the host ports its start picked, in the table,
/// in templates and in JSON; a stopped one's as saved.
#[test]
fn ps_lists_the_published_ports() {
    let (sb, img) = with_image("net-ps-ports", "busybox");
    let _guard = RemoveAll(&sb);
    let fixed = free_port();
    let spec = format!("{fixed}:8080");
    sb.coracle(&[
        "run", "-d", "--name", "web", "-p", &spec, "-p", "9090", &img, "sleep", "1000",
    ])
    .success();
    sb.coracle(&["run", "-d", "--name", "quiet", &img, "sleep", "1000"])
        .success();
    let picked = stdout_of(&sb, &["port", "web", "9090"]);
    let picked = picked.rsplit(':').next().unwrap_or_default().to_string();
    assert!(picked.parse::<u16>().is_ok_and(|p| p > 0), "{picked}");
    let wanted = format!("0.0.0.0:{fixed}->8080/tcp, 0.0.0.0:{picked}->9090/tcp");

    let listed = stdout_of(&sb, &["ps", "--format", "{{.Names}}|{{.Ports}}"]);
    let mut listed: Vec<&str> = listed.lines().collect();
    listed.sort();
    assert_eq!(listed, ["quiet|".to_string(), format!("web|{wanted}")]);
    let table = stdout_of(&sb, &["ps"]);
    assert!(table.lines().next().unwrap_or_default().contains("PORTS"));
    let web_line = table
        .lines()
        .find(|l| l.ends_with("web"))
        .unwrap_or_default();
    assert!(web_line.contains(&wanted), "{table}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&sb, &["ps", "--format", "json"])).unwrap();
    let web = json
        .as_array()
        .and_then(|all| all.iter().find(|c| c["Names"][0] == "web"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(web["Ports"][0]["host_port"], u64::from(fixed), "{web}");
    assert_eq!(web["Ports"][0]["container_port"], 8080, "{web}");
    assert_eq!(web["Ports"][0]["protocol"], "tcp", "{web}");
    assert_eq!(
        web["Ports"][0]["host_ip"], "",
        "every address, as Podman: {web}"
    );
    let inspected: serde_json::Value =
        serde_json::from_str(&stdout_of(&sb, &["container", "inspect", "web"])).unwrap();
    let host = &inspected[0]["HostConfig"];
    assert_eq!(host["NetworkMode"], "bridge", "{host}");
    assert_eq!(
        host["PortBindings"],
        serde_json::json!({
            "8080/tcp": [{"HostIp": "", "HostPort": fixed.to_string()}],
            "9090/tcp": [{"HostIp": "", "HostPort": ""}],
        })
    );
    assert_eq!(
        inspected[0]["NetworkSettings"]["Ports"]["9090/tcp"][0]["HostPort"],
        picked
    );

    sb.coracle(&["stop", "-t", "0", "web"]).success();
    assert_eq!(
        stdout_of(
            &sb,
            &["ps", "-a", "--filter", "name=web", "--format", "{{.Ports}}"]
        ),
        format!("0.0.0.0:{fixed}->8080/tcp, 9090/tcp")
    );
}

/// Send `payload` from `client` to 127.0.0.1:`port` until the same bytes come back
/// (the echo server may still be starting), for at most ten seconds.
fn udp_echo(client: &UdpSocket, port: u16, payload: &[u8]) -> Vec<u8> {
    client
        .set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut buf = vec![0u8; 65536];
    loop {
        client.send_to(payload, ("127.0.0.1", port)).unwrap();
        match client.recv_from(&mut buf) {
            Ok((n, from)) => {
                assert_eq!(
                    from.port(),
                    port,
                    "the answer comes from the published port"
                );
                return buf[..n].to_vec();
            }
            Err(e) if Instant::now() > deadline => panic!("no UDP echo on {port}: {e}"),
            Err(_) => {}
        }
    }
}

#[test]
fn published_udp_port_echoes_through_the_forwarder() {
    let (sb, img) = with_image("net-udp", "netserve");
    let _guard = RemoveAll(&sb);
    let probe = UdpSocket::bind("127.0.0.1:0").unwrap();
    let port = probe.local_addr().unwrap().port();
    drop(probe);
    let spec = format!("{port}:9000/udp");
    sb.coracle(&[
        "run", "-d", "--name", "echo", "-p", &spec, &img, "udpecho", "9000",
    ])
    .success();
    assert_eq!(
        stdout_of(&sb, &["port", "echo"]),
        format!("9000/udp -> 0.0.0.0:{port}")
    );
    // Two clients are two flows: each gets its own answers, a large datagram whole.
    let first = UdpSocket::bind("127.0.0.1:0").unwrap();
    let second = UdpSocket::bind("127.0.0.1:0").unwrap();
    assert_eq!(udp_echo(&first, port, b"ping one"), b"ping one");
    assert_eq!(udp_echo(&second, port, b"ping two"), b"ping two");
    let large: Vec<u8> = (0..30000u32).map(|i| (i % 251) as u8).collect();
    assert_eq!(udp_echo(&first, port, &large), large);
    // Once the container is gone, so is the forwarder: the host port is free again.
    sb.coracle(&["rm", "-f", "-t", "0", "echo"]).success();
    let deadline = Instant::now() + Duration::from_secs(5);
    while let Err(e) = UdpSocket::bind(("0.0.0.0", port)) {
        assert!(
            Instant::now() < deadline,
            "host port {port} still held: {e}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The host port `port CTR` shows for `container_port` (`8080/tcp`).
fn host_port_of(ports: &str, container_port: &str) -> u16 {
    let line = ports
        .lines()
        .find(|l| l.starts_with(&format!("{container_port} -> ")))
        .unwrap_or_else(|| panic!("no {container_port} in {ports:?}"));
    let (_, port) = line.rsplit_once(':').unwrap();
    port.parse()
        .unwrap_or_else(|_| panic!("no port in {line:?}"))
}

#[test]
fn publish_all_maps_every_exposed_port_to_a_free_host_port() {
    let (sb, img) = with_image("net-publish-all", "netserve");
    let _guard = RemoveAll(&sb);
    // The image EXPOSEs 8080/tcp and 9000/udp; its command serves /www on 8080.
    sb.coracle(&["run", "-d", "--name", "web", "-P", &img])
        .success();
    let ports = stdout_of(&sb, &["port", "web"]);
    assert_eq!(ports.lines().count(), 2, "{ports}");
    let tcp = host_port_of(&ports, "8080/tcp");
    let udp = host_port_of(&ports, "9000/udp");
    assert!(tcp != 0 && udp != 0, "{ports}");
    assert!(ports.contains(&format!("0.0.0.0:{tcp}")), "{ports}");
    let page = http_get(tcp, "/file");
    assert!(page.ends_with("\r\n\r\nserved by netserve\n"), "{page}");

    // With -p for an exposed port, that mapping wins and -P adds only the rest.
    let fixed = free_port();
    let spec = format!("{fixed}:8080");
    sb.coracle(&["run", "-d", "--name", "both", "-P", "-p", &spec, &img])
        .success();
    let ports = stdout_of(&sb, &["port", "both"]);
    assert_eq!(ports.lines().count(), 2, "{ports}");
    assert_eq!(host_port_of(&ports, "8080/tcp"), fixed, "{ports}");
    assert_ne!(host_port_of(&ports, "9000/udp"), udp, "{ports}");
    let page = http_get(fixed, "/file");
    assert!(page.ends_with("served by netserve\n"), "{page}");
}

/// Processes (not zombies) whose environment names this sandbox's runtime
/// directory: every helper coracle starts inherits it. Read as root.
pub(crate) fn helpers_of(sb: &Sandbox) -> Vec<String> {
    helpers_with_runtime_dir(&sb.runtime())
}

/// Processes (not zombies) whose XDG_RUNTIME_DIR is `dir`, as "PID COMMAND LINE".
pub(crate) fn helpers_with_runtime_dir(dir: &std::path::Path) -> Vec<String> {
    let marker = format!("XDG_RUNTIME_DIR={}", dir.display());
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let pid = entry.file_name().to_string_lossy().into_owned();
        if !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(env) = std::fs::read(entry.path().join("environ")) else {
            continue;
        };
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        let zombie = stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z'));
        let mine = env.split(|b| *b == 0).any(|v| v == marker.as_bytes());
        if mine && !zombie {
            let cmd = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
            out.push(format!(
                "{pid} {}",
                String::from_utf8_lossy(&cmd).replace('\0', " ")
            ));
        }
    }
    out
}

/// Wait up to a few seconds for every helper process to be gone.
pub(crate) fn assert_no_helpers(sb: &Sandbox) {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let left = helpers_of(sb);
        if left.is_empty() {
            return;
        }
        assert!(Instant::now() < deadline, "processes left: {left:#?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn no_helper_outlives_its_containers() {
    let (sb, img) = with_image("net-cleanup", "busybox");
    let p = format!("{}:8080", free_port());
    sb.coracle(&["run", "-d", "-p", &p, &img, "httpd", "-f", "-p", "8080"])
        .success();
    sb.coracle(&["run", "-d", &img, "sleep", "1000"]).success();
    let during = helpers_of(&sb);
    for helper in ["pasta", "__port-forward"] {
        assert!(
            during.iter().any(|l| l.contains(helper)),
            "{helper} should run: {during:#?}"
        );
    }
    sb.coracle(&["rm", "-f", "-a", "-t", "0"]).success();
    assert_no_helpers(&sb);

    // The monitor killed, then the container: `container cleanup` ends the rest.
    let p = format!("{}:8080", free_port());
    let id = stdout_of(
        &sb,
        &["run", "-d", "-p", &p, &img, "httpd", "-f", "-p", "8080"],
    );
    let pid: i32 = stdout_of(&sb, &["inspect", "-f", "{{.State.Pid}}", &id])
        .parse()
        .unwrap();
    let monitor = helpers_of(&sb)
        .into_iter()
        .find(|l| l.contains("coracle-monitor"))
        .expect("a monitor runs");
    let monitor: i32 = monitor.split(' ').next().unwrap().parse().unwrap();
    for victim in [monitor, pid] {
        coracle_tests::run_root("kill", &["-9", &victim.to_string()]).success();
    }
    std::thread::sleep(Duration::from_millis(300));
    sb.coracle(&["container", "cleanup", &id]).success();
    assert_no_helpers(&sb);
    sb.coracle(&["rm", "-f", "-a"]).success();
}

#[test]
fn info_reports_the_network_backend() {
    let sb = Sandbox::new("net-info");
    let out = stdout_of(&sb, &["info", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // pasta is installed by .ci/run (package passt): it is chosen over slirp4netns.
    assert_eq!(v["host"]["rootlessNetworkCmd"], "pasta", "{out}");
    let exe = v["host"]["pasta"]["executable"].as_str().unwrap();
    assert!(exe.ends_with("/pasta"), "{exe}");
    assert_eq!(v["host"]["slirp4netns"]["executable"], "");
}

/// A user-defined network's file as `network create` writes it (written by hand
/// here: the command belongs to another part of the work).
fn define_network(sb: &Sandbox, name: &str, third_octet: u8, internal: bool) {
    let json = serde_json::json!({
        "name": name,
        "id": format!("{:064x}", third_octet),
        "driver": "bridge",
        "network_interface": format!("podman{third_octet}"),
        "created": "2026-01-01T00:00:00Z",
        "subnets": [{
            "subnet": format!("10.89.{third_octet}.0/24"),
            "gateway": format!("10.89.{third_octet}.1"),
        }],
        "internal": internal,
        "dns_enabled": true,
    });
    sb.write(
        &format!("data/coracle/networks/{name}.json"),
        &json.to_string(),
    );
}

#[test]
fn networks_are_isolated_from_each_other() {
    let (sb, img) = with_image("net-isolation", "busybox");
    let _guard = RemoveAll(&sb);
    define_network(&sb, "neta", 1, false);
    define_network(&sb, "netb", 2, false);
    for (name, net) in [("a1", "neta"), ("b1", "netb")] {
        sb.coracle(&[
            "run",
            "-d",
            "--name",
            name,
            "--network",
            net,
            &img,
            "httpd",
            "-f",
            "-p",
            "8080",
            "-h",
            "/etc",
        ])
        .success();
    }
    let a1 = address_of(&sb, "a1");
    let b1 = address_of(&sb, "b1");
    assert!(a1.starts_with("10.89.1."), "{a1}");
    assert!(b1.starts_with("10.89.2."), "{b1}");
    let get = |net: &str, ip: &str| {
        let url = format!("http://{ip}:8080/hostname");
        let script = format!(
            "for i in 1 2 3; do timeout 3 wget -qO- {url} && exit 0; sleep 0.3; done; exit 1"
        );
        sb.coracle(&["run", "--rm", "--network", net, &img, "sh", "-c", &script])
    };
    // Same network: reachable; the other network: not.
    get("neta", &a1).success();
    get("neta", &b1).failure();
    get("netb", &a1).failure();
    get("netb", &b1).success();
}

/// A web server on the host's loopback answering "hello from host!"; its port.
pub(crate) fn host_server() -> u16 {
    server_on("127.0.0.1")
}

/// A web server on the host's `address` answering "hello from host!"; its port.
pub(crate) fn server_on(address: &str) -> u16 {
    let server = TcpListener::bind((address, 0)).unwrap();
    let port = server.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut conn in server.incoming().flatten() {
            let mut buf = [0u8; 1024];
            let _ = conn.read(&mut buf);
            let _ =
                conn.write_all(b"HTTP/1.0 200 OK\r\nContent-Length: 17\r\n\r\nhello from host!\n");
        }
    });
    port
}

#[test]
fn per_container_backends_and_keep_id_reach_the_host() {
    let (sb, img) = with_image("net-backends", "busybox");
    let url = format!("http://host.containers.internal:{}/", host_server());
    // pasta and slirp4netns of the container's own; keep-id cannot share the rootless
    // namespace's user namespace and gets a pasta of its own.
    for flags in [
        ["--network", "pasta"],
        ["--network", "slirp4netns:allow_host_loopback=true"],
        ["--userns", "keep-id"],
    ] {
        let script = format!("ip -o link | grep -c eth0; timeout 5 wget -qO- {url}");
        let mut args = vec!["run", "--rm"];
        args.extend(flags);
        args.extend([img.as_str(), "sh", "-c", &script]);
        let out = sb.coracle(&args);
        assert_eq!(
            out.success().stdout,
            "1\nhello from host!\n",
            "{flags:?}: {out}"
        );
    }
    assert_no_helpers(&sb);
}

#[test]
fn containers_on_a_user_network_find_each_other_by_name_and_alias() {
    let (sb, img) = with_image("net-dns", "busybox");
    let _cleanup = RemoveAll(&sb);
    sb.coracle(&["network", "create", "testnet"]).success();
    sb.coracle(&["network", "create", "othernet"]).success();
    sb.coracle(&[
        "run",
        "-d",
        "--network",
        "testnet",
        "--name",
        "web",
        "--network-alias",
        "www",
        &img,
        "sh",
        "-c",
        "mkdir -p /w && echo served-by-name > /w/index.html && httpd -f -p 8080 -h /w",
    ])
    .success();
    // By name and by alias, through coracle's resolver on the network's gateway.
    let fetch = "timeout 5 wget -qO- http://web:8080/ && timeout 5 wget -qO- http://www:8080/";
    let out = sb.coracle(&[
        "run",
        "--rm",
        "--network",
        "testnet",
        &img,
        "sh",
        "-c",
        fetch,
    ]);
    assert_eq!(
        out.success().stdout,
        "served-by-name\nserved-by-name\n",
        "{out}"
    );
    // A container started later resolves too (the resolver reads leases per query).
    sb.coracle(&[
        "run",
        "-d",
        "--network",
        "testnet",
        "--name",
        "late",
        &img,
        "sleep",
        "1000",
    ])
    .success();
    let ping = sb.coracle(&[
        "run",
        "--rm",
        "--network",
        "testnet",
        &img,
        "sh",
        "-c",
        "nslookup late | grep -q 10.89. && echo reached",
    ]);
    assert_eq!(ping.success().stdout, "reached\n", "{ping}");
    // Podman's default sysctl: every group may ping through datagram sockets.
    let range = stdout_of(
        &sb,
        &[
            "run",
            "--rm",
            "--network",
            "testnet",
            &img,
            "cat",
            "/proc/sys/net/ipv4/ping_group_range",
        ],
    );
    assert_eq!(range, "0\t0");
    // Another network neither resolves nor reaches them.
    let other = sb.coracle(&[
        "run",
        "--rm",
        "--network",
        "othernet",
        &img,
        "sh",
        "-c",
        "timeout 5 wget -qO- http://web:8080/",
    ]);
    assert_ne!(other.code, 0, "{other}");
    assert!(!other.stdout.contains("served-by-name"), "{other}");
}

/// In running container `ctr`: fetch http://web:8080/file, retried for a few
/// seconds (the resolver picks a new network up within half a second).
fn fetch_web_from(sb: &Sandbox, ctr: &str) -> coracle_tests::Run {
    let script = "for i in 1 2 3 4 5 6; do timeout 3 wget -qO- http://web:8080/file && exit 0; sleep 0.5; done; exit 1";
    sb.coracle(&["exec", ctr, "sh", "-c", script])
}

#[test]
fn connect_and_disconnect_a_running_container() {
    let (sb, img) = with_image("net-live", "netserve");
    let _cleanup = RemoveAll(&sb);
    sb.coracle(&["network", "create", "neta"]).success();
    sb.coracle(&["network", "create", "netb"]).success();
    sb.coracle(&["run", "-d", "--network", "neta", "--name", "web", &img])
        .success();
    sb.coracle(&[
        "run",
        "-d",
        "--network",
        "netb",
        "--name",
        "client",
        &img,
        "sleep",
        "1000",
    ])
    .success();
    let before = fetch_web_from(&sb, "client");
    assert_ne!(before.code, 0, "reached web before connect: {before}");

    // Connected while it runs: a second interface on neta (with the MAC asked
    // for), and web by name.
    sb.coracle(&[
        "network",
        "connect",
        "--mac-address",
        "92:d0:c6:0a:29:35",
        "neta",
        "client",
    ])
    .success();
    let links = stdout_of(&sb, &["exec", "client", "ip", "-o", "link"]);
    assert!(links.contains(" eth1@"), "{links}");
    let mac = stdout_of(
        &sb,
        &["exec", "client", "cat", "/sys/class/net/eth1/address"],
    );
    assert_eq!(mac, "92:d0:c6:0a:29:35");
    let after = fetch_web_from(&sb, "client");
    assert_eq!(after.success().stdout, "served by netserve\n", "{after}");
    // /etc/hosts names it at its new address too.
    let own_lines = |sb: &Sandbox| -> Vec<String> {
        let hosts = stdout_of(sb, &["exec", "client", "cat", "/etc/hosts"]);
        hosts
            .lines()
            .filter(|l| l.ends_with(" client"))
            .map(String::from)
            .collect()
    };
    let eth1 = stdout_of(
        &sb,
        &["exec", "client", "ip", "-4", "-o", "addr", "show", "eth1"],
    );
    let own = own_lines(&sb);
    assert_eq!(own.len(), 2, "{own:?}");
    assert!(
        own.iter()
            .any(|l| eth1.contains(&format!("inet {}/", l.split('\t').next().unwrap()))),
        "{own:?} {eth1}"
    );
    let nets = stdout_of(
        &sb,
        &[
            "inspect",
            "--format",
            "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}",
            "client",
        ],
    );
    assert_eq!(nets.trim(), "neta netb", "{nets}");

    // Disconnected while it runs: the interface is gone, web neither resolves nor
    // answers; netb still works.
    sb.coracle(&["network", "disconnect", "neta", "client"])
        .success();
    let links = stdout_of(&sb, &["exec", "client", "ip", "-o", "link"]);
    assert!(!links.contains("eth1"), "{links}");
    assert_eq!(own_lines(&sb).len(), 1, "{:?}", own_lines(&sb));
    assert!(links.contains(" eth0@"), "{links}");
    let gone = fetch_web_from(&sb, "client");
    assert_ne!(gone.code, 0, "reached web after disconnect: {gone}");
    let lookup = sb.coracle(&["exec", "client", "nslookup", "client"]);
    assert!(lookup.stdout.contains("10.89."), "{lookup}");

    // Connected while stopped: the next start attaches it.
    sb.coracle(&["stop", "-t", "0", "client"]).success();
    sb.coracle(&["network", "connect", "neta", "client"])
        .success();
    sb.coracle(&["start", "client"]).success();
    let restarted = fetch_web_from(&sb, "client");
    assert_eq!(
        restarted.success().stdout,
        "served by netserve\n",
        "{restarted}"
    );

    // A container on the default network (no resolver in its resolv.conf) gets
    // neta's resolver with the network, and loses it with it.
    sb.coracle(&["run", "-d", "--name", "plain", &img, "sleep", "1000"])
        .success();
    sb.coracle(&["network", "connect", "neta", "plain"])
        .success();
    let reached = fetch_web_from(&sb, "plain");
    assert_eq!(
        reached.success().stdout,
        "served by netserve\n",
        "{reached}"
    );
    let resolv = stdout_of(&sb, &["exec", "plain", "cat", "/etc/resolv.conf"]);
    let first = resolv
        .lines()
        .find(|l| l.starts_with("nameserver "))
        .unwrap_or_default()
        .to_string();
    assert!(first.starts_with("nameserver 10.89."), "{resolv}");
    sb.coracle(&["network", "disconnect", "neta", "plain"])
        .success();
    let resolv = stdout_of(&sb, &["exec", "plain", "cat", "/etc/resolv.conf"]);
    assert!(!resolv.lines().any(|l| l == first), "{resolv}");

    // A container without a bridge network cannot be connected while it runs.
    sb.coracle(&[
        "run",
        "-d",
        "--network",
        "none",
        "--name",
        "alone",
        &img,
        "sleep",
        "1000",
    ])
    .success();
    let out = sb.coracle(&["network", "connect", "neta", "alone"]);
    out.code(125);
    assert!(out.stderr.contains("alone"), "{out}");
    assert_eq!(out.stderr.trim().lines().count(), 1, "{out}");

    // Nothing the live changes started outlives the containers.
    sb.coracle(&["rm", "-f", "-a", "-t", "0"]).success();
    assert_no_helpers(&sb);
}

#[test]
fn mac_address_reaches_the_interface() {
    let (sb, img) = with_image("net-mac", "busybox");
    let _cleanup = RemoveAll(&sb);
    sb.coracle(&["network", "create", "macnet"]).success();
    let eth0_mac = |flags: &[&str]| {
        let mut args = vec!["run", "--rm", "--network", "macnet"];
        args.extend_from_slice(flags);
        args.extend_from_slice(&[img.as_str(), "cat", "/sys/class/net/eth0/address"]);
        stdout_of(&sb, &args)
    };
    assert_eq!(
        eth0_mac(&["--mac-address", "92:D0:C6:0A:29:33"]),
        "92:d0:c6:0a:29:33"
    );
    // Without the flag the address is derived from the IP (02:42 and its bytes).
    let derived = eth0_mac(&[]);
    assert!(derived.starts_with("02:42:0a:59:"), "{derived}");
    // The default network takes one too.
    let default = stdout_of(
        &sb,
        &[
            "run",
            "--rm",
            "--mac-address",
            "92:d0:c6:0a:29:34",
            &img,
            "sh",
            "-c",
            "cat /sys/class/net/eth0/address; ip -4 -o addr show eth0",
        ],
    );
    assert!(default.starts_with("92:d0:c6:0a:29:34\n"), "{default}");
    assert!(default.contains("inet 10.88."), "{default}");
}

#[test]
fn restarts_in_quick_succession_keep_the_network() {
    // Each restart starts the container again right after its process ended, while
    // the kernel may still be tearing down the old network namespace and its veth,
    // and the old run's monitor may not have given back its network yet.
    let (sb, img) = with_image("network-restarts", "busybox");
    let _cleanup = RemoveAll(&sb);
    stdout_of(
        &sb,
        &["run", "-d", "--name", "again", &img, "sleep", "1000"],
    );
    // A pasta of its own: each run's must end with that run.
    stdout_of(
        &sb,
        &[
            "run",
            "-d",
            "--name",
            "own",
            "--network",
            "pasta",
            &img,
            "sleep",
            "1000",
        ],
    );
    for round in 1..=8 {
        for name in ["again", "own"] {
            let run = sb.coracle(&["restart", "-t", "0", name]);
            assert_eq!(run.code, 0, "restart #{round} of {name}: {run}");
        }
    }
    let address = address_of(&sb, "again");
    assert!(address.starts_with("10.88."), "{address}");
    let pastas = |sb: &Sandbox| {
        helpers_of(sb)
            .into_iter()
            .filter(|p| p.contains("pasta") && p.contains("backend-pid"))
            .count()
    };
    assert_eq!(pastas(&sb), 1, "{:#?}", helpers_of(&sb));
    sb.coracle(&["rm", "-f", "-a", "-t", "0"]).success();
    assert_no_helpers(&sb);
}

/// A network back end that fails while the container starts (pasta refusing an
/// option the user passed), after its directories were made and before its process
/// was released: without `--rm` the container stays, exited with 125 and the error
/// recorded; with `--rm` nothing of it stays. The error is one line.
#[test]
fn a_backend_failing_during_the_start_leaves_an_exited_container_or_nothing() {
    let (sb, img) = with_image("net-pasta-fails", "busybox");
    let bad = "pasta:--no-such-option";
    let kept = sb.coracle(&["run", "--name", "kept", "--network", bad, &img, "true"]);
    assert_eq!(kept.code, 125, "{}", kept.stderr);
    assert_eq!(kept.stderr.lines().count(), 1, "{}", kept.stderr);
    assert!(
        kept.stderr.contains("unrecognized option") && kept.stderr.contains("--network pasta:"),
        "{}",
        kept.stderr
    );
    assert_eq!(
        stdout_of(
            &sb,
            &[
                "inspect",
                "--format",
                "{{.State.Status}} {{.State.ExitCode}}",
                "kept"
            ]
        )
        .trim(),
        "exited 125"
    );
    let error = stdout_of(&sb, &["inspect", "--format", "{{.State.Error}}", "kept"]);
    assert!(error.contains("unrecognized option"), "{error}");
    sb.coracle(&["rm", "kept"]).success();

    let removed = sb.coracle(&["run", "--rm", "--network", bad, &img, "true"]);
    assert_eq!(removed.code, 125, "{}", removed.stderr);
    crate::monitor::assert_no_container_left(&sb);
}

/// `--network slirp4netns:OPTIONS` takes Podman's option names (here the MTU and the
/// host's loopback, closed by default as Podman's: `host.containers.internal` is
/// then the host's own address, which reaches the host's other services) and
/// refuses others on one line, exit 125, before anything is created; a value that
/// only slirp4netns checks fails the start with slirp4netns' own message.
#[test]
fn slirp4netns_takes_podmans_options_and_refuses_others() {
    let (sb, img) = with_image("net-slirp-options", "busybox");
    let fetch = |port: u16| {
        let url = format!("http://host.containers.internal:{port}/");
        format!("timeout 5 wget -qO- {url} || echo refused")
    };
    let on_loopback = fetch(host_server());
    let on_every_address = fetch(server_on("0.0.0.0"));
    let run = |network: &str, script: &str| {
        let out = sb.coracle(&[
            "run",
            "--rm",
            "--network",
            network,
            &img,
            "sh",
            "-c",
            script,
        ]);
        out.success().stdout.clone()
    };
    let open = run(
        "slirp4netns:mtu=1500,allow_host_loopback=true",
        &format!("ip -o link show eth0; {on_loopback}"),
    );
    assert!(open.contains("mtu 1500"), "{open}");
    assert!(open.ends_with("hello from host!\n"), "{open}");
    for closed in ["slirp4netns", "slirp4netns:allow_host_loopback=false"] {
        let out = run(closed, &format!("{on_loopback}; {on_every_address}"));
        assert_eq!(out, "refused\nhello from host!\n", "{closed}");
    }
    let bad = sb.coracle(&["run", "--network", "slirp4netns:bogus=1", &img, "true"]);
    assert_eq!(bad.code, 125, "{bad}");
    assert_eq!(bad.stderr.lines().count(), 1, "{bad}");
    assert!(bad.stderr.contains("\"bogus=1\""), "{bad}");
    // A value only slirp4netns checks: its own message, on one line.
    let refused = sb.coracle(&[
        "run",
        "--rm",
        "--network",
        "slirp4netns:cidr=bogus",
        &img,
        "true",
    ]);
    assert_eq!(refused.code, 125, "{refused}");
    assert_eq!(refused.stderr.lines().count(), 1, "{refused}");
    assert!(refused.stderr.contains("invalid CIDR: bogus"), "{refused}");
    crate::monitor::assert_no_container_left(&sb);
}
