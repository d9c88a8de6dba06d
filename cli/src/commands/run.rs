//! `coracle run` and `coracle create`: parse every flag into the container's spec
//! first, find or pull the image, then hand over to the runtime: a foreground
//! container's exit status is ours; `-d` hands it to its monitor.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context as _, Result};
use coracle_image::lookup::{find_image, LookupError};
use coracle_runtime::fs::mounts_spec::{
    parse_device, parse_mount, parse_tmpfs, parse_volume, DeviceSpec, MountSpec,
};
use coracle_runtime::ids::idmap::UserNsPlan;
use coracle_runtime::lifecycle::{control, foreground, launch};
use coracle_runtime::spec::{
    ContainerConfig, HealthConfig, IdMappingMode, LogConfig, LogDriver, NamespaceMode, Namespaces,
    Resources, RestartPolicy, SeccompChoice,
};
use coracle_runtime::RuntimeError;
use coracle_storage::{ContainerRecord, ImageSummary, Store};

use super::name_rules::{check_container_name, check_hostname};
use crate::args::RunArgs;
use crate::context::Context;

/// Read `-e` and `--env-file` into "KEY=value" entries (a bare KEY copies the caller's value).
pub(crate) fn environment(vars: &[String], files: &[std::path::PathBuf]) -> Result<Vec<String>> {
    let mut env = Vec::new();
    let mut add = |entry: &str, origin: &str| -> Result<()> {
        let entry = entry.trim_end_matches('\r');
        if entry.is_empty() || entry.starts_with('#') {
            return Ok(());
        }
        match entry.split_once('=') {
            Some(("", _)) => {
                bail!("invalid environment variable {entry:?} in {origin}: the name is empty")
            }
            Some(_) => env.push(entry.to_string()),
            None => {
                if let Ok(v) = std::env::var(entry) {
                    env.push(format!("{entry}={v}"));
                }
            }
        }
        Ok(())
    };
    for file in files {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read env file {}", file.display()))?;
        for line in text.lines() {
            add(line.trim_start(), &file.display().to_string())?;
        }
    }
    for e in vars {
        add(e, "--env")?;
    }
    Ok(env)
}

/// `--device` arguments, each naming an existing host device node.
fn devices(args: &RunArgs) -> Result<Vec<DeviceSpec>> {
    use std::os::unix::fs::FileTypeExt;
    let mut out = Vec::new();
    for spec in &args.device {
        let device = parse_device(spec)?;
        let host = &device.host;
        let kind = match std::fs::metadata(host) {
            Ok(meta) => meta.file_type(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                bail!(
                    "--device {spec}: host device {} does not exist",
                    host.display()
                )
            }
            Err(e) => bail!("--device {spec}: cannot look at {}: {e}", host.display()),
        };
        if !kind.is_char_device() && !kind.is_block_device() {
            bail!(
                "--device {spec}: {} is not a device node (name each device of a directory)",
                host.display()
            );
        }
        out.push(device);
    }
    Ok(out)
}

/// `KEY=VALUE` pairs of `--label` / `--annotation` (a bare KEY has an empty value).
pub(super) fn key_values(flag: &str, pairs: &[String]) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for pair in pairs {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        if k.is_empty() {
            bail!("invalid --{flag} {pair:?}: the key is empty (expected KEY=VALUE)");
        }
        out.insert(k.to_string(), v.to_string());
    }
    Ok(out)
}

/// `--log-driver` and `--log-opt` into the log settings.
fn log_config(args: &RunArgs) -> Result<LogConfig> {
    let mut log = LogConfig {
        driver: LogDriver::parse(&args.log_driver)?,
        ..Default::default()
    };
    for opt in &args.log_opt {
        match opt.split_once('=') {
            Some(("path", p)) if p.starts_with('/') => log.path = Some(p.into()),
            Some(("max-size", size)) => {
                log.max_size = Some(parse_size(size).with_context(|| {
                    format!("invalid --log-opt {opt:?}: expected a size such as 10m")
                })?)
            }
            Some(("tag", _)) => {}
            _ => bail!("invalid --log-opt {opt:?}: expected path=/ABSOLUTE/FILE or max-size=SIZE"),
        }
    }
    if args.detach && log.driver == LogDriver::Passthrough {
        bail!("--log-driver passthrough needs a foreground container: drop -d or pick k8s-file");
    }
    Ok(log)
}

