//! Tiers on rolling 12-month net spend or visit count.
//!
//! A member's tier history is computed from their purchases in date order,
//! never from the order files were imported in: importing March after May
//! gives the same history as May after March. Moving up happens on the day
//! the member qualifies; moving down only when a grace period has passed
//! without qualifying again.

use chrono::{Duration, NaiveDate};

/// What tiers are measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TierBasis {
    /// Net spend (sales minus refunds) in minor units.
    Spend,
    /// Visits: distinct dates with a sale.
    Visits,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tier {
    pub name: String,
    /// Spend in minor units or visits needed, over the last 12 months.
    pub min: i64,
    pub perks: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierProgram {
    pub basis: TierBasis,
    /// Lowest first; the first tier is where every member starts.
    pub tiers: Vec<Tier>,
    pub grace_days: i64,
    /// Earlier minimums: (first day in force, one minimum per tier), oldest
    /// first. A minimum changed today counts from today on, so raising it
    /// moves nobody down before their grace period ends. Empty: the tiers'
    /// own minimums always applied.
    pub schedule: Vec<(NaiveDate, Vec<i64>)>,
}

/// One day's purchases of a member: net spend and whether it was a visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayTotal {
    pub date: NaiveDate,
    pub spend_minor: i64,
    pub visit: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TierChange {
    pub date: NaiveDate,
    pub from: usize,
    pub to: usize,
}

/// A member's place in the tiers on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub tier: usize,
    /// Spend (minor units) or visits over the 12 months up to the day.
    pub metric: i64,
    /// The day the tier was reached; `None` for the starting tier.
    pub since: Option<NaiveDate>,
    /// Below the tier's minimum: the day the member moves down unless they
    /// qualify again before.
    pub grace_until: Option<NaiveDate>,
}

/// The rolling window: a purchase counts for 365 days including its own.
pub const WINDOW_DAYS: i64 = 365;

impl TierProgram {
    fn value(&self, day: &DayTotal) -> i64 {
        match self.basis {
            TierBasis::Spend => day.spend_minor,
            TierBasis::Visits => i64::from(day.visit),
        }
    }

    /// The highest tier whose minimum `metric` reaches.
    pub fn qualified(&self, metric: i64) -> usize {
        self.tiers
            .iter()
            .rposition(|t| metric >= t.min)
            .unwrap_or(0)
    }

    /// The highest tier whose minimum in force on `day` `metric` reaches.
    fn qualified_on(&self, day: NaiveDate, metric: i64) -> usize {
        let in_force = self
            .schedule
            .iter()
            .rev()
            .find(|(from, _)| *from <= day)
            .or(self.schedule.first())
            .map(|(_, mins)| mins.as_slice())
            .filter(|mins| mins.len() == self.tiers.len());
        match in_force {
            Some(mins) => mins.iter().rposition(|m| metric >= *m).unwrap_or(0),
            None => self.qualified(metric),
        }
    }

    /// Spend or visits over the window ending on `day` (inclusive).
    pub fn metric_on(&self, days: &[DayTotal], day: NaiveDate) -> i64 {
        let start = day - Duration::days(WINDOW_DAYS - 1);
        days.iter()
            .filter(|d| d.date >= start && d.date <= day)
            .fold(0i64, |sum, d| sum.saturating_add(self.value(d)))
    }

    /// Every tier change up to `until`, in date order. `days` may come in any order.
    pub fn history(&self, days: &[DayTotal], until: NaiveDate) -> Vec<TierChange> {
        let mut sorted: Vec<DayTotal> = days.iter().copied().filter(|d| d.date <= until).collect();
        sorted.sort_by_key(|d| d.date);
        self.walk(&Window::new(self, &sorted), until).0
    }

    /// Where the member stands on `today`: tier, the 12-month figure, since
    /// when, and the end of a running grace period. `days` may come in any order.
    pub fn standing(&self, days: &[DayTotal], today: NaiveDate) -> Standing {
        self.assess(days, today).0
    }

    /// [`standing`](Self::standing) and [`history`](Self::history) in one pass.
    pub fn assess(&self, days: &[DayTotal], today: NaiveDate) -> (Standing, Vec<TierChange>) {
        let mut sorted: Vec<DayTotal> = days.iter().copied().filter(|d| d.date <= today).collect();
        sorted.sort_by_key(|d| d.date);
        let window = Window::new(self, &sorted);
        let (changes, below_since) = self.walk(&window, today);
        let standing = Standing {
            tier: changes.last().map(|c| c.to).unwrap_or(0),
            metric: window.metric_on(today),
            since: changes.last().map(|c| c.date),
            grace_until: below_since.map(|since| since + Duration::days(self.grace_days)),
        };
        (standing, changes)
    }

