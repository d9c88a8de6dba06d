//! Image records in SQLite at `<root>/db.sqlite`.
//!
//! WAL journal, 30 s busy timeout (short waits first: [`crate::busy`]), foreign keys on. Every change is one
//! `BEGIN IMMEDIATE` transaction; the schema is versioned with
//! `PRAGMA user_version` and upgraded by the ordered `MIGRATIONS`.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::digest::Digest;
use crate::error::{Result, StorageError};
use crate::events::{self, Event, EventType};

/// Schema migrations; entry `i` upgrades `user_version` `i` to `i + 1`.
/// Append new entries (e.g. container records) — never edit old ones.
pub(crate) const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE images (
    id                  TEXT PRIMARY KEY NOT NULL,
    digest              TEXT NOT NULL,
    manifest_digest     TEXT NOT NULL,
    manifest_media_type TEXT NOT NULL,
    config_digest       TEXT NOT NULL,
    created             TEXT,
    architecture        TEXT NOT NULL,
    os                  TEXT NOT NULL,
    variant             TEXT,
    size                INTEGER NOT NULL,
    added               INTEGER NOT NULL
);
CREATE TABLE layers (
    image_id   TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    digest     TEXT NOT NULL,
    size       INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    PRIMARY KEY (image_id, position)
);
CREATE INDEX layers_by_digest ON layers(digest);
CREATE TABLE names (
    name     TEXT PRIMARY KEY NOT NULL,
    image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE
);
CREATE INDEX names_by_image ON names(image_id);
CREATE TABLE repo_digests (
    repo_digest TEXT NOT NULL,
    image_id    TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
    PRIMARY KEY (repo_digest, image_id)
);
CREATE INDEX repo_digests_by_image ON repo_digests(image_id);
"#,
    r#"
CREATE TABLE containers (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL UNIQUE,
    image_id   TEXT NOT NULL REFERENCES images(id),
    image_name TEXT NOT NULL,
    command    TEXT NOT NULL,
    created    INTEGER NOT NULL,
    state      TEXT NOT NULL,
    pid        INTEGER,
    exit_code  INTEGER,
    started    INTEGER,
    finished   INTEGER,
    config     TEXT NOT NULL
);
CREATE INDEX containers_by_image ON containers(image_id);
"#,
    r#"
ALTER TABLE containers ADD COLUMN monitor_pid INTEGER;
ALTER TABLE containers ADD COLUMN error TEXT;
"#,
    r#"
ALTER TABLE containers ADD COLUMN pid_start INTEGER;
ALTER TABLE containers ADD COLUMN monitor_start INTEGER;
ALTER TABLE containers ADD COLUMN restart_count INTEGER NOT NULL DEFAULT 0;
"#,
];

/// One layer of an image, as listed in its manifest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerRef {
    /// Digest of the (usually compressed) layer blob.
    pub digest: Digest,
    /// Size of the blob in bytes.
    pub size: u64,
    /// The manifest's media type for the layer.
    pub media_type: String,
}

/// A stored image.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImageRecord {
    /// 64-hex of the config digest (image ID, as Podman).
    pub id: String,
    /// Digest of the manifest the user pulled (an index's digest when the tag points at an index).
    pub digest: Digest,
    /// The platform image manifest (blob stored).
    pub manifest_digest: Digest,
    /// Media type of that manifest.
    pub manifest_media_type: String,
    /// Digest of the config blob.
    pub config_digest: Digest,
    /// RFC 3339 creation time from the config.
    pub created: Option<String>,
    /// Platform architecture.
    pub architecture: String,
    /// Platform OS.
    pub os: String,
    /// Platform variant.
    pub variant: Option<String>,
    /// Total size in bytes.
    pub size: u64,
    /// Layers in order, bottom first.
    pub layers: Vec<LayerRef>,
    /// Unix seconds when first stored.
    pub added: i64,
}

/// An image with its tags and repo digests.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageSummary {
    /// The image itself.
    pub record: ImageRecord,
    /// Full "registry/repo:tag" names, sorted.
    pub names: Vec<String>,
    /// "registry/repo@sha256:..." strings, sorted.
    pub repo_digests: Vec<String>,
}

