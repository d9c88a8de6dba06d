//! A container run in the foreground, the caller its parent (`run` without `-d`,
//! `start -a`): started, its streams relayed, its end recorded or, with `--rm`, the
//! container removed.
//!
//! The caller's bookkeeping of the start happens beside it
//! ([`crate::process::container::start_with`]): a new container's directories while
//! its ids are mapped (`newuidmap` is a setuid program whose start takes milliseconds
//! the caller would otherwise spend waiting, and the container process waits for its maps
//! before it mounts anything: [`Prepared::make_dirs`]), its record and its start
//! ("running", with its pid) once it is released and sets its root up, when a core
//! is free ([`Prepared::save_record`]; done while the helpers ran, it slowed them).
//! Before all this, a container on a network namespace of its own is cloned from
//! the flags alone, and its ids mapped, while the caller opens the store and plans
//! it ([`begin_early`], [`EarlyStart`]).
//! A start that fails is settled from where it got to: nothing saved (the container
//! process killed, the prepared container given up, its directories removed; but a
//! container whose directories were made is saved then, without `--rm`), created
//! (as any failed start: [`launch::settle_failed_start`]) or running (its end
//! recorded as a failed start's, or with `--rm` the container removed).

use coracle_storage::containers::{ContainerRecord, ContainerState};
use coracle_storage::{ContainerChange, ImageSummary, StorageError, Store};

use crate::error::{Result, RuntimeError};
use crate::ids::idmap::{self, UserNsPlan};
use crate::lifecycle::launch::{self, now, Prepared};
use crate::process::container::{ContainerSpec, StartStage, Started};
use crate::process::early::{self, EarlyStart};
use crate::spec::network_mode::NetworkChoice;
use crate::spec::{ContainerConfig, IdMappingMode, NamespaceMode};

/// The container process of a foreground `run`, cloned from the flags alone before
/// the store is opened, so that its ids are mapped meanwhile ([`EarlyStart`]): when
/// `config` and `plan` (the caller's, [`crate::ids::userns::current_user_plan`])
/// promise a spec that fits it: rootless with a mapping of the helpers, the default
/// id mapping, outside a pod, every namespace new or the host's, and a network of its
/// own (a user network's container joins the user namespace of the shared one). None
/// otherwise, and when the clone fails (the plain start then reports what fails).
pub fn begin_early(config: &ContainerConfig, plan: Option<&UserNsPlan>) -> Option<EarlyStart> {
    let plan = plan.filter(|p| idmap::needs_helpers(p))?;
    let clonable_early = config.pod.is_none()
        && config.id_mapping() == IdMappingMode::Default
        && config.namespaces.user == NamespaceMode::New
        && config.namespaces.mount == NamespaceMode::New
        && !matches!(config.network, NetworkChoice::Bridge(_));
    if !clonable_early {
        return None;
    }
    let new = crate::lifecycle::shared_ns::new_namespaces_alone(config)?;
    EarlyStart::begin(plan, new, config.tty, config.interactive).ok()
}

/// Create a container and run it in the foreground; returns its exit code. `early`:
/// its process cloned already ([`begin_early`]), used when the spec fits it.
pub fn run(
    store: &Store,
    image: &ImageSummary,
    image_name: &str,
    config: ContainerConfig,
    stored_plan: Option<&UserNsPlan>,
    early: Option<EarlyStart>,
) -> Result<i32> {
    let prepared = launch::prepare(store, image, image_name, config.clone(), stored_plan)?;
    let generated_name = prepared.has_generated_name();
    let record = prepared.record().clone();
    match start_and_supervise(store, &record, Some(prepared), stored_plan, early) {
        // Another container took the generated name after it was drawn: nothing of
        // this one was saved; create it the plain way, which draws another.
        Err(RuntimeError::Storage(StorageError::NameInUse { .. })) if generated_name => {
            let record = launch::create(store, image, image_name, config, stored_plan)?;
            start_foreground(store, &record, stored_plan)
        }
        other => other,
    }
}

/// Start a created (or exited) container with the caller as its parent: relay its
/// streams, record its start and its end (or, with `--rm`, remove it).
pub fn start_foreground(
    store: &Store,
    record: &ContainerRecord,
    stored_plan: Option<&UserNsPlan>,
) -> Result<i32> {
    record
        .state
        .check(ContainerState::Running, &record.id, "start")
        .map_err(StorageError::from)?;
    start_and_supervise(store, record, None, stored_plan, None)
}

/// How far a start got in the store.
enum Reached {
    /// Nothing of a prepared container is saved.
    Nothing,
    /// The record exists, not (yet) running.
    Saved,
    /// Its start is recorded, with the pid of its process.
    Running(i32),
}

