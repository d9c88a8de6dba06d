//! Resource limits, `stats`, `pause`/`unpause` and health checks. As root (no user
//! namespace) containers get cgroups the way Podman's cgroupfs manager makes them, on
//! cgroup v1 as on v2, so the limits are exercised: an OOM kill shows in `inspect`,
//! `--pids-limit` stops a fork loop, `stats` shows the limit, `pause` uses the
//! freezer. As the unprivileged user on a host without cgroup v2 delegation the
//! limits fail with 125 and the reason, and `pause` stops every process with SIGSTOP.

use std::path::{Path, PathBuf};
use std::time::Duration;

use coracle_tests::{testbed, Sandbox};

use crate::exec::RemoveAll;
use crate::lifecycle::eventually;
use crate::run::with_image;
use crate::util::{coracle_as_root, store_dir, tempdir};

/// A root store with busybox pulled; every container in it is removed, and the
/// directory with it, when the test ends.
pub(crate) struct RootStore {
    pub(crate) dir: PathBuf,
    pub(crate) image: String,
}

impl RootStore {
    pub(crate) fn new(name: &str) -> RootStore {
        let dir = tempdir(name);
        let image = format!("{}/busybox:latest", testbed().registry);
        coracle_as_root(&dir, &["pull", "-q", "--tls-verify=false", &image]).success();
        RootStore { dir, image }
    }

    pub(crate) fn coracle(&self, args: &[&str]) -> coracle_tests::Run {
        coracle_as_root(&self.dir, args)
    }

    pub(crate) fn out(&self, args: &[&str]) -> String {
        self.coracle(args).success().stdout.trim().to_string()
    }
}

