//! The events log (Podman's "file" events backend): one JSON object per line in
//! `events/events.log` under the runtime directory. Every writer appends a whole
//! line with one `write` on a descriptor opened with `O_APPEND`, so lines of
//! concurrent writers (the CLI, monitors, cleanups) never interleave. Recording is
//! best effort: a command never fails because its event could not be written.

use std::collections::BTreeMap;
use std::fs::{DirBuilder, OpenOptions};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::rundir::runtime_dir;

/// Environment variable selecting the backend (`--events-backend`): `file` or `none`.
pub const BACKEND_ENV: &str = "CORACLE_EVENTS_BACKEND";

/// The longest line the reader accepts; longer ones are skipped.
const MAX_LINE: usize = 64 * 1024;

/// Past this size the log is rotated to `events.log.1` (replacing an older one), so
/// the two files together stay small (Podman's `events_logfile_max_size`, 1 MB).
const MAX_LOG_SIZE: u64 = 1 << 20;

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

/// Where the log goes when it grows past [`MAX_LOG_SIZE`].
fn rotated_path(path: &Path) -> PathBuf {
    path.with_extension("log.1")
}

/// Whether events are recorded at all (`--events-backend none` turns them off; this
/// crate's own unit tests record none, so they leave the caller's runtime directory
/// alone).
pub fn enabled() -> bool {
    !cfg!(test) && std::env::var(BACKEND_ENV).map_or(true, |b| b != "none")
}

/// Append `event` to the log, unless the backend is `none`. A failure is logged as a
/// warning and otherwise ignored.
pub fn record(event: &Event) {
    record_all(std::slice::from_ref(event));
}

/// Append `events` in order (one open of the log for all), as [`record`] does each.
pub fn record_all(events: &[Event]) {
    if events.is_empty() || !enabled() {
        return;
    }
    for event in events {
        log::debug!(
            "event: {} {} {} {}",
            event.kind.as_str(),
            event.status,
            event.name,
            event.id
        );
    }
    if let Err(e) = append_all(&log_path(), events, MAX_LOG_SIZE) {
        let statuses: Vec<&str> = events.iter().map(|e| e.status.as_str()).collect();
        log::warn!("cannot record the {} event: {e}", statuses.join(", "));
    }
}

/// Open the log for appending, making its directory only when it is missing.
fn open_for_append(path: &Path) -> std::io::Result<std::fs::File> {
    let open = || {
        OpenOptions::new()
            .append(true)
            .create(true)
            .mode(0o600)
            .open(path)
    };
    match open() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent() {
                DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
            }
            open()
        }
        other => other,
    }
}

fn append_all(path: &Path, events: &[Event], max_size: u64) -> std::io::Result<()> {
    let mut file = open_for_append(path)?;
    for event in events {
        let mut line = serde_json::to_vec(event)?;
        line.push(b'\n');
        // One write of the whole line: with O_APPEND the kernel places it at the end
        // atomically, so concurrent writers never interleave.
        let written = file.write(&line)?;
        if written != line.len() {
            return Err(std::io::Error::other("short write to the events log"));
        }
    }
    let ours = file.metadata()?;
    if ours.len() > max_size {
        // One rotation per full log: under the file's lock, and only while the name
        // still means the file we wrote to (another writer may have rotated it).
        rustix::fs::flock(&file, rustix::fs::FlockOperation::LockExclusive)?;
        if std::fs::metadata(path).is_ok_and(|m| m.ino() == ours.ino()) {
            std::fs::rename(path, rotated_path(path))?;
        }
    }
    Ok(())
}

/// A reader of the log that remembers how far it got, for following it.
pub struct EventReader {
    path: PathBuf,
    /// The file read so far (its inode) and how far.
    inode: Option<u64>,
    offset: u64,
    /// Whether the rotated log was read (once, first).
    read_rotated: bool,
}

impl EventReader {
    /// A reader from the start of the log (the rotated part first).
    pub fn new() -> EventReader {
        EventReader::at(log_path())
    }

    fn at(path: PathBuf) -> EventReader {
        EventReader {
            path,
            inode: None,
            offset: 0,
            read_rotated: false,
        }
    }

