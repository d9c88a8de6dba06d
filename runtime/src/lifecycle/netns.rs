//! A container's network, from the saved spec's [`NetworkChoice`] to what the start
//! path does. On a bridge network (the default `podman` one too) a rootless container
//! joins the user namespace of the shared rootless network namespace (made on first
//! need: a holder process with the caller's default id mapping and pasta or
//! slirp4netns for outbound traffic) and makes its own network namespace there; the
//! start path's parent then connects it ([`NetworkHook::connect`]): a veth per
//! network and, for published ports, a forwarder process. `pasta[:OPTS]` and
//! `slirp4netns[:OPTS]` give the container a backend of its own (the slow path,
//! also taken by containers whose id mapping differs from the default: they cannot
//! live in the shared user namespace). As root, a bridge network is a bridge in the
//! host's namespace instead (`coracle_network::host_bridge`), with the same veths,
//! leases, resolver and forwarder; root's network state is host-wide
//! ([`coracle_storage::rundir::network_state_dir`]). [`release`] undoes it all when
//! the container ends, and ends the shared namespace (or root's bridge) with its
//! last container.

use std::net::Ipv4Addr;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::path::PathBuf;

use coracle_network::backend::Launch;
use coracle_network::lease::LeaseDir;
use coracle_network::relay::{bind_published, BoundPort};
use coracle_network::rootless::{self, process_start, RootlessNetns, RootlessPaths};
use coracle_network::{Backend, Lease, LeaseRequest, NetworkConfig, NetworkStore, PortMapping};
use coracle_storage::{ContainerRecord, Store};

use crate::error::{Result, RuntimeError};
use crate::ids::idmap::{self, UserNsPlan};
use crate::spec::network_mode::NetworkChoice;
use crate::spec::{ContainerConfig, NamespaceMode};
use crate::sys;
use coracle_storage::rundir::network_state_dir;

/// The hidden first argument of coracle's port forwarder mode:
/// `coracle __port-forward HOLDER-PID HOLDER-START CONTAINER-PID TARGET-IP FD:PROTO:PORT…`.
pub const FORWARDER_ARG: &str = "__port-forward";

pub(crate) fn net_err(e: coracle_network::NetworkError) -> RuntimeError {
    RuntimeError::Start(e.to_string())
}

pub(crate) fn paths() -> RootlessPaths {
    RootlessPaths::new(&network_state_dir())
}

pub(crate) fn leases() -> LeaseDir {
    LeaseDir::new(&network_state_dir())
}

/// How the start path connects a container's new network namespace.
#[derive(Clone, Debug)]
pub struct NetworkHook {
    container_id: String,
    kind: HookKind,
    ports: Vec<PortMapping>,
}

#[derive(Clone, Debug)]
enum HookKind {
    /// Veths on bridges in the shared rootless namespace.
    Bridge {
        netns: RootlessNetns,
        attachments: Vec<(NetworkConfig, Lease)>,
    },
    /// As root: veths on bridges in the host's namespace.
    HostBridge {
        attachments: Vec<(NetworkConfig, Lease)>,
    },
    /// A backend of the container's own.
    Own {
        backend: Backend,
        extra: Vec<String>,
    },
}

/// What the container's /etc files need to know of its network.
#[derive(Clone, Debug, Default)]
pub struct EtcInfo {
    /// The container's own address (its first lease).
    pub address: Option<Ipv4Addr>,
    /// The address that reaches the host (`host.containers.internal`).
    pub host_gateway: Option<Ipv4Addr>,
}

