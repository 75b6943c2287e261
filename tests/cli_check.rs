//! `regulars check` on a club's file: sound, it says so and exits 0; a copy
//! broken by hand (a points row that makes a balance wrong, a row that
//! refers to a member who does not exist) is named, exit 1, and listed by
//! kind with `--json`.

mod cli_support;

use std::path::{Path, PathBuf};

use cli_support::{club_with, regulars, regulars_on};
use rusqlite::Connection;
use serde_json::Value;
use tempfile::TempDir;

const CONFIG: &str = r#"[shop]
name = "Paws"
country = "HR"
currency = "EUR"
"#;

/// A club with two members, and a copy of it made by `regulars backup`.
fn club_and_copy() -> (TempDir, PathBuf) {
    let dir = club_with(CONFIG);
    for first in ["Ana", "Ivo"] {
        regulars(&dir)
            .args(["member", "add", "--first", first, "--last", "Kos"])
            .assert()
            .success();
    }
    let copy = dir.path().join("copy.db");
    regulars(&dir)
        .args(["backup", &copy.display().to_string()])
        .assert()
        .success();
    (dir, copy)
}

/// Writes to the copy as another program could, foreign keys off.
fn break_by_hand(copy: &Path, sql: &str) {
    let conn = Connection::open(copy).unwrap();
    conn.execute_batch(&format!("PRAGMA foreign_keys = OFF; {sql}"))
        .unwrap();
}

/// `check` on the copy must exit 1: its stdout as text and as JSON.
fn failed_check(dir: &TempDir, copy: &Path) -> (String, Value) {
    let text = regulars_on(dir, copy)
        .arg("check")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let json = regulars_on(dir, copy)
        .args(["check", "--json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    (
        String::from_utf8(text).unwrap(),
        serde_json::from_slice(&json).unwrap(),
    )
}

#[test]
fn a_sound_club_passes() {
    let (dir, copy) = club_and_copy();
    let out = regulars_on(&dir, &copy)
        .arg("check")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("The database file is sound"), "{text}");
    let out = regulars_on(&dir, &copy)
        .args(["check", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let found: Value = serde_json::from_slice(&out).unwrap();
    for kind in ["integrity", "foreign_keys", "ledger", "duplicates"] {
        assert_eq!(found[kind].as_array().map(Vec::len), Some(0), "{kind}");
    }
}

#[test]
fn a_redemption_that_adds_points_is_found() {
    let (dir, copy) = club_and_copy();
    break_by_hand(
        &copy,
        "INSERT INTO points (member_id, delta, reason, at)
         VALUES (2, 500, 'redeem', '2026-11-20 10:00:00');",
    );
    let (text, found) = failed_check(&dir, &copy);
    assert!(
        text.contains("Member 2: points row") && text.contains("+500 on 2026-11-20"),
        "{text}"
    );
    assert!(!text.contains("is sound"), "{text}");
    let ledger = found["ledger"].as_array().unwrap();
    assert_eq!(ledger.len(), 1, "{found}");
    assert_eq!(ledger[0]["member_id"], 2);
    assert_eq!(ledger[0]["reason"], "redeem");
    assert_eq!(ledger[0]["delta"], 500);
    assert_eq!(found["foreign_keys"].as_array().map(Vec::len), Some(0));
    // The club the copy came from is untouched and still sound.
    regulars(&dir).arg("check").assert().success();
}

#[test]
fn points_of_a_member_who_does_not_exist_are_found() {
    let (dir, copy) = club_and_copy();
    break_by_hand(
        &copy,
        "INSERT INTO points (member_id, delta, reason, note, at)
         VALUES (99, 20, 'adjust', 'by hand', '2026-11-20 10:00:00');",
    );
    let (text, found) = failed_check(&dir, &copy);
    assert!(
        text.contains("of points refers to a row of members that does not exist"),
        "{text}"
    );
    let missing = found["foreign_keys"].as_array().unwrap();
    assert_eq!(missing.len(), 1, "{found}");
    assert_eq!(missing[0]["table"], "points");
    assert_eq!(missing[0]["parent"], "members");
    assert_eq!(found["ledger"].as_array().map(Vec::len), Some(0));
}

#[test]
fn a_damaged_file_is_named_and_the_backup_pointed_to() {
    let (dir, copy) = club_and_copy();
    regulars_on(&dir, &copy)
        .args(["demo", "--members", "300", "--yes"])
        .assert()
        .success();
    // Scribble over one page of an index, as a failing disk would.
    let (page, size): (i64, i64) = {
        let conn = Connection::open(&copy).unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
        let page = conn
            .query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = 'members_reach'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let size = conn
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .unwrap();
        (page, size)
    };
    let mut bytes = std::fs::read(&copy).unwrap();
    let start = ((page - 1) * size) as usize;
    bytes[start..start + 64].fill(0x5a);
    std::fs::write(&copy, bytes).unwrap();
    let (text, found) = failed_check(&dir, &copy);
    assert!(text.contains("The database file is damaged"), "{text}");
    assert!(text.contains("restore the latest backup"), "{text}");
    assert!(
        !found["integrity"].as_array().unwrap().is_empty(),
        "{found}"
    );
}
