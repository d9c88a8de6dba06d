//! Named and anonymous volumes, as the unprivileged user: data that outlives its
//! container, refusal to remove a volume in use (exit 2, naming the container),
//! prune, copy-up of the image's content with its owners, anonymous volumes of an
//! image's `VOLUME` removed with their container, `--volumes-from`, a hostile image
//! whose symlinks a copy-up must not follow, `system reset -f`, and bad input.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use coracle_tests::{run_root, Sandbox};

use crate::lifecycle::stdout;
use crate::run::{run, with_image};

/// The store of a sandbox (coracle's default under XDG_DATA_HOME).
fn store(sb: &Sandbox) -> PathBuf {
    sb.data().join("coracle")
}

/// A volume's data directory on the host.
fn data_dir(sb: &Sandbox, name: &str) -> PathBuf {
    store(sb).join("volumes").join(name).join("_data")
}

/// The volume names `volume ls -q` prints.
fn volume_names(sb: &Sandbox) -> Vec<String> {
    stdout(sb, &["volume", "ls", "-q"])
        .lines()
        .map(str::to_string)
        .collect()
}

/// The names in a host directory, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// Assert a failed run printed exactly one line on stderr, containing `needle`.
#[track_caller]
fn one_line_error(run: &coracle_tests::Run, needle: &str) {
    assert_eq!(run.stderr.lines().count(), 1, "one line expected\n{run}");
    assert!(run.stderr.contains(needle), "expected {needle:?}\n{run}");
}

#[test]
fn named_volume_keeps_data_and_is_not_removed_while_in_use() {
    let (sb, img) = with_image("vol-named", "busybox");
    sb.coracle(&[
        "run",
        "--rm",
        "-v",
        "data:/data",
        &img,
        "sh",
        "-c",
        "echo hello > /data/f",
    ])
    .success();
    // Container root is the user: the file is the user's own on the host.
    let user_uid = std::fs::metadata(sb.data()).unwrap().uid();
    let f = data_dir(&sb, "data").join("f");
    assert_eq!(std::fs::metadata(&f).unwrap().uid(), user_uid);
    let again = stdout(
        &sb,
        &["run", "--rm", "-v", "data:/data", &img, "cat", "/data/f"],
    );
    assert_eq!(again, "hello\n");

    // In use by a created container, then by a running one: refused, exit 2.
    sb.coracle(&[
        "create",
        "--name",
        "holder",
        "-v",
        "data:/data",
        &img,
        "true",
    ])
    .success();
    let mounts = crate::lifecycle::inspect(&sb, "holder", "{{json .Mounts}}");
    let mounts: serde_json::Value = serde_json::from_str(&mounts).unwrap();
    assert_eq!(mounts[0]["Type"], "volume");
    assert_eq!(mounts[0]["Name"], "data");
    assert_eq!(mounts[0]["Destination"], "/data");
    let refused = sb.coracle(&["volume", "rm", "data"]);
    refused.code(2);
    one_line_error(&refused, "holder");
    sb.coracle(&["rm", "holder"]).success();
    sb.coracle(&[
        "run",
        "-d",
        "--name",
        "runner",
        "-v",
        "data:/data",
        &img,
        "sleep",
        "300",
    ])
    .success();
    let refused = sb.coracle(&["volume", "rm", "data"]);
    refused.code(2);
    one_line_error(&refused, "runner");
    sb.coracle(&["volume", "exists", "data"]).code(0);
    // -f removes the container first.
    sb.coracle(&["volume", "rm", "-f", "data"]).success();
    sb.coracle(&["container", "exists", "runner"]).code(1);
    sb.coracle(&["volume", "exists", "data"]).code(1);
    assert!(!data_dir(&sb, "data").exists());
    // A --rm container under its monitor: its clean-up and the removal do not wait
    // on each other.
    let detached = [
        "run", "-d", "--rm", "--name", "rr", "-v", "d2:/d", &img, "sleep", "300",
    ];
    sb.coracle(&detached).success();
    let started = std::time::Instant::now();
    sb.coracle(&["volume", "rm", "-f", "d2"]).success();
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    sb.coracle(&["volume", "exists", "d2"]).code(1);

    // Prune: only the volumes no container uses.
    sb.coracle(&["volume", "create", "unused"]).success();
    sb.coracle(&["volume", "create", "--label", "team=a", "used"])
        .success();
    sb.coracle(&["create", "--name", "user", "-v", "used:/u", &img, "true"])
        .success();
    let dangling = stdout(&sb, &["volume", "ls", "-q", "--filter", "dangling=true"]);
    assert_eq!(dangling, "unused\n");
    let labelled = stdout(
        &sb,
        &[
            "volume",
            "ls",
            "--format",
            "{{.Name}} {{.Driver}}",
            "--filter",
            "label=team=a",
        ],
    );
    assert_eq!(labelled, "used local\n");
    let pruned = stdout(&sb, &["volume", "prune", "-f"]);
    assert_eq!(pruned, "unused\n");
    assert_eq!(volume_names(&sb), ["used"]);
    let inspect: serde_json::Value =
        serde_json::from_str(&stdout(&sb, &["volume", "inspect", "used"])).unwrap();
    let v = &inspect[0];
    assert_eq!(v["Name"], "used");
    assert_eq!(v["Driver"], "local");
    assert_eq!(v["Scope"], "local");
    assert_eq!(v["Labels"]["team"], "a");
    assert!(v["Mountpoint"]
        .as_str()
        .unwrap()
        .ends_with("/volumes/used/_data"));
    let listed: serde_json::Value =
        serde_json::from_str(&stdout(&sb, &["volume", "ls", "--format", "json"])).unwrap();
    assert_eq!(listed[0]["Name"], "used");
}

