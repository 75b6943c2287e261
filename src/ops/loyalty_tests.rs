use super::*;
use crate::ops::testing::{club, ledger_rows, member};

#[test]
fn redeeming_more_than_the_balance_is_refused_and_writes_nothing() {
    let (_dir, ctx) = club();
    let ana = member(&ctx, "Ana", "Kovač");
    adjust(&ctx, ana, 40, "welcome", IfBelowZero::Refuse).unwrap();
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
    adjust(&ctx, ana, 120, "old card", IfBelowZero::Refuse).unwrap();
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
    adjust(&ctx, ana, 500, "old card", IfBelowZero::Refuse).unwrap();
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
    let err = adjust(&ctx, ana, 10, "   ", IfBelowZero::Refuse).unwrap_err();
    assert_eq!(err.key(), Some("loyalty-err-note-required"));
    assert_eq!(
        adjust(&ctx, ana, 25, "card lost", IfBelowZero::Refuse).unwrap(),
        25
    );
    let allowed = adjust(&ctx, ana, -30, "moved to a new card", IfBelowZero::Allow);
    assert_eq!(allowed.unwrap(), -5);
    let seen = history(&ctx, ana).unwrap();
    assert_eq!(seen.ledger.len(), 2);
    assert_eq!(seen.ledger[0].note.as_deref(), Some("card lost"));
}

#[test]
fn taking_points_below_zero_is_refused_with_the_balance_it_would_leave() {
    let (_dir, ctx) = club();
    let ana = member(&ctx, "Ana", "Kovač");
    adjust(&ctx, ana, 50, "old card", IfBelowZero::Refuse).unwrap();
    let rows = ledger_rows(&ctx);
    let err = adjust(&ctx, ana, -500, "typo on the till", IfBelowZero::Refuse).unwrap_err();
    assert!(matches!(err, Error::BelowZero { balance: -450 }), "{err:?}");
    assert_eq!(err.key(), Some("loyalty-err-below-zero"));
    assert_eq!(ledger_rows(&ctx), rows, "nothing written");
    // Down to exactly zero needs no leave.
    assert_eq!(
        adjust(&ctx, ana, -50, "used up", IfBelowZero::Refuse).unwrap(),
        0
    );
    // Below zero when allowed; adding to a balance still below zero is
    // never refused.
    assert_eq!(
        adjust(&ctx, ana, -30, "owed", IfBelowZero::Allow).unwrap(),
        -30
    );
    assert_eq!(
        adjust(&ctx, ana, 10, "part paid back", IfBelowZero::Refuse).unwrap(),
        -20
    );
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

/// The club with the shipped config written to a file of its own (Croatia,
/// euros: Bronze from 0, Silver from 200, Gold from 500).
fn club_with_file() -> (tempfile::TempDir, Ctx) {
    let (dir, mut ctx) = club();
    let path = dir.path().join("config.toml");
    // The file's language is Croatian; the other tests of this process
    // read English, so English is kept as `--lang en` would keep it.
    ctx.force_lang(Some("en".into()));
    ctx.set_config(crate::config::Config::load_or_create(&path, Some("hr_HR.UTF-8")).unwrap());
    (dir, ctx)
}

#[test]
fn a_saved_minimum_is_in_the_file_and_in_the_program_at_once() {
    let (_dir, mut ctx) = club_with_file();
    let path = ctx.config.path.clone().unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    save_tier_min(&mut ctx, 1, 250).unwrap();
    let after = std::fs::read_to_string(&path).unwrap();
    assert_ne!(before, after);
    assert!(after.contains("min = 250"), "{after}");
    // The comments of the file are kept.
    assert_eq!(
        before.lines().filter(|l| l.starts_with('#')).count(),
        after.lines().filter(|l| l.starts_with('#')).count()
    );
    let program = ctx.program().clone();
    assert_eq!(program.min_as_written(program.tiers.tiers[1].min), 250);
    let (shown, _) = tier_overview(&ctx).unwrap();
    assert_eq!(shown.min_as_written(shown.tiers.tiers[1].min), 250);
}

#[test]
fn a_minimum_out_of_order_or_of_the_first_tier_writes_nothing() {
    let (_dir, mut ctx) = club_with_file();
    let path = ctx.config.path.clone().unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    let err = save_tier_min(&mut ctx, 0, 10).unwrap_err();
    assert_eq!(err.key(), Some("ui-tiers-first-fixed"));
    assert!(save_tier_min(&mut ctx, 1, 900).is_err(), "above Gold's 500");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    let program = ctx.program().clone();
    assert_eq!(program.min_as_written(program.tiers.tiers[1].min), 200);
}

#[test]
fn without_a_config_file_there_is_nothing_to_save_to() {
    let (_dir, mut ctx) = club();
    ctx.config.path = None;
    let err = save_tier_min(&mut ctx, 1, 250).unwrap_err();
    assert_eq!(err.key(), Some("ui-tiers-no-file"));
}