impl NetworkHook {
    /// What /etc/hosts and /etc/resolv.conf get.
    pub fn etc_info(&self) -> EtcInfo {
        match &self.kind {
            HookKind::Bridge { netns, attachments } => EtcInfo {
                address: attachments.first().map(|(_, l)| l.ip),
                host_gateway: netns.host_gateway,
            },
            // The first network's gateway is a host address (Podman's
            // host.containers.internal on a rootful bridge).
            HookKind::HostBridge { attachments } => EtcInfo {
                address: attachments.first().map(|(_, l)| l.ip),
                host_gateway: attachments
                    .first()
                    .and_then(|(c, _)| c.ipv4())
                    .map(|s| s.gateway),
            },
            HookKind::Own { backend, extra } => EtcInfo {
                address: None,
                host_gateway: backend.host_gateway(extra, std::process::id() as i32),
            },
        }
    }

    /// The user namespace the container must join (the shared one's), if any.
    pub fn user_namespace(&self) -> Option<PathBuf> {
        match &self.kind {
            HookKind::Bridge { netns, .. } => {
                Some(format!("/proc/{}/ns/user", netns.holder_pid).into())
            }
            HookKind::HostBridge { .. } | HookKind::Own { .. } => None,
        }
    }

    /// Connect the network namespace of the container process `pid` (not yet
    /// released): veths and the port forwarder, or its own backend.
    pub fn connect(&self, pid: i32) -> Result<()> {
        let paths = paths();
        match &self.kind {
            HookKind::Bridge { netns, attachments } => {
                let fds = netns.open().map_err(net_err)?;
                let container_net = open_ns(pid, "net")?;
                for (config, lease) in attachments {
                    coracle_network::attach(&fds, &paths, &container_net, config, lease)
                        .map_err(net_err)?;
                }
                self.publish(attachments, Some(netns), pid)
            }
            HookKind::HostBridge { attachments } => {
                let fds = coracle_network::rootless::NetnsFds::host().map_err(net_err)?;
                let container_net = open_ns(pid, "net")?;
                for (config, lease) in attachments {
                    coracle_network::attach::attach_veth(&fds, &container_net, config, lease)
                        .map_err(net_err)?;
                }
                self.publish(attachments, None, pid)
            }
            HookKind::Own { backend, extra } => {
                let mut ports = self.ports.clone();
                // pasta binds the host ports itself: a free one is picked here.
                for p in ports.iter_mut().filter(|p| p.host_port == 0) {
                    let bound = bind_published(std::slice::from_ref(p)).map_err(net_err)?;
                    p.host_port = bound.first().map(|b| b.mapping.host_port).unwrap_or(0);
                }
                let pid_file = paths.container_pid_file(&self.container_id, "backend-pid");
                make_parent(&pid_file)?;
                let launch = Launch {
                    ifname: Some("eth0"),
                    extra,
                    ports: &ports,
                };
                let started = backend.start(pid, &pid_file, &launch).map_err(net_err)?;
                record_process(&self.container_id, "backend", started.pid);
                let shown: Vec<PortMapping> = ports.iter().flat_map(PortMapping::singles).collect();
                write_port_list(&self.container_id, &shown);
                Ok(())
            }
        }
    }
}

impl NetworkHook {
    /// Publish the container's ports through a forwarder in its network namespace
    /// (entered from the rootless user namespace `netns`, or as root directly).
    fn publish(
        &self,
        attachments: &[(NetworkConfig, Lease)],
        netns: Option<&RootlessNetns>,
        pid: i32,
    ) -> Result<()> {
        if self.ports.is_empty() {
            return Ok(());
        }
        let bound = bind_published(&self.ports).map_err(net_err)?;
        let target = attachments
            .first()
            .map(|(_, l)| l.ip)
            .ok_or_else(|| RuntimeError::Start("no address to publish to".into()))?;
        write_ports(&self.container_id, &bound);
        spawn_forwarder(&self.container_id, netns, pid, target, bound)
    }
}

fn make_parent(path: &std::path::Path) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| RuntimeError::io("failed to create", dir, e))?;
    }
    Ok(())
}

pub(crate) fn open_ns(pid: i32, name: &str) -> Result<OwnedFd> {
    crate::sys::open_namespace(pid, name)
        .map_err(|e| RuntimeError::io("failed to open", format!("/proc/{pid}/ns/{name}"), e))
}

