//! Subordinate id ranges (/etc/subuid, /etc/subgid) and the user-namespace id mapping
//! of a rootless container.
//!
//! [`plan_rootless`] decides the mapping; [`apply`] writes it for a child that has
//! unshared its user namespace (through `newuidmap`/`newgidmap` when more than one id is
//! mapped, directly through /proc otherwise).

use crate::error::{Result, RuntimeError};
use std::collections::VecDeque;
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};

/// A range of subordinate ids delegated to a user: `start..start+count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdRange {
    /// First host id of the range.
    pub start: u32,
    /// Number of ids in the range.
    pub count: u32,
}

/// One line of a uid_map/gid_map: `size` ids from `container_id` map to `host_id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IdMapping {
    /// First id inside the container.
    pub container_id: u32,
    /// First id on the host.
    pub host_id: u32,
    /// Number of consecutive ids.
    pub size: u32,
}

/// The uid and gid maps of a rootless container, and why it had to fall back to a
/// single id if it did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UserNsPlan {
    /// Lines of /proc/PID/uid_map.
    pub uid_map: Vec<IdMapping>,
    /// Lines of /proc/PID/gid_map.
    pub gid_map: Vec<IdMapping>,
    /// Set when only the user's own id could be mapped; names the fix.
    pub fallback_reason: Option<String>,
    /// A mapping that leaves the caller out (`--userns nomap`, `auto`, such
    /// `--uidmap`s): the container builds its root in the namespace mapped by
    /// `uid_map`/`gid_map`, then enters one nested in it, mapped by these.
    pub nested: Option<crate::ids::nested::NestedMaps>,
}

/// Reads the ranges delegated to `user_name` (or to the numeric `uid`) from a
/// subuid/subgid file. A missing file yields no ranges; comments, blank and malformed
/// lines are skipped.
pub fn sub_ranges(path: &Path, user_name: &str, uid: u32) -> Result<Vec<IdRange>> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(RuntimeError::io("failed to read", path, e)),
    };
    let uid_text = uid.to_string();
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split(':');
            let owner = fields.next()?;
            let start = fields.next()?.trim().parse::<u32>().ok()?;
            let count = fields.next()?.trim().parse::<u32>().ok()?;
            let matches = owner == user_name || owner == uid_text;
            (fields.next().is_none() && matches && count > 0).then_some(IdRange { start, count })
        })
        .collect())
}

/// Finds an executable called `name` in `$PATH` (or checks `name` itself when it
/// contains a slash).
pub fn find_helper(name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let is_exec = |p: &Path| {
        p.metadata()
            .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            .unwrap_or(false)
    };
    if name.contains('/') {
        let p = PathBuf::from(name);
        return is_exec(&p).then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| is_exec(p))
}

/// Plans the id mapping of a rootless container for the user `uid`/`gid`.
///
/// Default: the user is container root (0) and the subordinate ranges follow from 1 on.
/// With `keep_id` the user keeps its own id inside the container and the subordinate
/// ranges fill 0..uid-1 and uid+1.. (as Podman's `--userns=keep-id`). Without the setuid
/// helpers or without subordinate ranges only the user's own id is mapped and
/// `fallback_reason` says how to fix that.
pub fn plan_rootless(
    uid: u32,
    gid: u32,
    user_name: &str,
    subuid_path: &Path,
    subgid_path: &Path,
    helpers_present: bool,
    keep_id: bool,
) -> UserNsPlan {
    let fix = format!(
        "add a range with `usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {user_name}`"
    );
    let read = |path: &Path| sub_ranges(path, user_name, uid).map_err(|e| e.to_string());
    let ranges = if helpers_present {
        read(subuid_path).and_then(|u| Ok((u, read(subgid_path)?)))
    } else {
        Err("newuidmap/newgidmap not found in PATH: install the uidmap package".to_string())
    };
    let reason = match &ranges {
        Err(e) => Some(e.clone()),
        Ok((u, _)) if u.is_empty() => Some(format!(
            "no subordinate uids for {user_name} in {}: {fix}",
            subuid_path.display()
        )),
        Ok((_, g)) if g.is_empty() => Some(format!(
            "no subordinate gids for {user_name} in {}: {fix}",
            subgid_path.display()
        )),
        Ok(_) => None,
    };
    match (ranges, reason) {
        (Ok((subuids, subgids)), None) => UserNsPlan {
            uid_map: build_map(uid, &subuids, if keep_id { uid } else { 0 }),
            gid_map: build_map(gid, &subgids, if keep_id { gid } else { 0 }),
            fallback_reason: None,
            nested: None,
        },
        (_, reason) => {
            let single = |id: u32| {
                vec![IdMapping {
                    container_id: if keep_id { id } else { 0 },
                    host_id: id,
                    size: 1,
                }]
            };
            UserNsPlan {
                uid_map: single(uid),
                gid_map: single(gid),
                fallback_reason: reason,
                nested: None,
            }
        }
    }
}

