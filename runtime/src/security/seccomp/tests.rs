use super::*;
use crate::security::caps;
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
        // One filter: the allow-list, the EPERM rules and EINVAL (netlink audit socket).
        assert_eq!(program.filters().len(), 1, "{arch:?}");
        assert!(program.filters().iter().all(|f| f.len() < MAX_INSNS));
        assert!(
            program.filters()[0].len() > 100,
            "the filter holds the allow-list"
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
        filters: vec![first.filters()[0].clone(), first.filters()[0].clone()],
    };
    std::fs::write(&path, cache::encode(&planted)).unwrap();
    assert_eq!(cached_default(dir.path(), &caps).unwrap(), planted);
    // A corrupt entry is recompiled and rewritten.
    std::fs::write(&path, b"junk").unwrap();
    assert_eq!(cached_default(dir.path(), &caps).unwrap(), first);
    assert_eq!(cache::decode(&std::fs::read(&path).unwrap()), Some(first));
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
    assert_eq!(program.filters().len(), 1);
    let verdict = |name: &str, args: [u64; 6]| {
        let nr = Arch::X86_64.syscall_nr(name).unwrap() as u32;
        bpf::run(&program.filters()[0], nr, 0xc000_003e, args)
    };
    let ret = bpf::ret_value;
    assert_eq!(verdict("read", [0; 6]), ret(Action::Allow));
    assert_eq!(
        verdict("uname", [0; 6]),
        ret(Action::Errno(libc::EPERM as u32))
    );
    assert_eq!(
        verdict("kill", [1, 9, 0, 0, 0, 0]),
        ret(Action::KillProcess)
    );
    assert_eq!(verdict("kill", [2, 9, 0, 0, 0, 0]), ret(Action::Errno(38)));
    assert_eq!(verdict("mount", [0; 6]), ret(Action::Errno(38)));
    assert_eq!(verdict("arch_prctl", [0; 6]), ret(Action::Allow));
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
/// installed; returns (success, stdout+stderr). Needs root (a private UTS namespace).
fn run_filtered(program: Program, script: &str) -> (bool, String) {
    assert!(
        rustix::process::geteuid().is_root(),
        "needs root for a private UTS namespace: run the tests as CI does"
    );
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
    (out.status.success(), text)
}

#[test]
fn default_filter_is_installed_and_denies_by_capability() {
    let script = "grep '^Seccomp:' /proc/self/status; \
                  ls -la / | sort | head -3 >/dev/null && date >/dev/null && id >/dev/null \
                  && echo BASICS-OK; \
                  hostname coracle-seccomp-test && echo CHANGED || echo DENIED";
    let plain = default_program(&CapSet::default_set()).unwrap();
    let (ok, text) = run_filtered(plain, script);
    assert!(ok, "{text}");
    assert!(text.contains("Seccomp:\t2"), "{text}");
    assert!(text.contains("BASICS-OK"), "{text}");
    assert!(
        text.contains("DENIED") && !text.contains("CHANGED"),
        "{text}"
    );
    let admin = default_program(&caps_with(&["sys_admin"])).unwrap();
    let (_, text) = run_filtered(admin, script);
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
    let (_, out) = run_filtered(program, script);
    assert!(out.contains("UNAME-DENIED"), "{out}");
    assert!(out.contains("L32-DENIED"), "{out}");
    assert!(out.contains("U26-OK"), "{out}");
}

