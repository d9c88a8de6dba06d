//! `--detach-keys` through a real terminal (tmux), as the unprivileged user: `attach`
//! and `start -a` join the terminal of a detached `-t` container held by its monitor;
//! ctrl-p,ctrl-q detaches (exit 0) and the container runs on; `exec -it` detaches and
//! its process runs on; `--detach-keys ""` passes the keys to the container; a bad
//! sequence is refused with 125.

use coracle_tests::Sandbox;

use crate::exec::RemoveAll;
use crate::run::with_image;
use crate::terminal::{coracle_line, Tmux};

fn status_of(sb: &Sandbox, name: &str) -> String {
    let format = "{{.State.Status}} {{.State.ExitCode}}";
    let out = sb.coracle(&["inspect", "--format", format, name]);
    out.success().stdout.trim().to_string()
}

/// `LINE; r=$?; echo; echo "TAG=$r"`: the exit code on a line of its own (the
/// container's prompt may end the pane's last line).
fn then_exit_code(line: &str, tag: &str) -> String {
    format!("{line}; r=$?; echo; echo \"{tag}=$r\"")
}

/// A shell loop that prints `tick-TAG` until a line is typed, then exits 3.
fn ticker(tag: &str) -> String {
    format!("while :; do echo tick-{tag}; read -t 1 x && exit 3; done")
}

#[test]
fn attach_detaches_on_ctrl_p_ctrl_q_and_the_container_runs_on() {
    let (sb, img) = with_image("detach-attach", "busybox");
    let _cleanup = RemoveAll(&sb);
    sb.coracle(&["run", "-dit", "--name", "att", &img, "sh"])
        .success();
    let tmux = Tmux::start("detach-attach", 120, 40);
    let attach = coracle_line(&sb, &["attach", "att"]);
    tmux.type_line(&then_exit_code(&attach, "attach-exit"));
    // Typed into the container's shell through the monitor; its terminal has the
    // caller's size, and follows a resize.
    tmux.type_line("echo inside-$((6*7)); stty size");
    tmux.wait_for_line("inside-42");
    tmux.wait_for_line("40 120");
    tmux.resize(100, 30);
    tmux.type_line("stty size");
    tmux.wait_for_line("30 100");
    tmux.send_keys(&["C-p", "C-q"]);
    tmux.wait_for_line("attach-exit=0");
    assert_eq!(status_of(&sb, "att"), "running 0", "after detaching");
    // Attached again, the shell is still there; its exit ends the attach with its code.
    let again = coracle_line(&sb, &["attach", "att"]);
    tmux.type_line(&then_exit_code(&again, "again-exit"));
    tmux.type_line("echo still-$((6*7))");
    tmux.wait_for_line("still-42");
    tmux.type_line("exit 5");
    tmux.wait_for_line("again-exit=5");
    assert_eq!(status_of(&sb, "att"), "exited 5");
}

#[test]
fn start_attach_detaches_and_empty_detach_keys_pass_the_keys_on() {
    let (sb, img) = with_image("detach-start", "busybox");
    let _cleanup = RemoveAll(&sb);
    for name in ["one", "two"] {
        let script = ticker(name);
        sb.coracle(&["create", "-it", "--name", name, &img, "sh", "-c", &script])
            .success();
    }
    let tmux = Tmux::start("detach-start", 120, 40);
    // Default keys: start -a detaches, the container runs on.
    let start = coracle_line(&sb, &["start", "-a", "one"]);
    tmux.type_line(&then_exit_code(&start, "one-exit"));
    tmux.wait_for_line("tick-one");
    tmux.send_keys(&["C-p", "C-q"]);
    tmux.wait_for_line("one-exit=0");
    assert_eq!(status_of(&sb, "one"), "running 0", "after detaching");
    // --detach-keys "": the keys reach the container, which reads a line and exits 3.
    let start = coracle_line(&sb, &["start", "-a", "--detach-keys", "", "two"]);
    tmux.type_line(&then_exit_code(&start, "two-exit"));
    tmux.wait_for_line("tick-two");
    tmux.send_keys(&["C-p", "C-q"]);
    tmux.type_line("x");
    tmux.wait_for_line("two-exit=3");
    assert_eq!(status_of(&sb, "two"), "exited 3");
}

