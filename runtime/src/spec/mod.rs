//! The container's saved spec: everything `run`/`create` decided, stored with the
//! container record (its `config` column, as JSON) so that `start`, `restart`,
//! `exec`, `inspect` and later `kube generate` read it back instead of re-parsing
//! flags. The CLI only parses flags into a [`ContainerConfig`];
//! [`crate::lifecycle::launch::create`] completes it with the image's defaults.

pub mod health;
mod namespaces;
pub mod network;
pub mod network_mode;
pub mod process;
pub mod resources;
mod userns;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::{Result, RuntimeError};
use crate::fs::mounts_spec::{DeviceSpec, MountSpec};
use coracle_storage::SavedSpec;
pub use health::HealthConfig;
pub use namespaces::{NamespaceMode, Namespaces};
pub use network::{DnsSettings, NetworkAttachment};
pub use process::{Attach, HostEntry, Ulimit};
pub use resources::Resources;
pub use userns::{IdMappingMode, MapTriple};

/// Which seccomp filter to use.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum SeccompChoice {
    /// The built-in default profile.
    #[default]
    Default,
    /// No filter.
    Unconfined,
    /// A profile in OCI/Docker JSON.
    File(PathBuf),
}

/// `--restart`: what the monitor does when the container ends.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RestartPolicy {
    /// Never restart (the default).
    #[default]
    No,
    /// Restart after a non-zero exit, at most this many times (0: no limit).
    OnFailure(u32),
    /// Always restart.
    Always,
    /// Always, unless the user stopped it.
    UnlessStopped,
}

impl RestartPolicy {
    /// Parse `no`, `on-failure[:N]`, `always`, `unless-stopped`.
    pub fn parse(text: &str) -> Result<RestartPolicy> {
        let bad = || {
            RuntimeError::Start(format!(
                "invalid --restart {text:?}: expected no, on-failure[:N], always or unless-stopped"
            ))
        };
        Ok(match text.split_once(':') {
            None | Some((_, "")) => match text.trim_end_matches(':') {
                "no" | "" => RestartPolicy::No,
                "on-failure" => RestartPolicy::OnFailure(0),
                "always" => RestartPolicy::Always,
                "unless-stopped" => RestartPolicy::UnlessStopped,
                _ => return Err(bad()),
            },
            Some(("on-failure", n)) => RestartPolicy::OnFailure(n.parse().map_err(|_| bad())?),
            Some(_) => return Err(bad()),
        })
    }

    /// The name Podman prints (`no`, `on-failure`, `always`, `unless-stopped`).
    pub fn name(&self) -> &'static str {
        match self {
            RestartPolicy::No => "no",
            RestartPolicy::OnFailure(_) => "on-failure",
            RestartPolicy::Always => "always",
            RestartPolicy::UnlessStopped => "unless-stopped",
        }
    }
}

/// `--log-driver`: where a detached container's output goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LogDriver {
    /// Podman's k8s-file format in the container's directory (the default).
    #[default]
    K8sFile,
    /// Discarded.
    None,
    /// The caller's own streams (foreground only).
    Passthrough,
}

impl LogDriver {
    /// Parse `k8s-file`, `none`, `passthrough`.
    pub fn parse(text: &str) -> Result<LogDriver> {
        match text {
            "k8s-file" => Ok(LogDriver::K8sFile),
            "none" => Ok(LogDriver::None),
            "passthrough" => Ok(LogDriver::Passthrough),
            other => Err(RuntimeError::Start(format!(
                "invalid --log-driver {other:?}: expected k8s-file, none or passthrough"
            ))),
        }
    }

    /// The name Podman prints.
    pub fn name(self) -> &'static str {
        match self {
            LogDriver::K8sFile => "k8s-file",
            LogDriver::None => "none",
            LogDriver::Passthrough => "passthrough",
        }
    }
}

/// Log settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogConfig {
    /// The driver.
    pub driver: LogDriver,
    /// `--log-opt path=`: the log file (default: `userdata/ctr.log` in the container's
    /// directory).
    pub path: Option<PathBuf>,
    /// `--log-opt max-size=`: bytes after which the log is truncated.
    pub max_size: Option<u64>,
}

