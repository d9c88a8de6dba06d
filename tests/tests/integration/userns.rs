//! User namespaces that leave the caller out, as the unprivileged user:
//! `--userns nomap`, `--uidmap`/`--gidmap` without 0 and `--subuidname` run in a user
//! namespace nested in one with the default mapping (the caller is 0 there, its
//! subordinate ids 1..), as Podman's do under its pause process; the image's files
//! keep their owners, the caller's own files show as the overflow id; `exec` joins
//! such a container; bad maps are refused with 125 and leave the store as it was.

use std::os::unix::fs::MetadataExt;

use coracle_tests::Sandbox;

use crate::exec::RemoveAll;
use crate::run::with_image;

fn stdout_of(sb: &Sandbox, args: &[&str]) -> String {
    sb.coracle(args).success().stdout.trim().to_string()
}

/// The lines of a uid_map/gid_map text as `[inside, outside, size]`.
fn map_lines(text: &str) -> Vec<[u64; 3]> {
    text.lines()
        .map(|l| {
            let f: Vec<u64> = l
                .split_whitespace()
                .map(|n| n.parse().expect("a map line of numbers"))
                .collect();
            [f[0], f[1], f[2]]
        })
        .collect()
}

/// The uid and gid maps a process of the running container `id` sees (`exec`).
fn maps_in(sb: &Sandbox, id: &str) -> (Vec<[u64; 3]>, Vec<[u64; 3]>) {
    let script = "cat /proc/self/uid_map; echo --; cat /proc/self/gid_map";
    let text = stdout_of(sb, &["exec", id, "sh", "-c", script]);
    let (uids, gids) = text.split_once("--\n").expect("two maps");
    (map_lines(uids), map_lines(gids))
}

/// The caller's host uid and first subordinate uid, from its default mapping.
fn default_ids(sb: &Sandbox, img: &str) -> (u64, u64) {
    let default = map_lines(&stdout_of(
        sb,
        &["run", "--rm", img, "cat", "/proc/self/uid_map"],
    ));
    let me = default.iter().find(|l| l[0] == 0).expect("the caller is 0")[1];
    let sub = default.iter().find(|l| l[0] == 1).expect("subordinate ids")[1];
    (me, sub)
}

#[test]
fn nomap_maps_only_subordinate_ids() {
    let (sb, img) = with_image("userns-nomap", "busybox");
    let _cleanup = RemoveAll(&sb);
    let (me, sub) = default_ids(&sb, &img);
    let work = sb.work();
    let owner = std::fs::metadata(&work)
        .expect("the sandbox's work dir")
        .uid();
    assert_eq!(u64::from(owner), me, "the work dir is the caller's");
    let volume = format!("{}:/mnt/mine", work.display());
    let out = stdout_of(
        &sb,
        &[
            "run",
            "--rm",
            "--userns",
            "nomap",
            "-v",
            &volume,
            &img,
            "sh",
            "-c",
            "cat /proc/self/uid_map; echo --; cat /proc/self/gid_map; echo --; stat -c %u:%g /bin/busybox /home/app /mnt/mine /dev /dev/shm; id -u",
        ],
    );
    let parts: Vec<&str> = out.split("--\n").collect();
    assert_eq!(parts.len(), 3, "{out}");
    // Seen from the namespace it is nested in, where the caller is 0: the
    // subordinate ids only, from container id 0; no line reaches the caller.
    for map in &parts[..2] {
        let lines = map_lines(map);
        assert_eq!(lines, [[0, 1, 65536]], "{out}");
        assert!(
            lines
                .iter()
                .all(|l| !(l[1] == 0 || l[1] < 1 && 1 <= l[1] + l[2])),
            "{out}"
        );
    }
    let rest: Vec<&str> = parts[2].lines().collect();
    // The image's files keep their owners (app is 1000 in the image); the caller's
    // own directory is nobody's; /dev and /dev/shm are root's; the command runs as
    // the namespace's root.
    assert_eq!(
        rest,
        ["0:0", "1000:1000", "65534:65534", "0:0", "0:0", "0"],
        "owners and id: {out}"
    );
    // From the host, the container's root is the first subordinate id.
    let id = stdout_of(
        &sb,
        &["run", "-d", "--userns", "nomap", &img, "sleep", "1000"],
    );
    let pid = stdout_of(&sb, &["inspect", "--format", "{{.State.Pid}}", &id]);
    let host_view = std::fs::read_to_string(format!("/proc/{pid}/uid_map")).expect("uid_map");
    assert_eq!(map_lines(&host_view), [[0, sub, 65536]], "{host_view}");
    // exec joins it: the same nested mapping, the image's files as they are.
    let inside = stdout_of(
        &sb,
        &[
            "exec",
            &id,
            "sh",
            "-c",
            "cat /proc/self/uid_map; stat -c %u /bin/busybox; id -u",
        ],
    );
    let lines: Vec<&str> = inside.lines().collect();
    assert_eq!(map_lines(lines[0]), [[0, 1, 65536]], "{inside}");
    assert_eq!(lines[1..], ["0", "0"], "{inside}");
    // cp reaches it through the namespace it is nested in, both ways.
    let source = sb.write("to-copy", "copied in\n");
    let dest = format!("{id}:/tmp/in");
    sb.coracle(&["cp", &source.to_string_lossy(), &dest])
        .success();
    assert_eq!(
        stdout_of(&sb, &["exec", &id, "cat", "/tmp/in"]),
        "copied in"
    );
    sb.coracle(&["exec", &id, "sh", "-c", "echo made inside >/tmp/out"])
        .success();
    let back = sb.work().join("out");
    let from = format!("{id}:/tmp/out");
    sb.coracle(&["cp", &from, &back.to_string_lossy()])
        .success();
    assert_eq!(
        std::fs::read_to_string(&back).expect("copied out"),
        "made inside\n"
    );
    sb.coracle(&["rm", "-f", "-t", "0", &id]).success();
}

