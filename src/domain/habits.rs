//! A member's purchase habits from their receipts: visits per month, spend
//! and average basket over the last 12 months, the usual weekday and hour,
//! favourite items and categories, days since the last visit and the usual
//! gap between visits.
//!
//! Visits are distinct dates with a sale; refunds lower spend, not visits.
//! "Usual" things (weekday, hour, favourites, gap) are read from the last
//! 12 months, where habits are current; a member who has not come for a
//! year is described by their whole history instead, which is what the
//! owner wants to remember about them.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Timelike, Weekday};

use crate::domain::tiers::WINDOW_DAYS;

/// How many favourite items and categories are named.
pub const FAVOURITES: usize = 3;

/// One item line of a receipt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bought {
    pub item: String,
    pub category: Option<String>,
    pub qty_milli: i64,
    pub amount_minor: i64,
}

/// One receipt of the member (a sale, or a refund with a negative total).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purchase {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub total_minor: i64,
    pub refund: bool,
    pub lines: Vec<Bought>,
    /// The branch of a chain the receipt came from; None: this shop.
    pub shop: Option<String>,
}

/// Visits in one calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthVisits {
    pub year: i32,
    pub month: u32,
    pub visits: u32,
}

/// Something bought often, and on how many visits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Favourite {
    pub name: String,
    pub visits: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Habits {
    /// The 12 calendar months up to and including today's, oldest first.
    pub months: Vec<MonthVisits>,
    /// Visits in the last 365 days (today included).
    pub visits_12m: u32,
    /// Net spend in the last 365 days: sales minus refunds.
    pub spend_12m: i64,
    /// Net spend per sale receipt in the last 365 days.
    pub average_basket: Option<i64>,
    pub last_visit: Option<NaiveDate>,
    pub days_since_last: Option<i64>,
    /// Median days between consecutive visits.
    pub median_gap_days: Option<i64>,
    pub usual_weekday: Option<Weekday>,
    /// The hour (0–23) the member most often pays in.
    pub usual_hour: Option<u32>,
    pub favourite_items: Vec<Favourite>,
    pub favourite_categories: Vec<Favourite>,
}

/// The first day of the month `back` months before `date`'s month.
fn month_start(date: NaiveDate, back: u32) -> (i32, u32) {
    let index = date.year() * 12 + date.month0() as i32 - back as i32;
    (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

/// The most frequent key; ties go to the smallest key, so the answer does
/// not depend on the order of the receipts.
fn most_common<K: Ord + Copy>(counts: &HashMap<K, u32>) -> Option<K> {
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| *k)
}

fn median(mut values: Vec<i64>) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2
    })
}

/// Names bought on the most visits (each visit counts once per name),
/// then by money spent on them, then by name.
fn favourites<'a>(sales: impl Iterator<Item = (NaiveDate, &'a str, i64)>) -> Vec<Favourite> {
    let mut seen: BTreeSet<(NaiveDate, &str)> = BTreeSet::new();
    let mut tally: HashMap<&str, (u32, i64)> = HashMap::new();
    for (date, name, amount) in sales {
        let entry = tally.entry(name).or_default();
        entry.1 = entry.1.saturating_add(amount);
        if seen.insert((date, name)) {
            entry.0 += 1;
        }
    }
    let mut ranked: Vec<(&str, (u32, i64))> = tally.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    ranked
        .into_iter()
        .take(FAVOURITES)
        .map(|(name, (visits, _))| Favourite {
            name: name.to_string(),
            visits,
        })
        .collect()
}

/// Habits as of `today`. Receipts dated after `today` are left out.
pub fn habits(purchases: &[Purchase], today: NaiveDate) -> Habits {
    let window_start = today - Duration::days(WINDOW_DAYS - 1);
    let past: Vec<&Purchase> = purchases.iter().filter(|p| p.date <= today).collect();
    let recent_only: Vec<&Purchase> = past
        .iter()
        .copied()
        .filter(|p| p.date >= window_start)
        .collect();
    let any_recent_visit = recent_only.iter().any(|p| !p.refund);
    // Where "usual" is read from: the last 12 months, or all of it when the
    // member has not come in that time.
    let usual: &[&Purchase] = if any_recent_visit {
        &recent_only
    } else {
        &past
    };

    let visit_days: BTreeSet<NaiveDate> =
        past.iter().filter(|p| !p.refund).map(|p| p.date).collect();
    let months = (0..12)
        .rev()
        .map(|back| {
            let (year, month) = month_start(today, back);
            let visits = visit_days
                .iter()
                .filter(|d| d.year() == year && d.month() == month)
                .count() as u32;
            MonthVisits {
                year,
                month,
                visits,
            }
        })
        .collect();
    let visits_12m = visit_days.range(window_start..).count() as u32;
    // Saturates: one absurd receipt must not stop the card from showing.
    let spend_12m = recent_only
        .iter()
        .fold(0i64, |sum, p| sum.saturating_add(p.total_minor));
    let sales_12m = recent_only.iter().filter(|p| !p.refund).count() as i64;
    let average_basket = (sales_12m > 0).then(|| spend_12m / sales_12m);
    let last_visit = visit_days.iter().next_back().copied();

    let usual_days: BTreeSet<NaiveDate> =
        usual.iter().filter(|p| !p.refund).map(|p| p.date).collect();
    let gaps: Vec<i64> = usual_days
        .iter()
        .zip(usual_days.iter().skip(1))
        .map(|(a, b)| (*b - *a).num_days())
        .collect();
    let mut weekdays: HashMap<u32, u32> = HashMap::new();
    for day in &usual_days {
        *weekdays
            .entry(day.weekday().num_days_from_monday())
            .or_default() += 1;
    }
    let mut hours: HashMap<u32, u32> = HashMap::new();
    for time in usual.iter().filter(|p| !p.refund).filter_map(|p| p.time) {
        *hours.entry(time.hour()).or_default() += 1;
    }
    // One visit shows no habit yet.
    let enough = usual_days.len() >= 2;
    let sale_lines = || {
        usual
            .iter()
            .filter(|p| !p.refund)
            .flat_map(|p| p.lines.iter().map(move |l| (p.date, l)))
    };
    Habits {
        months,
        visits_12m,
        spend_12m,
        average_basket,
        last_visit,
        days_since_last: last_visit.map(|d| (today - d).num_days()),
        median_gap_days: median(gaps),
        usual_weekday: most_common(&weekdays)
            .filter(|_| enough)
            .and_then(|n| Weekday::try_from(n as u8).ok()),
        usual_hour: most_common(&hours).filter(|_| enough),
        favourite_items: favourites(
            sale_lines().map(|(date, l)| (date, l.item.as_str(), l.amount_minor)),
        ),
        favourite_categories: favourites(
            sale_lines()
                .filter_map(|(date, l)| l.category.as_deref().map(|c| (date, c, l.amount_minor))),
        ),
    }
}

#[cfg(test)]
#[path = "habits_tests.rs"]
mod tests;
