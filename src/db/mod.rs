//! The club's one SQLite file: opening it safely, and the queries by topic.
//!
//! Opening checks that the file is SQLite and ours before anything is
//! written, creates a new file readable by the owner only (0600; folders
//! are never made here), turns on WAL so a reader never blocks the counter,
//! and migrates. Every connection of the app comes through [`open`], and
//! the file is only ever opened by SQLite: POSIX drops all of a process's
//! locks on a file when any descriptor of it is closed, so reading the
//! header with a plain `File` while the counter holds the database would
//! leave it unlocked, and another program could then checkpoint and delete
//! the write-ahead log the counter still writes to.

pub mod birth_calendar;
pub mod branches;
pub mod club_health;
pub mod column_maps;
pub mod consenting;
pub mod contacts;
pub mod counter;
pub mod demo_members;
pub mod demo_receipts;
pub mod demo_rows;
pub mod duplicate_pairs;
pub mod duplicates;
pub mod erase;
pub mod event_figures;
pub mod events;
pub mod family;
pub mod feedback;
pub mod habits;
pub mod health;
pub mod ledger;
pub mod list_order;
pub mod loyalty;
pub mod loyalty_bonus;
pub mod loyalty_state;
pub mod loyalty_tiers;
pub mod member_data;
pub mod member_year;
pub mod members;
pub mod merge;
pub mod migrate;
pub mod near_tier;
pub mod notes;
pub mod receipts;
pub mod referral;
pub mod reminders;
pub mod review;
pub mod review_load;
pub mod search;
pub mod segment;
pub mod segments_saved;
pub mod suppression;
pub mod survey;
pub mod sync_clock;
pub mod sync_members;
pub mod sync_outbox;
pub mod sync_receipts;
pub mod sync_rows;
pub mod tier_overview;
pub mod till_customers;

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::error::{Error, Result};

/// How long a statement waits for another program's write lock before it
/// gives up with [`Error::Busy`].
pub const BUSY_WAIT: Duration = Duration::from_secs(5);

/// Opens (creating if needed) the database at `path` and brings it up to
/// date. A new file is made only in a folder that exists.
pub fn open(path: &Path) -> Result<Connection> {
    // `exists` asks for the file's status; it opens no descriptor.
    let made_now = !path.exists() && create_private_file(path)?;
    if !made_now {
        check_is_ours(path)?;
    }
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| open_error(e, path))?;
    configure(&conn)
        .and_then(|()| migrate::migrate(&mut conn))
        .map_err(|e| e.at_db(path))?;
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
    conn.busy_timeout(BUSY_WAIT)?;
    sync_clock::install_unclocked(conn)?;
    // journal_mode answers with a row, so it is queried rather than executed.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    // temp_store: the search triggers make bulk writes (import, demo) keep
    // statement journals; in memory they cost half the time of a temp file.
    conn.execute_batch(
        "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;",
    )?;
    Ok(())
}

/// Runs `work` with SQLite keeping up to `kib` KiB of pages in memory,
/// its sorts' overflow in temporary files and a second thread for sorting,
/// then gives the connection its own settings back. A bulk write (an
/// import of a year of receipts) touches index pages all over the file;
/// with the default cache of 2 MiB they go out to the log and are read
/// back many times within the one transaction. It also sorts whole tables
/// (indexes made again, payment ids filed in order): kept in memory, such
/// a sort held as much as it sorted.
pub fn with_bulk_settings<T>(
    conn: &mut Connection,
    kib: i64,
    work: impl FnOnce(&mut Connection) -> Result<T>,
) -> Result<T> {
    let cache: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    let temp: i64 = conn.query_row("PRAGMA temp_store", [], |r| r.get(0))?;
    let threads: i64 = conn.query_row("PRAGMA threads", [], |r| r.get(0))?;
    conn.execute_batch(&format!(
        "PRAGMA cache_size = {}; PRAGMA temp_store = FILE; PRAGMA threads = 1;",
        -kib
    ))?;
    let done = work(conn);
    let restored = conn.execute_batch(&format!(
        "PRAGMA cache_size = {cache}; PRAGMA temp_store = {temp}; PRAGMA threads = {threads};"
    ));
    let done = done?;
    restored?;
    Ok(done)
}

/// A page cache of its own size for as long as this lives; the
/// connection's usual size is back when it is dropped.
pub struct CacheSize<'c> {
    conn: &'c Connection,
    before: i64,
}

