//! What a container gets from its caller, as the unprivileged user: never the caller's
//! terminal (no TIOCSTI into the caller's shell, with or without `-i`), a pty from its
//! own devpts with `-t`, no file descriptor above 2, and no inheritable capabilities.

use std::time::Duration;

use coracle_tests::{coracle_bin, testbed, Sandbox};

use crate::run::{run, with_image};

/// A tmux server of the test user with one pane running an interactive `sh`.
pub(crate) struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts the server and its shell in a `width` x `height` window.
    pub(crate) fn start(name: &str, width: u16, height: u16) -> Tmux {
        let tmux = Tmux {
            socket: format!("coracle-{name}-{}", std::process::id()),
        };
        let (w, h) = (width.to_string(), height.to_string());
        let started = tmux.cmd(&["new-session", "-d", "-x", &w, "-y", &h, "sh"]);
        assert!(
            started.status.success(),
            "cannot start tmux: {}",
            String::from_utf8_lossy(&started.stderr)
        );
        tmux
    }

    fn cmd(&self, args: &[&str]) -> std::process::Output {
        std::process::Command::new("runuser")
            .args(["-u", &testbed().user, "--", "tmux", "-L", &self.socket])
            .args(args)
            .output()
            .expect("run tmux")
    }

    /// Types `line` and Enter into the pane.
    pub(crate) fn type_line(&self, line: &str) {
        let sent = self.cmd(&["send-keys", "-l", line]);
        assert!(sent.status.success(), "tmux send-keys failed");
        self.cmd(&["send-keys", "Enter"]);
    }

    /// Sends tmux key names (such as `C-p`) to the pane.
    pub(crate) fn send_keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        assert!(
            self.cmd(&args).status.success(),
            "tmux send-keys {keys:?} failed"
        );
    }

    /// Resizes the window to `width` x `height`.
    pub(crate) fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        let done = self.cmd(&["resize-window", "-x", &w, "-y", &h]);
        assert!(done.status.success(), "tmux resize-window failed");
    }

    /// The pane's whole history and screen, wrapped lines joined.
    fn screen(&self) -> String {
        let out = self.cmd(&["capture-pane", "-p", "-J", "-S", "-"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits up to 60 s (the machine may be loaded) for a line of the pane that is
    /// exactly `line` (after trimming).
    pub(crate) fn wait_for_line(&self, line: &str) -> String {
        for _ in 0..600 {
            let screen = self.screen();
            if screen.lines().any(|l| l.trim() == line) {
                return screen;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("no line {line:?} in the pane:\n{}", self.screen());
    }

    /// Types `command`, then a marker, and returns the screen once the shell printed
    /// the marker: the command has finished and the shell read its next input.
    pub(crate) fn run_to_end(&self, command: &str, marker: &str) -> String {
        self.type_line(&format!(
            "{command}; echo \"exit=$?\"; echo {marker}-$((6*7))"
        ));
        self.wait_for_line(&format!("{marker}-42"))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.cmd(&["kill-server"]);
    }
}

/// A shell command line running coracle `args` with the sandbox's environment, in a
/// subshell so that the calling interactive shell keeps running.
pub(crate) fn coracle_line(sb: &Sandbox, args: &[&str]) -> String {
    format!("( {} )", sb.shell_command(args))
}

#[test]
fn tiocsti_without_a_terminal_injects_nothing_into_the_callers_shell() {
    let (sb, img) = with_image("term-tiocsti", "tiocsti");
    let tmux = Tmux::start("tiocsti", 120, 40);
    // "early": a network namespace of its own, so the container process is cloned
    // before its spec is known (see coracle_runtime's process::early).
    for (case, extra) in [
        ("plain", &[][..]),
        ("interactive", &["-i"][..]),
        ("early", &["-i", "--network", "none"][..]),
    ] {
        let pwned = sb.work().join(format!("pwned-{case}"));
        let touch = format!("touch {}", pwned.display());
        let mut args = vec!["run", "--rm"];
        args.extend_from_slice(extra);
        args.extend([img.as_str(), "tiocsti", &touch, "/dev/tty", "0", "2"]);
        let screen = tmux.run_to_end(&coracle_line(&sb, &args), &format!("done-{case}"));
        // A line pushed into the terminal's input would be read by the shell after
        // the marker line; a second marker proves that the shell has read it by now.
        let screen_after = tmux.run_to_end("true", &format!("after-{case}"));
        assert!(
            !pwned.exists(),
            "{case}: the container typed into the caller's shell:\n{screen_after}"
        );
        for target in ["/dev/tty", "0", "2"] {
            assert!(
                screen
                    .lines()
                    .any(|l| l.trim().starts_with(&format!("{target}: refused"))),
                "{case}: tiocsti did not report {target} as refused:\n{screen}"
            );
        }
        assert!(
            screen.lines().any(|l| l.trim() == "exit=0"),
            "{case}: tiocsti did not exit 0 (nothing injected):\n{screen}"
        );
    }
}

#[test]
fn a_tty_comes_from_the_containers_own_devpts() {
    let (sb, img) = with_image("term-devpts", "busybox");
    let tmux = Tmux::start("devpts", 100, 30);
    let line = coracle_line(
        &sb,
        &["run", "--rm", "-it", &img, "sh", "-c", "tty; ls /dev/pts"],
    );
    let screen = tmux.run_to_end(&line, "done-tty");
    // Under load the caller's shell may print its prompt before the container's
    // first line (the typed line is echoed in pieces): "$ /dev/pts/0".
    let lines: Vec<&str> = screen
        .lines()
        .map(|l| l.trim().trim_start_matches("$ ").trim())
        .collect();
    assert!(
        lines.contains(&"/dev/pts/0"),
        "tty does not name the container's /dev/pts/0:\n{screen}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["0", "ptmx"]),
        "/dev/pts does not list exactly 0 and ptmx:\n{screen}"
    );
    assert!(lines.contains(&"exit=0"), "{screen}");
    // A non-root user owns its terminal and can reopen it, as with runc; here in a
    // container cloned before its spec was known (a network namespace of its own).
    let line = coracle_line(
        &sb,
        &[
            "run",
            "--rm",
            "-it",
            "--network",
            "none",
            "-u",
            "app",
            &img,
            "sh",
            "-c",
            "stat -c %U /dev/pts/0; echo reopened >/dev/tty",
        ],
    );
    let screen = tmux.run_to_end(&line, "done-user");
    let lines: Vec<&str> = screen.lines().map(str::trim).collect();
    assert!(
        lines.contains(&"app") && lines.contains(&"reopened") && lines.contains(&"exit=0"),
        "the user's terminal:\n{screen}"
    );
}

#[test]
fn without_a_terminal_stdio_is_null_and_pipes_in_a_new_session() {
    let (sb, img) = with_image("term-stdio", "busybox");
    let look = "for fd in 0 1 2; do readlink /proc/self/fd/$fd; done; \
                cut -d' ' -f6 /proc/self/stat; (: </dev/tty) 2>/dev/null \
                && echo has-tty || echo no-tty";
    for extra in [&[][..], &["--init"][..], &["--network", "none"][..]] {
        let out = run(&sb, &img, extra, &["sh", "-c", look]);
        let words: Vec<&str> = out.success().stdout.split_whitespace().collect();
        assert_eq!(words.len(), 5, "{extra:?}: {}", out.stdout);
        assert_eq!(words[0], "/dev/null", "{extra:?}: stdin");
        assert!(
            words[1].starts_with("pipe:") && words[2].starts_with("pipe:"),
            "{extra:?}: stdout and stderr are not pipes: {}",
            out.stdout
        );
        // The container's PID 1 leads its own session (getsid would say 0 if the
        // session's leader were outside the container's PID namespace).
        assert_eq!(words[3], "1", "{extra:?}: session id");
        assert_eq!(words[4], "no-tty", "{extra:?}: a controlling terminal");
        // No signal is ignored because the caller ignored it (coracle ignores SIGPIPE).
        let ignored = run(&sb, &img, extra, &["grep", "SigIgn", "/proc/self/status"]);
        assert_eq!(
            ignored.success().stdout.trim(),
            "SigIgn:\t0000000000000000",
            "{extra:?}"
        );
    }
    // -i: stdin is a pipe fed from coracle's stdin, and its end reaches the container.
    let piped = sb.coracle_with(
        &[
            "run",
            "--rm",
            "-i",
            &img,
            "sh",
            "-c",
            "readlink /proc/self/fd/0; cat; echo eof-seen",
        ],
        &[],
        Some(b"hello\nworld"),
    );
    let text = &piped.success().stdout;
    assert!(text.starts_with("pipe:"), "{text}");
    assert!(text.ends_with("\nhello\nworldeof-seen\n"), "{text}");
    // A non-root user can reopen its streams (they are given to it, as runc does).
    let reopen = run(
        &sb,
        &img,
        &["-u", "app"],
        &["sh", "-c", "echo out >/dev/stdout; echo err >/dev/stderr"],
    );
    assert_eq!(
        (reopen.success().stdout.as_str(), reopen.stderr.as_str()),
        ("out\n", "err\n")
    );
}

#[test]
fn all_output_is_relayed_before_coracle_exits() {
    let (sb, img) = with_image("term-drain", "busybox");
    // 600 kB on stdout and a last line on stderr, written just before the exit.
    let out = run(
        &sb,
        &img,
        &[],
        &["sh", "-c", "seq 1 100000; echo last-words >&2; exit 3"],
    );
    out.code(3);
    assert_eq!(out.stdout.lines().count(), 100000, "stdout was cut short");
    assert!(out.stdout.ends_with("\n99999\n100000\n"));
    assert_eq!(out.stderr, "last-words\n");
}

#[test]
fn no_file_descriptor_of_the_caller_above_2_reaches_the_container() {
    let (sb, img) = with_image("term-fds", "busybox");
    let coracle = coracle_bin().to_string_lossy().into_owned();
    for extra in ["", "--init", "--network none"] {
        // The shell opens fd 5 without close-on-exec, checks it, and execs coracle.
        let script = format!(
            "exec 5</etc/hostname; test -e /proc/self/fd/5 || exit 99; \
             exec \"$0\" run --rm {extra} {img} ls /proc/self/fd"
        );
        let out = sb.run_as_user("sh", &["-c", &script, &coracle], &[], None);
        let fds: Vec<&str> = out.success().stdout.split_whitespace().collect();
        // ls itself has the directory open as fd 3.
        assert_eq!(fds, ["0", "1", "2", "3"], "{extra}: {}", out.stdout);
    }
}

/// The lines of `/proc/self/status` starting with `Cap`, as "CapXxx:value".
fn capabilities(status: &str) -> Vec<String> {
    status
        .lines()
        .filter(|l| l.starts_with("Cap"))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(""))
        .collect()
}

#[test]
fn the_inheritable_capability_set_is_empty() {
    let (sb, img) = with_image("term-capinh", "busybox");
    let root = run(&sb, &img, &[], &["cat", "/proc/self/status"]);
    assert_eq!(
        capabilities(&root.success().stdout),
        [
            "CapInh:0000000000000000",
            "CapPrm:00000000800405fb",
            "CapEff:00000000800405fb",
            "CapBnd:00000000800405fb",
            "CapAmb:0000000000000000",
        ]
    );
    let app = run(&sb, &img, &["-u", "app"], &["cat", "/proc/self/status"]);
    assert_eq!(
        capabilities(&app.success().stdout),
        [
            "CapInh:0000000000000000",
            "CapPrm:0000000000000000",
            "CapEff:0000000000000000",
            "CapBnd:00000000800405fb",
            "CapAmb:0000000000000000",
        ]
    );
    // An added capability does not reach the inheritable set either.
    let added = run(
        &sb,
        &img,
        &["-u", "1000", "--cap-add", "net_raw"],
        &["grep", "^CapInh", "/proc/self/status"],
    );
    assert_eq!(
        capabilities(&added.success().stdout),
        ["CapInh:0000000000000000"]
    );
}
