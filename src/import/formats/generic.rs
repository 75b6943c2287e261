//! The app's own CSV, for tills without a format of their own:
//! `receipt_id,time,total,phone,email,card,item,qty,amount`, one row per
//! line item, `total` (the receipt's spend) repeated on every row. A refund
//! is a receipt with a negative total.

use super::{ReadCtx, RowError, TillFormat, id_in};
use crate::import::parse::refund_word;
use crate::import::receipt::{Customer, Kind, Line, Receipt, TotalRule};
use crate::import::table::{Header, Row};

const ID: &[&str] = &["receipt_id", "receipt"];
const TIME: &[&str] = &["time", "date"];
const TOTAL: &[&str] = &["total"];
const PHONE: &[&str] = &["phone"];
const EMAIL: &[&str] = &["email"];
const CARD: &[&str] = &["card"];
const NAME: &[&str] = &["name", "customer"];
const ITEM: &[&str] = &["item"];
const CATEGORY: &[&str] = &["category"];
const SKU: &[&str] = &["sku"];
const QTY: &[&str] = &["qty", "quantity"];
const AMOUNT: &[&str] = &["amount"];
/// A sale/refund word (a mapped till's own column); without it the sign
/// of the total decides.
const KIND: &[&str] = &["kind"];

pub const SIGNATURE: &[&[&str]] = &[ID, TIME, TOTAL];

pub struct Generic {
    id: Option<usize>,
    time: Option<usize>,
    total: Option<usize>,
    phone: Option<usize>,
    email: Option<usize>,
    card: Option<usize>,
    name: Option<usize>,
    item: Option<usize>,
    category: Option<usize>,
    sku: Option<usize>,
    qty: Option<usize>,
    amount: Option<usize>,
    kind: Option<usize>,
}

impl Generic {
    pub fn new(h: &Header) -> Generic {
        Generic {
            id: h.find(ID),
            time: h.find(TIME),
            total: h.find(TOTAL),
            phone: h.find(PHONE),
            email: h.find(EMAIL),
            card: h.find(CARD),
            name: h.find(NAME),
            item: h.find(ITEM),
            category: h.find(CATEGORY),
            sku: h.find(SKU),
            qty: h.find(QTY),
            amount: h.find(AMOUNT),
            kind: h.find(KIND),
        }
    }

    fn line(&self, row: &Row, ctx: &ReadCtx) -> Result<Option<Line>, RowError> {
        let Some(item) = ctx.text(row, self.item) else {
            return Ok(None);
        };
        let digits = ctx.currency.minor_digits();
        Ok(Some(Line {
            item,
            category: ctx.text(row, self.category),
            sku: ctx.text(row, self.sku),
            qty_milli: ctx.qty(row, self.qty)?,
            amount_minor: ctx.money_marked_or_zero(row, self.amount, digits)?,
        }))
    }
}

impl TillFormat for Generic {
    fn date_columns(&self) -> Vec<usize> {
        self.time.into_iter().collect()
    }

    fn receipt_of(&self, row: &Row) -> Option<String> {
        id_in(row, self.id)
    }

    fn marked_money_columns(&self) -> Vec<usize> {
        self.total.into_iter().chain(self.amount).collect()
    }

    fn read(&mut self, row: &Row, ctx: &ReadCtx, out: &mut Vec<Receipt>) -> Result<(), RowError> {
        let id = ctx.id(row, self.id)?;
        let when = ctx.stamp(row, self.time, None).map_err(|e| e.of(&id))?;
        let digits = ctx.currency.minor_digits();
        let mut total = ctx
            .money_marked(row, self.total, digits)
            .map_err(|e| e.of(&id))?;
        // Tills that write refunds as positive amounts say so in a word.
        if ctx.text(row, self.kind).as_deref().and_then(refund_word) == Some(true) {
            total = -total.abs();
        }
        let kind = if total < 0 { Kind::Refund } else { Kind::Sale };
        let mut receipt = Receipt::new(id.clone(), kind, when, total);
        receipt.rule = TotalRule::Same;
        receipt.customer = Customer {
            card: ctx.text(row, self.card),
            phone: ctx.text(row, self.phone),
            email: ctx.text(row, self.email),
            name: ctx.text(row, self.name),
            till_customer: None,
        };
        receipt
            .lines
            .extend(self.line(row, ctx).map_err(|e| e.of(&id))?);
        out.push(receipt);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::import::formats::testing::read_csv;
    use crate::import::receipt::Kind;

    #[test]
    fn lines_join_total_is_not_summed_and_bad_dates_are_rejected() {
        let text = "receipt_id,time,total,phone,email,card,item,qty,amount\n\
            R5002,2026-01-22T15:08:34,272.13,,,IL-2001,Crayons,2,29.94\n\
            R5002,2026-01-22T15:08:34,272.13,,,IL-2001,Wooden train,3,242.19\n\
            R9001,2026-01-22T20:10:43+02:00,-54.00,054-765-4321,,,חלה,-1,-54.00\n\
            R5003,2026-02-30T10:00:00,210.00,,,,Puzzle,2,210.00\n\
            R5004,2026-01-26T15:03:15,389.40\n";
        let got = read_csv(text, "IL");
        assert_eq!(got.format, "generic");
        assert_eq!(got.receipts.len(), 2);
        assert_eq!(got.receipts[0].total_minor, 27213);
        assert_eq!(got.receipts[0].lines.len(), 2);
        assert_eq!(got.receipts[1].kind, Kind::Refund);
        assert_eq!(
            got.receipts[1].at_utc().as_deref(),
            Some("2026-01-22T18:10:43Z")
        );
        let lines: Vec<u64> = got.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![5, 6], "{:?}", got.rejected);
    }
}
