//! Unpacking tests: tars built in memory, unpacked into temp directories (as root in
//! CI, so ownership is real).

use std::io::Write;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};

use super::*;

fn opts() -> UnpackOptions {
    UnpackOptions {
        overlay_xattr_prefix: "user.overlay.".into(),
        ignore_chown_errors: false,
        preserve_ownership: true,
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
    fn raw(&mut self, mut h: tar::Header, name: &str, data: &[u8]) -> &mut Self {
        h.set_size(data.len() as u64);
        let gnu = h.as_gnu_mut().unwrap();
        gnu.name = [0; 100];
        gnu.name[..name.len()].copy_from_slice(name.as_bytes());
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
        ("hardlink-missing", {
            let mut t = Tar::new();
            t.link(tar::EntryType::Link, "h", "nothing");
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
        assert!(!err.to_string().contains('\n'));
        let _ = std::fs::remove_dir_all(&d);
    }
    assert!(
        !outside.join("pwned").exists(),
        "a file was written through the symlink"
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
    if rustix::process::geteuid().as_raw() != 0 {
        return;
    }
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
