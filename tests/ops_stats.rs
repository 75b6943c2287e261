//! The club-health figures on a real database file, worked out by hand:
//! a refund, a walk-in, two receipts on one day, an answer outside the
//! period, an erased member; and the running totals the figures read kept
//! right through every kind of change to the receipts.

use chrono::NaiveDate;
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::domain::club_health::{Answer, Referrer, SourceRow};
use regulars::ops::stats::club_health;
use tempfile::TempDir;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn shop(dir: &TempDir) -> Ctx {
    Ctx::new(
        db::open(&dir.path().join("club.db")).unwrap(),
        Clock::fixed(day("2026-11-23")),
        Config::default(),
        Some(dir.path().join("club.db")),
    )
}

fn member(ctx: &Ctx, first: &str, joined: &str) -> i64 {
    ctx.conn
        .execute(
            "INSERT INTO members (first_name, family_name, sort_key, joined_at) VALUES (?1, 'Kovač', ?1, ?2)",
            (first, joined),
        )
        .unwrap();
    ctx.conn.last_insert_rowid()
}

fn receipt(ctx: &Ctx, till_id: &str, member: Option<i64>, date: &str, total: i64) {
    let kind = if total < 0 { "refund" } else { "sale" };
    ctx.conn
        .execute(
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
             VALUES ('square', ?1, ?2, ?3, ?4, ?5)",
            (till_id, date, total, kind, member),
        )
        .unwrap();
}

fn answer(ctx: &Ctx, member: Option<i64>, answer: Answer, at: &str) {
    let at = day(at).and_hms_opt(10, 0, 0).unwrap();
    db::feedback::insert(&ctx.conn, member, answer, at, "counter").unwrap();
}

/// The half year 2026-01-01..2026-06-30 (181 days), lapse 90 days.
fn half_year(ctx: &Ctx) -> (i64, i64, i64, i64) {
    let a = member(ctx, "Ana", "2025-01-01");
    let b = member(ctx, "Ivo", "2025-06-01");
    let c = member(ctx, "Mia", "2026-02-01");
    let d = member(ctx, "Eva", "2026-03-01");
    let e = member(ctx, "Zoe", "2025-01-01");
    // Ana: a visit before the period (active at the start), two in it and
    // a refund.
    receipt(ctx, "a1", Some(a), "2025-12-15", 1_000);
    receipt(ctx, "a2", Some(a), "2026-03-01", 2_000);
    receipt(ctx, "a3", Some(a), "2026-06-20", 3_000);
    receipt(ctx, "a4", Some(a), "2026-06-21", -500);
    // Ivo: active at the start, never again: lost.
    receipt(ctx, "b1", Some(b), "2025-11-20", 4_000);
    // Mia, new: three receipts on two days.
    receipt(ctx, "c1", Some(c), "2026-02-10", 1_500);
    receipt(ctx, "c2", Some(c), "2026-06-01", 500);
    receipt(ctx, "c3", Some(c), "2026-06-01", 500);
    // Zoe bought, then was erased: her purchase stays a member's.
    receipt(ctx, "e1", Some(e), "2026-06-25", 5_000);
    ctx.conn
        .execute(
            "UPDATE members SET erased_at = '2026-07-01' WHERE id = ?1",
            [e],
        )
        .unwrap();
    // A walk-in.
    receipt(ctx, "w1", None, "2026-04-01", 10_000);
    ctx.conn
        .execute(
            "UPDATE members SET source = 'walked past' WHERE id = ?1",
            [c],
        )
        .unwrap();
    ctx.conn
        .execute("UPDATE members SET source = 'event' WHERE id = ?1", [a])
        .unwrap();
    ctx.conn
        .execute("UPDATE members SET referred_by = ?1 WHERE id = ?2", [a, d])
        .unwrap();
    for (score, at) in [
        (10, "2026-01-05"),
        (9, "2026-02-05"),
        (7, "2026-03-05"),
        (3, "2026-06-30"),
    ] {
        answer(ctx, Some(a), Answer::Nps(score), at);
    }
    answer(ctx, None, Answer::Nps(0), "2026-07-01");
    answer(ctx, None, Answer::Csat(5), "2026-01-01");
    answer(ctx, Some(c), Answer::Csat(2), "2026-05-01");
    (a, b, c, d)
}

