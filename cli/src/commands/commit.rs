//! `export`, `import`, `commit` and `diff`: a container's filesystem changes read by
//! [`coracle_runtime::fs::changes`], new images made by [`coracle_image::compose`].

use std::fs::File;
use std::io::{IsTerminal, Write};
use std::os::fd::{AsFd, OwnedFd};

use anyhow::{bail, Context as _, Result};
use coracle_image::compose::{self, ConfigChange, Draft, StoredLayer};
use coracle_runtime::fs::changes::{self, ChangeKind};
use coracle_runtime::ids::idmap::UserNsPlan;
use coracle_runtime::spec::ContainerConfig;
use coracle_storage::Store;

use crate::args::{CommitArgs, DiffArgs, ExportArgs, ImportArgs};
use crate::commands::containers::find;
use crate::commands::remove::target_name;
use crate::context::Context;

fn user_plan() -> Option<UserNsPlan> {
    coracle_runtime::ids::userns::current_user_plan(false).0
}

/// Stdout as a descriptor for a tar stream; a terminal is refused.
fn tar_stdout() -> Result<OwnedFd> {
    if std::io::stdout().is_terminal() {
        bail!("refusing to write a tar archive to a terminal: redirect stdout or use -o FILE");
    }
    Ok(std::io::stdout().as_fd().try_clone_to_owned()?)
}

/// Run `coracle export`.
pub fn export(ctx: &Context, args: ExportArgs) -> Result<i32> {
    let store = ctx.store()?;
    let record = find(&store, &args.container)?;
    let plan = user_plan();
    match &args.output {
        None => changes::export(&store, &record, plan.as_ref(), tar_stdout()?)?,
        Some(path) => {
            let file = File::create(path).with_context(|| format!("create {}", path.display()))?;
            let written = changes::export(&store, &record, plan.as_ref(), OwnedFd::from(file));
            if let Err(e) = written {
                let _ = std::fs::remove_file(path);
                return Err(e.into());
            }
        }
    }
    Ok(0)
}

/// Parse every `--change`.
fn parse_changes(texts: &[String]) -> Result<Vec<ConfigChange>> {
    Ok(texts
        .iter()
        .map(|t| ConfigChange::parse(t))
        .collect::<Result<_, _>>()?)
}

fn now_rfc3339() -> String {
    coracle_monitor::log::now_rfc3339_nano()
}

/// Run `coracle import`.
pub fn import(ctx: &Context, args: ImportArgs) -> Result<i32> {
    let changes = parse_changes(&args.config.change)?;
    let name = args.reference.as_deref().map(target_name).transpose()?;
    let store = ctx.store()?;
    let source = args.source.as_str();
    let is_url = source.starts_with("http://") || source.starts_with("https://");
    if source.contains("://") && !is_url {
        bail!("cannot import {source}: give a file, -, or an http:// or https:// URL");
    }
    let layer = match source {
        "-" => compose::import_layer(&store, std::io::stdin().lock())?,
        url if is_url => {
            let file = crate::context::io_runtime()?.block_on(compose::download(&store, url))?;
            compose::import_layer(&store, file)?
        }
        path => {
            let file = File::open(path).with_context(|| format!("open {path}"))?;
            compose::import_layer(&store, file)?
        }
    };
    let draft = Draft {
        base_config: None,
        base_layers: Vec::new(),
        created_by: format!("/bin/sh -c #(nop) ADD file:{} in / ", layer.diff_id.hex()),
        layer,
        changes,
        created: now_rfc3339(),
        comment: args.config.message.clone(),
        author: None,
        architecture: coracle_image::platform::Platform::host().architecture,
    };
    finish(&store, &draft, name.as_deref())
}

/// Record the image and print its id (the only output: there is no progress to
/// quieten with `-q`).
fn finish(store: &Store, draft: &Draft, name: Option<&str>) -> Result<i32> {
    let record = compose::commit_image(store, draft, name)?;
    println!("{}", record.id);
    Ok(0)
}