#[test]
fn fresh_volume_starts_with_the_images_files_and_owners() {
    let (sb, img) = with_image("vol-etc", "volumes");
    let stat =
        "stat -c '%u:%g %a %n' /etc/app.conf /etc/appdir /etc/appdir/x && echo mine > /etc/marker";
    let out = run(&sb, &img, &["-v", "fresh:/etc"], &["sh", "-c", stat]);
    let out = &out.success().stdout;
    assert_eq!(
        out,
        "1000:1000 640 /etc/app.conf\n1000:100 750 /etc/appdir\n1000:100 600 /etc/appdir/x\n"
    );
    // A second container sees the volume as the first left it.
    let cat = ["cat", "/etc/marker", "/etc/app.conf"];
    let out = run(&sb, &img, &["-v", "fresh:/etc"], &cat);
    assert_eq!(out.success().stdout, "mine\napp\n");
    // --mount type=volume, read-only.
    let mount = ["--mount", "type=volume,src=fresh,dst=/cfg,ro"];
    let ro = run(
        &sb,
        &img,
        &mount,
        &["sh", "-c", "cat /cfg/marker && touch /cfg/new"],
    );
    ro.failure();
    assert_eq!(ro.stdout, "mine\n");

    // --opt o=uid=,gid=: the volume's top has that owner, on its first mount only.
    sb.coracle(&["volume", "create", "--opt", "o=uid=1000,gid=1000", "owned"])
        .success();
    let chown = "stat -c %u:%g /o && chown 0:0 /o";
    let first = run(&sb, &img, &["-v", "owned:/o"], &["sh", "-c", chown]);
    assert_eq!(first.success().stdout, "1000:1000\n");
    let later = run(
        &sb,
        &img,
        &["-v", "owned:/o"],
        &["stat", "-c", "%u:%g", "/o"],
    );
    assert_eq!(later.success().stdout, "0:0\n", "the user's chown stays");
}

