//! A container's files written at each start (/etc/hostname, /etc/hosts, with a
//! network /etc/resolv.conf) live in the runtime directory, as Podman keeps them in
//! its runroot: a start after a reboot (the runtime directory emptied) writes them
//! again, and `rm` leaves no directory of the container there.

use std::path::PathBuf;

use coracle_tests::Sandbox;

use crate::lifecycle::{inspect, stdout};
use crate::monitor::assert_no_container_left;
use crate::run::with_image;

/// The files of a `--network none` container (which has no resolv.conf).
const FILES: [&str; 2] = ["hostname", "hosts"];

/// The directory of container `id`'s start-time files in the sandbox's runtime
/// directory.
fn files_dir(sb: &Sandbox, id: &str) -> PathBuf {
    sb.runtime().join("coracle/containers").join(id)
}

/// Everything in the sandbox's runtime directory goes, as at a reboot.
fn empty_runtime_dir(sb: &Sandbox) {
    for entry in std::fs::read_dir(sb.runtime()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            std::fs::remove_dir_all(&path).unwrap();
        } else {
            std::fs::remove_file(&path).unwrap();
        }
    }
}

#[test]
fn etc_files_live_in_the_runtime_dir_and_come_back_after_a_reboot() {
    let (sb, img) = with_image("runtime-files", "busybox");
    let shown = stdout(
        &sb,
        &[
            "run",
            "--name",
            "kept",
            "--hostname",
            "marker-host",
            "--network",
            "none",
            &img,
            "cat",
            "/etc/hostname",
        ],
    );
    assert_eq!(shown.trim(), "marker-host");
    let id = inspect(&sb, "kept", "{{.Id}}");
    let dir = files_dir(&sb, &id);
    let userdata = sb
        .data()
        .join("coracle/containers")
        .join(&id)
        .join("userdata");
    for file in FILES {
        assert!(dir.join(file).is_file(), "{file} not in {}", dir.display());
        assert!(
            !userdata.join(file).exists(),
            "{file} still written to the store's {}",
            userdata.display()
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.join("hostname")).unwrap(),
        "marker-host\n"
    );
    assert!(!dir.join("resolv.conf").exists(), "--network none");

    empty_runtime_dir(&sb);
    let again = stdout(&sb, &["start", "-a", "kept"]);
    assert_eq!(again.trim(), "marker-host", "start after the reboot");
    for file in FILES {
        assert!(dir.join(file).is_file(), "{file} not written again");
    }

    sb.coracle(&["rm", "kept"]).success();
    assert!(!dir.exists(), "rm left {}", dir.display());
    assert_no_container_left(&sb);
}

#[test]
fn a_rm_run_leaves_no_runtime_files() {
    let (sb, img) = with_image("runtime-files-rm", "busybox");
    let hosts = stdout(
        &sb,
        &[
            "run",
            "--rm",
            "--network",
            "none",
            &img,
            "cat",
            "/etc/hosts",
        ],
    );
    assert!(hosts.contains("localhost"), "{hosts}");
    assert_no_container_left(&sb);
}

/// As in Podman, a container without a network (`--network none`) has no
/// /etc/resolv.conf unless `--dns` names a server; one with a network has the host's.
#[test]
fn only_a_container_with_a_network_or_dns_servers_has_a_resolv_conf() {
    let (sb, img) = with_image("runtime-files-resolv", "busybox");
    let none = sb.coracle(&[
        "run",
        "--rm",
        "--network",
        "none",
        &img,
        "cat",
        "/etc/resolv.conf",
    ]);
    assert_eq!(none.code, 1, "{none}");
    assert!(none.stderr.contains("No such file"), "{none}");
    let dns = stdout(
        &sb,
        &[
            "run",
            "--rm",
            "--network",
            "none",
            "--dns",
            "192.0.2.9",
            &img,
            "cat",
            "/etc/resolv.conf",
        ],
    );
    assert!(dns.lines().any(|l| l == "nameserver 192.0.2.9"), "{dns}");
    let host = stdout(
        &sb,
        &[
            "run",
            "--rm",
            "--network",
            "host",
            &img,
            "cat",
            "/etc/resolv.conf",
        ],
    );
    assert!(host.contains("nameserver"), "{host}");
    assert_no_container_left(&sb);
}