/// Decide how the container's network is connected and prepare it (the shared
/// namespace made, or as root the bridges in the host's namespace, addresses
/// leased); None when nothing is to connect (loopback only, the host's namespace or
/// a joined one, or coracle running as root with `--network pasta` or
/// `slirp4netns`: then the container has only loopback). `default_mapping` says whether the container
/// runs with the caller's default id mapping (`plan`).
pub fn plan(
    store: &Store,
    record: &ContainerRecord,
    config: &ContainerConfig,
    plan: Option<&UserNsPlan>,
    default_mapping: bool,
) -> Result<Option<NetworkHook>> {
    if config.namespaces.network != NamespaceMode::New {
        return Ok(None);
    }
    let own = |extra: &[String], pasta: bool| -> Result<HookKind> {
        let backend = match Backend::detect().map_err(net_err)? {
            Backend::Pasta(p) if pasta => Backend::Pasta(p),
            Backend::Slirp4netns(p) if !pasta => Backend::Slirp4netns(p),
            _ => {
                let name = if pasta { "pasta" } else { "slirp4netns" };
                let found = coracle_network::nscmd::find_tool(name).ok_or_else(|| {
                    RuntimeError::Start(format!(
                        "--network {name}: {name} is not installed (Debian package {})",
                        if pasta { "passt" } else { "slirp4netns" }
                    ))
                })?;
                if pasta {
                    Backend::Pasta(found)
                } else {
                    Backend::Slirp4netns(found)
                }
            }
        };
        Ok(HookKind::Own {
            backend,
            extra: extra.to_vec(),
        })
    };
    let kind = match (&config.network, plan) {
        (NetworkChoice::Loopback, _) => return Ok(None),
        (NetworkChoice::Bridge(names), None) if rustix::process::geteuid().is_root() => {
            host_bridge(store, record, config, names)?
        }
        (_, None) => return Ok(None),
        (NetworkChoice::Pasta(extra), Some(_)) => own(extra, true)?,
        // Podman's defaults for the mode the user chose by name (a fallback for
        // another mapping, below, keeps slirp4netns' own).
        (NetworkChoice::Slirp4netns(extra), Some(_)) => own(
            &coracle_network::backend::slirp4netns_options_with_defaults(extra),
            false,
        )?,
        // Another mapping cannot live in the shared user namespace: a backend of
        // its own (as with `--network pasta`).
        (NetworkChoice::Bridge(_), Some(_)) if !default_mapping => {
            match Backend::detect().map_err(net_err)? {
                Backend::Pasta(_) => own(&[], true)?,
                Backend::Slirp4netns(_) => own(&[], false)?,
            }
        }
        (NetworkChoice::Bridge(names), Some(plan)) => bridge(store, record, config, names, plan)?,
    };
    Ok(Some(NetworkHook {
        container_id: record.id.clone(),
        kind,
        ports: config.publish.clone(),
    }))
}

fn bridge(
    store: &Store,
    record: &ContainerRecord,
    spec: &crate::spec::ContainerConfig,
    names: &[String],
    plan: &UserNsPlan,
) -> Result<HookKind> {
    let configs = load_networks(store, names)?;
    let paths = paths();
    let _lock = rootless::lock(&paths).map_err(net_err)?;
    let netns = ensure(&paths, plan)?;
    // Bridges are made here, under the lock: two containers starting at once must
    // not both make one.
    let fds = netns.open().map_err(net_err)?;
    for config in &configs {
        coracle_network::attach::ensure_bridge(&fds, &paths, config).map_err(net_err)?;
    }
    let attachments = lease_all(store, &paths, &fds, record, spec, configs)?;
    Ok(HookKind::Bridge { netns, attachments })
}

