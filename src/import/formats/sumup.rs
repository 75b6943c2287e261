//! SumUp transactions export (English, or German with `;` and decimal
//! commas, and a few other languages). One row per transaction; no customer
//! identity, so it counts for the shop's totals only. Spend is `Amount` −
//! `Tip`. Failed and cancelled payments are not stored; a sale marked
//! "Refunded" is a sale (its refund is a row of its own).

use super::{ReadCtx, RowError, TillFormat, absent, id_in};
use crate::import::parse::{dropped_status, refund_word};
use crate::import::receipt::{Kind, Receipt};
use crate::import::table::{Header, Row};

const ID: &[&str] = &[
    "Transaction ID",
    "Transaktions-ID",
    "ID de transaction",
    "ID de transacción",
    "ID transazione",
    "Transactie-ID",
];
const DATE: &[&str] = &["Date", "Datum", "Fecha", "Data"];
const TYPE: &[&str] = &["Type", "Typ", "Transaktionstyp", "Art", "Tipo"];
const STATUS: &[&str] = &["Status", "Statut", "Estado", "Stato"];
const AMOUNT: &[&str] = &[
    "Amount", "Betrag", "Montant", "Importe", "Importo", "Bedrag",
];
const TIP: &[&str] = &["Tip", "Trinkgeld", "Pourboire", "Propina", "Mancia", "Fooi"];
const CURRENCY: &[&str] = &["Currency", "Währung", "Devise", "Moneda", "Valuta"];

pub const SIGNATURE: &[&[&str]] = &[ID, DATE, STATUS, AMOUNT];

pub struct Sumup {
    id: Option<usize>,
    date: Option<usize>,
    kind: Option<usize>,
    status: Option<usize>,
    amount: Option<usize>,
    tip: Option<usize>,
    currency: Option<usize>,
}

impl Sumup {
    pub fn new(h: &Header) -> Sumup {
        Sumup {
            id: h.find(ID),
            date: h.find(DATE),
            kind: h.find(TYPE),
            status: h.find(STATUS),
            amount: h.find(AMOUNT),
            tip: h.find(TIP),
            currency: h.find(CURRENCY),
        }
    }
}

impl TillFormat for Sumup {
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

    fn absent_money(&self) -> Vec<&'static str> {
        absent(&[(self.tip, TIP)])
    }

    fn read(&mut self, row: &Row, ctx: &ReadCtx, out: &mut Vec<Receipt>) -> Result<(), RowError> {
        let id = ctx.id(row, self.id)?;
        if dropped_status(row.get(self.status)) {
            return Ok(());
        }
        let when = ctx.stamp(row, self.date, None).map_err(|e| e.of(&id))?;
        let digits = ctx.digits(row.get(self.currency));
        let amount = ctx.money(row, self.amount, digits).map_err(|e| e.of(&id))?;
        let tip = ctx
            .money_or_zero(row, self.tip, digits)
            .map_err(|e| e.of(&id))?;
        let spend = ctx
            .spend([amount, -tip].map(i128::from), digits)
            .map_err(|e| e.of(&id))?;
        let refund = refund_word(row.get(self.kind)).unwrap_or(spend < 0);
        let kind = if refund { Kind::Refund } else { Kind::Sale };
        out.push(Receipt::new(id, kind, when, spend));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::import::formats::testing::read_csv;
    use crate::import::receipt::Kind;

    #[test]
    fn english_export_with_tips_failed_and_refund() {
        let text = "Transaction ID,Date,Type,Status,Payment method,Amount,Tip,Fee,Description\n\
            T1,03/03/2026 16:28,Sale,Successful,Card,8.61,1.00,-0.12,Cinnamon roll\n\
            T2,07/03/2026 14:15,Sale,Failed,Card,8.76,1.00,-0.12,Rugbrød\n\
            T3,16/03/2026 17:10,Sale,Refunded,Card,45.45,0.50,-0.63,\"Latte, Rugbrød\"\n\
            T4,17/03/2026 18:10,Refund,Successful,Card,-14.45,0.00,0.00,Latte\n";
        let got = read_csv(text, "US");
        assert_eq!(got.format, "sumup");
        let summary = got.summary();
        assert_eq!(
            summary,
            vec![
                ("T1", Kind::Sale, 761),
                ("T3", Kind::Sale, 4495),
                ("T4", Kind::Refund, -1445)
            ]
        );
        // 16/03 decides day-first for the whole file, though the shop is American.
        assert_eq!(got.receipts[0].local_date().to_string(), "2026-03-03");
        assert!(got.notes.is_empty());
    }

    #[test]
    fn german_export_with_semicolons_and_decimal_commas() {
        let text = "Transaktions-ID;Datum;Typ;Status;Zahlungsart;Betrag;Trinkgeld\n\
            T1;03.04.2026 16:28;Verkauf;Erfolgreich;Karte;1.234,50;1,00\n\
            T2;05.04.2026 10:00;Erstattung;Erfolgreich;Karte;-14,45;0,00\n\
            T3;05.04.2026 11:00;Verkauf;Fehlgeschlagen;Karte;3,00;0,00\n";
        let got = read_csv(text, "DE");
        assert_eq!(got.format, "sumup");
        let totals: Vec<i64> = got.receipts.iter().map(|r| r.total_minor).collect();
        assert_eq!(totals, vec![123350, -1445]);
        assert_eq!(got.receipts[0].local_date().to_string(), "2026-04-03");
        assert_eq!(
            got.notes.len(),
            1,
            "day/month order was a guess: {:?}",
            got.notes
        );
    }
}
