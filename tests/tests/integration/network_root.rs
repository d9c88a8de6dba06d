//! As root (no user namespace for the network), a bridge network is a Linux bridge
//! in the host's network namespace: `podman0` with 10.88.0.1/16 for the default
//! network, a veth per container, forwarding and a MASQUERADE rule in coracle's own
//! chain (`CORACLE-<bridge>`), the resolver on the bridge's gateway, `-p` through
//! the forwarder. When the last container of a network ends, its bridge and rules
//! go. These tests change the host's namespace and assert that what they made is
//! gone after; the default network's `podman0` is shared with other tests' root
//! containers (root's network state is host-wide), so its removal is asserted
//! once no container of any root store holds a lease on it.

use std::net::TcpListener;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::cgroups::RootStore;
use crate::network::{helpers_with_runtime_dir, http_get, server_on};

/// The host's iptables rules of every table, as iptables-save prints them.
fn host_rules() -> String {
    let out = coracle_tests::run_root("iptables-save", &[]);
    out.success().stdout.clone()
}

/// Whether an interface of this name is in the host's namespace.
fn host_interface(name: &str) -> bool {
    Path::new("/sys/class/net").join(name).exists()
}

/// The host-side veth name coracle gives container `id`'s `ethN`.
fn host_veth(id: &str, n: u32) -> String {
    format!("v{}{n}", &id[..10])
}

/// The bridge `network` has in root's store (as `network inspect` shows it).
fn bridge_of(store: &RootStore, network: &str) -> String {
    store.out(&["network", "inspect", "-f", "{{.NetworkInterface}}", network])
}

/// Root's network state (leases, bridge records), shared by root's stores.
const ROOT_NETWORK_STATE: &str = "/run/coracle/networks";

/// Whether some container (of any of root's stores: other tests run root
/// containers on the default network too) holds a lease on `network`.
fn network_in_use(network: &str) -> bool {
    let dir = Path::new(ROOT_NETWORK_STATE).join("leases").join(network);
    std::fs::read_dir(dir).is_ok_and(|d| {
        d.flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".json"))
    })
}

