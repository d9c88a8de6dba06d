//! `images`, `image inspect`, `image exists`, `tag`, `rmi`, `image prune`, `push`,
//! `info` and `version`, as the unprivileged user.

use coracle_tests::{skopeo_inspect, testbed, Sandbox};

use crate::util::{blob_files, store_dir};

fn pulled(name: &str, images: &[&str]) -> Sandbox {
    let tb = testbed();
    let sb = Sandbox::new(name);
    for image in images {
        sb.coracle(&[
            "pull",
            "-q",
            "--tls-verify=false",
            &format!("{}/{image}:latest", tb.registry),
        ])
        .success();
    }
    sb
}

#[test]
fn images_lists_in_every_format() {
    let tb = testbed();
    let sb = pulled("images-formats", &["busybox", "multilayer"]);
    let table = sb.coracle(&["images"]);
    let lines: Vec<&str> = table.success().stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", table.stdout);
    assert!(
        lines[0].starts_with("REPOSITORY")
            && lines[0].contains("IMAGE ID")
            && lines[0].contains("SIZE")
    );
    assert!(table.stdout.contains(&format!("{}/busybox", tb.registry)));

    let quiet = sb.coracle(&["images", "-q"]);
    for id in quiet.success().stdout.lines() {
        assert_eq!(id.len(), 12, "{id}");
        assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
    }
    let full = sb.coracle(&["images", "-q", "--no-trunc"]);
    assert!(
        full.success()
            .stdout
            .lines()
            .all(|l| l.len() == 64 || l.len() == 71),
        "{}",
        full.stdout
    );

    let json = sb.coracle(&["images", "--format", "json"]);
    let parsed: serde_json::Value = serde_json::from_str(&json.success().stdout).unwrap();
    let arr = parsed.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    for item in arr {
        assert_eq!(item["Id"].as_str().unwrap().len(), 64);
        assert!(item["RepoTags"].as_array().unwrap()[0]
            .as_str()
            .unwrap()
            .starts_with(&tb.registry));
        assert!(item["Digest"].as_str().unwrap().starts_with("sha256:"));
    }

    let template = sb.coracle(&["images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}"]);
    let mut got: Vec<String> = template
        .success()
        .stdout
        .lines()
        .map(String::from)
        .collect();
    got.sort();
    let mut want: Vec<String> = arr
        .iter()
        .map(|i| {
            format!(
                "{} {}",
                i["RepoTags"][0].as_str().unwrap(),
                &i["Id"].as_str().unwrap()[..12]
            )
        })
        .collect();
    want.sort();
    assert_eq!(got, want);

    let digests = sb.coracle(&["images", "--digests"]);
    assert!(digests
        .success()
        .stdout
        .lines()
        .next()
        .unwrap()
        .contains("DIGEST"));
    let busy_digest = skopeo_inspect(&format!("{}/busybox:latest", tb.registry))["Digest"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(digests.stdout.contains(&busy_digest), "{}", digests.stdout);

    let bad = sb.coracle(&["images", "--format", "{{.NoSuchField}}"]);
    bad.code(125);
    assert!(bad.stderr.contains("NoSuchField"), "{}", bad.stderr);
}

#[test]
fn inspect_prints_podman_fields() {
    let tb = testbed();
    let reference = format!("{}/busybox:latest", tb.registry);
    let sb = pulled("inspect", &["busybox"]);
    let run = sb.coracle(&["image", "inspect", &reference]);
    let parsed: serde_json::Value = serde_json::from_str(&run.success().stdout).unwrap();
    let img = &parsed.as_array().unwrap()[0];
    let skopeo = skopeo_inspect(&reference);
    assert_eq!(img["Digest"], skopeo["Digest"]);
    assert_eq!(img["Architecture"], skopeo["Architecture"]);
    assert_eq!(img["Os"], skopeo["Os"]);
    assert_eq!(img["RepoTags"][0], reference.as_str());
    assert_eq!(
        img["RepoDigests"][0],
        format!(
            "{}/busybox@{}",
            tb.registry,
            skopeo["Digest"].as_str().unwrap()
        )
        .as_str()
    );
    assert_eq!(img["RootFS"]["Type"], "layers");
    assert_eq!(
        img["RootFS"]["Layers"].as_array().unwrap().len(),
        skopeo["Layers"].as_array().unwrap().len()
    );
    assert!(img["Config"]["Cmd"].is_array(), "{img}");
    assert!(img["Size"].as_u64().unwrap() > 0);
    for key in ["Id", "Created"] {
        assert!(img[key].is_string(), "{key} missing in {img}");
    }
    // By ID prefix, and a missing image is an error with exit 125.
    let id = img["Id"].as_str().unwrap();
    let by_id = sb.coracle(&["image", "inspect", "--format", "{{.Id}}", &id[..10]]);
    assert_eq!(by_id.success().stdout.trim(), id);
    sb.coracle(&["image", "inspect", "no-such-image"]).code(125);
}

#[test]
fn exists_tag_rmi_and_prune() {
    let tb = testbed();
    let reference = format!("{}/busybox:latest", tb.registry);
    let sb = pulled("tag-rmi", &["busybox", "multilayer"]);
    let store = store_dir(&sb);
    let blobs_with_both = blob_files(&store).len();
    sb.coracle(&["image", "exists", &reference]).success();
    sb.coracle(&["image", "exists", "nothing-here"]).code(1);

    sb.coracle(&["tag", &reference, "mybox", "example.org/team/box:v1"])
        .success();
    sb.coracle(&["image", "exists", "localhost/mybox:latest"])
        .success();
    let id = sb
        .coracle(&["image", "inspect", "--format", "{{.Id}}", &reference])
        .success()
        .stdout
        .trim()
        .to_string();
    assert_eq!(
        sb.coracle(&[
            "image",
            "inspect",
            "--format",
            "{{.Id}}",
            "example.org/team/box:v1"
        ])
        .success()
        .stdout
        .trim(),
        id
    );

    // Removing one of several names only untags; by ID with several names needs -f.
    let untag = sb.coracle(&["rmi", "mybox"]);
    assert!(
        untag
            .success()
            .stdout
            .contains("Untagged: localhost/mybox:latest"),
        "{}",
        untag.stdout
    );
    sb.coracle(&["image", "exists", &reference]).success();
    sb.coracle(&["rmi", &id[..12]]).code(125);
    let forced = sb.coracle(&["rmi", "-f", &id[..12]]);
    assert!(
        forced.success().stdout.contains(&format!("Deleted: {id}")),
        "{}",
        forced.stdout
    );
    sb.coracle(&["image", "exists", &reference]).code(1);
    // The busybox base layer is shared with multilayer: it must survive.
    let left = blob_files(&store).len();
    assert!(
        left < blobs_with_both && left > 0,
        "{left} of {blobs_with_both}"
    );
    sb.coracle(&[
        "image",
        "inspect",
        &format!("{}/multilayer:latest", tb.registry),
    ])
    .success();

    // A missing name: exit 1 as Podman, and nothing else removed.
    sb.coracle(&["rmi", "not-there"]).code(1);
    sb.coracle(&["rmi", "-f", "not-there"]).success();

    // Prune removes dangling images only; -a removes the rest.
    sb.coracle(&["pull", "-q", "--tls-verify=false", &reference])
        .success();
    sb.coracle(&["tag", &reference, "keep:me"]).success();
    sb.coracle(&["rmi", &reference]).success();
    sb.coracle(&["rmi", "localhost/keep:me"]).success();
    let pruned = sb.coracle(&["image", "prune", "-f"]);
    pruned.success();
    assert_eq!(
        sb.coracle(&["images", "-q"])
            .success()
            .stdout
            .lines()
            .count(),
        1
    );
    sb.coracle(&["image", "prune", "-a", "-f"]).success();
    assert_eq!(sb.coracle(&["images", "-q"]).success().stdout, "");
    assert!(
        blob_files(&store).is_empty(),
        "blobs left after removing every image"
    );
}

#[test]
fn push_keeps_the_manifest_digest() {
    let tb = testbed();
    let sb = pulled("push", &["multilayer"]);
    let src = format!("{}/multilayer:latest", tb.registry);
    let unique = format!("{}/pushed-{}:v1", tb.registry, std::process::id());
    sb.coracle(&["tag", &src, &unique]).success();
    let digestfile = sb.dir.join("work/digest");
    sb.coracle(&[
        "push",
        "--tls-verify=false",
        "--digestfile",
        digestfile.to_str().unwrap(),
        &unique,
    ])
    .success();
    let stored = sb
        .coracle(&["image", "inspect", "--format", "{{.Digest}}", &unique])
        .success()
        .stdout
        .trim()
        .to_string();
    assert_eq!(skopeo_inspect(&unique)["Digest"].as_str().unwrap(), stored);
    assert_eq!(std::fs::read_to_string(digestfile).unwrap(), stored);
    // An unknown local image is coracle's error.
    sb.coracle(&["push", "--tls-verify=false", "nope"])
        .code(125);
}

#[test]
fn info_and_version() {
    let sb = pulled("info", &["busybox"]);
    let info = sb.coracle(&["info", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&info.success().stdout).unwrap();
    assert_eq!(v["store"]["imageStore"]["number"], 1);
    assert_eq!(v["store"]["graphRoot"], store_dir(&sb).to_str().unwrap());
    assert_eq!(v["host"]["rootless"], true);
    let text = sb.coracle(&["info"]);
    assert!(
        text.success().stdout.contains("graphRoot:"),
        "{}",
        text.stdout
    );
    let version = sb.coracle(&["version", "--format", "{{.Client.Version}}"]);
    assert_eq!(version.success().stdout.trim(), env!("CARGO_PKG_VERSION"));
    // Bad flags are coracle's error: 125.
    sb.coracle(&["images", "--no-such-flag"]).code(125);
}
