//! `coracle run`: validate every flag first, find or pull the image, then hand over
//! to the runtime; the exit status is the container's.

use std::path::Path;

use anyhow::{bail, Context as _, Result};
use coracle_image::lookup::{find_image, LookupError};
use coracle_runtime::fs::mounts_spec::{
    parse_device, parse_mount, parse_tmpfs, parse_volume, DeviceSpec,
};
use coracle_runtime::lifecycle::launch::{self, LaunchOptions, SeccompChoice};
use coracle_runtime::RuntimeError;

use crate::args::RunArgs;
use crate::context::Context;

/// Read `-e` and `--env-file` into "KEY=value" entries (a bare KEY copies the caller's value).
fn environment(args: &RunArgs) -> Result<Vec<String>> {
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
    for file in &args.env_file {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read env file {}", file.display()))?;
        for line in text.lines() {
            add(line.trim_start(), &file.display().to_string())?;
        }
    }
    for e in &args.env {
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

/// Turn the flags into launch options, rejecting anything unsupported before any work.
fn launch_options(ctx: &Context, args: &RunArgs) -> Result<LaunchOptions> {
    if args.detach {
        bail!("--detach is not supported yet: detached containers need the container monitor (coming with the detached lifecycle)");
    }
    let host_network = match args.network.as_str() {
        "none" => false,
        "host" => true,
        other => bail!("--network {other}: only \"none\" and \"host\" are supported yet"),
    };
    let keep_id = match args.userns.as_deref() {
        None | Some("") => false,
        Some("keep-id") => true,
        Some(other) => bail!("--userns {other}: only keep-id is supported"),
    };
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
        if let coracle_runtime::fs::mounts_spec::MountSpec::Bind { source, .. } = m {
            if !Path::new(source).exists() {
                bail!("bind mount source {} does not exist", source.display());
            }
        }
    }
    coracle_runtime::security::caps::resolve(&args.cap_add, &args.cap_drop, args.privileged)?;
    Ok(LaunchOptions {
        command: args.command.clone(),
        entrypoint: args.entrypoint.clone(),
        env: environment(args)?,
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
        keep_id,
        host_network,
        tty: args.tty,
        interactive: args.interactive,
        init: args.init,
        remove: args.rm,
        ignore_chown_errors: ctx.ignore_chown_errors(),
        mount_program: ctx.mount_program(),
    })
}

/// Run a container in the foreground.
pub fn run(ctx: &Context, args: RunArgs) -> Result<i32> {
    let opts = launch_options(ctx, &args)?;
    let (stored_plan, warning) = coracle_runtime::ids::userns::current_user_plan(false);
    if let Some(w) = warning {
        crate::output::warn_once(&w);
    }
    let conf = ctx.registries()?;
    let store = ctx.store()?;
    let present = match find_image(&store, &conf, &args.image) {
        Ok(i) => Some(i),
        Err(LookupError::NotFound(_)) => None,
        Err(e) => return Err(e.into()),
    };
    let must_pull = match args.pull.as_str() {
        "always" | "newer" => true,
        "never" => false,
        _ => present.is_none(),
    };
    let image = if must_pull {
        let pull_opts = super::pull::options(
            args.platform.as_deref(),
            None,
            &args.registry,
            None,
            coracle_image::pull::DEFAULT_PARALLEL,
        )?;
        match super::pull::pull_image(ctx, &store, &args.image, &pull_opts, args.quiet) {
            Ok(outcome) => store
                .db
                .image_by_id(&outcome.id)?
                .with_context(|| format!("{}: image vanished after the pull", args.image))?,
            // --pull=newer keeps a present image when the registry cannot be asked.
            Err(e) if args.pull == "newer" && present.is_some() => {
                eprintln!("WARN[0000] {e:#}; using the stored image");
                present.clone().context("stored image")?
            }
            Err(e) => return Err(e),
        }
    } else {
        present.with_context(|| format!("{}: image not known (and --pull=never)", args.image))?
    };
    match launch::run(&store, &image, &args.image, &opts, stored_plan.as_ref()) {
        Ok(code) => Ok(code),
        Err(RuntimeError::Exec { code, message }) => {
            eprintln!("Error: {message}");
            Ok(code)
        }
        Err(e) => Err(e.into()),
    }
}
