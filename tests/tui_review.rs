//! The weekly review as the owner uses it on a Monday: the 7/14/30-day
//! lists grouped by day, a contacted row greyed, lapsed regulars, records
//! missing data, the year-end window, copy and export.

mod review_support;
mod tui_support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;
use regulars::clock::Clock;
use regulars::context::Ctx;
use regulars::db;
use regulars::domain::family::BirthInfo;
use regulars::domain::member::Channel;
use regulars::ui::App;
use regulars::ui::screens::review::ReviewState;

use review_support::*;
use tui_support::*;

#[test]
fn seven_days_grouped_by_day_with_consent_and_message() {
    let app = review_app();
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn d_widens_to_fourteen_and_thirty_days() {
    let mut app = review_app();
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(review(&app).days(), 14);
    insta::assert_snapshot!("fourteen_days", screen(&app));
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(review(&app).days(), 30);
    insta::assert_snapshot!("thirty_days", screen(&app));
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(review(&app).days(), 7);
}

/// The row's cells as the terminal gets them: text and foreground colour.
fn row_with(app: &App, text: &str) -> (String, Option<Color>) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    for y in 0..24 {
        let line: String = (0..80)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        if line.contains(text) {
            return (line, Some(buffer[(10, y)].fg));
        }
    }
    (String::new(), None)
}

#[test]
fn a_contacted_row_is_greyed_and_stays_so_until_next_year() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("club.db");
    let ctx = Ctx::new(
        db::open(&path).unwrap(),
        Clock::fixed(today()),
        config("HR"),
        None,
    );
    club(&ctx.conn);
    let mut app = app(ctx);
    open_review(&mut app);
    // Maya's household is the first row; she agreed to SMS only.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('c'));
    insta::assert_snapshot!("choose_channel", screen(&app));
    key(&mut app, KeyCode::Enter);
    assert!(
        app.message().unwrap().contains("Maya Cohen"),
        "{:?}",
        app.message()
    );
    key(&mut app, KeyCode::Down);
    insta::assert_snapshot!("contacted_row", screen(&app));
    let (line, fg) = row_with(&app, "Maya Cohen turns 40");
    assert!(line.contains("✓ SMS 23 Nov"), "{line}");
    assert_eq!(fg, Some(Color::DarkGray));

    // Opening the review again reads the mark from the contact log.
    key(&mut app, KeyCode::Esc);
    open_review(&mut app);
    assert!(row_with(&app, "Maya Cohen turns 40").0.contains('✓'));
    let logged: (String, String, String) = app
        .conn()
        .query_row("SELECT what, for_date, channel FROM contact_log", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(
        logged,
        ("birthday".into(), "2026-11-24".into(), "sms".into())
    );

    // A year later the same birthday is a new row.
    let ctx = Ctx::new(
        db::open(&path).unwrap(),
        Clock::fixed(day(2027, 11, 22)),
        config("HR"),
        None,
    );
    let mut next_year = regulars::ui::App::new(ctx, regulars::ui::Theme::colored()).unwrap();
    open_review(&mut next_year);
    let (line, fg) = row_with(&next_year, "Maya Cohen turns 41");
    assert!(!line.contains('✓'), "{line}");
    assert_ne!(fg, Some(Color::DarkGray));
}

#[test]
fn without_consent_only_spoken_to_in_the_shop() {
    let mut app = review_app();
    // Jakob (today, first row) agreed to nothing.
    key(&mut app, KeyCode::Char('c'));
    let text = screen(&app);
    // The popup's own columns (56 wide, centred) of the lines it covers.
    let popup: Vec<String> = text
        .lines()
        .skip_while(|l| !l.contains('╭'))
        .take_while(|l| !l.contains('╰'))
        .map(|l| l.chars().skip(13).take(56).collect())
        .collect();
    let popup = popup.join("\n");
    assert!(popup.contains("▶ spoken to in the shop"), "{text}");
    assert!(popup.contains("No consent to messages"), "{text}");
    assert!(!popup.contains("SMS") && !popup.contains("Email"), "{text}");
    key(&mut app, KeyCode::Enter);
    let channel: String = app
        .conn()
        .query_row("SELECT channel FROM contact_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(channel, "shop");
}

#[test]
fn lapsed_missing_and_near_tier_sections() {
    let mut app = review_app();
    key(&mut app, KeyCode::Tab);
    let near_tier = screen(&app);
    assert!(
        near_tier.contains("Loyalty is not set up yet"),
        "{near_tier}"
    );
    key(&mut app, KeyCode::Tab);
    insta::assert_snapshot!("lapsed", screen(&app));
    key(&mut app, KeyCode::Tab);
    insta::assert_snapshot!("missing_data", screen(&app));
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::BackTab);
    assert_eq!(
        review(&app).section(),
        regulars::domain::review::Section::Birthdays
    );
}

#[test]
fn the_year_end_window_crosses_into_january() {
    let ctx = Ctx::new(
        db::open_in_memory().unwrap(),
        Clock::fixed(day(2026, 12, 28)),
        config("HR"),
        None,
    );
    let conn = &ctx.conn;
    member(conn, "Eli", "Levi", Some((27, 12, None)), &[]);
    let maya = member(
        conn,
        "Maya",
        "Cohen",
        Some((2, 1, Some(1987))),
        &[Channel::Email],
    );
    db::members::add_child(
        conn,
        maya,
        "Noam",
        Some("boy"),
        BirthInfo::Born(day(2020, 12, 30)),
    )
    .unwrap();
    member(conn, "Dan", "Mor", Some((11, 1, None)), &[]);
    member(conn, "Tal", "Ben", Some((12, 1, None)), &[]);
    member(conn, "Leap", "Year", Some((29, 2, Some(1996))), &[]);
    let mut app = app(ctx);
    open_review(&mut app);
    key(&mut app, KeyCode::Char('d'));
    insta::assert_snapshot!("year_end", screen(&app));
}

