//! Odoo Point of Sale orders, exported from the list view with the columns
//! the user picked. One row per order; a refund is its own order (its ref
//! ends in ` REFUND`, its total is negative). Cancelled and unpaid draft
//! orders are not stored. Spend is `Total` (with tax).

use super::{ReadCtx, RowError, TillFormat, id_in};
use crate::import::parse::dropped_status;
use crate::import::receipt::{Customer, Kind, Receipt};
use crate::import::table::{Header, Row};

const REF: &[&str] = &[
    "Order Ref",
    "Order Reference",
    "Referencia del pedido",
    "Référence de la commande",
    "Auftragsreferenz",
];
const DATE: &[&str] = &["Date", "Order Date", "Fecha", "Datum"];
const TOTAL: &[&str] = &["Total", "Amount Total"];
const STATE: &[&str] = &["State", "Status", "Estado", "Statut"];
const CUSTOMER: &[&str] = &["Customer", "Cliente", "Client", "Kunde"];
const PHONE: &[&str] = &["Customer/Phone", "Customer/Mobile", "Phone", "Mobile"];
const EMAIL: &[&str] = &["Customer/Email", "Email"];
const CURRENCY: &[&str] = &["Currency"];

pub const SIGNATURE: &[&[&str]] = &[REF, DATE, TOTAL, STATE];

/// Odoo's states for an order nobody paid.
const UNPAID: [&str; 3] = ["new", "draft", "quotation"];

pub struct Odoo {
    reference: Option<usize>,
    date: Option<usize>,
    total: Option<usize>,
    state: Option<usize>,
    customer: Option<usize>,
    phone: Option<usize>,
    email: Option<usize>,
    currency: Option<usize>,
}

impl Odoo {
    pub fn new(h: &Header) -> Odoo {
        Odoo {
            reference: h.find(REF),
            date: h.find(DATE),
            total: h.find(TOTAL),
            state: h.find(STATE),
            customer: h.find(CUSTOMER),
            phone: h.find(PHONE),
            email: h.find(EMAIL),
            currency: h.find(CURRENCY),
        }
    }
}

impl TillFormat for Odoo {
    fn date_columns(&self) -> Vec<usize> {
        self.date.into_iter().collect()
    }

    fn receipt_of(&self, row: &Row) -> Option<String> {
        id_in(row, self.reference)
    }

    fn currency_of(&self, row: &Row) -> Option<String> {
        crate::import::currency::named(row.get(self.currency))
    }

    fn digits(&self, row: &Row, ctx: &ReadCtx) -> u8 {
        ctx.digits(row.get(self.currency))
    }

    fn read(&mut self, row: &Row, ctx: &ReadCtx, out: &mut Vec<Receipt>) -> Result<(), RowError> {
        let reference = ctx.id(row, self.reference)?;
        let state = row.get(self.state);
        if dropped_status(state) || UNPAID.contains(&state.to_lowercase().as_str()) {
            return Ok(());
        }
        let when = ctx
            .stamp(row, self.date, None)
            .map_err(|e| e.of(&reference))?;
        let digits = ctx.digits(row.get(self.currency));
        let total = ctx
            .money(row, self.total, digits)
            .map_err(|e| e.of(&reference))?;
        let refund = total < 0 || reference.to_uppercase().ends_with(" REFUND");
        let kind = if refund { Kind::Refund } else { Kind::Sale };
        let mut receipt = Receipt::new(reference, kind, when, total);
        receipt.customer = Customer {
            card: None,
            phone: ctx.text(row, self.phone),
            email: ctx.text(row, self.email),
            name: ctx.text(row, self.customer),
            till_customer: None,
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
    fn orders_refunds_and_cancelled() {
        let text = "\"Order Ref\",\"Date\",\"Customer\",\"Customer/Phone\",\"Customer/Email\",\"Total\",\"State\"\r\n\
            \"Shop/0001\",\"2026-05-10 12:17:24\",\"Željko\",\"'+385912345678\",\"zeljko@example.hr\",\"14.9\",\"Posted\"\r\n\
            \"Shop/0002\",\"2026-05-11 16:19:18\",\"\",\"\",\"\",\"29.9\",\"Cancelled\"\r\n\
            \"Shop/0001 REFUND\",\"2026-05-12 10:00:00\",\"Željko\",\"'+385912345678\",\"\",\"-13.41\",\"Paid\"\r\n\
            \"Shop/0003\",\"2026-05-12 11:00:00\",\"\",\"\",\"\",\"5\",\"Draft\"\r\n";
        let got = read_csv(text, "HR");
        assert_eq!(got.format, "odoo-pos");
        let summary = got.summary();
        assert_eq!(
            summary,
            vec![
                ("Shop/0001", Kind::Sale, 1490),
                ("Shop/0001 REFUND", Kind::Refund, -1341)
            ]
        );
        assert_eq!(
            got.receipts[0].customer.phone.as_deref(),
            Some("+385912345678")
        );
    }
}
