//! The built-in seccomp profile: Podman's default (containers-common `seccomp.json`,
//! itself derived from Docker's), with its capability- and architecture-dependent rules
//! resolved for one container.
//!
//! Simplifications, all in the permissive direction of the original's resolution:
//! - a name that both the unconditional allow-list and a capability-gated rule mention
//!   (`setns`, `ptrace`, `mbind`, ...) is allowed, as libseccomp does when the first
//!   rule for a syscall wins;
//! - 32-bit compat syscalls (x86 `int 0x80`, arm32) are not in the filter: the
//!   architecture check of the BPF program kills such a process (Podman allows them).

use super::{Action, Arch, ArgCond, CmpOp, Profile, Rule};
use crate::security::caps::CapSet;

/// Bumped whenever the built-in profile or its compilation changes (keys the cache).
pub const PROFILE_VERSION: &str = "coracle-default-1/containers-common-0.60";

/// The default action: unknown syscalls fail with ENOSYS so that libc falls back to
/// older syscalls (containers-common's `defaultErrnoRet: 38`).
const DEFAULT_ERRNO: u32 = libc::ENOSYS as u32;

/// Syscalls that always fail with EPERM.
#[rustfmt::skip]
const EPERM_NAMES: &[&str] = &[
    "bdflush", "io_pgetevents", "kexec_file_load", "kexec_load", "migrate_pages",
    "move_pages", "nfsservctl", "nice", "oldfstat", "oldlstat", "oldolduname", "oldstat",
    "olduname", "pciconfig_iobase", "pciconfig_read", "pciconfig_write", "sgetmask",
    "ssetmask", "swapcontext", "swapoff", "swapon", "sysfs", "uselib", "userfaultfd",
    "ustat", "vm86", "vm86old", "vmsplice",
];

