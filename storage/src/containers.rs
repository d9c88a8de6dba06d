//! Container records: one row per container, name uniqueness by a UNIQUE constraint.

use std::io::Read;

use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

pub use crate::container_state::{ContainerState, InvalidTransition};
use crate::error::{Result, StorageError};
use crate::events::{self, Event, EventType};
use crate::records::Db;

/// A stored container.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContainerRecord {
    /// 64 hex digits.
    pub id: String,
    /// Unique name.
    pub name: String,
    /// The image's ID.
    pub image_id: String,
    /// The image as the user named it.
    pub image_name: String,
    /// The command line.
    pub command: Vec<String>,
    /// Unix seconds.
    pub created: i64,
    /// State.
    pub state: ContainerState,
    /// Host pid of its init while running.
    pub pid: Option<i32>,
    /// Exit code once exited.
    pub exit_code: Option<i32>,
    /// Unix seconds.
    pub started: Option<i64>,
    /// Unix seconds.
    pub finished: Option<i64>,
    /// Runtime configuration (the container's saved spec), owned by the runtime crate.
    pub config: SavedSpec,
    /// Host pid of the process that watches it (the monitor, or the foreground CLI).
    pub monitor_pid: Option<i32>,
    /// Why its last start failed or how its end was found, if so.
    pub error: Option<String>,
    /// The start time of its init (`/proc/PID/stat` field 22, clock ticks after
    /// boot): tells the container's process from a later one that reuses the pid.
    pub pid_start: Option<u64>,
    /// The same for its monitor.
    pub monitor_start: Option<u64>,
    /// How often the restart policy started it again.
    pub restart_count: u32,
}

/// A container's saved spec as the JSON text it is stored as: the runtime crate
/// parses it straight into its typed spec when it needs it, so that reading records
/// (`ps` reads every one) builds no JSON tree per container.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SavedSpec(String);

impl SavedSpec {
    /// The spec that `value` serialises to.
    pub fn from_value(value: &serde_json::Value) -> SavedSpec {
        SavedSpec(value.to_string())
    }

    /// The spec as JSON text (written by a serialiser; a stored text that is not
    /// JSON is found when it is parsed).
    pub fn from_text(text: String) -> SavedSpec {
        SavedSpec(text)
    }

    /// The JSON text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Serialize for SavedSpec {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        let value: serde_json::Value =
            serde_json::from_str(&self.0).map_err(serde::ser::Error::custom)?;
        value.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for SavedSpec {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        serde_json::Value::deserialize(deserializer).map(|v| SavedSpec::from_value(&v))
    }
}

const COLUMNS: &str = "id, name, image_id, image_name, command, created, state, pid, exit_code, started, finished, config, monitor_pid, error, pid_start, monitor_start, restart_count";

/// How many columns [`COLUMNS`] names.
const COLUMN_COUNT: usize = 17;

fn from_row(r: &Row<'_>) -> rusqlite::Result<ContainerRecord> {
    let command_text: String = r.get(4)?;
    let command = serde_json::from_str(&command_text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, Box::new(e))
    })?;
    let state: String = r.get(6)?;
    let state = ContainerState::parse(&state).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            6,
            rusqlite::types::Type::Text,
            format!("unknown container state {state:?}").into(),
        )
    })?;
    Ok(ContainerRecord {
        id: r.get(0)?,
        name: r.get(1)?,
        image_id: r.get(2)?,
        image_name: r.get(3)?,
        command,
        created: r.get(5)?,
        state,
        pid: r.get(7)?,
        exit_code: r.get(8)?,
        started: r.get(9)?,
        finished: r.get(10)?,
        config: SavedSpec::from_text(r.get(11)?),
        monitor_pid: r.get(12)?,
        error: r.get(13)?,
        pid_start: r.get::<_, Option<i64>>(14)?.map(|t| t as u64),
        monitor_start: r.get::<_, Option<i64>>(15)?.map(|t| t as u64),
        restart_count: r.get::<_, i64>(16)?.clamp(0, i64::from(u32::MAX)) as u32,
    })
}

/// Columns a state transition sets (`None` leaves a column as it is; `Some(None)`
/// clears it).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContainerChange {
    /// Host pid of the container's init.
    pub pid: Option<Option<i32>>,
    /// Host pid of its monitor.
    pub monitor_pid: Option<Option<i32>>,
    /// Exit code.
    pub exit_code: Option<Option<i32>>,
    /// Start time, Unix seconds.
    pub started: Option<Option<i64>>,
    /// End time, Unix seconds.
    pub finished: Option<Option<i64>>,
    /// Error text.
    pub error: Option<Option<String>>,
    /// Start time of the init (see [`ContainerRecord::pid_start`]).
    pub pid_start: Option<Option<u64>>,
    /// Start time of the monitor.
    pub monitor_start: Option<Option<u64>>,
    /// Restart count.
    pub restart_count: Option<u32>,
}

