//! Linux capabilities of the container process: Podman's default set, `--cap-add`,
//! `--cap-drop` and `--privileged` resolution, and applying the result right before exec.
//!
//! Order in the container's init (see [`apply`]): set `PR_SET_KEEPCAPS`, switch
//! groups and user (setgroups/setresgid/setresuid), then call [`apply`], then exec.
//! `apply` first raises the effective set from whatever is still permitted, so it works
//! after a switch to a non-root user that cleared the effective set.

use crate::error::{Result, RuntimeError};
use caps::Capability;
use rustix::thread::{CapabilitySet, CapabilitySets};
use std::fmt;

/// Podman's default capabilities for a container (containers.conf `default_capabilities`).
pub const DEFAULT_CAPS: &[&str] = &[
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_NET_BIND_SERVICE",
    "CAP_SETFCAP",
    "CAP_SETGID",
    "CAP_SETPCAP",
    "CAP_SETUID",
    "CAP_SYS_CHROOT",
];

/// A set of capabilities, stored as the kernel's bit mask.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct CapSet {
    mask: u64,
}

impl CapSet {
    /// The empty set.
    pub const EMPTY: CapSet = CapSet { mask: 0 };

    /// Every capability known to coracle (what `--privileged` grants).
    pub fn all() -> CapSet {
        CapSet {
            mask: caps::all().iter().fold(0, |m, c| m | c.bitmask()),
        }
    }

    /// Podman's default set ([`DEFAULT_CAPS`]).
    pub fn default_set() -> CapSet {
        let mut set = CapSet::EMPTY;
        for name in DEFAULT_CAPS {
            if let Ok(cap) = parse_name(name) {
                set.insert(cap);
            }
        }
        set
    }

    /// The kernel bit mask (bit N = capability number N).
    pub fn to_mask(&self) -> u64 {
        self.mask
    }

    /// True when `cap` is in the set.
    pub fn contains(&self, cap: Capability) -> bool {
        self.mask & cap.bitmask() != 0
    }

    /// True when the capability named `name` (e.g. "CAP_SYS_ADMIN") is in the set;
    /// false for unknown names.
    pub fn contains_name(&self, name: &str) -> bool {
        parse_name(name).is_ok_and(|c| self.contains(c))
    }

    /// Adds `cap`.
    pub fn insert(&mut self, cap: Capability) {
        self.mask |= cap.bitmask();
    }

    /// Removes `cap`.
    pub fn remove(&mut self, cap: Capability) {
        self.mask &= !cap.bitmask();
    }

    /// The capabilities in the set, lowest number first.
    pub fn iter(&self) -> impl Iterator<Item = Capability> + '_ {
        let mut all: Vec<Capability> = caps::all().into_iter().collect();
        all.sort_by_key(|c| c.index());
        all.into_iter().filter(|c| self.contains(*c))
    }

    /// Names of the capabilities in the set ("CAP_CHOWN", ...), lowest number first.
    pub fn names(&self) -> Vec<String> {
        self.iter().map(|c| c.to_string()).collect()
    }
}

impl fmt::Debug for CapSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.names()).finish()
    }
}

/// Parses a capability name: case-insensitive, with or without the `CAP_` prefix.
pub fn parse_name(name: &str) -> Result<Capability> {
    caps::to_canonical(name.trim())
        .parse::<Capability>()
        .map_err(|_| RuntimeError::UnknownCapability(name.to_string()))
}

/// True when `name` is the `ALL` keyword.
fn is_all(name: &str) -> bool {
    let canonical = caps::to_canonical(name.trim());
    canonical == "CAP_ALL"
}

/// Resolves the container's capabilities from `--cap-add`, `--cap-drop` and
/// `--privileged`, with Podman's rules: the base is [`DEFAULT_CAPS`] (all with
/// `privileged`); `ALL` in `drop` keeps only what `add` names; `ALL` in `add` starts from
/// every capability; naming a capability in both lists is an error.
pub fn resolve(add: &[String], drop: &[String], privileged: bool) -> Result<CapSet> {
    let add_all = add.iter().any(|n| is_all(n));
    let drop_all = drop.iter().any(|n| is_all(n));
    let parse = |names: &[String]| -> Result<CapSet> {
        let mut set = CapSet::EMPTY;
        for name in names.iter().filter(|n| !is_all(n)) {
            set.insert(parse_name(name)?);
        }
        Ok(set)
    };
    let added = parse(add)?;
    let dropped = parse(drop)?;
    if add_all && drop_all {
        return Err(RuntimeError::CapabilityConflict("ALL".into()));
    }
    let both = CapSet {
        mask: added.mask & dropped.mask,
    };
    if let Some(cap) = both.iter().next() {
        return Err(RuntimeError::CapabilityConflict(cap.to_string()));
    }
    if drop_all {
        return Ok(added);
    }
    let base = if privileged || add_all {
        CapSet::all()
    } else {
        CapSet::default_set()
    };
    Ok(CapSet {
        mask: (base.mask & !dropped.mask) | added.mask,
    })
}

