//! Container records: one row per container, name uniqueness by a UNIQUE constraint.

use std::io::Read;

use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use crate::error::{Result, StorageError};
use crate::records::Db;

/// Where a container is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContainerState {
    /// Created, not started.
    Created,
    /// Running.
    Running,
    /// Its process exited.
    Exited,
    /// Stopped by the user.
    Stopped,
}

impl ContainerState {
    /// The lowercase name Podman prints.
    pub fn as_str(self) -> &'static str {
        match self {
            ContainerState::Created => "created",
            ContainerState::Running => "running",
            ContainerState::Exited => "exited",
            ContainerState::Stopped => "stopped",
        }
    }

    /// Parse the stored name.
    pub fn parse(s: &str) -> ContainerState {
        match s {
            "running" => ContainerState::Running,
            "exited" => ContainerState::Exited,
            "stopped" => ContainerState::Stopped,
            _ => ContainerState::Created,
        }
    }
}

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
    /// Runtime configuration, owned by the runtime crate.
    pub config: serde_json::Value,
}

const COLUMNS: &str = "id, name, image_id, image_name, command, created, state, pid, exit_code, started, finished, config";

fn from_row(r: &Row<'_>) -> rusqlite::Result<ContainerRecord> {
    let command: String = r.get(4)?;
    let state: String = r.get(6)?;
    let config: String = r.get(11)?;
    Ok(ContainerRecord {
        id: r.get(0)?,
        name: r.get(1)?,
        image_id: r.get(2)?,
        image_name: r.get(3)?,
        command: serde_json::from_str(&command).unwrap_or_default(),
        created: r.get(5)?,
        state: ContainerState::parse(&state),
        pid: r.get(7)?,
        exit_code: r.get(8)?,
        started: r.get(9)?,
        finished: r.get(10)?,
        config: serde_json::from_str(&config).unwrap_or(serde_json::Value::Null),
    })
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

impl Db {
    /// Insert a container; a taken name is [`StorageError::NameInUse`] (decided by the
    /// UNIQUE constraint, not by a check before the insert).
    pub fn create_container(&self, rec: &ContainerRecord) -> Result<()> {
        self.write(|tx| {
            let inserted = tx.execute(
                &format!("INSERT INTO containers ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"),
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
                    rec.config.to_string(),
                ],
            );
            match inserted {
                Ok(_) => Ok(()),
                Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::ConstraintViolation => {
                    let owner: Option<String> =
                        tx.query_row("SELECT id FROM containers WHERE name = ?1", [&rec.name], |r| r.get(0)).optional()?;
                    match owner {
                        Some(o) => Err(StorageError::NameInUse { name: rec.name.clone(), owner: o[..12.min(o.len())].to_string() }),
                        None => Err(StorageError::ImageNotFound(rec.image_id.clone())),
                    }
                }
                Err(e) => Err(e.into()),
            }
        })
    }

    /// Mark a container running.
    pub fn set_container_running(&self, id: &str, pid: i32, started: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE containers SET state = 'running', pid = ?2, started = ?3 WHERE id = ?1",
                params![id, pid, started],
            )?;
            Ok(())
        })
    }

    /// Mark a container exited.
    pub fn set_container_exited(&self, id: &str, exit_code: i32, finished: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE containers SET state = 'exited', pid = NULL, exit_code = ?2, finished = ?3 WHERE id = ?1",
                params![id, exit_code, finished],
            )?;
            Ok(())
        })
    }

    /// Delete a container record; false when there was none.
    pub fn delete_container(&self, id: &str) -> Result<bool> {
        self.write(|tx| Ok(tx.execute("DELETE FROM containers WHERE id = ?1", [id])? > 0))
    }

    /// Every container, newest first.
    pub fn list_containers(&self) -> Result<Vec<ContainerRecord>> {
        self.read(|tx| {
            let mut stmt = tx.prepare(&format!(
                "SELECT {COLUMNS} FROM containers ORDER BY created DESC, id"
            ))?;
            let rows = stmt
                .query_map([], from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    /// A container by exact name, full id, or unique id prefix.
    pub fn find_container(&self, name_or_id: &str) -> Result<Option<ContainerRecord>> {
        self.read(|tx| {
            let exact = tx
                .query_row(
                    &format!("SELECT {COLUMNS} FROM containers WHERE name = ?1 OR id = ?1"),
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
                _ => Err(StorageError::ContainerNotFound(format!(
                    "{name_or_id} (ambiguous: {} containers match)",
                    rows.len()
                ))),
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
    use crate::Store;

    fn record(id: &str, name: &str, image_id: &str) -> ContainerRecord {
        ContainerRecord {
            id: id.into(),
            name: name.into(),
            image_id: image_id.into(),
            image_name: "img".into(),
            command: vec!["sh".into()],
            created: 1,
            state: ContainerState::Created,
            pid: None,
            exit_code: None,
            started: None,
            finished: None,
            config: serde_json::json!({}),
        }
    }

    fn store_with_image(name: &str) -> (std::path::PathBuf, Store, String) {
        let root =
            std::env::temp_dir().join(format!("coracle-containers-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let store = Store::open(&root).unwrap();
        let d = crate::Digest::of_bytes(name.as_bytes());
        let rec = crate::ImageRecord {
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
        };
        store
            .db
            .commit_image(&rec, Some("localhost/x:latest"), None)
            .unwrap();
        (root, store, d.hex().to_string())
    }

    #[test]
    fn create_find_state_delete() {
        let (root, store, image) = store_with_image("lifecycle");
        let id = new_container_id();
        assert_eq!(id.len(), 64);
        store
            .db
            .create_container(&record(&id, "first", &image))
            .unwrap();
        let dup = store
            .db
            .create_container(&record(&new_container_id(), "first", &image))
            .unwrap_err();
        assert!(matches!(dup, StorageError::NameInUse { .. }), "{dup}");
        assert!(dup.to_string().contains(&id[..12]));
        assert_eq!(store.db.find_container("first").unwrap().unwrap().id, id);
        assert_eq!(
            store.db.find_container(&id[..8]).unwrap().unwrap().name,
            "first"
        );
        store.db.set_container_running(&id, 42, 5).unwrap();
        assert_eq!(
            store.db.find_container(&id).unwrap().unwrap().state,
            ContainerState::Running
        );
        store.db.set_container_exited(&id, 3, 6).unwrap();
        let c = store.db.find_container(&id).unwrap().unwrap();
        assert_eq!(
            (c.state, c.exit_code, c.pid),
            (ContainerState::Exited, Some(3), None)
        );
        // An image in use cannot be deleted.
        let err = store.db.delete_image(&image).unwrap_err();
        assert!(matches!(err, StorageError::ImageInUse { .. }), "{err}");
        assert_eq!(
            store.db.containers_using_image(&image).unwrap(),
            vec![id[..12].to_string()]
        );
        assert!(store.db.delete_container(&id).unwrap());
        assert!(!store.db.delete_container(&id).unwrap());
        assert!(store.db.find_container("first").unwrap().is_none());
        store.db.delete_image(&image).unwrap();
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn one_of_two_concurrent_creators_gets_the_name() {
        let (root, store, image) = store_with_image("race");
        drop(store);
        let results: Vec<Result<()>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..2)
                .map(|_| {
                    let root = root.clone();
                    let image = image.clone();
                    s.spawn(move || {
                        Store::open(&root).unwrap().db.create_container(&record(
                            &new_container_id(),
                            "shared",
                            &image,
                        ))
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
        assert_eq!(
            Store::open(&root)
                .unwrap()
                .db
                .list_containers()
                .unwrap()
                .len(),
            1
        );
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn random_names_look_like_podmans() {
        let n = random_name();
        let (a, s) = n.split_once('_').unwrap();
        assert!(ADJECTIVES.contains(&a) && SURNAMES.contains(&s), "{n}");
    }
}
