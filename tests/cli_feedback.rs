//! `regulars feedback` and `member add --referred-by | --source` as a
//! script meets them: a real binary on a temp club, on a fixed day.

mod cli_support;

use cli_support::{club_with, count, json, regulars, stderr_of};

const SHOP: &str = "[shop]\nname = \"Paws\"\ncountry = \"HR\"\ncurrency = \"EUR\"\n";

fn add(dir: &tempfile::TempDir, first: &str, extra: &[&str]) -> serde_json::Value {
    json(
        regulars(dir)
            .args([
                "member", "add", "--first", first, "--last", "Kovač", "--json",
            ])
            .args(extra),
    )
}

#[test]
fn answers_from_a_member_and_anonymous_are_saved() {
    let dir = club_with(SHOP);
    let ana = add(&dir, "Ana", &["--card", "C-1"]);
    let saved = json(regulars(&dir).args(["feedback", "C-1", "--nps", "9", "--json"]));
    assert_eq!(saved["member_id"], ana["id"]);
    assert_eq!(saved["nps"], 9);
    assert!(saved["csat"].is_null());
    assert_eq!(saved["at"].as_str().unwrap().get(..10), Some("2026-11-23"));
    let out = regulars(&dir)
        .args(["feedback", "--anonymous", "--csat", "5"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains("CSAT 5") && text.contains("anonymous"),
        "{text}"
    );
    assert_eq!(count(&dir, "feedback"), 2);
}

#[test]
fn a_score_off_its_scale_exits_1_naming_it() {
    let dir = club_with(SHOP);
    add(&dir, "Ana", &[]);
    let err = stderr_of(regulars(&dir).args(["feedback", "1", "--nps", "11"]), 1);
    assert!(err.contains("11") && err.contains("0 to 10"), "{err}");
    let err = stderr_of(
        regulars(&dir).args(["feedback", "--anonymous", "--csat", "0"]),
        1,
    );
    assert!(err.contains("CSAT") && err.contains("1 to 5"), "{err}");
    assert_eq!(count(&dir, "feedback"), 0);
    // Both scales, or neither, or no one to answer: a usage mistake.
    stderr_of(
        regulars(&dir).args(["feedback", "1", "--nps", "5", "--csat", "3"]),
        2,
    );
    stderr_of(regulars(&dir).args(["feedback", "1"]), 2);
    stderr_of(regulars(&dir).args(["feedback", "--nps", "5"]), 2);
}

#[test]
fn signup_names_who_or_what_brought_them() {
    let dir = club_with(SHOP);
    let ana = add(&dir, "Ana", &["--card", "C-1"]);
    assert!(ana["referred_by"].is_null() && ana["source"].is_null());
    let ivo = add(&dir, "Ivo", &["--referred-by", "C-1"]);
    assert_eq!(ivo["referred_by"], ana["id"]);
    let mia = add(&dir, "Mia", &["--source", "Social Media"]);
    assert_eq!(mia["source"], "social media");
    let shown = json(regulars(&dir).args(["member", "show", "3", "--json"]));
    assert_eq!(shown["source"], "social media");

    let err = stderr_of(
        regulars(&dir).args(["member", "add", "--first", "Eva", "--source", "radio"]),
        1,
    );
    assert!(
        err.contains("radio") && err.contains("walked past"),
        "{err}"
    );
    let err = stderr_of(
        regulars(&dir).args(["member", "add", "--first", "Eva", "--referred-by", "C-9"]),
        1,
    );
    assert!(err.contains("C-9"), "{err}");
    stderr_of(
        regulars(&dir).args([
            "member",
            "add",
            "--first",
            "Eva",
            "--referred-by",
            "C-1",
            "--source",
            "event",
        ]),
        2,
    );
    assert_eq!(count(&dir, "members"), 3);
}
