//! Parsing of the mount flags of `coracle run`: `-v/--volume`, `--mount` and `--tmpfs`
//! into [`MountSpec`]s, and `--device` into [`DeviceSpec`]s. Pure: nothing is checked
//! on disk.
//!
//! Host paths may be absolute or start with `.` (resolved against the working
//! directory, as Podman does). A plain name (no slash) is a named volume; a lone
//! container path (`-v /data`) is an anonymous volume; other relative paths are
//! rejected.

use crate::error::{Result, RuntimeError};
use std::path::{Component, Path, PathBuf};

/// One mount requested on the command line.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MountSpec {
    /// Bind mount of a host path.
    Bind {
        /// Absolute host path.
        source: PathBuf,
        /// Absolute path in the container.
        target: PathBuf,
        /// Mount read-only.
        readonly: bool,
    },
    /// A fresh tmpfs.
    Tmpfs {
        /// Absolute path in the container.
        target: PathBuf,
        /// Mount options as given to mount(2) ("rw", "size=64m", "mode=1777", ...).
        options: Vec<String>,
    },
    /// A named volume (`-v NAME:/path`, `--mount type=volume`), or an anonymous one
    /// (`-v /path`, an image's `VOLUME`): its data directory in the store, bound.
    Volume {
        /// The volume's name; empty for an anonymous volume until `create` names it.
        name: String,
        /// Absolute path in the container.
        target: PathBuf,
        /// Mount read-only.
        readonly: bool,
        /// Anonymous: removed with its container by `rm -v` and `run --rm`.
        anonymous: bool,
    },
    /// `type=image`: an image's merged layers, read-only.
    Image {
        /// The image as given; its full id once `run`/`create` found it.
        source: String,
        /// Absolute path in the container.
        target: PathBuf,
    },
}

impl MountSpec {
    /// Where the mount appears in the container.
    pub fn target(&self) -> &Path {
        match self {
            MountSpec::Bind { target, .. }
            | MountSpec::Tmpfs { target, .. }
            | MountSpec::Volume { target, .. }
            | MountSpec::Image { target, .. } => target,
        }
    }
}

/// A host device made available in the container (`--device`): its node is
/// bind-mounted onto a file created inside the container's root, as rootless Podman
/// does (a user namespace cannot create device nodes).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DeviceSpec {
    /// The device node on the host.
    pub host: PathBuf,
    /// Where it appears in the container (by default the host path).
    pub container: PathBuf,
    /// Podman's cgroup permissions (`r`, `w`, `m`); recorded, not enforced: coracle
    /// manages no device cgroup, the node's own mode decides.
    pub permissions: String,
}

/// Whether `mode` is a device permission string: one or more of `r`, `w`, `m`.
fn is_device_mode(mode: &str) -> bool {
    !mode.is_empty() && mode.chars().all(|c| matches!(c, 'r' | 'w' | 'm'))
}

/// Parses `--device HOST[:CONTAINER][:PERMISSIONS]` as Podman does: a second field
/// made of `r`, `w` and `m` only is the permissions; CONTAINER must be absolute.
pub fn parse_device(spec: &str) -> Result<DeviceSpec> {
    let bad = |reason: String| RuntimeError::device(spec, reason);
    let parts: Vec<&str> = spec.split(':').collect();
    let (host, container, permissions) = match parts.as_slice() {
        [host] => (*host, None, "rwm"),
        [host, mode] if is_device_mode(mode) => (*host, None, *mode),
        [host, container] => (*host, Some(*container), "rwm"),
        [host, container, mode] => (*host, Some(*container), *mode),
        _ => return Err(bad("expected HOST[:CONTAINER][:PERMISSIONS]".into())),
    };
    if !is_device_mode(permissions) {
        return Err(bad(format!(
            "invalid permissions {permissions:?}: use r, w and m"
        )));
    }
    if !host.starts_with('/') {
        return Err(bad(format!(
            "host device {host:?} must be an absolute path"
        )));
    }
    let container = container_path(container.unwrap_or(host)).map_err(bad)?;
    Ok(DeviceSpec {
        host: clean(Path::new(host)),
        container,
        permissions: permissions.to_string(),
    })
}

/// Options `-v` accepts and ignores: SELinux relabelling, bind recursion, propagation.
const IGNORED_VOLUME_OPTS: &[&str] = &[
    "z",
    "Z",
    "bind",
    "rbind",
    "private",
    "rprivate",
    "shared",
    "rshared",
    "slave",
    "rslave",
    "unbindable",
    "runbindable",
];

