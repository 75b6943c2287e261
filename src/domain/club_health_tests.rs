//! Each figure on counts worked out by hand.

use chrono::NaiveDate;

use super::club_health::*;

/// Floats are compared to a millionth: a percentage is not money.
fn near(got: Option<f64>, want: f64) -> bool {
    got.is_some_and(|g| (g - want).abs() < 1e-6)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A year of a small club: 40 active at the start, 45 at the end of whom
/// 10 joined in the year, 6 of the first 40 gone.
fn year() -> HealthCounts {
    HealthCounts {
        days: 365,
        active_start: 40,
        active_end: 45,
        new_active: 10,
        lost: 6,
        nps_answers: 20,
        nps_promoters: 11,
        nps_detractors: 3,
        csat_answers: 8,
        csat_satisfied: 6,
        member_net_minor: 123_000,
        member_sale_receipts: 400,
        member_visits: 380,
        members_visiting: 50,
        all_net_minor: 200_000,
        lifespan_setting: None,
    }
}

#[test]
fn retention_leaves_new_members_out() {
    // (45 − 10) / 40 = 87.5 %
    assert!(near(retention_rate(&year()), 87.5));
}

#[test]
fn churn_is_the_share_of_the_start_that_left() {
    // 6 / 40 = 15 %
    assert!(near(churn_rate(&year()), 15.0));
}

#[test]
fn nps_is_promoters_minus_detractors() {
    // 11/20 = 55 %, 3/20 = 15 % → 40
    assert!(near(nps(&year()), 40.0));
    let all_bad = HealthCounts {
        nps_answers: 4,
        nps_promoters: 0,
        nps_detractors: 4,
        ..year()
    };
    assert!(near(nps(&all_bad), -100.0));
}

#[test]
fn csat_is_the_share_of_fours_and_fives() {
    // 6 / 8 = 75 %
    assert!(near(csat(&year()), 75.0));
}

#[test]
fn the_three_parts_of_the_lifetime_value() {
    let c = year();
    // 123,000 / 400 = 307.5 → 308 (rounded to the cent)
    assert_eq!(avg_basket_minor(&c), Some(308));
    // 380 / 50 × 365 / 365 = 7.6
    assert!(near(visits_per_year(&c), 7.6));
    // churn 15 % over a year: 1 / 0.15 = 6.67 years
    let life = lifespan_years(&c).unwrap();
    assert!((life - 1.0 / 0.15).abs() < 1e-9, "{life}");
    // 308 × 7.6 × 6.666… = 15,605.33 → 15,605
    assert_eq!(cltv_minor(&c), Some(15_605));
}

#[test]
fn a_half_year_is_scaled_to_a_year() {
    let c = HealthCounts {
        days: 182,
        member_visits: 100,
        members_visiting: 20,
        ..year()
    };
    // 100 / 20 × 365 / 182 = 10.027…
    let v = visits_per_year(&c).unwrap();
    assert!((v - 5.0 * 365.0 / 182.0).abs() < 1e-9, "{v}");
    // churn 15 % in 182 days is 30.08 % a year: 3.32 years
    let life = lifespan_years(&c).unwrap();
    assert!((life - 1.0 / (0.15 * 365.0 / 182.0)).abs() < 1e-9, "{life}");
}

#[test]
fn the_lifespan_setting_wins_and_no_churn_gives_the_longest() {
    let set = HealthCounts {
        lifespan_setting: Some(3.0),
        ..year()
    };
    assert!(near(lifespan_years(&set), 3.0));
    // 308 × 7.6 × 3 = 7,022.4
    assert_eq!(cltv_minor(&set), Some(7_022));
    let nobody_left = HealthCounts { lost: 0, ..year() };
    assert_eq!(lifespan_years(&nobody_left), Some(LONGEST_LIFESPAN_YEARS));
    // churn 50 % a year: 2 years, under the cap
    let half = HealthCounts { lost: 20, ..year() };
    assert!(near(lifespan_years(&half), 2.0));
    // churn 1 % a year would be 100 years: capped
    let few = HealthCounts {
        active_start: 400,
        lost: 4,
        ..year()
    };
    assert_eq!(lifespan_years(&few), Some(LONGEST_LIFESPAN_YEARS));
}

#[test]
fn members_share_counts_walk_ins_in_the_whole() {
    // 123,000 / 200,000 = 61.5 %
    assert!(near(member_sales_share(&year()), 61.5));
}

#[test]
fn an_empty_club_has_no_figures_not_zeros() {
    let empty = HealthCounts {
        days: 365,
        ..HealthCounts::default()
    };
    assert_eq!(
        figures(&empty),
        HealthFigures {
            retention_rate: None,
            churn_rate: None,
            nps: None,
            csat: None,
            avg_basket_minor: None,
            visits_per_year: None,
            lifespan_years: None,
            cltv_minor: None,
            member_sales_share: None,
        }
    );
}

#[test]
fn one_member_who_stayed() {
    // Active at both ends, three visits of €10, one walk-in sale of €5.
    let one = HealthCounts {
        days: 365,
        active_start: 1,
        active_end: 1,
        member_net_minor: 3_000,
        member_sale_receipts: 3,
        member_visits: 3,
        members_visiting: 1,
        all_net_minor: 3_500,
        ..HealthCounts::default()
    };
    let f = figures(&one);
    assert!(near(f.retention_rate, 100.0));
    assert!(near(f.churn_rate, 0.0));
    assert_eq!(f.avg_basket_minor, Some(1_000));
    assert!(near(f.visits_per_year, 3.0));
    assert_eq!(f.lifespan_years, Some(LONGEST_LIFESPAN_YEARS));
    // €10 × 3 × 10 years
    assert_eq!(f.cltv_minor, Some(30_000));
    let share = f.member_sales_share.unwrap();
    assert!((share - 3_000.0 / 3_500.0 * 100.0).abs() < 1e-9);
    assert_eq!((f.nps, f.csat), (None, None));
}

#[test]
fn one_new_member_and_no_one_at_the_start() {
    // Nobody was active at the start: retention and churn are undefined,
    // and so is the lifespan worked out from churn, hence the value.
    let new = HealthCounts {
        days: 30,
        active_end: 1,
        new_active: 1,
        member_net_minor: 2_000,
        member_sale_receipts: 1,
        member_visits: 1,
        members_visiting: 1,
        all_net_minor: 2_000,
        ..HealthCounts::default()
    };
    let f = figures(&new);
    assert_eq!((f.retention_rate, f.churn_rate), (None, None));
    assert_eq!(f.lifespan_years, None);
    assert_eq!(f.cltv_minor, None);
    assert!(near(f.member_sales_share, 100.0));
    // With a lifespan set the value is defined again: 2,000 × 12.17 × 2.
    let set = HealthCounts {
        lifespan_setting: Some(2.0),
        ..new
    };
    // 2,000 × 12.1667 × 2 = 48,666.67
    assert_eq!(cltv_minor(&set), Some(48_667));
}

#[test]
fn refunds_outweighing_sales_leave_the_share_undefined() {
    let refunded = HealthCounts {
        member_net_minor: -500,
        all_net_minor: -500,
        ..year()
    };
    assert_eq!(member_sales_share(&refunded), None);
}

#[test]
fn the_default_period_is_365_days_and_the_window_the_lapse() {
    let p = Period::year_to(day(2026, 11, 23));
    assert_eq!(p.from, day(2025, 11, 24));
    assert_eq!(p.days(), 365);
    assert_eq!(
        active_window(day(2026, 11, 23), 90),
        (day(2026, 8, 26), day(2026, 11, 23))
    );
    assert_eq!(
        active_window(day(2026, 11, 23), 1),
        (day(2026, 11, 23), day(2026, 11, 23))
    );
}

#[test]
fn answers_out_of_range_are_told_apart() {
    assert!(Answer::Nps(0).in_range() && Answer::Nps(10).in_range());
    assert!(!Answer::Nps(11).in_range() && !Answer::Nps(-1).in_range());
    assert!(Answer::Csat(1).in_range() && Answer::Csat(5).in_range());
    assert!(!Answer::Csat(0).in_range() && !Answer::Csat(6).in_range());
    assert_eq!(
        (Answer::Csat(3).label(), Answer::Csat(3).score()),
        ("CSAT", 3)
    );
}
