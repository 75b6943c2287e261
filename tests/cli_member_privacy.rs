//! `member export` and `member erase` as a script would use them: a temp
//! club with a loyalty program, a till file imported, a fixed day.

mod cli_support;

use cli_support::{club_with, import_till, json, regulars, stderr_of};
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

const CONFIG: &str = r#"[shop]
name = "Paws"
country = "HR"
currency = "EUR"

[points]
per_unit = 1
signup_bonus = 50

[[tiers]]
name = "Bronze"
min = 0

[[tiers]]
name = "Silver"
min = 200
"#;

const TILL: &str = "receipt_id,time,total,phone,email,card,item,qty,amount
R1,2026-10-17T19:10:43,154.00,+385912345678,ana@example.com,C-1,Bread,1,154.00
R2,2026-11-02T15:08:34,72.13,,,C-1,Crayons,2,72.13
R3,2026-11-05T20:10:43,-54.00,,,C-1,Bread,-1,-54.00
R4,2026-11-06T10:00:00,12.00,,,C-2,Tea,1,12.00
";

/// Ana (card C-1, with a phone and email, SMS agreed) and Ivo (C-2), and
/// the till file imported.
fn club() -> TempDir {
    let dir = club_with(CONFIG);
    regulars(&dir)
        .args([
            "member", "add", "--first", "Ana", "--last", "Kovač", "--card", "C-1",
        ])
        .args(["--phone", "091 234 5678", "--email", "ana@example.com"])
        .args(["--consent", "sms,email", "--birthday", "1986-03-14"])
        .assert()
        .success();
    regulars(&dir)
        .args(["member", "add", "--first", "Ivo", "--card", "C-2"])
        .assert()
        .success();
    import_till(&dir, TILL);
    dir
}

#[test]
fn export_prints_everything_about_the_member() {
    let dir = club();
    let export = json(regulars(&dir).args(["member", "export", "C-1"]));
    assert_eq!(export["id"], 1);
    assert_eq!(export["erased"], false);
    assert_eq!(export["member"]["first_name"], "Ana");
    assert_eq!(export["member"]["phone"], "+385912345678");
    assert_eq!(export["member"]["birth_year"], 1986);
    assert_eq!(export["consent"]["sms"], true);
    assert_eq!(export["consent_history"].as_array().unwrap().len(), 2);
    let receipts = export["receipts"].as_array().unwrap();
    assert_eq!(receipts.len(), 3);
    let spend: i64 = receipts
        .iter()
        .map(|r| r["total_minor"].as_i64().unwrap())
        .sum();
    assert_eq!(spend, 15400 + 7213 - 5400);
    assert_eq!(receipts[0]["cust_card"], "C-1");
    assert_eq!(receipts[1]["lines"][0]["item"], "Crayons");
    assert!(export["points_balance"].as_i64().unwrap() > 0);
    assert!(!export["points"].as_array().unwrap().is_empty());
    // Nothing of Ivo's.
    assert!(!export.to_string().contains("Tea"));
}

#[test]
fn export_out_writes_a_private_file_and_says_where() {
    let dir = club();
    let out = dir.path().join("ana.json");
    regulars(&dir)
        .args(["member", "export", "091 234 5678", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("ana.json"));
    let export: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(export["member"]["email"], "ana@example.com");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn export_of_an_unknown_key_is_refused_naming_it() {
    let dir = club();
    let err = stderr_of(regulars(&dir).args(["member", "export", "C-404"]), 1);
    assert!(err.contains("C-404"), "{err}");
}

#[test]
fn erase_without_yes_says_what_would_go_and_changes_nothing() {
    let dir = club();
    let err = stderr_of(regulars(&dir).args(["member", "erase", "C-1"]), 1);
    assert!(err.contains("Ana Kovač") && err.contains("--yes"), "{err}");
    assert!(err.contains("receipts stay"), "{err}");
    let show = json(regulars(&dir).args(["member", "show", "C-1", "--json"]));
    assert_eq!(show["first_name"], "Ana");
}

#[test]
fn erase_removes_the_member_from_every_list_and_keeps_the_totals() {
    let dir = club();
    let totals = |dir: &TempDir| -> (i64, i64) {
        let conn = rusqlite::Connection::open(dir.path().join("club.db")).unwrap();
        conn.query_row("SELECT count(*), sum(total_minor) FROM receipts", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap()
    };
    let before = totals(&dir);
    regulars(&dir)
        .args(["member", "erase", "C-1", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Ana Kovač"));
    assert_eq!(totals(&dir), before);
    for key in ["C-1", "1", "091 234 5678", "ana@example.com"] {
        let err = stderr_of(regulars(&dir).args(["member", "show", key]), 1);
        assert!(err.contains(key), "{err}");
    }
    let found = json(regulars(&dir).args(["member", "find", "Ana", "--json"]));
    assert_eq!(found, serde_json::json!([]));
    let out = dir.path().join("sms.csv");
    regulars(&dir)
        .args(["export", "contacts", "--channel", "sms", "--out"])
        .arg(&out)
        .assert()
        .success();
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(!csv.contains("Ana") && !csv.contains("234"), "{csv}");
    // What is left, by id.
    let left = json(regulars(&dir).args(["member", "export", "1"]));
    assert_eq!(left["erased"], true);
    assert_eq!(left["receipts"].as_array().unwrap().len(), 3);
    assert_eq!(left["receipts"][0]["cust_phone"], Value::Null);
    assert!(left["points"].as_array().unwrap().is_empty());
    // Signing up again with the same phone claims none of the old receipts.
    let again = json(
        regulars(&dir)
            .args(["member", "add", "--first", "Ana", "--phone", "091 234 5678"])
            .args(["--consent", "sms", "--json"]),
    );
    assert_eq!(again["visits"], 0);
    assert_eq!(again["spend_minor"], 0);
    assert_eq!(again["consent_suppressed"], serde_json::json!(["sms"]));
}

#[test]
fn delete_is_the_same_erasure() {
    let dir = club();
    let out = json(regulars(&dir).args(["member", "delete", "C-2", "--yes", "--json"]));
    assert_eq!(out["erased"], true);
    assert_eq!(out["deleted"], true);
    assert_eq!(out["name"], "Ivo");
    let conn = rusqlite::Connection::open(dir.path().join("club.db")).unwrap();
    let (erased, receipts): (Option<String>, i64) = conn
        .query_row(
            "SELECT erased_at, (SELECT count(*) FROM receipts WHERE member_id = 2) FROM members WHERE id = 2",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(erased.is_some());
    assert_eq!(receipts, 1);
}