/// As root: the networks' bridges in the host's namespace (made under the lock),
/// and the container's leases on them.
fn host_bridge(
    store: &Store,
    record: &ContainerRecord,
    spec: &crate::spec::ContainerConfig,
    names: &[String],
) -> Result<HookKind> {
    let configs = load_networks(store, names)?;
    let paths = paths();
    let _lock = rootless::lock(&paths).map_err(net_err)?;
    let fds = coracle_network::rootless::NetnsFds::host().map_err(net_err)?;
    for config in &configs {
        coracle_network::host_bridge::ensure(&fds, &paths, config).map_err(net_err)?;
    }
    let attachments = lease_all(store, &paths, &fds, record, spec, configs)?;
    Ok(HookKind::HostBridge { attachments })
}

fn load_networks(store: &Store, names: &[String]) -> Result<Vec<NetworkConfig>> {
    let networks = NetworkStore::new(&store.root);
    names
        .iter()
        .map(|n| networks.load(n))
        .collect::<coracle_network::Result<Vec<_>>>()
        .map_err(net_err)
}

/// Lease the container an address on each network (`eth0`, `eth1`, … in order)
/// and start the resolver when one of them has DNS. The caller holds the lock.
fn lease_all(
    store: &Store,
    paths: &RootlessPaths,
    fds: &coracle_network::rootless::NetnsFds,
    record: &ContainerRecord,
    spec: &crate::spec::ContainerConfig,
    configs: Vec<NetworkConfig>,
) -> Result<Vec<(NetworkConfig, Lease)>> {
    let leases = leases();
    let mut attachments = Vec::new();
    for (i, config) in configs.into_iter().enumerate() {
        let interface = format!("eth{i}");
        let request = LeaseRequest {
            container_id: &record.id,
            container_name: &record.name,
            aliases: &aliases_on(spec, &config.name),
            interface: &interface,
            mac: mac_on(spec, &config.name),
        };
        let lease = leases.allocate(&config, &request).map_err(net_err)?;
        attachments.push((config, lease));
    }
    if attachments.iter().any(|(c, _)| c.dns_enabled) {
        // Names then resolve only through coracle's resolver: a container whose
        // resolver cannot start still runs, and says so.
        if let Err(e) = ensure_resolver(store, paths, fds) {
            log::warn!("container names will not resolve: {e}");
        }
    }
    Ok(attachments)
}

/// The `--network-alias` names of the container on `network`.
fn aliases_on(spec: &crate::spec::ContainerConfig, network: &str) -> Vec<String> {
    spec.networks
        .iter()
        .find(|a| a.name == network)
        .map(|a| a.aliases.clone())
        .unwrap_or_default()
}

/// The `--mac-address` of the container on `network`, if it has one there.
fn mac_on<'a>(spec: &'a crate::spec::ContainerConfig, network: &str) -> Option<&'a str> {
    spec.networks
        .iter()
        .find(|a| a.name == network)
        .and_then(|a| a.mac.as_deref())
}

/// coracle's DNS resolver (`coracle __dns`) inside the rootless network namespace
/// (as root: in the host's, on the gateways of root's bridges),
/// started unless it runs already; it ends by itself once no container on a
/// DNS-enabled network is left. The caller holds the rootless lock. Root's network
/// state is shared by root's stores, and a resolver serves the networks of one
/// store: root's resolvers are recorded per store.
pub(crate) fn ensure_resolver(
    store: &Store,
    paths: &RootlessPaths,
    fds: &coracle_network::rootless::NetnsFds,
) -> Result<()> {
    let record = if fds.user.is_none() {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(store.root.as_os_str().as_encoded_bytes());
        let short: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        paths.dir().join(format!("resolver-{short}.pid"))
    } else {
        paths.dir().join("resolver.pid")
    };
    if let Some((pid, start)) = std::fs::read_to_string(&record).ok().and_then(|t| {
        let (pid, start) = t.trim().split_once(' ')?;
        Some((pid.parse::<i32>().ok()?, start.parse::<u64>().ok()?))
    }) {
        if rootless::is_alive(pid, start) {
            return Ok(());
        }
    }
    let program = std::env::current_exe()
        .map_err(|e| RuntimeError::Start(format!("find coracle's own program: {e}")))?;
    let runroot = network_state_dir();
    let args: [&std::ffi::OsStr; 5] = [
        "__dns".as_ref(),
        "--store".as_ref(),
        store.root.as_os_str(),
        "--runroot".as_ref(),
        runroot.as_os_str(),
    ];
    let pid = coracle_network::nscmd::spawn_in(
        &program,
        &args,
        fds.user.as_ref().map(AsFd::as_fd),
        fds.net.as_fd(),
    )
    .map_err(net_err)? as i32;
    let start = process_start(pid).unwrap_or(0);
    let tmp = record.with_extension("tmp");
    std::fs::write(&tmp, format!("{pid} {start}\n"))
        .and_then(|()| std::fs::rename(&tmp, &record))
        .map_err(|e| RuntimeError::io("failed to write", record, e))
}

