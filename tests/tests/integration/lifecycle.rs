//! Detached containers and the commands around them, as the unprivileged user: `run
//! -d` under a per-container monitor, `ps`, `logs`, `stop`, `kill`, `rm`, `inspect`,
//! `wait`, names and id prefixes, and a monitor killed with SIGKILL.

use std::time::{Duration, Instant};

use coracle_tests::Sandbox;

use crate::run::with_image;

/// Poll `check` every 50 ms for at most `limit`; whether it became true.
pub(crate) fn eventually(limit: Duration, mut check: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if check() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub(crate) fn stdout(sb: &Sandbox, args: &[&str]) -> String {
    sb.coracle(args).success().stdout.clone()
}

/// `run -d`: the container's full id, the CLI already gone.
fn run_detached(sb: &Sandbox, extra: &[&str], img: &str, cmd: &[&str]) -> String {
    let mut args = vec!["run", "-d"];
    args.extend_from_slice(extra);
    args.push(img);
    args.extend_from_slice(cmd);
    let started = Instant::now();
    let id = stdout(sb, &args).trim().to_string();
    assert!(
        id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "run -d printed {id:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "run -d did not return at once"
    );
    id
}

pub(crate) fn inspect(sb: &Sandbox, id: &str, format: &str) -> String {
    stdout(sb, &["inspect", "--format", format, id])
        .trim()
        .to_string()
}

pub(crate) fn pid_alive(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| {
            !s.rsplit_once(')')
                .is_some_and(|(_, r)| r.trim_start().starts_with('Z'))
        })
        .unwrap_or(false)
}

#[test]
fn detached_container_lives_is_listed_logged_stopped_and_removed() {
    let (sb, img) = with_image("life-detached", "busybox");
    let id = run_detached(
        &sb,
        &["--name", "sleeper"],
        &img,
        &["sh", "-c", "echo hi; echo oops >&2; sleep 1000"],
    );
    // Listed as running, by name and short id; the monitor is no child of the CLI.
    let ps = stdout(&sb, &["ps"]);
    assert!(ps.contains("sleeper") && ps.contains(&id[..12]), "{ps}");
    assert!(ps.contains("Up "), "{ps}");
    assert_eq!(inspect(&sb, "sleeper", "{{.State.Status}}"), "running");
    let conmon: i32 = inspect(&sb, &id[..8], "{{.State.ConmonPid}}")
        .parse()
        .unwrap();
    let pid: i32 = inspect(&sb, &id, "{{.State.Pid}}").parse().unwrap();
    assert!(
        pid_alive(conmon) && pid_alive(pid),
        "monitor {conmon}, container {pid}"
    );
    let rss = std::fs::read_to_string(format!("/proc/{conmon}/status")).unwrap();
    eprintln!(
        "monitor {}",
        rss.lines()
            .find(|l| l.starts_with("VmRSS"))
            .unwrap_or("VmRSS: ?")
    );
    // The log: stdout and stderr kept apart, in k8s-file format on disk.
    assert!(
        eventually(Duration::from_secs(10), || {
            let logs = sb.coracle(&["logs", "sleeper"]);
            logs.stdout == "hi\n" && logs.stderr == "oops\n"
        }),
        "logs never showed the output"
    );
    // The last line is stderr's: --tail 1 prints nothing on stdout, --tail 2 the hi.
    assert_eq!(stdout(&sb, &["logs", "--tail", "1", &id]), "");
    let stamped = stdout(&sb, &["logs", "-t", "--tail", "2", &id]);
    assert!(
        stamped.ends_with(" hi\n") && stamped.contains('T'),
        "{stamped}"
    );
    let log = std::fs::read_to_string(
        sb.dir
            .join(format!("data/coracle/containers/{id}/userdata/ctr.log")),
    )
    .unwrap();
    assert!(log.lines().any(|l| l.ends_with(" stdout F hi")), "{log}");
    // A taken name is an error naming the holder; the store keeps one container.
    let taken = sb.coracle(&["run", "-d", "--name", "sleeper", &img, "true"]);
    taken.code(125);
    assert!(taken.stderr.contains(&id[..12]), "{}", taken.stderr);
    // rm without -f refuses a running container, with Podman's exit status 2; a
    // name that finds nothing gives Podman's 1, and nothing is removed.
    let refused = sb.coracle(&["rm", "sleeper"]);
    refused.code(2);
    assert!(refused.stderr.contains("as it is running"), "{refused}");
    assert_eq!(refused.stderr.lines().count(), 1, "{refused}");
    let missing = sb.coracle(&["rm", "-f", "sleeper", "nosuch"]);
    missing.code(1);
    assert!(missing.stderr.contains("\"nosuch\""), "{missing}");
    sb.coracle(&["container", "exists", "sleeper"]).success();
    // stop: PID 1 ignores SIGTERM, so SIGKILL after 1 s.
    let started = Instant::now();
    sb.coracle(&["stop", "-t", "1", "sleeper"]).success();
    assert!(started.elapsed() < Duration::from_secs(8));
    let ps_a = stdout(&sb, &["ps", "-a"]);
    assert!(ps_a.contains("Exited (137)"), "{ps_a}");
    assert_eq!(stdout(&sb, &["ps", "-q"]), "");
    assert_eq!(inspect(&sb, &id, "{{.State.ExitCode}}"), "137");
    assert_eq!(stdout(&sb, &["wait", "sleeper"]), "137\n");
    assert!(!pid_alive(conmon), "the monitor outlived its container");
    // rm removes record, writable layer and directory.
    let dir = sb.dir.join(format!("data/coracle/containers/{id}"));
    assert!(dir.exists());
    sb.coracle(&["rm", &id[..10]]).success();
    assert!(!dir.exists(), "rm left {}", dir.display());
    assert_eq!(stdout(&sb, &["ps", "-a", "-q"]), "");
    sb.coracle(&["container", "exists", "sleeper"]).code(1);
}