/// `10`, `10k`, `10m`, `1g` (binary multiples, as Podman's units).
pub(crate) fn parse_size(text: &str) -> Option<u64> {
    let lower = text.to_ascii_lowercase();
    let lower = lower.trim_end_matches('b');
    let (digits, mult) = match lower.char_indices().last() {
        Some((i, 'k')) => (&lower[..i], 1u64 << 10),
        Some((i, 'm')) => (&lower[..i], 1 << 20),
        Some((i, 'g')) => (&lower[..i], 1 << 30),
        _ => (lower, 1),
    };
    digits.parse::<u64>().ok()?.checked_mul(mult)
}

/// Turn the flags into the container's spec, rejecting anything unsupported before
/// any work.
fn container_config(ctx: &Context, args: &RunArgs) -> Result<ContainerConfig> {
    // Modes and names are checked (and aliases and the MAC address tied to the
    // named networks) first; then how the container's namespace is connected.
    let (_, networks) = coracle_runtime::spec::network::parse_network_flags(
        &args.network,
        &args.network_alias,
        args.mac_address.as_deref(),
    )?;
    let (network_mode, network) =
        coracle_runtime::spec::network_mode::parse_network(&args.network.join(","))?;
    let publish = args
        .publish
        .iter()
        .map(|p| coracle_network::PortMapping::parse(p))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let namespaces = Namespaces {
        network: network_mode,
        ipc: NamespaceMode::parse("ipc", &args.ipc)?,
        pid: NamespaceMode::parse("pid", &args.pid)?,
        uts: NamespaceMode::parse("uts", &args.uts)?,
        cgroup: NamespaceMode::parse("cgroupns", &args.cgroupns)?,
        ..Default::default()
    };
    let id_mapping = IdMappingMode::from_flags(
        args.userns.as_deref(),
        &args.uidmap,
        &args.gidmap,
        args.subuidname.as_deref(),
        args.subgidname.as_deref(),
    )?;
    if args.group_add.iter().any(|g| g == "keep-groups") && args.group_add.len() > 1 {
        bail!("--group-add keep-groups keeps your own groups and cannot be combined with other groups: give one or the other");
    }
    namespaces.check_supported()?;
    let restart = RestartPolicy::parse(&args.restart)?;
    if restart != RestartPolicy::No && args.rm {
        bail!(
            "the --rm option conflicts with --restart {}: use one of them",
            args.restart
        );
    }
    let mut no_new_privs = false;
    let mut seccomp = SeccompChoice::Default;
    for opt in &args.security_opt {
        match opt.split_once(['=', ':']) {
            None if opt == "no-new-privileges" => no_new_privs = true,
            Some(("no-new-privileges", v)) => no_new_privs = v == "true",
            Some(("seccomp", "unconfined")) => seccomp = SeccompChoice::Unconfined,
            Some(("seccomp", file)) => seccomp = SeccompChoice::File(file.into()),
            Some(("label", _)) | Some(("apparmor", _)) => {}
            _ => bail!("invalid --security-opt {opt:?}: expected no-new-privileges, seccomp=unconfined or seccomp=FILE"),
        }
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| "/".into());
    let mut mounts = Vec::new();
    for v in &args.volume {
        mounts.push(parse_volume(v, &cwd)?);
    }
    for m in &args.mount {
        mounts.push(parse_mount(m, &cwd)?);
    }
    for t in &args.tmpfs {
        mounts.push(parse_tmpfs(t)?);
    }
    for m in &mounts {
        if let MountSpec::Bind { source, .. } = m {
            if !Path::new(source).exists() {
                bail!("bind mount source {} does not exist", source.display());
            }
        }
    }
    coracle_runtime::security::caps::resolve(&args.cap_add, &args.cap_drop, args.privileged)?;
    if let Some(sig) = &args.stop_signal {
        coracle_runtime::spec::signal_number(sig)?;
    }
    let mut config = ContainerConfig {
        command: args.command.clone(),
        entrypoint: args.entrypoint.clone(),
        env: environment(&args.env, &args.env_file)?,
        workdir: args.workdir.clone(),
        user: args.user.clone(),
        hostname: args.hostname.clone(),
        name: args.name.clone(),
        mounts,
        devices: devices(args)?,
        read_only: args.read_only,
        cap_add: args.cap_add.clone(),
        cap_drop: args.cap_drop.clone(),
        privileged: args.privileged,
        no_new_privs,
        seccomp,
        namespaces,
        keep_id: id_mapping.is_keep_id(),
        id_mapping,
        group_add: args.group_add.clone(),
        tty: args.tty,
        interactive: args.interactive,
        detach: args.detach,
        init: args.init,
        remove: args.rm,
        labels: key_values("label", &args.label)?,
        annotations: key_values("annotation", &args.annotation)?,
        stop_signal: args.stop_signal.clone(),
        stop_timeout: args.stop_timeout,
        restart,
        log: log_config(args)?,
        ignore_chown_errors: ctx.ignore_chown_errors(),
        mount_program: ctx.mount_program(),
        resources: resources(args)?,
        health: health(args)?,
        networks,
        dns: coracle_runtime::spec::DnsSettings::parse(
            &args.dns,
            &args.dns_search,
            &args.dns_option,
        )?,
        network,
        publish,
        publish_all: args.publish_all,
        ..Default::default()
    };
    super::network::check_attachments(ctx, &config)?;
    check_host_ports(&config.publish)?;
    super::run_process::apply(args, &mut config)?;
    Ok(config)
}

