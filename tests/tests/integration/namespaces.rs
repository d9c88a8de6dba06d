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
    // (Looked up by name: a listing of the whole /proc fails when any host process
    // ends between the listing and its stat, as the short-lived ones often do.)
    let mine = format!("/proc/{me}");
    let seen = sb.coracle(&["run", "--rm", "--pid", "host", &img, "test", "-d", &mine]);
    assert_eq!(seen.code, 0, "pid {me} is not in /proc: {seen}");
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

/// The host id a `/proc/self/uid_map` text maps container id `inside` to.
fn host_id_in(map: &str, inside: u32) -> Option<u32> {
    map.lines().find_map(|line| {
        let f: Vec<u32> = line
            .split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect();
        let [c, h, n] = f[..] else { return None };
        (inside >= c && inside - c < n).then(|| h + (inside - c))
    })
}

#[test]
fn uidmap_gidmap_and_nomap_shape_the_user_namespace() {
    let (sb, img) = with_image("ns-uidmap", "busybox");
    let default = stdout_of(&sb, &["run", "--rm", &img, "cat", "/proc/self/uid_map"]);
    let first_sub = host_id_in(&default, 1).expect("a subordinate range is mapped");
    // Container 0 is the caller (0 of the default mapping), 1-999 the first 999
    // subordinate ids (1 on).
    let me = host_id_in(&default, 0).expect("the caller is mapped");
    let mapped = stdout_of(
        &sb,
        &[
            "run",
            "--rm",
            "--uidmap",
            "0:0:1",
            "--uidmap",
            "1:1:999",
            &img,
            "sh",
            "-c",
            "cat /proc/self/uid_map /proc/self/gid_map; stat -c %u:%g /bin/busybox /home/app",
        ],
    );
    let lines: Vec<Vec<&str>> = mapped
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    let (me, sub) = (me.to_string(), first_sub.to_string());
    let expected_map = [vec!["0", me.as_str(), "1"], vec!["1", sub.as_str(), "999"]];
    assert_eq!(&lines[..2], expected_map, "uid_map: {mapped}");
    assert_eq!(
        &lines[2..4],
        expected_map,
        "gid_map is the uid map: {mapped}"
    );
    // The image's files keep their owners; app's 1000 lies beyond this mapping's
    // 999 ids and shows as the overflow id.
    assert_eq!(lines[4..], [vec!["0:0"], vec!["65534:65534"]], "{mapped}");
    // Ids beyond the subordinate range and mixing the options: 125.
    for (args, word) in [
        (vec!["--uidmap", "0:1:70000"], "--uidmap 0:1:70000"),
        (vec!["--uidmap", "0:1"], "--uidmap"),
        (vec!["--userns", "keep-id", "--uidmap", "0:1:10"], "exclude"),
    ] {
        let mut all = vec!["run", "--rm"];
        all.extend_from_slice(&args);
        all.extend_from_slice(&[&img, "true"]);
        let run = sb.coracle(&all);
        run.code(125);
        assert!(run.stderr.contains(word), "{args:?}: {}", run.stderr);
    }
    assert_eq!(
        stdout_of(&sb, &["ps", "-a", "-q"]),
        "",
        "a refused run left a record"
    );
}

#[test]
fn keep_id_at_given_ids_and_group_add() {
    let (sb, img) = with_image("ns-keepid", "busybox");
    let tb = coracle_tests::testbed();
    let out = stdout_of(
        &sb,
        &[
            "run",
            "--rm",
            "--userns",
            "keep-id:uid=1000,gid=1000",
            &img,
            "sh",
            "-c",
            "id -u; id -g; cat /proc/self/uid_map",
        ],
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(&lines[..2], ["1000", "1000"], "{out}");
    assert_eq!(
        host_id_in(&lines[2..].join("\n"), 1000),
        Some(tb.uid),
        "{out}"
    );
    let out = stdout_of(
        &sb,
        &[
            "run",
            "--rm",
            "--userns",
            "keep-id:uid=1234,gid=1234",
            &img,
            "sh",
            "-c",
            "id -u; id -g",
        ],
    );
    assert_eq!(out, "1234\n1234");
    // --group-add by number and by the name in the image's /etc/group.
    let groups = stdout_of(
        &sb,
        &[
            "run",
            "--rm",
            "--group-add",
            "10",
            "--group-add",
            "app",
            &img,
            "id",
            "-G",
        ],
    );
    let gids: Vec<&str> = groups.split_whitespace().collect();
    assert!(gids.contains(&"10") && gids.contains(&"1000"), "{groups}");
    let run = sb.coracle(&["run", "--rm", "--group-add", "nosuchgroup", &img, "true"]);
    run.code(125);
    assert!(run.stderr.contains("nosuchgroup"), "{}", run.stderr);
    // keep-groups keeps the caller's groups (its primary group shows as root's):
    // without it the list is empty.
    let status = |extra: &[&str]| {
        let mut args = vec!["run", "--rm"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&[&img, "grep", "^Groups:", "/proc/self/status"]);
        stdout_of(&sb, &args)
    };
    assert_eq!(status(&[]).split_whitespace().count(), 1, "{}", status(&[]));
    let kept = status(&["--group-add", "keep-groups"]);
    assert!(kept.split_whitespace().count() > 1, "{kept}");
    let run = sb.coracle(&[
        "run",
        "--rm",
        "--group-add",
        "keep-groups",
        "--group-add",
        "10",
        &img,
        "true",
    ]);
    run.code(125);
}
