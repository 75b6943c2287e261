use super::*;
use crate::ops::testing::{club, ledger_rows, member};

#[test]
fn redeeming_more_than_the_balance_is_refused_and_writes_nothing() {
    let (_dir, ctx) = club();
    let ana = member(&ctx, "Ana", "Kovač");
    adjust(&ctx, ana, 40, "welcome").unwrap();
    let rows = ledger_rows(&ctx);
    let asked = Redemption {
        member_id: ana,
        points: 100,
        reward: None,
    };
    let err = redeem(&ctx, &asked).unwrap_err();
    assert_eq!(err.key(), Some("loyalty-err-not-enough"));
    assert_eq!(ledger_rows(&ctx), rows);
    assert_eq!(points(&ctx, ana, IfBusy::Wait).unwrap().balance, 40);
}

#[test]
fn a_redemption_leaves_the_new_balance_and_one_ledger_row() {
    let (_dir, ctx) = club();
    let ana = member(&ctx, "Ana", "Kovač");
    adjust(&ctx, ana, 120, "old card").unwrap();
    let asked = Redemption {
        member_id: ana,
        points: 70,
        reward: None,
    };
    assert_eq!(redeem(&ctx, &asked).unwrap(), 50);
    let seen = points(&ctx, ana, IfBusy::Skip).unwrap();
    assert_eq!(seen.balance, 50);
    assert_eq!(seen.ledger.last().map(|e| e.delta), Some(-70));
}

#[test]
fn a_reward_not_in_the_list_is_refused_with_its_key() {
    let (_dir, ctx) = club();
    let ana = member(&ctx, "Ana", "Kovač");
    adjust(&ctx, ana, 500, "old card").unwrap();
    let asked = Redemption {
        member_id: ana,
        points: 100,
        reward: Some("A pony"),
    };
    let err = redeem(&ctx, &asked).unwrap_err();
    assert_eq!(err.key(), Some("loyalty-err-no-reward"));
    assert_eq!(standing(&ctx, ana, IfBusy::Wait).unwrap().balance, 500);
}

#[test]
fn an_adjustment_needs_a_note_and_returns_the_balance() {
    let (_dir, ctx) = club();
    let ana = member(&ctx, "Ana", "Kovač");
    let err = adjust(&ctx, ana, 10, "   ").unwrap_err();
    assert_eq!(err.key(), Some("loyalty-err-note-required"));
    assert_eq!(adjust(&ctx, ana, 25, "card lost").unwrap(), 25);
    assert_eq!(adjust(&ctx, ana, -30, "moved to a new card").unwrap(), -5);
    let seen = history(&ctx, ana).unwrap();
    assert_eq!(seen.ledger.len(), 2);
    assert_eq!(seen.ledger[0].note.as_deref(), Some("card lost"));
}

#[test]
fn a_referral_is_recorded_once() {
    let (_dir, ctx) = club();
    let ana = member(&ctx, "Ana", "Kovač");
    let ivo = member(&ctx, "Ivo", "Horvat");
    assert!(referral(&ctx, ivo, ana).unwrap());
    assert!(!referral(&ctx, ivo, ana).unwrap());
    assert_eq!(
        referral(&ctx, ana, ana).unwrap_err().key(),
        Some("loyalty-err-refer-self")
    );
}