#[test]
fn exec_it_detaches_and_its_process_runs_on() {
    let (sb, img) = with_image("detach-exec", "busybox");
    let _cleanup = RemoveAll(&sb);
    sb.coracle(&["run", "-d", "--name", "host", &img, "sleep", "1000"])
        .success();
    let tmux = Tmux::start("detach-exec", 120, 40);
    let exec = coracle_line(&sb, &["exec", "-it", "host", "sh"]);
    tmux.type_line(&then_exit_code(&exec, "exec-exit"));
    tmux.type_line("echo $$ >/tmp/session; echo in-exec-$((6*7))");
    tmux.wait_for_line("in-exec-42");
    tmux.send_keys(&["C-p", "C-q"]);
    tmux.wait_for_line("exec-exit=0");
    // The session's shell is still there, and keeps its terminal.
    let alive = sb.coracle(&[
        "exec",
        "host",
        "sh",
        "-c",
        "kill -0 $(cat /tmp/session) && echo alive",
    ]);
    assert_eq!(alive.success().stdout.trim(), "alive");
    assert_eq!(status_of(&sb, "host"), "running 0");
}

#[test]
fn start_attach_without_a_terminal_prints_its_output_and_exit_code() {
    let (sb, img) = with_image("detach-start-plain", "busybox");
    let _cleanup = RemoveAll(&sb);
    let script = "echo out-$((6*7)); echo err-$((6*7)) >&2; exit 4";
    sb.coracle(&["create", "--name", "plain", &img, "sh", "-c", script])
        .success();
    for round in ["first", "second"] {
        let run = sb.coracle(&["start", "-a", "plain"]);
        run.code(4);
        // Only this start's output, each on its own stream.
        assert_eq!(run.stdout, "out-42\n", "{round}");
        assert_eq!(run.stderr, "err-42\n", "{round}");
    }
}

#[test]
fn start_attach_to_a_quick_terminal_container_misses_nothing() {
    let (sb, img) = with_image("detach-start-quick", "busybox");
    let _cleanup = RemoveAll(&sb);
    let script = "echo quick-$((6*7)); exit 6";
    sb.coracle(&["create", "-t", "--name", "quick", &img, "sh", "-c", script])
        .success();
    // The container may print and end before start -a connects to its monitor:
    // its output comes from what the monitor kept, or from its log.
    for round in ["first", "second"] {
        let run = sb.coracle(&["start", "-a", "quick"]);
        run.code(6);
        assert_eq!(run.stdout.trim(), "quick-42", "{round}");
    }
}

#[test]
fn bad_detach_keys_are_refused_with_125() {
    let (sb, img) = with_image("detach-bad", "busybox");
    let _cleanup = RemoveAll(&sb);
    sb.coracle(&["run", "-dit", "--name", "bad", &img, "sh"])
        .success();
    sb.coracle(&["create", "-it", "--name", "created", &img, "sh"])
        .success();
    for args in [
        vec!["attach", "--detach-keys", "ctrl-1", "bad"],
        vec!["start", "-a", "--detach-keys", "ctrl-pp", "created"],
        vec!["exec", "-it", "--detach-keys", "ctrl-", "bad", "true"],
        vec!["run", "--rm", "-it", "--detach-keys", "ab", &img, "true"],
    ] {
        let run = sb.coracle(&args);
        run.code(125);
        let stderr = run.stderr.trim();
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains("--detach-keys"), "{args:?}: {stderr}");
    }
    assert!(
        status_of(&sb, "created").starts_with("created"),
        "a refused start -a started it"
    );
}

#[test]
fn attach_without_a_terminal_follows_the_output_until_the_end() {
    use std::io::{BufRead, BufReader, Read};
    let (sb, img) = with_image("detach-attach-plain", "busybox");
    let _cleanup = RemoveAll(&sb);
    // It ticks until told to go, so the test knows when the attach is following.
    let script = "while [ ! -e /tmp/go ]; do echo tick; sleep 0.2; done; \
                  echo out-$((6*7)); echo err-$((6*7)) >&2; exit 4";
    sb.coracle(&["run", "-d", "--name", "plain", &img, "sh", "-c", script])
        .success();
    let mut attach = sb.command(&["attach", "plain"]).spawn().unwrap();
    let mut stdout = BufReader::new(attach.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert_eq!(line, "tick\n", "the attach follows the output");
    sb.coracle(&["exec", "plain", "touch", "/tmp/go"]).success();
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    let mut stderr = String::new();
    attach
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = attach.wait().unwrap();
    assert_eq!(status.code(), Some(4), "{rest}{stderr}");
    // Its output up to the end, each stream on its own.
    assert!(rest.ends_with("out-42\n"), "{rest}");
    assert!(rest.lines().all(|l| l == "tick" || l == "out-42"), "{rest}");
    assert_eq!(stderr, "err-42\n");

    sb.coracle(&[
        "run",
        "-d",
        "--name",
        "silent",
        "--log-driver",
        "none",
        &img,
        "sleep",
        "100",
    ])
    .success();
    let refused = sb.coracle(&["attach", "silent"]);
    refused.code(125);
    assert!(
        refused.stderr.contains("--log-driver none") && refused.stderr.lines().count() == 1,
        "{refused}"
    );
}