/// Syscalls allowed unconditionally.
#[rustfmt::skip]
const ALLOW_NAMES: &[&str] = &[
    "_llseek", "_newselect", "accept", "accept4", "access", "adjtimex", "alarm", "bind",
    "brk", "capget", "capset", "chdir", "chmod", "chown", "chown32", "clock_adjtime",
    "clock_adjtime64", "clock_getres", "clock_getres_time64", "clock_gettime",
    "clock_gettime64", "clock_nanosleep", "clock_nanosleep_time64", "clone", "clone3",
    "close", "close_range", "connect", "copy_file_range", "creat", "dup", "dup2", "dup3",
    "epoll_create", "epoll_create1", "epoll_ctl", "epoll_ctl_old", "epoll_pwait",
    "epoll_pwait2", "epoll_wait", "epoll_wait_old", "eventfd", "eventfd2", "execve",
    "execveat", "exit", "exit_group", "faccessat", "faccessat2", "fadvise64",
    "fadvise64_64", "fallocate", "fanotify_mark", "fchdir", "fchmod", "fchmodat", "fchown",
    "fchown32", "fchownat", "fcntl", "fcntl64", "fdatasync", "fgetxattr", "flistxattr",
    "flock", "fork", "fremovexattr", "fsconfig", "fsetxattr", "fsmount", "fsopen", "fspick",
    "fstat", "fstat64", "fstatat64", "fstatfs", "fstatfs64", "fsync", "ftruncate",
    "ftruncate64", "futex", "futex_time64", "futimesat", "get_mempolicy", "get_robust_list",
    "get_thread_area", "getcpu", "getcwd", "getdents", "getdents64", "getegid", "getegid32",
    "geteuid", "geteuid32", "getgid", "getgid32", "getgroups", "getgroups32", "getitimer",
    "getpeername", "getpgid", "getpgrp", "getpid", "getppid", "getpriority", "getrandom",
    "getresgid", "getresgid32", "getresuid", "getresuid32", "getrlimit", "getrusage",
    "getsid", "getsockname", "getsockopt", "gettid", "gettimeofday", "getuid", "getuid32",
    "getxattr", "inotify_add_watch", "inotify_init", "inotify_init1", "inotify_rm_watch",
    "io_cancel", "io_destroy", "io_getevents", "io_setup", "io_submit", "io_uring_enter",
    "io_uring_register", "io_uring_setup", "ioctl", "ioprio_get", "ioprio_set", "ipc",
    "keyctl", "kill", "landlock_add_rule", "landlock_create_ruleset",
    "landlock_restrict_self", "lchown", "lchown32", "lgetxattr", "link", "linkat", "listen",
    "listxattr", "llistxattr", "lremovexattr", "lseek", "lsetxattr", "lstat", "lstat64",
    "madvise", "mbind", "membarrier", "memfd_create", "memfd_secret", "mincore", "mkdir",
    "mkdirat", "mknod", "mknodat", "mlock", "mlock2", "mlockall", "mmap", "mmap2", "mount",
    "mount_setattr", "move_mount", "mprotect", "mq_getsetattr", "mq_notify", "mq_open",
    "mq_timedreceive", "mq_timedreceive_time64", "mq_timedsend", "mq_timedsend_time64",
    "mq_unlink", "mremap", "msgctl", "msgget", "msgrcv", "msgsnd", "msync", "munlock",
    "munlockall", "munmap", "name_to_handle_at", "nanosleep", "newfstatat", "open",
    "open_tree", "openat", "openat2", "pause", "pidfd_getfd", "pidfd_open",
    "pidfd_send_signal", "pipe", "pipe2", "pivot_root", "pkey_alloc", "pkey_free",
    "pkey_mprotect", "poll", "ppoll", "ppoll_time64", "prctl", "pread64", "preadv",
    "preadv2", "prlimit64", "process_mrelease", "process_vm_readv", "process_vm_writev",
    "pselect6", "pselect6_time64", "ptrace", "pwrite64", "pwritev", "pwritev2", "read",
    "readahead", "readdir", "readlink", "readlinkat", "readv", "reboot", "recv", "recvfrom",
    "recvmmsg", "recvmmsg_time64", "recvmsg", "remap_file_pages", "removexattr", "rename",
    "renameat", "renameat2", "restart_syscall", "rmdir", "rseq", "rt_sigaction",
    "rt_sigpending", "rt_sigprocmask", "rt_sigqueueinfo", "rt_sigreturn", "rt_sigsuspend",
    "rt_sigtimedwait", "rt_sigtimedwait_time64", "rt_tgsigqueueinfo",
    "sched_get_priority_max", "sched_get_priority_min", "sched_getaffinity",
    "sched_getattr", "sched_getparam", "sched_getscheduler", "sched_rr_get_interval",
    "sched_rr_get_interval_time64", "sched_setaffinity", "sched_setattr", "sched_setparam",
    "sched_setscheduler", "sched_yield", "seccomp", "select", "semctl", "semget", "semop",
    "semtimedop", "semtimedop_time64", "send", "sendfile", "sendfile64", "sendmmsg",
    "sendmsg", "sendto", "set_mempolicy", "set_robust_list", "set_thread_area",
    "set_tid_address", "setfsgid", "setfsgid32", "setfsuid", "setfsuid32", "setgid",
    "setgid32", "setgroups", "setgroups32", "setitimer", "setns", "setpgid", "setpriority",
    "setregid", "setregid32", "setresgid", "setresgid32", "setresuid", "setresuid32",
    "setreuid", "setreuid32", "setrlimit", "setsid", "setsockopt", "setuid", "setuid32",
    "setxattr", "shmat", "shmctl", "shmdt", "shmget", "shutdown", "sigaction", "sigaltstack",
    "signal", "signalfd", "signalfd4", "sigpending", "sigprocmask", "sigreturn", "sigsuspend",
    "socketcall", "socketpair", "splice", "stat", "stat64", "statfs", "statfs64", "statx",
    "symlink", "symlinkat", "sync", "sync_file_range", "syncfs", "syscall", "sysinfo",
    "syslog", "tee", "tgkill", "time", "timer_create", "timer_delete", "timer_getoverrun",
    "timer_gettime", "timer_gettime64", "timer_settime", "timer_settime64", "timerfd",
    "timerfd_create", "timerfd_gettime", "timerfd_gettime64", "timerfd_settime",
    "timerfd_settime64", "times", "tkill", "truncate", "truncate64", "ugetrlimit", "umask",
    "umount", "umount2", "uname", "unlink", "unlinkat", "unshare", "utime", "utimensat",
    "utimensat_time64", "utimes", "vfork", "wait4", "waitid", "waitpid", "write", "writev",
];

