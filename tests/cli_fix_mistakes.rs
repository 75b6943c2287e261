//! Fixing mistakes from the command line: children and pets edited,
//! removed and marked as passed away by the ids `member show --json`
//! prints; members edited and deleted; every change printed as JSON.

mod cli_support;

use cli_support::{count, json, regulars, stderr_of};
use tempfile::TempDir;

/// A club with Maya, her child Noam and her dog Rex (ids 1, 1 and 1).
fn maya() -> TempDir {
    let dir = TempDir::new().unwrap();
    let args = [
        "member",
        "add",
        "--first",
        "Maya",
        "--last",
        "Cohen",
        "--email",
        "maya@example.com",
    ];
    regulars(&dir).args(args).assert().success();
    let child = json(regulars(&dir).args([
        "child",
        "add",
        "1",
        "--name",
        "Noam",
        "--born",
        "2020-11-26",
        "--json",
    ]));
    assert_eq!(child["id"], 1);
    assert_eq!(child["member_id"], 1);
    assert_eq!(child["born"], "2020-11-26");
    let pet = json(regulars(&dir).args([
        "pet",
        "add",
        "1",
        "--name",
        "Rex",
        "--kind",
        "dog",
        "--born",
        "2019-11-25",
        "--json",
    ]));
    assert_eq!(
        (pet["id"].as_i64(), pet["kind"].as_str()),
        (Some(1), Some("dog"))
    );
    assert_eq!(pet["passed_away"], serde_json::Value::Null);
    dir
}

fn card(dir: &TempDir) -> serde_json::Value {
    json(regulars(dir).args(["member", "show", "1", "--json"]))
}

#[test]
fn a_child_is_edited_by_its_id_and_only_the_given_fields_change() {
    let dir = maya();
    let edited = json(regulars(&dir).args([
        "child", "edit", "1", "--name", "Noa", "--gender", "f", "--json",
    ]));
    assert_eq!(edited["name"], "Noa");
    assert_eq!(edited["born"], "2020-11-26");
    let said = regulars(&dir)
        .args(["child", "edit", "1", "--age", "4"])
        .assert()
        .success();
    let line = String::from_utf8_lossy(&said.get_output().stdout).to_string();
    assert!(
        line.contains("Noa") && line.contains("Maya Cohen"),
        "{line}"
    );
    let m = card(&dir);
    assert_eq!(m["children"][0]["age"], 4);
    assert_eq!(m["children"][0]["age_approximate"], true);
    assert_eq!(m["children"][0]["gender"], "f");
    let err = stderr_of(
        regulars(&dir).args(["child", "edit", "9", "--name", "X"]),
        1,
    );
    assert!(
        err.contains('9') && err.contains("member show --json"),
        "{err}"
    );
}

#[test]
fn ages_past_the_limit_are_refused_with_the_reason() {
    let dir = maya();
    let err = stderr_of(
        regulars(&dir).args(["child", "add", "1", "--name", "Old", "--age", "200"]),
        1,
    );
    assert!(err.contains("25"), "{err}");
    let err = stderr_of(
        regulars(&dir).args([
            "pet",
            "add",
            "1",
            "--name",
            "Tortoise",
            "--kind",
            "tortoise",
            "--born",
            "1980-01-01",
        ]),
        1,
    );
    assert!(err.contains("40"), "{err}");
    let err = stderr_of(
        regulars(&dir).args(["child", "edit", "1", "--age", "26"]),
        1,
    );
    assert!(err.contains("25"), "{err}");
    assert_eq!(count(&dir, "children") + count(&dir, "pets"), 2);
    assert_eq!(card(&dir)["children"][0]["born"], "2020-11-26");
}

#[test]
fn the_same_name_twice_is_refused_unless_yes() {
    let dir = maya();
    let err = stderr_of(
        regulars(&dir).args(["pet", "add", "1", "--name", "Rex", "--kind", "cat"]),
        1,
    );
    assert!(err.contains("Rex") && err.contains("--yes"), "{err}");
    assert_eq!(count(&dir, "pets"), 1);
    regulars(&dir)
        .args(["pet", "add", "1", "--name", "Rex", "--kind", "cat", "--yes"])
        .assert()
        .success();
    assert_eq!(count(&dir, "pets"), 2);
    let err = stderr_of(
        regulars(&dir).args(["child", "add", "1", "--name", "noam"]),
        1,
    );
    assert!(err.contains("--yes"), "{err}");
}

