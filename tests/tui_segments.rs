//! The Segments screen, opened with `g` from the counter's list: the count
//! follows each keystroke, a mistake is named under the field, and an
//! expression is saved under a name and loaded again from the list, and
//! the contacts of a segment are exported beside the database.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::ops::segments::Counted;
use regulars::ui::screens::segments::{Outcome, SegmentsState};
use tui_support::*;

fn segments() -> regulars::ui::App {
    let mut app = app(seeded_ctx());
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "g");
    app
}

fn count(app: &regulars::ui::App) -> Option<u64> {
    match front::<SegmentsState>(app).outcome() {
        Outcome::Count(Counted { count, .. }) => Some(*count),
        _ => None,
    }
}

#[test]
fn the_count_follows_each_keystroke() {
    let mut app = segments();
    assert_eq!(front::<SegmentsState>(&app).outcome(), &Outcome::Empty);
    type_text(&mut app, "pet");
    // Ana is the one member with pets.
    assert_eq!(count(&app), Some(1));
    type_text(&mut app, " or not pet");
    assert_eq!(count(&app), Some(8));
    assert!(screen(&app).contains("= 8 members"), "{}", screen(&app));
}

#[test]
fn a_mistake_is_named_under_the_field() {
    let mut app = segments();
    type_text(&mut app, "pet=dog and colour=red");
    let Outcome::Problem(problem) = front::<SegmentsState>(&app).outcome() else {
        panic!("no problem shown");
    };
    assert_eq!(problem.key(), "segment-err-unknown-word");
    let shown = screen(&app);
    assert!(
        shown.contains("Unknown word “colour” at character 13"),
        "{shown}"
    );
    // Enter does not save it; the problem is said again.
    key(&mut app, KeyCode::Enter);
    assert!(
        app.conn()
            .query_row("SELECT count(*) FROM segments", [], |r| r.get::<_, i64>(0))
            .unwrap()
            == 0
    );
}

#[test]
fn saved_under_a_name_and_loaded_from_the_list() {
    let mut app = segments();
    type_text(&mut app, "children");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "families");
    key(&mut app, KeyCode::Enter);
    assert!(
        screen(&app).contains("families  children"),
        "{}",
        screen(&app)
    );
    // Another expression, then the saved one loaded back.
    for _ in 0.."children".len() {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "pet=cat");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    let state = front::<SegmentsState>(&app);
    assert_eq!(count(&app), Some(1));
    assert!(screen(&app).contains("children"));
    assert!(matches!(state.outcome(), Outcome::Count(_)));
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
}

/// A club in a real file: the export folder is beside it.
fn club_on_disk(dir: &tempfile::TempDir) -> regulars::ui::App {
    use regulars::domain::member::{Channel, MemberDraft};
    let path = dir.path().join("club.db");
    let ctx = regulars::context::Ctx::new(
        regulars::db::open(&path).unwrap(),
        regulars::clock::Clock::fixed(today()),
        config("HR"),
        Some(path),
    );
    let now = ctx.clock.now();
    for (first, phone, consent) in [
        ("Ana", "+385912345678", vec![Channel::Sms]),
        ("Iva", "+385913333333", vec![Channel::Email]),
        ("Eva", "+385914444444", vec![Channel::Sms]),
    ] {
        let draft = MemberDraft {
            first_name: first.into(),
            family_name: "Kovač".into(),
            phone: Some(phone.into()),
            email: Some(format!("{}@example.com", first.to_lowercase())),
            ..MemberDraft::default()
        };
        regulars::db::members::insert(&ctx.conn, &draft, &consent, now).unwrap();
    }
    regulars::db::members::add_pet(
        &ctx.conn,
        3,
        "Rex",
        "dog",
        regulars::domain::family::BirthInfo::Unknown,
    )
    .unwrap();
    let mut app = app(ctx);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "g");
    app
}

#[test]
fn a_segments_contacts_are_written_beside_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = club_on_disk(&dir);
    let exports = dir.path().join("exports");
    // Nothing typed: nothing to export, and it says so.
    key(&mut app, KeyCode::F(5));
    assert!(app.message().unwrap().contains("Type a segment first"));
    type_text(&mut app, "not pet");
    key(&mut app, KeyCode::F(5));
    assert!(
        screen(&app).contains("1 member will be written; 1 member left out without consent"),
        "{}",
        screen(&app)
    );
    key(&mut app, KeyCode::Enter);
    let file = std::fs::canonicalize(&exports)
        .unwrap()
        .join("regulars-segment-sms-2026-11-23.csv");
    let note = app.message().unwrap().to_string();
    assert!(note.contains(&file.display().to_string()), "{note}");
    assert!(
        note.contains("1 member written") && note.contains("1 member left out"),
        "{note}"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        text,
        "\u{FEFF}first_name,family_name,phone,language\nAna,Kovač,091 234 5678,\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    // Saved, then exported from the list with x: email, vCard.
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "No pets");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "x");
    type_text(&mut app, "ev");
    key(&mut app, KeyCode::Enter);
    let card =
        std::fs::read_to_string(exports.join("regulars-no-pets-email-2026-11-23.vcf")).unwrap();
    assert!(
        card.contains("FN:Iva Kovač\r\n") && card.contains("EMAIL:iva@example.com\r\n"),
        "{card}"
    );
    assert!(!card.contains("Ana") && !card.contains("Eva"), "{card}");
    // Esc leaves the step and the screen as it was.
    key(&mut app, KeyCode::F(5));
    key(&mut app, KeyCode::Esc);
    assert!(screen(&app).contains("Segments"), "{}", screen(&app));
}
