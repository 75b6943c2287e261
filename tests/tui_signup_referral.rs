//! "How did they find us?" on the signup form: a member found by part of
//! a name (or phone, card, email) in a small picker, or a source from the
//! config's list; saved by the same operation as `member add
//! --referred-by/--source`, the referral bonus said in the result. Left
//! empty, nothing is recorded. Snapshots of the picker at 80×24 in every
//! language.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::ops::referral::Referral;
use regulars::ui::App;
use regulars::ui::screens::member::MemberState;
use regulars::ui::screens::signup::SignupState;
use regulars::ui::screens::signup_fields::Stop;
use regulars::words::text::width;
use tui_support::*;

const LANGUAGES: &[&str] = &["en", "hr", "zh", "th", "he"];

/// The seeded club in `lang`, a referral bonus of 50 points, the signup
/// form open with a first name typed and the focus on the found-us row.
fn form(lang: &str) -> App {
    let mut ctx = seeded_ctx();
    let mut config = ctx.config.clone();
    config.shop.locale = lang.into();
    config.points.referral_bonus = 50;
    ctx.set_config(config);
    let mut app = app(ctx);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "n");
    type_text(&mut app, "Petra");
    while signup(&app).focus() != Stop::FoundUs {
        key(&mut app, KeyCode::Tab);
    }
    app
}

fn signup(app: &App) -> &SignupState {
    front::<SignupState>(app)
}

/// Points the member holds, from the ledger the loyalty screens read.
fn points_of(app: &App, id: i64) -> i64 {
    app.conn()
        .query_row(
            "SELECT coalesce(sum(delta), 0) FROM points WHERE member_id = ?1 AND reason = 'bonus' AND detail = 'referral'",
            [id],
            |r| r.get(0),
        )
        .unwrap()
}

fn saved_referral(app: &App) -> (i64, Option<i64>, Option<String>) {
    let Some(card) = app.top::<MemberState>() else {
        panic!("not saved: {:?}", app.message())
    };
    let id = card.card().member.id;
    let (by, source) = app
        .conn()
        .query_row(
            "SELECT referred_by, source FROM members WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    (id, by, source)
}

#[test]
fn typing_part_of_a_name_finds_the_member_who_brought_them() {
    let mut app = form("en");
    // "ivan" is part of Ivana Kovačić's name only.
    type_text(&mut app, "ivan");
    assert!(signup(&app).shows_found_us_picker());
    let shown = screen(&app);
    assert!(shown.contains("Ivana Kovačić"), "{shown}");
    key(&mut app, KeyCode::Enter);
    assert!(!signup(&app).shows_found_us_picker());
    assert_eq!(signup(&app).referral(), &Referral::Member(7));
    assert!(screen(&app).contains("brought them"));
    key(&mut app, KeyCode::Enter);
    let (id, by, source) = saved_referral(&app);
    assert_eq!((by, source), (Some(7), None));
    // Both sides got the bonus of the loyalty config, and the result says so.
    assert_eq!(points_of(&app, id), 50);
    assert_eq!(points_of(&app, 7), 50);
    let said = app.message().unwrap_or_default();
    assert!(said.contains("Signed up Petra"), "{said}");
    assert!(
        said.contains("Ivana Kovačić brought Petra: both got the referral bonus (50 points)"),
        "{said}"
    );
}

#[test]
fn a_phone_or_card_finds_the_member_too_and_arrows_choose() {
    let mut app = form("en");
    // Both cards start with C-: Ana's C-1001 and Maximilian's C-2002.
    type_text(&mut app, "C-");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    let Referral::Member(second) = signup(&app).referral().clone() else {
        panic!("no member chosen")
    };
    assert!([1, 6].contains(&second), "{second}");
    // Backspace on the row clears the choice; a phone finds Ana.
    key(&mut app, KeyCode::Backspace);
    assert_eq!(signup(&app).referral(), &Referral::NotSaid);
    type_text(&mut app, "091 234");
    key(&mut app, KeyCode::Enter);
    assert_eq!(signup(&app).referral(), &Referral::Member(1));
}

#[test]
fn space_lists_the_sources_and_one_is_saved_without_a_bonus() {
    let mut app = form("en");
    key(&mut app, KeyCode::Char(' '));
    let shown = screen(&app);
    for source in ["friend or family", "walked past", "social media"] {
        assert!(shown.contains(source), "{source}: {shown}");
    }
    // Typing narrows the list: "walk" leaves "walked past".
    type_text(&mut app, "walk");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        signup(&app).referral(),
        &Referral::Source("walked past".into())
    );
    key(&mut app, KeyCode::Enter);
    let (id, by, source) = saved_referral(&app);
    assert_eq!((by, source.as_deref()), (None, Some("walked past")));
    assert_eq!(points_of(&app, id), 0);
    assert_eq!(app.message().as_deref(), Some("Signed up Petra."));
}

#[test]
fn esc_closes_the_picker_and_an_empty_answer_records_nothing() {
    let mut app = form("en");
    type_text(&mut app, "ana");
    key(&mut app, KeyCode::Esc);
    assert!(!signup(&app).shows_found_us_picker());
    assert_eq!(signup(&app).referral(), &Referral::NotSaid);
    key(&mut app, KeyCode::Enter);
    let (id, by, source) = saved_referral(&app);
    assert_eq!((by, source), (None, None));
    assert_eq!(points_of(&app, id), 0);
    assert_eq!(points_of(&app, 1), 0);
}

#[test]
fn the_source_list_follows_the_config() {
    let mut ctx = seeded_ctx();
    let mut config = ctx.config.clone();
    config.club.sources = Some(vec!["Farmers' market".into(), "Radio".into()]);
    ctx.set_config(config);
    let mut app = app(ctx);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "n");
    while signup(&app).focus() != Stop::FoundUs {
        key(&mut app, KeyCode::Tab);
    }
    key(&mut app, KeyCode::Char(' '));
    let shown = screen(&app);
    assert!(shown.contains("Farmers' market"), "{shown}");
    assert!(!shown.contains("walked past"), "{shown}");
}

#[test]
fn editing_a_member_skips_the_question() {
    let mut app = app(seeded_ctx());
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "e");
    let form = signup(&app);
    assert_eq!(form.focus(), Stop::FirstName);
    for _ in 0..Stop::ALL.len() {
        key(&mut app, KeyCode::Tab);
        assert_ne!(signup(&app).focus(), Stop::FoundUs);
    }
    assert!(!screen(&app).contains("Found us via"));
}

#[test]
fn the_picker_in_every_language() {
    for lang in LANGUAGES {
        let mut app = form(lang);
        type_text(&mut app, "ko");
        let shown = screen(&app);
        for line in shown.lines() {
            // The test backend's note on wide letters is not on screen.
            let row = line.trim_matches('"').split("\" Hidden by").next();
            let row = row.unwrap_or(line).trim_end_matches('"');
            assert!(width(row) <= 80, "{lang}: {row}");
        }
        for word in ["signup-", "ui-", "config-"] {
            assert!(!shown.contains(word), "{lang} shows a key: {shown}");
        }
        insta::assert_snapshot!(format!("picker_members@{lang}"), shown);

        let mut app = form(lang);
        key(&mut app, KeyCode::Char(' '));
        insta::assert_snapshot!(format!("picker_sources@{lang}"), screen(&app));
    }
}
