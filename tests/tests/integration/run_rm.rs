//! The foreground run's own bookkeeping, as the unprivileged user: a `--rm` run
//! records its whole life and leaves nothing, and a foreground container stopped
//! from another process has the exit code it really ended with recorded.

use std::time::{Duration, Instant};

use coracle_tests::{run_root, testbed, Sandbox};

use crate::lifecycle::{inspect, stdout};
use crate::monitor::{assert_no_container_left, run_foreground};
use crate::run::with_image;

#[test]
fn a_foreground_rm_run_records_its_life_and_leaves_nothing() {
    let (sb, img) = with_image("runrm-life", "busybox");
    sb.coracle(&[
        "run",
        "--rm",
        "--network",
        "none",
        "--name",
        "gone",
        &img,
        "sh",
        "-c",
        "exit 3",
    ])
    .code(3);
    let events = stdout(
        &sb,
        &[
            "events",
            "--since",
            "1m",
            "--stream=false",
            "--filter",
            "container=gone",
            "--format",
            "{{.Status}} {{.ContainerExitCode}}",
        ],
    );
    let statuses: Vec<&str> = events
        .lines()
        .map(|l| l.split_whitespace().next().unwrap_or(""))
        .collect();
    assert_eq!(
        statuses,
        ["create", "init", "start", "died", "remove"],
        "events: {events}"
    );
    assert!(
        events.lines().any(|l| l == "died 3"),
        "the died event carries the exit code: {events}"
    );
    assert_no_container_left(&sb);
}

#[test]
fn stop_of_a_foreground_container_records_the_code_it_ended_with() {
    let (sb, img) = with_image("runrm-stop", "busybox");
    // The container ends with 7 on SIGTERM: only its exit code, which the foreground
    // run leaves in the exit file for the `stop` holding the lock, says so (without
    // it `stop` would wait and record 143, the signal's code).
    let script = "trap 'exit 7' TERM; while :; do sleep 0.1; done";
    let mut foreground = run_foreground(&sb, "fg", &[&img, "sh", "-c", script]);
    let started = Instant::now();
    sb.coracle(&["stop", "fg"]).success();
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "stop waited {:?} for the exit code",
        started.elapsed()
    );
    let status = foreground.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(7),
        "the foreground run ended with {status}"
    );
    assert_eq!(inspect(&sb, "fg", "{{.State.ExitCode}}"), "7");
    sb.coracle(&["rm", "fg"]).success();
    assert_no_container_left(&sb);
}

/// A foreground container's directories and record are made, and its start is
/// recorded, while its ids are mapped: a start that fails after that is settled from
/// where it got to, as any failed start, and one that fails before (its name taken)
/// leaves nothing of it: no directory, runtime file or anonymous volume.
#[test]
fn a_foreground_start_that_fails_is_settled_from_where_it_got() {
    let (sb, img) = with_image("runrm-failed", "volumes");
    // The command cannot be executed: 127, an exited record with the error.
    let missing = sb.coracle(&["run", "--name", "missing", &img, "/no/such"]);
    missing.code(127);
    assert_eq!(inspect(&sb, "missing", "{{.State.Status}}"), "exited");
    assert_eq!(inspect(&sb, "missing", "{{.State.ExitCode}}"), "127");
    assert_eq!(inspect(&sb, "missing", "{{.State.Pid}}"), "0");
    assert!(inspect(&sb, "missing", "{{.State.Error}}").contains("/no/such"));
    // The set-up fails in the container process (its working directory cannot be
    // made below a file): 125 and the reason, in the record too.
    let workdir = sb.coracle(&[
        "run",
        "--name",
        "nowd",
        "-w",
        "/etc/hostname/sub",
        &img,
        "true",
    ]);
    workdir.code(125);
    assert!(
        workdir.stderr.contains("working directory"),
        "{}",
        workdir.stderr
    );
    assert_eq!(inspect(&sb, "nowd", "{{.State.ExitCode}}"), "125");
    assert!(inspect(&sb, "nowd", "{{.State.Error}}").contains("working directory"));
    // Started again, it fails the same way and stays exited.
    sb.coracle(&["start", "-a", "nowd"]).code(125);
    assert_eq!(inspect(&sb, "nowd", "{{.State.Status}}"), "exited");
    let volumes_before = stdout(&sb, &["volume", "ls", "-q"]);
    let ids_before = stdout(&sb, &["ps", "-a", "-q", "--no-trunc"]);
    // A name another container holds: 125 naming it, and nothing of the new one
    // stays (its anonymous volume for the image's VOLUME included).
    let taken = sb.coracle(&["run", "--name", "missing", &img, "true"]);
    taken.code(125);
    assert!(taken.stderr.contains("already in use"), "{}", taken.stderr);
    assert_eq!(stdout(&sb, &["volume", "ls", "-q"]), volumes_before);
    assert_eq!(stdout(&sb, &["ps", "-a", "-q", "--no-trunc"]), ids_before);
    let store = sb.data().join("coracle");
    let mut dirs = crate::monitor::entries(&store.join("containers"));
    dirs.sort();
    let mut ids: Vec<String> = ids_before.lines().map(String::from).collect();
    ids.sort();
    assert_eq!(dirs, ids, "directories of containers");
    let mut files = crate::monitor::entries(&sb.runtime().join("coracle/containers"));
    files.sort();
    assert!(
        files.iter().all(|f| ids.contains(f)),
        "runtime files of a container that is not: {files:?}"
    );
    // With --rm a failed start leaves nothing at all.
    sb.coracle(&["rm", "-f", "-v", "missing", "nowd"]).success();
    sb.coracle(&["run", "--rm", &img, "/no/such"]).code(127);
    sb.coracle(&["run", "--rm", "-w", "/etc/hostname/sub", &img, "true"])
        .code(125);
    assert_trash_empties_within(&sb, Duration::from_secs(10));
    assert_no_container_left(&sb);
}

