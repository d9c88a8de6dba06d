//! `kube play` beyond a single Pod, as the unprivileged user: a Deployment's
//! replicas become pods `NAME-pod-N`, a ConfigMap becomes files (and env), a Secret
//! env and files, a PersistentVolumeClaim a named volume; `kube down` removes the
//! pods and keeps the claim's volume unless `--force`; `--start=false`,
//! `--replace` and `-q`; a hostile volume cannot redirect the ConfigMap's files.

use coracle_tests::Sandbox;

use crate::network::http_get;
use crate::pods::{stdout_of, Cleanup};
use crate::run::with_image;

/// A ConfigMap, a Secret, a claim and a Deployment of two replicas whose container
/// serves the ConfigMap's page and ends on SIGTERM.
const DEPLOYMENT_YAML: &str = r#"apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  page: |
    hello from the configmap
  greeting: hi there
---
apiVersion: v1
kind: Secret
metadata:
  name: web-secret
type: Opaque
data:
  token: czNjcjN0
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: web-data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      volumes:
      - name: config
        configMap:
          name: web-config
          items:
          - key: page
            path: site/index.html
      - name: data
        persistentVolumeClaim:
          claimName: web-data
      - name: secret
        secret:
          secretName: web-secret
      containers:
      - name: srv
        image: IMAGE
        command: [sh, -c]
        args: ['trap "exit 0" TERM; httpd -f -p 8080 -h /cfg/site & wait']
        env:
        - name: TOKEN
          valueFrom:
            secretKeyRef:
              name: web-secret
              key: token
        - name: GREETING
          valueFrom:
            configMapKeyRef:
              name: web-config
              key: greeting
        volumeMounts:
        - name: config
          mountPath: /cfg
        - name: data
          mountPath: /data
        - name: secret
          mountPath: /secret
"#;

fn names(sb: &Sandbox, args: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = stdout_of(sb, args).lines().map(str::to_string).collect();
    v.sort();
    v
}

