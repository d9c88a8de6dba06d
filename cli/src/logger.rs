//! A small stderr logger behind the `log` facade the library crates use:
//! `--log-level` picks the least severe level shown. Lines look like Podman's
//! (logrus) text lines: `DEBU[0000] message`, the bracket holding the seconds since
//! coracle started.

use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

use log::{Level, LevelFilter, Log, Metadata, Record};

use crate::args::LogLevel;

struct StderrLogger {
    started: Instant,
}

impl Log for StderrLogger {
    /// coracle's own messages at the chosen level; other crates' (HTTP, TLS) only
    /// with `trace`.
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.level() <= log::max_level()
            && (metadata.target().starts_with("coracle") || log::max_level() == LevelFilter::Trace)
    }

    fn log(&self, record: &Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let tag = match record.level() {
            Level::Error => "ERRO",
            Level::Warn => "WARN",
            Level::Info => "INFO",
            Level::Debug => "DEBU",
            Level::Trace => "TRAC",
        };
        // One write per line, so lines of concurrent threads stay whole.
        let line = format!(
            "{tag}[{:04}] {}\n",
            self.started.elapsed().as_secs(),
            record.args()
        );
        let _ = std::io::stderr().lock().write_all(line.as_bytes());
    }

    fn flush(&self) {}
}

/// The level filter of a `--log-level`.
pub fn filter(level: LogLevel) -> LevelFilter {
    match level {
        LogLevel::Error => LevelFilter::Error,
        LogLevel::Warn => LevelFilter::Warn,
        LogLevel::Info => LevelFilter::Info,
        LogLevel::Debug => LevelFilter::Debug,
        LogLevel::Trace => LevelFilter::Trace,
    }
}

/// Install the logger (once per process) at `level`.
pub fn init(level: LogLevel) {
    static LOGGER: OnceLock<StderrLogger> = OnceLock::new();
    let logger = LOGGER.get_or_init(|| StderrLogger {
        started: Instant::now(),
    });
    if log::set_logger(logger).is_ok() {
        log::set_max_level(filter(level));
    }
}
