//! Unpacking tests: tars built in memory, unpacked into temp directories (as root in
//! CI, so ownership is real).

use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};

use super::*;

fn opts() -> UnpackOptions {
    UnpackOptions {
        overlay_xattr_prefix: "user.overlay.".into(),
        ignore_chown_errors: false,
        preserve_ownership: true,
        owner: None,
        whiteouts: true,
    }
}

fn dest(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("coracle-unpack-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A tar builder with helpers for each entry type.
struct Tar(tar::Builder<Vec<u8>>);

impl Tar {
    fn new() -> Tar {
        Tar(tar::Builder::new(Vec::new()))
    }
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
    /// Append with a raw name (no validation by the tar crate).
    fn raw(&mut self, mut h: tar::Header, name: impl AsRef<[u8]>, data: &[u8]) -> &mut Self {
        let name = name.as_ref();
        h.set_size(data.len() as u64);
        let gnu = h.as_gnu_mut().unwrap();
        gnu.name = [0; 100];
        gnu.name[..name.len()].copy_from_slice(name);
        h.set_cksum();
        self.0.append(&h, data).unwrap();
        self
    }
    fn file(&mut self, name: &str, data: &[u8], mode: u32, uid: u64, gid: u64) -> &mut Self {
        self.raw(
            Self::header(tar::EntryType::Regular, mode, uid, gid),
            name,
            data,
        )
    }
    fn dir(&mut self, name: &str, mode: u32) -> &mut Self {
        self.raw(
            Self::header(tar::EntryType::Directory, mode, 0, 0),
            name,
            b"",
        )
    }
    fn link(&mut self, kind: tar::EntryType, name: &str, target: &str) -> &mut Self {
        let mut h = Self::header(kind, 0o777, 0, 0);
        h.set_link_name(target).unwrap();
        self.raw(h, name, b"")
    }
    fn finish(self) -> Vec<u8> {
        self.0.into_inner().unwrap()
    }
}

fn unpack_bytes(data: &[u8], compression: Compression, d: &Path) -> Result<UnpackStats> {
    unpack(data, compression, d, &opts())
}

#[test]
fn regular_entries_keep_owner_mode_links_and_times() {
    let d = dest("regular");
    let mut t = Tar::new();
    t.dir("home/", 0o755)
        .dir("home/app/", 0o750)
        .file("home/app/owned.txt", b"app\n", 0o640, 1000, 1000)
        .file("nobody.txt", b"n\n", 0o644, 65534, 65534)
        .file("bin/suid", b"#!/bin/sh\n", 0o4755, 0, 0)
        .file("links/file.txt", b"hard\n", 0o644, 0, 0)
        .link(tar::EntryType::Link, "links/hard.txt", "links/file.txt")
        .link(tar::EntryType::Symlink, "links/abs", "/data/kept.txt")
        .link(tar::EntryType::Symlink, "links/rel", "../data/kept.txt");
    let mut fifo = Tar::header(tar::EntryType::Fifo, 0o644, 0, 0);
    fifo.set_size(0);
    t.raw(fifo, "fifo", b"");
    let bytes = t.finish();
    let stats = unpack_bytes(&bytes, Compression::None, &d).unwrap();
    assert_eq!(
        stats.diff_id,
        Digest::of_bytes(&bytes),
        "diff id covers the whole tar"
    );
    let m = std::fs::metadata(d.join("home/app/owned.txt")).unwrap();
    assert_eq!((m.uid(), m.gid(), m.mode() & 0o7777), (1000, 1000, 0o640));
    assert_eq!(m.mtime(), 1_700_000_000);
    assert_eq!(
        std::fs::metadata(d.join("nobody.txt")).unwrap().uid(),
        65534
    );
    assert_eq!(
        std::fs::metadata(d.join("bin/suid")).unwrap().mode() & 0o7777,
        0o4755,
        "setuid survives chown"
    );
    let a = std::fs::metadata(d.join("links/file.txt")).unwrap();
    let b = std::fs::metadata(d.join("links/hard.txt")).unwrap();
    assert_eq!((a.ino(), a.nlink()), (b.ino(), 2));
    assert_eq!(
        std::fs::read_link(d.join("links/abs")).unwrap(),
        PathBuf::from("/data/kept.txt")
    );
    assert_eq!(
        std::fs::read_link(d.join("links/rel")).unwrap(),
        PathBuf::from("../data/kept.txt")
    );
    assert!(std::fs::symlink_metadata(d.join("fifo"))
        .unwrap()
        .file_type()
        .is_fifo());
    let home = std::fs::metadata(d.join("home/app")).unwrap();
    assert_eq!(home.mode() & 0o7777, 0o750);
    assert_eq!(
        home.mtime(),
        1_700_000_000,
        "directory mtime is set after its contents"
    );
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn whiteouts_and_opaque_directories() {
    let d = dest("whiteouts");
    let mut t = Tar::new();
    t.dir("data/", 0o755)
        .file("data/.wh.deleted.txt", b"", 0o644, 0, 0)
        .dir("opaque/", 0o755)
        .file("opaque/.wh..wh..opq", b"", 0o644, 0, 0);
    unpack_bytes(&t.finish(), Compression::None, &d).unwrap();
    let wh = std::fs::symlink_metadata(d.join("data/deleted.txt")).unwrap();
    assert!(wh.file_type().is_char_device());
    assert_eq!(wh.rdev(), 0);
    assert!(!d.join("data/.wh.deleted.txt").exists());
    let mut buf = [0u8; 4];
    let n =
        rustix::fs::getxattr(d.join("opaque").as_path(), "user.overlay.opaque", &mut buf).unwrap();
    assert_eq!(&buf[..n], b"y");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn xattrs_from_pax_headers() {
    let d = dest("xattr");
    let mut b = tar::Builder::new(Vec::new());
    b.append_pax_extensions([("SCHILY.xattr.user.coracle", b"test".as_slice())])
        .unwrap();
    let mut h = tar::Header::new_ustar();
    h.set_size(3);
    h.set_mode(0o644);
    h.set_uid(0);
    h.set_gid(0);
    h.set_mtime(0);
    h.set_cksum();
    b.append_data(&mut h, "xattr.txt", b"x\n\n".as_slice())
        .unwrap();
    unpack_bytes(&b.into_inner().unwrap(), Compression::None, &d).unwrap();
    let mut buf = [0u8; 8];
    let n = rustix::fs::getxattr(d.join("xattr.txt").as_path(), "user.coracle", &mut buf).unwrap();
    assert_eq!(&buf[..n], b"test");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn gzip_and_zstd_layers() {
    let mut t = Tar::new();
    t.file("a.txt", b"hello\n", 0o644, 0, 0);
    let tar_bytes = t.finish();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&tar_bytes).unwrap();
    let gz = gz.finish().unwrap();
    let zs = zstd::encode_all(tar_bytes.as_slice(), 3).unwrap();
    for (data, c) in [(gz, Compression::Gzip), (zs, Compression::Zstd)] {
        let d = dest(&format!("{c:?}"));
        let stats = unpack_bytes(&data, c, &d).unwrap();
        assert_eq!(stats.diff_id, Digest::of_bytes(&tar_bytes));
        assert_eq!(std::fs::read_to_string(d.join("a.txt")).unwrap(), "hello\n");
        let _ = std::fs::remove_dir_all(&d);
    }
}

#[test]
fn refuses_entries_that_escape() {
    let outside = std::env::temp_dir().join(format!("coracle-escape-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&outside);
    std::fs::create_dir_all(&outside).unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("dotdot", {
            let mut t = Tar::new();
            t.file("../../escape", b"x", 0o644, 0, 0);
            t.finish()
        }),
        ("nested-dotdot", {
            let mut t = Tar::new();
            t.file("a/../../x", b"x", 0o644, 0, 0);
            t.finish()
        }),
        ("absolute", {
            let mut t = Tar::new();
            t.file("/abs", b"x", 0o644, 0, 0);
            t.finish()
        }),
        ("through-symlink", {
            let mut t = Tar::new();
            t.link(tar::EntryType::Symlink, "evil", outside.to_str().unwrap())
                .file("evil/pwned", b"x", 0o644, 0, 0);
            t.finish()
        }),
        ("hardlink-out", {
            let mut t = Tar::new();
            t.link(tar::EntryType::Link, "h", "../../etc/passwd");
            t.finish()
        }),
        ("hardlink-through-symlink", {
            let mut t = Tar::new();
            t.link(tar::EntryType::Symlink, "evil", "/etc").link(
                tar::EntryType::Link,
                "h",
                "evil/passwd",
            );
            t.finish()
        }),
        ("whiteout-through-symlink", {
            let mut t = Tar::new();
            t.link(tar::EntryType::Symlink, "evil", outside.to_str().unwrap())
                .file("evil/.wh.pwned", b"", 0o644, 0, 0);
            t.finish()
        }),
        ("opaque-through-symlink", {
            let mut t = Tar::new();
            t.link(tar::EntryType::Symlink, "evil", outside.to_str().unwrap())
                .file("evil/.wh..wh..opq", b"", 0o644, 0, 0);
            t.finish()
        }),
        ("hardlink-missing", {
            let mut t = Tar::new();
            t.link(tar::EntryType::Link, "h", "nothing");
            t.finish()
        }),
        ("hardlink-missing-dir", {
            let mut t = Tar::new();
            t.link(tar::EntryType::Link, "h", "no/such/file");
            t.finish()
        }),
    ];
    for (name, data) in cases {
        let d = dest(name);
        let err = unpack_bytes(&data, Compression::None, &d).unwrap_err();
        assert!(
            matches!(err, StorageError::UnsafePath { .. }),
            "{name}: {err}"
        );
        assert!(
            !d.join("no").exists(),
            "{name}: a hardlink target's parents were created"
        );
        if name == "through-symlink" {
            assert!(err.to_string().contains("\"evil/pwned\""), "{err}");
        }
        assert!(!err.to_string().contains('\n'));
        let _ = std::fs::remove_dir_all(&d);
    }
    assert!(
        !outside.join("pwned").exists(),
        "a file was written through the symlink"
    );
    let mut buf = [0u8; 4];
    assert!(
        rustix::fs::getxattr(outside.as_path(), "user.overlay.opaque", &mut buf).is_err(),
        "an xattr was set through the symlink"
    );
    let _ = std::fs::remove_dir_all(&outside);
}

#[test]
fn hardlink_to_an_inside_symlink_that_points_out_is_fine() {
    let d = dest("hardlink-symlink");
    let mut t = Tar::new();
    t.link(tar::EntryType::Symlink, "s", "/etc/passwd")
        .link(tar::EntryType::Link, "h", "s");
    unpack_bytes(&t.finish(), Compression::None, &d).unwrap();
    assert_eq!(
        std::fs::read_link(d.join("h")).unwrap(),
        PathBuf::from("/etc/passwd")
    );
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn unmapped_owner_fails_or_is_squashed() {
    // Only meaningful without CAP_CHOWN: run the check in a child that drops it.
    assert!(
        rustix::process::geteuid().is_root(),
        "needs root (it drops CAP_CHOWN in a child): run the tests as CI does"
    );
    let d = dest("squash");
    std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o777)).unwrap();
    let mut t = Tar::new();
    t.file("f", b"x", 0o644, 4242, 4242);
    let data = t.finish();
    // As root every id is settable; ignore_chown_errors must not change that.
    let stats = unpack(
        data.as_slice(),
        Compression::None,
        &d,
        &UnpackOptions {
            ignore_chown_errors: true,
            ..opts()
        },
    )
    .unwrap();
    assert_eq!(stats.files, 1);
    assert_eq!(std::fs::metadata(d.join("f")).unwrap().uid(), 4242);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn replaces_entries_of_another_type() {
    let d = dest("replace");
    let mut t = Tar::new();
    t.dir("x/", 0o755)
        .file("x/inner", b"1", 0o644, 0, 0)
        .file("x", b"now a file", 0o644, 0, 0);
    unpack_bytes(&t.finish(), Compression::None, &d).unwrap();
    assert_eq!(std::fs::read_to_string(d.join("x")).unwrap(), "now a file");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn whiteouts_of_dot_names_are_refused_and_touch_nothing() {
    for name in [".wh...", ".wh..", ".wh.", "sub/.wh...", "sub/.wh.."] {
        let parent = dest(&format!("dotwh-{}", name.len()));
        let d = parent.join("layer");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(parent.join("victim"), "x").unwrap();
        std::fs::write(d.join("sub/kept"), "x").unwrap();
        let mut t = Tar::new();
        t.file(name, b"", 0o644, 0, 0);
        let result = unpack_bytes(&t.finish(), Compression::None, &d);
        assert!(
            parent.join("victim").exists(),
            "{name} removed a file outside the layer"
        );
        assert!(
            d.join("sub/kept").exists(),
            "{name} removed the layer's contents"
        );
        let err = result.unwrap_err();
        assert!(
            matches!(err, StorageError::UnsafePath { .. }),
            "{name}: {err}"
        );
        let _ = std::fs::remove_dir_all(&parent);
    }
}

#[test]
fn clean_path_drops_dot_and_refuses_escapes() {
    let ok = |p: &str| clean_path(p.as_bytes()).unwrap();
    assert_eq!(ok("./usr/bin/"), vec![OsString::from("usr"), "bin".into()]);
    assert_eq!(ok("a/./b"), vec![OsString::from("a"), "b".into()]);
    assert!(ok("./").is_empty());
    for bad in ["/etc/x", "../x", "a/../../x", "a/..", "//x"] {
        assert!(clean_path(bad.as_bytes()).is_err(), "{bad}");
    }
}

#[test]
fn pax_times_keep_nanoseconds() {
    let t = parse_pax_time("1700000000.5").unwrap();
    assert_eq!((t.tv_sec, t.tv_nsec), (1_700_000_000, 500_000_000));
    let t = parse_pax_time("12.0123456789").unwrap();
    assert_eq!((t.tv_sec, t.tv_nsec), (12, 12_345_678));
    assert_eq!(parse_pax_time("7").unwrap().tv_nsec, 0);
    assert!(parse_pax_time("x.1").is_none());
}

#[test]
fn directory_modes_last_entry_wins_and_special_bits_stay() {
    let d = dest("dirmodes");
    let mut t = Tar::new();
    let mut root = Tar::header(tar::EntryType::Directory, 0o711, 0, 0);
    root.set_mtime(1_600_000_000);
    t.raw(root, "./", b"")
        .dir("tmp/", 0o755)
        .dir("shared/", 0o2775)
        .file("shared/f", b"", 0o644, 0, 0)
        .dir("tmp/", 0o1777);
    unpack_bytes(&t.finish(), Compression::None, &d).unwrap();
    let mode = |p: &str| std::fs::metadata(d.join(p)).unwrap().mode() & 0o7777;
    assert_eq!(mode("tmp"), 0o1777);
    assert_eq!(mode("shared"), 0o2775);
    assert_eq!(mode(""), 0o711, "the ./ entry applies to the layer root");
    assert_eq!(std::fs::metadata(&d).unwrap().mtime(), 1_600_000_000);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn names_and_link_targets_are_bytes_verbatim() {
    use std::os::unix::ffi::OsStrExt;
    let d = dest("bytes");
    let mut t = Tar::new();
    let mut h = Tar::header(tar::EntryType::Symlink, 0o777, 0, 0);
    h.as_gnu_mut().unwrap().linkname[..4].copy_from_slice(b"t\xe9\xff/");
    t.raw(
        Tar::header(tar::EntryType::Regular, 0o644, 0, 0),
        b"caf\xe9",
        b"latin1",
    )
    .raw(h, b"l\xff", b"");
    unpack_bytes(&t.finish(), Compression::None, &d).unwrap();
    let name = OsStr::from_bytes(b"caf\xe9");
    assert_eq!(std::fs::read(d.join(name)).unwrap(), b"latin1");
    let target = std::fs::read_link(d.join(OsStr::from_bytes(b"l\xff"))).unwrap();
    assert_eq!(target.as_os_str().as_bytes(), b"t\xe9\xff/");
    let _ = std::fs::remove_dir_all(&d);
}

/// A PAX-extended regular file.
fn pax_file(b: &mut tar::Builder<Vec<u8>>, name: &str, pax: &[(&str, &[u8])]) {
    b.append_pax_extensions(pax.iter().copied()).unwrap();
    let mut h = tar::Header::new_ustar();
    h.set_size(1);
    h.set_mode(0o644);
    h.set_mtime(5);
    h.set_cksum();
    b.append_data(&mut h, name, b"x".as_slice()).unwrap();
}

#[test]
fn pax_overrides_owner_and_time_and_overlay_xattrs_are_dropped() {
    let d = dest("pax");
    let mut b = tar::Builder::new(Vec::new());
    pax_file(
        &mut b,
        "f",
        &[
            ("uid", b"3000000"),
            ("gid", b"3000001"),
            ("mtime", b"1700000000.25"),
            ("SCHILY.xattr.user.coracle", b"kept"),
            ("SCHILY.xattr.user.overlay.redirect", b"/etc"),
            ("SCHILY.xattr.trusted.overlay.opaque", b"y"),
        ],
    );
    unpack_bytes(&b.into_inner().unwrap(), Compression::None, &d).unwrap();
    let m = std::fs::metadata(d.join("f")).unwrap();
    assert_eq!((m.uid(), m.gid()), (3_000_000, 3_000_001));
    assert_eq!((m.mtime(), m.mtime_nsec()), (1_700_000_000, 250_000_000));
    let mut buf = [0u8; 256];
    let n = rustix::fs::listxattr(d.join("f").as_path(), &mut buf).unwrap();
    assert_eq!(
        &buf[..n],
        b"user.coracle\0",
        "overlay xattrs from a layer are dropped"
    );
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn ids_that_cannot_be_set_fail_or_are_squashed() {
    // 2^32 cannot be any owner, even for real root.
    let tar_of = || {
        let mut b = tar::Builder::new(Vec::new());
        pax_file(
            &mut b,
            "usr/bin/x",
            &[("uid", b"4294967296"), ("gid", b"7")],
        );
        b.into_inner().unwrap()
    };
    let d = dest("badid");
    let err = unpack_bytes(&tar_of(), Compression::None, &d).unwrap_err();
    assert!(
        matches!(err, StorageError::UnmappedId { ref path, gid: 7, .. } if path == "/usr/bin/x")
    );
    assert!(err.to_string().starts_with("cannot set owner "), "{err}");
    assert!(err.to_string().contains("/etc/subuid"), "{err}");
    let _ = std::fs::remove_dir_all(&d);
    let d = dest("badid-squash");
    let squash = UnpackOptions {
        ignore_chown_errors: true,
        ..opts()
    };
    unpack(tar_of().as_slice(), Compression::None, &d, &squash).unwrap();
    let m = std::fs::metadata(d.join("usr/bin/x")).unwrap();
    assert_eq!((m.uid(), m.gid()), (0, 0));
    let _ = std::fs::remove_dir_all(&d);
    // Without ownership, nothing is checked.
    let d = dest("badid-noowner");
    let no_owner = UnpackOptions {
        preserve_ownership: false,
        ..opts()
    };
    unpack(tar_of().as_slice(), Compression::None, &d, &no_owner).unwrap();
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn multi_member_gzip_is_read_whole() {
    let mut t = Tar::new();
    t.file("a", &[b'a'; 3000], 0o644, 0, 0)
        .file("b", b"second member", 0o644, 0, 0);
    let tar_bytes = t.finish();
    let mut gz = Vec::new();
    for half in [&tar_bytes[..1024], &tar_bytes[1024..]] {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(half).unwrap();
        gz.extend(e.finish().unwrap());
    }
    let d = dest("multigz");
    let stats = unpack_bytes(&gz, Compression::Gzip, &d).unwrap();
    assert_eq!(stats.diff_id, Digest::of_bytes(&tar_bytes));
    assert_eq!((stats.files, stats.bytes), (2, 3013));
    assert_eq!(std::fs::read(d.join("b")).unwrap(), b"second member");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn whiteouts_replace_same_layer_entries_and_aufs_metadata_is_skipped() {
    let d = dest("wh-replace");
    let mut t = Tar::new();
    t.dir("gone/", 0o755)
        .file("gone/inner", b"x", 0o644, 0, 0)
        .file(".wh.gone", b"", 0o644, 0, 0)
        .dir(".wh..wh.plnk/", 0o700)
        .file(".wh..wh.plnk/1.2", b"", 0o644, 0, 0)
        .file(".wh..wh.aufs", b"", 0o644, 0, 0);
    unpack_bytes(&t.finish(), Compression::None, &d).unwrap();
    let m = std::fs::symlink_metadata(d.join("gone")).unwrap();
    assert!(m.file_type().is_char_device() && m.rdev() == 0);
    let names: Vec<_> = std::fs::read_dir(&d)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![OsString::from("gone")]);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn devices_are_never_created_but_whiteouts_are() {
    assert!(
        rustix::process::geteuid().is_root(),
        "needs root, where creating device nodes would work: run the tests as CI does"
    );
    let d = dest("devices");
    let mut t = Tar::new();
    let device = |kind, major, minor| {
        let mut h = Tar::header(kind, 0o666, 0, 5);
        h.set_device_major(major).unwrap();
        h.set_device_minor(minor).unwrap();
        h
    };
    t.raw(device(tar::EntryType::Char, 1, 3), "dev/null", b"")
        .raw(device(tar::EntryType::Block, 8, 0), "disk", b"")
        .raw(device(tar::EntryType::Block, 0, 0), "zero-block", b"")
        .raw(device(tar::EntryType::Char, 0, 0), "gone", b"");
    let stats = unpack_bytes(&t.finish(), Compression::None, &d).unwrap();
    assert_eq!(stats.skipped_devices, ["dev/null", "disk", "zero-block"]);
    for skipped in ["dev/null", "disk", "zero-block"] {
        assert!(
            std::fs::symlink_metadata(d.join(skipped)).is_err(),
            "{skipped} was created"
        );
    }
    let m = std::fs::symlink_metadata(d.join("gone")).unwrap();
    assert!(m.file_type().is_char_device());
    assert_eq!(m.rdev(), 0);
    assert_eq!(
        (m.mode() & 0o7777, m.gid()),
        (0o666, 5),
        "umask does not apply"
    );
    assert_eq!(m.mtime(), 1_700_000_000);
    let _ = std::fs::remove_dir_all(&d);
}

/// Counts the bytes read through it (from the decompression thread).
struct Counting<R> {
    inner: R,
    read: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read
            .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

/// A header block of `kind` whose size field says `size`.
fn header_block(kind: tar::EntryType, name: &str, size: u64) -> Vec<u8> {
    let mut h = Tar::header(kind, 0o644, 0, 0);
    h.set_path(name).unwrap();
    h.set_size(size);
    h.set_cksum();
    h.as_bytes().to_vec()
}

#[test]
fn oversized_extended_headers_are_refused_before_they_are_read() {
    for (kind, what) in [
        (tar::EntryType::XHeader, "PAX extended header"),
        (tar::EntryType::XGlobalHeader, "PAX global header"),
        (tar::EntryType::GNULongName, "GNU long name"),
        (tar::EntryType::GNULongLink, "GNU long link name"),
    ] {
        let d = dest("bigheader");
        let read = std::sync::Arc::default();
        let stream = Counting {
            inner: io::Cursor::new(header_block(kind, "big", 64 << 20)).chain(io::repeat(b'a')),
            read: std::sync::Arc::clone(&read),
        };
        let err = unpack(stream, Compression::None, &d, &opts()).unwrap_err();
        assert!(
            matches!(&err, StorageError::LayerHeaderTooLarge { what: w, size, limit }
                if w == what && *size == 64 << 20 && *limit == 1 << 20),
            "{what}: {err}"
        );
        assert!(err.to_string().contains("1048576"), "{err}");
        // The 1 MiB read buffer over the stream and what the decompression thread
        // reads ahead, not the header.
        let read = read.load(std::sync::atomic::Ordering::Relaxed);
        assert!(
            read <= (BUFFER + inflate::READ_AHEAD) as u64 + 512,
            "{what}: read {read}"
        );
        let _ = std::fs::remove_dir_all(&d);
    }
}

#[test]
fn extended_headers_up_to_the_limit_are_read() {
    let d = dest("maxheader");
    let mut b = tar::Builder::new(Vec::new());
    let value = vec![b'v'; (1 << 20) - 64];
    pax_file(&mut b, "f", &[("comment", &value)]);
    let stats = unpack_bytes(&b.into_inner().unwrap(), Compression::None, &d).unwrap();
    assert_eq!(stats.files, 1);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn header_only_types_carry_no_data_whatever_their_size_says() {
    // As Go's reader (and so Podman): the block after a symlink whose size field says
    // 512 is the next header, not the symlink's data.
    let d = dest("headeronly");
    let mut bytes = Vec::new();
    let mut h = Tar::header(tar::EntryType::Symlink, 0o777, 0, 0);
    h.set_path("l").unwrap();
    h.set_link_name("f").unwrap();
    h.set_size(512);
    h.set_cksum();
    bytes.extend(h.as_bytes());
    let mut t = Tar::new();
    t.file("f", b"data", 0o644, 0, 0);
    bytes.extend(t.finish());
    unpack_bytes(&bytes, Compression::None, &d).unwrap();
    assert_eq!(std::fs::read(d.join("l")).unwrap(), b"data");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn malformed_streams_are_refused() {
    let mut bad_sum = header_block(tar::EntryType::Regular, "f", 0);
    bad_sum[0] = b'g';
    let mut truncated = header_block(tar::EntryType::Regular, "f", 4096);
    truncated.extend([b'x'; 100]);
    let mut dangling = header_block(tar::EntryType::XHeader, "p", 12);
    dangling.extend(b"12 path=abc\n");
    dangling.resize(1024, 0);
    let mut bad_pax = header_block(tar::EntryType::XHeader, "p", 12);
    bad_pax.extend(b"99 path=abc\n");
    bad_pax.resize(1024, 0);
    bad_pax.extend(header_block(tar::EntryType::Regular, "f", 0));
    let huge = header_block(tar::EntryType::Regular, "f", u64::MAX);
    for (name, bytes) in [
        ("huge size", huge),
        ("checksum", bad_sum),
        ("truncated", truncated),
        ("dangling pax", dangling),
        ("bad pax", bad_pax),
        ("half header", vec![b'a'; 100]),
    ] {
        let d = dest("malformed");
        let err = unpack_bytes(&bytes, Compression::None, &d).unwrap_err();
        assert!(
            matches!(err, StorageError::MalformedLayer(_)),
            "{name}: {err}"
        );
        let _ = std::fs::remove_dir_all(&d);
    }
}

/// An old GNU sparse entry (type `S`), extension blocks when there are over 4 runs.
fn gnu_sparse(name: &str, real_size: u64, runs: &[(u64, &[u8])]) -> Vec<u8> {
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(tar::EntryType::GNUSparse);
    h.set_path(name).unwrap();
    h.set_mode(0o644);
    h.set_uid(0);
    h.set_gid(0);
    h.set_mtime(1_700_000_000);
    h.set_size(runs.iter().map(|r| r.1.len() as u64).sum());
    let gnu = h.as_gnu_mut().unwrap();
    for (slot, (offset, data)) in gnu.sparse.iter_mut().zip(runs) {
        slot.set_offset(*offset);
        slot.set_length(data.len() as u64);
    }
    gnu.set_real_size(real_size);
    gnu.set_is_extended(runs.len() > 4);
    h.set_cksum();
    let mut out = h.as_bytes().to_vec();
    let mut rest: Vec<_> = runs.iter().skip(4).collect();
    while !rest.is_empty() {
        let chunk: Vec<_> = rest.drain(..rest.len().min(21)).collect();
        let mut ext = tar::GnuExtSparseHeader::new();
        for (slot, (offset, data)) in ext.sparse.iter_mut().zip(&chunk) {
            slot.set_offset(*offset);
            slot.set_length(data.len() as u64);
        }
        ext.set_is_extended(!rest.is_empty());
        out.extend(ext.as_bytes());
    }
    for (_, data) in runs {
        out.extend(*data);
    }
    out.resize(out.len().next_multiple_of(512), 0);
    out
}

/// A PAX 1.0 sparse entry: the map in decimal lines at the start of its data.
fn pax_sparse_1_0(
    b: &mut tar::Builder<Vec<u8>>,
    name: &str,
    real_size: u64,
    runs: &[(u64, &[u8])],
) {
    let size = real_size.to_string();
    b.append_pax_extensions([
        ("GNU.sparse.major", b"1".as_slice()),
        ("GNU.sparse.minor", b"0"),
        ("GNU.sparse.name", name.as_bytes()),
        ("GNU.sparse.realsize", size.as_bytes()),
    ])
    .unwrap();
    let mut data = format!("{}\n", runs.len());
    for (offset, run) in runs {
        data.push_str(&format!("{offset}\n{}\n", run.len()));
    }
    let mut data = data.into_bytes();
    data.resize(data.len().next_multiple_of(512), 0);
    for (_, run) in runs {
        data.extend(*run);
    }
    let mut h = Tar::header(tar::EntryType::Regular, 0o644, 0, 0);
    h.set_size(data.len() as u64);
    b.append_data(&mut h, format!("GNUSparseFile.0/{name}"), data.as_slice())
        .unwrap();
}

fn end_of_archive(mut bytes: Vec<u8>) -> Vec<u8> {
    bytes.resize(bytes.len() + 1024, 0);
    bytes
}

#[test]
fn sparse_entries_stay_sparse_on_disk() {
    const GIB4: u64 = 4 << 30;
    let (head, middle) = ([b'h'; 512], [b'm'; 1024]);
    let runs: [(u64, &[u8]); 3] = [(0, &head), (2 << 30, &middle), (GIB4 - 4, b"tail")];
    let many: Vec<(u64, Vec<u8>)> = (0..30u64)
        .map(|i| (i << 20, vec![b'0' + i as u8; 512]))
        .collect();
    let many_runs: Vec<(u64, &[u8])> = many.iter().map(|(o, d)| (*o, d.as_slice())).collect();
    let mut pax = tar::Builder::new(Vec::new());
    pax_sparse_1_0(&mut pax, "pax", GIB4, &runs);
    let mut bytes = gnu_sparse("gnu", GIB4, &runs);
    bytes.extend(gnu_sparse("many", 31 << 20, &many_runs));
    bytes.extend(pax.into_inner().unwrap());
    let d = dest("sparse");
    let stats = unpack_bytes(&end_of_archive(bytes), Compression::None, &d).unwrap();
    assert_eq!(stats.files, 3);
    for name in ["gnu", "pax"] {
        let path = d.join(name);
        let m = std::fs::metadata(&path).unwrap();
        assert_eq!(m.len(), GIB4, "{name}");
        assert!(m.blocks() * 512 < 1 << 20, "{name}: {} blocks", m.blocks());
        let mut f = std::fs::File::open(&path).unwrap();
        for (offset, data) in runs {
            // The run and a byte of hole on each side.
            let end = offset + data.len() as u64;
            let window = offset.saturating_sub(1)..(end + 1).min(GIB4);
            let expected: Vec<u8> = window
                .clone()
                .map(|p| {
                    if p < offset || p >= end {
                        0
                    } else {
                        data[(p - offset) as usize]
                    }
                })
                .collect();
            let mut got = vec![0; expected.len()];
            f.seek(SeekFrom::Start(window.start)).unwrap();
            f.read_exact(&mut got).unwrap();
            assert_eq!(got, expected, "{name} at {offset}");
        }
    }
    let many_file = std::fs::read(d.join("many")).unwrap();
    assert_eq!(many_file.len(), 31 << 20);
    for (offset, data) in &many {
        assert_eq!(&many_file[*offset as usize..][..512], data.as_slice());
    }
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn bad_sparse_maps_are_refused() {
    let block = [b'b'; 512];
    let cases = [
        ("overlap", gnu_sparse("f", 2000, &[(0, &block), (2, b"ef")])),
        ("past the end", gnu_sparse("f", 10, &[(8, b"abcd")])),
        (
            "unordered",
            gnu_sparse("f", 2000, &[(1000, &block), (0, b"cd")]),
        ),
        (
            "unaligned",
            gnu_sparse("f", 2000, &[(0, b"ab"), (1000, b"cd")]),
        ),
    ];
    for (name, bytes) in cases {
        let d = dest("badsparse");
        let err = unpack_bytes(&end_of_archive(bytes), Compression::None, &d).unwrap_err();
        assert!(
            matches!(err, StorageError::MalformedLayer(_)),
            "{name}: {err}"
        );
        let _ = std::fs::remove_dir_all(&d);
    }
}

#[test]
fn a_full_filesystem_names_enospc_and_the_fix() {
    let err = StorageError::io(
        "usr/lib/big",
        io::Error::from_raw_os_error(Errno::NOSPC.raw_os_error()),
    );
    let text = err.to_string();
    assert!(matches!(
        err,
        StorageError::NoSpace {
            errno: "ENOSPC",
            ..
        }
    ));
    for part in ["ENOSPC", "usr/lib/big", "image prune", "--root"] {
        assert!(text.contains(part), "{text}");
    }
    let quota = StorageError::io(
        "x",
        io::Error::from_raw_os_error(Errno::DQUOT.raw_os_error()),
    );
    assert!(quota.to_string().contains("EDQUOT"));
    // As tempfile wraps it: the kind stays, the errno does not.
    let wrapped = io::Error::new(io::ErrorKind::StorageFull, "no space left (at path /x)");
    assert!(matches!(
        StorageError::io("x", wrapped),
        StorageError::NoSpace {
            errno: "ENOSPC",
            ..
        }
    ));
    let other = StorageError::io("x", io::Error::from_raw_os_error(Errno::IO.raw_os_error()));
    assert!(matches!(other, StorageError::Io { .. }));
}

/// Unpack `layers` (bottom first) into sibling directories under `name` and check each
/// against the ones below it, as the runtime does before committing a layer.
fn stack(name: &str, layers: Vec<Vec<u8>>) -> Result<Vec<PathBuf>> {
    let base = dest(name);
    let mut dirs: Vec<PathBuf> = Vec::new();
    for (i, layer) in layers.iter().enumerate() {
        let d = base.join(i.to_string());
        std::fs::create_dir(&d).unwrap();
        let stats = unpack_bytes(layer, Compression::None, &d)?;
        let lower: Vec<PathBuf> = dirs.iter().rev().cloned().collect();
        check_lower_layers(&d, &stats.implicit_dirs, &lower, "user.overlay.")?;
        dirs.push(d);
    }
    Ok(dirs)
}

fn layer(build: impl FnOnce(&mut Tar)) -> Vec<u8> {
    let mut t = Tar::new();
    build(&mut t);
    t.finish()
}

#[test]
fn an_entry_beneath_a_lower_layers_symlink_is_refused() {
    let err = stack(
        "crosslayer",
        vec![
            layer(|t| {
                t.link(tar::EntryType::Symlink, "up", "../../tmp");
            }),
            layer(|t| {
                t.file("up/file", b"x", 0o644, 0, 0);
            }),
        ],
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, StorageError::UnsafePath { ref path, .. } if path == "up/file"));
    assert!(
        text.contains("\"up\" is a symlink in a lower layer"),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(dest("crosslayer"));

    // Deeper: the lower view merges a/ of two layers; a/b is a link in the lowest.
    let err = stack(
        "crosslayer-deep",
        vec![
            layer(|t| {
                t.dir("a/", 0o755)
                    .link(tar::EntryType::Symlink, "a/b", "/etc");
            }),
            layer(|t| {
                t.dir("a/", 0o755).file("a/other", b"", 0o644, 0, 0);
            }),
            layer(|t| {
                t.dir("a/", 0o755).file("a/b/c/d", b"", 0o644, 0, 0);
            }),
        ],
    )
    .unwrap_err();
    assert!(err.to_string().contains("\"a/b\" is a symlink"), "{err}");
    let _ = std::fs::remove_dir_all(dest("crosslayer-deep"));

    let err = stack(
        "crosslayer-file",
        vec![
            layer(|t| {
                t.file("f", b"", 0o644, 0, 0);
            }),
            layer(|t| {
                t.file("f/x", b"", 0o644, 0, 0);
            }),
        ],
    )
    .unwrap_err();
    assert!(err.to_string().contains("\"f\" is a regular file"), "{err}");
    let _ = std::fs::remove_dir_all(dest("crosslayer-file"));
}

#[test]
fn lower_links_that_are_replaced_hidden_or_removed_are_fine() {
    let link = || {
        layer(|t| {
            t.dir("a/", 0o755)
                .link(tar::EntryType::Symlink, "a/b", "/etc")
                .link(tar::EntryType::Symlink, "up", "../../tmp");
        })
    };
    let cases: Vec<(&str, Vec<Vec<u8>>)> = vec![
        // An explicit directory entry replaces the link, before or after its contents.
        (
            "explicit",
            vec![
                link(),
                layer(|t| {
                    t.dir("up/", 0o755).file("up/file", b"", 0o644, 0, 0);
                }),
            ],
        ),
        (
            "explicit-after",
            vec![
                link(),
                layer(|t| {
                    t.file("up/file", b"", 0o644, 0, 0).dir("up/", 0o755);
                }),
            ],
        ),
        // A whiteout in a layer between hides the link.
        (
            "whiteout",
            vec![
                link(),
                layer(|t| {
                    t.file(".wh.up", b"", 0o644, 0, 0);
                }),
                layer(|t| {
                    t.file("up/file", b"", 0o644, 0, 0);
                }),
            ],
        ),
        // An opaque a/ in a layer between hides a/b.
        (
            "opaque-between",
            vec![
                link(),
                layer(|t| {
                    t.dir("a/", 0o755).file("a/.wh..wh..opq", b"", 0o644, 0, 0);
                }),
                layer(|t| {
                    t.file("a/b/c", b"", 0o644, 0, 0);
                }),
            ],
        ),
        // So does an opaque a/ in the layer itself.
        (
            "opaque-same",
            vec![
                link(),
                layer(|t| {
                    t.dir("a/", 0o755).file("a/b/c", b"", 0o644, 0, 0).file(
                        "a/.wh..wh..opq",
                        b"",
                        0o644,
                        0,
                        0,
                    );
                }),
            ],
        ),
        // A later entry of the layer replaces the implicit directory by a file.
        (
            "replaced",
            vec![
                link(),
                layer(|t| {
                    t.file("up/file", b"", 0o644, 0, 0)
                        .file("up", b"", 0o644, 0, 0);
                }),
            ],
        ),
        // A lower directory is what an implicit directory merges with.
        (
            "lower-dir",
            vec![
                layer(|t| {
                    t.dir("etc/", 0o755);
                }),
                layer(|t| {
                    t.file("etc/x/y", b"", 0o644, 0, 0);
                }),
            ],
        ),
    ];
    for (name, layers) in cases {
        let result = stack(&format!("crossok-{name}"), layers);
        assert!(result.is_ok(), "{name}: {}", result.unwrap_err());
        let _ = std::fs::remove_dir_all(dest(&format!("crossok-{name}")));
    }
}

#[test]
fn layers_that_list_their_parents_have_no_implicit_directories() {
    let d = dest("explicit-parents");
    let mut t = Tar::new();
    t.dir("usr/", 0o755)
        .dir("usr/bin/", 0o755)
        .file("usr/bin/x", b"", 0o755, 0, 0)
        .file("top", b"", 0o644, 0, 0);
    let stats = unpack_bytes(&t.finish(), Compression::None, &d).unwrap();
    assert!(stats.implicit_dirs.is_empty());
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn gnu_tar_sparse_archives_of_every_format_unpack_sparse() {
    // GNU tar writes what images carry; every sparse encoding it has must unpack to the
    // same sparse file.
    const SIZE: u64 = 1 << 32;
    let src = dest("gnutar-src");
    let mut f = std::fs::File::create(src.join("s")).unwrap();
    let runs: [(u64, &[u8]); 3] = [(0, b"head"), (1 << 31, b"middle"), (SIZE - 4, b"tail")];
    for (offset, data) in runs {
        f.seek(SeekFrom::Start(offset)).unwrap();
        f.write_all(data).unwrap();
    }
    drop(f);
    for format in [
        &["--format=gnu"][..],
        &["--format=pax", "--sparse-version=0.0"],
        &["--format=pax", "--sparse-version=0.1"],
        &["--format=pax", "--sparse-version=1.0"],
    ] {
        let out = std::process::Command::new("tar")
            .args(["--sparse", "-C"])
            .arg(&src)
            .args(format)
            .args(["-cf", "-", "s"])
            .output()
            .expect("GNU tar runs");
        assert!(out.status.success(), "{format:?}: {out:?}");
        let d = dest("gnutar");
        unpack_bytes(&out.stdout, Compression::None, &d)
            .unwrap_or_else(|e| panic!("{format:?}: {e}"));
        let path = d.join("s");
        let m = std::fs::metadata(&path).unwrap();
        assert_eq!(m.len(), SIZE, "{format:?}");
        assert!(
            m.blocks() * 512 < 1 << 20,
            "{format:?}: {} blocks",
            m.blocks()
        );
        let mut f = std::fs::File::open(&path).unwrap();
        for (offset, data) in runs {
            let mut got = vec![0; data.len()];
            f.seek(SeekFrom::Start(offset)).unwrap();
            f.read_exact(&mut got).unwrap();
            assert_eq!(got, data, "{format:?} at {offset}");
        }
        let _ = std::fs::remove_dir_all(&d);
    }
    let _ = std::fs::remove_dir_all(&src);
}