    /// The events written since the last call (all of them the first time); a missing
    /// log has none. Malformed and overlong lines are skipped; a last line without
    /// its newline yet is left for the next call.
    pub fn read_new(&mut self) -> std::io::Result<Vec<Event>> {
        let mut events = Vec::new();
        if !self.read_rotated {
            self.read_rotated = true;
            if let Some(file) = open_if_present(&rotated_path(&self.path))? {
                read_lines(file, 0, &mut events)?;
            }
        }
        let Some(file) = open_if_present(&self.path)? else {
            return Ok(events);
        };
        let meta = file.metadata()?;
        if self.inode.is_some_and(|ino| ino != meta.ino()) {
            // Rotated: first the rest of the file this reader was in, if it is the
            // rotated one.
            if let Some(old) = open_if_present(&rotated_path(&self.path))? {
                if Some(old.metadata()?.ino()) == self.inode {
                    read_lines(old, self.offset, &mut events)?;
                }
            }
        }
        if self.inode != Some(meta.ino()) || meta.len() < self.offset {
            // A new file, or emptied (a reboot cleared the runtime directory).
            self.inode = Some(meta.ino());
            self.offset = 0;
        }
        self.offset = read_lines(file, self.offset, &mut events)?;
        Ok(events)
    }
}

fn open_if_present(path: &Path) -> std::io::Result<Option<std::fs::File>> {
    match std::fs::File::open(path) {
        Ok(f) => Ok(Some(f)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Parse the whole lines of `file` from `offset` into `events`; the offset after the
/// last whole line.
fn read_lines(
    mut file: std::fs::File,
    mut offset: u64,
    events: &mut Vec<Event>,
) -> std::io::Result<u64> {
    file.seek(SeekFrom::Start(offset))?;
    let mut reader = BufReader::new(file);
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = (&mut reader)
            .take(MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut line)?;
        if n > MAX_LINE && !line.ends_with(b"\n") {
            // Overlong: skip the rest of the line without keeping it.
            offset += (n + reader.skip_until(b'\n')?) as u64;
            continue;
        }
        if n == 0 || !line.ends_with(b"\n") {
            // The end, or a line still being written: left for the next read.
            return Ok(offset);
        }
        offset += n as u64;
        if let Ok(event) = serde_json::from_slice::<Event>(&line) {
            events.push(event);
        }
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

    fn append_to(path: &Path, event: &Event, max_size: u64) -> std::io::Result<()> {
        append_all(path, std::slice::from_ref(event), max_size)
    }

    #[test]
    fn several_events_are_appended_in_order_and_the_directory_made() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events").join("events.log");
        let first = Event::new(EventType::Container, "init", "abc", "web");
        let second = Event::new(EventType::Container, "start", "abc", "web");
        append_all(&path, &[first.clone(), second.clone()], 1 << 20).unwrap();
        append_all(&path, std::slice::from_ref(&first), 1 << 20).unwrap();
        let mut reader = EventReader::at(path);
        assert_eq!(
            reader.read_new().unwrap(),
            vec![first.clone(), second, first]
        );
    }

    fn line(event: &Event) -> Vec<u8> {
        let mut line = serde_json::to_vec(event).unwrap();
        line.push(b'\n');
        line
    }

    #[test]
    fn events_round_trip_and_torn_lines_wait() {
        let dir = tempfile::tempdir().unwrap();
        let mut reader = EventReader::at(dir.path().join("events.log"));
        assert!(reader.read_new().unwrap().is_empty(), "no log yet");
        let event = Event::new(EventType::Container, "start", "abc", "web").with_image("busybox");
        let line = line(&event);
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

    #[test]
    fn a_full_log_is_rotated_and_read_after_its_older_part() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events").join("events.log");
        let event = |n: usize| Event::new(EventType::Image, "tag", &n.to_string(), "x");
        let size = line(&event(0)).len() as u64;
        // Three lines fit; the fourth makes the log rotate.
        for n in 0..4 {
            append_to(&path, &event(n), 3 * size).unwrap();
        }
        assert!(!path.exists(), "rotated");
        append_to(&path, &event(4), 3 * size).unwrap();
        let mut reader = EventReader::at(path.clone());
        let ids = |reader: &mut EventReader| -> Vec<String> {
            reader
                .read_new()
                .unwrap()
                .into_iter()
                .map(|e| e.id)
                .collect()
        };
        let first = ids(&mut reader);
        assert_eq!(first, ["0", "1", "2", "3", "4"]);
        // A follower notices the next rotation: the rest of its file, then the new one.
        for n in 5..8 {
            append_to(&path, &event(n), 3 * size).unwrap();
        }
        append_to(&path, &event(8), 3 * size).unwrap();
        assert_eq!(
            ids(&mut reader),
            ["5", "6", "7", "8"],
            "the rest of the rotated file first"
        );
    }
}
