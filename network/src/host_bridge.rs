//! Root's bridges: as root, a network's bridge (`podman0` for the default network)
//! lives in the host's network namespace with the network's gateway address, and
//! each container joins it with a veth pair ([`crate::attach::attach_veth`]). A
//! non-internal network gets IPv4 forwarding and outbound NAT; every network gets
//! forward rules that keep other traffic out of it. The rules live in chains of the
//! network's own, named `CORACLE-<bridge>` in the `nat` and `filter` tables (as
//! netavark keeps its rules in `NETAVARK-…` chains), each reached by one jump rule
//! from `POSTROUTING` or `FORWARD`, so that [`remove_unused`] takes all of them away.
//!
//! A record per network (`<runroot>/networks/host-bridges/<network>`, the network's
//! configuration) says coracle made the bridge; [`remove_unused`] deletes the bridge and
//! its rules once no container of the runroot holds a lease on the network and no
//! other interface is on the bridge. Call both holding [`crate::rootless::lock`].

use std::io::Read;
use std::os::fd::AsFd;
use std::path::Path;

use crate::attach::{gateway_of, ip_batch};
use crate::config::NetworkConfig;
use crate::error::{NetworkError, Result};
use crate::nscmd::run_in;
use crate::rootless::{NetnsFds, RootlessPaths};

/// Largest bridge record read back.
const MAX_RECORD: u64 = 64 * 1024;

/// The name of the chains of `bridge` (in `nat` and in `filter`).
pub fn chain_name(bridge: &str) -> String {
    format!("CORACLE-{bridge}")
}

/// Whether an interface of this name exists in this process's network namespace.
pub fn interface_exists(name: &str) -> bool {
    !name.contains('/') && Path::new("/sys/class/net").join(name).exists()
}

/// Whether any interface (a container's veth, anyone's) is on `bridge`.
pub fn bridge_has_ports(bridge: &str) -> bool {
    std::fs::read_dir(Path::new("/sys/class/net").join(bridge).join("brif"))
        .is_ok_and(|mut d| d.next().is_some())
}

/// The iptables-restore text making `config`'s chains and jumps.
pub fn rules(config: &NetworkConfig) -> Result<String> {
    let net = gateway_of(config)?.subnet;
    let bridge = &config.network_interface;
    let chain = chain_name(bridge);
    let mut text = format!("*filter\n:{chain} - [0:0]\n");
    text.push_str(&format!("-A {chain} -i {bridge} -o {bridge} -j ACCEPT\n"));
    text.push_str(&format!(
        "-A {chain} -o {bridge} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n"
    ));
    text.push_str(&format!("-A {chain} -o {bridge} -j DROP\n"));
    if !config.internal {
        // Not into another network's bridge (coracle's and Podman's are podmanN).
        text.push_str(&format!("-A {chain} -i {bridge} -o podman+ -j DROP\n"));
        text.push_str(&format!("-A {chain} -i {bridge} -j ACCEPT\n"));
    } else {
        text.push_str(&format!("-A {chain} -i {bridge} -j DROP\n"));
    }
    text.push_str(&format!("-I FORWARD -j {chain}\nCOMMIT\n"));
    if !config.internal {
        text.push_str(&format!(
            "*nat\n:{chain} - [0:0]\n-A {chain} -d {net} -j RETURN\n-A {chain} -d 224.0.0.0/4 -j RETURN\n-A {chain} -j MASQUERADE\n-A POSTROUTING -s {net} -j {chain}\nCOMMIT\n"
        ));
    }
    Ok(text)
}

/// Make `config`'s bridge in the host's namespace (or take the one there), give it
/// the gateway address, its rules and (not internal) forwarding, and record it.
pub fn ensure(fds: &NetnsFds, paths: &RootlessPaths, config: &NetworkConfig) -> Result<()> {
    let bridge = &config.network_interface;
    let marker = paths.host_bridge_marker(&config.name);
    if marker.exists() && interface_exists(bridge) {
        return Ok(());
    }
    let subnet = gateway_of(config)?;
    let doing = format!("create the bridge {bridge} of network {}", config.name);
    let mut script = String::new();
    if !interface_exists(bridge) {
        script.push_str(&format!("link add {bridge} type bridge\n"));
    }
    script.push_str(&format!(
        "addr replace {}/{} dev {bridge}\nlink set {bridge} up\n",
        subnet.gateway,
        subnet.subnet.prefix()
    ));
    ip_batch(&script, None, fds.net.as_fd(), &doing)?;
    // Rules left by an earlier bridge of that name go first: none is doubled.
    remove_rules(fds, bridge);
    run_in(
        "iptables-restore",
        &["-w", "--noflush"],
        &rules(config)?,
        None,
        fds.net.as_fd(),
        &doing,
    )?;
    if !config.internal {
        enable_forwarding()?;
    }
    let dir = paths.host_bridges_dir();
    std::fs::create_dir_all(&dir).map_err(|e| NetworkError::io(&dir, e))?;
    let text = serde_json::to_string(config).map_err(|e| NetworkError::Setup(e.to_string()))?;
    std::fs::write(&marker, text).map_err(|e| NetworkError::io(&marker, e))
}