#[test]
fn a_deployment_with_configmap_secret_and_claim_plays_and_goes_down() {
    let (sb, img) = with_image("kube-deploy", "busybox");
    let _cleanup = Cleanup(&sb);
    let yaml = sb.write("work/web.yaml", &DEPLOYMENT_YAML.replace("IMAGE", &img));
    let yaml = yaml.to_str().unwrap();
    let played = stdout_of(&sb, &["kube", "play", "-q", yaml]);
    assert!(played.starts_with("Pod:"), "{played}");
    assert!(played.contains("Volumes:\nweb-data"), "{played}");
    let pods = names(&sb, &["pod", "ps", "--format", "{{.Name}} {{.Status}}"]);
    assert_eq!(pods, ["web-pod-0 Running", "web-pod-1 Running"]);
    for ctr in ["web-pod-0-srv", "web-pod-1-srv"] {
        assert_eq!(
            stdout_of(&sb, &["exec", ctr, "cat", "/cfg/site/index.html"]),
            "hello from the configmap"
        );
        assert_eq!(
            stdout_of(
                &sb,
                &[
                    "exec",
                    ctr,
                    "sh",
                    "-c",
                    "echo $TOKEN/$GREETING; cat /secret/token"
                ]
            ),
            "s3cr3t/hi there\ns3cr3t"
        );
        // The page is served from the ConfigMap's file.
        let page = stdout_of(&sb, &["exec", ctr, "sh", "-c",
            "for i in 1 2 3 4 5 6 7 8 9 10; do timeout 5 wget -qO- http://127.0.0.1:8080/index.html && exit 0; sleep 0.3; done; exit 1"]);
        assert_eq!(page, "hello from the configmap");
    }
    // Without restartPolicy, Always (as Kubernetes and Podman).
    let restart = [
        "inspect",
        "--format",
        "{{.HostConfig.RestartPolicy.Name}}",
        "web-pod-1-srv",
    ];
    assert_eq!(stdout_of(&sb, &restart), "always");
    // ConfigMap files are read-only in the container, as in Kubernetes.
    sb.coracle(&[
        "exec",
        "web-pod-0-srv",
        "sh",
        "-c",
        "echo x > /cfg/site/index.html",
    ])
    .failure();
    // Both replicas mount the one claim's volume.
    stdout_of(
        &sb,
        &[
            "exec",
            "web-pod-0-srv",
            "sh",
            "-c",
            "echo kept > /data/file",
        ],
    );
    assert_eq!(
        stdout_of(&sb, &["exec", "web-pod-1-srv", "cat", "/data/file"]),
        "kept"
    );
    let vols = names(&sb, &["volume", "ls", "-q"]);
    assert_eq!(vols, ["web-config", "web-data", "web-secret"]);

    // Playing it again is refused while the pods exist; nothing changes.
    let again = sb.coracle(&["kube", "play", yaml]);
    again.code(125);
    assert!(
        again.stderr.contains("pod web-pod-0 already exists"),
        "{again}"
    );
    assert_eq!(
        stdout_of(&sb, &["ps", "-q"]).lines().count(),
        4,
        "2 pods: infra + srv each"
    );

    // Down: pods, containers and the ConfigMap's and Secret's volumes go; the claim stays.
    let down = stdout_of(&sb, &["kube", "down", yaml]);
    assert!(down.starts_with("Pods stopped:"), "{down}");
    assert!(down.contains("Pods removed:"), "{down}");
    assert_eq!(stdout_of(&sb, &["pod", "ps", "-q"]), "");
    assert_eq!(stdout_of(&sb, &["ps", "-a", "-q"]), "");
    assert_eq!(names(&sb, &["volume", "ls", "-q"]), ["web-data"]);

    // --start=false creates without starting; the claim's data is still there.
    stdout_of(&sb, &["kube", "play", "--start=false", yaml]);
    let states = names(
        &sb,
        &[
            "ps",
            "-a",
            "--filter",
            "name=srv",
            "--format",
            "{{.Names}} {{.Status}}",
        ],
    );
    assert_eq!(states.len(), 2, "{states:?}");
    assert!(states.iter().all(|s| s.contains("Created")), "{states:?}");
    // --replace makes the pods again, started.
    stdout_of(&sb, &["kube", "play", "--replace", yaml]);
    assert_eq!(
        stdout_of(&sb, &["exec", "web-pod-1-srv", "cat", "/data/file"]),
        "kept"
    );
    assert_eq!(stdout_of(&sb, &["pod", "ps", "-q"]).lines().count(), 2);

    // Down --force removes the claim's volume too (kube play --down is the same).
    let down = stdout_of(&sb, &["kube", "play", "--down", "--force", yaml]);
    assert!(down.contains("Volumes removed:\nweb-data"), "{down}");
    assert_eq!(stdout_of(&sb, &["volume", "ls", "-q"]), "");
    assert_eq!(stdout_of(&sb, &["ps", "-a", "-q"]), "");
}

