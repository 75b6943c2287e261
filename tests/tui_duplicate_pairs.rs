//! The Duplicates screen, opened with `d` from the counter's list: likely
//! pairs with why, Enter shows what merging would do, Tab swaps which one
//! is kept, `y` merges and the list is looked through again. Snapshots of
//! the list and the preview at 80×24 in every language.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::db;
use regulars::domain::member::MemberDraft;
use regulars::ops::duplicates::Why;
use regulars::ui::App;
use regulars::ui::screens::duplicate_pairs::DuplicatePairsState;
use regulars::words::text::width;
use tui_support::*;

const LANGUAGES: &[&str] = &["en", "hr", "zh", "th", "he"];

/// The seeded club with Ana signed up twice: once more with her phone
/// (before that was refused), her language, which the first record lacks,
/// and her cat.
fn club(lang: &str) -> App {
    let mut ctx = seeded_ctx();
    let mut config = ctx.config.clone();
    config.shop.locale = lang.into();
    config.import.inbox = "no-such-inbox-folder".into();
    ctx.set_config(config);
    let again = MemberDraft {
        first_name: "Ana".into(),
        family_name: "Kovac".into(),
        phone: Some("+385912345678".into()),
        language: Some("hr".into()),
        ..MemberDraft::default()
    };
    let now = ctx.clock.now();
    let again = db::members::insert(&ctx.conn, &again, &[], now).unwrap();
    ctx.conn
        .execute(
            "INSERT INTO pets (member_id, name, kind) VALUES (?1, 'Mici', 'cat')",
            [again],
        )
        .unwrap();
    let mut app = app(ctx);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "d");
    app
}

fn assert_fits(shown: &str, what: &str) {
    for line in shown.lines() {
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
fn a_pair_is_listed_previewed_swapped_and_merged() {
    let mut app = club("en");
    let state = front::<DuplicatePairsState>(&app);
    assert!(!state.is_finding());
    let pair = &state.pairs()[0];
    assert_eq!(pair.first.0, ANA);
    assert_eq!(pair.reasons[0].why, Why::Phone);
    let dropped = pair.second.0;
    assert!(screen(&app).contains("same phone"), "{}", screen(&app));

    key(&mut app, KeyCode::Enter);
    let preview = front::<DuplicatePairsState>(&app).preview().unwrap();
    assert_eq!((preview.keep.0, preview.drop.0), (ANA, dropped));
    let shown = screen(&app);
    assert!(
        shown.contains("Pets: 1") && shown.contains("Language: hr"),
        "{shown}"
    );
    // Tab keeps the other one; Tab again puts it back.
    key(&mut app, KeyCode::Tab);
    let preview = front::<DuplicatePairsState>(&app).preview().unwrap();
    assert_eq!((preview.keep.0, preview.drop.0), (dropped, ANA));
    key(&mut app, KeyCode::Tab);

    type_text(&mut app, "y");
    let shown = screen(&app);
    assert!(
        shown.contains(&format!("Merged member {dropped} into member {ANA}")),
        "{shown}"
    );
    let state = front::<DuplicatePairsState>(&app);
    assert!(state.preview().is_none());
    assert!(
        state.pairs().iter().all(|p| p.second.0 != dropped),
        "{:?}",
        state.pairs()
    );
    assert!(db::members::get(app.conn(), dropped).unwrap().is_none());
    let kept = db::members::get(app.conn(), ANA).unwrap().unwrap();
    assert_eq!(kept.draft.language.as_deref(), Some("hr"));
    let pets = db::members::pets(app.conn(), ANA).unwrap();
    assert!(pets.iter().any(|p| p.name == "Mici"), "{pets:?}");
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
}

#[test]
fn esc_on_the_preview_goes_back_to_the_list_and_nothing_is_merged() {
    let mut app = club("en");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    let state = front::<DuplicatePairsState>(&app);
    assert!(state.preview().is_none());
    assert_eq!(state.pairs().len(), 1);
    assert_eq!(db::members::count(app.conn()).unwrap(), 9);
}

#[test]
fn the_list_and_the_preview_in_every_language() {
    for lang in LANGUAGES {
        let mut app = club(lang);
        let shown = screen(&app);
        assert_fits(&shown, &format!("list in {lang}"));
        insta::assert_snapshot!(format!("duplicates@{lang}"), shown);
        key(&mut app, KeyCode::Enter);
        let shown = screen(&app);
        assert_fits(&shown, &format!("preview in {lang}"));
        for word in ["ui-", "merge-", "field-"] {
            assert!(!shown.contains(word), "{lang} shows a key: {shown}");
        }
        insta::assert_snapshot!(format!("duplicates_preview@{lang}"), shown);
    }
}
