use super::*;
use crate::caps;
use std::os::unix::process::CommandExt;
use std::process::Command;

fn caps_with(extra: &[&str]) -> CapSet {
    let add: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    caps::resolve(&add, &[], false).unwrap()
}

fn action_for(profile: &Profile, name: &str) -> Vec<Action> {
    profile
        .rules
        .iter()
        .filter(|r| r.names.iter().any(|n| n == name))
        .map(|r| r.action)
        .collect()
}

#[test]
fn default_program_compiles_for_both_arches() {
    for arch in [Arch::X86_64, Arch::Aarch64] {
        let program = compile(&default_profile(&CapSet::default_set(), arch), arch).unwrap();
        // base + EPERM rules + EINVAL (netlink audit socket)
        assert_eq!(program.filters().len(), 3, "{arch:?}");
        assert!(program.filters().iter().all(|f| f.len() < MAX_INSNS));
        assert!(
            program.filters()[0].len() > 500,
            "base filter holds the allow-list"
        );
    }
    assert!(default_program(&CapSet::default_set()).is_ok());
}

#[test]
fn default_profile_follows_capabilities() {
    let arch = Arch::X86_64;
    let eperm = Action::Errno(libc::EPERM as u32);
    let plain = default_profile(&CapSet::default_set(), arch);
    assert_eq!(plain.default_action, Action::Errno(libc::ENOSYS as u32));
    assert_eq!(action_for(&plain, "sethostname"), [eperm]);
    assert_eq!(action_for(&plain, "chroot"), [Action::Allow]); // CAP_SYS_CHROOT is default
    assert_eq!(action_for(&plain, "swapon"), [eperm]);
    assert_eq!(action_for(&plain, "setns"), [Action::Allow]); // in the allow-list
    assert_eq!(action_for(&plain, "arch_prctl"), [Action::Allow]);
    assert_eq!(action_for(&plain, "personality").len(), 5);
    assert_eq!(action_for(&plain, "socket").len(), 3);
    let admin = default_profile(&caps_with(&["sys_admin", "audit_write"]), arch);
    assert_eq!(action_for(&admin, "sethostname"), [Action::Allow]);
    assert_eq!(action_for(&admin, "socket"), [Action::Allow]);
    let arm = default_profile(&CapSet::default_set(), Arch::Aarch64);
    assert!(action_for(&arm, "arch_prctl").is_empty());
}

#[test]
fn syscall_names_resolve_per_arch() {
    assert_eq!(Arch::X86_64.syscall_nr("read"), Some(0));
    assert_eq!(Arch::Aarch64.syscall_nr("read"), Some(63));
    assert_eq!(Arch::Aarch64.syscall_nr("open"), None);
    assert_eq!(Arch::X86_64.syscall_nr("no_such_call"), None);
}

#[test]
fn program_bytes_round_trip_and_reject_junk() {
    let program = default_program(&CapSet::default_set()).unwrap();
    let bytes = program.to_bytes();
    assert_eq!(Program::from_bytes(&bytes), Some(program));
    assert_eq!(Program::from_bytes(&bytes[..bytes.len() - 1]), None);
    assert_eq!(Program::from_bytes(b"CRBPF001\x01\0\0\0\xff\xff\0\0"), None);
    assert_eq!(Program::from_bytes(b"garbage"), None);
}

#[test]
fn cache_stores_and_reuses_program() {
    let dir = tempfile::tempdir().unwrap();
    let caps = CapSet::default_set();
    let first = cached_default(dir.path(), &caps).unwrap();
    let path = cache::cache_path(dir.path(), Arch::host().unwrap(), &caps);
    assert!(path.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temp file left"
    );
    // A different capability set gets its own entry.
    let other = cache::cache_path(
        dir.path(),
        Arch::host().unwrap(),
        &caps_with(&["sys_admin"]),
    );
    assert_ne!(path, other);
    // The second call reads the file: prove it by planting a valid, different program.
    let planted = Program {
        filters: vec![first.filters()[1].clone()],
    };
    std::fs::write(&path, planted.to_bytes()).unwrap();
    assert_eq!(cached_default(dir.path(), &caps).unwrap(), planted);
    // A corrupt entry is recompiled and rewritten.
    std::fs::write(&path, b"junk").unwrap();
    assert_eq!(cached_default(dir.path(), &caps).unwrap(), first);
    assert_eq!(
        Program::from_bytes(&std::fs::read(&path).unwrap()),
        Some(first)
    );
}

