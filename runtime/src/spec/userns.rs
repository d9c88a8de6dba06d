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
}

impl IdMappingMode {
    /// Parse `--userns`'s value: "" and `host` (the default), `keep-id` with optional
    /// `uid=N,gid=N`, `nomap`; `auto` is refused with the reason.
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
                        _ => return Err(bad("keep-id takes uid=N and gid=N, such as keep-id:uid=1000,gid=1000")),
                    }
                }
                Ok(IdMappingMode::KeepId { uid, gid })
            }
            "auto" => Err(bad(
                "auto is not supported: it allocates ranges no other container uses, which needs the \"containers\" entries of /etc/subuid and a registry of ranges coracle does not keep; give the range with --uidmap and --gidmap instead",
            )),
            _ => Err(bad("expected host, keep-id[:uid=N,gid=N] or nomap")),
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
        assert!(p("auto").unwrap_err().to_string().contains("--uidmap"));
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
        assert_eq!(
            IdMappingMode::from_flags(None, &[], &[], Some("u"), None).unwrap(),
            IdMappingMode::SubIdNames {
                uids: "u".into(),
                gids: "u".into()
            }
        );
    }
}
