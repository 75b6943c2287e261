//! `regulars consent` and the suppression list as a script would meet
//! them: a real binary on a temp club, on a fixed day.

mod cli_support;

use cli_support::{club_with, count, json, regulars, stderr_of};
use serde_json::json;

const SHOP: &str = "[shop]\nname = \"Paws\"\ncountry = \"HR\"\ncurrency = \"EUR\"\n";

fn add_ana(dir: &tempfile::TempDir, consent: &str) -> serde_json::Value {
    json(regulars(dir).args([
        "member",
        "add",
        "--first",
        "Ana",
        "--last",
        "Kovač",
        "--phone",
        "091 234 5678",
        "--email",
        "ana@example.com",
        "--consent",
        consent,
        "--json",
    ]))
}

#[test]
fn consent_is_granted_and_withdrawn_by_channel_and_shown_with_the_member() {
    let dir = club_with(SHOP);
    let ana = add_ana(&dir, "email");
    assert_eq!(
        ana["consent"],
        json!({"sms": false, "email": true, "phone": false, "post": false})
    );
    let changed = json(regulars(&dir).args([
        "consent",
        "+385912345678",
        "--grant",
        "sms,post",
        "--withdraw",
        "email",
        "--how",
        "counter",
        "--json",
    ]));
    assert_eq!(changed["member_id"], ana["id"]);
    assert_eq!(
        changed["consent"],
        json!({"sms": true, "email": false, "phone": false, "post": true})
    );
    let shown = json(regulars(&dir).args(["member", "show", "ana@example.com", "--json"]));
    assert_eq!(shown["consent"], changed["consent"]);
    assert_eq!(shown["consents"]["email"]["how"], "counter");
    assert_eq!(count(&dir, "suppression"), 1, "the withdrawn email");

    let out = regulars(&dir)
        .args(["consent", "1", "--withdraw", "sms"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("Ana Kovač (1)"), "{text}");
    assert!(
        text.contains("SMS: no") && text.contains("Post: yes"),
        "{text}"
    );
}

#[test]
fn a_wrong_channel_way_or_member_is_named_and_exits_1() {
    let dir = club_with(SHOP);
    add_ana(&dir, "sms");
    let e = stderr_of(regulars(&dir).args(["consent", "1", "--grant", "fax"]), 1);
    assert!(e.contains("\"fax\""), "{e}");
    let e = stderr_of(
        regulars(&dir).args(["consent", "1", "--grant", "sms", "--how", "phone call"]),
        1,
    );
    assert!(e.contains("\"phone call\""), "{e}");
    let e = stderr_of(regulars(&dir).args(["consent", "1"]), 1);
    assert!(e.contains("--grant"), "{e}");
    let e = stderr_of(regulars(&dir).args(["consent", "7", "--grant", "sms"]), 1);
    assert!(e.contains('7'), "{e}");
    assert_eq!(count(&dir, "consents"), 1);
}

#[test]
fn a_signup_with_a_withdrawn_phone_says_it_starts_without_sms() {
    let dir = club_with(SHOP);
    add_ana(&dir, "sms");
    regulars(&dir)
        .args(["consent", "1", "--withdraw", "sms"])
        .assert()
        .success();
    regulars(&dir)
        .args(["member", "delete", "1", "--yes"])
        .assert()
        .success();

    let out = regulars(&dir)
        .args([
            "member",
            "add",
            "--first",
            "Ana",
            "--last",
            "Kovač",
            "--phone",
            "091 234 5678",
            "--email",
            "ana@example.com",
            "--consent",
            "sms,email",
            "--json",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let again: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Deleting erased the member, which put every contact of theirs on the
    // list: the email too, though only SMS was withdrawn.
    assert_eq!(again["consent_suppressed"], json!(["sms", "email"]));
    assert_eq!(again["consent"]["sms"], false);
    assert_eq!(again["consent"]["email"], false);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("without consent on SMS"), "{said}");

    // Given again on the command line for this member: off the list.
    let id = again["id"].to_string();
    regulars(&dir)
        .args(["consent", &id, "--grant", "sms"])
        .assert()
        .success();
    // SMS is off the list; the phone (calls) and the email, put there by
    // the erasure, stay.
    assert_eq!(count(&dir, "suppression"), 2);
}
