//! `exec`: from a container's record, its saved spec and the caller's options to a
//! process in the running container ([`crate::process::exec`]). The state machine
//! decides whether the container can take one ([`ContainerState::can_exec`]).

use coracle_storage::events::{self, Event, EventType};
use coracle_storage::{ContainerRecord, ContainerState, InvalidTransition, StorageError, Store};

use crate::error::{Result, RuntimeError};
use crate::lifecycle::launch::{confinement, merge_env};
use crate::process::exec::{self, ExecProcess};
use crate::process::join::ContainerNamespaces;
use crate::process::limits::ProcessLimits;
use crate::security::caps::CapSet;
use crate::spec::ContainerConfig;

/// What `coracle exec` asks for, beyond the container's own settings.
#[derive(Clone, Debug, Default)]
pub struct ExecOptions {
    /// The command and its arguments.
    pub command: Vec<String>,
    /// `-e`/`--env-file`, "KEY=value", added to the container's environment.
    pub env: Vec<String>,
    /// `-u` (default: the container's user).
    pub user: Option<String>,
    /// `-w` (default: the container's working directory).
    pub workdir: Option<String>,
    /// `-t`.
    pub tty: bool,
    /// `-i`.
    pub interactive: bool,
    /// `-d`.
    pub detach: bool,
    /// `--privileged`: every capability (the seccomp filter stays the container's).
    pub privileged: bool,
    /// `--detach-keys` (parsed; empty: none).
    pub detach_keys: Vec<u8>,
}

/// The process `exec` runs for `options` in the container of `config`.
pub fn exec_process(
    store: &Store,
    config: &ContainerConfig,
    options: &ExecOptions,
) -> Result<ExecProcess> {
    let (caps, seccomp) = confinement(store, config)?;
    let mut extra = options.env.clone();
    if options.tty && !config.env.iter().any(|e| e.starts_with("TERM=")) {
        extra.insert(0, "TERM=xterm".into());
    }
    Ok(ExecProcess {
        args: options.command.clone(),
        env: merge_env(&[config.env.clone(), extra]),
        cwd: options
            .workdir
            .clone()
            .or_else(|| config.workdir.clone())
            .unwrap_or_else(|| "/".into()),
        user: options.user.clone().or_else(|| config.user.clone()),
        groups: crate::process::container::GroupAdd::from_list(&config.group_add),
        caps: if options.privileged {
            CapSet::all()
        } else {
            caps
        },
        seccomp,
        no_new_privs: config.no_new_privs,
        tty: options.tty,
        interactive: options.interactive,
        detach: options.detach,
        detach_keys: options.detach_keys.clone(),
        // The caller's descriptors are never passed to an exec'd command.
        limits: ProcessLimits {
            preserve_fds: 0,
            ..ProcessLimits::from_config(config)?
        },
    })
}

/// Run a command in the running container `record` (its state made truthful by the
/// caller); returns the command's exit code. A container in any other state is an
/// error naming the state. The calling process joins the container's namespaces:
/// call this last, from a single-threaded process.
pub fn exec(store: &Store, record: &ContainerRecord, options: &ExecOptions) -> Result<i32> {
    if options.command.is_empty() {
        return Err(RuntimeError::Start(
            "exec needs a command to run: give it after the container's name".into(),
        ));
    }
    let not_running = |state: ContainerState| {
        RuntimeError::from(StorageError::from(InvalidTransition {
            id: record.id[..record.id.len().min(12)].to_string(),
            from: state,
            action: "exec a command in",
        }))
    };
    if !record.state.can_exec() {
        return Err(not_running(record.state));
    }
    let pid = record
        .pid
        .filter(|&p| p > 0)
        .ok_or_else(|| not_running(ContainerState::Created))?;
    let config = ContainerConfig::from_json(&record.id, &record.config)?;
    let process = exec_process(store, &config, options)?;
    let namespaces = ContainerNamespaces::open(pid, record.started)?;
    log::debug!("exec {:?} in container {}", options.command, record.name);
    let mut event = Event::new(EventType::Container, "exec", &record.id, &record.name)
        .with_image(&record.image_name);
    event
        .attributes
        .insert("execCommand".into(), options.command.join(" "));
    events::record(&event);
    // Into the container's cgroup (where it has one) before its namespaces: the
    // command then counts against the container's limits.
    if let Ok(cgroup) = crate::cgroups::existing(&record.id) {
        cgroup.enter(std::process::id() as i32)?;
    }
    exec::run(&namespaces, &process)
}
