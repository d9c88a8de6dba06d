//! `coracle pull` against the real registries of the test bed, as the unprivileged user.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use coracle_tests::{skopeo_inspect, testbed, Sandbox};
use sha2::{Digest as _, Sha256};

use crate::util::{blob_files, push_unique_image, store_dir};

const FIXTURES: &[&str] = &[
    "busybox",
    "multilayer",
    "multiarch",
    "zstd",
    "uncompressed",
    "docker",
];

#[test]
fn every_fixture_digest_matches_skopeo() {
    let tb = testbed();
    let sb = Sandbox::new("pull-fixtures");
    for name in FIXTURES {
        let reference = format!("{}/{name}:latest", tb.registry);
        let run = sb.coracle(&["pull", "--tls-verify=false", &reference]);
        run.success();
        let id = run.stdout.trim();
        assert_eq!(
            id.len(),
            64,
            "pull prints the image ID, got {:?}",
            run.stdout
        );
        let ours = sb.coracle(&["image", "inspect", "--format", "{{.Digest}}", &reference]);
        ours.success();
        let theirs = skopeo_inspect(&reference);
        assert_eq!(
            ours.stdout.trim(),
            theirs["Digest"].as_str().unwrap(),
            "digest of {name}"
        );
    }
    // Several fixtures share one config (same image ID), so count names, not IDs.
    let listed = sb.coracle(&["images", "--format", "{{.Repository}}:{{.Tag}}"]);
    listed.success();
    assert_eq!(
        listed.stdout.lines().count(),
        FIXTURES.len(),
        "{}",
        listed.stdout
    );
}

#[test]
fn platform_selects_the_arm64_image_of_an_index() {
    let tb = testbed();
    let sb = Sandbox::new("pull-platform");
    let reference = format!("{}/multiarch:latest", tb.registry);
    sb.coracle(&[
        "pull",
        "-q",
        "--tls-verify=false",
        "--platform",
        "linux/arm64",
        &reference,
    ])
    .success();
    let arch = sb.coracle(&[
        "image",
        "inspect",
        "--format",
        "{{.Architecture}}",
        &reference,
    ]);
    assert_eq!(arch.success().stdout.trim(), "arm64");
    // The stored layer is the arm64 one: its marker file says so.
    let layer = crate::util::layer_file_contents(&sb, &reference, "etc/coracle-arch");
    assert_eq!(layer.trim(), "arm64");
    // Without --platform the host's (amd64) image is chosen, a different image.
    let other = Sandbox::new("pull-platform-host");
    other
        .coracle(&["pull", "-q", "--tls-verify=false", &reference])
        .success();
    let host = crate::util::layer_file_contents(&other, &reference, "etc/coracle-arch");
    assert_eq!(host.trim(), "amd64");
    // A platform the index does not offer is a clear error.
    let none = sb.coracle(&[
        "pull",
        "--tls-verify=false",
        "--platform",
        "linux/s390x",
        &reference,
    ]);
    none.code(125);
    assert!(
        none.stderr.contains("linux/s390x") && none.stderr.contains("linux/arm64"),
        "{}",
        none.stderr
    );
}

#[test]
fn quiet_prints_only_the_id_and_plain_progress_has_no_control_codes() {
    let tb = testbed();
    let sb = Sandbox::new("pull-output");
    let reference = format!("{}/multilayer:latest", tb.registry);
    let first = sb.coracle(&["pull", "--tls-verify=false", &reference]);
    first.success();
    assert!(
        first.stderr.contains("Copying blob sha256:"),
        "{}",
        first.stderr
    );
    assert!(
        first
            .stderr
            .contains("Writing manifest to image destination"),
        "{}",
        first.stderr
    );
    assert!(
        !first.stderr.contains('\r') && !first.stderr.contains('\x1b'),
        "control codes in {:?}",
        first.stderr
    );
    // A second pull fetches only the manifest: every blob is reported as present.
    let again = sb.coracle(&["pull", "--tls-verify=false", &reference]);
    again.success();
    assert!(
        !again.stderr.contains("Copying blob sha256:"),
        "re-pull downloaded again:\n{}",
        again.stderr
    );
    assert!(
        again.stderr.contains("skipped: already exists"),
        "{}",
        again.stderr
    );
    assert_eq!(again.stdout, first.stdout);
    let quiet = sb.coracle(&["pull", "-q", "--tls-verify=false", &reference]);
    quiet.success();
    assert_eq!(quiet.stdout, first.stdout);
    assert_eq!(quiet.stderr, "");
}

