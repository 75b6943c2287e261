use std::path::Path;

use chrono::Duration;
use rusqlite::Connection;

use super::*;
use crate::clock::Clock;
use crate::ops::testing::{club, member, today};

/// The members of the database at `path`, read through SQLite alone.
fn members_in(path: &Path) -> i64 {
    let conn = Connection::open(path).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    conn.query_row("SELECT count(*) FROM members", [], |r| r.get(0))
        .unwrap()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_backup_is_a_dated_private_file_next_to_the_database() {
    let (dir, ctx) = club();
    member(&ctx, "Ana", "Horvat");
    member(&ctx, "Ivo", "Babić");
    let first = take_backup(&ctx, None).unwrap();
    assert_eq!(first, dir.path().join("backups").join("club-2026-11-23.db"));
    assert_eq!(members_in(&first), 2);
    #[cfg(unix)]
    {
        assert_eq!(mode(&first), 0o600);
        assert_eq!(mode(first.parent().unwrap()), 0o700);
    }
    // A second one the same day keeps the first.
    member(&ctx, "Eva", "Kos");
    let second = take_backup(&ctx, None).unwrap();
    assert_eq!(second.file_name().unwrap(), "club-2026-11-23-2.db");
    assert_eq!(members_in(&first), 2);
    assert_eq!(members_in(&second), 3);
    // Nothing half-written is left behind.
    let names: Vec<_> = std::fs::read_dir(first.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn a_backup_to_a_named_file_never_overwrites_one() {
    let (dir, ctx) = club();
    member(&ctx, "Ana", "Horvat");
    let named = dir.path().join("before-the-sale.db");
    assert_eq!(take_backup(&ctx, Some(&named)).unwrap(), named);
    assert_eq!(members_in(&named), 1);
    let e = take_backup(&ctx, Some(&named)).unwrap_err();
    assert!(e.to_string().contains("before-the-sale.db"), "{e}");
    // A folder gets a dated file inside.
    let into = take_backup(&ctx, Some(dir.path())).unwrap();
    assert_eq!(into, dir.path().join("club-2026-11-23.db"));
}

#[test]
fn a_backup_into_a_missing_folder_names_the_file() {
    let (dir, ctx) = club();
    let wrong = dir.path().join("no-such-folder").join("copy.db");
    let e = take_backup(&ctx, Some(&wrong)).unwrap_err();
    assert!(e.to_string().contains("no-such-folder"), "{e}");
}

#[test]
fn the_daily_backup_is_taken_once_a_day_and_keeps_the_last_ones() {
    let (dir, mut ctx) = club();
    member(&ctx, "Ana", "Horvat");
    ctx.config.backup.keep = 3;
    let folder = dir.path().join("backups");
    for n in 0..5 {
        ctx.clock = Clock::fixed(today() + Duration::days(n));
        assert!(daily_backup(&ctx).unwrap().is_some(), "day {n}");
        // Started again the same day: nothing new.
        assert_eq!(daily_backup(&ctx).unwrap(), None);
    }
    let days = daily_days(&folder, "club").unwrap();
    let expected: Vec<_> = (2..5).rev().map(|n| today() + Duration::days(n)).collect();
    assert_eq!(days, expected);
    // A backup taken by hand is not one of the daily ones.
    let by_hand = take_backup(&ctx, None).unwrap();
    ctx.clock = Clock::fixed(today() + Duration::days(9));
    daily_backup(&ctx).unwrap();
    assert!(by_hand.exists());
    assert_eq!(daily_days(&folder, "club").unwrap().len(), 3);
}

#[test]
fn keep_zero_takes_no_daily_backup() {
    let (dir, mut ctx) = club();
    ctx.config.backup.keep = 0;
    assert_eq!(daily_backup(&ctx).unwrap(), None);
    assert!(!dir.path().join("backups").exists());
}
