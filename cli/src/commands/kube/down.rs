//! `coracle kube down FILE` (and `kube play --down`): remove the pods the YAML
//! describes, with their containers, and the volumes `kube play` filled from its
//! ConfigMaps and Secrets; the PersistentVolumeClaims' volumes stay unless
//! `--force` (as Podman's).

use anyhow::{bail, Result};
use coracle_runtime::lifecycle::pods::{self, remove::remove_pod};
use coracle_runtime::lifecycle::volumes;

use super::play::plans;
use crate::context::Context;
use crate::output;
use coracle_runtime::lifecycle::files_volume::is_files_volume;

/// `coracle kube down`.
pub fn down(ctx: &Context, file: &str, force: bool) -> Result<i32> {
    let (manifest, plans) = plans(file)?;
    let store = ctx.store()?;
    let mut removed = Vec::new();
    for plan in &plans {
        if let Some(pod) = pods::named(&store, &plan.name)? {
            remove_pod(&store, &pod, true, None)?;
            removed.push(pod.id);
        }
    }
    if !removed.is_empty() {
        let ids = removed.join("\n");
        output::print(&format!("Pods stopped:\n{ids}\nPods removed:\n{ids}\n"));
    }
    let vs = volumes::volume_store(&store);
    let (userns, _) = coracle_runtime::ids::userns::current_user_plan(false);
    let _lock = volumes::removal_lock(&store)?;
    let mut files: Vec<&str> = plans
        .iter()
        .flat_map(|p| p.files_volumes.iter().map(|f| f.name.as_str()))
        .collect();
    files.sort_unstable();
    files.dedup();
    for name in files {
        if vs.get(name)?.is_some_and(|r| is_files_volume(&r)) {
            volumes::remove_if_unused(&store, name, userns.as_ref())?;
        }
    }
    if !force {
        return Ok(0);
    }
    let mut claims: Vec<&str> = manifest.claims.iter().map(|c| c.name.as_str()).collect();
    claims.extend(
        plans
            .iter()
            .flat_map(|p| p.claims.iter().map(String::as_str)),
    );
    claims.sort_unstable();
    claims.dedup();
    let mut gone = Vec::new();
    for name in claims {
        if vs.get(name)?.is_none() {
            continue;
        }
        let users = volumes::users(&store, name)?;
        if let Some(c) = users.first() {
            bail!(
                "kube down: volume {name} is still used by container {}: remove it first",
                c.name
            );
        }
        volumes::remove(&store, name, userns.as_ref())?;
        gone.push(name);
    }
    if !gone.is_empty() {
        output::print(&format!("Volumes removed:\n{}\n", gone.join("\n")));
    }
    Ok(0)
}
