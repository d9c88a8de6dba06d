//! `coracle kube generate` and `coracle kube play`: a container or pod as a
//! Kubernetes v1 Pod (and a Service with `-s`), written as Podman writes it, and back:
//! `play` makes the pod and runs its containers. Unsupported kinds and fields are
//! errors naming them, never dropped silently. YAML goes through `yaml_serde` (the
//! YAML organisation's maintained continuation of serde_yaml).

use std::io::Read;

use anyhow::{bail, Context as _, Result};
use clap::Parser;
use coracle_runtime::lifecycle::launch::strings;
use coracle_runtime::spec::ContainerConfig;
use coracle_storage::pods::{PodRecord, Pods};
use coracle_storage::{ContainerRecord, Store};
use serde_json::{json, Map, Value};

use super::containers::{all, config_of};
use crate::args::{Cli, Command, KubeCommand, KubeGenerateArgs, KubePlayArgs, PodCommand};
use crate::context::Context;
use crate::output;

/// The largest YAML `kube play` reads.
const MAX_YAML: u64 = 4 << 20;

/// Environment entries every container gets from coracle itself (not written out).
const IMPLIED_ENV: [&str; 5] = ["PATH", "HOSTNAME", "container", "TERM", "HOME"];

/// Run one `kube` subcommand.
pub fn dispatch(ctx: &Context, command: KubeCommand) -> Result<i32> {
    match command {
        KubeCommand::Generate(a) => generate(ctx, a),
        KubeCommand::Play(a) => play(ctx, a),
    }
}

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
    let c = super::containers::find(store, name).with_context(|| {
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
        containers: super::pod::members(everything, pod)
            .into_iter()
            .filter(|c| Some(&c.id) != pod.infra_id.as_ref())
            .collect(),
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
fn container_yaml(c: &ContainerRecord, config: &ContainerConfig, ports_of: &[Value]) -> Value {
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
    if !security.is_empty() {
        out["securityContext"] = Value::Object(security);
    }
    out
}

/// RFC 3339 in whole seconds, UTC (`2026-12-01T21:08:39Z`), as Kubernetes writes it.
fn creation_timestamp(secs: i64) -> String {
    let nano = coracle_runtime::monitor::log::rfc3339_nano(secs, 0);
    match nano.split_once('.') {
        Some((whole, _)) => format!("{whole}Z"),
        None => nano,
    }
}

/// The v1 Pod of `t`.
fn pod_yaml(t: &Target) -> Value {
    let port_list = ports(&t.ports);
    let containers: Vec<Value> = t
        .containers
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mine: &[Value] = if i == 0 { &port_list } else { &[] };
            container_yaml(c, &config_of(c), mine)
        })
        .collect();
    let mut labels = t.labels.clone();
    labels.insert("app".into(), json!(t.name));
    let mut spec = json!({"containers": containers});
    if let Some(h) = &t.hostname {
        spec["hostname"] = json!(h);
    }
    json!({
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {
            "creationTimestamp": creation_timestamp(output::now()),
            "labels": labels,
            "name": t.name,
        },
        "spec": spec,
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
        docs.push(to_yaml(&pod_yaml(&t))?);
        if args.service {
            if let Some(s) = service_yaml(&t) {
                docs.push(to_yaml(&s)?);
            }
        }
    }
    text.push_str(&docs.join("---\n"));
    match &args.filename {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => output::print(&text),
    }
    Ok(0)
}

/// Read the YAML of `kube play` (bounded).
fn read_yaml(file: &str) -> Result<String> {
    let mut text = String::new();
    let reader: Box<dyn Read> = if file == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(file).with_context(|| format!("cannot open {file}"))?)
    };
    reader
        .take(MAX_YAML + 1)
        .read_to_string(&mut text)
        .with_context(|| format!("cannot read {file}"))?;
    if text.len() as u64 > MAX_YAML {
        bail!("{file} is larger than {MAX_YAML} bytes: give a smaller YAML file");
    }
    Ok(text)
}

