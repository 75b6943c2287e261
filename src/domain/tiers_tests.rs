use chrono::NaiveDate;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn program(basis: TierBasis, grace_days: i64) -> TierProgram {
    let tier = |name: &str, min| Tier {
        name: name.into(),
        min,
        perks: String::new(),
    };
    TierProgram {
        basis,
        tiers: vec![
            tier("Bronze", 0),
            tier("Silver", 20_000),
            tier("Gold", 50_000),
        ],
        grace_days,
        schedule: vec![],
    }
}

fn sale(date: NaiveDate, spend_minor: i64) -> DayTotal {
    DayTotal {
        date,
        spend_minor,
        visit: true,
    }
}

#[test]
fn moves_up_on_the_day_of_qualifying() {
    let p = program(TierBasis::Spend, 60);
    let days = [
        sale(d(2026, 1, 10), 15_000),
        sale(d(2026, 2, 1), 6_000),
        sale(d(2026, 3, 1), 30_000),
    ];
    let h = p.history(&days, d(2026, 11, 23));
    assert_eq!(
        h,
        vec![
            TierChange {
                date: d(2026, 2, 1),
                from: 0,
                to: 1
            },
            TierChange {
                date: d(2026, 3, 1),
                from: 1,
                to: 2
            }
        ]
    );
    assert_eq!(p.tier_on(&days, d(2026, 11, 23)), 2);
}

#[test]
fn moves_down_only_after_the_grace_period() {
    let p = program(TierBasis::Spend, 60);
    let days = [sale(d(2025, 1, 10), 25_000)];
    // Silver from 2025-01-10; the purchase leaves the window on 2026-01-10;
    // 60 days of grace end on 2026-03-11.
    assert_eq!(p.tier_on(&days, d(2026, 3, 10)), 1);
    assert_eq!(p.tier_on(&days, d(2026, 3, 11)), 0);
}

#[test]
fn buying_again_during_grace_keeps_the_tier() {
    let p = program(TierBasis::Spend, 60);
    let days = [sale(d(2025, 1, 10), 25_000), sale(d(2026, 2, 1), 20_000)];
    assert_eq!(p.tier_on(&days, d(2026, 11, 23)), 1);
    assert!(
        p.history(&days, d(2026, 11, 23))
            .iter()
            .all(|c| c.to >= c.from)
    );
}

#[test]
fn import_order_does_not_matter() {
    let p = program(TierBasis::Spend, 30);
    let mut days = vec![
        sale(d(2025, 5, 1), 30_000),
        sale(d(2025, 3, 1), 25_000),
        sale(d(2026, 4, 1), -5_000),
        sale(d(2025, 12, 24), 9_000),
    ];
    let forward = p.history(&days, d(2026, 11, 23));
    days.reverse();
    assert_eq!(p.history(&days, d(2026, 11, 23)), forward);
}

#[test]
fn visits_basis_counts_dates() {
    let tier = |name: &str, min| Tier {
        name: name.into(),
        min,
        perks: String::new(),
    };
    let p = TierProgram {
        basis: TierBasis::Visits,
        tiers: vec![tier("Regular", 0), tier("Friend", 3)],
        grace_days: 0,
        schedule: vec![],
    };
    let days = [sale(d(2026, 1, 1), 100), sale(d(2026, 2, 1), 100)];
    assert_eq!(p.tier_on(&days, d(2026, 3, 1)), 0);
    assert_eq!(
        p.gap_to_next(0, p.metric_on(&days, d(2026, 3, 1))),
        Some((1, 1))
    );
}

#[test]
fn gap_to_next_tier_in_money() {
    let p = program(TierBasis::Spend, 60);
    assert_eq!(p.gap_to_next(1, 46_300), Some((2, 3_700)));
    assert_eq!(p.gap_to_next(2, 80_000), None);
}

#[test]
fn window_sums_match_the_plain_sum() {
    let p = program(TierBasis::Spend, 60);
    let mut days: Vec<DayTotal> = (0..400)
        .map(|i| sale(d(2025, 1, 1) + Duration::days(i * 2), 100 + i))
        .collect();
    days.sort_by_key(|x| x.date);
    let w = Window::new(&p, &days);
    for probe in [
        d(2025, 1, 1),
        d(2025, 6, 30),
        d(2026, 1, 1),
        d(2026, 12, 31),
        d(2027, 5, 5),
    ] {
        assert_eq!(w.metric_on(probe), p.metric_on(&days, probe), "{probe}");
    }
}

#[test]
fn standing_shows_a_running_grace_period() {
    let p = program(TierBasis::Spend, 60);
    let days = [sale(d(2025, 1, 10), 25_000)];
    // The purchase left the window on 2026-01-10: Silver is kept until 2026-03-11.
    let s = p.standing(&days, d(2026, 2, 1));
    assert_eq!(
        s,
        Standing {
            tier: 1,
            metric: 0,
            since: Some(d(2025, 1, 10)),
            grace_until: Some(d(2026, 3, 11)),
        }
    );
    let after = p.standing(&days, d(2026, 3, 11));
    assert_eq!((after.tier, after.grace_until), (0, None));
    let (standing, history) = p.assess(&days, d(2026, 3, 11));
    assert_eq!(standing, after);
    assert_eq!(history, p.history(&days, d(2026, 3, 11)));
}

