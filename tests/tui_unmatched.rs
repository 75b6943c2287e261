//! Till customers without a member: listed after an import, linked to a
//! member (later imports then match them), or signed up with the till's
//! data filled in, their earlier receipts becoming theirs.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use regulars::context::Ctx;
use regulars::db::receipts::{Identity, member_for};
use regulars::ui::App;
use regulars::ui::screens::member::MemberState;
use regulars::ui::screens::signup::SignupState;
use regulars::ui::screens::signup_fields::Stop;
use regulars::ui::screens::unmatched::UnmatchedState;
use tui_support::*;

/// Ivan (card, phone and email on his receipts), Petra (email only), a
/// card without a name, and Marko, who is a member (matched by email).
const TILL: &str = "receipt_id,time,total,phone,email,card,name,item,qty,amount
R1,2026-11-02T10:05:00,40.00,091 777 8888,ivan@example.com,TILL-9,Ivan Horvat,Beans,2,40.00
R2,2026-11-09T10:15:00,22.00,091 777 8888,,TILL-9,Ivan Horvat,Beans,1,22.00
R3,2026-11-16T10:10:00,18.00,,ivan@example.com,,Ivan Horvat,Mug,1,18.00
R4,2026-11-20T17:00:00,9.50,,petra@example.com,,Petra,Tea,1,9.50
R5,2026-11-21T12:00:00,3.00,,,SQ-77,,Biscuits,1,3.00
R6,2026-11-21T12:30:00,12.50,,marko@example.com,,Marko,Latte,2,12.50
";

fn club_with_inbox(inbox: &std::path::Path) -> App {
    let mut ctx: Ctx = seeded_ctx();
    import_text(&mut ctx, "till.csv", TILL);
    ctx.config.import.inbox = inbox.display().to_string();
    let mut app = app(ctx);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "u");
    app
}

fn club() -> App {
    club_with_inbox(std::path::Path::new("unused-inbox"))
}

fn unmatched(app: &App) -> &UnmatchedState {
    front::<UnmatchedState>(app)
}

/// Moves the selection to the row of `value`.
fn select(app: &mut App, value: &str) {
    let at = unmatched(app)
        .customers()
        .iter()
        .position(|c| c.value == value)
        .unwrap_or_else(|| panic!("{value} not listed"));
    for _ in 0..at {
        key(app, KeyCode::Down);
    }
}

/// Replaces the name the member search started from with `text`.
fn search_for(app: &mut App, text: &str) {
    let started = unmatched(app)
        .link_search()
        .unwrap_or_default()
        .chars()
        .count();
    for _ in 0..started {
        key(app, KeyCode::Backspace);
    }
    type_text(app, text);
}

#[test]
fn customers_without_a_member_are_listed_by_spend() {
    let app = club();
    let values: Vec<_> = unmatched(&app)
        .customers()
        .iter()
        .map(|c| c.value.as_str())
        .collect();
    // Ivan shows under each thing the till knew him by; Marko not at all.
    assert_eq!(
        values,
        [
            "TILL-9",
            "+385917778888",
            "ivan@example.com",
            "petra@example.com",
            "SQ-77"
        ]
    );
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn linking_gives_the_member_the_receipts_and_later_imports_match() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = club_with_inbox(dir.path());
    select(&mut app, "petra@example.com");
    key(&mut app, KeyCode::Enter);
    assert!(unmatched(&app).is_linking());
    assert_eq!(unmatched(&app).link_search(), Some("Petra"));
    search_for(&mut app, "nada");
    insta::assert_snapshot!(screen(&app));
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "y");
    assert_eq!(
        app.message().as_deref(),
        Some("Linked petra@example.com to Nada Jurić: 1 receipt now theirs.")
    );
    assert!(!unmatched(&app).is_linking());
    let nada = member_for(app.conn(), Identity::Email, "petra@example.com")
        .unwrap()
        .expect("linked");
    let listed: Vec<_> = unmatched(&app)
        .customers()
        .iter()
        .map(|c| c.value.clone())
        .collect();
    assert!(!listed.contains(&"petra@example.com".to_string()));
    // Nada had one visit before; Petra's receipt is her second.
    let visits = |app: &App| {
        regulars::db::members::purchase_summary(app.conn(), nada)
            .unwrap()
            .0
    };
    assert_eq!(visits(&app), 2);

    // A later export with Petra's email: the receipt is Nada's at once.
    let later = dir.path().join("december.csv");
    std::fs::write(
        &later,
        "receipt_id,time,total,email\nR9,2026-11-23T09:00:00,7.00,PETRA@example.com\n",
    )
    .unwrap();
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "i");
    key(&mut app, KeyCode::Enter);
    assert_eq!(visits(&app), 3);
    type_text(&mut app, "u");
    assert_eq!(unmatched(&app).customers().len(), 4);
}