/// Parses `-v HOST:CONTAINER[:OPTIONS]`; `cwd` resolves `./` host paths.
pub fn parse_volume(spec: &str, cwd: &Path) -> Result<MountSpec> {
    let bad = |reason: String| RuntimeError::mount(spec, reason);
    let parts: Vec<&str> = spec.split(':').collect();
    let (host, target, opts) = match parts.as_slice() {
        [one] if one.starts_with('/') => ("", *one, ""),
        [host, target] => (*host, *target, ""),
        [host, target, opts] => (*host, *target, *opts),
        _ => return Err(bad("expected HOST-DIR:CONTAINER-DIR[:OPTIONS]".into())),
    };
    let target = container_path(target).map_err(bad)?;
    let readonly = volume_readonly(opts).map_err(bad)?;
    if (host.is_empty() || is_volume_source(host)) && target == Path::new("/") {
        return Err(bad(NO_VOLUME_ON_ROOT.into()));
    }
    if host.is_empty() && parts.len() == 1 {
        return Ok(MountSpec::Volume {
            name: String::new(),
            target,
            readonly,
            anonymous: true,
        });
    }
    if is_volume_source(host) {
        return Ok(MountSpec::Volume {
            name: volume_name(host).map_err(bad)?,
            target,
            readonly,
            anonymous: false,
        });
    }
    Ok(MountSpec::Bind {
        source: host_path(host, cwd).map_err(bad)?,
        target,
        readonly,
    })
}

/// Why a volume cannot go on `/`.
const NO_VOLUME_ON_ROOT: &str = "a volume cannot be mounted on /: choose a directory";

/// Whether `-v`'s first field names a volume (no slash, not `.`-relative), as Podman
/// decides.
fn is_volume_source(host: &str) -> bool {
    !host.is_empty() && !host.contains('/') && !host.starts_with('.')
}

/// A volume name, checked against Podman's rule.
fn volume_name(name: &str) -> std::result::Result<String, String> {
    coracle_storage::volumes::check_volume_name(name)
        .map(|()| name.to_string())
        .map_err(|e| e.to_string())
}

/// `-v`'s options: `ro`/`rw` (once), and those it ignores.
fn volume_readonly(opts: &str) -> std::result::Result<bool, String> {
    let mut readonly = None;
    for opt in opts.split(',').filter(|o| !o.is_empty()) {
        let ro = match opt {
            "ro" => true,
            "rw" => false,
            o if IGNORED_VOLUME_OPTS.contains(&o) => continue,
            o => return Err(format!("unknown volume option {o:?}")),
        };
        if readonly.is_some_and(|r| r != ro) {
            return Err("options ro and rw are mutually exclusive".into());
        }
        readonly = Some(ro);
    }
    Ok(readonly.unwrap_or(false))
}

