//! `member merge KEEP DROP` as a script would use it: without `--yes` it
//! shows what would happen and exits 1 with nothing changed; with it the
//! two are one member holding everything of both.

mod cli_support;

use cli_support::{json, regulars, write_config};
use predicates::prelude::*;
use tempfile::TempDir;

fn club() -> TempDir {
    let dir = TempDir::new().unwrap();
    write_config(
        &dir,
        "[shop]\nname = \"Paws\"\ncountry = \"HR\"\ncurrency = \"EUR\"\n",
    );
    let add = |args: &[&str]| {
        regulars(&dir)
            .args(["member", "add"])
            .args(args)
            .assert()
            .success();
    };
    add(&[
        "--first",
        "Ana",
        "--last",
        "Kovač",
        "--phone",
        "091 234 5678",
    ]);
    add(&[
        "--first",
        "Ana",
        "--last",
        "Kovac",
        "--email",
        "ana@example.com",
        "--card",
        "HR-7",
    ]);
    regulars(&dir)
        .args(["child", "add", "2", "--name", "Mia", "--age", "4"])
        .assert()
        .success();
    dir
}

#[test]
fn without_yes_the_preview_is_shown_and_nothing_is_merged() {
    let dir = club();
    regulars(&dir)
        .args(["member", "merge", "1", "2"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Children: 1"))
        .stdout(predicate::str::contains("Email: ana@example.com"))
        .stdout(predicate::str::contains("Family name: Kovač | Kovac"))
        .stderr(predicate::str::contains("--yes"));
    let shown = json(regulars(&dir).args(["member", "show", "2", "--json"]));
    assert_eq!(shown["id"], 2);
}

#[test]
fn with_yes_the_kept_member_holds_both() {
    let dir = club();
    regulars(&dir)
        .args(["member", "merge", "1", "2", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Merged member 2 into member 1"));
    let kept = json(regulars(&dir).args(["member", "show", "HR-7", "--json"]));
    assert_eq!(kept["id"], 1);
    assert_eq!(kept["email"], "ana@example.com");
    assert_eq!(kept["phone"], "+385912345678");
    regulars(&dir)
        .args(["member", "show", "2"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("No member matches"));
}

#[test]
fn json_says_what_moved_and_a_bad_pair_is_refused_in_words() {
    let dir = club();
    let done = json(regulars(&dir).args(["member", "merge", "1", "2", "--yes", "--json"]));
    assert_eq!(done["merged"], true);
    assert_eq!(done["moves"]["children"], 1);
    assert_eq!(done["filled"][0]["field"], "email");
    regulars(&dir)
        .args(["member", "merge", "1", "1", "--yes"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot be merged with themselves"));
    regulars(&dir)
        .args(["--lang", "hr", "member", "merge", "1", "9", "--yes"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Nijedan član"));
}
