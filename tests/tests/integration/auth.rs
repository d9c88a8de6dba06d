//! TLS with a private CA and basic auth: login, logout, --cert-dir, --authfile.

use coracle_tests::{skopeo_inspect, testbed, Sandbox};

fn login(sb: &Sandbox, extra: &[&str], password: &str) -> coracle_tests::Run {
    let tb = testbed();
    let mut args = vec!["login", "-u", tb.tls_user.as_str(), "--password-stdin"];
    args.extend_from_slice(extra);
    args.push(tb.tls_registry.as_str());
    sb.coracle_with(&args, &[], Some(format!("{password}\n").as_bytes()))
}

#[test]
fn pull_over_tls_needs_login() {
    let tb = testbed();
    let sb = Sandbox::new("auth-login");
    sb.trust_tls_ca();
    let reference = format!("{}/busybox:latest", tb.tls_registry);

    let anonymous = sb.coracle(&["pull", &reference]);
    anonymous.code(125);
    assert!(
        anonymous.stderr.contains("authentication required"),
        "{}",
        anonymous.stderr
    );
    assert_eq!(sb.coracle(&["images", "-q"]).success().stdout, "");

    let wrong = login(&sb, &[], "not-the-password");
    wrong.code(125);
    assert!(
        wrong.stderr.contains("invalid username or password"),
        "{}",
        wrong.stderr
    );

    let ok = login(&sb, &[], &tb.tls_password);
    assert!(
        ok.success().stdout.contains("Login Succeeded"),
        "{}",
        ok.stdout
    );
    let auth_json = sb.dir.join("run/containers/auth.json");
    let stored: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&auth_json).unwrap()).unwrap();
    assert!(
        stored["auths"][tb.tls_registry.as_str()]["auth"].is_string(),
        "{stored}"
    );

    let pulled = sb.coracle(&["pull", "-q", &reference]);
    pulled.success();
    let digest = sb.coracle(&["image", "inspect", "--format", "{{.Digest}}", &reference]);
    let plain_digest = skopeo_inspect(&format!("{}/busybox:latest", tb.registry))["Digest"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(digest.success().stdout.trim(), plain_digest);

    sb.coracle(&["logout", &tb.tls_registry]).success();
    sb.coracle(&["rmi", &reference]).success();
    sb.coracle(&["pull", &reference]).code(125);
    sb.coracle(&["logout", &tb.tls_registry]).code(125);
}

#[test]
fn tls_without_trusted_ca_fails_and_cert_dir_or_tls_verify_false_work() {
    let tb = testbed();
    let sb = Sandbox::new("auth-certs");
    let reference = format!("{}/busybox:latest", tb.tls_registry);
    let creds = format!("{}:{}", tb.tls_user, tb.tls_password);
    let untrusted = sb.coracle(&["pull", "--creds", &creds, &reference]);
    untrusted.code(125);
    assert!(
        untrusted.stderr.to_lowercase().contains("certificate"),
        "{}",
        untrusted.stderr
    );

    let certs = sb.dir.join("work/certs");
    std::fs::create_dir_all(&certs).unwrap();
    std::fs::copy(&tb.tls_ca, certs.join("ca.crt")).unwrap();
    crate::util::chown_to_user(&certs);
    sb.coracle(&[
        "pull",
        "-q",
        "--creds",
        &creds,
        "--cert-dir",
        certs.to_str().unwrap(),
        &reference,
    ])
    .success();

    let other = Sandbox::new("auth-insecure");
    other
        .coracle(&[
            "pull",
            "-q",
            "--creds",
            &creds,
            "--tls-verify=false",
            &reference,
        ])
        .success();
}

#[test]
fn authfile_flag_and_push_with_credentials() {
    let tb = testbed();
    let sb = Sandbox::new("auth-authfile");
    sb.trust_tls_ca();
    let authfile = sb.dir.join("work/my-auth.json");
    let authfile_s = authfile.to_str().unwrap();
    login(&sb, &["--authfile", authfile_s], &tb.tls_password).success();
    assert!(authfile.exists());
    assert!(
        !sb.dir.join("run/containers/auth.json").exists(),
        "--authfile was ignored"
    );
    let reference = format!("{}/busybox:latest", tb.tls_registry);
    sb.coracle(&["pull", "-q", &reference]).code(125);
    sb.coracle(&["pull", "-q", "--authfile", authfile_s, &reference])
        .success();
    let dest = format!("{}/pushed-auth-{}:v1", tb.tls_registry, std::process::id());
    sb.coracle(&["tag", &reference, &dest]).success();
    sb.coracle(&["push", "-q", "--authfile", authfile_s, &dest])
        .success();
    let stored = sb
        .coracle(&["image", "inspect", "--format", "{{.Digest}}", &dest])
        .success()
        .stdout
        .trim()
        .to_string();
    let check = std::process::Command::new("skopeo")
        .args([
            "inspect",
            "--tls-verify=false",
            "--format",
            "{{.Digest}}",
            "--creds",
        ])
        .arg(format!("{}:{}", tb.tls_user, tb.tls_password))
        .arg(format!("docker://{dest}"))
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&check.stdout).trim(), stored);
}

#[test]
fn bearer_tokens_docker_hub_style() {
    let tb = testbed();
    let sb = Sandbox::new("auth-token");
    let public = format!("{}/busybox:latest", tb.token_registry);
    let private = format!("{}/private/busybox:latest", tb.token_registry);
    let insecure = "--tls-verify=false";

    // Anonymous: the registry answers 401 with a Bearer challenge, the token server
    // grants pull of public repositories.
    sb.coracle(&["pull", "-q", insecure, &public]).success();
    let digest = sb.coracle(&["image", "inspect", "--format", "{{.Digest}}", &public]);
    assert_eq!(
        digest.success().stdout.trim(),
        skopeo_inspect(&tb.fixture("busybox"))["Digest"]
            .as_str()
            .unwrap()
    );

    // A private repository needs credentials: a clear error, exit 125, nothing stored.
    let denied = sb.coracle(&["pull", "-q", insecure, &private]);
    denied.code(125);
    assert!(
        denied.stderr.contains("authentication required")
            && denied.stderr.contains("coracle login"),
        "{}",
        denied.stderr
    );
    assert_eq!(denied.stderr.lines().count(), 1, "{}", denied.stderr);
    sb.coracle(&["image", "exists", &private]).code(1);

    // Login checks the password against the token server.
    let login = |password: &str| {
        sb.coracle_with(
            &[
                "login",
                insecure,
                "-u",
                &tb.tls_user,
                "--password-stdin",
                &tb.token_registry,
            ],
            &[],
            Some(format!("{password}\n").as_bytes()),
        )
    };
    let wrong = login("not-the-password");
    wrong.code(125);
    assert!(
        wrong.stderr.contains("invalid username or password"),
        "{}",
        wrong.stderr
    );
    login(&tb.tls_password).success();
    sb.coracle(&["pull", "-q", insecure, &private]).success();

    // Push with a token that grants push, then read it back.
    let copy = format!(
        "{}/private/copy-{}:latest",
        tb.token_registry,
        std::process::id()
    );
    sb.coracle(&["push", insecure, &private, &copy]).success();
    sb.coracle(&["rmi", &private]).success();
    sb.coracle(&["pull", "-q", insecure, &copy]).success();
}
