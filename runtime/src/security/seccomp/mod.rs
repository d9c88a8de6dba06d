//! Seccomp: the default profile, OCI JSON profiles, compilation to BPF (our own
//! binary-search layout, `bpf`), a cache of the compiled default, and installation.
//!
//! A profile compiles to one BPF filter (the kernel copies, checks and JIT-compiles each
//! filter at every container start, and runs every installed filter at each of the
//! container's syscalls). For each syscall it names, the filter tries the syscall's
//! rules action by action, the most restrictive action first in the kernel's own order
//! (kill process, kill thread, trap, errno, log, allow), and returns the action of the
//! first rule that matches; a call no rule matches gets the default action. So a
//! matching rule's action wins over the default, and when rules with different actions
//! match the same call, the most restrictive one wins (libseccomp would reject or order
//! them); between two errnos, the larger one.
//!
//! Installing needs either `no_new_privs` or CAP_SYS_ADMIN in the caller's user
//! namespace. [`install`] does not set `no_new_privs` itself (unlike
//! `seccompiler::apply_filter`), so setuid binaries keep working in the container as with
//! Podman: call it while the container process still holds CAP_SYS_ADMIN in its user
//! namespace (rootless: before [`crate::security::caps::apply`] drops it), or call
//! [`set_no_new_privs`] first for `--security-opt no-new-privileges`.

mod bpf;
mod cache;
mod default;
mod json;

pub use cache::cached_default;
pub use default::{default_profile, PROFILE_VERSION};

use crate::error::{Result, RuntimeError};
use crate::security::caps::CapSet;
use seccompiler::BpfProgram;
use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

/// What the kernel does with a syscall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Action {
    /// Run it.
    Allow,
    /// Fail it with this errno.
    Errno(u32),
    /// Kill the calling thread.
    KillThread,
    /// Kill the whole process.
    KillProcess,
    /// Send SIGSYS.
    Trap,
    /// Run it and log it.
    Log,
}

/// Comparison of a syscall argument (libseccomp's `SCMP_CMP_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `arg == value`
    Eq,
    /// `arg != value`
    Ne,
    /// `arg < value`
    Lt,
    /// `arg <= value`
    Le,
    /// `arg > value`
    Gt,
    /// `arg >= value`
    Ge,
    /// `arg & value == value_two`
    MaskedEq,
}

/// One condition on a syscall argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgCond {
    /// Argument number, 0..=5.
    pub index: u8,
    /// The comparison.
    pub op: CmpOp,
    /// The operand (the mask for [`CmpOp::MaskedEq`]).
    pub value: u64,
    /// The expected masked value for [`CmpOp::MaskedEq`].
    pub value_two: u64,
}

/// A rule: these syscalls, when all `args` conditions hold, get `action`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// Syscall names; names unknown on the target architecture are skipped.
    pub names: Vec<String>,
    /// What happens on a match.
    pub action: Action,
    /// Conditions, all of which must hold (none: always matches).
    pub args: Vec<ArgCond>,
}

/// A seccomp profile with capability/architecture conditions already resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// The action for syscalls no rule matches.
    pub default_action: Action,
    /// The rules.
    pub rules: Vec<Rule>,
}

/// Architectures coracle compiles filters for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arch {
    /// 64-bit x86.
    X86_64,
    /// 64-bit ARM.
    Aarch64,
}

impl Arch {
    /// The architecture this binary runs on.
    pub fn host() -> Result<Arch> {
        match std::env::consts::ARCH {
            "x86_64" => Ok(Arch::X86_64),
            "aarch64" => Ok(Arch::Aarch64),
            other => Err(RuntimeError::UnsupportedArch(other.to_string())),
        }
    }

