//! Points: how many a sale earns, how much a refund takes back, when the
//! birthday bonus is due and when idle points expire. The ledger itself is
//! append-only and lives in the database; these rules only say what to write.

use chrono::{Datelike, Duration, Months, NaiveDate};

use crate::domain::dates::Feb29;
use crate::domain::dates::celebrated_in;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointsRules {
    /// Points per whole currency unit of net spend.
    pub per_unit: i64,
    pub signup_bonus: i64,
    pub referral_bonus: i64,
    pub review_bonus: i64,
    /// The review bonus is given once in this many calendar months (counted
    /// from January); `None`: once per member.
    pub review_every_months: Option<u32>,
    pub birthday_bonus: i64,
    /// Points expire after this many months without a visit; `None` never.
    pub expiry_months: Option<u32>,
}

/// The key that lets the review bonus be given once per period: the
/// member's one review bonus, or the one of the period of `every` calendar
/// months that `day` falls in (`review:2026-07` for July–December with 6).
pub fn review_once_key(day: chrono::NaiveDate, every: Option<u32>) -> String {
    use chrono::Datelike;
    match every {
        None | Some(0) => "review".to_string(),
        Some(n) => {
            let month0 = day.month0();
            let first = month0 - month0 % n.min(12);
            format!("review:{}-{:02}", day.year(), first + 1)
        }
    }
}

/// Points a sale of `spend_minor` earns (whole units only: €9.99 earns 9);
/// an absurd amount earns the most points there can be, never wraps.
pub fn earned(spend_minor: i64, minor_digits: u8, per_unit: i64) -> i64 {
    if spend_minor <= 0 {
        return 0;
    }
    let unit = 10i64
        .checked_pow(u32::from(minor_digits))
        .unwrap_or(i64::MAX);
    (spend_minor / unit).saturating_mul(per_unit)
}

/// Points a refund of `refund_minor` (negative) takes back: what that amount
/// earned, but never more than the member holds. Points already redeemed are
/// not clawed back into a negative balance; only a manual adjustment may do that.
pub fn taken_back(refund_minor: i64, minor_digits: u8, per_unit: i64, balance: i64) -> i64 {
    let owed = earned(refund_minor.saturating_neg(), minor_digits, per_unit);
    -owed.min(balance.max(0))
}

/// The Monday-to-Sunday week in which the birthday is celebrated in `year`.
pub fn birthday_week(
    month: u32,
    day: u32,
    year: i32,
    rule: Feb29,
) -> Option<(NaiveDate, NaiveDate)> {
    celebrated_in(year, month, day, rule).map(week_of)
}

/// Whether the birthday bonus is due on `today`: within the birthday week,
/// not yet given this year, and the birthday not entered in the last 30
/// days (so nobody types a birthday at the till to get the bonus).
pub fn birthday_bonus_due(
    (month, day): (u32, u32),
    birthday_entered: NaiveDate,
    last_given: Option<NaiveDate>,
    today: NaiveDate,
    rule: Feb29,
) -> bool {
    let Some(celebrated) = birthday_this_week(month, day, today, rule) else {
        return false;
    };
    let (start, end) = week_of(celebrated);
    let already = last_given.is_some_and(|g| start <= g && g <= end);
    !already && (today - birthday_entered).num_days() >= 30
}

/// The day the birthday is celebrated when `today` is in its week. Its year
/// is the year the bonus belongs to, even in a week across the new year.
pub fn birthday_this_week(
    month: u32,
    day: u32,
    today: NaiveDate,
    rule: Feb29,
) -> Option<NaiveDate> {
    // A birthday week can straddle the new year in either direction.
    [today.year() - 1, today.year(), today.year() + 1]
        .into_iter()
        .filter_map(|y| celebrated_in(y, month, day, rule))
        .find(|date| {
            let (start, end) = week_of(*date);
            start <= today && today <= end
        })
}

fn week_of(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let monday = date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
    (monday, monday + Duration::days(6))
}

