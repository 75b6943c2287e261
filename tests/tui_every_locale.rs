//! Every screen in every language the app speaks, at 80×24, with members
//! named in Latin (with diacritics), Hebrew, Chinese and Thai: one snapshot
//! per screen and language, and no drawn row wider than the window.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::db;
use regulars::domain::member::{Birthday, Channel, MemberDraft};
use regulars::ui::App;
use regulars::words::text::width;
use tui_support::*;

/// Hebrew reads right to left: every screen mirrored, checked like the rest.
const LANGUAGES: &[&str] = &["en", "hr", "zh", "th", "he"];

fn member(first: &str, family: &str, phone: &str, birthday: (u32, u32)) -> MemberDraft {
    MemberDraft {
        first_name: first.into(),
        family_name: family.into(),
        phone: Some(phone.into()),
        birthday: Some(Birthday {
            day: birthday.0,
            month: birthday.1,
            year: Some(1990),
        }),
        ..MemberDraft::default()
    }
}

fn club(lang: &str, members: bool) -> App {
    let mut ctx = if members { seeded_ctx() } else { empty_ctx() };
    let mut config = ctx.config.clone();
    config.shop.locale = lang.into();
    // A folder that is the same on every machine and holds no files.
    config.import.inbox = "no-such-inbox-folder".into();
    ctx.set_config(config);
    if members {
        let now = ctx.clock.now();
        for draft in [
            member("נועה", "כהן", "+972523456780", (25, 11)),
            member("สมศรี", "ใจดี", "+66812345678", (27, 11)),
            member("秀英", "彭", "+8613812345678", (28, 11)),
        ] {
            db::members::insert(&ctx.conn, &draft, &[Channel::Sms], now).unwrap();
        }
    }
    app(ctx)
}

fn list(app: &mut App) {
    key(app, KeyCode::Esc);
}

fn card(app: &mut App) {
    type_text(app, "Ana Kov");
    key(app, KeyCode::Enter);
}

/// Ana's card with a till customer linked to her: the list is below the
/// consent, so the card is cut at 80×24.
fn card_with_till_customer(app: &mut App) {
    app.conn()
        .execute_batch(
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, cust_card, cust_name, member_id)
             VALUES ('generic', 'L1', '2026-11-02', 900, 'sale', 'OLD-1', 'Ana K.', 1);
             INSERT INTO customer_links (kind, value, member_id, at)
             VALUES ('card', 'OLD-1', 1, '2026-11-23 10:00:00');",
        )
        .unwrap();
    card(app);
}

type Open = fn(&mut App);

/// Each screen and the keys that open it from the counter.
const SCREENS: &[(&str, Open)] = &[
    ("counter", |_| {}),
    ("search", |app| type_text(app, "an")),
    ("help", |app| type_text(app, "?")),
    ("card", card),
    ("card_purchases", |app| {
        card(app);
        key(app, KeyCode::Tab);
    }),
    ("points", |app| {
        card(app);
        type_text(app, "h");
    }),
    ("redeem", |app| {
        card(app);
        type_text(app, "r");
    }),
    ("card_more", |app| {
        card_with_till_customer(app);
        key(app, KeyCode::PageDown);
    }),
    ("card_unlink", |app| {
        card_with_till_customer(app);
        type_text(app, "u");
    }),
    ("adjust_below_zero", |app| {
        card(app);
        type_text(app, "h");
        type_text(app, "a-9999");
        key(app, KeyCode::Tab);
        type_text(app, "old card");
        key(app, KeyCode::Enter);
    }),
    ("consent_confirm", |app| {
        card(app);
        type_text(app, "sg");
    }),
    ("card_consent_history", |app| {
        // SMS withdrawn at the counter, then the card moved to its consent.
        card(app);
        type_text(app, "sgy");
        key(app, KeyCode::PageDown);
    }),
    ("child_form", |app| {
        card(app);
        type_text(app, "c");
    }),
    ("signup", |app| {
        list(app);
        type_text(app, "n");
    }),
    ("review", |app| key(app, KeyCode::F(2))),
    ("tiers", |app| {
        list(app);
        type_text(app, "t");
    }),
    ("import", |app| {
        list(app);
        type_text(app, "i");
    }),
    ("unmatched", |app| {
        list(app);
        type_text(app, "u");
    }),
    ("settings", |app| {
        list(app);
        type_text(app, "s");
    }),
    ("segments", |app| {
        list(app);
        type_text(app, "g");
        type_text(app, "pet=dog and children");
    }),
    ("segments_invalid", |app| {
        list(app);
        type_text(app, "g");
        type_text(app, "pet=dog and colour=red");
    }),
    ("setup", |app| app.first_start()),
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
fn every_screen_in_every_language() {
    for lang in LANGUAGES {
        let welcome = screen(&club(lang, false));
        assert_fits(&welcome, &format!("welcome in {lang}"));
        insta::assert_snapshot!(format!("welcome@{lang}"), welcome);
        for (name, open) in SCREENS {
            let mut app = club(lang, true);
            open(&mut app);
            let shown = screen(&app);
            assert_fits(&shown, &format!("{name} in {lang}"));
            insta::assert_snapshot!(format!("{name}@{lang}"), shown);
        }
    }
}

#[test]
fn no_screen_shows_an_english_key_name_in_another_language() {
    // A message key shown instead of its text ("ui-key-…") means a text
    // no locale file has.
    for lang in LANGUAGES {
        for (name, open) in SCREENS {
            let mut app = club(lang, true);
            open(&mut app);
            let shown = screen(&app);
            for word in ["ui-", "err-", "field-", "loyalty-", "review-"] {
                assert!(
                    !shown.contains(word),
                    "{name} in {lang} shows a key: {shown}"
                );
            }
        }
    }
}
