//! `coracle cp` between the host and a running or a stopped container, as the
//! unprivileged user: files and directories both ways with contents, modes and
//! mtimes kept, owners mapped (the container's root inside, the caller outside), tar
//! streams on stdin and stdout, and an image whose symlink points out of the root.

use std::os::unix::fs::MetadataExt;
use std::path::Path;

use coracle_tests::{run_root, testbed, Sandbox};

use crate::run::with_image;
use crate::util::chown_to_user;

/// The mtime given to the host files copied in.
const MTIME: u64 = 1_600_000_000;

fn stdout(sb: &Sandbox, args: &[&str]) -> String {
    sb.coracle(args).success().stdout.clone()
}

/// work/src/{sub/f (0640, "hello\n")}, work/file.txt (0600, "file\n"), all with mtime
/// [`MTIME`], owned by the test user.
fn host_sources(sb: &Sandbox) {
    let work = sb.work();
    std::fs::create_dir_all(work.join("src/sub")).unwrap();
    std::fs::write(work.join("src/sub/f"), "hello\n").unwrap();
    std::fs::write(work.join("file.txt"), "file\n").unwrap();
    run_root(
        "chmod",
        &["0640", &work.join("src/sub/f").to_string_lossy()],
    )
    .success();
    run_root("chmod", &["0600", &work.join("file.txt").to_string_lossy()]).success();
    chown_to_user(&work);
    for p in ["src/sub/f", "src/sub", "src", "file.txt"] {
        run_root(
            "touch",
            &[
                "-h",
                "-d",
                &format!("@{MTIME}"),
                &work.join(p).to_string_lossy(),
            ],
        )
        .success();
    }
}

/// (path, uid, mode, mtime, contents) of each entry of a tar stream.
fn tar_entries(bytes: &[u8]) -> Vec<(String, u64, u32, u64, String)> {
    use std::io::Read;
    let mut archive = tar::Archive::new(bytes);
    let mut out = Vec::new();
    for entry in archive.entries().expect("a tar stream") {
        let mut entry = entry.expect("a tar entry");
        let h = entry.header().clone();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        out.push((
            entry.path().unwrap().to_string_lossy().into_owned(),
            h.uid().unwrap(),
            h.mode().unwrap(),
            h.mtime().unwrap(),
            text,
        ));
    }
    out
}

/// A host file copied out: contents, and owned by the test user with `mode`.
fn assert_host_file(path: &Path, contents: &str, mode: u32) {
    let tb = testbed();
    assert_eq!(std::fs::read_to_string(path).unwrap(), contents, "{path:?}");
    let m = std::fs::symlink_metadata(path).unwrap();
    assert_eq!(
        (m.uid(), m.gid(), m.mode() & 0o7777),
        (tb.uid, tb.gid, mode),
        "owner and mode of {path:?}"
    );
}

/// Copy the host sources into `ctr` (a file into /tmp/, a directory to a new name),
/// and a tar stream from stdin into /tmp.
fn copy_in(sb: &Sandbox, ctr: &str) {
    sb.coracle(&["cp", "file.txt", &format!("{ctr}:/tmp/")])
        .success();
    sb.coracle(&["cp", "src", &format!("{ctr}:/tmp/dir")])
        .success();
    let mut tar = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_gnu();
    h.set_size(9);
    h.set_mode(0o751);
    h.set_mtime(MTIME);
    h.set_uid(4242);
    tar.append_data(&mut h, "streamed/x", &b"streamed\n"[..])
        .unwrap();
    let tar = tar.into_inner().unwrap();
    sb.coracle_with(&["cp", "-", &format!("{ctr}:/tmp")], &[], Some(&tar))
        .success();
}