#[test]
fn a_removal_asks_for_yes_first() {
    let dir = maya();
    for kin in ["child", "pet"] {
        let err = stderr_of(regulars(&dir).args([kin, "remove", "1"]), 1);
        assert!(err.contains("--yes"), "{err}");
    }
    assert_eq!(count(&dir, "children") + count(&dir, "pets"), 2);
    let gone = json(regulars(&dir).args(["child", "remove", "1", "--yes", "--json"]));
    assert_eq!(
        (gone["id"].as_i64(), gone["name"].as_str()),
        (Some(1), Some("Noam"))
    );
    regulars(&dir)
        .args(["pet", "remove", "1", "--yes"])
        .assert()
        .success();
    let m = card(&dir);
    assert_eq!(m["children"].as_array().unwrap().len(), 0);
    assert_eq!(m["pets"].as_array().unwrap().len(), 0);
    let err = stderr_of(regulars(&dir).args(["pet", "remove", "1", "--yes"]), 1);
    assert!(err.contains('1'), "{err}");
}

#[test]
fn a_pet_that_passed_away_stays_on_the_card_without_reminders() {
    let dir = maya();
    let soon = json(regulars(&dir).args(["reminders", "--days", "7", "--json"]));
    let names = |v: &serde_json::Value| v.to_string();
    assert!(names(&soon).contains("Rex"), "{soon}");
    let pet =
        json(regulars(&dir).args(["pet", "edit", "1", "--passed-away", "2026-11-20", "--json"]));
    assert_eq!(pet["passed_away"], "2026-11-20");
    let soon = json(regulars(&dir).args(["reminders", "--days", "7", "--json"]));
    assert!(!names(&soon).contains("Rex"), "{soon}");
    assert!(names(&soon).contains("Noam"), "{soon}");
    let m = card(&dir);
    assert_eq!(m["pets"][0]["name"], "Rex");
    assert_eq!(m["pets"][0]["passed_away"], "2026-11-20");
    let shown = regulars(&dir)
        .args(["member", "show", "1"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&shown.get_output().stdout).to_string();
    assert!(text.contains("Rex (dog), passed away"), "{text}");
}

#[test]
fn a_member_is_edited_and_deleted_by_key() {
    let dir = maya();
    let m = json(regulars(&dir).args([
        "member",
        "edit",
        "maya@example.com",
        "--last",
        "Levi",
        "--card",
        "C-7",
        "--json",
    ]));
    assert_eq!(m["family_name"], "Levi");
    assert_eq!(m["card"], "C-7");
    assert_eq!(m["email"], "maya@example.com");
    assert_eq!(m["first_name"], "Maya");
    let err = stderr_of(
        regulars(&dir).args(["member", "edit", "C-7", "--email", "maya@"]),
        1,
    );
    assert!(err.contains('@') || !err.is_empty(), "{err}");
    assert_eq!(card(&dir)["email"], "maya@example.com");
    let err = stderr_of(regulars(&dir).args(["member", "delete", "C-7"]), 1);
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(count(&dir, "members"), 1);
    let gone = json(regulars(&dir).args(["member", "delete", "C-7", "--yes", "--json"]));
    assert_eq!(
        (gone["id"].as_i64(), gone["deleted"].as_bool()),
        (Some(1), Some(true))
    );
    // Deleting erases: the row stays, blank, so the receipts keep it.
    assert_eq!(count(&dir, "members WHERE erased_at IS NULL"), 0);
    assert_eq!(count(&dir, "children") + count(&dir, "pets"), 0);
}

#[test]
fn redeem_adjust_and_demo_print_json() {
    let dir = maya();
    // The club may give a welcome bonus: count from what Maya has now.
    let before = json(regulars(&dir).args(["points", "1", "--json"]))["balance"]
        .as_i64()
        .unwrap();
    let adjusted =
        json(regulars(&dir).args(["adjust", "1", "120", "--note", "old paper card", "--json"]));
    assert_eq!(adjusted["member_id"], 1);
    assert_eq!(adjusted["points"], 120);
    assert_eq!(adjusted["balance"].as_i64(), Some(before + 120));
    assert_eq!(adjusted["note"], "old paper card");
    let redeemed = json(regulars(&dir).args(["redeem", "1", "100", "--json"]));
    assert_eq!(redeemed["points"], 100);
    assert_eq!(redeemed["balance"].as_i64(), Some(before + 20));
    assert_eq!(redeemed["name"], "Maya Cohen");
    let other = TempDir::new().unwrap();
    let demo = json(regulars(&other).args(["demo", "--members", "12", "--json"]));
    assert_eq!(demo["added"], 12);
    assert_eq!(demo["members"], 12);
}