#[test]
fn json_profile_parses_actions_args_and_filters() {
    let text = r#"{
        "defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 38,
        "architectures": ["SCMP_ARCH_X86_64"],
        "syscalls": [
            {"names": ["read", "write"], "action": "SCMP_ACT_ALLOW", "args": null},
            {"name": "uname", "action": "SCMP_ACT_ERRNO"},
            {"names": ["kill"], "action": "SCMP_ACT_KILL_PROCESS",
             "args": [{"index": 1, "value": 9, "op": "SCMP_CMP_EQ"},
                      {"index": 0, "value": 255, "valueTwo": 1, "op": "SCMP_CMP_MASKED_EQ"}]},
            {"names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_ADMIN"]}},
            {"names": ["umount2"], "action": "SCMP_ACT_ALLOW", "excludes": {"caps": ["CAP_CHOWN"]}},
            {"names": ["arch_prctl"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["amd64"]}},
            {"names": ["set_tls"], "action": "SCMP_ACT_LOG", "includes": {"arches": ["arm64"]}}
        ]}"#;
    let p = parse_profile_json(text, &CapSet::default_set(), Arch::X86_64).unwrap();
    assert_eq!(p.default_action, Action::Errno(38));
    assert_eq!(action_for(&p, "uname"), [Action::Errno(libc::EPERM as u32)]);
    assert_eq!(action_for(&p, "kill"), [Action::KillProcess]);
    let kill = p.rules.iter().find(|r| r.names == ["kill"]).unwrap();
    assert_eq!(kill.args[1].op, CmpOp::MaskedEq);
    assert_eq!((kill.args[1].value, kill.args[1].value_two), (255, 1));
    assert!(action_for(&p, "mount").is_empty(), "needs CAP_SYS_ADMIN");
    assert!(
        action_for(&p, "umount2").is_empty(),
        "excluded by CAP_CHOWN"
    );
    assert_eq!(action_for(&p, "arch_prctl"), [Action::Allow]);
    assert!(action_for(&p, "set_tls").is_empty());
    let program = compile(&p, Arch::X86_64).unwrap();
    // base, EPERM, KILL_PROCESS
    assert_eq!(program.filters().len(), 3);
}

#[test]
fn json_profile_errors_name_the_problem() {
    let caps = CapSet::default_set();
    let bad = |t: &str| {
        parse_profile_json(t, &caps, Arch::X86_64)
            .unwrap_err()
            .to_string()
    };
    let e = bad(r#"{"defaultAction": "SCMP_ACT_NOTIFY"}"#);
    assert!(e.contains("unsupported action \"SCMP_ACT_NOTIFY\""), "{e}");
    let e = bad(
        r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["read"],
            "action": "SCMP_ACT_ERRNO", "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_XX"}]}]}"#,
    );
    assert!(
        e.contains("syscalls[0]: unsupported operator \"SCMP_CMP_XX\""),
        "{e}"
    );
    let e = bad(
        r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["read"],
            "action": "SCMP_ACT_ERRNO", "args": [{"index": 6, "value": 1, "op": "SCMP_CMP_EQ"}]}]}"#,
    );
    assert!(e.contains("argument index 6"), "{e}");
    assert!(bad("{not json").starts_with("invalid seccomp profile"));
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.json");
    let e = load_profile_json(&missing, &caps).unwrap_err().to_string();
    assert!(
        e.starts_with("failed to read ") && e.contains("nope.json"),
        "{e}"
    );
}