/// The day idle points expire: `months` after the last visit (or the last
/// points activity), if that day has come.
pub fn expiry_date(last_activity: NaiveDate, months: u32, today: NaiveDate) -> Option<NaiveDate> {
    let due = last_activity.checked_add_months(Months::new(months))?;
    (due <= today).then_some(due)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn sales_earn_whole_units() {
        assert_eq!(earned(999, 2, 1), 9);
        assert_eq!(earned(1000, 2, 2), 20);
        assert_eq!(earned(1500, 0, 1), 1500);
        assert_eq!(earned(-500, 2, 1), 0);
        assert_eq!(earned(i64::MAX, 0, 10), i64::MAX);
        assert_eq!(taken_back(i64::MIN, 0, 10, i64::MAX), -i64::MAX);
    }

    #[test]
    fn a_refund_after_redemption_stops_at_zero() {
        // Earned 50 for €50, redeemed 40, then €50 refunded: only 10 are left to take.
        assert_eq!(taken_back(-5000, 2, 1, 10), -10);
        assert_eq!(taken_back(-5000, 2, 1, 80), -50);
        assert_eq!(taken_back(-5000, 2, 1, -5), 0);
    }

    #[test]
    fn birthday_bonus_once_in_the_birthday_week() {
        // 2026-03-14 is a Saturday: its week is Mon 9 .. Sun 15 March.
        let entered = d(2025, 1, 1);
        let due = |today, last| birthday_bonus_due((3, 14), entered, last, today, Feb29::Feb28);
        assert!(!due(d(2026, 3, 8), None));
        assert!(due(d(2026, 3, 9), None));
        assert!(due(d(2026, 3, 15), None));
        assert!(!due(d(2026, 3, 16), None));
        assert!(
            !due(d(2026, 3, 12), Some(d(2026, 3, 10))),
            "given already this year"
        );
        assert!(due(d(2027, 3, 10), Some(d(2026, 3, 10))), "next year again");
    }

    #[test]
    fn no_bonus_for_a_birthday_entered_this_month() {
        assert!(!birthday_bonus_due(
            (3, 14),
            d(2026, 3, 1),
            None,
            d(2026, 3, 12),
            Feb29::Feb28
        ));
        assert!(birthday_bonus_due(
            (3, 14),
            d(2026, 2, 9),
            None,
            d(2026, 3, 12),
            Feb29::Feb28
        ));
    }

    #[test]
    fn feb29_birthday_week_in_common_years() {
        // 2027-02-28 is a Sunday; with "mar1" the week is the one of Mon 1 March.
        assert_eq!(
            birthday_week(2, 29, 2027, Feb29::Feb28),
            Some((d(2027, 2, 22), d(2027, 2, 28)))
        );
        assert_eq!(
            birthday_week(2, 29, 2027, Feb29::Mar1),
            Some((d(2027, 3, 1), d(2027, 3, 7)))
        );
        assert!(birthday_bonus_due(
            (2, 29),
            d(2020, 1, 1),
            None,
            d(2027, 2, 25),
            Feb29::Feb28
        ));
    }

    #[test]
    fn week_crossing_new_year() {
        // 2026-12-31 is a Thursday: week Mon 28 Dec .. Sun 3 Jan 2027.
        assert!(birthday_bonus_due(
            (1, 2),
            d(2020, 1, 1),
            None,
            d(2026, 12, 29),
            Feb29::Feb28
        ));
        assert!(birthday_bonus_due(
            (12, 31),
            d(2020, 1, 1),
            None,
            d(2027, 1, 2),
            Feb29::Feb28
        ));
    }

    #[test]
    fn points_expire_after_idle_months() {
        assert_eq!(expiry_date(d(2026, 1, 31), 6, d(2026, 7, 30)), None);
        assert_eq!(
            expiry_date(d(2026, 1, 31), 6, d(2026, 7, 31)),
            Some(d(2026, 7, 31))
        );
        assert_eq!(
            expiry_date(d(2025, 8, 31), 6, d(2026, 3, 1)),
            Some(d(2026, 2, 28))
        );
    }
}

#[cfg(test)]
mod review_period_tests {
    use super::review_once_key;
    use chrono::NaiveDate;

    #[test]
    fn the_review_period_is_a_tile_of_the_calendar_year() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert_eq!(review_once_key(day(11, 23), None), "review");
        assert_eq!(review_once_key(day(11, 23), Some(0)), "review");
        assert_eq!(review_once_key(day(11, 23), Some(12)), "review:2026-01");
        assert_eq!(review_once_key(day(11, 23), Some(6)), "review:2026-07");
        assert_eq!(review_once_key(day(6, 30), Some(6)), "review:2026-01");
        assert_eq!(review_once_key(day(5, 1), Some(3)), "review:2026-04");
        assert_eq!(review_once_key(day(5, 1), Some(1)), "review:2026-05");
    }
}
