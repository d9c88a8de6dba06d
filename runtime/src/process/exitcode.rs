//! Exit codes of `coracle run`, following Podman: the container's own status, 128+N
//! for a signal, and 125/126/127 for failures before the command ran.

use std::os::unix::process::ExitStatusExt;
use std::process::ExitStatus;

/// Coracle itself failed (bad flags, image, runtime error).
pub const RUNTIME_ERROR: i32 = 125;
/// The command exists but cannot be invoked (permission denied, is a directory, ...).
pub const CANNOT_INVOKE: i32 = 126;
/// The command was not found.
pub const NOT_FOUND: i32 = 127;

/// Maps a raw `wait` status to the container's exit code: exit N → N, killed by
/// signal N → 128+N (stopped/continued statuses, which `waitpid` without WUNTRACED never
/// returns, map to 125).
pub fn from_wait_status(raw: i32) -> i32 {
    if libc::WIFEXITED(raw) {
        libc::WEXITSTATUS(raw)
    } else if libc::WIFSIGNALED(raw) {
        128 + libc::WTERMSIG(raw)
    } else {
        RUNTIME_ERROR
    }
}

/// [`from_wait_status`] for a std [`ExitStatus`].
pub fn from_exit_status(status: ExitStatus) -> i32 {
    from_wait_status(status.into_raw())
}

/// The exit code for an `execve` failure with `errno`: 127 when the command does not
/// exist, 126 when it exists but cannot run, 125 for anything else.
pub fn exec_error_code(errno: i32) -> i32 {
    match errno {
        libc::ENOENT | libc::ENOTDIR => NOT_FOUND,
        libc::EACCES | libc::EPERM | libc::ENOEXEC | libc::EISDIR | libc::ETXTBSY => CANNOT_INVOKE,
        _ => RUNTIME_ERROR,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    #[test]
    fn raw_statuses() {
        assert_eq!(from_wait_status(0), 0);
        assert_eq!(from_wait_status(3 << 8), 3);
        assert_eq!(from_wait_status(255 << 8), 255);
        assert_eq!(from_wait_status(libc::SIGKILL), 137);
        assert_eq!(from_wait_status(libc::SIGTERM | 0x80), 143); // core dumped
        assert_eq!(from_wait_status(0x137f), RUNTIME_ERROR); // stopped by SIGSTOP
    }

    #[test]
    fn real_children() {
        let st = Command::new("/bin/sh")
            .args(["-c", "exit 42"])
            .status()
            .unwrap();
        assert_eq!(from_exit_status(st), 42);
        let st = Command::new("/bin/sh")
            .args(["-c", "kill -9 $$"])
            .status()
            .unwrap();
        assert_eq!(from_exit_status(st), 137);
    }

    #[test]
    fn exec_errors() {
        assert_eq!(exec_error_code(libc::ENOENT), 127);
        assert_eq!(exec_error_code(libc::EACCES), 126);
        assert_eq!(exec_error_code(libc::EISDIR), 126);
        assert_eq!(exec_error_code(libc::ENOEXEC), 126);
        assert_eq!(exec_error_code(libc::ENOMEM), 125);
    }
}
