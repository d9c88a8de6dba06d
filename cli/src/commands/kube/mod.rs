//! `coracle kube generate|play|down`: containers and pods as Kubernetes YAML and
//! back. Unsupported kinds and fields are errors naming them, never dropped
//! silently. YAML goes through `yaml_serde` (the YAML organisation's maintained
//! continuation of serde_yaml).

mod down;
mod generate;
mod manifest;
mod play;
mod pod_plan;
mod resources;
mod volumes_yaml;

use std::io::Read;

use anyhow::{bail, Context as _, Result};
use serde_json::Value;

use crate::args::KubeCommand;
use crate::context::Context;

/// The largest YAML `kube play` and `kube down` read.
const MAX_YAML: u64 = 4 << 20;

/// Run one `kube` subcommand.
pub fn dispatch(ctx: &Context, command: KubeCommand) -> Result<i32> {
    match command {
        KubeCommand::Generate(a) => generate::generate(ctx, a),
        KubeCommand::Play(a) if a.down => down::down(ctx, &a.file, a.force),
        KubeCommand::Play(a) => play::play(ctx, a),
        KubeCommand::Down(a) => down::down(ctx, &a.file, a.force),
    }
}

/// Read the YAML of `file` (`-` is standard input), bounded.
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

/// The documents of the YAML in `file` (empty documents left out).
fn documents(file: &str) -> Result<Vec<Value>> {
    let text = read_yaml(file)?;
    let mut docs = Vec::new();
    for doc in yaml_serde::Deserializer::from_str(&text) {
        let value: Value = serde::Deserialize::deserialize(doc)
            .map_err(|e| anyhow::anyhow!("kube: {file}: not valid YAML: {e}"))?;
        if !value.is_null() {
            docs.push(value);
        }
    }
    Ok(docs)
}

/// Refuse fields coracle does not carry out, by their path.
fn check_fields(obj: &Value, allowed: &[&str], path: &str) -> Result<()> {
    if let Some(map) = obj.as_object() {
        for key in map.keys() {
            if !allowed.contains(&key.as_str()) {
                bail!("kube play: unsupported field {path}.{key}: remove it from the YAML");
            }
        }
    } else if !obj.is_null() {
        bail!("kube play: {path} must be a mapping");
    }
    Ok(())
}
