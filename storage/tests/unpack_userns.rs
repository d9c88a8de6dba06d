//! Unpacking inside a real user namespace mapped like a rootless user's: namespace
//! root is the caller (host root here), 1..=65536 are host 100000..=165535.
//!
//! The test re-runs this binary under `unshare --user`; the parent (real root) writes
//! the id maps, then the child unpacks and checks what it can see; the parent checks
//! the host view. Skipped when not run as root or without util-linux `unshare`.

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use coracle_storage::unpack::{unpack, Compression, UnpackOptions};
use coracle_storage::StorageError;

const CHILD_ENV: &str = "CORACLE_USERNS_CHILD_DIR";

fn header(kind: tar::EntryType, mode: u32, uid: u64, gid: u64) -> tar::Header {
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(kind);
    h.set_mode(mode);
    h.set_uid(uid);
    h.set_gid(gid);
    h.set_mtime(1_700_000_000);
    h.set_size(0);
    h
}

/// A layer with mapped owners, a device, whiteouts and a trusted.* xattr.
fn mapped_layer() -> Vec<u8> {
    use tar::EntryType::{Char, Directory, Fifo, Regular};
    let mut b = tar::Builder::new(Vec::new());
    let entries: [(tar::EntryType, u32, u64, &str, &[u8]); 8] = [
        (Directory, 0o755, 1000, "home/app/", b""),
        (Regular, 0o4750, 1000, "home/app/suid", b"#!"),
        (Regular, 0o644, 65534, "nobody", b"n"),
        (Char, 0o666, 0, "dev/null", b""),
        (Fifo, 0o600, 1000, "run/fifo", b""),
        (Regular, 0o644, 0, "etc/.wh.gone", b""),
        (Directory, 0o755, 0, "opaque/", b""),
        (Regular, 0o644, 0, "opaque/.wh..wh..opq", b""),
    ];
    for (kind, mode, id, path, data) in entries {
        let mut h = header(kind, mode, id, id);
        if kind == Char {
            h.set_device_major(1).unwrap();
            h.set_device_minor(3).unwrap();
        }
        h.set_size(data.len() as u64);
        b.append_data(&mut h, path, data).unwrap();
    }
    b.append_pax_extensions([
        ("SCHILY.xattr.user.coracle", b"ok".as_slice()),
        (
            "SCHILY.xattr.trusted.coracle",
            b"refused in a userns".as_slice(),
        ),
    ])
    .unwrap();
    let mut h = header(Regular, 0o644, 0, 0);
    h.set_size(1);
    b.append_data(&mut h, "xattr", b"x".as_slice()).unwrap();
    b.into_inner().unwrap()
}

/// A layer with an owner outside the map.
fn unmapped_layer() -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    let mut h = header(tar::EntryType::Regular, 0o755, 70000, 70000);
    h.set_size(1);
    b.append_data(&mut h, "usr/bin/x", b"x".as_slice()).unwrap();
    b.into_inner().unwrap()
}

fn fresh(dir: &Path, name: &str) -> PathBuf {
    let d = dir.join(name);
    std::fs::create_dir(&d).unwrap();
    d
}