impl ContainerChange {
    /// A start: the pids and start time set, the previous end forgotten.
    pub fn started(pid: i32, monitor_pid: i32, started: i64) -> ContainerChange {
        ContainerChange {
            pid: Some(Some(pid)),
            monitor_pid: Some(Some(monitor_pid)),
            exit_code: Some(None),
            started: Some(Some(started)),
            finished: Some(None),
            error: Some(None),
            ..ContainerChange::default()
        }
    }

    /// [`started`](Self::started) with the start times of both processes, so that a
    /// reused pid is never taken for either.
    pub fn with_start_times(mut self, pid_start: Option<u64>, monitor_start: Option<u64>) -> Self {
        self.pid_start = Some(pid_start);
        self.monitor_start = Some(monitor_start);
        self
    }

    /// An end: exit code (if known), end time and error (if any); the pids cleared.
    pub fn ended(exit_code: Option<i32>, finished: i64, error: Option<String>) -> ContainerChange {
        ContainerChange {
            pid: Some(None),
            monitor_pid: Some(None),
            exit_code: Some(exit_code),
            started: None,
            finished: Some(Some(finished)),
            error: Some(error),
            pid_start: Some(None),
            monitor_start: Some(None),
            restart_count: None,
        }
    }

    fn apply_to(&self, rec: &mut ContainerRecord) {
        fn set<T: Clone>(field: &mut T, value: &Option<T>) {
            if let Some(v) = value {
                *field = v.clone();
            }
        }
        set(&mut rec.pid, &self.pid);
        set(&mut rec.monitor_pid, &self.monitor_pid);
        set(&mut rec.exit_code, &self.exit_code);
        set(&mut rec.started, &self.started);
        set(&mut rec.finished, &self.finished);
        set(&mut rec.error, &self.error);
        set(&mut rec.pid_start, &self.pid_start);
        set(&mut rec.monitor_start, &self.monitor_start);
        set(&mut rec.restart_count, &self.restart_count);
    }
}

/// Short ids of the containers using an image (inside a transaction).
pub(crate) fn containers_using(tx: &Transaction<'_>, image_id: &str) -> Result<Vec<String>> {
    let mut stmt = tx.prepare("SELECT id FROM containers WHERE image_id = ?1 ORDER BY created")?;
    let ids = stmt
        .query_map([image_id], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids
        .into_iter()
        .map(|i| i[..12.min(i.len())].to_string())
        .collect())
}

/// The error for an id prefix that `matches` several containers: each named by its
/// short id and name.
pub fn ambiguous_container<'a>(
    prefix: &str,
    matches: impl IntoIterator<Item = &'a ContainerRecord>,
) -> StorageError {
    StorageError::AmbiguousContainer {
        prefix: prefix.to_owned(),
        candidates: matches
            .into_iter()
            .map(|r| format!("{} ({})", &r.id[..12.min(r.id.len())], r.name))
            .collect(),
    }
}

/// The error for a name the UNIQUE constraint refused, naming its holder.
fn name_in_use(tx: &Transaction<'_>, name: &str) -> Result<StorageError> {
    let owner: Option<String> = tx
        .query_row("SELECT id FROM containers WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?;
    let owner = owner.unwrap_or_default();
    Ok(StorageError::NameInUse {
        name: name.to_owned(),
        owner: owner[..12.min(owner.len())].to_string(),
    })
}

/// A container event about `rec`.
fn container_event(rec: &ContainerRecord, status: &str) -> Event {
    Event::new(EventType::Container, status, &rec.id, &rec.name).with_image(&rec.image_name)
}

/// One move of [`Db::transitions`]: the state to reach, the action an error names,
/// the columns it sets.
pub type TransitionStep<'a> = (ContainerState, &'static str, &'a ContainerChange);

/// What [`Db::checked_moves`] does with the record once its moves are allowed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AfterMoves {
    /// Save it in its new state.
    Save,
    /// Delete it (the moves only decide whether that is allowed, and the events).
    Delete,
}

/// The events (Podman's statuses) a state change means.
fn transition_events(from: ContainerState, to: ContainerState) -> &'static [&'static str] {
    use ContainerState::*;
    match (from, to) {
        (Created | Exited | Stopped, Running) => &["init", "start"],
        (Paused, Running) => &["unpause"],
        (Running, Paused) => &["pause"],
        (Running | Paused, Exited) => &["died"],
        (Running | Paused, Stopped) => &["died", "stop"],
        (_, Removing) => &["remove"],
        _ => &[],
    }
}

