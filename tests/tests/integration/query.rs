//! Queries and control of containers, as the unprivileged user: `ps` filters, sort,
//! `-l`/`-n`, tables and `{{.Label "k"}}`; `logs --since/--until/--names/-f` over
//! several containers; `stop --all`, `wait --condition`, `rename`, `restart`,
//! `--cidfile`, `port`; `rm --depend`, `container prune`, `system prune`; and the
//! ambiguous id prefix error.

use std::process::Command;
use std::time::{Duration, Instant};

use coracle_tests::{skopeo_inspect, testbed, Sandbox};

use crate::run::with_image;

fn stdout(sb: &Sandbox, args: &[&str]) -> String {
    sb.coracle(args).success().stdout.clone()
}

/// Output lines, trimmed of trailing spaces.
fn lines(sb: &Sandbox, args: &[&str]) -> Vec<String> {
    stdout(sb, args)
        .lines()
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// A refused command: exit 125 and a one-line error holding every `wanted` text.
#[track_caller]
fn refused(sb: &Sandbox, args: &[&str], wanted: &[&str]) -> String {
    let run = sb.coracle(args);
    run.code(125);
    let err = run.stderr.trim().to_string();
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    for w in wanted {
        assert!(err.contains(w), "{args:?}: {w:?} not in {err}");
    }
    err
}

/// `ps -a` names for `extra` arguments, in output order.
fn names(sb: &Sandbox, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["ps", "-a", "--format", "{{.Names}}"];
    args.extend_from_slice(extra);
    lines(sb, &args)
}

/// `ps -a --sort names --format FORMAT`, line by line.
fn sorted_by_name(sb: &Sandbox, format: &str) -> Vec<String> {
    lines(sb, &["ps", "-a", "--sort", "names", "--format", format])
}

fn state(sb: &Sandbox, name: &str) -> String {
    stdout(sb, &["inspect", "--format", "{{.State.Status}}", name])
        .trim()
        .to_string()
}

/// Seconds since the epoch of an RFC 3339 time, by date(1).
fn unix_seconds(rfc3339: &str) -> i64 {
    let out = Command::new("date")
        .args(["-u", "-d", rfc3339, "+%s"])
        .output()
        .expect("date(1) runs");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("date could not read {rfc3339:?}"))
}

