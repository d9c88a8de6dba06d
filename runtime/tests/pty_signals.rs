//! Pty, signal forwarding and `--init` against real processes.
//!
//! The supervisor and the init block signals and take process-directed ones from a
//! signalfd, which needs a single-threaded process. The test harness is not one, so
//! those tests re-execute this test binary for just that test (env `ISOLATE_TEST`)
//! and there fork: the forked copy is single-threaded and runs the scenario.

// The children of `supervise` scenarios are reaped by `supervise` itself.
#![allow(clippy::zombie_processes)]

use std::ffi::CString;
use std::io::{BufRead, BufReader, Read};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};

use coracle_runtime::process::init::{become_subreaper, run_init};
use coracle_runtime::process::pty::{attach_child, open_pty, sync_window_size};
use coracle_runtime::process::relay::Relay;
use coracle_runtime::process::signals::{block_forwarded, restore_mask, supervise};
use coracle_runtime::process::stdio;
use rustix::process::Pid;
use rustix::termios::Winsize;

const MODE: &str = "ISOLATE_TEST";

/// Runs `scenario` in a single-threaded process; returns its exit code.
fn isolated(test: &str, scenario: fn() -> i32) -> i32 {
    if std::env::var(MODE).as_deref() == Ok(test) {
        // SAFETY: test code; the only other thread (libtest's main) is idle.
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            let code = std::panic::catch_unwind(scenario).unwrap_or(101);
            // SAFETY: leave the forked copy without running the harness.
            unsafe { libc::_exit(code) }
        }
        let mut status = 0;
        // SAFETY: waiting for our own child.
        assert_eq!(unsafe { libc::waitpid(pid, &mut status, 0) }, pid);
        std::process::exit(if libc::WIFEXITED(status) {
            libc::WEXITSTATUS(status)
        } else {
            200 + libc::WTERMSIG(status)
        });
    }
    let status = Command::new(std::env::current_exe().unwrap())
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(MODE, test)
        .status()
        .unwrap();
    status.code().unwrap()
}

fn sh(script: &str) -> Command {
    let mut c = Command::new("sh");
    c.args(["-c", script]);
    c
}

/// Spawns `cmd` on the pty slave (new session, controlling terminal, stdio).
fn spawn_on(cmd: &mut Command, slave: &OwnedFd) -> std::process::Child {
    let raw = slave.as_raw_fd();
    // SAFETY: setsid and attach_child only make allocation-free system calls.
    unsafe {
        cmd.pre_exec(move || {
            rustix::process::setsid()?;
            attach_child(BorrowedFd::borrow_raw(raw)).map_err(std::io::Error::other)
        });
    }
    cmd.spawn().unwrap()
}

fn exit_code(raw: i32) -> i32 {
    assert!(libc::WIFEXITED(raw), "not exited: {raw:#x}");
    libc::WEXITSTATUS(raw)
}

