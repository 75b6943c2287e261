//! The club's database shared by several programs at once: the open app,
//! its import worker, the command line in another process. The app keeps
//! its locks through an import, every write of every program is seen by
//! the others, a program holding the write lock gets a clear message or a
//! visible wait, and a mistyped `--db` folder makes nothing.

mod cli_support;
mod tui_support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cli_support::{club_with, json, process, regulars_on};
use ratatui::crossterm::event::KeyCode;
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::import::Report;
use regulars::ui::screens::import::ImportState;
use regulars::ui::{App, Theme};
use tempfile::TempDir;
use tui_support::{key, screen, today, type_text};

const CONFIG: &str = r#"[shop]
name = "Paws"
country = "HR"
currency = "EUR"

[points]
per_unit = 1
signup_bonus = 50
"#;

/// Two sales on Ana's card: 120 points.
const TILL: &str = "receipt_id,time,total,phone,email,card,item,qty,amount
R1,2026-11-20T10:05:00,100.00,,,C-1,Food,1,100.00
R2,2026-11-21T11:00:00,20.00,,,C-1,Toy,1,20.00
";

/// A club with Ana (card C-1), made by the command line, and the till file.
fn club() -> (TempDir, PathBuf, PathBuf) {
    let dir = club_with(CONFIG);
    let db = dir.path().join("club.db");
    regulars_on(&dir, &db)
        .args(["member", "add", "--first", "Ana", "--card", "C-1"])
        .assert()
        .success();
    let till = dir.path().join("till.csv");
    std::fs::write(&till, TILL).unwrap();
    (dir, db, till)
}

/// The app as `regulars` starts it: its own connection from `db::open`.
fn open_app(dir: &TempDir, db: &Path) -> App {
    let config = Config::load_or_create(&dir.path().join("config.toml"), None).unwrap();
    let ctx = Ctx::new(
        db::open(db).unwrap(),
        Clock::fixed(today()),
        config,
        Some(db.to_path_buf()),
    );
    App::new(ctx, Theme::plain()).unwrap()
}

/// Starts importing `file` from the import screen, as a person would:
/// `i`, Tab to the path field, the path, Enter. The screen's worker runs it.
fn start_import(app: &mut App, file: &Path) {
    key(app, KeyCode::Esc);
    type_text(app, "i");
    key(app, KeyCode::Tab);
    type_text(app, &file.display().to_string());
    key(app, KeyCode::Enter);
    assert!(importing(app), "the import started");
}

fn importing(app: &App) -> bool {
    app.top::<ImportState>().is_some_and(|s| s.is_running())
}

/// Takes the worker's reports between "frames" until `done` holds.
fn poll_until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    while !done(app) {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "waited in vain for {what}:\n{}",
            screen(app)
        );
        std::thread::sleep(Duration::from_millis(10));
        app.poll_work();
    }
}

fn finished_report(app: &mut App) -> Report {
    poll_until(app, "the import to end", |app| !importing(app));
    match app.top::<ImportState>() {
        Some(s) => s.report().cloned().unwrap_or_else(|| {
            panic!("no result; the app says {:?}", app.message());
        }),
        None => panic!("not on the import screen: {:?}", app.screen()),
    }
}

/// POSIX locks this process holds on `path` (Linux lists them all in
/// /proc/locks by inode and owner). SQLite in WAL mode keeps a shared lock
/// on the file for as long as a connection is open; without it, another
/// program may take the database for unused and delete its write-ahead log.
#[cfg(target_os = "linux")]
fn locks_held_on(path: &Path) -> usize {
    use std::os::unix::fs::MetadataExt;
    let inode = std::fs::metadata(path).unwrap().ino();
    let pid = std::process::id().to_string();
    let device_inode = format!(":{inode}");
    let held = || {
        std::fs::read_to_string("/proc/locks")
            .unwrap()
            .lines()
            .map(|line| line.split_whitespace().collect::<Vec<_>>())
            // id, POSIX, ADVISORY, READ|WRITE, pid, major:minor:inode, start,
            // end; waiting requests have "->" after the id and are not held.
            .filter(|f| f.len() >= 6 && f[1] == "POSIX" && f[4] == pid)
            .filter(|f| f[5].ends_with(&device_inode))
            .count()
    };
    // The kernel writes /proc/locks a page at a time from a list other
    // programs change meanwhile (parallel tests take and drop locks all
    // the time), so one read can skip a line. A lock really held shows in
    // some read; a lock not held shows in none.
    (0..5).map(|_| held()).max().unwrap_or(0)
}

#[cfg(target_os = "linux")]
fn assert_still_locked(db: &Path, when: &str) {
    assert!(
        locks_held_on(db) > 0,
        "the app holds no lock on the database {when}"
    );
}

#[cfg(not(target_os = "linux"))]
fn assert_still_locked(_db: &Path, _when: &str) {}

