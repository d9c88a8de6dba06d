//! Whether a recorded process is still the one that was recorded: a pid alone may
//! have been reused (after the process ended, or after a reboot), so each recorded
//! pid comes with its start time (`/proc/PID/stat` field 22, clock ticks after boot)
//! and counts as alive only while both match and it is not a zombie.

/// The state letter and start time of `pid`, from `/proc/PID/stat`.
///
/// Read with one `read` into a buffer on the stack (the record is generated whole on
/// the first read and is far shorter than the buffer): `ps` calls this once per
/// container, and `read_to_string`'s size probe and growing reads were a sixth of
/// its time.
fn stat(pid: i32) -> Option<(char, u64)> {
    use std::io::Read;
    if pid <= 0 {
        return None;
    }
    let mut file = std::fs::File::open(format!("/proc/{pid}/stat")).ok()?;
    let mut buf = [0u8; STAT_BUFFER];
    let len = file.read(&mut buf).ok()?;
    parse_stat(&buf[..len])
}

/// `/proc/PID/stat` is one line: the pid, the command name in parentheses (which
/// may hold anything, even `)`), then the state and the other fields. Its longest
/// form (a 64-byte name, every field at its widest) is well under this.
const STAT_BUFFER: usize = 1024;

/// The state letter (field 3) and start time (field 22) of one `/proc/PID/stat`
/// record; the command name ends at the record's last `)`.
fn parse_stat(record: &[u8]) -> Option<(char, u64)> {
    let close = record.iter().rposition(|&b| b == b')')?;
    let rest = std::str::from_utf8(&record[close + 1..]).ok()?;
    let mut fields = rest.split_ascii_whitespace();
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

/// Wait until the recorded process has ended (or become a zombie), at most
/// `timeout`; whether it has. The wait is woken by the process's end itself (a
/// pidfd becomes readable then), so no polling delay is added; `None` when the
/// kernel gives no pidfd, for the caller to poll instead.
pub fn wait_ended(
    pid: Option<i32>,
    start: Option<u64>,
    timeout: std::time::Duration,
) -> Option<bool> {
    let Some(raw) = pid.filter(|&p| p > 0) else {
        return Some(true);
    };
    let pid = rustix::process::Pid::from_raw(raw)?;
    let pidfd = match rustix::process::pidfd_open(pid, rustix::process::PidfdFlags::empty()) {
        Ok(fd) => fd,
        Err(rustix::io::Errno::SRCH) => return Some(true),
        Err(_) => return None,
    };
    // Opened after the pid may have been reused: it must still be the recorded process.
    if !recorded_alive(Some(raw), start) {
        return Some(true);
    }
    let deadline = std::time::Instant::now() + timeout;
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let wait = rustix::event::Timespec {
            tv_sec: left.as_secs().try_into().unwrap_or(i64::MAX),
            tv_nsec: left.subsec_nanos().into(),
        };
        let mut fds = [rustix::event::PollFd::new(
            &pidfd,
            rustix::event::PollFlags::IN,
        )];
        match rustix::event::poll(&mut fds, Some(&wait)) {
            Ok(0) => return Some(false),
            Ok(_) => return Some(true),
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => return None,
        }
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
    fn stat_records_parse_past_any_command_name() {
        let tail = "S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 4242 99 0\n";
        let odd = format!("77 (a) b) (c d) {tail}");
        assert_eq!(parse_stat(odd.as_bytes()), Some(('S', 4242)));
        assert_eq!(parse_stat(b"77 (sh) Z 1 2"), None, "cut short");
        assert_eq!(parse_stat(b"no name here"), None);
        // The same answer as the whole file read as text.
        let me = std::process::id() as i32;
        let text = std::fs::read_to_string(format!("/proc/{me}/stat")).unwrap();
        let (_, rest) = text.rsplit_once(')').unwrap();
        let start: u64 = rest.split_whitespace().nth(19).unwrap().parse().unwrap();
        let (state, read_start) = stat(me).unwrap();
        assert_eq!(read_start, start);
        assert!(state.is_ascii_uppercase() && state != 'Z', "{state}");
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

    #[test]
    fn waiting_for_an_end_returns_when_the_process_ends() {
        let mut child = std::process::Command::new("sleep")
            .arg("0.2")
            .spawn()
            .unwrap();
        let pid = child.id() as i32;
        let start = start_time(pid);
        assert_eq!(
            wait_ended(Some(pid), start, Duration::from_millis(10)),
            Some(false)
        );
        let began = std::time::Instant::now();
        assert_eq!(
            wait_ended(Some(pid), start, Duration::from_secs(10)),
            Some(true)
        );
        assert!(began.elapsed() < Duration::from_secs(5));
        child.wait().unwrap();
        // Gone, or never recorded: ended at once.
        assert_eq!(
            wait_ended(Some(pid), start, Duration::from_secs(10)),
            Some(true)
        );
        assert_eq!(wait_ended(None, None, Duration::from_secs(10)), Some(true));
    }
}