/// The same filter compiled by seccompiler (a linear chain): the reference the
/// binary-search layout must agree with.
fn seccompiler_filter(
    chains: &Chains,
    mismatch: Action,
    on_match: Action,
    arch: Arch,
) -> BpfProgram {
    use seccompiler::{
        SeccompAction, SeccompCmpArgLen, SeccompCmpOp, SeccompCondition, SeccompFilter, SeccompRule,
    };
    let act = |a: Action| match a {
        Action::Allow => SeccompAction::Allow,
        Action::Errno(e) => SeccompAction::Errno(e),
        Action::KillThread => SeccompAction::KillThread,
        Action::KillProcess => SeccompAction::KillProcess,
        Action::Trap => SeccompAction::Trap,
        Action::Log => SeccompAction::Log,
    };
    let cond = |c: &ArgCond| {
        let (op, value) = match c.op {
            CmpOp::Eq => (SeccompCmpOp::Eq, c.value),
            CmpOp::Ne => (SeccompCmpOp::Ne, c.value),
            CmpOp::Lt => (SeccompCmpOp::Lt, c.value),
            CmpOp::Le => (SeccompCmpOp::Le, c.value),
            CmpOp::Gt => (SeccompCmpOp::Gt, c.value),
            CmpOp::Ge => (SeccompCmpOp::Ge, c.value),
            CmpOp::MaskedEq => (SeccompCmpOp::MaskedEq(c.value), c.value_two),
        };
        SeccompCondition::new(c.index, SeccompCmpArgLen::Qword, op, value).unwrap()
    };
    let rules = chains
        .iter()
        .map(|(nr, set)| {
            let rules = match set {
                None => vec![],
                Some(sets) => sets
                    .iter()
                    .map(|conds| SeccompRule::new(conds.iter().map(cond).collect()).unwrap())
                    .collect(),
            };
            (i64::from(*nr), rules)
        })
        .collect();
    SeccompFilter::new(rules, act(mismatch), act(on_match), arch.target())
        .and_then(BpfProgram::try_from)
        .unwrap()
}

/// Interesting argument values for `chains`: each operand, its neighbours and masks.
fn probe_values(chains: &Chains) -> Vec<u64> {
    let mut v = vec![0, 1, u64::MAX, 0xffff_ffff, 0x1_0000_0000];
    for sets in chains.values().flatten() {
        for c in sets.iter().flatten() {
            for x in [c.value, c.value_two, c.value | c.value_two, !c.value] {
                v.extend([x, x.wrapping_add(1), x.wrapping_sub(1), x ^ (1 << 40)]);
            }
        }
    }
    v.sort_unstable();
    v.dedup();
    v
}

/// Calls `check(nr, audit, args)` for every syscall number of interest, both
/// architectures' audit values and a foreign one, and, for the numbers with
/// conditions in `chains`, every probe value in every argument position.
fn for_each_probe(chains: &Chains, mut check: impl FnMut(u32, u32, [u64; 6])) {
    let values = probe_values(chains);
    let mut numbers: Vec<u32> = (0..=600).collect();
    numbers.extend([
        0x4000_0000,
        0x4000_0001,
        1000,
        100_000,
        u32::MAX - 1,
        u32::MAX,
    ]);
    for audit in [0xc000_003e_u32, 0xc000_00b7, 0x4000_0003] {
        for &nr in &numbers {
            let conditional = matches!(chains.get(&nr), Some(Some(_)));
            let arg_sets: Vec<[u64; 6]> = if conditional {
                values
                    .iter()
                    .flat_map(|&x| {
                        (0..6).map(move |i| {
                            let mut a = [0u64; 6];
                            a[i] = x;
                            a
                        })
                    })
                    .chain(values.iter().map(|&x| [x; 6]))
                    .collect()
            } else {
                vec![[0; 6], [u64::MAX; 6]]
            };
            for args in arg_sets {
                check(nr, audit, args);
            }
        }
    }
}

/// Both compilers give the same verdict for every probe of [`for_each_probe`].
fn assert_same_as_seccompiler(chains: &Chains, mismatch: Action, on_match: Action, arch: Arch) {
    let ours = bpf::compile(chains, mismatch, on_match, arch).unwrap();
    let reference = seccompiler_filter(chains, mismatch, on_match, arch);
    for_each_probe(chains, |nr, audit, args| {
        assert_eq!(
            bpf::run(&ours, nr, audit, args),
            bpf::run(&reference, nr, audit, args),
            "nr {nr} arch {audit:#x} args {args:x?}"
        );
    });
}

