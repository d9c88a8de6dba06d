//! `--memory`, `--memory-swap`, `--cpus`, `--cpu-shares`, `--pids-limit`: the
//! resource limits of a container's saved spec, parsed with Podman's units.

use serde::{Deserialize, Serialize};

use crate::error::{Result, RuntimeError};

/// The cgroup limits a container asked for; `None` leaves a resource unlimited.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Resources {
    /// `--memory`, bytes.
    pub memory: Option<u64>,
    /// `--memory-swap`, bytes of memory plus swap; `Some(-1)` is unlimited swap.
    pub memory_swap: Option<i64>,
    /// `--cpus`, in billionths of a CPU (Docker's NanoCpus).
    pub nano_cpus: Option<u64>,
    /// `--cpu-shares`, the relative weight (1024 is the default share).
    pub cpu_shares: Option<u64>,
    /// `--pids-limit`.
    pub pids_limit: Option<u64>,
}

/// The CFS period `--cpus` is expressed in, microseconds (Podman's).
pub const CPU_PERIOD_US: u64 = 100_000;

impl Resources {
    /// Whether any limit is asked for.
    pub fn any(&self) -> bool {
        *self != Resources::default()
    }

    /// The CFS quota per [`CPU_PERIOD_US`] that `--cpus` gives, microseconds.
    pub fn cpu_quota_us(&self) -> Option<u64> {
        self.nano_cpus
            .map(|n| (n.saturating_mul(CPU_PERIOD_US) / 1_000_000_000).max(1000))
    }

    /// The memory-plus-swap limit to write: `--memory-swap` when given (-1 is
    /// unlimited: `None`), else twice `--memory` as Podman does.
    pub fn memory_and_swap(&self) -> Option<u64> {
        match (self.memory_swap, self.memory) {
            (Some(-1), _) => None,
            (Some(total), _) => u64::try_from(total).ok(),
            (None, Some(memory)) => memory.checked_mul(2),
            (None, None) => None,
        }
    }

    /// Check that the limits fit together (`--memory-swap` needs `--memory`, and at
    /// least as much).
    pub fn check(&self) -> Result<()> {
        match (self.memory_swap, self.memory) {
            (Some(swap), None) if swap != -1 => Err(bad(
                "--memory-swap",
                &swap.to_string(),
                "it needs --memory too",
            )),
            (Some(swap), Some(memory)) if swap != -1 && (swap as u64) < memory => Err(bad(
                "--memory-swap",
                &swap.to_string(),
                "it must be at least as large as --memory (it counts memory plus swap)",
            )),
            _ => Ok(()),
        }
    }
}

fn bad(flag: &str, value: &str, why: &str) -> RuntimeError {
    RuntimeError::Start(format!("invalid {flag} {value:?}: {why}"))
}

/// A size with Podman's units: `512`, `512b`, `64k`, `32m`, `1g` (binary
/// multiples); `-1` is unlimited (`None`).
pub fn parse_bytes(flag: &str, text: &str) -> Result<Option<u64>> {
    if text.trim() == "-1" {
        return Ok(None);
    }
    let lower = text.trim().to_ascii_lowercase();
    let number = lower.strip_suffix('b').unwrap_or(&lower);
    let (digits, shift) = match number.as_bytes().last() {
        Some(b'k') => (&number[..number.len() - 1], 10),
        Some(b'm') => (&number[..number.len() - 1], 20),
        Some(b'g') => (&number[..number.len() - 1], 30),
        Some(b't') => (&number[..number.len() - 1], 40),
        _ => (number, 0),
    };
    let why = "expected a size such as 512k, 32m or 1g, or -1 for unlimited";
    let value: f64 = digits.parse().map_err(|_| bad(flag, text, why))?;
    let bytes = value * (1u64 << shift) as f64;
    if !value.is_finite() || value <= 0.0 || bytes >= u64::MAX as f64 {
        return Err(bad(flag, text, why));
    }
    Ok(Some(bytes as u64))
}

/// `--memory`: a size of at least 6 MiB (Podman's minimum).
pub fn parse_memory(text: &str) -> Result<Option<u64>> {
    let bytes = parse_bytes("--memory", text)?;
    if bytes.is_some_and(|b| b < 6 << 20) {
        return Err(bad(
            "--memory",
            text,
            "the minimum memory limit is 6m (6 MiB)",
        ));
    }
    Ok(bytes)
}

