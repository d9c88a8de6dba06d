//! `save`, `load`, the archive transports of `pull`/`run`, and registries.conf mirrors,
//! as the unprivileged user, against the test bed's registries and skopeo.

use std::io::Write;
use std::path::{Path, PathBuf};

use coracle_tests::{skopeo, testbed, Sandbox};

use crate::run::with_image;
use crate::util::{blob_files, chown_to_user, store_dir};

/// "ID DIGEST" of an image.
fn id_and_digest(sb: &Sandbox, image: &str) -> String {
    let run = sb.coracle(&["image", "inspect", "--format", "{{.Id}} {{.Digest}}", image]);
    run.success();
    run.stdout.trim().to_string()
}

/// The listing `images` prints (names and IDs).
fn listing(sb: &Sandbox) -> String {
    let run = sb.coracle(&["images", "--no-trunc"]);
    run.success();
    run.stdout
}

/// `save -o work/NAME IMAGE`; returns the archive's path.
fn save(sb: &Sandbox, image: &str, name: &str, extra: &[&str]) -> PathBuf {
    let path = sb.work().join(name);
    let path_str = path.to_string_lossy().into_owned();
    let mut args = vec!["save", "-o", &path_str];
    args.extend_from_slice(extra);
    args.push(image);
    sb.coracle(&args).success();
    path
}

/// A copy of `file` owned by the test user, in the sandbox's work directory.
fn user_copy(sb: &Sandbox, bytes: &[u8], name: &str) -> PathBuf {
    let path = sb.work().join(name);
    std::fs::write(&path, bytes).unwrap();
    chown_to_user(&path);
    path
}

/// Where the data of the largest regular file of a tar starts, and its size.
fn largest_entry(archive: &Path) -> (u64, u64) {
    let mut tar = tar::Archive::new(std::fs::File::open(archive).unwrap());
    tar.entries()
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.header().entry_type().is_file())
        .map(|e| (e.raw_file_position(), e.size()))
        .max_by_key(|(_, size)| *size)
        .expect("the archive has files")
}

#[test]
fn save_rmi_load_restores_the_same_image_and_skopeo_reads_the_archive() {
    let (sb, img) = with_image("archive-roundtrip", "multilayer");
    let before = id_and_digest(&sb, &img);
    let a = save(&sb, &img, "a.tar", &[]);
    sb.coracle(&["rmi", &img]).success();
    let loaded = sb.coracle(&["load", "-i", &a.to_string_lossy()]);
    assert_eq!(loaded.success().stdout, format!("Loaded image: {img}\n"));
    assert_eq!(
        id_and_digest(&sb, &img),
        before,
        "same ID and digest after the round trip"
    );
    // The image works: its layers were unpacked.
    sb.coracle(&["run", "--rm", &img, "true"]).success();

    // skopeo reads our docker-archive and writes an oci-archive that we load.
    let b = sb.work().join("b.tar");
    skopeo(&[
        "copy",
        &format!("docker-archive:{}", a.display()),
        &format!("oci-archive:{}", b.display()),
    ])
    .success();
    chown_to_user(&b);
    sb.coracle(&["rmi", "-a"]).success();
    let from_oci = sb.coracle(&["load", "-i", &b.to_string_lossy()]);
    assert!(
        from_oci.success().stdout.starts_with("Loaded image: "),
        "{from_oci}"
    );
    let id = from_oci
        .stdout
        .trim()
        .trim_start_matches("Loaded image: sha256:");
    sb.coracle(&["run", "--rm", id, "true"]).success();
}

#[test]
fn compressed_archives_load_from_a_file_and_from_stdin() {
    let (sb, img) = with_image("archive-compressed", "busybox");
    let a = save(&sb, &img, "a.tar", &["--format", "oci-archive"]);
    let plain = std::fs::read(&a).unwrap();
    sb.coracle(&["rmi", &img]).success();

    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&plain).unwrap();
    let gz = user_copy(&sb, &gz.finish().unwrap(), "a.tar.gz");
    let loaded = sb.coracle(&["load", "-i", &gz.to_string_lossy()]);
    assert_eq!(loaded.success().stdout, format!("Loaded image: {img}\n"));
    sb.coracle(&["rmi", &img]).success();

    let zst = sb.work().join("a.tar.zst");
    coracle_tests::run_root(
        "zstd",
        &[
            "-q",
            "-f",
            &a.to_string_lossy(),
            "-o",
            &zst.to_string_lossy(),
        ],
    )
    .success();
    let zst_bytes = std::fs::read(&zst).unwrap();
    let loaded = sb.coracle_with(&["load"], &[], Some(&zst_bytes));
    assert_eq!(loaded.success().stdout, format!("Loaded image: {img}\n"));
    sb.coracle(&["run", "--rm", &img, "true"]).success();
}

