//! The documents of a Kubernetes YAML sorted into what `kube play` carries out:
//! pods (a Pod, or a Deployment's replicas), ConfigMaps and Secrets (key → bytes),
//! PersistentVolumeClaims (named volumes). A Service is accepted and left to
//! Kubernetes (its ports are the Pod's hostPorts here); any other kind is refused.

use std::collections::BTreeMap;

use anyhow::{bail, Context as _, Result};
use base64::Engine as _;
use serde_json::{Map, Value};

use super::check_fields;

/// Most replicas one Deployment may ask for: each is a pod with its containers.
pub const MAX_REPLICAS: u64 = 64;

/// The data of a ConfigMap or Secret: key → content.
pub type KeyData = BTreeMap<String, Vec<u8>>;

/// One pod to make: a Pod document, or one replica of a Deployment.
#[derive(Debug)]
pub struct PodDoc {
    /// The pod's name (`DEPLOYMENT-pod-N` for a replica, as Podman names them).
    pub name: String,
    /// `metadata.labels` of the Pod or of the Deployment's template.
    pub labels: Map<String, Value>,
    /// `metadata.annotations` of the Pod or of the Deployment's template.
    pub annotations: BTreeMap<String, String>,
    /// The Pod's `spec`.
    pub spec: Value,
}

/// A PersistentVolumeClaim: a named volume.
#[derive(Debug)]
pub struct Claim {
    /// The volume's name (the claim's `metadata.name`).
    pub name: String,
    /// The claim's labels, given to the volume.
    pub labels: BTreeMap<String, String>,
}

/// Everything one YAML file describes.
#[derive(Debug, Default)]
pub struct Manifest {
    /// The pods, in the file's order.
    pub pods: Vec<PodDoc>,
    /// ConfigMaps by name.
    pub config_maps: BTreeMap<String, KeyData>,
    /// Secrets (type Opaque) by name.
    pub secrets: BTreeMap<String, KeyData>,
    /// The PersistentVolumeClaims.
    pub claims: Vec<Claim>,
}

const META_FIELDS: [&str; 5] = [
    "name",
    "labels",
    "annotations",
    "creationTimestamp",
    "namespace",
];

fn name_of(doc: &Value, kind: &str) -> Result<String> {
    check_fields(&doc["metadata"], &META_FIELDS, &format!("{kind}.metadata"))?;
    let name = doc["metadata"]["name"]
        .as_str()
        .filter(|n| !n.is_empty())
        .with_context(|| format!("kube play: a {kind} has no metadata.name"))?;
    Ok(name.to_string())
}

fn string_map(v: &Value, what: &str) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for (k, v) in v.as_object().into_iter().flatten() {
        let text = match v {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            _ => bail!("kube play: {what}.{k} must be a string"),
        };
        out.insert(k.clone(), text);
    }
    Ok(out)
}

fn base64_map(v: &Value, what: &str) -> Result<KeyData> {
    let mut out = KeyData::new();
    for (k, text) in string_map(v, what)? {
        let clean: String = text.split_whitespace().collect();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(clean)
            .map_err(|e| anyhow::anyhow!("kube play: {what}.{k} is not valid base64 ({e})"))?;
        out.insert(k, bytes);
    }
    Ok(out)
}

fn text_map(v: &Value, what: &str) -> Result<KeyData> {
    Ok(string_map(v, what)?
        .into_iter()
        .map(|(k, v)| (k, v.into_bytes()))
        .collect())
}

/// A ConfigMap's `data` (text) and `binaryData` (base64).
fn config_map(doc: &Value, name: &str) -> Result<KeyData> {
    let at = format!("ConfigMap {name}");
    check_fields(
        doc,
        &[
            "apiVersion",
            "kind",
            "metadata",
            "data",
            "binaryData",
            "immutable",
        ],
        &at,
    )?;
    let mut data = text_map(&doc["data"], &format!("{at} data"))?;
    data.extend(base64_map(&doc["binaryData"], &format!("{at} binaryData"))?);
    Ok(data)
}

/// An Opaque Secret's `data` (base64) and `stringData` (text, which wins).
fn secret(doc: &Value, name: &str) -> Result<KeyData> {
    let at = format!("Secret {name}");
    check_fields(
        doc,
        &[
            "apiVersion",
            "kind",
            "metadata",
            "data",
            "stringData",
            "type",
            "immutable",
        ],
        &at,
    )?;
    match doc["type"].as_str() {
        None | Some("Opaque") => {}
        Some(other) => bail!("kube play: {at}: type {other} is not supported (only Opaque)"),
    }
    let mut data = base64_map(&doc["data"], &format!("{at} data"))?;
    data.extend(text_map(&doc["stringData"], &format!("{at} stringData"))?);
    Ok(data)
}

fn claim(doc: &Value, name: &str) -> Result<Claim> {
    let at = format!("PersistentVolumeClaim {name}");
    check_fields(
        doc,
        &["apiVersion", "kind", "metadata", "spec", "status"],
        &at,
    )?;
    // Access modes, size and class are the cluster's business: a local volume
    // has neither, as with Podman.
    check_fields(
        &doc["spec"],
        &["accessModes", "resources", "storageClassName", "volumeMode"],
        &format!("{at} spec"),
    )?;
    Ok(Claim {
        name: name.to_string(),
        labels: string_map(&doc["metadata"]["labels"], &format!("{at} labels"))?,
    })
}

