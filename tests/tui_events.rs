//! The Events screen (`e` on the counter's list) and an event's page, at
//! 80×24 in every language: the list of events, an event with its 90 days
//! after and its check list; adding an event, marking who came, inviting
//! a segment into the exports folder beside the database, and `a` on the
//! member card, each through the same operations as the command line.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::clock::Clock;
use regulars::context::Ctx;
use regulars::db;
use regulars::domain::member::{Channel, MemberDraft};
use regulars::ops::events;
use regulars::ui::App;
use regulars::ui::screens::event::EventState;
use regulars::ui::screens::event_pick::EventPickState;
use regulars::ui::screens::events::EventsState;
use regulars::words::text::width;
use tempfile::TempDir;
use tui_support::*;

const LANGUAGES: &[&str] = &["en", "hr", "zh", "th", "he"];

fn person(ctx: &Ctx, first: &str, family: &str, phone: &str, consents: &[Channel]) -> i64 {
    let draft = MemberDraft {
        first_name: first.into(),
        family_name: family.into(),
        phone: Some(phone.into()),
        area: Some("10000".into()),
        ..MemberDraft::default()
    };
    let id = db::members::insert(&ctx.conn, &draft, consents, ctx.clock.now()).unwrap();
    ctx.conn
        .execute(
            "UPDATE members SET joined_at = '2025-01-01' WHERE id = ?1",
            [id],
        )
        .unwrap();
    id
}

fn receipt(ctx: &Ctx, member: i64, date: &str, total: i64) {
    let kind = if total < 0 { "refund" } else { "sale" };
    ctx.conn
        .execute(
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
             VALUES ('generic', ?1, ?2, ?3, ?4, ?5)",
            (
                format!("{member}-{date}-{total}"),
                date,
                total,
                kind,
                member,
            ),
        )
        .unwrap();
}

/// A club on a temp file in `lang`: Ana and Noa invited to the puppy
/// morning in June, Ana and 秀英 (not invited) came; Somchai active and
/// not invited; a tasting ahead in December.
fn club(lang: &str) -> (TempDir, App) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("club.db");
    let mut config = config("HR");
    config.shop.locale = lang.into();
    config.import.inbox = "no-such-inbox-folder".into();
    let ctx = Ctx::new(
        db::open(&path).unwrap(),
        Clock::fixed(today()),
        config,
        Some(path),
    );
    let ana = person(&ctx, "Ana", "Kovač", "+385911111111", &[Channel::Sms]);
    let noa = person(&ctx, "נועה", "כהן", "+972523456780", &[Channel::Sms]);
    let xiu = person(&ctx, "秀英", "彭", "+8613812345678", &[]);
    let som = person(&ctx, "สมชาย", "ใจดี", "+66812345678", &[]);
    receipt(&ctx, ana, "2026-06-01", 1000);
    receipt(&ctx, ana, "2026-06-20", 3000);
    receipt(&ctx, ana, "2026-06-25", -500);
    receipt(&ctx, xiu, "2026-07-01", 1200);
    receipt(&ctx, noa, "2026-05-20", 800);
    receipt(&ctx, som, "2026-05-10", 900);
    receipt(&ctx, som, "2026-08-10", 2000);
    let puppy = events::add(&ctx, "Puppy morning", "2026-06-10", Some(10)).unwrap();
    events::add(&ctx, "Tasting", "2026-12-05", None).unwrap();
    let out = dir.path().join("puppy.csv");
    regulars::ops::event_invite::invite(&ctx, puppy.id, "area=10000", Channel::Sms, Some(&out))
        .unwrap();
    events::attend(&ctx, puppy.id, ana, "cli").unwrap();
    events::attend(&ctx, puppy.id, xiu, "cli").unwrap();
    let mut app = app(ctx);
    press(&mut app, KeyCode::Esc);
    typed(&mut app, "e");
    (dir, app)
}

/// Waits for the screen in front to have read what it reads on a worker
/// (the club is a file, so its lists are read beside the window).
fn settle(app: &mut App) {
    let start = std::time::Instant::now();
    while app.working() {
        assert!(
            start.elapsed().as_secs() < 60,
            "still working:\n{}",
            screen(app)
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        app.poll_work();
    }
}

fn press(app: &mut App, code: KeyCode) {
    key(app, code);
    settle(app);
}

fn typed(app: &mut App, text: &str) {
    type_text(app, text);
    settle(app);
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
    for word in ["ui-", "event-", "err-"] {
        assert!(!shown.contains(word), "{what} shows a key: {shown}");
    }
}

#[test]
fn the_events_list_and_an_event_in_every_language() {
    for lang in LANGUAGES {
        let (_dir, mut app) = club(lang);
        let list = front::<EventsState>(&app);
        assert_eq!(list.rows().len(), 2);
        assert_eq!(list.rows()[1].invited, 2);
        let shown = screen(&app);
        assert_fits(&shown, &format!("events@{lang}"));
        insta::assert_snapshot!(format!("events@{lang}"), shown);

        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Enter);
        let page = front::<EventState>(&app);
        let after = page.page().expect("the figures are read").after;
        // Ana: 1 visit, 30.00 − 5.00; 秀英: 1 visit, 12.00.
        assert_eq!((after.attended.members, after.attended.visits), (2, 2));
        assert_eq!(after.attended.spend_minor, 3700);
        assert_eq!((after.others.members, after.others.spend_minor), (1, 2000));
        let shown = screen(&app);
        assert_fits(&shown, &format!("event@{lang}"));
        insta::assert_snapshot!(format!("event@{lang}"), shown);
    }
}

