//! The rootless network backend is looked up through PATH (then the sbin
//! directories): run with a PATH of a directory that links every program of
//! /usr/bin except pasta, coracle falls back to slirp4netns, says so in `info`, and
//! a default-network container still reaches the host; without pasta and
//! slirp4netns, a container that needs the network is refused with one line naming
//! both packages.

use std::path::Path;

use coracle_tests::Sandbox;

use crate::network::{assert_no_helpers, helpers_of, host_server, server_on};
use crate::run::with_image;

/// pasta's programs (the Debian package passt installs pasta as a link to passt).
const PASTA: &[&str] = &["pasta", "passt", "pasta.avx2", "passt.avx2"];

/// A directory of links to every program of /usr/bin but `left_out`, in the
/// sandbox's home; its path, for PATH.
fn path_without(sb: &Sandbox, left_out: &[&str]) -> String {
    let dir = sb.home().join(format!("bin-without-{}", left_out.len()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut linked = 0;
    for entry in std::fs::read_dir("/usr/bin").unwrap().flatten() {
        let name = entry.file_name();
        if left_out.iter().any(|n| Path::new(n) == name.as_os_str()) {
            continue;
        }
        std::os::unix::fs::symlink(entry.path(), dir.join(&name)).unwrap();
        linked += 1;
    }
    assert!(linked > 100, "only {linked} programs in /usr/bin");
    for name in left_out {
        assert!(!dir.join(name).exists());
    }
    dir.display().to_string()
}

#[test]
fn without_pasta_slirp4netns_is_chosen_and_reaches_the_host() {
    let (sb, img) = with_image("net-slirp-fallback", "busybox");
    assert!(
        Path::new("/usr/bin/pasta").exists() && Path::new("/usr/bin/slirp4netns").exists(),
        "the test needs pasta and slirp4netns installed (packages passt, slirp4netns)"
    );
    let path = path_without(&sb, PASTA);
    let env = [("PATH", path.as_str())];
    let coracle = |args: &[&str]| sb.coracle_with(args, &env, None);

    let info = coracle(&["info", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&info.success().stdout).unwrap();
    assert_eq!(v["host"]["rootlessNetworkCmd"], "slirp4netns", "{info}");
    let exe = v["host"]["slirp4netns"]["executable"].as_str().unwrap();
    assert!(exe.ends_with("/slirp4netns"), "{exe}");
    assert_eq!(v["host"]["slirp4netns"]["package"], "slirp4netns");
    assert!(
        v["host"]["slirp4netns"]["version"]
            .as_str()
            .unwrap()
            .contains("slirp4netns"),
        "{info}"
    );
    assert_eq!(v["host"]["pasta"]["executable"], "");

    // The default network: the shared namespace gets its traffic from slirp4netns,
    // with Podman's defaults: the host's loopback closed, host.containers.internal
    // the host's own address, where its other services answer.
    let fetch = |port: u16| {
        let url = format!("http://host.containers.internal:{port}/");
        format!("timeout 5 wget -qO- {url} || echo refused")
    };
    let script = format!("{}; {}", fetch(host_server()), fetch(server_on("0.0.0.0")));
    let out = coracle(&["run", "--rm", &img, "sh", "-c", &script]);
    assert_eq!(out.success().stdout, "refused\nhello from host!\n", "{out}");
    coracle(&["run", "-d", "--name", "idle", &img, "sleep", "1000"]).success();
    let during = helpers_of(&sb);
    assert!(
        during.iter().any(|l| l.contains("slirp4netns")),
        "slirp4netns should run: {during:#?}"
    );
    assert!(
        !during
            .iter()
            .any(|l| l.contains("pasta") || l.contains("passt")),
        "pasta must not run: {during:#?}"
    );
    let ip = coracle(&["exec", "idle", "ip", "-4", "-o", "addr", "show", "eth0"]);
    assert!(ip.success().stdout.contains("inet 10.88."), "{ip}");
    coracle(&["rm", "-f", "-a", "-t", "0"]).success();
    assert_no_helpers(&sb);
}

#[test]
fn without_pasta_and_slirp4netns_the_network_is_refused_by_name() {
    let (sb, img) = with_image("net-no-backend", "busybox");
    let mut left_out = PASTA.to_vec();
    left_out.push("slirp4netns");
    let path = path_without(&sb, &left_out);
    let env = [("PATH", path.as_str())];
    let coracle = |args: &[&str]| sb.coracle_with(args, &env, None);

    let info = coracle(&["info", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&info.success().stdout).unwrap();
    assert_eq!(v["host"]["rootlessNetworkCmd"], "", "{info}");

    for args in [
        vec!["run", "--rm", img.as_str(), "true"],
        vec!["run", "-d", "--name", "c1", img.as_str(), "sleep", "100"],
    ] {
        let out = coracle(&args);
        out.code(125);
        let err = out.stderr.trim();
        assert_eq!(err.lines().count(), 1, "{out}");
        for package in ["passt", "slirp4netns"] {
            assert!(err.contains(package), "{package} not named: {out}");
        }
    }
    // Nothing is left running, and a container without a network still runs.
    assert_no_helpers(&sb);
    let out = coracle(&["run", "--rm", "--network", "none", &img, "echo", "ok"]);
    assert_eq!(out.success().stdout, "ok\n", "{out}");
    let _ = coracle(&["rm", "-f", "-a", "-t", "0"]);
}
