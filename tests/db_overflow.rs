//! A database that already holds absurd receipts (written before imports
//! refused them, or by hand) must not stop the shop: every command that sums
//! money or points keeps working. Sums that leave the range of a 64-bit
//! integer saturate at its end instead of failing with "integer overflow",
//! so the absurd member shows an absurd figure and everyone else is as before.

mod cli_support;

use assert_cmd::Command;
use cli_support::{club_with, regulars};
use rusqlite::params;
use serde_json::Value;
use tempfile::TempDir;

/// 100 points per euro: the absurd receipts earn points near the end of the
/// range too, so the ledger's sums overflow as well as the spend.
const CONFIG: &str = r#"[shop]
name = "Paws"
country = "HR"
currency = "EUR"

[points]
per_unit = 100

[loyalty]
tier_basis = "spend"
grace_days = 60

[[tiers]]
name = "Bronze"
min = 0

[[tiers]]
name = "Silver"
min = 200
"#;

const TILL: &str = "receipt_id,time,total,phone,email,card,item,qty,amount
R1,2026-10-17T19:10:43,154.00,,,C-1,Bread,1,154.00
R2,2026-11-06T10:00:00,12.00,,,C-2,Tea,1,12.00
R3,2026-11-07T10:00:00,18.00,,,C-3,Tea,1,18.00
";

const HALF: i64 = i64::MAX / 2;

/// Runs a command that must succeed without a panic; returns its stdout.
fn ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("overflow"), "{stderr}");
    assert!(out.status.success(), "exit {:?}: {stderr}", out.status);
    String::from_utf8(out.stdout).unwrap()
}

fn json(cmd: &mut Command) -> Value {
    serde_json::from_str(&ok(cmd)).expect("stdout is JSON")
}

/// Three members, a normal import, then by hand: three sales of half the
/// range for C-1, and three refunds of half the range for C-2.
fn absurd_club() -> TempDir {
    let dir = club_with(CONFIG);
    for (first, card, birthday) in [
        ("Ana", "C-1", "11-25"),
        ("Ivo", "C-2", "11-26"),
        ("Eva", "C-3", "11-27"),
    ] {
        ok(regulars(&dir).args([
            "member",
            "add",
            "--first",
            first,
            "--last",
            "Horvat",
            "--card",
            card,
            "--birthday",
            birthday,
        ]));
    }
    let till = dir.path().join("till.csv");
    std::fs::write(&till, TILL).unwrap();
    ok(regulars(&dir).arg("import").arg(&till));
    let conn = rusqlite::Connection::open(dir.path().join("club.db")).unwrap();
    let member = |card: &str| -> i64 {
        conn.query_row("SELECT id FROM members WHERE card = ?1", [card], |r| {
            r.get(0)
        })
        .unwrap()
    };
    let (ana, ivo) = (member("C-1"), member("C-2"));
    for i in 0..3 {
        for (member_id, total, kind) in [(ana, HALF, "sale"), (ivo, -HALF, "refund")] {
            conn.execute(
                "INSERT INTO receipts (source, till_id, local_date, local_time, total_minor, kind, member_id)
                 VALUES ('generic', ?1, ?2, '12:00:00', ?3, ?4, ?5)",
                params![
                    format!("X{member_id}-{i}"),
                    format!("2026-11-1{i}"),
                    total,
                    kind,
                    member_id
                ],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO lines (receipt_id, item, qty_milli, amount_minor)
                 VALUES (last_insert_rowid(), 'Gold bar', 1000, ?1)",
                [total],
            )
            .unwrap();
        }
    }
    dir
}

#[test]
fn absurd_receipts_saturate_and_every_command_still_works() {
    let dir = absurd_club();
    let ana = json(regulars(&dir).args(["member", "show", "C-1", "--json"]));
    assert_eq!(ana["spend_minor"].as_i64(), Some(i64::MAX));
    assert_eq!(ana["tier"].as_str(), Some("Silver"));
    assert_eq!(ana["points"].as_i64(), Some(i64::MAX));
    let ivo = json(regulars(&dir).args(["member", "show", "C-2", "--json"]));
    assert_eq!(ivo["spend_minor"].as_i64(), Some(i64::MIN));
    assert_eq!(ivo["tier"].as_str(), Some("Bronze"));
    // The member nobody touched is exactly as before.
    let eva = json(regulars(&dir).args(["member", "show", "C-3", "--json"]));
    assert_eq!(
        (eva["spend_minor"].as_i64(), eva["points"].as_i64()),
        (Some(1800), Some(1800))
    );

    let found = json(regulars(&dir).args(["member", "find", "Horvat", "--json"]));
    assert_eq!(found.as_array().map(Vec::len), Some(3), "{found}");
    ok(regulars(&dir).args(["member", "find", "Horvat"]));
    ok(regulars(&dir).args(["member", "show", "C-1"]));
    ok(regulars(&dir).args(["member", "show", "C-2"]));

    let tiers = json(regulars(&dir).args(["tiers", "--json"]));
    let members: Vec<i64> = tiers["tiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["members"].as_i64().unwrap())
        .collect();
    assert_eq!(members, [2, 1], "{tiers}");
    ok(regulars(&dir).arg("tiers"));

    let reminders = json(regulars(&dir).args(["reminders", "--json"]));
    assert_eq!(reminders.as_array().map(Vec::len), Some(3), "{reminders}");
    ok(regulars(&dir).arg("reminders"));

    let points = json(regulars(&dir).args(["points", "C-1", "--json"]));
    assert_eq!(points["balance"].as_i64(), Some(i64::MAX));
    ok(regulars(&dir).args(["points", "C-1"]));
    // The refunds take back what C-2 had, no more: the balance stays at zero.
    let points = json(regulars(&dir).args(["points", "C-2", "--json"]));
    assert_eq!(points["balance"].as_i64(), Some(0));
}