/// Everything a container is: what the user asked for on the command line and, once
/// [`crate::lifecycle::launch::create`] ran, the image's defaults merged in
/// (`args`, `env`, `workdir`, `user`, `hostname`, `stop_signal` are then final).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContainerConfig {
    /// Command and arguments given after the image.
    pub command: Vec<String>,
    /// `--entrypoint`.
    pub entrypoint: Option<String>,
    /// The final command line (entrypoint and command), filled in by `create`.
    pub args: Vec<String>,
    /// Environment, "KEY=value", in order (later wins); the full environment after
    /// `create`.
    pub env: Vec<String>,
    /// `-w` (the image's or `/` after `create`).
    pub workdir: Option<String>,
    /// `-u` (the image's after `create`); None is root.
    pub user: Option<String>,
    /// `--hostname` (the short id by default, after `create`).
    pub hostname: Option<String>,
    /// `--name` (a random name by default).
    pub name: Option<String>,
    /// `-v`, `--mount`, `--tmpfs`.
    pub mounts: Vec<MountSpec>,
    /// `--device` (the CLI checked that each host node exists).
    pub devices: Vec<DeviceSpec>,
    /// `--read-only`.
    pub read_only: bool,
    /// `--cap-add`.
    pub cap_add: Vec<String>,
    /// `--cap-drop`.
    pub cap_drop: Vec<String>,
    /// `--privileged`.
    pub privileged: bool,
    /// `--security-opt no-new-privileges`.
    pub no_new_privs: bool,
    /// `--security-opt seccomp=…`.
    pub seccomp: SeccompChoice,
    /// How each namespace is made.
    pub namespaces: Namespaces,
    /// `--userns=keep-id` (in any form: see `id_mapping`).
    pub keep_id: bool,
    /// How the user namespace maps ids (`--userns`, `--uidmap`, `--subuidname`...).
    pub id_mapping: IdMappingMode,
    /// `--group-add`: supplementary groups (numbers, or names looked up in the
    /// container's /etc/group), or `keep-groups` (keep the caller's).
    pub group_add: Vec<String>,
    /// `-t`.
    pub tty: bool,
    /// `-i`.
    pub interactive: bool,
    /// `-d`: held by a monitor rather than by the caller.
    pub detach: bool,
    /// `--init`.
    pub init: bool,
    /// The infra container of a pod: its process is coracle's own pause (it never
    /// execs the image's command), holding the pod's shared namespaces.
    pub infra: bool,
    /// The pod the container belongs to (its id), if any.
    pub pod: Option<String>,
    /// `--rm`.
    pub remove: bool,
    /// `--label`.
    pub labels: BTreeMap<String, String>,
    /// `--annotation`.
    pub annotations: BTreeMap<String, String>,
    /// `--stop-signal` (the image's StopSignal after `create`, else SIGTERM).
    pub stop_signal: Option<String>,
    /// `--stop-timeout`, seconds (10 by default).
    pub stop_timeout: Option<u32>,
    /// `--restart`.
    pub restart: RestartPolicy,
    /// `--log-driver`, `--log-opt`.
    pub log: LogConfig,
    /// Squash unmapped owners to root while unpacking.
    pub ignore_chown_errors: bool,
    /// `overlay.mount_program`: always mount with this fuse-overlayfs.
    pub mount_program: Option<PathBuf>,
    /// `--memory`, `--cpus`, `--pids-limit` and the other cgroup limits.
    pub resources: Resources,
    /// `--health-cmd` and its settings.
    pub health: Option<HealthConfig>,
    /// `--ulimit`; Podman's default `nofile` and `nproc` are added by `create`.
    pub ulimits: Vec<Ulimit>,
    /// `--umask` (0022 when absent).
    pub umask: Option<u32>,
    /// `--tz`: a zone of the host's zoneinfo, or `local` (the host's zone).
    pub timezone: Option<String>,
    /// `--timeout`: seconds after which the container is killed.
    pub timeout: Option<u32>,
    /// `--preserve-fds`: the caller's fds 3 to 3+N-1 reach the command of the
    /// foreground `run` itself (a start under a monitor has none to pass on).
    pub preserve_fds: u32,
    /// `--add-host` lines of the generated /etc/hosts.
    pub add_hosts: Vec<HostEntry>,
    /// `--sysctl`, checked by [`process::parse_sysctl`].
    pub sysctls: BTreeMap<String, String>,
    /// `--shm-size`: bytes of the /dev/shm tmpfs (64 MiB when absent).
    pub shm_size: Option<u64>,
    /// `--rmi`: remove the image once the container is removed.
    pub remove_image: bool,
    /// `-a/--attach`.
    pub attach: Attach,
    /// `--detach-keys`.
    pub detach_keys: Option<String>,
    /// `--http-proxy`: the caller's proxy variables, below the image's
    /// environment (an image's own setting wins).
    pub proxy_env: Vec<String>,
    /// `--network NAME…` with `--network-alias` and `--mac-address`: the
    /// user-defined networks the container is attached to.
    pub networks: Vec<NetworkAttachment>,
    /// `--dns`, `--dns-search`, `--dns-option`.
    pub dns: DnsSettings,
    /// How the container's own network namespace is connected (`--network`).
    pub network: network_mode::NetworkChoice,
    /// `-p/--publish`.
    pub publish: Vec<network_mode::PortMapping>,
    /// `-P/--publish-all`: every port the image exposes, to a free host port.
    pub publish_all: bool,
}