/// The entries of the store's trash (removed containers' files on their way out).
fn trash_entries(sb: &coracle_tests::Sandbox) -> Vec<String> {
    let trash = sb.data().join("coracle/trash");
    let mut names: Vec<String> = std::fs::read_dir(trash)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Assert that the sandbox's trash is empty within `limit` (its cleaners are done).
pub(crate) fn assert_trash_empties_within(sb: &coracle_tests::Sandbox, limit: Duration) {
    assert!(
        crate::lifecycle::eventually(limit, || trash_entries(sb).is_empty()),
        "left in the trash: {:?}",
        trash_entries(sb)
    );
}

#[test]
fn a_removed_containers_files_leave_the_store_at_once_and_are_deleted_beside_it() {
    let (sb, img) = with_image("runrm-trash", "busybox");
    // Files of a subordinate id (user 1000 in the container) need the removal's user
    // namespace: the child that deletes the container's directory after the command
    // ended deletes them too.
    let out = stdout(
        &sb,
        &[
            "run",
            "--rm",
            "--network",
            "none",
            "--user",
            "1000",
            &img,
            "sh",
            "-c",
            "mkdir -p /tmp/a/b && echo x > /tmp/a/b/f && chmod 500 /tmp/a && echo done",
        ],
    );
    assert_eq!(out.trim(), "done");
    assert_no_container_left(&sb);
    assert_trash_empties_within(&sb, Duration::from_secs(10));
}

/// The processes with a file open below `dir` (the sandbox's: another test's
/// container can be given the number of a namespace that went) whose namespaces or
/// open files include the mount namespace `ns` (as `/proc/self/ns/mnt` names it:
/// "mnt:[N]").
fn holders_of(ns: &str, dir: &std::path::Path) -> Vec<String> {
    let mut holders = Vec::new();
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return holders;
    };
    for proc_dir in procs.flatten() {
        let pid = proc_dir.file_name().to_string_lossy().into_owned();
        if !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let open: Vec<std::path::PathBuf> = std::fs::read_dir(proc_dir.path().join("fd"))
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|fd| std::fs::read_link(fd.path()).ok())
            .collect();
        let own = std::fs::read_link(proc_dir.path().join("ns/mnt")).ok();
        let holds = own.iter().chain(&open).any(|link| link.as_os_str() == ns);
        if holds && open.iter().any(|path| path.starts_with(dir)) {
            holders.push(pid);
        }
    }
    holders
}

/// A `run --rm` holds its container's mount namespace past the container's end
/// and hands it to the child that deletes the container's directory, so that the
/// container's exit does not tear it down: that child lets it go once the command
/// has ended. Nothing may keep it longer.
#[test]
fn a_removed_containers_mount_namespace_does_not_outlive_its_removal() {
    let (sb, img) = with_image("runrm-mountns", "busybox");
    let ns = stdout(
        &sb,
        &[
            "run",
            "--rm",
            "--network",
            "none",
            &img,
            "readlink",
            "/proc/self/ns/mnt",
        ],
    );
    let ns = ns.trim().to_string();
    assert!(ns.starts_with("mnt:["), "the container printed {ns:?}");
    assert!(
        crate::lifecycle::eventually(Duration::from_secs(10), || holders_of(&ns, &sb.data())
            .is_empty()),
        "processes still hold the removed container's mount namespace {ns}: {:?}",
        holders_of(&ns, &sb.data())
    );
    assert_no_container_left(&sb);
    assert_trash_empties_within(&sb, Duration::from_secs(10));
}

