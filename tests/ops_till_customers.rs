//! Linking a till customer to a member: their other identities come along
//! unless another member has them, and unlinking gives back what was linked.

use chrono::NaiveDate;
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::domain::loyalty_config::TierConfig;
use regulars::ops::loyalty::{self, IfBusy};
use regulars::ops::members::{IfDuplicate, MemberInput, Outcome, sign_up};
use regulars::ops::till_customers::{self, Identity};
use tempfile::TempDir;

fn shop(dir: &TempDir) -> Ctx {
    let mut config = Config::default();
    config.shop.country = "HR".into();
    Ctx::new(
        db::open(&dir.path().join("club.db")).unwrap(),
        Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
        config,
        Some(dir.path().join("club.db")),
    )
}

fn member(ctx: &Ctx, first: &str, phone: &str) -> i64 {
    let input = MemberInput {
        first_name: first.into(),
        phone: phone.into(),
        ..MemberInput::default()
    };
    match sign_up(ctx, &input, IfDuplicate::Ask).unwrap() {
        Outcome::Saved(saved) => saved.id,
        other => panic!("{other:?}"),
    }
}

fn receipt(ctx: &Ctx, till_id: &str, card: &str, phone: Option<&str>, email: Option<&str>) {
    ctx.conn
        .execute(
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, cust_card, cust_phone, cust_email, cust_name)
             VALUES ('generic', ?1, '2026-11-01', 900, 'sale', ?2, ?3, ?4, 'Marko')",
            rusqlite::params![till_id, card, phone, email],
        )
        .unwrap();
}

