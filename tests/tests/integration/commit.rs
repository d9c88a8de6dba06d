//! `commit`, `diff`, `export` and `import`, as the unprivileged user: a container's
//! additions, changes, deletions (of a whole directory too) and replaced directories
//! become an OCI layer with whiteouts whose image shows exactly those changes; a
//! container's root exported as a tar imports back as a one-layer image.

use std::io::Read;
use std::path::{Path, PathBuf};

use coracle_tests::Sandbox;

use crate::run::with_image;

fn stdout(sb: &Sandbox, args: &[&str]) -> String {
    sb.coracle(args).success().stdout.clone()
}

/// The lines of `coracle diff CTR`.
fn diff_lines(sb: &Sandbox, ctr: &str) -> Vec<String> {
    stdout(sb, &["diff", ctr])
        .lines()
        .map(String::from)
        .collect()
}

#[track_caller]
fn assert_lines(lines: &[String], wanted: &[&str], unwanted: &[&str]) {
    for w in wanted {
        assert!(
            lines.iter().any(|l| l == w),
            "{w:?} missing from {lines:#?}"
        );
    }
    for u in unwanted {
        assert!(
            !lines.iter().any(|l| l == u),
            "{u:?} unexpected in {lines:#?}"
        );
    }
}

/// One entry of a tar stream.
#[derive(Clone, Debug)]
struct TarEntry {
    path: String,
    kind: tar::EntryType,
    mode: u32,
    uid: u64,
    link: Option<String>,
}

/// Every entry of a tar stream.
fn tar_entries(bytes: &[u8]) -> Vec<TarEntry> {
    let mut out = Vec::new();
    for e in tar::Archive::new(bytes).entries().expect("a tar stream") {
        let e = e.expect("a tar entry");
        let h = e.header();
        out.push(TarEntry {
            path: e.path().unwrap().to_string_lossy().into_owned(),
            kind: h.entry_type(),
            mode: h.mode().unwrap() & 0o7777,
            uid: h.uid().unwrap(),
            link: e
                .link_name()
                .unwrap()
                .map(|l| l.to_string_lossy().into_owned()),
        });
    }
    out
}

/// Every entry of every gzip layer blob in the store (read as root).
fn layer_entries(sb: &Sandbox) -> Vec<TarEntry> {
    let blobs: PathBuf = sb.data().join("coracle/blobs/sha256");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&blobs).expect("the blob directory") {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        if !bytes.starts_with(&[0x1f, 0x8b]) {
            continue;
        }
        let mut plain = Vec::new();
        if flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut plain)
            .is_ok()
        {
            out.extend(tar_entries(&plain));
        }
    }
    out
}

