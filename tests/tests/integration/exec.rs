//! `exec` and `top` in a detached container, as the unprivileged user: the exec'd
//! process joins every namespace of the container (its PID namespace included), runs
//! with its capabilities, seccomp filter, user and environment, inside its root, and
//! exits with the command's status (125/126/127 as `run`); `top` lists its processes.

use coracle_tests::Sandbox;

use crate::run::with_image;
use crate::terminal::{coracle_line, Tmux};

/// Removes every container of the sandbox (and so every process in them) when the
/// test ends, passed or failed.
pub(crate) struct RemoveAll<'a>(pub(crate) &'a Sandbox);

impl Drop for RemoveAll<'_> {
    fn drop(&mut self) {
        let _ = self.0.coracle(&["rm", "-f", "-a", "-t", "0"]);
    }
}

/// A detached busybox container running `sh -c 'echo hi; sleep 1000'`: its id, and
/// the guard that removes it.
fn sleeper<'a>(sb: &'a Sandbox, img: &str) -> (String, RemoveAll<'a>) {
    let out = sb.coracle(&["run", "-d", img, "sh", "-c", "echo hi; sleep 1000"]);
    let id = out.success().stdout.trim().to_string();
    assert_eq!(id.len(), 64, "run -d printed {id:?}");
    (id, RemoveAll(sb))
}

fn exec(sb: &Sandbox, args: &[&str]) -> coracle_tests::Run {
    let mut all = vec!["exec"];
    all.extend_from_slice(args);
    sb.coracle(&all)
}

/// `run` failed with 125 and an error naming one of `words`.
fn refused_naming(run: coracle_tests::Run, words: &[&str]) {
    run.code(125);
    assert!(
        words.iter().any(|w| run.stderr.contains(w)),
        "the error names none of {words:?}: {}",
        run.stderr
    );
}

fn exec_out(sb: &Sandbox, args: &[&str]) -> String {
    exec(sb, args).success().stdout.trim().to_string()
}

#[test]
fn exec_runs_in_the_containers_namespaces_with_its_exit_codes() {
    let (sb, img) = with_image("exec-basics", "busybox");
    let (id, _cleanup) = sleeper(&sb, &img);
    let ctr = &id[..12];
    // PID 1 of the namespace it sees is the container's sleep.
    let cmdline = exec_out(&sb, &[ctr, "cat", "/proc/1/cmdline"]);
    assert_eq!(cmdline, "sleep\u{0}1000\u{0}".trim(), "{cmdline:?}");
    exec(&sb, &[ctr, "sh", "-c", "exit 7"]).code(7);
    let missing = exec(&sb, &[ctr, "/no/such"]);
    missing.code(127);
    assert!(missing.stderr.contains("/no/such"), "{}", missing.stderr);
    exec(&sb, &[ctr, "/etc"]).code(126);
    // Its PID namespace is the init's, and it sees no process of the host.
    let pid: i32 = sb
        .coracle(&["inspect", "--format", "{{.State.Pid}}", &id])
        .success()
        .stdout
        .trim()
        .parse()
        .expect("the container's pid");
    let init_ns = std::fs::read_link(format!("/proc/{pid}/ns/pid")).expect("init's pid ns");
    let own_ns = exec_out(&sb, &[ctr, "readlink", "/proc/self/ns/pid"]);
    assert_eq!(
        own_ns,
        init_ns.to_string_lossy(),
        "not in the container's PID namespace"
    );
    for ns in ["mnt", "uts", "ipc", "net", "cgroup", "user"] {
        let theirs = std::fs::read_link(format!("/proc/{pid}/ns/{ns}")).expect("init's ns");
        let ours = exec_out(&sb, &[ctr, "readlink", &format!("/proc/self/ns/{ns}")]);
        assert_eq!(ours, theirs.to_string_lossy(), "{ns} namespace");
    }
    let ps = exec_out(&sb, &[ctr, "ps", "-o", "pid,args"]);
    let rows: Vec<&str> = ps.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "only the sleep and ps itself:\n{ps}");
    assert!(rows[0].trim() == "1 sleep 1000", "{ps}");
    assert!(rows[1].trim().ends_with("ps -o pid,args"), "{ps}");
    // Its root is the container's, and the hostname too.
    assert_eq!(exec_out(&sb, &[ctr, "cat", "/etc/hostname"]), ctr);
    assert_eq!(exec_out(&sb, &[ctr, "hostname"]), ctr);
}

