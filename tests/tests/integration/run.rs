//! Rootless `coracle run`, as the unprivileged user: exit codes, namespaces, security
//! defaults, image contents as the image says, mounts, a real terminal.

use std::os::unix::fs::MetadataExt;

use coracle_tests::{testbed, Sandbox};

/// A sandbox with `image` pulled; returns it and the full reference.
pub(crate) fn with_image(name: &str, image: &str) -> (Sandbox, String) {
    let tb = testbed();
    let sb = Sandbox::new(name);
    let reference = format!("{}/{image}:latest", tb.registry);
    sb.coracle(&["pull", "-q", "--tls-verify=false", &reference])
        .success();
    (sb, reference)
}

pub(crate) fn run(
    sb: &Sandbox,
    reference: &str,
    extra: &[&str],
    cmd: &[&str],
) -> coracle_tests::Run {
    let mut args = vec!["run", "--rm"];
    args.extend_from_slice(extra);
    args.push(reference);
    args.extend_from_slice(cmd);
    sb.coracle(&args)
}

#[test]
fn exit_codes_follow_podman() {
    let (sb, img) = with_image("run-exit-codes", "busybox");
    run(&sb, &img, &[], &["true"]).code(0);
    run(&sb, &img, &[], &["false"]).code(1);
    run(&sb, &img, &[], &["sh", "-c", "exit 32"]).code(32);
    let echo = run(&sb, &img, &[], &["echo", "X"]);
    assert_eq!(echo.success().stdout, "X\n");
    let missing = run(&sb, &img, &[], &["/no/such"]);
    missing.code(127);
    assert!(missing.stderr.contains("/no/such"), "{}", missing.stderr);
    run(&sb, &img, &[], &["no-such-command"]).code(127);
    let dir = run(&sb, &img, &[], &["/etc"]);
    dir.code(126);
    // PID 1 ignores signals from inside its namespace; with --init the command is a
    // normal process and its death by signal becomes 128+n.
    run(&sb, &img, &["--init"], &["sh", "-c", "kill -9 $$"]).code(137);
    // Bad flags and unknown images are coracle's own errors.
    sb.coracle(&["run", "--rm", "--cap-add", "NOT_A_CAP", &img, "true"])
        .code(125);
    sb.coracle(&["run", "--rm", "--pull=never", "never-pulled", "true"])
        .code(125);
    // --rm leaves no container behind.
    let containers = std::fs::read_dir(sb.dir.join("data/coracle/containers"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(containers, 0, "--rm left container directories");
}

#[test]
fn a_container_killed_by_a_signal_exits_128_plus_n() {
    let (sb, img) = with_image("run-signal", "busybox");
    let mut child = sb
        .command(&["run", "--rm", &img, "sleep", "30"])
        .spawn()
        .unwrap();
    let coracle = child.id();
    // The container's PID 1 is coracle's direct child.
    let mut container = None;
    for _ in 0..200 {
        let children = std::fs::read_to_string(format!("/proc/{coracle}/task/{coracle}/children"))
            .unwrap_or_default();
        if let Some(pid) = children.split_whitespace().next() {
            let cmdline =
                std::fs::read_to_string(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            if cmdline.starts_with("sleep") {
                container = Some(pid.to_string());
                break;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    let pid = container.expect("the container process did not appear as coracle's child");
    assert!(std::process::Command::new("kill")
        .args(["-9", &pid])
        .status()
        .unwrap()
        .success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(137));
}

#[test]
fn namespaces_identity_and_security_defaults() {
    let (sb, img) = with_image("run-defaults", "busybox");
    let id = run(&sb, &img, &[], &["id"]);
    assert!(
        id.success().stdout.starts_with("uid=0(root) gid=0(root)"),
        "{}",
        id.stdout
    );
    let pid = run(&sb, &img, &[], &["sh", "-c", "echo $$"]);
    assert_eq!(pid.success().stdout.trim(), "1", "PID 1 is the command");
    let status = run(&sb, &img, &[], &["cat", "/proc/self/status"]);
    let s = &status.success().stdout;
    assert!(s.contains("CapEff:\t00000000800405fb"), "{s}");
    assert!(s.contains("Seccomp:\t2"), "{s}");
    assert!(s.contains("NoNewPrivs:\t0"), "{s}");
    // The same confinement reaches a container cloned before its spec was known (a
    // network namespace of its own: its spec came to it as JSON).
    let early = run(
        &sb,
        &img,
        &["--network", "none"],
        &["cat", "/proc/self/status"],
    );
    let e = &early.success().stdout;
    for line in [
        "CapEff:\t00000000800405fb",
        "CapBnd:\t00000000800405fb",
        "Seccomp:\t2",
        "NoNewPrivs:\t0",
    ] {
        assert!(e.contains(line), "{line} in {e}");
    }
    let nnp = run(
        &sb,
        &img,
        &["--security-opt", "no-new-privileges"],
        &["cat", "/proc/self/status"],
    );
    assert!(
        nnp.success().stdout.contains("NoNewPrivs:\t1"),
        "{}",
        nnp.stdout
    );
    let unconfined = run(
        &sb,
        &img,
        &["--security-opt", "seccomp=unconfined"],
        &["cat", "/proc/self/status"],
    );
    assert!(
        unconfined.success().stdout.contains("Seccomp:\t0"),
        "{}",
        unconfined.stdout
    );
    let dropped = run(
        &sb,
        &img,
        &["--cap-drop", "ALL"],
        &["cat", "/proc/self/status"],
    );
    assert!(
        dropped
            .success()
            .stdout
            .contains("CapEff:\t0000000000000000"),
        "{}",
        dropped.stdout
    );
    let host = run(&sb, &img, &["--hostname", "boat"], &["hostname"]);
    assert_eq!(host.success().stdout.trim(), "boat");
    let default_host = run(&sb, &img, &[], &["hostname"]);
    let h = default_host.success().stdout.trim().to_string();
    assert!(
        h.len() == 12 && h.bytes().all(|b| b.is_ascii_hexdigit()),
        "default hostname {h:?}"
    );
    // The default network gives eth0 next to loopback; `--network none` only lo.
    let net = run(&sb, &img, &[], &["ls", "/sys/class/net"]);
    assert_eq!(
        net.success().stdout.split_whitespace().collect::<Vec<_>>(),
        ["eth0", "lo"]
    );
    let net = run(&sb, &img, &["--network", "none"], &["ls", "/sys/class/net"]);
    assert_eq!(
        net.success().stdout.split_whitespace().collect::<Vec<_>>(),
        ["lo"]
    );
    // Masked and read-only paths.
    // Masked: /proc/keys reads as /dev/null, /sys/firmware is an empty directory.
    let keys = run(
        &sb,
        &img,
        &[],
        &[
            "sh",
            "-c",
            "wc -c < /proc/keys; ls -A /sys/firmware | wc -l",
        ],
    );
    assert_eq!(
        keys.success().stdout.split_whitespace().collect::<Vec<_>>(),
        ["0", "0"]
    );
    run(
        &sb,
        &img,
        &[],
        &["sh", "-c", "echo 1 > /proc/sys/kernel/domainname"],
    )
    .code(1);
    // The coracle binary is nowhere in the container's view.
    let exe = run(&sb, &img, &[], &["readlink", "/proc/1/exe"]);
    assert_eq!(exe.success().stdout.trim(), "/bin/busybox");
}

#[test]
fn image_contents_keep_owners_whiteouts_and_links() {
    let (sb, img) = with_image("run-multilayer", "multilayer");
    let ls = run(
        &sb,
        &img,
        &[],
        &[
            "ls",
            "-ln",
            "/home/app/owned.txt",
            "/nobody.txt",
            "/bin/busybox",
        ],
    );
    let out = ls.success().stdout.clone();
    let owner = |path: &str| -> (String, String) {
        let line = out
            .lines()
            .find(|l| l.ends_with(path))
            .unwrap_or_else(|| panic!("{path} missing in {out}"));
        let f: Vec<&str> = line.split_whitespace().collect();
        (f[2].to_string(), f[3].to_string())
    };
    assert_eq!(owner("/home/app/owned.txt"), ("1000".into(), "1000".into()));
    assert_eq!(owner("/nobody.txt"), ("65534".into(), "65534".into()));
    assert_eq!(owner("/bin/busybox"), ("0".into(), "0".into()));
    run(&sb, &img, &[], &["test", "-e", "/data/deleted.txt"]).code(1);
    run(&sb, &img, &[], &["test", "-e", "/removeme"]).code(1);
    let opaque = run(&sb, &img, &[], &["ls", "-A", "/opaque"]);
    assert_eq!(
        opaque
            .success()
            .stdout
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["new.txt"]
    );
    let inodes = run(
        &sb,
        &img,
        &[],
        &["stat", "-c", "%i", "/links/file.txt", "/links/hard.txt"],
    );
    let i: Vec<&str> = inodes.success().stdout.lines().collect();
    assert_eq!(i.len(), 2);
    assert_eq!(i[0], i[1], "hardlinks do not share an inode");
    let links = run(
        &sb,
        &img,
        &[],
        &["sh", "-c", "readlink /links/abs; readlink /links/rel"],
    );
    assert_eq!(links.success().stdout, "/data/kept.txt\n../data/kept.txt\n");
    let modes = run(
        &sb,
        &img,
        &[],
        &["stat", "-c", "%a %F", "/bin/suid", "/fifo"],
    );
    assert_eq!(modes.success().stdout, "4755 regular file\n644 fifo\n");
    assert_eq!(
        run(&sb, &img, &[], &["cat", "/data/kept.txt"])
            .success()
            .stdout,
        "layer3\n"
    );
    // A write in one container shows neither in the image nor in the next container.
    run(
        &sb,
        &img,
        &[],
        &[
            "sh",
            "-c",
            "echo changed > /data/kept.txt && rm /nobody.txt",
        ],
    )
    .success();
    assert_eq!(
        run(&sb, &img, &[], &["cat", "/data/kept.txt"])
            .success()
            .stdout,
        "layer3\n"
    );
    run(&sb, &img, &[], &["test", "-e", "/nobody.txt"]).success();
}

#[test]
fn users_env_workdir_and_entrypoint() {
    let (sb, img) = with_image("run-process", "busybox");
    let app = run(&sb, &img, &["-u", "app"], &["id"]);
    assert!(
        app.success()
            .stdout
            .starts_with("uid=1000(app) gid=1000(app)"),
        "{}",
        app.stdout
    );
    let numeric = run(&sb, &img, &["-u", "1234:5678"], &["id", "-u"]);
    assert_eq!(numeric.success().stdout.trim(), "1234");
    run(&sb, &img, &["-u", "nosuchuser"], &["true"]).code(125);
    let env_file = sb.write("work/env.list", "FROM_FILE=yes\n# comment\nOVERRIDE=file\n");
    let env = run(
        &sb,
        &img,
        &[
            "--env-file",
            env_file.to_str().unwrap(),
            "-e",
            "OVERRIDE=flag",
            "-e",
            "A=1",
        ],
        &["env"],
    );
    let e = &env.success().stdout;
    for want in [
        "FROM_FILE=yes",
        "OVERRIDE=flag",
        "A=1",
        "PATH=/usr/local/sbin",
    ] {
        assert!(e.contains(want), "{want} missing in {e}");
    }
    // Podman's default environment has TERM without -t too.
    for want in ["TERM=xterm", "container=coracle"] {
        assert!(e.lines().any(|l| l == want), "{want} missing in {e}");
    }
    assert_eq!(
        run(&sb, &img, &["-w", "/tmp"], &["pwd"])
            .success()
            .stdout
            .trim(),
        "/tmp"
    );
    assert_eq!(
        run(&sb, &img, &["-w", "/new/dir"], &["pwd"])
            .success()
            .stdout
            .trim(),
        "/new/dir"
    );
    let ep = run(
        &sb,
        &img,
        &["--entrypoint", "echo"],
        &["from", "entrypoint"],
    );
    assert_eq!(ep.success().stdout, "from entrypoint\n");
    let keep = run(
        &sb,
        &img,
        &["--userns=keep-id"],
        &["sh", "-c", "id -u; id -un; id -g; echo $HOME"],
    );
    let bed = testbed();
    let lines: Vec<String> = keep.success().stdout.lines().map(String::from).collect();
    assert_eq!(
        lines[..3],
        [bed.uid.to_string(), bed.user.clone(), bed.gid.to_string()],
        "keep-id keeps the user's ids and gives it a passwd entry"
    );
    assert!(
        lines[3].starts_with('/') && lines[3] != "/root",
        "HOME is the user's: {lines:?}"
    );
    let init = run(&sb, &img, &["--init"], &["sh", "-c", "echo $$; exit 5"]);
    init.code(5);
    assert_ne!(
        init.stdout.trim(),
        "1",
        "with --init the command is not PID 1"
    );
    // Names are unique among containers.
    sb.coracle(&["run", "--name", "twice", &img, "true"])
        .success();
    let again = sb.coracle(&["run", "--name", "twice", &img, "true"]);
    again.code(125);
    assert!(again.stderr.contains("twice"), "{}", again.stderr);
}

#[test]
fn volumes_read_only_and_tmpfs() {
    let tb = testbed();
    let (sb, img) = with_image("run-mounts", "busybox");
    let dir = sb.dir.join("work/shared");
    std::fs::create_dir_all(&dir).unwrap();
    crate::util::chown_to_user(&dir);
    let vol = format!("{}:/data", dir.display());
    run(
        &sb,
        &img,
        &["-v", &vol],
        &["sh", "-c", "echo hi > /data/from-container"],
    )
    .success();
    let meta = std::fs::metadata(dir.join("from-container")).unwrap();
    assert_eq!(
        (meta.uid(), meta.gid()),
        (tb.uid, tb.gid),
        "container root maps to the invoking user"
    );
    let ro = format!("{}:/data:ro", dir.display());
    run(&sb, &img, &["-v", &ro], &["touch", "/data/x"]).code(1);
    sb.coracle(&["run", "--rm", "-v", "relative/path:/data", &img, "true"])
        .code(125);
    // A plain name is a volume (tests/tests/integration/volumes.rs); a bad one is refused.
    sb.coracle(&["run", "--rm", "-v", "named$vol:/data", &img, "true"])
        .code(125);
    run(&sb, &img, &["--read-only"], &["touch", "/x"]).code(1);
    run(
        &sb,
        &img,
        &["--read-only", "--tmpfs", "/tmp"],
        &["touch", "/tmp/x"],
    )
    .success();
    let mount = format!("type=bind,source={},target=/m,readonly", dir.display());
    assert_eq!(
        run(
            &sb,
            &img,
            &["--mount", &mount],
            &["cat", "/m/from-container"]
        )
        .success()
        .stdout,
        "hi\n"
    );
}

#[test]
fn malicious_layers_are_refused_at_pull() {
    let tb = testbed();
    let sb = Sandbox::new("run-malicious");
    for image in ["traversal", "symlink-escape"] {
        let reference = format!("{}/{image}:latest", tb.registry);
        let pull = sb.coracle(&["pull", "--tls-verify=false", &reference]);
        pull.code(125);
        assert_eq!(
            sb.coracle(&["images", "-q"]).success().stdout,
            "",
            "{image} was stored"
        );
    }
    assert!(!std::path::Path::new("/tmp/pwned").exists());
    let escaped: Vec<_> = walk(&sb.dir)
        .into_iter()
        .filter(|p| p.ends_with("escape") || p.ends_with("pwned"))
        .collect();
    assert!(
        escaped.is_empty(),
        "files written by malicious layers: {escaped:?}"
    );
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if e.file_type().map(|t| t.is_dir()).unwrap_or(false) {
                out.extend(walk(&p));
            }
            out.push(p);
        }
    }
    out
}

#[test]
fn interactive_terminal_has_the_callers_size() {
    let tb = testbed();
    let (sb, img) = with_image("run-tty", "busybox");
    let session = format!("coracle-it-{}", std::process::id());
    let cmd = sb.shell_command(&["run", "--rm", "-it", &img, "sh"]);
    let tmux = |args: &[&str]| {
        std::process::Command::new("runuser")
            .args(["-u", &tb.user, "--", "tmux", "-L", &session])
            .args(args)
            .output()
            .unwrap()
    };
    let started = tmux(&["new-session", "-d", "-x", "97", "-y", "31", &cmd]);
    assert!(
        started.status.success(),
        "{}",
        String::from_utf8_lossy(&started.stderr)
    );
    let screen = || String::from_utf8_lossy(&tmux(&["capture-pane", "-p"]).stdout).to_string();
    let wait_for = |needle: &str| {
        for _ in 0..100 {
            if screen().contains(needle) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        false
    };
    assert!(wait_for("#"), "no shell prompt:\n{}", screen());
    tmux(&["send-keys", "stty size; echo done-$((6*7))", "Enter"]);
    assert!(wait_for("done-42"), "no output:\n{}", screen());
    let s = screen();
    tmux(&["send-keys", "exit", "Enter"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    tmux(&["kill-server"]);
    assert!(
        s.lines().any(|l| l.trim() == "31 97"),
        "stty size does not match the terminal:\n{s}"
    );
}

#[test]
fn without_subordinate_ids_coracle_falls_back_to_one_id() {
    let tb = testbed();
    let dir = crate::util::tempdir("nosub");
    let status = std::process::Command::new("chown")
        .args([&tb.nosub_user, dir.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    let coracle = coracle_tests::coracle_bin().to_string_lossy().into_owned();
    let as_nosub = |args: &[&str]| {
        let out = std::process::Command::new("runuser")
            .args([
                "-u",
                &tb.nosub_user,
                "--",
                "env",
                "-i",
                "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
            ])
            .arg(format!("HOME={}", dir.display()))
            .arg(format!("CORACLE_ROOT={}/store", dir.display()))
            .arg(&coracle)
            .args(args)
            .current_dir(&dir)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let img = format!("{}/multilayer:latest", tb.registry);
    // Files owned by 1000 and 65534 cannot be represented: a clear error naming the id and the fix.
    let (code, _, err) = as_nosub(&["pull", "--tls-verify=false", &img]);
    assert_eq!(code, 125, "{err}");
    assert!(
        err.contains("WARN")
            && err.contains("/etc/subuid")
            && err.contains("usermod --add-subuids"),
        "{err}"
    );
    assert!(
        err.contains("1000:1000") && err.contains("ignore_chown_errors"),
        "{err}"
    );
    let (code, out, _) = as_nosub(&["images", "-q"]);
    assert_eq!(
        (code, out.as_str()),
        (0, ""),
        "a failed pull stored an image"
    );
    // No half-unpacked layer: the failed layer's temp directory is gone, and every
    // layer directory in place is one that unpacked completely (none has the
    // unrepresentable owners' files).
    let layers = dir.join("store/layers");
    let leftovers: Vec<_> = std::fs::read_dir(layers.join("tmp"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(leftovers.is_empty(), "temp layers left: {leftovers:?}");
    for entry in std::fs::read_dir(&layers).unwrap().flatten() {
        assert!(
            !entry.path().join("home/app/owned.txt").exists(),
            "the layer with uid 1000's files is in place: {}",
            entry.path().display()
        );
    }
    // With ignore_chown_errors the owners are squashed to root and the container runs.
    let (code, out, err) = as_nosub(&[
        "--storage-opt",
        "ignore_chown_errors=true",
        "run",
        "--rm",
        "--tls-verify=false",
        &img,
        "stat",
        "-c",
        "%u",
        "/nobody.txt",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), "0");
    assert_eq!(
        err.matches("WARN").count(),
        1,
        "a run that pulls first warns once: {err}"
    );
    let (code, out, _) = as_nosub(&["run", "--rm", &img, "id", "-u"]);
    assert_eq!((code, out.trim()), (0, "0"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn signals_are_forwarded_and_dev_is_complete() {
    let (sb, img) = with_image("run-forward", "busybox");
    let mut child = sb
        .command(&[
            "run",
            "--rm",
            &img,
            "sh",
            "-c",
            "trap 'exit 7' TERM; echo ready; while true; do sleep 0.1; done",
        ])
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut buf = [0u8; 6];
    std::io::Read::read_exact(&mut stdout, &mut buf).unwrap();
    assert_eq!(&buf, b"ready\n");
    assert!(std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap()
        .success());
    assert_eq!(
        child.wait().unwrap().code(),
        Some(7),
        "SIGTERM was not forwarded"
    );
    let dev = run(&sb, &img, &[], &["sh", "-c", "ls /dev; readlink /dev/ptmx; readlink /dev/fd; grep -c ' /dev/pts devpts' /proc/mounts; grep ' /sys ' /proc/mounts"]);
    let out = dev.success().stdout.clone();
    for want in [
        "null", "zero", "full", "random", "urandom", "pts", "shm", "mqueue", "stdin", "stdout",
        "stderr",
    ] {
        assert!(
            out.split_whitespace().any(|w| w == want),
            "/dev/{want} missing: {out}"
        );
    }
    // Without -t the host's /dev/tty is not bound in (hostile_mounts tests it with -t).
    assert!(
        !out.split_whitespace().any(|w| w == "tty"),
        "/dev/tty bound in without -t: {out}"
    );
    assert!(
        out.contains("pts/ptmx") && out.contains("/proc/self/fd"),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.contains(" /sys ") && l.contains(" ro,")),
        "/sys is not read-only: {out}"
    );
    let info = sb.coracle(&["info", "--format", "{{.store.graphDriverName}}"]);
    assert_eq!(
        info.success().stdout.trim(),
        "overlay",
        "native overlay is expected on this kernel"
    );
}

#[test]
fn keep_id_shows_the_image_owners_through_fuse_overlayfs() {
    let (sb, img) = with_image("run-keep-id-owners", "multilayer");
    let bed = testbed();
    let out = run(
        &sb,
        &img,
        &["--userns=keep-id"],
        &[
            "sh",
            "-c",
            "stat -c %u:%g / /bin /home/app /nobody.txt; id -u; touch /not-mine",
        ],
    );
    // touch fails: / belongs to root, and the user is not root.
    out.code(1);
    assert_eq!(
        out.stdout,
        format!("0:0\n0:0\n1000:1000\n65534:65534\n{}\n", bed.uid),
        "{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("lazytime"),
        "fuse-overlayfs chatter reached the terminal: {}",
        out.stderr
    );
    // Without keep-id the same store is seen through the kernel's overlay as before.
    let plain = run(&sb, &img, &[], &["stat", "-c", "%u", "/home/app"]);
    assert_eq!(plain.success().stdout, "1000\n");
}

#[test]
fn a_seccomp_profile_file_is_applied_and_a_bad_one_refused() {
    let (sb, img) = with_image("run-seccomp-file", "busybox");
    let profile = sb.write(
        "work/no-mkdir.json",
        r#"{"defaultAction": "SCMP_ACT_ALLOW",
            "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]}"#,
    );
    let opt = format!("seccomp={}", profile.display());
    let denied = run(
        &sb,
        &img,
        &["--security-opt", &opt],
        &["mkdir", "/tmp/denied"],
    );
    denied.code(1);
    assert!(
        denied.stderr.contains("Operation not permitted"),
        "{}",
        denied.stderr
    );
    let status = run(
        &sb,
        &img,
        &["--security-opt", &opt],
        &["grep", "Seccomp:", "/proc/self/status"],
    );
    assert!(status.success().stdout.contains('2'), "{}", status.stdout);
    // The default profile allows mkdir.
    run(&sb, &img, &[], &["mkdir", "/tmp/allowed"]).success();

    let broken = sb.write("work/broken.json", "{\"defaultAction\": ");
    let opt = format!("seccomp={}", broken.display());
    let bad = run(&sb, &img, &["--security-opt", &opt], &["true"]);
    bad.code(125);
    assert!(
        bad.stderr.contains("broken.json") && bad.stderr.lines().count() == 1,
        "a one-line error naming the file: {}",
        bad.stderr
    );
}

#[test]
fn the_init_binary_cannot_be_opened_from_the_container() {
    let (sb, img) = with_image("run-init-exe", "busybox");
    // With --init, PID 1 is coracle's own init: its executable must stay out of reach
    // (the CVE-2019-5736 class), for reading and for writing.
    let read = run(
        &sb,
        &img,
        &["--init"],
        &["sh", "-c", "cat /proc/1/exe > /dev/null"],
    );
    assert_ne!(read.code, 0, "the init's executable could be read");
    let write = run(
        &sb,
        &img,
        &["--init"],
        &["sh", "-c", "echo x >> /proc/1/exe"],
    );
    assert_ne!(
        write.code, 0,
        "the init's executable could be opened for writing"
    );
}

#[test]
fn a_configured_mount_program_mounts_the_same_root_with_fuse_overlayfs() {
    let (sb, img) = with_image("run-mount-program", "multilayer");
    let look = "grep -c ' / fuse' /proc/mounts; \
                stat -c '%u:%g %a %F %n' /home/app/owned.txt /nobody.txt /bin/suid /fifo; \
                test -e /data/deleted.txt || echo deleted-absent; \
                ls -A /opaque; readlink /links/abs; \
                [ $(stat -c %i /links/file.txt) = $(stat -c %i /links/hard.txt) ] && echo hardlinked";
    let native = run(&sb, &img, &[], &["sh", "-c", look]);
    let fuse_opt = [
        "--storage-opt",
        "overlay.mount_program=/usr/bin/fuse-overlayfs",
    ];
    let mut args = fuse_opt.to_vec();
    args.extend(["run", "--rm", img.as_str(), "sh", "-c", look]);
    let fuse = sb.coracle(&args);
    // The first line differs (no fuse mount, one); everything the image says is the same.
    let native_out = native.success().stdout.clone();
    let fuse_out = fuse.success().stdout.clone();
    let (n_first, n_rest) = native_out.split_once('\n').unwrap();
    let (f_first, f_rest) = fuse_out.split_once('\n').unwrap();
    assert_eq!((n_first, f_first), ("0", "1"), "{native_out}\n{fuse_out}");
    assert_eq!(n_rest, f_rest);
    assert!(
        f_rest.contains("deleted-absent") && f_rest.contains("hardlinked"),
        "{f_rest}"
    );
    // coracle info says which overlay is in use (as Podman: the overlay driver, with
    // a mount program among its options).
    let mut info = fuse_opt.to_vec();
    info.extend([
        "info",
        "--format",
        "{{.store.graphDriverName}} {{json .store.graphOptions}}",
    ]);
    let fuse_info = sb.coracle(&info).success().stdout.clone();
    assert!(
        fuse_info.starts_with("overlay {") && fuse_info.contains("fuse-overlayfs"),
        "{fuse_info}"
    );
    let plain = sb.coracle(&[
        "info",
        "--format",
        "{{.store.graphDriverName}} {{json .store.graphOptions}}",
    ]);
    assert_eq!(plain.success().stdout.trim(), "overlay {}");
    // Writes stay in their container.
    let mut write = fuse_opt.to_vec();
    write.extend([
        "run",
        "--rm",
        img.as_str(),
        "sh",
        "-c",
        "echo x > /data/kept.txt",
    ]);
    sb.coracle(&write).success();
    let kept = run(&sb, &img, &[], &["cat", "/data/kept.txt"]);
    assert_ne!(kept.success().stdout, "x\n");
}

#[test]
fn as_root_there_is_no_user_namespace() {
    // The harness runs as root; so does this test's coracle (the only one that does).
    let tb = testbed();
    let dir = crate::util::tempdir("as-root");
    let img = tb.fixture("multilayer");
    let coracle = |args: &[&str]| crate::util::coracle_as_root(&dir, args);
    coracle(&["pull", "-q", "--tls-verify=false", &img]).success();
    let run = coracle(&[
        "run",
        "--rm",
        &img,
        "sh",
        "-c",
        "cat /proc/self/uid_map; stat -c %u /home/app; ls -A /opaque; \
         test -e /data/deleted.txt || echo deleted-gone",
    ]);
    let words: Vec<&str> = run.success().stdout.split_whitespace().collect();
    assert_eq!(
        words,
        ["0", "0", "4294967295", "1000", "new.txt", "deleted-gone"],
        "{}",
        run.stdout
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// /run/.containerenv, as Podman makes it: present and empty in every container (a
/// process tests for it to know it runs in one), and for a `--privileged` one naming
/// the engine, the container and its image; `diff` does not list it.
#[test]
fn containerenv_tells_a_process_that_it_runs_in_a_container() {
    let (sb, img) = with_image("run-containerenv", "busybox");
    let plain = run(
        &sb,
        &img,
        &[],
        &[
            "sh",
            "-c",
            "test -f /run/.containerenv && wc -c < /run/.containerenv",
        ],
    );
    assert_eq!(plain.success().stdout.trim(), "0");
    let privileged = run(
        &sb,
        &img,
        &["--privileged", "--name", "told"],
        &["cat", "/run/.containerenv"],
    );
    let text = privileged.success().stdout.clone();
    assert!(text.starts_with("engine=\"coracle-"), "{text}");
    for line in ["name=\"told\"", "rootless=1"] {
        assert!(text.lines().any(|l| l == line), "{line} missing in {text}");
    }
    assert!(text.contains(&format!("image=\"{img}\"")), "{text}");

    sb.coracle(&["run", "--name", "quiet", &img, "true"])
        .success();
    let diff = sb.coracle(&["diff", "quiet"]).success().stdout.clone();
    assert!(!diff.contains("/run"), "{diff}");
}
