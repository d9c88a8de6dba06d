//! Container resources between Kubernetes quantities and coracle's flags, as
//! Podman maps them: `limits.memory` is `--memory`, `limits.cpu` is `--cpus`,
//! `requests.cpu` is `--cpu-shares` (1024 per CPU). A memory request has no
//! counterpart here and is refused by name.

use anyhow::{bail, Result};
use coracle_runtime::spec::resources::Resources;
use serde_json::{json, Map, Value};

use super::check_fields;

/// A quantity's text (a YAML number or string).
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Split a quantity into its number and suffix.
fn split(q: &str) -> (&str, &str) {
    let at = q
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(q.len());
    q.split_at(at)
}

/// A memory quantity in bytes: `134217728`, `128Mi`, `1G`, `1.5Gi`.
pub fn bytes(q: &str) -> Option<u64> {
    let (number, suffix) = split(q);
    let scale: f64 = match suffix {
        "" => 1.0,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "Ki" => 1024.0,
        "Mi" => 1024.0 * 1024.0,
        "Gi" => 1024.0 * 1024.0 * 1024.0,
        "Ti" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    let value: f64 = number.parse().ok()?;
    let total = value * scale;
    (total.is_finite() && (1.0..1e18).contains(&total)).then_some(total.round() as u64)
}

/// A CPU quantity in thousandths of a CPU: `500m`, `0.5`, `2`.
pub fn millicpus(q: &str) -> Option<u64> {
    let (number, suffix) = split(q);
    let value: f64 = number.parse().ok()?;
    let milli = match suffix {
        "m" => value,
        "" => value * 1000.0,
        _ => return None,
    };
    (milli.is_finite() && (1.0..=1e9).contains(&milli)).then_some(milli.round() as u64)
}

fn quantity<T>(v: &Value, at: &str, parse: fn(&str) -> Option<T>) -> Result<T> {
    match text_of(v).as_deref().and_then(parse) {
        Some(x) => Ok(x),
        None => bail!(
            "kube play: {at} {v} is not a quantity coracle understands (such as 128Mi or 500m)"
        ),
    }
}

/// `run` arguments for a container's `resources`.
pub fn run_args(resources: &Value, at: &str) -> Result<Vec<String>> {
    check_fields(resources, &["limits", "requests"], at)?;
    let limits = &resources["limits"];
    let requests = &resources["requests"];
    check_fields(limits, &["memory", "cpu"], &format!("{at}.limits"))?;
    check_fields(requests, &["cpu"], &format!("{at}.requests"))?;
    let mut out = Vec::new();
    if !limits["memory"].is_null() {
        let b = quantity(&limits["memory"], &format!("{at}.limits.memory"), bytes)?;
        out.extend(["--memory".to_string(), b.to_string()]);
    }
    if !limits["cpu"].is_null() {
        let m = quantity(&limits["cpu"], &format!("{at}.limits.cpu"), millicpus)?;
        out.extend([
            "--cpus".to_string(),
            format!("{}.{:03}", m / 1000, m % 1000),
        ]);
    }
    if !requests["cpu"].is_null() {
        let m = quantity(&requests["cpu"], &format!("{at}.requests.cpu"), millicpus)?;
        out.extend([
            "--cpu-shares".to_string(),
            (m * 1024 / 1000).max(2).to_string(),
        ]);
    }
    Ok(out)
}

/// A byte count as Kubernetes writes it: whole MiB as `NMi`, else bytes.
fn memory_quantity(b: u64) -> String {
    if b.is_multiple_of(1 << 20) {
        format!("{}Mi", b >> 20)
    } else {
        b.to_string()
    }
}

/// The `resources` of a container's limits (None when it has none).
pub fn yaml(r: &Resources) -> Option<Value> {
    let mut limits = Map::new();
    if let Some(b) = r.memory {
        limits.insert("memory".into(), json!(memory_quantity(b)));
    }
    if let Some(n) = r.nano_cpus {
        limits.insert("cpu".into(), json!(format!("{}m", n / 1_000_000)));
    }
    let mut out = Map::new();
    if !limits.is_empty() {
        out.insert("limits".into(), Value::Object(limits));
    }
    if let Some(s) = r.cpu_shares {
        out.insert(
            "requests".into(),
            json!({"cpu": format!("{}m", s * 1000 / 1024)}),
        );
    }
    (!out.is_empty()).then_some(Value::Object(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities() {
        assert_eq!(bytes("128Mi"), Some(128 << 20));
        assert_eq!(bytes("1G"), Some(1_000_000_000));
        assert_eq!(bytes("1.5Gi"), Some(3 << 29));
        assert_eq!(bytes("67108864"), Some(67108864));
        assert_eq!(bytes("lots"), None);
        assert_eq!(bytes("12Zi"), None);
        assert_eq!(millicpus("500m"), Some(500));
        assert_eq!(millicpus("0.25"), Some(250));
        assert_eq!(millicpus("2"), Some(2000));
        assert_eq!(millicpus("-1"), None);
    }

    #[test]
    fn resources_both_ways() {
        let res = json!({"limits": {"memory": "64Mi", "cpu": "500m"}, "requests": {"cpu": 1}});
        assert_eq!(
            run_args(&res, "r").unwrap(),
            [
                "--memory",
                "67108864",
                "--cpus",
                "0.500",
                "--cpu-shares",
                "1024"
            ]
        );
        let e = run_args(&json!({"requests": {"memory": "1Gi"}}), "r")
            .unwrap_err()
            .to_string();
        assert!(e.contains("r.requests.memory"), "{e}");
        let r = Resources {
            memory: Some(64 << 20),
            nano_cpus: Some(500_000_000),
            cpu_shares: Some(1024),
            ..Default::default()
        };
        assert_eq!(
            yaml(&r).unwrap(),
            json!({"limits": {"memory": "64Mi", "cpu": "500m"}, "requests": {"cpu": "1000m"}})
        );
        assert_eq!(yaml(&Resources::default()), None);
    }
}
