//! What a demo customer buys: the shop's items at prices in the shop's
//! currency, a handful of usual items per customer (pet food for their own
//! pets), baskets filled up to a budget, and now and then something taken
//! back.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::data::Item;
use super::person::{chance, pick, pick_weighted};

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
}

impl<'d> Catalogue<'d> {
    /// `minor_digits` of the shop's currency (2 for cents).
    pub fn new(items: &'d [Item], minor_digits: u8) -> Catalogue<'d> {
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
        }
    }

    /// An amount written in hundredths of a unit, in minor units.
    pub fn minor(&self, hundredths: i64) -> i64 {
        hundredths * self.minor_per_unit / 100
    }

    /// Any item's index, the more often bought ones more often.
    fn any(&self, rng: &mut ChaCha8Rng) -> usize {
        let total: u32 = self.items.iter().map(|p| p.item.weight).sum();
        let mut roll = rng.random_range(0..total.max(1));
        for (i, p) in self.items.iter().enumerate() {
            if roll < p.item.weight {
                return i;
            }
            roll -= p.item.weight;
        }
        self.items.len().saturating_sub(1)
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
    usual: Vec<usize>,
    /// A usual basket, in minor units.
    pub typical: i64,
}

impl Shopper {
    /// Three to six usual items; items for the customer's own pets are
    /// much more likely among them. `typical` is in hundredths of a unit.
    pub fn new(rng: &mut ChaCha8Rng, shop: &Catalogue, pets: &[&str], typical: i64) -> Shopper {
        let weight = |i: &usize| {
            let p = &shop.items[*i];
            match &p.item.pet {
                Some(kind) if pets.contains(&kind.as_str()) => p.item.weight * 6,
                _ => p.item.weight,
            }
        };
        let all: Vec<usize> = (0..shop.items.len()).collect();
        let count = rng.random_range(3..=6);
        let mut usual: Vec<usize> = (0..count)
            .map(|_| *pick_weighted(rng, &all, weight))
            .collect();
        usual.sort_unstable();
        usual.dedup();
        Shopper {
            usual,
            typical: shop.minor(typical),
        }
    }

    fn choose(&self, rng: &mut ChaCha8Rng, shop: &Catalogue) -> usize {
        if chance(rng, 70) && !self.usual.is_empty() {
            *pick(rng, &self.usual)
        } else {
            shop.any(rng)
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
        while lines.len() < most_lines {
            let tried = (0..6)
                .map(|_| self.choose(rng, shop))
                .find(|&i| shop.items[i].price <= left);
            // Only an exact basket tops up with whatever still fits.
            let fitting = || {
                shop.by_price
                    .iter()
                    .copied()
                    .find(|&i| shop.items[i].price <= left)
            };
            let Some(index) = tried.or_else(|| if exact { fitting() } else { None }) else {
                break;
            };
            let p = &shop.items[index];
            let most = (left / p.price).min(i64::from(p.item.max_qty)).max(1);
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
/// `yesterday`), as a receipt of its own with a negative total.
pub fn refund<'d>(
    rng: &mut ChaCha8Rng,
    sales: &[Bought<'d>],
    yesterday: NaiveDate,
) -> Option<Bought<'d>> {
    let sale = pick(rng, sales);
    let line = pick(rng, &sale.lines);
    let at = sale.at + Duration::days(rng.random_range(1..=10));
    (at.date() <= yesterday).then(|| Bought {
        at,
        refund: true,
        lines: vec![Line {
            item: line.item,
            qty: 1,
            amount_minor: -(line.amount_minor / line.qty),
        }],
    })
}
