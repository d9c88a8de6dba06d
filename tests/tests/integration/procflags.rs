//! The process flags of `run`/`create`, as the unprivileged user: `--ulimit` (and
//! the default ulimits), `--umask`, `--tz`, `--timeout`, `--preserve-fds`,
//! `--env-host`, `--http-proxy`, `--add-host`, `--sysctl`, `--shm-size`,
//! `--replace`, `--rmi`, `-a`, `--detach-keys`, and `--mount type=volume`'s refusal of a bad name.
//! Each either works (read back inside the container) or fails with 125 and says why.

use std::time::{Duration, Instant};

use coracle_tests::{coracle_bin, Sandbox};

use crate::lifecycle::stdout;
use crate::run::{run, with_image};

/// The container's stdout of `run --rm EXTRA IMG CMD`, which must succeed.
fn output(sb: &Sandbox, img: &str, extra: &[&str], cmd: &[&str]) -> String {
    run(sb, img, extra, cmd).success().stdout.clone()
}

/// `run --rm EXTRA IMG true` must fail with 125 and a message containing `why`.
fn refused(sb: &Sandbox, img: &str, extra: &[&str], why: &str) {
    let r = run(sb, img, extra, &["true"]);
    r.code(125);
    assert!(r.stderr.contains(why), "expected {why:?} in\n{r}");
    assert_eq!(r.stderr.trim().lines().count(), 1, "not one line:\n{r}");
}

#[test]
fn ulimits_are_set_and_default_to_podmans() {
    let (sb, img) = with_image("procflags-ulimit", "busybox");
    let limits = output(
        &sb,
        &img,
        &["--ulimit", "nofile=100:200"],
        &["sh", "-c", "ulimit -n; ulimit -Hn"],
    );
    assert_eq!(limits, "100\n200\n");
    // Podman's default: 1048576, or the caller's hard limit when lower (rootless).
    let mine: u64 = sb
        .run_as_user("sh", &["-c", "ulimit -Hn"], &[], None)
        .success()
        .stdout
        .trim()
        .parse()
        .unwrap();
    let expected = mine.min(1_048_576);
    let default = output(&sb, &img, &[], &["sh", "-c", "ulimit -n; ulimit -Hn"]);
    assert_eq!(default, format!("{expected}\n{expected}\n"));
    let nproc = output(
        &sb,
        &img,
        &["--ulimit", "nproc=50"],
        &["sh", "-c", "ulimit -u"],
    );
    assert_eq!(nproc.trim(), "50");
    refused(&sb, &img, &["--ulimit", "nofile=x"], "--ulimit");
    refused(&sb, &img, &["--ulimit", "bogus=1"], "unknown type");
    let above = format!("nofile=1:{}", mine.saturating_add(1));
    refused(&sb, &img, &["--ulimit", &above], "CAP_SYS_RESOURCE");
}

#[test]
fn umask_defaults_to_0022_and_is_set() {
    let (sb, img) = with_image("procflags-umask", "busybox");
    assert_eq!(
        output(&sb, &img, &[], &["sh", "-c", "umask"]).trim(),
        "0022"
    );
    assert_eq!(
        output(&sb, &img, &["--umask", "0077"], &["sh", "-c", "umask"]).trim(),
        "0077"
    );
    refused(&sb, &img, &["--umask", "0999"], "--umask");
}

#[test]
fn tz_binds_the_zone_file() {
    let (sb, img) = with_image("procflags-tz", "busybox");
    assert_eq!(
        output(&sb, &img, &["--tz", "UTC"], &["date", "+%Z"]).trim(),
        "UTC"
    );
    assert!(
        std::path::Path::new("/usr/share/zoneinfo/Asia/Tokyo").is_file(),
        "the test needs the host's tzdata (Asia/Tokyo)"
    );
    assert_eq!(
        output(&sb, &img, &["--tz", "Asia/Tokyo"], &["date", "+%Z %z"]).trim(),
        "JST +0900"
    );
    refused(&sb, &img, &["--tz", "../../../etc/passwd"], "--tz");
    refused(&sb, &img, &["--tz", "No/Such_Zone"], "no zone file");
}

#[test]
fn timeout_kills_the_container_as_podman() {
    let (sb, img) = with_image("procflags-timeout", "busybox");
    let started = Instant::now();
    run(&sb, &img, &["--timeout", "1"], &["sleep", "100"]).code(255);
    let took = started.elapsed();
    assert!(took < Duration::from_secs(15), "took {took:?}");
    // Detached: the monitor kills it and records -1, as Podman's inspect shows.
    let id = stdout(&sb, &["run", "-d", "--timeout", "1", &img, "sleep", "100"]);
    let started = Instant::now();
    assert_eq!(stdout(&sb, &["wait", id.trim()]).trim(), "-1");
    assert!(started.elapsed() < Duration::from_secs(15));
    refused(&sb, &img, &["--timeout", "0"], "--timeout");
}

