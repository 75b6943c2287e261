//! No line of the counter, a member's card or the weekly review is wider
//! than an 80-column terminal when the club's names are Chinese and Thai
//! and the screens speak Chinese or Thai: wide characters count two
//! columns, Thai marks none, and nothing is cut inside a character.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::db;
use regulars::domain::member::{Birthday, Channel, MemberDraft};
use regulars::ui::App;
use regulars::ui::screens::review::ReviewState;
use regulars::words::text::width;
use tui_support::*;

fn member(first: &str, family: &str, birthday: Option<(u32, u32)>) -> MemberDraft {
    MemberDraft {
        first_name: first.into(),
        family_name: family.into(),
        phone: Some("+66812345678".into()),
        note: Some("喜欢深焙咖啡，每周五来 · ชอบกาแฟคั่วเข้ม มาทุกวันศุกร์".into()),
        birthday: birthday.map(|(day, month)| Birthday {
            month,
            day,
            year: Some(1988),
        }),
        ..MemberDraft::default()
    }
}

/// A club whose shop and members are named in Chinese and Thai, with
/// birthdays this week so the review has messages to wrap.
fn club(lang: &str) -> App {
    let mut ctx = seeded_ctx();
    let mut config = ctx.config.clone();
    config.shop.name = "爪子与书页咖啡馆 ร้านกาแฟอุ้งเท้าและหน้าหนังสือ".into();
    config.shop.locale = lang.into();
    ctx.set_config(config);
    let now = ctx.clock.now();
    let members = [
        member("玲", "高", Some((24, 11))),
        member("秀英", "彭", Some((25, 11))),
        member("สมศรี", "ใจดีมีทรัพย์สมบูรณ์", Some((26, 11))),
        member("ประเสริฐ", "วงศ์สวัสดิ์", None),
    ];
    for draft in &members {
        db::members::insert(&ctx.conn, draft, &[Channel::Sms], now).unwrap();
    }
    app(ctx)
}

fn assert_fits(app: &App, what: &str) {
    let shown = screen(app);
    for line in shown.lines() {
        // The test backend quotes each row, and may add after it which
        // cells a wide character covers: the row is inside the quotes.
        let row = line.strip_prefix('"').unwrap_or(line);
        let row = row.split("\" Hidden by").next().unwrap_or(row);
        let row = row.strip_suffix('"').unwrap_or(row);
        assert!(
            width(row) <= 80,
            "{what}: a row is {} wide\n{shown}",
            width(row)
        );
    }
}

#[test]
fn no_line_is_wider_than_the_terminal_in_chinese_or_thai() {
    // One test for both languages: the language is the process's, so the
    // two must not run side by side.
    for lang in ["zh", "th"] {
        let mut app = club(lang);
        assert_fits(&app, &format!("{lang} counter"));
        type_text(&mut app, "สมศรี");
        assert_fits(&app, &format!("{lang} counter with a Thai search"));
        for _ in 0.."สมศรี".chars().count() {
            key(&mut app, KeyCode::Backspace);
        }
        type_text(&mut app, "ana k");
        key(&mut app, KeyCode::Enter);
        assert!(open_member_name(&app).is_some(), "{}", screen(&app));
        assert_fits(&app, &format!("{lang} card"));
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::F(2));
        assert!(app.top::<ReviewState>().is_some(), "{}", screen(&app));
        assert_fits(&app, &format!("{lang} review"));
        for _ in 0..4 {
            key(&mut app, KeyCode::Down);
            assert_fits(&app, &format!("{lang} review, a row lower"));
        }
    }
}