/// The shared rootless namespace, made if needed. The caller holds the lock.
fn ensure(paths: &RootlessPaths, plan: &UserNsPlan) -> Result<RootlessNetns> {
    if let Some(netns) = RootlessNetns::read_alive(paths) {
        return Ok(netns);
    }
    RootlessNetns::tear_down(paths);
    let backend = Backend::detect().map_err(net_err)?;
    let holder = spawn_holder(plan)?;
    let holder_start = process_start(holder).unwrap_or(0);
    let pid_file = paths.dir().join("rootless-backend.pid");
    // slirp4netns with Podman's defaults (the host's loopback closed); pasta maps
    // the gateway to the host's loopback, as Podman's does.
    let extra = if matches!(backend, Backend::Slirp4netns(_)) {
        coracle_network::backend::slirp4netns_options_with_defaults(&[])
    } else {
        Vec::new()
    };
    let launch = Launch {
        ifname: Some(coracle_network::attach::BACKEND_INTERFACE),
        extra: &extra,
        ..Launch::default()
    };
    let started = match backend.start(holder, &pid_file, &launch) {
        Ok(s) => s,
        Err(e) => {
            rootless::kill_if_alive(holder, holder_start);
            return Err(net_err(e));
        }
    };
    let netns = RootlessNetns {
        holder_pid: holder,
        holder_start,
        backend_pid: started.pid,
        backend_start: process_start(started.pid).unwrap_or(0),
        backend: backend.name().to_string(),
        host_gateway: backend.host_gateway(&extra, holder),
    };
    netns.write(paths).map_err(net_err)?;
    Ok(netns)
}

/// Start the holder: a process in a new user namespace (mapped by `plan`) and a new
/// network namespace, in a session of its own and not our child, that only waits.
fn spawn_holder(plan: &UserNsPlan) -> Result<i32> {
    let io =
        |what: &'static str| move |e: std::io::Error| RuntimeError::Start(format!("{what}: {e}"));
    let (sync_r, sync_w) = sys::pipe().map_err(io("create pipe"))?;
    let (report_r, report_w) = sys::pipe().map_err(io("create pipe"))?;
    let middle = sys::fork().map_err(io("fork the rootless network holder"))?;
    if middle == 0 {
        drop((sync_w, report_r));
        match sys::clone_into_namespaces(libc::CLONE_NEWUSER | libc::CLONE_NEWNET) {
            Ok(0) => holder_main(sync_r, report_w),
            Ok(pid) => {
                let _ = rustix::io::write(&report_w, format!("{pid}\n").as_bytes());
                sys::exit_now(0)
            }
            Err(_) => sys::exit_now(1),
        }
    }
    drop((sync_r, report_w));
    let _ = sys::wait_pid(middle);
    let mut report = std::fs::File::from(report_r);
    let pid: i32 = read_line(&mut report)
        .parse()
        .map_err(|_| RuntimeError::Start("the rootless network holder did not start".into()))?;
    if let Err(e) = idmap::apply(pid, plan) {
        sys::kill(pid, libc::SIGKILL);
        return Err(e);
    }
    let _ = rustix::io::write(&sync_w, b"1");
    drop(sync_w);
    match read_line(&mut report).as_str() {
        "ready" => Ok(pid),
        other => {
            sys::kill(pid, libc::SIGKILL);
            Err(RuntimeError::Start(format!(
                "the rootless network holder failed: {other}"
            )))
        }
    }
}