#[test]
fn detached_rm_container_goes_away_by_itself() {
    let (sb, img) = with_image("life-rm", "busybox");
    // A file of a subordinate id (user 1000 in the container): the child that
    // deletes the directory after the monitor's cleanup needs the user namespace.
    let script = "touch /owned; chown 1000:1000 /owned";
    let id = run_detached(&sb, &["--rm"], &img, &["sh", "-c", script]);
    assert!(
        eventually(Duration::from_secs(3), || stdout(&sb, &["ps", "-a", "-q"])
            .is_empty()),
        "{}",
        stdout(&sb, &["ps", "-a"])
    );
    // Its directory left the store with its record, and is deleted beside it.
    assert!(!sb
        .dir
        .join(format!("data/coracle/containers/{id}"))
        .exists());
    crate::run_rm::assert_trash_empties_within(&sb, Duration::from_secs(10));
}

#[test]
fn formats_for_scripts_and_wait() {
    let (sb, img) = with_image("life-formats", "busybox");
    let a = run_detached(
        &sb,
        &["--label", "team=blue"],
        &img,
        &["sh", "-c", "exit 3"],
    );
    let b = run_detached(&sb, &[], &img, &["sleep", "1000"]);
    assert_eq!(stdout(&sb, &["wait", &a]), "3\n");
    assert_eq!(inspect(&sb, &a, "{{.State.ExitCode}}"), "3");
    assert_eq!(inspect(&sb, &a, "{{.State.Status}}"), "exited");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&sb, &["ps", "-a", "--format", "json"])).unwrap();
    let list = json.as_array().unwrap();
    assert_eq!(list.len(), 2, "{json}");
    let first = list.iter().find(|c| c["Id"] == a.as_str()).unwrap();
    assert_eq!(first["ExitCode"], 3);
    assert_eq!(first["Labels"]["team"], "blue");
    // Names only; a random Docker-style name for each.
    let names = stdout(&sb, &["ps", "-a", "--format", "{{.Names}}"]);
    let names: Vec<&str> = names.lines().collect();
    assert_eq!(names.len(), 2);
    assert!(
        names.iter().all(|n| n.contains('_') && !n.contains(' ')),
        "{names:?}"
    );
    let ids = stdout(
        &sb,
        &["ps", "--no-trunc", "--format", "{{.ID}} {{.Status}}"],
    );
    assert!(ids.starts_with(&format!("{b} Up ")), "{ids}");
    // inspect is a JSON array like Podman's.
    let full: serde_json::Value =
        serde_json::from_str(&stdout(&sb, &["container", "inspect", &b])).unwrap();
    assert_eq!(full[0]["Id"], b.as_str());
    assert_eq!(full[0]["Path"], "sleep");
    assert_eq!(full[0]["Args"][0], "1000");
    assert_eq!(full[0]["State"]["Running"], true);
    // kill -s: the container's exit code is the signal's.
    sb.coracle(&["kill", "-s", "KILL", &b]).success();
    assert_eq!(stdout(&sb, &["wait", &b]), "137\n");
    // An ambiguous prefix lists the candidates (ids share no prefix here unless by
    // luck, so use the empty-looking one: a single hex digit both may share).
    sb.coracle(&["rm", "-a"]).success();
    assert_eq!(stdout(&sb, &["ps", "-a", "-q"]), "");
}

