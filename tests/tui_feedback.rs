//! Feedback at the counter, as the person at the till uses it: `v` or `y`
//! on a card (or the counter's list) asks the question and one key stores
//! the answer; `i` on a card asks the owner's survey. Snapshots at 80×24
//! in every language the app speaks.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::ui::App;
use regulars::ui::screens::feedback_dialog::{FeedbackDialog, Scale};
use regulars::ui::screens::member::MemberState;
use regulars::ui::screens::stats_survey::SurveyStatsState;
use regulars::ui::screens::survey_ask::SurveyAsk;
use regulars::words::text::width;
use tui_support::*;

/// The keys that open a screen from the counter.
type Open = fn(&mut App);

const LANGUAGES: &[&str] = &["en", "hr", "zh", "th", "he"];

/// The seeded club in `lang`, a review bonus of 20 points, and the
/// survey questions of `survey` (TOML of `[[survey.questions]]`).
fn club_in(lang: &str, survey: &str) -> App {
    let mut ctx = seeded_ctx();
    let mut config = ctx.config.clone();
    config.shop.locale = lang.into();
    config.import.inbox = "no-such-inbox-folder".into();
    config.points.review_bonus = 20;
    if !survey.is_empty() {
        let parsed =
            regulars::config::Config::parse(survey, std::path::Path::new("config.toml")).unwrap();
        config.survey = parsed.survey;
    }
    ctx.set_config(config);
    app(ctx)
}

fn club(lang: &str) -> App {
    club_in(lang, "")
}

/// Ana's card, from the counter's search.
fn card(app: &mut App) {
    type_text(app, "Ana Kov");
    key(app, KeyCode::Enter);
    assert!(app.top::<MemberState>().is_some(), "{}", screen(app));
}

/// The answers stored: (member, nps, csat).
fn answers(app: &App) -> Vec<(Option<i64>, Option<i64>, Option<i64>)> {
    let mut stmt = app
        .conn()
        .prepare("SELECT member_id, nps, csat FROM feedback ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn points(app: &App) -> i64 {
    app.conn()
        .query_row(
            "SELECT coalesce(sum(delta), 0) FROM points WHERE member_id = ?1",
            [ANA],
            |r| r.get(0),
        )
        .unwrap()
}

fn assert_fits(shown: &str, what: &str) {
    for line in shown.lines() {
        let row = line.strip_prefix('"').unwrap_or(line);
        let row = row.split("\" Hidden by").next().unwrap_or(row);
        let row = row.strip_suffix('"').unwrap_or(row);
        assert!(width(row) <= 80, "{what}: a row of {} columns", width(row));
    }
}

#[test]
fn one_key_on_the_card_stores_the_nps_with_the_review_bonus_once() {
    let mut app = club("en");
    card(&mut app);
    let before = points(&app);
    type_text(&mut app, "v");
    assert_eq!(front::<FeedbackDialog>(&app).scale(), Scale::Nps);
    type_text(&mut app, "9");
    assert!(app.top::<MemberState>().is_some(), "back on the card");
    assert_eq!(answers(&app), vec![(Some(ANA), Some(9), None)]);
    assert_eq!(points(&app), before + 20);
    let said = app.message().unwrap();
    assert!(
        said.contains("NPS 9") && said.contains("Ana Kovač") && said.contains("review bonus"),
        "{said}"
    );
    // The second answer of the period earns nothing more, and says so.
    type_text(&mut app, "y");
    type_text(&mut app, "5");
    assert_eq!(answers(&app)[1], (Some(ANA), None, Some(5)));
    assert_eq!(points(&app), before + 20);
    let said = app.message().unwrap();
    assert!(said.contains("no review bonus"), "{said}");
}

#[test]
fn equals_is_ten_and_arrows_with_enter_pick_too() {
    let mut app = club("en");
    card(&mut app);
    type_text(&mut app, "v=");
    type_text(&mut app, "y");
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    let stored: Vec<_> = answers(&app).into_iter().map(|(_, n, c)| (n, c)).collect();
    assert_eq!(stored, vec![(Some(10), None), (None, Some(3))]);
}

#[test]
fn a_key_off_the_scale_stores_nothing_and_esc_asks_nothing() {
    let mut app = club("en");
    card(&mut app);
    type_text(&mut app, "y");
    type_text(&mut app, "0");
    type_text(&mut app, "7");
    assert!(app.top::<FeedbackDialog>().is_some(), "still asking");
    key(&mut app, KeyCode::Esc);
    assert!(app.top::<MemberState>().is_some());
    assert!(answers(&app).is_empty());
}

#[test]
fn the_counters_list_asks_anonymously_and_the_search_keeps_its_letters() {
    let mut app = club("en");
    // In the search, v and y are letters of a name.
    type_text(&mut app, "vy");
    assert!(is_counter(&app));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "v");
    type_text(&mut app, "6");
    assert!(is_counter(&app));
    assert_eq!(answers(&app), vec![(None, Some(6), None)]);
    assert!(app.message().unwrap().contains("anonymous"));
    let at: String = app
        .conn()
        .query_row("SELECT at FROM feedback", [], |r| r.get(0))
        .unwrap();
    assert!(at.starts_with("2026-11-23"), "the injected day: {at}");
}

fn nps_dialog(app: &mut App) {
    card(app);
    type_text(app, "v");
    key(app, KeyCode::Right);
}

/// From the counter's list: an anonymous answer.
fn csat_dialog(app: &mut App) {
    key(app, KeyCode::Esc);
    type_text(app, "y");
}

