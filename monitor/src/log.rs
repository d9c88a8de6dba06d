//! Container logs in Podman's (conmon's) k8s-file format: one record a line,
//! `TIMESTAMP STREAM FLAG TEXT`, the timestamp in RFC 3339 with nanoseconds, the
//! stream `stdout` or `stderr`, the flag `F` for a full line (its newline dropped) or
//! `P` for a partial one (the text continues in the next record).

use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// Which stream a record came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// Standard output (also a pty's output).
    Stdout,
    /// Standard error.
    Stderr,
}

impl Stream {
    fn name(self) -> &'static str {
        match self {
            Stream::Stdout => "stdout",
            Stream::Stderr => "stderr",
        }
    }
}

/// One record of a log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The timestamp as written.
    pub timestamp: String,
    /// The stream.
    pub stream: Stream,
    /// A whole line (`F`) rather than part of one (`P`).
    pub full: bool,
    /// The text, without the line's newline.
    pub text: Vec<u8>,
}

impl Entry {
    /// The bytes the container wrote: the text, and its newline for a full line.
    pub fn output(&self) -> Vec<u8> {
        let mut out = self.text.clone();
        if self.full {
            out.push(b'\n');
        }
        out
    }
}

/// The length of an [`rfc3339_nano`] timestamp.
const TIMESTAMP_LEN: usize = 35;

/// Write `value` as `out.len()` decimal digits, zero-padded (no formatting machinery:
/// the monitor runs this for every chunk it logs).
fn put_digits(out: &mut [u8], mut value: u64) {
    for byte in out.iter_mut().rev() {
        *byte = b'0' + (value % 10) as u8;
        value /= 10;
    }
}

/// [`rfc3339_nano`] into a fixed buffer.
fn rfc3339_nano_bytes(secs: i64, nanos: u32) -> [u8; TIMESTAMP_LEN] {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400) as u64;
    let (y, m, d) = civil_from_days(days);
    let mut out = *b"0000-00-00T00:00:00.000000000+00:00";
    put_digits(&mut out[0..4], y.clamp(0, 9999) as u64);
    put_digits(&mut out[5..7], u64::from(m));
    put_digits(&mut out[8..10], u64::from(d));
    put_digits(&mut out[11..13], rem / 3600);
    put_digits(&mut out[14..16], rem / 60 % 60);
    put_digits(&mut out[17..19], rem % 60);
    put_digits(&mut out[20..29], u64::from(nanos.min(999_999_999)));
    out
}

/// Format Unix time as RFC 3339 in UTC with nine fractional digits, as conmon
/// writes it: `2024-05-01T12:00:00.000000001+00:00`.
pub fn rfc3339_nano(secs: i64, nanos: u32) -> String {
    String::from_utf8_lossy(&rfc3339_nano_bytes(secs, nanos)).into_owned()
}

fn now_bytes() -> [u8; TIMESTAMP_LEN] {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    rfc3339_nano_bytes(now.as_secs() as i64, now.subsec_nanos())
}

/// The current time as [`rfc3339_nano`].
pub fn now_rfc3339_nano() -> String {
    String::from_utf8_lossy(&now_bytes()).into_owned()
}

/// Howard Hinnant's days-to-civil conversion (proleptic Gregorian).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Writes a container's output as k8s-file records; with a size limit
/// (`--log-opt max-size`) the file starts over when it would grow past it, as
/// conmon does.
pub struct LogWriter {
    file: Option<File>,
    /// The records of the chunk being written (reused: no allocation per chunk).
    records: Vec<u8>,
    written: u64,
    max_size: Option<u64>,
}

impl LogWriter {
    /// Open (create or append to) the log at `path`; `None` discards everything
    /// (`--log-driver none`).
    pub fn open(path: Option<&Path>, max_size: Option<u64>) -> std::io::Result<LogWriter> {
        let file = match path {
            Some(p) => Some(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(p)?,
            ),
            None => None,
        };
        let written = match &file {
            Some(f) => f.metadata()?.len(),
            None => 0,
        };
        Ok(LogWriter {
            file,
            records: Vec::with_capacity(16 * 1024),
            written,
            max_size,
        })
    }