/// Podman's default `--umask`.
pub const DEFAULT_UMASK: u32 = 0o022;

/// The exit code recorded for a container killed by its `--timeout`, as Podman
/// records it (`inspect` shows -1; `run` exits with 255).
pub const TIMEOUT_EXIT_CODE: i32 = coracle_monitor::TIMEOUT_EXIT_CODE;

/// Podman's default `--stop-timeout`.
pub const DEFAULT_STOP_TIMEOUT: u32 = 10;

/// The few settings of a saved spec that a listing (`ps`) shows and that `rm`
/// checks on every other container (whether it joins the one removed), read
/// without building the rest of the spec (its environment, mounts, limits…).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ListedSettings {
    /// The pod the container belongs to (its id), if any.
    pub pod: Option<String>,
    /// The infra container of a pod.
    pub infra: bool,
    /// `--rm`.
    pub remove: bool,
    /// `--label`.
    pub labels: BTreeMap<String, String>,
    /// The mode of each namespace (which containers' namespaces it joins).
    pub namespaces: Namespaces,
    /// `-p`: the ports it publishes (host port 0 until a start picks one).
    pub publish: Vec<network_mode::PortMapping>,
    /// `-v`, `--mount`, `--tmpfs`.
    pub mounts: Vec<MountSpec>,
    /// How its network namespace is connected.
    pub network: network_mode::NetworkChoice,
}

impl ListedSettings {
    /// Where its mounts are in the container, in the order given (Podman's `ps`
    /// Mounts).
    pub fn mount_targets(&self) -> Vec<String> {
        self.mounts
            .iter()
            .map(|m| m.target().to_string_lossy().into_owned())
            .collect()
    }

    /// The networks it is attached to (Podman's `ps` Networks): a bridge
    /// container's; none for loopback only, pasta, slirp4netns or another's
    /// namespace.
    pub fn network_names(&self) -> Vec<String> {
        match (&self.namespaces.network, &self.network) {
            (NamespaceMode::New, network_mode::NetworkChoice::Bridge(names)) => names.clone(),
            _ => Vec::new(),
        }
    }

    /// The listed settings of a saved spec (none for a spec that cannot be read).
    pub fn from_saved(saved: &SavedSpec) -> ListedSettings {
        serde_json::from_str(saved.as_str()).unwrap_or_default()
    }

    /// Whether a saved spec may publish ports, without parsing it: a spec saved
    /// without any holds `"publish":[]` (never inside a JSON string, where every
    /// quote is escaped), so a listing reads only the others.
    pub fn may_publish(saved: &SavedSpec) -> bool {
        !saved.as_str().contains(NO_PORTS)
    }
}

/// How a saved spec that publishes nothing writes its `publish` field.
const NO_PORTS: &str = "\"publish\":[]";

impl ContainerConfig {
    /// Whether the container gets an /etc/resolv.conf. Not with `--network none`
    /// (a namespace with only loopback has no name server to reach), as in Podman,
    /// unless `--dns` names servers anyway.
    pub fn has_resolv_conf(&self) -> bool {
        let no_network = self.namespaces.network == NamespaceMode::New
            && self.network == network_mode::NetworkChoice::Loopback;
        !no_network || !self.dns.servers.is_empty()
    }

