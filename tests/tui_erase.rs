//! Erasing a member from the card: the confirm names the member and says
//! what goes and what stays, in every language at 80×24; yes erases
//! through the same operation as `member erase`, no keeps everything.
//! Exporting a member's data from the card: asked first, then written
//! through the same operation as `member export`, beside the database.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::db;
use regulars::domain::member::{Channel, MemberDraft};
use regulars::ui::App;
use regulars::words::text::width;
use tui_support::*;

const LANGUAGES: &[&str] = &["en", "he", "hr", "zh", "th"];

/// The club of the other screens' snapshots in `lang`, with members named
/// in Hebrew, Thai and Chinese too.
fn club(lang: &str) -> App {
    let mut ctx = seeded_ctx();
    // Where the exports folder would be: the same on every machine.
    ctx.db_path = Some("club.db".into());
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

/// Opens the card of the member `search` finds first.
fn open_card(app: &mut App, search: &str) {
    type_text(app, search);
    key(app, KeyCode::Enter);
}

/// How many receipts the shop has and what they came to.
fn shop_totals(app: &App) -> (i64, i64) {
    app.conn()
        .query_row(
            "SELECT COUNT(*), COALESCE(SUM(total_minor), 0) FROM receipts",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap()
}

pub fn assert_fits(shown: &str, what: &str) {
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

/// No message key shown instead of its words, and the confirm's keys are
/// inside the window (the box grew to hold the whole question).
pub fn assert_worded(shown: &str, what: &str) {
    for word in ["ui-", "err-", "cli-"] {
        assert!(!shown.contains(word), "{what} shows a key: {shown}");
    }
    assert!(
        shown.lines().any(|l| l.contains("y ") && l.contains("n ")),
        "{what} has no yes/no keys: {shown}"
    );
}

#[test]
fn erase_from_the_card_forgets_the_member_and_keeps_the_shop_totals() {
    let mut app = app(seeded_ctx());
    let before = shop_totals(&app);
    open_card(&mut app, "ana k");
    type_text(&mut app, "d");
    let question = app.confirm_question().unwrap();
    assert!(question.starts_with("Erase Ana Kovač?"), "{question}");
    assert!(question.contains("points and tier"), "{question}");
    assert!(question.contains("do-not-contact list"), "{question}");

    type_text(&mut app, "y");
    assert!(is_counter(&app));
    assert_eq!(
        app.message().as_deref(),
        Some("Erased Ana Kovač. Their purchases stay, without a name.")
    );
    assert!(!names(&app).contains(&"Ana Kovač".to_string()));
    type_text(&mut app, "ana k");
    assert!(
        !names(&app).iter().any(|n| n.contains("Ana")),
        "{:?}",
        names(&app)
    );
    assert_eq!(shop_totals(&app), before);
    assert!(db::members::get(app.conn(), ANA).unwrap().is_none());
}

#[test]
fn no_and_esc_keep_everything() {
    let mut app = app(seeded_ctx());
    open_card(&mut app, "ana k");
    for answer in [KeyCode::Char('n'), KeyCode::Esc] {
        type_text(&mut app, "d");
        assert!(app.confirm_question().is_some());
        key(&mut app, answer);
        assert!(app.confirm_question().is_none());
        assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
    }
    let card = db::members::get(app.conn(), ANA).unwrap().unwrap();
    assert_eq!(card.draft.phone.as_deref(), Some("+385912345678"));
}

#[test]
fn the_erase_confirm_in_every_language() {
    for lang in LANGUAGES {
        let mut app = club(lang);
        open_card(&mut app, "Ana Kov");
        type_text(&mut app, "d");
        let shown = screen(&app);
        let what = format!("erase confirm in {lang}");
        assert_fits(&shown, &what);
        assert_worded(&shown, &what);
        insta::assert_snapshot!(format!("erase_confirm@{lang}"), shown);
    }
}

/// Ana in a club kept in a real file, so the export has a folder beside it.
fn club_on_disk(dir: &tempfile::TempDir) -> App {
    let path = dir.path().join("club.db");
    let ctx = regulars::context::Ctx::new(
        db::open(&path).unwrap(),
        regulars::clock::Clock::fixed(today()),
        config("HR"),
        Some(path),
    );
    let draft = MemberDraft {
        first_name: "Ana".into(),
        family_name: "Kovač".into(),
        phone: Some("+385912345678".into()),
        email: Some("ana.kovac@example.com".into()),
        ..MemberDraft::default()
    };
    db::members::insert(&ctx.conn, &draft, &[Channel::Sms], ctx.clock.now()).unwrap();
    app(ctx)
}

#[test]
fn export_from_the_card_writes_the_members_file_beside_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = club_on_disk(&dir);
    let exports = dir.path().join("exports");
    open_card(&mut app, "ana");
    // Not in the status bar (the card's hints fill it): the help names it.
    type_text(&mut app, "?");
    let help = screen(&app);
    let listed = |k: &str, words: &str| {
        help.lines()
            .any(|l| l.contains(&format!(" {k} ")) && l.contains(words))
    };
    assert!(listed("o", "export data") && listed("d", "erase"), "{help}");
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "o");
    let question = app.confirm_question().unwrap();
    assert!(question.contains("about Ana Kovač"), "{question}");
    assert!(
        question.contains(&exports.display().to_string()),
        "{question}"
    );
    // No writes nothing.
    type_text(&mut app, "n");
    assert!(!exports.exists());

    type_text(&mut app, "oy");
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
    let file = exports.join("member-1-2026-11-23.json");
    let note = app.message().unwrap();
    assert_eq!(
        note,
        format!("Everything stored about Ana Kovač is in {}", file.display())
    );
    let export: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(export["id"], 1);
    assert_eq!(export["erased"], false);
    assert_eq!(export["member"]["first_name"], "Ana");
    assert_eq!(export["member"]["email"], "ana.kovac@example.com");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn a_club_without_a_file_says_there_is_nowhere_to_export_to() {
    let mut app = app(seeded_ctx());
    open_card(&mut app, "ana k");
    type_text(&mut app, "o");
    assert!(app.confirm_question().is_none());
    assert_eq!(
        app.message().as_deref(),
        Some("This club is not kept in a file, so there is no exports folder to write to.")
    );
}

#[test]
fn the_export_confirm_in_every_language() {
    for lang in LANGUAGES {
        let mut app = club(lang);
        open_card(&mut app, "Ana Kov");
        type_text(&mut app, "o");
        let shown = screen(&app);
        let what = format!("export confirm in {lang}");
        assert_fits(&shown, &what);
        assert_worded(&shown, &what);
        assert!(shown.contains("exports"), "{what}: {shown}");
        insta::assert_snapshot!(format!("export_confirm@{lang}"), shown);
    }
}
