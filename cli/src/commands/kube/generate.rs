//! `coracle kube generate`: a container or pod as a Kubernetes v1 Pod (and a Service
//! with `-s`), written as Podman writes it.

use anyhow::{bail, Context as _, Result};
use coracle_runtime::spec::{ContainerConfig, RestartPolicy};
use coracle_storage::pods::{PodRecord, Pods};
use coracle_storage::{ContainerRecord, Store};
use serde_json::{json, Map, Value};

use crate::args::{KubeGenerateArgs, KubeKind};
use crate::commands::containers::{all, config_of};
use crate::context::Context;
use crate::output;

/// Environment entries every container gets from coracle itself (not written out).
const IMPLIED_ENV: [&str; 5] = ["PATH", "HOSTNAME", "container", "TERM", "HOME"];

/// What one `kube generate` target is: a pod (its containers, the infra aside) or a
/// lone container.
struct Target {
    name: String,
    hostname: Option<String>,
    labels: Map<String, Value>,
    ports: Vec<String>,
    containers: Vec<ContainerRecord>,
}

fn target(store: &Store, everything: &[ContainerRecord], name: &str) -> Result<Target> {
    if let Ok(pod) = Pods::new(&store.root).find(name) {
        return Ok(pod_target(&pod, everything));
    }
    let c = crate::commands::containers::find(store, name).with_context(|| {
        format!("{name}: no container or pod of that name or ID; `coracle ps -a` and `coracle pod ps` list them")
    })?;
    let labels = config_of(&c)
        .labels
        .iter()
        .map(|(k, v)| (k.clone(), json!(v)))
        .collect();
    Ok(Target {
        name: format!("{}-pod", c.name),
        hostname: None,
        labels,
        ports: Vec::new(),
        containers: vec![c],
    })
}

fn pod_target(pod: &PodRecord, everything: &[ContainerRecord]) -> Target {
    Target {
        name: pod.name.clone(),
        hostname: pod.hostname.clone(),
        labels: pod
            .labels
            .iter()
            .map(|(k, v)| (k.clone(), json!(v)))
            .collect(),
        ports: pod.ports.clone(),
        containers: coracle_runtime::lifecycle::pods::members::workload(everything, pod),
    }
}

/// `-p` values as container ports: (hostPort, containerPort, protocol).
fn ports(specs: &[String]) -> Vec<Value> {
    specs
        .iter()
        .filter_map(|spec| {
            let (p, proto) = spec.split_once('/').unwrap_or((spec, "tcp"));
            let mut parts = p.rsplitn(3, ':');
            let container: u16 = parts.next()?.parse().ok()?;
            let host: Option<u16> = parts.next().and_then(|h| h.parse().ok());
            let mut port = json!({"containerPort": container});
            if let Some(h) = host {
                port["hostPort"] = json!(h);
            }
            if proto != "tcp" {
                port["protocol"] = json!(proto.to_ascii_uppercase());
            }
            Some(port)
        })
        .collect()
}

/// One container of the Pod's spec.
fn container_yaml(
    c: &ContainerRecord,
    config: &ContainerConfig,
    ports_of: &[Value],
    volumes: &mut Vec<Value>,
) -> Value {
    let mut out = json!({"image": c.image_name, "name": c.name});
    if let Some(ep) = &config.entrypoint {
        let list = coracle_runtime::lifecycle::launch::command_line(&[], &[], Some(ep), &[]);
        out["command"] = json!(list);
    }
    if !config.command.is_empty() {
        out["args"] = json!(config.command);
    }
    let env: Vec<Value> = config
        .env
        .iter()
        .filter_map(|e| e.split_once('='))
        .filter(|(k, _)| !IMPLIED_ENV.contains(k))
        .map(|(k, v)| json!({"name": k, "value": v}))
        .collect();
    if !env.is_empty() {
        out["env"] = json!(env);
    }
    if let Some(dir) = config.workdir.as_deref().filter(|d| *d != "/") {
        out["workingDir"] = json!(dir);
    }
    if !ports_of.is_empty() {
        out["ports"] = json!(ports_of);
    }
    let mounts = super::volumes_yaml::mounts(config, volumes);
    if !mounts.is_empty() {
        out["volumeMounts"] = json!(mounts);
    }
    let mut security = Map::new();
    if !config.cap_add.is_empty() || !config.cap_drop.is_empty() {
        let mut caps = Map::new();
        if !config.cap_add.is_empty() {
            caps.insert("add".into(), json!(config.cap_add));
        }
        if !config.cap_drop.is_empty() {
            caps.insert("drop".into(), json!(config.cap_drop));
        }
        security.insert("capabilities".into(), Value::Object(caps));
    }
    if config.privileged {
        security.insert("privileged".into(), json!(true));
    }
    if config.read_only {
        security.insert("readOnlyRootFilesystem".into(), json!(true));
    }
    if let Some((user, group)) = numeric_user(config.user.as_deref()) {
        security.insert("runAsUser".into(), json!(user));
        if let Some(g) = group {
            security.insert("runAsGroup".into(), json!(g));
        }
    }
    if !security.is_empty() {
        out["securityContext"] = Value::Object(security);
    }
    if let Some(r) = super::resources::yaml(&config.resources) {
        out["resources"] = r;
    }
    out
}

