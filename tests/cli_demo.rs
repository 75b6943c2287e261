//! `regulars demo` as a user would run it: a temp database and config, a
//! fixed day, and the members it adds readable with the member commands.

mod cli_support;

use cli_support::{json, regulars, regulars_on};
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

fn show(dir: &TempDir, db: &str, key: &str) -> Value {
    json(regulars_on(dir, &dir.path().join(db)).args(["member", "show", key, "--json"]))
}

#[test]
fn demo_adds_members_and_says_how_many() {
    let dir = TempDir::new().unwrap();
    regulars(&dir)
        .args(["demo", "--members", "120", "--seed", "5"])
        .assert()
        .success()
        .stdout("Added 120 demo members.\n")
        .stderr("");
    let last = show(&dir, "club.db", "120");
    assert_eq!(last["id"], 120);
    assert!(last["first_name"].as_str().is_some_and(|n| !n.is_empty()));
    let joined = last["joined_at"].as_str().unwrap();
    assert!(joined <= "2026-11-23", "{joined}");
    regulars(&dir)
        .args(["member", "show", "121"])
        .assert()
        .code(1);
}

#[test]
fn one_demo_member_is_one_member_in_every_language() {
    let dir = TempDir::new().unwrap();
    let said = |lang: &str, db: &str| {
        let out = regulars_on(&dir, &dir.path().join(db))
            .args(["--lang", lang, "demo", "--members", "1"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(said("en", "a.db"), "Added 1 demo member.\n");
    assert_eq!(said("hr", "b.db"), "Dodan je 1 probni član.\n");
}

/// Every row of the tables the demo fills, as text.
fn dump(dir: &TempDir, db: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(dir.path().join(db)).unwrap();
    let mut rows = vec![];
    for table in ["members", "children", "pets", "consents"] {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY id"))
            .unwrap();
        let columns = stmt.column_count();
        let found = stmt
            .query_map([], |r| {
                let cells: Vec<String> = (0..columns)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect();
                Ok(format!("{table}: {}", cells.join("|")))
            })
            .unwrap();
        rows.extend(found.map(Result::unwrap));
    }
    rows
}

#[test]
fn the_same_seed_gives_the_same_members_in_another_file() {
    let dir = TempDir::new().unwrap();
    for (db, seed) in [("a.db", "5"), ("b.db", "5"), ("c.db", "6")] {
        regulars_on(&dir, &dir.path().join(db))
            .args(["demo", "--members", "300", "--seed", seed])
            .assert()
            .success();
    }
    let a = dump(&dir, "a.db");
    assert!(a.len() > 300);
    assert_eq!(a, dump(&dir, "b.db"));
    assert_ne!(a, dump(&dir, "c.db"));
    assert_eq!(show(&dir, "a.db", "42"), show(&dir, "b.db", "42"));
}

#[test]
fn defaults_add_two_hundred_and_bad_counts_are_usage_errors() {
    let dir = TempDir::new().unwrap();
    regulars(&dir)
        .arg("demo")
        .assert()
        .success()
        .stdout(predicate::str::contains("200"));
    regulars(&dir)
        .args(["demo", "--members", "-3"])
        .assert()
        .code(2);
    regulars(&dir)
        .args(["demo", "--members", "many"])
        .assert()
        .code(2);
}

#[test]
fn demo_has_help_text() {
    let dir = TempDir::new().unwrap();
    regulars(&dir)
        .args(["demo", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "same number gives the same members",
        ));
}
