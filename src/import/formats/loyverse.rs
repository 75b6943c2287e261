//! Loyverse: the "Receipts" export (one row per receipt) and "Receipts by
//! item" (one row per line). A refund has its own receipt number; a
//! cancelled receipt is not stored. Spend is `Total collected` less the
//! tip, which Loyverse counts in it (or, per line, `Net sales` + `Taxes`,
//! which hold no tip): a tip is the staff's, not a purchase, and with both
//! exports a member's spend must not depend on which came first. The
//! customer is known by `Customer contacts` (a phone or an email as
//! typed); the name never matches.
//!
//! The back office writes headers and words in the owner's language: the
//! file is read in the language of its columns (`loyverse_languages`), and
//! the date order, separators and Buddhist years are read from the data.

use super::loyverse_languages::{Language, closest};
use super::{ReadCtx, RowError, TillFormat, absent, id_in};
use crate::import::parse::Stamp;
use crate::import::parse::split_contacts;
use crate::import::receipt::{Customer, Kind, Line, Receipt, TotalRule};
use crate::import::table::{Header, Row};

/// The columns a Loyverse export has (by item, or by receipt), in the
/// language of `header`.
pub fn signature(header: &Header, items: bool) -> Vec<&'static [&'static str]> {
    closest(header, items).signature(items)
}

/// How many columns a Loyverse signature has (the same in every language).
pub fn signature_len(items: bool) -> usize {
    super::loyverse_languages::LANGUAGES[0]
        .signature(items)
        .len()
}

pub struct Loyverse {
    items: bool,
    language: &'static Language,
    date: Option<usize>,
    number: Option<usize>,
    kind: Option<usize>,
    total: Option<usize>,
    net: Option<usize>,
    taxes: Option<usize>,
    tip: Option<usize>,
    item: Option<usize>,
    variant: Option<usize>,
    qty: Option<usize>,
    category: Option<usize>,
    sku: Option<usize>,
    name: Option<usize>,
    contacts: Option<usize>,
    status: Option<usize>,
}

impl Loyverse {
    pub fn new(h: &Header, items: bool) -> Loyverse {
        let l = closest(h, items);
        Loyverse {
            items,
            language: l,
            date: h.find(l.date),
            number: h.find(l.number),
            kind: h.find(l.kind),
            total: h.find(l.total),
            net: h.find(l.net),
            taxes: h.find(l.taxes),
            tip: h.find(l.tip),
            item: h.find(l.item),
            variant: h.find(l.variant),
            qty: h.find(l.qty),
            category: h.find(l.category),
            sku: h.find(l.sku),
            name: h.find(l.customer_name),
            contacts: h.find(l.contacts),
            status: h.find(l.status),
        }
    }

    /// Whether spend is `Total collected` less the tip (the Receipts
    /// export, where that column is there), else net sales plus taxes.
    fn by_total(&self) -> bool {
        !self.items && self.total.is_some()
    }

    fn spend(&self, row: &Row, ctx: &ReadCtx) -> Result<i64, RowError> {
        let digits = ctx.currency.minor_digits();
        if self.by_total() {
            let collected = ctx.money(row, self.total, digits)?;
            let tip = ctx.money_or_zero(row, self.tip, digits)?;
            return ctx.spend([collected, -tip].map(i128::from), digits);
        }
        let net = ctx.money(row, self.net, digits)?;
        let taxes = ctx.money_or_zero(row, self.taxes, digits)?;
        ctx.spend([net, taxes].map(i128::from), digits)
    }

    /// A refund by its receipt type, a sale by its; any other word (or
    /// none) leaves it to the sign of the amount.
    fn is_refund(&self, row: &Row, spend: i64) -> bool {
        let word = row.get(self.kind);
        if Language::says(word, self.language.refund) {
            true
        } else if Language::says(word, self.language.sale) {
            false
        } else {
            spend < 0
        }
    }

    /// The receipt's date and time. The back office in Spanish writes the
    /// afternoon as `8:15 p. m.`: the spaced form is read as `pm`.
    fn stamp(&self, row: &Row, ctx: &ReadCtx) -> Result<Stamp, RowError> {
        let Some(joined) = self
            .date
            .and_then(|col| joined_meridiem(row.get(Some(col))))
        else {
            return ctx.stamp(row, self.date, None);
        };
        // Only the date column is read from this row: the others stay empty.
        let col = self.date.unwrap_or_default();
        let cells = (0..=col).map(|i| if i == col { joined.as_str() } else { "" });
        ctx.stamp(&Row::new(row.line, cells), self.date, None)
    }