fn read_line(from: &mut std::fs::File) -> String {
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    while let Ok(1) = std::io::Read::read(from, &mut byte) {
        if byte[0] == b'\n' {
            break;
        }
        line.push(byte[0]);
    }
    String::from_utf8_lossy(&line).into_owned()
}

/// The holder: wait for the id maps, allow forwarding in its network namespace,
/// say so, drop every inherited descriptor and wait to be killed.
fn holder_main(sync_r: OwnedFd, report: OwnedFd) -> ! {
    let _ = rustix::process::setsid();
    // Shown by ps and top as what it is, not as the command that made it.
    let _ = rustix::thread::set_name(c"coracle-netns");
    let mut go = [0u8; 1];
    if !matches!(rustix::io::read(&sync_r, &mut go), Ok(1)) {
        sys::exit_now(1);
    }
    let answer = match std::fs::write("/proc/sys/net/ipv4/ip_forward", "1") {
        Ok(()) => "ready\n".to_string(),
        Err(e) => format!("enable forwarding: {e}\n"),
    };
    let _ = rustix::io::write(&report, answer.as_bytes());
    let _ = sys::null_stdio();
    let _ = sys::close_fds_except(&[]);
    sys::pause_forever()
}

/// Remember a helper process of the container (pid and start time).
fn record_process(container_id: &str, what: &str, pid: i32) {
    let path = paths().container_pid_file(container_id, what);
    if make_parent(&path).is_ok() {
        let start = process_start(pid).unwrap_or(0);
        let _ = std::fs::write(&path, format!("{pid} {start}\n"));
    }
}

/// Kill a recorded helper process and forget it.
fn end_process(container_id: &str, what: &str) {
    let path = paths().container_pid_file(container_id, what);
    if let Ok(text) = std::fs::read_to_string(&path) {
        let mut words = text.split_whitespace().map(str::parse::<u64>);
        if let (Some(Ok(pid)), Some(Ok(start))) = (words.next(), words.next()) {
            rootless::kill_if_alive(pid as i32, start);
        }
    }
    let _ = std::fs::remove_file(&path);
}

fn write_ports(container_id: &str, bound: &[BoundPort]) {
    let list: Vec<PortMapping> = bound.iter().map(|b| b.mapping.clone()).collect();
    write_port_list(container_id, &list);
}

fn write_port_list(container_id: &str, list: &[PortMapping]) {
    let path = paths().container_pid_file(container_id, "ports");
    if make_parent(&path).is_ok() {
        if let Ok(text) = serde_json::to_string(list) {
            let _ = std::fs::write(&path, text);
        }
    }
}