#[test]
fn y_copies_the_message_through_the_terminal() {
    let mut app = review_app();
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('y'));
    let sequence = app.take_terminal_output().expect("an OSC 52 sequence");
    assert!(sequence.starts_with("\x1b]52;c;") && sequence.ends_with('\x07'));
    assert!(app.message().unwrap().contains("Maya"));
    assert_eq!(app.take_terminal_output(), None);
}

#[test]
fn x_exports_only_consented_contact_details_into_the_export_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("club.db");
    let mut config = config("HR");
    config.shop.export_dir = dir.path().display().to_string();
    let ctx = Ctx::new(
        db::open(&path).unwrap(),
        Clock::fixed(today()),
        config,
        None,
    );
    club(&ctx.conn);
    let mut app = app(ctx);
    open_review(&mut app);
    let read = |file: &str| {
        let csv = std::fs::read_to_string(dir.path().join(file)).unwrap();
        csv.strip_prefix('\u{FEFF}')
            .expect("a UTF-8 byte order mark")
            .to_string()
    };
    // SMS, as CSV: the step opens on these and Enter writes.
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Enter);
    let file = "regulars-birthdays-7-days-sms-2026-11-23.csv";
    let note = app.message().unwrap().to_string();
    assert!(note.contains(file), "{note}");
    let csv = read(file);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "first_name,family_name,phone,language,reason,date,message"
    );
    // Maya agreed to SMS: her phone, not her email. Jakob agreed to
    // nothing and Ana to email only: not on the list.
    let maya = lines.iter().find(|l| l.starts_with("Maya,Cohen,")).unwrap();
    assert!(
        maya.contains(",091") && !maya.contains("maya@example.com"),
        "{maya}"
    );
    assert!(!csv.contains("Jakob") && !csv.contains("Ana"), "{csv}");
    assert!(note.contains("left out"), "{note}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let file = dir.path().join(file);
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // Email: Ana only.
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Enter);
    let csv = read("regulars-birthdays-7-days-email-2026-11-23.csv");
    let ana = csv.lines().find(|l| l.starts_with("Ana,Kovač,")).unwrap();
    assert!(ana.contains(",ana@example.com,"), "{ana}");
    assert!(!csv.contains("Maya") && !csv.contains("Jakob"), "{csv}");
    // Esc leaves the step without writing.
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Esc);
    assert!(
        !dir.path()
            .join("regulars-birthdays-7-days-sms-2026-11-23.vcf")
            .exists()
    );
}

#[test]
fn enter_opens_the_card_and_esc_comes_back_to_the_review() {
    let mut app = review_app();
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('c'));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Maya Cohen"));
    let card = screen(&app);
    assert!(card.contains("Contacted"), "{card}");
    assert!(card.contains("23 Nov 2026 · SMS · birthday wish"), "{card}");
    let status = card.lines().last().unwrap();
    assert!(status.contains("Esc back to the review"), "{status}");
    key(&mut app, KeyCode::Esc);
    assert!(app.top::<ReviewState>().is_some());
    assert_eq!(review(&app).selected_index(), 1);
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
}

#[test]
fn the_counter_marks_a_childs_or_pets_day_within_a_week() {
    let ctx = empty_ctx();
    club(&ctx.conn);
    let app = app(ctx);
    let text = screen(&app);
    let ivo = text.lines().find(|l| l.contains("Ivo Horvat")).unwrap();
    assert!(ivo.contains("Sat Bo"), "{ivo}");
    let maya = text.lines().find(|l| l.contains("Maya Cohen")).unwrap();
    assert!(maya.contains("🎂 Tue") && !maya.contains("Noam"), "{maya}");
}

#[test]
fn f2_opens_the_review_while_typing_and_w_is_search_text_there() {
    let ctx = empty_ctx();
    club(&ctx.conn);
    let mut app = app(ctx);
    key(&mut app, KeyCode::Char('w'));
    assert_eq!(app.counter().query(), "w");
    key(&mut app, KeyCode::F(2));
    assert!(app.top::<ReviewState>().is_some());
}

#[test]
fn a_feb29_birthday_on_feb_28_says_so() {
    let ctx = Ctx::new(
        db::open_in_memory().unwrap(),
        Clock::fixed(day(2027, 2, 26)),
        config("HR"),
        None,
    );
    member(&ctx.conn, "Leap", "Year", Some((29, 2, Some(1996))), &[]);
    let mut app = app(ctx);
    open_review(&mut app);
    let (line, _) = row_with(&app, "Leap Year");
    assert!(line.contains("Sun 28 Feb"), "{line}");
    assert!(line.contains("Leap Year turns 31 (born 29 Feb)"), "{line}");
}

#[test]
fn an_edit_from_a_card_of_the_review_saves_back_to_the_card_then_the_review() {
    let mut app = review_app();
    key(&mut app, KeyCode::Enter);
    let name = open_member_name(&app).unwrap();
    type_text(&mut app, "e");
    assert_eq!(app.depth(), 3, "review, card, form");
    key(&mut app, KeyCode::Enter);
    // The club's made-up phones are shared, and a phone another member
    // holds is refused: back at the phone field, give Jakob his own.
    key(&mut app, KeyCode::Esc);
    for _ in 0..20 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "098 765 4321");
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app), Some(name), "{}", screen(&app));
    assert_eq!(app.depth(), 2, "the form closed onto the card");
    key(&mut app, KeyCode::Esc);
    assert!(app.top::<ReviewState>().is_some(), "{}", screen(&app));
}