#[test]
fn commit_and_diff_show_exactly_the_containers_changes() {
    let (sb, img) = with_image("commit-changes", "busybox");
    // Stage 1: add files and a tree, change one, delete one, chown one.
    sb.coracle(&[
        "run",
        "--name",
        "c1",
        &img,
        "sh",
        "-c",
        "echo new > /new.txt && mkdir -p /data/sub && echo a > /data/a && echo b > /data/sub/b \
         && echo extra:x:5:5::/:/bin/sh >> /etc/passwd && rm /etc/group \
         && touch /owned && chown 1000:1000 /owned && echo h > /h1 && ln /h1 /h2",
    ])
    .success();
    let lines = diff_lines(&sb, "c1");
    assert_lines(
        &lines,
        &[
            "A /new.txt",
            "A /data",
            "A /data/a",
            "A /data/sub/b",
            "C /etc",
            "C /etc/passwd",
            "D /etc/group",
            "A /owned",
        ],
        &[
            "C /bin",
            "C /etc/hostname",
            "A /etc/hosts",
            "A /etc/resolv.conf",
        ],
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&sb, &["diff", "--format", "json", "c1"])).unwrap();
    assert!(
        json["added"]
            .as_array()
            .unwrap()
            .contains(&"/new.txt".into()),
        "{json}"
    );
    assert_eq!(json["deleted"], serde_json::json!(["/etc/group"]), "{json}");

    let id = stdout(
        &sb,
        &["commit", "-m", "stage one", "-a", "tester", "c1", "stage1"],
    );
    assert_eq!(id.trim().len(), 64, "commit prints the image id: {id:?}");
    let shown = stdout(
        &sb,
        &[
            "run",
            "--rm",
            "stage1",
            "sh",
            "-c",
            "cat /new.txt /data/a /data/sub/b; tail -n1 /etc/passwd; \
             test -e /etc/group && echo group-present || echo group-gone; stat -c %u:%g /owned; \
             stat -c %h /h2; cat /h2",
        ],
    );
    assert_eq!(
        shown,
        "new\na\nb\nextra:x:5:5::/:/bin/sh\ngroup-gone\n1000:1000\n2\nh\n"
    );

    // Stage 2, on the committed image: delete a whole directory of the image, replace
    // another (an opaque directory), and commit with a new command.
    sb.coracle(&[
        "run",
        "--name",
        "c2",
        "stage1",
        "sh",
        "-c",
        "rm -rf /home && rm -rf /data && mkdir /data && echo c > /data/c",
    ])
    .success();
    let lines = diff_lines(&sb, "c2");
    assert_lines(
        &lines,
        &[
            "D /home",
            "C /data",
            "D /data/a",
            "D /data/sub",
            "A /data/c",
        ],
        &["D /home/app", "A /new.txt"],
    );
    sb.coracle(&[
        "commit",
        "-q",
        "-c",
        r#"CMD ["ls", "-a", "/data"]"#,
        "c2",
        "stage2",
    ])
    .success();
    assert_eq!(stdout(&sb, &["run", "--rm", "stage2"]), ".\n..\nc\n");
    assert_eq!(
        stdout(
            &sb,
            &[
                "run",
                "--rm",
                "stage2",
                "sh",
                "-c",
                "test -e /home || echo home-gone; cat /new.txt"
            ]
        ),
        "home-gone\nnew\n"
    );

    // The layers hold OCI whiteouts (never overlay's 0/0 devices), owners as the image sees them.
    let entries = layer_entries(&sb);
    let find = |p: &str| entries.iter().find(|e| e.path == p).cloned();
    for whiteout in ["etc/.wh.group", "data/.wh..wh..opq", ".wh.home"] {
        let e = find(whiteout).unwrap_or_else(|| panic!("{whiteout} missing: {entries:#?}"));
        assert_eq!(e.kind, tar::EntryType::Regular, "{whiteout}");
    }
    assert_eq!(find("owned").map(|e| e.uid), Some(1000), "owner of /owned");
    let h2 = find("h2").expect("h2 in the layer");
    assert_eq!(
        (h2.kind, h2.link.as_deref()),
        (tar::EntryType::Link, Some("h1"))
    );
    assert_eq!(find("new.txt").map(|e| e.uid), Some(0), "owner of /new.txt");
    assert!(
        !entries.iter().any(|e| e.kind == tar::EntryType::Char),
        "a device in a committed layer: {entries:#?}"
    );
    assert!(find("etc/hosts").is_none() && find("etc/resolv.conf").is_none());

    let inspect: serde_json::Value =
        serde_json::from_str(&stdout(&sb, &["image", "inspect", "stage1"])).unwrap();
    let text = inspect.to_string();
    assert!(text.contains("tester"), "author missing: {text}");

    // Other tools read the committed image: pushed, skopeo sees its three layers and
    // command, and a fresh store pulls and runs it.
    let tb = coracle_tests::testbed();
    let remote = format!("{}/committed-{}:v1", tb.registry, std::process::id());
    sb.coracle(&["push", "--tls-verify=false", "stage2", &remote])
        .success();
    let seen = coracle_tests::skopeo_inspect(&remote);
    assert_eq!(seen["Layers"].as_array().map(Vec::len), Some(3), "{seen}");
    let config = coracle_tests::skopeo(&[
        "inspect",
        "--tls-verify=false",
        "--config",
        &format!("docker://{remote}"),
    ]);
    let config: serde_json::Value = serde_json::from_str(&config.stdout).unwrap();
    assert_eq!(
        config["config"]["Cmd"],
        serde_json::json!(["ls", "-a", "/data"]),
        "{config}"
    );
    assert_eq!(
        config["rootfs"]["diff_ids"].as_array().map(Vec::len),
        Some(3)
    );
    let fresh = Sandbox::new("commit-changes-pulled");
    fresh
        .coracle(&["pull", "-q", "--tls-verify=false", &remote])
        .success();
    assert_eq!(stdout(&fresh, &["run", "--rm", &remote]), ".\n..\nc\n");
}

