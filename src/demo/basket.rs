//! What a demo customer buys: the shop's items at prices in the shop's
//! currency, a handful of usual items per customer (pet food for their own
//! pets), baskets filled up to a budget, and now and then something taken
//! back.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::data::{Item, PetKind};
use super::person::{chance, pick, pick_weighted};
use super::visits::Habit;

/// An item with its price in the currency's minor units.
#[derive(Debug)]
pub struct Priced<'d> {
    pub item: &'d Item,
    pub price: i64,
}

/// The shop's items, priced for the currency.
#[derive(Debug)]
pub struct Catalogue<'d> {
    pub items: Vec<Priced<'d>>,
    /// Indexes into `items`, dearest first.
    by_price: Vec<usize>,
    /// Minor units per hundredth of a unit, as a fraction: prices in the
    /// files are hundredths.
    minor_per_unit: i64,
    /// The pets customers keep, for those whose pets the club does not know.
    kinds: &'d [PetKind],
}

impl<'d> Catalogue<'d> {
    /// `minor_digits` of the shop's currency (2 for cents).
    pub fn new(items: &'d [Item], kinds: &'d [PetKind], minor_digits: u8) -> Catalogue<'d> {
        let minor_per_unit = 10i64.pow(u32::from(minor_digits.min(4)));
        let items: Vec<Priced> = items
            .iter()
            .filter(|i| i.weight > 0)
            .map(|item| Priced {
                item,
                price: (item.price * minor_per_unit / 100).max(1),
            })
            .collect();
        let mut by_price: Vec<usize> = (0..items.len()).collect();
        by_price.sort_by_key(|&i| std::cmp::Reverse(items[i].price));
        Catalogue {
            items,
            by_price,
            minor_per_unit,
            kinds,
        }
    }

    /// An amount written in hundredths of a unit, in minor units.
    pub fn minor(&self, hundredths: i64) -> i64 {
        hundredths * self.minor_per_unit / 100
    }

    fn cheapest(&self) -> usize {
        self.by_price.last().copied().unwrap_or(0)
    }
}

/// One line of a receipt.
#[derive(Debug, Clone)]
pub struct Line<'d> {
    pub item: &'d Item,
    pub qty: i64,
    pub amount_minor: i64,
}

/// A receipt of a demo customer: a sale, or a refund of one item.
#[derive(Debug, Clone)]
pub struct Bought<'d> {
    pub at: NaiveDateTime,
    pub refund: bool,
    pub lines: Vec<Line<'d>>,
}

impl Bought<'_> {
    pub fn total_minor(&self) -> i64 {
        self.lines.iter().map(|l| l.amount_minor).sum()
    }
}

/// What one customer usually buys, and how much they usually spend.
pub struct Shopper {
    /// What they buy at all: everything but food and toys for pets they
    /// do not have.
    range: Vec<usize>,
    usual: Vec<usize>,
    /// A usual basket, in minor units.
    pub typical: i64,
}

impl Shopper {
    /// `pets` are the kinds of the customer's pets; a customer whose pets
    /// the club does not know may still keep one. Three to six usual items,
    /// those for their pets more likely. `typical` is in hundredths of a unit.
    pub fn new(rng: &mut ChaCha8Rng, shop: &Catalogue, pets: &[&str], typical: i64) -> Shopper {
        let mut kinds: Vec<&str> = pets.to_vec();
        if kinds.is_empty() && chance(rng, 55) && !shop.kinds.is_empty() {
            kinds.push(&pick_weighted(rng, shop.kinds, |k| k.weight).kind);
        }
        let for_their_pets = |i: &usize| {
            let kind = shop.items[*i].item.pet.as_deref();
            kind.is_some_and(|k| kinds.contains(&k))
        };
        let range: Vec<usize> = (0..shop.items.len())
            .filter(|i| shop.items[*i].item.pet.is_none() || for_their_pets(i))
            .collect();
        let weight = |i: &usize| {
            let w = shop.items[*i].item.weight;
            if for_their_pets(i) { w * 3 } else { w }
        };
        let count = rng.random_range(3..=6);
        let mut usual: Vec<usize> = (0..count)
            .filter(|_| !range.is_empty())
            .map(|_| *pick_weighted(rng, &range, weight))
            .collect();
        usual.sort_unstable();
        usual.dedup();
        Shopper {
            range,
            usual,
            typical: shop.minor(typical),
        }
    }

