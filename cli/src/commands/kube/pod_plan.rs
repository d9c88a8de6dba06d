//! One pod of a Kubernetes YAML as coracle command lines: `pod create …` and, per
//! container, the arguments of `run -d`/`create`; plus the volumes the pod needs
//! made first (ConfigMaps and Secrets become volumes of files, as with Podman;
//! PersistentVolumeClaims are named volumes; hostPath is a bind mount).

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use coracle_runtime::lifecycle::launch::strings;
use serde_json::Value;

use super::check_fields;
use super::manifest::{KeyData, Manifest, PodDoc};

pub use coracle_runtime::lifecycle::files_volume::{FilesKind, FilesVolume, VolumeFile};

/// Everything one pod needs.
#[derive(Debug)]
pub struct PodPlan {
    /// The pod's name.
    pub name: String,
    /// `pod create …`.
    pub pod_line: Vec<String>,
    /// Per container, the arguments after `run -d` or `create`.
    pub containers: Vec<Vec<String>>,
    /// Volumes of files to make and fill before the containers.
    pub files_volumes: Vec<FilesVolume>,
    /// Named volumes of PersistentVolumeClaims the pod mounts.
    pub claims: Vec<String>,
    /// Host directories to make when missing (`hostPath` of type DirectoryOrCreate).
    pub host_dirs: Vec<String>,
}

/// The default mode of a ConfigMap or Secret file (Kubernetes' 0644).
const DEFAULT_MODE: u32 = 0o644;

/// Where a pod volume comes from.
#[derive(Debug)]
enum Source {
    /// A named volume (`-v NAME:PATH`).
    Named(String),
    /// A host path (`-v PATH:PATH`).
    Bind(String),
    /// A ConfigMap or Secret that is optional and absent: not mounted.
    Absent,
}

fn mode_of(v: &Value, at: &str) -> Result<Option<u32>> {
    match v {
        Value::Null => Ok(None),
        v => match v.as_u64().filter(|m| *m <= 0o777) {
            Some(m) => Ok(Some(m as u32)),
            None => bail!("kube play: {at} must be a file mode from 0 to 0777 (511)"),
        },
    }
}

/// A relative path of plain names (a ConfigMap item's `path`).
fn relative_path(text: &str, at: &str) -> Result<PathBuf> {
    let path = Path::new(text);
    let plain = !text.is_empty() && path.components().all(|c| matches!(c, Component::Normal(_)));
    if !plain {
        bail!("kube play: {at} {text:?} must be a relative path without ..: fix the YAML");
    }
    Ok(path.to_path_buf())
}

/// The files of a `configMap:` or `secret:` pod volume.
fn files_volume(
    source: &Value,
    kind: FilesKind,
    name: &str,
    data: &KeyData,
    at: &str,
) -> Result<FilesVolume> {
    let default =
        mode_of(&source["defaultMode"], &format!("{at}.defaultMode"))?.unwrap_or(DEFAULT_MODE);
    let mut files = Vec::new();
    match source["items"].as_array() {
        Some(items) => {
            for (i, item) in items.iter().enumerate() {
                let iat = format!("{at}.items[{i}]");
                check_fields(item, &["key", "path", "mode"], &iat)?;
                let key = item["key"]
                    .as_str()
                    .with_context(|| format!("kube play: {iat} has no key"))?;
                let content = data.get(key).with_context(|| {
                    format!(
                        "kube play: {iat}: {} {name} has no key {key:?}",
                        kind.name()
                    )
                })?;
                let path = item["path"]
                    .as_str()
                    .with_context(|| format!("kube play: {iat} has no path"))?;
                files.push(VolumeFile {
                    path: relative_path(path, &format!("{iat}.path"))?,
                    data: content.clone(),
                    mode: mode_of(&item["mode"], &format!("{iat}.mode"))?.unwrap_or(default),
                });
            }
        }
        None => {
            for (key, content) in data {
                let path = relative_path(key, &format!("{} {name} key", kind.name()))?;
                if path.components().count() != 1 {
                    bail!(
                        "kube play: {} {name}: key {key:?} is not a file name",
                        kind.name()
                    );
                }
                files.push(VolumeFile {
                    path,
                    data: content.clone(),
                    mode: default,
                });
            }
        }
    }
    Ok(FilesVolume {
        name: name.to_string(),
        kind,
        files,
    })
}