#[test]
fn commit_refuses_bad_changes_and_leaves_the_store_alone() {
    let (sb, img) = with_image("commit-bad", "busybox");
    sb.coracle(&["create", "--name", "c", &img, "true"])
        .success();
    let before = stdout(&sb, &["images", "-q"]);
    let run = sb.coracle(&["commit", "-c", "RUN=rm -rf /", "c", "bad"]);
    run.code(125);
    assert!(run.stderr.contains("RUN=rm -rf /"), "{}", run.stderr);
    assert_eq!(stdout(&sb, &["images", "-q"]), before);
}

/// Read a file of the test user's as root.
fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn export_then_import_round_trips_a_tree() {
    let (sb, img) = with_image("commit-export", "busybox");
    sb.coracle(&[
        "run",
        "--name",
        "c",
        &img,
        "sh",
        "-c",
        "mkdir -p /tree/sub && echo one > /tree/one && chmod 0640 /tree/one \
         && echo two > /tree/sub/two && ln -s sub/two /tree/link && chown 1000:1000 /tree/sub \
         && rm /etc/group && ln /tree/one /tree/one-again",
    ])
    .success();
    // Stdout on a terminal (a pty from `script`) is refused.
    let on_tty = sb.run_as_user(
        "script",
        &["-qec", &sb.shell_command(&["export", "c"]), "/dev/null"],
        &[],
        None,
    );
    on_tty.code(125);
    assert!(
        on_tty
            .stdout
            .contains("refusing to write a tar archive to a terminal"),
        "{on_tty}"
    );
    // Into a pipe it goes.
    let piped = sb.run_as_user(
        "sh",
        &[
            "-c",
            &format!(
                "{} | tar -t | grep -x tree/sub/two",
                sb.shell_command(&["export", "c"])
            ),
        ],
        &[],
        None,
    );
    assert_eq!(piped.success().stdout, "tree/sub/two\n");
    let tar_path = sb.work().join("c.tar");
    sb.coracle(&["export", "-o", &tar_path.to_string_lossy(), "c"])
        .success();
    let bytes = read(&tar_path);
    let names = tar_entries(&bytes);
    let entry = |p: &str| names.iter().find(|n| n.path == p).cloned();
    assert_eq!(entry("tree/one").map(|e| e.mode), Some(0o640));
    assert_eq!(entry("tree/sub").map(|e| e.uid), Some(1000));
    let again = entry("tree/one-again").expect("the hard link is exported");
    assert_eq!(
        (again.kind, again.link.as_deref()),
        (tar::EntryType::Link, Some("tree/one"))
    );
    assert!(
        entry("bin/busybox").is_some(),
        "the image's files are exported"
    );
    assert!(entry("etc/group").is_none(), "a deleted file is exported");
    assert!(
        !names.iter().any(|n| n.path.contains(".wh.")),
        "whiteouts leaked into the export"
    );

    sb.coracle(&[
        "import",
        "--change",
        "CMD=cat /tree/link",
        "--change",
        "ENV=GREETING=hi",
        &tar_path.to_string_lossy(),
        "imported:1",
    ])
    .success();
    assert_eq!(stdout(&sb, &["run", "--rm", "imported:1"]), "two\n");
    assert_eq!(
        stdout(
            &sb,
            &[
                "run",
                "--rm",
                "imported:1",
                "sh",
                "-c",
                "echo $GREETING; stat -c '%a %u' /tree/one /tree/sub; test -e /etc/group || echo no-group",
            ]
        ),
        "hi\n640 0\n755 1000\nno-group\n"
    );
    let inspect: serde_json::Value =
        serde_json::from_str(&stdout(&sb, &["image", "inspect", "localhost/imported:1"])).unwrap();
    assert!(inspect.to_string().contains("GREETING=hi"), "{inspect}");

    // The same archive through stdin, gzip-compressed.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &bytes).unwrap();
    let gz = gz.finish().unwrap();
    sb.coracle_with(&["import", "-", "fromstdin"], &[], Some(&gz))
        .success();
    assert_eq!(
        stdout(&sb, &["run", "--rm", "fromstdin", "cat", "/tree/one"]),
        "one\n"
    );

    // Not a tar, or a hand-made tar whose entry climbs out with `..`: exit 125,
    // nothing stored.
    let before = stdout(&sb, &["images", "-q"]);
    let empty = sb.coracle_with(&["import", "-", "empty"], &[], Some(b""));
    empty.code(125);
    assert!(empty.stderr.contains("empty"), "{empty}");
    let junk = sb.write("work/junk.tar", &"not a tar archive\n".repeat(100));
    sb.coracle(&["import", &junk.to_string_lossy(), "junk"])
        .code(125);
    let mut h = tar::Header::new_gnu();
    let name = b"../../escape";
    h.as_gnu_mut().unwrap().name[..name.len()].copy_from_slice(name);
    h.set_size(8);
    h.set_mode(0o644);
    h.set_cksum();
    let mut b = tar::Builder::new(Vec::new());
    b.append(&h, &b"escaped\n"[..]).unwrap();
    let climbing = sb.work().join("climbing.tar");
    std::fs::write(&climbing, b.into_inner().unwrap()).unwrap();
    crate::util::chown_to_user(&climbing);
    let run = sb.coracle(&["import", &climbing.to_string_lossy(), "climbing"]);
    run.code(125);
    assert!(run.stderr.contains("../../escape"), "{}", run.stderr);
    assert_eq!(stdout(&sb, &["images", "-q"]), before);
}

