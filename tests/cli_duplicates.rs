//! Duplicates on the command line: a phone another member holds is one
//! line and exit 1; the same name and birthday needs `--yes`; a phone two
//! old members share is ambiguous for `member show`; `check` lists them.

mod cli_support;

use cli_support::{count, json, regulars, stderr_of, write_config};
use tempfile::TempDir;

fn club() -> TempDir {
    let dir = TempDir::new().unwrap();
    write_config(
        &dir,
        "[shop]\nname = \"Paws\"\ncountry = \"HR\"\ncurrency = \"EUR\"\n",
    );
    regulars(&dir)
        .args(["member", "add", "--first", "Ana", "--last", "Kovač"])
        .args(["--phone", "091 234 5678", "--birthday", "14.3.1986"])
        .assert()
        .success();
    dir
}

#[test]
fn a_phone_another_member_holds_is_one_line_naming_them() {
    let dir = club();
    let line = stderr_of(
        regulars(&dir).args([
            "member",
            "add",
            "--first",
            "Ivo",
            "--phone",
            "+385912345678",
        ]),
        1,
    );
    assert_eq!(
        line,
        "regulars: Phone 091 234 5678 already belongs to member 1 (Ana Kovač)."
    );
    assert_eq!(count(&dir, "members"), 1);
}

#[test]
fn the_same_name_and_birthday_needs_yes() {
    let dir = club();
    let add = |yes: bool| {
        let mut cmd = regulars(&dir);
        cmd.args(["member", "add", "--first", "Ana", "--last", "Kovač"])
            .args(["--birthday", "14.3.1986"]);
        if yes {
            cmd.arg("--yes");
        }
        cmd
    };
    let line = stderr_of(&mut add(false), 1);
    assert!(
        line.contains("member 1 (Ana Kovač)") && line.contains("--yes"),
        "{line}"
    );
    assert_eq!(count(&dir, "members"), 1);
    add(true).assert().success();
    assert_eq!(count(&dir, "members"), 2);
    // Now the club holds a pair to look at.
    let out = regulars(&dir)
        .arg("check")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains(
            "Same name and birthday (Ana Kovač, 03-14): members 1 (Ana Kovač), 2 (Ana Kovač)."
        ),
        "{text}"
    );
}

#[test]
fn show_refuses_a_phone_two_members_share_and_check_lists_it() {
    let dir = club();
    let ok = json(regulars(&dir).args(["check", "--json"]));
    assert_eq!(ok["duplicates"].as_array().map(Vec::len), Some(0));
    regulars(&dir)
        .arg("check")
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "No duplicates: every phone, email and card belongs to one member.\n",
        ));
    regulars(&dir)
        .args(["member", "add", "--first", "Ivo"])
        .assert()
        .success();
    // As a club from before the rule could hold it.
    let conn = rusqlite::Connection::open(dir.path().join("club.db")).unwrap();
    conn.execute(
        "UPDATE members SET phone = '+385912345678' WHERE id = 2",
        [],
    )
    .unwrap();
    drop(conn);
    let line = stderr_of(regulars(&dir).args(["member", "show", "091 234 5678"]), 1);
    assert!(line.contains("several members: 1, 2"), "{line}");
    let out = regulars(&dir)
        .args(["check", "--json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let found: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(found["duplicates"][0]["shared"], "phone");
    assert_eq!(found["duplicates"][0]["value"], "+385912345678");
    assert_eq!(found["duplicates"][0]["members"][1]["name"], "Ivo");
}

#[test]
fn a_card_typed_without_its_dash_finds_the_member() {
    let dir = club();
    regulars(&dir)
        .args(["member", "add", "--first", "Zoran", "--card", "HR-1001"])
        .assert()
        .success();
    let shown = json(regulars(&dir).args(["member", "show", "hr1001", "--json"]));
    assert_eq!(shown["first_name"], "Zoran");
    let found = json(regulars(&dir).args(["member", "find", "HR 1001", "--json"]));
    assert_eq!(found[0]["first_name"], "Zoran");
}