impl Db {
    /// Insert a container; a taken name is [`StorageError::NameInUse`] (decided by the
    /// UNIQUE constraint, not by a check before the insert).
    pub fn create_container(&self, rec: &ContainerRecord) -> Result<()> {
        self.write(|tx| {
            let inserted = tx.execute(
                &format!("INSERT INTO containers ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"),
                params![
                    rec.id,
                    rec.name,
                    rec.image_id,
                    rec.image_name,
                    serde_json::to_string(&rec.command).unwrap_or_else(|_| "[]".into()),
                    rec.created,
                    rec.state.as_str(),
                    rec.pid,
                    rec.exit_code,
                    rec.started,
                    rec.finished,
                    rec.config.as_str(),
                    rec.monitor_pid,
                    rec.error,
                    rec.pid_start.map(|t| t as i64),
                    rec.monitor_start.map(|t| t as i64),
                    rec.restart_count,
                ],
            );
            match inserted {
                Ok(_) => Ok(()),
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
                {
                    Err(name_in_use(tx, &rec.name)?)
                }
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY =>
                {
                    Err(StorageError::ImageNotFound(rec.image_id.clone()))
                }
                Err(e) => Err(e.into()),
            }
        })?;
        events::record(&container_event(rec, "create"));
        Ok(())
    }

    /// Move a container to `to` after the state machine allowed it
    /// ([`ContainerState::check`]), setting the given columns in the same transaction;
    /// the record as it is afterwards. [`StorageError::ContainerNotFound`] when there is
    /// no container with this full id, [`StorageError::InvalidTransition`] when the
    /// move is not allowed from its current state.
    pub fn transition(
        &self,
        id: &str,
        to: ContainerState,
        action: &'static str,
        change: &ContainerChange,
    ) -> Result<ContainerRecord> {
        self.transitions(id, &[(to, action, change)])
    }