#[test]
fn stty_sees_the_synced_window_size() {
    let caller = open_pty().unwrap();
    let size = Winsize {
        ws_row: 33,
        ws_col: 99,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    rustix::termios::tcsetwinsize(&caller.slave, size).unwrap();
    let pty = open_pty().unwrap();
    sync_window_size(caller.slave.as_fd(), pty.master.as_fd()).unwrap();
    let mut child = spawn_on(Command::new("stty").arg("size"), &pty.slave);
    drop(pty.slave);
    assert!(child.wait().unwrap().success());
    let mut out = Vec::new();
    // Read until EIO: every slave fd is closed and the buffer is empty.
    let _ = std::fs::File::from(pty.master).read_to_end(&mut out);
    assert_eq!(String::from_utf8_lossy(&out).trim(), "33 99");
}

#[test]
fn supervise_forwards_sigterm() {
    assert_eq!(
        isolated("supervise_forwards_sigterm", || {
            let old = block_forwarded().unwrap();
            let mut cmd = sh("trap 'exit 7' TERM; echo ready; sleep 10 & wait");
            cmd.stdout(Stdio::piped());
            // SAFETY: restore_mask is async-signal-safe.
            unsafe { cmd.pre_exec(move || restore_mask(&old).map_err(std::io::Error::other)) };
            let mut child = cmd.spawn().unwrap();
            let mut line = String::new();
            BufReader::new(child.stdout.take().unwrap())
                .read_line(&mut line)
                .unwrap();
            assert_eq!(line, "ready\n");
            // Process-directed, as from `kill <coracle pid>`; pending until supervise.
            rustix::process::kill_process(rustix::process::getpid(), rustix::process::Signal::TERM)
                .unwrap();
            exit_code(supervise(Pid::from_child(&child), None).unwrap())
        }),
        7
    );
}

#[test]
fn supervise_relays_pty_output_and_input_eof() {
    assert_eq!(
        isolated("supervise_relays_pty_output_and_input_eof", || {
            let dir = tempfile::tempdir().unwrap();
            let out_path = dir.path().join("out");
            let out = std::fs::File::create(&out_path).unwrap();
            let (stdin_r, stdin_w) = rustix::pipe::pipe().unwrap();
            rustix::io::write(&stdin_w, b"ping\npartial").unwrap();
            drop(stdin_w);
            rustix::stdio::dup2_stdout(&out).unwrap();
            rustix::stdio::dup2_stdin(&stdin_r).unwrap();
            // A hang (EOF not relayed) turns into SIGALRM, forwarded: status 128+14.
            // SAFETY: plain alarm(2).
            unsafe { libc::alarm(20) };
            let _old = block_forwarded().unwrap();
            let pty = open_pty().unwrap();
            let child = spawn_on(&mut sh("cat >/dev/null; echo got-eof; exit 5"), &pty.slave);
            drop(pty.slave);
            let stdin = rustix::stdio::stdin();
            let stdout = rustix::stdio::stdout();
            let mut relay = Relay::terminal(pty.master, Some(stdin), stdout).unwrap();
            let status = supervise(Pid::from_child(&child), Some(&mut relay));
            let text = std::fs::read_to_string(&out_path).unwrap();
            assert!(text.contains("got-eof"), "output: {text:?}");
            exit_code(status.unwrap())
        }),
        5
    );
}

#[test]
fn supervise_drains_output_of_a_quick_child() {
    assert_eq!(
        isolated("supervise_drains_output_of_a_quick_child", || {
            let dir = tempfile::tempdir().unwrap();
            let out_path = dir.path().join("out");
            let out = std::fs::File::create(&out_path).unwrap();
            rustix::stdio::dup2_stdout(&out).unwrap();
            let _old = block_forwarded().unwrap();
            let pty = open_pty().unwrap();
            let child = spawn_on(&mut sh("seq 1 20000; exit 3"), &pty.slave);
            drop(pty.slave);
            let mut relay = Relay::terminal(pty.master, None, rustix::stdio::stdout()).unwrap();
            let status = supervise(Pid::from_child(&child), Some(&mut relay));
            let text = std::fs::read_to_string(&out_path).unwrap();
            assert!(
                text.ends_with("19999\r\n20000\r\n"),
                "tail: {:?}",
                &text[text.len().saturating_sub(40)..]
            );
            exit_code(status.unwrap())
        }),
        3
    );
}

/// An `exec_fn` running `sh -c script`, allocation-free after the fork.
fn exec_sh(script: &str) -> impl FnOnce() -> i32 {
    let argv: Vec<CString> = ["sh", "-c", script]
        .iter()
        .map(|s| CString::new(*s).unwrap())
        .collect();
    move || {
        let ptrs = [
            argv[0].as_ptr(),
            argv[1].as_ptr(),
            argv[2].as_ptr(),
            std::ptr::null(),
        ];
        // SAFETY: NUL-terminated strings and a null-terminated array.
        unsafe { libc::execv(c"/bin/sh".as_ptr(), ptrs.as_ptr()) };
        127
    }
}

#[test]
fn init_propagates_exit_code() {
    assert_eq!(
        isolated("init_propagates_exit_code", || run_init(exec_sh("exit 3"))),
        3
    );
}

#[test]
fn init_maps_a_signal_death_to_128_plus_n() {
    assert_eq!(
        isolated("init_maps_a_signal_death_to_128_plus_n", || {
            run_init(exec_sh("kill -TERM $$; sleep 5"))
        }),
        128 + libc::SIGTERM
    );
}

#[test]
fn init_exec_failure_code() {
    assert_eq!(isolated("init_exec_failure_code", || run_init(|| 126)), 126);
}

#[test]
fn init_forwards_signals() {
    assert_eq!(
        isolated("init_forwards_signals", || {
            let (r, w) = rustix::pipe::pipe().unwrap();
            let script = format!(
                "trap 'exit 7' TERM; echo ready >&{}; sleep 10 & wait",
                w.as_raw_fd()
            );
            // SAFETY: test code in a single-threaded process.
            let init = unsafe { libc::fork() };
            if init == 0 {
                drop(r);
                // The command writes to `w`; the init closes its own copy.
                run_init(exec_sh(&script));
            }
            drop(w);
            let mut line = String::new();
            BufReader::new(std::fs::File::from(r))
                .read_line(&mut line)
                .unwrap();
            assert_eq!(line, "ready\n");
            // SAFETY: signal and wait for our own child.
            unsafe { libc::kill(init, libc::SIGTERM) };
            let mut status = 0;
            unsafe { libc::waitpid(init, &mut status, 0) };
            exit_code(status)
        }),
        7
    );
}

/// Orphans a `sleep` that exits soon; then checks that the init (its parent) has
/// only the command as child left: the zombie was reaped.
const ORPHANS: &str = r#"sh -c 'sleep 0.1 &'; sleep 0.8
set -- $(cat /proc/$PPID/task/$PPID/children)
[ "$#" = 1 ] && [ "$1" = "$$" ] && exit 3
echo "children of init: $*" >&2; exit 9"#;

#[test]
fn init_reaps_orphans() {
    // The orphan is re-parented to the init: a subreaper here, PID 1 in a container.
    assert_eq!(
        isolated("init_reaps_orphans", || {
            become_subreaper().unwrap();
            run_init(exec_sh(ORPHANS))
        }),
        3
    );
}

/// Dups `fd` to `target` without close-on-exec (a descriptor a caller leaves open).
fn leak_as(fd: &OwnedFd, target: i32) {
    // SAFETY: dup2 onto a number this test process does not otherwise use.
    assert_eq!(unsafe { libc::dup2(fd.as_raw_fd(), target) }, target);
}

#[test]
fn init_closes_what_the_caller_left_open() {
    // The init holds nothing from 3 up once it runs; the command polls /proc for up
    // to 5 s until fd 9 of its parent, the init, is gone.
    assert_eq!(
        isolated("init_closes_what_the_caller_left_open", || {
            let (_r, w) = rustix::pipe::pipe().unwrap();
            leak_as(&w, 9);
            run_init(exec_sh(
                "test -e /proc/self/fd/9 || exit 8
                 for i in $(seq 50); do [ -e /proc/$PPID/fd/9 ] || exit 3; sleep 0.1; done
                 exit 9",
            ))
        }),
        3
    );
}

#[test]
fn supervise_relays_pipes_and_drains_them_after_the_exit() {
    assert_eq!(
        isolated(
            "supervise_relays_pipes_and_drains_them_after_the_exit",
            || {
                let dir = tempfile::tempdir().unwrap();
                let (out_path, err_path) = (dir.path().join("out"), dir.path().join("err"));
                let out = std::fs::File::create(&out_path).unwrap();
                let err = std::fs::File::create(&err_path).unwrap();
                let (stdin_r, stdin_w) = rustix::pipe::pipe().unwrap();
                rustix::io::write(&stdin_w, b"ping\n").unwrap();
                drop(stdin_w);
                rustix::stdio::dup2_stdin(&stdin_r).unwrap();
                // SAFETY: plain alarm(2): a hang becomes SIGALRM, forwarded: 128+14.
                unsafe { libc::alarm(20) };
                let old = block_forwarded().unwrap();
                let (parent, child_ends) = stdio::pipes(true).unwrap();
                // The child reads its stdin to the end, then writes more than a pipe holds
                // to both streams and exits at once.
                let mut cmd = sh("read line; cat >/dev/null; echo \"got $line\"; \
                              seq 1 50000; seq 1 30000 >&2; exit 4");
                // SAFETY: install and restore_mask are allocation-free.
                unsafe {
                    cmd.pre_exec(move || {
                        child_ends.install()?;
                        restore_mask(&old).map_err(std::io::Error::other)
                    });
                }
                let child = cmd.spawn().unwrap();
                drop(cmd);
                let mut relay =
                    Relay::pipes(parent, rustix::stdio::stdin(), out.as_fd(), err.as_fd()).unwrap();
                let status = supervise(Pid::from_child(&child), Some(&mut relay));
                let out = std::fs::read_to_string(&out_path).unwrap();
                let err = std::fs::read_to_string(&err_path).unwrap();
                assert!(out.starts_with("got ping\n1\n"), "{}", &out[..20]);
                assert!(out.ends_with("\n49999\n50000\n"), "stdout cut short");
                assert!(err.ends_with("\n29999\n30000\n"), "stderr cut short");
                exit_code(status.unwrap())
            }
        ),
        4
    );
}