#[test]
fn anonymous_volumes_go_with_their_container() {
    let (sb, img) = with_image("vol-anon", "volumes");
    // The image's VOLUME /srv/data: an anonymous volume, copied up, gone with --rm.
    let seed = stdout(&sb, &["run", "--rm", &img, "cat", "/srv/data/seed.txt"]);
    assert_eq!(seed, "seed\n");
    assert!(volume_names(&sb).is_empty(), "run --rm removed it");

    sb.coracle(&["create", "--name", "plain", &img, "true"])
        .success();
    let anon = volume_names(&sb);
    assert_eq!(anon.len(), 1);
    assert_eq!(anon[0].len(), 64, "a random name");
    let by_start = stdout(
        &sb,
        &["volume", "inspect", "--format", "{{.Name}}", &anon[0][..12]],
    );
    assert_eq!(
        by_start.trim(),
        anon[0],
        "a unique start of the name finds it"
    );
    sb.coracle(&["rm", "plain"]).success();
    assert_eq!(volume_names(&sb), anon, "rm without -v keeps it");
    sb.coracle(&["volume", "prune", "-f"]).success();

    sb.coracle(&["create", "--name", "withv", "-v", "/scratch", &img, "true"])
        .success();
    assert_eq!(volume_names(&sb).len(), 2, "-v /scratch and the image's");
    sb.coracle(&["rm", "-v", "withv"]).success();
    assert!(volume_names(&sb).is_empty(), "rm -v removed both");

    // --volumes-from: the other container's named and anonymous volumes.
    sb.coracle(&[
        "run",
        "--name",
        "src",
        "-v",
        "shared:/shared",
        &img,
        "sh",
        "-c",
        "echo from-src > /shared/f && echo anon > /srv/data/a",
    ])
    .success();
    let seen = run(
        &sb,
        &img,
        &["--volumes-from", "src"],
        &["cat", "/shared/f", "/srv/data/a"],
    );
    assert_eq!(seen.success().stdout, "from-src\nanon\n");
    let ro = run(
        &sb,
        &img,
        &["--volumes-from", "src:ro"],
        &["touch", "/shared/g"],
    );
    ro.failure();
    assert!(!data_dir(&sb, "shared").join("g").exists());
    // The inheriting container's --rm left src's anonymous volume alone.
    assert_eq!(volume_names(&sb).len(), 2);
}

/// The host directory the `volumes` fixture's links point to.
const HOST_DIR: &str = "/tmp/coracle-hostile-volume";

#[test]
fn copy_up_never_follows_the_images_symlinks_out_of_the_root() {
    let (sb, img) = with_image("vol-hostile", "volumes");
    let host = Path::new(HOST_DIR);
    let _ = std::fs::remove_dir_all(host);
    std::fs::create_dir_all(host).unwrap();
    std::fs::write(host.join("secret"), "host secret\n").unwrap();
    run_root("chmod", &["0777", HOST_DIR]).success();

    // Links inside the copied directory are copied as links.
    sb.coracle(&["run", "--rm", "-v", "hv:/hostile", &img, "ls", "/hostile"])
        .success();
    let data = data_dir(&sb, "hv");
    for link in ["link", "up"] {
        let meta = std::fs::symlink_metadata(data.join(link)).unwrap();
        assert!(meta.file_type().is_symlink(), "{link} copied as a link");
    }
    assert_eq!(
        std::fs::read_link(data.join("link")).unwrap(),
        Path::new(HOST_DIR)
    );
    assert_eq!(
        std::fs::read_to_string(data.join("plain")).unwrap(),
        "plain\n"
    );
    let names = entries(&data);
    assert!(!names.contains(&"secret".to_string()), "{names:?}");

    // A mount point that is itself a link out: resolved inside the container, so
    // nothing of the host is copied in and nothing the container writes lands there.
    sb.coracle(&[
        "run",
        "--rm",
        "-v",
        "hv2:/hostile/link",
        &img,
        "sh",
        "-c",
        "ls /hostile/link; echo leaked > /hostile/link/leak",
    ])
    .success();
    let copied = entries(&data_dir(&sb, "hv2"));
    assert_eq!(copied, ["leak"], "only the container's own write");
    let host_names = entries(host);
    assert_eq!(host_names, ["secret"]);
    assert_eq!(
        std::fs::read_to_string(host.join("secret")).unwrap(),
        "host secret\n"
    );
    std::fs::remove_dir_all(host).unwrap();

    // A mount point that is a mount of the container's (its /proc): not the image's
    // content, nothing copied.
    run(&sb, &img, &["-v", "pv:/proc"], &["true"]).success();
    assert_eq!(entries(&data_dir(&sb, "pv")), Vec::<String>::new());
}

