//! `--change` instructions (`CMD=…`, `ENV …`, …) applied to an image configuration,
//! with Podman's syntax: the instruction, then `=` or a space, then its value.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::ComposeError;

/// One configuration change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigChange {
    /// `CMD`: the default arguments.
    Cmd(Vec<String>),
    /// `ENTRYPOINT`.
    Entrypoint(Vec<String>),
    /// `ENV KEY=VALUE`: set (or replace) variables.
    Env(Vec<(String, String)>),
    /// `WORKDIR`.
    Workdir(String),
    /// `USER`.
    User(String),
    /// `LABEL k=v …`.
    Labels(BTreeMap<String, String>),
    /// `EXPOSE 80 53/udp …`.
    Expose(Vec<String>),
    /// `VOLUME /a /b` or a JSON list.
    Volume(Vec<String>),
    /// `STOPSIGNAL`.
    StopSignal(String),
}

/// The instructions `--change` accepts.
pub const INSTRUCTIONS: &str =
    "CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR";

impl ConfigChange {
    /// Parse one `--change` value.
    pub fn parse(text: &str) -> Result<ConfigChange, ComposeError> {
        let bad = |why: &str| ComposeError::BadChange {
            change: text.to_string(),
            why: why.to_string(),
        };
        let split = text.find(['=', ' ']).ok_or_else(|| bad("no value"))?;
        let (word, value) = (&text[..split], text[split + 1..].trim());
        if value.is_empty() {
            return Err(bad("no value"));
        }
        Ok(match word.to_ascii_uppercase().as_str() {
            "CMD" => ConfigChange::Cmd(command(value)),
            "ENTRYPOINT" => ConfigChange::Entrypoint(command(value)),
            "ENV" => ConfigChange::Env(env(value).ok_or_else(|| bad("expected KEY=VALUE"))?),
            "WORKDIR" => ConfigChange::Workdir(value.to_string()),
            "USER" => ConfigChange::User(value.to_string()),
            "LABEL" => {
                ConfigChange::Labels(labels(value).ok_or_else(|| bad("expected KEY=VALUE"))?)
            }
            "EXPOSE" => ConfigChange::Expose(
                value
                    .split_whitespace()
                    .map(|p| match p.contains('/') {
                        true => p.to_string(),
                        false => format!("{p}/tcp"),
                    })
                    .collect(),
            ),
            "VOLUME" => ConfigChange::Volume(list(value)),
            "STOPSIGNAL" => ConfigChange::StopSignal(value.to_string()),
            _ => {
                return Err(bad(&format!(
                    "the instruction must be one of {INSTRUCTIONS}"
                )))
            }
        })
    }

