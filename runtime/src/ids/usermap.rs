//! The mapping a container's user namespace gets, from its saved
//! [`IdMappingMode`] and the caller's default rootless mapping (the one layers are
//! unpacked under: the caller is 0, its subordinate ids follow from 1). Every host id
//! of the result comes from that default mapping, so `newuidmap` accepts it; a
//! mapping other than the default sees the layers through fuse-overlayfs's id
//! remapping ([`crate::ids::idmap::fuse_remap`]).

use std::path::Path;

use crate::error::{Result, RuntimeError};
use crate::ids::idmap::{self, IdMapping, IdRange, UserNsPlan};
use crate::spec::{IdMappingMode, MapTriple};

fn refuse(text: String) -> RuntimeError {
    RuntimeError::Start(text)
}

/// The mapping for `mode`; `stored` is the caller's default (None as root, who runs
/// containers without a user namespace and so takes no mapping options).
pub fn plan(mode: &IdMappingMode, stored: Option<&UserNsPlan>) -> Result<Option<UserNsPlan>> {
    let Some(stored) = stored else {
        return match mode {
            IdMappingMode::Default => Ok(None),
            _ => Err(refuse(
                "--userns, --uidmap and --subuidname need a rootless user: containers run by root have no user namespace in coracle yet".into(),
            )),
        };
    };
    let with = |uid_map, gid_map| {
        Ok::<_, RuntimeError>(Some(UserNsPlan {
            uid_map,
            gid_map,
            fallback_reason: None,
        }))
    };
    let planned = match mode {
        IdMappingMode::Default => return Ok(Some(stored.clone())),
        IdMappingMode::KeepId { uid, gid } => {
            let uid = uid.unwrap_or_else(|| rustix::process::getuid().as_raw());
            let gid = gid.unwrap_or_else(|| rustix::process::getgid().as_raw());
            with(
                own_id_at(&stored.uid_map, uid),
                own_id_at(&stored.gid_map, gid),
            )
        }
        IdMappingMode::NoMap => with(
            subordinate_only(&stored.uid_map, "uids")?,
            subordinate_only(&stored.gid_map, "gids")?,
        ),
        IdMappingMode::Explicit { uids, gids } => with(
            translate(&stored.uid_map, uids, "uidmap")?,
            translate(&stored.gid_map, gids, "gidmap")?,
        ),
        IdMappingMode::SubIdNames { uids, gids } => with(
            named_ranges(
                &stored.uid_map,
                Path::new("/etc/subuid"),
                uids,
                "subuidname",
            )?,
            named_ranges(
                &stored.gid_map,
                Path::new("/etc/subgid"),
                gids,
                "subgidname",
            )?,
        ),
    }?;
    if let Some(plan) = &planned {
        keeps_caller(mode, &stored.uid_map, &plan.uid_map, "uid")?;
        keeps_caller(mode, &stored.gid_map, &plan.gid_map, "gid")?;
    }
    Ok(planned)
}

/// The caller's own id must stay mapped (anywhere): coracle makes each container's
/// user namespace directly under the host's, and the container's root reaches the
/// store's directories, which the caller owns, only through it. Podman keeps an
/// intermediate user namespace (its pause process) for such mappings; coracle has
/// none yet, so it refuses them with the reason.
fn keeps_caller(
    mode: &IdMappingMode,
    stored: &[IdMapping],
    planned: &[IdMapping],
    what: &str,
) -> Result<()> {
    let Some(own) = idmap::host_id_of(stored, 0) else {
        return Ok(());
    };
    let mapped = planned
        .iter()
        .any(|m| own >= m.host_id && own - m.host_id < m.size);
    if mapped {
        return Ok(());
    }
    let asked = match mode {
        IdMappingMode::NoMap => "--userns nomap".to_string(),
        IdMappingMode::SubIdNames { .. } => format!("--sub{what}name"),
        _ => format!("--{what}map"),
    };
    Err(refuse(format!(
        "{asked} leaves your own {what} {own} unmapped, which coracle cannot run yet: a container's user namespace sits directly under the host's, and without you in it the container cannot reach its files in your store (Podman keeps an intermediate namespace for this); map 0 (you) too, e.g. --{what}map 0:0:1 --{what}map 1:1:999"
    )))
}

/// The default mapping's entries other than the caller's own (container id 0), as
/// host ranges in order.
fn subordinate_ranges(stored: &[IdMapping]) -> Vec<IdRange> {
    stored
        .iter()
        .filter(|m| m.container_id != 0)
        .map(|m| IdRange {
            start: m.host_id,
            count: m.size,
        })
        .collect()
}

/// Ranges laid one after another from container id 0.
fn from_zero(ranges: &[IdRange]) -> Vec<IdMapping> {
    let mut next = 0u32;
    ranges
        .iter()
        .map(|r| {
            let m = IdMapping {
                container_id: next,
                host_id: r.start,
                size: r.count,
            };
            next = next.saturating_add(r.count);
            m
        })
        .collect()
}

/// keep-id: the caller's own id at `own_at`, its subordinate ids around it.
fn own_id_at(stored: &[IdMapping], own_at: u32) -> Vec<IdMapping> {
    let own = idmap::host_id_of(stored, 0).unwrap_or(0);
    idmap::build_map(own, &subordinate_ranges(stored), own_at)
}

/// nomap: the subordinate ids only.
fn subordinate_only(stored: &[IdMapping], what: &str) -> Result<Vec<IdMapping>> {
    let ranges = subordinate_ranges(stored);
    if ranges.is_empty() {
        return Err(refuse(format!(
            "--userns nomap maps only subordinate {what}, and you have none: add a range to /etc/sub{} with usermod --add-sub{what}",
            &what[..3]
        )));
    }
    Ok(from_zero(&ranges))
}

