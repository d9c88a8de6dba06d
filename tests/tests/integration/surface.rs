//! Podman's command surface that scripts call, as the unprivileged user: the global
//! options (`--log-level`, `--noout`, `--out`, remote flags, storage and cgroup
//! choices), `events`, `untag`, the top-level `inspect --type`, and `info`/`version`
//! templates.

use std::time::Duration;

use coracle_tests::{coracle_bin, testbed, Sandbox};

use crate::lifecycle::stdout;
use crate::run::with_image;

#[test]
fn log_level_debug_pull_logs_on_stderr_and_prints_the_id_on_stdout() {
    let sb = Sandbox::new("surface-debug-pull");
    let reference = format!("{}/busybox:latest", testbed().registry);
    let pull = sb.coracle(&[
        "--log-level",
        "debug",
        "pull",
        "-q",
        "--tls-verify=false",
        &reference,
    ]);
    pull.success();
    let id = pull.stdout.trim();
    assert!(
        id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "stdout is not just the image id: {pull}"
    );
    assert!(!pull.stdout.contains("DEBU"), "{pull}");
    for expected in [
        "DEBU[",
        "opening the store",
        "pulling ",
        "GET http://",
        "/manifests/",
    ] {
        assert!(
            pull.stderr.contains(expected),
            "no {expected:?} on stderr: {pull}"
        );
    }
    // The start of a container says how it went.
    let run = sb.coracle(&["--log-level=debug", "run", "--rm", &reference, "true"]);
    assert!(
        run.success()
            .stderr
            .contains("started in the foreground: pid"),
        "{run}"
    );
    let detached = sb.coracle(&["--log-level=debug", "run", "-d", &reference, "true"]);
    assert!(
        detached.success().stderr.contains("under a new monitor"),
        "{detached}"
    );
    assert!(detached.stderr.contains("reports: ok"), "{detached}");
    // Warnings show at the default level, not with --log-level error (a --pull=newer
    // whose registry cannot be asked keeps the stored image, with a warning).
    let newer = [
        "run",
        "--rm",
        "--pull=newer",
        "-q",
        "--tls-verify=true",
        &reference,
        "true",
    ];
    let warned = sb.coracle(&newer);
    assert!(warned.success().stderr.starts_with("WARN["), "{warned}");
    assert!(warned.stderr.contains("using the stored image"), "{warned}");
    let mut quiet = vec!["--log-level", "error"];
    quiet.extend_from_slice(&newer);
    let quiet = sb.coracle(&quiet);
    assert_eq!(quiet.success().stderr, "", "{quiet}");
    // The default level prints no debug lines.
    let images = sb.coracle(&["images"]);
    assert!(!images.success().stderr.contains("DEBU"), "{images}");
    // A level coracle does not know is a usage error.
    sb.coracle(&["--log-level", "loud", "images"]).code(125);
}

#[test]
fn noout_and_out_redirect_coracles_own_output() {
    let (sb, img) = with_image("surface-noout", "busybox");
    let quiet = sb.coracle(&["--noout", "images"]);
    assert_eq!(quiet.success().stdout, "", "{quiet}");
    let to_file = sb.coracle(&["--out", "images.txt", "images"]);
    assert_eq!(to_file.success().stdout, "", "{to_file}");
    let written = std::fs::read_to_string(sb.work().join("images.txt")).unwrap();
    assert!(
        written.starts_with("REPOSITORY") && written.contains("busybox"),
        "{written}"
    );
    // A container's own output is not coracle's: --noout leaves it alone.
    let run = sb.coracle(&["--noout", "run", "--rm", &img, "echo", "from-the-container"]);
    assert_eq!(run.success().stdout.trim(), "from-the-container", "{run}");
}

