//! The receipts of one demo member over the last 18 months: visits from
//! their pattern, baskets from their usual items, spend aimed at a tier for
//! big spenders and for those just short of the next tier, and now and then
//! a refund.

use chrono::{Duration, NaiveDate};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::basket::{Bought, Catalogue, Shopper, refund};
use super::person::{chance, pick};
use super::visits::{Habit, Pattern, pattern, visits};
use crate::domain::tiers::WINDOW_DAYS;

/// Share of members with everyday patterns who brought something back.
const REFUND_PERCENT: u32 = 12;

/// Spend the demo aims at: the minimums of the tiers above the first, in
/// minor units. Empty when tiers are not measured on spend.
pub struct Targets(pub Vec<i64>);

impl Targets {
    /// The config's tiers above the first when they count spend; else the
    /// default config's (200 and 500 units), so spend still varies.
    pub fn new(spend_mins: Option<Vec<i64>>, shop: &Catalogue) -> Targets {
        match spend_mins {
            Some(mins) if mins.len() > 1 => Targets(mins[1..].to_vec()),
            _ => Targets(vec![shop.minor(20_000), shop.minor(50_000)]),
        }
    }
}

/// What one member bought, oldest first. `pets` are the kinds of their pets.
pub fn member_purchases<'d>(
    rng: &mut ChaCha8Rng,
    shop: &Catalogue<'d>,
    targets: &Targets,
    today: NaiveDate,
    joined: NaiveDate,
    pets: &[&str],
) -> Vec<Bought<'d>> {
    let pattern = pattern(rng, today, joined);
    let habit = Habit::new(rng);
    let times = visits(rng, pattern, &habit, today, joined);
    if times.is_empty() {
        return vec![];
    }
    // Usual basket, in hundredths of a unit.
    let typical = match pattern {
        Pattern::Weekly => rng.random_range(300..=1_400),
        Pattern::Monthly => rng.random_range(1_200..=4_000),
        Pattern::Lapsed => rng.random_range(800..=2_500),
        _ => rng.random_range(800..=5_000),
    };
    let shopper = Shopper::new(rng, shop, pets, typical);
    let aim = match pattern {
        Pattern::BigSpender if !targets.0.is_empty() => {
            Some(*pick(rng, &targets.0) * rng.random_range(105..=170) / 100)
        }
        Pattern::NearTier if !targets.0.is_empty() => {
            Some(*pick(rng, &targets.0) * rng.random_range(92..=97) / 100)
        }
        _ => None,
    };
    let window_from = today - Duration::days(WINDOW_DAYS - 1);
    let in_window = times.iter().filter(|t| t.date() >= window_from).count() as i64;
    let mut spent = 0;
    let mut left_visits = in_window;
    let mut out = Vec::with_capacity(times.len() + 1);
    for at in times {
        let jitter = rng.random_range(60..=160);
        let lines = match aim {
            // Spend inside the window is what the tier counts: aim it.
            Some(aim) if at.date() >= window_from => {
                let budget = (aim - spent) / left_visits.max(1);
                left_visits -= 1;
                let lines = shopper.basket(rng, shop, budget, true);
                spent += lines.iter().map(|l| l.amount_minor).sum::<i64>();
                lines
            }
            Some(aim) => {
                let usual = aim / in_window.max(1);
                shopper.basket(rng, shop, usual * jitter / 100, false)
            }
            None => shopper.basket(rng, shop, shopper.typical * jitter / 100, false),
        };
        out.push(Bought {
            at,
            refund: false,
            lines,
        });
    }
    let everyday = matches!(
        pattern,
        Pattern::Weekly | Pattern::Monthly | Pattern::Occasional
    );
    if everyday
        && chance(rng, REFUND_PERCENT)
        && let Some(back) = refund(rng, &out, &habit, today - Duration::days(1))
    {
        let at = out.partition_point(|b| b.at <= back.at);
        out.insert(at, back);
    }
    out
}
