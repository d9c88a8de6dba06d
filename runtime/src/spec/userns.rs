//! How a container's user namespace maps ids, as `--userns`, `--uidmap`/`--gidmap`
//! and `--subuidname`/`--subgidname` ask (podman-run(1)); the mapping itself is
//! computed at start by [`crate::ids::usermap`].

use serde::{Deserialize, Serialize};

use crate::error::{Result, RuntimeError};

/// One `--uidmap`/`--gidmap` triple: `size` ids from `container_id` inside map to
/// `from` on, where `from` counts in the default rootless mapping (0 is the calling
/// user, 1 the first subordinate id), as Podman's rootless triples do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapTriple {
    /// First id inside the container.
    pub container_id: u32,
    /// First id of the default mapping it maps to.
    pub from: u32,
    /// Number of ids.
    pub size: u32,
}

impl MapTriple {
    /// Parse `container:from:size` (`--uidmap 0:1:1000`).
    pub fn parse(flag: &str, text: &str) -> Result<MapTriple> {
        let mut f = text.split(':').map(|n| n.trim().parse::<u32>());
        match (f.next(), f.next(), f.next(), f.next()) {
            (Some(Ok(container_id)), Some(Ok(from)), Some(Ok(size)), None)
                if size > 0
                    && container_id.checked_add(size).is_some()
                    && from.checked_add(size).is_some() =>
            {
                Ok(MapTriple {
                    container_id,
                    from,
                    size,
                })
            }
            _ => Err(RuntimeError::Start(format!(
                "invalid --{flag} {text:?}: expected CONTAINER_ID:HOST_ID:SIZE with a size above 0, such as 0:1:1000"
            ))),
        }
    }
}

/// Whether `a..a+n` and `b..b+m` share an id.
fn ranges_overlap(a: u32, n: u32, b: u32, m: u32) -> bool {
    u64::from(a) < u64::from(b) + u64::from(m) && u64::from(b) < u64::from(a) + u64::from(n)
}

/// Refuse triples of one flag that map a container id twice or one id of the
/// default mapping twice (the kernel refuses such maps; Podman too).
fn check_disjoint(flag: &str, triples: &[MapTriple]) -> Result<()> {
    let show = |t: &MapTriple| format!("{}:{}:{}", t.container_id, t.from, t.size);
    for (i, a) in triples.iter().enumerate() {
        for b in &triples[i + 1..] {
            let side = if ranges_overlap(a.container_id, a.size, b.container_id, b.size) {
                "container"
            } else if ranges_overlap(a.from, a.size, b.from, b.size) {
                "host"
            } else {
                continue;
            };
            return Err(RuntimeError::Start(format!(
                "invalid --{flag} {} and {}: their {side} ids overlap; give each id to one range only",
                show(a),
                show(b)
            )));
        }
    }
    Ok(())
}

/// The user namespace's mapping.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum IdMappingMode {
    /// `--userns host` or none given: the caller is root inside, its subordinate ids
    /// follow from 1 (as root: no user namespace).
    #[default]
    Default,
    /// `--userns keep-id[:uid=N,gid=N]`: the caller is N inside (its own ids by
    /// default), the subordinate ids fill the others.
    KeepId {
        /// `uid=`: the caller's uid inside.
        uid: Option<u32>,
        /// `gid=`: the caller's gid inside.
        gid: Option<u32>,
    },
    /// `--userns nomap`: only the subordinate ids, from 0; the caller is not mapped.
    NoMap,
    /// `--uidmap`/`--gidmap` (one of them stands for both when the other is absent).
    Explicit {
        /// The uid triples.
        uids: Vec<MapTriple>,
        /// The gid triples.
        gids: Vec<MapTriple>,
    },
    /// `--subuidname`/`--subgidname`: the ranges /etc/subuid and /etc/subgid give
    /// these names, from container id 0.
    SubIdNames {
        /// Name in /etc/subuid.
        uids: String,
        /// Name in /etc/subgid.
        gids: String,
    },
    /// `--userns auto[:size=N]`: `size` of the caller's subordinate ids that no other
    /// auto container holds, from container id 0; the caller is not mapped. The
    /// range is chosen when the container is created and saved here (as the
    /// triples of `--uidmap`), so it is the container's until it is removed.
    Auto {
        /// How many ids (`AUTO_DEFAULT_SIZE` unless `size=` says).
        size: u32,
        /// The uid range given to the container (empty until created).
        #[serde(default)]
        uids: Vec<MapTriple>,
        /// The gid range given to the container (empty until created).
        #[serde(default)]
        gids: Vec<MapTriple>,
    },
}