#[test]
fn remote_and_unsupported_global_options_fail_with_125_and_say_why() {
    let sb = Sandbox::new("surface-remote");
    for (args, says) in [
        (&["--url", "unix:///x", "ps"][..], "no remote service"),
        (&["--connection", "prod", "ps"][..], "no remote service"),
        (&["--remote", "ps"][..], "no remote service"),
        (&["--storage-driver", "vfs", "images"][..], "overlay"),
        (&["--storage-driver", "btrfs", "images"][..], "overlay"),
        (&["--cgroup-manager", "systemd", "ps"][..], "cgroupfs"),
        (&["--events-backend", "journald", "ps"][..], "file"),
    ] {
        let r = sb.coracle(args);
        r.code(125);
        assert_eq!(r.stderr.lines().count(), 1, "{r}");
        assert!(r.stderr.contains(says), "{r}");
        assert_eq!(r.stdout, "", "{r}");
    }
    // The store was not even created.
    assert!(!sb.data().join("coracle").exists());
    // What coracle has is accepted.
    sb.coracle(&[
        "--storage-driver",
        "overlay",
        "--cgroup-manager",
        "cgroupfs",
        "--events-backend",
        "file",
        "ps",
    ])
    .success();
}

/// `events --since 1m --stream=false --format '{{.Status}} {{.Name}}'`, lines of `name`.
fn statuses_of(sb: &Sandbox, name: &str) -> Vec<String> {
    stdout(
        sb,
        &[
            "events",
            "--since",
            "1m",
            "--stream=false",
            "--format",
            "{{.Status}} {{.Name}}",
        ],
    )
    .lines()
    .filter_map(|l| l.strip_suffix(&format!(" {name}")).map(String::from))
    .collect()
}

#[test]
fn events_list_the_life_of_containers_and_images() {
    let (sb, img) = with_image("surface-events", "busybox");
    sb.coracle(&["run", "--rm", "--name", "ev-rm", &img, "true"])
        .success();
    assert_eq!(
        statuses_of(&sb, "ev-rm"),
        ["create", "init", "start", "died", "remove"]
    );
    stdout(&sb, &["run", "-d", "--name", "ev-d", &img, "sleep", "100"]);
    sb.coracle(&["exec", "ev-d", "true"]).success();
    sb.coracle(&["rm", "-f", "ev-d"]).success();
    assert_eq!(
        statuses_of(&sb, "ev-d"),
        ["create", "init", "start", "exec", "died", "remove"]
    );
    // stop, kill and restart are events of their own.
    stdout(
        &sb,
        &["run", "-d", "--name", "ev-ctl", &img, "sleep", "100"],
    );
    sb.coracle(&["restart", "-t", "0", "ev-ctl"]).success();
    sb.coracle(&["kill", "-s", "KILL", "ev-ctl"]).success();
    sb.coracle(&["wait", "ev-ctl"]).success();
    sb.coracle(&["start", "ev-ctl"]).success();
    sb.coracle(&["stop", "-t", "0", "ev-ctl"]).success();
    let mut ctl = statuses_of(&sb, "ev-ctl");
    // The kill is recorded after the signal went, the death by the monitor's cleanup:
    // either may be written first.
    if let Some(i) = ctl
        .windows(2)
        .position(|w| w[0] == "died" && w[1] == "kill")
    {
        ctl.swap(i, i + 1);
    }
    let ctl: Vec<&str> = ctl.iter().map(String::as_str).collect();
    assert_eq!(
        ctl,
        [
            "create", "init", "start", "died", "init", "start", "restart", "kill", "died", "init",
            "start", "died", "stop"
        ]
    );
    // A detached container that ends by itself: its monitor records the death.
    stdout(
        &sb,
        &["run", "-d", "--name", "ev-self", &img, "sh", "-c", "exit 3"],
    );
    assert_eq!(stdout(&sb, &["wait", "ev-self"]).trim(), "3");
    assert!(
        crate::lifecycle::eventually(Duration::from_secs(10), || {
            statuses_of(&sb, "ev-self") == ["create", "init", "start", "died"]
        }),
        "{:?}",
        statuses_of(&sb, "ev-self")
    );
    let died = stdout(
        &sb,
        &[
            "events",
            "--stream=false",
            "--filter",
            "container=ev-self",
            "--filter",
            "event=died",
            "--format",
            "json",
        ],
    );
    let died: serde_json::Value = serde_json::from_str(died.trim()).unwrap();
    assert_eq!(died["ContainerExitCode"], 3, "{died}");
    assert_eq!(died["Type"], "container", "{died}");
    // Filters: by type, and the pull of the image.
    let images = stdout(
        &sb,
        &[
            "events",
            "--stream=false",
            "--filter",
            "type=image",
            "--format",
            "{{.Type}} {{.Status}} {{.Name}}",
        ],
    );
    assert!(images.lines().all(|l| l.starts_with("image ")), "{images}");
    assert!(images.contains(&format!("image pull {img}")), "{images}");
    let pushed = format!("{}/surface-events:1", testbed().registry);
    sb.coracle(&["push", "-q", "--tls-verify=false", &img, &pushed])
        .success();
    let pushes = stdout(
        &sb,
        &[
            "events",
            "--stream=false",
            "--filter",
            "event=push",
            "--format",
            "{{.Name}}",
        ],
    );
    assert_eq!(pushes.trim(), pushed);
    // --until before everything shows nothing; a bad bound is a one-line error.
    assert_eq!(
        stdout(&sb, &["events", "--stream=false", "--until", "1h"]),
        ""
    );
    sb.coracle(&["events", "--stream=false", "--since", "yesterday"])
        .code(125);
    sb.coracle(&["events", "--stream=false", "--filter", "colour=red"])
        .code(125);
    // --events-backend none records nothing.
    sb.coracle(&[
        "--events-backend",
        "none",
        "run",
        "--rm",
        "--name",
        "ev-none",
        &img,
        "true",
    ])
    .success();
    assert!(statuses_of(&sb, "ev-none").is_empty());
}

