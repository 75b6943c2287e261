use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use super::*;
use crate::config::Config;
use crate::db::{loyalty_bonus, loyalty_tiers, members, tier_overview};
use crate::domain::member::{Birthday, MemberDraft};

const PROGRAM: &str = "[shop]\ncountry = \"HR\"\ncurrency = \"EUR\"\n\
[points]\nper_unit = 1\n{bonuses}\n\
[loyalty]\ngrace_days = 60\n\
[[tiers]]\nname = \"Bronze\"\nmin = 0\n\
[[tiers]]\nname = \"Silver\"\nmin = 200\n\
[[tiers]]\nname = \"Gold\"\nmin = 500\n";

fn program(bonuses: &str) -> Program {
    Config::parse(&PROGRAM.replace("{bonuses}", bonuses), Path::new("t.toml"))
        .unwrap()
        .loyalty()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn noon(y: i32, m: u32, d: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(12, 0, 0).unwrap()
}

fn member(
    conn: &Connection,
    first: &str,
    birthday: Option<(u32, u32)>,
    joined: NaiveDateTime,
) -> i64 {
    let draft = MemberDraft {
        first_name: first.into(),
        birthday: birthday.map(|(month, day)| Birthday {
            month,
            day,
            year: None,
        }),
        ..MemberDraft::default()
    };
    members::insert(conn, &draft, &[], joined).unwrap()
}

fn receipt(conn: &Connection, member_id: Option<i64>, till_id: &str, date: &str, total: i64) {
    let kind = if total < 0 { "refund" } else { "sale" };
    conn.execute(
        "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
         VALUES ('generic', ?1, ?2, ?3, ?4, ?5)",
        rusqlite::params![till_id, date, total, kind, member_id],
    )
    .unwrap();
}

/// The whole ledger as (member, delta, reason, detail), in writing order.
fn ledger_rows(conn: &Connection) -> Vec<(i64, i64, String, Option<String>)> {
    let mut stmt = conn
        .prepare("SELECT member_id, delta, reason, detail FROM points ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn a_refund_after_redemption_takes_back_only_what_is_left() {
    let conn = crate::db::open_in_memory().unwrap();
    let p = program("");
    let ana = member(&conn, "Ana", None, noon(2026, 1, 1));
    receipt(&conn, Some(ana), "R1", "2026-03-01", 5_099);
    assert_eq!(settle(&conn, &p, noon(2026, 3, 2)).unwrap().earn_rows, 1);
    assert_eq!(ledger::balance(&conn, ana).unwrap(), 50, "€50.99 earns 50");
    ledger::redeem(&conn, ana, 40, None, noon(2026, 3, 3)).unwrap();
    receipt(&conn, Some(ana), "R1/refund", "2026-03-04", -5_099);
    settle(&conn, &p, noon(2026, 3, 4)).unwrap();
    assert_eq!(ledger::balance(&conn, ana).unwrap(), 0, "never below zero");
    let rows = ledger_rows(&conn);
    assert_eq!(rows[2], (ana, -10, "earn".into(), Some("refund".into())));
    // Nothing is taken again later, even with points back on the balance.
    ledger::adjust(&conn, ana, 30, "goodwill", noon(2026, 3, 5)).unwrap();
    recompute(&conn, &p, noon(2026, 3, 6)).unwrap();
    assert_eq!(ledger::balance(&conn, ana).unwrap(), 30);
}

#[test]
fn importing_the_same_receipts_twice_earns_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("club.db");
    let mut conn = crate::db::open(&path).unwrap();
    let p = program("signup_bonus = 50");
    let draft = MemberDraft {
        first_name: "Maya".into(),
        card: Some("IL-2001".into()),
        ..MemberDraft::default()
    };
    let maya = members::insert(&conn, &draft, &[], noon(2026, 1, 1)).unwrap();
    let head = "receipt_id,time,total,phone,email,card,item,qty,amount\n";
    let lines = "R1,2026-01-17T19:10:43,54.00,,,IL-2001,Bread,1,54.00\n\
                 R2,2026-01-22T15:08:34,272.13,,,IL-2001,Crayons,2,272.13\n\
                 R9,2026-01-22T20:10:43,-54.00,,,IL-2001,Bread,-1,-54.00\n";
    let first = dir.path().join("january.csv");
    std::fs::write(&first, format!("{head}{lines}")).unwrap();
    // The same receipts again in another export, with one more.
    let second = dir.path().join("january-again.csv");
    std::fs::write(
        &second,
        format!("{head}{lines}R3,2026-01-30T10:00:00,10.00,,,IL-2001,Tea,1,10.00\n"),
    )
    .unwrap();
    let opts = crate::import::Options {
        format: None,
        encoding: None,
        country: "HR".into(),
        currency: p.currency,
        max_receipt: crate::config::DEFAULT_MAX_RECEIPT,
        today: day(2026, 2, 1),
        dry_run: false,
    };
    let cancel = std::sync::atomic::AtomicBool::new(false);
    for file in [&first, &first, &second] {
        let mut progress = |_| {};
        let control = crate::import::sink::Control {
            progress: &mut progress,
            cancel: &cancel,
        };
        crate::import::import_file(&mut conn, file, &opts, noon(2026, 2, 1), control).unwrap();
        settle(&conn, &p, noon(2026, 2, 1)).unwrap();
    }
    // 50 signup + 54 + 272 - 54 + 10
    assert_eq!(ledger::balance(&conn, maya).unwrap(), 332);
    let before = ledger_rows(&conn);
    assert_eq!(before.len(), 5);
    recompute(&conn, &p, noon(2026, 2, 2)).unwrap();
    recompute(&conn, &p, noon(2026, 2, 2)).unwrap();
    assert_eq!(ledger_rows(&conn), before);
}

#[test]
fn a_receipt_that_becomes_a_members_later_earns_then() {
    let conn = crate::db::open_in_memory().unwrap();
    let p = program("");
    receipt(&conn, None, "R1", "2026-03-01", 2_500);
    let ana = member(&conn, "Ana", None, noon(2026, 3, 10));
    settle(&conn, &p, noon(2026, 3, 10)).unwrap();
    assert_eq!(ledger::balance(&conn, ana).unwrap(), 0);
    conn.execute("UPDATE receipts SET member_id = ?1", [ana])
        .unwrap();
    settle(&conn, &p, noon(2026, 3, 10)).unwrap();
    assert_eq!(ledger::balance(&conn, ana).unwrap(), 25);
}

#[test]
fn turning_earning_on_later_earns_for_the_history() {
    let conn = crate::db::open_in_memory().unwrap();
    let ana = member(&conn, "Ana", None, noon(2026, 1, 1));
    receipt(&conn, Some(ana), "R1", "2026-03-01", 2_500);
    let off = Config::parse(
        &PROGRAM
            .replace("per_unit = 1", "per_unit = 0")
            .replace("{bonuses}", ""),
        Path::new("t.toml"),
    )
    .unwrap()
    .loyalty();
    settle(&conn, &off, noon(2026, 3, 2)).unwrap();
    assert_eq!(ledger::balance(&conn, ana).unwrap(), 0);
    settle(&conn, &program(""), noon(2026, 3, 2)).unwrap();
    assert_eq!(ledger::balance(&conn, ana).unwrap(), 25);
}

#[test]
fn signup_and_referral_bonuses_are_given_once_each() {
    let conn = crate::db::open_in_memory().unwrap();
    let p = program("signup_bonus = 50\nreferral_bonus = 100\nreview_bonus = 25");
    let ana = member(&conn, "Ana", None, noon(2026, 1, 1));
    let ivo = member(&conn, "Ivo", None, noon(2026, 2, 1));
    settle(&conn, &p, noon(2026, 2, 1)).unwrap();
    assert!(loyalty_bonus::record_referral(&conn, &p, ivo, ana, noon(2026, 2, 1)).unwrap());
    assert!(!loyalty_bonus::record_referral(&conn, &p, ivo, ana, noon(2026, 2, 2)).unwrap());
    assert!(loyalty_bonus::record_referral(&conn, &p, ana, ana, noon(2026, 2, 2)).is_err());
    settle(&conn, &p, noon(2026, 2, 3)).unwrap();
    recompute(&conn, &p, noon(2026, 2, 4)).unwrap();
    assert_eq!(ledger::balance(&conn, ana).unwrap(), 150);
    assert_eq!(ledger::balance(&conn, ivo).unwrap(), 150);
    assert!(loyalty_bonus::review(&conn, &p, ana, noon(2026, 2, 5)).unwrap());
    assert!(!loyalty_bonus::review(&conn, &p, ana, noon(2026, 2, 6)).unwrap());
    assert_eq!(ledger::balance(&conn, ana).unwrap(), 175);
}

#[test]
fn birthday_bonus_once_a_year_and_not_for_a_birthday_typed_in_lately() {
    let conn = crate::db::open_in_memory().unwrap();
    let p = program("birthday_bonus = 100");
    // 2026-03-14 is a Saturday: its week is Mon 9 .. Sun 15 March.
    let ana = member(&conn, "Ana", Some((3, 14)), noon(2025, 1, 1));
    let ivo = member(&conn, "Ivo", None, noon(2025, 1, 1));
    settle(&conn, &p, noon(2026, 3, 8)).unwrap();
    assert_eq!(ledger::balance(&conn, ana).unwrap(), 0, "the week before");
    // Ivo tells his birthday at the till on 1 March.
    let mut draft = members::get(&conn, ivo).unwrap().unwrap().draft;
    draft.birthday = Some(Birthday {
        month: 3,
        day: 12,
        year: None,
    });
    settle(&conn, &p, noon(2026, 2, 28)).unwrap();
    members::update(&conn, ivo, &draft).unwrap();
    settle(&conn, &p, noon(2026, 3, 1)).unwrap();
    for d in 9..=15 {
        settle(&conn, &p, noon(2026, 3, d)).unwrap();
        recompute(&conn, &p, noon(2026, 3, d)).unwrap();
    }
    assert_eq!(ledger::balance(&conn, ana).unwrap(), 100);
    assert_eq!(
        ledger::balance(&conn, ivo).unwrap(),
        0,
        "entered 8 days before"
    );
    settle(&conn, &p, noon(2027, 3, 10)).unwrap();
    assert_eq!(ledger::balance(&conn, ana).unwrap(), 200);
    assert_eq!(
        ledger::balance(&conn, ivo).unwrap(),
        100,
        "a year later it counts"
    );
}

#[test]
fn a_feb29_birthday_gets_its_bonus_in_common_years() {
    let conn = crate::db::open_in_memory().unwrap();
    let p = program("birthday_bonus = 100");
    let leap = member(&conn, "Lea", Some((2, 29)), noon(2020, 1, 1));
    // 2027-02-28 is a Sunday: with "feb28" the week is Mon 22 .. Sun 28 Feb.
    settle(&conn, &p, noon(2027, 2, 21)).unwrap();
    assert_eq!(ledger::balance(&conn, leap).unwrap(), 0);
    settle(&conn, &p, noon(2027, 2, 25)).unwrap();
    settle(&conn, &p, noon(2027, 3, 1)).unwrap();
    assert_eq!(ledger::balance(&conn, leap).unwrap(), 100);
    // 2028 is a leap year: the week of Tue 29 Feb.
    settle(&conn, &p, noon(2028, 3, 2)).unwrap();
    assert_eq!(ledger::balance(&conn, leap).unwrap(), 200);
}

#[test]
fn idle_points_expire_after_the_configured_months() {
    let conn = crate::db::open_in_memory().unwrap();
    let p = program("expiry_months = 6");
    let ana = member(&conn, "Ana", None, noon(2025, 6, 1));
    let ivo = member(&conn, "Ivo", None, noon(2025, 6, 1));
    receipt(&conn, Some(ana), "R1", "2026-01-31", 8_000);
    receipt(&conn, Some(ivo), "R2", "2026-01-31", 8_000);
    settle(&conn, &p, noon(2026, 2, 1)).unwrap();
    ledger::redeem(&conn, ivo, 10, None, noon(2026, 5, 1)).unwrap();
    settle(&conn, &p, noon(2026, 7, 30)).unwrap();
    assert_eq!(ledger::balance(&conn, ana).unwrap(), 80);
    let done = settle(&conn, &p, noon(2026, 7, 31)).unwrap();
    assert_eq!(done.expired, 1);
    assert_eq!(ledger::balance(&conn, ana).unwrap(), 0);
    assert_eq!(ledger::balance(&conn, ivo).unwrap(), 70, "redeemed in May");
    let last = ledger::history(&conn, ana).unwrap().pop().unwrap();
    assert_eq!(
        (last.reason, last.detail.as_deref()),
        (ledger::Reason::Expire, Some("2026-07-31"))
    );
    recompute(&conn, &p, noon(2026, 8, 1)).unwrap();
    assert_eq!(ledger::balance(&conn, ana).unwrap(), 0);
}

#[test]
fn tiers_do_not_depend_on_the_order_receipts_arrive_in() {
    let p = program("");
    let receipts = [
        ("R1", "2025-03-01", 25_000),
        ("R2", "2025-05-01", 30_000),
        ("R3", "2025-12-24", 9_000),
        ("R4", "2026-04-01", -5_000),
        ("R5", "2026-11-02", 21_000),
    ];
    let mut results = vec![];
    for order in [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3]] {
        let conn = crate::db::open_in_memory().unwrap();
        let ana = member(&conn, "Ana", None, noon(2025, 1, 1));
        member(&conn, "Ivo", None, noon(2025, 1, 1));
        for i in order {
            let (id, date, total) = receipts[i];
            receipt(&conn, Some(ana), id, date, total);
        }
        recompute(&conn, &p, noon(2026, 11, 23)).unwrap();
        let changes: Vec<(String, String, String)> = conn
            .prepare("SELECT on_date, from_tier, to_tier FROM tier_changes ORDER BY on_date")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let overview = tier_overview::overview(&conn, &p, day(2026, 11, 23)).unwrap();
        results.push((changes, overview, ledger_rows(&conn).len()));
    }
    assert!(results.windows(2).all(|w| w[0] == w[1]));
    let (changes, overview, _) = &results[0];
    assert_eq!(
        changes[..2],
        [
            ("2025-03-01".into(), "Bronze".into(), "Silver".into()),
            ("2025-05-01".into(), "Silver".into(), "Gold".into())
        ]
    );
    assert_eq!(overview.counts, vec![1, 1, 0]);
    assert_eq!(overview.moved_up, 1, "back to Silver on 2 Nov: {changes:?}");
}

