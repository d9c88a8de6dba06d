//! Resolution of `-u USER[:GROUP]` against the container's /etc/passwd and /etc/group.
//!
//! The rootfs is untrusted: files are opened with `openat2(RESOLVE_IN_ROOT)` so that
//! symlinks and `..` cannot leave it, non-blocking and checked to be regular files so a
//! FIFO cannot hang the start. Kernels without openat2 (before 5.6) get a userspace
//! walk that resolves symlinks inside the root (racy against a concurrent writer of the
//! rootfs, which nothing else runs while a container starts).

use crate::error::{Result, RuntimeError};
use std::io::Read;
use std::path::Path;

/// Largest passwd/group file read (larger ones are truncated).
const MAX_FILE: u64 = 16 << 20;

/// The identity the container process runs as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecUser {
    /// User id.
    pub uid: u32,
    /// Primary group id.
    pub gid: u32,
    /// Supplementary groups (groups listing the user by name in /etc/group).
    pub additional_gids: Vec<u32>,
    /// Home directory ("/" when unknown).
    pub home: String,
}

/// One line of a passwd file.
pub(crate) struct PasswdEntry {
    pub(crate) name: String,
    pub(crate) uid: u32,
    pub(crate) gid: u32,
    /// "/" when the file leaves it empty.
    pub(crate) home: String,
}

/// One line of a group file.
pub(crate) struct GroupEntry {
    pub(crate) name: String,
    pub(crate) gid: u32,
    pub(crate) members: Vec<String>,
}

/// The first entry for `uid` in the text of a passwd file.
pub(crate) fn user_by_uid(passwd: &str, uid: u32) -> Option<PasswdEntry> {
    parse_passwd(passwd).into_iter().find(|e| e.uid == uid)
}

/// The first entry for `gid` in the text of a group file.
pub(crate) fn group_by_gid(group: &str, gid: u32) -> Option<GroupEntry> {
    parse_group(group).into_iter().find(|g| g.gid == gid)
}

/// Resolves `spec` (`USER`, `UID`, `USER:GROUP`, `UID:GID`, ...; empty means root)
/// against the files of `rootfs`. Numeric ids need no entry; names must exist.
pub fn resolve_user(rootfs: &Path, spec: &str) -> Result<ExecUser> {
    let invalid = || RuntimeError::InvalidUserSpec(spec.to_string());
    let (user, group) = match spec.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (spec, None),
    };
    if (user.is_empty() && group.is_some()) || group == Some("") || user.contains(':') {
        return Err(invalid());
    }
    let user = if user.is_empty() { "0" } else { user };
    let passwd = parse_passwd(&read_in_root(rootfs, "etc/passwd")?.unwrap_or_default());
    let numeric = user.parse::<u32>().ok();
    let entry = passwd.iter().find(|e| match numeric {
        Some(uid) => e.uid == uid,
        None => e.name == user,
    });
    let Some(uid) = numeric.or(entry.map(|e| e.uid)) else {
        return Err(RuntimeError::UserNotFound(user.to_string()));
    };
    let mut out = ExecUser {
        uid,
        gid: entry.map_or(0, |e| e.gid),
        additional_gids: Vec::new(),
        home: entry.map_or_else(|| "/".to_string(), |e| e.home.clone()),
    };
    if group.is_none() && entry.is_none() {
        return Ok(out);
    }
    let groups = parse_group(&read_in_root(rootfs, "etc/group")?.unwrap_or_default());
    match (group, entry) {
        (Some(g), _) => {
            out.gid = match g.parse::<u32>() {
                Ok(gid) => gid,
                Err(_) => groups
                    .iter()
                    .find(|e| e.name == g)
                    .map(|e| e.gid)
                    .ok_or_else(|| RuntimeError::GroupNotFound(g.to_string()))?,
            };
        }
        (None, Some(e)) => {
            for g in groups.iter().filter(|g| g.members.contains(&e.name)) {
                if !out.additional_gids.contains(&g.gid) {
                    out.additional_gids.push(g.gid);
                }
            }
        }
        (None, None) => {}
    }
    Ok(out)
}

