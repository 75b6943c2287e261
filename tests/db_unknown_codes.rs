//! A code in the database that this version does not know (a row written by
//! a newer version, or damaged by hand) is an error naming the column and
//! the code: it is never read as some other channel, reason or kind.

use chrono::NaiveDate;
use regulars::db::{self, contacts, ledger, members};
use regulars::domain::member::MemberDraft;
use rusqlite::Connection;

fn club() -> (Connection, i64) {
    let conn = db::open_in_memory().unwrap();
    let now = NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();
    let draft = MemberDraft {
        first_name: "Ana".into(),
        family_name: "Kovač".into(),
        ..Default::default()
    };
    let id = members::insert(&conn, &draft, &[], now).unwrap();
    (conn, id)
}

/// Rows as a later schema could hold them: its checks would allow them.
fn write_unchecked(conn: &Connection, sql: &str, id: i64) {
    conn.execute_batch("PRAGMA ignore_check_constraints = ON")
        .unwrap();
    conn.execute(sql, [id]).unwrap();
    conn.execute_batch("PRAGMA ignore_check_constraints = OFF")
        .unwrap();
}

fn says_unknown(err: regulars::error::Error, column: &str, code: &str) {
    assert_eq!(err.key(), Some("err-db-unknown-code"), "{err}");
    let text = err.to_string();
    assert!(text.contains(column) && text.contains(code), "{text}");
    assert!(!text.contains('\n'), "one line: {text}");
}

#[test]
fn an_unknown_consent_channel_is_an_error_not_post() {
    let (conn, id) = club();
    write_unchecked(
        &conn,
        "INSERT INTO consents (member_id, channel, granted, at, how)
         VALUES (?1, 'fax', 1, '2026-11-23 12:00:00', 'form')",
        id,
    );
    says_unknown(
        members::consents(&conn, id).unwrap_err(),
        "consents.channel",
        "fax",
    );
}

#[test]
fn an_unknown_points_reason_is_an_error_not_an_adjustment() {
    let (conn, id) = club();
    write_unchecked(
        &conn,
        "INSERT INTO points (member_id, delta, reason, at)
         VALUES (?1, 5, 'gift', '2026-11-23 12:00:00')",
        id,
    );
    says_unknown(
        ledger::history(&conn, id).unwrap_err(),
        "points.reason",
        "gift",
    );
}

#[test]
fn an_unknown_contact_reason_is_an_error_not_left_out() {
    let (conn, id) = club();
    conn.execute(
        "INSERT INTO contact_log (member_id, what, channel, at)
         VALUES (?1, 'newsletter', 'sms', '2026-11-23 12:00:00')",
        [id],
    )
    .unwrap();
    says_unknown(
        contacts::of_member(&conn, id).unwrap_err(),
        "contact_log.what",
        "newsletter",
    );
}

#[test]
fn known_codes_still_read() {
    let (conn, id) = club();
    conn.execute(
        "INSERT INTO consents (member_id, channel, granted, at, how)
         VALUES (?1, 'sms', 1, '2026-11-23 12:00:00', 'form')",
        [id],
    )
    .unwrap();
    let consents = members::consents(&conn, id).unwrap();
    assert_eq!(consents.len(), 1);
    assert_eq!(consents[0].channel.code(), "sms");
}
