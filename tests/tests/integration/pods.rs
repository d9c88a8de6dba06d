//! Pods, as the unprivileged user: `pod create` makes an infra container running
//! coracle's own pause (no image pulled), `run --pod` puts containers into its
//! network, IPC and UTS namespaces (they reach each other on localhost and share the
//! pod's hostname), `pod ps`/`pod inspect` describe it, `pod rm -f` removes every
//! container and process of it, and bad input fails with 125 and one line.

use coracle_tests::Sandbox;
use serde_json::Value;

use crate::run::with_image;

/// Removes every pod and container of the sandbox when the test ends.
pub(crate) struct Cleanup<'a>(pub(crate) &'a Sandbox);

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        let _ = self.0.coracle(&["pod", "rm", "-f", "-a", "-t", "0"]);
        let _ = self.0.coracle(&["rm", "-f", "-a", "-t", "0"]);
    }
}

pub(crate) fn stdout_of(sb: &Sandbox, args: &[&str]) -> String {
    sb.coracle(args).success().stdout.trim().to_string()
}

/// `wget` of http://127.0.0.1:8080/PATH from a new container in `pod` (retried while
/// the server starts).
fn fetch_in_pod(sb: &Sandbox, img: &str, pod: &str, path: &str) -> String {
    let script = format!("for i in 1 2 3 4 5 6 7 8 9 10; do timeout 5 wget -qO- http://127.0.0.1:8080/{path} && exit 0; sleep 0.3; done; exit 1");
    stdout_of(sb, &["run", "--rm", "--pod", pod, img, "sh", "-c", &script])
}

/// The pids of a container's init and monitor, from `inspect`.
fn pids_of(sb: &Sandbox, ctr: &str) -> Vec<i32> {
    let text = stdout_of(
        sb,
        &[
            "inspect",
            "--format",
            "{{.State.Pid}} {{.State.ConmonPid}}",
            ctr,
        ],
    );
    text.split_whitespace()
        .map(|p| p.parse().expect("a pid"))
        .filter(|p| *p > 0)
        .collect()
}

/// Processes whose command line names `needle` (the monitors carry the container id).
fn processes_naming(needle: &str) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").expect("read /proc").flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if !name.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        // A zombie's command line is empty: only live processes are found.
        let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        let text = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        if text.contains(needle) {
            out.push(format!("{name}: {text}"));
        }
    }
    out
}

