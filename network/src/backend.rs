//! The rootless network backend: pasta (Debian package passt) when installed, else
//! slirp4netns. It joins the rootless user and network namespace, gives it an
//! interface ([`crate::attach::BACKEND_INTERFACE`]) with the host's addresses and
//! routes, forwards outbound traffic through the host's sockets and, for pasta (and
//! slirp4netns with `allow_host_loopback=true`), maps the namespace's gateway address
//! to the host's loopback (`host.containers.internal`).

use std::io::{Read, Seek};
use std::net::Ipv4Addr;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use rustix::fs::MemfdFlags;

use crate::attach::BACKEND_INTERFACE;
use crate::error::{NetworkError, Result};
use crate::nscmd::find_tool;

/// Which program gives rootless namespaces outbound traffic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    /// pasta, at this path.
    Pasta(PathBuf),
    /// slirp4netns, at this path.
    Slirp4netns(PathBuf),
}

/// A started backend process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StartedBackend {
    /// Its pid (it runs in a session of its own, not our child).
    pub pid: i32,
}

impl Backend {
    /// Where a container reaches the host through this backend started with
    /// `options` (`host.containers.internal`), for a namespace whose routes process
    /// `pid` sees: pasta's gateway (mapped to the host's loopback); slirp4netns'
    /// [`SLIRP_HOST_LOOPBACK`] when its options open the loopback, else the host's
    /// own address ([`host_address`]), as Podman's.
    pub fn host_gateway(&self, options: &[String], pid: i32) -> Option<Ipv4Addr> {
        match self {
            Backend::Pasta(_) => default_gateway(pid),
            Backend::Slirp4netns(_) if slirp4netns_allows_host_loopback(options) => {
                Some(SLIRP_HOST_LOOPBACK)
            }
            Backend::Slirp4netns(_) => host_address(),
        }
    }

    /// pasta if installed, else slirp4netns; an error naming both packages if neither.
    pub fn detect() -> Result<Backend> {
        if let Some(p) = find_tool("pasta") {
            return Ok(Backend::Pasta(p));
        }
        find_tool("slirp4netns")
            .map(Backend::Slirp4netns)
            .ok_or(NetworkError::NoBackend)
    }

    /// `pasta` or `slirp4netns`.
    pub fn name(&self) -> &'static str {
        match self {
            Backend::Pasta(_) => "pasta",
            Backend::Slirp4netns(_) => "slirp4netns",
        }
    }

    /// The program's path.
    pub fn path(&self) -> &Path {
        match self {
            Backend::Pasta(p) | Backend::Slirp4netns(p) => p,
        }
    }

    /// The first line `--version` prints (`coracle info`).
    pub fn version(&self) -> String {
        Command::new(self.path())
            .arg("--version")
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .ok()
            .and_then(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .lines()
                    .next()
                    .map(|l| l.trim().to_string())
            })
            .unwrap_or_default()
    }

    /// Start the backend for the user and network namespaces of process `pid`
    /// (the rootless holder, or a container's own with `--network pasta`);
    /// `pid_file` receives pasta's pid. `ifname` names the namespace's interface,
    /// `extra` are the user's options, `ports` are forwarded by pasta itself (the
    /// per-container modes). Returns once the namespace's interface is configured.
    pub fn start(&self, pid: i32, pid_file: &Path, launch: &Launch<'_>) -> Result<StartedBackend> {
        let user = format!("/proc/{pid}/ns/user");
        let net = format!("/proc/{pid}/ns/net");
        match self {
            Backend::Pasta(pasta) => {
                let _ = std::fs::remove_file(pid_file);
                let mut cmd = Command::new(pasta);
                cmd.args(["--config-net", "-q"]);
                if let Some(ifname) = launch.ifname {
                    cmd.args(["-I", ifname]);
                }
                for proto in ["tcp", "udp"] {
                    let specs: Vec<String> = launch
                        .ports
                        .iter()
                        .filter(|p| p.protocol == proto)
                        .map(|p| {
                            let ip = p.host_ip.map(|ip| format!("{ip}/")).unwrap_or_default();
                            let last = |first: u16| first + p.range - 1;
                            format!(
                                "{ip}{}-{}:{}-{}",
                                p.host_port,
                                last(p.host_port),
                                p.container_port,
                                last(p.container_port)
                            )
                        })
                        .collect();
                    let flag = if proto == "tcp" { "-t" } else { "-u" };
                    let value = if specs.is_empty() {
                        "none".to_string()
                    } else {
                        specs.join(",")
                    };
                    cmd.args([flag, &value]);
                }
                cmd.args(["-T", "none", "-U", "none"]).args(launch.extra);
                let out = cmd
                    .args(["--userns", &user, "--netns", &net, "-P"])
                    .arg(pid_file)
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .output()
                    .map_err(|e| NetworkError::Setup(format!("start pasta: {e}")))?;
                let pid = std::fs::read_to_string(pid_file)
                    .ok()
                    .and_then(|t| t.trim().parse().ok())
                    .filter(|_| out.status.success());
                match pid {
                    Some(pid) => Ok(StartedBackend { pid }),
                    None => Err(NetworkError::Setup(backend_failure(
                        "pasta",
                        &out.stderr,
                        !launch.extra.is_empty(),
                    ))),
                }
            }
            Backend::Slirp4netns(slirp) => {
                if !launch.ports.is_empty() {
                    return Err(NetworkError::Setup(
                        "--network slirp4netns does not publish ports here: use the default network or --network pasta".into(),
                    ));
                }
                start_slirp4netns(slirp, &user, &net, launch)
            }
        }
    }
}