#[test]
fn a_layer_shared_with_a_stored_image_is_not_downloaded_again() {
    let tb = testbed();
    let sb = Sandbox::new("pull-shared-layer");
    sb.coracle(&[
        "pull",
        "-q",
        "--tls-verify=false",
        &format!("{}/busybox:latest", tb.registry),
    ])
    .success();
    let multi = sb.coracle(&[
        "pull",
        "--tls-verify=false",
        &format!("{}/multilayer:latest", tb.registry),
    ]);
    multi.success();
    assert!(
        multi.stderr.contains("skipped: already exists"),
        "the busybox base layer was fetched again:\n{}",
        multi.stderr
    );
}

#[test]
fn a_corrupted_blob_fails_the_pull_and_leaves_the_store_as_it_was() {
    let tb = testbed();
    let sb = Sandbox::new("pull-corrupt");
    let unique = push_unique_image("corrupt");
    // Flip bytes of the layer inside the registry's own storage (same size).
    let data = tb.registry_data.join(format!(
        "docker/registry/v2/blobs/sha256/{}/{}/data",
        &unique.layer_hex[..2],
        unique.layer_hex
    ));
    let mut bytes = std::fs::read(&data).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    bytes[mid + 1] ^= 0xff;
    std::fs::write(&data, &bytes).unwrap();

    sb.coracle(&[
        "pull",
        "-q",
        "--tls-verify=false",
        &format!("{}/busybox:latest", tb.registry),
    ])
    .success();
    let before = sb
        .coracle(&["images", "--format", "json"])
        .success()
        .stdout
        .clone();
    let run = sb.coracle(&["pull", "--tls-verify=false", &unique.reference]);
    run.code(125);
    assert!(run.stderr.contains("digest mismatch"), "{}", run.stderr);
    assert!(
        run.stderr.contains(&unique.layer_hex),
        "the message names the digest: {}",
        run.stderr
    );
    assert_eq!(
        run.stderr
            .trim()
            .lines()
            .filter(|l| l.starts_with("Error:"))
            .count(),
        1
    );
    let after = sb
        .coracle(&["images", "--format", "json"])
        .success()
        .stdout
        .clone();
    assert_eq!(before, after, "images changed after a failed pull");
    let store = store_dir(&sb);
    assert!(
        !store.join("blobs/sha256").join(&unique.layer_hex).exists(),
        "the corrupt blob was stored"
    );
    assert_no_temp_files(&store);
}

fn assert_no_temp_files(store: &Path) {
    let tmp = store.join("blobs/tmp");
    let left: Vec<PathBuf> = std::fs::read_dir(&tmp)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "temp files left behind: {left:?}");
}

/// Every stored blob hashes to its name.
fn assert_blobs_verify(store: &Path) -> usize {
    let files = blob_files(store);
    for (hex, path) in &files {
        let data = std::fs::read(path).unwrap();
        assert_eq!(
            &hex::encode(Sha256::digest(&data)),
            hex,
            "blob {} is corrupt",
            path.display()
        );
    }
    files.len()
}

#[test]
fn pulls_killed_at_random_moments_then_completed_leave_verified_blobs() {
    let tb = testbed();
    let sb = Sandbox::new("pull-sigkill");
    let reference = format!("{}/multilayer:latest", tb.registry);
    // Deterministic spread of kill delays, from before the first request to mid-download.
    let delays_ms = [1u64, 5, 12, 25, 40, 60, 90, 130, 180, 250];
    for delay in delays_ms {
        let mut child = sb
            .command(&["pull", "--tls-verify=false", &reference])
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        assert_blobs_verify(&store_dir(&sb));
    }
    let done = sb.coracle(&["pull", "-q", "--tls-verify=false", &reference]);
    done.success();
    let store = store_dir(&sb);
    let count = assert_blobs_verify(&store);
    assert!(
        count >= 4,
        "expected manifest, config and layers, found {count} blobs"
    );
    assert_no_temp_files(&store);
    let inspect = sb.coracle(&["image", "inspect", "--format", "{{.Digest}}", &reference]);
    assert_eq!(
        inspect.success().stdout.trim(),
        skopeo_inspect(&reference)["Digest"].as_str().unwrap()
    );
}

#[test]
fn two_concurrent_pulls_both_succeed_with_one_copy_of_each_blob() {
    let tb = testbed();
    let sb = Sandbox::new("pull-concurrent");
    let reference = format!("{}/multilayer:latest", tb.registry);
    let a = sb
        .command(&["pull", "-q", "--tls-verify=false", &reference])
        .spawn()
        .unwrap();
    let b = sb
        .command(&["pull", "-q", "--tls-verify=false", &reference])
        .spawn()
        .unwrap();
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    assert_eq!(a.stdout, b.stdout);
    let store = store_dir(&sb);
    let names: BTreeSet<String> = blob_files(&store).into_iter().map(|(h, _)| h).collect();
    let listed = blob_files(&store).len();
    assert_eq!(names.len(), listed);
    assert_blobs_verify(&store);
    assert_no_temp_files(&store);
    assert_eq!(
        sb.coracle(&["images", "-q"])
            .success()
            .stdout
            .lines()
            .count(),
        1
    );
}

