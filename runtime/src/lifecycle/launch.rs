//! From an image and the user's options to a running container: unpacked layers,
//! the container's directories and record, the process spec, the foreground run,
//! and the clean-up of `--rm`.

use std::path::{Path, PathBuf};

use coracle_storage::containers::{new_container_id, random_name, ContainerRecord, ContainerState};
use coracle_storage::{ImageSummary, StorageError, Store};

use crate::error::{Result, RuntimeError};
use crate::fs::mounts_spec::{DeviceSpec, MountSpec};
use crate::fs::rootfs::{MountPlan, RootfsSpec};
use crate::ids::idmap::UserNsPlan;
use crate::ids::userns::{current_user_plan, run_in_userns};
use crate::process::container::{self, ContainerSpec};
use crate::security::caps;
use crate::security::seccomp;

/// Which seccomp filter to use.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum SeccompChoice {
    /// The built-in default profile.
    #[default]
    Default,
    /// No filter.
    Unconfined,
    /// A profile in OCI/Docker JSON.
    File(PathBuf),
}

/// What the user asked for, parsed and validated by the CLI.
#[derive(Clone, Debug, Default)]
pub struct LaunchOptions {
    /// Command and arguments given after the image.
    pub command: Vec<String>,
    /// `--entrypoint`.
    pub entrypoint: Option<String>,
    /// Extra environment, "KEY=value", in order (later wins).
    pub env: Vec<String>,
    /// `-w`.
    pub workdir: Option<String>,
    /// `-u`.
    pub user: Option<String>,
    /// `--hostname`.
    pub hostname: Option<String>,
    /// `--name`.
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
    /// `--userns=keep-id`.
    pub keep_id: bool,
    /// `--network host`.
    pub host_network: bool,
    /// `-t`.
    pub tty: bool,
    /// `-i`.
    pub interactive: bool,
    /// `--init`.
    pub init: bool,
    /// `--rm`.
    pub remove: bool,
    /// Squash unmapped owners to root while unpacking.
    pub ignore_chown_errors: bool,
    /// `overlay.mount_program`: always mount with this fuse-overlayfs.
    pub mount_program: Option<PathBuf>,
}

fn storage_err(e: StorageError) -> RuntimeError {
    RuntimeError::Start(e.to_string())
}

/// The image's runtime defaults, from its stored configuration.
fn image_defaults(store: &Store, image: &ImageSummary) -> Result<serde_json::Value> {
    let bytes = store
        .blobs
        .read(&image.record.config_digest)
        .map_err(storage_err)?;
    let v: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| RuntimeError::Start(format!("image configuration: {e}")))?;
    Ok(v.get("config").cloned().unwrap_or(serde_json::Value::Null))
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
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
fn container_dir(store: &Store, id: &str) -> PathBuf {
    store.root.join("containers").join(id)
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| RuntimeError::Io {
        action: "failed to write",
        path: path.to_path_buf(),
        source: e,
    })
}

/// /etc/hostname, /etc/hosts and /etc/resolv.conf for the container.
fn etc_files(dir: &Path, hostname: &str, name: &str) -> Result<Vec<(String, PathBuf)>> {
    let userdata = dir.join("userdata");
    let hosts = format!(
        "127.0.0.1\tlocalhost localhost.localdomain\n::1\tlocalhost localhost.localdomain\n127.0.1.1\t{hostname} {name}\n"
    );
    let resolv = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    let files = [
        ("hostname", format!("{hostname}\n")),
        ("hosts", hosts),
        ("resolv.conf", resolv),
    ];
    let mut out = Vec::new();
    for (file, text) in files {
        let path = userdata.join(file);
        write_file(&path, &text)?;
        out.push((format!("/etc/{file}"), path));
    }
    Ok(out)
}