#[test]
fn bad_kube_yaml_is_refused_by_name_and_makes_nothing() {
    let (sb, img) = with_image("kube-bad", "busybox");
    let _cleanup = Cleanup(&sb);
    let base = DEPLOYMENT_YAML.replace("IMAGE", &img);
    for (from, to, needle) in [
        (
            "path: site/index.html",
            "path: ../../escape",
            "relative path without ..",
        ),
        (
            "key: token",
            "key: nope",
            "Secret web-secret with key nope is not in the YAML",
        ),
        ("replicas: 2", "replicas: 1000", "spec.replicas 1000"),
        (
            "mountPath: /data",
            "mountPath: /data\n          subPath: x",
            "volumeMounts[1].subPath",
        ),
        ("kind: Secret", "kind: CronJob", "kind CronJob"),
    ] {
        assert!(base.contains(from), "{from}");
        let file = sb.write("work/bad.yaml", &base.replacen(from, to, 1));
        let out = sb.coracle(&["kube", "play", file.to_str().unwrap()]);
        out.code(125);
        assert!(out.stderr.contains(needle), "{needle}: {out}");
        assert_eq!(out.stderr.trim().lines().count(), 1, "{out}");
        assert_eq!(stdout_of(&sb, &["pod", "ps", "-q"]), "");
        assert_eq!(stdout_of(&sb, &["volume", "ls", "-q"]), "");
    }
    // A pod that fails half-way (its image cannot be pulled) takes back what the
    // call made: the first replica, the claim's and the ConfigMap's volumes.
    let missing = img.replace("busybox", "no-such-image");
    let file = sb.write(
        "work/half.yaml",
        &format!(
            "{base}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\nspec:\n  containers:\n  - name: x\n    image: {missing}\n"
        ),
    );
    let out = sb.coracle(&["kube", "play", file.to_str().unwrap()]);
    out.code(125);
    assert!(out.stderr.contains("kube play of pod broken"), "{out}");
    assert_eq!(stdout_of(&sb, &["pod", "ps", "-q"]), "");
    assert_eq!(stdout_of(&sb, &["ps", "-a", "-q"]), "");
    assert_eq!(stdout_of(&sb, &["volume", "ls", "-q"]), "");
}

#[test]
fn a_symlink_planted_in_a_configmap_volume_cannot_send_its_files_outside() {
    let (sb, img) = with_image("kube-hostile", "busybox");
    let _cleanup = Cleanup(&sb);
    let yaml = sb.write(
        "work/web.yaml",
        &DEPLOYMENT_YAML
            .replace("IMAGE", &img)
            .replace("replicas: 2", "replicas: 1"),
    );
    let yaml = yaml.to_str().unwrap();
    stdout_of(&sb, &["kube", "play", yaml]);
    stdout_of(&sb, &["kube", "down", yaml]);
    // The volume is gone after down; a container makes one of the same name with
    // links to the user's own files in place of the ConfigMap's paths.
    let outside = sb.work().join("outside");
    sb.write("work/outside/keep", "mine\n");
    let target = outside.to_str().unwrap();
    stdout_of(&sb, &["volume", "create", "web-config"]);
    let out = sb.coracle(&["kube", "play", yaml]);
    out.code(125);
    assert!(
        out.stderr
            .contains("volume web-config exists and was not made for ConfigMap"),
        "{out}"
    );
    // One that kube play made, then tampered with by a container.
    stdout_of(&sb, &["volume", "rm", "web-config"]);
    stdout_of(&sb, &["kube", "play", "--start=false", yaml]);
    stdout_of(
        &sb,
        &[
            "run",
            "--rm",
            "-v",
            "web-config:/v",
            &img,
            "sh",
            "-c",
            &format!(
                "rm -rf /v/site && ln -s {target} /v/site && ln -s {target}/keep /v/site-keep"
            ),
        ],
    );
    stdout_of(&sb, &["kube", "play", "--replace", yaml]);
    assert_eq!(
        std::fs::read_to_string(outside.join("keep")).unwrap(),
        "mine\n"
    );
    assert!(
        !outside.join("index.html").exists(),
        "the file went through the link"
    );
    assert_eq!(
        stdout_of(
            &sb,
            &["exec", "web-pod-0-srv", "cat", "/cfg/site/index.html"]
        ),
        "hello from the configmap"
    );
}

/// Podman 4.3 (Debian's package), a reference in this test only: run as the test
/// user with its storage in the sandbox (`--root` below `data/`), runc, cgroupfs
/// and a file event log. Its run root and temporary directory must be short paths
/// (Podman refuses a run root longer than 50 characters), so they are reached
/// through a symlink in /tmp that points into the sandbox's `run/`.
struct Podman<'a> {
    sb: &'a Sandbox,
    short: std::path::PathBuf,
}