    /// The kernel's name ("x86_64", "aarch64").
    pub fn name(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64",
            Arch::Aarch64 => "aarch64",
        }
    }

    /// True when a profile's architecture name (Go or libseccomp style) means this one.
    pub fn matches_name(self, name: &str) -> bool {
        let names: &[&str] = match self {
            Arch::X86_64 => &["amd64", "x86_64", "SCMP_ARCH_X86_64"],
            Arch::Aarch64 => &["arm64", "aarch64", "SCMP_ARCH_AARCH64"],
        };
        names.iter().any(|n| n.eq_ignore_ascii_case(name))
    }

    /// The syscall number of `name` on this architecture.
    pub fn syscall_nr(self, name: &str) -> Option<i64> {
        match self {
            Arch::X86_64 => syscalls::x86_64::Sysno::from_str(name)
                .ok()
                .map(|s| s.id() as i64),
            Arch::Aarch64 => syscalls::aarch64::Sysno::from_str(name)
                .ok()
                .map(|s| s.id() as i64),
        }
    }

    #[cfg(test)]
    fn target(self) -> seccompiler::TargetArch {
        match self {
            Arch::X86_64 => seccompiler::TargetArch::x86_64,
            Arch::Aarch64 => seccompiler::TargetArch::aarch64,
        }
    }
}

/// A compiled profile: BPF filters to install in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Program {
    filters: Vec<BpfProgram>,
}

/// As the bytes of [`Program::to_bytes`] (for a container process cloned before its
/// spec was known, which receives the spec).
impl serde::Serialize for Program {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.to_bytes())
    }
}

impl<'de> serde::Deserialize<'de> for Program {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Program, D::Error> {
        let bytes = <Vec<u8>>::deserialize(deserializer)?;
        Program::from_bytes(&bytes)
            .ok_or_else(|| serde::de::Error::custom("not a compiled seccomp program"))
    }
}

/// Magic at the start of a serialized [`Program`].
const MAGIC: &[u8; 8] = b"CRBPF002";
/// The kernel's limit on instructions per filter.
const MAX_INSNS: usize = 4096;

impl Program {
    /// The filters, in installation order.
    pub fn filters(&self) -> &[BpfProgram] {
        &self.filters
    }

    /// Serializes the program (used by the cache).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend((self.filters.len() as u32).to_le_bytes());
        for f in &self.filters {
            out.extend((f.len() as u32).to_le_bytes());
            for i in f {
                out.extend(i.code.to_le_bytes());
                out.extend([i.jt, i.jf]);
                out.extend(i.k.to_le_bytes());
            }
        }
        out
    }

    /// Reads a program written by [`Program::to_bytes`]; `None` when malformed.
    pub fn from_bytes(bytes: &[u8]) -> Option<Program> {
        let mut rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let u32_at = |rest: &mut &[u8]| -> Option<u32> {
            let (head, tail) = rest.split_first_chunk::<4>()?;
            *rest = tail;
            Some(u32::from_le_bytes(*head))
        };
        let count = u32_at(&mut rest)? as usize;
        let mut filters = Vec::new();
        for _ in 0..count.min(64) {
            let len = u32_at(&mut rest)? as usize;
            if len > MAX_INSNS || rest.len() < len * 8 {
                return None;
            }
            let (body, tail) = rest.split_at(len * 8);
            rest = tail;
            filters.push(
                body.chunks_exact(8)
                    .map(|c| seccompiler::sock_filter {
                        code: u16::from_le_bytes([c[0], c[1]]),
                        jt: c[2],
                        jf: c[3],
                        k: u32::from_le_bytes([c[4], c[5], c[6], c[7]]),
                    })
                    .collect(),
            );
        }
        (filters.len() == count && rest.is_empty()).then_some(Program { filters })
    }
}

/// Syscall number → its rules (see [`bpf::RuleSet`]).
type Chains = BTreeMap<u32, bpf::RuleSet>;

/// Adds one rule (`None`: no conditions) for syscall `nr`.
fn add_chain(chains: &mut Chains, nr: u32, conds: Option<&Vec<ArgCond>>) {
    let entry = chains.entry(nr).or_insert_with(|| Some(Vec::new()));
    match (entry.as_mut(), conds) {
        (Some(_), None) => *entry = None,
        (Some(list), Some(c)) => list.push(c.clone()),
        (None, _) => {}
    }
}

/// The kernel's order among the results of filters, most restrictive first: the
/// action, compared as a signed number (`SECCOMP_RET_ACTION_FULL`), then, between two
/// results of one action (two errnos), the larger data first.
fn precedence(action: Action) -> (i32, std::cmp::Reverse<u32>) {
    let value = bpf::ret_value(action);
    (
        (value & 0xffff_0000) as i32,
        std::cmp::Reverse(value & 0xffff),
    )
}

