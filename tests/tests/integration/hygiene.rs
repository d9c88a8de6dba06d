//! Input hygiene: names and hostnames that cannot inject lines, a password prompt that
//! does not echo, a private store, and a plain-HTTP registry met with the fix named.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use coracle_tests::{testbed, Sandbox};

use crate::terminal::{coracle_line, Tmux};
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
    // `create` and `rename` follow the same rules.
    let create = sb.coracle(&["create", "--hostname=a\nb", &image]);
    create.code(125);
    assert!(error_line(&create.stderr).contains("RFC 1123"), "{create}");
    let rename = sb.coracle(&["rename", "some-container", "new\nname"]);
    rename.code(125);
    assert!(error_line(&rename.stderr).contains(name_rule), "{rename}");
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

#[test]
fn login_password_prompt_does_not_echo() {
    let tb = testbed();
    let sb = Sandbox::new("hygiene-login-tty");
    sb.trust_tls_ca();
    let tmux = Tmux::start("login", 120, 30);
    let login = coracle_line(&sb, &["login", "-u", &tb.tls_user, &tb.tls_registry]);
    tmux.type_line(&format!("{login}; echo login-exit=$?"));
    tmux.wait_for_line("Password:");
    tmux.type_line(&tb.tls_password);
    let screen = tmux.wait_for_line("login-exit=0");
    assert!(
        screen.contains("Login Succeeded"),
        "login failed:\n{screen}"
    );
    assert!(
        !screen.contains(&tb.tls_password),
        "the password was echoed:\n{screen}"
    );
    // The terminal echoes again once coracle is done.
    let modes = tmux.run_to_end(
        "stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo",
        "stty",
    );
    assert!(
        modes.lines().any(|l| l.trim() == "echo"),
        "the terminal's echo was not switched back on:\n{modes}"
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