#[test]
fn rows_get_tier_names_and_points_and_a_nudge_list_is_kept() {
    let conn = crate::db::open_in_memory().unwrap();
    let p = program("");
    let ana = member(&conn, "Ana", None, noon(2026, 1, 1));
    let ivo = member(&conn, "Ivo", None, noon(2026, 1, 1));
    receipt(&conn, Some(ana), "R1", "2026-10-01", 46_300);
    receipt(&conn, Some(ivo), "R2", "2026-10-01", 5_000);
    recompute(&conn, &p, noon(2026, 11, 23)).unwrap();
    let mut rows = crate::db::search::search(&conn, "", day(2026, 11, 23), 10).unwrap();
    fill_rows(&conn, &p, &mut rows, day(2026, 11, 23)).unwrap();
    let by_name = |name: &str| rows.iter().find(|r| r.first_name == name).unwrap();
    assert_eq!(
        (by_name("Ana").tier.as_deref(), by_name("Ana").points),
        (Some("Silver"), 463)
    );
    assert_eq!(by_name("Ivo").tier.as_deref(), Some("Bronze"));
    let overview = tier_overview::overview(&conn, &p, day(2026, 11, 23)).unwrap();
    assert_eq!(overview.nudge_total, 1);
    assert_eq!(
        (overview.nudges[0].name.as_str(), overview.nudges[0].gap),
        ("Ana", 3_700)
    );
}