/// A host port given with `-p` that is in use now fails before any container is
/// made (the start binds it again).
fn check_host_ports(publish: &[coracle_network::PortMapping]) -> Result<()> {
    let fixed: Vec<_> = publish
        .iter()
        .filter(|p| p.host_port != 0)
        .cloned()
        .collect();
    coracle_network::relay::bind_published(&fixed)?;
    Ok(())
}

/// `--memory`, `--memory-swap`, `--cpus`, `--cpu-shares`, `--pids-limit`.
fn resources(args: &RunArgs) -> Result<Resources> {
    use coracle_runtime::spec::resources as parse;
    let resources = Resources {
        memory: args
            .memory
            .as_deref()
            .map(parse::parse_memory)
            .transpose()?
            .flatten(),
        memory_swap: args
            .memory_swap
            .as_deref()
            .map(parse::parse_memory_swap)
            .transpose()?,
        nano_cpus: args.cpus.as_deref().map(parse::parse_cpus).transpose()?,
        cpu_shares: args
            .cpu_shares
            .as_deref()
            .map(parse::parse_cpu_shares)
            .transpose()?,
        pids_limit: args
            .pids_limit
            .as_deref()
            .map(parse::parse_pids_limit)
            .transpose()?
            .flatten(),
    };
    resources.check()?;
    Ok(resources)
}