    fn line(&self, row: &Row, ctx: &ReadCtx, amount: i64) -> Result<Line, RowError> {
        let item = ctx.text(row, self.item).unwrap_or_default();
        let item = match ctx.text(row, self.variant) {
            Some(variant) => format!("{item} ({variant})"),
            None => item,
        };
        Ok(Line {
            item,
            category: ctx.text(row, self.category),
            sku: ctx.text(row, self.sku),
            qty_milli: ctx.qty(row, self.qty)?,
            amount_minor: amount,
        })
    }
}

/// `text` with a spaced `a. m.` / `p. m.` (any case) written `am` / `pm`,
/// when it has one.
fn joined_meridiem(text: &str) -> Option<String> {
    let spaced: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    // ASCII lower-casing keeps every byte where it was.
    let lower = spaced.to_ascii_lowercase();
    ["a. m.", "p. m.", "a. m", "p. m"].iter().find_map(|form| {
        let at = lower.find(form)?;
        let end = at + form.len();
        Some(format!(
            "{}{}m{}",
            &spaced[..at],
            &lower[at..at + 1],
            &spaced[end..]
        ))
    })
}

impl TillFormat for Loyverse {
    fn date_columns(&self) -> Vec<usize> {
        self.date.into_iter().collect()
    }

    fn receipt_of(&self, row: &Row) -> Option<String> {
        id_in(row, self.number)
    }

    /// The back office in Thai writes `22/7/26` for 22 July 2026 (and a
    /// Buddhist year, when it writes one, in four digits: `2569`).
    fn short_years_common_era(&self) -> bool {
        true
    }

