//! The member commands as a script would use them: a temp database, a fixed day.

mod cli_support;

use cli_support::{json, regulars, regulars_on, write_config};
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

fn shop_in(dir: &TempDir, country: &str, currency: &str) {
    let text =
        format!("[shop]\nname = \"Paws\"\ncountry = \"{country}\"\ncurrency = \"{currency}\"\n");
    write_config(dir, &text);
}

#[test]
fn add_then_show_by_every_key() {
    let dir = TempDir::new().unwrap();
    shop_in(&dir, "HR", "EUR");
    regulars(&dir)
        .args([
            "member",
            "add",
            "--first",
            "Željko",
            "--last",
            "Đurić",
            "--phone",
            "091 234 5678",
        ])
        .args([
            "--email",
            "Zeljko@Example.HR",
            "--card",
            "HR-1001",
            "--birthday",
            "1986-03-14",
            "--consent",
            "sms",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Željko Đurić"));
    for key in [
        "1",
        "HR-1001",
        "+385912345678",
        "091 234 5678",
        "zeljko@example.hr",
    ] {
        let m = json(regulars(&dir).args(["member", "show", key, "--json"]));
        assert_eq!(m["id"], 1, "{key}");
        assert_eq!(m["phone"], "+385912345678");
        assert_eq!(m["email"], "zeljko@example.hr");
        assert_eq!(m["birthday"], "1986-03-14");
        assert_eq!(m["visits"], 0);
        assert_eq!(m["spend_minor"], 0);
        assert_eq!(m["last_visit"], Value::Null);
        assert_eq!(m["consents"]["sms"]["granted"], true);
        assert!(m["consents"]["email"].is_null(), "email consent not given");
        for field in [
            "first_name",
            "family_name",
            "card",
            "tier",
            "points",
            "children",
            "pets",
        ] {
            assert!(m.get(field).is_some(), "{field} missing");
        }
    }
}

#[test]
fn find_folds_accents_and_matches_phone_digits() {
    let dir = TempDir::new().unwrap();
    shop_in(&dir, "IL", "ILS");
    regulars(&dir)
        .args(["member", "add", "--first", "Željko", "--last", "Đurić"])
        .assert()
        .success();
    regulars(&dir)
        .args([
            "member",
            "add",
            "--first",
            "Maya",
            "--last",
            "Cohen",
            "--phone",
            "050-123-4567",
        ])
        .assert()
        .success();
    let found = json(regulars(&dir).args(["member", "find", "zeljko", "--json"]));
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["first_name"], "Željko");
    for digits in ["0501", "501234"] {
        let found = json(regulars(&dir).args(["member", "find", digits, "--json"]));
        assert_eq!(found[0]["family_name"], "Cohen", "{digits}");
    }
    let none = json(regulars(&dir).args(["member", "find", "nobody-here", "--json"]));
    assert_eq!(none, Value::Array(vec![]));
}

#[test]
fn children_and_pets_with_dates_or_ages() {
    let dir = TempDir::new().unwrap();
    regulars(&dir)
        .args([
            "member",
            "add",
            "--first",
            "Maya",
            "--last",
            "Cohen",
            "--email",
            "maya@example.com",
        ])
        .assert()
        .success();
    regulars(&dir)
        .args([
            "child",
            "add",
            "maya@example.com",
            "--name",
            "Noam",
            "--born",
            "2020-11-26",
        ])
        .assert()
        .success();
    regulars(&dir)
        .args([
            "child", "add", "1", "--name", "Tamar", "--age", "3", "--gender", "f",
        ])
        .assert()
        .success();
    regulars(&dir)
        .args([
            "pet", "add", "1", "--name", "Rex", "--kind", "dog", "--age", "2",
        ])
        .assert()
        .success();
    let m = json(regulars(&dir).args(["member", "show", "1", "--json"]));
    assert_eq!(m["children"][0]["name"], "Noam");
    assert_eq!(m["children"][0]["born"], "2020-11-26");
    assert_eq!(m["children"][0]["age"], 5);
    assert_eq!(m["children"][1]["age"], 3);
    assert_eq!(m["children"][1]["age_approximate"], true);
    assert_eq!(m["pets"][0]["kind"], "dog");
    regulars(&dir)
        .args([
            "child",
            "add",
            "1",
            "--name",
            "X",
            "--born",
            "2020-01-01",
            "--age",
            "3",
        ])
        .assert()
        .code(2);
}

#[test]
fn bad_input_is_one_line_exit_1_and_changes_nothing() {
    let dir = TempDir::new().unwrap();
    let cases: &[&[&str]] = &[
        &["member", "add", "--first", "Ana", "--phone", "12"],
        &["member", "add", "--first", "Ana", "--email", "ana@"],
        &[
            "member",
            "add",
            "--first",
            "Ana",
            "--birthday",
            "2023-02-29",
        ],
        &["member", "add", "--first", " ", "--email", "a@b.hr"],
        &["member", "show", "nobody"],
        &["child", "add", "nobody", "--name", "Noam"],
    ];
    for args in cases {
        let out = regulars(&dir)
            .args(*args)
            .assert()
            .code(1)
            .get_output()
            .stderr
            .clone();
        let err = String::from_utf8(out).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    }
    let all = json(regulars(&dir).args(["member", "find", "", "--json"]));
    assert_eq!(all, Value::Array(vec![]));
}

#[test]
fn a_card_belongs_to_one_member() {
    let dir = TempDir::new().unwrap();
    regulars(&dir)
        .args(["member", "add", "--first", "Ana", "--card", "C-1"])
        .assert()
        .success();
    regulars(&dir)
        .args(["member", "add", "--first", "Ivo", "--card", "C-1"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("C-1").and(predicate::str::contains("Ana")));
}

#[test]
fn foreign_newer_and_broken_files_are_refused() {
    let dir = TempDir::new().unwrap();
    let notes = dir.path().join("notes.db");
    std::fs::write(&notes, "not a database").unwrap();
    regulars_on(&dir, &notes)
        .args(["member", "find", "a"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("notes.db"));
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "not a database");

    let newer = dir.path().join("newer.db");
    regulars_on(&dir, &newer)
        .args(["member", "find", "a"])
        .assert()
        .success();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    regulars_on(&dir, &newer)
        .args(["member", "find", "a"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("newer"));

    std::fs::write(dir.path().join("config.toml"), "[shop]\ncountry = HR\n").unwrap();
    regulars(&dir)
        .args(["member", "find", "a"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("config.toml:2"));
}

#[test]
fn first_run_writes_a_commented_config() {
    let dir = TempDir::new().unwrap();
    regulars(&dir)
        .env("LANG", "hr_HR.UTF-8")
        .args(["member", "find", "x"])
        .assert()
        .success();
    let text = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    assert!(
        text.contains("country = \"HR\"")
            && text.contains("currency = \"EUR\"")
            && text.contains('#')
    );
}

#[test]
fn usage_errors_exit_2() {
    let dir = TempDir::new().unwrap();
    regulars(&dir)
        .args(["member", "frobnicate"])
        .assert()
        .code(2);
    regulars(&dir)
        .args(["--today", "2026-02-30", "member", "find", "a"])
        .assert()
        .code(2);
}

#[test]
fn a_member_added_after_buying_gets_the_earlier_receipts() {
    let dir = TempDir::new().unwrap();
    shop_in(&dir, "HR", "EUR");
    let file = dir.path().join("till.csv");
    std::fs::write(
        &file,
        "receipt_id,time,total,phone,card\n\
         R1,2026-03-01T10:00:00,12.00,091 234 5678,\n\
         R2,2026-03-02T10:00:00,8.50,,HR-77\n\
         R3,2026-03-03T10:00:00,5.00,,\n",
    )
    .unwrap();
    regulars(&dir).arg("import").arg(&file).assert().success();
    regulars(&dir)
        .args(["member", "add", "--first", "Ana", "--last", "Kovač"])
        .args(["--phone", "+385912345678", "--card", "HR-77"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Ana Kovač").and(predicate::str::contains(
                "2 earlier receipts (same card, phone or email) are now theirs.",
            )),
        );
    let ana = json(regulars(&dir).args(["member", "show", "HR-77", "--json"]));
    assert_eq!(
        (ana["visits"].as_i64(), ana["spend_minor"].as_i64()),
        (Some(2), Some(2050))
    );
    regulars(&dir)
        .args(["member", "add", "--first", "Ivo", "--card", "HR-78"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Ivo").and(predicate::str::contains("earlier").not()));
}