#[test]
fn containers_of_a_pod_share_localhost_hostname_and_ipc_and_pod_rm_removes_everything() {
    let (sb, img) = with_image("pod-share", "busybox");
    let _cleanup = Cleanup(&sb);
    let pod_id = stdout_of(
        &sb,
        &[
            "pod",
            "create",
            "--name",
            "web",
            "-p",
            "18081:8080",
            "--hostname",
            "webhost",
            "--label",
            "tier=front",
        ],
    );
    assert_eq!(pod_id.len(), 64, "{pod_id}");
    // No image was pulled for the infra container: it is made locally.
    let images = stdout_of(&sb, &["images", "--format", "{{.Repository}}"]);
    assert!(images.contains("localhost/coracle-infra"), "{images}");
    assert!(images.lines().all(|l| !l.contains("pause")), "{images}");

    let server = stdout_of(
        &sb,
        &[
            "run", "-d", "--pod", "web", "--name", "server", &img, "httpd", "-f", "-p", "8080",
            "-h", "/etc",
        ],
    );
    assert_eq!(server.len(), 64);
    // The server listens only inside the pod's network namespace; the second
    // container reaches it on localhost.
    let page = fetch_in_pod(&sb, &img, "web", "hostname");
    assert_eq!(page, "webhost", "the page served from the other container");
    // The pod's -p publishes the server on the host, through the infra container.
    let from_host = crate::network::http_get(18081, "/hostname");
    assert!(from_host.ends_with("webhost\n"), "{from_host}");
    // Outside the pod there is nothing on that port.
    let outside = sb.coracle(&[
        "run",
        "--rm",
        &img,
        "timeout",
        "5",
        "wget",
        "-qO-",
        "http://127.0.0.1:8080/hostname",
    ]);
    assert_ne!(outside.code, 0, "{outside}");

    // Hostname (UTS) and IPC namespaces are the pod's.
    let hostname = stdout_of(&sb, &["run", "--rm", "--pod", "web", &img, "hostname"]);
    assert_eq!(hostname, "webhost");
    let ipc_server = stdout_of(&sb, &["exec", "server", "readlink", "/proc/self/ns/ipc"]);
    let ipc_other = stdout_of(
        &sb,
        &[
            "run",
            "--rm",
            "--pod",
            "web",
            &img,
            "readlink",
            "/proc/self/ns/ipc",
        ],
    );
    assert_eq!(ipc_server, ipc_other);
    let ipc_alone = stdout_of(&sb, &["run", "--rm", &img, "readlink", "/proc/self/ns/ipc"]);
    assert_ne!(ipc_alone, ipc_server);

    // pod ps and pod inspect.
    let ps = stdout_of(
        &sb,
        &[
            "pod",
            "ps",
            "--ctr-names",
            "--ctr-status",
            "--format",
            "{{.Name}}|{{.Status}}|{{.ContainerNames}}|{{.ContainerStatuses}}",
        ],
    );
    let fields: Vec<&str> = ps.split('|').collect();
    assert_eq!(fields[0], "web", "{ps}");
    assert_eq!(fields[1], "Running", "{ps}");
    assert!(
        fields[2].contains("server") && fields[2].contains("-infra"),
        "{ps}"
    );
    assert_eq!(fields[3], "running,running", "{ps}");
    assert_eq!(
        stdout_of(&sb, &["pod", "ps", "-q", "--filter", "name=web"]),
        &pod_id[..12]
    );
    assert_eq!(
        stdout_of(&sb, &["pod", "ps", "-q", "--filter", "name=nope"]),
        ""
    );
    let inspect: Value = serde_json::from_str(&stdout_of(&sb, &["pod", "inspect", "web"])).unwrap();
    let pod = &inspect[0];
    assert_eq!(pod["Id"], pod_id.as_str());
    assert_eq!(pod["Name"], "web");
    assert_eq!(pod["State"], "Running");
    assert_eq!(pod["Hostname"], "webhost");
    assert_eq!(pod["Labels"]["tier"], "front");
    assert_eq!(pod["NumContainers"], 2);
    assert_eq!(
        pod["SharedNamespaces"],
        serde_json::json!(["net", "ipc", "uts"])
    );
    assert_eq!(
        pod["InfraConfig"]["PortBindings"]["8080/tcp"][0]["HostPort"],
        "18081"
    );
    let infra = pod["InfraContainerId"].as_str().unwrap().to_string();
    assert_eq!(infra.len(), 64);
    // ps --pod shows the pod column.
    let ps = stdout_of(
        &sb,
        &[
            "ps",
            "--pod",
            "--format",
            "{{.Names}} {{.PodName}} {{.Pod}}",
        ],
    );
    assert!(
        ps.lines()
            .any(|l| l == format!("server web {}", &pod_id[..12])),
        "{ps}"
    );

    // Every process of the pod: inits and monitors.
    let mut pids = pids_of(&sb, "server");
    pids.extend(pids_of(&sb, &infra));
    assert_eq!(pids.len(), 4, "{pids:?}");
    // Without -f a running pod is refused and left as it was.
    let refused = sb.coracle(&["pod", "rm", "web"]);
    refused.code(125);
    assert_eq!(refused.stderr.trim().lines().count(), 1, "{refused}");
    assert_eq!(sb.coracle(&["pod", "exists", "web"]).code, 0);

    assert_eq!(stdout_of(&sb, &["pod", "rm", "-f", "web"]), pod_id);
    assert_eq!(sb.coracle(&["pod", "exists", "web"]).code, 1);
    assert_eq!(
        stdout_of(&sb, &["ps", "-a", "-q"]),
        "",
        "containers left behind"
    );
    // A process that exited but is not reaped yet by the host's init (a zombie) is gone.
    for pid in pids {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        assert!(
            status.is_empty() || status.contains("State:\tZ"),
            "process {pid} of the pod is still there:\n{status}"
        );
    }
    for id in [&server, &infra] {
        let left = processes_naming(id);
        assert!(left.is_empty(), "processes of {id} left: {left:?}");
    }
}