/// Run `image` in the foreground; returns the container's exit code. `stored_plan`
/// is the caller's default rootless mapping ([`current_user_plan`]`(false)`, whose
/// warning is the caller's to print): layers are unpacked under it whatever mapping
/// the container runs with.
pub fn run(
    store: &Store,
    image: &ImageSummary,
    image_name: &str,
    opts: &LaunchOptions,
    stored_plan: Option<&UserNsPlan>,
) -> Result<i32> {
    let keep_id_plan = if opts.keep_id {
        current_user_plan(true).0
    } else {
        None
    };
    let plan = keep_id_plan.as_ref().or(stored_plan);
    let lower = crate::fs::layers::ensure_unpacked(
        store,
        &image.record,
        stored_plan,
        opts.ignore_chown_errors,
    )?;
    let defaults = image_defaults(store, image)?;
    let args = command_line(
        &strings(&defaults["Entrypoint"]),
        &strings(&defaults["Cmd"]),
        opts.entrypoint.as_deref(),
        &opts.command,
    );
    if args.is_empty() {
        return Err(RuntimeError::Start("no command specified: the image has no Cmd or Entrypoint; give one after the image name".into()));
    }
    let caps = caps::resolve(&opts.cap_add, &opts.cap_drop, opts.privileged)?;
    let seccomp = match (&opts.seccomp, opts.privileged) {
        (SeccompChoice::Unconfined, _) | (_, true) => None,
        (SeccompChoice::File(path), false) => Some(seccomp::load_profile_json(path, &caps)?),
        (SeccompChoice::Default, false) => {
            Some(seccomp::cached_default(&store.root.join("cache"), &caps)?)
        }
    };

    let id = new_container_id();
    let name = opts.name.clone().unwrap_or_else(random_name);
    let hostname = opts
        .hostname
        .clone()
        .unwrap_or_else(|| id[..12].to_string());
    let dir = container_dir(store, &id);
    for sub in ["upper", "work", "merged", "userdata"] {
        let p = dir.join(sub);
        std::fs::create_dir_all(&p).map_err(|e| RuntimeError::Io {
            action: "failed to create",
            path: p,
            source: e,
        })?;
    }
    let record = ContainerRecord {
        id: id.clone(),
        name: name.clone(),
        image_id: image.record.id.clone(),
        image_name: image_name.to_string(),
        command: args.clone(),
        created: now(),
        state: ContainerState::Created,
        pid: None,
        exit_code: None,
        started: None,
        finished: None,
        config: serde_json::json!({ "hostname": hostname }),
    };
    if let Err(e) = store.db.create_container(&record) {
        let _ = std::fs::remove_dir_all(&dir);
        return Err(storage_err(e));
    }
    let result = start(
        store,
        opts,
        plan,
        stored_plan,
        lower,
        &defaults,
        args,
        &dir,
        &hostname,
        &name,
        caps,
        seccomp,
    );
    let finished = now();
    if opts.remove {
        remove_container(store, &id, plan)?;
    } else if let Ok(code) = &result {
        store
            .db
            .set_container_exited(&id, *code, finished)
            .map_err(storage_err)?;
    }
    result
}