impl ToSql for Digest {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for Digest {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        Digest::parse(value.as_str()?).map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

/// The image database; one SQLite connection, usable from several threads.
#[derive(Debug)]
pub struct Db {
    conn: Mutex<Connection>,
}

const IMAGE_COLUMNS: &str = "id, digest, manifest_digest, manifest_media_type, config_digest, \
                             created, architecture, os, variant, size, added";

impl Db {
    /// Open (creating and migrating if needed) the database file.
    pub fn open(path: &Path) -> Result<Db> {
        let mut conn = Connection::open(path)?;
        conn.busy_handler(Some(crate::busy::wait_for_lock))?;
        enable_wal(&conn)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // Every coracle command is a short-lived process: without this, each one's
        // close checkpoints the WAL and deletes it (two fsyncs), and the next open
        // re-creates it (two more). The WAL is still checkpointed as it grows
        // (wal_autocheckpoint), and a crash at any point leaves a consistent database.
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )?;
        // The next process re-reads the frames written since the last checkpoint
        // (WAL recovery): checkpoint often enough that this stays short, but beside
        // the commands rather than inside one of their commits (see `checkpoint`).
        conn.wal_hook(Some(crate::checkpoint::after_commit));
        crate::checkpoint::opened(path);
        migrate(&mut conn)?;
        Ok(Db {
            conn: Mutex::new(conn),
        })
    }

    pub(crate) fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Run `f` in one `BEGIN IMMEDIATE` transaction.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Run `f` in one read transaction (a consistent snapshot).
    pub(crate) fn read<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        f(&tx)
    }

