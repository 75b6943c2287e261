//! MobilePay MyShop transactions: `;`-separated, UTF-8 with BOM, decimal
//! commas, Danish headers (English ones too). One row per transaction;
//! `Refundering` rows are refunds with a negative amount. The customer is
//! known by phone; the name never matches.

use super::{ReadCtx, RowError, TillFormat, id_in};
use crate::import::parse::refund_word;
use crate::import::receipt::{Customer, Kind, Receipt};
use crate::import::table::{Header, Row};

const DATE: &[&str] = &["Dato", "Date"];
const NAME: &[&str] = &["Navn", "Name"];
const PHONE: &[&str] = &["Telefonnummer", "Phone number", "Phone"];
const AMOUNT: &[&str] = &["Beløb", "Amount"];
const CURRENCY: &[&str] = &["Valuta", "Currency"];
const ID: &[&str] = &["TransaktionsID", "Transaction ID"];
const TYPE: &[&str] = &["Type"];

pub const SIGNATURE: &[&[&str]] = &[DATE, PHONE, AMOUNT, ID];

pub struct Mobilepay {
    date: Option<usize>,
    name: Option<usize>,
    phone: Option<usize>,
    amount: Option<usize>,
    currency: Option<usize>,
    id: Option<usize>,
    kind: Option<usize>,
}

impl Mobilepay {
    pub fn new(h: &Header) -> Mobilepay {
        Mobilepay {
            date: h.find(DATE),
            name: h.find(NAME),
            phone: h.find(PHONE),
            amount: h.find(AMOUNT),
            currency: h.find(CURRENCY),
            id: h.find(ID),
            kind: h.find(TYPE),
        }
    }
}

impl TillFormat for Mobilepay {
    fn date_columns(&self) -> Vec<usize> {
        self.date.into_iter().collect()
    }

    fn receipt_of(&self, row: &Row) -> Option<String> {
        id_in(row, self.id)
    }

    fn currency_of(&self, row: &Row) -> Option<String> {
        crate::import::currency::named(row.get(self.currency))
    }

    fn digits(&self, row: &Row, ctx: &ReadCtx) -> u8 {
        ctx.digits(row.get(self.currency))
    }

    fn read(&mut self, row: &Row, ctx: &ReadCtx, out: &mut Vec<Receipt>) -> Result<(), RowError> {
        let id = ctx.id(row, self.id)?;
        let when = ctx.stamp(row, self.date, None).map_err(|e| e.of(&id))?;
        let digits = ctx.digits(row.get(self.currency));
        let amount = ctx.money(row, self.amount, digits).map_err(|e| e.of(&id))?;
        let refund = refund_word(row.get(self.kind)).unwrap_or(amount < 0);
        let kind = if refund { Kind::Refund } else { Kind::Sale };
        let mut receipt = Receipt::new(id, kind, when, amount);
        receipt.customer = Customer {
            phone: ctx.text(row, self.phone),
            name: ctx.text(row, self.name),
            ..Customer::default()
        };
        out.push(receipt);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::import::formats::testing::read_csv;
    use crate::import::receipt::Kind;

    #[test]
    fn danish_export_with_bom_and_decimal_commas() {
        let text = "\u{feff}Dato;Navn;Telefonnummer;Beløb;Valuta;Besked;TransaktionsID;Type\n\
            2026-04-08T17:04:33.3640811;Mads Jørgensen;31 23 45 67;40,95;DKK;Wienerbrød;8100000000;Salg\n\
            2026-04-09T18:04:33.3955292;Mads Jørgensen;31 23 45 67;-40,95;DKK;Wienerbrød;8100999999;Refundering\n";
        let got = read_csv(text, "DK");
        assert_eq!(got.format, "mobilepay");
        let summary: Vec<(Kind, i64)> = got
            .receipts
            .iter()
            .map(|r| (r.kind, r.total_minor))
            .collect();
        assert_eq!(summary, vec![(Kind::Sale, 4095), (Kind::Refund, -4095)]);
        assert_eq!(
            got.receipts[0].customer.phone.as_deref(),
            Some("31 23 45 67")
        );
        assert_eq!(got.receipts[1].local_date().to_string(), "2026-04-09");
    }
}