/// The store of the sandbox.
fn store_dir(sb: &Sandbox) -> PathBuf {
    sb.data().join("coracle")
}

/// Flip one byte in the middle of the largest blob; returns its hex digest.
fn damage_largest_blob(sb: &Sandbox) -> String {
    let blobs = store_dir(sb).join("blobs/sha256");
    let largest = std::fs::read_dir(&blobs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .max_by_key(|p| std::fs::metadata(p).unwrap().len())
        .expect("a blob");
    let mut bytes = read(&largest);
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    std::fs::write(&largest, bytes).unwrap();
    largest.file_name().unwrap().to_string_lossy().into_owned()
}

/// Append a line to `/etc/passwd` in the (only) layer directory that has one;
/// returns that layer's directory name.
fn damage_layer_file(sb: &Sandbox) -> String {
    let layers = store_dir(sb).join("layers");
    let layer = std::fs::read_dir(&layers)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.join("etc/passwd").is_file())
        .expect("an unpacked layer with /etc/passwd");
    let mut text = read(&layer.join("etc/passwd"));
    text.extend_from_slice(b"intruder:x:0:0::/:/bin/sh\n");
    std::fs::write(layer.join("etc/passwd"), text).unwrap();
    layer.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn system_check_names_damage_and_repair_lets_pull_restore_the_image() {
    let (sb, img) = with_image("commit-check", "busybox");
    sb.coracle(&["run", "--rm", &img, "true"]).success();
    sb.coracle(&["create", "--name", "user", &img, "true"])
        .success();
    sb.coracle(&["system", "check"]).success();

    let blob = damage_largest_blob(&sb);
    let layer = damage_layer_file(&sb);
    let run = sb.coracle(&["system", "check"]);
    run.code(125);
    let blob_line = run.stdout.lines().find(|l| l.contains(&blob));
    assert!(
        blob_line.is_some_and(|l| l.contains("does not match")),
        "{run}"
    );
    let layer_line = run.stdout.lines().find(|l| l.contains(&layer));
    assert!(
        layer_line.is_some_and(|l| l.contains("/etc/passwd")),
        "{run}"
    );
    // --quick does not hash blobs, but still compares the layer's file list.
    let quick = sb.coracle(&["system", "check", "--quick"]);
    quick.code(125);
    assert!(
        !quick.stdout.contains(&blob) && quick.stdout.contains(&layer),
        "{quick}"
    );

    // A container uses the damaged image: --repair alone leaves the image, --force not.
    let kept = sb.coracle(&["system", "check", "--repair"]);
    kept.code(125);
    assert!(kept.stdout.contains("used by container(s) user"), "{kept}");
    assert!(
        kept.stdout
            .contains(&format!("removed damaged layer {layer}")),
        "{kept}"
    );
    sb.coracle(&["system", "check", "--repair", "--force"])
        .success();
    assert!(sb.coracle(&["container", "exists", "user"]).code != 0);
    sb.coracle(&["system", "check"]).success();
    assert_eq!(stdout(&sb, &["images", "-q"]), "");

    sb.coracle(&["pull", "-q", "--tls-verify=false", &img])
        .success();
    sb.coracle(&["system", "check"]).success();
    let passwd = stdout(&sb, &["run", "--rm", &img, "cat", "/etc/passwd"]);
    assert!(
        passwd.starts_with("root:") && !passwd.contains("intruder"),
        "{passwd}"
    );
}

#[test]
fn history_images_json_filters_and_tree_describe_committed_images() {
    let (sb, img) = with_image("commit-meta", "busybox");
    let base_id = stdout(&sb, &["images", "-q", "--no-trunc"])
        .trim()
        .to_string();
    sb.coracle(&["run", "--name", "c", &img, "sh", "-c", "echo x > /x"])
        .success();
    let id = stdout(
        &sb,
        &[
            "commit",
            "-m",
            "added x",
            "-c",
            "LABEL=created_by=tester tier=web",
            "c",
            "meta:1",
        ],
    )
    .trim()
    .to_string();
    sb.coracle(&["tag", "meta:1", "meta:2"]).success();

    // history: newest first, the top step carries the id, the rest <missing>.
    let table = stdout(&sb, &["image", "history", "meta:1"]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(
        lines[0].starts_with("ID")
            && lines[0].contains("CREATED BY")
            && lines[0].contains("COMMENT"),
        "{table}"
    );
    assert!(
        lines[1].starts_with(&id[..12]) && lines[1].contains("added x"),
        "{table}"
    );
    assert!(
        lines.len() >= 3 && lines[2].starts_with("<missing>"),
        "{table}"
    );
    assert_eq!(
        stdout(
            &sb,
            &[
                "history",
                "--format",
                "{{.CreatedBy}}|{{.Comment}}",
                "meta:1"
            ]
        )
        .lines()
        .next(),
        Some("sh -c echo x > /x|added x")
    );
    assert_eq!(
        stdout(&sb, &["image", "history", "-q", "--no-trunc", "meta:1"])
            .lines()
            .next(),
        Some(format!("sha256:{id}").as_str())
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(
        &sb,
        &["image", "history", "--format", "json", "meta:1"],
    ))
    .unwrap();
    assert_eq!(json[0]["comment"], "added x", "{json}");
    assert!(json[0]["size"].as_u64().unwrap() > 0, "{json}");

    // images --format json: one entry per name, with Repository, Tag and Labels.
    let all: serde_json::Value =
        serde_json::from_str(&stdout(&sb, &["images", "--format", "json"])).unwrap();
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 3, "{all:#?}");
    let mut tags: Vec<&str> = all
        .iter()
        .filter(|e| e["Repository"] == "localhost/meta")
        .map(|e| e["Tag"].as_str().unwrap())
        .collect();
    tags.sort();
    assert_eq!(tags, ["1", "2"]);
    assert!(all
        .iter()
        .filter(|e| e["Id"] == id.as_str())
        .all(|e| e["Labels"]["tier"] == "web"));
    let templated = stdout(
        &sb,
        &[
            "images",
            "--filter",
            "reference=meta",
            "--format",
            "{{.Repository}}:{{.Tag}} {{.Labels.created_by}} {{.Digest}} {{.CreatedSince}}",
        ],
    );
    let mut lines: Vec<&str> = templated.lines().collect();
    lines.sort();
    assert_eq!(lines.len(), 2, "{templated}");
    assert!(
        lines[0].starts_with("localhost/meta:1 tester sha256:"),
        "{templated}"
    );
    assert!(lines[0].ends_with("ago"), "{templated}");

    // Filters.
    let ids = |filters: &[&str]| -> Vec<String> {
        let mut args = vec!["images", "-q", "--no-trunc"];
        for f in filters {
            args.extend(["--filter", f]);
        }
        stdout(&sb, &args)
            .lines()
            .map(|l| l.trim_start_matches("sha256:").to_string())
            .collect()
    };
    assert_eq!(ids(&["label=tier=web"]), std::slice::from_ref(&id));
    assert_eq!(ids(&["label=tier"]), std::slice::from_ref(&id));
    assert!(ids(&["label=tier=db"]).is_empty());
    assert_eq!(ids(&["reference=busy*"]), std::slice::from_ref(&base_id));
    assert!(ids(&["dangling=true"]).is_empty());
    assert_eq!(ids(&["since=busybox"]), std::slice::from_ref(&id));
    assert_eq!(ids(&["before=meta:1"]), std::slice::from_ref(&base_id));
    sb.coracle(&["images", "--filter", "colour=red"]).code(125);
    sb.coracle(&["images", "--filter", "before=nosuch"])
        .code(125);

    // tree: the busybox layer ends the base image, the new one both meta names.
    let tree = stdout(&sb, &["image", "tree", "meta:2"]);
    let layers: Vec<&str> = tree
        .lines()
        .filter(|l| l.contains("ID: ") && l.contains("Size:"))
        .collect();
    assert_eq!(layers.len(), 2, "{tree}");
    assert!(
        layers[0].starts_with("├──") && layers[0].contains("busybox:latest"),
        "{tree}"
    );
    assert!(
        layers[1].starts_with("└──") && layers[1].contains("localhost/meta:1, localhost/meta:2"),
        "{tree}"
    );
    assert!(
        tree.starts_with(&format!("Image ID: {}", &id[..12])),
        "{tree}"
    );
}

#[test]
fn system_df_counts_images_containers_and_reclaimable_space() {
    let (sb, img) = with_image("commit-df", "busybox");
    let summary = |sb: &Sandbox| -> Vec<serde_json::Value> {
        serde_json::from_str(&stdout(sb, &["system", "df", "--format", "json"])).unwrap()
    };
    let before = summary(&sb);
    assert_eq!(before[0]["Type"], "Images");
    assert_eq!(
        (before[0]["Total"].as_u64(), before[0]["Active"].as_u64()),
        (Some(1), Some(0))
    );
    let image_size = before[0]["RawSize"].as_u64().unwrap();
    assert!(image_size > 100_000, "{before:?}");
    assert_eq!(
        before[0]["RawReclaimable"].as_u64(),
        Some(image_size),
        "unused: all reclaimable"
    );
    assert_eq!(before[1]["Total"].as_u64(), Some(0));

    sb.coracle(&[
        "run",
        "--name",
        "writer",
        &img,
        "sh",
        "-c",
        "head -c 300000 /dev/zero > /blob",
    ])
    .success();
    let after = summary(&sb);
    assert_eq!(after[0]["Active"].as_u64(), Some(1));
    assert_eq!(after[0]["RawReclaimable"].as_u64(), Some(0), "{after:?}");
    let (total, size) = (
        after[1]["Total"].as_u64(),
        after[1]["RawSize"].as_u64().unwrap(),
    );
    assert_eq!(total, Some(1));
    assert!((300_000..400_000).contains(&size), "container size {size}");
    assert_eq!(
        after[1]["RawReclaimable"].as_u64(),
        Some(size),
        "a stopped container"
    );
    assert_eq!(after[2]["Type"], "Local Volumes");

    let table = stdout(&sb, &["system", "df"]);
    assert!(
        table.starts_with("TYPE") && table.contains("RECLAIMABLE"),
        "{table}"
    );
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("Containers") && l.contains("(100%)")),
        "{table}"
    );
    assert_eq!(
        stdout(&sb, &["system", "df", "--format", "{{.Type}}={{.Total}}"]),
        "Images=1\nContainers=1\nLocal Volumes=0\n"
    );
    let verbose = stdout(&sb, &["system", "df", "-v"]);
    assert!(
        verbose.contains("Images space usage:") && verbose.contains("writer"),
        "{verbose}"
    );

    // Volumes: one used by a container (active, not reclaimable), one unused.
    sb.coracle(&["volume", "create", "spare"]).success();
    sb.coracle(&[
        "run",
        "--name",
        "user",
        "-v",
        "used:/data",
        &img,
        "sh",
        "-c",
        "head -c 200000 /dev/zero > /data/f",
    ])
    .success();
    let with_volumes = summary(&sb);
    let volumes = &with_volumes[2];
    assert_eq!(
        (volumes["Total"].as_u64(), volumes["Active"].as_u64()),
        (Some(2), Some(1)),
        "{volumes:?}"
    );
    let volume_size = volumes["RawSize"].as_u64().unwrap_or(0);
    assert!((200_000..300_000).contains(&volume_size), "{volumes:?}");
    assert!(
        volumes["RawReclaimable"].as_u64().unwrap_or(u64::MAX) < 100_000,
        "{volumes:?}"
    );
    let verbose = stdout(&sb, &["system", "df", "-v"]);
    assert!(
        verbose
            .lines()
            .any(|l| l.starts_with("used ") && l.split_whitespace().nth(1) == Some("1")),
        "{verbose}"
    );
}