#[test]
fn the_feedback_dialog_in_every_language() {
    for lang in LANGUAGES {
        for (name, open) in [("nps", nps_dialog as fn(&mut App)), ("csat", csat_dialog)] {
            let mut app = club(lang);
            open(&mut app);
            let shown = screen(&app);
            assert_fits(&shown, &format!("{name} in {lang}"));
            assert!(!shown.contains("ui-"), "{name} in {lang}: {shown}");
            insta::assert_snapshot!(format!("feedback_{name}@{lang}"), shown);
        }
    }
}

const SURVEY: &str = r#"
[[survey.questions]]
text = "How satisfied were you today?"
kind = "csat"

[[survey.questions]]
text = "Which milk should we stock?"
kind = "choice"
choices = ["Oat", "Soy", "Almond"]

[[survey.questions]]
text = "What should we stock that we don't?"
kind = "text"
"#;

/// The survey answers stored: (question, answer).
fn survey_answers(app: &App) -> Vec<(String, String)> {
    let mut stmt = app
        .conn()
        .prepare("SELECT question, answer FROM survey_answers WHERE member_id = 1 ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn the_survey_asks_one_question_at_a_time_one_key_per_answer() {
    let mut app = club_in("en", SURVEY);
    card(&mut app);
    type_text(&mut app, "i");
    assert!(app.top::<SurveyAsk>().is_some(), "{}", screen(&app));
    // 0 is off the 1–5 scale: still the first question.
    type_text(&mut app, "04");
    type_text(&mut app, "2");
    // Letters are the answer's text now, s and digits included.
    type_text(&mut app, "Rye bread, 2 kinds");
    key(&mut app, KeyCode::Enter);
    assert!(app.top::<MemberState>().is_some(), "back on the card");
    assert_eq!(
        survey_answers(&app),
        [
            ("How satisfied were you today?".into(), "4".into()),
            ("Which milk should we stock?".into(), "Soy".into()),
            (
                "What should we stock that we don't?".into(),
                "Rye bread, 2 kinds".into()
            ),
        ]
    );
    assert!(app.message().unwrap().contains("3 survey answers"));
}

#[test]
fn skipping_and_stopping_keep_what_was_answered() {
    let mut app = club_in("en", SURVEY);
    card(&mut app);
    type_text(&mut app, "i");
    type_text(&mut app, "s");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    assert!(app.top::<MemberState>().is_some());
    assert_eq!(
        survey_answers(&app),
        [("Which milk should we stock?".into(), "Almond".into())]
    );
    assert!(app.message().unwrap().contains("1 survey answer stored"));
    // Tab skips a question in words too; the last one ends the survey.
    type_text(&mut app, "i");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert!(app.top::<MemberState>().is_some());
    assert_eq!(survey_answers(&app).len(), 1);
}

#[test]
fn without_questions_the_card_says_where_to_write_them() {
    let mut app = club("en");
    card(&mut app);
    type_text(&mut app, "i");
    assert!(app.top::<MemberState>().is_some());
    assert!(app.message().unwrap().contains("[[survey.questions]]"));
}

#[test]
fn the_stats_screen_shows_each_questions_summary_one_key_away() {
    let mut app = club_in("en", SURVEY);
    card(&mut app);
    type_text(&mut app, "i52");
    type_text(&mut app, "More oat milk");
    key(&mut app, KeyCode::Enter);
    // Back to the counter, its search cleared, then its list.
    key(&mut app, KeyCode::Esc);
    if !app.counter().query().is_empty() {
        key(&mut app, KeyCode::Esc);
    }
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "a");
    type_text(&mut app, "v");
    let page = front::<SurveyStatsState>(&app);
    assert_eq!(page.summaries().len(), 3);
    let shown = screen(&app);
    for words in [
        "How satisfied were you today?",
        "Soy",
        "“More oat milk”",
        "5.0",
    ] {
        assert!(shown.contains(words), "{words} missing: {shown}");
    }
    insta::assert_snapshot!("stats_survey@en", shown);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen().name(), "stats");
}

#[test]
fn a_survey_question_in_every_language() {
    for lang in LANGUAGES {
        let mut app = club_in(lang, SURVEY);
        card(&mut app);
        type_text(&mut app, "i4");
        key(&mut app, KeyCode::Down);
        let shown = screen(&app);
        assert_fits(&shown, &format!("survey in {lang}"));
        assert!(!shown.contains("ui-"), "survey in {lang}: {shown}");
        insta::assert_snapshot!(format!("survey_choice@{lang}"), shown);
    }
}

#[test]
fn help_on_each_feedback_screen_is_worded_in_every_language() {
    let opens: [(&str, Open); 4] = [
        ("feedback", |app| {
            card(app);
            type_text(app, "v");
        }),
        ("survey", |app| {
            card(app);
            type_text(app, "i");
        }),
        ("survey text", |app| {
            card(app);
            type_text(app, "i42");
        }),
        ("survey page", |app| {
            key(app, KeyCode::Esc);
            type_text(app, "av");
        }),
    ];
    for lang in LANGUAGES {
        for (name, open) in opens {
            let mut app = club_in(lang, SURVEY);
            open(&mut app);
            key(&mut app, KeyCode::F(1));
            assert!(app.help_is_open(), "{name} in {lang}");
            let shown = screen(&app);
            assert!(!shown.contains("ui-"), "{name} in {lang}: {shown}");
        }
    }
}
