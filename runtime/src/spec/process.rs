//! The process settings of a container's saved spec that `run`/`create` take from
//! flags: `--ulimit` (and Podman's default ulimits), `--sysctl`, `--add-host`,
//! `--attach`. Each parser checks its input completely, so that nothing reaches
//! the start path (or a generated file) that the kernel or a reader would take
//! differently.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::error::{Result, RuntimeError};

/// The resource names `--ulimit` takes, as Podman's, with their `RLIMIT_` numbers.
const RESOURCES: &[(&str, libc::__rlimit_resource_t)] = &[
    ("core", libc::RLIMIT_CORE),
    ("cpu", libc::RLIMIT_CPU),
    ("data", libc::RLIMIT_DATA),
    ("fsize", libc::RLIMIT_FSIZE),
    ("locks", libc::RLIMIT_LOCKS),
    ("memlock", libc::RLIMIT_MEMLOCK),
    ("msgqueue", libc::RLIMIT_MSGQUEUE),
    ("nice", libc::RLIMIT_NICE),
    ("nofile", libc::RLIMIT_NOFILE),
    ("nproc", libc::RLIMIT_NPROC),
    ("rss", libc::RLIMIT_RSS),
    ("rtprio", libc::RLIMIT_RTPRIO),
    ("rttime", libc::RLIMIT_RTTIME),
    ("sigpending", libc::RLIMIT_SIGPENDING),
    ("stack", libc::RLIMIT_STACK),
];

/// Podman's default for `nofile` and `nproc` (containers.conf), lowered to the
/// caller's hard limit where that is smaller (always so rootless).
pub const DEFAULT_ULIMIT: u64 = 1_048_576;

/// One resource limit of the container's process.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ulimit {
    /// The resource's name (`nofile`, `nproc`, …).
    pub name: String,
    /// The soft limit (`u64::MAX`: unlimited).
    pub soft: u64,
    /// The hard limit (`u64::MAX`: unlimited).
    pub hard: u64,
}

fn bad_ulimit(text: &str, why: &str) -> RuntimeError {
    RuntimeError::Start(format!(
        "invalid --ulimit {text:?}: {why} (expected TYPE=SOFT[:HARD], such as nofile=1024:2048)"
    ))
}

/// The `RLIMIT_` number of a resource name.
pub fn resource_number(name: &str) -> Option<libc::__rlimit_resource_t> {
    RESOURCES.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
}

/// The caller's own (soft, hard) limit of `resource`.
pub fn current_limit(resource: libc::__rlimit_resource_t) -> (u64, u64) {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit(2) fills the struct it is given.
    if unsafe { libc::getrlimit(resource, &mut limit) } != 0 {
        return (u64::MAX, u64::MAX);
    }
    (limit.rlim_cur, limit.rlim_max)
}

/// Whether this process may raise hard limits: CAP_SYS_RESOURCE in its effective
/// set (never so rootless; root may lack it too, in a confined session). Asked of
/// the kernel (capget), not read from /proc/self/status.
pub fn can_raise_limits() -> bool {
    rustix::thread::capabilities(None).is_ok_and(|sets| {
        sets.effective
            .contains(rustix::thread::CapabilitySet::SYS_RESOURCE)
    })
}

impl Ulimit {
    /// Parse `TYPE=SOFT[:HARD]`; `-1` or `unlimited` is the caller's hard limit, as
    /// Podman reads it ("the maximum limit of the current process").
    pub fn parse(text: &str) -> Result<Ulimit> {
        let (name, values) = text
            .split_once('=')
            .ok_or_else(|| bad_ulimit(text, "no ="))?;
        let resource = resource_number(name).ok_or_else(|| {
            let names: Vec<&str> = RESOURCES.iter().map(|(n, _)| *n).collect();
            bad_ulimit(text, &format!("unknown type; known: {}", names.join(", ")))
        })?;
        let (_, max) = current_limit(resource);
        let value = |v: &str| -> Result<u64> {
            match v {
                "-1" | "unlimited" => Ok(max),
                _ => v
                    .parse::<u64>()
                    .map_err(|_| bad_ulimit(text, &format!("{v:?} is not a number"))),
            }
        };
        let (soft, hard) = match values.split_once(':') {
            Some((s, h)) => (value(s)?, value(h)?),
            None => {
                let v = value(values)?;
                (v, v)
            }
        };
        if soft > hard {
            return Err(bad_ulimit(text, "the soft limit is above the hard limit"));
        }
        Ok(Ulimit {
            name: name.to_string(),
            soft,
            hard,
        })
    }