/// Builds one map: `own` at container id `own_at` (0, or `own` with keep-id), the
/// subordinate ranges filling the other container ids contiguously from 0.
pub fn build_map(own: u32, ranges: &[IdRange], own_at: u32) -> Vec<IdMapping> {
    let mut pool: VecDeque<IdRange> = ranges.iter().copied().collect();
    let mut map = Vec::new();
    // Ids below the user's own container id come from the pool (none without keep_id).
    let mut next = take(&mut pool, 0, own_at, &mut map);
    if next < own_at {
        next = own_at; // not enough subordinate ids: leave a gap below the user
    }
    map.push(IdMapping {
        container_id: own_at,
        host_id: own,
        size: 1,
    });
    if let Some(after) = next.checked_add(1) {
        take(&mut pool, after, u32::MAX - after, &mut map);
    }
    map
}

/// Moves up to `want` ids from the front of `pool` into `map`, starting at container id
/// `from`; returns the next free container id.
fn take(pool: &mut VecDeque<IdRange>, from: u32, want: u32, map: &mut Vec<IdMapping>) -> u32 {
    let mut next = from;
    let mut want = want;
    while want > 0 {
        let Some(range) = pool.pop_front() else { break };
        let n = range.count.min(want);
        map.push(IdMapping {
            container_id: next,
            host_id: range.start,
            size: n,
        });
        if n < range.count {
            pool.push_front(IdRange {
                start: range.start + n,
                count: range.count - n,
            });
        }
        next += n;
        want -= n;
    }
    next
}

/// The highest container id covered by `map` (0 for an empty map).
pub fn max_container_id(map: &[IdMapping]) -> u32 {
    map.iter()
        .map(|m| m.container_id.saturating_add(m.size.saturating_sub(1)))
        .max()
        .unwrap_or(0)
}

/// The host id that `container_id` maps to, if the map covers it.
pub fn host_id_of(map: &[IdMapping], container_id: u32) -> Option<u32> {
    map.iter().find_map(|m| {
        let offset = container_id.checked_sub(m.container_id)?;
        (offset < m.size).then(|| m.host_id + offset)
    })
}

/// True when the plan maps exactly one uid and one gid (writable without helpers).
fn is_single(plan: &UserNsPlan) -> bool {
    let one = |m: &[IdMapping]| m.len() == 1 && m[0].size == 1;
    one(&plan.uid_map) && one(&plan.gid_map)
}

/// The argument list of `newuidmap`/`newgidmap`: `PID c h n c h n ...`.
pub fn helper_args(pid: i32, map: &[IdMapping]) -> Vec<String> {
    std::iter::once(pid.to_string())
        .chain(map.iter().flat_map(|m| {
            [m.container_id, m.host_id, m.size]
                .into_iter()
                .map(|v| v.to_string())
        }))
        .collect()
}

/// Text of a /proc/PID/{uid,gid}_map file for `map`.
fn map_text(map: &[IdMapping]) -> String {
    map.iter()
        .map(|m| format!("{} {} {}\n", m.container_id, m.host_id, m.size))
        .collect()
}

/// Writes the plan for process `pid`, which must already be in its new user namespace.
///
/// Multi-id plans run `newuidmap` and `newgidmap`; a single-id plan writes
/// /proc/PID/uid_map, then "deny" to /proc/PID/setgroups, then /proc/PID/gid_map
/// (the kernel only allows an unprivileged gid_map after setgroups is denied).
pub fn apply(pid: i32, plan: &UserNsPlan) -> Result<()> {
    apply_while(pid, plan, &mut || Ok(()))
}

