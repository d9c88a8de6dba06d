//! coracle's resolver: answers the names of the containers of a network (their
//! names and `--network-alias` names, read from the lease files on each query, so
//! containers started later resolve) on the address it listens on for that network
//! (the network's gateway), and forwards every other question to the upstream
//! nameservers. UDP only.
//!
//! It runs while [`serve`]'s plan names something to listen on: the caller (the
//! holder of the rootless network namespace) passes [`plan_from_store`], which
//! empties once no container uses a DNS-enabled network.

use std::collections::BTreeMap;
use std::io::Read;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::thread;
use std::time::Duration;

use crate::config::NetworkStore;
use crate::dns::packet::{self, Question};
use crate::error::{NetworkError, Result};
use crate::etc_files::DNS_DOMAIN;
use crate::lease::{Lease, LeaseDir};

/// The port resolvers listen on.
pub const DNS_PORT: u16 = 53;
/// Largest DNS message received or relayed over UDP (EDNS allows up to 4096).
const MAX_MESSAGE: usize = 4096;
/// Largest lease file read.
const MAX_LEASE_FILE: u64 = 64 << 10;
/// Most lease files read for one network per query.
const MAX_LEASES: usize = 4096;
/// Most forwarded questions in flight at once; more are dropped (the client retries).
const MAX_FORWARDS: usize = 64;
/// How long an upstream has to answer.
pub(crate) const UPSTREAM_TIMEOUT: Duration = Duration::from_secs(3);
/// How often [`serve`] looks at its plan again.
pub(crate) const PLAN_INTERVAL: Duration = Duration::from_millis(500);

/// One address the resolver listens on, for one network.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Listener {
    /// The address (the network's gateway, port 53).
    pub address: SocketAddr,
    /// The network whose names are answered there.
    pub network: String,
}

/// Where the answers come from.
#[derive(Debug, Clone)]
pub struct Resolver {
    /// The lease files.
    pub leases: LeaseDir,
    /// The nameservers other questions go to (the host's).
    pub upstreams: Vec<SocketAddr>,
}

/// The leases of `network`, read now; unreadable or malformed files are skipped.
pub fn read_leases(leases: &LeaseDir, network: &str) -> Vec<Lease> {
    let Ok(entries) = std::fs::read_dir(leases.network_dir(network)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in entries.flatten().take(MAX_LEASES) {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let mut bytes = Vec::new();
        let read =
            std::fs::File::open(&path).and_then(|f| f.take(MAX_LEASE_FILE).read_to_end(&mut bytes));
        if read.is_ok() {
            if let Ok(lease) = serde_json::from_slice::<Lease>(&bytes) {
                out.push(lease);
            }
        }
    }
    out
}

/// What the resolver does with one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Answer with these addresses (possibly none: the name exists, the type not).
    Answer(Vec<Ipv4Addr>),
    /// The name is in the network's domain and no container has it.
    NxDomain,
    /// Not ours: ask the upstream nameservers.
    Forward,
}

/// Where a question came from.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    /// The network it arrived on (the one whose gateway it was sent to).
    pub network: &'a str,
    /// The asking address.
    pub client: IpAddr,
    /// Every DNS-enabled network the resolver serves now.
    pub served: &'a [String],
}

/// The networks whose names the asker may resolve: the one the question came in
/// on, and every other served network the same container is on (found by the
/// asker's lease on the first), as Podman's resolver answers a container on several
/// networks.
pub fn networks_of_asker(origin: &Origin<'_>, leases: &LeaseDir) -> Vec<String> {
    let mut out = vec![origin.network.to_string()];
    let asker = read_leases(leases, origin.network)
        .into_iter()
        .find(|l| IpAddr::V4(l.ip) == origin.client);
    if let Some(asker) = asker {
        for other in origin
            .served
            .iter()
            .filter(|n| n.as_str() != origin.network)
        {
            if leases.lease_path(other, &asker.container_id).exists() {
                out.push(other.clone());
            }
        }
    }
    out
}

/// Decide about `question` from `origin`: a container name or alias (bare, or
/// under `dns.podman`) of the asker's networks is answered from the leases; an
/// unknown name under `dns.podman` is NXDOMAIN; anything else is forwarded.
pub fn decide(question: &Question, origin: &Origin<'_>, leases: &LeaseDir) -> Decision {
    let suffix = format!(".{DNS_DOMAIN}");
    let (short, in_domain) = match question.name.strip_suffix(&suffix) {
        Some(short) => (short, true),
        None => (question.name.as_str(), question.name == DNS_DOMAIN),
    };
    let mut matching: Vec<Ipv4Addr> = Vec::new();
    if !short.contains('.') && !short.is_empty() {
        for network in networks_of_asker(origin, leases) {
            for lease in read_leases(leases, &network) {
                let named = lease.container_name.eq_ignore_ascii_case(short)
                    || lease.aliases.iter().any(|a| a.eq_ignore_ascii_case(short));
                if named && !matching.contains(&lease.ip) {
                    matching.push(lease.ip);
                }
            }
        }
    }
    if !matching.is_empty() {
        let wants_a = question.qtype == packet::TYPE_A || question.qtype == 255;
        return Decision::Answer(if wants_a { matching } else { Vec::new() });
    }
    if in_domain {
        Decision::NxDomain
    } else {
        Decision::Forward
    }
}

