//! The club's one SQLite file: opening it safely, and the queries by topic.
//!
//! Opening checks that the file is SQLite and ours before anything is
//! written, creates a new file readable by the owner only (0600 in a 0700
//! folder), turns on WAL so a reader never blocks the counter, and migrates.

pub mod contacts;
pub mod counter;
pub mod demo_receipts;
pub mod demo_rows;
pub mod habits;
pub mod ledger;
pub mod loyalty;
pub mod loyalty_bonus;
pub mod loyalty_tiers;
pub mod members;
pub mod migrate;
pub mod receipts;
pub mod reminders;
pub mod review;
pub mod review_load;
pub mod search;
pub mod tier_overview;
pub mod till_customers;

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Opens (creating if needed) the database at `path` and brings it up to date.
pub fn open(path: &Path) -> Result<Connection> {
    let display = path.display().to_string();
    if path.exists() {
        check_is_sqlite(path)?;
    } else {
        create_private_file(path)?;
    }
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| {
        Error::user(
            "err-db-open",
            &[("path", &display), ("detail", &e.to_string())],
        )
    })?;
    check_is_ours(&conn, &display)?;
    configure(&conn)?;
    migrate::migrate(&mut conn)?;
    Ok(conn)
}

/// A fresh in-memory database with the full schema (tests, benches).
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    migrate::migrate(&mut conn)?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    // journal_mode answers with a row, so it is queried rather than executed.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    // temp_store: the search triggers make bulk writes (import, demo) keep
    // statement journals; in memory they cost half the time of a temp file.
    conn.execute_batch(
        "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;",
    )?;
    Ok(())
}

fn check_is_sqlite(path: &Path) -> Result<()> {
    let mut head = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let read = file.read(&mut head).map_err(|e| Error::io(path, e))?;
    // An empty file is what SQLite itself would accept as a new database.
    if read == 0 {
        return Ok(());
    }
    if read < 16 || &head != SQLITE_MAGIC {
        return Err(Error::user(
            "err-db-not-sqlite",
            &[("path", &path.display().to_string())],
        ));
    }
    Ok(())
}

/// A SQLite file of another program has tables but not our application id.
fn check_is_ours(conn: &Connection, display: &str) -> Result<()> {
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| {
            Error::user(
                "err-db-open",
                &[("path", display), ("detail", &e.to_string())],
            )
        })?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    if app_id != migrate::APPLICATION_ID && (app_id != 0 || tables > 0) {
        return Err(Error::user("err-db-foreign", &[("path", display)]));
    }
    Ok(())
}

#[cfg(unix)]
fn create_private_file(path: &Path) -> Result<()> {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    if let Some(dir) = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && !d.exists())
    {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| Error::io(dir, e))?;
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| Error::io(path, e))?;
    Ok(())
}

#[cfg(not(unix))]
fn create_private_file(path: &Path) -> Result<()> {
    if let Some(dir) = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && !d.exists())
    {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| Error::io(path, e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_file_is_private_and_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("club.db");
        let conn = open(&path).unwrap();
        assert_eq!(migrate::version(&conn).unwrap(), migrate::latest());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(path.parent().unwrap()), 0o700);
        }
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn not_sqlite_and_foreign_files_are_refused_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("notes.db");
        std::fs::write(&text, "shopping list\n").unwrap();
        assert!(open(&text).unwrap_err().to_string().contains("notes.db"));
        assert_eq!(std::fs::read_to_string(&text).unwrap(), "shopping list\n");

        let other = dir.path().join("other.db");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t(x)")
            .unwrap();
        assert!(open(&other).is_err());
    }

    #[test]
    fn reopening_keeps_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("club.db");
        open(&path)
            .unwrap()
            .execute(
                "INSERT INTO suppression VALUES ('h', 'sms', '2026-01-01')",
                [],
            )
            .unwrap();
        let n: i64 = open(&path)
            .unwrap()
            .query_row("SELECT count(*) FROM suppression", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
    }
}