#[test]
fn killed_monitor_leaves_a_truthful_container_that_rm_f_removes() {
    let (sb, img) = with_image("life-monitor-killed", "busybox");
    let id = run_detached(&sb, &[], &img, &["sleep", "1000"]);
    let conmon: i32 = inspect(&sb, &id, "{{.State.ConmonPid}}").parse().unwrap();
    let pid: i32 = inspect(&sb, &id, "{{.State.Pid}}").parse().unwrap();
    assert!(pid_alive(conmon));
    // SAFETY-free: the test runs as root and kills the monitor it just read.
    let killed = std::process::Command::new("kill")
        .args(["-KILL", &conmon.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    assert!(eventually(Duration::from_secs(5), || !pid_alive(conmon)));
    // Whatever happens to the container (it outlives its monitor, as with conmon:
    // see monitor.rs), the state shown is what is true of its pid at that time.
    assert!(
        eventually(Duration::from_secs(5), || {
            let before = pid_alive(pid);
            let status = inspect(&sb, &id, "{{.State.Status}}");
            let after = pid_alive(pid);
            before == after && status == if after { "running" } else { "exited" }
        }),
        "state and pid disagree"
    );
    sb.coracle(&["rm", "-f", &id]).success();
    assert!(!pid_alive(pid));
    assert_eq!(stdout(&sb, &["ps", "-a", "-q"]), "");
    assert!(!sb
        .dir
        .join(format!("data/coracle/containers/{id}"))
        .exists());
}

#[test]
fn create_then_start_runs_the_saved_spec() {
    let (sb, img) = with_image("life-create-start", "busybox");
    let id = stdout(
        &sb,
        &[
            "create",
            "--name",
            "later",
            "-e",
            "GREETING=saved",
            &img,
            "sh",
            "-c",
            "echo $GREETING",
        ],
    )
    .trim()
    .to_string();
    assert_eq!(inspect(&sb, "later", "{{.State.Status}}"), "created");
    assert_eq!(stdout(&sb, &["start", "later"]), "later\n");
    assert_eq!(stdout(&sb, &["wait", "later"]), "0\n");
    assert_eq!(stdout(&sb, &["logs", &id]), "saved\n");
    // A command that cannot run: 127 from run -d, and an exited record with the error.
    let missing = sb.coracle(&["run", "-d", "--name", "broken", &img, "/no/such"]);
    missing.code(127);
    assert!(missing.stderr.contains("/no/such"), "{}", missing.stderr);
    assert_eq!(inspect(&sb, "broken", "{{.State.Status}}"), "exited");
    assert!(inspect(&sb, "broken", "{{.State.Error}}").contains("/no/such"));
    sb.coracle(&["rm", "-a", "-f"]).success();
    assert_eq!(stdout(&sb, &["ps", "-a", "-q"]), "");
}

/// A start that fails on a container that has run before leaves it exited with the
/// new error and exit code (the state machine's exit move, made only from a live or
/// created container, used to refuse to record it and the start reported that
/// instead).
#[test]
fn a_failed_start_of_an_exited_container_records_its_error() {
    let (sb, img) = with_image("restart-fails", "busybox");
    // Its one run removes its own command: the next start cannot run it.
    sb.coracle(&["create", "--name", "once", &img, "/bin/rm", "/bin/rm"])
        .success();
    sb.coracle(&["start", "once"]).success();
    assert_eq!(stdout(&sb, &["wait", "once"]), "0\n");
    assert_eq!(inspect(&sb, "once", "{{.State.Error}}"), "");

    let again = sb.coracle(&["start", "once"]);
    assert_ne!(again.code, 0, "{}", again.stderr);
    assert!(again.stderr.contains("/bin/rm"), "{}", again.stderr);
    assert!(
        !again.stderr.contains("cleaning up after it failed too"),
        "the failure was recorded: {}",
        again.stderr
    );
    assert_eq!(inspect(&sb, "once", "{{.State.Status}}"), "exited");
    assert!(
        inspect(&sb, "once", "{{.State.Error}}").contains("/bin/rm"),
        "error recorded"
    );
    assert_eq!(inspect(&sb, "once", "{{.State.ExitCode}}"), "127");
    sb.coracle(&["rm", "once"]).success();
}

/// The checkpoint sequence number of the store's WAL (bytes 12..16 of its header),
/// which each restart of the WAL after a checkpoint increments.
fn wal_sequence(sb: &Sandbox) -> u32 {
    let wal = std::fs::read(sb.data().join("coracle/db.sqlite-wal")).expect("the WAL");
    u32::from_be_bytes(wal[12..16].try_into().expect("a WAL header"))
}

#[test]
fn the_wal_is_checkpointed_beside_the_commands_that_grew_it() {
    let (sb, img) = with_image("wal-checkpoint", "busybox");
    let before = wal_sequence(&sb);
    for i in 0..40 {
        let name = format!("c{i}");
        sb.coracle(&["create", "--name", &name, &img, "true"])
            .success();
    }
    // The commands' commits leave the checkpoint to a process of its own, started by
    // the command that grew the WAL past 24 pages: it happens, and the WAL stays
    // short (each restart starts it over).
    assert!(
        eventually(Duration::from_secs(10), || wal_sequence(&sb) != before),
        "the WAL was never checkpointed and restarted"
    );
    let size = std::fs::metadata(sb.data().join("coracle/db.sqlite-wal"))
        .expect("the WAL")
        .len();
    assert!(size < 160 * 4120, "the WAL grew to {size} bytes");
    sb.coracle(&["rm", "-a"]).success();
}

/// The frames of the store's WAL written since its last restart (those whose salt is
/// the header's; a restart writes over the old ones from the start).
fn wal_frames(sb: &Sandbox) -> usize {
    let wal = std::fs::read(sb.data().join("coracle/db.sqlite-wal")).expect("the WAL");
    let page = u32::from_be_bytes(wal[8..12].try_into().expect("a WAL header")) as usize;
    let salt = &wal[16..24];
    wal[32..]
        .chunks_exact(24 + page)
        .take_while(|frame| &frame[8..16] == salt)
        .count()
}

#[test]
fn a_series_of_run_rm_checkpoints_the_wal_from_its_cleaners() {
    let (sb, img) = with_image("wal-checkpoint-rm", "busybox");
    let before = wal_sequence(&sb);
    // Each `run --rm` commits about nine pages; the one that grows the WAL past 24
    // hands the checkpoint to the child that deletes its directory.
    for _ in 0..12 {
        sb.coracle(&["run", "--rm", "--network", "none", &img, "true"])
            .success();
    }
    assert!(
        eventually(Duration::from_secs(10), || wal_sequence(&sb) != before),
        "the WAL was never checkpointed and restarted"
    );
    assert!(
        eventually(Duration::from_secs(10), || wal_frames(&sb) < 40),
        "the WAL holds {} frames",
        wal_frames(&sb)
    );
    let trash = sb.data().join("coracle/trash");
    assert!(
        eventually(Duration::from_secs(10), || crate::monitor::entries(&trash)
            .is_empty()),
        "the trash holds {:?}",
        crate::monitor::entries(&trash)
    );
}
