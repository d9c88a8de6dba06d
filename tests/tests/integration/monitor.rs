//! The tiny per-container monitor and what rests on it, as the unprivileged user:
//! restart policies carried out by the monitor's cleanup, many coracle processes on
//! one store at once, a simulated reboot, a killed monitor, and the monitor's
//! resident memory.

use std::path::Path;
use std::time::Duration;

use coracle_tests::{Run, Sandbox};

use crate::lifecycle::{eventually, inspect, pid_alive, stdout};
use crate::run::with_image;

fn inspect_pid(sb: &Sandbox, id: &str, field: &str) -> i32 {
    let text = inspect(sb, id, &format!("{{{{.State.{field}}}}}"));
    text.parse()
        .unwrap_or_else(|_| panic!("{field} of {id} is {text:?}"))
}

/// `run -d ARGS…`: the container's full id.
fn run_detached(sb: &Sandbox, args: &[&str]) -> String {
    let mut all = vec!["run", "-d"];
    all.extend_from_slice(args);
    let id = stdout(sb, &all).trim().to_string();
    assert!(
        id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "run -d printed {id:?}"
    );
    id
}

fn kill9(pid: i32) {
    send(pid, "KILL");
}

/// `kill -SIGNAL pid` (the signal's name without SIG).
fn send(pid: i32, signal: &str) {
    let sent = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(sent.success(), "kill -{signal} {pid}");
}

/// The holder and backend pids that the rootless network records under `runtime`
/// name (the record is `networks/rootless-netns.json` below the run root).
fn network_helpers(runtime: &Path) -> Vec<i32> {
    let mut pids = Vec::new();
    let mut dirs = vec![runtime.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                dirs.push(path);
            } else if entry.file_name() == "rootless-netns.json" {
                let text = std::fs::read_to_string(&path).unwrap();
                let record: serde_json::Value = serde_json::from_str(&text).unwrap();
                for key in ["holder_pid", "backend_pid"] {
                    let pid = record[key]
                        .as_i64()
                        .unwrap_or_else(|| panic!("{key} in {text}"));
                    pids.push(i32::try_from(pid).unwrap());
                }
            }
        }
    }
    pids
}

/// Entries of a directory (none when it does not exist).
pub(crate) fn entries(dir: &Path) -> Vec<String> {
    match std::fs::read_dir(dir) {
        Ok(list) => list
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => vec![],
        Err(e) => panic!("read {}: {e}", dir.display()),
    }
}

/// Nothing of any container is left: no record, directory, lock, exit file or
/// mount below the sandbox.
pub(crate) fn assert_no_container_left(sb: &Sandbox) {
    assert_eq!(stdout(sb, &["ps", "-a", "-q"]), "", "records left");
    let store = sb.data().join("coracle");
    let left = entries(&store.join("containers"));
    let inside: Vec<String> = left
        .iter()
        .flat_map(|id| {
            let dir = store.join("containers").join(id);
            let mut found = vec![];
            let mut todo = vec![dir.clone()];
            while let Some(d) = todo.pop() {
                for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                    let p = e.path();
                    found.push(p.strip_prefix(&dir).unwrap().display().to_string());
                    if e.file_type().is_ok_and(|t| t.is_dir()) {
                        todo.push(p);
                    }
                }
            }
            found
        })
        .collect();
    assert_eq!(left, Vec::<String>::new(), "holding {inside:?}");
    // The lock files, in the runtime directory (a directory per store).
    let locks = sb.runtime().join("coracle/container-locks");
    let lock_files: Vec<String> = entries(&locks)
        .iter()
        .flat_map(|store| entries(&locks.join(store)))
        .collect();
    assert_eq!(lock_files, Vec::<String>::new(), "lock files left");
    assert!(
        !store.join("container-locks").exists(),
        "lock files in the store"
    );
    assert_eq!(
        entries(&sb.runtime().join("coracle/exits")),
        Vec::<String>::new()
    );
    assert_eq!(
        entries(&sb.runtime().join("coracle/containers")),
        Vec::<String>::new(),
        "runtime files left"
    );
    let mounts = std::fs::read_to_string("/proc/self/mountinfo").unwrap();
    let dir = sb.dir.to_string_lossy();
    assert!(
        !mounts.lines().any(|l| l.contains(dir.as_ref())),
        "mounts left below {dir}"
    );
}

