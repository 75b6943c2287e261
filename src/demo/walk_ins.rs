//! Till receipts without a member: walk-in customers the till knows nothing
//! about, and a few who gave the till a phone or an email that belongs to
//! no member (the owner can sign them up or link them to a member).

use chrono::{Duration, NaiveDate};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::basket::{Bought, Catalogue, Shopper};
use super::person::{Generator, Stranger};
use super::visits::{HISTORY_DAYS, Habit};
use crate::error::Result;

/// Where a walk-in receipt goes: the customer the till showed, if any.
pub type Write<'w, 'd> = dyn FnMut(Option<&Stranger>, &Bought<'d>) -> Result<()> + 'w;

/// Anonymous walk-ins per member, in hundredths, over the 18 months.
const ANONYMOUS_PER_HUNDRED_MEMBERS: usize = 120;
/// One till customer without a member per this many members, and a few more.
const MEMBERS_PER_STRANGER: usize = 25;

/// Writes the walk-in receipts of a club of `members` members.
pub fn walk_ins<'d>(
    rng: &mut ChaCha8Rng,
    people: &mut Generator,
    shop: &Catalogue<'d>,
    today: NaiveDate,
    members: usize,
    write: &mut Write<'_, 'd>,
) -> Result<()> {
    let first = today - Duration::days(HISTORY_DAYS);
    let any_day = |rng: &mut ChaCha8Rng, from: NaiveDate| {
        let days = (today - from).num_days().max(1);
        from + Duration::days(rng.random_range(0..days))
    };
    let anonymous = members * ANONYMOUS_PER_HUNDRED_MEMBERS / 100 + 10;
    let mut days: Vec<NaiveDate> = (0..anonymous).map(|_| any_day(rng, first)).collect();
    days.sort();
    for day in days {
        let habit = Habit::new(rng);
        let typical = rng.random_range(300..=3_000);
        let shopper = Shopper::new(rng, shop, &[], typical);
        let budget = shopper.typical;
        let bought = Bought {
            at: day.and_time(habit.time(rng)),
            refund: false,
            lines: shopper.basket(rng, shop, budget, false),
        };
        write(None, &bought)?;
    }
    for _ in 0..3 + members / MEMBERS_PER_STRANGER {
        let stranger = people.stranger();
        let habit = Habit::new(rng);
        let typical = rng.random_range(500..=4_000);
        let shopper = Shopper::new(rng, shop, &[], typical);
        // Most came a few times lately: those are worth signing up.
        let since = today - Duration::days(rng.random_range(30..=HISTORY_DAYS));
        let mut days: Vec<NaiveDate> = (0..rng.random_range(1..=8))
            .map(|_| any_day(rng, since))
            .collect();
        days.sort();
        days.dedup();
        for day in days {
            let budget = shopper.typical * rng.random_range(60..=160) / 100;
            let bought = Bought {
                at: day.and_time(habit.time(rng)),
                refund: false,
                lines: shopper.basket(rng, shop, budget, false),
            };
            write(Some(&stranger), &bought)?;
        }
    }
    Ok(())
}