/// Wait until the containers `ids` have no veth and no lease left, the store no
/// helper process, and each of `bridges` (network, bridge) no bridge and no rules,
/// unless another container holds a lease on its network.
fn assert_host_clean(store: &RootStore, bridges: &[(&str, &str)], ids: &[&str]) {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let mut left = Vec::new();
        for (network, bridge) in bridges {
            if network_in_use(network) {
                continue;
            }
            if host_interface(bridge) {
                left.push(format!("bridge {bridge}"));
            }
            if host_rules().contains(&format!("CORACLE-{bridge}")) {
                left.push(format!("rules of {bridge}"));
            }
        }
        for id in ids {
            if host_interface(&host_veth(id, 0)) {
                left.push(format!("veth of {id}"));
            }
            for (network, _) in bridges {
                let lease = Path::new(ROOT_NETWORK_STATE)
                    .join("leases")
                    .join(network)
                    .join(format!("{id}.json"));
                if lease.exists() {
                    left.push(format!("lease {}", lease.display()));
                }
            }
        }
        left.extend(helpers_with_runtime_dir(&store.dir));
        if left.is_empty() {
            return;
        }
        assert!(Instant::now() < deadline, "left behind: {left:#?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Start busybox's httpd on port 8080 serving /etc in a container run with
/// `flags`; its id.
fn web_server(store: &RootStore, flags: &[&str]) -> String {
    let mut args = vec!["run", "-d"];
    args.extend_from_slice(flags);
    args.extend([
        store.image.as_str(),
        "httpd",
        "-f",
        "-p",
        "8080",
        "-h",
        "/etc",
    ]);
    store.out(&args)
}

/// The IPv4 address (with prefix) of `interface` in running container `ctr`.
fn address_in(store: &RootStore, ctr: &str, interface: &str) -> String {
    let text = store.out(&["exec", ctr, "ip", "-4", "-o", "addr", "show", interface]);
    text.split_whitespace()
        .skip_while(|w| *w != "inet")
        .nth(1)
        .unwrap_or_else(|| panic!("no inet address in {text:?}"))
        .to_string()
}

#[test]
fn as_root_the_default_network_is_a_host_bridge_with_nat() {
    let store = RootStore::new("net-root-default");
    let img = store.image.clone();
    let idle = store.out(&["run", "-d", &img, "sleep", "1000"]);
    let address = address_in(&store, &idle, "eth0");
    assert!(
        address.starts_with("10.88.") && address.ends_with("/16"),
        "{address}"
    );
    // The bridge in the host's namespace, with the gateway address, the veth on it.
    let bridge = coracle_tests::run_root("ip", &["-4", "-o", "addr", "show", "podman0"]);
    assert!(
        bridge.success().stdout.contains("inet 10.88.0.1/16"),
        "{bridge}"
    );
    let veth = host_veth(&idle, 0);
    assert!(
        Path::new("/sys/class/net/podman0/brif")
            .join(&veth)
            .exists(),
        "{veth} is not on podman0"
    );
    // Outbound NAT and forwarding.
    let rules = host_rules();
    assert!(
        rules.contains("-A POSTROUTING -s 10.88.0.0/16 -j CORACLE-podman0"),
        "{rules}"
    );
    assert!(
        rules.contains("-A CORACLE-podman0 -j MASQUERADE"),
        "{rules}"
    );
    assert!(rules.contains("-A FORWARD -j CORACLE-podman0"), "{rules}");
    let forwarding = std::fs::read_to_string("/proc/sys/net/ipv4/ip_forward").unwrap();
    assert_eq!(forwarding.trim(), "1");

    // A server on the host's gateway address, as host.containers.internal and by IP.
    let port = server_on("10.88.0.1");
    for host in ["host.containers.internal", "10.88.0.1"] {
        let url = format!("http://{host}:{port}/");
        let out = store.coracle(&["run", "--rm", &img, "timeout", "5", "wget", "-qO-", &url]);
        assert_eq!(out.success().stdout, "hello from host!\n", "{host}: {out}");
    }

    // -p through the forwarder, to the container's address on the bridge.
    let published = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let web = web_server(&store, &["-p", &format!("{published}:8080")]);
    let page = http_get(published, "/hostname");
    assert!(page.ends_with(&format!("{}\n", &web[..12])), "{page}");

    store.coracle(&["rm", "-f", "-a", "-t", "0"]).success();
    assert_host_clean(&store, &[("podman", "podman0")], &[&idle, &web]);
}

#[test]
fn as_root_containers_on_a_network_reach_each_other_by_name() {
    let store = RootStore::new("net-root-names");
    let img = store.image.clone();
    for (name, subnet) in [
        ("rootnames", "10.89.213.0/24"),
        ("rootother", "10.89.214.0/24"),
    ] {
        store
            .coracle(&["network", "create", "--subnet", subnet, name])
            .success();
    }
    let (names_bridge, other_bridge) = (
        bridge_of(&store, "rootnames"),
        bridge_of(&store, "rootother"),
    );
    for bridge in [&names_bridge, &other_bridge] {
        assert!(
            !host_interface(bridge),
            "the host has a {bridge} already: this test makes and removes its own"
        );
    }
    let server = web_server(&store, &["--name", "server", "--network", "rootnames"]);
    let address = address_in(&store, "server", "eth0");
    assert!(address.starts_with("10.89.213."), "{address}");
    // The resolver answers on the bridge's gateway in the host's namespace.
    let resolv = store.out(&[
        "run",
        "--rm",
        "--network",
        "rootnames",
        &img,
        "cat",
        "/etc/resolv.conf",
    ]);
    assert!(resolv.contains("nameserver 10.89.213.1"), "{resolv}");
    assert!(
        helpers_with_runtime_dir(&store.dir)
            .iter()
            .any(|l| l.contains("__dns")),
        "the resolver runs"
    );
    let fetch = |network: &str| {
        let script = "for i in 1 2 3; do timeout 3 wget -qO- http://server:8080/hostname && exit 0; sleep 0.3; done; exit 1";
        store.coracle(&[
            "run",
            "--rm",
            "--network",
            network,
            &img,
            "sh",
            "-c",
            script,
        ])
    };
    let out = fetch("rootnames");
    assert_eq!(out.success().stdout.trim(), &server[..12], "{out}");
    // Another network neither resolves the name nor reaches the address.
    fetch("rootother").failure();
    // (Not as the last command of `sh -c`: busybox's sh and timeout exec it, and
    // as the container's pid 1 it would ignore timeout's SIGTERM.)
    let ip = address.split('/').next().unwrap();
    let script = format!("timeout 3 wget -qO- http://{ip}:8080/hostname || exit 1");
    store
        .coracle(&[
            "run",
            "--rm",
            "--network",
            "rootother",
            &img,
            "sh",
            "-c",
            &script,
        ])
        .failure();

    // A running container of the other network connected live: a veth as eth1 on
    // the bridge, the names resolve; disconnected: the interface is gone.
    let roamer = store.out(&[
        "run",
        "-d",
        "--name",
        "roamer",
        "--network",
        "rootother",
        &store.image,
        "sleep",
        "1000",
    ]);
    store
        .coracle(&["network", "connect", "rootnames", "roamer"])
        .success();
    let eth1 = address_in(&store, "roamer", "eth1");
    assert!(eth1.starts_with("10.89.213."), "{eth1}");
    let script = "timeout 3 wget -qO- http://server:8080/hostname || exit 1";
    let out = store.coracle(&["exec", "roamer", "sh", "-c", script]);
    assert_eq!(out.success().stdout.trim(), &server[..12], "{out}");
    store
        .coracle(&["network", "disconnect", "rootnames", "roamer"])
        .success();
    store
        .coracle(&["exec", "roamer", "ip", "link", "show", "eth1"])
        .failure();
    assert!(!host_interface(&host_veth(&roamer, 1)));

    store.coracle(&["rm", "-f", "-a", "-t", "0"]).success();
    assert_host_clean(
        &store,
        &[("rootnames", &names_bridge), ("rootother", &other_bridge)],
        &[&server, &roamer],
    );
}

/// A network namespace standing for the world outside the host: linked to the
/// host by a veth pair (`198.18.77.1` on the host's side, `198.18.77.2` inside, a
/// /30 without any route back to the containers' subnets), with a web server
/// inside that answers with the address that connected. Removed when dropped.
struct Outside {
    name: String,
    server: std::process::Child,
}

impl Outside {
    fn new() -> Outside {
        let name = format!("coracle-it-out-{}", std::process::id());
        let host_side = format!("vout{}", std::process::id() % 100_000);
        let ip = |args: &[&str]| {
            coracle_tests::run_root("ip", args).success();
        };
        ip(&["netns", "add", &name]);
        ip(&[
            "link", "add", &host_side, "type", "veth", "peer", "name", "eth0", "netns", &name,
        ]);
        ip(&["addr", "add", "198.18.77.1/30", "dev", &host_side]);
        ip(&["link", "set", &host_side, "up"]);
        for args in [
            &["addr", "add", "198.18.77.2/30", "dev", "eth0"][..],
            &["link", "set", "eth0", "up"],
            &["link", "set", "lo", "up"],
        ] {
            let mut all = vec!["-n", name.as_str()];
            all.extend_from_slice(args);
            ip(&all);
        }
        let script = "import http.server as h\n\
class R(h.BaseHTTPRequestHandler):\n    \
def do_GET(self):\n        \
b=(self.client_address[0]+'\\n').encode()\n        \
self.send_response(200); self.send_header('Content-Length',str(len(b))); self.end_headers(); self.wfile.write(b)\n\
h.HTTPServer(('198.18.77.2',8080),R).serve_forever()\n";
        let server = std::process::Command::new("ip")
            .args(["netns", "exec", &name, "/usr/bin/python3", "-c", script])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        Outside { name, server }
    }
}

impl Drop for Outside {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
        // The veth pair goes with the namespace.
        let _ = coracle_tests::run_root("ip", &["netns", "del", &self.name]);
    }
}

#[test]
fn as_root_outbound_traffic_is_masqueraded() {
    let outside = Outside::new();
    let store = RootStore::new("net-root-nat");
    // The outside answers with the address it saw: the host's, not the container's
    // (it has no route to 10.88.0.0/16, so without NAT nothing would come back).
    let script = "for i in 1 2 3 4 5; do timeout 3 wget -qO- http://198.18.77.2:8080/ && exit 0; sleep 0.5; done; exit 1";
    let out = store.coracle(&["run", "--rm", &store.image, "sh", "-c", script]);
    assert_eq!(out.success().stdout, "198.18.77.1\n", "{out}");
    drop(outside);
}
