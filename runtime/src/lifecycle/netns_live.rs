//! `network connect` and `network disconnect` for a running container that lives in
//! the shared rootless network namespace (or, as root, on root's bridges in the
//! host's namespace): a veth as its next `ethN`, a lease (so the
//! network's resolver answers its names), its address in /etc/hosts and the
//! network's resolver in /etc/resolv.conf, and all of it taken back again.

use std::net::Ipv4Addr;

use coracle_network::rootless::{self, NetnsFds, RootlessNetns};
use coracle_network::{Lease, LeaseRequest, NetworkConfig};
use coracle_storage::{ContainerRecord, Store};

use crate::error::{Result, RuntimeError};
use crate::lifecycle::netns::{ensure_resolver, leases, net_err, open_ns, paths};

/// `network connect` for a running container: a veth on `config`'s bridge in the
/// container's network namespace (as interface `eth1`, `eth2`, …), a lease (so the
/// network's resolver answers its names from then on) and the resolver when the
/// network has DNS. Only a container already living in the shared rootless network
/// namespace (started on a bridge network) can be connected while it runs.
pub fn connect_running(
    store: &Store,
    record: &ContainerRecord,
    config: &NetworkConfig,
    attachment: &crate::spec::NetworkAttachment,
    hostname: &str,
) -> Result<()> {
    let pid = record.pid.filter(|&p| p > 0).ok_or_else(|| {
        RuntimeError::Start(format!("container {} has no running process", record.name))
    })?;
    let paths = paths();
    let _lock = rootless::lock(&paths).map_err(net_err)?;
    let leases = leases();
    let held = leases.of_container(&record.id);
    let fds = bridge_namespace(&paths)
        .filter(|_| !held.is_empty())
        .ok_or_else(|| {
            RuntimeError::Start(format!(
                "container {} is running without a bridge network (--network none, pasta or slirp4netns): stop it, connect it, and start it again",
                record.name
            ))
        })?
        .map_err(net_err)?;
    if fds.user.is_none() {
        coracle_network::host_bridge::ensure(&fds, &paths, config).map_err(net_err)?;
    } else {
        coracle_network::attach::ensure_bridge(&fds, &paths, config).map_err(net_err)?;
    }
    let interface = next_interface(&held);
    let request = LeaseRequest {
        container_id: &record.id,
        container_name: &record.name,
        aliases: &attachment.aliases,
        interface: &interface,
        mac: attachment.mac.as_deref(),
    };
    let lease = leases.allocate(config, &request).map_err(net_err)?;
    let attached = open_ns(pid, "net").and_then(|container_net| {
        coracle_network::attach::attach_veth(&fds, &container_net, config, &lease).map_err(net_err)
    });
    if let Err(e) = attached {
        let _ = coracle_network::detach(&fds, &lease);
        leases.release(&config.name, &record.id);
        return Err(e);
    }
    let names = coracle_network::etc_files::own_names(hostname, &record.name);
    edit_etc_file(&record.id, "hosts", |text| {
        coracle_network::etc_files::add_own_address(text, lease.ip, &names)
    });
    if let Some(gateway) = resolver_of(config) {
        if let Err(e) = ensure_resolver(store, &paths, &fds) {
            log::warn!("container names will not resolve: {e}");
        }
        edit_etc_file(&record.id, "resolv.conf", |text| {
            coracle_network::etc_files::add_resolver(text, gateway)
        });
    }
    Ok(())
}

/// The namespace the bridges live in: the shared rootless one while it runs, else
/// (as root) the host's; None when there is none.
fn bridge_namespace(
    paths: &coracle_network::RootlessPaths,
) -> Option<coracle_network::Result<NetnsFds>> {
    match RootlessNetns::read_alive(paths) {
        Some(netns) => Some(netns.open()),
        None if rustix::process::geteuid().is_root() => Some(NetnsFds::host()),
        None => None,
    }
}

/// Where `config`'s resolver answers (its gateway), if the network has DNS.
fn resolver_of(config: &NetworkConfig) -> Option<Ipv4Addr> {
    config
        .dns_enabled
        .then(|| config.ipv4().map(|s| s.gateway))
        .flatten()
}

/// Rewrite a running container's /etc/`file` (hosts, resolv.conf: the file in its
/// [`crate::lifecycle::rundir::container_files_dir`] that is bind-mounted there) in place, so the mount sees the change.
/// A container without that file (its own bind mount there, say) is left alone;
/// a file that cannot be updated is reported as a warning (the network change
/// itself is done).
fn edit_etc_file(container_id: &str, file: &str, edit: impl FnOnce(&str) -> String) {
    if let Err(e) = try_edit_etc_file(container_id, file, edit) {
        log::warn!("{e}");
    }
}

fn try_edit_etc_file(
    container_id: &str,
    file: &str,
    edit: impl FnOnce(&str) -> String,
) -> Result<()> {
    use std::io::{Read, Seek, Write};
    use std::os::unix::fs::OpenOptionsExt;
    let path = crate::lifecycle::rundir::container_files_dir(container_id).join(file);
    let io = |e| RuntimeError::io("failed to update", &path, e);
    let mut opened = match std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(&path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(e)),
    };
    // The container may have written it: read a bounded amount.
    let mut text = String::new();
    (&mut opened)
        .take(coracle_network::etc_files::MAX_HOST_RESOLV_CONF)
        .read_to_string(&mut text)
        .map_err(io)?;
    let new = edit(&text);
    opened.rewind().map_err(io)?;
    opened.set_len(0).map_err(io)?;
    opened.write_all(new.as_bytes()).map_err(io)
}

/// The first `ethN` none of the container's leases uses.
fn next_interface(held: &[(String, Lease)]) -> String {
    (0..)
        .map(|n| format!("eth{n}"))
        .find(|name| !held.iter().any(|(_, l)| &l.interface == name))
        .unwrap_or_default()
}

/// `network disconnect` for a running container: its veth on `config`'s bridge
/// goes, its lease (with it the resolver's answers for it there) is given back and
/// the network's resolver leaves its resolv.conf.
pub fn disconnect_running(record: &ContainerRecord, config: &NetworkConfig) -> Result<()> {
    let paths = paths();
    let _lock = rootless::lock(&paths).map_err(net_err)?;
    let leases = leases();
    let Some(lease) = leases.read(&config.name, &record.id) else {
        return Ok(());
    };
    let fds = bridge_namespace(&paths).transpose().map_err(net_err)?;
    if let Some(fds) = &fds {
        coracle_network::detach(fds, &lease).map_err(net_err)?;
    }
    leases.release(&config.name, &record.id);
    // Root's bridge goes with its network's last container.
    if let Some(fds) = fds.filter(|f| f.user.is_none()) {
        let in_use = leases.has_leases(&config.name);
        coracle_network::host_bridge::remove_unused(&fds, &paths, &config.name, in_use);
    }
    edit_etc_file(&record.id, "hosts", |text| {
        coracle_network::etc_files::remove_address(text, lease.ip)
    });
    if let Some(gateway) = resolver_of(config) {
        edit_etc_file(&record.id, "resolv.conf", |text| {
            coracle_network::etc_files::remove_resolver(text, gateway)
        });
    }
    Ok(())
}
