//! From an image and a [`ContainerConfig`] to a container: [`create`] completes the
//! spec with the image's defaults ([`prepare`]), makes the container's directories
//! and saves its record ([`Prepared::commit`]); [`process_spec`] turns a record back
//! into what the start path runs; [`settle_end`] records a container's end and a
//! failed start is settled by [`settle_failed_start`]; [`remove_container`] removes
//! files and record. [`crate::lifecycle::foreground`] runs one in the foreground.

use std::path::{Path, PathBuf};

use coracle_storage::containers::{new_container_id, random_name, ContainerRecord, ContainerState};
use coracle_storage::{ContainerChange, ImageSummary, StorageError, Store};

use crate::error::{Result, RuntimeError};
use crate::fs::mounts_spec::MountSpec;
use crate::fs::rootfs::{MountPlan, RootfsSpec};
use crate::ids::idmap::UserNsPlan;
use crate::ids::userns::run_in_userns;
use crate::process::container::{self, ContainerSpec};
use crate::process::exitcode;
use crate::process::limits::ProcessLimits;
use crate::process::teardown::MountNamespaceHold;
use crate::security::caps;
use crate::security::seccomp;
use crate::spec::{ContainerConfig, IdMappingMode, NamespaceMode, SeccompChoice};

/// The image's runtime defaults, from its stored configuration.
fn image_defaults(store: &Store, image: &ImageSummary) -> Result<serde_json::Value> {
    let bytes = store.blobs.read(&image.record.config_digest)?;
    let v: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| RuntimeError::Start(format!("image configuration: {e}")))?;
    Ok(v.get("config").cloned().unwrap_or(serde_json::Value::Null))
}

/// The strings of a JSON array (an absent or other value gives none).
pub fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn non_empty(v: &serde_json::Value) -> Option<String> {
    v.as_str().filter(|s| !s.is_empty()).map(String::from)
}

/// `-P`: each `EXPOSE`d port of the image (`"8080/tcp": {}`) to a free host port.
fn exposed_ports(defaults: &serde_json::Value) -> Vec<crate::spec::network_mode::PortMapping> {
    let Some(ports) = defaults["ExposedPorts"].as_object() else {
        return Vec::new();
    };
    ports
        .keys()
        .filter_map(|k| crate::spec::network_mode::PortMapping::parse(k).ok())
        .collect()
}

/// Entrypoint and command combined as Docker and OCI do.
pub fn command_line(
    image_entrypoint: &[String],
    image_cmd: &[String],
    entrypoint: Option<&str>,
    command: &[String],
) -> Vec<String> {
    let ep: Vec<String> = match entrypoint {
        Some(e) if e.trim_start().starts_with('[') => {
            serde_json::from_str(e).unwrap_or_else(|_| vec![e.to_string()])
        }
        Some("") => vec![],
        Some(e) => vec![e.to_string()],
        None => image_entrypoint.to_vec(),
    };
    let cmd: Vec<String> = if !command.is_empty() {
        command.to_vec()
    } else if entrypoint.is_some() {
        vec![]
    } else {
        image_cmd.to_vec()
    };
    ep.into_iter().chain(cmd).collect()
}

/// Merge environments: later "KEY=value" entries replace earlier ones with the same key.
pub fn merge_env(layers: &[Vec<String>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in layers.iter().flatten() {
        let key = e.split('=').next().unwrap_or(e);
        out.retain(|o| o.split('=').next() != Some(key));
        out.push(e.clone());
    }
    out
}

/// The container's directory under the store.
pub fn container_dir(store: &Store, id: &str) -> PathBuf {
    store.root.join("containers").join(id)
}

/// Make `<store>/containers` if missing and, on ext4 without a journal, mark it a top
/// of a directory hierarchy (see [`crate::fs::ext4::mark_top_directory_without_journal`]):
/// ext4 then spreads the containers' directories over its block groups.
fn ensure_containers_dir(path: &Path) -> Result<()> {
    match std::fs::create_dir(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(RuntimeError::io("failed to create", path, e)),
    }
    crate::fs::ext4::mark_top_directory_without_journal(path);
    Ok(())
}

/// The empty directory every container's root filesystem is mounted on, each in a
/// mount namespace of its own (the container's, or a helper's for `cp`): nothing is
/// ever mounted on it in the caller's namespace, so one serves all containers and a
/// run makes and removes one directory less (each removal of a directory is a
/// synchronous discard on a file system mounted with `discard`). Made on first use.
pub fn root_mount_point(store: &Store) -> Result<PathBuf> {
    let path = store.root.join("rootfs-mount-point");
    match std::fs::create_dir(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
            Err(RuntimeError::io("failed to create", path, e))
        }
        _ => Ok(path),
    }
}

/// Where a container's k8s-file log is written unless `--log-opt path=` says.
pub fn log_path(store: &Store, id: &str, config: &ContainerConfig) -> PathBuf {
    config
        .log
        .path
        .clone()
        .unwrap_or_else(|| container_dir(store, id).join("userdata/ctr.log"))
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| RuntimeError::io("failed to write", path, e))
}

