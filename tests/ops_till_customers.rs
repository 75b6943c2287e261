//! Linking a till customer to a member: their other identities come along
//! unless another member has them, and unlinking gives back what was linked.

use chrono::NaiveDate;
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
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