/// `--group-add`: each entry a gid or a group name of the container's /etc/group
/// (under `rootfs`), in order, without repeats.
pub fn group_ids(rootfs: &Path, names: &[String]) -> Result<Vec<u32>> {
    let mut groups: Option<Vec<GroupEntry>> = None;
    let mut out = Vec::new();
    for name in names {
        let gid = match name.parse::<u32>() {
            Ok(gid) => gid,
            Err(_) => {
                if groups.is_none() {
                    let text = read_in_root(rootfs, "etc/group")?.unwrap_or_default();
                    groups = Some(parse_group(&text));
                }
                groups
                    .iter()
                    .flatten()
                    .find(|g| &g.name == name)
                    .map(|g| g.gid)
                    .ok_or_else(|| RuntimeError::GroupNotFound(name.clone()))?
            }
        };
        if !out.contains(&gid) {
            out.push(gid);
        }
    }
    Ok(out)
}

fn parse_passwd(text: &str) -> Vec<PasswdEntry> {
    text.lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.trim().split(':').collect();
            if f.len() < 4 || f[0].is_empty() || f[0].starts_with(['#', '+', '-']) {
                return None;
            }
            Some(PasswdEntry {
                name: f[0].to_string(),
                uid: f[2].parse().ok()?,
                gid: f[3].parse().ok()?,
                home: f
                    .get(5)
                    .filter(|h| !h.is_empty())
                    .unwrap_or(&"/")
                    .to_string(),
            })
        })
        .collect()
}

fn parse_group(text: &str) -> Vec<GroupEntry> {
    text.lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.trim().split(':').collect();
            if f.len() < 3 || f[0].is_empty() || f[0].starts_with(['#', '+', '-']) {
                return None;
            }
            Some(GroupEntry {
                name: f[0].to_string(),
                gid: f[2].parse().ok()?,
                members: f
                    .get(3)
                    .map(|m| {
                        m.split(',')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(String::from)
                            .collect()
                    })
                    .unwrap_or_default(),
            })
        })
        .collect()
}

