//! `regulars segment save | list | show`: a segment saved by name, shown
//! with today's count and, in `--json`, its members' ids; a bad expression
//! or an unknown name refused with exit 1 and words naming it.

mod cli_support;

use cli_support::{club_with, count, import_till, json, regulars, stderr_of};
use predicates::prelude::PredicateBooleanExt;
use serde_json::json;
use tempfile::TempDir;

const CONFIG: &str = r#"[shop]
name = "Paws"
country = "HR"
currency = "EUR"
"#;

/// Ana (1) in 10000 who bought a birthday cake, Ivo (2) in 21000, Eva (3)
/// in 10000.
fn club() -> TempDir {
    let dir = club_with(CONFIG);
    for (first, area, card) in [
        ("Ana", "10000", "C-1"),
        ("Ivo", "21000", "C-2"),
        ("Eva", "10000", "C-3"),
    ] {
        regulars(&dir)
            .args([
                "member", "add", "--first", first, "--area", area, "--card", card,
            ])
            .assert()
            .success();
    }
    import_till(
        &dir,
        "receipt_id,time,total,phone,email,card,item,qty,amount
R1,2026-11-02T10:00:00,25.00,,,C-1,Birthday cake,1,25.00
R2,2026-11-03T10:00:00,3.00,,,C-2,Bread,1,3.00
",
    );
    dir
}

#[test]
fn a_segment_is_saved_listed_and_shown_with_todays_members() {
    let dir = club();
    regulars(&dir)
        .args(["segment", "save", "zagreb", "area=10000"])
        .assert()
        .success()
        .stdout(
            predicates::str::contains("area=10000").and(predicates::str::contains("2 members")),
        );
    // The words after the name are one expression.
    regulars(&dir)
        .args([
            "segment",
            "save",
            "cake lovers",
            "bought=Birthday",
            "cake",
            "and",
            "area=10000",
        ])
        .assert()
        .success();
    let list = regulars(&dir).args(["segment", "list"]).assert().success();
    let list = String::from_utf8_lossy(&list.get_output().stdout).to_string();
    assert_eq!(
        list,
        "cake lovers  bought=Birthday cake and area=10000\nzagreb       area=10000\n"
    );
    let shown = regulars(&dir)
        .args(["segment", "show", "Zagreb"])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&shown.get_output().stdout),
        "area=10000\n2 members\n"
    );
    assert_eq!(
        json(regulars(&dir).args(["segment", "show", "cake lovers", "--json"])),
        json!({"name": "cake lovers", "expr": "bought=Birthday cake and area=10000", "count": 1, "member_ids": [1]})
    );
}

#[test]
fn a_bad_expression_is_refused_naming_the_word_and_nothing_is_saved() {
    let dir = club();
    let err = stderr_of(
        regulars(&dir).args(["segment", "save", "odd", "pet=dog and colour=red"]),
        1,
    );
    assert!(err.contains("colour") && err.contains("13"), "{err}");
    let err = stderr_of(
        regulars(&dir).args(["segment", "save", "odd", "birthday_month=13"]),
        1,
    );
    assert!(
        err.contains("13") && err.contains("birthday_month"),
        "{err}"
    );
    assert_eq!(count(&dir, "segments"), 0);
    let err = stderr_of(regulars(&dir).args(["segment", "show", "nobody"]), 1);
    assert!(err.contains("nobody"), "{err}");
    let out = regulars(&dir).args(["segment", "list"]).assert().success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout),
        "No saved segments yet.\n"
    );
}