    /// The saved form.
    pub fn to_json(&self) -> SavedSpec {
        SavedSpec::from_text(serde_json::to_string(self).unwrap_or_else(|_| "null".into()))
    }

    /// Read a saved spec back, parsed straight from its stored text; a record
    /// without one (made before specs were saved) is an error: such a container can
    /// only be removed.
    pub fn from_json(id: &str, saved: &SavedSpec) -> Result<ContainerConfig> {
        serde_json::from_str(saved.as_str()).map_err(|e| {
            RuntimeError::Start(format!(
                "container {} has no usable saved spec ({e}); remove it and create it again",
                &id[..id.len().min(12)]
            ))
        })
    }

    /// The signal `stop` sends first, as a number.
    pub fn stop_signal_number(&self) -> Result<i32> {
        match &self.stop_signal {
            Some(s) => signal_number(s),
            None => Ok(libc::SIGTERM),
        }
    }

    /// The mapping mode in effect (a spec saved before `id_mapping` existed says
    /// keep-id with `keep_id` alone).
    pub fn id_mapping(&self) -> IdMappingMode {
        match &self.id_mapping {
            IdMappingMode::Default if self.keep_id => IdMappingMode::KeepId {
                uid: None,
                gid: None,
            },
            other => other.clone(),
        }
    }

    /// `--group-add keep-groups`: the caller's supplementary groups are kept.
    pub fn keeps_groups(&self) -> bool {
        self.group_add.iter().any(|g| g == "keep-groups")
    }

    /// Seconds `stop` waits before SIGKILL.
    pub fn stop_timeout(&self) -> u32 {
        self.stop_timeout.unwrap_or(DEFAULT_STOP_TIMEOUT)
    }
}

const SIGNALS: &[(&str, i32)] = &[
    ("HUP", libc::SIGHUP),
    ("INT", libc::SIGINT),
    ("QUIT", libc::SIGQUIT),
    ("ILL", libc::SIGILL),
    ("TRAP", libc::SIGTRAP),
    ("ABRT", libc::SIGABRT),
    ("BUS", libc::SIGBUS),
    ("FPE", libc::SIGFPE),
    ("KILL", libc::SIGKILL),
    ("USR1", libc::SIGUSR1),
    ("SEGV", libc::SIGSEGV),
    ("USR2", libc::SIGUSR2),
    ("PIPE", libc::SIGPIPE),
    ("ALRM", libc::SIGALRM),
    ("TERM", libc::SIGTERM),
    ("CHLD", libc::SIGCHLD),
    ("CONT", libc::SIGCONT),
    ("STOP", libc::SIGSTOP),
    ("TSTP", libc::SIGTSTP),
    ("TTIN", libc::SIGTTIN),
    ("TTOU", libc::SIGTTOU),
    ("URG", libc::SIGURG),
    ("XCPU", libc::SIGXCPU),
    ("XFSZ", libc::SIGXFSZ),
    ("VTALRM", libc::SIGVTALRM),
    ("PROF", libc::SIGPROF),
    ("WINCH", libc::SIGWINCH),
    ("IO", libc::SIGIO),
    ("PWR", libc::SIGPWR),
    ("SYS", libc::SIGSYS),
];