#[test]
fn the_open_app_keeps_its_locks_and_every_write_is_seen_by_every_program() {
    let (dir, db, till) = club();
    let mut app = open_app(&dir, &db);
    assert_still_locked(&db, "right after opening");

    start_import(&mut app, &till);
    assert_eq!(finished_report(&mut app).counts.receipts_new, 2);
    assert_still_locked(&db, "after an import from the screen");

    // Another program writes while the app stays open, and ends.
    regulars_on(&dir, &db)
        .args(["member", "add", "--first", "Ivo", "--card", "C-2"])
        .assert()
        .success();
    regulars_on(&dir, &db)
        .args(["adjust", "C-1", "5", "--note", "from the till"])
        .assert()
        .success();
    assert_still_locked(&db, "after the command line wrote and quit");

    // The app writes after them, on the connection it had all along.
    let now = today().and_hms_opt(12, 0, 0).unwrap();
    let balance = db::ledger::adjust(app.conn(), 1, 7, "at the counter", now).unwrap();
    assert_eq!(
        balance,
        50 + 120 + 5 + 7,
        "the app sees the import and the adjust"
    );

    // A third program sees all of it while the app is still open: nothing
    // went into a log another program had deleted (closing the app would
    // copy such a log back; a killed window would not).
    let points = json(regulars_on(&dir, &db).args(["points", "C-1", "--json"]));
    assert_eq!(points["balance"], 182);
    let notes: Vec<&str> = points["ledger"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|row| row["note"].as_str())
        .collect();
    assert!(notes.contains(&"from the till"), "{points}");
    assert!(notes.contains(&"at the counter"), "{points}");
    let ivo = json(regulars_on(&dir, &db).args(["member", "show", "C-2", "--json"]));
    assert_eq!(ivo["first_name"], "Ivo");
    assert_still_locked(&db, "at the end");
    drop(app);
}

#[test]
fn a_db_in_a_missing_folder_is_refused_and_nothing_is_made() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("config.toml"), CONFIG).unwrap();
    let folder = dir.path().join("no").join("such");
    let out = regulars_on(&dir, &folder.join("club.db"))
        .args(["member", "find", "Ana"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(&folder.display().to_string()), "{stderr}");
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(!dir.path().join("no").exists(), "no folder was made");

    // A new file in a folder that exists is a new club, as scripts expect.
    regulars_on(&dir, &dir.path().join("new.db"))
        .args(["member", "find", "Ana"])
        .assert()
        .success();
    assert!(dir.path().join("new.db").is_file());
}

#[test]
fn a_write_blocked_by_another_program_says_so_and_stores_nothing() {
    let (dir, db, _till) = club();
    let other = db::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    // The command waits its 5 seconds for the lock, then gives up.
    let out = regulars_on(&dir, &db)
        .args(["member", "add", "--first", "Ivo", "--card", "C-2"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    other.execute_batch("ROLLBACK").unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("Another program is writing to the club's database"),
        "{stderr}"
    );
    assert!(stderr.contains(&db.display().to_string()), "{stderr}");
    assert!(stderr.contains("nothing was stored"), "{stderr}");
    let members: i64 = other
        .query_row("SELECT count(*) FROM members", [], |r| r.get(0))
        .unwrap();
    assert_eq!(members, 1, "only Ana");
}

#[test]
fn a_write_waits_for_another_programs_short_write() {
    let (dir, db, _till) = club();
    let other = db::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut child = process(&dir, &["member", "add", "--first", "Ivo", "--card", "C-2"])
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    other.execute_batch("COMMIT").unwrap();
    assert!(child.wait().unwrap().success());
    let members: i64 = other
        .query_row("SELECT count(*) FROM members", [], |r| r.get(0))
        .unwrap();
    assert_eq!(members, 2, "Ivo was stored after the wait");
}

fn shows_waiting(app: &App) -> bool {
    screen(app).contains("Waiting: another program is writing to the club's database")
}

fn stored_receipts(db: &Path) -> i64 {
    db::open(db)
        .unwrap()
        .query_row("SELECT count(*) FROM receipts", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn an_import_waits_for_another_writer_with_a_note_then_goes_on() {
    let (dir, db, till) = club();
    let other = db::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut app = open_app(&dir, &db);
    start_import(&mut app, &till);
    poll_until(&mut app, "the waiting note", shows_waiting);
    assert!(importing(&app), "waiting, not failed");

    other.execute_batch("COMMIT").unwrap();
    assert_eq!(finished_report(&mut app).counts.receipts_new, 2);
    assert_eq!(stored_receipts(&db), 2);
}

#[test]
fn esc_while_waiting_for_another_writer_cancels_and_stores_nothing() {
    let (dir, db, till) = club();
    let other = db::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut app = open_app(&dir, &db);
    start_import(&mut app, &till);
    poll_until(&mut app, "the waiting note", shows_waiting);

    key(&mut app, KeyCode::Esc);
    poll_until(&mut app, "the cancel", |app| !importing(app));
    assert_eq!(
        app.message().as_deref(),
        Some("Import cancelled; nothing was stored.")
    );
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(stored_receipts(&db), 0);
}
