//! The process flags of `run` and `create` (podman-run(1)): `--ulimit`, `--umask`,
//! `--tz`, `--timeout`, `--preserve-fds`, `--env-host`, `--http-proxy`,
//! `--add-host`, `--sysctl`, `--shm-size`, `--rmi`, `-a/--attach`,
//! `--detach-keys`, `--mount type=image`'s image, and `--replace`'s removal of the
//! container holding the name.
//! Each is checked here, before any work, and stored in the saved spec.

use anyhow::{bail, Context as _, Result};
use coracle_image::lookup::{find_image, LookupError};
use coracle_runtime::fs::mounts_spec::MountSpec;
use coracle_runtime::lifecycle::control;
use coracle_runtime::spec::process::parse_sysctl;
use coracle_runtime::spec::{Attach, ContainerConfig, HostEntry, NamespaceMode, Ulimit};
use coracle_storage::Store;

use crate::args::RunArgs;
use crate::context::Context;

/// The proxy variables `--http-proxy` copies from the caller (Podman's list).
const PROXY_VARS: &[&str] = &[
    "http_proxy",
    "https_proxy",
    "ftp_proxy",
    "no_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "FTP_PROXY",
    "NO_PROXY",
];

/// Put the process flags of `args` into `config` (whose environment, namespaces
/// and `detach` are already set).
pub(crate) fn apply(args: &RunArgs, config: &mut ContainerConfig) -> Result<()> {
    config.ulimits = args
        .ulimit
        .iter()
        .map(|u| Ulimit::parse(u))
        .collect::<Result<_, _>>()?;
    config.umask = args.umask.as_deref().map(parse_umask).transpose()?;
    config.timezone = args.tz.clone();
    if args.timeout == Some(0) {
        bail!("invalid --timeout 0: give a number of seconds above 0 (or leave it out)");
    }
    config.timeout = args.timeout;
    config.preserve_fds = args.preserve_fds.unwrap_or(0);
    if args.env_host {
        let host: Vec<String> = std::env::vars().map(|(k, v)| format!("{k}={v}")).collect();
        config.env = host.into_iter().chain(config.env.drain(..)).collect();
    }
    if args.http_proxy {
        config.proxy_env = PROXY_VARS
            .iter()
            .filter_map(|k| std::env::var(k).ok().map(|v| format!("{k}={v}")))
            .collect();
    }
    config.add_hosts = args
        .add_host
        .iter()
        .map(|h| HostEntry::parse(h))
        .collect::<Result<_, _>>()?;
    let own_ipc = config.namespaces.ipc != NamespaceMode::Host;
    let own_network = config.namespaces.network != NamespaceMode::Host;
    // Podman's default: any group of the container may send ICMP echo through
    // datagram sockets, so `ping` works without CAP_NET_RAW (only in a network
    // namespace of the container's own).
    if config.namespaces.network == NamespaceMode::New {
        config
            .sysctls
            .insert("net.ipv4.ping_group_range".into(), "0 0".into());
    }
    for s in &args.sysctl {
        let (key, value) = parse_sysctl(s, own_ipc, own_network)?;
        config.sysctls.insert(key, value);
    }
    config.shm_size = args
        .shm_size
        .as_deref()
        .map(|s| {
            super::run::parse_size(s)
                .filter(|&n| n > 0)
                .with_context(|| {
                    format!("invalid --shm-size {s:?}: expected a size above 0 such as 64m")
                })
        })
        .transpose()?;
    if args.rmi {
        config.remove_image = true;
        config.remove = true;
    }
    config.attach = Attach::parse(&args.attach)?;
    if !args.attach.is_empty() && args.detach {
        bail!("-a/--attach and -d/--detach cannot be used together: attach streams only to a foreground container");
    }
    if let Some(keys) = &args.detach_keys {
        crate::commands::attach::detach_keys(Some(keys))?;
        if !keys.is_empty() && !args.detach && args.tty && args.interactive {
            bail!(
                "--detach-keys {keys:?}: a foreground container cannot be detached from: it is the child of this coracle, with no monitor to hand it to; run it with -dit and `coracle attach` to it, or pass --detach-keys \"\""
            );
        }
        config.detach_keys = Some(keys.clone());
    }
    Ok(())
}

/// `--umask`: an octal mask up to 0777.
fn parse_umask(text: &str) -> Result<u32> {
    u32::from_str_radix(text, 8)
        .ok()
        .filter(|m| *m <= 0o777)
        .with_context(|| format!("invalid --umask {text:?}: expected an octal mask such as 0022"))
}

/// `--preserve-fds N`: the caller's fds 3 to 3+N-1 must be open when `run`
/// starts, before coracle opens anything (its store would take a free number and
/// be handed to the container).
pub(crate) fn check_preserved_fds(args: &RunArgs) -> Result<()> {
    let count = args.preserve_fds.unwrap_or(0);
    if count > 0 && args.detach {
        bail!("--preserve-fds needs a foreground container: a detached container's monitor does not hold your descriptors; drop -d");
    }
    if let Err(fd) = coracle_runtime::process::limits::fds_open(count) {
        bail!(
            "--preserve-fds {count}: descriptor {fd} is not open; open descriptors 3 to {} before running coracle, or pass fewer",
            2 + count
        );
    }
    Ok(())
}

/// `--mount type=image,source=IMG`: find each image in the store (no pull) and
/// keep its full id in the spec.
pub(crate) fn resolve_image_mounts(
    ctx: &Context,
    store: &Store,
    config: &mut ContainerConfig,
) -> Result<()> {
    if !config
        .mounts
        .iter()
        .any(|m| matches!(m, MountSpec::Image { .. }))
    {
        return Ok(());
    }
    let conf = ctx.registries()?;
    for m in &mut config.mounts {
        if let MountSpec::Image { source, target } = m {
            let image = match find_image(store, &conf, source) {
                Ok(i) => i,
                Err(LookupError::NotFound(_)) => bail!(
                    "--mount type=image: image {source} (for {}) is not known: pull it first",
                    target.display()
                ),
                Err(e) => return Err(e.into()),
            };
            *source = image.record.id.clone();
        }
    }
    Ok(())
}

/// `create`'s own limits: descriptors cannot wait in a store for a later `start`.
pub(crate) fn check_create(args: &RunArgs) -> Result<()> {
    if args.preserve_fds.unwrap_or(0) > 0 {
        bail!("--preserve-fds applies to run only: a created container's later start cannot receive your descriptors");
    }
    Ok(())
}

/// `--replace`: remove the container holding `--name` (stopping it at once), so
/// that the new one can take the name.
pub(crate) fn replace_existing(store: &Store, args: &RunArgs) -> Result<()> {
    if !args.replace {
        return Ok(());
    }
    let Some(name) = &args.name else {
        bail!("--replace needs --name: it replaces the container of that name");
    };
    let holder = store
        .db
        .list_containers()?
        .into_iter()
        .find(|c| &c.name == name);
    if let Some(record) = holder {
        let (plan, _) = coracle_runtime::ids::userns::current_user_plan(false);
        control::remove(store, record, true, Some(0), plan.as_ref())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umask_is_octal() {
        assert_eq!(parse_umask("0077").unwrap(), 0o077);
        assert_eq!(parse_umask("22").unwrap(), 0o022);
        for bad in ["9", "01000", "", "x"] {
            assert!(parse_umask(bad).is_err(), "{bad}");
        }
    }
}
