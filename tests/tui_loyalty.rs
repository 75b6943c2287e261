//! Loyalty at the counter: the tier bar on the member card, redeeming
//! (with a refusal when the balance is too low), the points history with an
//! adjustment, and the tiers screen with its nudge list and threshold preview.

mod tui_support;

use std::path::Path;

use ratatui::crossterm::event::KeyCode;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::domain::member::MemberDraft;
use regulars::ui::App;
use regulars::ui::screens::member::MemberState;
use regulars::ui::screens::member_loyalty::LoyaltyPopup;
use regulars::ui::screens::tiers::TiersState;
use tui_support::*;

const PROGRAM: &str = r#"[shop]
name = "Paws & Pages"
country = "HR"
currency = "EUR"

[points]
per_unit = 1
signup_bonus = 50
review_bonus = 25

[loyalty]
tier_basis = "spend"
grace_days = 60

[[tiers]]
name = "Bronze"
min = 0

[[tiers]]
name = "Silver"
min = 200
perks = "5% off every purchase"

[[tiers]]
name = "Gold"
min = 500
perks = "10% off every purchase, a free coffee on Fridays"

[[rewards]]
name = "Free coffee"
points = 100

[[rewards]]
name = "Pastry of your choice"
points = 250

[[rewards]]
name = "Tote bag"
points = 400
"#;

fn receipt(ctx: &Ctx, member_id: i64, till_id: &str, date: &str, total: i64) {
    ctx.conn
        .execute(
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
             VALUES ('generic', ?1, ?2, ?3, 'sale', ?4)",
            rusqlite::params![till_id, date, total, member_id],
        )
        .unwrap();
}

/// The seeded club with a loyalty program; Ana has spent €463 this year
/// (€37 short of Gold), Marko €455 (a nudge too), Nada €210.
fn loyal_ctx(config_file: Option<&Path>) -> Ctx {
    let mut ctx = seeded_ctx();
    let path = config_file.map(Path::to_path_buf);
    if let Some(p) = &path {
        std::fs::write(p, PROGRAM).unwrap();
    }
    let mut config = Config::parse(PROGRAM, Path::new("config.toml")).unwrap();
    config.path = path;
    ctx.set_config(config);
    receipt(&ctx, ANA, "a2", "2026-06-01", 45_050);
    receipt(&ctx, 3, "m1", "2026-11-02", 45_500);
    receipt(&ctx, 8, "n1", "2026-11-20", 21_000);
    ctx
}

fn open(app: &mut App, search: &str) {
    type_text(app, search);
    key(app, KeyCode::Enter);
}

fn card(app: &App) -> &MemberState {
    front::<MemberState>(app)
}

fn balance(app: &App, id: i64) -> i64 {
    db::ledger::balance(app.conn(), id).unwrap()
}

#[test]
fn card_shows_tier_bar_gap_perks_and_points() {
    let mut app = app(loyal_ctx(None));
    open(&mut app, "ana k");
    let text = screen(&app);
    assert!(text.contains("€37 to Gold"), "{text}");
    assert!(text.contains("5% off every purchase"), "{text}");
    // 50 signup + 12 + 450
    assert_eq!(card(&app).loyalty().balance, 512);
    insta::assert_snapshot!(text);
}

#[test]
fn counter_rows_carry_a_tier_badge_and_points() {
    let app = app(loyal_ctx(None));
    let ana = app
        .counter()
        .rows()
        .iter()
        .find(|r| r.member.id == ANA)
        .unwrap();
    assert_eq!(
        (ana.member.tier.as_deref(), ana.member.points),
        (Some("Silver"), 512)
    );
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn redeem_a_reward_after_seeing_the_new_balance() {
    let mut app = app(loyal_ctx(None));
    open(&mut app, "ana k");
    type_text(&mut app, "r");
    key(&mut app, KeyCode::Down);
    let text = screen(&app);
    assert!(
        text.contains("New balance") && text.contains("412 points"),
        "{text}"
    );
    insta::assert_snapshot!(text);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.confirm_question().as_deref(),
        Some("Redeem 100 points (Free coffee) for Ana Kovač? New balance: 412.")
    );
    assert_eq!(balance(&app, ANA), 512, "nothing before yes");
    type_text(&mut app, "y");
    assert_eq!(
        app.message().as_deref(),
        Some("Redeemed 100 points; saved. New balance: 412.")
    );
    assert_eq!(balance(&app, ANA), 412);
    assert!(card(&app).popup().is_none());
    assert_eq!(card(&app).loyalty().balance, 412);
    let last = db::ledger::history(app.conn(), ANA).unwrap().pop().unwrap();
    assert_eq!(last.detail.as_deref(), Some("Free coffee"));
}