    /// Insert the image (or update it, keeping the old `added`, if the id exists) with its
    /// layers, point `name` at it (moving the name off any other image) and add `repo_digest`.
    pub fn commit_image(
        &self,
        rec: &ImageRecord,
        name: Option<&str>,
        repo_digest: Option<&str>,
    ) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                &format!(
                    "INSERT INTO images ({IMAGE_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                     ON CONFLICT(id) DO UPDATE SET digest = excluded.digest,
                        manifest_digest = excluded.manifest_digest,
                        manifest_media_type = excluded.manifest_media_type,
                        config_digest = excluded.config_digest, created = excluded.created,
                        architecture = excluded.architecture, os = excluded.os,
                        variant = excluded.variant, size = excluded.size"
                ),
                params![
                    rec.id,
                    rec.digest,
                    rec.manifest_digest,
                    rec.manifest_media_type,
                    rec.config_digest,
                    rec.created,
                    rec.architecture,
                    rec.os,
                    rec.variant,
                    rec.size,
                    rec.added
                ],
            )?;
            tx.execute("DELETE FROM layers WHERE image_id = ?1", [&rec.id])?;
            let mut ins = tx.prepare(
                "INSERT INTO layers (image_id, position, digest, size, media_type) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (i, l) in rec.layers.iter().enumerate() {
                ins.execute(params![rec.id, i as i64, l.digest, l.size, l.media_type])?;
            }
            if let Some(name) = name {
                set_name(tx, &rec.id, name)?;
            }
            if let Some(rd) = repo_digest {
                tx.execute("INSERT OR IGNORE INTO repo_digests (repo_digest, image_id) VALUES (?1, ?2)", [rd, &rec.id])?;
            }
            Ok(())
        })
    }

    /// All images, newest `added` first, then by id.
    pub fn list_images(&self) -> Result<Vec<ImageSummary>> {
        self.read(|tx| summaries(tx, "1 ORDER BY added DESC, id", []))
    }

    /// The image with exactly this id.
    pub fn image_by_id(&self, id: &str) -> Result<Option<ImageSummary>> {
        self.read(|tx| Ok(summaries(tx, "id = ?1", [id])?.pop()))
    }

    /// The image with this exact tag name or repo digest string.
    pub fn find_by_name(&self, name: &str) -> Result<Option<ImageSummary>> {
        self.read(|tx| {
            let by_tag = summaries(tx, "id = (SELECT image_id FROM names WHERE name = ?1)", [name])?;
            if let Some(s) = by_tag.into_iter().next() {
                return Ok(Some(s));
            }
            let cond = "id IN (SELECT image_id FROM repo_digests WHERE repo_digest = ?1) ORDER BY added DESC, id";
            Ok(summaries(tx, cond, [name])?.into_iter().next())
        })
    }

    /// Images whose id starts with the hex `prefix` (a leading "sha256:" is accepted).
    pub fn find_by_id_prefix(&self, prefix: &str) -> Result<Vec<ImageSummary>> {
        let hex = prefix.strip_prefix("sha256:").unwrap_or(prefix);
        if hex.is_empty() || !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Ok(Vec::new());
        }
        let len = hex.len().to_string();
        self.read(|tx| {
            summaries(
                tx,
                "substr(id, 1, ?2) = ?1 ORDER BY added DESC, id",
                [hex, &len],
            )
        })
    }

    /// Tag names ending with `suffix` (e.g. "/busybox:latest"), sorted.
    pub fn names_with_suffix(&self, suffix: &str) -> Result<Vec<String>> {
        self.read(|tx| {
            let names = strings(tx, "SELECT name FROM names ORDER BY name", [])?;
            Ok(names.into_iter().filter(|n| n.ends_with(suffix)).collect())
        })
    }

    /// Tag image `id` with `name`, moving the name off any other image.
    pub fn add_name(&self, id: &str, name: &str) -> Result<()> {
        self.write(|tx| {
            let exists: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM images WHERE id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(StorageError::ImageNotFound(id.to_owned()));
            }
            set_name(tx, id, name)
        })?;
        events::record(&Event::new(EventType::Image, "tag", id, name));
        Ok(())
    }

    /// Remove a tag; returns whether it existed.
    pub fn remove_name(&self, name: &str) -> Result<bool> {
        let removed = self.write(|tx| {
            let id: Option<String> = tx
                .query_row("SELECT image_id FROM names WHERE name = ?1", [name], |r| {
                    r.get(0)
                })
                .optional()?;
            tx.execute("DELETE FROM names WHERE name = ?1", [name])?;
            Ok(id)
        })?;
        if let Some(id) = &removed {
            events::record(&Event::new(EventType::Image, "untag", id, name));
        }
        Ok(removed.is_some())
    }

    /// Delete the image (names, repo digests and layer rows go with it) and return, sorted,
    /// the digests it referenced that no remaining image references.
    pub fn delete_image(&self, id: &str) -> Result<Vec<Digest>> {
        let (names, unused) = self.write(|tx| {
            let summary = summaries(tx, "id = ?1", [id])?
                .pop()
                .ok_or_else(|| StorageError::ImageNotFound(id.to_owned()))?;
            let rec = summary.record;
            let users = crate::containers::containers_using(tx, id)?;
            if !users.is_empty() {
                return Err(StorageError::ImageInUse { id: id.to_owned(), containers: users });
            }
            tx.execute("DELETE FROM images WHERE id = ?1", [id])?;
            let mut candidates: BTreeSet<Digest> = rec.layers.into_iter().map(|l| l.digest).collect();
            candidates.extend([rec.digest, rec.manifest_digest, rec.config_digest]);
            let mut still_used = tx.prepare(
                "SELECT EXISTS(SELECT 1 FROM images WHERE digest = ?1 OR manifest_digest = ?1 OR config_digest = ?1)
                     OR EXISTS(SELECT 1 FROM layers WHERE digest = ?1)",
            )?;
            let mut out = Vec::new();
            for d in candidates {
                if !still_used.query_row([&d], |r| r.get::<_, bool>(0))? {
                    out.push(d);
                }
            }
            Ok((summary.names, out))
        })?;
        for name in &names {
            events::record(&Event::new(EventType::Image, "untag", id, name));
        }
        let name = names.first().map_or("", String::as_str);
        events::record(&Event::new(EventType::Image, "remove", id, name));
        Ok(unused)
    }

    /// Ids of images with no names, newest first.
    pub fn dangling_ids(&self) -> Result<Vec<String>> {
        self.read(|tx| {
            strings(
                tx,
                "SELECT id FROM images WHERE id NOT IN (SELECT image_id FROM names) ORDER BY added DESC, id",
                [],
            )
        })
    }

    /// Number of images.
    pub fn image_count(&self) -> Result<u64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM images", [], |r| r.get(0))?)
    }

    /// Every digest referenced by any image (manifest, config, layers, top digest).
    pub fn referenced_digests(&self) -> Result<HashSet<Digest>> {
        self.read(|tx| {
            let mut st = tx.prepare(
                "SELECT digest FROM images UNION SELECT manifest_digest FROM images
                 UNION SELECT config_digest FROM images UNION SELECT digest FROM layers",
            )?;
            let rows = st.query_map([], |r| r.get::<_, Digest>(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }
}

/// Put the file in WAL mode (the mode is kept in the file). When two processes open
/// a new store at the same moment, SQLite answers the switch with SQLITE_BUSY without
/// calling the busy handler, so wait and retry here, as long as the busy timeout.
fn enable_wal(conn: &Connection) -> Result<()> {
    let deadline = Instant::now() + crate::busy::BUSY_TIMEOUT;
    loop {
        match conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0)) {
            Ok(_) => return Ok(()),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy && Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Bring the schema up to the newest version in one transaction.
fn migrate(conn: &mut Connection) -> Result<()> {
    // The common case, an up-to-date file, needs no write transaction.
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current == MIGRATIONS.len() as i64 {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let supported = MIGRATIONS.len() as i64;
    if version > supported {
        return Err(StorageError::SchemaTooNew {
            found: version,
            supported,
        });
    }
    for sql in &MIGRATIONS[version.max(0) as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", supported)?;
    tx.commit()?;
    Ok(())
}

/// Point `name` at image `id`.
fn set_name(tx: &Transaction<'_>, id: &str, name: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO names (name, image_id) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET image_id = excluded.image_id",
        [name, id],
    )?;
    Ok(())
}

/// One string column of every row.
fn strings<P: rusqlite::Params>(tx: &Transaction<'_>, sql: &str, p: P) -> Result<Vec<String>> {
    let mut st = tx.prepare(sql)?;
    let rows = st.query_map(p, |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Images matching the SQL condition `cond`, with layers, names and repo digests.
fn summaries<P: rusqlite::Params>(
    tx: &Transaction<'_>,
    cond: &str,
    p: P,
) -> Result<Vec<ImageSummary>> {
    let mut st = tx.prepare(&format!("SELECT {IMAGE_COLUMNS} FROM images WHERE {cond}"))?;
    let records = st
        .query_map(p, image_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut layers = tx.prepare(
        "SELECT digest, size, media_type FROM layers WHERE image_id = ?1 ORDER BY position",
    )?;
    records
        .into_iter()
        .map(|mut record| {
            record.layers = layers
                .query_map([&record.id], |r| {
                    Ok(LayerRef {
                        digest: r.get(0)?,
                        size: r.get(1)?,
                        media_type: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let names = strings(
                tx,
                "SELECT name FROM names WHERE image_id = ?1 ORDER BY name",
                [&record.id],
            )?;
            let repo_digests = strings(
                tx,
                "SELECT repo_digest FROM repo_digests WHERE image_id = ?1 ORDER BY repo_digest",
                [&record.id],
            )?;
            Ok(ImageSummary {
                record,
                names,
                repo_digests,
            })
        })
        .collect()
}

/// An `images` row (without layers).
fn image_row(r: &Row<'_>) -> rusqlite::Result<ImageRecord> {
    Ok(ImageRecord {
        id: r.get(0)?,
        digest: r.get(1)?,
        manifest_digest: r.get(2)?,
        manifest_media_type: r.get(3)?,
        config_digest: r.get(4)?,
        created: r.get(5)?,
        architecture: r.get(6)?,
        os: r.get(7)?,
        variant: r.get(8)?,
        size: r.get(9)?,
        layers: Vec::new(),
        added: r.get(10)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Digest {
        Digest::of_bytes(s.as_bytes())
    }

    fn image(config: &str, layers: &[&str], added: i64) -> ImageRecord {
        let config_digest = d(config);
        ImageRecord {
            id: config_digest.hex().to_owned(),
            digest: d(&format!("index-{config}")),
            manifest_digest: d(&format!("manifest-{config}")),
            manifest_media_type: "application/vnd.oci.image.manifest.v1+json".into(),
            config_digest,
            created: Some("2026-01-01T00:00:00Z".into()),
            architecture: "amd64".into(),
            os: "linux".into(),
            variant: None,
            size: 1234,
            layers: layers
                .iter()
                .map(|l| LayerRef {
                    digest: d(l),
                    size: 10,
                    media_type: "application/vnd.oci.image.layer.v1.tar+gzip".into(),
                })
                .collect(),
            added,
        }
    }

    fn db() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("db.sqlite")).unwrap();
        (dir, db)
    }

    #[test]
    fn commit_list_and_find() {
        let (_dir, db) = db();
        let a = image("a", &["l1", "l2"], 100);
        let b = image("b", &["l1"], 200);
        db.commit_image(
            &a,
            Some("docker.io/library/a:latest"),
            Some("docker.io/library/a@sha256:aa"),
        )
        .unwrap();
        db.commit_image(&b, Some("docker.io/library/b:1"), None)
            .unwrap();
        assert_eq!(db.image_count().unwrap(), 2);
        let list = db.list_images().unwrap();
        assert_eq!(
            list.iter().map(|s| s.record.id.clone()).collect::<Vec<_>>(),
            vec![b.id.clone(), a.id.clone()]
        );
        assert_eq!(list[1].record, a);
        assert_eq!(list[1].names, vec!["docker.io/library/a:latest"]);
        assert_eq!(list[1].repo_digests, vec!["docker.io/library/a@sha256:aa"]);

        assert_eq!(
            db.find_by_name("docker.io/library/a:latest")
                .unwrap()
                .unwrap()
                .record
                .id,
            a.id
        );
        assert_eq!(
            db.find_by_name("docker.io/library/a@sha256:aa")
                .unwrap()
                .unwrap()
                .record
                .id,
            a.id
        );
        assert!(db
            .find_by_name("docker.io/library/c:latest")
            .unwrap()
            .is_none());
        assert_eq!(db.image_by_id(&b.id).unwrap().unwrap().record, b);
        assert!(db.image_by_id("nope").unwrap().is_none());

        let by_prefix = db
            .find_by_id_prefix(&format!("sha256:{}", &a.id[..6]))
            .unwrap();
        assert_eq!(by_prefix.len(), 1);
        assert_eq!(by_prefix[0].record.id, a.id);
        assert_eq!(
            db.find_by_id_prefix(&a.id[..1]).unwrap().len(),
            usize::from(a.id[..1] == b.id[..1]) + 1
        );
        assert!(db.find_by_id_prefix("").unwrap().is_empty());
        assert!(db.find_by_id_prefix("%").unwrap().is_empty());

        assert_eq!(
            db.names_with_suffix("/a:latest").unwrap(),
            vec!["docker.io/library/a:latest"]
        );
        assert!(db.names_with_suffix("/a:1").unwrap().is_empty());
        assert_eq!(db.dangling_ids().unwrap(), Vec::<String>::new());

        let refs = db.referenced_digests().unwrap();
        assert!(
            refs.contains(&d("l2"))
                && refs.contains(&a.digest)
                && refs.contains(&b.manifest_digest)
        );
        assert_eq!(refs.len(), 2 * 3 + 2);
    }

    #[test]
    fn recommit_keeps_added_and_updates_layers() {
        let (_dir, db) = db();
        let a = image("a", &["l1"], 100);
        db.commit_image(&a, Some("r/a:1"), None).unwrap();
        let mut again = image("a", &["l1", "l2"], 999);
        again.digest = d("other-index");
        db.commit_image(&again, Some("r/a:2"), Some("r/a@x"))
            .unwrap();
        let s = db.image_by_id(&a.id).unwrap().unwrap();
        assert_eq!(s.record.added, 100);
        assert_eq!(s.record.digest, d("other-index"));
        assert_eq!(s.record.layers.len(), 2);
        assert_eq!(s.names, vec!["r/a:1", "r/a:2"]);
        assert_eq!(db.image_count().unwrap(), 1);
    }

    #[test]
    fn tag_moves_between_images() {
        let (_dir, db) = db();
        let a = image("a", &[], 1);
        let b = image("b", &[], 2);
        db.commit_image(&a, Some("r/x:latest"), None).unwrap();
        db.commit_image(&b, Some("r/x:latest"), None).unwrap();
        assert_eq!(
            db.find_by_name("r/x:latest").unwrap().unwrap().record.id,
            b.id
        );
        assert_eq!(db.dangling_ids().unwrap(), vec![a.id.clone()]);
        db.add_name(&a.id, "r/x:latest").unwrap();
        assert_eq!(
            db.find_by_name("r/x:latest").unwrap().unwrap().record.id,
            a.id
        );
        assert!(db.image_by_id(&b.id).unwrap().unwrap().names.is_empty());
        assert!(matches!(
            db.add_name("ffff", "r/y:1"),
            Err(StorageError::ImageNotFound(_))
        ));
        assert!(db.remove_name("r/x:latest").unwrap());
        assert!(!db.remove_name("r/x:latest").unwrap());
        assert_eq!(db.dangling_ids().unwrap(), vec![b.id.clone(), a.id.clone()]);
    }

    #[test]
    fn delete_returns_only_unreferenced_digests() {
        let (_dir, db) = db();
        let a = image("a", &["shared", "only-a"], 1);
        let b = image("b", &["shared"], 2);
        db.commit_image(&a, Some("r/a:1"), Some("r/a@1")).unwrap();
        db.commit_image(&b, Some("r/b:1"), None).unwrap();

        let mut expect_a = vec![
            d("only-a"),
            a.digest.clone(),
            a.manifest_digest.clone(),
            a.config_digest.clone(),
        ];
        expect_a.sort();
        assert_eq!(db.delete_image(&a.id).unwrap(), expect_a);
        assert!(db.find_by_name("r/a:1").unwrap().is_none());
        assert!(db.find_by_name("r/a@1").unwrap().is_none());
        assert!(matches!(
            db.delete_image(&a.id),
            Err(StorageError::ImageNotFound(_))
        ));

        let removed = db.delete_image(&b.id).unwrap();
        assert!(removed.contains(&d("shared")));
        assert_eq!(removed.len(), 4);
        assert_eq!(db.image_count().unwrap(), 0);
        assert!(db.referenced_digests().unwrap().is_empty());
        let layer_rows: i64 = db
            .conn()
            .query_row("SELECT count(*) FROM layers", [], |r| r.get(0))
            .unwrap();
        assert_eq!(layer_rows, 0);
    }

    #[test]
    fn name_is_unique_in_schema() {
        let (_dir, db) = db();
        let a = image("a", &[], 1);
        let b = image("b", &[], 1);
        db.commit_image(&a, Some("r/x:1"), None).unwrap();
        db.commit_image(&b, None, None).unwrap();
        let dup = db.conn().execute(
            "INSERT INTO names (name, image_id) VALUES ('r/x:1', ?1)",
            [&b.id],
        );
        assert!(dup.is_err());
    }

    #[test]
    fn reopen_keeps_data_and_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        let a = image("a", &["l"], 5);
        Db::open(&path)
            .unwrap()
            .commit_image(&a, Some("r/a:1"), None)
            .unwrap();
        let db = Db::open(&path).unwrap();
        assert_eq!(db.find_by_name("r/a:1").unwrap().unwrap().record, a);
        let (version, mode): (i64, String) = {
            let c = db.conn();
            (
                c.query_row("PRAGMA user_version", [], |r| r.get(0))
                    .unwrap(),
                c.query_row("PRAGMA journal_mode", [], |r| r.get(0))
                    .unwrap(),
            )
        };
        assert_eq!(version, MIGRATIONS.len() as i64);
        assert_eq!(mode, "wal");
    }

    #[test]
    fn newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        Db::open(&path)
            .unwrap()
            .conn()
            .pragma_update(None, "user_version", 99)
            .unwrap();
        assert!(matches!(
            Db::open(&path),
            Err(StorageError::SchemaTooNew { found: 99, .. })
        ));
    }

    #[test]
    fn concurrent_handles_commit_same_and_different_images() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        let barrier = std::sync::Barrier::new(4);
        std::thread::scope(|sc| {
            let hs: Vec<_> = (0..4)
                .map(|t| {
                    let (path, barrier) = (&path, &barrier);
                    sc.spawn(move || {
                        barrier.wait();
                        let db = Db::open(path).unwrap();
                        for i in 0..20 {
                            db.commit_image(
                                &image("same", &["l"], t),
                                Some("r/same:1"),
                                Some("r/same@1"),
                            )
                            .unwrap();
                            db.commit_image(
                                &image(&format!("{t}-{i}"), &["l"], t),
                                Some(&format!("r/{t}:{i}")),
                                None,
                            )
                            .unwrap();
                        }
                    })
                })
                .collect();
            for h in hs {
                h.join().unwrap();
            }
        });
        let db = Db::open(&path).unwrap();
        assert_eq!(db.image_count().unwrap(), 1 + 4 * 20);
        assert_eq!(
            db.find_by_name("r/same@1").unwrap().unwrap().names,
            vec!["r/same:1"]
        );
    }
}