/// The ports a running container publishes, with the host ports picked at start.
pub fn published_ports(container_id: &str) -> Vec<PortMapping> {
    let path = paths().container_pid_file(container_id, "ports");
    std::fs::read(&path)
        .ok()
        .filter(|b| b.len() < (1 << 20))
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// Start the forwarder of a container's published ports: coracle re-executed in
/// [`FORWARDER_ARG`] mode with the bound sockets, which forks into a session of its
/// own, enters the rootless user namespace (`netns`; none as root: holder pid 0)
/// and the container's network namespace (connecting to the container's address
/// from there), and lives as long as the container's init.
fn spawn_forwarder(
    container_id: &str,
    netns: Option<&RootlessNetns>,
    container_pid: i32,
    target: Ipv4Addr,
    bound: Vec<BoundPort>,
) -> Result<()> {
    let (holder, holder_start) = netns.map_or((0, 0), |n| (n.holder_pid, n.holder_start));
    let mut cmd = std::process::Command::new("/proc/self/exe");
    cmd.arg(FORWARDER_ARG)
        .arg(holder.to_string())
        .arg(holder_start.to_string())
        .arg(container_pid.to_string())
        .arg(target.to_string());
    for b in &bound {
        rustix::io::fcntl_setfd(&b.socket, rustix::io::FdFlags::empty())
            .map_err(|e| RuntimeError::Start(format!("pass a published port: {e}")))?;
        cmd.arg(format!(
            "{}:{}:{}:{}",
            b.socket.as_raw_fd(),
            b.mapping.protocol,
            b.mapping.container_port,
            b.mapping.host_port
        ));
    }
    let (ready_r, ready_w) = sys::pipe().map_err(|e| RuntimeError::Start(e.to_string()))?;
    rustix::io::fcntl_setfd(&ready_w, rustix::io::FdFlags::empty())
        .map_err(|e| RuntimeError::Start(e.to_string()))?;
    cmd.arg(format!("ready={}", ready_w.as_raw_fd()));
    let status = cmd
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map_err(|e| RuntimeError::Start(format!("start the port forwarder: {e}")))?;
    drop(ready_w);
    drop(bound);
    let answer = read_line(&mut std::fs::File::from(ready_r));
    match answer.strip_prefix("ok ") {
        Some(pid) if status.success() => {
            record_process(container_id, "forwarder", pid.parse().unwrap_or(0));
            Ok(())
        }
        _ => Err(RuntimeError::Start(format!(
            "the port forwarder failed: {answer}"
        ))),
    }
}

/// The forwarder process: see `spawn_forwarder`. Returns the exit status.
pub fn forwarder_main(args: &[String]) -> i32 {
    match forwarder(args) {
        Ok(()) => 0,
        Err(_) => 125,
    }
}

fn forwarder(args: &[String]) -> std::result::Result<(), String> {
    let [holder, holder_start, container, target, rest @ ..] = args else {
        return Err("usage".into());
    };
    let num = |s: &String| s.parse::<i64>().map_err(|e| format!("{s}: {e}"));
    let (holder, holder_start, container) = (
        num(holder)? as i32,
        num(holder_start)? as u64,
        num(container)? as i32,
    );
    let target: Ipv4Addr = target.parse().map_err(|e| format!("{target}: {e}"))?;
    let mut ports = Vec::new();
    let mut ready: Option<OwnedFd> = None;
    for a in rest {
        if let Some(fd) = a.strip_prefix("ready=") {
            ready = Some(take_fd(fd)?);
            continue;
        }
        let f: Vec<&str> = a.split(':').collect();
        let [fd, proto, cport, hport] = f.as_slice() else {
            return Err(format!("bad port {a}"));
        };
        let cport: u16 = cport.parse().map_err(|_| format!("bad port {a}"))?;
        let hport: u16 = hport.parse().map_err(|_| format!("bad port {a}"))?;
        ports.push(BoundPort {
            mapping: PortMapping {
                host_ip: None,
                host_port: hport,
                container_port: cport,
                range: 1,
                protocol: proto.to_string(),
            },
            socket: take_fd(fd)?,
        });
    }
    let ready = ready.ok_or("no ready descriptor")?;
    let say = |text: String| {
        let _ = rustix::io::write(&ready, text.as_bytes());
    };
    // Out of the caller's way: a session of our own, not its child.
    let child = sys::fork().map_err(|e| e.to_string())?;
    if child != 0 {
        return Ok(());
    }
    let _ = rustix::process::setsid();
    let setup = || -> std::result::Result<OwnedFd, String> {
        let pidfd = rustix::process::pidfd_open(
            rustix::process::Pid::from_raw(container).ok_or("bad pid")?,
            rustix::process::PidfdFlags::empty(),
        )
        .map_err(|e| format!("watch the container: {e}"))?;
        // The container's own network namespace (owned by the rootless user
        // namespace, or root's: holder 0): its address is local there, so relayed
        // data skips the veth and the bridge.
        let container_net = open_ns(container, "net").map_err(|e| e.to_string())?;
        if holder != 0 {
            let ns = RootlessNetns {
                holder_pid: holder,
                holder_start,
                backend_pid: 0,
                backend_start: 0,
                backend: String::new(),
                host_gateway: None,
            };
            let fds = ns.open().map_err(|e| e.to_string())?;
            if let Some(user) = &fds.user {
                sys::setns(user.as_fd(), libc::CLONE_NEWUSER)
                    .map_err(|e| format!("join the rootless user namespace: {e}"))?;
            }
        }
        sys::setns(container_net.as_fd(), libc::CLONE_NEWNET)
            .map_err(|e| format!("join the container's network namespace: {e}"))?;
        Ok(pidfd)
    };
    let pidfd = match setup() {
        Ok(fd) => fd,
        Err(e) => {
            say(format!("{e}\n"));
            sys::exit_now(125)
        }
    };
    say(format!("ok {}\n", std::process::id()));
    drop(ready);
    coracle_network::relay::relay_all(ports, target);
    // Live as long as the container's init.
    let mut fds = [rustix::event::PollFd::new(
        &pidfd,
        rustix::event::PollFlags::IN,
    )];
    loop {
        match rustix::event::poll(&mut fds, None) {
            Ok(_) if !fds[0].revents().is_empty() => break,
            _ => continue,
        }
    }
    sys::exit_now(0)
}

fn take_fd(text: &str) -> std::result::Result<OwnedFd, String> {
    let raw: i32 = text.parse().map_err(|_| format!("bad descriptor {text}"))?;
    if raw < 3 {
        return Err(format!("bad descriptor {text}"));
    }
    Ok(sys::own_inherited_fd(raw))
}

/// After a container ended (or failed to start): its forwarder and own backend are
/// killed, its leases given back, and the shared namespace ended with its last
/// container. Best effort, and cheap when the container had no network.
pub fn release(container_id: &str) {
    let paths = paths();
    if !paths.dir().exists() {
        return;
    }
    end_process(container_id, "forwarder");
    end_process(container_id, "backend");
    let _ = std::fs::remove_file(paths.container_pid_file(container_id, "ports"));
    let _ = std::fs::remove_file(paths.container_pid_file(container_id, "backend-pid"));
    let leases = leases();
    let held = leases.of_container(container_id);
    // Without an address on a network the container kept no bridge or shared
    // namespace alive: nothing under the lock changes.
    if held.is_empty() {
        return;
    }
    let Ok(_lock) = rootless::lock(&paths) else {
        return;
    };
    for (network, _) in &held {
        leases.release(network, container_id);
    }
    if rustix::process::geteuid().is_root() {
        release_host_bridges(&paths, &leases, &held);
    }
    if !leases.any_lease() && paths.record().exists() {
        RootlessNetns::tear_down(&paths);
    }
}

/// As root: the container's veths leave the host's namespace (if still there), and
/// each bridge coracle made there goes with its rules once no container holds a
/// lease on its network. The caller holds the lock.
fn release_host_bridges(paths: &RootlessPaths, leases: &LeaseDir, held: &[(String, Lease)]) {
    let Ok(fds) = coracle_network::rootless::NetnsFds::host() else {
        return;
    };
    for (_, lease) in held {
        if coracle_network::host_bridge::interface_exists(&coracle_network::attach::host_veth_name(
            lease,
        )) {
            let _ = coracle_network::detach(&fds, lease);
        }
    }
    let Ok(made) = std::fs::read_dir(paths.host_bridges_dir()) else {
        return;
    };
    for network in made
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
    {
        let in_use = leases.has_leases(&network);
        coracle_network::host_bridge::remove_unused(&fds, paths, &network, in_use);
    }
}