#[test]
fn an_invalid_reference_is_a_one_line_error_naming_the_bad_part() {
    let sb = Sandbox::new("pull-invalid");
    for (input, needle) in [
        ("Busy Box", "Busy Box"),
        ("busybox:bad tag!", "bad tag!"),
        ("UPPER/case", "UPPER/case"),
    ] {
        let run = sb.coracle(&["pull", input]);
        run.code(125);
        assert_eq!(run.stderr.trim().lines().count(), 1, "{:?}", run.stderr);
        assert!(
            run.stderr.contains(needle),
            "error for {input:?} does not name it: {}",
            run.stderr
        );
    }
    assert_eq!(sb.coracle(&["images", "-q"]).success().stdout, "");
}

#[test]
fn a_missing_image_is_a_clear_error() {
    let tb = testbed();
    let sb = Sandbox::new("pull-missing");
    let run = sb.coracle(&[
        "pull",
        "--tls-verify=false",
        &format!("{}/no-such-image:latest", tb.registry),
    ]);
    run.code(125);
    assert!(run.stderr.contains("no-such-image"), "{}", run.stderr);
}

#[test]
fn pull_by_digest_and_by_tag_and_digest() {
    let tb = testbed();
    let sb = Sandbox::new("pull-digest");
    let tagged = format!("{}/busybox:latest", tb.registry);
    let digest = skopeo_inspect(&tagged)["Digest"]
        .as_str()
        .unwrap()
        .to_string();
    let by_digest = format!("{}/busybox@{digest}", tb.registry);
    sb.coracle(&["pull", "-q", "--tls-verify=false", &by_digest])
        .success();
    let inspect = sb.coracle(&["image", "inspect", "--format", "{{.Digest}}", &by_digest]);
    assert_eq!(inspect.success().stdout.trim(), digest);
    let wrong = format!("{}/busybox:latest@sha256:{}", tb.registry, "0".repeat(64));
    sb.coracle(&["pull", "--tls-verify=false", &wrong])
        .code(125);
}

#[test]
fn short_names_resolve_through_registries_conf() {
    let tb = testbed();
    let sb = Sandbox::new("pull-short-names");
    sb.write(
        "config/containers/registries.conf",
        &format!(
            "unqualified-search-registries = [\"{reg}\"]\n\n[[registry]]\nlocation = \"{reg}\"\ninsecure = true\n\n[aliases]\n\"layered\" = \"{reg}/multilayer\"\n",
            reg = tb.registry
        ),
    );
    let run = sb.coracle(&["pull", "-q", "busybox"]);
    run.success();
    let names = sb.coracle(&["images", "--format", "{{.Repository}}:{{.Tag}}"]);
    assert_eq!(
        names.success().stdout.trim(),
        format!("{}/busybox:latest", tb.registry)
    );
    sb.coracle(&["pull", "-q", "layered"]).success();
    sb.coracle(&[
        "image",
        "exists",
        &format!("{}/multilayer:latest", tb.registry),
    ])
    .success();
    // The short name finds the stored image too.
    sb.coracle(&["image", "exists", "busybox"]).success();
}

#[test]
fn a_registry_blocked_in_registries_conf_is_refused() {
    let tb = testbed();
    let sb = Sandbox::new("pull-blocked");
    sb.write(
        "config/containers/registries.conf",
        &format!(
            "[[registry]]\nlocation = \"{reg}/multilayer\"\nblocked = true\ninsecure = true\n",
            reg = tb.registry
        ),
    );
    let blocked = sb.coracle(&[
        "pull",
        "-q",
        "--tls-verify=false",
        &tb.fixture("multilayer"),
    ]);
    blocked.code(125);
    assert!(
        blocked.stderr.contains("is blocked in registries.conf"),
        "{}",
        blocked.stderr
    );
    assert_eq!(sb.coracle(&["images", "-q"]).success().stdout, "");
    // Only that repository is blocked.
    sb.coracle(&["pull", "-q", "--tls-verify=false", &tb.fixture("busybox")])
        .success();
}

#[test]
fn root_flag_and_env_choose_the_store() {
    let tb = testbed();
    let sb = Sandbox::new("pull-root");
    let alt = sb.dir.join("work/alt-store");
    let alt_s = alt.to_str().unwrap();
    sb.coracle(&[
        "--root",
        alt_s,
        "pull",
        "-q",
        "--tls-verify=false",
        &format!("{}/busybox:latest", tb.registry),
    ])
    .success();
    assert!(alt.join("blobs/sha256").is_dir());
    assert_eq!(
        sb.coracle(&["images", "-q"]).success().stdout,
        "",
        "the default store was used"
    );
    let via_env = sb.coracle_with(&["images", "-q"], &[("CORACLE_ROOT", alt_s)], None);
    assert_eq!(via_env.success().stdout.lines().count(), 1);
}