/// Start the container of `record` (saved, or `prepared` and saved during the
/// start), supervise it to its end and settle that.
fn start_and_supervise(
    store: &Store,
    record: &ContainerRecord,
    mut prepared: Option<Prepared>,
    stored_plan: Option<&UserNsPlan>,
    early: Option<EarlyStart>,
) -> Result<i32> {
    let config = match prepared.as_ref() {
        Some(p) => p.config().clone(),
        None => ContainerConfig::from_json(&record.id, &record.config)?,
    };
    let mut reached = if prepared.is_some() {
        Reached::Nothing
    } else {
        Reached::Saved
    };
    let spec = crate::lifecycle::shared_ns::start_pod_infra(store, &config).and_then(|()| {
        let known_layers = prepared.as_ref().map(|p| p.layers());
        launch::process_spec(store, record, &config, stored_plan, known_layers)
    });
    let started = spec.and_then(|spec| {
        let started = early::start(early, &spec, &mut |pid, stage| {
            if stage == StartStage::Mapping {
                if let Some(prepared) = prepared.as_mut() {
                    prepared.make_dirs(store)?;
                }
                return Ok(());
            }
            if let Some(saving) = prepared.as_mut() {
                saving.save_record(store)?;
                // Saved: its locks go.
                prepared = None;
                reached = Reached::Saved;
            }
            let me = std::process::id() as i32;
            store.db.transition(
                &record.id,
                ContainerState::Running,
                "start",
                &ContainerChange::started(pid, me, now()).with_start_times(
                    crate::lifecycle::liveness::start_time(pid),
                    crate::lifecycle::liveness::start_time(me),
                ),
            )?;
            reached = Reached::Running(pid);
            Ok(())
        })?;
        Ok((spec, started))
    });
    // A start that failed before the record was saved (once the container process
    // was released) but after its directories were made: without --rm the container
    // stays, its failure recorded, as when it fails later (a record that cannot be
    // saved, such as one with a taken name, leaves nothing).
    let save_anyway = matches!((&started, &reached), (Err(e), Reached::Nothing)
        if !config.remove && !matches!(e, RuntimeError::Storage(StorageError::NameInUse { .. })));
    let saved = save_anyway
        && prepared
            .as_mut()
            .is_some_and(|unsaved| unsaved.has_dirs() && unsaved.save_record(store).is_ok());
    let reached = if saved {
        // Its locks go.
        prepared = None;
        Reached::Saved
    } else {
        reached
    };
    match (started, reached) {
        (Ok((spec, started)), _) => supervise(store, record, &config, &spec, started, stored_plan),
        (Err(e), Reached::Nothing) => {
            crate::lifecycle::netns::release(&record.id);
            crate::lifecycle::rundir::remove_container_files(&record.id);
            if let Some(prepared) = prepared {
                prepared.abandon(store, stored_plan);
            }
            Err(e)
        }
        (Err(e), Reached::Saved) => Err(launch::settle_failed_start(
            store,
            record,
            &config,
            stored_plan,
            e,
        )),
        (Err(e), Reached::Running(pid)) => Err(settle_failed_run(
            store,
            record,
            &config,
            stored_plan,
            pid,
            e,
        )),
    }
}

/// Relay a started container's streams until it ends, then record its end (or
/// remove it) under its lock.
fn supervise(
    store: &Store,
    record: &ContainerRecord,
    config: &ContainerConfig,
    spec: &ContainerSpec,
    mut started: Started,
    stored_plan: Option<&UserNsPlan>,
) -> Result<i32> {
    launch::volumes_mounted(store, config);
    let pid = started.pid();
    log::debug!(
        "container {} started in the foreground: pid {pid}",
        record.name
    );
    // Kept past the container's end: its namespace's teardown then goes to the
    // removal's child (or happens when this process drops the hold).
    let mount_ns = started.take_mount_namespace();
    let result = started.wait_foreground(spec);
    let _lock = end_lock(store, &record.id, pid, &result)?;
    launch::ended_cgroup(store, &record.id);
    let result = launch::settle_end(store, record, config, stored_plan, result, mount_ns);
    forget_runtime_files(store, &record.id);
    result
}

/// A start that failed after it was recorded as running (its process is gone): the
/// end recorded as a failed start's, with its exit code (125, or the command's
/// 126/127) and error, or with `--rm` the container removed. Returns the error to
/// report: the start's, or both when the clean-up failed too.
fn settle_failed_run(
    store: &Store,
    record: &ContainerRecord,
    config: &ContainerConfig,
    stored_plan: Option<&UserNsPlan>,
    pid: i32,
    error: RuntimeError,
) -> RuntimeError {
    let code = launch::failed_start_code(&error);
    let lock = end_lock(store, &record.id, pid, &Ok(code));
    launch::ended_cgroup(store, &record.id);
    let ended = ContainerChange::ended(Some(code), now(), Some(error.to_string()));
    let cleanup = lock.and_then(|_lock| {
        let settled =
            launch::record_end_or_remove(store, record, config, stored_plan, &ended, None);
        forget_runtime_files(store, &record.id);
        settled
    });
    match cleanup {
        Ok(()) => error,
        Err(cleanup) => RuntimeError::StartAndCleanup {
            start: Box::new(error),
            cleanup: Box::new(cleanup),
        },
    }
}

/// After the end is settled: the exit file goes, and so does the lock file of a
/// container removed by `rm -f` meanwhile (taking the lock made it again; a removal
/// of ours, `--rm`, took it away already).
fn forget_runtime_files(store: &Store, id: &str) {
    crate::lifecycle::rundir::remove_exit_file(id);
    if store.container_lock_path(id).exists() {
        let _ = crate::lifecycle::control::record_locked(store, id);
    }
}

/// The container's lock, to settle the end of its foreground run under. A concurrent
/// `stop`/`rm -f` holding it waits for the exit code in the exit file, as from a
/// monitor: that file is written (before waiting for the lock) only when the lock is
/// held by another process; one that asks for it later finds the end recorded.
fn end_lock(
    store: &Store,
    id: &str,
    pid: i32,
    result: &Result<i32>,
) -> Result<coracle_storage::lock::StoreLock> {
    if let Some(lock) = store.try_container_lock(id)? {
        return Ok(lock);
    }
    if let Ok(code) = result {
        let exit = coracle_monitor::exit_file::ExitRecord {
            pid,
            code: *code,
            finished: now(),
        };
        let _ = exit.write(&crate::lifecycle::rundir::exit_file(id));
    }
    Ok(store.container_lock(id)?)
}