/// `--memory-swap`: a size, or -1 for unlimited swap.
pub fn parse_memory_swap(text: &str) -> Result<i64> {
    Ok(match parse_bytes("--memory-swap", text)? {
        None => -1,
        Some(b) => {
            i64::try_from(b).map_err(|_| bad("--memory-swap", text, "the size is too large"))?
        }
    })
}

/// `--cpus`: a positive number of CPUs such as `0.5` or `2`.
pub fn parse_cpus(text: &str) -> Result<u64> {
    let why = "expected a positive number of CPUs such as 0.5 or 2";
    let cpus: f64 = text.trim().parse().map_err(|_| bad("--cpus", text, why))?;
    if !cpus.is_finite() || cpus <= 0.0 || cpus > 1e6 {
        return Err(bad("--cpus", text, why));
    }
    Ok((cpus * 1e9).round() as u64)
}

/// `--pids-limit`: a positive count; `-1` and `0` are unlimited (`None`).
pub fn parse_pids_limit(text: &str) -> Result<Option<u64>> {
    match text.trim().parse::<i64>() {
        Ok(-1) | Ok(0) => Ok(None),
        Ok(n) if n > 0 => Ok(Some(n as u64)),
        _ => Err(bad(
            "--pids-limit",
            text,
            "expected a positive number of processes, or -1 for unlimited",
        )),
    }
}

/// `--cpu-shares`: a weight from 2 to 262144.
pub fn parse_cpu_shares(text: &str) -> Result<u64> {
    match text.trim().parse::<u64>() {
        Ok(n) if (2..=262_144).contains(&n) => Ok(n),
        _ => Err(bad(
            "--cpu-shares",
            text,
            "expected a weight from 2 to 262144 (1024 is the default)",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_use_podmans_units() {
        assert_eq!(parse_bytes("--memory", "32m").unwrap(), Some(32 << 20));
        assert_eq!(parse_bytes("--memory", "1g").unwrap(), Some(1 << 30));
        assert_eq!(parse_bytes("--memory", "1.5k").unwrap(), Some(1536));
        assert_eq!(parse_bytes("--memory", "100").unwrap(), Some(100));
        assert_eq!(parse_bytes("--memory", "64MB").unwrap(), Some(64 << 20));
        assert_eq!(parse_bytes("--memory", "-1").unwrap(), None);
        for bad in ["", "m", "x", "-5m", "0", "1q"] {
            assert!(parse_bytes("--memory", bad).is_err(), "{bad}");
        }
        assert!(parse_memory("1m").unwrap_err().to_string().contains("6m"));
        assert_eq!(parse_memory_swap("-1").unwrap(), -1);
    }

    #[test]
    fn cpus_pids_and_shares() {
        assert_eq!(parse_cpus("0.5").unwrap(), 500_000_000);
        assert!(parse_cpus("0").is_err() && parse_cpus("x").is_err());
        assert_eq!(parse_pids_limit("20").unwrap(), Some(20));
        assert_eq!(parse_pids_limit("-1").unwrap(), None);
        assert!(parse_pids_limit("-2").is_err());
        assert_eq!(parse_cpu_shares("512").unwrap(), 512);
        assert!(parse_cpu_shares("1").is_err());
    }

    #[test]
    fn derived_limits() {
        let r = Resources {
            memory: Some(32 << 20),
            nano_cpus: Some(500_000_000),
            ..Default::default()
        };
        assert!(r.any() && !Resources::default().any());
        assert_eq!(r.memory_and_swap(), Some(64 << 20));
        assert_eq!(r.cpu_quota_us(), Some(50_000));
        let unlimited_swap = Resources {
            memory_swap: Some(-1),
            ..r.clone()
        };
        assert_eq!(unlimited_swap.memory_and_swap(), None);
        let too_small = Resources {
            memory_swap: Some(1 << 20),
            ..r
        };
        assert!(too_small.check().is_err());
        let without_memory = Resources {
            memory_swap: Some(64 << 20),
            ..Default::default()
        };
        assert!(without_memory.check().is_err());
    }
}
