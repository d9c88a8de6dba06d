//! Tests proving the test bed itself: user, sandbox, registries, fixtures.

use std::os::unix::fs::{MetadataExt, PermissionsExt};

use coracle_tests::{
    push_unique_image, registry_blob_path, run_root, skopeo_inspect, skopeo_raw_manifest, testbed,
    Run, Sandbox,
};
use serde_json::Value;

const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";

fn raw(name: &str) -> Value {
    serde_json::from_slice(&skopeo_raw_manifest(&testbed().fixture(name))).unwrap()
}

fn layer_types(manifest: &Value) -> Vec<&str> {
    manifest["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["mediaType"].as_str().unwrap())
        .collect()
}

/// HTTP status of `curl ARGS URL`.
fn http_status(args: &[&str]) -> String {
    let mut all = vec![
        "-s",
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        "--max-time",
        "10",
    ];
    all.extend_from_slice(args);
    run_root("curl", &all).stdout
}

#[test]
fn sandbox_runs_commands_as_the_test_user() {
    let bed = testbed();
    let sb = Sandbox::new("as-user");
    let id = sb.run_as_user("id", &["-u"], &[], None);
    assert_eq!(id.success().stdout.trim(), bed.uid.to_string());
    assert_ne!(bed.uid, 0);
    let env = sb.run_as_user(
        "sh",
        &["-c", "echo $HOME:$XDG_RUNTIME_DIR:$FOO:$(pwd)"],
        &[("FOO", "bar")],
        None,
    );
    let expected = format!(
        "{}:{}:bar:{}",
        sb.home().display(),
        sb.runtime().display(),
        sb.work().display()
    );
    assert_eq!(env.success().stdout.trim(), expected);
    let cat = sb.run_as_user("cat", &[], &[], Some(b"piped"));
    assert_eq!(cat.success().stdout, "piped");
}

#[test]
fn spawned_commands_run_as_the_test_user_and_die_when_killed() {
    let bed = testbed();
    let sb = Sandbox::new("spawned");
    let mut child = sb.command_as_user("sleep", &["30"], &[]).spawn().unwrap();
    let status = format!("/proc/{}/status", child.id());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    // setpriv and env exec in place: the same pid soon is `sleep` itself.
    while std::fs::read_to_string(format!("/proc/{}/comm", child.id())).unwrap() != "sleep\n" {
        assert!(
            std::time::Instant::now() < deadline,
            "child never became sleep"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let text = std::fs::read_to_string(status).unwrap();
    let uid_line = text.lines().find(|l| l.starts_with("Uid:")).unwrap();
    assert_eq!(
        uid_line.split_whitespace().nth(1).unwrap(),
        bed.uid.to_string()
    );
    child.kill().unwrap();
    assert!(!child.wait().unwrap().success());
}

#[test]
fn sandbox_is_private_owned_and_removed() {
    let bed = testbed();
    let sb = Sandbox::new("owned");
    let dir = sb.dir.clone();
    for sub in [
        dir.clone(),
        sb.home(),
        sb.data(),
        sb.config(),
        sb.runtime(),
        sb.work(),
    ] {
        let meta = std::fs::metadata(&sub).unwrap();
        assert_eq!(
            (meta.uid(), meta.gid()),
            (bed.uid, bed.gid),
            "{}",
            sub.display()
        );
        assert_eq!(
            meta.permissions().mode() & 0o777,
            0o700,
            "{}",
            sub.display()
        );
    }
    let file = sb.write("work/sub/file.txt", "hello");
    assert_eq!(std::fs::metadata(&file).unwrap().uid(), bed.uid);
    assert_eq!(
        std::fs::metadata(file.parent().unwrap()).unwrap().uid(),
        bed.uid
    );
    let cat = sb.run_as_user("cat", &["sub/file.txt"], &[], None);
    assert_eq!(cat.success().stdout, "hello");
    drop(sb);
    assert!(!dir.exists());
}

#[test]
fn test_user_has_subordinate_ids() {
    let bed = testbed();
    for file in ["/etc/subuid", "/etc/subgid"] {
        let text = std::fs::read_to_string(file).unwrap();
        let count: u64 = text
            .lines()
            .filter_map(|l| l.strip_prefix(&format!("{}:", bed.user)))
            .filter_map(|r| r.split(':').nth(1)?.parse::<u64>().ok())
            .sum();
        assert!(count >= 65536, "{file} gives {} only {count} ids", bed.user);
    }
}

#[test]
fn coracle_binary_is_runnable_by_the_test_user() {
    let sb = Sandbox::new("binary");
    let bin = coracle_tests::coracle_bin();
    let run = sb.run_as_user("test", &["-x", &bin.to_string_lossy()], &[], None);
    run.success();
}

#[test]
fn plain_registry_lists_every_fixture() {
    let bed = testbed();
    // The registry pages its catalog (100 names by default); a test bed that has run
    // many times holds more (every test's pushed images): ask for all in one page.
    let url = format!("http://{}/v2/_catalog?n=1000", bed.registry);
    let catalog: Value =
        serde_json::from_str(&run_root("curl", &["-sf", &url]).success().stdout).unwrap();
    let repos = catalog["repositories"].as_array().unwrap();
    for name in [
        "busybox",
        "multilayer",
        "multiarch",
        "zstd",
        "uncompressed",
        "docker",
        "traversal",
        "symlink-escape",
    ] {
        assert!(
            repos.iter().any(|r| r == name),
            "{name} missing from {catalog}"
        );
    }
}

#[test]
fn tls_registry_requires_credentials_and_trusts_the_ca() {
    let bed = testbed();
    let ca = bed.tls_ca.to_string_lossy().into_owned();
    let url = format!("https://{}/v2/", bed.tls_registry);
    assert_eq!(http_status(&["--cacert", &ca, &url]), "401");
    let creds = format!("{}:{}", bed.tls_user, bed.tls_password);
    assert_eq!(http_status(&["--cacert", &ca, "-u", &creds, &url]), "200");
    assert_eq!(
        http_status(&["--cacert", &ca, "-u", "tester:wrong", &url]),
        "401"
    );
    // Without the CA the certificate is not trusted (curl exit 60, no HTTP status).
    assert_eq!(http_status(&[&url]), "000");
    // The CA is readable by the test user.
    let sb = Sandbox::new("tls-ca");
    sb.run_as_user("cat", &[&ca], &[], None).success();
    sb.trust_tls_ca();
    let trusted = sb
        .config()
        .join(format!("containers/certs.d/{}/ca.crt", bed.tls_registry));
    assert!(trusted.is_file());
    let inspected = skopeo_inspect(&bed.tls_fixture("busybox"));
    assert_eq!(inspected["Os"], "linux");
}

#[test]
fn busybox_fixture_is_an_oci_image() {
    let m = raw("busybox");
    assert_eq!(m["mediaType"], OCI_MANIFEST);
    assert_eq!(
        layer_types(&m),
        ["application/vnd.oci.image.layer.v1.tar+gzip"]
    );
    let info = skopeo_inspect(&testbed().fixture("busybox"));
    assert_eq!(info["Os"], "linux");
    assert!(info["Env"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e.as_str().unwrap().starts_with("PATH=")));
}

#[test]
fn multilayer_fixture_has_four_gzip_layers() {
    let m = raw("multilayer");
    assert_eq!(m["mediaType"], OCI_MANIFEST);
    assert_eq!(
        layer_types(&m),
        vec!["application/vnd.oci.image.layer.v1.tar+gzip"; 4]
    );
}

#[test]
fn multiarch_fixture_is_an_index_of_amd64_and_arm64() {
    let idx = raw("multiarch");
    assert_eq!(idx["mediaType"], OCI_INDEX);
    let arches: Vec<&str> = idx["manifests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["platform"]["architecture"].as_str().unwrap())
        .collect();
    assert_eq!(arches, ["amd64", "arm64"]);
    for m in idx["manifests"].as_array().unwrap() {
        let by_digest = format!(
            "{}/multiarch@{}",
            testbed().registry,
            m["digest"].as_str().unwrap()
        );
        let child: Value = serde_json::from_slice(&skopeo_raw_manifest(&by_digest)).unwrap();
        assert_eq!(child["layers"].as_array().unwrap().len(), 2);
    }
}

#[test]
fn compression_fixtures_have_the_right_layer_types() {
    assert_eq!(
        layer_types(&raw("zstd")),
        ["application/vnd.oci.image.layer.v1.tar+zstd"]
    );
    assert_eq!(
        layer_types(&raw("uncompressed")),
        ["application/vnd.oci.image.layer.v1.tar"]
    );
}

#[test]
fn docker_fixture_is_schema2() {
    let m = raw("docker");
    assert_eq!(
        m["mediaType"],
        "application/vnd.docker.distribution.manifest.v2+json"
    );
    assert_eq!(
        layer_types(&m),
        ["application/vnd.docker.image.rootfs.diff.tar.gzip"]
    );
}

#[test]
fn malicious_fixtures_are_pushed() {
    for name in ["traversal", "symlink-escape"] {
        assert_eq!(layer_types(&raw(name)).len(), 2, "{name}");
    }
}

#[test]
fn unique_images_have_private_blobs() {
    let a = push_unique_image("bed-unique-a");
    let b = push_unique_image("bed-unique-b");
    assert_ne!(a.layer_digest, b.layer_digest);
    assert_ne!(a.config_digest, b.config_digest);
    let m: Value = serde_json::from_slice(&skopeo_raw_manifest(&a.reference)).unwrap();
    assert_eq!(m["layers"][1]["digest"], a.layer_digest.as_str());
    let path = registry_blob_path(&a.layer_digest);
    assert!(path.is_file(), "{}", path.display());
}

#[test]
fn failing_runs_report_their_output() {
    let sb = Sandbox::new("failing");
    let run: Run = sb.run_as_user("sh", &["-c", "echo out; echo err >&2; exit 7"], &[], None);
    run.code(7);
    let msg = std::panic::catch_unwind(|| {
        run.success();
    })
    .unwrap_err();
    let msg = msg.downcast_ref::<String>().unwrap();
    assert!(
        msg.contains("exit code: 7") && msg.contains("out") && msg.contains("err"),
        "{msg}"
    );
}
