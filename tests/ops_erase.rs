//! Erasing a member on a real club file: the person is gone from every
//! list and every receipt, the shop's figures are not.

mod privacy_support;

use privacy_support::{EMAIL, PHONE, ana, count, full_member, receipt, shop, sign};
use regulars::db;
use regulars::domain::member::Channel;
use regulars::ops::erase::erase_member;
use regulars::ops::loyalty::{self, IfBusy};
use regulars::ops::member_export::member_export;
use regulars::ops::members::{IfDuplicate, MemberInput, Outcome, delete_member, sign_up};
use regulars::ops::{consent, lookup, till_customers};
use tempfile::TempDir;

const TOTALS: &str = "SELECT count(*) || '/' || sum(total_minor) FROM receipts";
const REFUNDS: &str =
    "SELECT count(*) || '/' || sum(total_minor) FROM receipts WHERE kind = 'refund'";

fn text(ctx: &regulars::context::Ctx, sql: &str) -> String {
    ctx.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Ana in full, Ivo with a receipt of his own, and a receipt of no member
/// that the till wrote with Ana's phone before she signed up.
fn club(dir: &TempDir) -> (regulars::context::Ctx, i64, i64) {
    let ctx = shop(dir);
    let id = full_member(&ctx);
    receipt(&ctx, "before-signup", None, "sale", 500);
    let ivo = sign(
        &ctx,
        &MemberInput {
            first_name: "Ivo".into(),
            phone: "092 555 0101".into(),
            ..MemberInput::default()
        },
    );
    ctx.conn
        .execute(
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id, cust_name, cust_phone)
             VALUES ('generic', 'ivo-1', '2026-11-03', 700, 'sale', ?1, 'Ivo', '+385925550101')",
            [ivo],
        )
        .unwrap();
    (ctx, id, ivo)
}

#[test]
fn erasing_keeps_the_shops_totals_and_refunds() {
    let dir = TempDir::new().unwrap();
    let (ctx, id, _) = club(&dir);
    let (totals, refunds) = (text(&ctx, TOTALS), text(&ctx, REFUNDS));
    let erased = erase_member(&ctx, id).unwrap().unwrap();
    assert_eq!(erased.name, "Ana Kovač");
    // Her three receipts and the one bought before she signed up.
    assert_eq!(erased.receipts_blanked, 4);
    assert_eq!(text(&ctx, TOTALS), totals);
    assert_eq!(text(&ctx, REFUNDS), refunds);
    // Her receipts stay hers, so figures per member stay whole.
    let kept = count(
        &ctx,
        &format!("SELECT count(*) FROM receipts WHERE member_id = {id}"),
    );
    assert_eq!(kept, 3);
    assert_eq!(count(&ctx, "SELECT count(*) FROM lines"), 4);
    assert_eq!(erase_member(&ctx, id).unwrap(), None, "erased once");
}