/// Refuse fields coracle does not carry out, by their path.
fn check_fields(obj: &Value, allowed: &[&str], path: &str) -> Result<()> {
    if let Some(map) = obj.as_object() {
        for key in map.keys() {
            if !allowed.contains(&key.as_str()) {
                bail!("kube play: unsupported field {path}.{key}: remove it from the YAML");
            }
        }
    }
    Ok(())
}

/// The command lines (`coracle …` arguments) a Pod document turns into: the pod
/// first, then one `run -d` per container.
fn play_commands(doc: &Value) -> Result<(String, Vec<Vec<String>>)> {
    check_fields(
        doc,
        &["apiVersion", "kind", "metadata", "spec", "status"],
        "",
    )?;
    let meta = &doc["metadata"];
    check_fields(
        meta,
        &["name", "labels", "annotations", "creationTimestamp"],
        "metadata",
    )?;
    let name = meta["name"]
        .as_str()
        .context("kube play: the Pod has no metadata.name")?;
    let spec = &doc["spec"];
    check_fields(
        spec,
        &[
            "containers",
            "hostname",
            "restartPolicy",
            // Written by Podman; they ask for nothing coracle would do.
            "automountServiceAccountToken",
            "enableServiceLinks",
        ],
        "spec",
    )?;
    let restart = match spec["restartPolicy"].as_str() {
        None | Some("Never") => "no",
        Some("Always") => "always",
        Some("OnFailure") => "on-failure",
        Some(other) => {
            bail!("kube play: spec.restartPolicy {other:?} is not one of Always, OnFailure, Never")
        }
    };
    let mut pod = vec![
        "pod".into(),
        "create".into(),
        "--name".into(),
        name.to_string(),
    ];
    if let Some(h) = spec["hostname"].as_str() {
        pod.extend(["--hostname".into(), h.to_string()]);
    }
    if let Some(labels) = meta["labels"].as_object() {
        for (k, v) in labels {
            pod.extend([
                "--label".into(),
                format!("{k}={}", v.as_str().unwrap_or("")),
            ]);
        }
    }
    let containers = spec["containers"]
        .as_array()
        .context("kube play: the Pod has no spec.containers")?;
    let mut runs = Vec::new();
    for (i, c) in containers.iter().enumerate() {
        let at = format!("spec.containers[{i}]");
        check_fields(
            c,
            &[
                "name",
                "image",
                "command",
                "args",
                "env",
                "workingDir",
                "ports",
                "securityContext",
                "resources",
            ],
            &at,
        )?;
        let image = c["image"]
            .as_str()
            .with_context(|| format!("kube play: {at} has no image"))?;
        let cname = c["name"]
            .as_str()
            .with_context(|| format!("kube play: {at} has no name"))?;
        if c["resources"].as_object().is_some_and(|r| !r.is_empty()) {
            bail!("kube play: unsupported field {at}.resources (only an empty one): remove it from the YAML");
        }
        let mut run: Vec<String> = vec!["run".into(), "-d".into(), "--pod".into(), name.into()];
        run.extend(["--restart".into(), restart.into()]);
        run.extend(["--name".into(), format!("{name}-{cname}")]);
        let command = strings(&c["command"]);
        if !command.is_empty() {
            run.extend(["--entrypoint".into(), serde_json::to_string(&command)?]);
        }
        for e in c["env"].as_array().into_iter().flatten() {
            check_fields(e, &["name", "value"], &format!("{at}.env"))?;
            let k = e["name"].as_str().unwrap_or("");
            run.extend([
                "-e".into(),
                format!("{k}={}", e["value"].as_str().unwrap_or("")),
            ]);
        }
        if let Some(w) = c["workingDir"].as_str() {
            run.extend(["-w".into(), w.to_string()]);
        }
        for p in c["ports"].as_array().into_iter().flatten() {
            check_fields(
                p,
                &["containerPort", "hostPort", "protocol", "name"],
                &format!("{at}.ports"),
            )?;
            let container = p["containerPort"]
                .as_u64()
                .with_context(|| format!("kube play: {at}.ports has no containerPort"))?;
            let host = p["hostPort"].as_u64().unwrap_or(container);
            let proto = p["protocol"].as_str().unwrap_or("TCP").to_ascii_lowercase();
            pod.extend(["-p".into(), format!("{host}:{container}/{proto}")]);
        }
        let sec = &c["securityContext"];
        check_fields(
            sec,
            &["capabilities", "privileged", "readOnlyRootFilesystem"],
            &format!("{at}.securityContext"),
        )?;
        for cap in strings(&sec["capabilities"]["add"]) {
            run.extend(["--cap-add".into(), cap]);
        }
        for cap in strings(&sec["capabilities"]["drop"]) {
            run.extend(["--cap-drop".into(), cap]);
        }
        if sec["privileged"].as_bool() == Some(true) {
            run.push("--privileged".into());
        }
        if sec["readOnlyRootFilesystem"].as_bool() == Some(true) {
            run.push("--read-only".into());
        }
        run.push(image.to_string());
        run.extend(strings(&c["args"]));
        runs.push(run);
    }
    runs.insert(0, pod);
    Ok((name.to_string(), runs))
}