#[test]
fn events_follow_new_events_until_stopped() {
    let (sb, img) = with_image("surface-events-follow", "busybox");
    let bin = coracle_bin().to_string_lossy().into_owned();
    let follower = sb
        .command_as_user(
            "timeout",
            &[
                "8",
                &bin,
                "events",
                "--filter",
                "container=ev-f",
                "--format",
                "{{.Status}} {{.Name}}",
            ],
            &[],
        )
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(1));
    sb.coracle(&["run", "--rm", "--name", "ev-f", &img, "true"])
        .success();
    let out = follower.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(124),
        "events stopped by itself: {out:?}"
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.lines().collect::<Vec<_>>(),
        [
            "create ev-f",
            "init ev-f",
            "start ev-f",
            "died ev-f",
            "remove ev-f"
        ],
        "{out:?}"
    );
    // A follower whose reader went away ends at its next event, not never.
    let shell = format!(
        "{} | head -1",
        sb.shell_command(&[
            "events",
            "--format",
            "{{.Status}}",
            "--filter",
            "container=ev-g"
        ])
    );
    let piped = sb
        .command_as_user("timeout", &["20", "sh", "-c", &shell], &[])
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(1));
    // The first container's events reach head, which ends; those of the second
    // find the pipe closed.
    for _ in 0..2 {
        sb.coracle(&["run", "--rm", "--name", "ev-g", &img, "true"])
            .success();
        std::thread::sleep(Duration::from_millis(500));
    }
    let piped = piped.wait_with_output().unwrap();
    assert_eq!(
        piped.status.code(),
        Some(0),
        "the follower outlived its reader: {piped:?}"
    );
    assert_eq!(String::from_utf8_lossy(&piped.stdout), "create\n");
}

#[test]
fn untag_removes_names_and_keeps_the_image() {
    let (sb, img) = with_image("surface-untag", "busybox");
    let id = stdout(&sb, &["images", "-q", "--no-trunc"])
        .trim()
        .to_string();
    sb.coracle(&["tag", &img, "mybox:1", "mybox:2"]).success();
    let names = || stdout(&sb, &["images", "--format", "{{.Repository}}:{{.Tag}}"]);
    sb.coracle(&["untag", &img, "localhost/mybox:1"]).success();
    let after = names();
    assert!(
        !after.contains("mybox:1") && after.contains("localhost/mybox:2"),
        "{after}"
    );
    // Short names work as `tag` takes them; a name the image lacks is an error.
    sb.coracle(&["image", "untag", "mybox:2", "mybox:2"])
        .success();
    assert!(!names().contains("mybox"), "{}", names());
    let wrong = sb.coracle(&["untag", &img, "other:1"]);
    wrong.code(125);
    assert!(wrong.stderr.contains("not a name"), "{wrong}");
    // Without names, every name goes; the image stays, dangling.
    sb.coracle(&["untag", &img]).success();
    assert_eq!(names().trim(), "<none>:<none>");
    assert_eq!(stdout(&sb, &["images", "-q", "--no-trunc"]).trim(), id);
    let untags = stdout(
        &sb,
        &[
            "events",
            "--stream=false",
            "--filter",
            "event=untag",
            "--format",
            "{{.Name}}",
        ],
    );
    assert_eq!(untags.lines().count(), 3, "{untags}");
    sb.coracle(&["rmi", &id]).success();
    let removed = stdout(
        &sb,
        &[
            "events",
            "--stream=false",
            "--filter",
            "type=image",
            "--filter",
            "event=remove",
            "--format",
            "{{.ID}}",
        ],
    );
    assert_eq!(removed.trim(), id);
}

