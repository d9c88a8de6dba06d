//! Namespaces a container shares: from the saved spec's modes ([`Namespaces`]) to
//! what the start path makes and joins ([`NamespaceSetup`]). `create` resolves the
//! containers named by `container:X` to their ids (so a rename does not break the
//! link, and `rm` finds dependents); `start` requires each of them to be running and
//! takes its init's pid and start time, checked again when its namespaces are opened.

use coracle_storage::{ContainerRecord, ContainerState, Store};

use crate::error::{Result, RuntimeError};
use crate::ids::idmap::{self, UserNsPlan};
use crate::process::namespaces::{JoinSource, JoinTarget, NamespaceSetup};
use crate::spec::{ContainerConfig, NamespaceMode, Namespaces};

/// The `CLONE_NEW*` flag of a namespace by its `/proc/PID/ns` name.
fn clone_flag(proc_name: &str) -> libc::c_int {
    match proc_name {
        "pid" => libc::CLONE_NEWPID,
        "uts" => libc::CLONE_NEWUTS,
        "ipc" => libc::CLONE_NEWIPC,
        "net" => libc::CLONE_NEWNET,
        _ => libc::CLONE_NEWCGROUP,
    }
}

/// The container `name` names, or an error saying which flag named it.
fn find(store: &Store, flag: &str, name: &str) -> Result<ContainerRecord> {
    store.db.find_container(name)?.ok_or_else(|| {
        RuntimeError::Start(format!(
            "--{flag} container:{name}: no container with name or ID {name:?}; create it first"
        ))
    })
}

/// At `create`: check the modes, replace each `container:X` by X's full id, and
/// record that the container lives in that container's user namespace too (which
/// excludes a mapping of its own: `--userns`, `--uidmap`).
pub fn resolve(store: &Store, config: &mut ContainerConfig) -> Result<()> {
    config.namespaces.check_supported()?;
    let mut joined: Option<String> = None;
    let own_mapping = config.id_mapping() != crate::spec::IdMappingMode::Default;
    let ns = &mut config.namespaces;
    for (flag, mode) in [
        ("pid", &mut ns.pid),
        ("uts", &mut ns.uts),
        ("ipc", &mut ns.ipc),
        ("network", &mut ns.network),
        ("cgroupns", &mut ns.cgroup),
    ] {
        if let NamespaceMode::Container(x) = mode {
            let record = find(store, flag, x)?;
            joined = Some(record.id.clone());
            *mode = NamespaceMode::Container(record.id);
        }
    }
    if let Some(id) = joined {
        if own_mapping {
            return Err(RuntimeError::Start(format!(
                "--userns, --uidmap and --subuidname cannot be combined with joining the namespaces of container {}: the container lives in that container's user namespace, with its mapping",
                crate::lifecycle::short_id(&id)
            )));
        }
        ns.user = NamespaceMode::Container(id);
    }
    Ok(())
}

/// The hostname a container must have when it does not make its UTS namespace: the
/// host's, or the joined container's; `--hostname` is then an error, as Podman's.
/// None when the UTS namespace is its own (the caller's choice or the short id).
pub fn hostname(store: &Store, config: &ContainerConfig) -> Result<Option<String>> {
    let refuse = |whose: &str| {
        RuntimeError::Start(format!(
            "--hostname cannot be set when the UTS namespace is {whose}: drop --hostname or use --uts private"
        ))
    };
    match &config.namespaces.uts {
        NamespaceMode::New => Ok(config.hostname.clone()),
        _ if config.hostname.is_some() => Err(refuse("shared")),
        NamespaceMode::Host => {
            let path = "/proc/sys/kernel/hostname";
            let name = std::fs::read_to_string(path)
                .map_err(|e| RuntimeError::io("failed to read", path, e))?;
            Ok(Some(name.trim().to_string()))
        }
        NamespaceMode::Container(id) => {
            let record = find(store, "uts", id)?;
            let theirs = ContainerConfig::from_json(&record.id, &record.config)?;
            Ok(theirs.hostname)
        }
        NamespaceMode::Path(_) => Ok(None),
    }
}