    fn choose(&self, rng: &mut ChaCha8Rng, shop: &Catalogue) -> usize {
        if self.range.is_empty() {
            shop.cheapest()
        } else if chance(rng, 70) && !self.usual.is_empty() {
            *pick(rng, &self.usual)
        } else {
            *pick_weighted(rng, &self.range, |i| shop.items[*i].item.weight)
        }
    }

    /// A basket of up to `budget`. A natural basket stops after a few items;
    /// an `exact` one is filled until nothing more fits, so that calibrated
    /// spend lands where it was aimed. Never empty: one cheap item at least.
    pub fn basket<'d>(
        &self,
        rng: &mut ChaCha8Rng,
        shop: &Catalogue<'d>,
        budget: i64,
        exact: bool,
    ) -> Vec<Line<'d>> {
        let most_lines = if exact { 12 } else { rng.random_range(1..=5) };
        let mut lines: Vec<Line<'d>> = vec![];
        let mut left = budget;
        // Bounded: picks of items already in the basket in full do not count.
        for _ in 0..40 {
            if lines.len() >= most_lines {
                break;
            }
            let tried = (0..6)
                .map(|_| self.choose(rng, shop))
                .find(|&i| shop.items[i].price <= left);
            // Only an exact basket tops up with whatever still fits.
            let fitting = || {
                shop.by_price
                    .iter()
                    .copied()
                    .find(|&i| shop.items[i].price <= left && self.range.contains(&i))
            };
            let Some(index) = tried.or_else(|| if exact { fitting() } else { None }) else {
                break;
            };
            let p = &shop.items[index];
            let in_basket = lines.iter().find(|l| std::ptr::eq(l.item, p.item));
            let room = i64::from(p.item.max_qty) - in_basket.map_or(0, |l| l.qty);
            if room <= 0 {
                // Enough of that already; an exact basket looks on.
                if exact && tried.is_none() {
                    break;
                }
                continue;
            }
            let most = (left / p.price).min(room).max(1);
            let qty = rng.random_range(1..=most);
            left -= qty * p.price;
            add(&mut lines, p, qty);
        }
        if lines.is_empty() {
            let index = self
                .usual
                .iter()
                .copied()
                .min_by_key(|&i| shop.items[i].price)
                .unwrap_or(shop.cheapest());
            add(&mut lines, &shop.items[index], 1);
        }
        lines
    }
}

fn add<'d>(lines: &mut Vec<Line<'d>>, p: &Priced<'d>, qty: i64) {
    match lines.iter_mut().find(|l| std::ptr::eq(l.item, p.item)) {
        Some(line) => {
            line.qty += qty;
            line.amount_minor += qty * p.price;
        }
        None => lines.push(Line {
            item: p.item,
            qty,
            amount_minor: qty * p.price,
        }),
    }
}

/// One item of a sale brought back a few days later (never after
/// `yesterday`), as a receipt of its own with a negative total. None when
/// nothing they bought is ever brought back.
pub fn refund<'d>(
    rng: &mut ChaCha8Rng,
    sales: &[Bought<'d>],
    habit: &Habit,
    yesterday: NaiveDate,
) -> Option<Bought<'d>> {
    let returnable: Vec<(&Bought<'d>, &Line<'d>)> = sales
        .iter()
        .flat_map(|s| s.lines.iter().map(move |l| (s, l)))
        .filter(|(_, l)| l.item.returnable)
        .collect();
    if returnable.is_empty() {
        return None;
    }
    let (sale, line) = *pick(rng, &returnable);
    let day = sale.at.date() + Duration::days(rng.random_range(1..=10));
    (day <= yesterday).then(|| Bought {
        at: day.and_time(habit.time(rng)),
        refund: true,
        lines: vec![Line {
            item: line.item,
            qty: 1,
            amount_minor: -(line.amount_minor / line.qty),
        }],
    })
}
