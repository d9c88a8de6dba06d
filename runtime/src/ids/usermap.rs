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
            nested: None,
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
        IdMappingMode::Auto { size, uids, gids } => {
            let max = idmap::max_container_id(&stored.uid_map)
                .min(idmap::max_container_id(&stored.gid_map));
            if *size > max {
                return Err(refuse(format!(
                    "--userns auto:size={size}: you have {max} subordinate ids; ask for fewer or add subordinate ids with usermod"
                )));
            }
            // Before the range is chosen ([`crate::ids::auto`]), the first one stands in.
            let whole = |list: &[MapTriple]| match list {
                [] => vec![MapTriple {
                    container_id: 0,
                    from: 1,
                    size: *size,
                }],
                given => given.to_vec(),
            };
            with(
                translate(&stored.uid_map, &whole(uids), "uidmap")?,
                translate(&stored.gid_map, &whole(gids), "gidmap")?,
            )
        }
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
    match planned {
        Some(plan) if leaves_caller_out(stored, &plan) => Ok(Some(nest(stored, &plan)?)),
        planned => Ok(planned),
    }
}

/// The uid and gid maps of `mode` in the ids of the caller's default mapping
/// `stored` (0 is the caller, 1.. its subordinate ids), as Podman's inspect shows a
/// rootless container's `IDMappings`; None for the default mapping or as root.
pub fn maps_in_default_ids(
    mode: &IdMappingMode,
    stored: Option<&UserNsPlan>,
) -> Result<Option<(Vec<IdMapping>, Vec<IdMapping>)>> {
    let Some(stored) = stored.filter(|_| *mode != IdMappingMode::Default) else {
        return Ok(None);
    };
    let Some(planned) = plan(mode, Some(stored))? else {
        return Ok(None);
    };
    Ok(Some(match planned.nested {
        Some(nested) => (nested.uid_map, nested.gid_map),
        None => (
            in_default_ids(&stored.uid_map, &planned.uid_map)?,
            in_default_ids(&stored.gid_map, &planned.gid_map)?,
        ),
    }))
}

/// Whether `planned` leaves the caller's own uid or gid (the default mapping's 0)
/// unmapped.
fn leaves_caller_out(stored: &UserNsPlan, planned: &UserNsPlan) -> bool {
    let unmapped = |stored: &[IdMapping], planned: &[IdMapping]| {
        idmap::host_id_of(stored, 0).is_some_and(|own| {
            !planned
                .iter()
                .any(|m| own >= m.host_id && own - m.host_id < m.size)
        })
    };
    unmapped(&stored.uid_map, &planned.uid_map) || unmapped(&stored.gid_map, &planned.gid_map)
}

/// A mapping without the caller: the container's namespace keeps the default
/// mapping (so that it reaches the caller's store), and `planned` becomes the maps
/// of a namespace nested in it ([`crate::ids::nested`]), in the default mapping's ids.
fn nest(stored: &UserNsPlan, planned: &UserNsPlan) -> Result<UserNsPlan> {
    Ok(UserNsPlan {
        nested: Some(crate::ids::nested::NestedMaps {
            uid_map: in_default_ids(&stored.uid_map, &planned.uid_map)?,
            gid_map: in_default_ids(&stored.gid_map, &planned.gid_map)?,
        }),
        ..stored.clone()
    })
}

/// `planned`'s host ids as ids of the default mapping `stored` (whose container
/// side they are), split where `stored`'s ranges are.
fn in_default_ids(stored: &[IdMapping], planned: &[IdMapping]) -> Result<Vec<IdMapping>> {
    let mut out: Vec<IdMapping> = Vec::new();
    for p in planned {
        let (mut inside, mut host, mut left) = (p.container_id, p.host_id, p.size);
        while left > 0 {
            let s = stored
                .iter()
                .find(|s| host >= s.host_id && host - s.host_id < s.size)
                .ok_or_else(|| {
                    refuse(format!(
                        "internal error: host id {host} of the mapping is not among your ids"
                    ))
                })?;
            let n = left.min(s.size - (host - s.host_id));
            let outer = s.container_id + (host - s.host_id);
            match out.last_mut() {
                // Ids contiguous on both sides stay one line.
                Some(last)
                    if last.container_id + last.size == inside
                        && last.host_id + last.size == outer =>
                {
                    last.size += n
                }
                _ => out.push(IdMapping {
                    container_id: inside,
                    host_id: outer,
                    size: n,
                }),
            }
            inside += n;
            host += n;
            left -= n;
        }
    }
    Ok(out)
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
            nested: None,
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
        // Without the caller: the default mapping outside, the asked one nested.
        let without_me = IdMappingMode::Explicit {
            uids: vec![t(0, 1, 1000)],
            gids: vec![t(0, 0, 2)],
        };
        let made = plan(&without_me, Some(&stored())).unwrap().unwrap();
        assert_eq!(made.uid_map, stored().uid_map);
        let nested = made.nested.unwrap();
        assert_eq!(nested.uid_map, [m(0, 1, 1000)]);
        assert_eq!(nested.gid_map, [m(0, 0, 2)]);
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
    fn maps_for_inspect_count_in_the_default_mapping() {
        let keep = IdMappingMode::KeepId {
            uid: Some(200),
            gid: Some(210),
        };
        let (uids, _) = maps_in_default_ids(&keep, Some(&stored()))
            .unwrap()
            .unwrap();
        assert_eq!(uids, [m(0, 1, 200), m(200, 0, 1), m(201, 201, 65336)]);
        let (uids, gids) = maps_in_default_ids(&IdMappingMode::NoMap, Some(&stored()))
            .unwrap()
            .unwrap();
        assert_eq!((uids.clone(), gids), (vec![m(0, 1, 65536)], uids));
        assert_eq!(
            maps_in_default_ids(&IdMappingMode::Default, Some(&stored())).unwrap(),
            None
        );
    }

    #[test]
    fn nomap_nests_the_subordinate_ids_and_root_takes_no_mapping() {
        let made = plan(&IdMappingMode::NoMap, Some(&stored()))
            .unwrap()
            .unwrap();
        assert_eq!(made.uid_map, stored().uid_map);
        assert_eq!(made.nested.unwrap().uid_map, [m(0, 1, 65536)]);
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
            nested: None,
        };
        assert!(plan(&IdMappingMode::NoMap, Some(&single)).is_err());
    }
}
