//! The screens where the club decides who may be contacted, in every
//! language the app speaks at 80×24: the card's consent picker and its
//! yes/no question over the history, the Segments screen with a count,
//! with a mistake and with its export step, and the weekly review's
//! export step. One snapshot per screen and language, no drawn row wider
//! than the window, and no message key shown instead of its words.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::db;
use regulars::domain::member::{Channel, MemberDraft};
use regulars::ui::App;
use regulars::words::text::width;
use tui_support::*;

const LANGUAGES: &[&str] = &["en", "hr", "zh", "th", "he"];

/// The seeded club in `lang`, with three members named in Hebrew, Thai
/// and Chinese who agreed to SMS.
fn club(lang: &str) -> App {
    let mut ctx = seeded_ctx();
    let mut config = ctx.config.clone();
    config.shop.locale = lang.into();
    config.import.inbox = "no-such-inbox-folder".into();
    ctx.set_config(config);
    let now = ctx.clock.now();
    for (first, family, phone) in [
        ("נועה", "כהן", "+972523456780"),
        ("สมศรี", "ใจดี", "+66812345678"),
        ("秀英", "彭", "+8613812345678"),
    ] {
        let draft = MemberDraft {
            first_name: first.into(),
            family_name: family.into(),
            phone: Some(phone.into()),
            ..MemberDraft::default()
        };
        db::members::insert(&ctx.conn, &draft, &[Channel::Sms], now).unwrap();
    }
    app(ctx)
}

fn card(app: &mut App) {
    type_text(app, "Ana Kov");
    key(app, KeyCode::Enter);
}

fn segments(app: &mut App, expression: &str) {
    key(app, KeyCode::Esc);
    type_text(app, "g");
    type_text(app, expression);
}

type Open = fn(&mut App);

const SCREENS: &[(&str, Open)] = &[
    ("consent_picker", |app| {
        card(app);
        // The second channel picked: email.
        type_text(app, "ss");
    }),
    ("consent_confirm_with_history", |app| {
        // SMS withdrawn at the counter, the history in view, then the
        // question before giving it back.
        card(app);
        type_text(app, "sgy");
        key(app, KeyCode::PageDown);
        type_text(app, "g");
    }),
    ("segments_count", |app| segments(app, "not pet")),
    ("segments_problem", |app| {
        segments(app, "pet=dog and colour=red")
    }),
    ("segments_export", |app| {
        segments(app, "not pet");
        key(app, KeyCode::F(5));
    }),
    ("segments_export_email_vcard", |app| {
        segments(app, "not pet");
        key(app, KeyCode::F(5));
        type_text(app, "ev");
    }),
    ("review_export", |app| {
        key(app, KeyCode::F(2));
        type_text(app, "x");
    }),
];

fn assert_fits(shown: &str, what: &str) {
    for line in shown.lines() {
        // The test backend quotes each row and may name, after it, the
        // cells a wide character covers: the row is inside the quotes.
        let row = line.strip_prefix('"').unwrap_or(line);
        let row = row.split("\" Hidden by").next().unwrap_or(row);
        let row = row.strip_suffix('"').unwrap_or(row);
        assert!(
            width(row) <= 80,
            "{what}: a row of {} columns: {row}",
            width(row)
        );
    }
}

#[test]
fn privacy_screens_in_every_language() {
    for lang in LANGUAGES {
        for (name, open) in SCREENS {
            let mut app = club(lang);
            open(&mut app);
            let shown = screen(&app);
            assert_fits(&shown, &format!("{name} in {lang}"));
            for word in ["ui-", "err-", "segment-", "consent-", "review-"] {
                assert!(
                    !shown.contains(word),
                    "{name} in {lang} shows a key: {shown}"
                );
            }
            insta::assert_snapshot!(format!("{name}@{lang}"), shown);
        }
    }
}

#[test]
fn the_export_step_counts_who_may_be_contacted_on_the_channel() {
    let mut app = club("en");
    segments(&mut app, "not pet");
    key(&mut app, KeyCode::F(5));
    // Ten members without pets; the three who agreed to SMS are written.
    let shown = screen(&app);
    assert!(
        shown.contains("3 members will be written; 7 members left out"),
        "{shown}"
    );
    // None of them agreed to email.
    type_text(&mut app, "e");
    let shown = screen(&app);
    assert!(
        shown.contains("0 members will be written; 10 members left out"),
        "{shown}"
    );
}
