//! A user namespace nested in the container's own, for mappings that leave the
//! caller out (`--userns nomap`, `--userns auto`, `--uidmap`s without 0).
//!
//! The container process is cloned into a user namespace with the caller's default
//! mapping (the caller is 0, its subordinate ids follow), as every rootless container
//! is: its namespaces belong to that one, and there, as its root, it reaches the
//! store's files and builds its root filesystem. Podman keeps such an intermediate
//! namespace for all containers (its pause process); coracle's lives as long as the
//! container. Just before it drops privileges, the container process enters a user
//! namespace nested in it, whose maps are written by a short-lived child left in the
//! outer one (only a process with `CAP_SETUID` in the parent namespace may map more
//! than its own id). The ids of these maps are the outer namespace's, which is what
//! Podman's rootless `--uidmap` counts in.

use std::io::Read;
use std::os::fd::OwnedFd;

use crate::ids::idmap::{self, IdMapping};
use crate::sys;

/// The maps of the nested namespace: container ids to ids of the outer namespace
/// (0 is the caller, 1.. its subordinate ids).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NestedMaps {
    /// uid_map lines, in outer ids.
    pub uid_map: Vec<IdMapping>,
    /// gid_map lines, in outer ids.
    pub gid_map: Vec<IdMapping>,
}

impl NestedMaps {
    /// fuse-overlayfs `uidmapping=`/`gidmapping=` values that show the layers'
    /// files, unpacked under the outer mapping, with their own owners inside the
    /// nested namespace (fuse-overlayfs runs in the outer one).
    pub fn fuse_remap(&self) -> Option<(String, String)> {
        let remap = |map: &[IdMapping]| {
            let identity: Vec<IdMapping> = map
                .iter()
                .map(|m| IdMapping {
                    container_id: m.host_id,
                    ..*m
                })
                .collect();
            idmap::fuse_remap(&identity, map)
        };
        remap(&self.uid_map).zip(remap(&self.gid_map))
    }

    /// The outer uid and gid of the nested root, if mapped.
    pub fn outer_root(&self) -> Option<(u32, u32)> {
        self.outer_uid(0).zip(idmap::host_id_of(&self.gid_map, 0))
    }

    /// The outer id of the nested uid `uid`, if mapped.
    pub fn outer_uid(&self, uid: u32) -> Option<u32> {
        idmap::host_id_of(&self.uid_map, uid)
    }
}

/// The text written to a uid_map or gid_map.
fn map_text(map: &[IdMapping]) -> String {
    map.iter()
        .map(|m| format!("{} {} {}\n", m.container_id, m.host_id, m.size))
        .collect()
}

/// In the container process (single-threaded, root of the outer user namespace,
/// after its root filesystem is built): enter a new user namespace nested in the
/// current one, mapped by `maps`, and become its root.
pub fn enter(maps: &NestedMaps) -> std::result::Result<(), String> {
    let pipe = || sys::pipe().map_err(|e| format!("create pipe: {e}"));
    let (go_r, go_w) = pipe()?;
    let (said_r, said_w) = pipe()?;
    let mapper = sys::clone_into_namespaces(0)
        .map_err(|e| format!("fork the nested namespace's mapper: {e}"))?;
    if mapper == 0 {
        drop((go_w, said_r));
        let result = write_maps_of_parent(maps, go_r);
        let said = result.as_ref().err().map_or("", String::as_str);
        let _ = rustix::io::write(&said_w, said.as_bytes());
        sys::exit_now(i32::from(result.is_err()))
    }
    drop((go_r, said_w));
    // SAFETY: the container process is single-threaded; no other thread shares its
    // credentials or filesystem state.
    let unshared = unsafe { rustix::thread::unshare_unsafe(rustix::thread::UnshareFlags::NEWUSER) };
    let _ = rustix::io::write(&go_w, if unshared.is_ok() { b"1" } else { b"0" });
    drop(go_w);
    let mut said = String::new();
    let _ = std::fs::File::from(said_r).read_to_string(&mut said);
    let status = sys::wait_pid(mapper);
    unshared.map_err(|e| format!("create the nested user namespace: {e}"))?;
    if !said.is_empty() {
        return Err(said);
    }
    if !matches!(status, Ok(0)) {
        return Err(format!(
            "the nested user namespace's mapper ended early ({status:?})"
        ));
    }
    sys::set_ids(0, 0, &[]).map_err(|e| format!("become root in the nested user namespace: {e}"))
}

/// The mapper: once the parent says it unshared, write its uid and gid maps.
fn write_maps_of_parent(maps: &NestedMaps, go: OwnedFd) -> std::result::Result<(), String> {
    let mut byte = [0u8; 1];
    if !matches!(rustix::io::read(&go, &mut byte), Ok(1)) || byte[0] != b'1' {
        return Ok(());
    }
    let parent = rustix::process::getppid()
        .map(|p| p.as_raw_nonzero().get())
        .ok_or("the container process is gone")?;
    for (file, map) in [("uid_map", &maps.uid_map), ("gid_map", &maps.gid_map)] {
        let path = format!("/proc/{parent}/{file}");
        std::fs::write(&path, map_text(map))
            .map_err(|e| format!("write {path} ({}): {e}", map_text(map).trim()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuse_shows_the_layers_owners_inside() {
        // nomap: nested 0.. are outer 1..; the layers' root (outer 0) must show as
        // the nested root, that is outer 1.
        let all = IdMapping {
            container_id: 0,
            host_id: 1,
            size: 65536,
        };
        let maps = NestedMaps {
            uid_map: vec![all],
            gid_map: vec![all],
        };
        let (uids, gids) = maps.fuse_remap().unwrap();
        assert_eq!(uids, "0:1:65536");
        assert_eq!(uids, gids);
        assert_eq!(maps.outer_uid(0), Some(1));
        assert_eq!(map_text(&maps.uid_map), "0 1 65536\n");
    }
}