/// A Deployment's replicas as pods `NAME-pod-0`, `NAME-pod-1`, … (Podman's names).
fn deployment(doc: &Value, name: &str) -> Result<Vec<PodDoc>> {
    let at = format!("Deployment {name}");
    check_fields(
        doc,
        &["apiVersion", "kind", "metadata", "spec", "status"],
        &at,
    )?;
    let spec = &doc["spec"];
    check_fields(
        spec,
        &["replicas", "selector", "template", "strategy"],
        &format!("{at} spec"),
    )?;
    let replicas = match &spec["replicas"] {
        Value::Null => 1,
        v => v
            .as_u64()
            .with_context(|| format!("kube play: {at}: spec.replicas must be a number"))?,
    };
    if replicas > MAX_REPLICAS {
        bail!(
            "kube play: {at}: spec.replicas {replicas} is more than {MAX_REPLICAS}: ask for fewer"
        );
    }
    let template = &spec["template"];
    check_fields(
        template,
        &["metadata", "spec"],
        &format!("{at} spec.template"),
    )?;
    check_fields(
        &template["metadata"],
        &META_FIELDS,
        &format!("{at} spec.template.metadata"),
    )?;
    if !template["spec"].is_object() {
        bail!("kube play: {at} has no spec.template.spec");
    }
    (0..replicas)
        .map(|i| {
            pod_doc(
                format!("{name}-pod-{i}"),
                &template["metadata"],
                &template["spec"],
            )
        })
        .collect()
}

/// A pod named `name` of the metadata and spec of a Pod or a Deployment's template.
fn pod_doc(name: String, meta: &Value, spec: &Value) -> Result<PodDoc> {
    Ok(PodDoc {
        labels: meta["labels"].as_object().cloned().unwrap_or_default(),
        annotations: string_map(&meta["annotations"], &format!("pod {name} annotations"))?,
        name,
        spec: spec.clone(),
    })
}

impl Manifest {
    /// Sort `docs` by kind; an unsupported kind, or a document without one, is an
    /// error naming it.
    pub fn parse(docs: &[Value]) -> Result<Manifest> {
        let mut m = Manifest::default();
        for doc in docs {
            let kind = doc["kind"].as_str().context(
                "kube play: a document has no kind: give each document a kind such as Pod",
            )?;
            if kind == "Service" {
                continue;
            }
            let name = name_of(doc, kind)?;
            match kind {
                "Pod" => {
                    check_fields(doc, &["apiVersion", "kind", "metadata", "spec", "status"], "")?;
                    m.pods.push(pod_doc(name, &doc["metadata"], &doc["spec"])?);
                }
                "Deployment" => m.pods.extend(deployment(doc, &name)?),
                "ConfigMap" => {
                    m.config_maps.insert(name.clone(), config_map(doc, &name)?);
                }
                "Secret" => {
                    m.secrets.insert(name.clone(), secret(doc, &name)?);
                }
                "PersistentVolumeClaim" => m.claims.push(claim(doc, &name)?),
                other => bail!(
                    "kube play: kind {other} is not supported (Pod, Deployment, ConfigMap, Secret, PersistentVolumeClaim and Service are): remove it from the YAML"
                ),
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for p in &m.pods {
            if !seen.insert(p.name.as_str()) {
                bail!("kube play: pod {} is described twice: give each Pod and Deployment its own name", p.name);
            }
        }
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn deployments_become_numbered_pods_and_data_is_decoded() {
        let docs = [
            json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
                "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
                    "template": {"metadata": {"labels": {"app": "web"}},
                        "spec": {"containers": [{"name": "a", "image": "i"}]}}}}),
            json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"},
                "data": {"token": "c2VjcmV0"}, "stringData": {"plain": "text"}}),
            json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"},
                "data": {"k": "v"}}),
        ];
        let m = Manifest::parse(&docs).unwrap();
        let names: Vec<&str> = m.pods.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["web-pod-0", "web-pod-1"]);
        assert_eq!(m.pods[1].labels["app"], "web");
        assert_eq!(m.secrets["s"]["token"], b"secret");
        assert_eq!(m.secrets["s"]["plain"], b"text");
        assert_eq!(m.config_maps["c"]["k"], b"v");
    }

    #[test]
    fn bad_documents_are_named() {
        let err = |doc: Value| Manifest::parse(&[doc]).unwrap_err().to_string();
        let e = err(json!({"kind": "DaemonSet", "metadata": {"name": "d"}}));
        assert!(e.contains("kind DaemonSet"), "{e}");
        let e = err(json!({"kind": "Deployment", "metadata": {"name": "d"},
            "spec": {"replicas": 1000, "template": {"spec": {}}}}));
        assert!(e.contains("spec.replicas 1000"), "{e}");
        let e =
            err(json!({"kind": "Secret", "metadata": {"name": "s"}, "type": "kubernetes.io/tls"}));
        assert!(e.contains("kubernetes.io/tls"), "{e}");
        let e = err(json!({"kind": "Secret", "metadata": {"name": "s"}, "data": {"k": "!!"}}));
        assert!(e.contains("Secret s data.k"), "{e}");
    }
}