/// A signal by number or name (`9`, `KILL`, `SIGKILL`, `sigterm`), as `kill -s` and
/// `--stop-signal` take it.
pub fn signal_number(text: &str) -> Result<i32> {
    let bad = || {
        RuntimeError::Start(format!(
            "invalid signal {text:?}: give a name such as TERM or KILL, or a number from 1 to 64"
        ))
    };
    if let Ok(n) = text.parse::<i32>() {
        return if (1..=64).contains(&n) {
            Ok(n)
        } else {
            Err(bad())
        };
    }
    let upper = text.to_ascii_uppercase();
    let name = upper.strip_prefix("SIG").unwrap_or(&upper);
    SIGNALS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, s)| *s)
        .ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_spec_round_trips() {
        let mut c = ContainerConfig {
            args: vec!["sh".into(), "-c".into(), "echo hi".into()],
            env: vec!["A=1".into()],
            mounts: vec![MountSpec::Tmpfs {
                target: "/t".into(),
                options: vec!["size=1m".into()],
            }],
            restart: RestartPolicy::OnFailure(2),
            stop_signal: Some("SIGUSR1".into()),
            ..Default::default()
        };
        c.namespaces.network = NamespaceMode::Host;
        c.labels.insert("k".into(), "v".into());
        let back = ContainerConfig::from_json("x", &c.to_json()).unwrap();
        assert_eq!(back, c);
        assert_eq!(back.stop_signal_number().unwrap(), libc::SIGUSR1);
        assert_eq!(back.stop_timeout(), DEFAULT_STOP_TIMEOUT);
        // A record without a saved spec (an older coracle) reads as defaults, but a
        // damaged one is an error naming the container.
        assert!(
            ContainerConfig::from_json("x", &SavedSpec::from_value(&serde_json::json!({}))).is_ok()
        );
        let err = ContainerConfig::from_json(
            "0123456789abcdef",
            &SavedSpec::from_value(&serde_json::json!([1])),
        );
        assert!(err.unwrap_err().to_string().contains("0123456789ab"));
    }

    #[test]
    fn signals_by_name_and_number() {
        assert_eq!(signal_number("KILL").unwrap(), 9);
        assert_eq!(signal_number("sigterm").unwrap(), 15);
        assert_eq!(signal_number("SIGHUP").unwrap(), 1);
        assert_eq!(signal_number("10").unwrap(), 10);
        for bad in ["0", "65", "NOPE", ""] {
            assert!(signal_number(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn restart_and_log_driver_parse() {
        assert_eq!(RestartPolicy::parse("no").unwrap(), RestartPolicy::No);
        assert_eq!(
            RestartPolicy::parse("on-failure:2").unwrap(),
            RestartPolicy::OnFailure(2)
        );
        assert_eq!(
            RestartPolicy::parse("on-failure").unwrap(),
            RestartPolicy::OnFailure(0)
        );
        assert!(RestartPolicy::parse("sometimes").is_err());
        assert!(RestartPolicy::parse("on-failure:x").is_err());
        assert_eq!(LogDriver::parse("none").unwrap(), LogDriver::None);
        assert!(LogDriver::parse("journald").is_err());
    }

    #[test]
    fn listed_settings_are_read_from_a_saved_spec() {
        let c = ContainerConfig {
            pod: Some("p".into()),
            remove: true,
            labels: BTreeMap::from([("app".to_string(), "shop".to_string())]),
            env: vec!["A=1".into()],
            namespaces: Namespaces {
                network: NamespaceMode::Container("db".into()),
                ..Default::default()
            },
            ..Default::default()
        };
        let listed = ListedSettings::from_saved(&c.to_json());
        assert_eq!(listed.namespaces, c.namespaces);
        assert_eq!(listed.pod.as_deref(), Some("p"));
        assert!(listed.remove && !listed.infra);
        assert_eq!(listed.labels.get("app").map(String::as_str), Some("shop"));
        let broken = ListedSettings::from_saved(&SavedSpec::from_text("{".into()));
        assert_eq!(broken, ListedSettings::default());
        // Another's network namespace: no network of its own to list.
        assert!(listed.network_names().is_empty());
        let bridged = ContainerConfig {
            network: network_mode::NetworkChoice::Bridge(vec!["a".into(), "b".into()]),
            mounts: vec![MountSpec::Tmpfs {
                target: "/t".into(),
                options: vec![],
            }],
            ..Default::default()
        };
        let listed = ListedSettings::from_saved(&bridged.to_json());
        assert_eq!(listed.network_names(), ["a", "b"]);
        assert_eq!(listed.mount_targets(), ["/t"]);
    }

    #[test]
    fn only_specs_that_publish_may_publish() {
        let quiet = ContainerConfig {
            // A label holding the marker's text stays inside a JSON string.
            labels: BTreeMap::from([("x".to_string(), "\"publish\":[]".to_string())]),
            ..Default::default()
        };
        assert!(!ListedSettings::may_publish(&quiet.to_json()));
        let publishing = ContainerConfig {
            publish: vec![network_mode::PortMapping::parse("8080:80").unwrap()],
            ..quiet
        };
        let saved = publishing.to_json();
        assert!(ListedSettings::may_publish(&saved));
        assert_eq!(
            ListedSettings::from_saved(&saved).publish,
            publishing.publish
        );
    }
}
