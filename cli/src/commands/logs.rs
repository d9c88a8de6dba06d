//! `coracle logs`: the k8s-file logs of one or more containers, with Podman's
//! `--tail`, `--since`, `--until`, `-t`, `--names` and `-f` (which follows every
//! container given until each has ended).

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{bail, Result};
use coracle_runtime::lifecycle::control;
use coracle_runtime::monitor::log;
use coracle_storage::Store;

use super::containers::{config_of, find, short};
use crate::args::LogsArgs;
use crate::context::Context;

/// One container being read: its log, how far it has been read, and the prefix its
/// lines get when several containers are shown.
struct Source {
    id: String,
    path: PathBuf,
    offset: u64,
    prefix: Option<String>,
    ended: bool,
}

/// `coracle logs`.
pub fn logs(ctx: &Context, args: LogsArgs) -> Result<i32> {
    let (since, until) = time_window(args.options.since.as_deref(), args.options.until.as_deref())?;
    let store = ctx.store()?;
    let several = args.containers.len() > 1;
    let mut sources = Vec::new();
    for name in &args.containers {
        let r = find(&store, name)?;
        let prefix = (several || args.options.names).then(|| {
            if args.options.names {
                r.name.clone()
            } else {
                short(&r.id).to_string()
            }
        });
        let path = coracle_runtime::lifecycle::launch::log_path(&store, &r.id, &config_of(&r));
        sources.push(Source {
            id: r.id,
            path,
            offset: 0,
            prefix,
            ended: false,
        });
    }
    let window = |e: &log::Entry| {
        since
            .as_ref()
            .is_none_or(|s| e.timestamp.as_str() >= s.as_str())
            && until
                .as_ref()
                .is_none_or(|u| e.timestamp.as_str() <= u.as_str())
    };
    for src in &mut sources {
        let (entries, offset) = log::read_from(&src.path, 0)?;
        src.offset = offset;
        let mut entries: Vec<log::Entry> = entries.into_iter().filter(|e| window(e)).collect();
        if let Some(n) = args.options.tail {
            keep_last_lines(&mut entries, n);
        }
        print_entries(&entries, args.options.timestamps, src.prefix.as_deref());
    }
    if !args.options.follow {
        return Ok(0);
    }
    while sources.iter().any(|s| !s.ended) {
        for src in sources.iter_mut().filter(|s| !s.ended) {
            let more = read_more(&store, src)?;
            let more: Vec<log::Entry> = more.into_iter().filter(|e| window(e)).collect();
            print_entries(&more, args.options.timestamps, src.prefix.as_deref());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(0)
}

/// The entries written to `src`'s log since the last read; notes whether its
/// container had ended before (so that nothing it wrote is missed).
fn read_more(store: &Store, src: &mut Source) -> Result<Vec<log::Entry>> {
    src.ended = has_ended(store, &src.id)?;
    let (more, next) = log::read_from(&src.path, src.offset)?;
    src.offset = next;
    Ok(more)
}

/// `start -a` of a container without a terminal: its log from byte `offset` on
/// (what this start writes) to stdout and stderr, until the container has ended.
pub(crate) fn follow_until_ended(
    store: &Store,
    id: &str,
    path: PathBuf,
    offset: u64,
) -> Result<()> {
    let mut src = Source {
        id: id.to_string(),
        path,
        offset,
        prefix: None,
        ended: false,
    };
    while !src.ended {
        let more = read_more(store, &mut src)?;
        print_entries(&more, false, None);
        if !src.ended {
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    Ok(())
}

/// Whether the container is gone or no longer running.
fn has_ended(store: &Store, id: &str) -> Result<bool> {
    Ok(match store.db.find_container(id)? {
        Some(now) => !control::refresh(store, now)?.state.is_active(),
        None => true,
    })
}

/// `--tail N`: keep the entries of the last N whole lines (a partial line belongs to
/// the whole line that ends it).
fn keep_last_lines(entries: &mut Vec<log::Entry>, n: usize) {
    let full: Vec<usize> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.full)
        .map(|(i, _)| i)
        .collect();
    let start = if n == 0 {
        entries.len()
    } else if full.len() > n {
        full[full.len() - n - 1] + 1
    } else {
        0
    };
    entries.drain(..start);
}

fn print_entries(entries: &[log::Entry], timestamps: bool, prefix: Option<&str>) {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let mut line_start = true;
    for e in entries {
        let sink: &mut dyn Write = match e.stream {
            log::Stream::Stdout => &mut out,
            log::Stream::Stderr => &mut err,
        };
        if line_start {
            if let Some(p) = prefix {
                let _ = write!(sink, "{p} ");
            }
            if timestamps {
                let _ = write!(sink, "{} ", e.timestamp);
            }
        }
        let _ = sink.write_all(&e.output());
        line_start = e.full;
    }
    let _ = out.flush();
}

/// `--since` and `--until` as [`time_bound`]s.
pub(super) fn time_window(
    since: Option<&str>,
    until: Option<&str>,
) -> Result<(Option<String>, Option<String>)> {
    Ok((
        since.map(|t| time_bound("since", t)).transpose()?,
        until.map(|t| time_bound("until", t)).transpose()?,
    ))
}

/// `--since`/`--until` as the log's own timestamp text (UTC, nine fractional
/// digits), so entries compare by text: RFC 3339 (with any offset and fraction),
/// Unix seconds (`1700000000[.5]`), or a Go duration before now (`10m`, `1h30m`,
/// `1.5s`).
fn time_bound(flag: &str, text: &str) -> Result<String> {
    let (secs, nanos) = match parse_time(text) {
        Some(t) => t,
        None => bail!(
            "invalid --{flag} {text:?}: expected an RFC 3339 time (2024-01-02T15:04:05Z), Unix seconds, or a duration such as 10m or 1h30m"
        ),
    };
    Ok(log::rfc3339_nano(secs, nanos))
}

/// Seconds and nanoseconds since the epoch of an RFC 3339 time, Unix time or a
/// duration ago.
fn parse_time(text: &str) -> Option<(i64, u32)> {
    let text = text.trim();
    if text.contains('T') {
        let secs = crate::output::parse_rfc3339(text)?;
        return Some((secs, fraction_nanos(text)));
    }
    if let Some(d) = parse_go_duration(text) {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?;
        let at = now.checked_sub(d).unwrap_or_default();
        return Some((at.as_secs() as i64, at.subsec_nanos()));
    }
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    let secs: i64 = whole.parse().ok()?;
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((secs, digits_as_nanos(frac)))
}

/// The fractional seconds of an RFC 3339 time, as nanoseconds.
fn fraction_nanos(text: &str) -> u32 {
    let Some((_, after_dot)) = text.split_once('.') else {
        return 0;
    };
    let digits: String = after_dot.chars().take_while(char::is_ascii_digit).collect();
    digits_as_nanos(&digits)
}

fn digits_as_nanos(digits: &str) -> u32 {
    let nine: String = digits
        .chars()
        .chain(std::iter::repeat('0'))
        .take(9)
        .collect();
    nine.parse().unwrap_or(0)
}

/// Go's `time.ParseDuration` for non-negative values: `300ms`, `1.5h`, `2h45m`.
pub(super) fn parse_go_duration(text: &str) -> Option<Duration> {
    if text.is_empty() || text.starts_with('-') {
        return None;
    }
    let mut rest = text.strip_prefix('+').unwrap_or(text);
    let mut total = 0f64;
    while !rest.is_empty() {
        let num_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let value: f64 = rest[..num_len].parse().ok()?;
        rest = &rest[num_len..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let scale = match &rest[..unit_len] {
            "ns" => 1e-9,
            "us" | "µs" => 1e-6,
            "ms" => 1e-3,
            "s" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            _ => return None,
        };
        rest = &rest[unit_len..];
        total += value * scale;
    }
    Duration::try_from_secs_f64(total).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_durations() {
        assert_eq!(parse_go_duration("10m"), Some(Duration::from_secs(600)));
        assert_eq!(parse_go_duration("1h30m"), Some(Duration::from_secs(5400)));
        assert_eq!(parse_go_duration("1.5s"), Some(Duration::from_millis(1500)));
        assert_eq!(parse_go_duration("300ms"), Some(Duration::from_millis(300)));
        for bad in ["", "10", "5x", "-1s", "m"] {
            assert_eq!(parse_go_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn times_become_log_timestamps() {
        assert_eq!(
            time_bound("since", "2024-01-02T03:04:05.5Z").unwrap(),
            "2024-01-02T03:04:05.500000000+00:00"
        );
        assert_eq!(
            time_bound("since", "2024-01-02T04:04:05+01:00").unwrap(),
            "2024-01-02T03:04:05.000000000+00:00"
        );
        assert_eq!(
            time_bound("until", "1704164645.25").unwrap(),
            "2024-01-02T03:04:05.250000000+00:00"
        );
        let ago = time_bound("since", "10m").unwrap();
        assert!(ago < log::now_rfc3339_nano(), "{ago}");
        let err = time_bound("since", "yesterday").unwrap_err().to_string();
        assert!(err.contains("--since") && err.contains("10m"), "{err}");
    }

    #[test]
    fn tail_keeps_whole_lines() {
        let entry = |text: &str, full: bool| log::Entry {
            timestamp: String::new(),
            stream: log::Stream::Stdout,
            full,
            text: text.as_bytes().to_vec(),
        };
        let mut e = vec![entry("a", true), entry("b", false), entry("c", true)];
        keep_last_lines(&mut e, 1);
        assert_eq!(e.len(), 2);
        keep_last_lines(&mut e, 0);
        assert!(e.is_empty());
    }
}
