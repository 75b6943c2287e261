//! Square: the "Item Sales" export (one row per line item) and the
//! "Transactions" export (one row per payment). Both identify a receipt by
//! `Transaction ID` with `Event Type`.
//!
//! A refund row has its own transaction id, or repeats the sale's; either
//! way it carries the sale's `Payment ID`, and real exports leave its
//! customer out. Both ids are kept with the receipt, so the refund can be
//! given the sale's customer once both are stored, whatever came first.
//!
//! Spend is `Net Sales` + `Tax` (per row, summed over a receipt's items);
//! tips, gift-card sales and service charges are not spend. A line whose
//! item ends in "(Voided)" is dropped. `Customer Reference ID` is the club
//! card; Square's own `Customer ID` is the till customer, a member's only
//! once linked. Customer cells may hold several slots joined by commas,
//! most of them empty (`, , SQ-3001`). Times are in the row's `Time Zone`,
//! named as Rails names zones.

use std::collections::HashSet;

use chrono_tz::Tz;

use super::{ReadCtx, RowError, TillFormat, absent, id_in};
use crate::i18n::t_args;
use crate::import::parse::{
    Stamp, dropped_status, ends_with_lower, offset_at, refund_word, zone_named,
};
use crate::import::receipt::{Customer, Kind, Line, Receipt, TotalRule};
use crate::import::table::{Header, Row};

const DATE: &[&str] = &["Date"];
const TIME: &[&str] = &["Time"];
const TRANSACTION: &[&str] = &["Transaction ID"];
const EVENT: &[&str] = &["Event Type"];
const ITEM: &[&str] = &["Item"];
const QTY: &[&str] = &["Qty", "Quantity"];
const CATEGORY: &[&str] = &["Category"];
const SKU: &[&str] = &["SKU"];
/// Older exports without `Net Sales` still have gross sales and discounts.
const NET: &[&str] = &["Net Sales", "Gross Sales"];
const NET_ONLY: &[&str] = &["Net Sales"];
const GROSS: &[&str] = &["Gross Sales"];
const DISCOUNTS: &[&str] = &["Discounts"];
const TAX: &[&str] = &["Tax"];
const TOTAL_COLLECTED: &[&str] = &["Total Collected"];
const STATUS: &[&str] = &["Transaction Status"];
const CARD: &[&str] = &["Customer Reference ID"];
const NAME: &[&str] = &["Customer Name"];
const CUSTOMER_ID: &[&str] = &["Customer ID"];
const PAYMENT: &[&str] = &["Payment ID"];
const ZONE: &[&str] = &["Time Zone"];

pub const ITEMS_SIGNATURE: &[&[&str]] = &[DATE, TRANSACTION, ITEM, QTY, NET];
pub const TRANSACTIONS_SIGNATURE: &[&[&str]] = &[DATE, TRANSACTION, NET, TOTAL_COLLECTED];

pub struct Square {
    items: bool,
    date: Option<usize>,
    time: Option<usize>,
    transaction: Option<usize>,
    event: Option<usize>,
    item: Option<usize>,
    qty: Option<usize>,
    category: Option<usize>,
    sku: Option<usize>,
    net: Option<usize>,
    gross: Option<usize>,
    discounts: Option<usize>,
    tax: Option<usize>,
    status: Option<usize>,
    card: Option<usize>,
    name: Option<usize>,
    customer_id: Option<usize>,
    payment: Option<usize>,
    zone: Option<usize>,
    /// The last zone name read and what it names: rows of one shop repeat it.
    last_zone: Option<(String, Option<Tz>)>,
    /// Zone names already reported as unknown (each once per file).
    unknown_zones: HashSet<String>,
}

