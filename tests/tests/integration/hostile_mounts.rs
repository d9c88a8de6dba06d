//! `coracle run` against images whose /etc, /dev, /proc, /run or /data are symlinks out of
//! the root: every mount target and generated file stays inside the container.
//! Also nodev, --device, read-only volumes with submounts, and fuse-overlayfs kept out
//! of the container's PID namespace.

use coracle_tests::{run_root, testbed, Sandbox};

/// The hostile fixtures (`.ci/fixtures.py`) and the host path each one's symlink
/// points to.
const HOSTILE: &[(&str, &str)] = &[
    ("hostile-etc-abs", "/tmp/coracle-hostile-etc-abs"),
    ("hostile-etc-rel", "/tmp/coracle-hostile-etc-rel"),
    ("hostile-dev", "/tmp/coracle-hostile-dev"),
    ("hostile-proc", "/tmp/coracle-hostile-proc"),
    ("hostile-data", "/tmp/coracle-hostile-data"),
    ("hostile-run", "/tmp/coracle-hostile-run"),
];

/// A sandbox with `images` pulled.
fn with_images(name: &str, images: &[&str]) -> Sandbox {
    let tb = testbed();
    let sb = Sandbox::new(name);
    for image in images {
        sb.coracle(&["pull", "-q", "--tls-verify=false", &tb.fixture(image)])
            .success();
    }
    sb
}

/// The mount options (field 6 of /proc/self/mountinfo) of the mount at `point`, from
/// a mountinfo text; the last one mounted there wins.
fn mount_options<'a>(mountinfo: &'a str, point: &str) -> Option<&'a str> {
    mountinfo
        .lines()
        .map(|l| l.split(' ').collect::<Vec<_>>())
        .filter(|f| f.len() > 5 && f[4] == point)
        .map(|f| f[5])
        .next_back()
}

fn has_option(options: Option<&str>, wanted: &str) -> bool {
    options.is_some_and(|o| o.split(',').any(|x| x == wanted))
}

/// Remove every hostile destination; with `present`, make each an empty directory
/// that anyone may write into, so that a leak has somewhere to land.
fn prepare_destinations(present: bool) {
    for (_, dest) in HOSTILE {
        let _ = std::fs::remove_dir_all(dest);
        let _ = std::fs::remove_file(dest);
        if present {
            run_root("install", &["-d", "-m", "0777", dest]).success();
        }
    }
}