    /// The changes up to `until`, and the first day below the held tier
    /// when a grace period is still running on `until`.
    fn walk(&self, window: &Window<'_>, until: NaiveDate) -> (Vec<TierChange>, Option<NaiveDate>) {
        // The metric can only change on a purchase day or the day a purchase
        // leaves the window; grace periods end on their own days.
        let mut events: Vec<NaiveDate> = window
            .days
            .iter()
            .flat_map(|d| [d.date, d.date + Duration::days(WINDOW_DAYS)])
            .chain(self.schedule.iter().skip(1).map(|(from, _)| *from))
            .filter(|d| *d <= until)
            .collect();
        events.sort();
        events.dedup();

        let mut changes = vec![];
        let mut current = 0usize;
        let mut below_since: Option<NaiveDate> = None;
        let mut i = 0;
        while i < events.len() {
            let day = events[i];
            // A grace period that ends before the next event is settled on its last day.
            if let Some(since) = below_since {
                let grace_end = since + Duration::days(self.grace_days);
                if grace_end < day && grace_end <= until {
                    let to = self.qualified_on(grace_end, window.metric_on(grace_end));
                    if to < current {
                        changes.push(TierChange {
                            date: grace_end,
                            from: current,
                            to,
                        });
                        current = to;
                    }
                    below_since = None;
                    continue;
                }
            }
            let qualified = self.qualified_on(day, window.metric_on(day));
            if qualified > current {
                changes.push(TierChange {
                    date: day,
                    from: current,
                    to: qualified,
                });
                current = qualified;
                below_since = None;
            } else if qualified < current {
                below_since.get_or_insert(day);
            } else {
                below_since = None;
            }
            i += 1;
        }
        if let Some(since) = below_since {
            let grace_end = since + Duration::days(self.grace_days);
            if grace_end <= until {
                let to = self.qualified_on(grace_end, window.metric_on(grace_end));
                if to < current {
                    changes.push(TierChange {
                        date: grace_end,
                        from: current,
                        to,
                    });
                }
                below_since = None;
            }
        }
        (changes, below_since)
    }

    /// The tier held on `today`.
    pub fn tier_on(&self, days: &[DayTotal], today: NaiveDate) -> usize {
        self.history(days, today).last().map(|c| c.to).unwrap_or(0)
    }

    /// The next tier above `tier` and how much spend (minor units) or how
    /// many visits are missing to reach it with the current `metric`.
    pub fn gap_to_next(&self, tier: usize, metric: i64) -> Option<(usize, i64)> {
        let next = tier + 1;
        self.tiers
            .get(next)
            .map(|t| (next, t.min.saturating_sub(metric).max(0)))
    }

    /// How far from the held tier's minimum to the next one, in thousandths
    /// (for the bar); 1000 at the top tier.
    pub fn progress_per_mille(&self, tier: usize, metric: i64) -> i64 {
        let (Some(held), Some(next)) = (self.tiers.get(tier), self.tiers.get(tier + 1)) else {
            return 1000;
        };
        let span = next.min.saturating_sub(held.min).max(1);
        let done = metric.saturating_sub(held.min).clamp(0, span);
        (i128::from(done) * 1000 / i128::from(span)) as i64
    }

    /// Of members at (tier, 12-month figure): how many this program would
    /// move up at once, and how many are below their tier's minimum (moving
    /// down when their grace period ends). For previewing an edited minimum.
    pub fn moves(&self, standings: &[(usize, i64)]) -> (usize, usize) {
        standings
            .iter()
            .fold((0, 0), |(up, down), &(tier, metric)| {
                let qualified = self.qualified(metric);
                (
                    up + usize::from(qualified > tier),
                    down + usize::from(qualified < tier),
                )
            })
    }

    /// Within 10% of the next tier's minimum (the owner's "nudge" list).
    pub fn is_close_to_next(&self, tier: usize, metric: i64) -> bool {
        self.near_band(tier)
            .is_some_and(|(from, below)| metric >= from && metric < below)
    }

    /// The 12-month figures within 10% of the minimum of the tier above
    /// `tier`: from 90% of it (rounded up, so 90% is reached) to just below
    /// it; `None` at the top tier. A range, so the store can find the
    /// members in it from an index instead of looking at each.
    pub fn near_band(&self, tier: usize) -> Option<(i64, i64)> {
        let below = self.tiers.get(tier + 1)?.min;
        let nine_tenths = i128::from(below) * 9;
        let from = nine_tenths.div_euclid(10) + i128::from(nine_tenths.rem_euclid(10) != 0);
        Some((from.clamp(0, i128::from(i64::MAX)) as i64, below))
    }
}

/// Rolling sums by binary search over prefix sums, so a member with years of
/// history costs O(n log n) rather than O(n²) (recomputing every member's
/// tier must stay fast at millions of receipts). The prefix sums are kept
/// in 128 bits: days of absurd amounts cannot overflow them, and a window's
/// sum is clamped to the 64-bit range only at the end.
struct Window<'a> {
    days: &'a [DayTotal],
    prefix: Vec<i128>,
}

impl<'a> Window<'a> {
    fn new(program: &TierProgram, days: &'a [DayTotal]) -> Self {
        let mut prefix = Vec::with_capacity(days.len() + 1);
        prefix.push(0);
        for d in days {
            prefix.push(prefix.last().copied().unwrap_or(0) + i128::from(program.value(d)));
        }
        Window { days, prefix }
    }

    fn metric_on(&self, day: NaiveDate) -> i64 {
        let start = day - Duration::days(WINDOW_DAYS - 1);
        let lo = self.days.partition_point(|d| d.date < start);
        let hi = self.days.partition_point(|d| d.date <= day);
        let sum = self.prefix[hi] - self.prefix[lo.min(hi)];
        sum.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
    }
}

#[cfg(test)]
#[path = "tiers_tests.rs"]
mod tests;