/// The pod's `spec.volumes`, by volume name.
fn pod_volumes(spec: &Value, m: &Manifest, plan: &mut PodPlan) -> Result<BTreeMap<String, Source>> {
    let mut out = BTreeMap::new();
    for (i, v) in spec["volumes"].as_array().into_iter().flatten().enumerate() {
        let at = format!("spec.volumes[{i}]");
        check_fields(
            v,
            &[
                "name",
                "configMap",
                "secret",
                "persistentVolumeClaim",
                "hostPath",
            ],
            &at,
        )?;
        let vname = v["name"]
            .as_str()
            .with_context(|| format!("kube play: {at} has no name"))?;
        let source = if v["configMap"].is_object() || v["secret"].is_object() {
            let (kind, field, key, all) = if v["configMap"].is_object() {
                (FilesKind::ConfigMap, "configMap", "name", &m.config_maps)
            } else {
                (FilesKind::Secret, "secret", "secretName", &m.secrets)
            };
            let s = &v[field];
            let sat = format!("{at}.{field}");
            check_fields(s, &[key, "items", "defaultMode", "optional"], &sat)?;
            let name = s[key]
                .as_str()
                .with_context(|| format!("kube play: {sat} has no {key}"))?;
            match all.get(name) {
                Some(data) => {
                    let fv = files_volume(s, kind, name, data, &sat)?;
                    if !plan.files_volumes.contains(&fv) {
                        plan.files_volumes.push(fv);
                    }
                    Source::Named(name.to_string())
                }
                None if s["optional"].as_bool() == Some(true) => Source::Absent,
                None => bail!("kube play: {sat}: {} {name} is not in the YAML: add it, or mark the volume optional", kind.name()),
            }
        } else if let Some(pvc) = v["persistentVolumeClaim"].as_object() {
            let pat = format!("{at}.persistentVolumeClaim");
            check_fields(
                &v["persistentVolumeClaim"],
                &["claimName", "readOnly"],
                &pat,
            )?;
            let claim = pvc
                .get("claimName")
                .and_then(Value::as_str)
                .with_context(|| format!("kube play: {pat} has no claimName"))?;
            plan.claims.push(claim.to_string());
            Source::Named(claim.to_string())
        } else if v["hostPath"].is_object() {
            let hat = format!("{at}.hostPath");
            check_fields(&v["hostPath"], &["path", "type"], &hat)?;
            let path = v["hostPath"]["path"]
                .as_str()
                .filter(|p| p.starts_with('/'))
                .with_context(|| format!("kube play: {hat} has no absolute path"))?;
            match v["hostPath"]["type"].as_str() {
                None | Some("") | Some("Directory") | Some("File") => {}
                Some("DirectoryOrCreate") => plan.host_dirs.push(path.to_string()),
                Some(other) => bail!(
                    "kube play: {hat}.type {other} is not supported (Directory, File or DirectoryOrCreate)"
                ),
            }
            Source::Bind(path.to_string())
        } else {
            bail!("kube play: {at} has no configMap, secret, persistentVolumeClaim or hostPath");
        };
        out.insert(vname.to_string(), source);
    }
    Ok(out)
}

/// One value of a ConfigMap or Secret for `env[].valueFrom`, as text.
fn key_ref(
    r: &Value,
    kind: FilesKind,
    all: &BTreeMap<String, KeyData>,
    at: &str,
) -> Result<Option<String>> {
    check_fields(r, &["name", "key", "optional"], at)?;
    let name = r["name"]
        .as_str()
        .with_context(|| format!("kube play: {at} has no name"))?;
    let key = r["key"]
        .as_str()
        .with_context(|| format!("kube play: {at} has no key"))?;
    match all.get(name).and_then(|d| d.get(key)) {
        Some(bytes) => Ok(Some(String::from_utf8(bytes.clone()).map_err(|_| {
            anyhow::anyhow!(
                "kube play: {at}: {} {name} key {key} is not text",
                kind.name()
            )
        })?)),
        None if r["optional"].as_bool() == Some(true) => Ok(None),
        None => bail!(
            "kube play: {at}: {} {name} with key {key} is not in the YAML",
            kind.name()
        ),
    }
}