/// Reads `rel` inside `rootfs` without leaving it; `None` when the file does not exist.
pub fn read_in_root(rootfs: &Path, rel: &str) -> Result<Option<String>> {
    let target = rootfs.join(rel);
    let io_err = |e: std::io::Error| RuntimeError::io("failed to open", &target, e);
    let root = crate::fs::inroot::Root::open(rootfs).map_err(io_err)?;
    let fd = match root.open_read(Path::new(rel)) {
        Ok(fd) => fd,
        Err(e) if matches!(e.raw_os_error(), Some(libc::ENOENT | libc::ENOTDIR)) => {
            return Ok(None)
        }
        Err(e) => return Err(io_err(e)),
    };
    let stat = rustix::fs::fstat(&fd).map_err(|e| io_err(e.into()))?;
    if rustix::fs::FileType::from_raw_mode(stat.st_mode) != rustix::fs::FileType::RegularFile {
        let not_regular = std::io::Error::other("not a regular file");
        return Err(RuntimeError::io("failed to read", &target, not_regular));
    }
    let mut bytes = Vec::new();
    std::fs::File::from(fd)
        .take(MAX_FILE)
        .read_to_end(&mut bytes)
        .map_err(|e| RuntimeError::io("failed to read", &target, e))?;
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::os::unix::fs::symlink;

    fn rootfs() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("etc")).unwrap();
        fs::write(
            dir.path().join("etc/passwd"),
            "root:x:0:0:root:/root:/bin/sh\n# comment\nbroken line\n\
             alice:x:1000:1000:Alice:/home/alice:/bin/sh\nbob:x:1001:100::/home/bob:/bin/sh\n\
             nohome:x:1002:1002\n",
        )
        .unwrap();
        fs::write(
            dir.path().join("etc/group"),
            "root:x:0:\nusers:x:100:alice, bob\nwheel:x:10:alice\nalice:x:1000:\n\
             staff:x:50:bob\nbad:x:notanumber:alice\n",
        )
        .unwrap();
        dir
    }

    #[test]
    fn name_lookup_with_supplementary_groups() {
        let r = rootfs();
        let u = resolve_user(r.path(), "alice").unwrap();
        assert_eq!(
            u,
            ExecUser {
                uid: 1000,
                gid: 1000,
                additional_gids: vec![100, 10],
                home: "/home/alice".into()
            }
        );
        let u = resolve_user(r.path(), "1001").unwrap();
        assert_eq!(
            (u.uid, u.gid, u.additional_gids),
            (1001, 100, vec![100, 50])
        );
        assert_eq!(resolve_user(r.path(), "nohome").unwrap().home, "/");
    }

    #[test]
    fn numeric_ids_need_no_entry() {
        let r = rootfs();
        let u = resolve_user(r.path(), "4242").unwrap();
        assert_eq!((u.uid, u.gid, u.home.as_str()), (4242, 0, "/"));
        assert!(u.additional_gids.is_empty());
        let u = resolve_user(r.path(), "4242:777").unwrap();
        assert_eq!((u.uid, u.gid), (4242, 777));
        let empty = tempfile::tempdir().unwrap();
        assert_eq!(resolve_user(empty.path(), "5:6").unwrap().gid, 6);
        assert_eq!(resolve_user(empty.path(), "").unwrap().uid, 0);
    }

    #[test]
    fn explicit_group_replaces_primary_and_drops_supplementary() {
        let r = rootfs();
        let u = resolve_user(r.path(), "alice:wheel").unwrap();
        assert_eq!((u.uid, u.gid), (1000, 10));
        assert!(u.additional_gids.is_empty());
        assert_eq!(resolve_user(r.path(), "root:100").unwrap().gid, 100);
    }

    #[test]
    fn errors_match_podman_wording() {
        let r = rootfs();
        let e = resolve_user(r.path(), "mallory").unwrap_err().to_string();
        assert_eq!(
            e,
            "unable to find user mallory: no matching entries in passwd file"
        );
        let e = resolve_user(r.path(), "alice:ghosts")
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "unable to find group ghosts: no matching entries in group file"
        );
        assert!(resolve_user(r.path(), ":100").is_err());
        assert!(resolve_user(r.path(), "alice:").is_err());
        assert!(resolve_user(r.path(), "a:b:c").is_err());
        let empty = tempfile::tempdir().unwrap();
        assert!(resolve_user(empty.path(), "alice").is_err());
    }

    #[test]
    fn symlinks_stay_inside_the_rootfs() {
        let r = tempfile::tempdir().unwrap();
        fs::create_dir(r.path().join("real-etc")).unwrap();
        fs::write(
            r.path().join("real-etc/passwd"),
            "eve:x:7:7::/eve:/bin/sh\n",
        )
        .unwrap();
        // An absolute link that would reach the host's /etc if followed naively.
        symlink("/real-etc", r.path().join("etc")).unwrap();
        assert_eq!(resolve_user(r.path(), "eve").unwrap().uid, 7);
        // `..` cannot climb above the root either.
        fs::remove_file(r.path().join("etc")).unwrap();
        symlink("../../../../../real-etc", r.path().join("etc")).unwrap();
        assert_eq!(resolve_user(r.path(), "eve").unwrap().uid, 7);
    }

    #[test]
    fn link_to_host_file_is_not_followed_out() {
        let r = tempfile::tempdir().unwrap();
        fs::create_dir(r.path().join("etc")).unwrap();
        symlink("/etc/passwd", r.path().join("etc/passwd")).unwrap();
        // Points at <rootfs>/etc/passwd itself: a loop, never the host's file.
        assert!(resolve_user(r.path(), "root").is_err());
        assert!(resolve_user(r.path(), "0").is_err());
    }

    #[test]
    fn fifo_does_not_hang() {
        let r = tempfile::tempdir().unwrap();
        fs::create_dir(r.path().join("etc")).unwrap();
        rustix::fs::mknodat(
            rustix::fs::CWD,
            r.path().join("etc/passwd"),
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o644),
            0,
        )
        .unwrap();
        let e = resolve_user(r.path(), "0").unwrap_err().to_string();
        assert!(e.contains("not a regular file"), "{e}");
    }
}