/// The non-empty slots of a customer cell (`, , SQ-3001` → `SQ-3001`).
fn slots(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// The first filled slot: the one id a card or customer cell holds.
fn first_slot(cell: &str) -> Option<String> {
    slots(cell).next().map(str::to_string)
}

/// The filled slots joined again: a name may hold a comma of its own.
fn joined_slots(cell: &str) -> Option<String> {
    let joined = slots(cell).collect::<Vec<_>>().join(", ");
    (!joined.is_empty()).then_some(joined)
}

impl Square {
    pub fn new(h: &Header, items: bool) -> Square {
        Square {
            items,
            date: h.find(DATE),
            time: h.find(TIME),
            transaction: h.find(TRANSACTION),
            event: h.find(EVENT),
            item: h.find(ITEM),
            qty: h.find(QTY),
            category: h.find(CATEGORY),
            sku: h.find(SKU),
            net: h.find(NET_ONLY),
            gross: h.find(GROSS),
            discounts: h.find(DISCOUNTS),
            tax: h.find(TAX),
            status: h.find(STATUS),
            card: h.find(CARD),
            name: h.find(NAME),
            customer_id: h.find(CUSTOMER_ID),
            payment: h.find(PAYMENT),
            zone: h.find(ZONE),
            last_zone: None,
            unknown_zones: HashSet::new(),
        }
    }

    /// The zone a row's `Time Zone` names (None: empty or unknown).
    fn zone_of(&mut self, row: &Row) -> Option<Tz> {
        let name = row.get(self.zone).trim();
        if name.is_empty() {
            return None;
        }
        match &self.last_zone {
            Some((last, zone)) if last == name => *zone,
            _ => {
                let zone = zone_named(name);
                self.last_zone = Some((name.to_string(), zone));
                zone
            }
        }
    }

    /// Gives a stamp written without an offset the offset of the row's
    /// zone at that moment; the local date and time stay as written.
    fn in_zone(&mut self, row: &Row, mut when: Stamp) -> Stamp {
        if let (None, Some(time)) = (when.offset, when.time)
            && let Some(zone) = self.zone_of(row)
        {
            when.offset = Some(offset_at(zone, when.date, time));
        }
        when
    }

    /// The customer a row names; cells of empty slots name nobody.
    fn customer(&self, row: &Row, ctx: &ReadCtx) -> Customer {
        let cell = |col| ctx.text(row, col).unwrap_or_default();
        Customer {
            card: first_slot(&cell(self.card)),
            name: joined_slots(&cell(self.name)),
            till_customer: first_slot(&cell(self.customer_id)),
            ..Customer::default()
        }
    }

    /// The payment's ids: every id of a split payment, and the transaction.
    fn payments(&self, row: &Row, transaction: &str) -> Vec<String> {
        let mut ids: Vec<String> = slots(row.get(self.payment)).map(str::to_string).collect();
        if !ids.iter().any(|id| id == transaction) {
            ids.push(transaction.to_string());
        }
        ids
    }

    /// Net sales plus tax of the row (gross plus discounts when there is no net).
    fn spend(&self, row: &Row, ctx: &ReadCtx) -> Result<i64, RowError> {
        let digits = ctx.currency.minor_digits();
        let tax = ctx.money_or_zero(row, self.tax, digits)?;
        let parts = match self.net {
            Some(_) => [ctx.money(row, self.net, digits)?, 0, tax],
            None => [
                ctx.money(row, self.gross, digits)?,
                ctx.money_or_zero(row, self.discounts, digits)?,
                tax,
            ],
        };
        ctx.spend(parts.map(i128::from), digits)
    }
}

impl TillFormat for Square {
    fn date_columns(&self) -> Vec<usize> {
        self.date.into_iter().collect()
    }

    fn receipt_of(&self, row: &Row) -> Option<String> {
        let transaction = id_in(row, self.transaction)?;
        Some(match refund_word(row.get(self.event)) {
            Some(true) => format!("{transaction}/refund"),
            _ => transaction,
        })
    }

    fn currency_of(&self, row: &Row) -> Option<String> {
        let amount = row.get(self.net.or(self.gross));
        crate::import::currency::symbol_currency(amount).map(str::to_string)
    }

    fn row_note(&mut self, row: &Row) -> Option<String> {
        let name = row.get(self.zone).trim();
        if name.is_empty() || self.zone_of(row).is_some() || self.unknown_zones.contains(name) {
            return None;
        }
        self.unknown_zones.insert(name.to_string());
        let line = row.line.to_string();
        Some(t_args(
            "import-note-unknown-zone",
            &[("line", &line), ("column", ZONE[0]), ("value", name)],
        ))
    }

    fn absent_money(&self) -> Vec<&'static str> {
        let mut missing = absent(&[(self.tax, TAX)]);
        if self.net.is_none() {
            missing.extend(absent(&[(self.discounts, DISCOUNTS)]));
        }
        missing
    }

    fn read(&mut self, row: &Row, ctx: &ReadCtx, out: &mut Vec<Receipt>) -> Result<(), RowError> {
        let transaction = ctx.id(row, self.transaction)?;
        let item = ctx.text(row, self.item);
        let voided = item
            .as_deref()
            .is_some_and(|i| ends_with_lower(i, "(voided)"));
        if dropped_status(row.get(self.status)) || (self.items && voided) {
            return Ok(());
        }
        let when = ctx
            .stamp(row, self.date, self.time)
            .map_err(|e| e.of(&transaction))?;
        let when = self.in_zone(row, when);
        let spend = self.spend(row, ctx).map_err(|e| e.of(&transaction))?;
        let refund = refund_word(row.get(self.event)).unwrap_or(spend < 0);
        let (kind, till_id) = if refund {
            (Kind::Refund, format!("{transaction}/refund"))
        } else {
            (Kind::Sale, transaction.clone())
        };
        let mut receipt = Receipt::new(till_id, kind, when, spend);
        receipt.rule = TotalRule::Sum;
        receipt.customer = self.customer(row, ctx);
        receipt.payments = self.payments(row, &transaction);
        if self.items {
            receipt.lines.push(Line {
                item: item.unwrap_or_default(),
                category: ctx.text(row, self.category),
                sku: ctx.text(row, self.sku),
                qty_milli: ctx.qty(row, self.qty).map_err(|e| e.of(&transaction))?,
                amount_minor: spend,
            });
        }
        out.push(receipt);
        Ok(())
    }
}

#[cfg(test)]
#[path = "square_tests.rs"]
mod tests;
