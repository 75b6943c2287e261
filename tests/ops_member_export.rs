//! A member's own copy of their data, read from a real club file.

mod privacy_support;

use privacy_support::{EMAIL, PHONE, count, full_member, shop};
use regulars::ops::member_export::{export_key, member_export, write_member_export};
use tempfile::TempDir;

#[test]
fn the_export_holds_every_part_of_the_member() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let id = full_member(&ctx);
    let export = member_export(&ctx, id).unwrap();
    assert_eq!(export["id"], id);
    assert_eq!(export["erased"], false);
    let member = &export["member"];
    assert_eq!(member["first_name"], "Ana");
    assert_eq!(member["phone"], PHONE);
    assert_eq!(member["email"], EMAIL);
    assert_eq!(member["birth_year"], 1986);
    assert_eq!(member["card"], "HR-1001");
    assert_eq!(member["note"], "Likes oat milk");
    assert_eq!(member["joined_at"], "2026-11-23");
    assert!(member.as_object().unwrap().contains_key("erased_at"));
    assert_eq!(export["children"][0]["name"], "Mia");
    assert_eq!(export["children"][0]["born"], "2019-05-02");
    assert_eq!(export["pets"][0]["kind"], "dog");
    assert_eq!(export["consent"]["sms"], true);
    assert_eq!(export["consent"]["post"], false);
    assert_eq!(export["consent_history"].as_array().unwrap().len(), 2);
    let receipts = export["receipts"].as_array().unwrap();
    assert_eq!(receipts.len(), 3);
    let totals: Vec<i64> = receipts
        .iter()
        .map(|r| r["total_minor"].as_i64().unwrap())
        .collect();
    assert_eq!(totals.iter().sum::<i64>(), 1250 + 4000 - 800);
    assert_eq!(receipts[0]["cust_name"], "Ana K.");
    assert_eq!(receipts[0]["local_date"], "2026-11-02");
    assert_eq!(receipts[0]["lines"][0]["item"], "Sourdough");
    assert_eq!(export["till_customers"][0]["value"], "T-77");
    assert_eq!(export["contact_log"][0]["what"], "birthday");
    let points = count(
        &ctx,
        &format!("SELECT count(*) FROM points WHERE member_id = {id}"),
    );
    assert_eq!(export["points"].as_array().unwrap().len() as i64, points);
    let balance = count(
        &ctx,
        &format!("SELECT coalesce(sum(delta), 0) FROM points WHERE member_id = {id}"),
    );
    assert_eq!(export["points_balance"], balance);
    for part in ["tier", "tier_history", "search_words", "birthday_noted"] {
        assert!(export[part].is_array(), "{part}");
    }
}

#[test]
fn the_file_is_for_the_owner_only_and_named_by_member_and_day() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let id = full_member(&ctx);
    let path = write_member_export(&ctx, id, None).unwrap();
    assert_eq!(
        path,
        dir.path()
            .join("exports")
            .join(format!("member-{id}-2026-11-23.json"))
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let back: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(back["member"]["first_name"], "Ana");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn a_key_no_member_has_is_named() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    full_member(&ctx);
    let e = export_key(&ctx, "HR-9999").unwrap_err();
    assert_eq!(e.key(), Some("err-member-not-found"));
    let e = export_key(&ctx, "42").unwrap_err();
    assert_eq!(e.key(), Some("err-member-not-found"));
    assert_eq!(export_key(&ctx, "091 123 4567").unwrap(), 1);
}
