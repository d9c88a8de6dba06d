//! Namespaces shared with the host or with another container, as the unprivileged
//! user: `--network/--ipc/--uts/--pid/--cgroupns container:X` put a new container in
//! X's namespaces (and its user namespace), `host` leaves it in the caller's, a
//! stopped X is refused with 125, and `rm` refuses to remove a container that another
//! one joins unless `--depend` removes that one first.

use coracle_tests::Sandbox;

use crate::run::with_image;

/// Removes every container of the sandbox when the test ends, passed or failed.
struct RemoveAll<'a>(&'a Sandbox);

impl Drop for RemoveAll<'_> {
    fn drop(&mut self) {
        let _ = self.0.coracle(&["rm", "-f", "-a", "-t", "0"]);
    }
}

/// `run -d --name NAME IMG sleep 1000`, and the guard that removes every container.
fn sleeper<'a>(sb: &'a Sandbox, img: &str, name: &str) -> RemoveAll<'a> {
    let out = sb.coracle(&["run", "-d", "--name", name, img, "sleep", "1000"]);
    assert_eq!(out.success().stdout.trim().len(), 64, "{out}");
    RemoveAll(sb)
}

fn stdout_of(sb: &Sandbox, args: &[&str]) -> String {
    sb.coracle(args).success().stdout.trim().to_string()
}

/// `readlink /proc/self/ns/NS` in container `ctr` (through exec).
fn ns_of(sb: &Sandbox, ctr: &str, ns: &str) -> String {
    stdout_of(
        sb,
        &["exec", ctr, "readlink", &format!("/proc/self/ns/{ns}")],
    )
}

/// `readlink /proc/self/ns/NS` in a new container run with `flags`.
fn ns_in_new(sb: &Sandbox, img: &str, flags: &[&str], ns: &str) -> String {
    let path = format!("/proc/self/ns/{ns}");
    let mut args = vec!["run", "--rm"];
    args.extend_from_slice(flags);
    args.extend_from_slice(&[img, "readlink", &path]);
    stdout_of(sb, &args)
}

#[test]
fn a_container_joins_the_namespaces_of_a_running_one() {
    let (sb, img) = with_image("ns-join", "busybox");
    let _cleanup = sleeper(&sb, &img, "a");
    for (flag, ns) in [
        ("--network", "net"),
        ("--ipc", "ipc"),
        ("--uts", "uts"),
        ("--pid", "pid"),
        ("--cgroupns", "cgroup"),
    ] {
        let theirs = ns_of(&sb, "a", ns);
        let joined = ns_in_new(&sb, &img, &[&format!("{flag}=container:a")], ns);
        assert_eq!(
            joined, theirs,
            "{flag} container:a is not a's {ns} namespace"
        );
        let own = ns_in_new(&sb, &img, &[], ns);
        assert_ne!(own, theirs, "without {flag} the {ns} namespace is shared");
    }
    // Joining a's namespaces means living in its user namespace too.
    let user = ns_in_new(&sb, &img, &["--network", "container:a"], "user");
    assert_eq!(user, ns_of(&sb, "a", "user"));
    // In a's PID namespace, ps shows a's sleep; a's hostname is seen in its UTS one.
    let ps = stdout_of(&sb, &["run", "--rm", "--pid", "container:a", &img, "ps"]);
    assert!(ps.contains("sleep 1000"), "a's sleep is not listed:\n{ps}");
    let own_ps = stdout_of(&sb, &["run", "--rm", &img, "ps"]);
    assert!(!own_ps.contains("sleep 1000"), "{own_ps}");
    let hostname = stdout_of(&sb, &["exec", "a", "hostname"]);
    let joined = stdout_of(
        &sb,
        &["run", "--rm", "--uts", "container:a", &img, "hostname"],
    );
    assert_eq!(joined, hostname);
    // Several namespaces of one container at once, detached too.
    let both = ns_in_new(
        &sb,
        &img,
        &["--network", "container:a", "--ipc", "container:a"],
        "ipc",
    );
    assert_eq!(both, ns_of(&sb, "a", "ipc"));
    let id = stdout_of(
        &sb,
        &[
            "run",
            "-d",
            "--network",
            "container:a",
            &img,
            "sleep",
            "1000",
        ],
    );
    assert_eq!(ns_of(&sb, &id, "net"), ns_of(&sb, "a", "net"));
}