/// What to do with one received message.
pub(crate) enum Reply {
    /// Send this answer, made here.
    Local(Vec<u8>),
    /// Relay the message to the upstreams and their answer back.
    Forward,
    /// Not a query the resolver reads: no answer.
    Drop,
}

/// What the serving threads share: the resolver, and the networks served now.
pub(crate) struct State {
    /// Leases and upstreams.
    pub(crate) resolver: Resolver,
    /// The networks of the current plan.
    served: RwLock<Vec<String>>,
}

/// The reply to `query` received for `network` from `client`.
pub(crate) fn reply_to(query: &[u8], network: &str, client: IpAddr, state: &State) -> Reply {
    let Some(question) = packet::parse_query(query) else {
        return Reply::Drop;
    };
    let served = state.served.read().map(|s| s.clone()).unwrap_or_default();
    let origin = Origin {
        network,
        client,
        served: &served,
    };
    match decide(&question, &origin, &state.resolver.leases) {
        Decision::Answer(ips) => Reply::Local(packet::answer(
            query,
            &question,
            packet::RCODE_NOERROR,
            &ips,
        )),
        Decision::NxDomain => Reply::Local(packet::answer(
            query,
            &question,
            packet::RCODE_NXDOMAIN,
            &[],
        )),
        Decision::Forward => Reply::Forward,
    }
}

/// Ask the upstreams in turn; the first answer with the query's id is returned.
fn ask_upstreams(query: &[u8], upstreams: &[SocketAddr]) -> Option<Vec<u8>> {
    let id = packet::message_id(query)?;
    for upstream in upstreams {
        let bind: SocketAddr = if upstream.is_ipv4() {
            (Ipv4Addr::UNSPECIFIED, 0).into()
        } else {
            (std::net::Ipv6Addr::UNSPECIFIED, 0).into()
        };
        let Ok(socket) = UdpSocket::bind(bind) else {
            continue;
        };
        if socket.connect(upstream).is_err()
            || socket.set_read_timeout(Some(UPSTREAM_TIMEOUT)).is_err()
            || socket.send(query).is_err()
        {
            continue;
        }
        let mut buf = vec![0u8; MAX_MESSAGE];
        // Skip stray datagrams with another id until the timeout.
        while let Ok(n) = socket.recv(&mut buf) {
            if packet::message_id(&buf[..n]) == Some(id) {
                buf.truncate(n);
                return Some(buf);
            }
        }
    }
    None
}

/// One forwarded question (or TCP connection) in flight; counted down when dropped.
pub(crate) struct InFlight(Arc<AtomicUsize>);