#[test]
fn a_new_event_is_typed_in_a_form_and_a_mistake_is_named_at_its_field() {
    let (_dir, mut app) = club("en");
    typed(&mut app, "n");
    typed(&mut app, "Reading hour");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "31.2.2026");
    press(&mut app, KeyCode::Enter);
    let shown = screen(&app);
    assert!(shown.contains("not a date"), "{shown}");
    for _ in 0..9 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "12.12.2026");
    press(&mut app, KeyCode::Tab);
    typed(&mut app, "15");
    press(&mut app, KeyCode::Enter);
    let list = front::<EventsState>(&app);
    let first = &list.rows()[0].event;
    assert_eq!(
        (first.name.as_str(), first.capacity),
        ("Reading hour", Some(15))
    );
    assert_eq!(first.date.to_string(), "2026-12-12");
    assert!(app.message().unwrap().contains("Reading hour"));
}

#[test]
fn space_marks_who_came_and_i_invites_a_segment_into_the_exports_folder() {
    let (dir, mut app) = club("en");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let names: Vec<String> = front::<EventState>(&app)
        .guests()
        .iter()
        .map(|g| g.name.clone())
        .collect();
    let noa = names.iter().position(|n| n.contains("נועה")).unwrap();
    for _ in 0..noa {
        press(&mut app, KeyCode::Down);
    }
    typed(&mut app, " ");
    let page = front::<EventState>(&app);
    assert!(page.guests()[noa].came);
    assert_eq!(page.page().unwrap().attended.len(), 3);
    typed(&mut app, " ");
    assert_eq!(front::<EventState>(&app).page().unwrap().attended.len(), 2);

    typed(&mut app, "i");
    typed(&mut app, "area=10000");
    press(&mut app, KeyCode::Enter);
    let said = app.message().unwrap();
    let file = std::fs::canonicalize(dir.path().join("exports"))
        .unwrap()
        .join("regulars-puppy-morning-sms-2026-11-23.csv");
    assert!(said.contains("2 members invited"), "{said}");
    assert!(said.contains(&file.display().to_string()), "{said}");
    let list = std::fs::read_to_string(&file).unwrap();
    assert!(list.contains("Ana") && !list.contains("秀英"), "{list}");

    // A segment that does not read stays on the form, named.
    typed(&mut app, "i");
    typed(&mut app, "colour=red");
    press(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("colour"));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(app.top::<EventsState>().is_some());
}

#[test]
fn a_on_the_card_marks_todays_event_or_asks_which() {
    let (_dir, mut app) = club("en");
    press(&mut app, KeyCode::Esc);
    typed(&mut app, "Ana");
    press(&mut app, KeyCode::Enter);
    // No event today: the latest up to today are offered.
    typed(&mut app, "a");
    let picker = front::<EventPickState>(&app);
    let offered: Vec<&str> = picker.events().iter().map(|e| e.name.as_str()).collect();
    assert_eq!(offered, vec!["Puppy morning"]);
    press(&mut app, KeyCode::Enter);
    assert!(open_member_name(&app).is_some());
    assert!(
        app.message().unwrap().contains("already"),
        "{:?}",
        app.message()
    );

    // One event today: `a` marks it at once.
    app.conn()
        .execute(
            "INSERT INTO events (name, on_date, created_at)
             VALUES ('Knitting circle', '2026-11-23', '2026-11-23 09:00:00')",
            [],
        )
        .unwrap();
    let id = app.conn().last_insert_rowid();
    typed(&mut app, "a");
    let said = app.message().unwrap();
    assert!(said.contains("Ana Kovač came to Knitting circle"), "{said}");
    let came: i64 = app
        .conn()
        .query_row(
            "SELECT count(*) FROM event_attendance WHERE event_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(came, 1);
}

#[test]
fn the_forms_fit_and_are_worded_in_every_language() {
    for lang in LANGUAGES {
        let (_dir, mut app) = club(lang);
        typed(&mut app, "n");
        let form = screen(&app);
        assert_fits(&form, &format!("new event@{lang}"));
        assert!(form.contains('┐') && app.active_keymaps().1, "{form}");
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Enter);
        typed(&mut app, "i");
        typed(&mut app, "pet=dog");
        press(&mut app, KeyCode::Tab);
        let invite = screen(&app);
        assert_fits(&invite, &format!("invite@{lang}"));
        assert!(invite.contains("pet=dog"), "{invite}");
    }
}