/// `--user UID[:GID]` as numbers (a user name has no place in Kubernetes YAML).
fn numeric_user(user: Option<&str>) -> Option<(u32, Option<u32>)> {
    let (u, g) = match user?.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (user?, None),
    };
    let uid = u.parse().ok()?;
    match g {
        None => Some((uid, None)),
        Some(g) => Some((uid, Some(g.parse().ok()?))),
    }
}

/// RFC 3339 in whole seconds, UTC (`2026-12-01T21:08:39Z`), as Kubernetes writes it.
fn creation_timestamp(secs: i64) -> String {
    let nano = coracle_runtime::monitor::log::rfc3339_nano(secs, 0);
    match nano.split_once('.') {
        Some((whole, _)) => format!("{whole}Z"),
        None => nano,
    }
}

/// The `restartPolicy` of `--restart` (Kubernetes has no unless-stopped).
fn restart_policy(policy: &RestartPolicy) -> &'static str {
    match policy {
        RestartPolicy::No => "Never",
        RestartPolicy::OnFailure(_) => "OnFailure",
        RestartPolicy::Always | RestartPolicy::UnlessStopped => "Always",
    }
}

/// The spec of `t`'s pod: its containers (the first carries the published
/// ports), their volumes, hostname and the first container's restart policy.
fn pod_spec(t: &Target) -> Value {
    let port_list = ports(&t.ports);
    let mut volumes = Vec::new();
    let mut restart = "Never";
    let mut containers = Vec::new();
    for (i, c) in t.containers.iter().enumerate() {
        let mine: &[Value] = if i == 0 { &port_list } else { &[] };
        let config = config_of(c);
        if i == 0 {
            restart = restart_policy(&config.restart);
        }
        containers.push(container_yaml(c, &config, mine, &mut volumes));
    }
    let mut spec = json!({"containers": containers, "restartPolicy": restart});
    if let Some(h) = &t.hostname {
        spec["hostname"] = json!(h);
    }
    if !volumes.is_empty() {
        spec["volumes"] = json!(volumes);
    }
    spec
}

/// Each container's annotations as `KEY/CONTAINER` (Podman's form), for the
/// pod's metadata (None without any).
fn annotations_of(t: &Target) -> Option<Value> {
    let mut out = Map::new();
    for c in &t.containers {
        for (k, v) in &config_of(c).annotations {
            out.insert(format!("{k}/{}", c.name), json!(v));
        }
    }
    (!out.is_empty()).then_some(Value::Object(out))
}

/// The metadata of `t`'s pod (`timestamp` for a Pod; a template has none).
fn pod_metadata(t: &Target, timestamp: bool) -> Value {
    // In Kubernetes' order: annotations, creationTimestamp, labels, name.
    let mut meta = Map::new();
    if let Some(a) = annotations_of(t) {
        meta.insert("annotations".into(), a);
    }
    if timestamp {
        meta.insert(
            "creationTimestamp".into(),
            json!(creation_timestamp(output::now())),
        );
    }
    meta.insert("labels".into(), Value::Object(labels_of(t)));
    meta.insert("name".into(), json!(t.name));
    Value::Object(meta)
}