#[test]
fn exec_takes_environment_user_workdir_and_confinement() {
    let (sb, img) = with_image("exec-settings", "busybox");
    let (id, _cleanup) = sleeper(&sb, &img);
    let ctr = &id[..12];
    assert_eq!(
        exec_out(&sb, &["-e", "A=1", ctr, "sh", "-c", "echo $A"]),
        "1"
    );
    let env_file = sb.write("exec.env", "B=two\n# comment\n");
    let env_file = env_file.to_string_lossy().into_owned();
    let both = exec_out(
        &sb,
        &["--env-file", &env_file, ctr, "sh", "-c", "echo $B $PATH"],
    );
    assert!(both.starts_with("two /usr/local/sbin:"), "{both}");
    assert_eq!(exec_out(&sb, &["-u", "app", ctr, "id", "-u"]), "1000");
    assert_eq!(exec_out(&sb, &[ctr, "id", "-u"]), "0");
    assert_eq!(exec_out(&sb, &["-w", "/tmp", ctr, "pwd"]), "/tmp");
    assert_eq!(exec_out(&sb, &[ctr, "pwd"]), "/");
    refused_naming(exec(&sb, &["-w", "/no/dir", ctr, "pwd"]), &["/no/dir"]);
    // The container's capabilities and seccomp filter, as its init has them.
    let status = exec_out(&sb, &[ctr, "cat", "/proc/self/status"]);
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| panic!("no {name} in\n{status}"))
    };
    assert_eq!(field("CapEff:"), "00000000800405fb");
    assert_eq!(field("CapInh:"), "0000000000000000");
    assert_eq!(field("Seccomp:"), "2");
    let privileged = exec_out(
        &sb,
        &["--privileged", ctr, "grep", "CapEff", "/proc/self/status"],
    );
    assert_ne!(
        privileged, "CapEff:\t00000000800405fb",
        "--privileged adds capabilities"
    );
    // Stdio: /dev/null for stdin without -i, the caller's input with it.
    assert_eq!(
        exec_out(&sb, &[ctr, "readlink", "/proc/self/fd/0"]),
        "/dev/null"
    );
    let echoed = sb.coracle_with(&["exec", "-i", ctr, "cat"], &[], Some(b"typed\n"));
    assert_eq!(echoed.success().stdout, "typed\n");
    // No fd above 2 reaches the command (ls's own directory fd is the only one).
    let fds = exec_out(&sb, &[ctr, "ls", "/proc/self/fd"]);
    assert_eq!(
        fds.split_whitespace().collect::<Vec<_>>(),
        ["0", "1", "2", "3"],
        "{fds}"
    );
    // A new session of its own.
    let sid = exec_out(
        &sb,
        &[ctr, "sh", "-c", "cut -d' ' -f6 /proc/self/stat; echo $$"],
    );
    let ids: Vec<&str> = sid.lines().collect();
    assert_eq!(
        ids[0], ids[1],
        "the exec'd process leads its session: {sid}"
    );
}