impl<'a> Podman<'a> {
    fn new(sb: &'a Sandbox) -> Podman<'a> {
        let found = std::process::Command::new("podman")
            .arg("--version")
            .output();
        let version = match found {
            Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).to_string(),
            _ => panic!(
                "podman is missing: this test compares with Podman 4.3; install the Debian package podman (listed in .ci/run's PACKAGES)"
            ),
        };
        assert!(version.contains("podman version"), "{version}");
        let short = std::path::PathBuf::from(format!(
            "/tmp/coracle-{}",
            sb.dir.file_name().unwrap().to_string_lossy()
        ));
        let _ = std::fs::remove_file(&short);
        std::os::unix::fs::symlink(sb.runtime(), &short).unwrap();
        Podman { sb, short }
    }

    fn run(&self, args: &[&str]) -> coracle_tests::Run {
        let root = self.sb.data().join("podman-storage");
        let root = root.to_str().unwrap();
        let short = self.short.to_str().unwrap();
        let runroot = format!("{short}/podman");
        let tmpdir = format!("{short}/libpod");
        let mut all = vec![
            "--root",
            root,
            "--runroot",
            &runroot,
            "--tmpdir",
            &tmpdir,
            "--runtime",
            "runc",
            "--cgroup-manager=cgroupfs",
            "--events-backend=file",
        ];
        all.extend_from_slice(args);
        self.sb
            .run_as_user("podman", &all, &[("XDG_RUNTIME_DIR", short)], None)
    }
}

impl Drop for Podman<'_> {
    fn drop(&mut self) {
        let _ = self.run(&["pod", "rm", "-a", "-f", "-t", "0"]);
        // Podman's rootless pause process, which this test's podman started.
        let pid_file = self.sb.runtime().join("libpod/pause.pid");
        if let Some(pid) = std::fs::read_to_string(pid_file)
            .ok()
            .and_then(|p| p.trim().parse::<i32>().ok())
        {
            let _ = std::process::Command::new("kill")
                .arg(pid.to_string())
                .status();
        }
        let _ = std::fs::remove_file(&self.short);
    }
}

/// A web server on port 8080 serving /etc (so /hostname is the pod's hostname).
const HTTPD: [&str; 6] = ["httpd", "-f", "-p", "8080", "-h", "/etc"];

/// The body of GET /hostname on 127.0.0.1:`port`.
fn hostname_served(port: u16) -> String {
    let response = http_get(port, "/hostname");
    let (_, body) = response.split_once("\r\n\r\n").expect("an HTTP response");
    body.trim().to_string()
}