/// `--userns auto`'s size when `size=` is absent: Podman's smallest automatic
/// namespace.
pub const AUTO_DEFAULT_SIZE: u32 = 1024;

impl IdMappingMode {
    /// Parse `--userns`'s value: "" and `host` (the default), `keep-id` with optional
    /// `uid=N,gid=N`, `nomap`, `auto` with optional `size=N`.
    pub fn parse_userns(text: &str) -> Result<IdMappingMode> {
        let bad = |why: &str| RuntimeError::Start(format!("invalid --userns {text:?}: {why}"));
        let (mode, options) = text.split_once(':').unwrap_or((text, ""));
        match mode {
            "" | "host" if options.is_empty() => Ok(IdMappingMode::Default),
            "nomap" if options.is_empty() => Ok(IdMappingMode::NoMap),
            "keep-id" => {
                let (mut uid, mut gid) = (None, None);
                for opt in options.split(',').filter(|o| !o.is_empty()) {
                    let number = |v: &str| {
                        v.parse::<u32>()
                            .map_err(|_| bad("uid= and gid= take a number, such as uid=1000"))
                    };
                    match opt.split_once('=') {
                        Some(("uid", v)) => uid = Some(number(v)?),
                        Some(("gid", v)) => gid = Some(number(v)?),
                        _ => {
                            return Err(bad(
                                "keep-id takes uid=N and gid=N, such as keep-id:uid=1000,gid=1000",
                            ))
                        }
                    }
                }
                Ok(IdMappingMode::KeepId { uid, gid })
            }
            "auto" => {
                let mut size = AUTO_DEFAULT_SIZE;
                for opt in options.split(',').filter(|o| !o.is_empty()) {
                    size = match opt.split_once('=') {
                        Some(("size", v)) => {
                            v.parse::<u32>().ok().filter(|n| *n > 0).ok_or_else(|| {
                                bad("size= takes a number of ids above 0, such as auto:size=2048")
                            })?
                        }
                        _ => return Err(bad("auto takes size=N only, such as auto:size=2048")),
                    };
                }
                Ok(IdMappingMode::Auto {
                    size,
                    uids: vec![],
                    gids: vec![],
                })
            }
            _ => Err(bad(
                "expected host, keep-id[:uid=N,gid=N], nomap or auto[:size=N]",
            )),
        }
    }

    /// The mode `--userns`, `--uidmap`/`--gidmap` and `--subuidname`/`--subgidname`
    /// ask for together; they exclude one another, as in Podman.
    pub fn from_flags(
        userns: Option<&str>,
        uidmap: &[String],
        gidmap: &[String],
        subuidname: Option<&str>,
        subgidname: Option<&str>,
    ) -> Result<IdMappingMode> {
        let maps = !uidmap.is_empty() || !gidmap.is_empty();
        let names = subuidname.is_some() || subgidname.is_some();
        let userns_given = userns.is_some_and(|u| !u.is_empty());
        if [maps, names, userns_given].iter().filter(|b| **b).count() > 1 {
            return Err(RuntimeError::Start(
                "--userns, --uidmap/--gidmap and --subuidname/--subgidname exclude one another: give one of them".into(),
            ));
        }
        if maps {
            let parse = |flag: &str, list: &[String]| {
                list.iter()
                    .map(|t| MapTriple::parse(flag, t))
                    .collect::<Result<Vec<_>>>()
            };
            let uids = parse("uidmap", uidmap)?;
            let gids = parse("gidmap", gidmap)?;
            check_disjoint("uidmap", &uids)?;
            check_disjoint("gidmap", &gids)?;
            return Ok(IdMappingMode::Explicit {
                uids: if uids.is_empty() {
                    gids.clone()
                } else {
                    uids.clone()
                },
                gids: if gids.is_empty() { uids } else { gids },
            });
        }
        if names {
            let uids = subuidname.or(subgidname).unwrap_or_default().to_string();
            let gids = subgidname.or(subuidname).unwrap_or_default().to_string();
            return Ok(IdMappingMode::SubIdNames { uids, gids });
        }
        IdMappingMode::parse_userns(userns.unwrap_or(""))
    }