#[test]
fn redeeming_more_than_the_balance_is_refused_with_the_reason() {
    let mut app = app(loyal_ctx(None));
    open(&mut app, "ana k");
    type_text(&mut app, "r600");
    let text = screen(&app);
    assert!(
        text.contains("Not enough points: the balance is 512, 600 were asked for"),
        "{text}"
    );
    insta::assert_snapshot!(text);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.confirm_question(), None);
    assert_eq!(balance(&app, ANA), 512);
    key(&mut app, KeyCode::Esc);
    assert!(card(&app).popup().is_none());
}

#[test]
fn points_history_lists_rows_and_takes_an_adjustment_with_a_note() {
    let mut app = app(loyal_ctx(None));
    open(&mut app, "ana k");
    type_text(&mut app, "h");
    type_text(&mut app, "a-20");
    key(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("why"), "the note is required");
    assert_eq!(balance(&app, ANA), 512);
    // The focus went to the note.
    type_text(&mut app, "coffee spilt, points moved to the new card");
    insta::assert_snapshot!(screen(&app));
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.message().as_deref(),
        Some("Took off 20 points by hand. New balance: 492.")
    );
    let Some(LoyaltyPopup::Points(points)) = card(&app).popup() else {
        panic!("the history stays open");
    };
    assert_eq!(
        points.entries()[0].note.as_deref(),
        Some("coffee spilt, points moved to the new card")
    );
    type_text(&mut app, "v");
    type_text(&mut app, "y");
    assert_eq!(balance(&app, ANA), 517, "review bonus");
    insta::assert_snapshot!("points_history_after", screen(&app));
}

#[test]
fn tiers_screen_lists_counts_moves_and_the_nudge_list() {
    let mut app = app(loyal_ctx(None));
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "t");
    let Some(tiers) = app.top::<TiersState>() else {
        panic!("not on the tiers screen");
    };
    assert_eq!(tiers.overview().counts, vec![5, 3, 0]);
    let nudged: Vec<&str> = tiers
        .overview()
        .nudges
        .iter()
        .map(|n| n.name.as_str())
        .collect();
    assert_eq!(nudged, ["Ana Kovač", "Marko Horvat"]);
    insta::assert_snapshot!(screen(&app));
    // Tab, Tab: the nudge list; Enter opens the member.
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
}

#[test]
fn a_tier_minimum_is_previewed_then_saved_to_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    let mut app = app(loyal_ctx(Some(&file)));
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "t");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    for _ in 0..3 {
        key(&mut app, KeyCode::Backspace);
    }
    // Nada has €222.50 this year: she would fall below Silver.
    type_text(&mut app, "230");
    let text = screen(&app);
    assert!(
        text.contains("0 would move up to Silver now and 1 would fall below"),
        "{text}"
    );
    insta::assert_snapshot!(text);
    type_text(&mut app, "0000");
    assert!(screen(&app).contains("must be above €0 and below €500"));
    for _ in 0..4 {
        key(&mut app, KeyCode::Backspace);
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.message().as_deref(),
        Some("Saved the new minimum in the config file; tiers worked out again.")
    );
    let saved = std::fs::read_to_string(&file).unwrap();
    assert_eq!(saved, PROGRAM.replace("min = 200", "min = 230"));
    let reread = Config::parse(&saved, &file).unwrap();
    assert_eq!(reread.tiers[1].min, 230);
    let Some(tiers) = app.top::<TiersState>() else {
        panic!("back on the tiers screen");
    };
    // Members below the new minimum keep Silver through their grace period.
    assert_eq!(tiers.overview().counts, vec![5, 3, 0]);
}

