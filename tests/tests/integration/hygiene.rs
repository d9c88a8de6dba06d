//! Input hygiene: names and hostnames that cannot inject lines, a password prompt that
//! does not echo, a private store, and a plain-HTTP registry met with the fix named.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use coracle_tests::{testbed, Sandbox};

use crate::util::store_dir;

/// The one `Error: ` line of a failed command's stderr.
fn error_line(stderr: &str) -> &str {
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("Error: "))
        .collect();
    assert_eq!(errors.len(), 1, "expected one error line:\n{stderr}");
    errors[0]
}

#[test]
fn bad_names_and_hostnames_are_refused_before_any_work() {
    let tb = testbed();
    let sb = Sandbox::new("hygiene-names");
    let image = tb.fixture("busybox");
    let refused = |flag: &str, value: &str, rule: &str| {
        let flag_value = format!("{flag}={value}");
        let run = sb.coracle(&[
            "run",
            "--rm",
            "--tls-verify=false",
            &flag_value,
            &image,
            "true",
        ]);
        run.code(125);
        let line = error_line(&run.stderr);
        assert!(
            line.contains(flag) && line.contains(rule),
            "the error names neither {flag} nor its rule:\n{run}"
        );
    };
    let name_rule = "[a-zA-Z0-9][a-zA-Z0-9_.-]*";
    for bad in ["a b", "-x", "_x", "x/y", "x\n127.0.0.1 bank.example", ""] {
        refused("--name", bad, name_rule);
    }
    let label63 = "a".repeat(63);
    let too_long = [label63.as_str(); 4].join(".");
    for bad in [
        "evil\n6.6.6.6 bank.example",
        "a b",
        "-host",
        "host-",
        "a..b",
        "under_score",
        &"a".repeat(64),
        &too_long,
        "",
    ] {
        refused("--hostname", bad, "RFC 1123");
    }
    // Refused before the image was looked up, pulled or the store was opened.
    assert!(
        !store_dir(&sb).exists(),
        "a refused run created the store at {}",
        store_dir(&sb).display()
    );

    let ok = sb.coracle(&[
        "run",
        "--rm",
        "--tls-verify=false",
        "--name",
        "web.1_a-b",
        "--hostname",
        "My-Host.example",
        &image,
        "sh",
        "-c",
        "hostname; grep -c . /etc/hosts; grep My-Host /etc/hosts",
    ]);
    let out = ok.success().stdout.clone();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.first(), Some(&"My-Host.example"), "{ok}");
    assert!(
        lines
            .last()
            .is_some_and(|l| l.ends_with("My-Host.example web.1_a-b")),
        "{ok}"
    );
}

/// A tmux server of the test user's own, killed on drop.
struct Tmux {
    socket: String,
}

impl Tmux {
    /// Start a detached session running the shell command line `command`.
    fn start(tag: &str, command: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("coracle-{tag}-{}", std::process::id()),
        };
        let started = tmux.call(&["new-session", "-d", "-x", "120", "-y", "30", command]);
        assert!(
            started.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&started.stderr)
        );
        tmux
    }

    fn call(&self, args: &[&str]) -> Output {
        let tb = testbed();
        Command::new("runuser")
            .args(["-u", &tb.user, "--", "tmux", "-L", &self.socket])
            .args(args)
            .output()
            .expect("cannot run tmux")
    }

    /// What the pane shows now.
    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.call(&["capture-pane", "-p"]).stdout).into_owned()
    }

    /// Wait up to 30 s for `needle` on the screen; the screen at that moment.
    fn wait_for(&self, needle: &str) -> String {
        for _ in 0..300 {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!(
            "{needle:?} never appeared on the screen:\n{}",
            self.screen()
        );
    }

    /// Type `text` literally, then Enter.
    fn type_line(&self, text: &str) {
        assert!(self.call(&["send-keys", "-l", text]).status.success());
        assert!(self.call(&["send-keys", "Enter"]).status.success());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.call(&["kill-server"]);
    }
}

#[test]
fn login_password_prompt_does_not_echo() {
    let tb = testbed();
    let sb = Sandbox::new("hygiene-login-tty");
    sb.trust_tls_ca();
    let login = sb.shell_command(&["login", "-u", &tb.tls_user, &tb.tls_registry]);
    // After coracle: its status, and whether the terminal echoes again.
    let tmux = Tmux::start(
        "login",
        &format!(
            "({login}); echo login-exit=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo; sleep 60"
        ),
    );
    tmux.wait_for("Password:");
    tmux.type_line(&tb.tls_password);
    let screen = tmux.wait_for("login-exit=");
    assert!(
        screen.contains("Login Succeeded") && screen.contains("login-exit=0"),
        "login failed:\n{screen}"
    );
    assert!(
        !screen.contains(&tb.tls_password),
        "the password was echoed:\n{screen}"
    );
    let echo = tmux.wait_for("echo");
    assert!(
        echo.lines().any(|l| l == "echo"),
        "the terminal's echo was not switched back on:\n{echo}"
    );
    let stored = std::fs::read_to_string(sb.runtime().join("containers/auth.json")).unwrap();
    assert!(stored.contains(&tb.tls_registry), "{stored}");

    // Without a terminal there is nobody to ask: the error names the flag to use.
    let no_tty = sb.coracle(&["login", "-u", &tb.tls_user, &tb.tls_registry]);
    no_tty.code(125);
    assert!(
        error_line(&no_tty.stderr).contains("--password-stdin"),
        "{no_tty}"
    );
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o7777
}

#[test]
fn the_store_is_private_whenever_coracle_opens_it() {
    let sb = Sandbox::new("hygiene-store-mode");
    let store = store_dir(&sb);
    // A store directory made by someone else first, readable by all.
    sb.write("data/coracle/.keep", "");
    std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o755)).unwrap();
    sb.coracle(&["images", "-q"]).success();
    assert_eq!(mode(&store), 0o700, "first open");
    for wide in [0o777, 0o755, 0o711] {
        std::fs::set_permissions(&store, std::fs::Permissions::from_mode(wide)).unwrap();
        sb.coracle(&["images", "-q"]).success();
        assert_eq!(
            mode(&store),
            0o700,
            "after opening a store of mode {wide:o}"
        );
    }
}

#[test]
fn a_plain_http_registry_under_default_tls_gets_the_fix_named() {
    let tb = testbed();
    let sb = Sandbox::new("hygiene-plain-http");
    let image = tb.fixture("busybox");
    let pull = sb.coracle(&["pull", &image]);
    pull.code(125);
    let line = error_line(&pull.stderr);
    assert!(
        line.contains(&tb.registry)
            && line.contains("plain HTTP")
            && line.contains("--tls-verify=false")
            && line.contains("insecure = true")
            && line.contains("registries.conf"),
        "the error does not name the fix:\n{pull}"
    );
    assert!(!pull.stderr.contains("InvalidContentType"), "{pull}");
    assert_eq!(sb.coracle(&["images", "-q"]).success().stdout, "");

    // Both fixes it names work.
    sb.coracle(&["pull", "-q", "--tls-verify=false", &image])
        .success();
    let other = Sandbox::new("hygiene-plain-http-conf");
    other.write(
        "config/containers/registries.conf",
        &format!(
            "[[registry]]\nlocation = \"{}\"\ninsecure = true\n",
            tb.registry
        ),
    );
    other.coracle(&["pull", "-q", &image]).success();
}
