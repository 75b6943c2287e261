//! The outbox on a real club file: nothing before the first sync, then
//! every change of a travelling row once per field, nothing while a pull
//! writes, and pulled member fields written back without being sent again.

use serde_json::Value as Json;

use crate::db::members;
use crate::db::sync_members;
use crate::db::sync_outbox::{Change, changes, set_recording, start, started};
use crate::domain::member::MemberDraft;
use crate::ops::testing::{club, member};

fn kinds(list: &[Change]) -> Vec<(String, Option<String>)> {
    list.iter()
        .map(|c| (c.kind.clone(), c.field.clone()))
        .collect()
}

#[test]
fn nothing_is_recorded_before_the_first_sync_then_every_change_is() {
    let (_dir, ctx) = club();
    let ana = member(&ctx, "Ana", "Kovač");
    assert!(!started(&ctx.conn).unwrap());
    assert!(changes(&ctx.conn, 100).unwrap().is_empty());
    start(&ctx.conn).unwrap();
    assert!(started(&ctx.conn).unwrap());
    let uid: String = ctx
        .conn
        .query_row("SELECT uid FROM members WHERE id = ?1", [ana], |r| r.get(0))
        .unwrap();
    assert_eq!(uuid::Uuid::parse_str(&uid).unwrap().get_version_num(), 7);
    let first = changes(&ctx.conn, 100).unwrap();
    assert_eq!(kinds(&first), [("member".into(), Some("*".into()))]);
    crate::db::sync_outbox::sent(&ctx.conn, first[0].seq).unwrap();

    let mut draft = members::get(&ctx.conn, ana).unwrap().unwrap().draft;
    draft.phone = Some("+385912345678".into());
    draft.family_name = "Horvat".into();
    members::update(&ctx.conn, ana, &draft).unwrap();
    let mut fields: Vec<_> = kinds(&changes(&ctx.conn, 100).unwrap());
    fields.sort();
    assert_eq!(
        fields,
        [
            ("member".into(), Some("family_name".into())),
            ("member".into(), Some("phone".into()))
        ]
    );
    let at = changes(&ctx.conn, 100).unwrap()[0].at.clone();
    assert_eq!(
        at.as_deref(),
        Some("2026-11-23 12:00:00"),
        "the app's clock"
    );
}

#[test]
fn pulled_fields_are_written_but_not_sent_back_and_an_unsent_edit_waits() {
    let (_dir, ctx) = club();
    start(&ctx.conn).unwrap();
    set_recording(&ctx.conn, false).unwrap();
    let fields = vec![
        ("first_name".to_string(), Json::from("Mia")),
        ("phone".to_string(), Json::from("+385911111111")),
        ("joined".to_string(), Json::from("2026-01-05")),
    ];
    assert!(sync_members::apply(&ctx.conn, "0190-test-mia", &fields, "Harbour").unwrap());
    set_recording(&ctx.conn, true).unwrap();
    assert!(changes(&ctx.conn, 100).unwrap().is_empty());
    let id: i64 = ctx
        .conn
        .query_row(
            "SELECT id FROM members WHERE uid = '0190-test-mia' AND shop = 'Harbour'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mia = members::get(&ctx.conn, id).unwrap().unwrap();
    assert_eq!(mia.draft.phone.as_deref(), Some("+385911111111"));
    assert_eq!(mia.joined_at.to_string(), "2026-01-05");

    // This shop changes the phone; a pulled phone must not overwrite it
    // before the server has seen both.
    let draft = MemberDraft {
        phone: Some("+385912222222".into()),
        ..mia.draft.clone()
    };
    members::update(&ctx.conn, id, &draft).unwrap();
    let pulled = vec![
        ("phone".to_string(), Json::from("+385913333333")),
        ("area".to_string(), Json::from("Split")),
    ];
    sync_members::apply(&ctx.conn, "0190-test-mia", &pulled, "Harbour").unwrap();
    let now = members::get(&ctx.conn, id).unwrap().unwrap().draft;
    assert_eq!(now.phone.as_deref(), Some("+385912222222"));
    assert_eq!(now.area.as_deref(), Some("Split"));
}