/// The one-line error of a backend (pasta, slirp4netns) that did not start: its
/// first message (pasta follows an unknown option with its whole usage text, and
/// without a system logger interleaves "Failed to send ... to syslog" lines), and
/// where the user passed options of their own (`--network BACKEND:OPTIONS`), a
/// pointer to them.
fn backend_failure(backend: &str, stderr: &[u8], user_options: bool) -> String {
    let text = String::from_utf8_lossy(stderr);
    let first = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !is_syslog_noise(line))
        .unwrap_or("no message");
    format!(
        "{backend} failed: {first}{}",
        options_hint(backend, user_options)
    )
}

/// How much of a failed slirp4netns' messages is read (its first line is shown).
const MESSAGES_READ_LIMIT: u64 = 64 * 1024;

/// For the error of a back end that did not start: where the user gave options of
/// their own (`--network BACKEND:OPTIONS`), a pointer to them; else nothing.
fn options_hint(backend: &str, given: bool) -> String {
    if given {
        format!(" (check the options given after --network {backend}:)")
    } else {
        String::new()
    }
}

/// pasta's note that it could not reach the system logger.
fn is_syslog_noise(line: &str) -> bool {
    line.starts_with("Failed to send ") && line.ends_with(" to syslog")
}

/// How a backend is started.
#[derive(Debug, Clone, Copy, Default)]
pub struct Launch<'a> {
    /// The interface name in the namespace (None: pasta's default, the host's).
    pub ifname: Option<&'a str>,
    /// The user's extra options.
    pub extra: &'a [String],
    /// Ports the backend forwards itself.
    pub ports: &'a [crate::ports::PortMapping],
}

/// slirp4netns stays in the foreground: it is started in a session of its own and
/// reports readiness by writing to `--ready-fd`.
fn start_slirp4netns(
    slirp: &Path,
    user: &str,
    net: &str,
    launch: &Launch<'_>,
) -> Result<StartedBackend> {
    let options = slirp4netns_flags(launch.extra)?;
    let setup = |e: std::io::Error| NetworkError::Setup(format!("start slirp4netns: {e}"));
    let (ready_r, ready_w) = rustix::pipe::pipe().map_err(|e| setup(e.into()))?;
    rustix::io::fcntl_setfd(&ready_r, rustix::io::FdFlags::CLOEXEC).map_err(|e| setup(e.into()))?;
    let mut cmd = Command::new(slirp);
    cmd.args(["--configure", "--mtu=65520", "--netns-type=path"])
        .arg(format!("--userns-path={user}"))
        .arg(format!("--ready-fd={}", ready_w.as_raw_fd()))
        .args(options)
        .args([net, launch.ifname.unwrap_or(BACKEND_INTERFACE)])
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    // Its messages go to a memory file, read only if it ends early: it runs as long
    // as the container, and a pipe that nobody reads would stop it once full.
    let messages = rustix::fs::memfd_create("slirp4netns-messages", MemfdFlags::CLOEXEC)
        .map(std::fs::File::from)
        .map_err(|e| setup(e.into()))?;
    cmd.stderr(messages.try_clone().map_err(setup)?);
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut child = cmd.spawn().map_err(setup)?;
    drop(ready_w);
    let mut ready = [0u8; 1];
    let got = std::fs::File::from(ready_r).read(&mut ready).unwrap_or(0);
    if got != 1 {
        // End of file: it exited (its ready descriptor closed with it).
        let _ = child.wait();
        // Its descriptor shares the offset that its writes moved to their end.
        let mut text = Vec::new();
        let mut messages = messages;
        let _ = messages
            .seek(std::io::SeekFrom::Start(0))
            .and_then(|_| messages.take(MESSAGES_READ_LIMIT).read_to_end(&mut text));
        // allow_host_loopback cannot fail it (and may be Podman's default, added).
        let given = launch
            .extra
            .iter()
            .any(|o| !o.starts_with("allow_host_loopback="));
        return Err(NetworkError::Setup(backend_failure(
            "slirp4netns",
            &text,
            given,
        )));
    }
    Ok(StartedBackend {
        pid: child.id() as i32,
    })
}

