//! The daily backup the app takes when it starts: behind the first frame,
//! once per day of the app's clock, the last `[backup] keep` kept, none
//! with `keep = 0`, and a failure said on the message line.

mod tui_support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use regulars::clock::Clock;
use regulars::context::Ctx;
use regulars::db;
use regulars::ui::{App, Theme};
use tempfile::TempDir;
use tui_support::{config, day};

/// The app started on `db` on `today`, its daily backup begun.
fn start(db: &Path, today: NaiveDate, keep: u32) -> App {
    let mut config = config("HR");
    config.backup.keep = keep;
    let ctx = Ctx::new(
        db::open(db).unwrap(),
        Clock::fixed(today),
        config,
        Some(db.to_path_buf()),
    );
    let mut app = App::new(ctx, Theme::plain()).unwrap();
    app.start_daily_backup();
    app
}

/// Lets the app take its news until the backup has ended.
fn wait_for_backup(app: &mut App) {
    let since = Instant::now();
    while app.backing_up() {
        assert!(since.elapsed() < Duration::from_secs(30), "backup hangs");
        std::thread::sleep(Duration::from_millis(10));
        app.poll_work();
    }
}

/// The daily backups in the folder, by name, oldest first.
fn dailies(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("-daily-"))
        .collect();
    names.sort();
    names
}

fn club() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("club.db");
    (dir, db)
}

#[test]
fn the_app_takes_one_backup_a_day_and_keeps_the_last_ones() {
    let (dir, db) = club();
    let folder = dir.path().join("backups");
    for (n, date) in (1..=5).map(|d| day(2026, 11, d)).enumerate() {
        // Started twice a day: one backup that day.
        for _ in 0..2 {
            let mut app = start(&db, date, 3);
            wait_for_backup(&mut app);
            assert_eq!(app.message(), None, "nothing said when it worked");
        }
        assert_eq!(dailies(&folder).len(), (n + 1).min(3));
    }
    assert_eq!(
        dailies(&folder),
        [
            "club-daily-2026-11-03.db",
            "club-daily-2026-11-04.db",
            "club-daily-2026-11-05.db"
        ]
    );
    let copy = rusqlite::Connection::open(folder.join("club-daily-2026-11-05.db")).unwrap();
    let ok: String = copy
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn keep_zero_takes_no_backup() {
    let (dir, db) = club();
    let app = start(&db, day(2026, 11, 23), 0);
    assert!(!app.backing_up());
    assert!(!dir.path().join("backups").exists());
}

#[test]
fn a_backup_that_fails_says_so() {
    let (dir, db) = club();
    // A file where the backups folder should be.
    std::fs::write(dir.path().join("backups"), "not a folder").unwrap();
    let mut app = start(&db, day(2026, 11, 23), 7);
    wait_for_backup(&mut app);
    let said = app.message().expect("the failure is shown");
    assert!(said.contains("daily backup"), "{said}");
    assert!(said.contains("backups"), "{said}");
}