/// (member, day, tier moved to)
type StoredChange = (i64, String, String);

#[test]
fn a_second_recompute_writes_nothing_and_a_lost_receipt_is_noticed() {
    let conn = crate::db::open_in_memory().unwrap();
    let p = program("");
    let ana = member(&conn, "Ana", None, noon(2025, 1, 1));
    receipt(&conn, Some(ana), "R1", "2026-01-01", 25_000);
    receipt(&conn, Some(ana), "R2", "2026-10-01", 30_000);
    recompute(&conn, &p, noon(2026, 11, 23)).unwrap();
    let stored = |conn: &Connection| -> (Vec<(i64, i64)>, Vec<StoredChange>) {
        let tiers = conn
            .prepare("SELECT member_id, tier FROM member_tiers")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let changes = conn
            .prepare("SELECT member_id, on_date, to_tier FROM tier_changes ORDER BY rowid")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        (tiers, changes)
    };
    let first = stored(&conn);
    assert_eq!(first.0, vec![(ana, 2)]);
    let changes_before: i64 = conn
        .query_row("SELECT total_changes()", [], |r| r.get(0))
        .unwrap();
    loyalty_tiers::recompute_tiers(&conn, &p, day(2026, 11, 23)).unwrap();
    let changes_after: i64 = conn
        .query_row("SELECT total_changes()", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        changes_after - changes_before,
        1,
        "only the day of the recompute is noted"
    );
    assert_eq!(stored(&conn), first);
    conn.execute(
        "UPDATE receipts SET member_id = NULL WHERE till_id = 'R2'",
        [],
    )
    .unwrap();
    recompute(&conn, &p, noon(2026, 11, 23)).unwrap();
    let second = stored(&conn);
    assert_eq!(second.0, vec![(ana, 1)]);
    assert_eq!(second.1, vec![(ana, "2026-01-01".into(), "Silver".into())]);
    conn.execute("UPDATE receipts SET member_id = NULL", [])
        .unwrap();
    recompute(&conn, &p, noon(2026, 11, 23)).unwrap();
    assert_eq!(stored(&conn), (vec![], vec![]));
}