#[test]
fn an_archive_skopeo_wrote_from_the_registry_loads() {
    let tb = testbed();
    let sb = Sandbox::new("archive-skopeo");
    let reference = format!("{}/multilayer:latest", tb.registry);
    let path = sb.work().join("from-registry.tar");
    skopeo(&[
        "copy",
        "--src-tls-verify=false",
        &format!("docker://{reference}"),
        &format!("docker-archive:{}:{reference}", path.display()),
    ])
    .success();
    chown_to_user(&path);
    let loaded = sb.coracle(&["load", "-i", &path.to_string_lossy()]);
    assert_eq!(
        loaded.success().stdout,
        format!("Loaded image: {reference}\n")
    );
    let out = sb.coracle(&["run", "--rm", &reference, "cat", "/etc/coracle-layers"]);
    assert!(out.success().stdout.contains('3'), "{out}");
}

#[test]
fn a_tampered_or_truncated_archive_fails_and_changes_nothing() {
    let (sb, img) = with_image("archive-tampered", "multilayer");
    let a = save(&sb, &img, "a.tar", &[]);
    sb.coracle(&["rmi", &img]).success();
    let images_before = listing(&sb);
    let blobs_before = blob_files(&store_dir(&sb));

    let mut bytes = std::fs::read(&a).unwrap();
    let (start, size) = largest_entry(&a);
    let flip = (start + size / 2) as usize;
    bytes[flip] ^= 0x55;
    let tampered = user_copy(&sb, &bytes, "tampered.tar");
    let run = sb.coracle(&["load", "-i", &tampered.to_string_lossy()]);
    run.code(125);
    assert!(
        run.stderr.contains("digest"),
        "the error names the digest check: {run}"
    );
    assert_eq!(listing(&sb), images_before, "images unchanged");
    assert_eq!(
        blob_files(&store_dir(&sb)),
        blobs_before,
        "no blob left behind"
    );

    let original = std::fs::read(&a).unwrap();
    let truncated = user_copy(&sb, &original[..original.len() / 2], "truncated.tar");
    let run = sb.coracle(&["load", "-i", &truncated.to_string_lossy()]);
    run.code(125);
    assert_eq!(listing(&sb), images_before, "images unchanged");
    assert_eq!(
        blob_files(&store_dir(&sb)),
        blobs_before,
        "no blob left behind"
    );
}

#[test]
fn save_refuses_a_terminal_and_writes_to_a_pipe() {
    let (sb, img) = with_image("archive-terminal", "busybox");
    let on_tty = sb.run_as_user(
        "script",
        &["-qec", &sb.shell_command(&["save", &img]), "/dev/null"],
        &[],
        None,
    );
    on_tty.code(125);
    assert!(on_tty.stdout.contains("terminal"), "{on_tty}");

    let piped = sb.run_as_user(
        "sh",
        &[
            "-c",
            &format!("{} > piped.tar", sb.shell_command(&["save", &img])),
        ],
        &[],
        None,
    );
    piped.success();
    sb.coracle(&["rmi", &img]).success();
    sb.coracle(&["load", "-i", &sb.work().join("piped.tar").to_string_lossy()])
        .success();
    sb.coracle(&["image", "exists", &img]).success();
}