/// /etc/hostname, /etc/hosts and (with a network) /etc/resolv.conf for the container
/// (see [`crate::lifecycle::etc_network`]) and Podman's /run/.containerenv, written into
/// `dir` (its [`crate::lifecycle::rundir::container_files_dir`]); `--tz` adds
/// /etc/localtime.
fn etc_files(
    store: &Store,
    dir: &Path,
    hostname: &str,
    record: &ContainerRecord,
    config: &ContainerConfig,
    net: &crate::lifecycle::netns::EtcInfo,
) -> Result<Vec<(String, PathBuf)>> {
    use crate::lifecycle::etc_network;
    let name = record.name.as_str();
    let facts = etc_network::NetworkFacts {
        addresses: net.address.map(std::net::IpAddr::V4).into_iter().collect(),
        host_address: net.host_gateway.map(std::net::IpAddr::V4),
    };
    let hosts = etc_network::hosts_text(hostname, name, config, &facts);
    let mut files = vec![("hostname", format!("{hostname}\n")), ("hosts", hosts)];
    if config.has_resolv_conf() {
        // A loopback name server of the host is unreachable inside: pasta's gateway
        // address forwards to it.
        let text = etc_network::resolv_text(store, config);
        files.push(("resolv.conf", resolv_conf(&text, net.host_gateway)));
    }
    let mut out = Vec::new();
    for (file, text) in files {
        let path = dir.join(file);
        write_file(&path, &text)?;
        out.push((format!("/etc/{file}"), path));
    }
    let containerenv = dir.join(".containerenv");
    write_file(&containerenv, &containerenv_text(record, config))?;
    out.push(("/run/.containerenv".into(), containerenv));
    if let Some(zone) = &config.timezone {
        out.push((
            "/etc/localtime".into(),
            crate::fs::timezone::copy_zone(zone, dir)?,
        ));
    }
    Ok(out)
}

/// What /run/.containerenv says, as Podman writes it: nothing for an ordinary
/// container (its presence tells a process that it runs in a container), and for a
/// `--privileged` one the engine, the container and its image.
fn containerenv_text(record: &ContainerRecord, config: &ContainerConfig) -> String {
    if !config.privileged {
        return String::new();
    }
    let rootless = u8::from(!rustix::process::geteuid().is_root());
    format!(
        "engine=\"coracle-{}\"\nname=\"{}\"\nid=\"{}\"\nimage=\"{}\"\nimageid=\"{}\"\nrootless={rootless}\n",
        env!("CARGO_PKG_VERSION"),
        record.name,
        record.id,
        record.image_name,
        record.image_id,
    )
}

