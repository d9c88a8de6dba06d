//! `coracle events`: the events log, filtered and formatted, followed unless
//! `--stream=false`.

use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::{bail, Result};
use coracle_runtime::monitor::log::rfc3339_nano;
use coracle_storage::events::{Event, EventReader};
use serde_json::{json, Value};

use super::logs::time_window;
use crate::args::EventsArgs;
use crate::context::Context;
use crate::output;

/// How often a followed log is read again.
const POLL: Duration = Duration::from_millis(200);

/// The filter keys `--filter` accepts.
const FILTER_KEYS: [&str; 4] = ["type", "container", "image", "event"];

/// Parsed `--filter`s: values by key (same key: any matches; keys: all must).
struct Filters(BTreeMap<String, Vec<String>>);

impl Filters {
    fn parse(specs: &[String]) -> Result<Filters> {
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for spec in specs {
            let Some((key, value)) = spec.split_once('=') else {
                bail!("invalid --filter {spec:?}: expected KEY=VALUE, KEY one of {FILTER_KEYS:?}");
            };
            let key = if key == "status" { "event" } else { key };
            if !FILTER_KEYS.contains(&key) {
                bail!("invalid --filter {spec:?}: unknown key {key:?}; use one of {FILTER_KEYS:?}");
            }
            map.entry(key.to_string())
                .or_default()
                .push(value.to_string());
        }
        Ok(Filters(map))
    }

    fn matches(&self, e: &Event) -> bool {
        self.0.iter().all(|(key, values)| {
            values.iter().any(|v| match key.as_str() {
                "type" => e.kind.as_str() == v,
                "event" => e.status == *v,
                "container" => {
                    e.kind.as_str() == "container"
                        && (e.name == *v || (!v.is_empty() && e.id.starts_with(v.as_str())))
                }
                "image" => {
                    let named = |n: &str| {
                        n == v
                            || n.ends_with(&format!("/{v}"))
                            || n.ends_with(&format!("/{v}:latest"))
                    };
                    named(&e.image)
                        || (e.kind.as_str() == "image"
                            && (named(&e.name) || (!v.is_empty() && e.id.starts_with(v.as_str()))))
                }
                _ => false,
            })
        })
    }
}

/// The time text of an event, comparable with `--since`/`--until` bounds.
fn time_text(e: &Event) -> String {
    rfc3339_nano(
        e.time_nano.div_euclid(1_000_000_000),
        e.time_nano.rem_euclid(1_000_000_000) as u32,
    )
}

/// What a template sees of an event (Podman's field names).
fn template_value(e: &Event) -> Value {
    json!({
        "ID": e.id,
        "Name": e.name,
        "Image": e.image,
        "Status": e.status,
        "Type": e.kind.as_str(),
        "Time": time_text(e),
        "TimeNano": e.time_nano,
        "ContainerExitCode": e.exit_code.unwrap_or(0),
        "Attributes": e.attributes,
    })
}

/// One event as Podman's default line: time, type, status, id, (image=…, name=…).
fn default_line(e: &Event, no_trunc: bool) -> String {
    let id = if no_trunc || e.id.len() <= 12 || e.kind.as_str() != "container" {
        e.id.as_str()
    } else {
        &e.id[..12]
    };
    let mut details = Vec::new();
    if !e.image.is_empty() {
        details.push(format!("image={}", e.image));
    }
    if !e.name.is_empty() {
        details.push(format!("name={}", e.name));
    }
    if let Some(code) = e.exit_code {
        details.push(format!("containerExitCode={code}"));
    }
    details.extend(e.attributes.iter().map(|(k, v)| format!("{k}={v}")));
    format!(
        "{} {} {} {} ({})\n",
        time_text(e),
        e.kind.as_str(),
        e.status,
        id,
        details.join(", ")
    )
}

fn render(events: &[&Event], format: Option<&str>, no_trunc: bool) -> Result<String> {
    Ok(match format.map(str::trim) {
        None => events.iter().map(|e| default_line(e, no_trunc)).collect(),
        Some("json") => {
            let mut text = String::new();
            for e in events {
                text.push_str(&serde_json::to_string(&template_value(e))?);
                text.push('\n');
            }
            text
        }
        Some(f) => {
            let items: Vec<Value> = events.iter().map(|e| template_value(e)).collect();
            output::formatted(f, &items, &BTreeMap::new())?
        }
    })
}

/// Print the recorded events that match, then (unless `--stream=false`) new ones as
/// they come, until `--until` passes.
pub fn events(_ctx: &Context, args: EventsArgs) -> Result<i32> {
    let filters = Filters::parse(&args.filter)?;
    let (since, until) = time_window(args.since.as_deref(), args.until.as_deref())?;
    if let Some(f) = args.format.as_deref().filter(|f| f.trim() != "json") {
        // A bad template fails now, not at the first event.
        crate::format::Template::parse(f)?;
    }
    let mut reader = EventReader::new();
    loop {
        let batch = reader.read_new()?;
        let shown: Vec<&Event> = batch
            .iter()
            .filter(|e| {
                let t = time_text(e);
                since.as_ref().is_none_or(|s| t >= *s)
                    && until.as_ref().is_none_or(|u| t <= *u)
                    && filters.matches(e)
            })
            .collect();
        if !shown.is_empty() {
            let text = render(&shown, args.format.as_deref(), args.no_trunc)?;
            if output::try_print(&text).is_err() {
                // The reader went away (`coracle events | head -3`): done.
                return Ok(0);
            }
        }
        let past_until = until
            .as_ref()
            .is_some_and(|u| rfc3339_nano(output::now(), 0) > *u);
        if !args.stream || past_until {
            return Ok(0);
        }
        std::thread::sleep(POLL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coracle_storage::events::EventType;

    #[test]
    fn filters_select_by_type_container_image_and_event() {
        let e = Event::new(EventType::Container, "start", &"ab".repeat(32), "web")
            .with_image("docker.io/library/busybox:latest");
        let f = |specs: &[&str]| {
            Filters::parse(&specs.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                .unwrap()
                .matches(&e)
        };
        assert!(f(&[]));
        assert!(f(&["type=container", "container=web"]));
        assert!(f(&["container=abab", "event=start"]));
        assert!(f(&["event=died", "event=start"]), "same key: any");
        assert!(!f(&["type=image"]));
        assert!(!f(&["container=db"]));
        assert!(f(&["image=busybox"]));
        assert!(!f(&["image=alpine"]));
        assert!(Filters::parse(&["volume=x".into()]).is_err());
        assert!(Filters::parse(&["type".into()]).is_err());
    }

    #[test]
    fn formats_as_template_json_and_default_line() {
        let mut e =
            Event::new(EventType::Container, "died", &"cd".repeat(32), "web").with_image("busybox");
        e.exit_code = Some(3);
        let text = render(&[&e], Some("{{.Status}} {{.Name}}"), false).unwrap();
        assert_eq!(text, "died web\n");
        let json: Value =
            serde_json::from_str(render(&[&e], Some("json"), false).unwrap().trim()).unwrap();
        assert_eq!(json["ContainerExitCode"], 3);
        let line = render(&[&e], None, false).unwrap();
        assert!(
            line.contains(
                " container died cdcdcdcdcdcd (image=busybox, name=web, containerExitCode=3)"
            ),
            "{line}"
        );
    }
}
