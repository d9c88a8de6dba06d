//! `top`: the processes of a running container, ps-style, read from the host's
//! `/proc`. A process belongs to the container when its PID namespace is the one of
//! the container's init (so `exec`'d processes count too); pids, users and groups
//! are shown as the container sees them, names from the container's own passwd and
//! group files (read inside its root). The descriptors are Podman's (psgo's).

use std::collections::HashMap;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::path::Path;

use rustix::fs::{Mode, OFlags};

use crate::error::{Result, RuntimeError};
use crate::ids::passwd;
use crate::process::join::ContainerNamespaces;
use crate::process::procfs::{self, ProcStat};

/// Podman's default descriptors (`USER PID PPID %CPU ELAPSED TTY TIME COMMAND`).
pub const DEFAULT_DESCRIPTORS: [&str; 8] = [
    "user", "pid", "ppid", "pcpu", "etime", "tty", "time", "args",
];

/// Every descriptor `top` knows, with its header.
const DESCRIPTORS: &[(&str, &str)] = &[
    ("args", "COMMAND"),
    ("comm", "COMMAND"),
    ("etime", "ELAPSED"),
    ("group", "GROUP"),
    ("hgroup", "HGROUP"),
    ("hpid", "HPID"),
    ("huser", "HUSER"),
    ("nice", "NI"),
    ("pcpu", "%CPU"),
    ("pgid", "PGID"),
    ("pid", "PID"),
    ("ppid", "PPID"),
    ("rss", "RSS"),
    ("state", "STATE"),
    ("time", "TIME"),
    ("tty", "TTY"),
    ("user", "USER"),
    ("vsz", "VSZ"),
];

/// At most this much of a command line is shown.
const MAX_CMDLINE: u64 = 64 * 1024;

/// The descriptors asked for (`pid,user` or separate words; none: the default),
/// each checked; an unknown one is an error listing the known ones.
pub fn parse_descriptors(words: &[String]) -> Result<Vec<&'static str>> {
    let asked: Vec<&str> = words
        .iter()
        .flat_map(|w| w.split([',', ' ']))
        .filter(|w| !w.is_empty())
        .collect();
    if asked.is_empty() {
        return Ok(DEFAULT_DESCRIPTORS.to_vec());
    }
    asked
        .into_iter()
        .map(|w| {
            DESCRIPTORS
                .iter()
                .find(|(name, _)| *name == w)
                .map(|(name, _)| *name)
                .ok_or_else(|| {
                    let known: Vec<&str> = DESCRIPTORS.iter().map(|(n, _)| *n).collect();
                    RuntimeError::Start(format!(
                        "unknown top descriptor {w:?}: use one of {}",
                        known.join(", ")
                    ))
                })
        })
        .collect()
}

/// One process of the container.
#[derive(Debug, Clone)]
struct Process {
    host_pid: i32,
    /// Its pid in the container's PID namespace.
    pid: i32,
    stat: ProcStat,
    host_uid: u32,
    host_gid: u32,
    cmdline: String,
}

/// A uid or gid map as read from the host: `(inside, outside, count)` lines.
fn id_map(proc_dir: BorrowedFd<'_>, file: &str) -> Vec<(u32, u32, u32)> {
    procfs::read_at(proc_dir, file)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let f: Vec<u32> = l
                .split_whitespace()
                .filter_map(|v| v.parse().ok())
                .collect();
            (f.len() == 3).then(|| (f[0], f[1], f[2]))
        })
        .collect()
}

/// A host id seen from inside (`None`: not mapped).
fn inside(map: &[(u32, u32, u32)], host: u32) -> Option<u32> {
    map.iter()
        .find(|(_, out, n)| host >= *out && host - out < *n)
        .map(|(ins, out, _)| ins + (host - out))
}

