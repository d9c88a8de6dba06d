//! A private directory tree per test, owned by the test user.

use std::os::unix::fs::{chown, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::bed::testbed;
use crate::binary::coracle_bin;
use crate::run::{shell_words, Run};

const PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// A fresh directory (mode 0700, owned by the test user) holding `home/`, `data/`
/// (XDG_DATA_HOME), `config/` (XDG_CONFIG_HOME), `run/` (XDG_RUNTIME_DIR) and `work/`
/// (the working directory of commands). Removed on drop unless `CORACLE_TEST_KEEP=1`.
#[derive(Debug)]
pub struct Sandbox {
    /// Root of the sandbox.
    pub dir: PathBuf,
}

impl Sandbox {
    /// Create the sandbox `<testbed>/sandboxes/<name>-<pid>-<n>`.
    pub fn new(name: &str) -> Sandbox {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let bed = testbed();
        let safe: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir = bed
            .dir
            .join("sandboxes")
            .join(format!("{safe}-{}-{n}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).unwrap();
        }
        if let Some(parent) = dir.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        let sandbox = Sandbox { dir };
        for sub in ["", "home", "data", "config", "run", "work"] {
            sandbox.mkdir(&sandbox.dir.join(sub), 0o700);
        }
        sandbox
    }

    /// `home/`: HOME of commands.
    pub fn home(&self) -> PathBuf {
        self.dir.join("home")
    }
    /// `data/`: XDG_DATA_HOME (coracle's default storage lives below it).
    pub fn data(&self) -> PathBuf {
        self.dir.join("data")
    }
    /// `config/`: XDG_CONFIG_HOME.
    pub fn config(&self) -> PathBuf {
        self.dir.join("config")
    }
    /// `run/`: XDG_RUNTIME_DIR.
    pub fn runtime(&self) -> PathBuf {
        self.dir.join("run")
    }
    /// `work/`: the working directory of commands.
    pub fn work(&self) -> PathBuf {
        self.dir.join("work")
    }

    /// The clean environment of commands run as the test user: PATH, HOME, USER,
    /// LOGNAME, XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_RUNTIME_DIR, RUST_BACKTRACE,
    /// RUST_LOG (when set for the tests), then `env`.
    fn user_env(&self, env: &[(&str, &str)]) -> Vec<String> {
        let bed = testbed();
        let mut vars = vec![
            format!("PATH={PATH}"),
            format!("HOME={}", self.home().display()),
            format!("USER={}", bed.user),
            format!("LOGNAME={}", bed.user),
            format!("XDG_DATA_HOME={}", self.data().display()),
            format!("XDG_CONFIG_HOME={}", self.config().display()),
            format!("XDG_RUNTIME_DIR={}", self.runtime().display()),
            "RUST_BACKTRACE=1".to_string(),
        ];
        if let Ok(level) = std::env::var("RUST_LOG") {
            vars.push(format!("RUST_LOG={level}"));
        }
        vars.extend(env.iter().map(|(k, v)| format!("{k}={v}")));
        vars
    }

    /// Run `program args` as the test user with a clean environment (see `user_env`)
    /// in `work/`, killed after `$CORACLE_TEST_TIMEOUT` seconds (default 300, exit
    /// code 124).
    pub fn run_as_user(
        &self,
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
        stdin: Option<&[u8]>,
    ) -> Run {
        let bed = testbed();
        let timeout = std::env::var("CORACLE_TEST_TIMEOUT").unwrap_or_else(|_| "300".into());
        let mut cmd = Command::new("runuser");
        cmd.args(["-u", &bed.user, "--", "env", "-i"])
            .args(self.user_env(env))
            .args(["timeout", "-k", "10", &timeout, program])
            .args(args)
            .current_dir(self.work());
        let extra: Vec<String> = env.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let mut shown: Vec<&str> = extra.iter().map(String::as_str).collect();
        shown.push(program);
        shown.extend_from_slice(args);
        Run::capture(cmd, stdin, shell_words("[as test user]", &shown))
    }

    /// An unstarted coracle command as the test user (same environment and directory
    /// as [`Sandbox::coracle`], no time limit; stdin null, stdout/stderr piped), for
    /// tests that spawn, signal or run processes concurrently. It uses `setpriv`, which
    /// execs, so the spawned pid is coracle itself and `Child::kill` reaches it.
    pub fn command(&self, args: &[&str]) -> Command {
        self.command_with(args, &[])
    }

    /// [`Sandbox::command`] with extra environment variables.
    pub fn command_with(&self, args: &[&str], env: &[(&str, &str)]) -> Command {
        self.command_as_user(&coracle_bin().to_string_lossy(), args, env)
    }

    /// An unstarted `program args` as the test user, set up like [`Sandbox::command`].
    pub fn command_as_user(&self, program: &str, args: &[&str], env: &[(&str, &str)]) -> Command {
        let bed = testbed();
        let mut cmd = Command::new("setpriv");
        cmd.arg(format!("--reuid={}", bed.uid))
            .arg(format!("--regid={}", bed.gid))
            .args(["--init-groups", "--", "env", "-i"])
            .args(self.user_env(env))
            .arg(program)
            .args(args)
            .current_dir(self.work())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    /// A shell command line that runs coracle with this sandbox's environment and
    /// directory, for tools that take one string (tmux); the caller runs it as the user.
    pub fn shell_command(&self, args: &[&str]) -> String {
        let quote = |s: &str| format!("'{}'", s.replace('\'', "'\\''"));
        let mut words = vec![
            "cd".to_string(),
            quote(&self.work().to_string_lossy()),
            "&&".into(),
            "exec".into(),
            "env".into(),
            "-i".into(),
        ];
        words.extend(self.user_env(&[]).iter().map(|v| quote(v)));
        words.push(quote(&coracle_bin().to_string_lossy()));
        words.extend(args.iter().map(|a| quote(a)));
        words.join(" ")
    }

    /// Run coracle as the test user (see [`Sandbox::run_as_user`]).
    pub fn coracle(&self, args: &[&str]) -> Run {
        self.coracle_with(args, &[], None)
    }

    /// Run coracle as the test user with extra environment and optional stdin.
    pub fn coracle_with(&self, args: &[&str], env: &[(&str, &str)], stdin: Option<&[u8]>) -> Run {
        let bin = coracle_bin().to_string_lossy().into_owned();
        let mut run = self.run_as_user(&bin, args, env, stdin);
        run.command = run.command.replacen(&bin, "coracle", 1);
        run
    }

    /// Write `contents` to `rel` (relative to the sandbox root, e.g. `work/Containerfile`),
    /// creating parent directories; everything created is owned by the test user.
    pub fn write(&self, rel: &str, contents: &str) -> PathBuf {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            self.mkdir(parent, 0o755);
        }
        std::fs::write(&path, contents).unwrap();
        self.give(&path);
        path
    }

    /// Trust the TLS registry's CA: `config/containers/certs.d/HOST:PORT/ca.crt`.
    pub fn trust_tls_ca(&self) {
        let bed = testbed();
        let ca = std::fs::read_to_string(&bed.tls_ca).unwrap();
        self.write(
            &format!("config/containers/certs.d/{}/ca.crt", bed.tls_registry),
            &ca,
        );
    }

    /// Create `dir` and missing parents inside the sandbox, owned by the test user.
    fn mkdir(&self, dir: &Path, mode: u32) {
        let missing: Vec<&Path> = dir.ancestors().take_while(|p| !p.exists()).collect();
        std::fs::create_dir_all(dir).unwrap();
        for p in missing.into_iter().rev() {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
            self.give(p);
        }
    }

    fn give(&self, path: &Path) {
        let bed = testbed();
        chown(path, Some(bed.uid), Some(bed.gid)).unwrap();
    }
}

/// Mount points at or below `dir`, deepest first (from /proc/self/mountinfo).
fn mounts_below(dir: &Path) -> Vec<PathBuf> {
    let info = std::fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
    let mut found: Vec<PathBuf> = info
        .lines()
        .filter_map(|l| l.split(' ').nth(4))
        .map(|m| {
            PathBuf::from(
                m.replace("\\040", " ")
                    .replace("\\011", "\t")
                    .replace("\\012", "\n")
                    .replace("\\134", "\\"),
            )
        })
        .filter(|m| m.starts_with(dir))
        .collect();
    found.sort_by_key(|m| std::cmp::Reverse(m.components().count()));
    found
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if std::env::var("CORACLE_TEST_KEEP").is_ok_and(|v| v == "1") {
            eprintln!("keeping sandbox {}", self.dir.display());
            return;
        }
        for m in mounts_below(&self.dir) {
            let _ = Command::new("umount").arg("-l").arg(&m).status();
        }
        if let Err(e) = std::fs::remove_dir_all(&self.dir) {
            eprintln!("cannot remove sandbox {}: {e}", self.dir.display());
        }
    }
}