#[test]
fn uidmap_without_the_caller_and_subuidname() {
    let (sb, img) = with_image("userns-uidmap", "busybox");
    let _cleanup = RemoveAll(&sb);
    let (_, sub) = default_ids(&sb, &img);
    // HOST counts in the namespace the container's is nested in: 1 is the first
    // subordinate id. Two ranges, the caller (0) in neither.
    let id = stdout_of(
        &sb,
        &[
            "run",
            "-d",
            "--uidmap",
            "0:1:100",
            "--uidmap",
            "100:2001:900",
            "--gidmap",
            "0:5:1000",
            &img,
            "sleep",
            "1000",
        ],
    );
    let (uids, gids) = maps_in(&sb, &id);
    assert_eq!(uids, [[0, 1, 100], [100, 2001, 900]], "uid_map inside");
    assert_eq!(gids, [[0, 5, 1000]], "gid_map inside");
    // The same maps, read from the host, in host ids.
    let pid = stdout_of(&sb, &["inspect", "--format", "{{.State.Pid}}", &id]);
    let host_uids = std::fs::read_to_string(format!("/proc/{pid}/uid_map")).expect("uid_map");
    let host_gids = std::fs::read_to_string(format!("/proc/{pid}/gid_map")).expect("gid_map");
    assert_eq!(
        map_lines(&host_uids),
        [[0, sub, 100], [100, sub + 2000, 900]],
        "{host_uids}"
    );
    assert_eq!(map_lines(&host_gids), [[0, sub + 4, 1000]], "{host_gids}");
    sb.coracle(&["rm", "-f", "-t", "0", &id]).success();
    // --subuidname: the name's ranges in /etc/subuid (here the caller's own), from 0.
    let user = coracle_tests::testbed().user.clone();
    let named = stdout_of(
        &sb,
        &[
            "run",
            "--rm",
            "--subuidname",
            &user,
            &img,
            "cat",
            "/proc/self/uid_map",
        ],
    );
    assert_eq!(map_lines(&named), [[0, 1, 65536]], "{named}");
}

#[test]
fn bad_maps_are_refused_and_leave_the_store_as_it_was() {
    let (sb, img) = with_image("userns-badmap", "busybox");
    let containers = sb.data().join("coracle").join("containers");
    let listing = |dir: &std::path::Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    };
    let before = listing(&containers);
    for (args, words) in [
        (
            vec!["--uidmap", "0:1:100", "--uidmap", "50:500:10"],
            vec!["--uidmap", "container ids overlap"],
        ),
        (
            vec!["--gidmap", "0:1:100", "--gidmap", "200:50:10"],
            vec!["--gidmap", "host ids overlap"],
        ),
        (
            vec!["--uidmap", "0:1:70000"],
            vec!["--uidmap 0:1:70000", "65536"],
        ),
        (
            vec!["--uidmap", "0:1"],
            vec!["--uidmap", "CONTAINER_ID:HOST_ID:SIZE"],
        ),
        (
            vec!["--subuidname", "no-such-name"],
            vec!["--subuidname no-such-name"],
        ),
        (
            vec!["--userns", "keep-id", "--uidmap", "0:1:10"],
            vec!["exclude"],
        ),
    ] {
        for verb in ["run", "create"] {
            let mut all = vec![verb];
            all.extend_from_slice(&args);
            all.extend_from_slice(&[&img, "true"]);
            let run = sb.coracle(&all);
            run.code(125);
            let stderr = run.stderr.trim();
            assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
            for word in &words {
                assert!(stderr.contains(word), "{args:?}: {stderr}");
            }
        }
    }
    assert_eq!(
        stdout_of(&sb, &["ps", "-a", "-q"]),
        "",
        "a refused run left a record"
    );
    assert_eq!(
        listing(&containers),
        before,
        "a refused run left a directory"
    );
}