fn owner(ctx: &Ctx, till_id: &str) -> Option<i64> {
    ctx.conn
        .query_row(
            "SELECT member_id FROM receipts WHERE till_id = ?1",
            [till_id],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn linking_takes_the_customers_other_identities_unless_someone_has_them() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let ana = member(&ctx, "Ana", "+385911111111");
    let marko = member(&ctx, "Marko", "");
    // The till wrote Marko's old card with Ana's phone once (a shared
    // family phone) and with his own email.
    receipt(
        &ctx,
        "r1",
        "OLD-7",
        Some("+385922222222"),
        Some("marko@example.com"),
    );
    receipt(&ctx, "r2", "OLD-7", None, None);
    receipt(&ctx, "r3", "X-1", Some("+385922222222"), None);
    assert_eq!(till_customers::unmatched(&ctx, 10).unwrap().len(), 4);
    let seen = till_customers::till_customer(&ctx, Identity::Card, "OLD-7").unwrap();
    assert_eq!(seen.name.as_deref(), Some("Marko"));

    let linked = till_customers::link(&ctx, Identity::Card, "OLD-7", marko).unwrap();
    // r1 and r2 by the card, r3 by the phone the card's receipts carried.
    assert_eq!(linked, 3);
    assert_eq!(
        [owner(&ctx, "r1"), owner(&ctx, "r2"), owner(&ctx, "r3")],
        [Some(marko); 3]
    );
    assert!(till_customers::unmatched(&ctx, 10).unwrap().is_empty());

    // A phone Ana owns is never taken from her by a link.
    receipt(&ctx, "r4", "OLD-8", Some("+385911111111"), None);
    assert_eq!(owner(&ctx, "r4"), None);
    till_customers::link(&ctx, Identity::Card, "OLD-8", marko).unwrap();
    let ana_phone: i64 = ctx
        .conn
        .query_row(
            "SELECT count(*) FROM customer_links WHERE value = '+385911111111'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(ana_phone, 0);
    assert_ne!(ana, marko);

    // Unlinking the card gives back the receipts only the card tied to him.
    assert_eq!(
        till_customers::unlink(&ctx, Identity::Card, "OLD-7").unwrap(),
        Some(1)
    );
    assert_eq!(owner(&ctx, "r2"), None);
    // r1 still carries his linked phone and email.
    assert_eq!(owner(&ctx, "r1"), Some(marko));
    assert_eq!(
        till_customers::unlink(&ctx, Identity::Card, "OLD-7").unwrap(),
        None
    );

    let e = till_customers::link(&ctx, Identity::Card, "OLD-7", 999).unwrap_err();
    assert_eq!(e.key(), Some("err-member-not-found"));
    assert_eq!(owner(&ctx, "r2"), None);
}

/// A receipt of `total_minor` by a till customer the till named `name`.
fn named_receipt(ctx: &Ctx, till_id: &str, card: &str, name: Option<&str>, total_minor: i64) {
    ctx.conn
        .execute(
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, cust_card, cust_name)
             VALUES ('generic', ?1, '2026-11-10', ?2, 'sale', ?3, ?4)",
            rusqlite::params![till_id, total_minor, card, name],
        )
        .unwrap();
}

fn named_member(ctx: &Ctx, first: &str, family: &str) -> i64 {
    let input = MemberInput {
        first_name: first.into(),
        family_name: family.into(),
        ..MemberInput::default()
    };
    match sign_up(ctx, &input, IfDuplicate::Ask).unwrap() {
        Outcome::Saved(saved) => saved.id,
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_question_before_linking_names_both_and_says_when_they_differ() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let zeljko = named_member(&ctx, "Željko", "Đurić");
    named_receipt(&ctx, "z1", "T-1", Some("DURIC, Zeljko"), 900);
    named_receipt(&ctx, "z2", "T-2", Some("Zoran Đurić"), 900);
    named_receipt(&ctx, "z3", "T-3", None, 900);

    let same = till_customers::link_question(&ctx, Identity::Card, "T-1", zeljko).unwrap();
    assert_eq!(same.till_name.as_deref(), Some("DURIC, Zeljko"));
    assert_eq!(same.member_name, "Željko Đurić");
    assert!(
        !same.names_differ,
        "case, accents and order are the same name"
    );

    let other = till_customers::link_question(&ctx, Identity::Card, "T-2", zeljko).unwrap();
    assert_eq!(other.till_name.as_deref(), Some("Zoran Đurić"));
    assert!(other.names_differ);

    let nameless = till_customers::link_question(&ctx, Identity::Card, "T-3", zeljko).unwrap();
    assert_eq!(nameless.till_name, None);
    assert!(!nameless.names_differ);

    let e = till_customers::link_question(&ctx, Identity::Card, "T-1", 999).unwrap_err();
    assert_eq!(e.key(), Some("err-member-not-found"));
    // Asking links nothing.
    assert_eq!(owner(&ctx, "z1"), None);
}

#[test]
fn unlinking_from_the_card_gives_the_receipts_and_their_spend_back() {
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir);
    let mut config = ctx.config.clone();
    config.tiers = [("Bronze", 0), ("Silver", 200)]
        .map(|(name, min)| TierConfig {
            name: name.into(),
            min,
            perks: String::new(),
        })
        .to_vec();
    ctx.set_config(config);
    let nada = named_member(&ctx, "Nada", "Jurić");
    let before = loyalty::standing(&ctx, nada, IfBusy::Wait).unwrap();
    named_receipt(&ctx, "n1", "T-7", Some("Nada J."), 30_000);
    named_receipt(&ctx, "n2", "T-7", Some("Nada Jurić"), 12_000);
    ctx.conn
        .execute(
            "UPDATE receipts SET cust_email = 'nada@example.com' WHERE till_id = 'n2'",
            [],
        )
        .unwrap();
    assert!(till_customers::linked_to(&ctx, nada).unwrap().is_empty());

    assert_eq!(
        till_customers::link(&ctx, Identity::Card, "T-7", nada).unwrap(),
        2
    );
    let linked = till_customers::linked_to(&ctx, nada).unwrap();
    let listed: Vec<_> = linked
        .iter()
        .map(|l| (l.identity, l.value.as_str(), l.name.as_deref()))
        .collect();
    // The card she was linked by, and the email the same receipts carried;
    // each with the name the till last wrote beside it.
    assert_eq!(
        listed,
        [
            (Identity::Card, "T-7", Some("Nada Jurić")),
            (Identity::Email, "nada@example.com", Some("Nada Jurić")),
        ]
    );
    let with = loyalty::standing(&ctx, nada, IfBusy::Wait).unwrap();
    assert_eq!(with.balance, before.balance + 420);
    let metric = |s: &loyalty::MemberStanding| s.standing.as_ref().map(|s| s.metric);
    assert_eq!(metric(&with), Some(42_000));
    assert_eq!(with.standing.as_ref().map(|s| s.tier), Some(1), "Silver");

    assert_eq!(
        till_customers::unlink(&ctx, Identity::Email, "nada@example.com").unwrap(),
        Some(0),
        "n2 still carries the linked card"
    );
    assert_eq!(
        till_customers::unlink(&ctx, Identity::Card, "T-7").unwrap(),
        Some(2)
    );
    assert!(till_customers::linked_to(&ctx, nada).unwrap().is_empty());
    assert_eq!([owner(&ctx, "n1"), owner(&ctx, "n2")], [None, None]);
    // The spend her tier is measured on follows the receipts back.
    let after = loyalty::standing(&ctx, nada, IfBusy::Wait).unwrap();
    assert_eq!(metric(&after), Some(0));
    assert_eq!(
        after.balance, before.balance,
        "the points the receipts earned go back with them"
    );
    assert_eq!(till_customers::unmatched(&ctx, 10).unwrap().len(), 2);
}

/// Every step's balances, with the rows that took points back.
fn balance(ctx: &Ctx, member: i64) -> i64 {
    loyalty::standing(ctx, member, IfBusy::Wait)
        .unwrap()
        .balance
}

#[test]
fn points_follow_a_receipt_from_member_to_member_and_back() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let (ana, ivo) = (
        named_member(&ctx, "Ana", "Kos"),
        named_member(&ctx, "Ivo", "Kos"),
    );
    let (ana_start, ivo_start) = (balance(&ctx, ana), balance(&ctx, ivo));
    named_receipt(&ctx, "k1", "T-9", Some("Kos"), 25_000);
    let earns = |who| {
        till_customers::link(&ctx, Identity::Card, "T-9", who).unwrap();
        (
            balance(&ctx, ana) - ana_start,
            balance(&ctx, ivo) - ivo_start,
        )
    };
    let unlink = || {
        till_customers::unlink(&ctx, Identity::Card, "T-9").unwrap();
        (
            balance(&ctx, ana) - ana_start,
            balance(&ctx, ivo) - ivo_start,
        )
    };
    // Linked to Ana, then to Ivo, then to Ana again: whoever holds the
    // receipt has its points, and only they do, each time.
    assert_eq!(earns(ana), (250, 0));
    assert_eq!(unlink(), (0, 0));
    assert_eq!(earns(ivo), (0, 250));
    assert_eq!(unlink(), (0, 0));
    assert_eq!(earns(ana), (250, 0));
    assert_eq!(unlink(), (0, 0));
    assert_eq!(earns(ivo), (0, 250));
    // A recompute of the whole club agrees with what was kept.
    regulars::db::loyalty::recompute(&ctx.conn, ctx.program(), ctx.clock.now()).unwrap();
    assert_eq!(
        (
            balance(&ctx, ana) - ana_start,
            balance(&ctx, ivo) - ivo_start
        ),
        (0, 250)
    );
}