#[test]
fn preserve_fds_passes_fd_3_only_when_asked() {
    let (sb, img) = with_image("procflags-fds", "busybox");
    sb.write("work/fd3.txt", "through fd 3\n");
    let bin = coracle_bin().to_string_lossy().into_owned();
    let with_fd3 = |open: &str, extra: &str| {
        let script = format!(
            "{open}; exec \"$0\" run --rm {extra} {img} sh -c 'ls -l /proc/self/fd/3 >&2; cat <&3'"
        );
        sb.run_as_user("sh", &["-c", &script, &bin], &[], None)
    };
    let passed = with_fd3("exec 3<fd3.txt", "--preserve-fds 1");
    assert_eq!(passed.success().stdout, "through fd 3\n", "{passed}");
    // Without the flag nothing of the caller's above 2 reaches the container.
    let closed = with_fd3("exec 3<fd3.txt", "");
    closed.failure();
    assert!(!closed.stdout.contains("through"), "{closed}");
    // fd 3 not open in the caller: refused before anything runs.
    let missing = with_fd3("exec 3<&-", "--preserve-fds 1");
    missing.code(125);
    assert!(
        missing.stderr.contains("descriptor 3 is not open"),
        "{missing}"
    );
    refused(&sb, &img, &["-d", "--preserve-fds", "1"], "foreground");
}

#[test]
fn env_host_and_http_proxy_copy_the_callers_variables() {
    let (sb, img) = with_image("procflags-env", "busybox");
    let env = [
        ("FROM_HOST", "yes"),
        ("http_proxy", "http://proxy.example:3128"),
    ];
    let with_env = |extra: &[&str], cmd: &[&str]| {
        let mut args = vec!["run", "--rm"];
        args.extend_from_slice(extra);
        args.push(&img);
        args.extend_from_slice(cmd);
        sb.coracle_with(&args, &env, None)
    };
    let show = |var: &str| format!("echo \"${{{var}-unset}}\"");
    let host = with_env(&["--env-host"], &["sh", "-c", &show("FROM_HOST")]);
    assert_eq!(host.success().stdout, "yes\n");
    let without = with_env(&[], &["sh", "-c", &show("FROM_HOST")]);
    assert_eq!(without.success().stdout, "unset\n");
    let proxy = with_env(&[], &["sh", "-c", &show("http_proxy")]);
    assert_eq!(proxy.success().stdout, "http://proxy.example:3128\n");
    let off = with_env(&["--http-proxy=false"], &["sh", "-c", &show("http_proxy")]);
    assert_eq!(off.success().stdout, "unset\n");
    // An explicit -e wins over the copied proxy.
    let mine = with_env(
        &["-e", "http_proxy=mine"],
        &["sh", "-c", &show("http_proxy")],
    );
    assert_eq!(mine.success().stdout, "mine\n");
}

#[test]
fn add_host_writes_hosts_and_refuses_injection() {
    let (sb, img) = with_image("procflags-hosts", "busybox");
    let hosts = output(
        &sb,
        &img,
        &["--add-host", "db:10.1.2.3", "--add-host", "v6:[fd00::1]"],
        &["cat", "/etc/hosts"],
    );
    assert!(hosts.contains("10.1.2.3\tdb\n"), "{hosts}");
    assert!(hosts.contains("fd00::1\tv6\n"), "{hosts}");
    refused(
        &sb,
        &img,
        &["--add-host", "x:1.2.3.4\n5.6.7.8 evil"],
        "not an IP address",
    );
    refused(
        &sb,
        &img,
        &["--add-host", "x\n5.6.7.8 evil:1.2.3.4"],
        "not a valid host name",
    );
}

#[test]
fn sysctl_sets_namespaced_values_only() {
    let (sb, img) = with_image("procflags-sysctl", "busybox");
    let shmmax = output(
        &sb,
        &img,
        &["--sysctl", "kernel.shmmax=65536"],
        &["cat", "/proc/sys/kernel/shmmax"],
    );
    assert_eq!(shmmax.trim(), "65536");
    refused(&sb, &img, &["--sysctl", "vm.swappiness=1"], "namespaced");
    refused(
        &sb,
        &img,
        &["--network", "host", "--sysctl", "net.ipv4.ip_forward=1"],
        "network namespace",
    );
}

