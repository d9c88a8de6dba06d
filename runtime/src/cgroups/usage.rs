//! What a container's cgroup says it uses, for `stats`: CPU time, memory (without
//! the inactive page cache, as Podman and Docker count it) and its limit, the number
//! of processes, and bytes read and written on block devices.

use std::path::Path;

use super::{keyed, read, Cgroup};

/// One reading of a container's cgroup.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// CPU time used, nanoseconds.
    pub cpu_ns: u64,
    /// Memory in use, bytes.
    pub memory: u64,
    /// The memory limit, bytes (the host's memory when unlimited).
    pub memory_limit: u64,
    /// Processes (and threads) in it.
    pub pids: u64,
    /// Bytes read from block devices.
    pub block_read: u64,
    /// Bytes written to block devices.
    pub block_write: u64,
}

/// The host's memory, bytes (from /proc/meminfo).
pub fn host_memory() -> u64 {
    let text = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

fn number(text: &str) -> Option<u64> {
    text.trim().parse().ok()
}

/// Read `cgroup`'s usage now.
pub fn read_usage(cgroup: &Cgroup) -> Usage {
    let host = host_memory();
    let limit = |value: Option<u64>| value.filter(|&v| v > 0 && v < host).unwrap_or(host);
    match cgroup {
        Cgroup::V1(_) => {
            let dir = |c: &str| cgroup.controller(c);
            let memory = dir("memory");
            let stat = memory.map(|d| read(d, "memory.stat")).unwrap_or_default();
            let used = memory
                .and_then(|d| number(&read(d, "memory.usage_in_bytes")))
                .unwrap_or(0);
            let (block_read, block_write) = dir("blkio").map_or((0, 0), v1_block_io);
            Usage {
                cpu_ns: dir("cpuacct")
                    .and_then(|d| number(&read(d, "cpuacct.usage")))
                    .unwrap_or(0),
                memory: used.saturating_sub(keyed(&stat, "total_inactive_file").unwrap_or(0)),
                memory_limit: limit(memory.and_then(|d| number(&read(d, "memory.limit_in_bytes")))),
                pids: dir("pids")
                    .and_then(|d| number(&read(d, "pids.current")))
                    .unwrap_or(0),
                block_read,
                block_write,
            }
        }
        Cgroup::V2(dir) => {
            let stat = read(dir, "memory.stat");
            let used = number(&read(dir, "memory.current")).unwrap_or(0);
            let (block_read, block_write) = v2_block_io(&read(dir, "io.stat"));
            Usage {
                cpu_ns: keyed(&read(dir, "cpu.stat"), "usage_usec").unwrap_or(0) * 1000,
                memory: used.saturating_sub(keyed(&stat, "inactive_file").unwrap_or(0)),
                memory_limit: limit(number(&read(dir, "memory.max"))),
                pids: number(&read(dir, "pids.current")).unwrap_or(0),
                block_read,
                block_write,
            }
        }
    }
}

/// v1 `blkio.throttle.io_service_bytes`: `MAJ:MIN Read N` lines summed per direction.
fn v1_block_io(dir: &Path) -> (u64, u64) {
    let text = read(dir, "blkio.throttle.io_service_bytes");
    let mut totals = (0u64, 0u64);
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let [_, op, value] = words[..] {
            let value = value.parse().unwrap_or(0u64);
            match op {
                "Read" => totals.0 += value,
                "Write" => totals.1 += value,
                _ => {}
            }
        }
    }
    totals
}

/// v2 `io.stat`: `MAJ:MIN rbytes=N wbytes=N ...` lines summed.
fn v2_block_io(text: &str) -> (u64, u64) {
    let mut totals = (0u64, 0u64);
    for field in text.split_whitespace() {
        let value = |prefix| {
            field
                .strip_prefix(prefix)
                .and_then(|v: &str| v.parse().ok())
        };
        totals.0 += value("rbytes=").unwrap_or(0u64);
        totals.1 += value("wbytes=").unwrap_or(0u64);
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v2_io_stat_is_summed() {
        let text = "8:0 rbytes=100 wbytes=20 rios=1 wios=1\n8:16 rbytes=5 wbytes=7\n";
        assert_eq!(v2_block_io(text), (105, 27));
    }

    #[test]
    fn v2_usage_from_files() {
        let dir = std::env::temp_dir().join(format!("coracle-usage-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (f, v) in [
            ("memory.current", "10000\n"),
            ("memory.stat", "anon 1\ninactive_file 4000\n"),
            ("memory.max", "33554432\n"),
            ("cpu.stat", "usage_usec 250\nuser_usec 200\n"),
            ("pids.current", "3\n"),
        ] {
            std::fs::write(dir.join(f), v).unwrap();
        }
        let usage = read_usage(&Cgroup::V2(dir.clone()));
        assert_eq!(usage.memory, 6000);
        assert_eq!(usage.memory_limit, 32 << 20);
        assert_eq!(usage.cpu_ns, 250_000);
        assert_eq!(usage.pids, 3);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