#[test]
fn on_failure_restarts_twice_then_stays_exited() {
    let (sb, img) = with_image("monitor-restart", "busybox");
    let id = run_detached(
        &sb,
        &[
            "--restart=on-failure:2",
            &img,
            "sh",
            "-c",
            "echo started; exit 3",
        ],
    );
    let settled = || {
        inspect(
            &sb,
            &id,
            "{{.State.Status}} {{.State.ExitCode}} {{.RestartCount}}",
        ) == "exited 3 2"
    };
    assert!(
        eventually(Duration::from_secs(30), settled),
        "state: {}",
        inspect(
            &sb,
            &id,
            "{{.State.Status}} {{.State.ExitCode}} {{.RestartCount}}"
        )
    );
    // It stays so: no fourth start.
    std::thread::sleep(Duration::from_secs(1));
    assert!(settled());
    let logs = stdout(&sb, &["logs", &id]);
    assert_eq!(logs.matches("started").count(), 3, "logs: {logs:?}");
    assert_eq!(
        inspect(
            &sb,
            &id,
            "{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}"
        ),
        "on-failure 2"
    );
    sb.coracle(&["rm", &id]).success();
    assert_no_container_left(&sb);
}

#[test]
fn always_restarts_after_kill_but_not_after_stop() {
    let (sb, img) = with_image("monitor-always", "busybox");
    let id = run_detached(&sb, &["--restart=always", &img, "sleep", "1000"]);
    let first = inspect_pid(&sb, &id, "Pid");
    sb.coracle(&["kill", &id]).success();
    assert!(
        eventually(Duration::from_secs(20), || {
            inspect(&sb, &id, "{{.State.Status}} {{.RestartCount}}") == "running 1"
        }),
        "not restarted after kill: {}",
        inspect(&sb, &id, "{{.State.Status}} {{.RestartCount}}")
    );
    let second = inspect_pid(&sb, &id, "Pid");
    assert_ne!(first, second);
    assert!(pid_alive(second));
    sb.coracle(&["stop", "-t", "1", &id]).success();
    assert_eq!(inspect(&sb, &id, "{{.State.Status}}"), "exited");
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(
        inspect(&sb, &id, "{{.State.Status}} {{.RestartCount}}"),
        "exited 1"
    );
    assert!(!pid_alive(second));
    sb.coracle(&["rm", &id]).success();
    assert_no_container_left(&sb);
}

#[test]
fn rm_and_restart_do_not_mix() {
    let (sb, img) = with_image("monitor-rm-restart", "busybox");
    let out = sb.coracle(&["run", "-d", "--rm", "--restart=always", &img, "true"]);
    out.code(125);
    assert!(out.stderr.contains("--restart"), "{}", out.stderr);
    let out = sb.coracle(&["run", "--restart=always", &img, "true"]);
    out.code(125);
    assert!(out.stderr.contains("-d"), "{}", out.stderr);
    assert_eq!(stdout(&sb, &["ps", "-a", "-q"]), "");
}