/// What [`copy_in`] put there, seen from inside through a tar on stdout (owners as
/// the container sees them: its root, 0) and copied out to the host (the caller's).
fn check_copied_in(sb: &Sandbox, ctr: &str) {
    let tar = sb.coracle(&["cp", &format!("{ctr}:/tmp/dir"), "-"]);
    tar.success();
    let entries = tar_entries(tar.stdout.as_bytes());
    let f = entries
        .iter()
        .find(|e| e.0 == "dir/sub/f")
        .unwrap_or_else(|| panic!("no dir/sub/f in {entries:?}"));
    assert_eq!((f.1, f.2, f.3, f.4.as_str()), (0, 0o640, MTIME, "hello\n"));
    let tar = sb.coracle(&["cp", &format!("{ctr}:/tmp/file.txt"), "-"]);
    let entries = tar_entries(tar.success().stdout.as_bytes());
    assert_eq!(
        entries,
        vec![("file.txt".into(), 0, 0o600, MTIME, "file\n".into())]
    );
    // --archive (the default) gives the container's user, not the tar's 4242.
    let tar = sb.coracle(&["cp", &format!("{ctr}:/tmp/streamed/x"), "-"]);
    let entries = tar_entries(tar.success().stdout.as_bytes());
    assert_eq!(
        entries,
        vec![("x".into(), 0, 0o751, MTIME, "streamed\n".into())]
    );

    let out = sb.work().join(format!("out-{ctr}"));
    std::fs::create_dir_all(&out).unwrap();
    chown_to_user(&out);
    let out_s = out.to_string_lossy().into_owned();
    sb.coracle(&["cp", &format!("{ctr}:/tmp/dir"), &out_s])
        .success();
    assert_host_file(&out.join("dir/sub/f"), "hello\n", 0o640);
    assert_eq!(
        std::fs::metadata(out.join("dir/sub/f")).unwrap().mtime() as u64,
        MTIME
    );
    sb.coracle(&[
        "cp",
        &format!("{ctr}:/tmp/file.txt"),
        &format!("{out_s}/renamed"),
    ])
    .success();
    assert_host_file(&out.join("renamed"), "file\n", 0o600);
    sb.coracle(&[
        "cp",
        &format!("{ctr}:/tmp/dir/."),
        &format!("{out_s}/contents"),
    ])
    .success();
    assert_host_file(&out.join("contents/sub/f"), "hello\n", 0o640);
}

#[test]
fn cp_in_and_out_of_a_running_container() {
    let (sb, img) = with_image("cp-running", "busybox");
    host_sources(&sb);
    let id = stdout(&sb, &["run", "-d", "--name", "r", &img, "sleep", "1000"]);
    let id = id.trim();
    copy_in(&sb, "r");
    check_copied_in(&sb, "r");
    // The container's own view: its generated /etc/hostname (a mount of the
    // running container), as a tar on stdout.
    let tar = sb.coracle(&["cp", "r:/etc/hostname", "-"]);
    let entries = tar_entries(tar.success().stdout.as_bytes());
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0].0, "hostname");
    assert_eq!(entries[0].4, format!("{}\n", &id[..12]));
    // A missing source is a one-line error, exit 125.
    let r = sb.coracle(&["cp", "r:/no/such", "x"]);
    r.code(125);
    assert!(r.stderr.contains("/no/such"), "{}", r.stderr);
    // A directory does not replace a file without --overwrite.
    let r = sb.coracle(&["cp", "src", "r:/tmp/file.txt"]);
    r.code(125);
    assert!(r.stderr.contains("--overwrite"), "{}", r.stderr);
    sb.coracle(&["rm", "-f", "r"]).success();
}