/// `--health-cmd` and its settings (which need it).
fn health(args: &RunArgs) -> Result<Option<HealthConfig>> {
    use coracle_runtime::spec::health::{self as h, parse_duration};
    let settings = args.health_interval.is_some()
        || args.health_retries.is_some()
        || args.health_timeout.is_some()
        || args.health_start_period.is_some();
    let Some(command) = args
        .health_cmd
        .as_deref()
        .map(HealthConfig::parse_command)
        .transpose()?
        .flatten()
    else {
        if settings && args.health_cmd.is_none() {
            bail!("--health-interval, --health-retries, --health-timeout and --health-start-period need --health-cmd");
        }
        return Ok(None);
    };
    let duration = |flag: &str, value: &Option<String>, default: u64| -> Result<u64> {
        Ok(value
            .as_deref()
            .map(|v| parse_duration(flag, v))
            .transpose()?
            .unwrap_or(default))
    };
    let retries = args.health_retries.unwrap_or(h::DEFAULT_RETRIES);
    if retries == 0 {
        bail!("invalid --health-retries 0: give at least 1");
    }
    Ok(Some(HealthConfig {
        command,
        // `disable`: no timed checks, only `healthcheck run` (as Podman).
        interval_secs: match args.health_interval.as_deref() {
            Some("disable") => 0,
            _ => duration(
                "--health-interval",
                &args.health_interval,
                h::DEFAULT_INTERVAL_SECS,
            )?,
        },
        retries,
        timeout_secs: duration(
            "--health-timeout",
            &args.health_timeout,
            h::DEFAULT_TIMEOUT_SECS,
        )?
        .max(1),
        start_period_secs: duration("--health-start-period", &args.health_start_period, 0)?,
    }))
}

/// Find the image, pulling it as `--pull` says.
fn image_for(ctx: &Context, store: &Store, args: &RunArgs) -> Result<ImageSummary> {
    let present = match find_image(store, &ctx.registries_for_lookup(&args.image)?, &args.image) {
        Ok(i) => Some(i),
        Err(LookupError::NotFound(_)) => None,
        Err(e) => return Err(e.into()),
    };
    let must_pull = match args.pull.as_str() {
        "always" | "newer" => true,
        "never" => false,
        _ => present.is_none(),
    };
    if !must_pull {
        return present
            .with_context(|| format!("{}: image not known (and --pull=never)", args.image));
    }
    let pull_opts = super::pull::options(
        args.platform.as_deref(),
        None,
        &args.registry,
        None,
        coracle_image::pull::DEFAULT_PARALLEL,
    )?;
    match super::pull::pull_image(ctx, store, &args.image, &pull_opts, args.quiet) {
        Ok(id) => store
            .db
            .image_by_id(&id)?
            .with_context(|| format!("{}: image vanished after the pull", args.image)),
        // --pull=newer keeps a present image when the registry cannot be asked.
        Err(e) if args.pull == "newer" && present.is_some() => {
            log::warn!("{e:#}; using the stored image");
            present.context("stored image")
        }
        Err(e) => Err(e),
    }
}

/// A failure to execute the command is its own exit code (126/127), printed as Podman does.
pub(crate) fn exit_code(result: coracle_runtime::Result<i32>) -> Result<i32> {
    match result {
        Ok(code) => Ok(code),
        Err(RuntimeError::Exec { code, message }) => {
            eprintln!("Error: {message}");
            Ok(code)
        }
        Err(e) => Err(e.into()),
    }
}

/// `--cidfile`: refuse an existing file before anything is created, as Podman does.
fn check_cidfile(args: &RunArgs) -> Result<()> {
    if let Some(path) = &args.cidfile {
        if path.exists() {
            bail!(
                "container id file {} exists: remove it first",
                path.display()
            );
        }
    }
    Ok(())
}

fn write_cidfile(args: &RunArgs, id: &str) -> Result<()> {
    if let Some(path) = &args.cidfile {
        std::fs::write(path, id)
            .with_context(|| format!("cannot write the container id to {}", path.display()))?;
    }
    Ok(())
}

/// What a container of `args` is made from: its spec, its image and the user
/// namespace its layers are unpacked under. A container `--replace` names is gone.
struct Inputs {
    config: ContainerConfig,
    image: ImageSummary,
    stored_plan: Option<UserNsPlan>,
}

/// The [`Inputs`] of the container `args` describe.
fn container_inputs(ctx: &Context, store: &Store, args: &RunArgs) -> Result<Inputs> {
    let config = container_config(ctx, args)?;
    let plan = coracle_runtime::ids::userns::current_user_plan(false);
    inputs_from(ctx, store, args, config, plan)
}

