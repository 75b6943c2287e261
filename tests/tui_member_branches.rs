//! The card's visit history in a chain: each visit names its branch, this
//! shop's own by its configured name, or "this shop" without one. A single
//! shop's card has no such column (its snapshots in `tui_member_history`
//! stay as they were).

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::context::Ctx;
use regulars::ui::App;
use regulars::ui::screens::member::MemberState;
use tui_support::*;

/// Ana's year of visits in `lang`, every other receipt made at Harbour,
/// and this shop called `own` (empty: no name).
fn ana_in_a_chain(lang: &str, own: &str) -> App {
    let mut ctx: Ctx = seeded_ctx();
    let mut config = ctx.config.clone();
    config.shop.locale = lang.into();
    config.sync.shop = own.into();
    ctx.set_config(config);
    let report = import_text(&mut ctx, "ana.csv", &ana_history_csv());
    assert_eq!(report.counts.rows_rejected, 0, "{:?}", report.errors);
    ctx.conn
        .execute("UPDATE receipts SET shop = 'Harbour' WHERE id % 2 = 0", [])
        .unwrap();
    let mut app = app(ctx);
    type_text(&mut app, "ana k");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    assert!(front::<MemberState>(&app).purchases().is_shown());
    app
}

/// The history rows of the screen: the lines after the history heading.
fn history_rows(shown: &str, heading: &str) -> Vec<String> {
    shown
        .lines()
        .skip_while(|l| !l.contains(heading))
        .skip(1)
        .map(str::to_string)
        .collect()
}

#[test]
fn each_visit_names_its_branch_this_shop_by_its_name() {
    let app = ana_in_a_chain("en", "Centre");
    let shown = screen(&app);
    let rows = history_rows(&shown, "Visit history");
    let at = |name: &str| rows.iter().filter(|r| r.contains(name)).count();
    assert!(at("Harbour") > 0 && at("Centre") > 0, "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn without_a_name_this_shop_is_this_shop_in_every_language() {
    for lang in ["en", "he", "hr", "zh", "th"] {
        let app = ana_in_a_chain(lang, "");
        insta::assert_snapshot!(format!("history_this_shop_{lang}"), screen(&app));
    }
}

#[test]
fn a_single_shop_has_no_branch_column() {
    let mut ctx = seeded_ctx();
    import_text(&mut ctx, "ana.csv", &ana_history_csv());
    let mut app = app(ctx);
    type_text(&mut app, "ana k");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    let shown = screen(&app);
    assert!(!shown.contains("this shop"), "{shown}");
    let chain = screen(&ana_in_a_chain("en", ""));
    assert!(chain.contains("this shop"), "{chain}");
    assert_ne!(shown, chain);
}