#[test]
fn shm_size_sizes_dev_shm() {
    let (sb, img) = with_image("procflags-shm", "busybox");
    let df = output(&sb, &img, &["--shm-size", "1m"], &["df", "-k", "/dev/shm"]);
    let line = df.lines().last().unwrap_or_default();
    assert_eq!(line.split_whitespace().nth(1), Some("1024"), "{df}");
    let default = output(&sb, &img, &[], &["df", "-k", "/dev/shm"]);
    let line = default.lines().last().unwrap_or_default();
    assert_eq!(line.split_whitespace().nth(1), Some("65536"), "{default}");
    refused(&sb, &img, &["--shm-size", "lots"], "--shm-size");
}

#[test]
fn replace_removes_the_holder_of_the_name() {
    let (sb, img) = with_image("procflags-replace", "busybox");
    let first = stdout(&sb, &["run", "-d", "--name", "web", &img, "sleep", "100"]);
    let taken = sb.coracle(&["create", "--name", "web", &img, "true"]);
    taken.code(125);
    let second = stdout(&sb, &["create", "--replace", "--name", "web", &img, "true"]);
    let ids = stdout(&sb, &["ps", "-a", "-q", "--no-trunc"]);
    assert_eq!(ids.trim(), second.trim(), "{ids}");
    assert_ne!(first.trim(), second.trim());
    let no_name = sb.coracle(&["create", "--replace", &img, "true"]);
    no_name.code(125);
    assert!(no_name.stderr.contains("--name"), "{no_name}");
}

#[test]
fn rmi_removes_the_image_after_the_container() {
    let (sb, img) = with_image("procflags-rmi", "busybox");
    assert_ne!(stdout(&sb, &["images", "-q"]).trim(), "");
    sb.coracle(&["run", "--rmi", &img, "true"]).success();
    assert_eq!(stdout(&sb, &["images", "-q"]).trim(), "");
    assert_eq!(stdout(&sb, &["ps", "-a", "-q"]).trim(), "");
    // Kept while another container uses it.
    sb.coracle(&["pull", "-q", "--tls-verify=false", &img])
        .success();
    stdout(&sb, &["create", "--name", "user", &img, "true"]);
    sb.coracle(&["run", "--rmi", &img, "true"]).success();
    assert_ne!(stdout(&sb, &["images", "-q"]).trim(), "");
    // Detached: the monitor's clean-up removes both once the container ends.
    stdout(&sb, &["rm", "user"]);
    stdout(&sb, &["run", "-d", "--rmi", &img, "true"]);
    let gone = crate::lifecycle::eventually(Duration::from_secs(20), || {
        stdout(&sb, &["images", "-q"]).trim().is_empty()
    });
    assert!(gone, "the image outlived its detached --rmi container");
    assert_eq!(stdout(&sb, &["ps", "-a", "-q"]).trim(), "");
}

#[test]
fn attach_limits_the_streams() {
    let (sb, img) = with_image("procflags-attach", "busybox");
    let r = run(
        &sb,
        &img,
        &["-a", "stdout"],
        &["sh", "-c", "echo out; echo err >&2"],
    );
    assert_eq!(r.success().stdout, "out\n");
    assert!(!r.stderr.contains("err"), "{r}");
    let r = run(
        &sb,
        &img,
        &["-a", "stderr"],
        &["sh", "-c", "echo out; echo err >&2"],
    );
    assert_eq!(r.success().stdout, "");
    assert!(r.stderr.contains("err"), "{r}");
    refused(&sb, &img, &["-a", "stdio"], "--attach");
    refused(
        &sb,
        &img,
        &["-d", "-a", "stdout"],
        "cannot be used together",
    );
}

#[test]
fn detach_keys_need_a_monitor() {
    let (sb, img) = with_image("procflags-detach-keys", "busybox");
    refused(
        &sb,
        &img,
        &["-i", "-t", "--detach-keys", "ctrl-p,ctrl-q"],
        "run it with -d",
    );
    refused(&sb, &img, &["--detach-keys", "ctrl-pp"], "--detach-keys");
    // Disabled keys, or keys for a detached container, are accepted.
    run(&sb, &img, &["--detach-keys", ""], &["true"]).success();
    let id = stdout(&sb, &["run", "-d", "--detach-keys", "ctrl-x", &img, "true"]);
    assert_eq!(stdout(&sb, &["wait", id.trim()]).trim(), "0");
}