    /// Apply the change to the `config` object of an image configuration.
    pub fn apply(&self, config: &mut Value) {
        if !config.is_object() {
            *config = json!({});
        }
        match self {
            ConfigChange::Cmd(v) => config["Cmd"] = json!(v),
            ConfigChange::Entrypoint(v) => config["Entrypoint"] = json!(v),
            ConfigChange::Env(vars) => {
                let mut env: Vec<String> = strings(&config["Env"]);
                for (k, v) in vars {
                    env.retain(|e| e.split_once('=').map(|(n, _)| n) != Some(k.as_str()));
                    env.push(format!("{k}={v}"));
                }
                config["Env"] = json!(env);
            }
            ConfigChange::Workdir(w) => config["WorkingDir"] = json!(w),
            ConfigChange::User(u) => config["User"] = json!(u),
            ConfigChange::Labels(l) => {
                merge_object(config, "Labels", l.iter().map(|(k, v)| (k, json!(v))))
            }
            ConfigChange::Expose(p) => {
                merge_object(config, "ExposedPorts", p.iter().map(|p| (p, json!({}))))
            }
            ConfigChange::Volume(v) => {
                merge_object(config, "Volumes", v.iter().map(|p| (p, json!({}))))
            }
            ConfigChange::StopSignal(s) => config["StopSignal"] = json!(s),
        }
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn merge_object<'a>(
    config: &mut Value,
    key: &str,
    entries: impl Iterator<Item = (&'a String, Value)>,
) {
    if !config[key].is_object() {
        config[key] = json!({});
    }
    for (k, v) in entries {
        config[key][k.as_str()] = v;
    }
}

/// A JSON list as it is, anything else as `/bin/sh -c TEXT` (Dockerfile shell form).
fn command(value: &str) -> Vec<String> {
    serde_json::from_str::<Vec<String>>(value)
        .unwrap_or_else(|_| vec!["/bin/sh".into(), "-c".into(), value.to_string()])
}

/// A JSON list as it is, anything else split on white space.
fn list(value: &str) -> Vec<String> {
    serde_json::from_str::<Vec<String>>(value)
        .unwrap_or_else(|_| value.split_whitespace().map(String::from).collect())
}

/// `KEY=VALUE [KEY=VALUE…]` or the old `KEY VALUE` form.
fn env(value: &str) -> Option<Vec<(String, String)>> {
    if !value.contains('=') {
        let (k, v) = value.split_once(' ')?;
        return Some(vec![(k.to_string(), v.trim().to_string())]);
    }
    pairs(value)
}

fn labels(value: &str) -> Option<BTreeMap<String, String>> {
    Some(pairs(value)?.into_iter().collect())
}

/// `K=V K2="V 2"` pairs; a value may be double-quoted.
fn pairs(value: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut rest = value.trim_start();
    while !rest.is_empty() {
        let (key, after) = rest.split_once('=')?;
        if key.is_empty() || key.contains(char::is_whitespace) {
            return None;
        }
        let (val, next) = match after.strip_prefix('"') {
            Some(quoted) => {
                let end = quoted.find('"')?;
                (&quoted[..end], &quoted[end + 1..])
            }
            None => after.split_once(char::is_whitespace).unwrap_or((after, "")),
        };
        out.push((key.to_string(), val.to_string()));
        rest = next.trim_start();
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn podman_forms_parse() {
        assert_eq!(
            ConfigChange::parse("CMD=/bin/date").unwrap(),
            ConfigChange::Cmd(vec!["/bin/sh".into(), "-c".into(), "/bin/date".into()])
        );
        assert_eq!(
            ConfigChange::parse(r#"cmd ["cat", "/a"]"#).unwrap(),
            ConfigChange::Cmd(vec!["cat".into(), "/a".into()])
        );
        assert_eq!(
            ConfigChange::parse("ENV=A=1").unwrap(),
            ConfigChange::Env(vec![("A".into(), "1".into())])
        );
        assert_eq!(
            ConfigChange::parse("ENV B two words").unwrap(),
            ConfigChange::Env(vec![("B".into(), "two words".into())])
        );
        assert_eq!(
            ConfigChange::parse(r#"LABEL=a=1 b="x y""#).unwrap(),
            ConfigChange::Labels([("a".into(), "1".into()), ("b".into(), "x y".into())].into())
        );
        assert_eq!(
            ConfigChange::parse("EXPOSE 80 53/udp").unwrap(),
            ConfigChange::Expose(vec!["80/tcp".into(), "53/udp".into()])
        );
        for bad in ["RUN=ls", "CMD", "ENV=", "LABEL=novalue", "FROM x"] {
            assert!(ConfigChange::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn changes_apply_to_the_config() {
        let mut c = json!({"Env": ["A=0", "B=1"], "Labels": {"x": "1"}});
        ConfigChange::parse("ENV A=2").unwrap().apply(&mut c);
        ConfigChange::parse("LABEL y=2").unwrap().apply(&mut c);
        ConfigChange::parse("EXPOSE 8080").unwrap().apply(&mut c);
        ConfigChange::parse("WORKDIR /srv").unwrap().apply(&mut c);
        assert_eq!(c["Env"], json!(["B=1", "A=2"]));
        assert_eq!(c["Labels"], json!({"x": "1", "y": "2"}));
        assert_eq!(c["ExposedPorts"], json!({"8080/tcp": {}}));
        assert_eq!(c["WorkingDir"], json!("/srv"));
    }
}