/// What the container's own settings change in its image's configuration.
fn container_changes(config: &ContainerConfig) -> Vec<ConfigChange> {
    let mut out = Vec::new();
    let env: Vec<(String, String)> = config
        .env
        .iter()
        .filter_map(|e| e.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    if !env.is_empty() {
        out.push(ConfigChange::Env(env));
    }
    if let Some(e) = config.entrypoint.as_deref().filter(|e| !e.is_empty()) {
        let list = serde_json::from_str::<Vec<String>>(e).unwrap_or_else(|_| vec![e.to_string()]);
        out.push(ConfigChange::Entrypoint(list));
    }
    if !config.command.is_empty() {
        out.push(ConfigChange::Cmd(config.command.clone()));
    }
    if let Some(w) = config.workdir.as_deref().filter(|w| !w.is_empty()) {
        out.push(ConfigChange::Workdir(w.to_string()));
    }
    if let Some(u) = config.user.as_deref().filter(|u| !u.is_empty()) {
        out.push(ConfigChange::User(u.to_string()));
    }
    if !config.labels.is_empty() {
        out.push(ConfigChange::Labels(config.labels.clone()));
    }
    out
}

/// The container's upper directory as a stored layer (frozen meanwhile with --pause).
fn container_layer(
    store: &Store,
    record: &coracle_storage::ContainerRecord,
    pause: bool,
) -> Result<StoredLayer> {
    let spool = store
        .root
        .join(format!("commit-{}.tar", std::process::id()));
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(&spool)
        .with_context(|| format!("create {}", spool.display()))?;
    let _ = std::fs::remove_file(&spool);
    let writer = OwnedFd::from(file.try_clone()?);
    let frozen = pause && record.state == coracle_storage::ContainerState::Running;
    if frozen {
        coracle_runtime::lifecycle::pause::pause(store, &record.id)?;
    }
    let written = changes::write_layer(store, record, user_plan().as_ref(), writer);
    if frozen {
        coracle_runtime::lifecycle::pause::unpause(store, &record.id)?;
    }
    written?;
    Ok(compose::store_layer(store, file)?)
}

/// Run `coracle commit`.
pub fn commit(ctx: &Context, args: CommitArgs) -> Result<i32> {
    let user_changes = parse_changes(&args.config.change)?;
    let name = args.image.as_deref().map(target_name).transpose()?;
    let store = ctx.store()?;
    let record = find(&store, &args.container)?;
    let config = ContainerConfig::from_json(&record.id, &record.config)?;
    let image = store
        .db
        .image_by_id(&record.image_id)?
        .with_context(|| format!("the image of container {} is gone", record.name))?;
    let base: serde_json::Value =
        serde_json::from_slice(&store.blobs.read(&image.record.config_digest)?)
            .context("the container's image configuration")?;
    let layer = container_layer(&store, &record, args.pause)?;
    let mut all_changes = container_changes(&config);
    all_changes.extend(user_changes);
    let draft = Draft {
        base_config: Some(base),
        base_layers: image.record.layers.clone(),
        layer,
        changes: all_changes,
        created: now_rfc3339(),
        created_by: config.args.join(" "),
        comment: args.config.message.clone(),
        author: args.author.clone(),
        architecture: image.record.architecture.clone(),
    };
    finish(&store, &draft, name.as_deref())
}

/// Run `coracle diff`.
pub fn diff(ctx: &Context, args: DiffArgs) -> Result<i32> {
    let json = match args.format.as_deref() {
        None => false,
        Some("json") => true,
        Some(other) => bail!("unknown --format {other:?}: diff prints text or json"),
    };
    let store = ctx.store()?;
    let record = find(&store, &args.container)?;
    let list = changes::diff(&store, &record, user_plan().as_ref())?;
    let mut out = std::io::stdout().lock();
    if json {
        let of = |k: ChangeKind| -> Vec<&str> {
            list.iter()
                .filter(|c| c.kind == k)
                .map(|c| c.path.as_str())
                .collect()
        };
        let mut doc = serde_json::Map::new();
        for (key, kind) in [
            ("changed", ChangeKind::Changed),
            ("added", ChangeKind::Added),
            ("deleted", ChangeKind::Deleted),
        ] {
            let paths = of(kind);
            if !paths.is_empty() {
                doc.insert(key.into(), serde_json::json!(paths));
            }
        }
        writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
    } else {
        for c in &list {
            writeln!(out, "{} {}", c.kind.letter(), c.path)?;
        }
    }
    Ok(0)
}