#[test]
fn a_shop_without_tiers_sees_no_tier_column_or_bar() {
    let mut ctx = seeded_ctx();
    let mut config = ctx.config.clone();
    config.points.signup_bonus = 10;
    ctx.set_config(config);
    let draft = MemberDraft {
        first_name: "Zora".into(),
        ..MemberDraft::default()
    };
    db::members::insert(&ctx.conn, &draft, &[], ctx.clock.now()).unwrap();
    let mut app = app(ctx);
    let text = screen(&app);
    assert!(!text.contains("Tier"), "{text}");
    open(&mut app, "ana k");
    let text = screen(&app);
    assert!(
        !text.contains("Tier") && text.contains("Points      22"),
        "{text}"
    );
}

#[test]
fn a_member_in_grace_sees_until_when_and_what_keeps_the_tier() {
    let ctx = loyal_ctx(None);
    // Jakob was Gold from a purchase of €600 a year ago; it left the 12
    // months on 1 Nov, so Gold holds through 60 days of grace.
    receipt(&ctx, 5, "j1", "2025-11-01", 60_000);
    receipt(&ctx, 5, "j2", "2026-11-10", 12_000);
    let mut app = app(ctx);
    open(&mut app, "jakob");
    let text = screen(&app);
    assert!(text.contains("Gold until Thu 31 Dec"), "{text}");
    assert!(text.contains("€380 more keeps Gold"), "{text}");
    assert!(
        text.contains("██"),
        "the bar shows how far toward keeping it: {text}"
    );
}

#[test]
fn a_card_opened_from_the_tiers_goes_back_to_the_tiers() {
    let mut app = app(loyal_ctx(None));
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "t");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Ana Kovač"));
    assert_eq!(app.depth(), 2, "the card stands on the tiers");
    // The status bar and the help both say where Esc leads.
    let status = screen(&app).lines().last().unwrap().to_string();
    assert!(status.contains("Esc back to the tiers"), "{status}");
    type_text(&mut app, "?");
    // The card's keys fill the first page of its help; the way back ends
    // the card's part.
    for _ in 0..10 {
        key(&mut app, KeyCode::Down);
    }
    assert!(
        screen(&app).contains("back to the tiers"),
        "{}",
        screen(&app)
    );
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    assert!(app.top::<TiersState>().is_some(), "{}", screen(&app));
    let status = screen(&app).lines().last().unwrap().to_string();
    assert!(status.contains("Esc back to the counter"), "{status}");
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
}

#[test]
fn a_bonus_already_given_is_refused_before_any_question() {
    let mut app = app(loyal_ctx(None));
    open(&mut app, "ana k");
    type_text(&mut app, "h");
    type_text(&mut app, "v");
    assert!(app.confirm_question().is_some(), "first time: asked");
    let before = balance(&app, ANA);
    type_text(&mut app, "y");
    let after = balance(&app, ANA);
    assert_eq!(after, before + 25, "review bonus");
    type_text(&mut app, "v");
    assert_eq!(app.confirm_question(), None, "never asked a second time");
    assert_eq!(
        app.message().as_deref(),
        Some("This member had the review bonus already; it is given once.")
    );
    assert_eq!(balance(&app, ANA), after);
    // Who brought her is recorded once too: the form does not open again.
    app.conn()
        .execute("UPDATE members SET referred_by = 3 WHERE id = ?1", [ANA])
        .unwrap();
    type_text(&mut app, "b");
    assert_eq!(app.confirm_question(), None);
    assert_eq!(
        app.message().as_deref(),
        Some("This member already has someone who brought them; nothing changed.")
    );
}

#[test]
fn shift_tab_goes_back_in_the_redeem_and_adjust_forms() {
    let mut app = app(loyal_ctx(None));
    open(&mut app, "ana k");
    // Redeem: Tab and Shift-Tab step through the rewards.
    type_text(&mut app, "r");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert!(screen(&app).contains("262 points"), "{}", screen(&app));
    shift_tab(&mut app);
    assert!(screen(&app).contains("412 points"), "{}", screen(&app));
    key(&mut app, KeyCode::Esc);
    // Adjust: back from the note to the points, then on to the note again.
    type_text(&mut app, "h");
    type_text(&mut app, "a5");
    key(&mut app, KeyCode::Tab);
    shift_tab(&mut app);
    type_text(&mut app, "0");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "points from the paper card");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.message().as_deref(),
        Some("Added 50 points by hand. New balance: 562.")
    );
}
