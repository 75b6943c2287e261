//! The member card lists the till customers linked to the member and
//! unlinks one after a yes/no; a card longer than the window says
//! "↓ more" and scrolls, saying "↑ more" once scrolled.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::context::Ctx;
use regulars::db;
use regulars::db::receipts::{Identity, member_for};
use regulars::domain::family::BirthInfo;
use regulars::ops::till_customers;
use regulars::ui::App;
use regulars::ui::screens::member::MemberState;
use tui_support::*;

/// Ana's old loyalty card and a phone the till wrote with her name.
const TILL: &str = "receipt_id,time,total,card,phone,name,item,qty,amount
R1,2026-11-02T10:05:00,40.00,OLD-1,,Ana K.,Beans,2,40.00
R2,2026-11-09T10:15:00,22.00,OLD-1,,Ana K.,Beans,1,22.00
R3,2026-11-16T10:10:00,18.00,,091 444 5555,Ana Kovac,Mug,1,18.00
";

fn club_with_links() -> Ctx {
    let mut ctx = seeded_ctx();
    import_text(&mut ctx, "till.csv", TILL);
    till_customers::link(&ctx, Identity::Card, "OLD-1", ANA).unwrap();
    till_customers::link(&ctx, Identity::Phone, "+385914445555", ANA).unwrap();
    ctx
}

fn open_ana(ctx: Ctx) -> App {
    let mut app = app(ctx);
    type_text(&mut app, "ana k");
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
    app
}

fn card(app: &App) -> &MemberState {
    front::<MemberState>(app)
}

/// The card's last row (its bottom border) and its first (the title).
fn borders(app: &App) -> (String, String) {
    let shown = screen(app);
    let rows: Vec<&str> = shown.lines().collect();
    (rows[1].to_string(), rows[21].to_string())
}

#[test]
fn the_card_lists_linked_till_customers_and_unlinks_one_after_yes() {
    let mut app = open_ana(club_with_links());
    let listed: Vec<_> = card(&app)
        .till_customers()
        .iter()
        .map(|l| (l.value.as_str(), l.name.as_deref()))
        .collect();
    assert_eq!(
        listed,
        [
            ("OLD-1", Some("Ana K.")),
            ("+385914445555", Some("Ana Kovac"))
        ]
    );
    // The list is below the consent: the card is cut and says so.
    assert!(borders(&app).1.contains("↓ more"), "{}", screen(&app));
    key(&mut app, KeyCode::PageDown);
    let shown = screen(&app);
    assert!(shown.contains("Till customers linked"), "{shown}");
    assert!(shown.contains("Ana K. · card OLD-1"), "{shown}");
    assert!(shown.contains("Ana Kovac · 091 444 5555"), "{shown}");
    type_text(&mut app, "l");
    type_text(&mut app, "l");
    assert_eq!(card(&app).picked_till(), Some(1));
    type_text(&mut app, "u");
    assert_eq!(
        app.confirm_question().as_deref(),
        Some(
            "Unlink 091 444 5555 (Ana Kovac) from Ana Kovač? Their receipts go back to \
             no member, and later imports will not match them to Ana Kovač."
        )
    );
    insta::assert_snapshot!(screen(&app));
    // No keeps the link.
    type_text(&mut app, "n");
    assert_eq!(card(&app).till_customers().len(), 2);
    type_text(&mut app, "u");
    type_text(&mut app, "y");
    assert_eq!(
        app.message().as_deref(),
        Some("Unlinked 091 444 5555 from Ana Kovač: 1 receipt back to no member.")
    );
    assert_eq!(card(&app).till_customers().len(), 1);
    assert_eq!(
        member_for(app.conn(), Identity::Phone, "+385914445555").unwrap(),
        None
    );
    // The card counts the visits that are still hers: her own and OLD-1's.
    assert_eq!(card(&app).card().visits, 3);

    // With nothing picked, u asks about the first one.
    type_text(&mut app, "uy");
    assert!(card(&app).till_customers().is_empty());
    assert_eq!(card(&app).card().visits, 1);
    type_text(&mut app, "u");
    assert_eq!(
        app.message().as_deref(),
        Some("No till customer is linked to this member.")
    );
}

fn crowded_ana() -> App {
    let ctx = seeded_ctx();
    for (i, name) in ["Mia", "Ivo", "Lucija", "Petar", "Ema", "Josip"]
        .into_iter()
        .enumerate()
    {
        let born = BirthInfo::Born(day(2012 + i as i32, 3, 1 + i as u32));
        db::members::add_child(&ctx.conn, ANA, name, None, born).unwrap();
    }
    for name in ["Bobi", "Žuja", "Flek", "Garfield"] {
        let born = BirthInfo::Born(day(2021, 5, 5));
        db::members::add_pet(&ctx.conn, ANA, name, "cat", born).unwrap();
    }
    open_ana(ctx)
}

#[test]
fn a_cut_card_says_more_and_scrolls_to_the_rest() {
    let mut app = crowded_ana();
    let (top, bottom) = borders(&app);
    assert!(bottom.contains("↓ more"), "{bottom}");
    assert!(!top.contains("↑ more"), "{top}");
    assert!(!screen(&app).contains("Garfield"));
    insta::assert_snapshot!("cut_card", screen(&app));

    key(&mut app, KeyCode::PageDown);
    let (top, bottom) = borders(&app);
    assert!(top.contains("↑ more"), "{top}");
    assert!(!bottom.contains("↓ more"), "{bottom}");
    assert!(screen(&app).contains("Garfield"), "{}", screen(&app));
    insta::assert_snapshot!("cut_card_scrolled", screen(&app));
    // Scrolling further changes nothing: the end is in view.
    let end = screen(&app);
    key(&mut app, KeyCode::Down);
    type_text(&mut app, "j");
    assert_eq!(screen(&app), end);

    // k and ↑ go back a line each, PgUp to the top.
    type_text(&mut app, "k");
    assert!(borders(&app).1.contains("↓ more"));
    key(&mut app, KeyCode::PageUp);
    let (top, bottom) = borders(&app);
    assert!(!top.contains("↑ more"), "{top}");
    assert!(bottom.contains("↓ more"), "{bottom}");
}

#[test]
fn help_lists_the_cards_scroll_and_unlink_keys() {
    let mut app = open_ana(seeded_ctx());
    type_text(&mut app, "?");
    let mut seen = String::new();
    for _ in 0..6 {
        seen.push_str(&screen(&app));
        key(&mut app, KeyCode::PageDown);
    }
    for wanted in [
        "PgUp PgDn",
        "pick till customer",
        "unlink till customer",
        "scroll",
    ] {
        assert!(seen.contains(wanted), "{wanted}: {seen}");
    }
}
