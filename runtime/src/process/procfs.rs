//! Other processes as the host's `/proc` shows them: the fields of `/proc/PID/stat`
//! that `exec` (is this pid still the container's process?) and `top` need, the
//! boot time and the clock tick.

use std::io;
use std::os::fd::BorrowedFd;

use rustix::fs::{Mode, OFlags};

/// At most this much of a `stat` or `status` file is read.
const MAX_PROC_FILE: u64 = 64 * 1024;

/// The fields of `/proc/PID/stat` coracle uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProcStat {
    /// The command name (`comm`, at most 15 bytes).
    pub comm: String,
    /// R, S, D, Z, T, ...
    pub state: char,
    /// Parent's pid (host view).
    pub ppid: i32,
    /// Process group (host view).
    pub pgid: i32,
    /// Controlling terminal, encoded as the kernel's dev_t (0: none).
    pub tty_nr: u64,
    /// User-mode time, clock ticks.
    pub utime: u64,
    /// Kernel-mode time, clock ticks.
    pub stime: u64,
    /// Nice value.
    pub nice: i64,
    /// Start time, clock ticks after boot.
    pub starttime: u64,
    /// Virtual memory size, bytes.
    pub vsize: u64,
    /// Resident set size, pages.
    pub rss_pages: u64,
}

/// Parse a `stat` line. The command name may hold spaces and parentheses: it ends at
/// the last `)`.
pub fn parse_stat(text: &str) -> Option<ProcStat> {
    let open = text.find('(')?;
    let (name, rest) = text[open + 1..].rsplit_once(')')?;
    let f: Vec<&str> = rest.split_whitespace().collect();
    // f[0] is field 3 of proc(5).
    let num = |field: usize| f.get(field - 3).and_then(|v| v.parse::<i64>().ok());
    let unsigned = |field: usize| num(field).map(|v| v.max(0) as u64);
    Some(ProcStat {
        comm: name.to_string(),
        state: f.first()?.chars().next()?,
        ppid: num(4)? as i32,
        pgid: num(5)? as i32,
        tty_nr: unsigned(7)?,
        utime: unsigned(14)?,
        stime: unsigned(15)?,
        nice: num(19)?,
        starttime: unsigned(22)?,
        vsize: unsigned(23)?,
        rss_pages: unsigned(24)?,
    })
}

/// Read `name` (such as `stat`) from a process's `/proc/PID` directory `dir`,
/// bounded. A directory whose process has ended gives ESRCH (or ENOENT), even if its
/// pid was reused since.
pub fn read_at(dir: BorrowedFd<'_>, name: &str) -> io::Result<String> {
    use std::io::Read;
    let fd = rustix::fs::openat(
        dir,
        name,
        OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NOFOLLOW,
        Mode::empty(),
    )?;
    let mut text = String::new();
    std::fs::File::from(fd)
        .take(MAX_PROC_FILE)
        .read_to_string(&mut text)?;
    Ok(text)
}

/// [`parse_stat`] of the process whose `/proc/PID` directory is `dir`.
pub fn stat_at(dir: BorrowedFd<'_>) -> io::Result<ProcStat> {
    parse_stat(&read_at(dir, "stat")?)
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "malformed /proc stat line"))
}

/// The boot time, Unix seconds (`btime` of `/proc/stat`).
pub fn boot_time() -> io::Result<i64> {
    let text = std::fs::read_to_string("/proc/stat")?;
    text.lines()
        .find_map(|l| l.strip_prefix("btime "))
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "no btime in /proc/stat"))
}

/// Clock ticks per second (`sysconf(_SC_CLK_TCK)`).
pub fn ticks_per_second() -> u64 {
    rustix::param::clock_ticks_per_second().max(1)
}

/// When the process started, Unix seconds.
pub fn started_at(stat: &ProcStat, boot_time: i64) -> i64 {
    boot_time + (stat.starttime / ticks_per_second()) as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::AsFd;

    #[test]
    fn stat_lines_with_odd_names_parse() {
        let line = "42 (a) b (c)) S 1 42 42 34816 42 4194560 1 0 0 0 7 3 0 0 20 5 1 0 \
                    1234 4096000 250 18446744073709551615";
        let st = parse_stat(line).unwrap();
        assert_eq!(st.comm, "a) b (c)");
        assert_eq!((st.state, st.ppid, st.pgid, st.tty_nr), ('S', 1, 42, 34816));
        assert_eq!((st.utime, st.stime, st.nice), (7, 3, 5));
        assert_eq!((st.starttime, st.vsize, st.rss_pages), (1234, 4096000, 250));
        assert!(parse_stat("42 (x) S 1").is_none());
        assert!(parse_stat("no parenthesis").is_none());
    }

    #[test]
    fn this_process_started_recently() {
        let dir = rustix::fs::open(
            "/proc/self",
            OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .unwrap();
        let st = stat_at(dir.as_fd()).unwrap();
        assert_eq!(st.ppid as u32, std::os::unix::process::parent_id());
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        let started = started_at(&st, boot_time().unwrap());
        assert!(
            (now - 3600..=now + 1).contains(&started),
            "{started} vs {now}"
        );
    }
}