fn rfc3339_of(seconds: i64) -> String {
    let out = Command::new("date")
        .args(["-u", "-d", &format!("@{seconds}"), "+%Y-%m-%dT%H:%M:%SZ"])
        .output()
        .expect("date(1) runs");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn ps_filters_sort_tables_labels_and_latest() {
    let (sb, img) = with_image("query-ps", "busybox");
    sb.coracle(&["create", "--name", "a1", "--label", "app=web", &img, "true"])
        .success();
    sb.coracle(&[
        "run",
        "-d",
        "--name",
        "b2",
        "--label",
        "app=db",
        "--label",
        "tier=back",
        &img,
        "sleep",
        "1000",
    ])
    .success();
    sb.coracle(&["run", "--name", "c3", &img, "sh", "-c", "exit 3"])
        .code(3);

    // Running only by default; newest first; -l and -n take every state.
    assert_eq!(lines(&sb, &["ps", "--format", "{{.Names}}"]), ["b2"]);
    assert_eq!(names(&sb, &[]), ["c3", "b2", "a1"]);
    assert_eq!(lines(&sb, &["ps", "-l", "--format", "{{.Names}}"]), ["c3"]);
    assert_eq!(
        lines(&sb, &["ps", "-n", "2", "--format", "{{.Names}}"]),
        ["c3", "b2"]
    );

    // Filters: one key, values of a key OR, different keys AND.
    assert_eq!(names(&sb, &["--filter", "status=exited"]), ["c3"]);
    assert_eq!(
        lines(
            &sb,
            &["ps", "--filter", "status=exited", "--format", "{{.Names}}"]
        ),
        ["c3"],
        "a status filter lists ended containers without -a"
    );
    assert_eq!(
        names(&sb, &["-f", "status=exited", "-f", "status=created"]),
        ["c3", "a1"]
    );
    assert_eq!(
        names(&sb, &["-f", "status=created", "-f", "label=app=db"]),
        Vec::<String>::new()
    );
    assert_eq!(names(&sb, &["--filter", "label=app=web"]), ["a1"]);
    assert_eq!(names(&sb, &["--filter", "label=tier"]), ["b2"]);
    assert_eq!(
        names(
            &sb,
            &["--filter", "label=app=db", "--filter", "label=tier=front"]
        ),
        Vec::<String>::new()
    );
    assert_eq!(names(&sb, &["--filter", "name=b2"]), ["b2"]);
    assert_eq!(names(&sb, &["--filter", "exited=3"]), ["c3"]);
    assert_eq!(
        names(&sb, &["--filter", &format!("ancestor={img}")]),
        ["c3", "b2", "a1"]
    );
    let untagged = img.trim_end_matches(":latest");
    assert_eq!(
        names(&sb, &["--filter", &format!("ancestor={untagged}")]).len(),
        3
    );
    assert!(names(&sb, &["--filter", "ancestor=no/such:image"]).is_empty());
    assert_eq!(names(&sb, &["--filter", "before=c3"]), ["b2", "a1"]);
    assert_eq!(names(&sb, &["--filter", "since=a1"]), ["c3", "b2"]);
    let b2_id = stdout(&sb, &["inspect", "--format", "{{.Id}}", "b2"]);
    assert_eq!(
        names(&sb, &["--filter", &format!("id={}", &b2_id[..6])]),
        ["b2"]
    );

    // Sort.
    assert_eq!(names(&sb, &["--sort", "names"]), ["a1", "b2", "c3"]);
    assert_eq!(names(&sb, &["--sort", "created"]), ["c3", "b2", "a1"]);
    let by_id = lines(&sb, &["ps", "-a", "--sort", "id", "--format", "{{.ID}}"]);
    let mut sorted = by_id.clone();
    sorted.sort();
    assert_eq!(by_id, sorted);

    // A table with its header row; {{.Label "k"}}.
    let table = sorted_by_name(&sb, "table {{.ID}}\\t{{.Names}}");
    assert_eq!(table.len(), 4, "{table:?}");
    assert!(
        table[0].starts_with("CONTAINER ID") && table[0].ends_with("NAMES"),
        "{table:?}"
    );
    assert!(
        table[1].ends_with("a1") && table[3].ends_with("c3"),
        "{table:?}"
    );
    assert_eq!(
        sorted_by_name(&sb, "{{.Names}}={{.Label \"app\"}}"),
        ["a1=web", "b2=db", "c3="]
    );

    // JSON with Podman's keys; -s shows the writable layer.
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&sb, &["ps", "-a", "--format", "json"])).expect("ps json");
    let first = &json[0];
    for key in [
        "Id", "Names", "Image", "ImageID", "State", "Status", "Labels", "Created", "ExitCode",
        "Pid", "Command",
    ] {
        assert!(first.get(key).is_some(), "no {key} in {first}");
    }
    assert_eq!(first["Names"][0], "c3");
    assert_eq!(first["ExitCode"], 3);
    assert_eq!(json[1]["Labels"]["tier"], "back");
    let sizes = stdout(&sb, &["ps", "-a", "-s", "--format", "{{.Size}}"]);
    assert!(sizes.lines().all(|l| l.contains("(virtual ")), "{sizes}");
    let table = stdout(&sb, &["ps", "-a", "-s"]);
    assert!(
        table.lines().next().unwrap_or("").contains("SIZE"),
        "{table}"
    );

    // Bad input: one line naming what is wrong.
    refused(
        &sb,
        &["ps", "--filter", "colour=red"],
        &["colour", "status"],
    );
    refused(&sb, &["ps", "--filter", "status=asleep"], &["status"]);
    refused(&sb, &["ps", "--filter", "before=nosuch"], &["nosuch"]);
    sb.coracle(&["rm", "-a", "-f"]).success();
    assert!(names(&sb, &[]).is_empty());
}