/// `-e` values of a container: `envFrom` first, `env` after (it wins).
fn env_args(c: &Value, m: &Manifest, at: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (i, e) in c["envFrom"].as_array().into_iter().flatten().enumerate() {
        let eat = format!("{at}.envFrom[{i}]");
        check_fields(e, &["configMapRef", "secretRef", "prefix"], &eat)?;
        let prefix = e["prefix"].as_str().unwrap_or("");
        let (r, kind, all) = if e["configMapRef"].is_object() {
            (&e["configMapRef"], FilesKind::ConfigMap, &m.config_maps)
        } else {
            (&e["secretRef"], FilesKind::Secret, &m.secrets)
        };
        check_fields(r, &["name", "optional"], &eat)?;
        let name = r["name"]
            .as_str()
            .with_context(|| format!("kube play: {eat} names no ConfigMap or Secret"))?;
        match all.get(name) {
            Some(data) => {
                for (k, v) in data {
                    let v = std::str::from_utf8(v).map_err(|_| {
                        anyhow::anyhow!(
                            "kube play: {eat}: {} {name} key {k} is not text",
                            kind.name()
                        )
                    })?;
                    out.push(format!("{prefix}{k}={v}"));
                }
            }
            None if r["optional"].as_bool() == Some(true) => {}
            None => bail!(
                "kube play: {eat}: {} {name} is not in the YAML",
                kind.name()
            ),
        }
    }
    for (i, e) in c["env"].as_array().into_iter().flatten().enumerate() {
        let eat = format!("{at}.env[{i}]");
        check_fields(e, &["name", "value", "valueFrom"], &eat)?;
        let k = e["name"]
            .as_str()
            .with_context(|| format!("kube play: {eat} has no name"))?;
        let value = match e["valueFrom"].as_object() {
            None => Some(e["value"].as_str().unwrap_or("").to_string()),
            Some(_) => {
                let from = &e["valueFrom"];
                let fat = format!("{eat}.valueFrom");
                check_fields(from, &["configMapKeyRef", "secretKeyRef"], &fat)?;
                if from["configMapKeyRef"].is_object() {
                    key_ref(
                        &from["configMapKeyRef"],
                        FilesKind::ConfigMap,
                        &m.config_maps,
                        &format!("{fat}.configMapKeyRef"),
                    )?
                } else {
                    key_ref(
                        &from["secretKeyRef"],
                        FilesKind::Secret,
                        &m.secrets,
                        &format!("{fat}.secretKeyRef"),
                    )?
                }
            }
        };
        if let Some(v) = value {
            out.push(format!("{k}={v}"));
        }
    }
    Ok(out)
}

/// `-v` values of a container's `volumeMounts`.
fn mount_args(
    c: &Value,
    volumes: &BTreeMap<String, Source>,
    files: &[FilesVolume],
    at: &str,
) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (i, vm) in c["volumeMounts"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let vat = format!("{at}.volumeMounts[{i}]");
        check_fields(vm, &["name", "mountPath", "readOnly"], &vat)?;
        let name = vm["name"]
            .as_str()
            .with_context(|| format!("kube play: {vat} has no name"))?;
        let target = vm["mountPath"]
            .as_str()
            .with_context(|| format!("kube play: {vat} has no mountPath"))?;
        if !target.starts_with('/') {
            bail!("kube play: {vat}.mountPath {target:?} must be an absolute path");
        }
        let source = volumes
            .get(name)
            .with_context(|| format!("kube play: {vat}: no volume {name:?} in spec.volumes"))?;
        let (src, from_files) = match source {
            Source::Named(n) => (n.as_str(), files.iter().any(|f| &f.name == n)),
            Source::Bind(p) => (p.as_str(), false),
            Source::Absent => continue,
        };
        // ConfigMaps and Secrets are mounted read-only, as in Kubernetes.
        let ro = from_files || vm["readOnly"].as_bool() == Some(true);
        out.push(format!("{src}:{target}{}", if ro { ":ro" } else { "" }));
    }
    Ok(out)
}