#[test]
fn progress_and_the_nudge_list() {
    let p = program(TierBasis::Spend, 60);
    assert_eq!(p.progress_per_mille(0, 10_000), 500);
    assert_eq!(p.progress_per_mille(1, 46_300), 876);
    assert_eq!(
        p.progress_per_mille(1, 10_000),
        0,
        "in grace, below the tier"
    );
    assert_eq!(p.progress_per_mille(2, 90_000), 1000);
    // Within 10% of the next tier's minimum.
    assert!(p.is_close_to_next(1, 45_000));
    assert!(!p.is_close_to_next(1, 44_999));
    assert!(!p.is_close_to_next(2, 90_000));
    assert!(!p.is_close_to_next(0, 20_000), "already there");
}

#[test]
fn a_raised_minimum_shows_who_would_move() {
    let p = program(TierBasis::Spend, 60);
    let members = [
        (0, 5_000),
        (1, 22_000),
        (1, 30_000),
        (2, 60_000),
        (1, 15_000),
    ];
    assert_eq!(p.moves(&members), (0, 1), "one is in grace already");
    let mut raised = p.clone();
    raised.tiers[1].min = 25_000;
    assert_eq!(raised.moves(&members), (0, 2));
    let mut lowered = p.clone();
    lowered.tiers[2].min = 30_000;
    assert_eq!(lowered.moves(&members), (1, 1));
}

#[test]
fn a_minimum_raised_today_moves_members_down_only_after_grace() {
    let mut p = program(TierBasis::Spend, 60);
    let days = [sale(d(2026, 3, 1), 22_000)];
    assert_eq!(p.tier_on(&days, d(2026, 11, 23)), 1);
    // Silver from €250 as of 1 Nov; before that €200 applied.
    p.tiers[1].min = 25_000;
    p.schedule = vec![
        (d(1, 1, 1), vec![0, 20_000, 50_000]),
        (d(2026, 11, 1), vec![0, 25_000, 50_000]),
    ];
    let s = p.standing(&days, d(2026, 11, 23));
    assert_eq!((s.tier, s.grace_until), (1, Some(d(2026, 12, 31))));
    assert_eq!(p.tier_on(&days, d(2026, 12, 31)), 0);
    // Without the schedule the new minimum would have applied all along.
    p.schedule.clear();
    assert_eq!(p.tier_on(&days, d(2026, 11, 23)), 0);
    // A lowered minimum moves members up on the day it applies.
    p.tiers[1].min = 15_000;
    p.schedule = vec![
        (d(1, 1, 1), vec![0, 30_000, 50_000]),
        (d(2026, 11, 1), vec![0, 15_000, 50_000]),
    ];
    assert_eq!(p.history(&days, d(2026, 11, 23))[0].date, d(2026, 11, 1));
}

#[test]
fn absurd_spend_saturates_instead_of_overflowing() {
    let p = program(TierBasis::Spend, 60);
    let half = i64::MAX / 2;
    let rich = [
        sale(d(2026, 3, 1), half),
        sale(d(2026, 3, 2), half),
        sale(d(2026, 3, 3), half),
    ];
    let standing = p.standing(&rich, d(2026, 11, 23));
    assert_eq!((standing.tier, standing.metric), (2, i64::MAX));
    let broke: Vec<DayTotal> = rich.iter().map(|s| sale(s.date, -half)).collect();
    let standing = p.standing(&broke, d(2026, 11, 23));
    assert_eq!((standing.tier, standing.metric), (0, i64::MIN));
    assert_eq!(p.gap_to_next(0, i64::MIN), Some((1, i64::MAX)));
    assert_eq!(p.progress_per_mille(0, i64::MIN), 0);
    assert_eq!(p.progress_per_mille(1, i64::MAX), 1000);
    assert!(!p.is_close_to_next(0, i64::MIN));
    assert_eq!(p.metric_on(&rich, d(2026, 11, 23)), i64::MAX);
}

#[test]
fn the_near_band_is_the_last_tenth_below_the_next_minimum() {
    let mut p = program(TierBasis::Spend, 60);
    assert_eq!(p.near_band(0), Some((18_000, 20_000)));
    assert_eq!(p.near_band(1), Some((45_000, 50_000)));
    assert_eq!(p.near_band(2), None, "nothing above the top tier");
    // 90% of 20,001 is 18,000.9: 18,000 is not within 10%, 18,001 is.
    p.tiers[1].min = 20_001;
    assert_eq!(p.near_band(0), Some((18_001, 20_001)));
    assert!(!p.is_close_to_next(0, 18_000));
    assert!(p.is_close_to_next(0, 18_001));
    // Visits: 9 of 10 is near, 8 is not.
    let mut visits = program(TierBasis::Visits, 60);
    visits.tiers[1].min = 10;
    assert_eq!(visits.near_band(0), Some((9, 10)));
}