#[test]
fn a_removal_deletes_what_earlier_removals_left_unless_a_cleaner_holds_it() {
    let (sb, img) = with_image("runrm-leftovers", "busybox");
    let trash = sb.data().join("coracle/trash");
    let as_user = |script: &str| {
        let out = sb
            .command_as_user("sh", &["-c", script], &[])
            .output()
            .expect("run sh as the test user");
        assert!(out.status.success(), "{script}: {out:?}");
    };
    // A leftover its cleaner did not finish (killed, or the machine stopped), with a
    // directory its owner cannot write, and one a cleaner still holds (flock on it).
    let left = trash.join("left");
    let held = trash.join("held");
    as_user(&format!(
        "mkdir -p {l}/a/b {h} && echo x > {l}/a/b/f && chmod 500 {l}/a",
        l = left.display(),
        h = held.display()
    ));
    let cleaner = std::fs::File::open(&held).expect("open the held entry");
    cleaner.lock().expect("lock the held entry");
    let run = ["run", "--rm", "--network", "none", &img, "true"];
    sb.coracle(&run).success();
    assert!(!left.exists(), "the unheld leftover stayed");
    assert!(
        held.exists(),
        "the held entry was deleted under its cleaner"
    );
    drop(cleaner);
    sb.coracle(&run).success();
    assert_trash_empties_within(&sb, Duration::from_secs(10));
}

/// The scheduling policy (field 41 of /proc/PID/stat) of each live process whose
/// command line contains `marker`.
fn policies_of_processes_naming(marker: &str) -> Vec<(u32, u32)> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return found;
    };
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        if !String::from_utf8_lossy(&cmdline).contains(marker) {
            continue;
        }
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        // The fields after the command's name in parentheses: state is field 3.
        let after_name: Vec<&str> = stat
            .rsplit_once(')')
            .map(|(_, rest)| rest.split_whitespace().collect())
            .unwrap_or_default();
        let live = after_name.first().is_some_and(|state| *state != "Z");
        if let (true, Some(policy)) = (live, after_name.get(41 - 3)) {
            if let Ok(policy) = policy.parse() {
                found.push((pid, policy));
            }
        }
    }
    found
}

