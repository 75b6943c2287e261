//! Feedback at the counter, as the person at the till uses it: `v` or `y`
//! on a card (or the counter's list) asks the question and one key stores
//! the answer; `i` on a card asks the owner's survey. Snapshots at 80×24
//! in every language the app speaks.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::ui::App;
use regulars::ui::screens::feedback_dialog::{FeedbackDialog, Scale};
use regulars::ui::screens::member::MemberState;
use regulars::words::text::width;
use tui_support::*;

const LANGUAGES: &[&str] = &["en", "hr", "zh", "th", "he"];

/// The seeded club in `lang`, a review bonus of 20 points, and the
/// survey questions of `survey` (TOML of `[[survey.questions]]`).
fn club_in(lang: &str, survey: &str) -> App {
    let mut ctx = seeded_ctx();
    let mut config = ctx.config.clone();
    config.shop.locale = lang.into();
    config.import.inbox = "no-such-inbox-folder".into();
    config.points.review_bonus = 20;
    assert!(survey.is_empty());
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