/// [`container_inputs`] from the flags' config and the caller's id plan (and its
/// warning), made already.
fn inputs_from(
    ctx: &Context,
    store: &Store,
    args: &RunArgs,
    mut config: ContainerConfig,
    (stored_plan, warning): (Option<UserNsPlan>, Option<String>),
) -> Result<Inputs> {
    check_cidfile(args)?;
    super::pod::join(store, args, &mut config)?;
    if let Some(w) = warning {
        crate::output::warn_once(&w);
    }
    let image = image_for(ctx, store, args)?;
    super::run_process::resolve_image_mounts(ctx, store, &mut config)?;
    super::volume::inherit_volumes(store, &args.volumes_from, &mut config)?;
    super::run_process::replace_existing(store, args)?;
    Ok(Inputs {
        config,
        image,
        stored_plan,
    })
}

/// Create the container `args` describe; its record.
fn create_container(ctx: &Context, store: &Store, args: &RunArgs) -> Result<ContainerRecord> {
    let inputs = container_inputs(ctx, store, args)?;
    let record = launch::create(
        store,
        &inputs.image,
        &args.image,
        inputs.config,
        inputs.stored_plan.as_ref(),
    )?;
    write_cidfile(args, &record.id)?;
    Ok(record)
}

/// `--name` and `--hostname` against their rules, before anything else: neither may
/// carry a line into /etc/hosts.
fn check_names(args: &RunArgs) -> Result<()> {
    if let Some(name) = &args.name {
        check_container_name("--name", name)?;
    }
    if let Some(hostname) = &args.hostname {
        check_hostname(hostname)?;
    }
    Ok(())
}

/// `coracle create`: print the new container's id.
pub fn create(ctx: &Context, args: RunArgs) -> Result<i32> {
    super::run_process::check_create(&args)?;
    check_names(&args)?;
    let store = ctx.store()?;
    let record = create_container(ctx, &store, &args)?;
    crate::output::print(&format!("{}\n", record.id));
    Ok(0)
}

/// Run a container: in the foreground (its exit status is ours), or with `-d` under
/// its monitor (print its id once its command runs).
pub fn run(ctx: &Context, args: RunArgs) -> Result<i32> {
    super::run_process::check_preserved_fds(&args)?;
    check_names(&args)?;
    if !args.detach && RestartPolicy::parse(&args.restart)? != RestartPolicy::No {
        bail!(
            "--restart {} is carried out by a container's monitor: add -d (or use create and start)",
            args.restart
        );
    }
    if !args.detach && args.cidfile.is_none() {
        // Created while it starts (see `foreground`): nothing needs its record first;
        // its process is cloned and its ids mapped while the store opens.
        let config = container_config(ctx, &args)?;
        let plan = coracle_runtime::ids::userns::current_user_plan(false);
        let early = foreground::begin_early(&config, plan.0.as_ref());
        let store = ctx.store()?;
        let inputs = inputs_from(ctx, &store, &args, config, plan)?;
        let ended = foreground::run(
            &store,
            &inputs.image,
            &args.image,
            inputs.config,
            inputs.stored_plan.as_ref(),
            early,
        );
        // The store is not closed: the process ends now, and its exit releases the
        // database's locks and descriptors as SQLite's close would (which
        // checkpoints nothing: see Db::open), without freeing its caches first.
        std::mem::forget(store);
        return exit_code(ended);
    }
    let store = ctx.store()?;
    let record = create_container(ctx, &store, &args)?;
    if args.detach {
        let started = exit_code(control::start_detached(&store, &record.id).map(|_| 0))?;
        if started == 0 {
            crate::output::print(&format!("{}\n", record.id));
        }
        return Ok(started);
    }
    let (stored_plan, _) = coracle_runtime::ids::userns::current_user_plan(false);
    exit_code(foreground::start_foreground(
        &store,
        &record,
        stored_plan.as_ref(),
    ))
}