/// A container is hostile too: symlinks it leaves in its upper directory (to a host
/// directory through `..`, to `/proc/self/root`) are written into the layer, the
/// export and the diff as links; nothing behind them is read.
#[test]
fn symlinks_a_container_leaves_are_recorded_never_followed() {
    let (sb, img) = with_image("commit-hostile-links", "busybox");
    // A host directory the container must not be able to pull into an image.
    let secret = sb.work().join("secret");
    std::fs::create_dir_all(&secret).unwrap();
    std::fs::write(secret.join("host-only"), "host secret\n").unwrap();
    crate::util::chown_to_user(&secret);
    let up = format!("../../../../../../../../..{}", secret.display());
    sb.coracle(&[
        "run",
        "--name",
        "links",
        &img,
        "sh",
        "-c",
        &format!(
            "ln -s '{up}' /up && ln -s /proc/self/root /selfroot && mkdir /d && ln -s {} /d/abs",
            secret.display()
        ),
    ])
    .success();

    let lines = diff_lines(&sb, "links");
    assert_lines(&lines, &["A /up", "A /selfroot", "A /d/abs"], &[]);
    assert!(!lines.iter().any(|l| l.contains("host-only")), "{lines:#?}");

    let tar_path = sb.work().join("links.tar");
    sb.coracle(&["export", "-o", &tar_path.to_string_lossy(), "links"])
        .success();
    sb.coracle(&["commit", "links", "linked"]).success();
    let bytes = read(&tar_path);
    let exported = tar_entries(&bytes);
    let layer = layer_entries(&sb);
    for (name, target) in [
        ("up", up.as_str()),
        ("d/abs", &secret.to_string_lossy()),
        ("selfroot", "/proc/self/root"),
    ] {
        let e = exported
            .iter()
            .find(|e| e.path == name)
            .unwrap_or_else(|| panic!("{name} not exported"));
        assert_eq!(
            (e.kind, e.link.as_deref()),
            (tar::EntryType::Symlink, Some(target)),
            "{name}"
        );
        let l = layer
            .iter()
            .find(|e| e.path == name)
            .unwrap_or_else(|| panic!("{name} not in the layer"));
        assert_eq!(l.kind, tar::EntryType::Symlink, "{name}");
    }
    for names in [
        exported.iter().map(|e| &e.path).collect::<Vec<_>>(),
        layer.iter().map(|e| &e.path).collect(),
    ] {
        assert!(
            !names.iter().any(|n| n.contains("host-only")
                || n.starts_with("selfroot/")
                || n.starts_with("up/")),
            "something behind a symlink was read: {names:#?}"
        );
    }
    // In a container of the new image the links lead nowhere on the host.
    assert_eq!(
        stdout(
            &sb,
            &[
                "run",
                "--rm",
                "linked",
                "sh",
                "-c",
                "readlink /up; ls /d/abs/ 2>&1 | grep -c host-only; true"
            ]
        ),
        format!("{up}\n0\n")
    );
}