    /// Refuse a hard limit above the caller's when the caller cannot raise it
    /// (without CAP_SYS_RESOURCE on the host, as every rootless caller: see
    /// [`can_raise_limits`]).
    pub fn check_raisable(&self, can_raise: bool) -> Result<()> {
        let resource =
            resource_number(&self.name).ok_or_else(|| bad_ulimit(&self.name, "unknown type"))?;
        let (_, max) = current_limit(resource);
        if !can_raise && self.hard > max {
            return Err(RuntimeError::Start(format!(
                "--ulimit {}: the hard limit {} is above your own ({max}), which only CAP_SYS_RESOURCE may raise (rootless never has it): give at most {max}",
                self.name, self.hard
            )));
        }
        Ok(())
    }
}

/// The ulimits a container gets: `given`, plus Podman's defaults for `nofile` and
/// `nproc` when not given ([`DEFAULT_ULIMIT`], or the caller's hard limit when
/// that is lower and `can_raise` is false).
pub fn with_default_ulimits(given: Vec<Ulimit>, can_raise: bool) -> Vec<Ulimit> {
    let mut out = given;
    for (name, resource) in [
        ("nofile", libc::RLIMIT_NOFILE),
        ("nproc", libc::RLIMIT_NPROC),
    ] {
        if out.iter().any(|u| u.name == name) {
            continue;
        }
        let (_, max) = current_limit(resource);
        let value = if can_raise {
            DEFAULT_ULIMIT
        } else {
            DEFAULT_ULIMIT.min(max)
        };
        out.push(Ulimit {
            name: name.into(),
            soft: value,
            hard: value,
        });
    }
    out
}

/// The sysctls of an IPC namespace that Podman allows.
const IPC_SYSCTLS: &[&str] = &[
    "kernel.msgmax",
    "kernel.msgmnb",
    "kernel.msgmni",
    "kernel.sem",
    "kernel.shmall",
    "kernel.shmmax",
    "kernel.shmmni",
    "kernel.shm_rmid_forced",
];

/// Check `KEY=VALUE` of `--sysctl`: only the namespaced sysctls Podman allows
/// (the IPC ones and `fs.mqueue.*` when the container has its own IPC namespace,
/// `net.*` when it has its own network namespace); a value on one line. Returns
/// (key, value).
pub fn parse_sysctl(text: &str, own_ipc: bool, own_network: bool) -> Result<(String, String)> {
    let bad = |why: &str| RuntimeError::Start(format!("invalid --sysctl {text:?}: {why}"));
    let (key, value) = text
        .split_once('=')
        .ok_or_else(|| bad("expected KEY=VALUE, such as kernel.shmmax=65536"))?;
    let well_formed = !key.is_empty()
        && key.split('.').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        });
    if !well_formed {
        return Err(bad(
            "the key must be dot-separated names such as net.ipv4.ip_forward",
        ));
    }
    if value.is_empty() || value.contains(['\n', '\r', '\0']) {
        return Err(bad("the value must be one non-empty line"));
    }
    let allowed = if IPC_SYSCTLS.contains(&key) || key.starts_with("fs.mqueue.") {
        if !own_ipc {
            return Err(bad(
                "IPC sysctls need the container's own IPC namespace, not --ipc host",
            ));
        }
        true
    } else if key.starts_with("net.") {
        if !own_network {
            return Err(bad(
                "net.* sysctls need the container's own network namespace, not --network host",
            ));
        }
        true
    } else {
        false
    };
    if !allowed {
        return Err(bad(
            "not a namespaced sysctl a container may set (allowed: kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*, net.*)",
        ));
    }
    Ok((key.to_string(), value.to_string()))
}

/// One `--add-host` line of the generated /etc/hosts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostEntry {
    /// The host name.
    pub name: String,
    /// Its address.
    pub ip: IpAddr,
}

/// Whether `name` is a host name by RFC 1123 (labels of letters, digits and
/// inner hyphens, at most 63 bytes each and 253 in all).
pub fn is_valid_hostname(name: &str) -> bool {
    name.len() <= 253
        && !name.is_empty()
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

impl HostEntry {
    /// Parse `NAME:IP` (an IPv6 address may follow the first colon, or be in
    /// brackets); both parts are checked, so nothing else reaches /etc/hosts.
    pub fn parse(text: &str) -> Result<HostEntry> {
        let bad = |why: &str| {
            RuntimeError::Start(format!(
                "invalid --add-host {text:?}: {why} (expected NAME:IP, such as db:10.1.2.3)"
            ))
        };
        let (name, ip) = text.split_once(':').ok_or_else(|| bad("no colon"))?;
        if !is_valid_hostname(name) {
            return Err(bad(&format!("{name:?} is not a valid host name")));
        }
        let ip = ip.trim_start_matches('[').trim_end_matches(']');
        let ip: IpAddr = ip
            .parse()
            .map_err(|_| bad(&format!("{ip:?} is not an IP address")))?;
        Ok(HostEntry {
            name: name.to_string(),
            ip,
        })
    }

    /// The /etc/hosts line.
    pub fn line(&self) -> String {
        format!("{}\t{}\n", self.ip, self.name)
    }
}

/// `-a/--attach`: which of the caller's streams a foreground container uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attach {
    /// The caller's stdin reaches the container (with `-i`).
    pub stdin: bool,
    /// The container's stdout reaches the caller's.
    pub stdout: bool,
    /// The container's stderr reaches the caller's.
    pub stderr: bool,
}