    fn absent_money(&self) -> Vec<&'static str> {
        // Spend is `Total collected` where there is one, else net + taxes.
        if self.by_total() {
            return Vec::new();
        }
        absent(&[
            (self.net, self.language.net),
            (self.taxes, self.language.taxes),
        ])
    }

    fn read(&mut self, row: &Row, ctx: &ReadCtx, out: &mut Vec<Receipt>) -> Result<(), RowError> {
        let number = ctx.id(row, self.number)?;
        if Language::says(row.get(self.status), self.language.cancelled) {
            return Ok(());
        }
        let when = self.stamp(row, ctx).map_err(|e| e.of(&number))?;
        let spend = self.spend(row, ctx).map_err(|e| e.of(&number))?;
        let kind = if self.is_refund(row, spend) {
            Kind::Refund
        } else {
            Kind::Sale
        };
        let mut receipt = Receipt::new(number.clone(), kind, when, spend);
        let (phone, email) = split_contacts(row.get(self.contacts));
        receipt.customer = Customer {
            phone,
            email,
            name: ctx.text(row, self.name),
            card: None,
            till_customer: None,
        };
        if self.items {
            receipt.rule = TotalRule::Sum;
            receipt
                .lines
                .push(self.line(row, ctx, spend).map_err(|e| e.of(&number))?);
        }
        out.push(receipt);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::import::formats::testing::read_csv;
    use crate::import::receipt::Kind;

    #[test]
    fn receipts_export_with_refund_cancel_and_contacts() {
        let text = "Date,Receipt number,Receipt type,Net sales,Taxes,Total collected,Payment type,Customer name,Customer contacts,Status\r\n\
            4/5/26 5:11 PM,1-1001,Sale,3.15,0.16,3.31,Card,Ana,091 234 5678,Closed\r\n\
            4/20/26 4:39 PM,1-1011,Sale,41.36,2.06,43.42,\"Cash, Card\",Ivana,Ivana.Babic@Example.hr,Closed\r\n\
            4/21/26 3:28 PM,1-1081,Refund,-20.25,-1.01,-21.26,Card,Ivana,Ivana.Babic@Example.hr,Closed\r\n\
            5/15/26 3:40 PM,1-1022,Sale,22.41,1.12,23.53,Cash,Željko,Zeljko@Example.hr,Cancelled\r\n";
        let got = read_csv(text, "HR");
        assert_eq!(got.format, "loyverse-receipts");
        let summary = got.summary();
        assert_eq!(
            summary,
            vec![
                ("1-1001", Kind::Sale, 331),
                ("1-1011", Kind::Sale, 4342),
                ("1-1081", Kind::Refund, -2126)
            ]
        );
        assert_eq!(got.receipts[0].local_date().to_string(), "2026-04-05");
        assert_eq!(
            got.receipts[0].customer.phone.as_deref(),
            Some("091 234 5678")
        );
        assert_eq!(
            got.receipts[1].customer.email.as_deref(),
            Some("Ivana.Babic@Example.hr")
        );
    }

    #[test]
    fn items_export_in_another_language_with_thai_dates() {
        let text = "Fecha;Número de recibo;Tipo de recibo;Artículo;Cantidad;Ventas netas;Impuestos;Estado\n\
            13/05/2569 23.43;2-1;Venta;Comida;1,000;10,00;0,50;Cerrado\n\
            13/05/2569 23.43;2-1;Venta;Juguete;2,000;4,00;0,20;Cerrado\n\
            14/05/2569 10.00;2-2;Reembolso;Juguete;-1,000;-2,00;-0,10;Cerrado\n";
        let got = read_csv(text, "TH");
        assert_eq!(got.format, "loyverse-items");
        assert_eq!(got.receipts.len(), 2);
        assert_eq!(got.receipts[0].total_minor, 1470);
        assert_eq!(got.receipts[0].lines[1].qty_milli, 2000);
        assert_eq!(got.receipts[0].local_date().to_string(), "2026-05-13");
        assert_eq!(got.receipts[1].kind, Kind::Refund);
    }

    #[test]
    fn a_tip_in_total_collected_is_not_spend() {
        // The same two receipts as a Receipts export (tip counted in Total
        // collected) and as Receipts by item (no tip): the same spend.
        let receipts = "Date,Receipt number,Receipt type,Net sales,Taxes,Tip,Total collected,Customer contacts,Status\r\n\
            4/5/26 5:11 PM,1-1001,Sale,3.15,0.16,0.50,3.81,091 234 5678,Closed\r\n\
            4/6/26 5:11 PM,1-1002,Refund,-3.15,-0.16,-0.50,-3.81,091 234 5678,Closed\r\n";
        let items = "Date,Receipt number,Receipt type,Item,Quantity,Net sales,Taxes,Customer contacts,Status\r\n\
            4/5/26 5:11 PM,1-1001,Sale,Treats,1,3.15,0.16,091 234 5678,Closed\r\n\
            4/6/26 5:11 PM,1-1002,Refund,Treats,-1,-3.15,-0.16,091 234 5678,Closed\r\n";
        let by_receipt = read_csv(receipts, "HR");
        let by_item = read_csv(items, "HR");
        assert_eq!(by_receipt.format, "loyverse-receipts");
        assert_eq!(by_item.format, "loyverse-items");
        assert_eq!(by_receipt.summary(), by_item.summary());
        assert_eq!(
            by_receipt.summary(),
            vec![("1-1001", Kind::Sale, 331), ("1-1002", Kind::Refund, -331)]
        );
    }

    #[test]
    fn a_spaced_meridiem_is_joined() {
        use super::joined_meridiem;
        assert_eq!(
            joined_meridiem("19/9/2026 8:15 p. m.").as_deref(),
            Some("19/9/2026 8:15 pm")
        );
        assert_eq!(
            joined_meridiem("19/9/2026 9:05\u{a0}A.\u{a0}M.").as_deref(),
            Some("19/9/2026 9:05 am")
        );
        assert_eq!(joined_meridiem("19/9/2026 20:15"), None);
        assert_eq!(joined_meridiem("4/5/26 5:11 PM"), None);
    }

    proptest::proptest! {
        #[test]
        fn any_date_cell_is_read_without_a_panic(text in "\\PC*") {
            let _ = super::joined_meridiem(&text);
        }

        #[test]
        fn a_spaced_meridiem_after_any_time_is_joined(h in 1u8..=12, m in 0u8..60, p in proptest::bool::ANY) {
            let (spaced, joined) = if p { ("p. m.", "pm") } else { ("a. m.", "am") };
            let cell = format!("1/2/2026 {h}:{m:02} {spaced}");
            proptest::prop_assert_eq!(
                super::joined_meridiem(&cell),
                Some(format!("1/2/2026 {h}:{m:02} {joined}"))
            );
        }
    }
}
