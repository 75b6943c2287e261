//! Points and tiers kept current as things are written must be exactly
//! what working everything out again from scratch gives. A small club
//! goes through a long, fixed-seed run of imports, refunds, till customers
//! linked and unlinked, redemptions, adjustments, bonuses, new members,
//! changed rules and new days; after every step a copy of the club is
//! worked out again in full and compared with the club as it stands.

use std::path::Path;

use chrono::{Duration, NaiveDate};
use rusqlite::Connection;

use super::*;
use crate::clock::Clock;
use crate::config::Config;
use crate::ops::testing::{club, member, today};

/// A small fixed-seed generator: the same run every time.
struct Seq(u64);

impl Seq {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// The rules a step may change: points per unit, the signup bonus and the
/// Silver minimum (whole euros).
fn config(per_unit: u64, signup: u64, silver: u64) -> Config {
    let text = format!(
        "[shop]\ncountry = \"HR\"\ncurrency = \"EUR\"\n\
         [points]\nper_unit = {per_unit}\nsignup_bonus = {signup}\nreferral_bonus = 30\n\
         review_bonus = 20\nbirthday_bonus = 40\n\
         [loyalty]\ngrace_days = 30\n\
         [[tiers]]\nname = \"Bronze\"\nmin = 0\n\
         [[tiers]]\nname = \"Silver\"\nmin = {silver}\n\
         [[tiers]]\nname = \"Gold\"\nmin = 900\n"
    );
    Config::parse(&text, Path::new("kept.toml")).unwrap()
}

type Tiers = Vec<(i64, i64, i64, Option<String>, Option<String>)>;
type Changes = Vec<(i64, String, String, String, bool)>;

/// The stored tiers and tier history, in a fixed order.
fn tiers_of(conn: &Connection) -> (Tiers, Changes) {
    let tiers = conn
        .prepare("SELECT * FROM member_tiers ORDER BY member_id")
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let changes = conn
        .prepare("SELECT * FROM tier_changes ORDER BY member_id, on_date, rowid")
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    (tiers, changes)
}

/// Every member's balance, from the ledger.
fn balances(conn: &Connection) -> Vec<(i64, i64)> {
    conn.prepare(
        "SELECT member_id, CAST(total(delta) AS INTEGER) FROM points GROUP BY member_id ORDER BY member_id",
    )
    .unwrap()
    .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// Works a copy of the club out again from scratch and compares: the full
/// pass finds no points to add, and, when the stored tiers say they are
/// current, the same tiers and history.
fn assert_same_as_full_recompute(ctx: &Ctx, step: usize, what: &str) {
    let dir = tempfile::tempdir().unwrap();
    let copy_path = dir.path().join("copy.db");
    ctx.conn
        .execute("VACUUM INTO ?1", [copy_path.to_str().unwrap()])
        .unwrap();
    let copy = crate::db::open(&copy_path).unwrap();
    let current = tiers_current(ctx).unwrap();
    let settled = loyalty::recompute(&copy, ctx.program(), ctx.clock.now()).unwrap();
    assert_eq!(
        settled,
        loyalty::Settled::default(),
        "step {step} ({what}): the full pass found points the writes had not given"
    );
    assert_eq!(
        balances(&copy),
        balances(&ctx.conn),
        "step {step} ({what}): balances"
    );
    if current {
        assert_eq!(
            tiers_of(&copy),
            tiers_of(&ctx.conn),
            "step {step} ({what}): tiers kept current differ from a full recompute"
        );
    }
}

/// A receipt as an import stores it, for `member` or a till customer
/// without one.
fn receipt(ctx: &Ctx, member: Option<i64>, n: usize, on: NaiveDate, total: i64) {
    let kind = if total < 0 { "refund" } else { "sale" };
    ctx.conn
        .execute(
            "INSERT INTO receipts (source, till_id, local_date, local_time, total_minor, kind, member_id)
             VALUES ('generic', ?1, ?2, '10:00:00', ?3, ?4, ?5)",
            rusqlite::params![format!("T{n}"), on.format("%Y-%m-%d").to_string(), total, kind, member],
        )
        .unwrap();
}

fn run(seed: u64, steps: usize) {
    let (_dir, mut ctx) = club();
    let (mut per_unit, mut signup, mut silver) = (1, 0, 200);
    ctx.set_config(config(per_unit, signup, silver));
    let mut ids: Vec<i64> = (0..6)
        .map(|i| member(&ctx, &format!("M{i}"), "Kept"))
        .collect();
    tier_overview(&ctx).unwrap();
    let mut seq = Seq(seed);
    let mut day = today();
    for step in 0..steps {
        let who = ids[seq.below(ids.len() as u64) as usize];
        let on = day - Duration::days(seq.below(420) as i64);
        let what = match seq.below(12) {
            0..=3 => {
                let total = 100 + seq.below(40_000) as i64;
                receipt(&ctx, Some(who), step, on, total);
                "a sale imported"
            }
            4 => {
                receipt(&ctx, Some(who), step, on, -(100 + seq.below(20_000) as i64));
                "a refund imported"
            }
            5 => {
                // A till customer's receipts, later linked to a member.
                receipt(&ctx, None, step, on, 500 + seq.below(30_000) as i64);
                ctx.conn
                    .execute(
                        "UPDATE receipts SET member_id = ?1 WHERE till_id = ?2",
                        rusqlite::params![who, format!("T{step}")],
                    )
                    .unwrap();
                "a till customer linked"
            }
            6 => {
                ctx.conn
                    .execute(
                        "UPDATE receipts SET member_id = NULL
                         WHERE id = (SELECT min(id) FROM receipts WHERE member_id = ?1)",
                        [who],
                    )
                    .unwrap();
                "a receipt unlinked"
            }
            7 => {
                let points = 1 + seq.below(300) as i64;
                let redemption = Redemption {
                    member_id: who,
                    points,
                    reward: None,
                };
                // Refused when the balance is short: that is fine too.
                let _ = redeem(&ctx, &redemption);
                "a redemption"
            }
            8 => {
                let delta = seq.below(400) as i64 - 150;
                let _ = adjust(&ctx, who, delta, "by hand", IfBelowZero::Allow);
                "an adjustment"
            }
            9 => {
                let other = ids[seq.below(ids.len() as u64) as usize];
                let _ = referral(&ctx, who, other);
                review_bonus(&ctx, who).unwrap();
                "a referral and a review bonus"
            }
            10 => {
                ids.push(member(&ctx, &format!("N{step}"), "Kept"));
                "a new member"
            }
            _ => match seq.below(4) {
                0 => {
                    per_unit = 1 + seq.below(3);
                    ctx.set_config(config(per_unit, signup, silver));
                    "points per unit changed"
                }
                1 => {
                    signup = [0, 15, 50][seq.below(3) as usize];
                    ctx.set_config(config(per_unit, signup, silver));
                    "the signup bonus changed"
                }
                2 => {
                    silver = 100 + seq.below(700);
                    ctx.set_config(config(per_unit, signup, silver));
                    "the Silver minimum changed"
                }
                _ => {
                    day += Duration::days(1 + seq.below(20) as i64);
                    ctx.clock = Clock::fixed(day);
                    "a new day"
                }
            },
        };
        // What the app does after a write: the points update of the import
        // or the screen shown next, then and now and then the tiers screen.
        settled(&ctx, IfBusy::Wait).unwrap();
        if seq.below(10) == 0 {
            tier_overview(&ctx).unwrap();
        }
        assert_same_as_full_recompute(&ctx, step, what);
    }
}

#[test]
fn points_and_tiers_kept_current_equal_a_full_recompute() {
    for seed in [0x5EED_0001, 0xC0FF_EE42, 0x0BAD_CAFE] {
        run(seed, 90);
    }
}

#[test]
fn tiers_are_current_after_writes_on_the_day_they_were_worked_out() {
    let (_dir, mut ctx) = club();
    ctx.set_config(config(1, 0, 200));
    let ana = member(&ctx, "Ana", "Kovač");
    tier_overview(&ctx).unwrap();
    assert!(tiers_current(&ctx).unwrap());
    receipt(&ctx, Some(ana), 1, today(), 30_000);
    settled(&ctx, IfBusy::Wait).unwrap();
    assert!(tiers_current(&ctx).unwrap(), "a write keeps them current");
    let (_, overview) = tier_overview_as_stored(&ctx).unwrap();
    assert_eq!(overview.counts.iter().sum::<i64>(), 1);
    assert_eq!(overview.counts[1], 1, "€300 in the year is Silver");
}
