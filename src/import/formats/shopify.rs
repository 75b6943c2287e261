//! Shopify "Orders" export: one row per line item; the order's own fields
//! (status, totals, phone, cancellation) are filled on its first row only.
//!
//! Spend of an order is `Total` − `Shipping`. A refunded or partially
//! refunded order is stored as the sale plus a refund receipt of
//! −`Refunded Amount` on the order's own date; voided or cancelled orders
//! are not stored, and unpaid ones (pending, expired) are not spend yet.

use super::{ReadCtx, RowError, TillFormat, absent, id_in};
use crate::import::parse::Stamp;
use crate::import::receipt::{Customer, Kind, Line, Receipt, TotalRule};
use crate::import::table::{Header, Row};

const NAME: &[&str] = &["Name"];
const EMAIL: &[&str] = &["Email"];
const STATUS: &[&str] = &["Financial Status"];
const CREATED: &[&str] = &["Created at"];
const TOTAL: &[&str] = &["Total"];
const SHIPPING: &[&str] = &["Shipping"];
const REFUNDED: &[&str] = &["Refunded Amount"];
const CANCELLED: &[&str] = &["Cancelled at"];
const CURRENCY: &[&str] = &["Currency"];
const ITEM: &[&str] = &["Lineitem name"];
const QTY: &[&str] = &["Lineitem quantity"];
const PRICE: &[&str] = &["Lineitem price"];
const LINE_DISCOUNT: &[&str] = &["Lineitem discount"];
const SKU: &[&str] = &["Lineitem sku"];
const PHONE: &[&str] = &["Phone"];
const BILLING_PHONE: &[&str] = &["Billing Phone"];
const SHIPPING_PHONE: &[&str] = &["Shipping Phone"];
const BILLING_NAME: &[&str] = &["Billing Name"];

pub const SIGNATURE: &[&[&str]] = &[NAME, STATUS, CREATED, TOTAL, ITEM];

/// Statuses of orders that were never paid.
const NOT_STORED: [&str; 4] = ["voided", "pending", "expired", "cancelled"];

pub struct Shopify {
    cols: Cols,
    /// The order whose rows are being read, and whether it is left out.
    order: Option<(String, bool)>,
    /// The refund of the current order, handed over after its last row.
    refund: Option<Receipt>,
}

struct Cols {
    name: Option<usize>,
    email: Option<usize>,
    status: Option<usize>,
    created: Option<usize>,
    total: Option<usize>,
    shipping: Option<usize>,
    refunded: Option<usize>,
    cancelled: Option<usize>,
    currency: Option<usize>,
    item: Option<usize>,
    qty: Option<usize>,
    price: Option<usize>,
    line_discount: Option<usize>,
    sku: Option<usize>,
    phones: [Option<usize>; 3],
    billing_name: Option<usize>,
}

impl Shopify {
    pub fn new(h: &Header) -> Shopify {
        Shopify {
            cols: Cols {
                name: h.find(NAME),
                email: h.find(EMAIL),
                status: h.find(STATUS),
                created: h.find(CREATED),
                total: h.find(TOTAL),
                shipping: h.find(SHIPPING),
                refunded: h.find(REFUNDED),
                cancelled: h.find(CANCELLED),
                currency: h.find(CURRENCY),
                item: h.find(ITEM),
                qty: h.find(QTY),
                price: h.find(PRICE),
                line_discount: h.find(LINE_DISCOUNT),
                sku: h.find(SKU),
                phones: [h.find(PHONE), h.find(BILLING_PHONE), h.find(SHIPPING_PHONE)],
                billing_name: h.find(BILLING_NAME),
            },
            order: None,
            refund: None,
        }
    }

    fn line(&self, row: &Row, ctx: &ReadCtx, digits: u8) -> Result<Option<Line>, RowError> {
        let Some(item) = ctx.text(row, self.cols.item) else {
            return Ok(None);
        };
        let qty_milli = ctx.qty(row, self.cols.qty)?;
        let price = ctx.money_or_zero(row, self.cols.price, digits)?;
        let discount = ctx.money_or_zero(row, self.cols.line_discount, digits)?;
        let gross = i128::from(price) * i128::from(qty_milli) / 1000;
        Ok(Some(Line {
            item,
            category: None,
            sku: ctx.text(row, self.cols.sku),
            qty_milli,
            amount_minor: ctx.spend([gross, -i128::from(discount)], digits)?,
        }))
    }

    /// The first row of an order: the sale, and its refund held back.
    fn first_row(
        &mut self,
        name: &str,
        row: &Row,
        ctx: &ReadCtx,
        when: Stamp,
        digits: u8,
    ) -> Result<Receipt, RowError> {
        let c = &self.cols;
        let total = ctx.money(row, c.total, digits)?;
        let shipping = ctx.money_or_zero(row, c.shipping, digits)?;
        let spend = ctx.spend([total, -shipping].map(i128::from), digits)?;
        let mut refunded = ctx.money_or_zero(row, c.refunded, digits)?;
        // Older exports have no refunded amount: a refunded order gave all back.
        if refunded == 0 && row.get(c.status).eq_ignore_ascii_case("refunded") {
            refunded = spend;
        }
        let customer = Customer {
            card: None,
            phone: c
                .phones
                .iter()
                .map(|&col| row.get(col))
                .find(|p| !p.is_empty())
                .map(str::to_string),
            email: ctx.text(row, c.email),
            name: ctx.text(row, c.billing_name),
            till_customer: None,
        };
        if refunded > 0 {
            let mut refund = Receipt::new(format!("{name}/refund"), Kind::Refund, when, -refunded);
            refund.customer = customer.clone();
            self.refund = Some(refund);
        }
        let mut sale = Receipt::new(name.to_string(), Kind::Sale, when, spend);
        sale.customer = customer;
        Ok(sale)
    }
}