#[test]
fn nothing_personal_is_left_on_the_member_or_the_receipts() {
    let dir = TempDir::new().unwrap();
    let (ctx, id, ivo) = club(&dir);
    erase_member(&ctx, id).unwrap();
    let blank: i64 = ctx
        .conn
        .query_row(
            "SELECT first_name = '' AND family_name = '' AND sort_key = ''
                AND coalesce(phone, email, card, area, language, tags, note, birth_month,
                             birth_day, birth_year, birth_md, birth_calendar, birth_calendar_month,
                             birth_calendar_day, referred_by, search_text, card_fold,
                             phone_digits, phone_national) IS NULL
                AND erased_at = '2026-11-23 12:00:00'
             FROM members WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(blank, 1);
    let named = count(
        &ctx,
        &format!(
            "SELECT count(*) FROM receipts WHERE (member_id = {id} OR member_id IS NULL)
               AND coalesce(cust_card, cust_phone, cust_email, cust_name) IS NOT NULL"
        ),
    );
    assert_eq!(named, 0);
    let anywhere = count(
        &ctx,
        &format!(
            "SELECT count(*) FROM receipts WHERE cust_phone = '{PHONE}' OR cust_email = '{EMAIL}'
               OR cust_card = 'T-77' OR cust_name = 'Ana K.'"
        ),
    );
    assert_eq!(anywhere, 0);
    // Ivo's receipt is his and untouched.
    let ivos: String = text(
        &ctx,
        &format!("SELECT cust_name || cust_phone FROM receipts WHERE member_id = {ivo}"),
    );
    assert_eq!(ivos, "Ivo+385925550101");
    for table in [
        "children",
        "pets",
        "points",
        "member_tiers",
        "tier_changes",
        "contact_log",
        "customer_links",
        "member_words",
        "birthday_noted",
        "bonus_pending",
        "tiers_pending",
        "points_moved",
    ] {
        let left = count(
            &ctx,
            &format!("SELECT count(*) FROM {table} WHERE member_id = {id}"),
        );
        assert_eq!(left, 0, "{table}");
    }
    // The consent log stays: it proves the withdrawal.
    let log = count(
        &ctx,
        &format!("SELECT count(*) FROM consents WHERE member_id = {id}"),
    );
    assert_eq!(log, 2);
}

#[test]
fn an_erased_member_is_found_nowhere_and_earns_nothing_again() {
    let dir = TempDir::new().unwrap();
    let (ctx, id, _) = club(&dir);
    erase_member(&ctx, id).unwrap();
    for key in ["HR-1001", "091 123 4567", EMAIL, &id.to_string()] {
        let e = lookup::find_member(&ctx, key).unwrap_err();
        assert_eq!(e.key(), Some("err-member-not-found"), "{key}");
    }
    for text in ["Ana", "Kovač", "kova", "4567"] {
        assert!(
            lookup::find_members(&ctx, text, 10, IfBusy::Wait)
                .unwrap()
                .is_empty()
        );
    }
    let fts = count(
        &ctx,
        &format!("SELECT count(*) FROM members_fts WHERE rowid = {id}"),
    );
    assert_eq!(fts, 0);
    assert!(
        lookup::counter_rows(&ctx, "", 50, 7)
            .unwrap()
            .iter()
            .all(|r| r.member.id != id)
    );
    assert!(till_customers::unmatched(&ctx, 50).unwrap().is_empty());
    // A full recompute walks every receipt with a member: the erased
    // member's receipts earn no points and give no tier again.
    db::loyalty::recompute(&ctx.conn, ctx.program(), ctx.clock.now()).unwrap();
    loyalty::settled(&ctx, IfBusy::Wait).unwrap();
    for table in ["points", "member_tiers", "tier_changes"] {
        let back = count(
            &ctx,
            &format!("SELECT count(*) FROM {table} WHERE member_id = {id}"),
        );
        assert_eq!(back, 0, "{table}");
    }
    // What is left of them, for their own copy.
    let export = member_export(&ctx, id).unwrap();
    assert_eq!(export["erased"], true);
    assert_eq!(export["member"]["first_name"], "");
    assert_eq!(export["member"]["phone"], serde_json::Value::Null);
    assert!(export["children"].as_array().unwrap().is_empty());
    assert!(!export.to_string().contains("Ana"));
}

#[test]
fn a_later_signup_with_the_same_contacts_starts_fresh() {
    let dir = TempDir::new().unwrap();
    let (ctx, id, _) = club(&dir);
    // `delete` is the same erasure.
    assert_eq!(
        delete_member(&ctx, id).unwrap().as_deref(),
        Some("Ana Kovač")
    );
    let Outcome::Saved(again) = sign_up(&ctx, &ana(), IfDuplicate::Ask).unwrap() else {
        panic!("the erased member is no duplicate");
    };
    assert_ne!(again.id, id);
    assert_eq!(again.claimed, 0);
    assert_eq!(again.suppressed, vec![Channel::Sms, Channel::Email]);
    let granted: Vec<Channel> = consent::current(&ctx.conn, again.id)
        .unwrap()
        .into_iter()
        .filter(|(_, g)| *g)
        .map(|(c, _)| c)
        .collect();
    assert!(granted.is_empty(), "{granted:?}");
    let theirs = count(
        &ctx,
        &format!(
            "SELECT count(*) FROM receipts WHERE member_id = {}",
            again.id
        ),
    );
    assert_eq!(theirs, 0);
}