#[test]
fn exec_detached_runs_in_the_background_and_top_lists_processes() {
    let (sb, img) = with_image("exec-detach-top", "busybox");
    let (id, _cleanup) = sleeper(&sb, &img);
    let ctr = &id[..12];
    let started = std::time::Instant::now();
    exec(&sb, &["-d", ctr, "sleep", "321"]).success();
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    let top = sb.coracle(&["top", ctr]).success().stdout.clone();
    let header: Vec<&str> = top
        .lines()
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    assert_eq!(
        header,
        ["USER", "PID", "PPID", "%CPU", "ELAPSED", "TTY", "TIME", "COMMAND"],
        "{top}"
    );
    let row = |cmd: &str| {
        top.lines()
            .find(|l| l.trim_end().ends_with(cmd))
            .map(|l| l.split_whitespace().collect::<Vec<_>>())
            .unwrap_or_else(|| panic!("no {cmd} in\n{top}"))
    };
    let sleep = row("sleep 1000");
    assert_eq!((sleep[0], sleep[1], sleep[2]), ("root", "1", "0"), "{top}");
    let detached = row("sleep 321");
    assert_eq!(detached[0], "root", "{top}");
    assert!(detached[1].parse::<i32>().is_ok_and(|p| p > 1), "{top}");
    let custom = sb
        .coracle(&["top", ctr, "pid,comm", "user"])
        .success()
        .stdout
        .clone();
    let lines: Vec<Vec<&str>> = custom
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(lines[0], ["PID", "COMMAND", "USER"], "{custom}");
    assert_eq!(lines[1], ["1", "sleep", "root"], "{custom}");
    refused_naming(sb.coracle(&["top", ctr, "bogus"]), &["bogus"]);
}

#[test]
fn exec_into_a_stopped_container_names_its_state() {
    let (sb, img) = with_image("exec-stopped", "busybox");
    let (id, _cleanup) = sleeper(&sb, &img);
    sb.coracle(&["stop", "-t", "1", &id]).success();
    refused_naming(exec(&sb, &[&id, "true"]), &["is exited", "is stopped"]);
    let created = sb
        .coracle(&["create", &img, "true"])
        .success()
        .stdout
        .trim()
        .to_string();
    refused_naming(exec(&sb, &[&created, "true"]), &["is created"]);
    refused_naming(sb.coracle(&["top", &created]), &["is created"]);
}

#[test]
fn exec_with_a_tty_gets_a_pty_of_the_containers_devpts() {
    let (sb, img) = with_image("exec-tty", "busybox");
    let (id, _cleanup) = sleeper(&sb, &img);
    let tmux = Tmux::start("exec-tty", 100, 30);
    let line = coracle_line(
        &sb,
        &["exec", "-it", &id[..12], "sh", "-c", "tty; echo $TERM"],
    );
    let screen = tmux.run_to_end(&line, "done-exec-tty");
    // Words, not lines: the host shell's prompt may land in front of the output
    // when the command was typed before the prompt was shown.
    let words: Vec<&str> = screen.split_whitespace().collect();
    assert!(
        words
            .iter()
            .any(|w| w.starts_with("/dev/pts/") && w[9..].parse::<u32>().is_ok()),
        "tty does not name a pty of the container's devpts:\n{screen}"
    );
    assert!(words.contains(&"xterm"), "{screen}");
    assert!(words.contains(&"exit=0"), "{screen}");
}

#[test]
fn exec_runs_under_the_containers_ulimits_and_umask() {
    let (sb, img) = with_image("exec-limits", "busybox");
    let out = sb.coracle(&[
        "run",
        "-d",
        "--ulimit",
        "nofile=1234:1234",
        "--umask",
        "0027",
        &img,
        "sleep",
        "1000",
    ]);
    let id = out.success().stdout.trim().to_string();
    let _cleanup = RemoveAll(&sb);
    // The container's own process and an exec'd one see the same settings.
    let own = exec_out(&sb, &[&id, "sh", "-c", "grep 'open files' /proc/1/limits"]);
    assert!(own.contains("1234"), "{own}");
    let limits = exec_out(&sb, &[&id, "sh", "-c", "ulimit -n; umask"]);
    assert_eq!(limits, "1234\n0027");
}
