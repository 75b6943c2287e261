//! The owner's survey on a real club file: answers stored with the
//! question's words, summaries of a period, the respondent list and the
//! answers taken back from a file (a bad row named by its line and
//! skipped, a bad file leaving the club as it was), and the answers going
//! with an erasure, a merge and a member's own export.

use chrono::NaiveDate;
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::domain::member::{Channel, MemberDraft};
use regulars::domain::survey::{Given, Kind, Question, Summary};
use regulars::ops::survey::{record, summary, summary_json};
use regulars::ops::survey_export::export;
use regulars::ops::survey_import::import;
use tempfile::TempDir;

fn questions() -> Vec<Question> {
    vec![
        Question {
            text: "How likely are you to recommend us?".into(),
            kind: Kind::Nps,
            choices: vec![],
        },
        Question {
            text: "Which milk should we stock?".into(),
            kind: Kind::Choice,
            choices: vec!["Oat".into(), "Soy".into()],
        },
        Question {
            text: "What should we stock that we don't?".into(),
            kind: Kind::Text,
            choices: vec![],
        },
    ]
}

fn shop_on(dir: &TempDir, day: u32) -> Ctx {
    let mut config = Config::default();
    config.shop.country = "HR".into();
    config.shop.export_dir = dir.path().display().to_string();
    config.survey.questions = questions();
    let path = dir.path().join("club.db");
    Ctx::new(
        db::open(&path).unwrap(),
        Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, day).unwrap()),
        config,
        Some(path),
    )
}

/// Ana (SMS agreed, card C-1) and Ivo (no consent).
fn club(dir: &TempDir) -> (Ctx, i64, i64) {
    let ctx = shop_on(dir, 23);
    let now = ctx.clock.now();
    let ana = MemberDraft {
        first_name: "Ana".into(),
        family_name: "Kovač".into(),
        phone: Some("+385911111111".into()),
        card: Some("C-1".into()),
        ..MemberDraft::default()
    };
    let ivo = MemberDraft {
        first_name: "Ivo".into(),
        family_name: "Horvat".into(),
        phone: Some("+385922222222".into()),
        ..MemberDraft::default()
    };
    let ana = db::members::insert(&ctx.conn, &ana, &[Channel::Sms], now).unwrap();
    let ivo = db::members::insert(&ctx.conn, &ivo, &[], now).unwrap();
    (ctx, ana, ivo)
}

