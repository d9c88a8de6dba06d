//! `--userns auto`: each such container gets a range of the caller's subordinate ids
//! that no other auto container of the store holds. The range is chosen under a
//! store-wide lock kept until the container's record is saved, and saved in the
//! container's spec ([`IdMappingMode::Auto`]); the spec leaves with the container,
//! and with it the range.

use coracle_storage::{Store, StoreLock};

use crate::error::{Result, RuntimeError};
use crate::ids::idmap::{self, UserNsPlan};
use crate::spec::{ContainerConfig, IdMappingMode, MapTriple};

/// The lock file that serialises the choice of ranges.
const LOCK_FILE: &str = "userns-auto.lock";

/// For a container created with `--userns auto`: choose its uid and gid ranges among
/// the ids 1.. of the caller's default mapping `stored` (0 is the caller, never
/// given), save them in `config`, and return the lock to hold until its record is
/// saved. Nothing to do (None) for other modes or an already chosen range.
pub fn allocate(
    store: &Store,
    config: &mut ContainerConfig,
    stored: Option<&UserNsPlan>,
) -> Result<Option<StoreLock>> {
    let IdMappingMode::Auto { size, uids, .. } = &config.id_mapping else {
        return Ok(None);
    };
    let (size, chosen) = (*size, !uids.is_empty());
    let Some(stored) = stored.filter(|_| !chosen) else {
        return Ok(None);
    };
    let lock = StoreLock::exclusive(&store.root.join(LOCK_FILE))?;
    let (mut used_uids, mut used_gids) = (Vec::new(), Vec::new());
    for record in store.db.list_containers()? {
        let Ok(other) = ContainerConfig::from_json(&record.id, &record.config) else {
            continue;
        };
        if let IdMappingMode::Auto { uids, gids, .. } = other.id_mapping {
            used_uids.extend(uids);
            used_gids.extend(gids);
        }
    }
    let pick = |used: &[MapTriple], map, what: &str| {
        first_free(used, size, idmap::max_container_id(map)).ok_or_else(|| {
            RuntimeError::Start(format!(
                "--userns auto:size={size}: no {size} of your subordinate {what} are free of other auto containers; remove some, or ask for a smaller size"
            ))
        })
    };
    let uid_start = pick(&used_uids, &stored.uid_map, "uids")?;
    let gid_start = pick(&used_gids, &stored.gid_map, "gids")?;
    let triple = |from| MapTriple {
        container_id: 0,
        from,
        size,
    };
    config.id_mapping = IdMappingMode::Auto {
        size,
        uids: vec![triple(uid_start)],
        gids: vec![triple(gid_start)],
    };
    Ok(Some(lock))
}

/// The first id from 1 on where `size` ids up to `last` lie outside every `used`
/// range (their `from..from+size`).
fn first_free(used: &[MapTriple], size: u32, last: u32) -> Option<u32> {
    let mut taken: Vec<(u64, u64)> = used
        .iter()
        .map(|t| (u64::from(t.from), u64::from(t.from) + u64::from(t.size)))
        .collect();
    taken.sort();
    let mut start = 1u64;
    for (from, end) in taken {
        if start + u64::from(size) <= from {
            break;
        }
        start = start.max(end);
    }
    (start + u64::from(size) <= u64::from(last) + 1)
        .then_some(start)
        .and_then(|s| u32::try_from(s).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(from: u32, size: u32) -> MapTriple {
        MapTriple {
            container_id: 0,
            from,
            size,
        }
    }

    #[test]
    fn ranges_are_first_fit_and_disjoint() {
        assert_eq!(first_free(&[], 1024, 65536), Some(1));
        assert_eq!(first_free(&[t(1, 1024)], 1024, 65536), Some(1025));
        // A hole big enough is reused; one too small is skipped.
        assert_eq!(first_free(&[t(2049, 1024)], 1024, 65536), Some(1));
        assert_eq!(first_free(&[t(1000, 10)], 1024, 65536), Some(1010));
        assert_eq!(
            first_free(&[t(1025, 5), t(1, 1024)], 1024, 65536),
            Some(1030)
        );
        assert_eq!(first_free(&[], 65536, 65536), Some(1));
        assert_eq!(first_free(&[t(1, 1)], 65536, 65536), None);
    }
}
