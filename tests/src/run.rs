//! The outcome of one child process and helpers to run commands as root.

use std::fmt;
use std::io::Write;
use std::process::{Command, Stdio};

/// Result of one command run (coracle or a helper tool).
#[derive(Debug, Clone)]
pub struct Run {
    /// The command line, for messages.
    pub command: String,
    /// Exit code; `-1` when killed by a signal, `124` when the time limit hit.
    pub code: i32,
    /// Captured standard output (lossy UTF-8).
    pub stdout: String,
    /// Captured standard error (lossy UTF-8).
    pub stderr: String,
}

impl Run {
    /// Panic with the full output unless the command exited 0.
    #[track_caller]
    pub fn success(&self) -> &Self {
        assert!(self.code == 0, "command failed\n{self}");
        self
    }

    /// Panic with the full output unless the command exited with `expected`.
    #[track_caller]
    pub fn code(&self, expected: i32) -> &Self {
        assert!(
            self.code == expected,
            "expected exit code {expected}\n{self}"
        );
        self
    }

    /// Panic with the full output unless the command failed (non-zero exit).
    #[track_caller]
    pub fn failure(&self) -> &Self {
        assert!(self.code != 0, "command unexpectedly succeeded\n{self}");
        self
    }

    /// Run `command` with `stdin` (or /dev/null) and capture everything.
    pub fn capture(mut command: Command, stdin: Option<&[u8]>, display: String) -> Run {
        command
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {display}: {e}"));
        if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take()) {
            let input = input.to_vec();
            std::thread::spawn(move || pipe.write_all(&input));
        }
        let out = child
            .wait_with_output()
            .unwrap_or_else(|e| panic!("cannot wait for {display}: {e}"));
        Run {
            command: display,
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let note = if self.code == 124 {
            " (timed out?)"
        } else {
            ""
        };
        write!(
            f,
            "command: {}\nexit code: {}{note}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.command, self.code, self.stdout, self.stderr
        )
    }
}

/// Run `program args` as root (the test process) and capture its output.
pub fn run_root(program: &str, args: &[&str]) -> Run {
    let mut cmd = Command::new(program);
    cmd.args(args);
    Run::capture(cmd, None, shell_words(program, args))
}

/// A readable command line for messages.
pub(crate) fn shell_words(program: &str, args: &[&str]) -> String {
    std::iter::once(program)
        .chain(args.iter().copied())
        .map(|a| {
            if a.is_empty() || a.contains(|c: char| c.is_whitespace() || c == '\'') {
                format!("'{}'", a.replace('\'', r"'\''"))
            } else {
                a.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(
            shell_words("a", &["b c", "", "d'e", "f"]),
            r"a 'b c' '' 'd'\''e' f"
        );
    }

    #[test]
    fn captures_output_code_and_stdin() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "cat; echo err >&2; exit 3"]);
        let run = Run::capture(cmd, Some(b"in"), "sh".into());
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (3, "in", "err\n")
        );
        run.code(3).failure();
    }

    #[test]
    #[should_panic(expected = "command failed")]
    fn success_panics_on_failure() {
        run_root("false", &[]).success();
    }
}