/// The host's resolv.conf for a container: a loopback name server (a local
/// resolver) is unreachable from the container's namespace, so it becomes the
/// address that reaches the host (the backend maps it to the host's loopback).
fn resolv_conf(host: &str, host_gateway: Option<std::net::Ipv4Addr>) -> String {
    let Some(gateway) = host_gateway else {
        return host.to_string();
    };
    let mut out = String::new();
    for line in host.lines() {
        let mut words = line.split_whitespace();
        let loopback = matches!(
            (words.next(), words.next().map(str::parse::<std::net::IpAddr>)),
            (Some("nameserver"), Some(Ok(ip))) if ip.is_loopback()
        );
        if loopback {
            out.push_str(&format!("nameserver {gateway}\n"));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The mapping a container runs with (`--userns`, `--uidmap`...), or for clean-up
/// when it cannot be made, the caller's default (`stored_plan`, under which layers
/// are unpacked).
fn running_plan(config: &ContainerConfig, stored_plan: Option<&UserNsPlan>) -> Option<UserNsPlan> {
    crate::ids::usermap::plan(&config.id_mapping(), stored_plan)
        .unwrap_or_else(|_| stored_plan.cloned())
}

/// keep-id: the invoking user as the container knows it (at `uid=`/`gid=` if given).
fn keep_id_user(config: &ContainerConfig) -> Option<crate::fs::keep_id::HostUser> {
    match config.id_mapping() {
        IdMappingMode::KeepId { uid, gid } => {
            let user = crate::fs::keep_id::HostUser::current();
            Some(crate::fs::keep_id::HostUser {
                uid: uid.unwrap_or(user.uid),
                gid: gid.unwrap_or(user.gid),
                ..user
            })
        }
        _ => None,
    }
}

/// Complete `config` with the image's defaults, unpack the image's layers, make the
/// container's directories and save its record (state "created"). `stored_plan` is
/// the caller's default rootless mapping ([`crate::ids::userns::current_user_plan`]`(false)`, whose
/// warning is the caller's to print). A taken name is an error naming its holder.
pub fn create(
    store: &Store,
    image: &ImageSummary,
    image_name: &str,
    config: ContainerConfig,
    stored_plan: Option<&UserNsPlan>,
) -> Result<ContainerRecord> {
    prepare(store, image, image_name, config, stored_plan)?.commit(store, stored_plan, true)
}

/// A container [`prepare`]d: its record and completed spec, its volumes made and the
/// locks that keep them and its ids its own held, but nothing of it in the store yet
/// (no directory, no record) until [`Prepared::commit`].
pub struct Prepared {
    record: ContainerRecord,
    config: ContainerConfig,
    generated_name: bool,
    made: Vec<String>,
    /// Whether [`Prepared::make_dirs`] made its directories.
    dirs_made: bool,
    /// Its image's layer directories, top first, as [`prepare`] found them unpacked.
    layers: Vec<PathBuf>,
    _auto_lock: Option<coracle_storage::StoreLock>,
    _volumes_lock: coracle_storage::StoreLock,
}

impl Prepared {
    /// The record [`commit`](Self::commit) saves.
    pub fn record(&self) -> &ContainerRecord {
        &self.record
    }

    /// The completed spec.
    pub fn config(&self) -> &ContainerConfig {
        &self.config
    }

    /// Its image's layer directories, top first (unpacked when it was prepared):
    /// what [`process_spec`] would look up again.
    pub fn layers(&self) -> &[PathBuf] {
        &self.layers
    }

    /// Whether its name was drawn (no `--name`).
    pub fn has_generated_name(&self) -> bool {
        self.generated_name
    }

    /// Make the container's directories and save its record. A generated name that
    /// another container took meanwhile is drawn again when `redraw` allows it (else
    /// that is the error, [`StorageError::NameInUse`]). On failure nothing of it stays.
    pub fn commit(
        mut self,
        store: &Store,
        stored_plan: Option<&UserNsPlan>,
        redraw: bool,
    ) -> Result<ContainerRecord> {
        let saved = self.make_dirs(store).and_then(|()| {
            let draw = (redraw && self.generated_name).then_some(random_name as fn() -> String);
            insert_record(store, &mut self.record, &mut self.config, draw)
        });
        if let Err(e) = saved {
            self.abandon(store, stored_plan);
            return Err(e);
        }
        Ok(self.record)
    }

    /// The first half of [`commit`](Self::commit), alone for a start that saves the
    /// record later ([`save_record`](Self::save_record)): make the container's
    /// directories. On failure none stays.
    pub fn make_dirs(&mut self, store: &Store) -> Result<()> {
        let dir = container_dir(store, &self.record.id);
        if let Err(e) = make_container_dirs(store, &dir) {
            let _ = std::fs::remove_dir_all(&dir);
            return Err(e);
        }
        self.dirs_made = true;
        Ok(())
    }

    /// Whether [`make_dirs`](Self::make_dirs) made its directories.
    pub fn has_dirs(&self) -> bool {
        self.dirs_made
    }

    /// The second half: save the record (its name is not drawn again). On failure
    /// the directories stay, for [`abandon`](Self::abandon) once nothing uses them.
    pub fn save_record(&mut self, store: &Store) -> Result<()> {
        insert_record(
            store,
            &mut self.record,
            &mut self.config,
            None::<fn() -> String>,
        )
    }

    /// Give the container up before its record is saved: the directories
    /// [`make_dirs`](Self::make_dirs) made (which nothing may use any more) and the
    /// volumes made for it go.
    pub fn abandon(mut self, store: &Store, stored_plan: Option<&UserNsPlan>) {
        if self.dirs_made {
            let dir = container_dir(store, &self.record.id);
            crate::fs::overlay::make_leftovers_removable(&dir.join("work"));
            let _ = crate::ids::userns::remove_tree(&dir, stored_plan);
        }
        crate::lifecycle::volumes::forget(store, &std::mem::take(&mut self.made), stored_plan);
    }
}

/// A container's directories in `<store>/containers`: a spare made ahead
/// ([`crate::lifecycle::spare`]) moved there, or made here (and `<store>/containers`
/// with them if missing).
fn make_container_dirs(store: &Store, dir: &Path) -> Result<()> {
    if crate::lifecycle::spare::take(store, dir) {
        return Ok(());
    }
    if let Some(containers) = dir.parent() {
        ensure_containers_dir(containers)?;
    }
    for sub in crate::lifecycle::spare::CONTAINER_SUBDIRS {
        let p = dir.join(sub);
        std::fs::create_dir_all(&p).map_err(|e| RuntimeError::io("failed to create", p, e))?;
    }
    Ok(())
}

/// Complete `config` with the image's defaults and plan the container (id, name,
/// volumes, ids), without saving anything of it but its new volumes.
pub fn prepare(
    store: &Store,
    image: &ImageSummary,
    image_name: &str,
    mut config: ContainerConfig,
    stored_plan: Option<&UserNsPlan>,
) -> Result<Prepared> {
    crate::lifecycle::shared_ns::resolve(store, &mut config)?;
    crate::ids::usermap::plan(&config.id_mapping(), stored_plan)?;
    crate::cgroups::check_available(&config.resources)?;
    caps::resolve(&config.cap_add, &config.cap_drop, config.privileged)?;
    config.stop_signal_number()?;
    check_process_settings(&mut config)?;
    let layers = crate::fs::layers::ensure_unpacked(
        store,
        &image.record,
        stored_plan,
        config.ignore_chown_errors,
    )?;
    let defaults = image_defaults(store, image)?;
    config.args = command_line(
        &strings(&defaults["Entrypoint"]),
        &strings(&defaults["Cmd"]),
        config.entrypoint.as_deref(),
        &config.command,
    );
    if config.args.is_empty() {
        return Err(RuntimeError::Start("no command specified: the image has no Cmd or Entrypoint; give one after the image name".into()));
    }
    let id = new_container_id();
    // A generated name that another container took meanwhile is drawn again below.
    let generated_name = config.name.is_none();
    let name = config.name.clone().unwrap_or_else(random_name);
    config.name = Some(name.clone());
    let hostname = crate::lifecycle::shared_ns::hostname(store, &config)?
        .unwrap_or_else(|| id[..12].to_string());
    config.hostname = Some(hostname.clone());
    // Podman's default environment (containers.conf's `env`: PATH and TERM, with or
    // without -t), then `container` and HOSTNAME.
    let mut base_env = vec![
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".to_string(),
        "TERM=xterm".to_string(),
    ];
    base_env.push("container=coracle".into());
    base_env.push(format!("HOSTNAME={hostname}"));
    let mut env = merge_env(&[
        base_env,
        config.proxy_env.clone(),
        strings(&defaults["Env"]),
        config.env.clone(),
    ]);
    if !env.iter().any(|e| e.starts_with("HOME=")) {
        env.push(match keep_id_user(&config) {
            Some(user) => format!("HOME={}", user.home),
            None => "HOME=/root".into(),
        });
    }
    config.env = env;
    config.user = config.user.clone().or_else(|| non_empty(&defaults["User"]));
    if let (None, Some(user)) = (&config.user, keep_id_user(&config)) {
        config.user = Some(format!("{}:{}", user.uid, user.gid));
    }
    config.workdir = Some(
        config
            .workdir
            .clone()
            .or_else(|| non_empty(&defaults["WorkingDir"]))
            .unwrap_or_else(|| "/".into()),
    );
    config.stop_signal = config
        .stop_signal
        .clone()
        .or_else(|| non_empty(&defaults["StopSignal"]));
    if config.publish_all {
        let exposed =
            crate::spec::network_mode::unpublished(&config.publish, exposed_ports(&defaults));
        config.publish.extend(exposed);
    }
    config.stop_signal_number()?;

    let image_volumes: Vec<String> = defaults["Volumes"]
        .as_object()
        .map(|v| v.keys().cloned().collect())
        .unwrap_or_default();
    // Held until the record is saved: no `volume rm` in between, no other
    // `--userns auto` container given the same ids.
    let auto_lock = crate::ids::auto::allocate(store, &mut config, stored_plan)?;
    let volumes_lock = crate::lifecycle::volumes::use_lock(store)?;
    let made = crate::lifecycle::volumes::prepare(store, &mut config, &image_volumes)?;
    let record = ContainerRecord {
        id: id.clone(),
        name,
        image_id: image.record.id.clone(),
        image_name: image_name.to_string(),
        command: config.args.clone(),
        created: now(),
        state: ContainerState::Created,
        pid: None,
        exit_code: None,
        started: None,
        finished: None,
        config: config.to_json(),
        monitor_pid: None,
        error: None,
        pid_start: None,
        monitor_start: None,
        restart_count: 0,
    };
    Ok(Prepared {
        record,
        config,
        generated_name,
        made,
        dirs_made: false,
        layers,
        _auto_lock: auto_lock,
        _volumes_lock: volumes_lock,
    })
}

/// How many names [`insert_record`] tries before it gives up on taken ones.
const NAME_DRAWS: u32 = 16;

/// Insert the container's record. A taken name is an error, unless the name was
/// generated (`redraw` is given): then another is drawn, up to [`NAME_DRAWS`] in all.
fn insert_record(
    store: &Store,
    record: &mut ContainerRecord,
    config: &mut ContainerConfig,
    mut redraw: Option<impl FnMut() -> String>,
) -> Result<()> {
    let mut draws = 1;
    loop {
        match (store.db.create_container(record), redraw.as_mut()) {
            (Err(StorageError::NameInUse { .. }), Some(draw)) if draws < NAME_DRAWS => {
                draws += 1;
                record.name = draw();
                config.name = Some(record.name.clone());
                record.config = config.to_json();
            }
            (result, _) => return Ok(result?),
        }
    }
}

/// Check the process settings a start would fail on (a ulimit above the caller's
/// hard limit, an unknown zone) and add Podman's default ulimits.
fn check_process_settings(config: &mut ContainerConfig) -> Result<()> {
    let can_raise = crate::spec::process::can_raise_limits();
    for limit in &config.ulimits {
        limit.check_raisable(can_raise)?;
    }
    config.ulimits =
        crate::spec::process::with_default_ulimits(std::mem::take(&mut config.ulimits), can_raise);
    if let Some(zone) = &config.timezone {
        crate::fs::timezone::zone_file(zone)?;
    }
    Ok(())
}

/// After a container's process started: its volumes had their first mount. A failure
/// to record it only means a later start may copy into a volume still empty.
pub fn volumes_mounted(store: &Store, config: &ContainerConfig) {
    if let Err(e) = crate::lifecycle::volumes::first_mounts_done(store, config) {
        log::warn!("cannot record the first mount of a volume: {e}");
    }
}

/// After a container's processes are gone: note an OOM kill and remove its cgroup.
/// Best effort: `rm` removes a cgroup left behind, and says why when it cannot.
pub fn ended_cgroup(store: &Store, id: &str) {
    let _ = crate::cgroups::container_ended(id, &container_dir(store, id).join("userdata"));
    crate::lifecycle::netns::release(id);
}

/// Record a container's end (exit code, or the error that ended its supervision), or
/// with `--rm` remove it; the result is passed through, with a clean-up failure added.
pub fn settle_end(
    store: &Store,
    record: &ContainerRecord,
    config: &ContainerConfig,
    stored_plan: Option<&UserNsPlan>,
    result: Result<i32>,
    mount_ns: Option<MountNamespaceHold>,
) -> Result<i32> {
    let (code, error) = match &result {
        Ok(code) => (Some(*code), None),
        Err(e) => (None, Some(e.to_string())),
    };
    let ended = ContainerChange::ended(code, now(), error);
    let cleanup = record_end_or_remove(store, record, config, stored_plan, &ended, mount_ns);
    match (result, cleanup) {
        (Ok(code), Ok(())) => Ok(code),
        (Ok(_), Err(e)) => Err(e),
        (Err(e), Ok(())) => Err(e),
        (Err(start), Err(cleanup)) => Err(RuntimeError::StartAndCleanup {
            start: Box::new(start),
            cleanup: Box::new(cleanup),
        }),
    }
}

/// The exit code a failed start reports (and its record keeps): the command's
/// 126/127 when it could not be executed, else 125.
pub fn failed_start_code(error: &RuntimeError) -> i32 {
    match error {
        RuntimeError::Exec { code, .. } => *code,
        _ => exitcode::RUNTIME_ERROR,
    }
}

/// [`settle_end`]'s work: record `ended` or, with `--rm`, remove the container.
/// `mount_ns`, the ended container's mount namespace if held, goes with a removal
/// to the child that deletes its directory (see `teardown`).
pub(crate) fn record_end_or_remove(
    store: &Store,
    record: &ContainerRecord,
    config: &ContainerConfig,
    stored_plan: Option<&UserNsPlan>,
    ended: &ContainerChange,
    mount_ns: Option<MountNamespaceHold>,
) -> Result<()> {
    if config.remove {
        let plan = running_plan(config, stored_plan);
        let plan = plan.as_ref().or(stored_plan);
        return remove_at_end(store, &record.id, ended, plan, mount_ns)
            .and_then(|()| remove_leftovers(store, record, config, plan));
    }
    record_end(store, &record.id, ended)
}

/// `--rm`, once the container's processes are gone and its cgroup and network were
/// released (under its lock): its directory goes to the trash first, then its end,
/// its removal and the deletion of its record are one commit (only the removal and
/// the deletion when `stop` recorded the end first; nothing when `rm -f` removed it
/// meanwhile). A crash between the two leaves a record whose process is gone, which
/// `ps` shows exited (as after a reboot) and `rm` removes without its directory.
/// The directory is deleted by a child, which also checkpoints the store's WAL when
/// the commit made that due.
fn remove_at_end(
    store: &Store,
    id: &str,
    ended: &ContainerChange,
    plan: Option<&UserNsPlan>,
    mount_ns: Option<MountNamespaceHold>,
) -> Result<()> {
    let dir = container_dir(store, id);
    crate::cgroups::container_ended(id, &dir.join("userdata"))?;
    crate::fs::overlay::make_leftovers_removable(&dir.join("work"));
    let doomed = crate::lifecycle::trash::move_to_trash(store, id, &dir, plan)?;
    let remove = ContainerChange::default();
    let removal = (ContainerState::Removing, "remove", &remove);
    let exit = (ContainerState::Exited, "record the exit of", ended);
    let deleted = match store.db.transitions_then_delete(id, &[exit, removal]) {
        Err(StorageError::InvalidTransition(_)) => store.db.transitions_then_delete(id, &[removal]),
        other => other,
    };
    let deleted = match deleted {
        Ok(()) | Err(StorageError::ContainerNotFound(_)) => Ok(()),
        Err(e) => Err(e.into()),
    };
    if deleted.is_ok() {
        remove_runtime_files(store, id);
    }
    // Last, so that the child that deletes the directory also checkpoints the WAL
    // if this commit made it due (one fork instead of two processes).
    if let Some(doomed) = doomed {
        let checkpoint = coracle_storage::checkpoint::due();
        doomed.delete_beside(plan, checkpoint.as_deref(), mount_ns)?;
    }
    deleted
}

/// Record the end of a container's run, unless somebody else (`stop`, `rm -f`)
/// recorded it first or removed the container.
fn record_end(store: &Store, id: &str, ended: &ContainerChange) -> Result<()> {
    store
        .db
        .transition(id, ContainerState::Exited, "record the exit of", ended)
        .map(|_| ())
        .or_else(|e| match store.db.find_container(id) {
            Ok(Some(now)) if !now.state.is_active() => Ok(()),
            Ok(None) => Ok(()),
            _ => Err(e.into()),
        })
}

/// A start failed: leave an exited record holding the error (and the exit code
/// 125/126/127 `run` reports), or with `--rm` nothing. Returns the error to report:
/// the start's, or both when the clean-up failed too.
pub fn settle_failed_start(
    store: &Store,
    record: &ContainerRecord,
    config: &ContainerConfig,
    stored_plan: Option<&UserNsPlan>,
    error: RuntimeError,
) -> RuntimeError {
    crate::lifecycle::netns::release(&record.id);
    let cleanup = if config.remove {
        let plan = running_plan(config, stored_plan);
        remove_ended(store, record, config, plan.as_ref().or(stored_plan))
    } else {
        let code = failed_start_code(&error);
        store
            .db
            .record_failed_start(
                &record.id,
                &ContainerChange::ended(Some(code), now(), Some(error.to_string())),
            )
            .map(|_| ())
            .map_err(RuntimeError::from)
    };
    match cleanup {
        Ok(()) => error,
        Err(cleanup) => RuntimeError::StartAndCleanup {
            start: Box::new(error),
            cleanup: Box::new(cleanup),
        },
    }
}

/// The layer directories (top first) of a container's image, unpacked if needed.
pub fn image_layers(
    store: &Store,
    record: &ContainerRecord,
    config: &ContainerConfig,
    stored_plan: Option<&UserNsPlan>,
) -> Result<Vec<PathBuf>> {
    let image = store.db.image_by_id(&record.image_id)?.ok_or_else(|| {
        RuntimeError::Start(format!(
            "the image {} of container {} is gone",
            &record.image_id[..record.image_id.len().min(12)],
            record.name
        ))
    })?;
    crate::fs::layers::ensure_unpacked(
        store,
        &image.record,
        stored_plan,
        config.ignore_chown_errors,
    )
}

/// What the start path runs for a saved container: its filesystem plan, command,
/// identity and confinement, all from the record and its saved spec. `layers`: its
/// image's layer directories when the caller has them already ([`Prepared::layers`]),
/// else they are looked up ([`image_layers`]).
pub fn process_spec(
    store: &Store,
    record: &ContainerRecord,
    config: &ContainerConfig,
    stored_plan: Option<&UserNsPlan>,
    layers: Option<&[PathBuf]>,
) -> Result<ContainerSpec> {
    config.namespaces.check_supported()?;
    let namespaces = crate::lifecycle::shared_ns::setup(store, config)?;
    let lower = match layers {
        Some(layers) => layers.to_vec(),
        None => image_layers(store, record, config, stored_plan)?,
    };
    let (caps, seccomp) = confinement(store, config)?;
    let keep_id_plan =
        match crate::lifecycle::shared_ns::joined_mapping(&namespaces, stored_plan.is_some())? {
            Some(joined) => Some(joined),
            None => crate::ids::usermap::plan(&config.id_mapping(), stored_plan)?,
        };
    let plan = keep_id_plan.as_ref().or(stored_plan);
    let default_mapping = config.id_mapping() == IdMappingMode::Default;
    let network = crate::lifecycle::netns::plan(store, record, config, plan, default_mapping)?;
    let mut namespaces = namespaces;
    if let Some(user) = network.as_ref().and_then(|n| n.user_namespace()) {
        namespaces.user = Some(user);
    }
    let dir = container_dir(store, &record.id);
    let hostname = config
        .hostname
        .clone()
        .unwrap_or_else(|| record.id[..12.min(record.id.len())].to_string());
    let etc_net = network.as_ref().map(|n| n.etc_info()).unwrap_or_default();
    let files_dir =
        crate::lifecycle::rundir::create_container_files_dir(&record.id).map_err(|e| {
            RuntimeError::io(
                "failed to create",
                crate::lifecycle::rundir::container_files_dir(&record.id),
                e,
            )
        })?;
    let etc = etc_files(store, &files_dir, &hostname, record, config, &etc_net)?;
    // Layers are unpacked under the default mapping; another one (keep-id, a joined
    // container's) sees them through fuse-overlayfs's id remapping, as Podman does
    // with fuse-overlayfs.
    // A mapping without the caller is a namespace nested in one with the default
    // mapping, where fuse-overlayfs runs ([`crate::ids::nested`]).
    let fuse_idmapping = match (plan, stored_plan) {
        (Some(running), Some(stored)) => match &running.nested {
            Some(nested) => nested.fuse_remap(),
            None => crate::ids::idmap::fuse_remap(&stored.uid_map, &running.uid_map).zip(
                crate::ids::idmap::fuse_remap(&stored.gid_map, &running.gid_map),
            ),
        },
        _ => None,
    };
    // keep-id's passwd and group entries are made in the container process, from the
    // files of the mounted root (resolved inside it), next to the other /etc files.
    let keep_id = keep_id_user(config).filter(|_| plan.is_some()).map(|user| {
        crate::fs::keep_id::KeepIdFiles {
            user,
            dir: files_dir.clone(),
        }
    });
    let cwd = config.workdir.clone().unwrap_or_else(|| "/".into());
    Ok(ContainerSpec {
        mounts: MountPlan {
            dev_owner: plan
                .and_then(|p| p.nested.as_ref())
                .and_then(|n| n.outer_root()),
            rootfs: RootfsSpec {
                lower,
                upper: dir.join("upper"),
                work: dir.join("work"),
                merged: root_mount_point(store)?,
                userxattr: plan.is_some(),
                // Podman's choice for --rm containers: their writable layer is
                // never synced (nor is the disk at their unmount).
                volatile: config.remove,
                // An id remapping needs fuse-overlayfs; otherwise the store's driver
                // decides (probed with the default mapping).
                fuse_program: match &config.mount_program {
                    Some(p) => Some(p.clone()),
                    None => (fuse_idmapping.is_some()
                        || overlay_driver(store, stored_plan, None) != "overlay")
                        .then(|| PathBuf::from(crate::fs::overlay::FUSE_OVERLAYFS)),
                },
                fuse_idmapping,
            },
            mounts: config.mounts.clone(),
            devices: config.devices.clone(),
            etc_files: etc,
            keep_id,
            workdir: cwd.clone(),
            tty: config.tty,
            read_only: config.read_only,
            privileged: config.privileged,
            host_pid: config.namespaces.pid == NamespaceMode::Host,
            host_ipc: config.namespaces.ipc == NamespaceMode::Host,
            sysctls: config
                .sysctls
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            shm_size: config.shm_size,
            image_layers: image_mount_layers(store, config, stored_plan)?,
            volume_dirs: crate::lifecycle::volumes::mount_dirs(store, config)?,
        },
        args: config.args.clone(),
        env: config.env.clone(),
        cwd,
        user: config.user.clone(),
        groups: container::GroupAdd::from_list(&config.group_add),
        hostname,
        caps,
        seccomp,
        no_new_privs: config.no_new_privs,
        userns: plan.cloned(),
        namespaces,
        tty: config.tty,
        interactive: config.interactive,
        init: config.init,
        pause: config.infra,
        survive_parent: false,
        cgroup: {
            crate::cgroups::forget_oom_kill(&dir.join("userdata"));
            crate::lifecycle::health::reset(store, &record.id);
            crate::cgroups::plan(&record.id, &config.resources)?
        },
        limits: ProcessLimits::from_config(config)?,
        attach: config.attach,
        timeout: config.timeout,
        log: (config.log.driver != crate::spec::LogDriver::None).then(|| container::LogTarget {
            path: log_path(store, &record.id, config),
            max_size: config.log.max_size,
        }),
        network,
    })
}

/// The layer directories of each `--mount type=image` (its source is the image's
/// full id, found by `run`/`create`), unpacked if needed.
fn image_mount_layers(
    store: &Store,
    config: &ContainerConfig,
    stored_plan: Option<&UserNsPlan>,
) -> Result<Vec<(PathBuf, Vec<PathBuf>)>> {
    let mut out = Vec::new();
    for m in &config.mounts {
        let MountSpec::Image { source, target } = m else {
            continue;
        };
        let image = store.db.image_by_id(source)?.ok_or_else(|| {
            RuntimeError::Start(format!(
                "the image {} mounted on {} is gone: pull it again",
                &source[..source.len().min(12)],
                target.display()
            ))
        })?;
        let layers = crate::fs::layers::ensure_unpacked(
            store,
            &image.record,
            stored_plan,
            config.ignore_chown_errors,
        )?;
        out.push((target.clone(), layers));
    }
    Ok(out)
}

/// A container's capabilities and seccomp filter, as its saved spec says (the
/// default filter comes from the store's cache).
pub fn confinement(
    store: &Store,
    config: &ContainerConfig,
) -> Result<(caps::CapSet, Option<seccomp::Program>)> {
    let caps = caps::resolve(&config.cap_add, &config.cap_drop, config.privileged)?;
    let seccomp = match (&config.seccomp, config.privileged) {
        (SeccompChoice::Unconfined, _) | (_, true) => None,
        (SeccompChoice::File(path), false) => Some(seccomp::load_profile_json(path, &caps)?),
        (SeccompChoice::Default, false) => {
            Some(seccomp::cached_default(&store.root.join("cache"), &caps)?)
        }
    };
    Ok((caps, seccomp))
}

/// Remove a container that has ended (the state machine decides: see
/// [`ContainerState::can_delete`]): its state becomes "removing", then its files go
/// (inside the user namespace: they may belong to subordinate ids), then its record.
pub fn remove_container(store: &Store, id: &str, plan: Option<&UserNsPlan>) -> Result<()> {
    store.db.transition(
        id,
        ContainerState::Removing,
        "remove",
        &ContainerChange::default(),
    )?;
    remove_marked(store, id, plan)
}

/// The rest of [`remove_container`] for a container already "removing": its cgroup,
/// network, files, then its record.
fn remove_marked(store: &Store, id: &str, plan: Option<&UserNsPlan>) -> Result<()> {
    let dir = container_dir(store, id);
    crate::cgroups::container_ended(id, &dir.join("userdata"))?;
    crate::lifecycle::netns::release(id);
    // Most containers write only as root (the caller's own uid): try without a
    // user namespace first, and pay for one only when other owners are involved.
    crate::fs::overlay::make_leftovers_removable(&dir.join("work"));
    crate::lifecycle::trash::remove_container_dir(store, id, &dir, plan)?;
    store.db.delete_container(id)?;
    remove_runtime_files(store, id);
    Ok(())
}

/// A removed container's files under the runtime directory and its lock file.
fn remove_runtime_files(store: &Store, id: &str) {
    crate::lifecycle::rundir::remove_exit_file(id);
    crate::lifecycle::rundir::remove_container_files(id);
    store.remove_container_lock(id);
}

/// `--rm`: remove an ended container and its anonymous volumes, and with `--rmi`
/// its image too unless another container uses it.
pub fn remove_ended(
    store: &Store,
    record: &ContainerRecord,
    config: &ContainerConfig,
    plan: Option<&UserNsPlan>,
) -> Result<()> {
    remove_container(store, &record.id, plan)?;
    remove_leftovers(store, record, config, plan)
}

/// After a `--rm` container's removal: its anonymous volumes, and with `--rmi` its
/// image unless another container uses it.
fn remove_leftovers(
    store: &Store,
    record: &ContainerRecord,
    config: &ContainerConfig,
    plan: Option<&UserNsPlan>,
) -> Result<()> {
    crate::lifecycle::volumes::remove_anonymous(store, config, plan)?;
    if config.remove_image {
        remove_image_if_unused(store, &record.image_id, plan)?;
    }
    Ok(())
}

/// Remove the image `image_id` and its unused layers, unless a container runs it or
/// mounts it (or it is gone already).
pub fn remove_image_if_unused(
    store: &Store,
    image_id: &str,
    plan: Option<&UserNsPlan>,
) -> Result<()> {
    let mounted = |c: &ContainerRecord| {
        ContainerConfig::from_json(&c.id, &c.config).is_ok_and(|config| {
            config.mounts.iter().any(
                |m| matches!(m, MountSpec::Image { source, .. } if source.as_str() == image_id),
            )
        })
    };
    let in_use = store
        .db
        .list_containers()?
        .iter()
        .any(|c| c.image_id == image_id || mounted(c));
    if in_use || store.db.image_by_id(image_id)?.is_none() {
        return Ok(());
    }
    store.remove_image(image_id)?;
    crate::fs::layers::remove_unused(store, plan)?;
    Ok(())
}

/// Which overlay implementation this store uses: "overlay" (the kernel's, mounted in
/// the user namespace with `userxattr`) or "fuse-overlayfs" where the kernel refuses
/// or a `mount_program` is configured. Probed once per store and remembered in
/// `<root>/overlay-driver`.
pub fn overlay_driver(
    store: &Store,
    plan: Option<&UserNsPlan>,
    mount_program: Option<&Path>,
) -> String {
    if mount_program.is_some() {
        return "fuse-overlayfs".into();
    }
    let marker = store.root.join("overlay-driver");
    if let Ok(text) = std::fs::read_to_string(&marker) {
        return text.trim().to_string();
    }
    let driver = if probe_native_overlay(store, plan) {
        "overlay"
    } else {
        "fuse-overlayfs"
    };
    let tmp = marker.with_extension(format!("tmp{}", std::process::id()));
    if std::fs::write(&tmp, driver).is_ok() {
        let _ = std::fs::rename(&tmp, &marker);
    }
    driver.to_string()
}

/// Can the kernel's overlay be mounted here, in a user and mount namespace?
fn probe_native_overlay(store: &Store, plan: Option<&UserNsPlan>) -> bool {
    let base = store
        .root
        .join(format!("overlay-probe-{}", std::process::id()));
    let dirs = ["lower", "upper", "work", "merged"].map(|d| base.join(d));
    if dirs.iter().any(|d| std::fs::create_dir_all(d).is_err()) {
        return false;
    }
    let rootfs = RootfsSpec {
        lower: vec![dirs[0].clone()],
        upper: dirs[1].clone(),
        work: dirs[2].clone(),
        merged: dirs[3].clone(),
        userxattr: plan.is_some(),
        volatile: false,
        fuse_program: None,
        fuse_idmapping: None,
    };
    let ok = run_in_userns(plan, || crate::fs::overlay::mount_private(&rootfs)).is_ok();
    let b = base.clone();
    let _ = run_in_userns(plan, move || {
        std::fs::remove_dir_all(&b).map_err(|e| e.to_string())
    });
    ok
}

/// Unix seconds now.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn entrypoint_and_command() {
        assert_eq!(command_line(&[], &v(&["sh"]), None, &[]), v(&["sh"]));
        assert_eq!(
            command_line(&[], &v(&["sh"]), None, &v(&["echo", "x"])),
            v(&["echo", "x"])
        );
        assert_eq!(
            command_line(&v(&["/ep"]), &v(&["a"]), None, &[]),
            v(&["/ep", "a"])
        );
        assert_eq!(
            command_line(&v(&["/ep"]), &v(&["a"]), None, &v(&["b"])),
            v(&["/ep", "b"])
        );
        assert_eq!(
            command_line(&v(&["/ep"]), &v(&["a"]), Some("/other"), &[]),
            v(&["/other"])
        );
        assert_eq!(
            command_line(&[], &v(&["a"]), Some("[\"/x\",\"-y\"]"), &v(&["z"])),
            v(&["/x", "-y", "z"])
        );
        assert_eq!(
            command_line(&v(&["/ep"]), &v(&["a"]), Some(""), &v(&["ls"])),
            v(&["ls"])
        );
    }

    #[test]
    fn a_generated_name_that_is_taken_is_drawn_again() {
        let (_dir, store) = crate::lifecycle::testing::store();
        let image = crate::lifecycle::testing::stored_image(&store);
        let record = |id: char, name: &str| ContainerRecord {
            image_id: image.id.clone(),
            ..crate::lifecycle::testing::record(id.to_string().repeat(64), name)
        };
        let mut config = ContainerConfig::default();
        insert_record(
            &store,
            &mut record('a', "taken"),
            &mut config,
            None::<fn() -> String>,
        )
        .unwrap();
        // Given by the user: a taken name is an error.
        let mut given = record('b', "taken");
        let err = insert_record(&store, &mut given, &mut config, None::<fn() -> String>);
        assert!(err.unwrap_err().to_string().contains("already in use"));
        // Generated: drawn again until one is free.
        let mut names = ["taken", "taken", "free"].into_iter().map(String::from);
        let mut generated = record('c', "taken");
        insert_record(
            &store,
            &mut generated,
            &mut config,
            Some(|| names.next().unwrap()),
        )
        .unwrap();
        assert_eq!(generated.name, "free");
        assert_eq!(config.name.as_deref(), Some("free"));
        assert!(store.db.find_container("free").unwrap().is_some());
        // Not for ever: every draw taken is an error in the end.
        let mut unlucky = record('d', "taken");
        let err = insert_record(
            &store,
            &mut unlucky,
            &mut config,
            Some(|| "taken".to_string()),
        );
        assert!(err.is_err());
    }

    #[test]
    fn one_root_mount_point_serves_every_container() {
        let (_dir, store) = crate::lifecycle::testing::store();
        let first = root_mount_point(&store).unwrap();
        assert!(first.is_dir());
        assert_eq!(root_mount_point(&store).unwrap(), first);
        // Gone (a store emptied by hand): made again.
        std::fs::remove_dir(&first).unwrap();
        assert!(root_mount_point(&store).unwrap().is_dir());
    }

    #[test]
    fn loopback_name_servers_become_the_host_address() {
        let host = "search example.org\nnameserver 127.0.0.53\nnameserver 10.0.0.1\n";
        let gw = Some(std::net::Ipv4Addr::new(192, 0, 2, 1));
        assert_eq!(
            resolv_conf(host, gw),
            "search example.org\nnameserver 192.0.2.1\nnameserver 10.0.0.1\n"
        );
        assert_eq!(resolv_conf(host, None), host);
    }

    #[test]
    fn env_merging() {
        let merged = merge_env(&[
            v(&["PATH=/bin", "A=1"]),
            v(&["A=2", "B=3"]),
            v(&["PATH=/x"]),
        ]);
        assert_eq!(merged, v(&["A=2", "B=3", "PATH=/x"]));
    }
}