#[test]
fn a_pod_made_by_run_new_starts_stops_and_prunes() {
    let (sb, img) = with_image("pod-new", "busybox");
    let _cleanup = Cleanup(&sb);
    stdout_of(
        &sb,
        &[
            "create",
            "--pod",
            "new:batch",
            "--name",
            "job",
            &img,
            "sleep",
            "1000",
        ],
    );
    let status = |sb: &Sandbox| {
        stdout_of(
            sb,
            &[
                "pod",
                "ps",
                "--format",
                "{{.Status}} {{.NumberOfContainers}}",
            ],
        )
    };
    assert_eq!(status(&sb), "Created 2");
    stdout_of(&sb, &["pod", "start", "batch"]);
    assert_eq!(status(&sb), "Running 2");
    // The container got the pod's default hostname (the pod's name).
    assert_eq!(stdout_of(&sb, &["exec", "job", "hostname"]), "batch");
    // A second container: pod logs, pod top, pod pause/unpause cover both.
    let talker = "echo hello-from-talker; exec sleep 999";
    stdout_of(
        &sb,
        &[
            "run", "-d", "--pod", "batch", "--name", "talker", &img, "sh", "-c", talker,
        ],
    );
    let mut logs = String::new();
    for _ in 0..20 {
        logs = stdout_of(&sb, &["pod", "logs", "batch"]);
        if logs.contains("hello-from-talker") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(logs.contains("hello-from-talker"), "{logs}");
    assert_eq!(
        stdout_of(&sb, &["pod", "logs", "--container", "job", "batch"]),
        ""
    );
    let top = stdout_of(&sb, &["pod", "top", "batch"]);
    assert!(
        top.contains("sleep 1000") && top.contains("sleep 999"),
        "{top}"
    );
    assert_eq!(
        top.lines().filter(|l| l.contains("PID")).count(),
        1,
        "{top}"
    );
    stdout_of(&sb, &["pod", "pause", "batch"]);
    assert_eq!(status(&sb), "Paused 3");
    stdout_of(&sb, &["pod", "unpause", "batch"]);
    assert_eq!(status(&sb), "Running 3");
    stdout_of(&sb, &["pod", "stop", "-t", "0", "batch"]);
    assert_eq!(status(&sb), "Exited 3");
    stdout_of(&sb, &["pod", "prune", "-f"]);
    assert_eq!(stdout_of(&sb, &["pod", "ps", "-q"]), "");
    assert_eq!(stdout_of(&sb, &["ps", "-a", "-q"]), "");
}

#[test]
fn bad_pod_input_fails_with_125_and_one_line() {
    let (sb, img) = with_image("pod-bad", "busybox");
    let _cleanup = Cleanup(&sb);
    stdout_of(&sb, &["pod", "create", "--name", "p1"]);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["pod", "create", "--name", "p1"], "in use"),
        (vec!["pod", "create", "--share", "net,pidx"], "--share"),
        (vec!["pod", "create", "-p", "80:notaport"], "-p"),
        (vec!["pod", "create", "--network", "bogus"], "--network"),
        (vec!["pod", "create", "--name", "bad name"], "--name"),
        (vec!["pod", "inspect", "nope"], "no pod"),
        (vec!["pod", "rm", "nope"], "no pod"),
        (vec!["run", "--rm", "--pod", "nope", &img, "true"], "no pod"),
        (
            vec![
                "run",
                "--rm",
                "--pod",
                "p1",
                "--network",
                "host",
                &img,
                "true",
            ],
            "--network",
        ),
        (
            vec![
                "run",
                "--rm",
                "--pod",
                "p1",
                "--hostname",
                "h",
                &img,
                "true",
            ],
            "--hostname",
        ),
    ];
    for (args, needle) in cases {
        let out = sb.coracle(&args);
        out.code(125);
        let err = out.stderr.trim();
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    // The infra container goes only with its pod.
    let infra = stdout_of(
        &sb,
        &["pod", "inspect", "--format", "{{.InfraContainerId}}", "p1"],
    );
    let out = sb.coracle(&["rm", "-f", &infra]);
    out.code(125);
    assert!(out.stderr.contains("pod rm p1"), "{out}");
    // The store is as it was: one pod, one (infra) container.
    assert_eq!(
        stdout_of(&sb, &["pod", "ps", "--format", "{{.Name}}"]),
        "p1"
    );
    assert_eq!(stdout_of(&sb, &["ps", "-a", "-q"]).lines().count(), 1);
    assert_eq!(sb.coracle(&["pod", "rm", "--ignore", "nope"]).code, 0);
}