/// The options of `--network slirp4netns:OPTIONS` with Podman's default added: the
/// host's loopback stays closed to the container unless `allow_host_loopback=true`
/// opens it (the last of the option's values counts, here as in
/// [`slirp4netns_flags`]).
pub fn slirp4netns_options_with_defaults(options: &[String]) -> Vec<String> {
    let mut options = options.to_vec();
    if !options
        .iter()
        .any(|o| o.starts_with("allow_host_loopback="))
    {
        options.push("allow_host_loopback=false".into());
    }
    options
}

/// Whether slirp4netns' `options` open the host's loopback to the container (at
/// [`SLIRP_HOST_LOOPBACK`]): slirp4netns' own default, which
/// [`slirp4netns_options_with_defaults`] turns into Podman's.
pub fn slirp4netns_allows_host_loopback(options: &[String]) -> bool {
    options
        .iter()
        .rev()
        .find_map(|o| o.strip_prefix("allow_host_loopback="))
        .is_none_or(|value| value == "true")
}

/// The address at which slirp4netns lets a container reach the host's loopback.
pub const SLIRP_HOST_LOOPBACK: Ipv4Addr = Ipv4Addr::new(10, 0, 2, 2);

/// slirp4netns' flags for Podman's options of `--network slirp4netns:OPTIONS` (each
/// `NAME=VALUE`): `allow_host_loopback`, `cidr`, `enable_ipv6`, `mtu`,
/// `outbound_addr`, `outbound_addr6`. Anything else is an error naming the option,
/// as is `port_handler` (slirp4netns publishes no ports here).
pub fn slirp4netns_flags(options: &[String]) -> Result<Vec<String>> {
    let mut flags = Vec::new();
    for option in options {
        let invalid = |reason| NetworkError::InvalidSlirpOption {
            option: option.clone(),
            reason,
        };
        let (name, value) = option
            .split_once('=')
            .ok_or_else(|| invalid("expected NAME=VALUE"))?;
        let boolean = || match value {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(invalid("expected true or false")),
        };
        let flag = match name {
            // Checked here, applied below (the last value counts).
            "allow_host_loopback" => boolean().map(|_| None)?,
            "enable_ipv6" => boolean()?.then(|| "--enable-ipv6".to_string()),
            "cidr" => Some(format!("--cidr={value}")),
            "mtu" => {
                value
                    .parse::<u16>()
                    .map_err(|_| invalid("expected an MTU from 0 to 65535"))?;
                Some(format!("--mtu={value}"))
            }
            "outbound_addr" => Some(format!("--outbound-addr={value}")),
            "outbound_addr6" => Some(format!("--outbound-addr6={value}")),
            "port_handler" => {
                return Err(invalid(
                    "slirp4netns publishes no ports here: use the default network or --network pasta with -p",
                ))
            }
            _ => {
                return Err(invalid(
                    "use allow_host_loopback, cidr, enable_ipv6, mtu, outbound_addr or outbound_addr6",
                ))
            }
        };
        flags.extend(flag);
    }
    if !slirp4netns_allows_host_loopback(options) {
        flags.push("--disable-host-loopback".into());
    }
    Ok(flags)
}

/// The host's own address on its default route (the source address of a connection
/// to the default gateway; nothing is sent): where a container whose backend keeps
/// the host's loopback closed reaches the host's other services, as Podman's
/// `host.containers.internal` does then. None without a default route.
pub fn host_address() -> Option<Ipv4Addr> {
    let gateway = default_gateway(std::process::id() as i32)?;
    let socket = std::net::UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect((gateway, 9)).ok()?;
    match socket.local_addr().ok()?.ip() {
        std::net::IpAddr::V4(address) if !address.is_unspecified() => Some(address),
        _ => None,
    }
}