#[test]
fn image_mounts_show_the_merged_layers_read_only() {
    let tb = coracle_tests::testbed();
    let (sb, img) = with_image("procflags-image-mount", "busybox");
    let layered = tb.fixture("multilayer");
    sb.coracle(&["pull", "-q", "--tls-verify=false", &layered])
        .success();
    // Several layers: merged as the image shows them (whiteouts and opaque dirs).
    let merged = output(
        &sb,
        &img,
        &["--mount", &format!("type=image,source={layered},destination=/m")],
        &[
            "sh",
            "-c",
            "cat /m/data/kept.txt; ls -A /m/opaque; test -e /m/data/deleted.txt || echo deleted-gone; \
             touch /m/new 2>/dev/null && echo writable || echo read-only",
        ],
    );
    assert_eq!(merged, "layer3\nnew.txt\ndeleted-gone\nread-only\n");
    // One layer: bound read-only.
    let single = output(
        &sb,
        &img,
        &["--mount", &format!("type=image,src={img},target=/b")],
        &[
            "sh",
            "-c",
            "test -x /b/bin/busybox && echo found; touch /b/x 2>/dev/null || echo read-only",
        ],
    );
    assert_eq!(single, "found\nread-only\n");
    refused(
        &sb,
        &img,
        &["--mount", "type=image,source=no/such:image,target=/x"],
        "pull it first",
    );
    refused(
        &sb,
        &img,
        &[
            "--mount",
            &format!("type=image,source={img},target=/x,rw=true"),
        ],
        "read-only",
    );
}

#[test]
fn image_mount_targets_stay_inside_a_hostile_root() {
    let tb = coracle_tests::testbed();
    let (sb, img) = with_image("procflags-image-hostile", "busybox");
    let hostile = tb.fixture("hostile-data");
    sb.coracle(&["pull", "-q", "--tls-verify=false", &hostile])
        .success();
    // /data is a link to the host's /tmp/coracle-hostile-data: the mount point
    // must be made inside the container's root, never there.
    let outside = std::path::Path::new("/tmp/coracle-hostile-data");
    let _ = std::fs::remove_dir_all(outside);
    let seen = output(
        &sb,
        &hostile,
        &[
            "--mount",
            &format!("type=image,source={img},target=/data/img"),
        ],
        &["sh", "-c", "test -x /data/img/bin/busybox && echo mounted"],
    );
    assert_eq!(seen, "mounted\n");
    assert!(
        !outside.exists(),
        "created on the host: {}",
        outside.display()
    );
}

#[test]
fn start_reuses_the_saved_process_settings() {
    let (sb, img) = with_image("procflags-saved", "busybox");
    stdout(
        &sb,
        &[
            "create",
            "--name",
            "saved",
            "--ulimit",
            "nofile=100:200",
            "--umask",
            "0077",
            "--add-host",
            "db:10.1.2.3",
            "--sysctl",
            "kernel.shmmax=65536",
            "--shm-size",
            "2m",
            "--tz",
            "Asia/Tokyo",
            &img,
            "sh",
            "-c",
            "ulimit -n; umask; grep -w 'db$' /etc/hosts; cat /proc/sys/kernel/shmmax; \
             df -k /dev/shm | tail -n 1 | awk '{print $2}'; date +%Z",
        ],
    );
    let inspect = |format: &str| crate::lifecycle::inspect(&sb, "saved", format);
    assert_eq!(inspect("{{.HostConfig.ShmSize}}"), "2097152");
    assert_eq!(inspect("{{.Config.Umask}}"), "0077");
    assert_eq!(inspect("{{.Config.Timezone}}"), "Asia/Tokyo");
    assert_eq!(
        inspect("{{json .HostConfig.ExtraHosts}}"),
        r#"["db:10.1.2.3"]"#
    );
    let expected = "100\n0077\n10.1.2.3\tdb\n65536\n2048\nJST\n";
    for round in 1..=2 {
        sb.coracle(&["start", "saved"]).success();
        assert_eq!(stdout(&sb, &["wait", "saved"]).trim(), "0");
        let logs = stdout(&sb, &["logs", "saved"]);
        assert_eq!(logs, expected.repeat(round), "start #{round}");
    }
}

#[test]
fn volume_mounts_with_a_bad_name_are_refused_by_name() {
    let (sb, img) = with_image("procflags-volume", "busybox");
    refused(
        &sb,
        &img,
        &["--mount", "type=volume,source=da/ta,target=/data"],
        "invalid volume name \"da/ta\"",
    );
}