#[test]
fn kube_yaml_crosses_between_coracle_and_podman_4_3() {
    let (sb, img) = with_image("kube-podman", "busybox");
    let _cleanup = Cleanup(&sb);
    let podman = Podman::new(&sb);
    // coracle's YAML plays in Podman and serves the page.
    stdout_of(
        &sb,
        &["pod", "create", "--name", "cweb", "-p", "18093:8080"],
    );
    let run = [
        "run",
        "-d",
        "--pod",
        "cweb",
        "--name",
        "srv",
        "-e",
        "GREETING=hi",
        "-w",
        "/etc",
        "-v",
        "cdata:/data",
    ];
    stdout_of(&sb, &[&run[..], &[img.as_str()], &HTTPD].concat());
    let ours = sb.work().join("coracle.yaml");
    stdout_of(
        &sb,
        &["kube", "generate", "-f", ours.to_str().unwrap(), "cweb"],
    );
    let deployment = sb.work().join("coracle-deployment.yaml");
    let deployment = deployment.to_str().unwrap();
    stdout_of(
        &sb,
        &[
            "kube",
            "generate",
            "--type",
            "deployment",
            "-f",
            deployment,
            "cweb",
        ],
    );
    stdout_of(&sb, &["pod", "rm", "-f", "-t", "0", "cweb"]);
    let played = podman.run(&["kube", "play", "--tls-verify=false", ours.to_str().unwrap()]);
    played.success();
    assert!(played.stdout.contains("Pod:"), "{played}");
    assert_eq!(hostname_served(18093), "cweb");
    let env = podman.run(&["exec", "cweb-srv", "sh", "-c", "echo $GREETING; pwd"]);
    assert_eq!(env.success().stdout.trim(), "hi\n/etc");
    // The claim became Podman's named volume.
    podman
        .run(&["exec", "cweb-srv", "sh", "-c", "echo x > /data/y"])
        .success();
    let vols = podman.run(&["volume", "ls", "-q"]);
    assert_eq!(vols.success().stdout.trim(), "cdata");
    podman
        .run(&["kube", "play", "--down", ours.to_str().unwrap()])
        .success();
    // And the Deployment: Podman names its pod NAME-deployment-pod-0.
    podman
        .run(&["kube", "play", "--tls-verify=false", deployment])
        .success();
    assert_eq!(hostname_served(18093), "cweb-deployment-pod-0");
    podman
        .run(&["kube", "play", "--down", deployment])
        .success();

    // Podman's YAML of a pod Podman made plays in coracle and serves the page.
    podman
        .run(&["pod", "create", "--name", "pweb", "-p", "18094:8080"])
        .success();
    let run = [
        "run",
        "-d",
        "--pod",
        "pweb",
        "--name",
        "psrv",
        "--tls-verify=false",
        "-e",
        "GREETING=ho",
        "-v",
        "pdata:/data",
    ];
    podman
        .run(&[&run[..], &[img.as_str()], &HTTPD].concat())
        .success();
    let theirs = sb.work().join("podman.yaml");
    podman
        .run(&["kube", "generate", "-f", theirs.to_str().unwrap(), "pweb"])
        .success();
    podman
        .run(&["pod", "rm", "-f", "-t", "0", "pweb"])
        .success();
    let yaml = std::fs::read_to_string(&theirs).unwrap();
    assert!(yaml.contains("Created with podman-4."), "{yaml}");
    assert!(yaml.contains("claimName: pdata"), "{yaml}");
    stdout_of(&sb, &["kube", "play", theirs.to_str().unwrap()]);
    // Podman's claim is a named volume here too.
    stdout_of(&sb, &["exec", "pweb-psrv", "sh", "-c", "echo x > /data/y"]);
    assert_eq!(stdout_of(&sb, &["volume", "ls", "-q"]), "cdata\npdata");
    assert_eq!(hostname_served(18094), "pweb");
    assert_eq!(
        stdout_of(&sb, &["exec", "pweb-psrv", "sh", "-c", "echo $GREETING"]),
        "ho"
    );
    stdout_of(&sb, &["kube", "down", theirs.to_str().unwrap()]);
    assert_eq!(stdout_of(&sb, &["ps", "-a", "-q"]), "");
}