/// `t`'s labels and `app: NAME`.
fn labels_of(t: &Target) -> Map<String, Value> {
    let mut labels = t.labels.clone();
    labels.insert("app".into(), json!(t.name));
    labels
}

/// The v1 Pod of `t`.
fn pod_yaml(t: &Target) -> Value {
    json!({
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": pod_metadata(t, true),
        "spec": pod_spec(t),
    })
}

/// The apps/v1 Deployment of `t`: `replicas` pods of its Pod (restartPolicy
/// Always, the only one a Deployment allows), named NAME-deployment as Podman
/// names it.
fn deployment_yaml(t: &Target, replicas: u32) -> Value {
    let mut spec = pod_spec(t);
    spec["restartPolicy"] = json!("Always");
    json!({
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {
            "creationTimestamp": creation_timestamp(output::now()),
            "labels": {"app": t.name},
            "name": format!("{}-deployment", t.name),
        },
        "spec": {
            "replicas": replicas,
            "selector": {"matchLabels": {"app": t.name}},
            "template": {
                "metadata": pod_metadata(t, false),
                "spec": spec,
            },
        },
    })
}

/// The NodePort Service of `t`'s published ports (None without any).
fn service_yaml(t: &Target) -> Option<Value> {
    let list: Vec<Value> = ports(&t.ports)
        .into_iter()
        .map(|p| {
            let port = p["containerPort"].clone();
            let proto = p["protocol"].as_str().unwrap_or("TCP").to_string();
            json!({"name": format!("{port}-{}", proto.to_ascii_lowercase()), "port": port, "protocol": proto, "targetPort": port})
        })
        .collect();
    (!list.is_empty()).then(|| {
        json!({
            "apiVersion": "v1",
            "kind": "Service",
            "metadata": {"labels": {"app": t.name}, "name": t.name},
            "spec": {"ports": list, "selector": {"app": t.name}, "type": "NodePort"},
        })
    })
}

fn to_yaml(v: &Value) -> Result<String> {
    Ok(yaml_serde::to_string(v)?)
}

/// `coracle kube generate`.
pub fn generate(ctx: &Context, args: KubeGenerateArgs) -> Result<i32> {
    if args.replicas.is_some() && args.kind != KubeKind::Deployment {
        bail!(
            "--replicas is only for --type deployment: add --type deployment, or drop --replicas"
        );
    }
    let store = ctx.store()?;
    let everything = all(&store)?;
    let mut text = String::from("# Save the output of this file and use kubectl create -f to import\n# it into Kubernetes.\n#\n");
    text.push_str(&format!(
        "# Created with coracle-{}\n",
        env!("CARGO_PKG_VERSION")
    ));
    let mut docs = Vec::new();
    for name in &args.targets {
        let t = target(&store, &everything, name)?;
        if t.containers.is_empty() {
            bail!(
                "pod {} has no containers to generate YAML for: add one with run --pod",
                t.name
            );
        }
        docs.push(to_yaml(&match args.kind {
            KubeKind::Pod => pod_yaml(&t),
            KubeKind::Deployment => deployment_yaml(&t, args.replicas.unwrap_or(1)),
        })?);
        if args.service {
            if let Some(s) = service_yaml(&t) {
                docs.push(to_yaml(&s)?);
            }
        }
    }
    text.push_str(&docs.join("---\n"));
    match &args.filename {
        Some(path) => write_new(path, &text)?,
        None => output::print(&text),
    }
    Ok(0)
}

/// Write `text` to the new file `path`; an existing file is refused (as Podman's).
fn write_new(path: &std::path::Path, text: &str) -> Result<()> {
    use std::io::Write as _;
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => bail!(
            "{} already exists: give kube generate -f a new file name, or remove it",
            path.display()
        ),
        Err(e) => return Err(e).with_context(|| format!("cannot create {}", path.display())),
    };
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_in_whole_seconds() {
        assert_eq!(creation_timestamp(0), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn ports_from_publish_values() {
        let p = ports(&["8080:80".into(), "53/udp".into()]);
        assert_eq!(p[0], json!({"containerPort": 80, "hostPort": 8080}));
        assert_eq!(p[1], json!({"containerPort": 53, "protocol": "UDP"}));
    }
}