/// Parses `--mount type=bind,source=..,target=..[,readonly]` or
/// `--mount type=tmpfs,target=..[,tmpfs-size=..][,tmpfs-mode=..]`.
pub fn parse_mount(spec: &str, cwd: &Path) -> Result<MountSpec> {
    let bad = |reason: String| RuntimeError::mount(spec, reason);
    let (mut kind, mut source, mut target) = (None, None, None);
    let (mut readonly, mut size, mut mode) = (false, None, None);
    let mut readwrite = false;
    for field in spec.split(',').filter(|f| !f.is_empty()) {
        let (key, value) = match field.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (field, None),
        };
        let need = |v: Option<&str>| {
            v.filter(|v| !v.is_empty())
                .map(str::to_string)
                .ok_or_else(|| bad(format!("option {key:?} needs a value")))
        };
        match key {
            "type" => kind = Some(need(value)?),
            "source" | "src" => source = Some(need(value)?),
            "target" | "destination" | "dst" => target = Some(need(value)?),
            "readonly" | "ro" => {
                readonly = match value {
                    None | Some("true") | Some("1") => true,
                    Some("false") | Some("0") => false,
                    Some(v) => return Err(bad(format!("invalid readonly value {v:?}"))),
                }
            }
            "rw" | "readwrite" => {
                readwrite = match value {
                    None | Some("true") | Some("1") => true,
                    Some("false") | Some("0") => false,
                    Some(v) => return Err(bad(format!("invalid {key} value {v:?}"))),
                }
            }
            "tmpfs-size" => size = Some(need(value)?),
            "tmpfs-mode" => mode = Some(need(value)?),
            "bind-propagation" | "relabel" | "bind-nonrecursive" | "consistency" => {}
            other => return Err(bad(format!("unknown mount option {other:?}"))),
        }
    }
    let target =
        container_path(&target.ok_or_else(|| bad("target is required".into()))?).map_err(bad)?;
    match kind.as_deref() {
        Some("bind") => {
            if size.is_some() || mode.is_some() {
                return Err(bad("tmpfs options need type=tmpfs".into()));
            }
            let source = source.ok_or_else(|| bad("source is required for a bind mount".into()))?;
            Ok(MountSpec::Bind {
                source: host_path(&source, cwd).map_err(bad)?,
                target,
                readonly,
            })
        }
        Some("tmpfs") => {
            if source.is_some() {
                return Err(bad("a tmpfs mount takes no source".into()));
            }
            let mut options: Vec<String> = [if readonly { "ro" } else { "rw" }, "nosuid", "nodev"]
                .map(String::from)
                .to_vec();
            if let Some(s) = size {
                options.push(format!("size={}", tmpfs_size(&s).map_err(bad)?));
            }
            if let Some(m) = mode {
                options.push(format!("mode={}", tmpfs_mode(&m).map_err(bad)?));
            }
            Ok(MountSpec::Tmpfs { target, options })
        }
        Some("image") => {
            if readwrite {
                return Err(bad(
                    "image mounts are read-only: drop rw (no writable layer is kept for them)"
                        .into(),
                ));
            }
            if size.is_some() || mode.is_some() {
                return Err(bad("tmpfs options need type=tmpfs".into()));
            }
            let source = source.ok_or_else(|| bad("source (the image) is required".into()))?;
            Ok(MountSpec::Image { source, target })
        }
        Some("volume") => {
            if size.is_some() || mode.is_some() {
                return Err(bad("tmpfs options need type=tmpfs".into()));
            }
            if target == Path::new("/") {
                return Err(bad(NO_VOLUME_ON_ROOT.into()));
            }
            Ok(MountSpec::Volume {
                name: match &source {
                    Some(s) => volume_name(s).map_err(bad)?,
                    None => String::new(),
                },
                target,
                readonly,
                anonymous: source.is_none(),
            })
        }
        Some(other) => Err(bad(format!("unsupported mount type {other:?}"))),
        None => Err(bad("type is required (bind, volume, tmpfs or image)".into())),
    }
}

/// Parses `--tmpfs /path[:OPTIONS]`; without options Podman's defaults
/// `rw,noexec,nosuid,nodev` apply.
pub fn parse_tmpfs(spec: &str) -> Result<MountSpec> {
    let bad = |reason: String| RuntimeError::mount(spec, reason);
    let (path, opts) = spec.split_once(':').unwrap_or((spec, ""));
    let target = container_path(path).map_err(bad)?;
    let mut options: Vec<String> = opts
        .split(',')
        .filter(|o| !o.is_empty())
        .map(String::from)
        .collect();
    if options.is_empty() {
        options = ["rw", "noexec", "nosuid", "nodev"]
            .map(String::from)
            .to_vec();
    }
    Ok(MountSpec::Tmpfs { target, options })
}

/// Validates and resolves a host path (see the module doc).
fn host_path(host: &str, cwd: &Path) -> std::result::Result<PathBuf, String> {
    if host.is_empty() {
        Err("host path is empty".into())
    } else if host.starts_with('/') {
        Ok(clean(Path::new(host)))
    } else if host.starts_with('.') {
        Ok(clean(&cwd.join(host)))
    } else if host.contains('/') {
        Err(format!(
            "relative host path {host:?}: start it with ./ or use an absolute path"
        ))
    } else {
        Err(format!(
            "{host:?} is a volume name: use type=volume for a volume, or ./{host} for a host path"
        ))
    }
}

fn container_path(path: &str) -> std::result::Result<PathBuf, String> {
    if path.starts_with('/') {
        Ok(clean(Path::new(path)))
    } else {
        Err(format!("container path {path:?} must be absolute"))
    }
}

/// Lexically normalizes an absolute path: drops `.`, applies `..`, strips trailing `/`.
pub fn clean(path: &Path) -> PathBuf {
    let mut out = PathBuf::from("/");
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(n) => out.push(n),
            _ => {}
        }
    }
    out
}

