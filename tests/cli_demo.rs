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

#[test]
fn a_club_with_members_gets_a_demo_only_with_yes() {
    let dir = TempDir::new().unwrap();
    regulars(&dir)
        .args([
            "member",
            "add",
            "--first",
            "Ana",
            "--phone",
            "+385912345678",
        ])
        .assert()
        .success();
    regulars(&dir)
        .args(["demo", "--members", "10"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "regulars: The club already has 1 member; demo members would be mixed in \
             with them. Add --yes to add them all the same.\n",
        );
    regulars(&dir)
        .args(["demo", "--members", "10", "--yes"])
        .assert()
        .success()
        .stdout("Added 10 demo members.\n");
    assert_eq!(show(&dir, "club.db", "+385912345678")["first_name"], "Ana");
}

#[test]
fn a_second_demo_adds_nothing_and_names_the_way_out() {
    let dir = TempDir::new().unwrap();
    regulars(&dir)
        .args(["demo", "--members", "30"])
        .assert()
        .success();
    for extra in [None, Some("--yes")] {
        let mut cmd = regulars(&dir);
        cmd.args(["demo", "--members", "30"]);
        if let Some(flag) = extra {
            cmd.arg(flag);
        }
        cmd.assert().code(1).stderr(
            "regulars: The club already has 30 demo members; nothing was added. \
             Take them out first with regulars demo --remove --yes.\n",
        );
    }
    regulars(&dir)
        .args(["member", "show", "31"])
        .assert()
        .code(1);
}

#[test]
fn demo_remove_asks_for_yes_then_takes_the_demo_out() {
    let dir = TempDir::new().unwrap();
    regulars(&dir)
        .args(["member", "add", "--first", "Ana", "--card", "HR-1"])
        .assert()
        .success();
    regulars(&dir)
        .args(["demo", "--members", "25", "--yes"])
        .assert()
        .success();
    regulars(&dir)
        .args(["demo", "--remove"])
        .assert()
        .code(1)
        .stderr(
            "regulars: This takes out 25 demo members with their receipts and points; \
             add --yes to do it.\n",
        );
    let removed = json(regulars(&dir).args(["demo", "--remove", "--yes", "--json"]));
    assert_eq!(removed, serde_json::json!({"removed": 25, "members": 1}));
    assert_eq!(show(&dir, "club.db", "HR-1")["first_name"], "Ana");
    let conn = rusqlite::Connection::open(dir.path().join("club.db")).unwrap();
    let receipts: i64 = conn
        .query_row("SELECT count(*) FROM receipts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(receipts, 0);
    regulars(&dir)
        .args(["demo", "--remove", "--yes"])
        .assert()
        .success()
        .stdout("Took out 0 demo members.\n");
    regulars(&dir)
        .args(["--lang", "hr", "demo", "--members", "3", "--yes"])
        .assert()
        .success();
    regulars(&dir)
        .args(["--lang", "hr", "demo", "--remove", "--yes"])
        .assert()
        .success()
        .stdout("Uklonjena su 3 probna člana.\n");
}

#[test]
fn a_branch_of_a_chain_gets_no_demo_members() {
    // They would travel to every branch at the next sync; nothing is stored.
    let dir = cli_support::club_with(
        "[sync]\nurl = \"postgres://shop:pw@127.0.0.1:1/club\"\nshop = \"Centre\"\n",
    );
    regulars(&dir)
        .args(["demo", "--members", "3"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("branch of a chain").and(predicate::str::contains("pw").not()),
        );
    regulars(&dir)
        .args(["member", "find", "a", "--json"])
        .assert()
        .success()
        .stdout("[]\n");
}
