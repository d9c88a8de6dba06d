//! `coracle volume create|ls|inspect|exists|rm|prune`, as Podman's local driver.

use std::collections::BTreeMap;

use anyhow::{bail, Result};
use coracle_runtime::lifecycle::{control, volumes};
use coracle_storage::volumes::{check_volume_name, VolumeError, VolumeRecord, VolumeStore};
use coracle_storage::Store;

use crate::args::{
    VolumeCommand, VolumeCreateArgs, VolumeExistsArgs, VolumeInspectArgs, VolumeListArgs,
    VolumePruneArgs, VolumeRmArgs,
};
use crate::context::Context;
use crate::output;

/// Exit status of `volume rm` when a volume does not exist (Podman's).
const EXIT_NO_SUCH_VOLUME: i32 = 1;
/// Exit status of `volume rm` when a volume is in use (Podman's).
const EXIT_VOLUME_IN_USE: i32 = 2;

/// Run a `volume` subcommand.
pub fn dispatch(ctx: &Context, command: VolumeCommand) -> Result<i32> {
    match command {
        VolumeCommand::Create(a) => create(ctx, a),
        VolumeCommand::List(a) => list(ctx, a),
        VolumeCommand::Inspect(a) => inspect(ctx, a),
        VolumeCommand::Exists(a) => exists(ctx, a),
        VolumeCommand::Rm(a) => rm(ctx, a),
        VolumeCommand::Prune(a) => prune(ctx, a),
    }
}

/// `KEY=VALUE` pairs of a repeated flag (a bare KEY has an empty value).
fn key_values(pairs: &[String]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_string(), v.to_string())
        })
        .collect()
}

/// Apply `--opt` to a new record: `o=uid=N,gid=N,nocopy` is what a rootless local
/// volume can honour; anything else is refused.
fn apply_options(record: &mut VolumeRecord, opts: &[String]) -> Result<()> {
    for opt in opts {
        let Some(("o", list)) = opt.split_once('=') else {
            bail!("unsupported volume option {opt:?}: rootless local volumes take o=uid=N,gid=N,nocopy");
        };
        for item in list.split(',').filter(|i| !i.is_empty()) {
            let id = |v: &str| -> Result<u32> {
                v.parse()
                    .map_err(|_| anyhow::anyhow!("invalid --opt {opt:?}: {item:?} needs a number"))
            };
            match item.split_once('=') {
                Some(("uid", v)) => record.uid = Some(id(v)?),
                Some(("gid", v)) => record.gid = Some(id(v)?),
                None if item == "nocopy" => record.needs_copy_up = false,
                _ => bail!(
                    "unsupported volume option {item:?} in --opt {opt:?}: rootless local volumes take o=uid=N,gid=N,nocopy"
                ),
            }
        }
        record.options.insert("o".into(), list.to_string());
    }
    record.needs_chown = record.uid.is_some() || record.gid.is_some();
    Ok(())
}

fn create(ctx: &Context, args: VolumeCreateArgs) -> Result<i32> {
    if args.driver != "local" {
        bail!(
            "volume driver {:?} is not supported: use --driver local",
            args.driver
        );
    }
    let name = match args.name {
        Some(n) => {
            check_volume_name(&n)?;
            n
        }
        None => coracle_storage::new_container_id(),
    };
    let mut record = volumes::new_record(&name, false);
    record.labels = key_values(&args.label);
    apply_options(&mut record, &args.opt)?;
    let store = ctx.store()?;
    match volumes::volume_store(&store).create(&record) {
        Ok(()) => {}
        Err(VolumeError::Exists(_)) if args.ignore => {}
        Err(e) => return Err(e.into()),
    }
    output::print(&format!("{name}\n"));
    Ok(0)
}

/// A volume as Podman's `volume inspect` and `volume ls --format json` show it.
fn volume_json(vs: &VolumeStore, r: &VolumeRecord, in_use: usize) -> serde_json::Value {
    serde_json::json!({
        "Name": r.name,
        "Driver": r.driver,
        "Mountpoint": vs.data_dir(&r.name).to_string_lossy(),
        "CreatedAt": r.created_at,
        "Labels": r.labels,
        "Scope": "local",
        "Options": r.options,
        "UID": r.uid.unwrap_or(0),
        "GID": r.gid.unwrap_or(0),
        "Anonymous": r.anonymous,
        "MountCount": 0,
        "NeedsCopyUp": r.needs_copy_up,
        "NeedsChown": r.needs_chown,
        "LockNumber": 0,
        "InUse": in_use > 0,
    })
}