/// Run one coracle command line in this process.
fn run_line(ctx: &Context, line: &[String]) -> Result<i32> {
    let cli =
        Cli::try_parse_from(std::iter::once("coracle".to_string()).chain(line.iter().cloned()))
            .map_err(|e| {
                anyhow::anyhow!("kube play: {}", e.to_string().lines().next().unwrap_or(""))
            })?;
    match cli.command {
        Command::Pod(PodCommand::Create(a)) => super::pod::create(ctx, a),
        Command::Run(a) => super::run::run(ctx, *a),
        _ => bail!("kube play: internal command {:?} not handled", line.first()),
    }
}

/// `coracle kube play`: every document must be a Pod (a Service is accepted and
/// left to Kubernetes: its ports are the Pod's `hostPort`s here).
pub fn play(ctx: &Context, args: KubePlayArgs) -> Result<i32> {
    let text = read_yaml(&args.file)?;
    let mut plans = Vec::new();
    for doc in yaml_serde::Deserializer::from_str(&text) {
        let value: Value = serde::Deserialize::deserialize(doc)
            .map_err(|e| anyhow::anyhow!("kube play: {}: not valid YAML: {e}", args.file))?;
        match value["kind"].as_str() {
            Some("Pod") => plans.push(play_commands(&value)?),
            Some("Service") => {}
            Some(kind) => {
                bail!("kube play: kind {kind} is not supported (only Pod): remove it from the YAML")
            }
            None => bail!("kube play: a document has no kind: give each document kind: Pod"),
        }
    }
    for (name, lines) in plans {
        for (i, line) in lines.iter().enumerate() {
            if i <= 1 {
                output::print(if i == 0 { "Pod:\n" } else { "Container:\n" });
            }
            let code = run_line(ctx, line).with_context(|| format!("kube play of pod {name}"))?;
            if code != 0 {
                return Ok(code);
            }
        }
    }
    Ok(0)
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

    #[test]
    fn unsupported_fields_are_named() {
        let doc = json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
            "spec": {"containers": [{"name": "a", "image": "i", "stdin": true}]}});
        let err = play_commands(&doc).unwrap_err().to_string();
        assert!(err.contains("spec.containers[0].stdin"), "{err}");
        let doc = json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
            "spec": {"containers": [{"name": "a", "image": "i", "args": ["x"]}]}});
        let (name, lines) = play_commands(&doc).unwrap();
        assert_eq!(name, "p");
        assert_eq!(
            lines[1],
            [
                "run",
                "-d",
                "--pod",
                "p",
                "--restart",
                "no",
                "--name",
                "p-a",
                "i",
                "x"
            ]
        );
    }
}