/// What is at each hostile destination that should not be there.
fn leaks(present: bool) -> Vec<String> {
    let mut found = Vec::new();
    for (_, dest) in HOSTILE {
        match std::fs::read_dir(dest) {
            Ok(entries) if present => {
                found.extend(entries.flatten().map(|e| e.path().display().to_string()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !present => {}
            other => found.push(format!("{dest}: {other:?}")),
        }
    }
    found
}

#[test]
fn hostile_symlinks_keep_every_mount_inside_the_root() {
    let tb = testbed();
    let images: Vec<&str> = HOSTILE.iter().map(|(i, _)| *i).collect();
    let sb = with_images("hostile-mounts", &images);
    let vol = sb.dir.join("work/vol");
    std::fs::create_dir_all(&vol).unwrap();
    crate::util::chown_to_user(&vol);
    let volume = format!("{}:/data/x", vol.display());
    let look = "cat /etc/hostname; test -c /dev/null && echo dev-null; \
                test -r /proc/self/status && echo proc; test -f /run/.containerenv && echo env; \
                echo hi > /data/x/f && cat /data/x/f";
    for (image, _) in HOSTILE {
        for userns in [None, Some("--userns=keep-id")] {
            // Whether the link's target exists on the host or not, nothing lands there.
            for present in [false, true] {
                prepare_destinations(present);
                let _ = std::fs::remove_file(vol.join("f"));
                let reference = tb.fixture(image);
                let mut args = vec!["run", "--rm", "--hostname", "hostile", "-v", &volume];
                args.extend(userns);
                args.extend([reference.as_str(), "sh", "-c", look]);
                let run = sb.coracle(&args);
                // Everything the container needs is there, inside it.
                assert_eq!(
                    run.success().stdout,
                    "hostile\ndev-null\nproc\nenv\nhi\n",
                    "{run}"
                );
                assert_eq!(std::fs::read_to_string(vol.join("f")).unwrap(), "hi\n");
                let leaked = leaks(present);
                assert!(
                    leaked.is_empty(),
                    "{image} {userns:?}: written on the host: {leaked:?}\n{run}"
                );
            }
        }
    }
    prepare_destinations(false);
}

#[test]
fn the_root_tmpfs_and_dev_are_nodev_and_tty_comes_with_a_terminal() {
    let tb = testbed();
    let sb = with_images("hostile-nodev", &["busybox"]);
    let img = tb.fixture("busybox");
    let run = sb.coracle(&[
        "run",
        "--rm",
        "--tmpfs",
        "/scratch:rw,size=1m",
        &img,
        "sh",
        "-c",
        "cat /proc/self/mountinfo; test -e /dev/tty || echo no-tty; head -c 3 /dev/zero | wc -c",
    ]);
    let info = run.success().stdout.clone();
    for point in ["/", "/scratch", "/dev", "/dev/shm"] {
        assert!(
            has_option(mount_options(&info, point), "nodev"),
            "{point} is not nodev:\n{info}"
        );
    }
    // The host's nodes keep their own mounts, without nodev: they work.
    assert!(
        !has_option(mount_options(&info, "/dev/zero"), "nodev"),
        "{info}"
    );
    assert!(info.ends_with("no-tty\n3\n"), "{info}");
    let tty = sb.coracle(&["run", "--rm", "-t", &img, "test", "-c", "/dev/tty"]);
    tty.success();
}

#[test]
fn as_root_the_root_filesystem_is_nodev() {
    let tb = testbed();
    let dir = crate::util::tempdir("as-root-nodev");
    let img = tb.fixture("busybox");
    let coracle = |args: &[&str]| crate::util::coracle_as_root(&dir, args);
    coracle(&["pull", "-q", "--tls-verify=false", &img]).success();
    let run = coracle(&["run", "--rm", &img, "cat", "/proc/self/mountinfo"]);
    let info = run.success().stdout.clone();
    assert!(
        has_option(mount_options(&info, "/"), "nodev"),
        "/ is not nodev as root:\n{info}"
    );
    let dev = coracle(&[
        "run",
        "--rm",
        "--device",
        "/dev/null:/dev/mynull",
        &img,
        "sh",
        "-c",
        "echo x > /dev/mynull && test -c /dev/mynull && echo ok",
    ]);
    assert_eq!(dev.success().stdout, "ok\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn devices_are_bound_in_and_a_missing_one_is_refused() {
    let tb = testbed();
    let sb = with_images("hostile-devices", &["busybox", "hostile-dev"]);
    let img = tb.fixture("busybox");
    let run = sb.coracle(&[
        "run",
        "--rm",
        "--device",
        "/dev/null:/dev/mynull",
        "--device",
        "/dev/zero:/dev/deep/zero:r",
        &img,
        "sh",
        "-c",
        "echo x > /dev/mynull && test -c /dev/mynull && head -c 2 /dev/deep/zero | wc -c",
    ]);
    assert_eq!(run.success().stdout, "2\n");
    // The node is created inside the root, through the image's /dev link.
    let hostile = tb.fixture("hostile-dev");
    let run = sb.coracle(&[
        "run",
        "--rm",
        "--device",
        "/dev/zero:/dev/hostile-zero",
        &hostile,
        "sh",
        "-c",
        "readlink /dev; head -c 2 /dev/hostile-zero | wc -c",
    ]);
    assert_eq!(run.success().stdout, "/tmp/coracle-hostile-dev\n2\n");
    for (device, named) in [
        ("/dev/coracle-no-such-device", "/dev/coracle-no-such-device"),
        (
            "/dev/coracle-no-such-device:/dev/x",
            "/dev/coracle-no-such-device",
        ),
        ("/etc/passwd", "/etc/passwd"),
        ("/dev/null:/dev/x:rwx", "rwx"),
    ] {
        let bad = sb.coracle(&["run", "--rm", "--device", device, &img, "true"]);
        bad.code(125);
        assert!(
            bad.stderr.contains(named) && bad.stderr.lines().count() == 1,
            "a one-line error naming {named}: {bad}"
        );
    }
}

#[test]
fn read_only_volumes_and_host_sys_are_read_only_all_the_way_down() {
    let tb = testbed();
    let sb = with_images("hostile-ro-submount", &["busybox"]);
    let img = tb.fixture("busybox");
    let dir = sb.dir.join("work/vol");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    crate::util::chown_to_user(&dir);
    let opts = format!("size=1m,mode=0777,uid={},gid={}", tb.uid, tb.gid);
    run_root(
        "mount",
        &[
            "-t",
            "tmpfs",
            "-o",
            &opts,
            "tmpfs",
            &dir.join("sub").to_string_lossy(),
        ],
    )
    .success();
    let rw = format!("{}:/v", dir.display());
    let ro = format!("{}:/v:ro", dir.display());
    // The submount is there and writable through a read-write volume...
    sb.coracle(&["run", "--rm", "-v", &rw, &img, "touch", "/v/sub/rw"])
        .success();
    assert!(dir.join("sub/rw").exists());
    // ...and read-only, like its parent, through a read-only one.
    for path in ["/v/top", "/v/sub/ro"] {
        let touch = sb.coracle(&["run", "--rm", "-v", &ro, &img, "touch", path]);
        touch.code(1);
        assert!(touch.stderr.contains("Read-only"), "{touch}");
    }
    let mount = format!("type=bind,source={},target=/m,readonly", dir.display());
    sb.coracle(&["run", "--rm", "--mount", &mount, &img, "touch", "/m/sub/x"])
        .code(1);
    // --network host binds the host's /sys: every mount below it is read-only too.
    let sys = sb.coracle(&[
        "run",
        "--rm",
        "--network",
        "host",
        &img,
        "awk",
        "$5 ~ \"^/sys\" {print $5, $6}",
        "/proc/self/mountinfo",
    ]);
    let out = sys.success().stdout.clone();
    assert!(out.lines().count() > 1, "no mounts below /sys: {out}");
    for line in out.lines() {
        assert!(
            line.split(' ').nth(1).is_some_and(|o| o.starts_with("ro,")),
            "{out}"
        );
    }
}

#[test]
fn fuse_overlayfs_stays_out_of_the_containers_pid_namespace() {
    let tb = testbed();
    let sb = with_images("hostile-fuse-pidns", &["busybox"]);
    let img = tb.fixture("busybox");
    let ps = "ps -o comm; ls /proc | grep -c '^[0-9]'";
    let keep_id = sb.coracle(&["run", "--rm", "--userns=keep-id", &img, "sh", "-c", ps]);
    let program = [
        "--storage-opt",
        "overlay.mount_program=/usr/bin/fuse-overlayfs",
    ];
    let mut args = program.to_vec();
    args.extend(["run", "--rm", img.as_str(), "sh", "-c", ps]);
    let configured = sb.coracle(&args);
    for run in [keep_id, configured] {
        let out = run.success().stdout.clone();
        assert!(
            !out.contains("fuse"),
            "fuse-overlayfs visible inside:\n{out}"
        );
        // sh, ps, ls and grep: nothing else lives in the container.
        assert!(out.lines().any(|l| l == "sh"), "{out}");
        let processes: usize = out.lines().last().unwrap().parse().unwrap();
        assert!(processes <= 4, "{out}");
    }
    // And no fuse-overlayfs of this sandbox outlives its container.
    let mine = sb.dir.to_string_lossy().into_owned();
    let mut left = String::new();
    for _ in 0..50 {
        left = run_root("pgrep", &["-a", "-f", &mine]).stdout;
        if left.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(left, "", "fuse-overlayfs left running");
}