#[test]
fn cp_in_and_out_of_a_stopped_container() {
    let (sb, img) = with_image("cp-stopped", "busybox");
    host_sources(&sb);
    let show =
        "stat -c '%u:%g %a %Y %n' /tmp/file.txt /tmp/dir/sub/f /tmp/streamed/x; cat /tmp/dir/sub/f";
    sb.coracle(&["create", "--name", "s", &img, "sh", "-c", show])
        .success();
    copy_in(&sb, "s");
    check_copied_in(&sb, "s");
    // The image's files, through the mounted layers.
    let passwd = sb.work().join("passwd");
    sb.coracle(&["cp", "s:/etc/passwd", &passwd.to_string_lossy()])
        .success();
    assert!(std::fs::read_to_string(&passwd)
        .unwrap()
        .contains("app:x:1000:"));
    // The container itself sees what was copied in, owned by its root.
    sb.coracle(&["start", "s"]).success();
    assert_eq!(stdout(&sb, &["wait", "s"]).trim(), "0");
    let logs = stdout(&sb, &["logs", "s"]);
    for line in [
        format!("0:0 600 {MTIME} /tmp/file.txt"),
        format!("0:0 640 {MTIME} /tmp/dir/sub/f"),
        format!("0:0 751 {MTIME} /tmp/streamed/x"),
        "hello".to_string(),
    ] {
        assert!(logs.lines().any(|l| l == line), "{line:?} not in {logs}");
    }
    // Exited now: still copyable both ways.
    sb.coracle(&["cp", "file.txt", "s:/tmp/again.txt"])
        .success();
    let tar = sb.coracle(&["cp", "s:/tmp/again.txt", "-"]);
    let entries = tar_entries(tar.success().stdout.as_bytes());
    assert_eq!(
        entries,
        vec![("again.txt".into(), 0, 0o600, MTIME, "file\n".into())]
    );
    sb.coracle(&["rm", "s"]).success();
}

/// The host directory the `hostile-cp` image's `/out` points to.
const ESCAPE: &str = "/tmp/coracle-cp-escape";

fn escaped() -> Vec<String> {
    std::fs::read_dir(ESCAPE)
        .unwrap_or_else(|e| panic!("{ESCAPE}: {e}"))
        .flatten()
        .map(|e| e.path().display().to_string())
        .collect()
}

#[test]
fn cp_through_a_symlink_out_of_the_root_stays_inside() {
    let tb = testbed();
    let sb = Sandbox::new("cp-hostile");
    sb.coracle(&[
        "pull",
        "-q",
        "--tls-verify=false",
        &tb.fixture("hostile-cp"),
    ])
    .success();
    let img = tb.fixture("hostile-cp");
    host_sources(&sb);
    // An empty directory anyone may write into: a leak has somewhere to land.
    let _ = std::fs::remove_dir_all(ESCAPE);
    run_root("install", &["-d", "-m", "0777", ESCAPE]).success();
    sb.coracle(&["run", "-d", "--name", "up", &img, "sleep", "1000"])
        .success();
    sb.coracle(&["create", "--name", "down", &img, "true"])
        .success();
    let host_passwd = std::fs::read_to_string("/etc/passwd").unwrap();
    for ctr in ["up", "down"] {
        sb.coracle(&["cp", "file.txt", &format!("{ctr}:/out/x")])
            .success();
        sb.coracle(&["cp", "src", &format!("{ctr}:out/")]).success();
        assert_eq!(escaped(), Vec::<String>::new(), "{ctr}: written outside");
        // What was written is inside, where the link leads in the container.
        let tar = sb.coracle(&["cp", &format!("{ctr}:/tmp/coracle-cp-escape/x"), "-"]);
        let entries = tar_entries(tar.success().stdout.as_bytes());
        assert_eq!(entries[0].4, "file\n", "{ctr}");
        // Reading through the link and up: the container's /etc/passwd, not the host's.
        let back = sb.work().join(format!("passwd-{ctr}"));
        sb.coracle(&[
            "cp",
            &format!("{ctr}:/out/../../etc/passwd"),
            &back.to_string_lossy(),
        ])
        .success();
        let got = std::fs::read_to_string(&back).unwrap();
        assert!(got.contains("app:x:1000:"), "{ctr}: {got}");
        assert_ne!(got, host_passwd, "{ctr}: read the host's /etc/passwd");
        assert!(
            !got.contains(&tb.user),
            "{ctr}: read the host's /etc/passwd"
        );
        // The image's own file behind the link.
        let tar = sb.coracle(&["cp", &format!("{ctr}:/out/inside"), "-"]);
        let entries = tar_entries(tar.success().stdout.as_bytes());
        assert_eq!(entries[0].4, "inside\n", "{ctr}");
    }
    assert_eq!(escaped(), Vec::<String>::new(), "written outside");
    sb.coracle(&["rm", "-f", "up", "down"]).success();
    let _ = std::fs::remove_dir_all(ESCAPE);
}