/// Compiles `profile` for `arch` (see the module doc for the filter's layout).
pub fn compile(profile: &Profile, arch: Arch) -> Result<Program> {
    let mut by_action: BTreeMap<Action, Chains> = BTreeMap::new();
    for rule in &profile.rules {
        let conds = (!rule.args.is_empty()).then_some(&rule.args);
        let chains = by_action.entry(rule.action).or_default();
        for nr in rule
            .names
            .iter()
            .filter_map(|n| arch.syscall_nr(n))
            .filter_map(|nr| u32::try_from(nr).ok())
        {
            add_chain(chains, nr, conds);
        }
    }
    let mut actions: Vec<(Action, Chains)> = by_action.into_iter().collect();
    actions.sort_by_key(|(action, _)| precedence(*action));
    let mut ordered: BTreeMap<u32, bpf::Ordered> = BTreeMap::new();
    for (action, chains) in actions {
        for (nr, set) in chains {
            ordered.entry(nr).or_default().push((action, set));
        }
    }
    let program = bpf::compile_ordered(&ordered, profile.default_action, arch)
        .map_err(RuntimeError::SeccompCompile)?;
    if program.len() > MAX_INSNS {
        return Err(RuntimeError::SeccompCompile(format!(
            "the filter needs {} instructions, more than the kernel's {MAX_INSNS}",
            program.len()
        )));
    }
    Ok(Program {
        filters: vec![program],
    })
}

/// Compiles the built-in default profile for a container holding `caps`, for the host.
pub fn default_program(caps: &CapSet) -> Result<Program> {
    let arch = Arch::host()?;
    compile(&default_profile(caps, arch), arch)
}

/// Parses an OCI/Docker JSON profile, resolving its conditions for `caps` on `arch`.
pub fn parse_profile_json(text: &str, caps: &CapSet, arch: Arch) -> Result<Profile> {
    json::parse(text, caps, arch).map_err(|message| RuntimeError::SeccompProfile {
        path: "<inline>".into(),
        message,
    })
}

/// Loads and compiles a `--security-opt seccomp=FILE.json` profile for the host.
pub fn load_profile_json(path: &Path, caps: &CapSet) -> Result<Program> {
    let text =
        std::fs::read_to_string(path).map_err(|e| RuntimeError::io("failed to read", path, e))?;
    let arch = Arch::host()?;
    let profile =
        json::parse(&text, caps, arch).map_err(|message| RuntimeError::SeccompProfile {
            path: path.to_path_buf(),
            message,
        })?;
    compile(&profile, arch)
}

/// Sets `no_new_privs` on the calling thread (`--security-opt no-new-privileges`).
pub fn set_no_new_privs() -> Result<()> {
    rustix::thread::set_no_new_privs(true)
        .map_err(|e| RuntimeError::SeccompInstall(format!("cannot set no_new_privs: {e}")))
}

/// Installs the program's filters on the calling thread with
/// `seccomp(SECCOMP_SET_MODE_FILTER)`, without TSYNC (the container process is single
/// threaded) and without setting `no_new_privs` (see the module doc). Allocates nothing
/// on success, so it may run between fork and exec.
pub fn install(program: &Program) -> Result<()> {
    for f in &program.filters {
        let len = u16::try_from(f.len())
            .map_err(|_| RuntimeError::SeccompInstall("filter too large".into()))?;
        let prog = libc::sock_fprog {
            len,
            // seccompiler's sock_filter is #[repr(C)] with the kernel's layout.
            filter: f.as_ptr() as *mut libc::sock_filter,
        };
        // SAFETY: `prog` points to `len` valid instructions that outlive the call; the
        // kernel copies them and does not keep the pointer.
        let rc = unsafe {
            libc::syscall(
                libc::SYS_seccomp,
                libc::SECCOMP_SET_MODE_FILTER,
                0,
                &prog as *const libc::sock_fprog,
            )
        };
        if rc != 0 {
            let err = std::io::Error::last_os_error();
            return Err(RuntimeError::SeccompInstall(
                if err.raw_os_error() == Some(libc::EACCES) {
                    "permission denied: needs CAP_SYS_ADMIN in the user namespace or no_new_privs"
                        .into()
                } else {
                    err.to_string()
                },
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