/// [`apply`], running `meanwhile` in this thread while `newuidmap` and `newgidmap`
/// run (a setuid program's start is milliseconds this process would otherwise wait
/// for); with a single-id plan, after the maps are written. A failure of
/// `meanwhile` is returned once the helpers have ended.
///
/// Both helpers are started at once from this thread, before `meanwhile`, each by a
/// fork that does not wait for its exec ([`crate::sys::spawn_program`]): with a
/// vfork the second start held this thread 1.1 to 2.7 ms in most traced runs on two
/// cores, its child queued behind the first helper while the other core idled. The
/// helpers then run beside `meanwhile` and beside each other. Starting them from
/// threads of their own instead made a `run --rm` slower here (alternating
/// hyperfine rounds, bench/RESULTS.md: the threads waited for a CPU before they
/// could start their helper, and their exits and joins came on top); starting one,
/// waiting for it, then the other, slower still.
pub fn apply_while(
    pid: i32,
    plan: &UserNsPlan,
    meanwhile: &mut dyn FnMut() -> Result<()>,
) -> Result<()> {
    if is_single(plan) {
        let proc = PathBuf::from(format!("/proc/{pid}"));
        let write = |name: &str, text: &str| {
            let path = proc.join(name);
            std::fs::write(&path, text).map_err(|e| RuntimeError::io("failed to write", path, e))
        };
        write("uid_map", &map_text(&plan.uid_map))?;
        write("setgroups", "deny")?;
        write("gid_map", &map_text(&plan.gid_map))?;
        return meanwhile();
    }
    let helpers = MappingHelpers::spawn(pid, plan);
    let meanwhile = meanwhile();
    meanwhile.and(helpers.finish())
}

/// `newuidmap` and `newgidmap` started for one process (a multi-id plan): see
/// [`apply_while`]. [`finish`](Self::finish) waits for both.
pub struct MappingHelpers {
    uid: Result<Helper>,
    gid: Result<Helper>,
}

impl MappingHelpers {
    /// Start both helpers for process `pid`, in its new user namespace. A helper that
    /// cannot start is reported by [`finish`](Self::finish).
    pub fn spawn(pid: i32, plan: &UserNsPlan) -> MappingHelpers {
        MappingHelpers {
            uid: spawn_helper("newuidmap", pid, &plan.uid_map),
            gid: spawn_helper("newgidmap", pid, &plan.gid_map),
        }
    }

    /// Wait for both helpers; the first failure.
    pub fn finish(self) -> Result<()> {
        let (uid, gid) = (
            self.uid.and_then(Helper::finish),
            self.gid.and_then(Helper::finish),
        );
        uid.and(gid)
    }
}

/// Whether `plan` maps more than one id, so that [`MappingHelpers`] write it (a
/// single id is written by the caller itself).
pub fn needs_helpers(plan: &UserNsPlan) -> bool {
    !is_single(plan)
}