#[test]
fn commit_of_a_running_container_with_pause_keeps_it_running() {
    let (sb, img) = with_image("commit-running", "busybox");
    sb.coracle(&[
        "run",
        "-d",
        "--name",
        "bg",
        &img,
        "sh",
        "-c",
        "echo live > /live && sleep 60",
    ])
    .success();
    // Wait for the file to be written.
    let mut written = false;
    for _ in 0..50 {
        if sb.coracle(&["diff", "bg"]).stdout.contains("A /live") {
            written = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(written, "the container never wrote /live");
    sb.coracle(&["commit", "--pause", "bg", "snapshot"])
        .success();
    let state = stdout(&sb, &["inspect", "--format", "{{.State.Status}}", "bg"]);
    assert_eq!(state.trim(), "running");
    assert_eq!(
        stdout(&sb, &["run", "--rm", "snapshot", "cat", "/live"]),
        "live\n"
    );
    sb.coracle(&["rm", "-f", "bg"]).success();
}

#[test]
fn import_from_a_url_downloads_the_archive() {
    let tb = coracle_tests::testbed();
    let sb = Sandbox::new("commit-import-url");
    let info = coracle_tests::skopeo_inspect(&format!("docker://{}/busybox:latest", tb.registry));
    let layer = info["Layers"][0]
        .as_str()
        .expect("a layer digest")
        .to_string();
    // The registry serves the gzip layer of busybox: a tar.gz like any other.
    let url = format!("http://{}/v2/busybox/blobs/{layer}", tb.registry);
    sb.coracle(&[
        "import",
        "-c",
        "CMD=test -x /bin/busybox && echo imported",
        &url,
        "fromurl",
    ])
    .success();
    assert_eq!(stdout(&sb, &["run", "--rm", "fromurl"]), "imported\n");
    let missing = format!(
        "http://{}/v2/busybox/blobs/sha256:{}",
        tb.registry,
        "0".repeat(64)
    );
    let run = sb.coracle(&["import", &missing, "nothing"]);
    run.code(125);
    assert!(run.stderr.contains("404"), "{}", run.stderr);
    assert_eq!(stdout(&sb, &["images", "-q"]).lines().count(), 1);

    // A hostile server announcing an archive past the bound is refused before any
    // byte is written.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let port = listener.local_addr().expect("its address").port();
    let server = std::thread::spawn(move || {
        use std::io::{Read, Write};
        if let Ok((mut conn, _)) = listener.accept() {
            let mut request = [0u8; 4096];
            let _ = conn.read(&mut request);
            let _ =
                conn.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 40000000000\r\n\r\nnot really");
        }
    });
    let huge = sb.coracle(&["import", &format!("http://127.0.0.1:{port}/x.tar"), "huge"]);
    huge.code(125);
    assert!(
        huge.stderr.contains("larger than 32 GiB"),
        "{}",
        huge.stderr
    );
    let _ = server.join();
    assert_eq!(stdout(&sb, &["images", "-q"]).lines().count(), 1);
}

/// As real root (no user namespace): the same commands, with overlay's trusted xattrs.
#[test]
fn commit_diff_export_and_check_work_as_root() {
    use crate::util::{coracle_as_root, tempdir};
    let tb = coracle_tests::testbed();
    let dir = tempdir("commit-root");
    let root = |args: &[&str]| coracle_as_root(&dir, args);
    let img = format!("{}/busybox:latest", tb.registry);
    root(&["pull", "-q", "--tls-verify=false", &img]).success();
    root(&[
        "run",
        "--name",
        "c",
        &img,
        "sh",
        "-c",
        "echo r > /r && rm /etc/group && rm -rf /home && mkdir /home && echo n > /home/new",
    ])
    .success();
    let diff = root(&["diff", "c"]).success().stdout.clone();
    for line in [
        "A /r",
        "D /etc/group",
        "C /home",
        "D /home/app",
        "A /home/new",
    ] {
        assert!(diff.lines().any(|l| l == line), "{line} missing: {diff}");
    }
    root(&["commit", "c", "rootimg"]).success();
    let shown = root(&[
        "run",
        "--rm",
        "rootimg",
        "sh",
        "-c",
        "cat /r; ls /home; test -e /etc/group || echo no-group",
    ]);
    assert_eq!(shown.success().stdout, "r\nnew\nno-group\n");
    let tar_path = dir.join("c.tar");
    root(&["export", "-o", &tar_path.to_string_lossy(), "c"]).success();
    let bytes = read(&tar_path);
    let names: Vec<String> = tar_entries(&bytes).into_iter().map(|e| e.path).collect();
    assert!(names.contains(&"r".to_string()) && names.contains(&"home/new".to_string()));
    assert!(
        !names.iter().any(|n| n == "etc/group" || n == "home/app"),
        "{names:?}"
    );
    root(&["system", "check"]).success();
    let _ = std::fs::remove_dir_all(&dir);
}