#[allow(clippy::too_many_arguments)]
fn start(
    store: &Store,
    opts: &LaunchOptions,
    plan: Option<&UserNsPlan>,
    stored_plan: Option<&UserNsPlan>,
    lower: Vec<PathBuf>,
    defaults: &serde_json::Value,
    args: Vec<String>,
    dir: &Path,
    hostname: &str,
    name: &str,
    caps: caps::CapSet,
    seccomp: Option<seccomp::Program>,
) -> Result<i32> {
    let etc = etc_files(dir, hostname, name)?;
    // Layers are unpacked under the default mapping; another one (keep-id) sees them
    // through fuse-overlayfs's id remapping, as Podman does with fuse-overlayfs.
    let fuse_idmapping = match (plan, stored_plan) {
        (Some(running), Some(stored)) => {
            crate::ids::idmap::fuse_remap(&stored.uid_map, &running.uid_map).zip(
                crate::ids::idmap::fuse_remap(&stored.gid_map, &running.gid_map),
            )
        }
        _ => None,
    };
    // keep-id's passwd and group entries are made in the container process, from the
    // files of the mounted root (resolved inside it), next to the other /etc files.
    let keep_id = (opts.keep_id && plan.is_some()).then(|| crate::fs::keep_id::KeepIdFiles {
        user: crate::fs::keep_id::HostUser::current(),
        dir: dir.join("userdata"),
    });
    let keep_id_user = keep_id.as_ref().map(|k| &k.user);
    let mut base_env =
        vec!["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".to_string()];
    if opts.tty {
        base_env.push("TERM=xterm".into());
    }
    base_env.push("container=coracle".into());
    base_env.push(format!("HOSTNAME={hostname}"));
    let mut env = merge_env(&[base_env, strings(&defaults["Env"]), opts.env.clone()]);
    if !env.iter().any(|e| e.starts_with("HOME=")) {
        match &keep_id_user {
            Some(u) => env.push(format!("HOME={}", u.home)),
            None => env.push("HOME=/root".into()),
        }
    }
    let user = opts.user.clone().or_else(|| {
        defaults["User"]
            .as_str()
            .filter(|u| !u.is_empty())
            .map(String::from)
    });
    let user = match (user, opts.keep_id) {
        (None, true) => Some(format!(
            "{}:{}",
            rustix::process::getuid().as_raw(),
            rustix::process::getgid().as_raw()
        )),
        (u, _) => u,
    };
    let cwd = opts
        .workdir
        .clone()
        .or_else(|| {
            defaults["WorkingDir"]
                .as_str()
                .filter(|w| !w.is_empty())
                .map(String::from)
        })
        .unwrap_or_else(|| "/".into());
    let spec = ContainerSpec {
        mounts: MountPlan {
            rootfs: RootfsSpec {
                lower,
                upper: dir.join("upper"),
                work: dir.join("work"),
                merged: dir.join("merged"),
                userxattr: plan.is_some(),
                // An id remapping needs fuse-overlayfs; otherwise the store's driver
                // decides (probed with the default mapping).
                fuse_program: match &opts.mount_program {
                    Some(p) => Some(p.clone()),
                    None => (fuse_idmapping.is_some()
                        || overlay_driver(store, stored_plan, None) != "overlay")
                        .then(|| PathBuf::from(crate::fs::overlay::FUSE_OVERLAYFS)),
                },
                fuse_idmapping,
            },
            mounts: opts.mounts.clone(),
            devices: opts.devices.clone(),
            etc_files: etc,
            keep_id,
            workdir: cwd.clone(),
            tty: opts.tty,
            read_only: opts.read_only,
            privileged: opts.privileged,
        },
        args,
        env,
        cwd,
        user,
        hostname: hostname.to_string(),
        caps,
        seccomp,
        no_new_privs: opts.no_new_privs,
        userns: plan.cloned(),
        host_network: opts.host_network,
        tty: opts.tty,
        interactive: opts.interactive,
        init: opts.init,
    };
    container::run(&spec)
}

/// Remove a container's files (inside the user namespace: they may belong to
/// subordinate ids) and its record.
pub fn remove_container(store: &Store, id: &str, plan: Option<&UserNsPlan>) -> Result<()> {
    let dir = container_dir(store, id);
    // Most containers write only as root (the caller's own uid): try without a
    // user namespace first, and pay for one only when other owners are involved.
    {
        use std::os::unix::fs::PermissionsExt;
        // overlayfs leaves its work/work directory with mode 000.
        let _ = std::fs::set_permissions(
            dir.join("work/work"),
            std::fs::Permissions::from_mode(0o700),
        );
    }
    if dir.exists() && std::fs::remove_dir_all(&dir).is_err() {
        let d = dir.clone();
        run_in_userns(plan, move || {
            std::fs::remove_dir_all(&d).map_err(|e| format!("remove {}: {e}", d.display()))
        })?;
    }
    store.db.delete_container(id).map_err(storage_err)?;
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
        fuse_program: None,
        fuse_idmapping: None,
    };
    let ok = run_in_userns(plan, || {
        // SAFETY: this runs in the freshly cloned single-threaded helper process; no
        // other thread shares its file table or filesystem state.
        unsafe { rustix::thread::unshare_unsafe(rustix::thread::UnshareFlags::NEWNS) }
            .map_err(|e| e.to_string())?;
        crate::sys::mount(
            None,
            Path::new("/"),
            None,
            libc::MS_REC | libc::MS_PRIVATE,
            None,
        )
        .map_err(|e| e.to_string())?;
        crate::sys::mount(
            Some("overlay"),
            &rootfs.merged,
            Some("overlay"),
            0,
            Some(&crate::fs::overlay::overlay_options(&rootfs)),
        )
        .map_err(|e| e.to_string())
    })
    .is_ok();
    let b = base.clone();
    let _ = run_in_userns(plan, move || {
        std::fs::remove_dir_all(&b).map_err(|e| e.to_string())
    });
    ok
}

fn now() -> i64 {
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
    fn env_merging() {
        let merged = merge_env(&[
            v(&["PATH=/bin", "A=1"]),
            v(&["A=2", "B=3"]),
            v(&["PATH=/x"]),
        ]);
        assert_eq!(merged, v(&["A=2", "B=3", "PATH=/x"]));
    }
}
