use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::db::members;
use crate::domain::member::MemberDraft;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap()
}

fn club() -> (Connection, i64) {
    let conn = crate::db::open_in_memory().unwrap();
    let draft = MemberDraft {
        first_name: "Ana".into(),
        family_name: "Kovač".into(),
        ..MemberDraft::default()
    };
    let id = members::insert(&conn, &draft, &[], now()).unwrap();
    (conn, id)
}

#[test]
fn balance_is_the_sum_and_history_keeps_every_row() {
    let (conn, ana) = club();
    assert_eq!(balance(&conn, ana).unwrap(), 0);
    assert_eq!(
        adjust(&conn, ana, 120, "opening balance from the old cards", now()).unwrap(),
        120
    );
    assert_eq!(
        redeem(&conn, ana, 100, Some("Free coffee"), now()).unwrap(),
        20
    );
    let rows = history(&conn, ana).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].reason, Reason::Adjust);
    assert_eq!(
        rows[0].note.as_deref(),
        Some("opening balance from the old cards")
    );
    assert_eq!((rows[1].reason, rows[1].delta), (Reason::Redeem, -100));
    assert_eq!(rows[1].detail.as_deref(), Some("Free coffee"));
    assert_eq!(balances(&conn, &[ana, 999]).unwrap().get(&ana), Some(&20));
}

#[test]
fn redeeming_more_than_the_balance_is_refused_and_nothing_written() {
    let (conn, ana) = club();
    adjust(&conn, ana, 40, "welcome", now()).unwrap();
    let err = redeem(&conn, ana, 100, None, now())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("40") && err.contains("100") && err.contains("60"),
        "{err}"
    );
    assert!(redeem(&conn, ana, 0, None, now()).is_err());
    assert!(redeem(&conn, ana, -5, None, now()).is_err());
    assert_eq!(history(&conn, ana).unwrap().len(), 1);
    assert_eq!(balance(&conn, ana).unwrap(), 40);
    // The usual sync setting is back after the durable write.
    let sync: i64 = conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sync, 1, "NORMAL");
}

#[test]
fn an_adjustment_needs_a_note_and_may_go_below_zero() {
    let (conn, ana) = club();
    assert!(adjust(&conn, ana, -10, "  ", now()).is_err());
    assert!(adjust(&conn, ana, 0, "nothing", now()).is_err());
    assert_eq!(
        adjust(&conn, ana, -10, "card lost, points moved", now()).unwrap(),
        -10
    );
    assert!(
        redeem(&conn, 999, 1, None, now()).is_err(),
        "no such member"
    );
}

#[test]
fn ledger_rows_cannot_be_changed() {
    let (conn, ana) = club();
    adjust(&conn, ana, 10, "welcome", now()).unwrap();
    let err = conn
        .execute("UPDATE points SET delta = 1000", [])
        .unwrap_err()
        .to_string();
    assert!(err.contains("append-only"), "{err}");
    assert_eq!(balance(&conn, ana).unwrap(), 10);
}

#[test]
fn a_once_key_writes_once() {
    let (conn, ana) = club();
    let entry = NewEntry {
        member_id: ana,
        delta: 50,
        reason: Some(Reason::Bonus),
        detail: Some("signup"),
        once_key: Some("signup"),
        at: now(),
        ..NewEntry::default()
    };
    assert!(append(&conn, &entry).unwrap());
    assert!(!append(&conn, &entry).unwrap());
    assert_eq!(balance(&conn, ana).unwrap(), 50);
}
