//! `coracle kube play`: the whole YAML is read and checked first (nothing is made
//! when any part is refused); then the PersistentVolumeClaims' volumes, and per
//! pod its volumes of ConfigMap and Secret files, the pod and its containers.
//! Should a pod fail half-way, the pods and volumes this call made are removed.

use anyhow::{bail, Context as _, Result};
use clap::Parser;
use coracle_runtime::lifecycle::pods::{self, remove::remove_pod};
use coracle_runtime::lifecycle::volumes;
use coracle_storage::Store;

use super::manifest::Manifest;
use super::pod_plan::{pod_plan, PodPlan};
use crate::args::{Cli, Command, KubePlayArgs, PodCommand};
use crate::context::Context;
use crate::output;

/// The pods and plans of a YAML file, checked.
pub(super) fn plans(file: &str) -> Result<(Manifest, Vec<PodPlan>)> {
    let manifest = Manifest::parse(&super::documents(file)?)?;
    let plans = manifest
        .pods
        .iter()
        .map(|p| pod_plan(p, &manifest).with_context(|| format!("kube play: pod {}", p.name)))
        .collect::<Result<Vec<_>>>()?;
    Ok((manifest, plans))
}

/// Run one coracle command line in this process.
fn run_line(ctx: &Context, line: &[String]) -> Result<i32> {
    let cli =
        Cli::try_parse_from(std::iter::once("coracle".to_string()).chain(line.iter().cloned()))
            .map_err(|e| {
                anyhow::anyhow!("kube play: {}", e.to_string().lines().next().unwrap_or(""))
            })?;
    match cli.command {
        Command::Pod(PodCommand::Create(a)) => crate::commands::pod::create(ctx, a),
        Command::Run(a) => crate::commands::run::run(ctx, *a),
        Command::Create(a) => crate::commands::run::create(ctx, *a),
        _ => bail!("kube play: internal command {:?} not handled", line.first()),
    }
}

/// What one call made, to undo on failure.
#[derive(Default)]
struct Made {
    pods: Vec<String>,
    volumes: Vec<String>,
}

impl Made {
    /// Remove what was made (best effort: the play's own error is what is reported).
    fn undo(&self, store: &Store) {
        for name in &self.pods {
            if let Ok(Some(pod)) = pods::named(store, name) {
                let _ = remove_pod(store, &pod, true, Some(0));
            }
        }
        let (plan, _) = coracle_runtime::ids::userns::current_user_plan(false);
        let Ok(_lock) = volumes::removal_lock(store) else {
            return;
        };
        for name in &self.volumes {
            // A volume some other container took up in the meantime stays.
            let _ = volumes::remove_if_unused(store, name, plan.as_ref());
        }
    }
}

/// Make one pod: its volumes of files, the pod, its containers.
fn make_pod(
    ctx: &Context,
    store: &Store,
    plan: &PodPlan,
    args: &KubePlayArgs,
    made: &mut Made,
) -> Result<()> {
    for dir in &plan.host_dirs {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("kube play: cannot make hostPath {dir}"))?;
    }
    let vs = volumes::volume_store(store);
    for fv in &plan.files_volumes {
        let existed = vs.get(&fv.name)?.is_some();
        coracle_runtime::lifecycle::files_volume::fill(store, fv)?;
        if !existed {
            made.volumes.push(fv.name.clone());
        }
    }
    output::print("Pod:\n");
    made.pods.push(plan.name.clone());
    check(run_line(ctx, &plan.pod_line)?)?;
    output::print(if plan.containers.len() == 1 {
        "Container:\n"
    } else {
        "Containers:\n"
    });
    for c in &plan.containers {
        let mut line: Vec<String> = if args.start {
            vec!["run".into(), "-d".into()]
        } else {
            vec!["create".into()]
        };
        if args.quiet {
            line.push("-q".into());
        }
        line.extend(c.iter().cloned());
        check(run_line(ctx, &line)?)?;
    }
    output::print("\n");
    Ok(())
}

/// A command line's exit code as a result.
fn check(code: i32) -> Result<()> {
    if code != 0 {
        bail!("kube play: a command failed with exit code {code}");
    }
    Ok(())
}

/// `coracle kube play`.
pub fn play(ctx: &Context, args: KubePlayArgs) -> Result<i32> {
    let (manifest, plans) = plans(&args.file)?;
    if plans.is_empty() && manifest.claims.is_empty() {
        bail!(
            "kube play: {} has no Pod, Deployment or PersistentVolumeClaim to create",
            args.file
        );
    }
    let store = ctx.store()?;
    for plan in &plans {
        if let Some(pod) = pods::named(&store, &plan.name)? {
            if !args.replace {
                bail!("kube play: pod {} already exists: use --replace, or `coracle kube down {}` first", plan.name, args.file);
            }
            remove_pod(&store, &pod, true, None)?;
        }
    }
    let mut made = Made::default();
    let result = (|| -> Result<()> {
        let vs = volumes::volume_store(&store);
        let mut new_volumes = Vec::new();
        for claim in &manifest.claims {
            // A claim's volume outlives `kube down` (without --force): it is taken again.
            if vs.get(&claim.name)?.is_none() {
                let mut record = volumes::new_record(&claim.name, false);
                record.labels = claim.labels.clone();
                vs.create(&record)?;
                made.volumes.push(claim.name.clone());
                new_volumes.push(claim.name.clone());
            }
        }
        for plan in &plans {
            make_pod(ctx, &store, plan, &args, &mut made)
                .with_context(|| format!("kube play of pod {}", plan.name))?;
        }
        if !new_volumes.is_empty() {
            output::print(&format!("Volumes:\n{}\n", new_volumes.join("\n")));
        }
        Ok(())
    })();
    if let Err(e) = result {
        made.undo(&store);
        return Err(e);
    }
    Ok(0)
}
