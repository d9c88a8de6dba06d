//! The rules `--name` and `--hostname` must follow, checked before any work, so that a
//! value can never carry a newline or a space into `/etc/hosts` or `/etc/hostname`.

/// The rule for container names, as Podman states it.
pub const NAME_RULE: &str = "names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*";

/// The rule for hostnames (RFC 1123), as the error message states it.
pub const HOSTNAME_RULE: &str = "a hostname is labels of letters, digits and hyphens separated by dots (RFC 1123), \
     each label 1-63 characters that neither starts nor ends with a hyphen, at most 253 characters in all";

/// Longest hostname RFC 1123 allows (without a trailing dot).
const MAX_HOSTNAME: usize = 253;
/// Longest label of a hostname.
const MAX_LABEL: usize = 63;

/// A container name or hostname that breaks its rule.
#[derive(Debug, thiserror::Error)]
#[error("invalid {what} {value:?}: {rule}")]
pub struct InvalidName {
    /// Where the value came from: the flag (`--name`, `--hostname`) or what it is.
    pub what: &'static str,
    /// The value given.
    pub value: String,
    /// The rule it breaks.
    pub rule: &'static str,
}

/// Check a container name given as `what` (a flag, or "container name"):
/// `[a-zA-Z0-9][a-zA-Z0-9_.-]*`.
pub fn check_container_name(what: &'static str, name: &str) -> Result<(), InvalidName> {
    verdict(is_container_name(name), what, name, NAME_RULE)
}

/// Check a hostname against RFC 1123.
pub fn check_hostname(hostname: &str) -> Result<(), InvalidName> {
    verdict(is_hostname(hostname), "--hostname", hostname, HOSTNAME_RULE)
}

/// Ok when `valid`, else the error naming `what`, `value` and `rule`.
fn verdict(
    valid: bool,
    what: &'static str,
    value: &str,
    rule: &'static str,
) -> Result<(), InvalidName> {
    if valid {
        return Ok(());
    }
    Err(InvalidName {
        what,
        value: value.to_string(),
        rule,
    })
}

fn is_container_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphanumeric())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

fn is_hostname(hostname: &str) -> bool {
    hostname.len() <= MAX_HOSTNAME && hostname.split('.').all(is_label)
}

fn is_label(label: &str) -> bool {
    (1..=MAX_LABEL).contains(&label.len())
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_names_follow_podmans_rule() {
        for good in ["a", "web-1", "A.b_c-d", "0", "x..y", "9_"] {
            assert!(check_container_name("--name", good).is_ok(), "{good:?}");
        }
        for bad in [
            "", "-a", "_a", ".a", "a b", "a\nb", "a/b", "a:b", "é", "a\t", "a\0",
        ] {
            assert!(check_container_name("--name", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn hostnames_follow_rfc_1123() {
        let label63 = "a".repeat(63);
        let long_ok = [label63.as_str(); 3].join(".") + "." + &"b".repeat(61);
        assert_eq!(long_ok.len(), 253);
        for good in [
            "a",
            "host-1",
            "1host",
            "Web.Example.COM",
            label63.as_str(),
            long_ok.as_str(),
        ] {
            assert!(check_hostname(good).is_ok(), "{good:?}");
        }
        let label64 = "a".repeat(64);
        let too_long = format!("{long_ok}b");
        for bad in [
            "",
            ".",
            "a.",
            ".a",
            "a..b",
            "-a",
            "a-",
            "a.-b",
            "a_b",
            "a b",
            "evil\n1.2.3.4 bank.example",
            "a\tb",
            "é",
            label64.as_str(),
            too_long.as_str(),
        ] {
            assert!(check_hostname(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_error_is_one_line_naming_flag_value_and_rule() {
        let err = check_hostname("x\n1.2.3.4 evil").unwrap_err().to_string();
        assert!(!err.contains('\n'), "{err}");
        assert!(
            err.starts_with("invalid --hostname \"x\\n1.2.3.4 evil\": "),
            "{err}"
        );
        assert!(err.contains("RFC 1123"), "{err}");
        let err = check_container_name("--name", "a b")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "invalid --name \"a b\": names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*"
        );
    }
}
