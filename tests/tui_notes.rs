//! Service notes at the counter: the card's list of notes, the flag on
//! the card's title, on the counter's row and in the weekly review, and
//! the forms that add a note (`n`, one key for its kind, the text, Enter)
//! and resolve an open one (`t`, ↑↓ when several wait, what was done,
//! Enter). Snapshots at 80×24 in every language the app speaks; no drawn
//! row wider than the window and no message key shown.

mod tui_support;

use chrono::NaiveDateTime;
use ratatui::crossterm::event::KeyCode;
use regulars::db;
use regulars::domain::note::{Note, NoteKind};
use regulars::ui::App;
use regulars::words::text::width;
use tui_support::*;

/// Hebrew reads right to left: every screen mirrored, checked like the rest.
const LANGUAGES: &[&str] = &["en", "hr", "zh", "th", "he"];

/// Ana Kovač is the first member of the seeded club.
const ANA: i64 = 1;

fn at(day: u32, hour: u32) -> NaiveDateTime {
    tui_support::day(2026, 11, day)
        .and_hms_opt(hour, 0, 0)
        .unwrap()
}

/// The seeded club in `lang`, Ana with a plain note, a complaint that was
/// resolved and a request still open.
fn club(lang: &str) -> App {
    let mut ctx = seeded_ctx();
    let mut config = ctx.config.clone();
    config.shop.locale = lang.into();
    config.import.inbox = "no-such-inbox-folder".into();
    ctx.set_config(config);
    let conn = &ctx.conn;
    let note = |kind, text, day| db::notes::insert(conn, ANA, kind, text, "cli", at(day, 10));
    note(NoteKind::Note, "Prefers paper bags, no plastic", 2).unwrap();
    let complaint = note(
        NoteKind::Complaint,
        "The beans were ground too fine for her moka pot",
        10,
    )
    .unwrap();
    db::notes::resolve(
        conn,
        complaint,
        "Ground a new bag free of charge",
        at(12, 9),
    )
    .unwrap();
    note(NoteKind::Request, "Wants the Ethiopian beans back", 20).unwrap();
    app(ctx)
}

fn card(app: &mut App) {
    type_text(app, "Ana Kov");
    key(app, KeyCode::Enter);
    assert_eq!(open_member_name(app).as_deref(), Some("Ana Kovač"));
}

fn notes_of(app: &App, member: i64) -> Vec<Note> {
    db::notes::list(app.conn(), Some(member), false).unwrap()
}

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

type Open = fn(&mut App);

/// Each view of the notes and the keys that open it from the counter.
const SCREENS: &[(&str, Open)] = &[
    ("notes_card", card),
    ("note_kind", |app| {
        card(app);
        type_text(app, "n");
    }),
    ("note_text", |app| {
        card(app);
        type_text(app, "nc");
        type_text(app, "Bag tore at the handle");
    }),
    ("note_resolve", |app| {
        card(app);
        type_text(app, "t");
        type_text(app, "Ordered, arrives Friday");
    }),
    ("notes_counter", |_| {}),
    ("notes_review", |app| {
        key(app, KeyCode::F(2));
        // The open notes are the review's last part.
        for _ in 0..4 {
            key(app, KeyCode::Tab);
        }
    }),
];

