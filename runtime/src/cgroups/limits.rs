//! Writing a container's [`Resources`] into its cgroup: v1's
//! `memory.limit_in_bytes`, `memory.memsw.limit_in_bytes`, `pids.max`,
//! `cpu.cfs_quota_us`, `cpu.shares`; v2's `memory.max`, `memory.swap.max`,
//! `pids.max`, `cpu.max`, `cpu.weight`.

use std::path::Path;

use super::{write, Cgroup};
use crate::error::{Result, RuntimeError};
use crate::spec::resources::CPU_PERIOD_US;
use crate::spec::Resources;

/// The v2 `cpu.weight` for a v1 `cpu.shares` (runc's conversion: 2..262144 onto
/// 1..10000).
pub fn shares_to_weight(shares: u64) -> u64 {
    let shares = shares.clamp(2, 262_144);
    1 + ((shares - 2) * 9999) / 262_142
}

/// Write every limit of `resources` that is set.
pub fn apply(cgroup: &Cgroup, resources: &Resources) -> Result<()> {
    let dir_for = |controller: &str| {
        cgroup.controller(controller).ok_or_else(|| {
            RuntimeError::Cgroup(format!(
                "the cgroup v1 controller {controller} is not mounted on this host: the container's limits need it"
            ))
        })
    };
    let v1 = matches!(cgroup, Cgroup::V1(_));
    if let Some(memory) = resources.memory {
        let dir = dir_for("memory")?;
        if v1 {
            write(dir, "memory.limit_in_bytes", &memory.to_string())?;
        } else {
            write(dir, "memory.max", &memory.to_string())?;
        }
    }
    if resources.memory.is_some() || resources.memory_swap.is_some() {
        swap(dir_for("memory")?, v1, resources)?;
    }
    if let Some(pids) = resources.pids_limit {
        write(dir_for("pids")?, "pids.max", &pids.to_string())?;
    }
    if let Some(quota) = resources.cpu_quota_us() {
        let dir = dir_for("cpu")?;
        if v1 {
            write(dir, "cpu.cfs_period_us", &CPU_PERIOD_US.to_string())?;
            write(dir, "cpu.cfs_quota_us", &quota.to_string())?;
        } else {
            write(dir, "cpu.max", &format!("{quota} {CPU_PERIOD_US}"))?;
        }
    }
    if let Some(shares) = resources.cpu_shares {
        let dir = dir_for("cpu")?;
        if v1 {
            write(dir, "cpu.shares", &shares.to_string())?;
        } else {
            write(dir, "cpu.weight", &shares_to_weight(shares).to_string())?;
        }
    }
    Ok(())
}

/// The memory-plus-swap limit (v1, where the kernel accounts swap) or the swap
/// limit alone (v2).
fn swap(dir: &Path, v1: bool, resources: &Resources) -> Result<()> {
    let total = resources.memory_and_swap();
    if v1 {
        // Without swap accounting (swapaccount=0) the file is absent: as runc,
        // leave swap unlimited then.
        if !dir.join("memory.memsw.limit_in_bytes").exists() {
            return Ok(());
        }
        let value = total.map_or_else(|| "-1".to_string(), |t| t.to_string());
        return write(dir, "memory.memsw.limit_in_bytes", &value);
    }
    let value = match (total, resources.memory) {
        (Some(total), Some(memory)) => total.saturating_sub(memory).to_string(),
        _ => "max".to_string(),
    };
    write(dir, "memory.swap.max", &value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_map_onto_weights() {
        assert_eq!(shares_to_weight(2), 1);
        assert_eq!(shares_to_weight(262_144), 10_000);
        assert_eq!(shares_to_weight(1024), 39);
    }

    #[test]
    fn limits_land_in_the_v2_files() {
        let dir = std::env::temp_dir().join(format!("coracle-limits-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let resources = Resources {
            memory: Some(32 << 20),
            nano_cpus: Some(1_500_000_000),
            cpu_shares: Some(1024),
            pids_limit: Some(20),
            ..Default::default()
        };
        apply(&Cgroup::V2(dir.clone()), &resources).unwrap();
        let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
        assert_eq!(read("memory.max"), (32u64 << 20).to_string());
        assert_eq!(read("memory.swap.max"), (32u64 << 20).to_string());
        assert_eq!(read("pids.max"), "20");
        assert_eq!(read("cpu.max"), "150000 100000");
        assert_eq!(read("cpu.weight"), "39");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_v1_controller_is_named() {
        let cg = Cgroup::V1(vec![]);
        let err = apply(
            &cg,
            &Resources {
                pids_limit: Some(5),
                ..Default::default()
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("controller pids"), "{err}");
    }
}