/// Run `args` for each of `items` from separate coracle processes, all at once.
fn in_parallel(sb: &Sandbox, items: &[String], args: impl Fn(&str) -> Vec<String>) -> Vec<Run> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .iter()
            .map(|item| {
                let argv = args(item);
                scope.spawn(move || {
                    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
                    sb.coracle(&argv)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

#[test]
fn twenty_parallel_runs_then_twenty_parallel_removals() {
    let (sb, img) = with_image("monitor-parallel", "busybox");
    let names: Vec<String> = (0..20).map(|i| format!("par{i}")).collect();
    let runs = in_parallel(&sb, &names, |name| {
        ["run", "-d", "--name", name, &img, "sleep", "1000"]
            .map(String::from)
            .to_vec()
    });
    let mut ids = Vec::new();
    for run in &runs {
        run.success();
        assert_eq!(run.stderr, "", "{}", run.command);
        ids.push(run.stdout.trim().to_string());
    }
    let listed = stdout(&sb, &["ps", "-q", "--no-trunc"]);
    for id in &ids {
        assert!(listed.contains(id.as_str()), "{id} not running: {listed}");
    }
    assert_eq!(listed.lines().count(), 20);
    let removals = in_parallel(&sb, &ids, |id| ["rm", "-f", id].map(String::from).to_vec());
    for (run, id) in removals.iter().zip(&ids) {
        run.success();
        assert_eq!(run.stdout.trim(), id);
        assert_eq!(run.stderr, "", "{}", run.command);
    }
    assert_no_container_left(&sb);
}

#[test]
fn reboot_leaves_nothing_running_and_rm_all_cleans_up() {
    let (sb, img) = with_image("monitor-reboot", "busybox");
    let ids = [
        run_detached(&sb, &[&img, "sleep", "1000"]),
        run_detached(&sb, &["--restart=always", &img, "sleep", "1000"]),
        run_detached(&sb, &["-t", &img, "sleep", "1000"]),
    ];
    let pids: Vec<(i32, i32)> = ids
        .iter()
        .map(|id| {
            (
                inspect_pid(&sb, id, "ConmonPid"),
                inspect_pid(&sb, id, "Pid"),
            )
        })
        .collect();
    // The power goes: every monitor first (no cleanup may run), then every
    // container, and the runtime directory (a tmpfs) is empty afterwards.
    for &(monitor, _) in &pids {
        kill9(monitor);
    }
    for &(_, container) in &pids {
        kill9(container);
    }
    for &(monitor, container) in &pids {
        assert!(eventually(Duration::from_secs(5), || {
            !pid_alive(monitor) && !pid_alive(container)
        }));
    }
    // The reboot also ends the rootless network namespace's holder and pasta.
    let helpers = network_helpers(&sb.runtime());
    assert_eq!(helpers.len(), 2, "holder and pasta of the default network");
    for pid in helpers {
        if pid_alive(pid) {
            kill9(pid);
        }
    }
    for entry in entries(&sb.runtime()) {
        let path = sb.runtime().join(entry);
        if path.is_dir() {
            std::fs::remove_dir_all(&path).unwrap();
        } else {
            std::fs::remove_file(&path).unwrap();
        }
    }
    assert_eq!(stdout(&sb, &["ps", "-q"]), "", "running after the reboot");
    let states = stdout(&sb, &["ps", "-a", "--format", "{{.State}}"]);
    assert_eq!(
        states.lines().collect::<Vec<_>>(),
        ["exited"; 3],
        "{states}"
    );
    for id in &ids {
        assert_eq!(inspect(&sb, id, "{{.State.Running}}"), "false");
    }
    let removed = stdout(&sb, &["rm", "-a", "-f"]);
    assert_eq!(removed.lines().count(), 3, "{removed}");
    assert_no_container_left(&sb);
}

/// A `--rm` run ends by moving the container's directory to the trash, then
/// recording its end and deleting its record in one commit. The machine stopping
/// between the two (here: monitor and container killed, the directory moved as the
/// removal does) leaves a record whose process is gone: shown exited, and `rm`
/// removes it without its directory, the trash emptied by the next removal.
#[test]
fn a_removal_cut_off_after_the_move_to_the_trash_is_finished_by_rm() {
    let (sb, img) = with_image("monitor-cut-removal", "busybox");
    // The trash directory, made by coracle (as the test user) in a removal.
    sb.coracle(&["run", "--rm", "--network", "none", &img, "true"])
        .success();
    let trash = sb.data().join("coracle/trash");
    assert!(trash.is_dir());
    let id = run_detached(&sb, &["--network", "none", &img, "sleep", "1000"]);
    let (monitor, container) = (
        inspect_pid(&sb, &id, "ConmonPid"),
        inspect_pid(&sb, &id, "Pid"),
    );
    kill9(monitor);
    kill9(container);
    assert!(eventually(Duration::from_secs(5), || {
        !pid_alive(monitor) && !pid_alive(container)
    }));
    let dir = sb.data().join("coracle/containers").join(&id);
    std::fs::rename(&dir, trash.join(&id)).unwrap();
    assert_eq!(inspect(&sb, &id, "{{.State.Status}}"), "exited");
    assert_eq!(stdout(&sb, &["rm", &id]).trim(), id);
    assert_no_container_left(&sb);
    assert!(
        eventually(Duration::from_secs(10), || entries(&trash).is_empty()),
        "trash holds {:?}",
        entries(&trash)
    );
}

#[test]
fn killed_monitor_leaves_the_container_running_and_rm_f_removes_it() {
    let (sb, img) = with_image("monitor-killed", "busybox");
    let id = run_detached(&sb, &[&img, "sleep", "1000"]);
    let monitor = inspect_pid(&sb, &id, "ConmonPid");
    let pid = inspect_pid(&sb, &id, "Pid");
    kill9(monitor);
    assert!(eventually(Duration::from_secs(5), || !pid_alive(monitor)));
    // As with conmon: the container outlives its monitor, and is shown running.
    std::thread::sleep(Duration::from_millis(500));
    assert!(pid_alive(pid), "the container died with its monitor");
    assert_eq!(inspect(&sb, &id, "{{.State.Status}}"), "running");
    assert_eq!(stdout(&sb, &["ps", "-q", "--no-trunc"]).trim(), id);
    sb.coracle(&["rm", "-f", &id]).success();
    assert!(!pid_alive(pid));
    assert_no_container_left(&sb);
}

#[test]
fn an_rm_containers_root_is_volatile_and_mounts_again_after_a_crash() {
    let (sb, img) = with_image("monitor-volatile", "busybox");
    // Podman's choice: the writable layer of a --rm container is never synced (the
    // kernel shows the overlay option as "fsync=volatile"); other containers' is.
    let root_options = |args: &[&str]| {
        let mut all = vec!["run", "--network", "none"];
        all.extend_from_slice(args);
        all.extend_from_slice(&[&img, "grep", "^overlay / ", "/proc/mounts"]);
        stdout(&sb, &all)
    };
    let removed = root_options(&["--rm"]);
    assert!(removed.contains("fsync=volatile"), "--rm root: {removed}");
    let kept = root_options(&[]);
    assert!(
        !kept.contains("fsync=volatile"),
        "root without --rm: {kept}"
    );
    sb.coracle(&["rm", "-a"]).success();
    // A detached --rm container whose monitor and process die (a crash) stays,
    // exited, with the marker its volatile mount left in the work directory; the
    // kernel refuses that work directory until it is gone, so the next start clears
    // it, and the container runs (and is removed at its end) again.
    let id = run_detached(&sb, &["--rm", &img, "sleep", "1000"]);
    let (monitor, pid) = (
        inspect_pid(&sb, &id, "ConmonPid"),
        inspect_pid(&sb, &id, "Pid"),
    );
    kill9(monitor);
    kill9(pid);
    assert!(eventually(Duration::from_secs(5), || {
        !pid_alive(monitor) && !pid_alive(pid)
    }));
    assert!(eventually(Duration::from_secs(5), || inspect(
        &sb,
        &id,
        "{{.State.Status}}"
    ) == "exited"));
    let marker = sb
        .data()
        .join("coracle/containers")
        .join(&id)
        .join("work/work/incompat/volatile");
    assert!(
        marker.exists(),
        "no volatile marker at {}",
        marker.display()
    );
    sb.coracle(&["start", &id]).success();
    assert_eq!(inspect(&sb, &id, "{{.State.Status}}"), "running");
    sb.coracle(&["rm", "-f", &id]).success();
    assert_no_container_left(&sb);
}

#[test]
fn rm_f_past_a_stalled_monitor_leaves_nothing_once_it_ends() {
    // Under load a monitor may not write its exit file before `rm -f` stops waiting
    // for it (5 s): the container is removed without it, and what the monitor does
    // afterwards (its exit file, its exit command) must leave nothing behind.
    let (sb, img) = with_image("monitor-stalled", "busybox");
    let id = run_detached(&sb, &[&img, "sleep", "1000"]);
    let monitor = inspect_pid(&sb, &id, "ConmonPid");
    send(monitor, "STOP");
    let removed = sb.coracle(&["rm", "-f", &id]);
    send(monitor, "CONT");
    removed.success();
    assert_eq!(removed.stdout.trim(), id);
    assert_eq!(removed.stderr, "");
    assert!(
        eventually(Duration::from_secs(10), || !pid_alive(monitor)),
        "the monitor (then its exit command) did not end"
    );
    assert_no_container_left(&sb);
}

/// The monitor's resident set, from /proc/PID/status, in KiB.
fn vm_rss_kib(pid: i32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no VmRSS in {status}"))
}

/// Each mapping's resident KiB, for a failure message.
fn resident_mappings(pid: i32) -> String {
    let smaps = std::fs::read_to_string(format!("/proc/{pid}/smaps")).unwrap_or_default();
    let mut out = String::new();
    let mut name = String::new();
    for line in smaps.lines() {
        if let Some(rss) = line.strip_prefix("Rss:") {
            out.push_str(&format!("{:>8} {name}\n", rss.trim()));
        } else if !line.contains(':')
            || line
                .split_whitespace()
                .next()
                .is_some_and(|f| f.contains('-'))
        {
            name = line.to_string();
        }
    }
    out
}

#[test]
fn the_monitor_stays_under_one_mebibyte() {
    let (sb, img) = with_image("monitor-rss", "busybox");
    let id = run_detached(
        &sb,
        &[&img, "sh", "-c", "while :; do echo tick; sleep 0.1; done"],
    );
    let monitor = inspect_pid(&sb, &id, "ConmonPid");
    // It has been logging for a while (its relay loop has run many times).
    assert!(eventually(Duration::from_secs(10), || {
        stdout(&sb, &["logs", &id]).matches("tick").count() >= 5
    }));
    let exe = std::fs::read_link(format!("/proc/{monitor}/exe")).unwrap();
    assert_eq!(
        exe.file_name().unwrap(),
        "coracle-monitor",
        "the monitor runs {}",
        exe.display()
    );
    // It keeps the store's WAL index in use for the commands that follow; the
    // container itself holds nothing of the store.
    let holds_index = |pid: i32| {
        std::fs::read_dir(format!("/proc/{pid}/fd"))
            .unwrap()
            .filter_map(|fd| std::fs::read_link(fd.unwrap().path()).ok())
            .any(|target| target.ends_with("db.sqlite-shm"))
    };
    assert!(holds_index(monitor), "the monitor does not hold the index");
    let container = inspect_pid(&sb, &id, "Pid");
    assert!(
        !holds_index(container),
        "the container holds the store's index"
    );
    let rss = vm_rss_kib(monitor);
    eprintln!("monitor VmRSS: {rss} kB");
    assert!(
        rss < 1024,
        "the monitor holds {rss} KiB:\n{}",
        resident_mappings(monitor)
    );
    sb.coracle(&["rm", "-f", &id]).success();
    assert_no_container_left(&sb);
}

/// `run --name NAME ARGS…` in the foreground, in the background of the test, once
/// `ps` lists it running.
pub(crate) fn run_foreground(sb: &Sandbox, name: &str, args: &[&str]) -> std::process::Child {
    let mut all = vec!["run", "--name", name];
    all.extend_from_slice(args);
    let child = sb.command(&all).spawn().expect("start the foreground run");
    assert!(
        eventually(Duration::from_secs(20), || {
            stdout(sb, &["ps", "--format", "{{.Names}}"]).trim() == name
        }),
        "the foreground container {name} is not listed running"
    );
    child
}

#[test]
fn rm_f_of_a_foreground_container_from_another_process() {
    let (sb, img) = with_image("monitor-foreground-rm", "busybox");
    let mut foreground = run_foreground(&sb, "fg", &[&img, "sleep", "1000"]);
    let started = std::time::Instant::now();
    sb.coracle(&["rm", "-f", "fg"]).success();
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "rm -f took {:?}",
        started.elapsed()
    );
    let status = foreground.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(137),
        "the foreground run ended with {status}"
    );
    assert_no_container_left(&sb);
}
