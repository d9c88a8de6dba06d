//! Whether a recorded process is still the one that was recorded: a pid alone may
//! have been reused (after the process ended, or after a reboot), so each recorded
//! pid comes with its start time (`/proc/PID/stat` field 22, clock ticks after boot)
//! and counts as alive only while both match and it is not a zombie.

/// The state letter and start time of `pid`, from `/proc/PID/stat`.
fn stat(pid: i32) -> Option<(char, u64)> {
    if pid <= 0 {
        return None;
    }
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold anything but ends at the last ')'; the state is
    // field 3, the start time field 22.
    let (_, rest) = text.rsplit_once(')')?;
    let mut fields = rest.split_whitespace();
    let state = fields.next()?.chars().next()?;
    let start = fields.nth(18)?.parse().ok()?;
    Some((state, start))
}

/// The start time of `pid` (field 22 of `/proc/PID/stat`), if it exists.
pub fn start_time(pid: i32) -> Option<u64> {
    stat(pid).map(|(_, start)| start)
}

/// Whether a process with this pid exists and is not a zombie.
pub fn pid_alive(pid: i32) -> bool {
    stat(pid).is_some_and(|(state, _)| state != 'Z' && state != 'X')
}

/// Whether the recorded process is alive and still the one recorded: `start` (when
/// recorded) must match the current start time of `pid`.
pub fn recorded_alive(pid: Option<i32>, start: Option<u64>) -> bool {
    match pid.and_then(stat) {
        Some((state, now)) => state != 'Z' && state != 'X' && start.is_none_or(|s| s == now),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn liveness_of_pids() {
        let me = std::process::id() as i32;
        assert!(pid_alive(me));
        assert!(!pid_alive(0));
        assert!(!pid_alive(-1));
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id() as i32;
        // A zombie is not alive.
        std::thread::sleep(Duration::from_millis(200));
        assert!(!pid_alive(pid));
        child.wait().unwrap();
        assert!(!pid_alive(pid));
    }

    #[test]
    fn a_reused_pid_is_not_the_recorded_process() {
        let me = std::process::id() as i32;
        let start = start_time(me);
        assert!(start.is_some());
        assert!(recorded_alive(Some(me), start));
        assert!(recorded_alive(Some(me), None));
        // The same pid with another start time is another process.
        assert!(!recorded_alive(Some(me), start.map(|s| s + 1)));
        assert!(!recorded_alive(None, start));
    }
}
