//! The events log (Podman's "file" events backend): one JSON object per line in
//! `events/events.log` under the runtime directory. Every writer appends a whole
//! line with one `write` on a descriptor opened with `O_APPEND`, so lines of
//! concurrent writers (the CLI, monitors, cleanups) never interleave. Recording is
//! best effort: a command never fails because its event could not be written.

use std::collections::BTreeMap;
use std::fs::{DirBuilder, OpenOptions};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::rundir::runtime_dir;

/// Environment variable selecting the backend (`--events-backend`): `file` or `none`.
pub const BACKEND_ENV: &str = "CORACLE_EVENTS_BACKEND";

/// The longest line the reader accepts; longer ones are skipped.
const MAX_LINE: usize = 64 * 1024;

/// What an event is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventType {
    /// A container.
    Container,
    /// An image.
    Image,
    /// A volume.
    Volume,
    /// A network.
    Network,
    /// A pod.
    Pod,
}

impl EventType {
    /// The lowercase name Podman prints and filters on.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Container => "container",
            EventType::Image => "image",
            EventType::Volume => "volume",
            EventType::Network => "network",
            EventType::Pod => "pod",
        }
    }
}

/// One recorded event, with Podman's field names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The object's full id (image id for image events).
    #[serde(rename = "ID", default)]
    pub id: String,
    /// The object's name (for image events, the reference concerned).
    #[serde(rename = "Name", default)]
    pub name: String,
    /// The image (of a container), as the user named it.
    #[serde(rename = "Image", default)]
    pub image: String,
    /// What happened: create, init, start, died, remove, pull, tag, …
    #[serde(rename = "Status")]
    pub status: String,
    /// What it is about.
    #[serde(rename = "Type")]
    pub kind: EventType,
    /// Nanoseconds since the Unix epoch.
    #[serde(rename = "TimeNano")]
    pub time_nano: i64,
    /// A container's exit code (died events).
    #[serde(
        rename = "ContainerExitCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub exit_code: Option<i32>,
    /// More details (labels, an exec's command, …).
    #[serde(rename = "Attributes", default)]
    pub attributes: BTreeMap<String, String>,
}

impl Event {
    /// An event happening now.
    pub fn new(kind: EventType, status: &str, id: &str, name: &str) -> Event {
        Event {
            id: id.to_string(),
            name: name.to_string(),
            image: String::new(),
            status: status.to_string(),
            kind,
            time_nano: now_nanos(),
            exit_code: None,
            attributes: BTreeMap::new(),
        }
    }

    /// The same event with the image set.
    pub fn with_image(mut self, image: &str) -> Event {
        self.image = image.to_string();
        self
    }
}

fn now_nanos() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Where events are written and read.
pub fn log_path() -> PathBuf {
    runtime_dir().join("events").join("events.log")
}

/// Whether events are recorded at all (`--events-backend none` turns them off).
pub fn enabled() -> bool {
    std::env::var(BACKEND_ENV).map_or(true, |b| b != "none")
}

/// Append `event` to the log, unless the backend is `none`. A failure is logged as a
/// warning and otherwise ignored.
pub fn record(event: &Event) {
    if !enabled() {
        return;
    }
    log::debug!(
        "event: {} {} {} {}",
        event.kind.as_str(),
        event.status,
        event.name,
        event.id
    );
    if let Err(e) = append(event) {
        log::warn!("cannot record the {} event: {e}", event.status);
    }
}

fn append(event: &Event) -> std::io::Result<()> {
    let path = log_path();
    if let Some(dir) = path.parent() {
        DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    }
    let mut line = serde_json::to_vec(event)?;
    line.push(b'\n');
    let mut file = OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o600)
        .open(&path)?;
    // One write of the whole line: with O_APPEND the kernel places it at the end
    // atomically, so concurrent writers never interleave.
    let written = file.write(&line)?;
    if written != line.len() {
        return Err(std::io::Error::other("short write to the events log"));
    }
    Ok(())
}

/// A reader of the log that remembers how far it got, for following it.
pub struct EventReader {
    path: PathBuf,
    offset: u64,
}

impl EventReader {
    /// A reader from the start of the log.
    pub fn new() -> EventReader {
        EventReader {
            path: log_path(),
            offset: 0,
        }
    }

    /// The events written since the last call (all of them the first time); a missing
    /// log has none. Malformed and overlong lines are skipped; a last line without
    /// its newline yet is left for the next call.
    pub fn read_new(&mut self) -> std::io::Result<Vec<Event>> {
        let mut file = match std::fs::File::open(&self.path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        if file.metadata()?.len() < self.offset {
            // The log was emptied (a reboot cleared the runtime directory).
            self.offset = 0;
        }
        file.seek(SeekFrom::Start(self.offset))?;
        let mut reader = BufReader::new(file);
        let mut events = Vec::new();
        let mut line = Vec::new();
        loop {
            line.clear();
            let n = (&mut reader)
                .take(MAX_LINE as u64 + 1)
                .read_until(b'\n', &mut line)?;
            if n == 0 || !line.ends_with(b"\n") {
                if n > MAX_LINE {
                    // Overlong: skip to the end of this line.
                    self.offset += n as u64;
                    let mut rest = Vec::new();
                    let skipped = reader.read_until(b'\n', &mut rest)?;
                    self.offset += skipped as u64;
                    continue;
                }
                break;
            }
            self.offset += n as u64;
            if let Ok(event) = serde_json::from_slice::<Event>(&line) {
                events.push(event);
            }
        }
        Ok(events)
    }
}

impl Default for EventReader {
    fn default() -> Self {
        EventReader::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_round_trip_and_torn_lines_wait() {
        let dir = tempfile::tempdir().unwrap();
        let mut reader = EventReader {
            path: dir.path().join("events.log"),
            offset: 0,
        };
        assert!(reader.read_new().unwrap().is_empty(), "no log yet");
        let event = Event::new(EventType::Container, "start", "abc", "web").with_image("busybox");
        let mut line = serde_json::to_vec(&event).unwrap();
        line.push(b'\n');
        let mut text = line.clone();
        text.extend_from_slice(b"not json\n");
        text.extend_from_slice(&vec![b'x'; MAX_LINE + 10]);
        text.push(b'\n');
        text.extend_from_slice(&line);
        text.extend_from_slice(&line[..10]);
        std::fs::write(&reader.path, &text).unwrap();
        let got = reader.read_new().unwrap();
        assert_eq!(got, vec![event.clone(), event.clone()]);
        let mut file = OpenOptions::new().append(true).open(&reader.path).unwrap();
        file.write_all(&line[10..]).unwrap();
        assert_eq!(reader.read_new().unwrap(), vec![event]);
    }
}
