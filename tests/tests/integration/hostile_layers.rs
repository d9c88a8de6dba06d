//! Hostile layers built by the test bed (`hostile-*` fixtures): each is refused with
//! 125 and a message that names the problem, or unpacked harmlessly.

use std::io::{Read, Seek, SeekFrom};
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::process::Command;

use coracle_tests::{coracle_bin, run_root, skopeo_inspect, testbed, Run, Sandbox};

use crate::util::{store_dir, tempdir};

/// The digests of a fixture's layers, bottom first.
fn layer_digests(reference: &str) -> Vec<String> {
    skopeo_inspect(reference)["Layers"]
        .as_array()
        .expect("skopeo lists the layers")
        .iter()
        .map(|l| l.as_str().unwrap().to_string())
        .collect()
}

/// `coracle pull -q` of a fixture as the test user.
fn pull(sb: &Sandbox, fixture: &str) -> Run {
    sb.coracle(&[
        "pull",
        "-q",
        "--tls-verify=false",
        &testbed().fixture(fixture),
    ])
}

/// `coracle run --rm IMAGE sh -c SCRIPT` as the test user.
fn run_sh(sb: &Sandbox, image: &str, script: &str) -> Run {
    sb.coracle(&["run", "--rm", image, "sh", "-c", script])
}

/// The command failed with 125 and one line that names every one of `parts`.
#[track_caller]
fn assert_refused(run: &Run, parts: &[&str]) {
    run.code(125);
    let line = run.stderr.trim();
    assert_eq!(line.lines().count(), 1, "not one line\n{run}");
    for part in parts {
        assert!(line.contains(part), "no {part:?} in the error\n{run}");
    }
}

/// Every path at or below `dir` (symlinks not followed).
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    if std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            out.extend(walk(&e.path()));
        }
    }
    out
}

/// The unpacked layer directories of a store, and what is left in `layers/tmp`.
fn layer_dirs(store: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let list = |d: &Path| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(d)
            .map(|r| r.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        v.sort();
        v
    };
    let layers = list(&store.join("layers"))
        .into_iter()
        .filter(|p| !p.ends_with("tmp"))
        .collect();
    (layers, list(&store.join("layers/tmp")))
}

#[test]
fn an_entry_beneath_a_lower_layers_symlink_is_refused() {
    let sb = Sandbox::new("hostile-crosslayer");
    let top = layer_digests(&testbed().fixture("hostile-crosslayer"))
        .pop()
        .unwrap();
    assert_refused(
        &pull(&sb, "hostile-crosslayer"),
        &["\"up/file\"", "\"up\" is a symlink in a lower layer", &top],
    );
    assert_eq!(sb.coracle(&["images", "-q"]).success().stdout, "");
    let store = store_dir(&sb);
    let (layers, temp) = layer_dirs(&store);
    assert!(temp.is_empty(), "temp directories left: {temp:?}");
    // The two layers below are complete and harmless; the refused one is not there,
    // and nothing was written where the link points (inside the store or out).
    assert_eq!(layers.len(), 2, "{layers:?}");
    let written: Vec<PathBuf> = walk(&sb.dir)
        .into_iter()
        .filter(|p| p.ends_with("file"))
        .collect();
    assert!(written.is_empty(), "{written:?}");
    assert!(!Path::new("/tmp/file").exists());
}

#[test]
fn device_nodes_in_a_layer_are_skipped_with_a_warning() {
    let sb = Sandbox::new("hostile-blockdev");
    let reference = testbed().fixture("hostile-blockdev");
    let pulled = pull(&sb, "hostile-blockdev");
    pulled.success();
    assert_skipped_with_warnings(&pulled, &reference);
    let run = run_sh(
        &sb,
        &reference,
        "for p in /disk /dev/mem-copy; do test -e $p && echo $p exists; done; \
         test -c /dev/whiteout-like && echo whiteout-like exists; echo checked",
    );
    assert_eq!(run.success().stdout, "checked\n", "{run}");
}