impl Default for Attach {
    fn default() -> Attach {
        Attach {
            stdin: true,
            stdout: true,
            stderr: true,
        }
    }
}

impl Attach {
    /// From the `-a` values (`stdin`, `stdout`, `stderr`, any case); none given
    /// attaches all three.
    pub fn parse(values: &[String]) -> Result<Attach> {
        if values.is_empty() {
            return Ok(Attach::default());
        }
        let mut a = Attach {
            stdin: false,
            stdout: false,
            stderr: false,
        };
        for v in values {
            match v.to_ascii_lowercase().as_str() {
                "stdin" => a.stdin = true,
                "stdout" => a.stdout = true,
                "stderr" => a.stderr = true,
                _ => {
                    return Err(RuntimeError::Start(format!(
                        "invalid --attach {v:?}: expected stdin, stdout or stderr"
                    )))
                }
            }
        }
        Ok(a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_raise_limits_is_the_effective_sys_resource_capability() {
        // The kernel's answer agrees with the status file's CapEff bit 24.
        let status = std::fs::read_to_string("/proc/self/status").unwrap();
        let eff = status
            .lines()
            .find_map(|l| l.strip_prefix("CapEff:"))
            .map(|hex| u64::from_str_radix(hex.trim(), 16).unwrap())
            .unwrap();
        assert_eq!(can_raise_limits(), eff & (1 << 24) != 0);
    }

    #[test]
    fn ulimits_parse_and_default() {
        let u = Ulimit::parse("nofile=100:200").unwrap();
        assert_eq!((u.soft, u.hard), (100, 200));
        let u = Ulimit::parse("core=0").unwrap();
        assert_eq!((u.soft, u.hard), (0, 0));
        for bad in [
            "nofile",
            "nofile=x",
            "bogus=1",
            "nofile=200:100",
            "nofile=1:",
        ] {
            assert!(Ulimit::parse(bad).is_err(), "{bad}");
        }
        let (_, max) = current_limit(libc::RLIMIT_NOFILE);
        assert_eq!(Ulimit::parse("nofile=-1").unwrap().hard, max);
        let all = with_default_ulimits(vec![Ulimit::parse("nofile=10").unwrap()], false);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].soft, 10);
        assert_eq!(all[1].name, "nproc");
        assert!(all[1].hard <= DEFAULT_ULIMIT);
        if max < u64::MAX {
            let above = Ulimit {
                name: "nofile".into(),
                soft: 1,
                hard: max + 1,
            };
            assert!(above.check_raisable(false).is_err());
            assert!(above.check_raisable(true).is_ok());
        }
    }

    #[test]
    fn only_namespaced_sysctls_pass() {
        assert!(parse_sysctl("kernel.shmmax=65536", true, false).is_ok());
        assert!(parse_sysctl("kernel.shmmax=65536", false, true).is_err());
        assert!(parse_sysctl("fs.mqueue.msg_max=20", true, false).is_ok());
        assert!(parse_sysctl("net.ipv4.ip_forward=1", true, true).is_ok());
        assert!(parse_sysctl("net.ipv4.ip_forward=1", true, false).is_err());
        for bad in [
            "vm.swappiness=1",
            "kernel.hostname=x",
            "kernel.shmmax",
            "kernel..shmmax=1",
            "kernel/../shmmax=1",
            "kernel.shmmax=1\n2",
            "kernel.shmmax=",
        ] {
            assert!(parse_sysctl(bad, true, true).is_err(), "{bad}");
        }
    }

    #[test]
    fn add_host_refuses_injection() {
        let e = HostEntry::parse("db:10.1.2.3").unwrap();
        assert_eq!(e.line(), "10.1.2.3\tdb\n");
        assert_eq!(HostEntry::parse("v6:[::1]").unwrap().line(), "::1\tv6\n");
        for bad in [
            "x:1.2.3.4\n5.6.7.8 evil",
            "x y:1.2.3.4",
            "x\n5.6.7.8 evil:1.2.3.4",
            "-x:1.2.3.4",
            ":1.2.3.4",
            "x:",
            "x",
            "x:999.1.1.1",
        ] {
            assert!(HostEntry::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn attach_streams() {
        assert_eq!(Attach::parse(&[]).unwrap(), Attach::default());
        let a = Attach::parse(&["stdout".into()]).unwrap();
        assert!(a.stdout && !a.stderr && !a.stdin);
        assert!(Attach::parse(&["stdio".into()]).is_err());
    }
}