    /// The mode's name as Podman's inspect shows it in `HostConfig.UsernsMode`:
    /// "" for the default, `keep-id`, `nomap`, `auto`, `private` for given maps.
    pub fn podman_name(&self) -> &'static str {
        match self {
            IdMappingMode::Default => "",
            IdMappingMode::KeepId { .. } => "keep-id",
            IdMappingMode::NoMap => "nomap",
            IdMappingMode::Auto { .. } => "auto",
            IdMappingMode::Explicit { .. } | IdMappingMode::SubIdNames { .. } => "private",
        }
    }

    /// `--userns keep-id` in any form.
    pub fn is_keep_id(&self) -> bool {
        matches!(self, IdMappingMode::KeepId { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn userns_values() {
        let p = IdMappingMode::parse_userns;
        assert_eq!(p("").unwrap(), IdMappingMode::Default);
        assert_eq!(p("host").unwrap(), IdMappingMode::Default);
        assert_eq!(p("nomap").unwrap(), IdMappingMode::NoMap);
        assert_eq!(
            p("keep-id").unwrap(),
            IdMappingMode::KeepId {
                uid: None,
                gid: None
            }
        );
        assert_eq!(
            p("keep-id:uid=200,gid=210").unwrap(),
            IdMappingMode::KeepId {
                uid: Some(200),
                gid: Some(210)
            }
        );
        for bad in ["keep-id:uid=x", "keep-id:size=3", "private", "host:x"] {
            assert!(p(bad).is_err(), "{bad}");
        }
        assert_eq!(
            p("auto:size=2048").unwrap(),
            IdMappingMode::Auto {
                size: 2048,
                uids: vec![],
                gids: vec![]
            }
        );
        assert!(
            matches!(p("auto").unwrap(), IdMappingMode::Auto { size, .. } if size == AUTO_DEFAULT_SIZE)
        );
        for bad in ["auto:size=0", "auto:size=x", "auto:uidmapping=0:1:2"] {
            assert!(p(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn maps_and_names() {
        let m = IdMappingMode::from_flags(None, &["0:1:1000".into()], &[], None, None).unwrap();
        let t = MapTriple {
            container_id: 0,
            from: 1,
            size: 1000,
        };
        assert_eq!(
            m,
            IdMappingMode::Explicit {
                uids: vec![t],
                gids: vec![t]
            }
        );
        for bad in ["0:1", "0:1:0", "a:1:2", "0:1:2:3", "4294967295:0:2"] {
            assert!(
                IdMappingMode::from_flags(None, &[bad.into()], &[], None, None).is_err(),
                "{bad}"
            );
        }
        assert!(
            IdMappingMode::from_flags(Some("keep-id"), &["0:1:1".into()], &[], None, None).is_err()
        );
        for (maps, side) in [
            (["0:1:10", "5:100:10"], "container"),
            (["0:1:10", "100:5:10"], "host"),
        ] {
            let maps: Vec<String> = maps.iter().map(|m| m.to_string()).collect();
            let e = IdMappingMode::from_flags(None, &[], &maps, None, None).unwrap_err();
            assert!(
                e.to_string().contains("--gidmap 0:1:10 and") && e.to_string().contains(side),
                "{e}"
            );
        }
        assert!(IdMappingMode::from_flags(
            None,
            &["0:1:10".into(), "10:11:5".into()],
            &[],
            None,
            None
        )
        .is_ok());
        assert_eq!(
            IdMappingMode::from_flags(None, &[], &[], Some("u"), None).unwrap(),
            IdMappingMode::SubIdNames {
                uids: "u".into(),
                gids: "u".into()
            }
        );
    }
}