/// Syscalls allowed only on some architectures.
#[rustfmt::skip]
const ARCH_NAMES: &[(Arch, &[&str])] = &[
    (Arch::X86_64, &["arch_prctl", "modify_ldt"]),
    (
        Arch::Aarch64,
        &["arm_fadvise64_64", "arm_sync_file_range", "breakpoint", "cacheflush", "set_tls", "sync_file_range2"],
    ),
];

/// Syscalls allowed only with a capability; EPERM without it.
#[rustfmt::skip]
const CAP_NAMES: &[(&str, &[&str])] = &[
    ("CAP_DAC_READ_SEARCH", &["open_by_handle_at"]),
    (
        "CAP_SYS_ADMIN",
        &["bpf", "fanotify_init", "lookup_dcookie", "perf_event_open", "quotactl", "setdomainname", "sethostname", "setns"],
    ),
    ("CAP_SYS_CHROOT", &["chroot"]),
    ("CAP_SYS_MODULE", &["delete_module", "finit_module", "init_module", "query_module"]),
    ("CAP_SYS_NICE", &["get_mempolicy", "mbind", "set_mempolicy"]),
    ("CAP_SYS_PACCT", &["acct"]),
    ("CAP_SYS_PTRACE", &["kcmp", "process_madvise"]),
    ("CAP_SYS_RAWIO", &["ioperm", "iopl"]),
    ("CAP_SYS_TIME", &["clock_settime", "clock_settime64", "settimeofday", "stime"]),
    ("CAP_SYS_TTY_CONFIG", &["vhangup"]),
];

/// `personality(2)` values a container may set (Linux, PER_LINUX32, UNAME26 and
/// combinations, and the 0xffffffff query).
const PERSONALITIES: &[u64] = &[0x0, 0x8, 0x20000, 0x20008, 0xffff_ffff];

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn rule(list: &[&str], action: Action, args: Vec<ArgCond>) -> Rule {
    Rule {
        names: names(list),
        action,
        args,
    }
}

fn eq(index: u8, op: CmpOp, value: u64) -> ArgCond {
    ArgCond {
        index,
        op,
        value,
        value_two: 0,
    }
}

/// The default profile for a container holding `caps` on `arch`.
pub fn default_profile(caps: &CapSet, arch: Arch) -> Profile {
    let eperm = Action::Errno(libc::EPERM as u32);
    let mut rules = vec![
        rule(EPERM_NAMES, eperm, vec![]),
        rule(ALLOW_NAMES, Action::Allow, vec![]),
    ];
    for value in PERSONALITIES {
        rules.push(rule(
            &["personality"],
            Action::Allow,
            vec![eq(0, CmpOp::Eq, *value)],
        ));
    }
    for (only, list) in ARCH_NAMES {
        if *only == arch {
            rules.push(rule(list, Action::Allow, vec![]));
        }
    }
    for (cap, list) in CAP_NAMES {
        let gated: Vec<&str> = list
            .iter()
            .copied()
            .filter(|n| !ALLOW_NAMES.contains(n))
            .collect();
        let action = if caps.contains_name(cap) {
            Action::Allow
        } else {
            eperm
        };
        rules.push(rule(&gated, action, vec![]));
    }
    // socket(AF_NETLINK, *, NETLINK_AUDIT) needs CAP_AUDIT_WRITE; EINVAL without it.
    let (af_netlink, netlink_audit) = (libc::AF_NETLINK as u64, libc::NETLINK_AUDIT as u64);
    if caps.contains_name("CAP_AUDIT_WRITE") {
        rules.push(rule(&["socket"], Action::Allow, vec![]));
    } else {
        rules.push(rule(
            &["socket"],
            Action::Errno(libc::EINVAL as u32),
            vec![
                eq(0, CmpOp::Eq, af_netlink),
                eq(2, CmpOp::Eq, netlink_audit),
            ],
        ));
        rules.push(rule(
            &["socket"],
            Action::Allow,
            vec![eq(2, CmpOp::Ne, netlink_audit)],
        ));
        rules.push(rule(
            &["socket"],
            Action::Allow,
            vec![eq(0, CmpOp::Ne, af_netlink)],
        ));
    }
    Profile {
        default_action: Action::Errno(DEFAULT_ERRNO),
        rules,
    }
}
