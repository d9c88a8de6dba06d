//! `stats`: a running container's usage from its cgroup ([`crate::cgroups::usage`])
//! and its network namespace (`/proc/PID/net/dev`). Without a cgroup (rootless on a
//! cgroup v1 host, or v2 without delegation) there is nothing to read: an error that
//! names the reason, as Podman gives when cgroups are unavailable.

use coracle_storage::ContainerRecord;

use crate::cgroups::usage::{read_usage, Usage};
use crate::error::{Result, RuntimeError};
use crate::lifecycle::launch::now;

/// One container's figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContainerStats {
    /// Its cgroup's reading.
    pub usage: Usage,
    /// CPU time as a share of one CPU since it started, percent.
    pub cpu_percent: f64,
    /// Memory in use as a share of its limit, percent.
    pub memory_percent: f64,
    /// Bytes received on its network interfaces (loopback aside).
    pub net_input: u64,
    /// Bytes sent.
    pub net_output: u64,
    /// Seconds since it started.
    pub uptime_secs: u64,
}

/// Read the figures of the running container `record`.
pub fn stats(record: &ContainerRecord) -> Result<ContainerStats> {
    let pid = match (record.state.is_active(), record.pid) {
        (true, Some(pid)) if pid > 0 => pid,
        _ => {
            return Err(RuntimeError::Start(format!(
                "container {} is {}: stats needs a running container",
                record.name,
                record.state.as_str()
            )))
        }
    };
    let cgroup = crate::cgroups::existing(&record.id).map_err(|reason| {
        RuntimeError::Cgroup(format!(
            "cannot read the stats of container {}: {reason}",
            record.name
        ))
    })?;
    let usage = read_usage(&cgroup);
    let uptime_secs = record.started.map_or(0, |s| (now() - s).max(0) as u64);
    let (net_input, net_output) = net_io(pid);
    Ok(ContainerStats {
        usage,
        cpu_percent: percent(usage.cpu_ns as f64, uptime_secs.max(1) as f64 * 1e9),
        memory_percent: percent(usage.memory as f64, usage.memory_limit as f64),
        net_input,
        net_output,
        uptime_secs,
    })
}

fn percent(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        part * 100.0 / whole
    } else {
        0.0
    }
}

/// Received and sent bytes of every interface but `lo` in the network namespace of
/// process `pid`.
fn net_io(pid: i32) -> (u64, u64) {
    let text = std::fs::read_to_string(format!("/proc/{pid}/net/dev")).unwrap_or_default();
    parse_net_dev(&text)
}

/// `/proc/net/dev`: `IFACE: rx_bytes rx_packets … (8 receive fields) tx_bytes …`.
fn parse_net_dev(text: &str) -> (u64, u64) {
    let mut totals = (0u64, 0u64);
    for line in text.lines().skip(2) {
        let Some((name, fields)) = line.split_once(':') else {
            continue;
        };
        if name.trim() == "lo" {
            continue;
        }
        let fields: Vec<u64> = fields
            .split_whitespace()
            .map(|f| f.parse().unwrap_or(0))
            .collect();
        if let (Some(rx), Some(tx)) = (fields.first(), fields.get(8)) {
            totals.0 += rx;
            totals.1 += tx;
        }
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn net_dev_without_loopback() {
        let text = "Inter-|   Receive |  Transmit\n face |bytes packets|bytes\n    lo: 500 5 0 0 0 0 0 0 500 5 0 0 0 0 0 0\n  eth0: 1200 10 0 0 0 0 0 0 300 3 0 0 0 0 0 0\n";
        assert_eq!(parse_net_dev(text), (1200, 300));
        assert_eq!(percent(1.0, 0.0), 0.0);
        assert_eq!(percent(1.0, 4.0), 25.0);
    }
}