/// Applies `set` to the calling thread, to be called in the container process after the
/// user switch and right before exec.
///
/// Steps: raise effective to the currently permitted set (CAP_SETPCAP is needed to
/// shrink the bounding set), drop every capability outside `set` from the bounding set,
/// clear the ambient set, then one `capset` making effective = permitted = `set` and the
/// inheritable set empty. Across exec root then gets exactly `set` (the bounding set)
/// and a non-root user nothing but what a file's own permitted capabilities grant
/// within the bounding set, as with Podman: an empty inheritable set means that file
/// capabilities in an image cannot lift a non-root user through their inheritable
/// bits (CVE-2022-27649), and that no ambient capability can be raised.
pub fn apply(set: &CapSet) -> Result<()> {
    let fail = |action: &'static str| {
        move |e: rustix::io::Errno| RuntimeError::Capability {
            action: action.to_string(),
            source: e.into(),
        }
    };
    let current = rustix::thread::capabilities(None).map_err(fail("read capabilities"))?;
    rustix::thread::set_capabilities(
        None,
        CapabilitySets {
            effective: current.permitted,
            ..current
        },
    )
    .map_err(fail("raise effective capabilities"))?;
    for bit in 0..64u32 {
        let cap = CapabilitySet::from_bits_retain(1 << bit);
        if set.to_mask() & cap.bits() != 0 {
            continue;
        }
        // Dropping one already dropped succeeds (one syscall instead of asking
        // first); EINVAL is the first number this kernel does not know (they are
        // numbered without gaps): nothing more to drop. Without CAP_SETPCAP only
        // one still in the bounding set is an error.
        match rustix::thread::remove_capability_from_bounding_set(cap) {
            Ok(()) => {}
            Err(rustix::io::Errno::INVAL) => break,
            Err(rustix::io::Errno::PERM)
                if !rustix::thread::capability_is_in_bounding_set(cap).unwrap_or(false) => {}
            Err(e) => {
                return Err(RuntimeError::Capability {
                    action: format!("drop capability {bit} from the bounding set"),
                    source: e.into(),
                })
            }
        }
    }
    rustix::thread::clear_ambient_capability_set().map_err(fail("clear ambient capabilities"))?;
    let target = CapabilitySet::from_bits_retain(set.to_mask());
    rustix::thread::set_capabilities(
        None,
        CapabilitySets {
            effective: target,
            permitted: target,
            inheritable: CapabilitySet::empty(),
        },
    )
    .map_err(fail("set capabilities"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn default_mask_matches_podman() {
        assert_eq!(CapSet::default_set().to_mask(), 0x0000_0000_8004_05fb);
        assert_eq!(resolve(&[], &[], false).unwrap().to_mask(), 0x8004_05fb);
    }

    #[test]
    fn names_are_case_insensitive_with_optional_prefix() {
        assert_eq!(parse_name("net_admin").unwrap(), Capability::CAP_NET_ADMIN);
        assert_eq!(parse_name("CAP_net_raw").unwrap(), Capability::CAP_NET_RAW);
        assert_eq!(parse_name("Sys_Admin").unwrap(), Capability::CAP_SYS_ADMIN);
        let err = parse_name("flying").unwrap_err().to_string();
        assert_eq!(err, "unknown capability \"flying\"");
    }

    #[test]
    fn add_and_drop() {
        let set = resolve(&s(&["net_admin"]), &s(&["CAP_CHOWN", "kill"]), false).unwrap();
        assert!(set.contains(Capability::CAP_NET_ADMIN));
        assert!(!set.contains(Capability::CAP_CHOWN));
        assert!(!set.contains(Capability::CAP_KILL));
        assert!(set.contains(Capability::CAP_SETUID));
        assert_eq!(set.names().len(), DEFAULT_CAPS.len() - 1);
    }

    #[test]
    fn all_keyword() {
        assert_eq!(resolve(&s(&["all"]), &[], false).unwrap(), CapSet::all());
        let only = resolve(&s(&["chown"]), &s(&["ALL"]), false).unwrap();
        assert_eq!(only.names(), ["CAP_CHOWN"]);
        let most = resolve(&s(&["ALL"]), &s(&["sys_admin"]), false).unwrap();
        assert!(!most.contains(Capability::CAP_SYS_ADMIN));
        assert!(most.contains(Capability::CAP_BPF));
        assert!(resolve(&s(&["ALL"]), &s(&["ALL"]), false).is_err());
    }

    #[test]
    fn privileged_grants_all_minus_drops() {
        assert_eq!(resolve(&[], &[], true).unwrap(), CapSet::all());
        let set = resolve(&[], &s(&["sys_module"]), true).unwrap();
        assert!(!set.contains(Capability::CAP_SYS_MODULE));
        assert!(set.contains(Capability::CAP_SYS_ADMIN));
    }

    #[test]
    fn errors_name_the_bad_input() {
        let err = resolve(&s(&["bogus"]), &[], false).unwrap_err().to_string();
        assert!(err.contains("\"bogus\""), "{err}");
        let err = resolve(&s(&["chown"]), &s(&["CAP_CHOWN"]), false).unwrap_err();
        assert_eq!(
            err.to_string(),
            "capability CAP_CHOWN cannot be both added and dropped"
        );
    }

    #[test]
    fn apply_in_child_sets_all_sets_and_empties_inheritable_and_ambient() {
        use std::os::unix::process::CommandExt;
        assert!(
            rustix::process::geteuid().is_root(),
            "needs root (or CAP_SETPCAP) to shrink the bounding set: run the tests as CI does"
        );
        let set = CapSet::default_set();
        let mut cmd = std::process::Command::new("/bin/sh");
        cmd.args(["-c", "grep ^Cap /proc/self/status"]);
        // SAFETY: on success apply only makes capget/capset/prctl syscalls (it allocates
        // only to build an error), which is fine between fork and exec.
        unsafe {
            cmd.pre_exec(move || apply(&set).map_err(std::io::Error::other));
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{:?}", out);
        let text = String::from_utf8(out.stdout).unwrap();
        for line in ["CapPrm", "CapEff", "CapBnd"] {
            assert!(
                text.contains(&format!("{line}:\t00000000800405fb")),
                "{line} in {text}"
            );
        }
        for line in ["CapInh", "CapAmb"] {
            assert!(
                text.contains(&format!("{line}:\t0000000000000000")),
                "{line} in {text}"
            );
        }
    }
}