fn count(ctx: &Ctx, sql: &str) -> i64 {
    ctx.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

#[test]
fn answers_keep_the_questions_words_and_summaries_count_the_period_only() {
    let dir = TempDir::new().unwrap();
    let (ctx, ana, ivo) = club(&dir);
    let q = questions();
    record(&ctx, ana, &q[0], &Given::Score(9), "counter").unwrap();
    record(&ctx, ivo, &q[0], &Given::Score(6), "counter").unwrap();
    record(&ctx, ana, &q[1], &Given::Words("Soy".into()), "counter").unwrap();
    record(
        &ctx,
        ana,
        &q[2],
        &Given::Words("Rye bread".into()),
        "counter",
    )
    .unwrap();
    // An answer a week later is outside a period ending on the 23rd.
    let later = shop_on(&dir, 30);
    record(&later, ivo, &q[0], &Given::Score(0), "counter").unwrap();
    let s = summary(&ctx, day(1), day(23)).unwrap();
    assert_eq!(s[0].answers, 2);
    assert_eq!(s[0].summary, Summary::Mean(Some(7.5)));
    assert_eq!(
        s[1].summary,
        Summary::Choices(vec![("Oat".into(), 0), ("Soy".into(), 1)])
    );
    assert_eq!(s[2].summary, Summary::Latest(vec!["Rye bread".into()]));
    let json = summary_json(&s);
    assert_eq!(json[0]["mean"], 7.5);
    assert_eq!(json[1]["choices"][1]["count"], 1);
    assert_eq!(json[2]["latest"][0], "Rye bread");
    assert_eq!(json[2]["kind"], "text");
    // No answers in a period: the mean is undefined, not 0.
    let empty = summary_json(&summary(&ctx, day(1), day(2)).unwrap());
    assert!(empty[0]["mean"].is_null());
    // Editing a question's words later does not relabel what was answered.
    let stored: String = ctx
        .conn
        .query_row(
            "SELECT question FROM survey_answers WHERE kind = 'text'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, "What should we stock that we don't?");
}

#[test]
fn the_export_lists_who_agreed_with_an_empty_column_per_question() {
    let dir = TempDir::new().unwrap();
    let (ctx, ana, _) = club(&dir);
    let written = export(&ctx, Channel::Sms, None, None).unwrap();
    assert_eq!(written.rows, 1);
    let bytes = std::fs::read(&written.path).unwrap();
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    let mut lines = text.trim_start_matches('\u{FEFF}').lines();
    assert_eq!(
        lines.next().unwrap(),
        "member,first_name,family_name,phone,language,How likely are you to recommend us?,Which milk should we stock?,What should we stock that we don't?"
    );
    assert_eq!(
        lines.next().unwrap(),
        format!("{ana},Ana,Kovač,091 111 1111,,,,")
    );
    assert_eq!(lines.next(), None);
    let questions = std::fs::read_to_string(&written.questions_path).unwrap();
    assert!(
        questions.contains("2. Which milk should we stock?") && questions.contains("Oat / Soy")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for path in [&written.path, &written.questions_path] {
            let mode = std::fs::metadata(path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{}", path.display());
        }
    }
}

#[test]
fn a_question_like_a_formula_is_neutralised_and_still_read_back() {
    let dir = TempDir::new().unwrap();
    let (mut ctx, ana, _) = club(&dir);
    let mut config = ctx.config.clone();
    config.survey.questions[2].text = "=HYPERLINK(\"x\")".into();
    ctx.set_config(config);
    let out = dir.path().join("survey.csv");
    export(&ctx, Channel::Sms, None, Some(&out)).unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{text}");
    let filled = text.replace(
        &format!("{ana},Ana,Kovač,091 111 1111,,,,"),
        &format!("{ana},Ana,Kovač,091 111 1111,,9,,Rye"),
    );
    std::fs::write(&out, filled).unwrap();
    let done = import(&ctx, &out).unwrap();
    assert_eq!((done.members, done.answers), (1, 2), "{:?}", done.skipped);
}

#[test]
fn the_import_takes_good_rows_and_names_the_line_of_each_bad_one() {
    let dir = TempDir::new().unwrap();
    let (ctx, ana, ivo) = club(&dir);
    let file = dir.path().join("answers.csv");
    std::fs::write(
        &file,
        "\u{FEFF}member,How likely are you to recommend us?,Which milk should we stock?,What should we stock that we don't?\n\
         C-1,10,oat,More rye bread\n\
         +385922222222,11,Soy,\n\
         nobody@example.com,5,,\n\
         ,,,\n\
         2,,2,\n",
    )
    .unwrap();
    let done = import(&ctx, &file).unwrap();
    assert_eq!((done.members, done.answers), (2, 4));
    let lines: Vec<u64> = done.skipped.iter().map(|s| s.line).collect();
    assert_eq!(lines, [3, 4]);
    let first = done.skipped[0].problem.to_string();
    assert!(
        first.contains("\"11\"") && first.contains("How likely"),
        "{first}"
    );
    let second = done.skipped[1].problem.to_string();
    assert!(second.contains("nobody@example.com"), "{second}");
    assert_eq!(
        count(
            &ctx,
            &format!(
                "SELECT count(*) FROM survey_answers WHERE member_id = {ana} AND how = 'import'"
            )
        ),
        3
    );
    let soy: String = ctx
        .conn
        .query_row(
            "SELECT answer FROM survey_answers WHERE member_id = ?1",
            [ivo],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(soy, "Soy");
}

#[test]
fn a_file_the_survey_cannot_read_leaves_the_club_as_it_was() {
    let dir = TempDir::new().unwrap();
    let (ctx, _, _) = club(&dir);
    for (name, text, names) in [
        (
            "renamed.csv",
            "member,How likely would you recommend us?\nC-1,9\n",
            "How likely would you",
        ),
        (
            "keyless.csv",
            "first_name,How likely are you to recommend us?\nAna,9\n",
            "member",
        ),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, text).unwrap();
        let err = import(&ctx, &file).unwrap_err().to_string();
        assert!(err.contains(name) && err.contains(names), "{err}");
    }
    assert_eq!(count(&ctx, "SELECT count(*) FROM survey_answers"), 0);
    let none = import(&ctx, &dir.path().join("missing.csv"))
        .unwrap_err()
        .to_string();
    assert!(none.contains("missing.csv"), "{none}");
}

#[test]
fn answers_go_with_an_erasure_follow_a_merge_and_are_in_the_members_export() {
    let dir = TempDir::new().unwrap();
    let (ctx, ana, ivo) = club(&dir);
    let q = questions();
    record(&ctx, ana, &q[2], &Given::Words("Rye".into()), "counter").unwrap();
    record(&ctx, ivo, &q[0], &Given::Score(8), "counter").unwrap();
    let data = regulars::ops::member_export::member_export(&ctx, ana).unwrap();
    assert_eq!(data["survey_answers"][0]["answer"], "Rye", "{data}");
    regulars::ops::merge::merge(&ctx, ana, ivo).unwrap();
    assert_eq!(
        count(
            &ctx,
            &format!("SELECT count(*) FROM survey_answers WHERE member_id = {ana}")
        ),
        2
    );
    regulars::ops::erase::erase_member(&ctx, ana)
        .unwrap()
        .unwrap();
    assert_eq!(count(&ctx, "SELECT count(*) FROM survey_answers"), 0);
    // An erased member is no longer there to answer.
    let err = record(&ctx, ana, &q[0], &Given::Score(9), "counter").unwrap_err();
    assert!(err.to_string().contains(&ana.to_string()));
}