#[test]
fn pull_and_run_take_the_archive_transports() {
    let (sb, img) = with_image("archive-transports", "busybox");
    let id = id_and_digest(&sb, &img);
    let id = id.split(' ').next().unwrap().to_string();
    let docker = save(&sb, &img, "d.tar", &[]);
    let oci = save(&sb, &img, "o.tar", &["--format", "oci-archive"]);
    let oci_dir = save(&sb, &img, "layout", &["--format", "oci-dir"]);
    let dir = save(&sb, &img, "dir", &["--format", "docker-dir"]);
    let sources = [
        format!("docker-archive:{}", docker.display()),
        format!("oci-archive:{}", oci.display()),
        format!("oci:{}", oci_dir.display()),
        format!("dir:{}", dir.display()),
    ];
    for source in &sources {
        sb.coracle(&["rmi", "-a", "-f"]).success();
        let pulled = sb.coracle(&["pull", source]);
        assert_eq!(pulled.success().stdout.trim(), id, "pull {source}");
    }
    sb.coracle(&["rmi", "-a", "-f"]).success();
    let ran = sb.coracle(&["run", "--rm", &sources[0], "echo", "from-archive"]);
    assert_eq!(ran.success().stdout, "from-archive\n");
    sb.coracle(&["rmi", "-a", "-f"]).success();
    sb.coracle(&["create", "--name", "c1", &sources[1], "true"])
        .success();
}

/// registries.conf making `registry.example:5000` a mirrored registry.
fn mirror_conf(sb: &Sandbox, mirrors: &[String]) {
    let mut conf = String::from(
        "[[registry]]\nprefix = \"registry.example:5000\"\nlocation = \"registry.example:5000\"\n",
    );
    for m in mirrors {
        conf.push_str(&format!(
            "[[registry.mirror]]\nlocation = \"{m}\"\ninsecure = true\n"
        ));
    }
    sb.write("config/containers/registries.conf", &conf);
}

#[test]
fn pull_uses_the_mirrors_in_order_and_keeps_the_name_asked_for() {
    let tb = testbed();
    let sb = Sandbox::new("archive-mirrors");
    mirror_conf(&sb, std::slice::from_ref(&tb.registry));
    sb.coracle(&["pull", "-q", "registry.example:5000/busybox:latest"])
        .success();
    let names = sb.coracle(&["images", "--format", "{{.Repository}}:{{.Tag}}"]);
    assert_eq!(
        names.success().stdout,
        "registry.example:5000/busybox:latest\n"
    );

    // A dead first mirror (a closed loopback port) falls through to the second.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    mirror_conf(&sb, &[format!("127.0.0.1:{closed}"), tb.registry.clone()]);
    sb.coracle(&["rmi", "-a"]).success();
    let pulled = sb.coracle(&["pull", "-q", "registry.example:5000/multilayer:latest"]);
    pulled.success();
    assert!(
        pulled.stderr.contains(&format!("127.0.0.1:{closed}")),
        "the failing mirror is named in a warning, even with -q: {pulled}"
    );
    assert_eq!(pulled.stderr.lines().count(), 1, "one line: {pulled}");
    let names = sb.coracle(&["images", "--format", "{{.Repository}}:{{.Tag}}"]);
    assert_eq!(
        names.success().stdout,
        "registry.example:5000/multilayer:latest\n"
    );

    // Without a mirror the unreachable registry fails.
    mirror_conf(&sb, &[]);
    sb.coracle(&["pull", "-q", "registry.example:5000/other:latest"])
        .code(125);
}

#[test]
fn several_images_go_into_one_archive_with_m() {
    let (sb, busybox) = with_image("archive-multi", "busybox");
    let multilayer = format!("{}/multilayer:latest", testbed().registry);
    sb.coracle(&["pull", "-q", "--tls-verify=false", &multilayer])
        .success();
    let refused = sb.coracle(&["save", "-o", "x.tar", &busybox, &multilayer]);
    refused.code(125);
    assert!(refused.stderr.contains("-m"), "{refused}");
    let both = save(&sb, &multilayer, "both.tar", &["-m", &busybox]);
    sb.coracle(&["rmi", "-a"]).success();
    let loaded = sb.coracle(&["load", "-i", &both.to_string_lossy()]);
    assert_eq!(
        loaded.success().stdout,
        format!("Loaded image: {busybox}\nLoaded image: {multilayer}\n")
    );

    // A transport pull must be told which image of several: by position or by name.
    let source = format!("docker-archive:{}", both.display());
    sb.coracle(&["pull", &source]).code(125);
    let multilayer_id = id_and_digest(&sb, &multilayer);
    let by_position = sb.coracle(&["pull", &format!("{source}:@1")]);
    assert_eq!(
        Some(by_position.success().stdout.trim()),
        multilayer_id.split(' ').next()
    );
    let by_name = sb.coracle(&["pull", &format!("{source}:{busybox}")]);
    by_name.success();
}