#[test]
fn kube_generate_of_a_pod_plays_back_into_an_empty_store() {
    let (sb, img) = with_image("pod-kube", "busybox");
    let _cleanup = Cleanup(&sb);
    stdout_of(
        &sb,
        &[
            "pod",
            "create",
            "--name",
            "web",
            "-p",
            "18082:8080",
            "--hostname",
            "webhost",
        ],
    );
    stdout_of(
        &sb,
        &[
            "run",
            "-d",
            "--pod",
            "web",
            "--name",
            "server",
            "-e",
            "GREETING=hi",
            "-w",
            "/etc",
            &img,
            "httpd",
            "-f",
            "-p",
            "8080",
            "-h",
            "/etc",
        ],
    );
    let yaml_path = sb.work().join("web.yaml");
    let yaml_arg = yaml_path.to_str().unwrap();
    stdout_of(&sb, &["kube", "generate", "-s", "-f", yaml_arg, "web"]);
    let yaml = std::fs::read_to_string(&yaml_path).unwrap();
    for needle in [
        "apiVersion: v1",
        "kind: Pod",
        "name: web",
        "hostname: webhost",
        "containerPort: 8080",
        "hostPort: 18082",
        "name: GREETING",
        "workingDir: /etc",
        "- httpd",
        "kind: Service",
        "type: NodePort",
    ] {
        assert!(yaml.contains(needle), "{needle:?} missing from\n{yaml}");
    }
    assert!(
        !yaml.contains("-infra"),
        "the infra container is not written:\n{yaml}"
    );
    // Into an empty store: the pod is made again and serves the same page.
    stdout_of(&sb, &["pod", "rm", "-f", "web"]);
    let played = stdout_of(&sb, &["kube", "play", yaml_arg]);
    assert!(played.starts_with("Pod:"), "{played}");
    let inspect: Value = serde_json::from_str(&stdout_of(&sb, &["pod", "inspect", "web"])).unwrap();
    assert_eq!(inspect[0]["Hostname"], "webhost");
    assert_eq!(
        inspect[0]["InfraConfig"]["PortBindings"]["8080/tcp"][0]["HostPort"],
        "18082"
    );
    assert_eq!(
        stdout_of(
            &sb,
            &["exec", "web-server", "sh", "-c", "echo $GREETING; pwd"]
        ),
        "hi\n/etc"
    );
    assert_eq!(fetch_in_pod(&sb, &img, "web", "hostname"), "webhost");
    // YAML as `podman kube generate` (4.3) writes it plays too.
    let podman_yaml = PODMAN_YAML.replace("IMAGE", &img);
    let podman_file = sb.write("podman.yaml", &podman_yaml);
    stdout_of(&sb, &["kube", "play", podman_file.to_str().unwrap()]);
    assert_eq!(fetch_in_pod(&sb, &img, "web3", "hostname"), "web3");
    let restart = stdout_of(
        &sb,
        &[
            "inspect",
            "--format",
            "{{.HostConfig.RestartPolicy.Name}}",
            "web3-web3-srv",
        ],
    );
    assert_eq!(restart, "always");
    // Unsupported kinds and fields are named, exit 125, nothing made.
    let daemons = sb.write(
        "daemons.yaml",
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: d\n",
    );
    let out = sb.coracle(&["kube", "play", daemons.to_str().unwrap()]);
    out.code(125);
    assert!(out.stderr.contains("kind DaemonSet"), "{out}");
    let stdin = sb.write("stdin.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: v\nspec:\n  containers:\n  - name: a\n    image: x\n    stdin: true\n");
    let out = sb.coracle(&["kube", "play", stdin.to_str().unwrap()]);
    out.code(125);
    assert!(out.stderr.contains("spec.containers[0].stdin"), "{out}");
    assert_eq!(sb.coracle(&["pod", "exists", "v"]).code, 1);
}

/// What `podman kube generate` (podman 4.3.1) wrote for a pod `web3` running
/// `httpd -f -p 8080 -h /etc` (the image a placeholder).
const PODMAN_YAML: &str = r#"# Save the output of this file and use kubectl create -f to import
# it into Kubernetes.
#
# Created with podman-4.3.1
apiVersion: v1
kind: Pod
metadata:
  annotations:
    io.kubernetes.cri-o.ContainerType/web3-srv: container
    io.podman.annotations.autoremove/web3-srv: "FALSE"
    io.podman.annotations.init/web3-srv: "FALSE"
    io.podman.annotations.privileged/web3-srv: "FALSE"
    io.podman.annotations.publish-all/web3-srv: "FALSE"
  creationTimestamp: "2026-12-01T21:11:17Z"
  labels:
    app: web3
  name: web3
spec:
  automountServiceAccountToken: false
  containers:
  - command:
    - httpd
    - -f
    - -p
    - "8080"
    - -h
    - /etc
    image: IMAGE
    name: web3-srv
    ports:
    - containerPort: 8080
      hostPort: 18086
    resources: {}
    securityContext:
      capabilities:
        drop:
        - CAP_MKNOD
        - CAP_NET_RAW
        - CAP_AUDIT_WRITE
  enableServiceLinks: false
  hostname: web3
  restartPolicy: Always
status: {}
"#;