#[test]
fn every_figure_of_a_half_year_worked_out_by_hand() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let (a, _, _, _) = half_year(&ctx);
    let h = club_health(&ctx, Some(day("2026-01-01")), Some(day("2026-06-30"))).unwrap();
    assert_eq!(h.period.days(), 181);
    // Ana, Ivo, Mia, Eva; Zoe is erased.
    assert_eq!(h.members, 4);
    assert_eq!(h.new_members, 2, "Mia and Eva");
    let c = &h.counts;
    assert_eq!((c.active_start, c.active_end), (2, 2), "Ana, Ivo; Ana, Mia");
    assert_eq!((c.new_active, c.lost), (1, 1), "Mia; Ivo");
    assert_eq!(
        (c.nps_answers, c.nps_promoters, c.nps_detractors),
        (4, 2, 1)
    );
    assert_eq!((c.csat_answers, c.csat_satisfied), (2, 1));
    // Members: 2,000 + 3,000 − 500 + 1,500 + 500 + 500 + 5,000.
    assert_eq!(c.member_net_minor, 12_000);
    assert_eq!(c.all_net_minor, 22_000, "the walk-in's 10,000 too");
    assert_eq!(c.member_sale_receipts, 6);
    assert_eq!((c.member_visits, c.members_visiting), (5, 3));

    let f = &h.figures;
    assert_eq!(f.retention_rate, Some(50.0), "(2 − 1) / 2");
    assert_eq!(f.churn_rate, Some(50.0), "1 / 2");
    assert_eq!(f.nps, Some(25.0), "50 % − 25 %");
    assert_eq!(f.csat, Some(50.0));
    assert_eq!(f.avg_basket_minor, Some(2_000), "12,000 / 6");
    let visits = f.visits_per_year.unwrap();
    assert!(
        (visits - 5.0 / 3.0 * 365.0 / 181.0).abs() < 1e-9,
        "{visits}"
    );
    let life = f.lifespan_years.unwrap();
    assert!((life - 181.0 / (0.5 * 365.0)).abs() < 1e-9, "{life}");
    // The period's days cancel out: 2,000 × 5/3 × 2 = 6,666.67.
    assert_eq!(f.cltv_minor, Some(6_667));
    let share = f.member_sales_share.unwrap();
    assert!(
        (share - 12_000.0 / 22_000.0 * 100.0).abs() < 1e-9,
        "{share}"
    );

    assert_eq!(
        h.sources,
        vec![SourceRow {
            source: "walked past".into(),
            new_members: 1,
            spend_minor: 2_500,
        }]
    );
    assert_eq!(
        h.top_referrers,
        vec![Referrer {
            member_id: a,
            name: "Ana Kovač".into(),
            referred: 1,
        }]
    );
}

#[test]
fn an_empty_club_has_undefined_figures() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let h = club_health(&ctx, None, None).unwrap();
    assert_eq!(
        (h.period.from, h.period.to),
        (day("2025-11-24"), day("2026-11-23"))
    );
    assert_eq!((h.members, h.new_members), (0, 0));
    let f = &h.figures;
    assert_eq!(
        (f.retention_rate, f.churn_rate, f.nps, f.csat),
        (None, None, None, None)
    );
    assert_eq!((f.cltv_minor, f.member_sales_share), (None, None));
}

#[test]
fn one_member_one_visit_a_lapse_from_the_config() {
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir);
    let ana = member(&ctx, "Ana", "2026-01-10");
    receipt(&ctx, "a1", Some(ana), "2026-01-10", 1_200);
    let h = club_health(&ctx, Some(day("2026-01-01")), Some(day("2026-01-31"))).unwrap();
    assert_eq!(
        (
            h.counts.active_start,
            h.counts.active_end,
            h.counts.new_active
        ),
        (0, 1, 1)
    );
    assert_eq!(h.figures.retention_rate, None, "nobody at the start");
    assert_eq!(h.figures.member_sales_share, Some(100.0));
    // With a 10-day lapse she is no longer active on the 31st.
    let mut config = ctx.config.clone();
    config.stats.lapse_days = 10;
    ctx.set_config(config);
    let h = club_health(&ctx, Some(day("2026-01-01")), Some(day("2026-01-31"))).unwrap();
    assert_eq!(h.counts.active_end, 0);
    assert_eq!(h.new_members, 1);
}