/// A tar of `(name, contents)` files and `(name, target)` symbolic links.
fn hand_made_tar(files: &[(&str, &[u8])], links: &[(&str, &str)]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in files {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        b.append_data(&mut h, name, *data).unwrap();
    }
    for (name, target) in links {
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(tar::EntryType::Symlink);
        h.set_size(0);
        b.append_link(&mut h, name, target).unwrap();
    }
    b.into_inner().unwrap()
}

#[test]
fn hostile_archives_are_refused_with_125() {
    let sb = Sandbox::new("archive-hostile");
    let huge_index = vec![b' '; 5 << 20];
    // A PAX extended header announcing 1 GiB (the reader refuses it before buffering).
    let mut pax = tar::Header::new_ustar();
    pax.set_entry_type(tar::EntryType::XHeader);
    pax.set_size(1 << 30);
    pax.set_cksum();
    let mut huge_pax = pax.as_bytes().to_vec();
    huge_pax.extend_from_slice(&[0u8; 4096]);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "an index.json over 4 MiB",
            hand_made_tar(&[("index.json", &huge_index)], &[]),
            "over the limit",
        ),
        (
            "a link out of the archive",
            hand_made_tar(&[], &[("manifest.json", "../../../../etc/passwd")]),
            "out of the archive",
        ),
        (
            "a config named by a path climbing out",
            hand_made_tar(
                &[(
                    "manifest.json",
                    br#"[{"Config":"../../../../etc/passwd","RepoTags":["x/y:z"],"Layers":[]}]"#,
                )],
                &[],
            ),
            "missing",
        ),
        ("a 1 GiB PAX extended header", huge_pax, "over the limit"),
        (
            "neither layout",
            hand_made_tar(&[("hello.txt", b"hi")], &[]),
            "neither",
        ),
    ];
    for (what, bytes, expected) in cases {
        let path = user_copy(&sb, &bytes, "hostile.tar");
        let run = sb.coracle(&["load", "-i", &path.to_string_lossy()]);
        run.code(125);
        assert!(run.stderr.contains(expected), "{what}: {run}");
        assert_eq!(
            run.stderr.trim().lines().count(),
            1,
            "{what}: one line: {run}"
        );
    }
    assert_eq!(listing(&sb).lines().count(), 1, "only the header: no image");
}

#[test]
fn a_failed_save_leaves_the_file_that_was_there() {
    let (sb, img) = with_image("archive-failed-save", "busybox");
    let kept = user_copy(&sb, b"precious\n", "kept.tar");
    // A layer blob gone from the store makes the save fail half-way.
    let (_, largest) = blob_files(&store_dir(&sb))
        .into_iter()
        .max_by_key(|(_, p)| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .expect("the store holds blobs");
    std::fs::remove_file(&largest).unwrap();
    let run = sb.coracle(&["save", "-o", &kept.to_string_lossy(), &img]);
    run.code(125);
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "precious\n");
    let leftovers: Vec<_> = std::fs::read_dir(sb.work())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "kept.tar")
        .collect();
    assert!(
        leftovers.is_empty(),
        "left in the work directory: {leftovers:?}"
    );
}

#[test]
fn rmi_waits_for_a_save_in_progress() {
    use std::io::Read;
    let (sb, img) = with_image("archive-save-lock", "multilayer");
    // A save to a pipe nobody reads yet stops once the pipe is full, holding the store.
    let mut save = sb.command(&["save", &img]).spawn().unwrap();
    let mut out = save.stdout.take().unwrap();
    let mut first = [0u8; 512];
    out.read_exact(&mut first).unwrap();

    let mut rmi = sb.command(&["rmi", &img]).spawn().unwrap();
    std::thread::sleep(std::time::Duration::from_secs(1));
    assert!(
        rmi.try_wait().unwrap().is_none(),
        "rmi must wait until the save has read every blob"
    );

    let mut archive = first.to_vec();
    out.read_to_end(&mut archive).unwrap();
    assert!(save.wait().unwrap().success(), "save ends once read");
    assert!(rmi.wait().unwrap().success(), "rmi goes on after the save");
    let path = user_copy(&sb, &archive, "saved.tar");
    let loaded = sb.coracle(&["load", "-i", &path.to_string_lossy()]);
    assert_eq!(loaded.success().stdout, format!("Loaded image: {img}\n"));
    sb.coracle(&["run", "--rm", &img, "true"]).success();
}