/// The pull warned, one line each, about the two device nodes of hostile-blockdev
/// and about nothing else.
fn assert_skipped_with_warnings(pull: &Run, reference: &str) {
    let layer = layer_digests(reference).pop().unwrap();
    let mut warnings: Vec<&str> = pull
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .collect();
    warnings.sort();
    assert_eq!(
        warnings,
        [
            format!("warning: skipping device node /dev/mem-copy in layer {layer}"),
            format!("warning: skipping device node /disk in layer {layer}"),
        ],
        "{pull}"
    );
}

/// Run coracle as root (no user namespace) with a store and runtime dir in `dir`.
fn coracle_as_root(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = Command::new(coracle_bin());
    cmd.arg("--root")
        .arg(dir.join("store"))
        .args(args)
        .env("HOME", dir)
        .env("XDG_RUNTIME_DIR", dir)
        .current_dir(dir);
    Run::capture(cmd, None, format!("[as root] coracle {}", args.join(" ")))
}

#[test]
fn as_root_a_block_device_in_a_layer_is_not_created() {
    // Without a user namespace a device node would be real: /disk (8,0) is the
    // host's first disk. The harness runs as root; so does this test's coracle.
    let tb = testbed();
    let dir = tempdir("as-root-blockdev");
    let reference = tb.fixture("hostile-blockdev");
    let pull = coracle_as_root(&dir, &["pull", "-q", "--tls-verify=false", &reference]);
    pull.success();
    assert_skipped_with_warnings(&pull, &reference);
    let run = coracle_as_root(
        &dir,
        &[
            "run",
            "--rm",
            &reference,
            "sh",
            "-c",
            "test -b /disk && echo block-device; test -e /disk || echo no-disk; \
             test -c /dev/mem-copy && echo char-device; echo checked",
        ],
    );
    assert_eq!(run.success().stdout, "no-disk\nchecked\n", "{run}");
    let devices: Vec<PathBuf> = walk(&dir.join("store/layers"))
        .into_iter()
        .filter(|p| {
            std::fs::symlink_metadata(p).is_ok_and(|m| {
                m.file_type().is_block_device() || (m.file_type().is_char_device() && m.rdev() != 0)
            })
        })
        .collect();
    assert!(devices.is_empty(), "device nodes in the store: {devices:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A field of `/usr/bin/time -v`'s report.
fn time_field<'a>(report: &'a str, name: &str) -> &'a str {
    report
        .lines()
        .find_map(|l| l.trim().strip_prefix(name))
        .and_then(|rest| rest.trim().strip_prefix(':'))
        .map(str::trim)
        .unwrap_or_else(|| panic!("no {name:?} in the report:\n{report}"))
}

#[test]
fn a_64_mib_pax_header_fails_the_pull_fast_and_in_little_memory() {
    let tb = testbed();
    let sb = Sandbox::new("hostile-pax");
    let reference = tb.fixture("hostile-pax");
    let bin = coracle_bin().to_string_lossy().into_owned();
    let pull = sb.run_as_user(
        "/usr/bin/time",
        &["-v", &bin, "pull", "-q", "--tls-verify=false", &reference],
        &[],
        None,
    );
    pull.code(125);
    let layer = layer_digests(&reference).pop().unwrap();
    let error = pull
        .stderr
        .lines()
        .find(|l| l.starts_with("Error: "))
        .unwrap_or_else(|| panic!("no error line\n{pull}"));
    for part in ["PAX extended header", "67108864", "1048576", layer.as_str()] {
        assert!(error.contains(part), "no {part:?} in {error:?}");
    }
    let peak_kib: u64 = time_field(&pull.stderr, "Maximum resident set size (kbytes)")
        .parse()
        .unwrap();
    assert!(
        peak_kib < 64 * 1024,
        "peak memory {peak_kib} KiB, not under 64 MiB"
    );
    let wall = time_field(&pull.stderr, "Elapsed (wall clock) time (h:mm:ss or m:ss)");
    let seconds: f64 = wall
        .split(':')
        .fold(0.0, |acc, part| acc * 60.0 + part.parse::<f64>().unwrap());
    assert!(seconds < 1.0, "the pull took {wall}");
    assert_eq!(sb.coracle(&["images", "-q"]).success().stdout, "");
}