#[test]
fn linking_one_identity_links_the_others_on_the_same_receipts() {
    let mut app = club();
    select(&mut app, "TILL-9");
    key(&mut app, KeyCode::Enter);
    search_for(&mut app, "ivana");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "y");
    // All three of Ivan's receipts, through his card, phone and email.
    assert_eq!(
        app.message().as_deref(),
        Some("Linked card TILL-9 to Ivana Kovačić: 3 receipts now theirs.")
    );
    let conn = app.conn();
    let ivana = member_for(conn, Identity::Card, "TILL-9").unwrap();
    assert!(ivana.is_some());
    assert_eq!(
        member_for(conn, Identity::Email, "ivan@example.com").unwrap(),
        ivana
    );
    assert_eq!(unmatched(&app).customers().len(), 2);
}

#[test]
fn esc_leaves_the_member_search_without_linking() {
    let mut app = club();
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    assert!(!unmatched(&app).is_linking());
    assert_eq!(unmatched(&app).customers().len(), 5);
}

#[test]
fn signing_up_fills_the_form_and_claims_earlier_receipts() {
    let mut app = club();
    select(&mut app, "ivan@example.com");
    type_text(&mut app, "n");
    let Some(form) = app.top::<SignupState>() else {
        panic!("not on the signup form: {:?}", app.screen());
    };
    assert_eq!(form.value(Stop::FirstName), "Ivan");
    assert_eq!(form.value(Stop::FamilyName), "Horvat");
    assert_eq!(form.value(Stop::Contact), "091 777 8888");
    assert_eq!(form.value(Stop::OtherContact), "ivan@example.com");
    assert_eq!(form.value(Stop::Card), "TILL-9");
    assert_eq!(form.focus(), Stop::Birthday);
    insta::assert_snapshot!(screen(&app));
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Ivan Horvat"));
    assert_eq!(
        app.message().as_deref(),
        Some("Signed up Ivan Horvat. 3 earlier receipts are now theirs.")
    );
    let Some(card) = app.top::<MemberState>() else {
        unreachable!()
    };
    assert_eq!(card.card().visits, 3);
    assert_eq!(card.purchases().receipts(), 3);
}

#[test]
fn esc_on_a_signup_from_the_till_customers_goes_back_there() {
    let mut app = club();
    select(&mut app, "petra@example.com");
    type_text(&mut app, "n");
    assert!(app.top::<SignupState>().is_some(), "{}", screen(&app));
    key(&mut app, KeyCode::Esc);
    if app.confirm_question().is_some() {
        type_text(&mut app, "y");
    }
    assert_eq!(unmatched(&app).customers().len(), 5);
    assert_eq!(
        unmatched(&app).customers()[unmatched(&app).selected()].value,
        "petra@example.com"
    );
}

#[test]
fn a_card_signed_up_from_the_till_customers_goes_back_to_them_without_that_customer() {
    let mut app = club();
    select(&mut app, "ivan@example.com");
    type_text(&mut app, "n");
    key(&mut app, KeyCode::Enter);
    assert_eq!(open_member_name(&app).as_deref(), Some("Ivan Horvat"));
    // The form is gone: the card stands on the till customers.
    assert_eq!(app.depth(), 2);
    let status = screen(&app).lines().last().unwrap().to_string();
    assert!(
        status.contains("Esc back to the till customers"),
        "{status}"
    );
    key(&mut app, KeyCode::Esc);
    let values: Vec<_> = unmatched(&app)
        .customers()
        .iter()
        .map(|c| c.value.as_str())
        .collect();
    assert_eq!(values, ["petra@example.com", "SQ-77"], "reloaded");
    key(&mut app, KeyCode::Esc);
    assert!(is_counter(&app));
}
