//! `regulars survey export | import` and the survey in `stats --json`, as
//! a script meets them: a real binary on a temp club, on a fixed day.

mod cli_support;

use cli_support::{club_with, count, json, regulars, stderr_of, write};

const SHOP: &str = r#"[shop]
name = "Paws"
country = "HR"
currency = "EUR"

[[survey.questions]]
text = "How satisfied were you today?"
kind = "csat"

[[survey.questions]]
text = "Which milk should we stock?"
kind = "choice"
choices = ["Oat", "Soy"]

[[survey.questions]]
text = "What should we stock that we don't?"
kind = "text"
"#;

fn add(dir: &tempfile::TempDir, first: &str, extra: &[&str]) {
    regulars(dir)
        .args(["member", "add", "--first", first, "--last", "Kovač"])
        .args(extra)
        .assert()
        .success();
}

/// Ana agreed to SMS; Ivo to nothing.
fn club() -> tempfile::TempDir {
    let dir = club_with(SHOP);
    add(
        &dir,
        "Ana",
        &[
            "--card",
            "C-1",
            "--phone",
            "091 111 1111",
            "--consent",
            "sms",
        ],
    );
    add(&dir, "Ivo", &["--card", "C-2", "--phone", "092 222 2222"]);
    dir
}

#[test]
fn the_export_writes_the_questions_and_whom_to_ask() {
    let dir = club();
    let out = dir.path().join("survey.csv");
    let written = json(regulars(&dir).args([
        "survey",
        "export",
        "--channel",
        "sms",
        "--out",
        out.to_str().unwrap(),
        "--json",
    ]));
    assert_eq!(written["respondents"], 1);
    assert_eq!(written["questions"][1]["choices"][1], "Soy");
    assert_eq!(written["questions"][2]["kind"], "text");
    let list = std::fs::read_to_string(&out).unwrap();
    assert!(
        list.contains(",Ana,Kovač,") && !list.contains("Ivo"),
        "{list}"
    );
    let questions = std::fs::read_to_string(written["questions_path"].as_str().unwrap()).unwrap();
    assert!(
        questions.starts_with("1. How satisfied were you today?"),
        "{questions}"
    );
    // A segment narrows the list as it does every export.
    let narrowed = json(regulars(&dir).args([
        "survey",
        "export",
        "--channel",
        "sms",
        "--segment",
        "tag=vegan",
        "--out",
        out.to_str().unwrap(),
        "--json",
    ]));
    assert_eq!(narrowed["respondents"], 0);
    let err = stderr_of(
        regulars(&dir).args(["survey", "export", "--channel", "fax"]),
        1,
    );
    assert!(err.contains("fax"), "{err}");
}

#[test]
fn the_import_takes_answers_back_and_reports_a_bad_row_by_its_line() {
    let dir = club();
    let file = write(
        &dir,
        "answers.csv",
        "member,How satisfied were you today?,Which milk should we stock?,What should we stock that we don't?\n\
         C-1,5,Oat,Rye bread\n\
         C-2,7,,\n\
         C-9,4,,\n",
    );
    let out = regulars(&dir)
        .args(["survey", "import", &file])
        .assert()
        .success();
    let said = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        said.contains("answers.csv:3") && said.contains("\"7\""),
        "{said}"
    );
    assert!(
        said.contains("answers.csv:4") && said.contains("C-9"),
        "{said}"
    );
    assert_eq!(count(&dir, "survey_answers"), 3);
    let stats = json(regulars(&dir).args(["stats", "--json"]));
    let survey = &stats["survey"];
    assert_eq!(survey[0]["question"], "How satisfied were you today?");
    assert_eq!(survey[0]["answers"], 1);
    assert_eq!(survey[0]["mean"], 5.0);
    assert_eq!(survey[1]["choices"][0]["choice"], "Oat");
    assert_eq!(survey[1]["choices"][0]["count"], 1);
    assert_eq!(survey[2]["latest"][0], "Rye bread");
    let text = regulars(&dir).arg("stats").assert().success();
    let text = String::from_utf8_lossy(&text.get_output().stdout).to_string();
    assert!(
        text.contains("Survey") && text.contains("“Rye bread”"),
        "{text}"
    );
}

#[test]
fn an_import_that_takes_nothing_ends_with_1_and_json_lists_the_rows_skipped() {
    let dir = club();
    let file = write(
        &dir,
        "answers.csv",
        "member,How satisfied were you today?\nnobody,5\n",
    );
    let out = regulars(&dir)
        .args(["survey", "import", &file, "--json"])
        .assert()
        .code(1);
    let report: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(report["members"], 0);
    assert_eq!(report["skipped"][0]["line"], 2);
    assert!(
        report["skipped"][0]["problem"]
            .as_str()
            .unwrap()
            .contains("nobody")
    );
    assert_eq!(count(&dir, "survey_answers"), 0);
}

#[test]
fn a_bad_question_in_the_config_is_named() {
    let dir = club_with(
        "[[survey.questions]]\ntext = \"Which milk?\"\nkind = \"choice\"\nchoices = [\"Oat\"]\n",
    );
    let err = stderr_of(regulars(&dir).args(["stats", "--json"]), 1);
    assert!(
        err.contains("config.toml:1") && err.contains("Which milk?"),
        "{err}"
    );
}