#[test]
fn joining_a_stopped_or_missing_container_is_refused() {
    let (sb, img) = with_image("ns-stopped", "busybox");
    let _cleanup = sleeper(&sb, &img, "a");
    sb.coracle(&["stop", "-t", "0", "a"]).success();
    let run = sb.coracle(&["run", "--rm", "--network", "container:a", &img, "true"]);
    run.code(125);
    assert!(
        run.stderr.contains("exited") && run.stderr.contains("running"),
        "the error does not name a's state: {}",
        run.stderr
    );
    let run = sb.coracle(&["run", "--rm", "--pid", "container:nosuch", &img, "true"]);
    run.code(125);
    assert!(run.stderr.contains("nosuch"), "{}", run.stderr);
    // `--rm` left nothing behind: only a remains.
    let names = stdout_of(&sb, &["ps", "-a", "--format", "{{.Names}}"]);
    assert_eq!(names, "a");
}

#[test]
fn host_namespaces_are_the_callers() {
    let (sb, img) = with_image("ns-host", "busybox");
    // The test user's uts, ipc and network namespaces are the host's (the harness
    // makes none), which are this process's.
    for (flag, ns) in [("--uts", "uts"), ("--ipc", "ipc"), ("--network", "net")] {
        let host = std::fs::read_link(format!("/proc/self/ns/{ns}")).expect("host ns");
        let seen = ns_in_new(&sb, &img, &[flag, "host"], ns);
        assert_eq!(seen, host.to_string_lossy(), "{flag} host");
    }
    let host_name = std::fs::read_to_string("/proc/sys/kernel/hostname").expect("hostname");
    let seen = stdout_of(&sb, &["run", "--rm", "--uts", "host", &img, "hostname"]);
    assert_eq!(seen, host_name.trim());
    let run = sb.coracle(&[
        "run",
        "--rm",
        "--uts",
        "host",
        "--hostname",
        "x",
        &img,
        "true",
    ]);
    run.code(125);
    assert!(run.stderr.contains("--hostname"), "{}", run.stderr);
    // --pid host: the host's processes, this test's own among them.
    let me = std::process::id().to_string();
    let ps = stdout_of(&sb, &["run", "--rm", "--pid", "host", &img, "ls", "/proc"]);
    assert!(ps.lines().any(|l| l == me), "pid {me} is not in /proc");
}

#[test]
fn bad_namespace_modes_fail_with_125_naming_the_flag() {
    let (sb, img) = with_image("ns-bad", "busybox");
    for (flag, value) in [
        ("--pid", "none"),
        ("--ipc", "bridge"),
        ("--uts", "ns:relative"),
        ("--cgroupns", "container:"),
    ] {
        let run = sb.coracle(&["run", "--rm", flag, value, &img, "true"]);
        run.code(125);
        assert!(run.stderr.contains(flag), "{flag} {value}: {}", run.stderr);
    }
    // The host's namespaces belong to the host's user namespace: rootless, they
    // cannot be joined by path.
    let run = sb.coracle(&[
        "run",
        "--rm",
        "--network",
        "ns:/proc/1/ns/net",
        &img,
        "true",
    ]);
    run.code(125);
    assert!(
        run.stderr.contains("--network ns:/proc/1/ns/net"),
        "{}",
        run.stderr
    );
}

#[test]
fn rm_refuses_a_container_others_join_unless_depend() {
    let (sb, img) = with_image("ns-depend", "busybox");
    let _cleanup = sleeper(&sb, &img, "a");
    let b = stdout_of(
        &sb,
        &["create", "--name", "b", "--ipc", "container:a", &img],
    );
    let refused = sb.coracle(&["rm", "-f", "a"]);
    refused.code(125);
    assert!(
        refused.stderr.contains("b") && refused.stderr.contains("--depend"),
        "{}",
        refused.stderr
    );
    // Nothing was removed.
    let names = stdout_of(&sb, &["ps", "-a", "--format", "{{.Names}}"]);
    assert_eq!(names.lines().count(), 2, "{names}");
    let removed = stdout_of(&sb, &["rm", "-f", "--depend", "a"]);
    let lines: Vec<&str> = removed.lines().collect();
    assert_eq!(lines.len(), 2, "{removed}");
    assert_eq!(lines[0], b, "the dependent goes first");
    assert_eq!(stdout_of(&sb, &["ps", "-a", "-q"]), "");
}
