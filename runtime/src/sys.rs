//! Small safe wrappers around the raw syscalls the container start needs and that
//! rustix does not cover the way we use them. Each `unsafe` block is one syscall.

use std::ffi::CString;
use std::io;
use std::os::fd::{AsRawFd, BorrowedFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use rustix::mount::{MoveMountFlags, OpenTreeFlags};

fn cstr(p: &Path) -> io::Result<CString> {
    CString::new(p.as_os_str().as_bytes())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "path contains NUL"))
}

fn opt_cstr(s: Option<&str>) -> io::Result<Option<CString>> {
    s.map(|s| {
        CString::new(s)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "NUL in mount argument"))
    })
    .transpose()
}

fn check(ret: libc::c_int) -> io::Result<()> {
    if ret == -1 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// mount(2).
pub fn mount(
    source: Option<&str>,
    target: &Path,
    fstype: Option<&str>,
    flags: libc::c_ulong,
    data: Option<&str>,
) -> io::Result<()> {
    let target = cstr(target)?;
    let (source, fstype, data) = (opt_cstr(source)?, opt_cstr(fstype)?, opt_cstr(data)?);
    let p = |c: &Option<CString>| c.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: every pointer is either null or a valid NUL-terminated string that outlives the call.
    check(unsafe {
        libc::mount(
            p(&source),
            target.as_ptr(),
            p(&fstype),
            flags,
            p(&data) as *const libc::c_void,
        )
    })
}

/// umount2(2).
pub fn umount2(target: &Path, flags: libc::c_int) -> io::Result<()> {
    let target = cstr(target)?;
    // SAFETY: valid NUL-terminated path.
    check(unsafe { libc::umount2(target.as_ptr(), flags) })
}

/// pivot_root(2).
pub fn pivot_root(new_root: &Path, put_old: &Path) -> io::Result<()> {
    let (a, b) = (cstr(new_root)?, cstr(put_old)?);
    // SAFETY: valid NUL-terminated paths.
    check(unsafe { libc::syscall(libc::SYS_pivot_root, a.as_ptr(), b.as_ptr()) } as libc::c_int)
}

/// sethostname(2).
pub fn sethostname(name: &str) -> io::Result<()> {
    // SAFETY: pointer and length describe `name`.
    check(unsafe { libc::sethostname(name.as_ptr() as *const libc::c_char, name.len()) })
}

/// The path that names what `fd` refers to, through the host's procfs (valid before
/// pivot_root): mounting onto it mounts onto exactly that file, with no second lookup.
fn fd_path(fd: BorrowedFd<'_>) -> PathBuf {
    PathBuf::from(format!("/proc/self/fd/{}", fd.as_raw_fd()))
}

/// mount(2) of a new filesystem onto the file or directory `target` refers to.
pub fn mount_on(
    source: &str,
    target: BorrowedFd<'_>,
    fstype: &str,
    flags: libc::c_ulong,
    data: Option<&str>,
) -> io::Result<()> {
    mount(Some(source), &fd_path(target), Some(fstype), flags, data)
}

/// open_tree(OPEN_TREE_CLONE | AT_RECURSIVE): a detached copy of the mount tree at
/// `path` relative to `dir` (an empty `path` means `dir` itself), with every submount.
pub fn clone_tree(dir: BorrowedFd<'_>, path: &Path) -> io::Result<OwnedFd> {
    let mut flags = OpenTreeFlags::OPEN_TREE_CLONE
        | OpenTreeFlags::OPEN_TREE_CLOEXEC
        | OpenTreeFlags::AT_RECURSIVE;
    if path.as_os_str().is_empty() {
        flags |= OpenTreeFlags::AT_EMPTY_PATH;
    }
    Ok(rustix::mount::open_tree(dir, path, flags)?)
}

/// move_mount(2): attach the detached tree `tree` onto the file or directory `target`
/// refers to.
pub fn attach_tree(tree: BorrowedFd<'_>, target: BorrowedFd<'_>) -> io::Result<()> {
    Ok(rustix::mount::move_mount(
        tree,
        "",
        target,
        "",
        MoveMountFlags::MOVE_MOUNT_F_EMPTY_PATH | MoveMountFlags::MOVE_MOUNT_T_EMPTY_PATH,
    )?)
}

/// The argument of mount_setattr(2) (`struct mount_attr`, MOUNT_ATTR_SIZE_VER0).
#[repr(C)]
struct MountAttr {
    attr_set: u64,
    attr_clr: u64,
    propagation: u64,
    userns_fd: u64,
}

/// `MOUNT_ATTR_RDONLY`.
pub const MOUNT_ATTR_RDONLY: u64 = 0x1;
/// `MOUNT_ATTR_NOSUID`.
pub const MOUNT_ATTR_NOSUID: u64 = 0x2;
/// `MOUNT_ATTR_NODEV`.
pub const MOUNT_ATTR_NODEV: u64 = 0x4;
/// `MOUNT_ATTR_NOEXEC`.
pub const MOUNT_ATTR_NOEXEC: u64 = 0x8;

/// mount_setattr(2) on the mount `fd` refers to (attached or detached): set the
/// `MOUNT_ATTR_*` bits of `set`; with `recursive`, on every mount below it too.
/// Locked flags are never cleared, so no flag of the source needs to be repeated.
pub fn set_mount_attrs(fd: BorrowedFd<'_>, recursive: bool, set: u64) -> io::Result<()> {
    let attr = MountAttr {
        attr_set: set,
        attr_clr: 0,
        propagation: 0,
        userns_fd: 0,
    };
    let mut flags = libc::AT_EMPTY_PATH;
    if recursive {
        flags |= libc::AT_RECURSIVE;
    }
    // SAFETY: a valid fd, an empty NUL-terminated path and a pointer to a struct whose
    // size is passed; the kernel only reads it.
    let ret = unsafe {
        libc::syscall(
            libc::SYS_mount_setattr,
            fd.as_raw_fd(),
            c"".as_ptr(),
            flags as libc::c_uint,
            &attr as *const MountAttr,
            std::mem::size_of::<MountAttr>(),
        )
    };
    check(ret as libc::c_int)
}

/// A fork-like clone(2) into new namespaces: returns 0 in the child, the child's pid
/// in the parent. The caller must be single-threaded.
pub fn clone_into_namespaces(flags: libc::c_int) -> io::Result<libc::pid_t> {
    fork_with_flags((flags | libc::SIGCHLD) as libc::c_ulong)
}

/// clone(2) with a null stack (a fork) and `flags` (namespaces, exit signal).
fn fork_with_flags(flags: libc::c_ulong) -> io::Result<libc::pid_t> {
    // SAFETY: with a null stack, clone behaves like fork; the callers guarantee there
    // are no other threads whose locks the child could inherit.
    let ret = unsafe { libc::syscall(libc::SYS_clone, flags, 0usize, 0usize, 0usize, 0usize) };
    if ret == -1 {
        Err(io::Error::last_os_error())
    } else {
        Ok(ret as libc::pid_t)
    }
}

/// Point standard input, output and error at /dev/null: for a helper process that
/// must not hold the caller's terminal or pipes.
pub fn null_stdio() -> io::Result<()> {
    let null = rustix::fs::open(
        "/dev/null",
        rustix::fs::OFlags::RDWR | rustix::fs::OFlags::CLOEXEC,
        rustix::fs::Mode::empty(),
    )?;
    rustix::stdio::dup2_stdin(&null)?;
    rustix::stdio::dup2_stdout(&null)?;
    rustix::stdio::dup2_stderr(&null)?;
    Ok(())
}

/// ioprio_set(2)'s `which` for one process.
const IOPRIO_WHO_PROCESS: libc::c_long = 1;
/// The idle I/O class, and where the class sits in an I/O priority.
const IOPRIO_CLASS_IDLE: libc::c_long = 3;
const IOPRIO_CLASS_SHIFT: u32 = 13;

/// Run the calling process only when nothing else wants the CPU (`SCHED_IDLE`) and
/// do its disk I/O in the idle class: for housekeeping beside the commands (deleting
/// a removed container's files) that must not take a core from the next command's
/// container start. An unprivileged process may always lower itself so.
pub fn run_only_when_idle() -> io::Result<()> {
    let param = libc::sched_param { sched_priority: 0 };
    // SAFETY: sched_setscheduler reads `param`, which outlives the call.
    check(unsafe { libc::sched_setscheduler(0, libc::SCHED_IDLE, &param) })?;
    // SAFETY: ioprio_set takes plain integers and touches no memory of ours.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_ioprio_set,
            IOPRIO_WHO_PROCESS,
            0 as libc::c_long,
            IOPRIO_CLASS_IDLE << IOPRIO_CLASS_SHIFT,
        )
    };
    if rc != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// unshare(CLONE_NEWCGROUP): a new cgroup namespace rooted at the caller's cgroup
