//! One person, one member, on a real database file: a phone, email or card
//! another member holds is refused at signup and edit naming them; a key
//! two old members share is refused as ambiguous; `check` lists them.

use chrono::NaiveDate;
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::ops::duplicates::{Shared, club_duplicates};
use regulars::ops::lookup;
use regulars::ops::members::{IfDuplicate, MemberInput, Outcome, edit_member, sign_up};
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

fn person(first: &str, phone: &str, email: &str, card: &str) -> MemberInput {
    MemberInput {
        first_name: first.into(),
        family_name: "Kovač".into(),
        phone: phone.into(),
        email: email.into(),
        card: card.into(),
        ..MemberInput::default()
    }
}

fn id_of(outcome: Outcome) -> i64 {
    match outcome {
        Outcome::Saved(saved) => saved.id,
        other => panic!("not saved: {other:?}"),
    }
}

fn members(ctx: &Ctx) -> i64 {
    db::members::count(&ctx.conn).unwrap()
}

#[test]
fn a_phone_email_or_card_of_another_member_is_refused_naming_them() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let ana = person("Ana", "091 234 5678", "ana@example.com", "HR-1001");
    let ana_id = id_of(sign_up(&ctx, &ana, IfDuplicate::Ask).unwrap());
    let cases = [
        ("err-phone-taken", person("Ivo", "+385 91 234 5678", "", "")),
        ("err-email-taken", person("Ivo", "", "ANA@example.com", "")),
        ("err-card-taken", person("Ivo", "", "", "HR-1001")),
        // The same card typed without its dash is the same card.
        ("err-card-taken", person("Ivo", "", "", "hr1001")),
    ];
    for (key, input) in &cases {
        // Saving anyway does not pass either: this is not a maybe.
        let e = sign_up(&ctx, input, IfDuplicate::SaveAnyway).unwrap_err();
        assert_eq!(e.key(), Some(*key), "{input:?}");
        let line = e.to_string();
        assert!(
            line.contains("Ana Kovač") && line.contains(&ana_id.to_string()),
            "{line}"
        );
    }
    assert_eq!(members(&ctx), 1);
    // An edit may keep its own details but not take another member's.
    let ivo_id = id_of(
        sign_up(
            &ctx,
            &person("Ivo", "098 111 2222", "", ""),
            IfDuplicate::Ask,
        )
        .unwrap(),
    );
    let e = edit_member(
        &ctx,
        ivo_id,
        &person("Ivo", "098 111 2222", "ana@example.com", ""),
        IfDuplicate::SaveAnyway,
    )
    .unwrap_err();
    assert_eq!(e.key(), Some("err-email-taken"));
    let kept = edit_member(
        &ctx,
        ana_id,
        &person("Ana", "091 234 5678", "ana@example.com", "HR-1001"),
        IfDuplicate::Ask,
    );
    assert_eq!(id_of(kept.unwrap()), ana_id);
    let stored: Option<String> = ctx
        .conn
        .query_row("SELECT email FROM members WHERE id = ?1", [ivo_id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(stored, None, "the refused edit changed nothing");
}

/// Two members with one phone and one email, as a club could hold them
/// before duplicates were refused, written past the operations.
fn club_with_old_duplicates(ctx: &Ctx) -> (i64, i64) {
    let a = id_of(
        sign_up(
            ctx,
            &person("Ana", "091 234 5678", "ana@example.com", "C-1"),
            IfDuplicate::Ask,
        )
        .unwrap(),
    );
    let b = id_of(sign_up(ctx, &person("Ana", "", "", "C 2"), IfDuplicate::Ask).unwrap());
    ctx.conn
        .execute(
            "UPDATE members SET phone = '+385912345678', email = 'ana@example.com' WHERE id = ?1",
            [b],
        )
        .unwrap();
    (a, b)
}

#[test]
fn a_key_two_members_share_is_ambiguous_and_names_both() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let (a, b) = club_with_old_duplicates(&ctx);
    for key in ["091 234 5678", "ana@example.com"] {
        let e = lookup::find_member(&ctx, key).unwrap_err();
        assert_eq!(e.key(), Some("err-member-ambiguous"));
        assert!(e.to_string().contains(&format!("{a}, {b}")), "{e}");
    }
    // Cards and ids are still one member each; a card without its dash too.
    assert_eq!(lookup::find_member(&ctx, "C-1").unwrap(), a);
    assert_eq!(lookup::find_member(&ctx, "c1").unwrap(), a);
    assert_eq!(lookup::find_member(&ctx, "c2").unwrap(), b);
    assert_eq!(lookup::find_member(&ctx, &b.to_string()).unwrap(), b);
}

#[test]
fn check_lists_shared_details_then_names_with_one_birthday() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    assert!(club_duplicates(&ctx).unwrap().is_empty());
    let (a, b) = club_with_old_duplicates(&ctx);
    let born = |id: i64| {
        ctx.conn
            .execute(
                "UPDATE members SET birth_month = 3, birth_day = 14 WHERE id = ?1",
                [id],
            )
            .unwrap()
    };
    born(a);
    born(b);
    let groups = club_duplicates(&ctx).unwrap();
    let found: Vec<(Shared, &str)> = groups
        .iter()
        .map(|g| (g.shared, g.value.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            (Shared::Phone, "+385912345678"),
            (Shared::Email, "ana@example.com"),
            (Shared::NameAndBirthday, "Ana Kovač, 03-14"),
        ]
    );
    for g in &groups {
        let ids: Vec<i64> = g.members.iter().map(|m| m.0).collect();
        assert_eq!(ids, vec![a, b]);
    }
}