/// Checks a tmpfs size: a number with an optional k/m/g suffix, or a percentage.
fn tmpfs_size(s: &str) -> std::result::Result<&str, String> {
    let digits = s.trim_end_matches(['k', 'K', 'm', 'M', 'g', 'G', '%']);
    let suffix_len = s.len() - digits.len();
    if !digits.is_empty() && suffix_len <= 1 && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(s)
    } else {
        Err(format!("invalid tmpfs-size {s:?}"))
    }
}

/// Checks a tmpfs mode: 1 to 4 octal digits.
fn tmpfs_mode(s: &str) -> std::result::Result<&str, String> {
    if (1..=4).contains(&s.len()) && s.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        Ok(s)
    } else {
        Err(format!(
            "invalid tmpfs-mode {s:?}: expected octal like 1777"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bind(source: &str, target: &str, readonly: bool) -> MountSpec {
        MountSpec::Bind {
            source: source.into(),
            target: target.into(),
            readonly,
        }
    }

    fn err(r: Result<MountSpec>) -> String {
        r.unwrap_err().to_string()
    }

    const CWD: &str = "/home/alice/proj";

    fn vol(spec: &str) -> Result<MountSpec> {
        parse_volume(spec, Path::new(CWD))
    }

    fn mnt(spec: &str) -> Result<MountSpec> {
        parse_mount(spec, Path::new(CWD))
    }

    #[test]
    fn volume_forms() {
        assert_eq!(vol("/srv:/data").unwrap(), bind("/srv", "/data", false));
        assert_eq!(vol("/srv/:/data/:ro").unwrap(), bind("/srv", "/data", true));
        assert_eq!(
            vol("/srv:/data:rw,Z").unwrap(),
            bind("/srv", "/data", false)
        );
        assert_eq!(
            vol("/srv:/data:z,ro,rprivate").unwrap(),
            bind("/srv", "/data", true)
        );
        assert_eq!(
            vol("./src:/src").unwrap(),
            bind("/home/alice/proj/src", "/src", false)
        );
        assert_eq!(vol("..:/up").unwrap(), bind("/home/alice", "/up", false));
    }

    #[test]
    fn volume_errors() {
        let e = err(vol("-x:/data"));
        assert_eq!(
            e,
            "invalid mount \"-x:/data\": invalid volume name \"-x\": volume names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*"
        );
        assert!(err(vol("a/b:/data")).contains("relative host path \"a/b\""));
        assert!(err(vol("/srv:data")).contains("container path \"data\" must be absolute"));
        assert!(err(vol("/a:/b:ro:x")).contains("expected HOST-DIR:CONTAINER-DIR"));
        assert!(err(vol("/a:/b:ro,rw")).contains("mutually exclusive"));
        assert!(err(vol("/a:/b:bogus")).contains("unknown volume option \"bogus\""));
        assert!(err(vol(":/b")).contains("host path is empty"));
    }

    fn volume(name: &str, target: &str, readonly: bool) -> MountSpec {
        MountSpec::Volume {
            name: name.into(),
            target: target.into(),
            readonly,
            anonymous: name.is_empty(),
        }
    }

    #[test]
    fn volumes_named_and_anonymous() {
        assert_eq!(vol("data:/data").unwrap(), volume("data", "/data", false));
        assert_eq!(vol("v.1:/d/:ro,z").unwrap(), volume("v.1", "/d", true));
        assert_eq!(vol("/data").unwrap(), volume("", "/data", false));
        assert_eq!(
            mnt("type=volume,src=data,dst=/data,ro").unwrap(),
            volume("data", "/data", true)
        );
        assert_eq!(
            mnt("type=volume,target=/x").unwrap(),
            volume("", "/x", false)
        );
    }

    #[test]
    fn mount_bind() {
        let m = mnt("type=bind,source=/srv,target=/data").unwrap();
        assert_eq!(m, bind("/srv", "/data", false));
        let m = mnt("type=bind,src=./x,dst=/x,readonly").unwrap();
        assert_eq!(m, bind("/home/alice/proj/x", "/x", true));
        let m = mnt("type=bind,src=/a,destination=/b,ro=false,bind-propagation=rslave").unwrap();
        assert_eq!(m, bind("/a", "/b", false));
    }

    #[test]
    fn mount_tmpfs() {
        let m = mnt("type=tmpfs,target=/run,tmpfs-size=64m,tmpfs-mode=1777").unwrap();
        assert_eq!(
            m,
            MountSpec::Tmpfs {
                target: "/run".into(),
                options: vec![
                    "rw".into(),
                    "nosuid".into(),
                    "nodev".into(),
                    "size=64m".into(),
                    "mode=1777".into()
                ]
            }
        );
        let MountSpec::Tmpfs { options, .. } = mnt("type=tmpfs,dst=/t,ro").unwrap() else {
            panic!("not tmpfs")
        };
        assert_eq!(options[0], "ro");
    }

    #[test]
    fn mount_image() {
        let m = mnt("type=image,source=busybox,destination=/b,rw=false").unwrap();
        assert_eq!(
            m,
            MountSpec::Image {
                source: "busybox".into(),
                target: "/b".into()
            }
        );
        assert!(err(mnt("type=image,source=busybox,target=/b,rw")).contains("read-only"));
        assert!(err(mnt("type=image,target=/b")).contains("source"));
        assert!(err(mnt("type=image,source=x,target=/b,tmpfs-size=1m")).contains("tmpfs"));
    }

    #[test]
    fn mount_errors() {
        assert!(err(mnt("source=/a,target=/b")).contains("type is required"));
        assert!(err(mnt("type=bind,target=/b")).contains("source is required"));
        assert!(err(mnt("type=bind,source=/a")).contains("target is required"));
        assert!(err(mnt("type=volume,source=a/b,target=/b")).contains("invalid volume name"));
        assert!(err(mnt("type=volume,source=v,target=/")).contains("cannot be mounted on /"));
        assert!(err(vol("v:/")).contains("cannot be mounted on /"));
        assert!(err(vol("/")).contains("cannot be mounted on /"));
        assert!(err(mnt("type=bind,source=v,target=/b")).contains("is a volume name"));
        assert!(err(mnt("type=nfs,target=/b")).contains("unsupported mount type \"nfs\""));
        assert!(err(mnt("type=bind,source=/a,target=/b,color=red")).contains("\"color\""));
        assert!(err(mnt("type=tmpfs,target=/b,tmpfs-size=lots")).contains("tmpfs-size"));
        assert!(err(mnt("type=tmpfs,target=/b,tmpfs-mode=999")).contains("tmpfs-mode"));
        assert!(err(mnt("type=tmpfs,source=/a,target=/b")).contains("no source"));
        assert!(err(mnt("type=bind,source=/a,target=b")).contains("must be absolute"));
        assert!(err(mnt("type=bind,source=/a,target=/b,readonly=maybe")).contains("readonly"));
        assert!(err(mnt("type=bind,source=/a,target=/b,tmpfs-size=1m")).contains("type=tmpfs"));
    }

    #[test]
    fn device_forms_follow_podman() {
        for (spec, host, container, permissions) in [
            ("/dev/fuse", "/dev/fuse", "/dev/fuse", "rwm"),
            ("/dev/fuse:r", "/dev/fuse", "/dev/fuse", "r"),
            ("/dev/null:/dev/mynull", "/dev/null", "/dev/mynull", "rwm"),
            ("/dev/sda:/dev/xvda:rw", "/dev/sda", "/dev/xvda", "rw"),
        ] {
            let want = DeviceSpec {
                host: host.into(),
                container: container.into(),
                permissions: permissions.into(),
            };
            assert_eq!(parse_device(spec).unwrap(), want, "{spec}");
        }
        let err = |s: &str| parse_device(s).unwrap_err().to_string();
        assert!(err("").contains("must be an absolute path"));
        assert!(err("null").contains("must be an absolute path"));
        assert!(err("/dev/a:dev/b").contains("must be absolute"));
        assert!(err("/dev/a:/dev/b:rwx").contains("invalid permissions"));
        assert!(err("/a:/b:r:w").contains("expected HOST"));
        assert_eq!(
            err("/dev/a:/dev/b:x"),
            "invalid device \"/dev/a:/dev/b:x\": invalid permissions \"x\": use r, w and m"
        );
    }

    #[test]
    fn tmpfs_flag() {
        assert_eq!(
            parse_tmpfs("/tmp").unwrap(),
            MountSpec::Tmpfs {
                target: "/tmp".into(),
                options: ["rw", "noexec", "nosuid", "nodev"]
                    .map(String::from)
                    .to_vec()
            }
        );
        let MountSpec::Tmpfs { options, .. } =
            parse_tmpfs("/tmp:rw,size=787448k,mode=1777").unwrap()
        else {
            panic!("not tmpfs")
        };
        assert_eq!(options, ["rw", "size=787448k", "mode=1777"]);
        assert!(err(parse_tmpfs("tmp")).contains("must be absolute"));
    }
}
