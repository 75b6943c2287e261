use super::*;
use crate::domain::member::Channel;
use crate::ops::members::{delete_member, sign_up};
use crate::ops::testing::club;

fn ana(ctx: &Ctx) -> i64 {
    let input = MemberInput {
        first_name: "Ana".into(),
        family_name: "Kovač".into(),
        phone: "091 234 5678".into(),
        birthday: "14.3.1986".into(),
        card: "HR-1001".into(),
        consents: vec!["sms".into()],
        ..MemberInput::default()
    };
    match sign_up(ctx, &input, IfDuplicate::Ask).unwrap() {
        Outcome::Saved(saved) => saved.id,
        other => panic!("{other:?}"),
    }
}

#[test]
fn only_the_details_given_change() {
    let (_dir, ctx) = club();
    let id = ana(&ctx);
    let change = MemberChange {
        email: Some("ana@example.com".into()),
        family_name: Some("Horvat".into()),
        ..MemberChange::default()
    };
    change_member(&ctx, id, &change, IfDuplicate::Ask).unwrap();
    let card = db::members::card(&ctx.conn, id).unwrap().unwrap();
    let d = &card.member.draft;
    assert_eq!(card.member.full_name(), "Ana Horvat");
    assert_eq!(d.email.as_deref(), Some("ana@example.com"));
    assert_eq!(d.phone.as_deref(), Some("+385912345678"));
    assert_eq!(d.card.as_deref(), Some("HR-1001"));
    let b = d.birthday.unwrap();
    assert_eq!((b.day, b.month, b.year), (14, 3, Some(1986)));
    let sms = card
        .consents
        .iter()
        .find(|c| c.channel == Channel::Sms)
        .unwrap();
    assert!(sms.granted);
}

#[test]
fn a_bad_change_is_refused_and_nothing_changes() {
    let (_dir, ctx) = club();
    let id = ana(&ctx);
    let change = MemberChange {
        first_name: Some("Anna".into()),
        phone: Some("12".into()),
        ..MemberChange::default()
    };
    let err = change_member(&ctx, id, &change, IfDuplicate::Ask).unwrap_err();
    assert_eq!(err.key(), Some("err-field"));
    let card = db::members::card(&ctx.conn, id).unwrap().unwrap();
    assert_eq!(card.member.draft.first_name, "Ana");
    let err = change_member(&ctx, id + 1, &MemberChange::default(), IfDuplicate::Ask).unwrap_err();
    assert_eq!(err.key(), Some("err-member-not-found"));
}

#[test]
fn a_deleted_member_is_gone() {
    let (_dir, ctx) = club();
    let id = ana(&ctx);
    assert_eq!(
        delete_member(&ctx, id).unwrap().as_deref(),
        Some("Ana Kovač")
    );
    assert!(db::members::get(&ctx.conn, id).unwrap().is_none());
    assert_eq!(delete_member(&ctx, id).unwrap(), None);
}

#[test]
fn a_member_with_several_receipts_is_deleted_and_their_receipts_stay() {
    let (_dir, ctx) = club();
    let id = ana(&ctx);
    for till_id in ["a1", "a2", "a3"] {
        ctx.conn
            .execute(
                "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
                 VALUES ('generic', ?1, '2026-11-01', 900, 'sale', ?2)",
                rusqlite::params![till_id, id],
            )
            .unwrap();
    }
    // The points are settled once, so the queues start empty.
    crate::ops::loyalty::settled(&ctx, crate::ops::loyalty::IfBusy::Wait).unwrap();
    assert_eq!(
        delete_member(&ctx, id).unwrap().as_deref(),
        Some("Ana Kovač")
    );
    // Deleting is erasing: the receipts stay on the erased member's row,
    // so the shop's figures per member stay whole.
    let left: i64 = ctx
        .conn
        .query_row(
            "SELECT count(*) FROM receipts WHERE member_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 3);
}