    /// Several moves of one container (as [`Db::transition`]) in one transaction,
    /// each checked from the state the one before leaves: all are made or none (a
    /// refused move leaves the record as it was). Their events follow in order.
    pub fn transitions(&self, id: &str, steps: &[TransitionStep<'_>]) -> Result<ContainerRecord> {
        self.checked_moves(id, steps, ContainerState::check, AfterMoves::Save)
    }

    /// The moves of [`Db::transitions`] (the last into "removing"), then the record
    /// deleted, in one transaction: a container whose files are gone already leaves
    /// the store in one commit, with the events of each move. Errors as
    /// [`Db::transitions`] (nothing changed).
    pub fn transitions_then_delete(&self, id: &str, steps: &[TransitionStep<'_>]) -> Result<()> {
        self.checked_moves(id, steps, ContainerState::check, AfterMoves::Delete)
            .map(|_| ())
    }

    /// Record that a start of a container that was not running (created, exited or
    /// stopped: [`ContainerState::can_start`]) failed before its process ran: it is
    /// left exited with `change` (exit code, finish time, the error). An exited
    /// container started again keeps its state but gets the new error, which the
    /// state machine's exit move (made only from a live or created container) would
    /// refuse.
    pub fn record_failed_start(
        &self,
        id: &str,
        change: &ContainerChange,
    ) -> Result<ContainerRecord> {
        self.checked_moves(
            id,
            &[(ContainerState::Exited, "record the failed start of", change)],
            |from, _, id, action| from.check_failed_start(id, action),
            AfterMoves::Save,
        )
    }

    /// [`Db::transitions`] with `check` deciding whether each move is allowed.
    fn checked_moves(
        &self,
        id: &str,
        steps: &[TransitionStep<'_>],
        check: impl Fn(
            ContainerState,
            ContainerState,
            &str,
            &'static str,
        ) -> std::result::Result<(), InvalidTransition>,
        after: AfterMoves,
    ) -> Result<ContainerRecord> {
        let (moves, next) = self.write(|tx| {
            let mut next = tx
                .prepare_cached(&format!("SELECT {COLUMNS} FROM containers WHERE id = ?1"))?
                .query_row([id], from_row)
                .optional()?
                .ok_or_else(|| StorageError::ContainerNotFound(id.to_owned()))?;
            let mut moves = Vec::with_capacity(steps.len());
            for (to, action, change) in steps {
                check(next.state, *to, id, action)?;
                let from = next.state;
                next.state = *to;
                change.apply_to(&mut next);
                moves.push((from, *to, next.exit_code));
            }
            if after == AfterMoves::Delete {
                tx.prepare_cached("DELETE FROM containers WHERE id = ?1")?
                    .execute([id])?;
                return Ok((moves, next));
            }
            tx.prepare_cached(
                "UPDATE containers SET state = ?2, pid = ?3, exit_code = ?4, started = ?5, \
                 finished = ?6, monitor_pid = ?7, error = ?8, pid_start = ?9, \
                 monitor_start = ?10, restart_count = ?11 WHERE id = ?1",
            )?
            .execute(params![
                id,
                next.state.as_str(),
                next.pid,
                next.exit_code,
                next.started,
                next.finished,
                next.monitor_pid,
                next.error,
                next.pid_start.map(|t| t as i64),
                next.monitor_start.map(|t| t as i64),
                next.restart_count,
            ])?;
            Ok((moves, next))
        })?;
        let mut recorded = Vec::new();
        for (from, to, exit_code) in moves {
            for status in transition_events(from, to) {
                let mut event = container_event(&next, status);
                if *status == "died" {
                    event.exit_code = exit_code;
                }
                recorded.push(event);
            }
        }
        events::record_all(&recorded);
        Ok(next)
    }

    /// Set how often the restart policy started the container again.
    pub fn set_restart_count(&self, id: &str, count: u32) -> Result<()> {
        self.write(|tx| {
            match tx.execute(
                "UPDATE containers SET restart_count = ?2 WHERE id = ?1",
                params![id, count],
            )? {
                0 => Err(StorageError::ContainerNotFound(id.to_owned())),
                _ => Ok(()),
            }
        })
    }

    /// Replace a container's saved spec (`network connect`/`disconnect`).
    pub fn set_container_config(&self, id: &str, config: &SavedSpec) -> Result<()> {
        let text = config.as_str();
        self.write(|tx| {
            match tx.execute(
                "UPDATE containers SET config = ?2 WHERE id = ?1",
                params![id, text],
            )? {
                0 => Err(StorageError::ContainerNotFound(id.to_owned())),
                _ => Ok(()),
            }
        })
    }

    /// Delete a container record; false when there was none.
    pub fn delete_container(&self, id: &str) -> Result<bool> {
        self.write(|tx| Ok(tx.execute("DELETE FROM containers WHERE id = ?1", [id])? > 0))
    }

    /// Every container, newest first (created in the same second: the one inserted
    /// last first), in one query.
    pub fn list_containers(&self) -> Result<Vec<ContainerRecord>> {
        self.read(|tx| {
            let mut stmt = tx.prepare(&format!("SELECT {COLUMNS}, rowid FROM containers"))?;
            let mut rows = stmt
                .query_map([], |r| Ok((from_row(r)?, r.get::<_, i64>(COLUMN_COUNT)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            // Newest first, as `ORDER BY created DESC, rowid DESC` would give; sorted
            // here because SQLite's sorter copies every whole row (saved spec and all)
            // once more, a third of the listing's cost.
            rows.sort_unstable_by(|(a, a_rowid), (b, b_rowid)| {
                (b.created, b_rowid).cmp(&(a.created, a_rowid))
            });
            Ok(rows.into_iter().map(|(record, _)| record).collect())
        })
    }

    /// A container by exact name, full id, or unique id prefix; a prefix matching several
    /// containers is [`StorageError::AmbiguousContainer`].
    pub fn find_container(&self, name_or_id: &str) -> Result<Option<ContainerRecord>> {
        self.read(|tx| {
            let exact = tx
                .query_row(
                    &format!("SELECT {COLUMNS} FROM containers WHERE id = ?1 OR name = ?1 ORDER BY id = ?1 DESC LIMIT 1"),
                    [name_or_id],
                    from_row,
                )
                .optional()?;
            if exact.is_some()
                || name_or_id.is_empty()
                || !name_or_id.bytes().all(|b| b.is_ascii_hexdigit())
            {
                return Ok(exact);
            }
            let mut stmt = tx.prepare(&format!(
                "SELECT {COLUMNS} FROM containers WHERE substr(id, 1, ?2) = ?1"
            ))?;
            let mut rows = stmt
                .query_map(params![name_or_id, name_or_id.len() as i64], from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            match rows.len() {
                0 => Ok(None),
                1 => Ok(rows.pop()),
                _ => Err(ambiguous_container(name_or_id, &rows)),
            }
        })
    }

    /// Give a container a new name; a taken name is [`StorageError::NameInUse`] (the
    /// UNIQUE constraint decides), an unknown id [`StorageError::ContainerNotFound`].
    pub fn rename_container(&self, id: &str, new_name: &str) -> Result<()> {
        self.write(|tx| {
            match tx.execute(
                "UPDATE containers SET name = ?2 WHERE id = ?1",
                params![id, new_name],
            ) {
                Ok(0) => Err(StorageError::ContainerNotFound(id.to_owned())),
                Ok(_) => Ok(()),
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
                {
                    Err(name_in_use(tx, new_name)?)
                }
                Err(e) => Err(e.into()),
            }
        })
    }

    /// Short ids of the containers using an image.
    pub fn containers_using_image(&self, image_id: &str) -> Result<Vec<String>> {
        self.read(|tx| containers_using(tx, image_id))
    }
}

const ADJECTIVES: &[&str] = &[
    "admiring",
    "adoring",
    "affectionate",
    "agitated",
    "amazing",
    "angry",
    "awesome",
    "beautiful",
    "blissful",
    "bold",
    "boring",
    "brave",
    "busy",
    "charming",
    "clever",
    "compassionate",
    "competent",
    "condescending",
    "confident",
    "cool",
    "cranky",
    "crazy",
    "dazzling",
    "determined",
    "distracted",
    "dreamy",
    "eager",
    "ecstatic",
    "elastic",
    "elated",
    "elegant",
    "eloquent",
    "epic",
    "exciting",
    "fervent",
    "festive",
    "flamboyant",
    "focused",
    "friendly",
    "frosty",
    "funny",
    "gallant",
    "gifted",
    "goofy",
    "gracious",
    "great",
    "happy",
    "hardcore",
    "heuristic",
    "hopeful",
    "hungry",
    "infallible",
    "inspiring",
    "intelligent",
    "interesting",
    "jolly",
    "jovial",
    "keen",
    "kind",
    "laughing",
    "loving",
    "lucid",
    "magical",
    "modest",
    "musing",
    "mystifying",
    "naughty",
    "nervous",
    "nice",
    "nifty",
    "nostalgic",
    "objective",
    "optimistic",
    "peaceful",
    "pedantic",
    "pensive",
    "practical",
    "priceless",
    "quirky",
    "quizzical",
    "recursing",
    "relaxed",
    "reverent",
    "romantic",
    "sad",
    "serene",
    "sharp",
    "silly",
    "sleepy",
    "stoic",
    "strange",
    "stupefied",
    "suspicious",
    "sweet",
    "tender",
    "thirsty",
    "trusting",
    "unruffled",
    "upbeat",
    "vibrant",
    "vigilant",
    "vigorous",
    "wizardly",
    "wonderful",
    "xenodochial",
    "youthful",
    "zealous",
    "zen",
];

const SURNAMES: &[&str] = &[
    "agnesi",
    "albattani",
    "allen",
    "almeida",
    "archimedes",
    "ardinghelli",
    "aryabhata",
    "austin",
    "babbage",
    "banach",
    "bardeen",
    "bartik",
    "bassi",
    "bell",
    "bhabha",
    "bhaskara",
    "blackwell",
    "bohr",
    "booth",
    "borg",
    "bose",
    "boyd",
    "brahmagupta",
    "brattain",
    "brown",
    "carson",
    "chandrasekhar",
    "clarke",
    "colden",
    "cori",
    "cray",
    "curie",
    "darwin",
    "davinci",
    "dijkstra",
    "dubinsky",
    "easley",
    "edison",
    "einstein",
    "elion",
    "engelbart",
    "euclid",
    "euler",
    "fermat",
    "fermi",
    "feynman",
    "franklin",
    "galileo",
    "gates",
    "goldberg",
    "goldstine",
    "goldwasser",
    "golick",
    "goodall",
    "hamilton",
    "hawking",
    "heisenberg",
    "hermann",
    "hodgkin",
    "hoover",
    "hopper",
    "hugle",
    "hypatia",
    "jackson",
    "jang",
    "jennings",
    "jepsen",
    "johnson",
    "joliot",
    "jones",
    "kalam",
    "kare",
    "keller",
    "kepler",
    "khorana",
    "kilby",
    "kirch",
    "knuth",
    "kowalevski",
    "lalande",
    "lamarr",
    "lamport",
    "leakey",
    "leavitt",
    "lewin",
    "lichterman",
    "liskov",
    "lovelace",
    "lumiere",
    "mahavira",
    "mayer",
    "mccarthy",
    "mcclintock",
    "mclean",
    "mcnulty",
    "meitner",
    "mendel",
    "mestorf",
    "minsky",
    "mirzakhani",
    "morse",
    "murdock",
    "napier",
    "nash",
    "neumann",
    "newton",
    "nightingale",
    "nobel",
    "noether",
    "northcutt",
    "noyce",
    "panini",
    "pare",
    "pasteur",
    "payne",
    "perlman",
    "pike",
    "poincare",
    "poitras",
    "ptolemy",
    "raman",
    "ramanujan",
    "ride",
    "ritchie",
    "roentgen",
    "rosalind",
    "saha",
    "sammet",
    "shannon",
    "shaw",
    "shockley",
    "sinoussi",
    "snyder",
    "spence",
    "stallman",
    "stonebraker",
    "swanson",
    "swartz",
    "swirles",
    "tesla",
    "thompson",
    "torvalds",
    "turing",
    "varahamihira",
    "visvesvaraya",
    "volhard",
    "wescoff",
    "wiles",
    "williams",
    "wilson",
    "wing",
    "wozniak",
    "wright",
    "yalow",
    "yonath",
];

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    if std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_err()
    {
        // Fall back to time and pid: uniqueness is still enforced by the database.
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let seed = t ^ (u128::from(std::process::id()) << 64);
        for (i, b) in buf.iter_mut().enumerate() {
            *b = (seed >> ((i % 16) * 8)) as u8;
        }
    }
    buf
}

/// A Podman-style random name: "adjective_surname".
pub fn random_name() -> String {
    let r = random_bytes::<4>();
    let a = usize::from(u16::from_le_bytes([r[0], r[1]])) % ADJECTIVES.len();
    let s = usize::from(u16::from_le_bytes([r[2], r[3]])) % SURNAMES.len();
    format!("{}_{}", ADJECTIVES[a], SURNAMES[s])
}

/// A new random container ID: 64 hex digits.
pub fn new_container_id() -> String {
    hex::encode(random_bytes::<32>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Digest, ImageRecord, Store};

    fn record(id: &str, name: &str, image_id: &str, created: i64) -> ContainerRecord {
        ContainerRecord {
            id: id.into(),
            name: name.into(),
            image_id: image_id.into(),
            image_name: "localhost/x:latest".into(),
            command: vec!["sh".into(), "-c".into(), "echo 'a b'".into()],
            created,
            state: ContainerState::Created,
            pid: None,
            exit_code: None,
            started: None,
            finished: None,
            config: SavedSpec::from_value(&serde_json::json!({"env": ["A=1"], "tty": false})),
            monitor_pid: None,
            error: None,
            pid_start: None,
            monitor_start: None,
            restart_count: 0,
        }
    }

    fn image(seed: &str) -> ImageRecord {
        let d = Digest::of_bytes(seed.as_bytes());
        ImageRecord {
            id: d.hex().into(),
            digest: d.clone(),
            manifest_digest: d.clone(),
            manifest_media_type: "m".into(),
            config_digest: d.clone(),
            created: None,
            architecture: "amd64".into(),
            os: "linux".into(),
            variant: None,
            size: 1,
            layers: vec![],
            added: 1,
        }
    }

    /// A store in a temp dir holding one image named localhost/x:latest.
    fn store_with_image() -> (tempfile::TempDir, Store, String) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let img = image("x");
        store
            .db
            .commit_image(&img, Some("localhost/x:latest"), None)
            .unwrap();
        (dir, store, img.id)
    }

    #[test]
    fn create_list_and_find_by_name_id_and_prefix() {
        let (_dir, store, image) = store_with_image();
        let db = &store.db;
        let a = format!("abc1{}", "0".repeat(60));
        let b = format!("abc2{}", "0".repeat(60));
        let c = format!("ffff{}", "1".repeat(60));
        let d = format!("0000{}", "2".repeat(60));
        let e = format!("eeee{}", "3".repeat(60));
        db.create_container(&record(&a, "first", &image, 10))
            .unwrap();
        db.create_container(&record(&b, "second", &image, 30))
            .unwrap();
        db.create_container(&record(&c, "third", &image, 20))
            .unwrap();
        // Created in the same second as "third": the one inserted last comes first.
        db.create_container(&record(&d, "fourth", &image, 20))
            .unwrap();
        db.create_container(&record(&e, "fifth", &image, 20))
            .unwrap();

        let all = db.list_containers().unwrap();
        let names: Vec<&str> = all.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["second", "fifth", "fourth", "third", "first"]);
        assert_eq!(all[4], record(&a, "first", &image, 10));

        assert_eq!(db.find_container("first").unwrap().unwrap().id, a);
        assert_eq!(db.find_container(&b).unwrap().unwrap().name, "second");
        assert_eq!(db.find_container("abc1").unwrap().unwrap().name, "first");
        assert_eq!(db.find_container("ff").unwrap().unwrap().name, "third");
        let err = db.find_container("abc").unwrap_err();
        assert!(
            matches!(err, StorageError::AmbiguousContainer { ref prefix, ref candidates } if prefix == "abc" && candidates.len() == 2),
            "{err}"
        );
        assert!(db.find_container("abd").unwrap().is_none());
        assert!(db.find_container("nosuch").unwrap().is_none());
        assert!(db.find_container("").unwrap().is_none());
        // A name that looks like another container's id prefix is found by name first.
        db.create_container(&record(&new_container_id(), "abc", &image, 40))
            .unwrap();
        assert_eq!(db.find_container("abc").unwrap().unwrap().name, "abc");
    }

    #[test]
    fn same_second_containers_list_newest_inserted_first_and_rename() {
        let (_dir, store, image) = store_with_image();
        let db = &store.db;
        let (a, b) = (new_container_id(), new_container_id());
        db.create_container(&record(&a, "one", &image, 7)).unwrap();
        db.create_container(&record(&b, "two", &image, 7)).unwrap();
        let names: Vec<String> = db
            .list_containers()
            .unwrap()
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert_eq!(names, ["two", "one"]);
        db.rename_container(&a, "uno").unwrap();
        assert_eq!(db.find_container("uno").unwrap().unwrap().id, a);
        assert!(db.find_container("one").unwrap().is_none());
        let taken = db.rename_container(&a, "two").unwrap_err();
        assert!(
            matches!(&taken, StorageError::NameInUse { name, owner } if name == "two" && *owner == b[..12]),
            "{taken}"
        );
        assert_eq!(db.find_container(&a).unwrap().unwrap().name, "uno");
        assert!(matches!(
            db.rename_container(&"0".repeat(64), "x"),
            Err(StorageError::ContainerNotFound(_))
        ));
    }

    #[test]
    fn taken_name_and_unknown_image_are_refused() {
        let (_dir, store, image) = store_with_image();
        let id = new_container_id();
        store
            .db
            .create_container(&record(&id, "first", &image, 1))
            .unwrap();
        let dup = store
            .db
            .create_container(&record(&new_container_id(), "first", &image, 2))
            .unwrap_err();
        assert!(
            matches!(&dup, StorageError::NameInUse { name, owner } if name == "first" && *owner == id[..12]),
            "{dup}"
        );
        assert_eq!(
            dup.to_string(),
            format!(
                "the container name \"first\" is already in use by {}. You have to remove that \
                 container to be able to reuse that name: that name is already in use",
                &id[..12]
            )
        );
        let err = store
            .db
            .create_container(&record(&new_container_id(), "other", &"9".repeat(64), 2))
            .unwrap_err();
        assert!(matches!(err, StorageError::ImageNotFound(_)), "{err}");
        assert_eq!(store.db.list_containers().unwrap().len(), 1);
    }

    #[test]
    fn moves_then_delete_remove_the_record_in_one_commit_or_change_nothing() {
        let (_dir, store, image) = store_with_image();
        let db = &store.db;
        let id = new_container_id();
        db.create_container(&record(&id, "c", &image, 1)).unwrap();
        db.transition(
            &id,
            ContainerState::Running,
            "start",
            &ContainerChange::started(42, 41, 5),
        )
        .unwrap();
        let ended = ContainerChange::ended(Some(3), 6, None);
        let remove = ContainerChange::default();
        // Removing a running container is refused: the record stays as it was.
        let refused =
            db.transitions_then_delete(&id, &[(ContainerState::Removing, "remove", &remove)]);
        assert!(
            matches!(refused, Err(StorageError::InvalidTransition(_))),
            "{refused:?}"
        );
        assert_eq!(
            db.find_container(&id).unwrap().unwrap().state,
            ContainerState::Running
        );
        db.transitions_then_delete(
            &id,
            &[
                (ContainerState::Exited, "record the exit of", &ended),
                (ContainerState::Removing, "remove", &remove),
            ],
        )
        .unwrap();
        assert!(db.find_container(&id).unwrap().is_none());
        assert!(matches!(
            db.transitions_then_delete(&id, &[(ContainerState::Removing, "remove", &remove)]),
            Err(StorageError::ContainerNotFound(_))
        ));
    }

    #[test]
    fn state_transitions_and_delete() {
        let (_dir, store, image) = store_with_image();
        let db = &store.db;
        let id = new_container_id();
        db.create_container(&record(&id, "c", &image, 1)).unwrap();
        let running = ContainerChange::started(42, 41, 5);
        db.transition(&id, ContainerState::Running, "start", &running)
            .unwrap();
        let c = db.find_container(&id).unwrap().unwrap();
        assert_eq!(
            (c.state, c.pid, c.monitor_pid, c.started),
            (ContainerState::Running, Some(42), Some(41), Some(5))
        );
        // Running cannot be started again, nor removed; the record is unchanged.
        let again = db.transition(&id, ContainerState::Running, "start", &running);
        assert!(
            matches!(again, Err(StorageError::InvalidTransition(_))),
            "{again:?}"
        );
        assert!(db
            .transition(&id, ContainerState::Removing, "remove", &Default::default())
            .is_err());
        let ended = ContainerChange::ended(Some(3), 6, None);
        let c = db
            .transition(&id, ContainerState::Exited, "record the exit of", &ended)
            .unwrap();
        assert_eq!(c, db.find_container(&id).unwrap().unwrap());
        assert_eq!(
            (
                c.state,
                c.pid,
                c.monitor_pid,
                c.exit_code,
                c.started,
                c.finished
            ),
            (
                ContainerState::Exited,
                None,
                None,
                Some(3),
                Some(5),
                Some(6)
            )
        );
        let missing = "0".repeat(64);
        assert!(matches!(
            db.transition(&missing, ContainerState::Running, "start", &running),
            Err(StorageError::ContainerNotFound(_))
        ));
        assert!(db.delete_container(&id).unwrap());
        assert!(!db.delete_container(&id).unwrap());
        assert!(db.find_container("c").unwrap().is_none());
        // A corrupt row is an error, not a made-up record.
        let other = new_container_id();
        db.create_container(&record(&other, "bad", &image, 1))
            .unwrap();
        db.conn()
            .execute(
                "UPDATE containers SET state = 'bogus' WHERE id = ?1",
                [&other],
            )
            .unwrap();
        assert!(db.find_container("bad").is_err());
        db.delete_container(&other).unwrap();
        // The name is free again.
        db.create_container(&record(&new_container_id(), "c", &image, 2))
            .unwrap();
    }

    #[test]
    fn image_in_use_cannot_be_deleted() {
        let (_dir, store, image) = store_with_image();
        let id = new_container_id();
        store
            .db
            .create_container(&record(&id, "user", &image, 1))
            .unwrap();
        assert_eq!(
            store.db.containers_using_image(&image).unwrap(),
            vec![id[..12].to_string()]
        );
        let err = store.remove_image(&image).unwrap_err();
        assert!(
            matches!(&err, StorageError::ImageInUse { id: i, containers } if *i == image && containers.len() == 1),
            "{err}"
        );
        assert!(err.to_string().contains(&id[..12]), "{err}");
        assert_eq!(store.db.image_count().unwrap(), 1);
        // Even a raw DELETE is refused by the foreign key.
        assert!(store
            .db
            .conn()
            .execute("DELETE FROM images WHERE id = ?1", [&image])
            .is_err());
        assert!(store.db.delete_container(&id).unwrap());
        assert!(store.db.containers_using_image(&image).unwrap().is_empty());
        store.remove_image(&image).unwrap();
        assert_eq!(store.db.image_count().unwrap(), 0);
    }

    #[test]
    fn one_of_two_concurrent_handles_gets_the_name() {
        let (dir, store, image) = store_with_image();
        let path = dir.path().join("db.sqlite");
        let barrier = std::sync::Barrier::new(2);
        let results: Vec<Result<()>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..2)
                .map(|_| {
                    let (path, image, barrier) = (&path, &image, &barrier);
                    s.spawn(move || {
                        let db = Db::open(path).unwrap();
                        barrier.wait();
                        db.create_container(&record(&new_container_id(), "shared", image, 1))
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
        assert!(results
            .iter()
            .any(|r| matches!(r, Err(StorageError::NameInUse { .. }))));
        assert_eq!(store.db.list_containers().unwrap().len(), 1);
    }

    #[test]
    fn version_1_database_is_migrated_keeping_images() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        let img = image("old");
        {
            // Make a version-1 file: the current schema without the containers table.
            let db = Db::open(&path).unwrap();
            db.commit_image(&img, Some("localhost/old:1"), None)
                .unwrap();
            let c = db.conn();
            c.execute_batch("DROP TABLE containers; PRAGMA user_version = 1;")
                .unwrap();
        }
        let db = Db::open(&path).unwrap();
        let version: i64 = db
            .conn()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, crate::records::MIGRATIONS.len() as i64);
        assert_eq!(
            db.find_by_name("localhost/old:1").unwrap().unwrap().record,
            img
        );
        db.create_container(&record(&new_container_id(), "new", &img.id, 1))
            .unwrap();
        assert_eq!(db.list_containers().unwrap().len(), 1);
    }

    #[test]
    fn random_names_and_ids() {
        assert!(ADJECTIVES.len() >= 50 && SURNAMES.len() >= 50);
        let n = random_name();
        let (a, s) = n.split_once('_').unwrap();
        assert!(ADJECTIVES.contains(&a) && SURNAMES.contains(&s), "{n}");
        let id = new_container_id();
        assert_eq!(id.len(), 64);
        assert!(id
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
        assert_ne!(id, new_container_id());
    }
}