/// The `CLONE_NEW*` flags of the namespaces `config` makes new, as [`setup`] finds
/// them, when it joins none (None when it joins any: that takes the store).
pub fn new_namespaces_alone(config: &ContainerConfig) -> Option<libc::c_int> {
    let mut new = 0;
    for (_, proc_name, mode) in config.namespaces.joinable() {
        match mode {
            NamespaceMode::New => new |= clone_flag(proc_name),
            NamespaceMode::Host => {}
            NamespaceMode::Path(_) | NamespaceMode::Container(_) => return None,
        }
    }
    Some(new)
}

/// At start: the namespaces made new and those joined. Each joined container must be
/// running; its init's pid and recorded start are taken from its record (made
/// truthful first).
pub fn setup(store: &Store, config: &ContainerConfig) -> Result<NamespaceSetup> {
    let mut out = NamespaceSetup::default();
    let mut running: Vec<ContainerRecord> = Vec::new();
    for (flag, proc_name, mode) in config.namespaces.joinable() {
        let what = |x: &str| format!("--{flag} {x}");
        let source = match mode {
            NamespaceMode::New => {
                out.new |= clone_flag(proc_name);
                continue;
            }
            NamespaceMode::Host => continue,
            NamespaceMode::Path(p) => {
                let target = JoinTarget {
                    flag: clone_flag(proc_name),
                    proc_name,
                    what: what(&format!("ns:{}", p.display())),
                    source: JoinSource::Path(p.clone()),
                };
                out.joins.push(target);
                continue;
            }
            NamespaceMode::Container(id) => id,
        };
        let record = match running.iter().find(|r| &r.id == source) {
            Some(r) => r.clone(),
            None => {
                let r = running_container(store, flag, source)?;
                running.push(r.clone());
                r
            }
        };
        out.joins.push(JoinTarget {
            flag: clone_flag(proc_name),
            proc_name,
            what: what(&format!("container:{}", record.name)),
            source: JoinSource::Container {
                pid: record.pid.unwrap_or(0),
                started: record.started,
            },
        });
    }
    Ok(out)
}

/// Before a container of a pod starts (in the caller's process, not in a monitor):
/// start the pod's infra container whose namespaces it joins, when that is not
/// running (as Podman does).
pub fn start_pod_infra(store: &Store, config: &ContainerConfig) -> Result<()> {
    for id in config.namespaces.joined_containers() {
        let Some(record) = store.db.find_container(id)? else {
            continue;
        };
        let is_infra =
            ContainerConfig::from_json(&record.id, &record.config).is_ok_and(|c| c.infra);
        if is_infra {
            crate::lifecycle::control::start_detached(store, &record.id)?;
        }
    }
    Ok(())
}

/// The container `id`, which must be running for its namespaces to be joined.
fn running_container(store: &Store, flag: &str, id: &str) -> Result<ContainerRecord> {
    let record = crate::lifecycle::control::refresh(store, find(store, flag, id)?)?;
    match (record.state, record.pid) {
        (ContainerState::Running, Some(pid)) if pid > 0 => Ok(record),
        (state, _) => Err(RuntimeError::Start(format!(
            "--{flag} container:{}: container {} is {}, and only a running container's namespaces can be joined; start it first",
            record.name,
            crate::lifecycle::short_id(&record.id),
            state.as_str()
        ))),
    }
}

/// Rootless, the mapping of the user namespace a container joins with the namespaces
/// of another container: that container's (read from its init). None when it joins
/// no container.
pub fn joined_mapping(setup: &NamespaceSetup, rootless: bool) -> Result<Option<UserNsPlan>> {
    if !rootless {
        return Ok(None);
    }
    let Some(pid) = setup.joins.iter().find_map(|t| match t.source {
        JoinSource::Container { pid, .. } => Some(pid),
        JoinSource::Path(_) => None,
    }) else {
        return Ok(None);
    };
    let (uid_map, gid_map) = idmap::read_maps(pid)?;
    Ok(Some(UserNsPlan {
        uid_map,
        gid_map,
        fallback_reason: None,
        nested: None,
    }))
}

/// Whether `namespaces` joins any namespace of the container `target`.
pub fn joins_container(namespaces: &Namespaces, target: &ContainerRecord) -> bool {
    namespaces
        .joined_containers()
        .iter()
        .any(|x| *x == target.name || (x.len() >= 3 && target.id.starts_with(*x)))
}