/// The syscalls and conditions of every rule of `profile` on `arch`, and those of
/// each non-ALLOW action apart.
fn chains_of(profile: &Profile, arch: Arch) -> (Chains, BTreeMap<Action, Chains>) {
    let mut all = Chains::new();
    let mut by_action: BTreeMap<Action, Chains> = BTreeMap::new();
    for rule in &profile.rules {
        let conds = (!rule.args.is_empty()).then_some(&rule.args);
        for nr in rule.names.iter().filter_map(|n| arch.syscall_nr(n)) {
            let nr = u32::try_from(nr).unwrap();
            add_chain(&mut all, nr, conds);
            if rule.action != Action::Allow {
                add_chain(by_action.entry(rule.action).or_default(), nr, conds);
            }
        }
    }
    (all, by_action)
}

/// `profile` as the earlier layout compiled it, one filter per action: a base filter
/// (the default action for syscalls no rule names, ALLOW for the others), then one
/// filter per non-ALLOW action in `Action` order (that action when one of its rules
/// matches, else ALLOW); with every rule's syscalls and conditions (all actions).
fn stacked_filters(profile: &Profile, arch: Arch) -> (Vec<BpfProgram>, Chains) {
    let (all, by_action) = chains_of(profile, arch);
    let mut filters = Vec::new();
    if profile.default_action != Action::Allow {
        filters.push(bpf::compile(&all, profile.default_action, Action::Allow, arch).unwrap());
    }
    for (action, chains) in &by_action {
        filters.push(bpf::compile(chains, Action::Allow, *action, arch).unwrap());
    }
    (filters, all)
}

/// What the kernel returns with `filters` installed in order: it runs the last
/// installed first and keeps a result only when its action is lower (as a signed
/// number) than the one kept, so a tie goes to the filter installed last.
fn stacked_verdict(filters: &[BpfProgram], nr: u32, audit: u32, args: [u64; 6]) -> u32 {
    let action = |v: u32| (v & 0xffff_0000) as i32;
    let mut kept = bpf::ret_value(Action::Allow);
    for (i, f) in filters.iter().rev().enumerate() {
        let value = bpf::run(f, nr, audit, args);
        if i == 0 || action(value) < action(kept) {
            kept = value;
        }
    }
    kept
}

/// The one filter of `compile` gives, for every probe, what the earlier stack of
/// filters gave as the kernel combines them.
fn assert_one_filter_as_the_stack(profile: &Profile, arch: Arch) {
    let program = compile(profile, arch).unwrap();
    assert_eq!(program.filters().len(), 1);
    let one = &program.filters()[0];
    let (stack, all) = stacked_filters(profile, arch);
    for_each_probe(&all, |nr, audit, args| {
        assert_eq!(
            bpf::run(one, nr, audit, args),
            stacked_verdict(&stack, nr, audit, args),
            "nr {nr} arch {audit:#x} args {args:x?}"
        );
    });
}

#[test]
fn one_filter_decides_as_the_stack_of_filters_did_on_the_default_profile() {
    for arch in [Arch::X86_64, Arch::Aarch64] {
        for caps in [
            CapSet::default_set(),
            caps_with(&["sys_admin", "audit_write"]),
        ] {
            assert_one_filter_as_the_stack(&default_profile(&caps, arch), arch);
        }
    }
}