/// Runs `script` under `sh` in a child with its own UTS namespace and `program`
/// installed; returns (success, stdout+stderr). `None` when namespaces are unavailable.
fn run_filtered(program: Program, script: &str) -> Option<(bool, String)> {
    if !rustix::process::geteuid().is_root() {
        eprintln!("skipping: needs root for a private UTS namespace");
        return None;
    }
    let mut cmd = Command::new("/bin/sh");
    cmd.args(["-c", script]);
    // SAFETY: unshare and install make syscalls only (install allocates only to report an
    // error), which is fine between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            rustix::thread::unshare_unsafe(rustix::thread::UnshareFlags::NEWUTS)?;
            install(&program).map_err(std::io::Error::other)
        });
    }
    let out = cmd.output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    Some((out.status.success(), text))
}

#[test]
fn default_filter_is_installed_and_denies_by_capability() {
    let script = "grep '^Seccomp:' /proc/self/status; \
                  ls -la / | sort | head -3 >/dev/null && date >/dev/null && id >/dev/null \
                  && echo BASICS-OK; \
                  hostname coracle-seccomp-test && echo CHANGED || echo DENIED";
    let plain = default_program(&CapSet::default_set()).unwrap();
    let Some((ok, text)) = run_filtered(plain, script) else {
        return;
    };
    assert!(ok, "{text}");
    assert!(text.contains("Seccomp:\t2"), "{text}");
    assert!(text.contains("BASICS-OK"), "{text}");
    assert!(
        text.contains("DENIED") && !text.contains("CHANGED"),
        "{text}"
    );
    let admin = default_program(&caps_with(&["sys_admin"])).unwrap();
    let (_, text) = run_filtered(admin, script).unwrap();
    assert!(text.contains("CHANGED"), "{text}");
}

#[test]
fn json_filter_denies_by_name_and_by_argument() {
    let text = r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
        {"names": ["uname"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1},
        {"names": ["personality"], "action": "SCMP_ACT_ERRNO",
         "args": [{"index": 0, "value": 8, "op": "SCMP_CMP_EQ"}]}]}"#;
    let profile = parse_profile_json(text, &CapSet::default_set(), Arch::host().unwrap()).unwrap();
    let program = compile(&profile, Arch::host().unwrap()).unwrap();
    let script = "uname >/dev/null 2>&1 && echo UNAME-OK || echo UNAME-DENIED; \
                  setarch linux32 true 2>/dev/null && echo L32-OK || echo L32-DENIED; \
                  setarch uname26 true 2>/dev/null && echo U26-OK || echo U26-DENIED";
    let Some((_, out)) = run_filtered(program, script) else {
        return;
    };
    assert!(out.contains("UNAME-DENIED"), "{out}");
    assert!(out.contains("L32-DENIED"), "{out}");
    assert!(out.contains("U26-OK"), "{out}");
}

/// Run as a non-root user: `runuser -u USER -- TESTBIN --ignored rootless_install`.
/// Proves a process holding CAP_SYS_ADMIN only in its own user namespace can install
/// the filter without no_new_privs.
#[test]
#[ignore]
fn rootless_install_without_no_new_privs() {
    let program = default_program(&CapSet::default_set()).unwrap();
    let mut cmd = Command::new("/bin/sh");
    cmd.args(["-c", "grep -E '^(Seccomp|NoNewPrivs):' /proc/self/status"]);
    // SAFETY: unshare and install make syscalls only (no allocation on success).
    unsafe {
        cmd.pre_exec(move || {
            rustix::thread::unshare_unsafe(rustix::thread::UnshareFlags::NEWUSER)?;
            install(&program).map_err(std::io::Error::other)
        });
    }
    let out = cmd.output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(
        text.contains("Seccomp:\t2") && text.contains("NoNewPrivs:\t0"),
        "{text}"
    );
}