impl InFlight {
    /// Count one more, unless `limit` are in flight already.
    pub(crate) fn take(counter: &Arc<AtomicUsize>, limit: usize) -> Option<InFlight> {
        if counter.fetch_add(1, Ordering::AcqRel) >= limit {
            counter.fetch_sub(1, Ordering::AcqRel);
            return None;
        }
        Some(InFlight(counter.clone()))
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Relay `query` to the upstreams on a thread of its own and the answer back to
/// `client` from `socket` (so the client sees it come from the address it asked).
fn forward(
    socket: &UdpSocket,
    query: &[u8],
    client: SocketAddr,
    state: &Arc<State>,
    in_flight: &Arc<AtomicUsize>,
) {
    let Some(slot) = InFlight::take(in_flight, MAX_FORWARDS) else {
        return;
    };
    let Ok(reply_socket) = socket.try_clone() else {
        return;
    };
    let (query, state) = (query.to_vec(), state.clone());
    let _ = thread::Builder::new()
        .name("dns-forward".into())
        .spawn(move || {
            let _slot = slot;
            if let Some(reply) = ask_upstreams(&query, &state.resolver.upstreams) {
                let _ = reply_socket.send_to(&reply, client);
            }
        });
}

/// Answer datagrams on `socket` for `network` until `stop` is set.
fn serve_socket(socket: UdpSocket, network: String, state: Arc<State>, stop: Arc<AtomicBool>) {
    let in_flight = Arc::new(AtomicUsize::new(0));
    let mut buf = vec![0u8; MAX_MESSAGE];
    while !stop.load(Ordering::Relaxed) {
        let Ok((n, client)) = socket.recv_from(&mut buf) else {
            continue;
        };
        let query = &buf[..n];
        match reply_to(query, &network, client.ip(), &state) {
            Reply::Local(reply) => {
                let _ = socket.send_to(&reply, client);
            }
            Reply::Forward => forward(&socket, query, client, &state, &in_flight),
            Reply::Drop => {}
        }
    }
}

/// The threads serving one listener.
struct Running {
    stop: Arc<AtomicBool>,
    handles: Vec<thread::JoinHandle<()>>,
}

impl Running {
    /// Tell the threads to end and wait for them.
    fn stop(self) {
        self.stop.store(true, Ordering::Relaxed);
        for handle in self.handles {
            let _ = handle.join();
        }
    }
}

/// Run the resolver: every half second `plan` says where to listen (and for which
/// network); sockets are opened for new entries and closed for entries gone. Returns
/// once the plan is empty (no container needs the resolver any more). An address
/// that cannot be bound is an error only when nothing is being served yet.
pub fn serve(resolver: Resolver, mut plan: impl FnMut() -> Vec<Listener>) -> Result<()> {
    let state = Arc::new(State {
        resolver,
        served: RwLock::new(Vec::new()),
    });
    let mut running: BTreeMap<Listener, Running> = BTreeMap::new();
    loop {
        let wanted = plan();
        if wanted.is_empty() {
            break;
        }
        if let Ok(mut served) = state.served.write() {
            *served = wanted.iter().map(|l| l.network.clone()).collect();
        }
        let gone: Vec<Listener> = running
            .keys()
            .filter(|l| !wanted.contains(l))
            .cloned()
            .collect();
        for listener in gone {
            if let Some(r) = running.remove(&listener) {
                r.stop();
            }
        }
        for listener in wanted {
            if running.contains_key(&listener) {
                continue;
            }
            let socket = match UdpSocket::bind(listener.address) {
                Ok(s) => s,
                Err(e) if running.is_empty() => {
                    return Err(NetworkError::Resolver(format!(
                        "cannot listen on {}: {e}",
                        listener.address
                    )))
                }
                // Tried again at the next look at the plan.
                Err(_) => continue,
            };
            socket
                .set_read_timeout(Some(PLAN_INTERVAL))
                .map_err(|e| NetworkError::Resolver(e.to_string()))?;
            let stop = Arc::new(AtomicBool::new(false));
            let (network, state_udp, flag) =
                (listener.network.clone(), state.clone(), stop.clone());
            let mut handles = vec![thread::Builder::new()
                .name(format!("dns-{}", listener.network))
                .spawn(move || serve_socket(socket, network, state_udp, flag))
                .map_err(|e| NetworkError::Resolver(e.to_string()))?];
            // TCP is for the answers too large for UDP: served when it can be bound.
            if let Ok(tcp) = std::net::TcpListener::bind(listener.address) {
                let (network, state_tcp, flag) =
                    (listener.network.clone(), state.clone(), stop.clone());
                if let Ok(handle) = thread::Builder::new()
                    .name(format!("dns-tcp-{}", listener.network))
                    .spawn(move || crate::dns::tcp::serve_tcp(tcp, network, state_tcp, flag))
                {
                    handles.push(handle);
                }
            }
            running.insert(listener, Running { stop, handles });
        }
        thread::sleep(PLAN_INTERVAL);
    }
    for (_, r) in running {
        r.stop();
    }
    Ok(())
}

/// Where the resolver must listen now: port `port` on the gateway of each
/// DNS-enabled network that has at least one lease. Empty when no container uses a
/// DNS-enabled network: the resolver is then no longer needed.
pub fn plan_from_store(networks: &NetworkStore, leases: &LeaseDir, port: u16) -> Vec<Listener> {
    let Ok(all) = networks.list() else {
        return Vec::new();
    };
    all.into_iter()
        .filter(|n| n.dns_enabled && !read_leases(leases, &n.name).is_empty())
        .filter_map(|n| {
            let gateway = n.ipv4()?.gateway;
            Some(Listener {
                address: (gateway, port).into(),
                network: n.name,
            })
        })
        .collect()
}

/// Whether some container uses a DNS-enabled network (the resolver must run).
pub fn resolver_needed(networks: &NetworkStore, leases: &LeaseDir) -> bool {
    !plan_from_store(networks, leases, DNS_PORT).is_empty()
}

/// The host's nameservers as upstreams (port 53), from its resolv.conf text.
pub fn upstreams_from_resolv_conf(text: &str) -> Vec<SocketAddr> {
    crate::etc_files::parse_resolv_conf(text)
        .nameservers
        .into_iter()
        .map(|ip| SocketAddr::new(ip, DNS_PORT))
        .collect()
}