/// The restart policy of `run --restart` for the Pod's `restartPolicy`; without
/// one, Always (Kubernetes' and Podman's default).
fn restart_policy(spec: &Value) -> Result<&'static str> {
    Ok(match spec["restartPolicy"].as_str() {
        Some("Never") => "no",
        None | Some("Always") => "always",
        Some("OnFailure") => "on-failure",
        Some(other) => {
            bail!("kube play: spec.restartPolicy {other:?} is not one of Always, OnFailure, Never")
        }
    })
}

/// `--annotation` values of container `cname`: a pod annotation `KEY/CTR` (as
/// Podman writes a container's annotations) is KEY for container CTR only; any
/// other goes to every container (as Podman plays them).
fn annotation_args(
    annotations: &BTreeMap<String, String>,
    cname: &str,
    container_names: &[&str],
) -> Vec<String> {
    let mut out = Vec::new();
    for (k, v) in annotations {
        match k.rsplit_once('/') {
            Some((key, ctr)) if container_names.contains(&ctr) => {
                if ctr == cname {
                    out.push(format!("{key}={v}"));
                }
            }
            _ => out.push(format!("{k}={v}")),
        }
    }
    out
}

/// `run` arguments of a container's `securityContext`.
fn security_args(sec: &Value, at: &str) -> Result<Vec<String>> {
    check_fields(
        sec,
        &[
            "capabilities",
            "privileged",
            "readOnlyRootFilesystem",
            "runAsUser",
            "runAsGroup",
        ],
        at,
    )?;
    check_fields(
        &sec["capabilities"],
        &["add", "drop"],
        &format!("{at}.capabilities"),
    )?;
    let mut run = Vec::new();
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
    let id = |key: &str| -> Result<Option<u64>> {
        match &sec[key] {
            Value::Null => Ok(None),
            v => match v.as_u64().filter(|n| *n <= u64::from(u32::MAX)) {
                Some(n) => Ok(Some(n)),
                None => bail!("kube play: {at}.{key} must be a number (a user or group id)"),
            },
        }
    };
    match (id("runAsUser")?, id("runAsGroup")?) {
        (Some(u), Some(g)) => run.extend(["--user".into(), format!("{u}:{g}")]),
        (Some(u), None) => run.extend(["--user".into(), u.to_string()]),
        (None, Some(_)) => bail!("kube play: {at}.runAsGroup needs runAsUser: add runAsUser"),
        (None, None) => {}
    }
    Ok(run)
}

/// The arguments (after `run -d` or `create`) of one container.
/// What every container of one pod is made with.
struct PodContext<'a> {
    manifest: &'a Manifest,
    volumes: BTreeMap<String, Source>,
    restart: &'static str,
    annotations: &'a BTreeMap<String, String>,
    container_names: Vec<&'a str>,
}

