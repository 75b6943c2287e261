//! `regulars note add/list/resolve` and `member show`'s `open_complaints`
//! as a script meets them: a real binary on a temp club, on a fixed day.

mod cli_support;

use cli_support::{club_with, count, json, regulars, stderr_of};

const SHOP: &str = "[shop]\nname = \"Paws\"\ncountry = \"HR\"\ncurrency = \"EUR\"\n";

fn add_member(dir: &tempfile::TempDir, first: &str, card: &str) -> i64 {
    let added = json(regulars(dir).args([
        "member", "add", "--first", first, "--last", "Kovač", "--card", card, "--json",
    ]));
    added["id"].as_i64().unwrap()
}

fn add_note(dir: &tempfile::TempDir, key: &str, kind: &str, text: &str) -> serde_json::Value {
    json(regulars(dir).args(["note", "add", key, "--kind", kind, "--text", text, "--json"]))
}

#[test]
fn notes_are_added_listed_and_resolved_with_the_fields_of_the_contract() {
    let dir = club_with(SHOP);
    let ana = add_member(&dir, "Ana", "C-1");
    let ivo = add_member(&dir, "Ivo", "C-2");
    let plain = add_note(&dir, "C-1", "note", "Walks a greyhound");
    assert_eq!(plain["member_id"], ana);
    assert_eq!(plain["kind"], "note");
    assert_eq!(plain["at"].as_str().unwrap().get(..10), Some("2026-11-23"));
    assert!(plain["resolved_at"].is_null() && plain["resolution"].is_null());
    let complaint = add_note(&dir, "C-1", "complaint", "Wrong food in the bag");
    add_note(&dir, "C-2", "request", "Stock small harnesses");

    let shown = json(regulars(&dir).args(["member", "show", "C-1", "--json"]));
    assert_eq!(shown["open_complaints"], 1);

    let all = json(regulars(&dir).args(["note", "list", "--json"]));
    assert_eq!(all.as_array().unwrap().len(), 3);
    let fields: Vec<&String> = all[0].as_object().unwrap().keys().collect();
    assert_eq!(
        fields,
        [
            "at",
            "id",
            "kind",
            "member_id",
            "resolution",
            "resolved_at",
            "text"
        ]
        .iter()
        .collect::<Vec<_>>()
    );
    let open_of_ana = json(regulars(&dir).args(["note", "list", "C-1", "--open", "--json"]));
    assert_eq!(open_of_ana.as_array().unwrap().len(), 1);
    assert_eq!(open_of_ana[0]["id"], complaint["id"]);

    let id = complaint["id"].to_string();
    let out = regulars(&dir)
        .args(["note", "resolve", &id, "--how", "Swapped it, with a treat"])
        .assert()
        .success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(said.contains("Complaint") && said.contains(&id), "{said}");
    let shown = json(regulars(&dir).args(["member", "show", "C-1", "--json"]));
    assert_eq!(shown["open_complaints"], 0);
    let of_ana = json(regulars(&dir).args(["note", "list", "C-1", "--json"]));
    assert_eq!(of_ana[0]["text"], "Wrong food in the bag");
    assert_eq!(of_ana[0]["resolution"], "Swapped it, with a treat");

    let text = regulars(&dir)
        .args(["note", "list", "C-2"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&text.get_output().stdout).to_string();
    assert!(
        text.contains("Request (open)") && text.contains("Stock small harnesses"),
        "{text}"
    );
    let open = json(regulars(&dir).args(["note", "list", "--open", "--json"]));
    assert_eq!(open[0]["member_id"], ivo);
}

#[test]
fn mistakes_exit_1_naming_what_and_nothing_is_written() {
    let dir = club_with(SHOP);
    add_member(&dir, "Ana", "C-1");
    let err = stderr_of(
        regulars(&dir).args(["note", "add", "C-1", "--kind", "praise", "--text", "Nice"]),
        1,
    );
    assert!(err.contains("praise") && err.contains("complaint"), "{err}");
    let err = stderr_of(
        regulars(&dir).args(["note", "add", "C-9", "--kind", "note", "--text", "Hi"]),
        1,
    );
    assert!(err.contains("C-9"), "{err}");
    let plain = add_note(&dir, "C-1", "note", "Likes the window seat");
    let id = plain["id"].to_string();
    let err = stderr_of(
        regulars(&dir).args(["note", "resolve", &id, "--how", "x"]),
        1,
    );
    assert!(
        err.contains(&format!("#{id}")) && err.contains("plain"),
        "{err}"
    );
    let err = stderr_of(
        regulars(&dir).args(["note", "resolve", "42", "--how", "x"]),
        1,
    );
    assert!(err.contains("#42"), "{err}");
    assert_eq!(count(&dir, "notes"), 1);
    // A missing --how or --kind is a usage mistake.
    stderr_of(regulars(&dir).args(["note", "resolve", &id]), 2);
    stderr_of(
        regulars(&dir).args(["note", "add", "C-1", "--text", "x"]),
        2,
    );
}