/// How many containers use each volume (from the saved specs).
pub(super) fn use_counts(store: &Store) -> Result<BTreeMap<String, usize>> {
    Ok(volumes::use_counts(store)?)
}

/// One `--filter` of `volume ls` / `volume prune`.
enum Filter {
    Name(String),
    Label(String, Option<String>),
    Dangling(bool),
    Driver(String),
}

impl Filter {
    fn parse(text: &str, keys: &[&str]) -> Result<Filter> {
        let Some((key, value)) = text.split_once('=').filter(|(k, _)| keys.contains(k)) else {
            bail!(
                "invalid filter {text:?}: expected one of {}",
                keys.iter()
                    .map(|k| format!("{k}="))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        };
        Ok(match key {
            "name" => Filter::Name(value.to_string()),
            "label" => match value.split_once('=') {
                Some((k, v)) => Filter::Label(k.to_string(), Some(v.to_string())),
                None => Filter::Label(value.to_string(), None),
            },
            "dangling" => Filter::Dangling(match value {
                "true" | "1" => true,
                "false" | "0" => false,
                _ => bail!("invalid filter {text:?}: dangling takes true or false"),
            }),
            _ => Filter::Driver(value.to_string()),
        })
    }

    fn matches(&self, r: &VolumeRecord, in_use: bool) -> bool {
        match self {
            Filter::Name(n) => r.name.contains(n.as_str()),
            Filter::Label(k, v) => r
                .labels
                .get(k)
                .is_some_and(|have| v.as_ref().is_none_or(|want| have == want)),
            Filter::Dangling(d) => *d != in_use,
            Filter::Driver(d) => &r.driver == d,
        }
    }
}

impl Filter {
    /// The filter's key: filters of one key are ORed, except labels (Podman's rule).
    fn key(&self) -> &'static str {
        match self {
            Filter::Name(_) => "name",
            Filter::Label(..) => "label",
            Filter::Dangling(_) => "dangling",
            Filter::Driver(_) => "driver",
        }
    }
}

/// Filters given several times: each key must match; of one key's values any one
/// will do, except `label`, where every one must (as `podman volume ls`).
fn selected(filters: &[Filter], r: &VolumeRecord, in_use: bool) -> bool {
    ["name", "label", "dangling", "driver"].iter().all(|key| {
        let mut of_key = filters.iter().filter(|f| f.key() == *key).peekable();
        if of_key.peek().is_none() {
            return true;
        }
        if *key == "label" {
            of_key.all(|f| f.matches(r, in_use))
        } else {
            of_key.any(|f| f.matches(r, in_use))
        }
    })
}

fn list(ctx: &Context, args: VolumeListArgs) -> Result<i32> {
    let filters = args
        .filter
        .iter()
        .map(|f| Filter::parse(f, &["name", "label", "dangling", "driver"]))
        .collect::<Result<Vec<_>>>()?;
    let store = ctx.store()?;
    let vs = volumes::volume_store(&store);
    let counts = use_counts(&store)?;
    let chosen: Vec<(VolumeRecord, usize)> = vs
        .list()?
        .into_iter()
        .map(|r| {
            let n = counts.get(&r.name).copied().unwrap_or(0);
            (r, n)
        })
        .filter(|(r, n)| selected(&filters, r, *n > 0))
        .collect();
    if args.quiet {
        let names: String = chosen
            .iter()
            .map(|(r, _)| format!("{}\n", r.name))
            .collect();
        output::print(&names);
        return Ok(0);
    }
    let items: Vec<_> = chosen
        .iter()
        .map(|(r, n)| volume_json(&vs, r, *n))
        .collect();
    let format = match args.format.as_deref() {
        Some(f) => f.to_string(),
        None if args.noheading => "{{.Driver}}\t{{.Name}}".to_string(),
        None => "table {{.Driver}}\t{{.Name}}".to_string(),
    };
    let headers = BTreeMap::from([("Driver", "DRIVER"), ("Name", "VOLUME NAME")]);
    output::print(&output::formatted(&format, &items, &headers)?);
    Ok(0)
}

