//! When a demo member comes to the shop: each member follows one pattern
//! (weekly regular, monthly visitor, now and then, big spender, a regular
//! who stopped coming, someone just short of the next tier, or never), on
//! their usual weekday and at their usual hour most of the time, so the
//! card's habits read like a real customer's.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::person::{chance, pick_weighted};

/// How far back purchases go: about 18 months.
pub const HISTORY_DAYS: i64 = 548;
/// Days of purchases a tier is measured on (the tier rules' window), less a
/// margin so that calibrated spend is all inside it.
pub const TIER_WINDOW_DAYS: i64 = 330;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// Signed up and never bought anything (yet).
    NoPurchases,
    Weekly,
    Monthly,
    Occasional,
    /// Spends enough for a higher tier.
    BigSpender,
    /// Came often, then stopped more than six weeks ago.
    Lapsed,
    /// Spent a little less than the next tier needs.
    NearTier,
}

/// How common each pattern is, relative to the others.
const PATTERNS: &[(Pattern, u32)] = &[
    (Pattern::NoPurchases, 13),
    (Pattern::Weekly, 12),
    (Pattern::Monthly, 26),
    (Pattern::Occasional, 28),
    (Pattern::BigSpender, 6),
    (Pattern::Lapsed, 7),
    (Pattern::NearTier, 8),
];

/// Saturday is the busy day; Sunday is a short morning.
const WEEKDAYS: &[(Weekday, u32)] = &[
    (Weekday::Mon, 10),
    (Weekday::Tue, 11),
    (Weekday::Wed, 12),
    (Weekday::Thu, 13),
    (Weekday::Fri, 17),
    (Weekday::Sat, 27),
    (Weekday::Sun, 6),
];
/// Opening hours 9:00–19:00: the morning rush and after work are busiest.
const HOURS: &[(u32, u32)] = &[
    (9, 7),
    (10, 11),
    (11, 12),
    (12, 9),
    (13, 8),
    (14, 6),
    (15, 7),
    (16, 10),
    (17, 12),
    (18, 7),
];

/// The member's usual day and hour.
#[derive(Debug, Clone, Copy)]
pub struct Habit {
    pub weekday: Weekday,
    pub hour: u32,
}

impl Habit {
    pub fn new(rng: &mut ChaCha8Rng) -> Habit {
        Habit {
            weekday: pick_weighted(rng, WEEKDAYS, |w| w.1).0,
            hour: pick_weighted(rng, HOURS, |h| h.1).0,
        }
    }

    /// A time near the usual hour: mostly in it, sometimes an hour off,
    /// now and then any time the shop is open.
    pub fn time(&self, rng: &mut ChaCha8Rng) -> NaiveTime {
        let hour = match rng.random_range(0..100) {
            0..70 => self.hour,
            70..90 => {
                let off = if chance(rng, 50) { 1 } else { -1i64 };
                (i64::from(self.hour) + off).clamp(9, 18) as u32
            }
            _ => pick_weighted(rng, HOURS, |h| h.1).0,
        };
        let (minute, second) = (rng.random_range(0..60), rng.random_range(0..60));
        NaiveTime::from_hms_opt(hour, minute, second).unwrap_or_default()
    }
}

/// The member's pattern; those that need a long history fall back to a
/// monthly visitor when the member joined too recently for it.
pub fn pattern(rng: &mut ChaCha8Rng, today: NaiveDate, joined: NaiveDate) -> Pattern {
    let pattern = pick_weighted(rng, PATTERNS, |p| p.1).0;
    let long = matches!(pattern, Pattern::Lapsed | Pattern::NearTier);
    if long && (today - joined).num_days() < 150 {
        Pattern::Monthly
    } else {
        pattern
    }
}

/// The days and times of the member's visits, oldest first, never before
/// they joined and never today (today's till export is not in yet).
pub fn visits(
    rng: &mut ChaCha8Rng,
    pattern: Pattern,
    habit: &Habit,
    today: NaiveDate,
    joined: NaiveDate,
) -> Vec<NaiveDateTime> {
    let yesterday = today - Duration::days(1);
    let from = joined.max(today - Duration::days(HISTORY_DAYS));
    let every = |rng: &mut ChaCha8Rng, gap, skip, usual, from, to| {
        periodic(rng, habit, Span { from, to }, gap, skip, usual)
    };
    let days = match pattern {
        Pattern::NoPurchases => vec![],
        Pattern::Weekly => every(rng, (6, 8), 15, 85, from, yesterday),
        Pattern::Monthly => every(rng, (20, 40), 6, 60, from, yesterday),
        Pattern::BigSpender => every(rng, (4, 10), 5, 70, from, yesterday),
        Pattern::NearTier => {
            let from = joined.max(today - Duration::days(TIER_WINDOW_DAYS));
            every(rng, (7, 18), 5, 75, from, yesterday)
        }
        Pattern::Lapsed => {
            // The weekly review calls quiet whoever has not come for six
            // weeks; these stopped a little or a good while longer ago.
            let quiet = 45 + rng.random_range(0..=45);
            every(rng, (6, 15), 10, 80, from, today - Duration::days(quiet))
        }
        Pattern::Occasional => {
            let count = rng.random_range(1..=6);
            let span = Span {
                from,
                to: yesterday,
            };
            let mut days = vec![];
            for _ in 0..count {
                if let Some(day) = span.any(rng) {
                    days.push(span.snap(rng, day, habit.weekday, 40));
                }
            }
            days.sort();
            days.dedup();
            days
        }
    };
    days.into_iter()
        .map(|d| d.and_time(habit.time(rng)))
        .collect()
}

/// Days from `from` to `to`, both included.
#[derive(Debug, Clone, Copy)]
struct Span {
    from: NaiveDate,
    to: NaiveDate,
}

impl Span {
    fn any(&self, rng: &mut ChaCha8Rng) -> Option<NaiveDate> {
        let days = (self.to - self.from).num_days();
        (days >= 0).then(|| self.from + Duration::days(rng.random_range(0..=days)))
    }

    /// `usual` times in a hundred the day moves to the usual weekday of its
    /// week, when that stays within the span.
    fn snap(
        &self,
        rng: &mut ChaCha8Rng,
        day: NaiveDate,
        weekday: Weekday,
        usual: u32,
    ) -> NaiveDate {
        if !chance(rng, usual) {
            return day;
        }
        let wanted = i64::from(weekday.num_days_from_monday());
        let mut offset = (wanted - i64::from(day.weekday().num_days_from_monday())).rem_euclid(7);
        if offset > 3 {
            offset -= 7;
        }
        let moved = day + Duration::days(offset);
        if (self.from..=self.to).contains(&moved) {
            moved
        } else {
            day
        }
    }
}

/// Visits every `gap` days (a range), skipping `skip` in a hundred.
fn periodic(
    rng: &mut ChaCha8Rng,
    habit: &Habit,
    span: Span,
    gap: (i64, i64),
    skip: u32,
    usual: u32,
) -> Vec<NaiveDate> {
    let mut days = vec![];
    let mut day = span.from + Duration::days(rng.random_range(0..=gap.1));
    while day <= span.to {
        if !chance(rng, skip) {
            days.push(span.snap(rng, day, habit.weekday, usual));
        }
        day += Duration::days(rng.random_range(gap.0..=gap.1));
    }
    days.sort();
    days.dedup();
    days
}