/// (the container's, once its parent has moved it there).
pub fn unshare_cgroup_namespace() -> io::Result<()> {
    unshare_namespaces(libc::CLONE_NEWCGROUP)
}

/// unshare(2) of the namespaces in `flags` (CLONE_NEW* bits other than the user and
/// pid namespaces). The caller must be single-threaded.
pub fn unshare_namespaces(flags: libc::c_int) -> io::Result<()> {
    debug_assert_eq!(flags & (libc::CLONE_NEWUSER | libc::CLONE_NEWPID), 0);
    // SAFETY: unshare of namespaces touches no memory of ours; the caller is a
    // single-threaded process, so no other thread's view changes under it.
    check(unsafe { libc::unshare(flags) })
}

/// The number of threads of this process.
pub fn thread_count() -> usize {
    std::fs::read_dir("/proc/self/task")
        .map(|d| d.count())
        .unwrap_or(1)
}

/// Whether this process is single-threaded, waiting up to a second for threads that
/// are ending: a thread pool that has been shut down (the registry I/O runtime of a
/// pull that came before) reports its threads done a moment before the kernel has
/// let them go, and a fork in that moment would be refused for nothing.
pub fn single_threaded_after_ending_threads() -> bool {
    const POLLS: u32 = 1000;
    for _ in 0..POLLS {
        if thread_count() == 1 {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    thread_count() == 1
}

/// setresuid/setresgid/setgroups as raw syscalls (glibc's wrappers signal every thread).
pub fn set_ids(uid: u32, gid: u32, groups: &[u32]) -> io::Result<()> {
    set_ids_keeping_groups(uid, gid, Some(groups))
}

/// [`set_ids`]; `groups` None leaves the supplementary groups as they are
/// (`--group-add keep-groups`).
pub fn set_ids_keeping_groups(uid: u32, gid: u32, groups: Option<&[u32]>) -> io::Result<()> {
    if let Some(groups) = groups {
        let groups: Vec<libc::gid_t> = groups.to_vec();
        // SAFETY: pointer and length describe `groups`.
        let r = unsafe { libc::syscall(libc::SYS_setgroups, groups.len(), groups.as_ptr()) };
        if r == -1 {
            let e = io::Error::last_os_error();
            // With setgroups denied (single-id fallback) only an empty list was possible
            // anyway.
            if e.raw_os_error() != Some(libc::EPERM) || !groups.is_empty() {
                return Err(e);
            }
        }
    }
    // SAFETY: plain integer syscalls.
    check(unsafe { libc::syscall(libc::SYS_setresgid, gid, gid, gid) } as libc::c_int)?;
    // SAFETY: plain integer syscall.
    check(unsafe { libc::syscall(libc::SYS_setresuid, uid, uid, uid) } as libc::c_int)
}

/// prctl(PR_SET_KEEPCAPS, 1): keep the permitted set across the switch to another uid.
pub fn keep_caps() -> io::Result<()> {
    // SAFETY: plain integer prctl.
    check(unsafe { libc::prctl(libc::PR_SET_KEEPCAPS, 1, 0, 0, 0) })
}

/// prctl(PR_SET_PDEATHSIG, SIGKILL): die with the parent.
pub fn die_with_parent() -> io::Result<()> {
    // SAFETY: plain integer prctl.
    check(unsafe { libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0) })
}

/// prctl(PR_SET_PDEATHSIG, 0): outlive the parent after all (a detached container
/// outlives its monitor, as Podman's containers outlive conmon).
pub fn clear_parent_death_signal() -> io::Result<()> {
    // SAFETY: plain integer prctl.
    check(unsafe { libc::prctl(libc::PR_SET_PDEATHSIG, 0, 0, 0, 0) })
}

/// execve(2); returns only on failure, with the errno.
pub fn execve(path: &CString, argv: &[CString], envp: &[CString]) -> io::Error {
    let mut a: Vec<*const libc::c_char> = argv.iter().map(|c| c.as_ptr()).collect();
    a.push(std::ptr::null());
    let mut e: Vec<*const libc::c_char> = envp.iter().map(|c| c.as_ptr()).collect();
    e.push(std::ptr::null());
    // SAFETY: NUL-terminated strings and NULL-terminated arrays that outlive the call.
    unsafe { libc::execve(path.as_ptr(), a.as_ptr(), e.as_ptr()) };
    io::Error::last_os_error()
}

/// _exit(2): leave the child without running destructors or atexit handlers.
pub fn exit_now(code: i32) -> ! {
    // SAFETY: terminates the process.
    unsafe { libc::_exit(code) }
}

/// waitpid(pid, 0): the raw wait status.
pub fn wait_pid(pid: libc::pid_t) -> io::Result<i32> {
    let mut status = 0;
    loop {
        // SAFETY: out-pointer to a local.
        let r = unsafe { libc::waitpid(pid, &mut status, 0) };
        if r == pid {
            return Ok(status);
        }
        let e = io::Error::last_os_error();
        if e.raw_os_error() != Some(libc::EINTR) {
            return Err(e);
        }
    }
}

/// kill(2), ignoring a process that is already gone.
pub fn kill(pid: libc::pid_t, sig: libc::c_int) {
    // SAFETY: plain integer syscall.
    unsafe { libc::kill(pid, sig) };
}

/// waitpid(-1, 0): reap any child; returns its pid (ECHILD when there is none left).
pub fn wait_any() -> io::Result<libc::pid_t> {
    let mut status = 0;
    // SAFETY: out-pointer to a local.
    let r = unsafe { libc::waitpid(-1, &mut status, 0) };
    if r == -1 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

/// pause(2) until killed: for helper processes whose only job is to stay alive.
pub fn pause_forever() -> ! {
    loop {
        // SAFETY: pause takes no arguments and only returns after a handled signal.
        unsafe { libc::pause() };
    }
}

/// close_range(2) over every descriptor from 3 up except those in `keep`.
pub fn close_fds_except(keep: &[std::os::fd::RawFd]) -> io::Result<()> {
    let mut keep: Vec<u32> = keep
        .iter()
        .filter(|&&fd| fd > 2)
        .map(|&fd| fd as u32)
        .collect();
    keep.sort_unstable();
    let mut first = 3u32;
    for fd in keep.into_iter().chain([u32::MAX]) {
        if fd > first {
            // SAFETY: plain integer syscall; closing descriptors this process owns.
            let r = unsafe { libc::syscall(libc::SYS_close_range, first, fd - 1, 0u32) };
            check(r as libc::c_int)?;
        }
        first = fd.saturating_add(1);
    }
    Ok(())
}

/// A pipe with both ends close-on-exec.
pub fn pipe() -> io::Result<(std::os::fd::OwnedFd, std::os::fd::OwnedFd)> {
    let (r, w) = rustix::pipe::pipe_with(rustix::pipe::PipeFlags::CLOEXEC)?;
    Ok((r, w))
}

/// A program started by [`spawn_program`].
pub struct SpawnedProgram {
    /// Its pid.
    pub pid: libc::pid_t,
    /// Its exec's outcome (non-blocking): nothing once it executed, else the errno
    /// (four bytes, native order) of the failed execve, written before the child
    /// ended with status 127. Read with [`exec_failure`] once the child was waited
    /// for.
    pub exec_result: OwnedFd,
    /// What the child reads until it executes the program (it shares this
    /// process's memory): kept until the child was waited for, else leaked.
    child_memory: Option<Box<ChildMemory>>,
}

impl SpawnedProgram {
    /// Wait for the program to end; its wait status. The memory it shared until
    /// its exec is released then.
    pub fn wait(&mut self) -> io::Result<libc::c_int> {
        let status = wait_pid(self.pid)?;
        self.child_memory = None;
        Ok(status)
    }
}

impl Drop for SpawnedProgram {
    fn drop(&mut self) {
        // Not waited for: the child may still be reading it.
        if let Some(memory) = self.child_memory.take() {
            Box::leak(memory);
        }
    }
}

/// The stack of a [`spawn_program`] child, in 16-byte units: it makes a few system
/// calls and calls nothing that could grow it (16 KiB).
const CHILD_STACK_UNITS: usize = 1024;

/// Everything a [`spawn_program`] child uses, made before the clone.
struct ChildMemory {
    path: CString,
    argv: Vec<*const libc::c_char>,
    envp: Vec<*const libc::c_char>,
    // The strings `argv` and `envp` point into.
    _strings: Vec<CString>,
    null_fd: libc::c_int,
    err_fd: libc::c_int,
    result_fd: libc::c_int,
    /// Descriptors the program inherits (their close-on-exec flag cleared).
    keep: Vec<libc::c_int>,
    /// Whether the program runs only when the CPU is idle (see
    /// [`run_only_when_idle`]), from before its exec.
    idle: bool,
    /// Allocated, never initialised here: the child writes its frames first.
    stack: Vec<u128>,
}

/// The child of [`spawn_program`], on its own stack in this process's memory:
/// raw system calls on what `ChildMemory` holds, ending in execve or exit. Raw
/// ones (the `syscalls` crate): the C library's wrappers would write a failure's
/// errno into this process's thread-local `errno`, which the child shares with
/// the caller's thread while that thread goes on.
extern "C" fn spawned_child(memory: *mut libc::c_void) -> libc::c_int {
    use syscalls::{raw::syscall3, raw::syscall4, Errno, Sysno};
    // SAFETY: `memory` is the parent's `ChildMemory`, alive until this child was
    // waited for; every call below is a system call on it or on plain values.
    unsafe {
        let m = &*(memory as *const ChildMemory);
        for (from, to) in [(m.null_fd, 0), (m.null_fd, 1), (m.err_fd, 2)] {
            if from == to {
                // Already there: only its close-on-exec flag goes.
                syscall3(
                    Sysno::fcntl as usize,
                    to as usize,
                    libc::F_SETFD as usize,
                    0,
                );
            } else {
                syscall3(Sysno::dup3 as usize, from as usize, to as usize, 0);
            }
        }
        for &fd in &m.keep {
            syscall3(
                Sysno::fcntl as usize,
                fd as usize,
                libc::F_SETFD as usize,
                0,
            );
        }
        if m.idle {
            let param = libc::sched_param { sched_priority: 0 };
            syscall3(
                Sysno::sched_setscheduler as usize,
                0,
                libc::SCHED_IDLE as usize,
                &param as *const libc::sched_param as usize,
            );
            syscall3(
                Sysno::ioprio_set as usize,
                IOPRIO_WHO_PROCESS as usize,
                0,
                (IOPRIO_CLASS_IDLE << IOPRIO_CLASS_SHIFT) as usize,
            );
        }
        let empty_mask: u64 = 0;
        syscall4(
            Sysno::rt_sigprocmask as usize,
            libc::SIG_SETMASK as usize,
            &empty_mask as *const u64 as usize,
            0,
            std::mem::size_of::<u64>(),
        );
        // The kernel's `struct sigaction` (handler, flags, restorer, mask): SIGPIPE
        // back to its default action (this process ignores it).
        let default_action: [u64; 4] = [libc::SIG_DFL as u64, 0, 0, 0];
        syscall4(
            Sysno::rt_sigaction as usize,
            libc::SIGPIPE as usize,
            default_action.as_ptr() as usize,
            0,
            std::mem::size_of::<u64>(),
        );
        let ret = syscall3(
            Sysno::execve as usize,
            m.path.as_ptr() as usize,
            m.argv.as_ptr() as usize,
            m.envp.as_ptr() as usize,
        );
        let errno = match Errno::from_ret(ret) {
            Err(e) => e.into_raw(),
            Ok(_) => libc::ENOEXEC,
        };
        syscall3(
            Sysno::write as usize,
            m.result_fd as usize,
            &errno as *const libc::c_int as usize,
            std::mem::size_of::<libc::c_int>(),
        );
        127
    }
}

/// Start the program `path` with `argv` and `envp` in a child, its standard
/// input and output on /dev/null and its standard error on `stderr`, with an empty
/// signal mask and SIGPIPE at its default. Unlike posix_spawn(3) (a vfork) this returns
/// as soon as the child exists, not once it has executed the program: on a busy
/// machine the child can wait a millisecond for a core, and a vfork would hold this
/// process that long. The child shares this process's memory until its exec (no
/// copy of the page tables, no copy-on-write faults afterwards) and runs on a
/// stack of its own, only system calls on what is prepared before the clone, so
/// the caller may have other threads.
pub fn spawn_program(
    path: &CString,
    argv: &[CString],
    envp: &[CString],
    stderr: BorrowedFd<'_>,
) -> io::Result<SpawnedProgram> {
    spawn(path, argv, envp, Some(stderr), &[], false, libc::SIGCHLD)
}

/// This process's environment as `NAME=value` strings, for a program it starts
/// (entries with a NUL byte left out: no program could be given them).
pub fn environment() -> Vec<CString> {
    use std::os::unix::ffi::OsStrExt;
    std::env::vars_os()
        .filter_map(|(k, v)| {
            let mut entry = k.as_bytes().to_vec();
            entry.push(b'=');
            entry.extend_from_slice(v.as_bytes());
            CString::new(entry).ok()
        })
        .collect()
}

/// [`spawn_program`] for housekeeping nobody waits for: the program runs only when
/// the CPU is idle ([`run_only_when_idle`], from before its exec), inherits the
/// descriptors `keep`, and its end sends no signal (`waitpid(-1)` and SIGCHLD
/// handlers of this process never see it; it stays a zombie until this process
/// ends, then init reaps it). Its standard error goes to /dev/null too.
pub fn spawn_unwaited(
    path: &CString,
    argv: &[CString],
    envp: &[CString],
    keep: &[BorrowedFd<'_>],
) -> io::Result<()> {
    let keep: Vec<libc::c_int> = keep.iter().map(|fd| fd.as_raw_fd()).collect();
    // Not waited for: what the child reads until its exec stays (leaks) with it.
    spawn(path, argv, envp, None, &keep, true, 0).map(drop)
}

/// [`spawn_program`] and [`spawn_unwaited`]: standard error on `stderr` (None:
/// /dev/null, as the other two); `exit_signal` is sent to this process when the
/// child ends (0: none).
fn spawn(
    path: &CString,
    argv: &[CString],
    envp: &[CString],
    stderr: Option<BorrowedFd<'_>>,
    keep: &[libc::c_int],
    idle: bool,
    exit_signal: libc::c_int,
) -> io::Result<SpawnedProgram> {
    let strings: Vec<CString> = argv.iter().chain(envp).cloned().collect();
    let (argv_strings, envp_strings) = strings.split_at(argv.len());
    let pointers = |list: &[CString]| {
        list.iter()
            .map(|c| c.as_ptr())
            .chain([std::ptr::null()])
            .collect::<Vec<_>>()
    };
    let (argv_pointers, envp_pointers) = (pointers(argv_strings), pointers(envp_strings));
    let null = rustix::fs::open(
        "/dev/null",
        rustix::fs::OFlags::RDWR | rustix::fs::OFlags::CLOEXEC,
        rustix::fs::Mode::empty(),
    )?;
    // Non-blocking: a process forked meanwhile by another thread may hold the write
    // end for as long as it lives, so its end-of-file proves nothing.
    let (result_r, result_w) = rustix::pipe::pipe_with(
        rustix::pipe::PipeFlags::CLOEXEC | rustix::pipe::PipeFlags::NONBLOCK,
    )?;
    let mut memory = Box::new(ChildMemory {
        path: path.clone(),
        argv: argv_pointers,
        envp: envp_pointers,
        _strings: strings,
        null_fd: null.as_raw_fd(),
        err_fd: stderr.map_or(null.as_raw_fd(), |fd| fd.as_raw_fd()),
        result_fd: result_w.as_raw_fd(),
        keep: keep.to_vec(),
        idle,
        stack: Vec::with_capacity(CHILD_STACK_UNITS),
    });
    // SAFETY: one past the end of the stack's allocation (its capacity), where a
    // downward-growing stack starts.
    let stack_top = unsafe {
        memory
            .stack
            .as_mut_ptr()
            .add(memory.stack.capacity())
            .cast::<libc::c_void>()
    };
    let memory_ptr = (&mut *memory as *mut ChildMemory).cast::<libc::c_void>();
    // SAFETY: the child runs `spawned_child` on its own 16-byte aligned stack and
    // reads only `memory`, which stays alive until it was waited for (or leaks);
    // the descriptors it duplicates stay open until `clone` returns here, and the
    // child has its own descriptor table (no CLONE_FILES).
    let pid = unsafe {
        libc::clone(
            spawned_child,
            stack_top,
            libc::CLONE_VM | exit_signal,
            memory_ptr,
        )
    };
    if pid == -1 {
        return Err(io::Error::last_os_error());
    }
    Ok(SpawnedProgram {
        pid,
        exec_result: result_r,
        child_memory: Some(memory),
    })
}

/// The errno a [`SpawnedProgram`]'s failed exec reported on `exec_result`, read
/// once the child was waited for (None: it executed the program).
pub fn exec_failure(exec_result: &OwnedFd) -> Option<io::Error> {
    let mut buf = [0u8; std::mem::size_of::<libc::c_int>()];
    // The child wrote the errno whole (a pipe write this small is atomic) before it
    // ended, or nothing.
    match rustix::io::read(exec_result, &mut buf) {
        Ok(n) if n == buf.len() => Some(io::Error::from_raw_os_error(libc::c_int::from_ne_bytes(
            buf,
        ))),
        _ => None,
    }
}

/// fork(2): 0 in the child, the child's pid in the parent. The caller must be
/// single-threaded.
pub fn fork() -> io::Result<libc::pid_t> {
    // SAFETY: the caller guarantees there are no other threads whose locks the child
    // could inherit.
    let r = unsafe { libc::fork() };
    if r == -1 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

/// Give freed heap memory back to the kernel (glibc's malloc_trim): a long-lived
/// monitor keeps its resident memory small after the start's allocations.
pub fn trim_heap() {
    // SAFETY: malloc_trim only walks the allocator's own free lists.
    unsafe { libc::malloc_trim(0) };
}

/// `/proc/PID/ns/NAME` opened (close-on-exec): a handle on one of process `pid`'s
/// namespaces, for `setns` or to keep the namespace alive.
pub fn open_namespace(pid: libc::pid_t, name: &str) -> io::Result<OwnedFd> {
    let path = format!("/proc/{pid}/ns/{name}");
    Ok(rustix::fs::open(
        path.as_str(),
        rustix::fs::OFlags::RDONLY | rustix::fs::OFlags::CLOEXEC,
        rustix::fs::Mode::empty(),
    )?)
}

/// setns(2): move this thread into the namespace `fd` refers to; `nstype` is the
/// `CLONE_NEW*` flag it must be (0: any). The caller must be single-threaded for a
/// user namespace.
pub fn setns(fd: BorrowedFd<'_>, nstype: libc::c_int) -> io::Result<()> {
    // SAFETY: plain integer syscall on a valid fd.
    check(unsafe { libc::setns(fd.as_raw_fd(), nstype) })
}

/// prctl(PR_SET_DUMPABLE, 0): no other process of the same user (or root of a user
/// namespace below the host's) may ptrace this one or open its /proc files (fds,
/// exe, memory). Reset by the next execve of an ordinary program.
pub fn set_not_dumpable() -> io::Result<()> {
    // SAFETY: plain integer prctl.
    check(unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) })
}

/// ioctl(NS_GET_USERNS): the user namespace that owns the namespace `ns`.
pub fn namespace_owner(ns: BorrowedFd<'_>) -> io::Result<OwnedFd> {
    /// `_IO(0xb7, 0x1)` from linux/nsfs.h.
    const NS_GET_USERNS: libc::c_ulong = 0xb701;
    // SAFETY: an ioctl without argument on a valid fd; it returns a new fd or -1.
    let fd = unsafe { libc::ioctl(ns.as_raw_fd(), NS_GET_USERNS as _) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: the kernel just gave us this fd; nothing else owns it.
    Ok(unsafe { <OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(fd) })
}

/// Take ownership of a descriptor this process inherited by number (a helper mode
/// of coracle's binary, given its sockets on the command line). The caller must be
/// the only user of that number, early in a freshly executed process.
pub fn own_inherited_fd(fd: std::os::fd::RawFd) -> OwnedFd {
    // SAFETY: the spawner passed this descriptor for our exclusive use; nothing
    // else in this fresh process owns it, and it is taken once.
    unsafe { <OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(fd) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::AsFd;

    fn c(text: &str) -> CString {
        CString::new(text).unwrap()
    }

    #[test]
    fn a_spawned_program_runs_with_its_arguments_and_its_stderr_on_the_pipe() {
        let (err_r, err_w) = pipe().unwrap();
        let argv = [
            c("sh"),
            c("-c"),
            c("echo \"$1 $X\" >&2; read line; exit 3"),
            c("sh"),
            c("arg"),
        ];
        let mut spawned =
            spawn_program(&c("/bin/sh"), &argv, &[c("X=env")], err_w.as_fd()).unwrap();
        drop(err_w);
        let mut text = String::new();
        io::Read::read_to_string(&mut std::fs::File::from(err_r), &mut text).unwrap();
        assert_eq!(text, "arg env\n");
        // Standard input is /dev/null: `read` ends at once and the status is the script's.
        let status = spawned.wait().unwrap();
        assert!(exec_failure(&spawned.exec_result).is_none());
        assert!(
            libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 3,
            "{status}"
        );
    }

    #[test]
    fn a_program_that_cannot_be_executed_reports_the_errno() {
        let (_err_r, err_w) = pipe().unwrap();
        let path = c("/no/such/program");
        let mut spawned =
            spawn_program(&path, std::slice::from_ref(&path), &[], err_w.as_fd()).unwrap();
        let status = spawned.wait().unwrap();
        let failure = exec_failure(&spawned.exec_result).expect("an exec failure");
        assert_eq!(failure.raw_os_error(), Some(libc::ENOENT));
        assert!(
            libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 127,
            "{status}"
        );
    }

    #[test]
    fn a_failed_exec_leaves_the_callers_errno_alone() {
        // The child shares this process's memory (and this thread's errno) until
        // its exec: its failure must not land here.
        let (_err_r, err_w) = pipe().unwrap();
        let path = c("/no/such/program");
        // SAFETY: this thread's errno cell.
        unsafe { *libc::__errno_location() = 4242 };
        let mut spawned =
            spawn_program(&path, std::slice::from_ref(&path), &[], err_w.as_fd()).unwrap();
        let status = spawned.wait().unwrap();
        // SAFETY: as above.
        assert_eq!(unsafe { *libc::__errno_location() }, 4242);
        assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 127);
        let failure = exec_failure(&spawned.exec_result).expect("an exec failure");
        assert_eq!(failure.raw_os_error(), Some(libc::ENOENT));
    }

    #[test]
    fn a_spawned_program_has_no_blocked_signals_and_sigpipe_at_its_default() {
        let (err_r, err_w) = pipe().unwrap();
        let argv = [
            c("sh"),
            c("-c"),
            c("grep -E '^Sig(Blk|Ign)' /proc/self/status >&2"),
        ];
        // The parent ignores SIGPIPE (the Rust runtime does) and blocks SIGUSR1.
        // SAFETY: an all-zero sigset_t is a valid (empty) set.
        let mut blocked: libc::sigset_t = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
        // SAFETY: valid sets; the mask is restored below.
        unsafe {
            libc::sigemptyset(&mut blocked);
            libc::sigaddset(&mut blocked, libc::SIGUSR1);
            libc::pthread_sigmask(libc::SIG_BLOCK, &blocked, &mut old);
        }
        let spawned = spawn_program(&c("/bin/sh"), &argv, &[], err_w.as_fd());
        // SAFETY: restoring the mask saved above.
        unsafe { libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut()) };
        let mut spawned = spawned.unwrap();
        drop(err_w);
        let mut text = String::new();
        io::Read::read_to_string(&mut std::fs::File::from(err_r), &mut text).unwrap();
        spawned.wait().unwrap();
        let mask = |name: &str| {
            let line = text.lines().find(|l| l.starts_with(name)).unwrap();
            u64::from_str_radix(line.split_whitespace().nth(1).unwrap(), 16).unwrap()
        };
        assert_eq!(mask("SigBlk:"), 0, "{text}");
        assert_eq!(mask("SigIgn:") & (1 << (libc::SIGPIPE - 1)), 0, "{text}");
    }

    /// Run `check` in a forked child (single-threaded, unlike the test harness, and
    /// whose changes to its own scheduling do not outlive the test) and assert that
    /// it returned true.
    fn holds_in_a_forked_child(check: impl FnOnce() -> bool) {
        // SAFETY: the child runs `check` (syscalls, threads, sleeps), then _exits.
        let pid = unsafe { libc::fork() };
        assert!(pid >= 0, "fork: {}", io::Error::last_os_error());
        if pid == 0 {
            let code = if check() { 0 } else { 1 };
            // SAFETY: ends the forked child without running the harness's exit code.
            unsafe { libc::_exit(code) }
        }
        let mut status = 0;
        // SAFETY: waits for our own child.
        assert_eq!(unsafe { libc::waitpid(pid, &mut status, 0) }, pid);
        assert!(
            libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
            "status {status}"
        );
    }

    #[test]
    fn a_process_can_lower_itself_to_run_only_when_idle() {
        holds_in_a_forked_child(|| {
            let lowered = run_only_when_idle().is_ok();
            // SAFETY: sched_getscheduler takes a pid only.
            lowered && unsafe { libc::sched_getscheduler(0) } == libc::SCHED_IDLE
        });
    }

    /// A thread that is still ending when the check starts is waited for, and one
    /// that never ends is not.
    #[test]
    fn the_single_thread_check_waits_for_threads_that_are_ending_only() {
        holds_in_a_forked_child(|| {
            let ending =
                std::thread::spawn(|| std::thread::sleep(std::time::Duration::from_millis(50)));
            let was_two = thread_count() == 2;
            let waited = single_threaded_after_ending_threads();
            drop(ending);
            let _stays =
                std::thread::spawn(|| std::thread::sleep(std::time::Duration::from_secs(30)));
            let refused = !single_threaded_after_ending_threads();
            was_two && waited && refused
        });
    }
}
