//! Zettle (PayPal) sales report, usually xlsx: a preamble of report facts
//! above the header row, then one row per receipt. Amount columns name the
//! currency (`Total (SEK)`). Spend is total − tip; refunds are negative. No
//! customer identity: the shop's totals only.

use super::{ReadCtx, RowError, TillFormat, absent, id_in};
use crate::import::parse::refund_word;
use crate::import::receipt::{Kind, Receipt};
use crate::import::table::{Header, Row};

const NUMBER: &[&str] = &[
    "Receipt number",
    "Kvittonummer",
    "Kvitteringsnummer",
    "Belegnummer",
    "Kuittinumero",
];
const DATE: &[&str] = &["Date", "Datum", "Dato", "Päivämäärä"];
const TIME: &[&str] = &["Time", "Tid", "Uhrzeit", "Aika"];
const TYPE: &[&str] = &["Type", "Typ", "Tyyppi"];
const TOTAL: &[&str] = &[
    "Total (*)",
    "Totalt (*)",
    "Summe (*)",
    "Yhteensä (*)",
    "Total",
];
const TIP: &[&str] = &[
    "Tip (*)",
    "Dricks (*)",
    "Drikkepenge (*)",
    "Trinkgeld (*)",
    "Tippi (*)",
    "Tip",
];

pub const SIGNATURE: &[&[&str]] = &[NUMBER, DATE, TIME, TOTAL];

pub struct Zettle {
    number: Option<usize>,
    date: Option<usize>,
    time: Option<usize>,
    kind: Option<usize>,
    total: Option<usize>,
    tip: Option<usize>,
    currency: String,
}

impl Zettle {
    pub fn new(h: &Header) -> Zettle {
        let (total, currency) = h.find_with_unit(TOTAL).unzip();
        Zettle {
            number: h.find(NUMBER),
            date: h.find(DATE),
            time: h.find(TIME),
            kind: h.find(TYPE),
            total,
            tip: h.find(TIP),
            currency: currency.flatten().unwrap_or_default(),
        }
    }
}

impl TillFormat for Zettle {
    fn date_columns(&self) -> Vec<usize> {
        self.date.into_iter().collect()
    }

    fn receipt_of(&self, row: &Row) -> Option<String> {
        id_in(row, self.number)
    }

    fn currency_of(&self, _row: &Row) -> Option<String> {
        crate::import::currency::named(&self.currency)
    }

    fn digits(&self, _row: &Row, ctx: &ReadCtx) -> u8 {
        ctx.digits(&self.currency)
    }

    fn absent_money(&self) -> Vec<&'static str> {
        absent(&[(self.tip, TIP)])
    }

    fn read(&mut self, row: &Row, ctx: &ReadCtx, out: &mut Vec<Receipt>) -> Result<(), RowError> {
        let number = ctx.id(row, self.number)?;
        let when = ctx
            .stamp(row, self.date, self.time)
            .map_err(|e| e.of(&number))?;
        let digits = ctx.digits(&self.currency);
        let total = ctx
            .money(row, self.total, digits)
            .map_err(|e| e.of(&number))?;
        let tip = ctx
            .money_or_zero(row, self.tip, digits)
            .map_err(|e| e.of(&number))?;
        let spend = ctx
            .spend([total, -tip].map(i128::from), digits)
            .map_err(|e| e.of(&number))?;
        let refund = refund_word(row.get(self.kind)).unwrap_or(spend < 0);
        let kind = if refund { Kind::Refund } else { Kind::Sale };
        out.push(Receipt::new(number, kind, when, spend));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::import::formats::testing::read_csv;
    use crate::import::receipt::Kind;

    #[test]
    fn report_with_preamble_serial_dates_and_currency_in_headers() {
        let text = "Zettle by PayPal\nSales report\n\nShop,Blomsterbutiken\nPeriod,2026-03-01 – 2026-05-31\n\n\
            Receipt number,Date,Time,Staff,Type,Total (SEK),VAT (SEK),Tip (SEK),Description\n\
            3100,46082,11:37,Elin,Sale,53.2,5.7,0,Tulpaner\n\
            3101,2026-03-06,13:57,Elin,Sale,702.24,75.24,10,Orkidé\n\
            3102,2026-03-07,10:00,Elin,Refund,-53.2,-5.7,0,Tulpaner\n";
        let got = read_csv(text, "SE");
        assert_eq!(got.format, "zettle");
        let summary = got.summary();
        assert_eq!(
            summary,
            vec![
                ("3100", Kind::Sale, 5320),
                ("3101", Kind::Sale, 69224),
                ("3102", Kind::Refund, -5320)
            ]
        );
        assert_eq!(got.receipts[0].local_date().to_string(), "2026-03-01");
        assert_eq!(got.rows, 3);
    }
}
