//! Parsing of OCI/Docker seccomp profiles (`--security-opt seccomp=FILE.json`).
//!
//! Supported: `defaultAction`/`defaultErrnoRet`; `syscalls[]` with `names` (or the old
//! single `name`), `action` (SCMP_ACT_ALLOW, ERRNO, KILL, KILL_THREAD, KILL_PROCESS,
//! TRAP, LOG), `errnoRet`, `args` (`index`, `value`, `valueTwo`, `op`: SCMP_CMP_EQ, NE,
//! LT, LE, GT, GE, MASKED_EQ) and `includes`/`excludes` on `caps` and `arches`.
//! Ignored: `architectures`/`archMap` (the host architecture is always used),
//! `minKernel`, `flags`, `listenerPath`.

use super::{Action, Arch, ArgCond, CmpOp, Profile, Rule};
use crate::security::caps::CapSet;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsonProfile {
    default_action: String,
    default_errno_ret: Option<u32>,
    syscalls: Option<Vec<JsonSyscall>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsonSyscall {
    names: Option<Vec<String>>,
    name: Option<String>,
    action: String,
    errno_ret: Option<u32>,
    args: Option<Vec<JsonArg>>,
    includes: Option<JsonFilter>,
    excludes: Option<JsonFilter>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsonArg {
    index: u32,
    value: u64,
    #[serde(default)]
    value_two: u64,
    op: String,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct JsonFilter {
    caps: Option<Vec<String>>,
    arches: Option<Vec<String>>,
}

/// Parses an action name; `errno` is used for SCMP_ACT_ERRNO (EPERM when absent).
fn action(name: &str, errno: Option<u32>) -> Result<Action, String> {
    Ok(match name {
        "SCMP_ACT_ALLOW" => Action::Allow,
        "SCMP_ACT_ERRNO" => Action::Errno(errno.unwrap_or(libc::EPERM as u32)),
        "SCMP_ACT_KILL" | "SCMP_ACT_KILL_THREAD" => Action::KillThread,
        "SCMP_ACT_KILL_PROCESS" => Action::KillProcess,
        "SCMP_ACT_TRAP" => Action::Trap,
        "SCMP_ACT_LOG" => Action::Log,
        other => return Err(format!("unsupported action {other:?}")),
    })
}

fn op(name: &str) -> Result<CmpOp, String> {
    Ok(match name {
        "SCMP_CMP_EQ" => CmpOp::Eq,
        "SCMP_CMP_NE" => CmpOp::Ne,
        "SCMP_CMP_LT" => CmpOp::Lt,
        "SCMP_CMP_LE" => CmpOp::Le,
        "SCMP_CMP_GT" => CmpOp::Gt,
        "SCMP_CMP_GE" => CmpOp::Ge,
        "SCMP_CMP_MASKED_EQ" => CmpOp::MaskedEq,
        other => return Err(format!("unsupported operator {other:?}")),
    })
}

/// True when the rule applies to a container with `caps` on `arch`: every `includes`
/// capability held and the arch listed (if any are), no `excludes` capability held and
/// the arch not listed.
fn applies(s: &JsonSyscall, caps: &CapSet, arch: Arch) -> bool {
    let none = JsonFilter::default();
    let inc = s.includes.as_ref().unwrap_or(&none);
    let exc = s.excludes.as_ref().unwrap_or(&none);
    let arch_in = |list: &Option<Vec<String>>| list.iter().flatten().any(|a| arch.matches_name(a));
    let empty = |list: &Option<Vec<String>>| list.as_ref().is_none_or(|l| l.is_empty());
    inc.caps.iter().flatten().all(|c| caps.contains_name(c))
        && (empty(&inc.arches) || arch_in(&inc.arches))
        && !exc.caps.iter().flatten().any(|c| caps.contains_name(c))
        && !arch_in(&exc.arches)
}

/// Parses profile `text` for a container holding `caps` on `arch`; errors are
/// one-line descriptions of the first problem.
pub fn parse(text: &str, caps: &CapSet, arch: Arch) -> Result<Profile, String> {
    let json: JsonProfile = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let default_action = action(&json.default_action, json.default_errno_ret)?;
    let mut rules = Vec::new();
    for (i, s) in json.syscalls.unwrap_or_default().into_iter().enumerate() {
        let what = |e: String| format!("syscalls[{i}]: {e}");
        let action = action(&s.action, s.errno_ret).map_err(what)?;
        let mut args = Vec::new();
        for a in s.args.iter().flatten() {
            let index = u8::try_from(a.index)
                .ok()
                .filter(|i| *i < 6)
                .ok_or_else(|| what(format!("argument index {} out of range 0..5", a.index)))?;
            args.push(ArgCond {
                index,
                op: op(&a.op).map_err(what)?,
                value: a.value,
                value_two: a.value_two,
            });
        }
        if !applies(&s, caps, arch) {
            continue;
        }
        let mut names = s.names.unwrap_or_default();
        names.extend(s.name);
        rules.push(Rule {
            names,
            action,
            args,
        });
    }
    Ok(Profile {
        default_action,
        rules,
    })
}