#[test]
fn one_filter_orders_actions_as_the_kernel_orders_filters() {
    let c = |index, op, value| ArgCond {
        index,
        op,
        value,
        value_two: 0,
    };
    let rule = |names: &[&str], action, args: Vec<ArgCond>| Rule {
        names: names.iter().map(|n| n.to_string()).collect(),
        action,
        args,
    };
    // Overlapping rules of every action on the same calls: unconditional and
    // conditional, two errnos, log against allow, kill against trap.
    let rules = vec![
        rule(&["read"], Action::Allow, vec![]),
        rule(&["write"], Action::Allow, vec![c(0, CmpOp::Eq, 1)]),
        rule(&["write"], Action::Errno(38), vec![c(0, CmpOp::Gt, 0)]),
        rule(&["close"], Action::Errno(1), vec![c(0, CmpOp::Le, 9)]),
        rule(&["close"], Action::Errno(38), vec![c(0, CmpOp::Ge, 5)]),
        rule(&["getpid"], Action::Log, vec![c(1, CmpOp::Ne, 0)]),
        rule(&["getpid", "gettid"], Action::Allow, vec![]),
        rule(&["uname"], Action::Trap, vec![]),
        rule(&["uname"], Action::KillThread, vec![c(2, CmpOp::Eq, 7)]),
        rule(
            &["personality"],
            Action::KillProcess,
            vec![c(0, CmpOp::Eq, 8)],
        ),
        rule(&["personality"], Action::Allow, vec![]),
        rule(&["openat"], Action::Errno(13), vec![]),
        rule(&["openat"], Action::Allow, vec![]),
    ];
    for default_action in [
        Action::Errno(1),
        Action::Allow,
        Action::KillProcess,
        Action::Log,
    ] {
        let profile = Profile {
            default_action,
            rules: rules.clone(),
        };
        for arch in [Arch::X86_64, Arch::Aarch64] {
            assert_one_filter_as_the_stack(&profile, arch);
        }
    }
}

#[test]
fn binary_search_filter_agrees_with_seccompiler_on_the_default_profile() {
    for arch in [Arch::X86_64, Arch::Aarch64] {
        for caps in [
            CapSet::default_set(),
            caps_with(&["sys_admin", "audit_write"]),
        ] {
            let profile = default_profile(&caps, arch);
            let (all, by_action) = chains_of(&profile, arch);
            assert_same_as_seccompiler(&all, profile.default_action, Action::Allow, arch);
            for (action, chains) in &by_action {
                assert_same_as_seccompiler(chains, Action::Allow, *action, arch);
            }
        }
    }
}

#[test]
fn binary_search_filter_compares_64_bit_arguments_like_seccompiler() {
    let c = |index, op, value, value_two| ArgCond {
        index,
        op,
        value,
        value_two,
    };
    let big = 0x1_0000_0005_u64;
    let mut chains = Chains::new();
    chains.insert(1, Some(vec![vec![c(0, CmpOp::Gt, big, 0)]]));
    chains.insert(2, Some(vec![vec![c(1, CmpOp::Ge, big, 0)]]));
    chains.insert(3, Some(vec![vec![c(2, CmpOp::Lt, big, 0)]]));
    chains.insert(4, Some(vec![vec![c(3, CmpOp::Le, big, 0)]]));
    chains.insert(5, Some(vec![vec![c(4, CmpOp::Ne, big, 0)]]));
    chains.insert(
        6,
        Some(vec![vec![c(
            5,
            CmpOp::MaskedEq,
            0xff00_0000_00ff,
            0x1200_0000_0034,
        )]]),
    );
    // Two rules (OR), the first with two conditions (AND).
    chains.insert(
        7,
        Some(vec![
            vec![c(0, CmpOp::Eq, 7, 0), c(1, CmpOp::Eq, big, 0)],
            vec![c(2, CmpOp::Gt, 9, 0)],
        ]),
    );
    chains.insert(9, None);
    chains.insert(u32::MAX, None);
    for arch in [Arch::X86_64, Arch::Aarch64] {
        assert_same_as_seccompiler(&chains, Action::Errno(1), Action::Allow, arch);
        assert_same_as_seccompiler(&chains, Action::Allow, Action::KillThread, arch);
    }
}

#[test]
fn the_default_filter_is_small() {
    let program = default_program(&CapSet::default_set()).unwrap();
    assert_eq!(program.filters().len(), 1);
    let total: usize = program.filters().iter().map(|f| f.len()).sum();
    eprintln!("default filter: {total} instructions");
    assert!(total < 600, "{total} instructions");
}