#[test]
fn the_child_deleting_a_removed_container_runs_only_when_the_cpu_is_idle() {
    const SCHED_IDLE: u32 = 5;
    let (sb, img) = with_image("runrm-idle", "busybox");
    // Enough files that their deletion outlasts the command by a while.
    let marker = "echo runrm-idle-marker";
    let script = format!("mkdir /d && cd /d && seq 15000 | xargs touch && {marker}");
    let out = stdout(
        &sb,
        &[
            "run",
            "--rm",
            "--network",
            "none",
            &img,
            "sh",
            "-c",
            &script,
        ],
    );
    assert_eq!(out.trim(), "runrm-idle-marker");
    // The cleaner is coracle in its cleaning mode, told this sandbox's store.
    let store = sb.dir.join("data/coracle");
    let cleaner = format!("__coracle-clean\0--store\0{}\0", store.display());
    let deadline = Instant::now() + Duration::from_secs(2);
    let cleaners = loop {
        let found = policies_of_processes_naming(&cleaner);
        if !found.is_empty() || Instant::now() > deadline {
            break found;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    assert!(
        !cleaners.is_empty(),
        "no process of the removal was still deleting the container's 15 000 files"
    );
    for (pid, policy) in &cleaners {
        assert_eq!(
            *policy, SCHED_IDLE,
            "process {pid} deletes at policy {policy}"
        );
    }
    assert_trash_empties_within(&sb, Duration::from_secs(30));
}

/// An ext4 file system in a file of the sandbox, loop-mounted where the test user's
/// store goes (`data/coracle`) and owned by that user; unmounted on drop.
struct StoreOnExt4 {
    at: std::path::PathBuf,
}

impl StoreOnExt4 {
    fn mount(sb: &Sandbox, journal: bool) -> StoreOnExt4 {
        let image = sb.dir.join("ext4.img");
        let image = image.to_str().unwrap();
        let at = sb.data().join("coracle");
        std::fs::create_dir_all(&at).unwrap();
        let features = if journal {
            "has_journal"
        } else {
            "^has_journal"
        };
        run_root("truncate", &["-s", "64M", image]).success();
        run_root("mkfs.ext4", &["-q", "-F", "-O", features, image]).success();
        run_root("mount", &["-o", "loop", image, at.to_str().unwrap()]).success();
        let owner = format!("{}:", testbed().user);
        run_root("chown", &[&owner, at.to_str().unwrap()]).success();
        StoreOnExt4 { at }
    }
}

impl Drop for StoreOnExt4 {
    fn drop(&mut self) {
        let _ = run_root("umount", &[self.at.to_str().unwrap()]);
    }
}

/// Whether `lsattr -d` shows the top-directory flag (T) on `dir`.
fn marked_top_directory(dir: &std::path::Path) -> bool {
    let out = run_root("lsattr", &["-d", dir.to_str().unwrap()]);
    out.success();
    let flags = out.stdout.split_whitespace().next().unwrap_or_default();
    flags.contains('T')
}

#[test]
fn the_containers_directory_is_spread_over_the_groups_only_on_ext4_without_a_journal() {
    let img = format!("{}/busybox:latest", testbed().registry);
    for journal in [false, true] {
        let sb = Sandbox::new(&format!("runrm-topdir-{journal}"));
        let store = StoreOnExt4::mount(&sb, journal);
        sb.coracle(&["pull", "-q", "--tls-verify=false", &img])
            .success();
        sb.coracle(&["run", "--rm", "--network", "none", &img, "true"])
            .success();
        // Without a journal ext4 skips recently freed inodes one by one: the
        // containers' directories are spread (T). With one, spreading only costs
        // disk reads of other groups' bitmaps: no T.
        assert_eq!(
            marked_top_directory(&store.at.join("containers")),
            !journal,
            "journal: {journal}"
        );
        // The spares the removal's child makes (once it marked their directory) are
        // spread alike.
        let spare = store.at.join("spare");
        assert!(
            crate::lifecycle::eventually(Duration::from_secs(10), || {
                std::fs::read_dir(&spare).is_ok_and(|d| d.count() == 2)
            }),
            "no spares in {}",
            spare.display()
        );
        assert_eq!(marked_top_directory(&spare), !journal, "journal: {journal}");
    }
}

/// The ready spare directories of the store (named as container ids), with their
/// inode numbers.
fn spares(sb: &Sandbox) -> Vec<(String, u64)> {
    use std::os::unix::fs::MetadataExt;
    let mut found: Vec<(String, u64)> = std::fs::read_dir(sb.data().join("coracle/spare"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let ino = e.metadata().ok()?.ino();
            (name.len() == 64).then_some((name, ino))
        })
        .collect();
    found.sort();
    found
}

/// The child that deletes a removed container's directory keeps two empty container
/// directories ready, and the next container takes one (the same directory, moved:
/// nothing is allocated in its run) instead of making its own; the container runs
/// in it as in any other.
#[test]
fn a_new_container_takes_a_spare_directory_made_by_an_earlier_removal() {
    use std::os::unix::fs::MetadataExt;
    let (sb, img) = with_image("runrm-spare", "busybox");
    assert!(spares(&sb).is_empty());
    sb.coracle(&["run", "--rm", "--network", "none", &img, "true"])
        .success();
    assert!(
        crate::lifecycle::eventually(Duration::from_secs(10), || spares(&sb).len() == 2),
        "spares: {:?}",
        spares(&sb)
    );
    let before = spares(&sb);
    let id = stdout(
        &sb,
        &[
            "create",
            "--network",
            "none",
            &img,
            "sh",
            "-c",
            "echo hi > /f; cat /f",
        ],
    );
    let id = id.trim();
    let dir = sb.data().join("coracle/containers").join(id);
    let ino = std::fs::metadata(&dir)
        .expect("the container's directory")
        .ino();
    let taken: Vec<_> = before.iter().filter(|(_, i)| *i == ino).collect();
    assert_eq!(taken.len(), 1, "{ino} not among the spares {before:?}");
    let after = spares(&sb);
    assert_eq!(after.len(), 1, "{after:?}");
    assert!(!after.contains(taken[0]));
    let out = stdout(&sb, &["start", "-a", id]);
    assert_eq!(out.trim(), "hi");
    assert!(
        dir.join("upper/f").is_file(),
        "the container's file is in its upper directory"
    );
    sb.coracle(&["rm", id]).success();
    assert_no_container_left(&sb);
}

/// A foreground run on a network namespace of its own is cloned, and its ids mapped,
/// before the store is opened; its spec follows once it is worked out. Everything
/// the spec says reaches the container: hostname (given, and by default the id's
/// first twelve characters), environment, working directory, user, standard input,
/// the whole id mapping, the exit code; and a command that cannot run is still 127.
#[test]
fn a_container_cloned_before_its_spec_is_known_runs_as_the_spec_says() {
    let (sb, img) = with_image("runrm-early", "busybox");
    let script = "hostname; echo $EARLY; pwd; id -u; cat; wc -l < /proc/self/uid_map; exit 5";
    let given = sb.coracle_with(
        &[
            "run",
            "--rm",
            "-i",
            "--network",
            "none",
            "--hostname",
            "early-host",
            "-e",
            "EARLY=yes",
            "-w",
            "/tmp",
            "-u",
            "1000",
            &img,
            "sh",
            "-c",
            script,
        ],
        &[],
        Some(b"from stdin\n"),
    );
    given.code(5);
    let lines: Vec<&str> = given.stdout.lines().map(str::trim).collect();
    assert_eq!(
        lines,
        ["early-host", "yes", "/tmp", "1000", "from stdin", "2"],
        "{}",
        given.stderr
    );
    let named = sb
        .coracle(&[
            "run",
            "--network",
            "none",
            "--name",
            "early-id",
            &img,
            "hostname",
        ])
        .success()
        .stdout
        .trim()
        .to_string();
    let id = inspect(&sb, "early-id", "{{.Id}}");
    assert_eq!(named, id[..12], "the default hostname");
    sb.coracle(&["rm", "early-id"]).success();
    sb.coracle(&["run", "--rm", "--network", "none", &img, "/no/such"])
        .code(127);
    assert_no_container_left(&sb);
}

/// An image that is not in the store is pulled while the early container process
/// waits for its spec (the pull's I/O threads ended before the start goes on).
#[test]
fn a_container_cloned_early_waits_for_its_image_to_be_pulled() {
    let sb = Sandbox::new("runrm-early-pull");
    let reference = format!("{}/busybox:latest", testbed().registry);
    let ran = sb.coracle(&[
        "run",
        "--rm",
        "--network",
        "none",
        "--tls-verify=false",
        &reference,
        "sh",
        "-c",
        "echo pulled and ran",
    ]);
    ran.success();
    assert_eq!(ran.stdout.trim(), "pulled and ran", "{}", ran.stderr);
    assert!(ran.stderr.contains("Trying to pull"), "{}", ran.stderr);
    assert_no_container_left(&sb);
}

/// The processes whose command line holds `word` (the early container process is
/// a fork of the CLI, with its command line).
fn processes_with(word: &str) -> Vec<String> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.flatten()
        .filter(|e| e.file_name().to_string_lossy().parse::<u32>().is_ok())
        .filter_map(|e| {
            let cmdline = std::fs::read(e.path().join("cmdline")).ok()?;
            let text = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            text.contains(word)
                .then(|| format!("{}: {text}", e.file_name().to_string_lossy()))
        })
        .collect()
}

/// A foreground run whose container process was cloned early but that fails before
/// its spec is sent (the image cannot be pulled, a name is taken) ends that process
/// too: 125, the reason, no process, container or directory left.
#[test]
fn a_run_that_fails_after_its_early_clone_leaves_no_process() {
    let (sb, img) = with_image("runrm-early-fail", "busybox");
    let missing = sb.coracle(&[
        "run",
        "--rm",
        "--network",
        "none",
        "--name",
        "early-fail-missing-image",
        "127.0.0.1:1/early/none:latest",
        "true",
    ]);
    missing.code(125);
    assert!(missing.stderr.contains("127.0.0.1:1"), "{}", missing.stderr);
    sb.coracle(&["create", "--name", "early-fail-taken", &img, "true"])
        .success();
    let taken = sb.coracle(&[
        "run",
        "--rm",
        "--network",
        "none",
        "--name",
        "early-fail-taken",
        &img,
        "true",
    ]);
    taken.code(125);
    assert!(taken.stderr.contains("already in use"), "{}", taken.stderr);
    assert_eq!(processes_with("early-fail-"), Vec::<String>::new());
    sb.coracle(&["rm", "early-fail-taken"]).success();
    assert_no_container_left(&sb);
    assert_trash_empties_within(&sb, Duration::from_secs(10));
}