impl Drop for RootStore {
    fn drop(&mut self) {
        let _ = self.coracle(&["rm", "-f", "-a", "-t", "0"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The directory of container `id`'s cgroup for `controller` on this host.
fn cgroup_dir(controller: &str, id: &str) -> PathBuf {
    let root = Path::new("/sys/fs/cgroup");
    if root.join("cgroup.controllers").is_file() {
        root.join("coracle").join(id)
    } else {
        root.join(controller).join("coracle").join(id)
    }
}

fn cgroup_v2_host() -> bool {
    Path::new("/sys/fs/cgroup/cgroup.controllers").is_file()
}

#[test]
fn as_root_a_memory_limit_oom_kills_and_inspect_says_so() {
    let store = RootStore::new("cg-oom");
    // 64 MiB held in a shell variable: far beyond 32 MiB (and 32 MiB of swap).
    let run = store.coracle(&[
        "run",
        "--name",
        "hog",
        "--memory",
        "32m",
        &store.image,
        "sh",
        "-c",
        "x=$(head -c 67108864 /dev/zero | tr '\\0' a); echo ${#x}",
    ]);
    run.code(137);
    assert!(!run.stdout.contains("67108864"), "{run}");
    let state = store.out(&[
        "inspect",
        "--format",
        "{{.State.OOMKilled}} {{.State.ExitCode}} {{.HostConfig.Memory}}",
        "hog",
    ]);
    assert_eq!(state, "true 137 33554432");
    let id = store.out(&["inspect", "--format", "{{.Id}}", "hog"]);
    assert!(
        !cgroup_dir("memory", &id).exists(),
        "the cgroup outlived the container"
    );
    // The same program within its limit is not killed, and not marked.
    store
        .coracle(&[
            "run",
            "--name",
            "small",
            "--memory",
            "32m",
            &store.image,
            "sh",
            "-c",
            "x=$(head -c 1048576 /dev/zero | tr '\\0' a); echo ${#x}",
        ])
        .success();
    let state = store.out(&["inspect", "--format", "{{.State.OOMKilled}}", "small"]);
    assert_eq!(state, "false");
}

#[test]
fn as_root_a_pids_limit_stops_a_fork_loop() {
    let store = RootStore::new("cg-pids");
    let started = std::time::Instant::now();
    let run = store.coracle(&[
        "run",
        "--rm",
        "--pids-limit",
        "20",
        &store.image,
        "sh",
        "-c",
        "while true; do sleep 100 & done",
    ]);
    // The shell's fork fails, it gives up and the container (with its sleeps) ends.
    run.code(2);
    assert!(run.stderr.contains("can't fork"), "{run}");
    assert!(started.elapsed() < Duration::from_secs(60));
    assert_eq!(store.out(&["ps", "-a", "-q"]), "");
}

#[test]
fn as_root_stats_shows_the_limits_and_rm_removes_the_cgroup() {
    let store = RootStore::new("cg-stats");
    let id = store.out(&[
        "run",
        "-d",
        "--memory",
        "64m",
        "--pids-limit",
        "50",
        "--cpus",
        "0.5",
        &store.image,
        "sleep",
        "1000",
    ]);
    let read = |controller: &str, file: &str| {
        std::fs::read_to_string(cgroup_dir(controller, &id).join(file))
            .unwrap_or_else(|e| panic!("{controller}/{file}: {e}"))
            .trim()
            .to_string()
    };
    assert_eq!(read("pids", "pids.max"), "50");
    if cgroup_v2_host() {
        assert_eq!(read("memory", "memory.max"), "67108864");
        assert_eq!(read("cpu", "cpu.max"), "50000 100000");
    } else {
        assert_eq!(read("memory", "memory.limit_in_bytes"), "67108864");
        assert_eq!(read("cpu", "cpu.cfs_quota_us"), "50000");
    }
    let table = store.out(&["stats", "--no-stream"]);
    assert!(table.contains("MEM USAGE / LIMIT"), "{table}");
    assert!(table.contains(&id[..12]), "{table}");
    let line = store.out(&[
        "stats",
        "--no-stream",
        "--format",
        "{{.MemUsage}}|{{.PIDs}}",
        &id,
    ]);
    assert!(line.ends_with("/ 67.1 MB|1"), "{line}");
    let json = store.out(&["stats", "--no-stream", "--format", "json", &id]);
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed[0]["MemLimit"], 67_108_864);
    assert_eq!(parsed[0]["PIDs"], 1);
    store.coracle(&["rm", "-f", "-t", "0", &id]).success();
    for controller in ["memory", "pids", "cpu"] {
        assert!(!cgroup_dir(controller, &id).exists(), "{controller} left");
    }
}

#[test]
fn as_root_pause_freezes_the_cgroup_and_stop_thaws_it() {
    let store = RootStore::new("cg-freeze");
    let id = store.out(&["run", "-d", &store.image, "sleep", "1000"]);
    store.coracle(&["pause", &id]).success();
    let freezer = if cgroup_v2_host() {
        std::fs::read_to_string(cgroup_dir("", &id).join("cgroup.freeze")).unwrap()
    } else {
        std::fs::read_to_string(cgroup_dir("freezer", &id).join("freezer.state")).unwrap()
    };
    assert!(matches!(freezer.trim(), "FROZEN" | "1"), "{freezer}");
    assert_eq!(
        store.out(&["ps", "--format", "{{.Status}}"]),
        "Paused",
        "ps after pause"
    );
    let exec = store.coracle(&["exec", &id, "true"]);
    exec.code(125);
    assert!(exec.stderr.contains("paused"), "{exec}");
    store.coracle(&["unpause", &id]).success();
    assert!(store
        .out(&["ps", "--format", "{{.Status}}"])
        .starts_with("Up"));
    store.coracle(&["pause", &id]).success();
    store.coracle(&["stop", "-t", "1", &id]).success();
    let status = store.out(&["inspect", "--format", "{{.State.Status}}", &id]);
    assert_eq!(status, "exited");
}

/// The reason rootless limits fail on this host.
fn rootless_reason() -> &'static str {
    if cgroup_v2_host() {
        "cgroup v2 host"
    } else {
        "cgroup v1 host: rootless resource limits need cgroup v2 with delegation"
    }
}

#[test]
fn rootless_limits_without_delegation_fail_naming_the_reason() {
    let (sb, img) = with_image("cg-rootless-limits", "busybox");
    let _cleanup = RemoveAll(&sb);
    for flags in [
        &["--memory", "32m"][..],
        &["--pids-limit", "20"],
        &["--cpus", "1"],
    ] {
        let mut args = vec!["run", "--rm"];
        args.extend_from_slice(flags);
        args.extend_from_slice(&[&img, "true"]);
        let run = sb.coracle(&args);
        run.code(125);
        assert!(run.stderr.contains(rootless_reason()), "{run}");
        assert_eq!(run.stderr.trim().lines().count(), 1, "{run}");
    }
    let create = sb.coracle(&["create", "--memory", "32m", &img, "true"]);
    create.code(125);
    assert!(create.stderr.contains(rootless_reason()), "{create}");
    assert_eq!(sb.coracle(&["ps", "-a", "-q"]).success().stdout, "");
    let containers = store_dir(&sb).join("containers");
    let left: Vec<_> = std::fs::read_dir(&containers)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "container directories left: {left:?}");
    // Bad units are refused before anything else.
    let bad = sb.coracle(&["run", "--rm", "--memory", "lots", &img, "true"]);
    bad.code(125);
    assert!(bad.stderr.contains("--memory"), "{bad}");
    // stats has nothing to read either, and says why.
    let stats = sb.coracle(&["stats", "--no-stream"]);
    stats.code(125);
    assert!(stats.stderr.contains(rootless_reason()), "{stats}");
}

/// The host pids of the container's init and its children.
fn container_pids(sb: &Sandbox, id: &str) -> Vec<i32> {
    let init: i32 = sb
        .coracle(&["inspect", "--format", "{{.State.Pid}}", id])
        .success()
        .stdout
        .trim()
        .parse()
        .unwrap();
    let children = std::fs::read_to_string(format!("/proc/{init}/task/{init}/children")).unwrap();
    std::iter::once(init)
        .chain(children.split_whitespace().map(|p| p.parse().unwrap()))
        .collect()
}

fn process_state(pid: i32) -> String {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("State:"))
        .unwrap()
        .trim()
        .chars()
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn rootless_pause_stops_every_process_and_unpause_resumes_them() {
    let (sb, img) = with_image("cg-rootless-pause", "busybox");
    let _cleanup = RemoveAll(&sb);
    let run = sb.coracle(&["run", "-d", &img, "sh", "-c", "sleep 1000 & wait"]);
    let id = run.success().stdout.trim().to_string();
    assert!(
        eventually(Duration::from_secs(5), || container_pids(&sb, &id).len()
            == 2),
        "the sleep did not start"
    );
    let pids = container_pids(&sb, &id);
    sb.coracle(&["pause", &id]).success();
    for pid in &pids {
        assert_eq!(process_state(*pid), "T", "process {pid} after pause");
    }
    let status = sb
        .coracle(&["ps", "--format", "{{.Status}}"])
        .success()
        .stdout
        .clone();
    assert_eq!(status.trim(), "Paused");
    let again = sb.coracle(&["pause", &id]);
    again.code(125);
    assert!(again.stderr.contains("is paused"), "{again}");
    let exec = sb.coracle(&["exec", &id, "true"]);
    exec.code(125);
    assert!(exec.stderr.contains("paused"), "{exec}");
    sb.coracle(&["unpause", &id]).success();
    for pid in &pids {
        // Continued: sleeping again (or, for a moment, running), never stopped.
        assert!(
            eventually(Duration::from_secs(2), || process_state(*pid) == "S"),
            "process {pid} after unpause: {}",
            process_state(*pid)
        );
    }
    let status = sb
        .coracle(&[
            "inspect",
            "--format",
            "{{.State.Status}} {{.State.Paused}}",
            &id,
        ])
        .success()
        .stdout
        .clone();
    assert_eq!(status.trim(), "running false");
    // A paused container stops: it is continued so that it can end.
    sb.coracle(&["pause", &id]).success();
    sb.coracle(&["stop", "-t", "1", &id]).success();
    let status = sb
        .coracle(&["inspect", "--format", "{{.State.Status}}", &id])
        .success()
        .stdout
        .clone();
    assert_eq!(status.trim(), "exited");
    let unpause = sb.coracle(&["unpause", &id]);
    unpause.code(125);
    assert!(unpause.stderr.contains("exited"), "{unpause}");
}

fn health_status(sb: &Sandbox, id: &str) -> String {
    sb.coracle(&["inspect", "--format", "{{.State.Health.Status}}", id])
        .success()
        .stdout
        .trim()
        .to_string()
}

#[test]
fn healthcheck_run_records_healthy_and_unhealthy() {
    let (sb, img) = with_image("cg-health", "busybox");
    let _cleanup = RemoveAll(&sb);
    let run = sb.coracle(&[
        "run",
        "-d",
        "--health-cmd",
        "test -e /tmp/ok && echo fine",
        "--health-retries",
        "1",
        "--health-interval",
        "0",
        &img,
        "sleep",
        "1000",
    ]);
    let id = run.success().stdout.trim().to_string();
    assert_eq!(health_status(&sb, &id), "starting");
    let check = sb.coracle(&["healthcheck", "run", &id]);
    check.code(1);
    assert_eq!(check.stdout, "unhealthy\n");
    assert_eq!(health_status(&sb, &id), "unhealthy");
    sb.coracle(&["exec", &id, "touch", "/tmp/ok"]).success();
    let check = sb.coracle(&["healthcheck", "run", &id]);
    check.code(0);
    assert_eq!(check.stdout, "");
    assert_eq!(health_status(&sb, &id), "healthy");
    let log = sb
        .coracle(&[
            "inspect",
            "--format",
            "{{.State.Health.FailingStreak}} {{len .State.Health.Log}}",
            &id,
        ])
        .success()
        .stdout
        .clone();
    assert_eq!(log.trim(), "0 2");
    let output = sb
        .coracle(&["inspect", "--format", "{{json .State.Health.Log}}", &id])
        .success()
        .stdout
        .clone();
    assert!(output.contains("fine"), "{output}");

    // A check slower than its timeout fails, and in time.
    let slow = sb.coracle(&[
        "run",
        "-d",
        "--health-cmd",
        "sleep 30",
        "--health-timeout",
        "1s",
        "--health-retries",
        "1",
        &img,
        "sleep",
        "1000",
    ]);
    let slow = slow.success().stdout.trim().to_string();
    let started = std::time::Instant::now();
    sb.coracle(&["healthcheck", "run", &slow]).code(1);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(health_status(&sb, &slow), "unhealthy");

    // Without a health check, or not running: 125 naming the reason.
    let plain = sb.coracle(&["run", "-d", &img, "sleep", "1000"]);
    let plain = plain.success().stdout.trim().to_string();
    let none = sb.coracle(&["healthcheck", "run", &plain]);
    none.code(125);
    assert!(none.stderr.contains("no defined healthcheck"), "{none}");
    sb.coracle(&["stop", "-t", "0", &id]).success();
    let stopped = sb.coracle(&["healthcheck", "run", &id]);
    stopped.code(125);
    assert!(stopped.stderr.contains("exited"), "{stopped}");
}

#[test]
fn the_monitor_runs_health_checks_every_interval() {
    let (sb, img) = with_image("cg-health-timer", "busybox");
    let _cleanup = RemoveAll(&sb);
    // Healthy only once /tmp/ok exists: the monitor's checks must notice both states.
    let run = sb.coracle(&[
        "run",
        "-d",
        "--health-cmd",
        "test -e /tmp/ok",
        "--health-interval",
        "1s",
        "--health-retries",
        "2",
        &img,
        "sleep",
        "1000",
    ]);
    let id = run.success().stdout.trim().to_string();
    let unhealthy = crate::lifecycle::eventually(Duration::from_secs(15), || {
        health_status(&sb, &id) == "unhealthy"
    });
    assert!(unhealthy, "two failed timed checks make it unhealthy");
    sb.coracle(&["exec", &id, "touch", "/tmp/ok"]).success();
    let healthy = crate::lifecycle::eventually(Duration::from_secs(15), || {
        health_status(&sb, &id) == "healthy"
    });
    assert!(healthy, "a timed check after the fix makes it healthy");
    let streak = sb
        .coracle(&["inspect", "--format", "{{len .State.Health.Log}}", &id])
        .success()
        .stdout
        .trim()
        .parse::<usize>()
        .unwrap_or(0);
    assert!(streak >= 3, "{streak} checks logged");

    // `--health-interval disable`: no timed checks at all.
    let quiet = sb.coracle(&[
        "run",
        "-d",
        "--health-cmd",
        "true",
        "--health-interval",
        "disable",
        &img,
        "sleep",
        "1000",
    ]);
    let quiet = quiet.success().stdout.trim().to_string();
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(health_status(&sb, &quiet), "starting");
}