#[test]
fn inspect_type_selects_the_kind_of_object() {
    let (sb, img) = with_image("surface-inspect", "busybox");
    let image_id = stdout(&sb, &["images", "-q", "--no-trunc"])
        .trim()
        .to_string();
    stdout(&sb, &["create", "--name", "thing", &img, "true"]);
    // A container and an image of the same name: --type decides.
    sb.coracle(&["tag", &img, "thing"]).success();
    let inspect = |args: &[&str]| {
        let mut all = vec!["inspect"];
        all.extend_from_slice(args);
        sb.coracle(&all)
    };
    let as_image = inspect(&["--type", "image", "--format", "{{.Id}}", "thing"]);
    assert_eq!(as_image.success().stdout.trim(), image_id);
    let as_container = inspect(&[
        "--type",
        "container",
        "--format",
        "{{.Name}} {{.State.Status}}",
        "thing",
    ]);
    assert_eq!(as_container.success().stdout.trim(), "thing created");
    let first = inspect(&["--format", "{{.Name}}", "thing"]);
    assert_eq!(
        first.success().stdout.trim(),
        "thing",
        "--type all: containers first"
    );
    let json: serde_json::Value =
        serde_json::from_str(&inspect(&["-t", "image", &img]).success().stdout).unwrap();
    assert_eq!(json[0]["Id"], image_id.as_str());
    let missing = inspect(&["--type", "container", &img]);
    missing.code(125);
    assert!(missing.stderr.contains("no such container"), "{missing}");
    let bad = inspect(&["--type", "widget", "thing"]);
    bad.code(125);
    assert!(
        bad.stderr.contains("--type") && bad.stderr.contains("container"),
        "{bad}"
    );
}

#[test]
fn info_and_version_templates_use_podmans_names() {
    let sb = Sandbox::new("surface-info");
    let arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        other => other,
    };
    assert_eq!(
        stdout(&sb, &["info", "--format", "{{.Host.Arch}}"]).trim(),
        arch
    );
    assert_eq!(
        stdout(&sb, &["info", "--format", "{{.host.arch}}"]).trim(),
        arch
    );
    assert_eq!(
        stdout(
            &sb,
            &["system", "info", "--format", "{{.Store.GraphDriverName}}"]
        )
        .trim(),
        "overlay"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&sb, &["system", "info", "--format", "json"])).unwrap();
    for key in ["host", "store", "registries", "version"] {
        assert!(json.get(key).is_some(), "no {key}: {json}");
    }
    assert_eq!(json["store"]["graphDriverName"], "overlay");
    assert_eq!(json["host"]["eventLogger"], "file");
    assert_eq!(
        json["store"]["runRoot"],
        sb.runtime().join("coracle").to_string_lossy().as_ref()
    );
    let bad = sb.coracle(&["info", "--format", "{{.Host.Nope}}"]);
    bad.code(125);
    assert_eq!(
        stdout(&sb, &["version", "--format", "{{.Client.Version}}"]).trim(),
        env!("CARGO_PKG_VERSION")
    );
    let os_arch = stdout(&sb, &["version", "--format", "{{.Client.OsArch}}"]);
    assert_eq!(os_arch.trim(), format!("linux/{arch}"));
    sb.coracle(&["version", "--format", "{{.Client.Nope}}"])
        .code(125);
    // --runroot moves the runtime directory (and with it the events log).
    let elsewhere = sb.work().join("rr");
    let rr = elsewhere.to_string_lossy().into_owned();
    let moved = stdout(
        &sb,
        &["--runroot", &rr, "info", "--format", "{{.Store.RunRoot}}"],
    );
    assert_eq!(moved.trim(), rr);
}