/// Parse the text of a `/proc/PID/{uid,gid}_map` file (as seen from this process's
/// user namespace), ordered by container id.
pub fn parse_map_text(text: &str) -> Option<Vec<IdMapping>> {
    let mut map = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let mut f = line.split_whitespace().map(str::parse::<u32>);
            let (Some(Ok(container_id)), Some(Ok(host_id)), Some(Ok(size)), None) =
                (f.next(), f.next(), f.next(), f.next())
            else {
                return None;
            };
            Some(IdMapping {
                container_id,
                host_id,
                size,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    map.sort_by_key(|m| m.container_id);
    Some(map)
}

/// The uid and gid maps of the user namespace of process `pid`.
pub fn read_maps(pid: i32) -> Result<(Vec<IdMapping>, Vec<IdMapping>)> {
    let read = |name: &str| {
        let path = PathBuf::from(format!("/proc/{pid}/{name}"));
        let text = std::fs::read_to_string(&path)
            .map_err(|e| RuntimeError::io("failed to read", &path, e))?;
        parse_map_text(&text).ok_or_else(|| {
            RuntimeError::Start(format!("{}: unexpected contents {text:?}", path.display()))
        })
    };
    Ok((read("uid_map")?, read("gid_map")?))
}

/// For a container process that joined another's user namespace: its mapping must be
/// the one the container's root filesystem was prepared for.
pub fn check_joined(pid: i32, plan: &UserNsPlan) -> Result<()> {
    let (uids, gids) = read_maps(pid)?;
    let sorted = |m: &[IdMapping]| {
        let mut m = m.to_vec();
        m.sort_by_key(|m| m.container_id);
        m
    };
    if uids == sorted(&plan.uid_map) && gids == sorted(&plan.gid_map) {
        return Ok(());
    }
    Err(RuntimeError::Start(format!(
        "the joined user namespace maps ids as {} (uids) and {} (gids), not as the container was prepared for; recreate the container",
        map_text(&uids).trim().replace('\n', ", "),
        map_text(&gids).trim().replace('\n', ", ")
    )))
}

/// A running mapping helper.
struct Helper {
    name: &'static str,
    /// The process whose ids it maps.
    pid: i32,
    /// The helper's own process.
    program: crate::sys::SpawnedProgram,
    /// The read end of its standard error, kept for the error.
    stderr: std::os::fd::OwnedFd,
}

/// Starts one mapping helper (stdout discarded, stderr kept for the error), without
/// waiting for its exec ([`crate::sys::spawn_program`]): the caller goes on with its
/// own work while the helper waits for a core.
fn spawn_helper(name: &'static str, pid: i32, map: &[IdMapping]) -> Result<Helper> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let fail = |message: String| RuntimeError::IdMapHelper {
        helper: name.to_string(),
        pid,
        message,
    };
    let path = find_helper(name)
        .ok_or_else(|| fail("not found in PATH: install the uidmap package".into()))?;
    let c = |bytes: &[u8]| CString::new(bytes).map_err(|e| fail(e.to_string()));
    let program = c(path.as_os_str().as_bytes())?;
    let argv = std::iter::once(Ok(program.clone()))
        .chain(helper_args(pid, map).iter().map(|a| c(a.as_bytes())))
        .collect::<Result<Vec<_>>>()?;
    let envp = crate::sys::environment();
    let (stderr, stderr_w) = crate::sys::pipe().map_err(|e| fail(e.to_string()))?;
    let program = crate::sys::spawn_program(&program, &argv, &envp, stderr_w.as_fd())
        .map_err(|e| fail(e.to_string()))?;
    Ok(Helper {
        name,
        pid,
        program,
        stderr,
    })
}

impl Helper {
    /// Waits for the helper; a failure becomes an error carrying its stderr.
    fn finish(self) -> Result<()> {
        use std::io::Read;
        let fail = |message: String| RuntimeError::IdMapHelper {
            helper: self.name.to_string(),
            pid: self.pid,
            message,
        };
        let mut text = Vec::new();
        let _ = std::fs::File::from(self.stderr)
            .take(64 * 1024)
            .read_to_end(&mut text);
        let mut program = self.program;
        let status = program.wait().map_err(|e| fail(e.to_string()))?;
        if let Some(e) = crate::sys::exec_failure(&program.exec_result) {
            return Err(fail(format!("cannot execute it: {e}")));
        }
        if libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0 {
            return Ok(());
        }
        let stderr = String::from_utf8_lossy(&text);
        let stderr = stderr.trim().replace('\n', "; ");
        Err(fail(if stderr.is_empty() {
            describe_status(status)
        } else {
            stderr
        }))
    }
}

/// A wait status as `exit status: N` or `signal: N`, as the standard library words it.
fn describe_status(status: i32) -> String {
    if libc::WIFSIGNALED(status) {
        format!("signal: {}", libc::WTERMSIG(status))
    } else {
        format!("exit status: {}", libc::WEXITSTATUS(status))
    }
}

/// The fuse-overlayfs `uidmapping=`/`gidmapping=` value that shows layer files, which
/// are stored with the owners of the `stored` mapping (the default rootless one the
/// layers were unpacked under), with those same owners inside a container running
/// under `running` (e.g. `--userns=keep-id`). Entries are `RAW:SHOWN:LEN`, RAW being
/// the id fuse-overlayfs sees on disk from inside `running`, SHOWN the image's id.
/// None when the two mappings are the same (nothing to translate).
pub fn fuse_remap(stored: &[IdMapping], running: &[IdMapping]) -> Option<String> {
    if stored == running {
        return None;
    }
    let mut entries = Vec::new();
    for s in stored {
        for r in running {
            let start = s.host_id.max(r.host_id);
            let end = (u64::from(s.host_id) + u64::from(s.size))
                .min(u64::from(r.host_id) + u64::from(r.size));
            if u64::from(start) >= end {
                continue;
            }
            let raw = r.container_id + (start - r.host_id);
            let shown = s.container_id + (start - s.host_id);
            entries.push((raw, shown, end - u64::from(start)));
        }
    }
    entries.sort();
    Some(
        entries
            .iter()
            .map(|(raw, shown, len)| format!("{raw}:{shown}:{len}"))
            .collect::<Vec<_>>()
            .join(":"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::process::Command;

    fn m(container_id: u32, host_id: u32, size: u32) -> IdMapping {
        IdMapping {
            container_id,
            host_id,
            size,
        }
    }

    /// A helper's arguments are the pid and the map, and a failure is the helper's
    /// error with its stderr; a missing one says so.
    /// (Programs that exist everywhere stand in for the helpers: a script written
    /// here could meet ETXTBSY from another test's fork.)
    #[test]
    fn helpers_report_what_they_said() {
        let map = [m(0, 1000, 1)];
        let run = |name| spawn_helper(name, 42, &map).and_then(Helper::finish);
        // `ls 42 0 1000 1`: none of these exist here, and ls says so.
        let (failed, worked, absent) = (run("ls"), run("true"), run("/no/such/newuidmap"));
        worked.unwrap();
        match failed {
            Err(RuntimeError::IdMapHelper {
                helper,
                pid,
                message,
            }) => {
                assert_eq!((helper.as_str(), pid), ("ls", 42));
                assert!(message.contains("'42'"), "{message}");
            }
            other => panic!("unexpected {other:?}"),
        }
        match absent {
            Err(RuntimeError::IdMapHelper { message, .. }) => {
                assert!(message.contains("install the uidmap package"), "{message}")
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    fn file(text: &str) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(text.as_bytes()).unwrap();
        f
    }

    #[test]
    fn sub_ranges_by_name_and_uid_skipping_junk() {
        let f = file(
            "# comment\n\nalice:100000:65536\nbob:200000:65536\n1000:300000:10\n\
             alice:notanumber:5\nalice:1:2:3\nalice:5\nalice:400000:0\n alice:500000:5 \n",
        );
        let r = sub_ranges(f.path(), "alice", 1000).unwrap();
        assert_eq!(
            r,
            vec![
                IdRange {
                    start: 100000,
                    count: 65536
                },
                IdRange {
                    start: 300000,
                    count: 10
                },
                IdRange {
                    start: 500000,
                    count: 5
                },
            ]
        );
        assert!(sub_ranges(f.path(), "carol", 7).unwrap().is_empty());
    }

    #[test]
    fn missing_file_gives_no_ranges() {
        let r = sub_ranges(Path::new("/nonexistent/subuid"), "alice", 1000).unwrap();
        assert!(r.is_empty());
    }

    #[test]
    fn default_plan_maps_user_to_root_and_ranges_after() {
        let u = file("alice:100000:65536\nalice:300000:10\n");
        let g = file("alice:200000:65536\n");
        let p = plan_rootless(1000, 1001, "alice", u.path(), g.path(), true, false);
        assert_eq!(p.fallback_reason, None);
        assert_eq!(
            p.uid_map,
            vec![m(0, 1000, 1), m(1, 100000, 65536), m(65537, 300000, 10)]
        );
        assert_eq!(p.gid_map, vec![m(0, 1001, 1), m(1, 200000, 65536)]);
        assert_eq!(max_container_id(&p.uid_map), 65546);
    }

    #[test]
    fn fuse_remap_undoes_keep_id() {
        let m = |container_id, host_id, size| IdMapping {
            container_id,
            host_id,
            size,
        };
        // Default: user 1001 is 0, 100000.. are 1..; keep-id: 1001 stays 1001.
        let stored = [m(0, 1001, 1), m(1, 100000, 65536)];
        let running = [m(0, 100000, 1001), m(1001, 1001, 1), m(1002, 101001, 64535)];
        assert_eq!(
            fuse_remap(&stored, &running).unwrap(),
            "0:1:1001:1001:0:1:1002:1002:64535"
        );
        assert_eq!(fuse_remap(&stored, &stored), None);
    }

    #[test]
    fn keep_id_puts_user_at_own_id() {
        let u = file("alice:100000:65536\n");
        let p = plan_rootless(1000, 1000, "alice", u.path(), u.path(), true, true);
        assert_eq!(
            p.uid_map,
            vec![m(0, 100000, 1000), m(1000, 1000, 1), m(1001, 101000, 64536)]
        );
        assert_eq!(host_id_of(&p.uid_map, 999), Some(100999));
        assert_eq!(host_id_of(&p.uid_map, 1000), Some(1000));
        assert_eq!(host_id_of(&p.uid_map, 1001), Some(101000));
        assert_eq!(host_id_of(&p.uid_map, 65536), Some(165535));
        assert_eq!(host_id_of(&p.uid_map, 65537), None);
        assert_eq!(max_container_id(&p.uid_map), 65536);
    }

    #[test]
    fn keep_id_with_small_range_leaves_gap() {
        let u = file("alice:100000:10\n");
        let p = plan_rootless(1000, 1000, "alice", u.path(), u.path(), true, true);
        assert_eq!(p.uid_map, vec![m(0, 100000, 10), m(1000, 1000, 1)]);
        assert_eq!(host_id_of(&p.uid_map, 500), None);
    }

    #[test]
    fn falls_back_without_helpers() {
        let u = file("alice:100000:65536\n");
        let p = plan_rootless(1000, 1000, "alice", u.path(), u.path(), false, false);
        assert_eq!(p.uid_map, vec![m(0, 1000, 1)]);
        assert_eq!(p.gid_map, vec![m(0, 1000, 1)]);
        assert!(p
            .fallback_reason
            .unwrap()
            .contains("install the uidmap package"));
    }

    #[test]
    fn falls_back_without_ranges_naming_the_fix() {
        let u = file("bob:100000:65536\n");
        let p = plan_rootless(1000, 1000, "alice", u.path(), u.path(), true, true);
        assert_eq!(p.uid_map, vec![m(1000, 1000, 1)]);
        let reason = p.fallback_reason.unwrap();
        assert!(
            reason.starts_with("no subordinate uids for alice in "),
            "{reason}"
        );
        assert!(reason.contains("usermod --add-subuids 100000-165535"));
        let g = file("alice:100000:65536\n");
        let p = plan_rootless(1000, 1000, "alice", g.path(), u.path(), true, false);
        assert!(p
            .fallback_reason
            .unwrap()
            .starts_with("no subordinate gids"));
    }

    #[test]
    fn helper_args_flatten_triples() {
        let args = helper_args(42, &[m(0, 1000, 1), m(1, 100000, 65536)]);
        assert_eq!(args, ["42", "0", "1000", "1", "1", "100000", "65536"]);
    }

    #[test]
    fn find_helper_checks_path_and_explicit_paths() {
        assert_eq!(find_helper("sh").is_some(), Path::new("/bin/sh").exists());
        assert!(find_helper("coracle-no-such-helper").is_none());
        let plain = tempfile::NamedTempFile::new().unwrap(); // created 0600: not executable
        assert!(find_helper(plain.path().to_str().unwrap()).is_none());
        assert_eq!(find_helper("/bin/sh"), Some(PathBuf::from("/bin/sh")));
    }

    #[test]
    fn apply_single_mapping_writes_proc_files() {
        use std::io::{BufRead, BufReader};
        use std::os::unix::process::CommandExt;
        use std::process::Stdio;
        let uid = rustix::process::geteuid().as_raw();
        let gid = rustix::process::getegid().as_raw();
        let mut cmd = Command::new("/bin/sh");
        cmd.args([
            "-c",
            "read x; cat /proc/self/uid_map /proc/self/gid_map; id -u",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
        // SAFETY: unshare is async-signal-safe and touches no memory of the parent.
        unsafe {
            cmd.pre_exec(|| {
                rustix::thread::unshare_unsafe(rustix::thread::UnshareFlags::NEWUSER)
                    .map_err(std::io::Error::from)
            });
        }
        let mut child = cmd
            .spawn()
            .expect("create a user namespace (the test machine must allow it)");
        let plan = UserNsPlan {
            uid_map: vec![m(0, uid, 1)],
            gid_map: vec![m(0, gid, 1)],
            fallback_reason: None,
            nested: None,
        };
        apply(child.id() as i32, &plan).unwrap();
        child.stdin.take().unwrap().write_all(b"go\n").unwrap();
        let lines: Vec<String> = BufReader::new(child.stdout.take().unwrap())
            .lines()
            .map(|l| l.unwrap().split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        assert!(child.wait().unwrap().success());
        assert_eq!(
            lines,
            [format!("0 {uid} 1"), format!("0 {gid} 1"), "0".into()]
        );
    }

    #[test]
    fn apply_multi_mapping_reports_helper_failure() {
        let plan = UserNsPlan {
            uid_map: vec![m(0, 1000, 1), m(1, 100000, 10)],
            gid_map: vec![m(0, 1000, 1), m(1, 100000, 10)],
            fallback_reason: None,
            nested: None,
        };
        // A pid that cannot exist: the helper (or its absence) must produce an error.
        let err = apply(i32::MAX, &plan).unwrap_err().to_string();
        assert!(
            err.starts_with("newuidmap failed for pid 2147483647: "),
            "{err}"
        );
    }
}