fn container_args(
    c: &Value,
    at: &str,
    plan: &mut PodPlan,
    pod: &PodContext<'_>,
) -> Result<Vec<String>> {
    check_fields(
        c,
        &[
            "name",
            "image",
            "command",
            "args",
            "env",
            "envFrom",
            "workingDir",
            "ports",
            "securityContext",
            "resources",
            "volumeMounts",
            "imagePullPolicy",
            "terminationMessagePath",
            "terminationMessagePolicy",
        ],
        at,
    )?;
    let image = c["image"]
        .as_str()
        .with_context(|| format!("kube play: {at} has no image"))?;
    let cname = c["name"]
        .as_str()
        .with_context(|| format!("kube play: {at} has no name"))?;
    let name = &plan.name;
    let mut run: Vec<String> = vec!["--pod".into(), name.clone()];
    run.extend(["--restart".into(), pod.restart.into()]);
    run.extend(["--name".into(), format!("{name}-{cname}")]);
    for a in annotation_args(pod.annotations, cname, &pod.container_names) {
        run.extend(["--annotation".into(), a]);
    }
    let command = strings(&c["command"]);
    if !command.is_empty() {
        run.extend(["--entrypoint".into(), serde_json::to_string(&command)?]);
    }
    for e in env_args(c, pod.manifest, at)? {
        run.extend(["-e".into(), e]);
    }
    for v in mount_args(c, &pod.volumes, &plan.files_volumes, at)? {
        run.extend(["-v".into(), v]);
    }
    if let Some(w) = c["workingDir"].as_str() {
        run.extend(["-w".into(), w.to_string()]);
    }
    run.extend(super::resources::run_args(
        &c["resources"],
        &format!("{at}.resources"),
    )?);
    run.extend(security_args(
        &c["securityContext"],
        &format!("{at}.securityContext"),
    )?);
    for p in c["ports"].as_array().into_iter().flatten() {
        check_fields(
            p,
            &["containerPort", "hostPort", "protocol", "name"],
            &format!("{at}.ports"),
        )?;
        let container = p["containerPort"]
            .as_u64()
            .with_context(|| format!("kube play: {at}.ports has no containerPort"))?;
        // A port without hostPort is not published (as in Kubernetes and Podman).
        if let Some(host) = p["hostPort"].as_u64() {
            let proto = p["protocol"].as_str().unwrap_or("TCP").to_ascii_lowercase();
            plan.pod_line
                .extend(["-p".into(), format!("{host}:{container}/{proto}")]);
        }
    }
    run.push(image.to_string());
    run.extend(strings(&c["args"]));
    Ok(run)
}