#[test]
fn notes_in_every_language() {
    for lang in LANGUAGES {
        for (name, open) in SCREENS {
            let mut app = club(lang);
            open(&mut app);
            let shown = screen(&app);
            assert_fits(&shown, &format!("{name} in {lang}"));
            for word in ["ui-", "err-", "note-", "review-"] {
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
fn the_card_lists_notes_newest_first_and_flags_the_open_request() {
    let mut app = club("en");
    card(&mut app);
    let shown = screen(&app);
    assert!(shown.contains("⚑ open request"), "{shown}");
    let request = shown.find("Wants the Ethiopian").expect("the request");
    let complaint = shown.find("ground too fine").expect("the complaint");
    let plain = shown.find("Prefers paper bags").expect("the note");
    assert!(request < complaint && complaint < plain, "{shown}");
    assert!(shown.contains("✓ resolved 12 Nov 2026"), "{shown}");
}

#[test]
fn n_then_c_then_the_text_and_enter_save_an_open_complaint() {
    let mut app = club("en");
    card(&mut app);
    type_text(&mut app, "nc");
    type_text(&mut app, "Bag tore at the handle");
    key(&mut app, KeyCode::Enter);
    let notes = notes_of(&app, ANA);
    let newest = &notes[0];
    assert_eq!(newest.kind, NoteKind::Complaint);
    assert_eq!(newest.text, "Bag tore at the handle");
    assert_eq!(newest.by, "counter");
    assert!(newest.is_open());
    assert_eq!(notes.len(), 4);
    // The card shows again with it, flagged on its title.
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
    let shown = screen(&app);
    assert!(shown.contains("⚑ open complaint"), "{shown}");
    assert!(shown.contains("Bag tore at the handle"), "{shown}");
    assert!(app.message().unwrap_or_default().contains("Complaint"));
}

#[test]
fn a_blank_note_is_refused_under_the_field_and_nothing_is_saved() {
    let mut app = club("en");
    card(&mut app);
    type_text(&mut app, "nn");
    type_text(&mut app, "   ");
    key(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("The note is empty"));
    assert_eq!(notes_of(&app, ANA).len(), 3);
    // Esc leaves the form, still nothing saved, the card keys work again.
    key(&mut app, KeyCode::Esc);
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
    assert_eq!(notes_of(&app, ANA).len(), 3);
    assert!(!screen(&app).contains("The note is empty"));
}

#[test]
fn esc_before_the_kind_adds_nothing_and_letters_are_no_text_there() {
    let mut app = club("en");
    card(&mut app);
    type_text(&mut app, "nx");
    key(&mut app, KeyCode::Esc);
    assert_eq!(notes_of(&app, ANA).len(), 3);
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
}

#[test]
fn t_resolves_the_only_open_one_with_what_was_done() {
    let mut app = club("en");
    card(&mut app);
    type_text(&mut app, "t");
    type_text(&mut app, "Ordered, arrives Friday");
    key(&mut app, KeyCode::Enter);
    let request = notes_of(&app, ANA)
        .into_iter()
        .find(|n| n.kind == NoteKind::Request)
        .unwrap();
    assert_eq!(
        request.resolution.as_deref(),
        Some("Ordered, arrives Friday")
    );
    assert_eq!(request.resolved_at.map(|t| t.date()), Some(today()));
    let shown = screen(&app);
    assert!(!shown.contains("⚑"), "{shown}");
    assert!(shown.contains("resolved 23 Nov 2026: Ordered,"), "{shown}");
}

#[test]
fn with_several_open_the_arrows_pick_which_one_is_resolved() {
    let mut app = club("en");
    db::notes::insert(
        app.conn(),
        ANA,
        NoteKind::Complaint,
        "Card reader charged twice",
        "cli",
        at(22, 8),
    )
    .unwrap();
    card(&mut app);
    assert!(screen(&app).contains("⚑ open complaint"));
    // Newest first: the complaint, then the request; ↓ picks the request.
    type_text(&mut app, "t");
    key(&mut app, KeyCode::Down);
    type_text(&mut app, "Back in stock");
    key(&mut app, KeyCode::Enter);
    let open: Vec<String> = notes_of(&app, ANA)
        .into_iter()
        .filter(Note::is_open)
        .map(|n| n.text)
        .collect();
    assert_eq!(open, vec!["Card reader charged twice".to_string()]);
}

#[test]
fn t_with_nothing_open_says_so() {
    let mut app = club("en");
    type_text(&mut app, "Nada");
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Nada Jurić"));
    type_text(&mut app, "t");
    let said = app.message().unwrap_or_default();
    assert!(said.contains("No open request or complaint"), "{said}");
    assert_eq!(open_member_name(&app).as_deref(), Some("Nada Jurić"));
}

#[test]
fn the_counter_flags_only_members_with_something_open() {
    let mut app = club("en");
    let flagged: Vec<String> = app
        .counter()
        .rows()
        .iter()
        .filter(|r| r.open_notes > 0)
        .map(|r| r.member.first_name.clone())
        .collect();
    assert_eq!(flagged, vec!["Ana".to_string()]);
    assert!(screen(&app).contains("⚑ Ana Kovač"));
    // Resolved at the card, the flag is gone from the counter too.
    card(&mut app);
    type_text(&mut app, "t");
    type_text(&mut app, "Ordered");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    assert!(app.counter().rows().iter().all(|r| r.open_notes == 0));
    assert!(!screen(&app).contains("⚑"));
}

#[test]
fn the_review_lists_who_waits_and_enter_opens_their_card() {
    let mut app = club("en");
    key(&mut app, KeyCode::F(2));
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab);
    }
    let shown = screen(&app);
    assert!(shown.contains("Unresolved (1)"), "{shown}");
    assert!(shown.contains("Wants the Ethiopian beans back"), "{shown}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
}