#[test]
fn sparse_entries_unpack_to_sparse_files() {
    const SIZE: u64 = 4 << 30;
    let sb = Sandbox::new("hostile-sparse");
    let reference = testbed().fixture("hostile-sparse");
    pull(&sb, "hostile-sparse").success();
    let (layers, _) = layer_dirs(&store_dir(&sb));
    let layer = layers
        .iter()
        .find(|l| l.join("sparse-gnu").exists())
        .expect("a layer holds sparse-gnu");
    for name in ["sparse-gnu", "sparse-pax"] {
        let path = layer.join(name);
        let m = std::fs::metadata(&path).unwrap();
        assert_eq!(m.len(), SIZE, "{name}");
        assert!(
            m.blocks() * 512 < 1 << 20,
            "{name} takes {} bytes of disk",
            m.blocks() * 512
        );
        let mut f = std::fs::File::open(&path).unwrap();
        for (offset, expected) in [
            (0, &b"head\nhh"[..]),
            (4095, b"h\0"),
            (2 << 30, b"middle\nmm"),
            (SIZE - 6, b"\0tail\n"),
        ] {
            let mut got = vec![0; expected.len()];
            f.seek(SeekFrom::Start(offset)).unwrap();
            f.read_exact(&mut got).unwrap();
            assert_eq!(got, expected, "{name} at {offset}");
        }
    }
    let run = run_sh(
        &sb,
        &reference,
        "stat -c %s /sparse-pax; tail -c 5 /sparse-gnu",
    );
    assert_eq!(run.success().stdout, "4294967296\ntail\n");
}

/// A tmpfs mounted on a directory for the length of a test.
struct SmallFilesystem(PathBuf);

impl SmallFilesystem {
    fn mount(dir: &Path, size: &str) -> SmallFilesystem {
        let tb = testbed();
        std::fs::create_dir_all(dir).unwrap();
        let options = format!("size={size},mode=0700,uid={},gid={}", tb.uid, tb.gid);
        run_root(
            "mount",
            &[
                "-t",
                "tmpfs",
                "-o",
                &options,
                "tmpfs",
                &dir.to_string_lossy(),
            ],
        )
        .success();
        SmallFilesystem(dir.to_path_buf())
    }
}

impl Drop for SmallFilesystem {
    fn drop(&mut self) {
        let _ = run_root("umount", &[&self.0.to_string_lossy()]);
    }
}

#[test]
fn a_layer_bigger_than_the_free_space_fails_cleanly() {
    // The store lives on an 8 MiB filesystem; hostile-fill's 100 KB blob unpacks to
    // 24 MiB (of data that cannot stay sparse).
    let sb = Sandbox::new("hostile-fill");
    let store = store_dir(&sb);
    let _fs = SmallFilesystem::mount(&store, "8m");
    assert_refused(
        &pull(&sb, "hostile-fill"),
        &["no space left", "ENOSPC", "coracle image prune", "--root"],
    );
    let (layers, temp) = layer_dirs(&store);
    assert!(layers.is_empty(), "a layer was committed: {layers:?}");
    assert!(temp.is_empty(), "a partial layer was left: {temp:?}");
    let partial: Vec<PathBuf> = std::fs::read_dir(store.join("blobs/tmp"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert!(partial.is_empty(), "partial blobs left: {partial:?}");
    assert_eq!(sb.coracle(&["images", "-q"]).success().stdout, "");
    // The space is free again.
    let df = run_root("df", &["--output=used", "-B1", &store.to_string_lossy()]);
    let used: u64 = df
        .success()
        .stdout
        .lines()
        .nth(1)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(
        used < 1 << 20,
        "{used} bytes still used on the store's filesystem"
    );
}

#[test]
fn an_image_configuration_over_4_mib_is_refused_before_it_is_fetched() {
    let sb = Sandbox::new("hostile-bigconfig");
    assert_refused(
        &pull(&sb, "hostile-bigconfig"),
        &["image configuration", "4194304"],
    );
    let big: Vec<PathBuf> = walk(&store_dir(&sb))
        .into_iter()
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.len() > 4 << 20))
        .collect();
    assert!(big.is_empty(), "fetched anyway: {big:?}");
}