#[test]
fn a_period_ending_before_it_starts_is_refused() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let err = club_health(&ctx, Some(day("2026-05-02")), Some(day("2026-05-01"))).unwrap_err();
    assert_eq!(err.key(), Some("err-stats-period"));
    assert!(err.to_string().contains("2026-05-02"));
}

/// Per day: net, members' net, members' sales, members' visits; per
/// member and visit day: the next visit day.
type Totals = (
    Vec<(String, i64, i64, i64, i64)>,
    Vec<(i64, String, String)>,
);

/// The running totals worked out again from every receipt.
fn from_scratch(ctx: &Ctx) -> Totals {
    let mut totals = ctx
        .conn
        .prepare(
            "SELECT local_date, sum(total_minor),
                    coalesce(sum(CASE WHEN member_id IS NOT NULL THEN total_minor END), 0),
                    count(CASE WHEN member_id IS NOT NULL AND kind = 'sale' THEN 1 END),
                    count(DISTINCT CASE WHEN kind = 'sale' THEN member_id END)
             FROM receipts GROUP BY local_date ORDER BY local_date",
        )
        .unwrap();
    let totals = totals
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut visits = ctx
        .conn
        .prepare(
            "SELECT member_id, local_date,
                    coalesce(lead(local_date) OVER (PARTITION BY member_id ORDER BY local_date), '9999-12-31')
             FROM (SELECT DISTINCT member_id, local_date FROM receipts
                   WHERE kind = 'sale' AND member_id IS NOT NULL)
             ORDER BY member_id, local_date",
        )
        .unwrap();
    let visits = visits
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (totals, visits)
}

fn as_kept(ctx: &Ctx) -> Totals {
    let mut totals = ctx
        .conn
        .prepare(
            "SELECT local_date, net_minor, member_net_minor, member_sales, member_visits
             FROM day_totals WHERE net_minor <> 0 OR member_sales <> 0 OR member_visits <> 0
                OR local_date IN (SELECT local_date FROM receipts)
             ORDER BY local_date",
        )
        .unwrap();
    let totals = totals
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut visits = ctx
        .conn
        .prepare("SELECT member_id, local_date, next_date FROM visit_days ORDER BY member_id, local_date")
        .unwrap();
    let visits = visits
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (totals, visits)
}

#[test]
fn the_running_totals_follow_every_change_to_the_receipts() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let (a, b, c, _) = half_year(&ctx);
    assert_eq!(as_kept(&ctx), from_scratch(&ctx));
    let changes = [
        // The second receipt of a day goes: the visit stays.
        "DELETE FROM receipts WHERE till_id = 'c3'".to_string(),
        // The last receipt of a day goes: the visit goes, the one before
        // now points past it.
        "DELETE FROM receipts WHERE till_id = 'a2'".to_string(),
        // A receipt moves to another member, and to another day.
        format!("UPDATE receipts SET member_id = {b} WHERE till_id = 'c1'"),
        "UPDATE receipts SET local_date = '2026-05-05' WHERE till_id = 'a3'".to_string(),
        // A sale becomes a refund, an amount changes.
        "UPDATE receipts SET kind = 'refund', total_minor = -300 WHERE till_id = 'c2'".to_string(),
        // A walk-in becomes a member's, a member's a walk-in.
        format!("UPDATE receipts SET member_id = {c} WHERE till_id = 'w1'"),
        format!("UPDATE receipts SET member_id = NULL WHERE member_id = {a}"),
    ];
    for sql in changes {
        ctx.conn.execute(&sql, []).unwrap();
        assert_eq!(as_kept(&ctx), from_scratch(&ctx), "after {sql}");
    }
    // A member deleted lets go of their receipts.
    regulars::db::members::delete(&ctx.conn, c).unwrap();
    assert_eq!(as_kept(&ctx), from_scratch(&ctx), "after deleting a member");
}