#[test]
fn auto_gives_each_container_its_own_range_until_removed() {
    let (sb, img) = with_image("userns-auto", "busybox");
    let _cleanup = RemoveAll(&sb);
    let start = |size: &str| {
        let mode = format!("auto{size}");
        stdout_of(
            &sb,
            &["run", "-d", "--userns", &mode, &img, "sleep", "1000"],
        )
    };
    let maps_of = |id: &str| maps_in(&sb, id);
    let a = start("");
    let b = start(":size=2048");
    let (a_uids, a_gids) = maps_of(&a);
    let (b_uids, b_gids) = maps_of(&b);
    // Podman's default size; the caller (0 outside) in neither; disjoint ranges.
    assert_eq!(a_uids, [[0, 1, 1024]], "first auto container");
    assert_eq!(a_gids, [[0, 1, 1024]], "first auto container");
    assert_eq!(b_uids, [[0, 1025, 2048]], "second auto container");
    assert_eq!(b_gids, [[0, 1025, 2048]], "second auto container");
    // inspect shows the mode and the ranges, as Podman's HostConfig does.
    let inspected: serde_json::Value =
        serde_json::from_str(&stdout_of(&sb, &["container", "inspect", &b]))
            .expect("inspect prints JSON");
    let host = &inspected[0]["HostConfig"];
    assert_eq!(host["UsernsMode"], "auto", "{host}");
    assert_eq!(
        host["IDMappings"]["UidMap"],
        serde_json::json!(["0:1025:2048"]),
        "{host}"
    );
    assert_eq!(
        host["IDMappings"]["GidMap"],
        serde_json::json!(["0:1025:2048"]),
        "{host}"
    );
    // The range is saved with the container: a restart keeps it.
    sb.coracle(&["restart", "-t", "0", &a]).success();
    assert_eq!(maps_of(&a).0, a_uids, "after a restart");
    // Removing a container frees its range for the next one.
    sb.coracle(&["rm", "-f", "-t", "0", &a]).success();
    let c = start(":size=1000");
    assert_eq!(
        maps_of(&c).0,
        [[0, 1, 1000]],
        "the freed range is given again"
    );
    // More ids than are free: 125, naming the size.
    let too_many = sb.coracle(&["run", "--rm", "--userns", "auto:size=65000", &img, "true"]);
    too_many.code(125);
    assert!(
        too_many.stderr.contains("auto:size=65000"),
        "{}",
        too_many.stderr
    );
    let bad = sb.coracle(&["run", "--rm", "--userns", "auto:size=0", &img, "true"]);
    bad.code(125);
    assert!(bad.stderr.contains("size="), "{}", bad.stderr);
}

#[test]
fn auto_containers_created_at_once_get_disjoint_ranges() {
    let (sb, img) = with_image("userns-auto-parallel", "busybox");
    let _cleanup = RemoveAll(&sb);
    let children: Vec<_> = (0..6)
        .map(|_| {
            sb.command(&[
                "run",
                "-d",
                "--userns",
                "auto:size=500",
                &img,
                "sleep",
                "1000",
            ])
            .spawn()
            .expect("start coracle")
        })
        .collect();
    let mut ranges: Vec<[u64; 3]> = Vec::new();
    for child in children {
        let out = child.wait_with_output().expect("wait for coracle");
        let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let (uids, gids) = maps_in(&sb, &id);
        assert_eq!(uids, gids, "the same range for uids and gids");
        assert_eq!(uids.len(), 1, "{uids:?}");
        ranges.push(uids[0]);
    }
    ranges.sort();
    for pair in ranges.windows(2) {
        assert!(
            pair[0][1] + pair[0][2] <= pair[1][1],
            "overlapping ranges: {ranges:?}"
        );
    }
    assert!(
        ranges.iter().all(|r| r[1] >= 1 && r[2] == 500),
        "{ranges:?}"
    );
}