fn inspect(ctx: &Context, args: VolumeInspectArgs) -> Result<i32> {
    let store = ctx.store()?;
    let vs = volumes::volume_store(&store);
    let counts = use_counts(&store)?;
    let records = if args.all {
        vs.list()?
    } else {
        args.names
            .iter()
            .map(|n| vs.find(n))
            .collect::<std::result::Result<Vec<_>, _>>()?
    };
    let items: Vec<_> = records
        .iter()
        .map(|r| volume_json(&vs, r, counts.get(&r.name).copied().unwrap_or(0)))
        .collect();
    match args.format.as_deref() {
        Some(f) if f.trim() != "json" => {
            output::print(&output::formatted(f, &items, &BTreeMap::new())?)
        }
        _ => output::print(&output::json(&serde_json::Value::Array(items))?),
    }
    Ok(0)
}

fn exists(ctx: &Context, args: VolumeExistsArgs) -> Result<i32> {
    let store = ctx.store()?;
    Ok(
        if volumes::volume_store(&store).get(&args.name)?.is_some() {
            0
        } else {
            1
        },
    )
}

/// `name`, short: a container's name and the first 12 digits of its id.
fn describe(c: &coracle_storage::ContainerRecord) -> String {
    format!("{} ({})", c.name, &c.id[..c.id.len().min(12)])
}