impl<'c> CacheSize<'c> {
    /// `kib` KiB, taken only as pages are actually read.
    pub fn set(conn: &'c Connection, kib: i64) -> Result<CacheSize<'c>> {
        let before: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        conn.pragma_update(None, "cache_size", -kib)?;
        Ok(CacheSize { conn, before })
    }
}

impl Drop for CacheSize<'_> {
    fn drop(&mut self) {
        // Only a smaller or larger cache than usual is lost if this fails.
        let _ = self.conn.pragma_update(None, "cache_size", self.before);
    }
}

/// Refuses a file that is not SQLite, or a SQLite file of another program
/// (tables but not our application id). Asked through a read-only SQLite
/// connection: SQLite keeps its descriptors open while the process holds
/// locks on the file, so the check never costs the counter its locks, and
/// nothing is written to a file that turns out not to be ours.
fn check_is_ours(path: &Path) -> Result<()> {
    let display = path.display().to_string();
    let probe = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| open_error(e, path))?;
    probe.busy_timeout(BUSY_WAIT)?;
    let read = |sql: &str| probe.query_row(sql, [], |r| r.get::<_, i64>(0));
    let (app_id, tables) = match read("PRAGMA application_id")
        .and_then(|id| Ok((id, read("SELECT count(*) FROM sqlite_schema")?)))
    {
        Ok(found) => found,
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::NotADatabase) => {
            return Err(Error::user("err-db-not-sqlite", &[("path", &display)]));
        }
        Err(e) => return Err(open_error(e, path)),
    };
    // An empty file (id 0, no tables) is what SQLite itself takes as new.
    if app_id != migrate::APPLICATION_ID && (app_id != 0 || tables > 0) {
        return Err(Error::user("err-db-foreign", &[("path", &display)]));
    }
    Ok(())
}

/// Why the file could not be opened, one line naming it.
fn open_error(e: rusqlite::Error, path: &Path) -> Error {
    match Error::from(e) {
        Error::Db(e) => Error::user(
            "err-db-open",
            &[
                ("path", &path.display().to_string()),
                ("detail", &e.to_string()),
            ],
        ),
        other => other.at_db(path),
    }
}

/// A new file in a folder that must exist already: a mistyped `--db`
/// fails here instead of starting an empty club somewhere unexpected.
fn check_folder(path: &Path) -> Result<()> {
    match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(folder) if !folder.is_dir() => Err(Error::user(
            "err-db-no-folder",
            &[
                ("folder", &folder.display().to_string()),
                ("path", &path.display().to_string()),
            ],
        )),
        _ => Ok(()),
    }
}

/// Makes the new, empty database file, owner only, before SQLite opens it
/// (SQLite gives its -wal and -shm files the same permissions). The path
/// did not exist, so no connection of this process can be on this file and
/// closing the descriptor drops no lock. False when another program made
/// the file meanwhile; then it is checked like any existing file.
fn create_private_file(path: &Path) -> Result<bool> {
    check_folder(path)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(Error::io(path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_file_is_private_and_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("club.db");
        let conn = open(&path).unwrap();
        assert_eq!(migrate::version(&conn).unwrap(), migrate::latest());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(&dir.path().join("club.db-wal")), 0o600);
            assert_eq!(mode(&dir.path().join("club.db-shm")), 0o600);
        }
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn a_missing_folder_is_named_and_not_made() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such").join("club.db");
        let err = open(&path).unwrap_err().to_string();
        assert!(err.contains("no-such"), "{err}");
        assert!(err.contains("does not exist"), "{err}");
        assert!(!dir.path().join("no-such").exists());
    }

    #[test]
    fn an_empty_file_becomes_a_new_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("club.db");
        std::fs::File::create(&path).unwrap();
        let conn = open(&path).unwrap();
        assert_eq!(migrate::version(&conn).unwrap(), migrate::latest());
    }

    #[test]
    fn a_database_closed_cleanly_opens_again() {
        // No -wal or -shm left: the read-only check must still read it.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("club.db");
        drop(open(&path).unwrap());
        assert!(!dir.path().join("club.db-wal").exists());
        assert_eq!(
            migrate::version(&open(&path).unwrap()).unwrap(),
            migrate::latest()
        );
    }

    #[test]
    fn not_sqlite_and_foreign_files_are_refused_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("notes.db");
        std::fs::write(&text, "shopping list\n").unwrap();
        let err = open(&text).unwrap_err().to_string();
        assert!(
            err.contains("notes.db") && err.contains("not an SQLite file"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&text).unwrap(), "shopping list\n");

        let other = dir.path().join("other.db");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t(x)")
            .unwrap();
        let err = open(&other).unwrap_err().to_string();
        assert!(err.contains("another program"), "{err}");
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
