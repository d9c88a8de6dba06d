//! Bridges and veth pairs inside the rootless network namespace. Each network in use
//! has a Linux bridge (its `network_interface`) holding the gateway address, with
//! outbound NAT to the backend's interface (none for an internal network) and a
//! forward rule that keeps its traffic away from every other bridge. A container
//! joins with a veth pair: one end on the bridge, the other in the container's
//! network namespace under the lease's interface name, address and MAC, with a
//! default route through the gateway (none on an internal network).
//!
//! [`attach`] and [`detach`] are the library API `run` and `network connect` /
//! `network disconnect` share; the container's network namespace must belong to
//! the rootless user namespace.

use std::os::fd::{AsFd, BorrowedFd, OwnedFd};

use crate::config::NetworkConfig;
use crate::error::{NetworkError, Result};
use crate::lease::Lease;
use crate::nscmd::run_in;
use crate::rootless::{NetnsFds, RootlessPaths};

/// The name of the interface the backend (pasta, slirp4netns) gives the rootless
/// namespace: the outbound NAT's target.
pub const BACKEND_INTERFACE: &str = "tap0";

pub(crate) fn gateway_of(config: &NetworkConfig) -> Result<&crate::config::Subnet> {
    config
        .ipv4()
        .ok_or_else(|| NetworkError::Setup(format!("network {:?} has no IPv4 subnet", config.name)))
}

/// Run `ip -batch -` with `script` inside `user` (if any) and `net`.
pub(crate) fn ip_batch(
    script: &str,
    user: Option<BorrowedFd<'_>>,
    net: BorrowedFd<'_>,
    doing: &str,
) -> Result<()> {
    run_in("ip", &["-batch", "-"], script, user, net, doing)
}

/// The host-side name of a container's veth: `v` and the start of the id, and the
/// interface's number (15 characters at most, the kernel's limit).
pub fn host_veth_name(lease: &Lease) -> String {
    let id = &lease.container_id[..lease.container_id.len().min(10)];
    let n = lease.interface.trim_start_matches("eth");
    format!("v{id}{}", &n[..n.len().min(4)])
}

/// Make the network's bridge, its NAT and isolation rules, once per rootless
/// namespace (remembered by a marker file). Call it holding
/// [`crate::rootless::lock`]: two processes must not make one bridge at once.
pub fn ensure_bridge(fds: &NetnsFds, paths: &RootlessPaths, config: &NetworkConfig) -> Result<()> {
    let marker = paths.bridge_marker(&config.name);
    if marker.exists() {
        return Ok(());
    }
    let subnet = gateway_of(config)?;
    let bridge = &config.network_interface;
    let doing = format!("create the bridge {bridge} of network {}", config.name);
    let script = format!(
        "link add {bridge} type bridge\naddr add {}/{} dev {bridge}\nlink set {bridge} up\n",
        subnet.gateway,
        subnet.subnet.prefix()
    );
    ip_batch(
        &script,
        fds.user.as_ref().map(AsFd::as_fd),
        fds.net.as_fd(),
        &doing,
    )?;
    let net = subnet.subnet;
    let mut rules = String::from("*filter\n");
    rules.push_str(&format!("-A FORWARD -i {bridge} -o {bridge} -j ACCEPT\n"));
    if !config.internal {
        rules.push_str(&format!(
            "-A FORWARD -i {bridge} -o {BACKEND_INTERFACE} -j ACCEPT\n"
        ));
    }
    rules.push_str(&format!("-A FORWARD -i {bridge} -j DROP\nCOMMIT\n"));
    if !config.internal {
        rules.push_str(&format!(
            "*nat\n-A POSTROUTING -s {net} ! -d {net} -j MASQUERADE\nCOMMIT\n"
        ));
    }
    run_in(
        "iptables-restore",
        &["--noflush"],
        &rules,
        fds.user.as_ref().map(AsFd::as_fd),
        fds.net.as_fd(),
        &doing,
    )?;
    let dir = paths.bridges_dir();
    std::fs::create_dir_all(&dir).map_err(|e| NetworkError::io(&dir, e))?;
    std::fs::write(&marker, bridge).map_err(|e| NetworkError::io(&marker, e))
}

/// Connect the network namespace `container_net` (owned by the rootless user
/// namespace, or by root's) to `config`'s bridge as `lease` says. The bridge is made if needed
/// (see [`ensure_bridge`]: a caller that may find it missing holds the lock).
pub fn attach(
    fds: &NetnsFds,
    paths: &RootlessPaths,
    container_net: &OwnedFd,
    config: &NetworkConfig,
    lease: &Lease,
) -> Result<()> {
    ensure_bridge(fds, paths, config)?;
    attach_veth(fds, container_net, config, lease)
}

/// Connect `container_net` to `config`'s bridge, which exists already in `fds`'
/// namespace, with a veth pair as `lease` says.
pub fn attach_veth(
    fds: &NetnsFds,
    container_net: &OwnedFd,
    config: &NetworkConfig,
    lease: &Lease,
) -> Result<()> {
    let subnet = gateway_of(config)?;
    let host = host_veth_name(lease);
    let bridge = &config.network_interface;
    let iface = &lease.interface;
    let doing = format!("connect the container to network {}", config.name);
    // The veth is made in the container's namespace with its other end created
    // directly in the rootless namespace (`netns` takes the holder's pid): moving
    // a device between namespaces afterwards costs ~20 ms of the kernel's, this
    // nothing.
    let mut inside = format!(
        "link add {iface} address {} type veth peer name {host} netns {}\naddr add {}/{} dev {iface}\nlink set {iface} up\nlink set lo up\n",
        lease.mac,
        fds.holder_pid,
        lease.ip,
        subnet.subnet.prefix()
    );
    // The first interface's gateway is the way out; a network connected later
    // (eth1, …) adds only its subnet.
    if !config.internal && lease.interface == "eth0" {
        inside.push_str(&format!("route add default via {}\n", subnet.gateway));
    }
    let make = || {
        ip_batch(
            &inside,
            fds.user.as_ref().map(AsFd::as_fd),
            container_net.as_fd(),
            &doing,
        )
    };
    match make() {
        // The veth of this container's previous run, whose namespace the kernel
        // has not finished tearing down (that happens after the process is gone,
        // asynchronously): removed, and the pair made again. `ip -batch` stopped
        // at that first command, so nothing else was done.
        Err(e) if e.to_string().contains("File exists") => {
            detach(fds, lease)?;
            make()?;
        }
        made => made?,
    }
    let outside = format!("link set {host} master {bridge} up\n");
    ip_batch(
        &outside,
        fds.user.as_ref().map(AsFd::as_fd),
        fds.net.as_fd(),
        &doing,
    )
}

/// Remove a container's veth from the bridge (both ends go). A veth already gone
/// (its namespace ended) is not an error.
pub fn detach(fds: &NetnsFds, lease: &Lease) -> Result<()> {
    let script = format!("link del {}\n", host_veth_name(lease));
    let _ = run_in(
        "ip",
        &["-force", "-batch", "-"],
        &script,
        fds.user.as_ref().map(AsFd::as_fd),
        fds.net.as_fd(),
        "disconnect the container",
    );
    Ok(())
}