/// `--uidmap`/`--gidmap`: each triple's ids of the default mapping, on the host.
fn translate(stored: &[IdMapping], triples: &[MapTriple], flag: &str) -> Result<Vec<IdMapping>> {
    let available = idmap::max_container_id(stored);
    let mut out = Vec::new();
    for t in triples {
        let (mut inside, mut from, mut left) = (t.container_id, t.from, t.size);
        while left > 0 {
            let Some(m) = stored
                .iter()
                .find(|m| from >= m.container_id && from - m.container_id < m.size)
            else {
                return Err(refuse(format!(
                    "--{flag} {}:{}:{}: id {from} is outside your ids (0 is you, 1 to {available} your subordinate ids in /etc/sub{}); use a smaller range or add subordinate ids with usermod",
                    t.container_id, t.from, t.size, &flag[..3]
                )));
            };
            let n = left.min(m.size - (from - m.container_id));
            out.push(IdMapping {
                container_id: inside,
                host_id: m.host_id + (from - m.container_id),
                size: n,
            });
            inside += n;
            from += n;
            left -= n;
        }
    }
    Ok(out)
}

/// `--subuidname`/`--subgidname`: the ranges of `name` in `file`, which rootless
/// must lie within the caller's own subordinate ids (newuidmap grants no others).
fn named_ranges(
    stored: &[IdMapping],
    file: &Path,
    name: &str,
    flag: &str,
) -> Result<Vec<IdMapping>> {
    let ranges = idmap::sub_ranges(file, name, u32::MAX)?;
    if ranges.is_empty() {
        return Err(refuse(format!(
            "--{flag} {name}: {} has no range for {name:?}",
            file.display()
        )));
    }
    let own = subordinate_ranges(stored);
    for r in &ranges {
        let inside = own.iter().any(|o| {
            r.start >= o.start
                && u64::from(r.start) + u64::from(r.count)
                    <= u64::from(o.start) + u64::from(o.count)
        });
        if !inside {
            return Err(refuse(format!(
                "--{flag} {name}: its range {}-{} in {} is not among your own subordinate ids, and newuidmap maps only those for you",
                r.start,
                u64::from(r.start) + u64::from(r.count) - 1,
                file.display()
            )));
        }
    }
    Ok(from_zero(&ranges))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(c: u32, h: u32, n: u32) -> IdMapping {
        IdMapping {
            container_id: c,
            host_id: h,
            size: n,
        }
    }

    fn stored() -> UserNsPlan {
        UserNsPlan {
            uid_map: vec![m(0, 1000, 1), m(1, 100000, 65536)],
            gid_map: vec![m(0, 1000, 1), m(1, 100000, 65536)],
            fallback_reason: None,
        }
    }

    #[test]
    fn keep_id_at_another_id() {
        let mode = IdMappingMode::KeepId {
            uid: Some(200),
            gid: Some(210),
        };
        let plan = plan(&mode, Some(&stored())).unwrap().unwrap();
        assert_eq!(
            plan.uid_map,
            [m(0, 100000, 200), m(200, 1000, 1), m(201, 100200, 65336)]
        );
        assert_eq!(idmap::host_id_of(&plan.gid_map, 210), Some(1000));
    }

    #[test]
    fn explicit_maps_count_in_the_default_mapping() {
        let t = |c, f, n| MapTriple {
            container_id: c,
            from: f,
            size: n,
        };
        let mode = IdMappingMode::Explicit {
            uids: vec![t(0, 1, 1000), t(1000, 0, 1)],
            gids: vec![t(0, 0, 2)],
        };
        let made = plan(&mode, Some(&stored())).unwrap().unwrap();
        assert_eq!(made.uid_map, [m(0, 100000, 1000), m(1000, 1000, 1)]);
        assert_eq!(made.gid_map, [m(0, 1000, 1), m(1, 100000, 1)]);
        let without_me = IdMappingMode::Explicit {
            uids: vec![t(0, 1, 1000)],
            gids: vec![t(0, 0, 2)],
        };
        let e = plan(&without_me, Some(&stored())).unwrap_err().to_string();
        assert!(e.contains("--uidmap leaves your own uid"), "{e}");
        let too_big = IdMappingMode::Explicit {
            uids: vec![t(0, 1, 70000)],
            gids: vec![t(0, 1, 1)],
        };
        let e = plan(&too_big, Some(&stored())).unwrap_err().to_string();
        assert!(
            e.contains("--uidmap 0:1:70000") && e.contains("65536"),
            "{e}"
        );
    }

    #[test]
    fn the_caller_stays_mapped_and_root_takes_no_mapping() {
        let e = plan(&IdMappingMode::NoMap, Some(&stored())).unwrap_err();
        assert!(
            e.to_string()
                .contains("--userns nomap leaves your own uid 1000"),
            "{e}"
        );
        assert_eq!(
            subordinate_only(&stored().uid_map, "uids").unwrap(),
            [m(0, 100000, 65536)]
        );
        assert_eq!(plan(&IdMappingMode::Default, None).unwrap(), None);
        assert!(plan(&IdMappingMode::NoMap, None).is_err());
        let single = UserNsPlan {
            uid_map: vec![m(0, 1000, 1)],
            gid_map: vec![m(0, 1000, 1)],
            fallback_reason: Some("none".into()),
        };
        assert!(plan(&IdMappingMode::NoMap, Some(&single)).is_err());
    }
}
