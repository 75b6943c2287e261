//! The monthly trend behind the Stats screen's chart, on a real database
//! file: members and active members at the end of each of the last 12
//! months, worked out by hand, and the same counts as the figures give.

use chrono::{Datelike, NaiveDate};
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::ops::stats::{TREND_MONTHS, club_health, monthly};
use tempfile::TempDir;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A club whose members count as active for 30 days after a visit.
fn shop(dir: &TempDir) -> Ctx {
    let mut config = Config::default();
    config.stats.lapse_days = 30;
    Ctx::new(
        db::open(&dir.path().join("club.db")).unwrap(),
        Clock::fixed(day("2026-11-23")),
        config,
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

fn visit(ctx: &Ctx, till_id: &str, member: i64, date: &str) {
    ctx.conn
        .execute(
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
             VALUES ('square', ?1, ?2, 1000, 'sale', ?3)",
            (till_id, date, member),
        )
        .unwrap();
}

#[test]
fn members_and_active_members_at_each_month_end() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let ana = member(&ctx, "Ana", "2025-10-15");
    let ivo = member(&ctx, "Ivo", "2026-03-10");
    member(&ctx, "Mia", "2026-11-20");
    // Ana comes at the end of January and in mid November; Ivo on the
    // day he joined.
    visit(&ctx, "a1", ana, "2026-01-25");
    visit(&ctx, "a2", ana, "2026-11-15");
    visit(&ctx, "i1", ivo, "2026-03-10");

    let months = monthly(&ctx, day("2026-11-23")).unwrap();
    assert_eq!(months.len(), TREND_MONTHS as usize);
    let days: Vec<String> = months.iter().map(|m| m.day.to_string()).collect();
    assert_eq!(days.first().map(String::as_str), Some("2025-12-31"));
    assert_eq!(days[2], "2026-02-28", "February ends on the 28th in 2026");
    assert_eq!(days.last().map(String::as_str), Some("2026-11-23"));
    let members: Vec<i64> = months.iter().map(|m| m.members).collect();
    assert_eq!(members, [1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3]);
    let active: Vec<i64> = months.iter().map(|m| m.active).collect();
    // Jan 31: Ana (visit on the 25th); Feb 28: her visit is 34 days old;
    // Mar 31: Ivo (the 10th); Nov 23: Ana (the 15th).
    assert_eq!(active, [0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
}

#[test]
fn the_last_month_agrees_with_the_figures_of_a_period_ending_then() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    for (i, joined) in ["2025-05-01", "2026-02-01", "2026-09-09"]
        .iter()
        .enumerate()
    {
        let id = member(&ctx, &format!("M{i}"), joined);
        visit(&ctx, &format!("v{i}"), id, "2026-06-20");
    }
    let months = monthly(&ctx, day("2026-06-30")).unwrap();
    let health = club_health(&ctx, None, Some(day("2026-06-30"))).unwrap();
    let last = months.last().unwrap();
    assert_eq!(last.members, health.members);
    assert_eq!(last.active, health.counts.active_end);
    assert_eq!((last.members, last.active), (2, 2), "one joins later");
}

#[test]
fn an_empty_club_has_twelve_months_of_nothing() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let months = monthly(&ctx, day("2026-03-31")).unwrap();
    assert_eq!(months.len(), 12);
    assert!(months.iter().all(|m| m.members == 0 && m.active == 0));
    assert_eq!(months[0].day, day("2025-04-30"));
}

#[test]
fn churn_and_nps_of_each_month_counted_as_a_period_of_that_month() {
    use regulars::domain::club_health::Answer;
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let ana = member(&ctx, "Ana", "2025-06-01");
    let lea = member(&ctx, "Lea", "2025-06-01");
    visit(&ctx, "a1", ana, "2026-01-25");
    visit(&ctx, "l1", lea, "2026-01-20");
    visit(&ctx, "l2", lea, "2026-02-15");
    let answer = |date: &str, a: Answer| {
        let at = day(date).and_hms_opt(10, 0, 0).unwrap();
        db::feedback::insert(&ctx.conn, Some(ana), a, at, "counter").unwrap();
    };
    answer("2026-02-10", Answer::Nps(10));
    answer("2026-02-11", Answer::Nps(9));
    answer("2026-02-12", Answer::Nps(3));
    answer("2026-03-05", Answer::Nps(0));
    // A CSAT answer is no NPS answer.
    answer("2026-01-05", Answer::Csat(5));

    let months = monthly(&ctx, day("2026-03-31")).unwrap();
    let (jan, feb, mar) = (&months[9], &months[10], &months[11]);
    assert_eq!(jan.day, day("2026-01-31"));
    // Nobody was active on 1 January (30 days back): churn undefined.
    assert_eq!(jan.churn, None);
    // 1 Feb: Ana and Lea active; 28 Feb: only Lea (her visit on the 15th).
    assert_eq!(feb.churn, Some(50.0));
    // 1 Mar: Lea; 31 Mar: nobody.
    assert_eq!(mar.churn, Some(100.0));
    assert_eq!(jan.nps, None);
    // (2 promoters − 1 detractor) of 3 answers.
    assert_eq!(feb.nps.map(|v| (v * 100.0).round() / 100.0), Some(33.33));
    assert_eq!(mar.nps, Some(-100.0));
    assert!(months[..9].iter().all(|m| m.nps.is_none()));

    // The same as the figures of a period of that month.
    let march = club_health(&ctx, Some(day("2026-03-01")), Some(day("2026-03-31"))).unwrap();
    assert_eq!(march.figures.churn_rate, mar.churn);
    assert_eq!(march.figures.nps, mar.nps);
}

#[test]
fn every_months_churn_is_the_churn_of_a_period_of_that_month() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    // Visits on the edges of the 30-day windows: on a month's first day,
    // 30 and 29 days before one, and a member who joins on a first day
    // after buying before (receipts claimed at signup).
    let visits: [(&str, &str, &[&str]); 6] = [
        (
            "Ana",
            "2025-01-01",
            &["2026-01-02", "2026-03-01", "2026-05-20"],
        ),
        (
            "Ivo",
            "2025-01-01",
            &["2026-01-31", "2026-03-02", "2026-03-31"],
        ),
        (
            "Mia",
            "2026-04-01",
            &["2026-03-20", "2026-04-15", "2026-06-01"],
        ),
        (
            "Lea",
            "2025-01-01",
            &["2026-02-01", "2026-02-28", "2026-07-01"],
        ),
        ("Noa", "2026-06-01", &["2026-05-03", "2026-06-30"]),
        (
            "Eva",
            "2025-01-01",
            &["2025-12-15", "2026-01-01", "2026-08-02"],
        ),
    ];
    for (i, (name, joined, days)) in visits.iter().enumerate() {
        let id = member(&ctx, name, joined);
        for (j, date) in days.iter().enumerate() {
            visit(&ctx, &format!("{i}-{j}"), id, date);
        }
    }
    let months = monthly(&ctx, day("2026-09-30")).unwrap();
    let mut defined = 0;
    for m in &months {
        let start = m.day.with_day(1).unwrap();
        let period = club_health(&ctx, Some(start), Some(m.day)).unwrap();
        assert_eq!(m.churn, period.figures.churn_rate, "{}", m.day);
        defined += usize::from(m.churn.is_some());
    }
    assert!(
        defined >= 6,
        "most months have someone active on their first day"
    );
}