fn rm(ctx: &Context, args: VolumeRmArgs) -> Result<i32> {
    let store = ctx.store()?;
    let vs = volumes::volume_store(&store);
    let names: Vec<String> = if args.all {
        vs.list()?.into_iter().map(|r| r.name).collect()
    } else {
        args.names.clone()
    };
    let (plan, _) = coracle_runtime::ids::userns::current_user_plan(false);
    let _lock = volumes::removal_lock(&store)?;
    let mut status = 0;
    for given in &names {
        let name = &match vs.find(given) {
            Ok(r) => r.name,
            Err(e @ VolumeError::NotFound(_)) => {
                output::print_error(&e.into());
                status = status.max(EXIT_NO_SUCH_VOLUME);
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        let users = volumes::users(&store, name)?;
        if !users.is_empty() && !args.force {
            let who: Vec<String> = users.iter().map(describe).collect();
            output::print_error(&anyhow::anyhow!(
                "volume {name} is being used by the following container(s): {}: remove them first, or pass -f to remove them with the volume",
                who.join(", ")
            ));
            status = status.max(EXIT_VOLUME_IN_USE);
            continue;
        }
        for c in users {
            control::remove(&store, c, true, args.time, plan.as_ref())?;
        }
        volumes::remove(&store, name, plan.as_ref())?;
        output::print(&format!("{name}\n"));
    }
    Ok(status)
}

fn prune(ctx: &Context, args: VolumePruneArgs) -> Result<i32> {
    let filters = args
        .filter
        .iter()
        .map(|f| Filter::parse(f, &["name", "label"]))
        .collect::<Result<Vec<_>>>()?;
    if !super::prune::confirmed(args.force, "all volumes not used by at least one container")? {
        return Ok(0);
    }
    let store = ctx.store()?;
    let vs = volumes::volume_store(&store);
    let _lock = volumes::removal_lock(&store)?;
    let counts = use_counts(&store)?;
    let (plan, _) = coracle_runtime::ids::userns::current_user_plan(false);
    for r in vs.list()? {
        if counts.contains_key(&r.name) || !selected(&filters, &r, false) {
            continue;
        }
        volumes::remove(&store, &r.name, plan.as_ref())?;
        output::print(&format!("{}\n", r.name));
    }
    Ok(0)
}

/// A container's volume and bind mounts as Podman's `inspect` lists them (`Mounts`).
pub(super) fn inspect_mounts(
    store: &Store,
    config: &coracle_runtime::spec::ContainerConfig,
) -> Vec<serde_json::Value> {
    use coracle_runtime::fs::mounts_spec::MountSpec;
    let vs = volumes::volume_store(store);
    config
        .mounts
        .iter()
        .filter_map(|m| match m {
            MountSpec::Volume {
                name,
                target,
                readonly,
                ..
            } => Some(serde_json::json!({
                "Type": "volume",
                "Name": name,
                "Source": vs.data_dir(name),
                "Destination": target,
                "Driver": "local",
                "Mode": "",
                "Options": ["nosuid", "nodev", "rbind"],
                "RW": !readonly,
                "Propagation": "rprivate",
            })),
            MountSpec::Bind {
                source,
                target,
                readonly,
            } => Some(serde_json::json!({
                "Type": "bind",
                "Source": source,
                "Destination": target,
                "Driver": "",
                "Mode": "",
                "Options": ["rbind"],
                "RW": !readonly,
                "Propagation": "rprivate",
            })),
            _ => None,
        })
        .collect()
}

/// `--volumes-from CTR[:ro|rw]`: the volumes and bind mounts of each container
/// named, added to `config` (a mount of the user's own on the same path wins); `ro`
/// or `rw` overrides each mount's own setting. Inherited anonymous volumes stay the
/// other container's: this one's `rm -v` leaves them.
pub(super) fn inherit_volumes(
    store: &Store,
    from: &[String],
    config: &mut coracle_runtime::spec::ContainerConfig,
) -> Result<()> {
    use coracle_runtime::fs::mounts_spec::MountSpec;
    for spec in from {
        let (name, mode) = spec.split_once(':').unwrap_or((spec, ""));
        let readonly = match mode {
            "" => None,
            "ro" => Some(true),
            "rw" => Some(false),
            other => {
                bail!("invalid --volumes-from {spec:?}: unknown option {other:?}, use ro or rw")
            }
        };
        let Some(other) = store.db.find_container(name)? else {
            bail!("invalid --volumes-from {spec:?}: no container with name or ID {name:?} found");
        };
        let theirs = coracle_runtime::spec::ContainerConfig::from_json(&other.id, &other.config)?;
        for m in theirs.mounts {
            let inherited = match m {
                MountSpec::Volume {
                    name,
                    target,
                    readonly: ro,
                    ..
                } => MountSpec::Volume {
                    name,
                    target,
                    readonly: readonly.unwrap_or(ro),
                    anonymous: false,
                },
                MountSpec::Bind {
                    source,
                    target,
                    readonly: ro,
                } => MountSpec::Bind {
                    source,
                    target,
                    readonly: readonly.unwrap_or(ro),
                },
                _ => continue,
            };
            let taken = config
                .mounts
                .iter()
                .any(|m| m.target() == inherited.target());
            if !taken {
                config.mounts.push(inherited);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_and_filters() {
        let mut r = volumes::new_record("v", false);
        apply_options(&mut r, &["o=uid=1000,gid=100".into()]).unwrap();
        assert_eq!((r.uid, r.gid), (Some(1000), Some(100)));
        assert!(r.needs_copy_up);
        apply_options(&mut r, &["o=nocopy".into()]).unwrap();
        assert!(!r.needs_copy_up);
        for bad in ["type=nfs", "o=size=1m", "o=uid=x", "device=/dev/sda"] {
            assert!(apply_options(&mut r, &[bad.into()]).is_err(), "{bad}");
        }
        r.labels.insert("team".into(), "a".into());
        let f = |t: &str| Filter::parse(t, &["name", "label", "dangling", "driver"]).unwrap();
        assert!(f("label=team").matches(&r, false));
        assert!(f("label=team=a").matches(&r, false));
        assert!(!f("label=team=b").matches(&r, false));
        assert!(f("dangling=true").matches(&r, false));
        assert!(!f("dangling=true").matches(&r, true));
        assert!(f("name=v").matches(&r, true));
        assert!(Filter::parse("color=red", &["name"]).is_err());
        assert!(Filter::parse("dangling=maybe", &["dangling"]).is_err());
        // Two names: either will do; two labels: both must hold.
        assert!(selected(&[f("name=x"), f("name=v")], &r, false));
        assert!(!selected(&[f("name=x"), f("name=y")], &r, false));
        assert!(!selected(&[f("label=team"), f("label=other")], &r, false));
        assert!(!selected(&[f("name=v"), f("dangling=false")], &r, false));
    }
}
