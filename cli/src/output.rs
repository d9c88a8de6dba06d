//! Printing: errors as one line, JSON, Go templates, and human-readable sizes and times.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;

/// Print an error chain on one line: "Error: outer: inner: cause".
pub fn print_error(err: &anyhow::Error) {
    let mut line = String::new();
    for (i, cause) in err.chain().enumerate() {
        let text = cause.to_string();
        if i > 0 && line.contains(&text) {
            continue;
        }
        if i > 0 {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    eprintln!("Error: {}", line.replace('\n', " "));
}

/// Where coracle's own output goes (`--noout`, `--out FILE`); stdout when unset.
static SINK: std::sync::OnceLock<Sink> = std::sync::OnceLock::new();

/// A destination for coracle's own output.
pub enum Sink {
    /// Nowhere (`--noout`).
    Null,
    /// A file (`--out FILE`).
    File(std::sync::Mutex<std::fs::File>),
}

/// Send coracle's own output (not a container's) to `sink` from now on.
pub fn set_sink(sink: Sink) {
    let _ = SINK.set(sink);
}

/// Write text to stdout (or the `--out` file), ignoring a closed pipe.
pub fn print(text: &str) {
    let _ = try_print(text);
}

/// Write text to stdout (or the `--out` file); the error of a closed pipe or a full
/// disk, for commands that keep printing until their reader goes away.
pub fn try_print(text: &str) -> std::io::Result<()> {
    match SINK.get() {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()
        }
        Some(Sink::Null) => Ok(()),
        Some(Sink::File(file)) => match file.lock() {
            Ok(mut file) => file.write_all(text.as_bytes()),
            Err(_) => Ok(()),
        },
    }
}

/// Pretty JSON with a trailing newline, as Podman prints it.
pub fn json(value: &serde_json::Value) -> Result<String> {
    Ok(format!("{}\n", serde_json::to_string_pretty(value)?))
}

/// Render `items` with a user's `--format`: "json" prints a JSON array, anything else is a Go template.
pub fn formatted(
    format: &str,
    items: &[serde_json::Value],
    headers: &BTreeMap<&str, &str>,
) -> Result<String> {
    if format.trim() == "json" {
        return json(&serde_json::Value::Array(items.to_vec()));
    }
    Ok(crate::format::render_items(format, items, headers)?)
}

/// Sizes as Podman prints them (decimal units, 3 significant digits): "4.87 MB".
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 7] = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    let digits = if value >= 100.0 {
        0
    } else if value >= 10.0 {
        1
    } else {
        2
    };
    let text = format!("{value:.digits$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    format!("{text} {}", UNITS[unit])
}

/// "3 days ago", from seconds elapsed (Go's units.HumanDuration, as Podman).
pub fn human_ago(seconds: i64) -> String {
    let s = seconds.max(0);
    let text = match s {
        0 => return "Less than a second ago".into(),
        1..=59 => format!("{s} seconds"),
        60..=119 => "About a minute".into(),
        120..=3599 => format!("{} minutes", s / 60),
        3600..=7199 => "About an hour".into(),
        7200..=172_799 => format!("{} hours", s / 3600),
        172_800..=1_209_599 => format!("{} days", s / 86_400),
        1_209_600..=5_183_999 => format!("{} weeks", s / 604_800),
        5_184_000..=63_071_999 => format!("{} months", s / 2_592_000),
        _ => format!("{} years", s / 31_536_000),
    };
    format!("{text} ago")
}

/// A time as Go prints a `time.Time` (what Podman's templates show for `.Created`):
/// "2026-12-02 07:40:41 +0000 UTC" in the local zone; the zone's name is "UTC" at
/// offset zero and its offset elsewhere (the zone database's abbreviations are not
/// read).
pub fn go_time_text(secs: i64) -> String {
    match local_time(secs) {
        Some(t) => {
            let offset = t.format("%z").to_string();
            let zone = if t.offset().local_minus_utc() == 0 {
                "UTC".to_string()
            } else {
                offset.clone()
            };
            format!("{} {offset} {zone}", t.format("%Y-%m-%d %H:%M:%S"))
        }
        None => secs.to_string(),
    }
}

/// A time as Podman's JSON writes one (Go's RFC 3339 with nanoseconds, which leaves
/// out a zero fraction): in the local zone, "Z" at offset zero, as in
/// "2026-12-02T07:44:12Z".
pub fn go_rfc3339(secs: i64) -> String {
    match local_time(secs) {
        Some(t) => t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        None => secs.to_string(),
    }
}

/// Unix seconds in the local zone (TZ, else /etc/localtime).
fn local_time(secs: i64) -> Option<chrono::DateTime<chrono::Local>> {
    use chrono::TimeZone;
    chrono::Local.timestamp_opt(secs, 0).single()
}

/// Seconds since the Unix epoch of an RFC 3339 time ("2024-01-02T03:04:05.123Z", "+01:00" offsets too).
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let (date, rest) = s.split_once('T')?;
    let mut d = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, mo, da) = (d.next()??, d.next()??, d.next()??);
    let time_end = rest.find(['Z', '+', '-']).unwrap_or(rest.len());
    let (time, zone) = rest.split_at(time_end);
    let mut t = time.split(':');
    let h: i64 = t.next()?.parse().ok()?;
    let mi: i64 = t.next()?.parse().ok()?;
    let sec: i64 = t.next().unwrap_or("0").split('.').next()?.parse().ok()?;
    let offset = match zone.chars().next() {
        Some(sign @ ('+' | '-')) => {
            let mut z = zone[1..].split(':');
            let zh: i64 = z.next()?.parse().ok()?;
            let zm: i64 = z.next().unwrap_or("0").parse().ok()?;
            let o = zh * 3600 + zm * 60;
            if sign == '+' {
                o
            } else {
                -o
            }
        }
        _ => 0,
    };
    // Days from civil (Howard Hinnant's algorithm).
    let y2 = if mo <= 2 { y - 1 } else { y };
    let era = if y2 >= 0 { y2 } else { y2 - 399 } / 400;
    let yoe = y2 - era * 400;
    let doy = (153 * (mo + if mo > 2 { -3 } else { 9 }) + 2) / 5 + da - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + h * 3600 + mi * 60 + sec - offset)
}

/// Seconds since the Unix epoch now.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Print a `WARN[0000]` line on stderr (unless `--log-level error`), once per
/// process whatever the text (a `run` that pulls first would otherwise give the
/// single-id fallback warning twice).
pub fn warn_once(warning: &str) {
    static WARNED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !WARNED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        log::warn!("{warning}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(human_size(0), "0 B");
        assert_eq!(human_size(999), "999 B");
        assert_eq!(human_size(4_865_000), "4.87 MB");
        assert_eq!(human_size(1_000_000_000), "1 GB");
        assert_eq!(human_size(12_340), "12.3 kB");
    }

    #[test]
    fn rfc3339() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_rfc3339("2024-01-02T03:04:05.999999Z"),
            Some(1_704_164_645)
        );
        assert_eq!(
            parse_rfc3339("2024-01-02T04:04:05+01:00"),
            Some(1_704_164_645)
        );
        assert_eq!(parse_rfc3339("garbage"), None);
    }

    #[test]
    fn ago() {
        assert_eq!(human_ago(30), "30 seconds ago");
        assert_eq!(human_ago(3 * 86_400), "3 days ago");
        assert_eq!(human_ago(90), "About a minute ago");
    }
}