/// The part that runs inside the namespace: started by `unpack_in_a_user_namespace`
/// (with `--ignored`), never on its own.
#[test]
#[ignore = "the half of unpack_in_a_user_namespace that runs inside the namespace"]
fn userns_child() {
    let dir = std::env::var_os(CHILD_ENV)
        .expect("run by unpack_in_a_user_namespace, which sets CORACLE_USERNS_CHILD_DIR");
    let dir = PathBuf::from(dir);
    assert_eq!(rustix::process::getuid().as_raw(), 0, "mapped to root");
    let opts = UnpackOptions {
        overlay_xattr_prefix: "user.overlay.".into(),
        ignore_chown_errors: false,
        preserve_ownership: true,
        owner: None,
        whiteouts: true,
    };

    let d = fresh(&dir, "mapped");
    let stats = unpack(mapped_layer().as_slice(), Compression::None, &d, &opts).unwrap();
    assert_eq!(stats.skipped_devices, vec!["dev/null".to_string()]);
    assert!(!d.join("dev/null").exists());
    let suid = std::fs::metadata(d.join("home/app/suid")).unwrap();
    assert_eq!(
        (suid.uid(), suid.gid(), suid.mode() & 0o7777),
        (1000, 1000, 0o4750)
    );
    assert_eq!(std::fs::metadata(d.join("nobody")).unwrap().uid(), 65534);
    let fifo = std::fs::metadata(d.join("run/fifo")).unwrap();
    assert!(fifo.file_type().is_fifo() && fifo.uid() == 1000);
    let wh = std::fs::symlink_metadata(d.join("etc/gone")).unwrap();
    assert!(wh.file_type().is_char_device() && wh.rdev() == 0 && wh.uid() == 0);
    let mut buf = [0u8; 32];
    let n =
        rustix::fs::getxattr(d.join("opaque").as_path(), "user.overlay.opaque", &mut buf).unwrap();
    assert_eq!(&buf[..n], b"y");
    let n = rustix::fs::getxattr(d.join("xattr").as_path(), "user.coracle", &mut buf).unwrap();
    assert_eq!(&buf[..n], b"ok");

    let d = fresh(&dir, "strict");
    let err = unpack(unmapped_layer().as_slice(), Compression::None, &d, &opts).unwrap_err();
    assert!(
        matches!(
            err,
            StorageError::UnmappedId {
                uid: 70000,
                gid: 70000,
                ..
            }
        ),
        "{err}"
    );
    assert!(
        err.to_string()
            .starts_with("cannot set owner 70000:70000 on /usr/bin/x: the id is not mapped"),
        "{err}"
    );

    let d = fresh(&dir, "squash");
    let squash = UnpackOptions {
        ignore_chown_errors: true,
        ..opts
    };
    unpack(unmapped_layer().as_slice(), Compression::None, &d, &squash).unwrap();
    let x = std::fs::metadata(d.join("usr/bin/x")).unwrap();
    assert_eq!((x.uid(), x.gid(), x.mode() & 0o7777), (0, 0, 0o755));
    println!("userns child passed");
}

#[test]
fn unpack_in_a_user_namespace() {
    assert!(
        rustix::process::geteuid().is_root(),
        "needs root to write a multi-id map: run the tests as CI does (bash .ci/run)"
    );
    let dir = std::env::temp_dir().join(format!("coracle-userns-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let exe = std::env::current_exe().unwrap();
    let child = Command::new("unshare")
        .args([
            "--user",
            "sh",
            "-c",
            "echo ready && read _ && exec \"$0\" \"$@\"",
        ])
        .arg(&exe)
        .args([
            "--exact",
            "userns_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, &dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = child.expect("util-linux unshare (apt-get install util-linux)");
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    assert_eq!(line, "ready\n", "unshare --user failed");
    for map in ["uid_map", "gid_map"] {
        std::fs::write(
            format!("/proc/{}/{map}", child.id()),
            "0 0 1\n1 100000 65536\n",
        )
        .unwrap();
    }
    child.stdin.take().unwrap().write_all(b"go\n").unwrap();
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "child failed:\n{rest}\n{err}");
    assert!(rest.contains("userns child passed"), "{rest}");

    // The host view: namespace id N is host 100000 + N - 1.
    let suid = std::fs::metadata(dir.join("mapped/home/app/suid")).unwrap();
    assert_eq!((suid.uid(), suid.gid()), (100_999, 100_999));
    assert_eq!(
        std::fs::metadata(dir.join("mapped/nobody")).unwrap().uid(),
        165_533
    );
    let wh = std::fs::symlink_metadata(dir.join("mapped/etc/gone")).unwrap();
    assert_eq!((wh.uid(), wh.gid()), (0, 0), "whiteouts belong to the user");
    assert_eq!(
        std::fs::metadata(dir.join("squash/usr/bin/x"))
            .unwrap()
            .uid(),
        0
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