/// Turn IPv4 forwarding on (left on afterwards, as Podman leaves it); a host where
/// it is on already is not written to (its /proc/sys may be read-only).
fn enable_forwarding() -> Result<()> {
    let forward = "/proc/sys/net/ipv4/ip_forward";
    if std::fs::read_to_string(forward).is_ok_and(|v| v.trim() == "1") {
        return Ok(());
    }
    std::fs::write(forward, "1").map_err(|e| NetworkError::io(forward, e))
}

/// `iptables ARGS…` in this process's namespace: its output if it succeeded.
fn iptables(args: &[&str]) -> Option<String> {
    let program = crate::nscmd::find_tool("iptables")?;
    let out = std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Take away the chains of `bridge` and their jumps (those that exist).
fn remove_rules(fds: &NetnsFds, bridge: &str) {
    let chain = chain_name(bridge);
    for (table, jump_from) in [("filter", "FORWARD"), ("nat", "POSTROUTING")] {
        // The jumps' exact rules (nat's names the subnet) are read back from the list.
        let listed = iptables(&["-w", "-t", table, "-S", jump_from]).unwrap_or_default();
        let mut script = format!("*{table}\n");
        for spec in listed
            .lines()
            .filter(|l| l.ends_with(&format!(" -j {chain}")))
            .filter_map(|l| l.strip_prefix("-A "))
        {
            script.push_str(&format!("-D {spec}\n"));
        }
        if iptables(&["-w", "-t", table, "-S", &chain]).is_some() {
            script.push_str(&format!("-F {chain}\n-X {chain}\n"));
        }
        script.push_str("COMMIT\n");
        let _ = run_in(
            "iptables-restore",
            &["-w", "--noflush"],
            &script,
            None,
            fds.net.as_fd(),
            "remove a bridge's rules",
        );
    }
}

/// Remove the bridge of `network` with its rules and record, if coracle made it,
/// no container of this runroot holds a lease on it (`in_use`) and nothing else is
/// on the bridge. Best effort.
pub fn remove_unused(fds: &NetnsFds, paths: &RootlessPaths, network: &str, in_use: bool) {
    let marker = paths.host_bridge_marker(network);
    let Ok(file) = std::fs::File::open(&marker) else {
        return;
    };
    let mut text = String::new();
    if file.take(MAX_RECORD).read_to_string(&mut text).is_err() {
        return;
    }
    let Ok(config) = serde_json::from_str::<NetworkConfig>(&text) else {
        let _ = std::fs::remove_file(&marker);
        return;
    };
    let bridge = &config.network_interface;
    if in_use || bridge_has_ports(bridge) {
        return;
    }
    remove_rules(fds, bridge);
    if interface_exists(bridge) {
        let _ = ip_batch(
            &format!("link del {bridge}\n"),
            None,
            fds.net.as_fd(),
            "remove a bridge",
        );
    }
    let _ = std::fs::remove_file(&marker);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn network(internal: bool) -> NetworkConfig {
        serde_json::from_value(serde_json::json!({
            "name": "n", "id": "0", "driver": "bridge", "network_interface": "podman7",
            "created": "2026-01-01T00:00:00Z",
            "subnets": [{"subnet": "10.89.7.0/24", "gateway": "10.89.7.1"}],
            "internal": internal, "dns_enabled": true,
        }))
        .unwrap()
    }

    #[test]
    fn rules_are_in_chains_of_the_bridge() {
        let text = rules(&network(false)).unwrap();
        assert!(text.contains("-A POSTROUTING -s 10.89.7.0/24 -j CORACLE-podman7\n"));
        assert!(text.contains("-A CORACLE-podman7 -j MASQUERADE\n"));
        assert!(text.contains("-I FORWARD -j CORACLE-podman7\n"));
        // Every rule but the two jumps is in the bridge's own chains.
        for line in text.lines().filter(|l| l.starts_with('-')) {
            assert!(
                line.starts_with("-A CORACLE-podman7 ") || line.ends_with("-j CORACLE-podman7"),
                "{line}"
            );
        }
    }

    #[test]
    fn an_internal_network_has_no_nat_and_no_way_out() {
        let text = rules(&network(true)).unwrap();
        assert!(!text.contains("*nat"));
        assert!(!text.contains("MASQUERADE"));
        assert!(text.contains("-A CORACLE-podman7 -i podman7 -j DROP\n"));
    }
}