#[test]
fn system_reset_leaves_no_file_of_the_store() {
    let (sb, img) = with_image("vol-reset", "volumes");
    sb.coracle(&[
        "run", "-d", "--name", "r", "-v", "keep:/k", &img, "sleep", "300",
    ])
    .success();
    sb.coracle(&[
        "run",
        "--name",
        "s",
        &img,
        "sh",
        "-c",
        "touch /tmp/z /srv/data/z && chown 1000:1000 /tmp/z /srv/data/z",
    ])
    .success();
    // Files of subordinate ids exist (layers, the upper layer, the volume).
    let user_uid = std::fs::metadata(sb.data()).unwrap().uid();
    let foreign = run_root(
        "find",
        &[
            store(&sb).to_str().unwrap(),
            "-not",
            "-uid",
            &user_uid.to_string(),
        ],
    );
    assert!(
        !foreign.success().stdout.trim().is_empty(),
        "no subordinate-owned files to test with"
    );

    let pid: i32 = crate::lifecycle::inspect(&sb, "r", "{{.State.Pid}}")
        .parse()
        .unwrap();
    assert!(crate::lifecycle::pid_alive(pid));
    let asked = sb.coracle(&["system", "reset"]);
    asked.code(125);
    one_line_error(&asked, "pass -f");
    assert!(
        store(&sb).join("db.sqlite").exists(),
        "nothing removed without -f"
    );

    sb.coracle(&["system", "reset", "-f"]).success();
    let left = run_root("find", &[sb.data().to_str().unwrap(), "-mindepth", "1"]);
    assert_eq!(left.success().stdout, "", "files left behind");
    let exits = run_root("find", &[sb.runtime().to_str().unwrap(), "-type", "f"]);
    assert_eq!(exits.success().stdout, "", "runtime files left behind");
    let gone = || !crate::lifecycle::pid_alive(pid);
    assert!(
        crate::lifecycle::eventually(std::time::Duration::from_secs(10), gone),
        "the running container was killed"
    );
    // A fresh store works again.
    sb.coracle(&["volume", "ls", "-q"]).success();
}

#[test]
fn bad_volume_input_is_a_one_line_error_and_changes_nothing() {
    let (sb, img) = with_image("vol-bad", "busybox");
    for (args, needle) in [
        (vec!["volume", "create", "bad/name"], "invalid volume name"),
        (
            vec!["volume", "create", "--opt", "type=nfs", "v"],
            "unsupported volume option",
        ),
        (
            vec!["volume", "create", "--opt", "o=size=1m", "v"],
            "unsupported volume option",
        ),
        (
            vec!["volume", "create", "--driver", "nfs", "v"],
            "not supported",
        ),
        (
            vec!["volume", "ls", "--filter", "color=red"],
            "invalid filter",
        ),
        (
            vec!["run", "--rm", "-v", "ba$d:/x", &img, "true"],
            "invalid volume name",
        ),
        (
            vec![
                "run",
                "--rm",
                "--mount",
                "type=volume,src=v,dst=/x,color=red",
                &img,
                "true",
            ],
            "unknown mount option",
        ),
        (
            vec!["run", "--rm", "--volumes-from", "nosuch", &img, "true"],
            "nosuch",
        ),
    ] {
        let run = sb.coracle(&args);
        run.code(125);
        one_line_error(&run, needle);
    }
    // A creation that fails late (the name is taken) takes back the volumes it made.
    sb.coracle(&["create", "--name", "taken", &img, "true"])
        .success();
    let late = sb.coracle(&["create", "--name", "taken", "-v", "newvol:/x", &img, "true"]);
    late.code(125);
    one_line_error(&late, "taken");
    assert!(volume_names(&sb).is_empty(), "no volume made");
    sb.coracle(&["volume", "rm", "nosuch"]).code(1);
    sb.coracle(&["volume", "exists", "nosuch"]).code(1);
    let name = stdout(&sb, &["volume", "create"]);
    assert_eq!(name.trim().len(), 64, "a random name: {name:?}");
    sb.coracle(&["volume", "exists", name.trim()]).code(0);
}