/// The default gateway of process `pid`'s network namespace (`/proc/PID/net/route`):
/// what the backend maps to the host's loopback.
pub fn default_gateway(pid: i32) -> Option<Ipv4Addr> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/net/route")).ok()?;
    text.lines().skip(1).find_map(|line| {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() < 3 || f[1] != "00000000" {
            return None;
        }
        let raw = u32::from_str_radix(f[2], 16).ok()?;
        // The kernel prints the address's bytes in memory order as a host integer.
        Some(Ipv4Addr::from(raw.to_le_bytes()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slirp4netns_keeps_the_hosts_loopback_closed_unless_asked_as_podman() {
        let opts = |list: &[&str]| list.iter().map(|o| o.to_string()).collect::<Vec<_>>();
        let defaulted = slirp4netns_options_with_defaults(&opts(&["mtu=1500"]));
        assert_eq!(defaulted, opts(&["mtu=1500", "allow_host_loopback=false"]));
        assert!(!slirp4netns_allows_host_loopback(&defaulted));
        assert!(slirp4netns_flags(&defaulted)
            .unwrap()
            .contains(&"--disable-host-loopback".to_string()));
        let open = slirp4netns_options_with_defaults(&opts(&["allow_host_loopback=true"]));
        assert_eq!(open, opts(&["allow_host_loopback=true"]));
        assert!(slirp4netns_allows_host_loopback(&open));
        assert!(slirp4netns_flags(&open).unwrap().is_empty());
        // slirp4netns' own default, where no option says otherwise.
        assert!(slirp4netns_allows_host_loopback(&[]));
    }

    #[test]
    fn a_failed_pasta_is_reported_by_its_first_message_on_one_line() {
        let stderr = b"/usr/bin/pasta: unrecognized option '--bogus'\n\
            Failed to send 60 bytes to syslog\n\
            Usage: /usr/bin/pasta [OPTION]... [COMMAND] [ARGS]...\n\
            Failed to send 44 bytes to syslog\n";
        assert_eq!(
            backend_failure("pasta", stderr, true),
            "pasta failed: /usr/bin/pasta: unrecognized option '--bogus' \
             (check the options given after --network pasta:)"
        );
        let noisy_first = b"Failed to send 12 bytes to syslog\n\nNo routable interface\n";
        assert_eq!(
            backend_failure("pasta", noisy_first, false),
            "pasta failed: No routable interface"
        );
        assert_eq!(
            backend_failure("pasta", b"", false),
            "pasta failed: no message"
        );
    }

    #[test]
    fn podmans_slirp4netns_options_become_its_flags_and_others_are_refused() {
        let opts = |list: &[&str]| list.iter().map(|o| o.to_string()).collect::<Vec<_>>();
        assert_eq!(
            slirp4netns_flags(&opts(&[
                "allow_host_loopback=false",
                "enable_ipv6=true",
                "cidr=10.5.0.0/24",
                "mtu=1500",
                "outbound_addr=eth0",
                "outbound_addr6=::1",
            ]))
            .unwrap(),
            opts(&[
                "--enable-ipv6",
                "--cidr=10.5.0.0/24",
                "--mtu=1500",
                "--outbound-addr=eth0",
                "--outbound-addr6=::1",
                "--disable-host-loopback",
            ])
        );
        // The last value of an option given twice counts, for the flags as for
        // slirp4netns_allows_host_loopback.
        let twice = opts(&["allow_host_loopback=false", "allow_host_loopback=true"]);
        assert!(slirp4netns_flags(&twice).unwrap().is_empty());
        assert!(slirp4netns_allows_host_loopback(&twice));
        assert_eq!(
            slirp4netns_flags(&opts(&["allow_host_loopback=true", "enable_ipv6=false"])).unwrap(),
            Vec::<String>::new()
        );
        for bad in [
            "bogus=1",
            "--disable-host-loopback",
            "mtu=big",
            "enable_ipv6=yes",
            "port_handler=rootlesskit",
        ] {
            let err = slirp4netns_flags(&opts(&[bad])).unwrap_err().to_string();
            assert!(err.contains(bad) && !err.contains('\n'), "{bad}: {err}");
        }
    }
}
