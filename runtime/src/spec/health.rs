//! `--health-cmd`, `--health-interval`, `--health-retries`, `--health-timeout`,
//! `--health-start-period`: a container's health check as its saved spec keeps it.

use serde::{Deserialize, Serialize};

use crate::error::{Result, RuntimeError};

/// A health check: the command and when it counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthConfig {
    /// The command, `argv[0]` first (a string `--health-cmd` runs as `/bin/sh -c`).
    pub command: Vec<String>,
    /// Seconds between two checks (0: only `healthcheck run`).
    pub interval_secs: u64,
    /// Consecutive failures after which the container is unhealthy.
    pub retries: u32,
    /// Seconds a check may take before it counts as failed.
    pub timeout_secs: u64,
    /// Seconds after the start during which failures do not count.
    pub start_period_secs: u64,
}

/// Podman's defaults: every 30 s, 3 retries, 30 s timeout, no start period.
pub const DEFAULT_INTERVAL_SECS: u64 = 30;
/// See [`DEFAULT_INTERVAL_SECS`].
pub const DEFAULT_RETRIES: u32 = 3;
/// See [`DEFAULT_INTERVAL_SECS`].
pub const DEFAULT_TIMEOUT_SECS: u64 = 30;

impl HealthConfig {
    /// The check for `--health-cmd TEXT`: a JSON array (`["CMD", "a", "b"]` or
    /// `["CMD-SHELL", "text"]`) or a shell command line; `none` disables it.
    pub fn parse_command(text: &str) -> Result<Option<Vec<String>>> {
        let text = text.trim();
        if text.is_empty() || text.eq_ignore_ascii_case("none") {
            return Ok(None);
        }
        if !text.starts_with('[') {
            return Ok(Some(shell(text)));
        }
        let array: Vec<String> = serde_json::from_str(text).map_err(|e| {
            RuntimeError::Start(format!(
                "invalid --health-cmd {text:?}: {e}; give a command line or a JSON array of strings"
            ))
        })?;
        match array.split_first() {
            Some((first, rest)) if first == "CMD" && !rest.is_empty() => Ok(Some(rest.to_vec())),
            Some((first, [line])) if first == "CMD-SHELL" => Ok(Some(shell(line))),
            Some((first, _)) if first == "NONE" => Ok(None),
            Some((first, _)) if first != "CMD" && first != "CMD-SHELL" => Ok(Some(array)),
            _ => Err(RuntimeError::Start(format!(
                "invalid --health-cmd {text:?}: give the command after CMD, or one command line after CMD-SHELL"
            ))),
        }
    }
}

fn shell(line: &str) -> Vec<String> {
    vec!["/bin/sh".into(), "-c".into(), line.into()]
}

/// A duration as Go writes them (`30s`, `1m30s`, `500ms`, `2h`), or plain seconds;
/// whole seconds, rounded up, at least 1 unless it is zero.
pub fn parse_duration(flag: &str, text: &str) -> Result<u64> {
    let bad = || {
        RuntimeError::Start(format!(
            "invalid {flag} {text:?}: expected a duration such as 30s, 1m or 500ms"
        ))
    };
    let text = text.trim();
    if text.is_empty() {
        return Err(bad());
    }
    if let Ok(secs) = text.parse::<u64>() {
        return Ok(secs);
    }
    let mut millis: u64 = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return Err(bad());
        }
        let n: u64 = rest[..digits].parse().map_err(|_| bad())?;
        rest = &rest[digits..];
        let unit = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let factor = match &rest[..unit] {
            "ms" => 1,
            "s" => 1000,
            "m" => 60_000,
            "h" => 3_600_000,
            _ => return Err(bad()),
        };
        rest = &rest[unit..];
        millis = n
            .checked_mul(factor)
            .and_then(|m| millis.checked_add(m))
            .ok_or_else(bad)?;
    }
    Ok(millis.div_ceil(1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_in_every_form() {
        assert_eq!(
            HealthConfig::parse_command("test -f /x").unwrap(),
            Some(shell("test -f /x"))
        );
        assert_eq!(
            HealthConfig::parse_command(r#"["CMD","true"]"#).unwrap(),
            Some(vec!["true".to_string()])
        );
        assert_eq!(
            HealthConfig::parse_command(r#"["CMD-SHELL","exit 1"]"#).unwrap(),
            Some(shell("exit 1"))
        );
        assert_eq!(HealthConfig::parse_command("none").unwrap(), None);
        assert!(HealthConfig::parse_command(r#"["CMD"]"#).is_err());
        assert!(HealthConfig::parse_command("[1,2").is_err());
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("--health-interval", "30s").unwrap(), 30);
        assert_eq!(parse_duration("--health-interval", "1m30s").unwrap(), 90);
        assert_eq!(parse_duration("--health-interval", "500ms").unwrap(), 1);
        assert_eq!(parse_duration("--health-interval", "0").unwrap(), 0);
        assert_eq!(parse_duration("--health-interval", "7").unwrap(), 7);
        for bad in ["", "s", "5x", "-1s"] {
            assert!(parse_duration("--health-interval", bad).is_err(), "{bad}");
        }
    }
}