#[test]
fn kube_generate_writes_volumes_and_deployments_that_play_back() {
    let (sb, img) = with_image("kube-genvol", "busybox");
    let _cleanup = Cleanup(&sb);
    let site = sb.write("work/site/index.html", "from the host\n");
    let site_dir = site.parent().unwrap().to_str().unwrap().to_string();
    stdout_of(&sb, &["volume", "create", "data"]);
    stdout_of(&sb, &["pod", "create", "--name", "vweb"]);
    let bind = format!("{site_dir}:/site:ro");
    // Both run until SIGTERM; srv writes into the named volume first.
    let in_pod = ["run", "-d", "--pod", "vweb", "--restart", "always"];
    let srv = [
        "--name",
        "srv",
        "--annotation",
        "io.example/note=hello",
        "-v",
        "data:/data",
        "-v",
        &bind,
        &img,
    ];
    let script = "echo kept > /data/f; trap 'exit 0' TERM; sleep 1000 & wait";
    stdout_of(&sb, &[&in_pod[..], &srv, &["sh", "-c", script]].concat());
    let ids = ["--name", "ids", "--user", "1000:100", &img];
    let script = "trap 'exit 0' TERM; sleep 1000 & wait";
    stdout_of(&sb, &[&in_pod[..], &ids, &["sh", "-c", script]].concat());
    let pod_yaml = sb.work().join("vweb.yaml");
    let pod_arg = pod_yaml.to_str().unwrap();
    stdout_of(&sb, &["kube", "generate", "-f", pod_arg, "vweb"]);
    let yaml = std::fs::read_to_string(&pod_yaml).unwrap();
    for needle in [
        "claimName: data",
        "name: data-pvc",
        "mountPath: /data",
        "type: Directory",
        &format!("path: {site_dir}"),
        "readOnly: true",
        "restartPolicy: Always",
        "runAsUser: 1000",
        "runAsGroup: 100",
        "io.example/note/srv: hello",
    ] {
        assert!(yaml.contains(needle), "{needle:?} missing from\n{yaml}");
    }
    // An existing file is not replaced.
    let again = sb.coracle(&["kube", "generate", "-f", pod_arg, "vweb"]);
    again.code(125);
    assert!(again.stderr.contains("already exists"), "{again}");
    assert_eq!(std::fs::read_to_string(&pod_yaml).unwrap(), yaml);
    // A Deployment of the pod.
    let dep_yaml = sb.work().join("vweb-deployment.yaml");
    let dep_arg = dep_yaml.to_str().unwrap();
    stdout_of(
        &sb,
        &[
            "kube",
            "generate",
            "--type",
            "deployment",
            "--replicas",
            "2",
            "-f",
            dep_arg,
            "vweb",
        ],
    );
    let dep = std::fs::read_to_string(&dep_yaml).unwrap();
    for needle in [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "name: vweb-deployment",
        "replicas: 2",
        "claimName: data",
    ] {
        assert!(dep.contains(needle), "{needle:?} missing from\n{dep}");
    }
    let out = sb.coracle(&["kube", "generate", "--replicas", "2", "vweb"]);
    out.code(125);
    assert!(out.stderr.contains("--type deployment"), "{out}");

    // Both play back: the volume's data and the host's file are there.
    stdout_of(&sb, &["pod", "rm", "-f", "-t", "0", "vweb"]);
    stdout_of(&sb, &["kube", "play", pod_arg]);
    assert_eq!(
        stdout_of(
            &sb,
            &["exec", "vweb-srv", "cat", "/site/index.html", "/data/f"]
        ),
        "from the host\nkept"
    );
    let note = [
        "inspect",
        "--format",
        "{{index .Config.Annotations \"io.example/note\"}}",
    ];
    assert_eq!(
        stdout_of(&sb, &[&note[..], &["vweb-srv"]].concat()),
        "hello"
    );
    assert_eq!(
        stdout_of(&sb, &[&note[..], &["vweb-ids"]].concat()),
        "<no value>"
    );
    assert_eq!(
        stdout_of(&sb, &["exec", "vweb-ids", "sh", "-c", "id -u; id -g"]),
        "1000\n100"
    );
    stdout_of(&sb, &["kube", "down", pod_arg]);
    stdout_of(&sb, &["kube", "play", dep_arg]);
    let pods = stdout_of(&sb, &["pod", "ps", "--format", "{{.Name}}"]);
    let mut pods: Vec<&str> = pods.lines().collect();
    pods.sort();
    assert_eq!(pods, ["vweb-deployment-pod-0", "vweb-deployment-pod-1"]);
    assert_eq!(
        stdout_of(
            &sb,
            &[
                "exec",
                "vweb-deployment-pod-1-srv",
                "cat",
                "/site/index.html",
                "/data/f"
            ]
        ),
        "from the host\nkept"
    );
    stdout_of(&sb, &["kube", "down", dep_arg]);
    assert_eq!(stdout_of(&sb, &["ps", "-a", "-q"]), "");
    assert_eq!(stdout_of(&sb, &["volume", "ls", "-q"]), "data");
}