/// The plan of one pod.
pub fn pod_plan(doc: &PodDoc, m: &Manifest) -> Result<PodPlan> {
    let spec = &doc.spec;
    check_fields(
        spec,
        &[
            "containers",
            "hostname",
            "restartPolicy",
            "volumes",
            // Written by Podman; they ask for nothing coracle would do.
            "automountServiceAccountToken",
            "enableServiceLinks",
            "dnsPolicy",
            "terminationGracePeriodSeconds",
        ],
        "spec",
    )?;
    let restart = restart_policy(spec)?;
    let mut plan = PodPlan {
        name: doc.name.clone(),
        pod_line: vec![
            "pod".into(),
            "create".into(),
            "--name".into(),
            doc.name.clone(),
        ],
        containers: Vec::new(),
        files_volumes: Vec::new(),
        claims: Vec::new(),
        host_dirs: Vec::new(),
    };
    if let Some(h) = spec["hostname"].as_str() {
        plan.pod_line.extend(["--hostname".into(), h.to_string()]);
    }
    for (k, v) in &doc.labels {
        plan.pod_line.extend([
            "--label".into(),
            format!("{k}={}", v.as_str().unwrap_or("")),
        ]);
    }
    let volumes = pod_volumes(spec, m, &mut plan)?;
    let containers = spec["containers"]
        .as_array()
        .filter(|c| !c.is_empty())
        .with_context(|| format!("kube play: pod {} has no spec.containers", doc.name))?;
    let pod = PodContext {
        manifest: m,
        volumes,
        restart,
        annotations: &doc.annotations,
        container_names: containers
            .iter()
            .filter_map(|c| c["name"].as_str())
            .collect(),
    };
    let mut names = std::collections::BTreeSet::new();
    for (i, c) in containers.iter().enumerate() {
        let at = format!("spec.containers[{i}]");
        let args = container_args(c, &at, &mut plan, &pod)?;
        if !names.insert(c["name"].as_str().unwrap_or("")) {
            bail!(
                "kube play: pod {}: container name {:?} is used twice",
                doc.name,
                c["name"]
            );
        }
        plan.containers.push(args);
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn plan_of(spec: Value, m: &Manifest) -> Result<PodPlan> {
        pod_plan(
            &PodDoc {
                name: "p".into(),
                labels: Default::default(),
                annotations: [
                    ("note/a".to_string(), "for a".to_string()),
                    ("all".to_string(), "x".to_string()),
                ]
                .into(),
                spec,
            },
            m,
        )
    }

    #[test]
    fn unsupported_fields_are_named() {
        let m = Manifest::default();
        let err = plan_of(
            json!({"containers": [{"name": "a", "image": "i", "stdin": true}]}),
            &m,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("spec.containers[0].stdin"), "{err}");
        let plan = plan_of(
            json!({"containers": [{"name": "a", "image": "i", "args": ["x"]}]}),
            &m,
        )
        .unwrap();
        let expected =
            "--pod p --restart always --name p-a --annotation all=x --annotation note=for a i x";
        assert_eq!(plan.containers[0].join(" "), expected);
        let sec =
            json!({"runAsUser": 1000, "runAsGroup": 100, "capabilities": {"add": ["NET_ADMIN"]}});
        assert_eq!(
            security_args(&sec, "s").unwrap(),
            ["--cap-add", "NET_ADMIN", "--user", "1000:100"]
        );
        let e = security_args(&json!({"runAsGroup": 1}), "s")
            .unwrap_err()
            .to_string();
        assert!(e.contains("s.runAsGroup needs runAsUser"), "{e}");
    }

    #[test]
    fn config_maps_and_secrets_become_env_and_files() {
        let mut m = Manifest::default();
        m.config_maps.insert(
            "cfg".into(),
            [("page".to_string(), b"hello".to_vec())].into(),
        );
        m.secrets
            .insert("sec".into(), [("token".to_string(), b"s3".to_vec())].into());
        let spec = json!({
            "volumes": [
                {"name": "c", "configMap": {"name": "cfg", "items": [{"key": "page", "path": "www/index.html"}]}},
                {"name": "d", "persistentVolumeClaim": {"claimName": "data"}},
                {"name": "s", "secret": {"secretName": "sec", "defaultMode": 0o400}},
            ],
            "containers": [{"name": "a", "image": "i",
                "env": [{"name": "T", "valueFrom": {"secretKeyRef": {"name": "sec", "key": "token"}}}],
                "envFrom": [{"configMapRef": {"name": "cfg"}, "prefix": "C_"}],
                "volumeMounts": [{"name": "c", "mountPath": "/cfg"}, {"name": "d", "mountPath": "/data"},
                    {"name": "s", "mountPath": "/sec"}]}],
        });
        let plan = plan_of(spec, &m).unwrap();
        let args = plan.containers[0].join(" ");
        assert!(args.contains("-e C_page=hello -e T=s3"), "{args}");
        assert!(
            args.contains("-v cfg:/cfg:ro -v data:/data -v sec:/sec:ro"),
            "{args}"
        );
        assert_eq!(plan.claims, ["data"]);
        assert_eq!(
            plan.files_volumes[0].files[0].path,
            Path::new("www/index.html")
        );
        assert_eq!(plan.files_volumes[1].files[0].mode, 0o400);
    }

    #[test]
    fn escaping_item_paths_and_missing_objects_are_refused() {
        let mut m = Manifest::default();
        m.config_maps
            .insert("cfg".into(), [("k".to_string(), b"v".to_vec())].into());
        for (path, needle) in [("../x", "relative path"), ("/etc/x", "relative path")] {
            let spec = json!({"volumes": [{"name": "c", "configMap": {"name": "cfg", "items": [{"key": "k", "path": path}]}}],
                "containers": [{"name": "a", "image": "i"}]});
            let e = plan_of(spec, &m).unwrap_err().to_string();
            assert!(e.contains(needle), "{e}");
        }
        let spec = json!({"volumes": [{"name": "c", "configMap": {"name": "nope"}}], "containers": [{"name": "a", "image": "i"}]});
        let e = plan_of(spec, &m).unwrap_err().to_string();
        assert!(e.contains("ConfigMap nope is not in the YAML"), "{e}");
    }
}