/// The value of a `Key:\tv1\tv2` line of a status file, as numbers.
fn status_numbers(status: &str, key: &str) -> Vec<i64> {
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .map(|rest| {
            rest.split_whitespace()
                .filter_map(|v| v.parse().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// The process `host_pid` if its PID namespace is `pid_ns`.
fn read_process(host_pid: i32, pid_ns: (u64, u64)) -> Option<Process> {
    let dir: OwnedFd = rustix::fs::open(
        format!("/proc/{host_pid}").as_str(),
        OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .ok()?;
    let ns = rustix::fs::statat(&dir, "ns/pid", rustix::fs::AtFlags::empty()).ok()?;
    if (ns.st_dev, ns.st_ino) != pid_ns {
        return None;
    }
    let stat = procfs::stat_at(dir.as_fd()).ok()?;
    let status = procfs::read_at(dir.as_fd(), "status").ok()?;
    let cmdline = {
        use std::io::Read;
        let fd = rustix::fs::openat(
            &dir,
            "cmdline",
            OFlags::RDONLY | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .ok()?;
        let mut bytes = Vec::new();
        std::fs::File::from(fd)
            .take(MAX_CMDLINE)
            .read_to_end(&mut bytes)
            .ok()?;
        let text = String::from_utf8_lossy(&bytes).replace('\0', " ");
        text.trim_end().to_string()
    };
    let first = |key: &str| status_numbers(&status, key).first().copied();
    Some(Process {
        host_pid,
        pid: status_numbers(&status, "NSpid:")
            .last()
            .map_or(host_pid, |p| *p as i32),
        host_uid: first("Uid:")? as u32,
        host_gid: first("Gid:")? as u32,
        stat,
        cmdline,
    })
}

/// A duration the way Go prints it to whole seconds (`0s`, `7s`, `1m30s`, `2h0m5s`).
fn go_duration(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, _) => format!("{m}m{s}s"),
        _ => format!("{h}h{m}m{s}s"),
    }
}

/// A controlling terminal's name (`pts/N`, `ttyN`), `?` for none.
fn tty_name(tty_nr: u64) -> String {
    let major = (tty_nr >> 8) & 0xfff;
    let minor = (tty_nr & 0xff) | ((tty_nr >> 12) & 0xfff00);
    match major {
        0 => "?".into(),
        136..=143 => format!("pts/{}", (major - 136) * 256 + minor),
        4 => format!("tty{minor}"),
        _ => "?".into(),
    }
}

/// Everything `top` needs to describe the container's processes.
struct View {
    processes: Vec<Process>,
    /// Host pid → pid inside.
    inner_pid: HashMap<i32, i32>,
    uid_map: Vec<(u32, u32, u32)>,
    gid_map: Vec<(u32, u32, u32)>,
    passwd: String,
    group: String,
    now: f64,
    boot: i64,
}

impl View {
    fn user(&self, host_uid: u32) -> String {
        match inside(&self.uid_map, host_uid) {
            Some(uid) => {
                passwd::user_by_uid(&self.passwd, uid).map_or_else(|| uid.to_string(), |e| e.name)
            }
            None => host_uid.to_string(),
        }
    }

    fn group(&self, host_gid: u32) -> String {
        match inside(&self.gid_map, host_gid) {
            Some(gid) => {
                passwd::group_by_gid(&self.group, gid).map_or_else(|| gid.to_string(), |e| e.name)
            }
            None => host_gid.to_string(),
        }
    }

    fn cell(&self, p: &Process, descriptor: &str) -> String {
        let ticks = procfs::ticks_per_second();
        let cpu = (p.stat.utime + p.stat.stime) / ticks;
        let started = self.boot as f64 + p.stat.starttime as f64 / ticks as f64;
        let elapsed = (self.now - started).max(0.0);
        let page_kib = rustix::param::page_size() as u64 / 1024;
        let inner = |host: i32| self.inner_pid.get(&host).copied().unwrap_or(0);
        match descriptor {
            "args" if p.cmdline.is_empty() => format!("[{}]", p.stat.comm),
            "args" => p.cmdline.clone(),
            "comm" => p.stat.comm.clone(),
            "etime" => go_duration(elapsed as u64),
            "group" => self.group(p.host_gid),
            "hgroup" => p.host_gid.to_string(),
            "hpid" => p.host_pid.to_string(),
            "huser" => p.host_uid.to_string(),
            "nice" => p.stat.nice.to_string(),
            "pcpu" if elapsed > 0.0 => format!("{:.3}", cpu as f64 * 100.0 / elapsed),
            "pcpu" => "0.000".into(),
            "pgid" => inner(p.stat.pgid).to_string(),
            "pid" => p.pid.to_string(),
            "ppid" => inner(p.stat.ppid).to_string(),
            "rss" => (p.stat.rss_pages * page_kib).to_string(),
            "state" => p.stat.state.to_string(),
            "time" => go_duration(cpu),
            "tty" => tty_name(p.stat.tty_nr),
            "user" => self.user(p.host_uid),
            "vsz" => (p.stat.vsize / 1024).to_string(),
            _ => String::new(),
        }
    }
}

/// The PID namespace of the container's init (`init`) and the host pids of every
/// process in it now.
pub fn members(init: &ContainerNamespaces) -> Result<((u64, u64), Vec<i32>)> {
    let os = |action: &'static str| move |e: std::io::Error| RuntimeError::Os { action, source: e };
    let ns = rustix::fs::statat(init.proc_dir(), "ns/pid", rustix::fs::AtFlags::empty())
        .map_err(|e| os("read the container's PID namespace")(e.into()))?;
    let pid_ns = (ns.st_dev, ns.st_ino);
    let in_namespace = |pid: i32| {
        rustix::fs::stat(format!("/proc/{pid}/ns/pid").as_str())
            .is_ok_and(|st| (st.st_dev, st.st_ino) == pid_ns)
    };
    let pids = std::fs::read_dir("/proc")
        .map_err(os("list processes"))?
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<i32>().ok())
        .filter(|&p| in_namespace(p))
        .collect();
    Ok((pid_ns, pids))
}

/// The table `top` prints for the container whose init is `pid` (recorded as
/// started at `started`): a header row, then one row per process, by pid inside.
pub fn top(pid: i32, started: Option<i64>, descriptors: &[&str]) -> Result<Vec<Vec<String>>> {
    let init = ContainerNamespaces::open(pid, started)?;
    let os = |action: &'static str| move |e: std::io::Error| RuntimeError::Os { action, source: e };
    let (pid_ns, host_pids) = members(&init)?;
    let mut processes: Vec<Process> = host_pids
        .into_iter()
        .filter_map(|p| read_process(p, pid_ns))
        .collect();
    processes.sort_by_key(|p| p.pid);
    let root = Path::new("/proc").join(pid.to_string()).join("root");
    let read = |file: &str| {
        passwd::read_in_root(&root, file)
            .ok()
            .flatten()
            .unwrap_or_default()
    };
    let view = View {
        inner_pid: processes.iter().map(|p| (p.host_pid, p.pid)).collect(),
        uid_map: id_map(init.proc_dir(), "uid_map"),
        gid_map: id_map(init.proc_dir(), "gid_map"),
        passwd: read("etc/passwd"),
        group: read("etc/group"),
        now: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0),
        boot: procfs::boot_time().map_err(os("read the boot time"))?,
        processes,
    };
    let header = descriptors
        .iter()
        .map(|d| {
            DESCRIPTORS
                .iter()
                .find(|(n, _)| n == d)
                .map_or("", |(_, h)| *h)
                .to_string()
        })
        .collect();
    let mut rows = vec![header];
    rows.extend(
        view.processes
            .iter()
            .map(|p| descriptors.iter().map(|d| view.cell(p, d)).collect()),
    );
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptors_parse_like_podman() {
        assert_eq!(parse_descriptors(&[]).unwrap(), DEFAULT_DESCRIPTORS);
        let words = vec!["pid,user".to_string(), "args".to_string()];
        assert_eq!(parse_descriptors(&words).unwrap(), ["pid", "user", "args"]);
        let err = parse_descriptors(&["pid,bogus".into()])
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"bogus\"") && err.contains("hpid"), "{err}");
    }

    #[test]
    fn ids_map_and_durations_format() {
        let map = [(0, 1000, 1), (1, 100000, 65536)];
        assert_eq!(inside(&map, 1000), Some(0));
        assert_eq!(inside(&map, 100999), Some(1000));
        assert_eq!(inside(&map, 5), None);
        assert_eq!(go_duration(0), "0s");
        assert_eq!(go_duration(90), "1m30s");
        assert_eq!(go_duration(7205), "2h0m5s");
        assert_eq!(tty_name(0), "?");
        assert_eq!(tty_name((136 << 8) | 3), "pts/3");
    }
}