/// What podman 4.3 shows for a container's mounts, networks and creation time in
/// `ps` templates and JSON (compared by hand): `.Created` and `.CreatedAt` are the
/// time as Go prints it, `.CreatedHuman` how long ago; Mounts lists where each of
/// the container's mounts is, Networks the bridge networks it is on.
#[test]
fn ps_shows_mounts_networks_and_times_as_podman() {
    let (sb, img) = with_image("query-ps-mounts", "busybox");
    let host = sb.data().join("bound");
    std::fs::create_dir_all(&host).unwrap();
    let bind = format!("{}:/x", host.display());
    sb.coracle(&[
        "create",
        "--name",
        "m1",
        "--network",
        "none",
        "-v",
        &bind,
        "--tmpfs",
        "/t",
        "-v",
        "vol1:/n",
        &img,
        "true",
    ])
    .success();
    let shown = stdout(
        &sb,
        &[
            "ps",
            "-a",
            "--format",
            "{{.Mounts}}|{{.Networks}}|{{.CreatedHuman}}|{{.Created}}|{{.CreatedAt}}",
        ],
    );
    let fields: Vec<&str> = shown.trim().split('|').collect();
    assert_eq!(fields.len(), 5, "{shown}");
    assert_eq!(fields[0], "[/x /n /t]", "{shown}");
    assert_eq!(fields[1], "", "no network: {shown}");
    assert!(fields[2].ends_with("ago"), "{shown}");
    // "2026-12-02 07:40:41 +0000 UTC": the creation time, in the local zone.
    let created: i64 = stdout(&sb, &["ps", "-a", "--format", "json"])
        .parse::<serde_json::Value>()
        .unwrap()[0]["Created"]
        .as_i64()
        .unwrap();
    let date = Command::new("date")
        .args(["-d", &format!("@{created}"), "+%Y-%m-%d %H:%M:%S %z"])
        .output()
        .unwrap();
    let expected = String::from_utf8_lossy(&date.stdout).trim().to_string();
    assert!(
        fields[3].starts_with(&expected),
        "{shown} against {expected}"
    );
    assert_eq!(fields[3], fields[4], "{shown}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&sb, &["ps", "-a", "--format", "json"])).unwrap();
    assert_eq!(json[0]["Mounts"], serde_json::json!(["/x", "/n", "/t"]));
    assert_eq!(json[0]["Networks"], serde_json::json!([]));
    // inspect's times as Go writes them: "Z" in UTC, the zone's offset elsewhere.
    let created_in = |zone: &str| {
        let run = sb.coracle_with(
            &["inspect", "--format", "{{.Created}}", "m1"],
            &[("TZ", zone)],
            None,
        );
        run.success().stdout.trim().to_string()
    };
    let utc = created_in("UTC");
    assert_eq!(utc.len(), "2026-12-02T07:44:12Z".len(), "{utc}");
    assert!(utc.ends_with('Z') && utc.contains('T'), "{utc}");
    let kolkata = created_in("Asia/Kolkata");
    assert!(kolkata.ends_with("+05:30"), "{kolkata}");
    sb.coracle(&["rm", "-v", "m1"]).success();
    sb.coracle(&["volume", "rm", "vol1"]).success();
}

#[test]
fn logs_since_until_names_and_follow_of_several() {
    let (sb, img) = with_image("query-logs", "busybox");
    sb.coracle(&[
        "run",
        "-d",
        "--name",
        "talker",
        &img,
        "sh",
        "-c",
        "echo one; sleep 2; echo two",
    ])
    .success();
    assert_eq!(stdout(&sb, &["wait", "talker"]).trim(), "0");
    let stamped = lines(&sb, &["logs", "-t", "talker"]);
    assert_eq!(stamped.len(), 2, "{stamped:?}");
    let first_at = unix_seconds(stamped[0].split(' ').next().unwrap_or(""));
    // One second after the first line's second: the second line came two seconds later.
    let between = first_at + 1;
    let at = between.to_string();
    assert_eq!(lines(&sb, &["logs", "--since", &at, "talker"]), ["two"]);
    assert_eq!(lines(&sb, &["logs", "--until", &at, "talker"]), ["one"]);
    let rfc = rfc3339_of(between);
    assert_eq!(lines(&sb, &["logs", "--since", &rfc, "talker"]), ["two"]);
    assert_eq!(lines(&sb, &["logs", "--until", &rfc, "talker"]), ["one"]);
    assert_eq!(
        lines(&sb, &["logs", "--since", "10m", "talker"]),
        ["one", "two"]
    );
    assert!(lines(&sb, &["logs", "--until", "10m", "talker"]).is_empty());
    assert_eq!(lines(&sb, &["logs", "--tail", "1", "talker"]), ["two"]);
    refused(
        &sb,
        &["logs", "--since", "yesterday", "talker"],
        &["--since", "10m"],
    );

    // Several containers: each line prefixed by the short id, or the name with --names (-n).
    sb.coracle(&["run", "-d", "--name", "other", &img, "echo", "three"])
        .success();
    assert_eq!(stdout(&sb, &["wait", "other"]).trim(), "0");
    let other_id = stdout(&sb, &["inspect", "--format", "{{.Id}}", "other"]);
    let both = lines(&sb, &["logs", "talker", "other"]);
    assert!(
        both.contains(&format!("{} three", &other_id[..12])),
        "{both:?}"
    );
    let named = lines(&sb, &["logs", "-n", "talker", "other"]);
    assert_eq!(named, ["talker one", "talker two", "other three"]);

    // -f follows every container given and ends when the last has ended.
    sb.coracle(&[
        "run",
        "-d",
        "--name",
        "slow",
        &img,
        "sh",
        "-c",
        "sleep 1; echo late",
    ])
    .success();
    let started = Instant::now();
    let followed = lines(&sb, &["logs", "-f", "--names", "other", "slow"]);
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(followed, ["other three", "slow late"]);
    sb.coracle(&["rm", "-a", "-f"]).success();
}

#[test]
fn stop_all_wait_rename_restart_cidfile_and_port() {
    let (sb, img) = with_image("query-control", "busybox");
    for name in ["s1", "s2"] {
        sb.coracle(&["run", "-d", "--name", name, &img, "sleep", "1000"])
            .success();
    }
    // wait --condition running returns at once for a running container (-1, as Podman).
    assert_eq!(
        lines(&sb, &["wait", "--condition", "running", "s1", "s2"]),
        ["-1", "-1"]
    );
    let mut stopped = lines(&sb, &["stop", "--all", "-t", "1"]);
    stopped.sort();
    assert_eq!(stopped, ["s1", "s2"]);
    assert!(stdout(&sb, &["ps", "-q"]).is_empty());
    assert_eq!(names_of_exited(&sb), ["s2", "s1"]);
    let codes = lines(&sb, &["wait", "--condition", "exited", "s1", "s2"]);
    assert!(codes.iter().all(|c| c == "137" || c == "143"), "{codes:?}");

    // rename: the new name finds it, the old one not; a taken name names its holder.
    sb.coracle(&["rename", "s1", "renamed"]).success();
    assert_eq!(state(&sb, "renamed"), "exited");
    sb.coracle(&["container", "exists", "s1"]).code(1);
    let s2_id = stdout(&sb, &["inspect", "--format", "{{.Id}}", "s2"]);
    refused(&sb, &["rename", "renamed", "s2"], &["s2", &s2_id[..12]]);
    refused(&sb, &["rename", "renamed", "bad/name"], &["bad/name"]);

    // restart brings an exited container back; port prints nothing yet, for an existing container.
    sb.coracle(&["restart", "renamed"]).success();
    assert_eq!(state(&sb, "renamed"), "running");
    assert_eq!(stdout(&sb, &["port", "renamed"]), "");
    refused(&sb, &["port", "nosuch"], &["nosuch"]);
    sb.coracle(&["kill", "renamed"]).success();

    // --cidfile: written by run, read by stop and rm; a missing one with --ignore is fine.
    let cidfile = sb.work().join("cid");
    let cid = cidfile.to_string_lossy().to_string();
    let id = stdout(
        &sb,
        &["run", "-d", "--cidfile", &cid, &img, "sleep", "1000"],
    );
    assert_eq!(
        std::fs::read_to_string(&cidfile).unwrap_or_default().trim(),
        id.trim()
    );
    sb.coracle(&["stop", "-t", "1", "--cidfile", &cid])
        .success();
    assert_eq!(state(&sb, id.trim()), "exited");
    sb.coracle(&["rm", "--cidfile", &cid]).success();
    sb.coracle(&["container", "exists", id.trim()]).code(1);
    sb.coracle(&["stop", "--ignore", "nosuch"]).success();

    // kill takes several containers; the saved spec keeps --annotation,
    // --stop-signal and --stop-timeout.
    for name in ["k1", "k2"] {
        sb.coracle(&[
            "run",
            "-d",
            "--name",
            name,
            "--annotation",
            "note=x",
            "--stop-signal",
            "SIGUSR1",
            "--stop-timeout",
            "3",
            &img,
            "sleep",
            "1000",
        ])
        .success();
    }
    assert_eq!(
        stdout(
            &sb,
            &[
                "inspect",
                "--format",
                "{{.Config.StopSignal}} {{.Config.StopTimeout}} {{.Config.Annotations.note}}",
                "k1"
            ]
        )
        .trim(),
        "SIGUSR1 3 x"
    );
    assert_eq!(lines(&sb, &["kill", "k1", "k2"]), ["k1", "k2"]);
    assert_eq!(lines(&sb, &["wait", "k1", "k2"]), ["137", "137"]);
    assert_eq!(
        lines(
            &sb,
            &[
                "container",
                "ls",
                "-a",
                "--filter",
                "name=k",
                "--sort",
                "names",
                "--format",
                "{{.Names}}"
            ]
        ),
        ["k1", "k2"]
    );
    assert_eq!(lines(&sb, &["container", "list", "-q"]).len(), 0);
    sb.coracle(&["rm", "k1", "k2"]).success();
    refused(&sb, &["stop", "nosuch"], &["nosuch"]);
    sb.coracle(&[
        "rm", "-v", "--ignore", "-t", "1", "-f", "renamed", "s2", "nosuch",
    ])
    .success();
    assert!(names(&sb, &[]).is_empty());
}

fn names_of_exited(sb: &Sandbox) -> Vec<String> {
    names(sb, &["--filter", "status=exited"])
}

#[test]
fn rm_depend_container_prune_and_system_prune() {
    let tb = testbed();
    let (sb, img) = with_image("query-prune", "busybox");
    sb.coracle(&["create", "--name", "lonely", &img, "true"])
        .success();
    let lonely = stdout(&sb, &["inspect", "--format", "{{.Id}}", "lonely"]);
    // --depend removes the container (and those that join its namespaces: none here).
    assert_eq!(lines(&sb, &["rm", "--depend", "lonely"]), [lonely.trim()]);

    sb.coracle(&[
        "create", "--name", "keepme", "--label", "keep=yes", &img, "true",
    ])
    .success();
    sb.coracle(&["run", "--name", "done", &img, "true"])
        .success();
    sb.coracle(&["run", "-d", "--name", "up", &img, "sleep", "1000"])
        .success();
    // The label filter spares the others; the running one is never pruned.
    sb.coracle(&["container", "prune", "-f", "--filter", "label=keep=yes"])
        .success();
    assert_eq!(names(&sb, &[]), ["up", "done"]);
    sb.coracle(&["create", "--name", "fresh", &img, "true"])
        .success();
    refused(
        &sb,
        &["container", "prune", "-f", "--filter", "color=red"],
        &["color", "label"],
    );
    sb.coracle(&["container", "prune", "-f"]).success();
    assert_eq!(names(&sb, &[]), ["up"]);

    // A dangling image: pulled by digest alone, it has no name.
    let multi = tb.fixture("multilayer");
    let digest = skopeo_inspect(&multi)["Digest"]
        .as_str()
        .expect("multilayer digest")
        .to_string();
    let repo = multi.rsplit_once(':').map_or(multi.as_str(), |(r, _)| r);
    sb.coracle(&[
        "pull",
        "-q",
        "--tls-verify=false",
        &format!("{repo}@{digest}"),
    ])
    .success();
    assert_eq!(stdout(&sb, &["images", "-q"]).lines().count(), 2);
    sb.coracle(&["run", "--name", "ended", &img, "true"])
        .success();
    sb.coracle(&["system", "prune", "-f"]).success();
    assert_eq!(
        names(&sb, &[]),
        ["up"],
        "stopped containers pruned, the running one kept"
    );
    assert_eq!(
        stdout(&sb, &["images", "-q"]).lines().count(),
        1,
        "the dangling image is gone, the named one in use stays"
    );
    // -a: images no container uses; the running container's stays until it is gone.
    sb.coracle(&["system", "prune", "-a", "-f"]).success();
    assert_eq!(stdout(&sb, &["images", "-q"]).lines().count(), 1);
    sb.coracle(&["rm", "-f", "-t", "0", "up"]).success();
    sb.coracle(&["system", "prune", "-a", "-f"]).success();
    assert_eq!(stdout(&sb, &["images", "-q"]), "");
}

#[test]
fn ambiguous_id_prefix_lists_the_candidates() {
    let (sb, img) = with_image("query-prefix", "busybox");
    // Sixteen hex digits: by the 17th container two ids share their first one.
    let mut by_digit: std::collections::HashMap<char, String> = Default::default();
    let (a, b) = loop {
        assert!(
            by_digit.len() <= 16,
            "more than 16 distinct first hex digits"
        );
        let id = stdout(&sb, &["create", &img, "true"]).trim().to_string();
        let digit = id.chars().next().expect("an id");
        if let Some(other) = by_digit.insert(digit, id.clone()) {
            break (other, id);
        }
    };
    let prefix = &a[..1];
    let err = refused(&sb, &["inspect", prefix], &[&a[..12], &b[..12]]);
    assert!(err.contains("more than one container"), "{err}");
    refused(&sb, &["rm", prefix], &[&a[..12], &b[..12]]);
    refused(&sb, &["rm", "--ignore", prefix], &[&a[..12], &b[..12]]);
    refused(&sb, &["logs", prefix], &[&a[..12]]);
    // Nothing was removed; a longer, unique prefix finds each.
    sb.coracle(&["container", "exists", &a]).success();
    sb.coracle(&["container", "exists", &b]).success();
    let unique = (2..=64).find(|n| a[..*n] != b[..*n]).expect("distinct ids");
    assert_eq!(
        stdout(&sb, &["inspect", "--format", "{{.Id}}", &a[..unique]]).trim(),
        a
    );
    sb.coracle(&["rm", &b[..unique]]).success();
    sb.coracle(&["container", "exists", &b]).code(1);
}

#[test]
fn a_foreground_containers_output_is_logged_too() {
    let (sb, img) = with_image("query-fg-log", "busybox");
    let run = sb.coracle(&[
        "run",
        "--name",
        "fg",
        &img,
        "sh",
        "-c",
        "echo to-out; echo to-err >&2",
    ]);
    let run = run.success();
    // The caller still gets the output as it comes...
    assert_eq!(run.stdout, "to-out\n");
    assert_eq!(run.stderr, "to-err\n");
    // ...and `logs` shows it afterwards, each line on its stream.
    let logs = sb.coracle(&["logs", "fg"]).success().clone();
    assert_eq!(logs.stdout, "to-out\n", "{logs}");
    assert_eq!(logs.stderr, "to-err\n", "{logs}");
    // --log-driver none: nothing is logged.
    sb.coracle(&[
        "run",
        "--name",
        "quiet",
        "--log-driver",
        "none",
        &img,
        "echo",
        "x",
    ])
    .success();
    let none = sb.coracle(&["logs", "quiet"]);
    assert!(!none.stdout.contains('x'), "{none}");
    sb.coracle(&["rm", "-a"]).success();
}