impl TillFormat for Shopify {
    fn date_columns(&self) -> Vec<usize> {
        self.cols.created.into_iter().collect()
    }

    fn receipt_of(&self, row: &Row) -> Option<String> {
        id_in(row, self.cols.name)
    }

    fn currency_of(&self, row: &Row) -> Option<String> {
        crate::import::currency::named(row.get(self.cols.currency))
    }

    fn digits(&self, row: &Row, ctx: &ReadCtx) -> u8 {
        ctx.digits(row.get(self.cols.currency))
    }

    fn absent_money(&self) -> Vec<&'static str> {
        absent(&[
            (self.cols.shipping, SHIPPING),
            (self.cols.refunded, REFUNDED),
        ])
    }

    fn read(&mut self, row: &Row, ctx: &ReadCtx, out: &mut Vec<Receipt>) -> Result<(), RowError> {
        let name = ctx.id(row, self.cols.name)?;
        let digits = ctx.digits(row.get(self.cols.currency));
        let continuing = self.order.as_ref().map(|(n, skip)| (n == &name, *skip));
        if continuing == Some((true, true)) {
            return Ok(());
        }
        // A row without the order's fields is a later row, even of an order
        // whose first row is not in this file (the assembler reports that).
        let order_fields =
            !row.get(self.cols.status).is_empty() || !row.get(self.cols.total).is_empty();
        let first = continuing.is_none_or(|(same, _)| !same) && order_fields;
        if first {
            out.extend(self.refund.take());
            let status = row.get(self.cols.status).to_lowercase();
            let skip =
                NOT_STORED.contains(&status.as_str()) || !row.get(self.cols.cancelled).is_empty();
            self.order = Some((name.clone(), skip));
            if skip {
                return Ok(());
            }
        }
        let when = ctx
            .stamp(row, self.cols.created, None)
            .map_err(|e| e.of(&name))?;
        let mut receipt = if first {
            self.first_row(&name, row, ctx, when, digits)
                .map_err(|e| e.of(&name))?
        } else {
            let mut part = Receipt::new(name.clone(), Kind::Sale, when, 0);
            part.continuation = true;
            part
        };
        receipt.rule = TotalRule::Sum;
        receipt
            .lines
            .extend(self.line(row, ctx, digits).map_err(|e| e.of(&name))?);
        out.push(receipt);
        Ok(())
    }

    fn finish(&mut self, out: &mut Vec<Receipt>) {
        out.extend(self.refund.take());
    }
}

#[cfg(test)]
mod tests {
    use crate::import::formats::testing::read_csv;
    use crate::import::receipt::Kind;

    const HEAD: &str = "Name,Email,Financial Status,Currency,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem discount,Billing Phone,Cancelled at,Refunded Amount,Phone\n";

    #[test]
    fn orders_refunds_and_voids() {
        let text = format!(
            "{HEAD}\
            #1001,LiWei@Example.cn,partially_refunded,EUR,0.00,23.36,116.82,2026-02-03 17:42:47 +0100,2,Wooden train,29.90,5.98,,,53.82,\n\
            #1001,LiWei@Example.cn,,,,,,2026-02-03 17:42:47 +0100,2,ตุ๊กตาช้าง,35.00,,,,,\n\
            #1002,,paid,EUR,5.00,1.00,25.00,2026-02-04 08:39:00 +0100,1,Crayons,20.00,,+66 81 234 5678,,0.00,'+385912345678\n\
            #1003,,voided,EUR,0.00,1.00,5.00,2026-02-05 08:39:00 +0100,1,Crayons,5.00,,,2026-02-05 09:00:00 +0100,0.00,\n\
            #1003,,,,,,,2026-02-05 08:39:00 +0100,1,Crayons,5.00,,,,,\n"
        );
        let got = read_csv(&text, "HR");
        assert_eq!(got.format, "shopify-orders");
        let summary: Vec<(&str, Kind, i64, usize)> = got
            .receipts
            .iter()
            .map(|r| (r.till_id.as_str(), r.kind, r.total_minor, r.lines.len()))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("#1001", Kind::Sale, 11682, 2),
                ("#1001/refund", Kind::Refund, -5382, 0),
                ("#1002", Kind::Sale, 2000, 1),
            ]
        );
        assert_eq!(got.receipts[1].local_date(), got.receipts[0].local_date());
        assert_eq!(
            got.receipts[2].customer.phone.as_deref(),
            Some("+385912345678")
        );
        assert_eq!(got.receipts[0].lines[0].amount_minor, 5382);
        assert!(got.rejected.is_empty());
    }

    #[test]
    fn a_line_without_its_order_is_reported() {
        let text = format!("{HEAD}#1009,,,,,,,2026-02-05 08:39:00 +0100,1,Crayons,5.00,,,,,\n");
        let got = read_csv(&text, "HR");
        assert!(got.receipts.is_empty());
        assert_eq!(got.rejected.len(), 1);
    }
}