    /// Record one chunk the container wrote on `stream`: a record per line, the
    /// trailing text without a newline as a partial record.
    pub fn write_chunk(&mut self, stream: Stream, chunk: &[u8]) -> std::io::Result<()> {
        if self.file.is_none() || chunk.is_empty() {
            return Ok(());
        }
        let timestamp = now_bytes();
        self.records.clear();
        let records = &mut self.records;
        let mut rest = chunk;
        while !rest.is_empty() {
            let (text, full, next) = match rest.iter().position(|&b| b == b'\n') {
                Some(i) => (&rest[..i], true, &rest[i + 1..]),
                None => (rest, false, &rest[rest.len()..]),
            };
            records.extend_from_slice(&timestamp);
            records.push(b' ');
            records.extend_from_slice(stream.name().as_bytes());
            records.extend_from_slice(if full { b" F " } else { b" P " });
            records.extend_from_slice(text);
            records.push(b'\n');
            rest = next;
        }
        let Some(file) = self.file.as_mut() else {
            return Ok(());
        };
        let bytes = &self.records;
        if let Some(max) = self.max_size {
            if self.written + bytes.len() as u64 > max {
                file.set_len(0)?;
                file.rewind()?;
                self.written = 0;
            }
        }
        file.write_all(bytes)?;
        self.written += bytes.len() as u64;
        Ok(())
    }
}

/// Parse one record; `None` for a line that is not one.
pub fn parse_line(line: &[u8]) -> Option<Entry> {
    let mut parts = line.splitn(4, |&b| b == b' ');
    let timestamp = std::str::from_utf8(parts.next()?).ok()?.to_string();
    let stream = match parts.next()? {
        b"stdout" => Stream::Stdout,
        b"stderr" => Stream::Stderr,
        _ => return None,
    };
    let full = match parts.next()? {
        b"F" => true,
        b"P" => false,
        _ => return None,
    };
    let text = parts.next().unwrap_or_default().to_vec();
    Some(Entry {
        timestamp,
        stream,
        full,
        text,
    })
}

/// Every record from `offset` on, and the offset after the last complete line (a
/// line still being written is left for the next call).
pub fn read_from(path: &Path, offset: u64) -> std::io::Result<(Vec<Entry>, u64)> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((vec![], offset)),
        Err(e) => return Err(e),
    };
    let len = file.metadata()?.len();
    // The log started over (max-size): read it from its start.
    let offset = if len < offset { 0 } else { offset };
    file.seek(std::io::SeekFrom::Start(offset))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    let complete = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let entries = bytes[..complete]
        .split(|&b| b == b'\n')
        .filter_map(parse_line)
        .collect();
    Ok((entries, offset + complete as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_rfc3339_with_nanoseconds() {
        assert_eq!(rfc3339_nano(0, 0), "1970-01-01T00:00:00.000000000+00:00");
        assert_eq!(
            rfc3339_nano(1_709_210_096, 5),
            "2024-02-29T12:34:56.000000005+00:00"
        );
        assert_eq!(
            rfc3339_nano(-1, 999_999_999),
            "1969-12-31T23:59:59.999999999+00:00"
        );
        assert_eq!(now_rfc3339_nano().len(), TIMESTAMP_LEN);
    }

    #[test]
    fn chunks_become_full_and_partial_records_that_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ctr.log");
        let mut w = LogWriter::open(Some(&path), None).unwrap();
        w.write_chunk(Stream::Stdout, b"hi\nthere\npart").unwrap();
        w.write_chunk(Stream::Stderr, b"oops\n").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].ends_with(" stdout F hi"), "{}", lines[0]);
        assert!(lines[2].ends_with(" stdout P part"), "{}", lines[2]);
        assert!(lines[3].ends_with(" stderr F oops"), "{}", lines[3]);
        let (entries, offset) = read_from(&path, 0).unwrap();
        assert_eq!(offset, text.len() as u64);
        let out: Vec<u8> = entries.iter().flat_map(Entry::output).collect();
        assert_eq!(out, b"hi\nthere\npartoops\n");
        assert_eq!(entries[3].stream, Stream::Stderr);
        assert!(read_from(&path, offset).unwrap().0.is_empty());
    }

    #[test]
    fn max_size_starts_the_log_over_and_none_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ctr.log");
        let mut w = LogWriter::open(Some(&path), Some(100)).unwrap();
        for _ in 0..10 {
            w.write_chunk(Stream::Stdout, b"0123456789\n").unwrap();
        }
        assert!(std::fs::metadata(&path).unwrap().len() <= 100);
        let mut none = LogWriter::open(None, None).unwrap();
        none.write_chunk(Stream::Stdout, b"x\n").unwrap();
        assert!(parse_line(b"garbage").is_none());
    }
}
