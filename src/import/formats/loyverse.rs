//! Loyverse: the "Receipts" export (one row per receipt) and "Receipts by
//! item" (one row per line). A refund has its own receipt number; a
//! cancelled receipt is not stored. Spend is `Total collected` less the
//! tip, which Loyverse counts in it (or, per line, `Net sales` + `Taxes`,
//! which hold no tip): a tip is the staff's, not a purchase, and with both
//! exports a member's spend must not depend on which came first. The customer is known by `Customer
//! contacts` (a phone or an email as typed); the name never matches.
//!
//! The back office translates headers into the owner's language; the
//! aliases below cover the languages seen in shops' exports, and the date
//! order, separators and Buddhist years are read from the data itself.

use super::{ReadCtx, RowError, TillFormat, absent, id_in};
use crate::import::parse::{dropped_status, refund_word, split_contacts};
use crate::import::receipt::{Customer, Kind, Line, Receipt, TotalRule};
use crate::import::table::{Header, Row};

const DATE: &[&str] = &["Date", "Fecha", "Data", "Datum", "Дата", "วันที่", "日期"];
const NUMBER: &[&str] = &[
    "Receipt number",
    "Número de recibo",
    "Número do recibo",
    "Numéro de reçu",
    "Belegnummer",
    "Номер чека",
    "Broj računa",
    "เลขที่ใบเสร็จ",
    "收据编号",
];
const TYPE: &[&str] = &[
    "Receipt type",
    "Tipo de recibo",
    "Tipo do recibo",
    "Type de reçu",
    "Belegart",
    "Тип чека",
    "Vrsta računa",
    "ประเภทใบเสร็จ",
    "收据类型",
];
const TOTAL: &[&str] = &[
    "Total collected",
    "Total cobrado",
    "Total recebido",
    "Total encaissé",
    "Gesamt eingenommen",
    "Итого собрано",
    "Ukupno naplaćeno",
    "ยอดรวมที่เก็บได้",
    "总收款",
];
const NET: &[&str] = &[
    "Net sales",
    "Ventas netas",
    "Vendas líquidas",
    "Ventes nettes",
    "Nettoumsatz",
    "Чистые продажи",
    "Neto prodaja",
    "ยอดขายสุทธิ",
    "净销售额",
];
const TAXES: &[&str] = &[
    "Taxes",
    "Impuestos",
    "Impostos",
    "Steuern",
    "Налоги",
    "Porezi",
    "ภาษี",
    "税",
];
const TIP: &[&str] = &[
    "Tip",
    "Tips",
    "Propina",
    "Gorjeta",
    "Pourboire",
    "Trinkgeld",
    "Чаевые",
    "Napojnica",
    "ทิป",
    "小费",
];
const ITEM: &[&str] = &[
    "Item",
    "Artículo",
    "Article",
    "Artikel",
    "Товар",
    "Artikl",
    "สินค้า",
    "商品",
];
const VARIANT: &[&str] = &["Variant", "Variante", "Вариант", "Varijanta"];
const QTY: &[&str] = &[
    "Quantity",
    "Cantidad",
    "Quantidade",
    "Quantité",
    "Menge",
    "Количество",
    "Količina",
    "จำนวน",
    "数量",
];
const CATEGORY: &[&str] = &[
    "Category",
    "Categoría",
    "Categoria",
    "Catégorie",
    "Kategorie",
    "Категория",
    "Kategorija",
    "หมวดหมู่",
    "类别",
];
const SKU: &[&str] = &["SKU", "Артикул"];
const NAME: &[&str] = &[
    "Customer name",
    "Nombre del cliente",
    "Nome do cliente",
    "Nom du client",
    "Kundenname",
    "Имя клиента",
    "Ime kupca",
    "ชื่อลูกค้า",
    "客户名称",
];
const CONTACTS: &[&str] = &[
    "Customer contacts",
    "Contactos del cliente",
    "Contatos do cliente",
    "Contacts du client",
    "Kundenkontakte",
    "Контакты клиента",
    "Kontakti kupca",
    "ข้อมูลติดต่อลูกค้า",
    "客户联系方式",
];
const STATUS: &[&str] = &["Status", "Estado", "Statut", "Статус", "สถานะ", "状态"];

pub const RECEIPTS_SIGNATURE: &[&[&str]] = &[DATE, NUMBER, TYPE, TOTAL];
pub const ITEMS_SIGNATURE: &[&[&str]] = &[DATE, NUMBER, TYPE, ITEM, NET];

pub struct Loyverse {
    items: bool,
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
        Loyverse {
            items,
            date: h.find(DATE),
            number: h.find(NUMBER),
            kind: h.find(TYPE),
            total: h.find(TOTAL),
            net: h.find(NET),
            taxes: h.find(TAXES),
            tip: h.find(TIP),
            item: h.find(ITEM),
            variant: h.find(VARIANT),
            qty: h.find(QTY),
            category: h.find(CATEGORY),
            sku: h.find(SKU),
            name: h.find(NAME),
            contacts: h.find(CONTACTS),
            status: h.find(STATUS),
        }
    }

    fn spend(&self, row: &Row, ctx: &ReadCtx) -> Result<i64, RowError> {
        let digits = ctx.currency.minor_digits();
        if !self.items && self.total.is_some() {
            let collected = ctx.money(row, self.total, digits)?;
            let tip = ctx.money_or_zero(row, self.tip, digits)?;
            return ctx.spend([collected, -tip].map(i128::from), digits);
        }
        let net = ctx.money(row, self.net, digits)?;
        let taxes = ctx.money_or_zero(row, self.taxes, digits)?;
        ctx.spend([net, taxes].map(i128::from), digits)
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

impl TillFormat for Loyverse {
    fn date_columns(&self) -> Vec<usize> {
        self.date.into_iter().collect()
    }

    fn receipt_of(&self, row: &Row) -> Option<String> {
        id_in(row, self.number)
    }

    fn absent_money(&self) -> Vec<&'static str> {
        // Spend is `Total collected` where there is one, else net + taxes.
        if !self.items && self.total.is_some() {
            return Vec::new();
        }
        absent(&[(self.taxes, TAXES)])
    }

    fn read(&mut self, row: &Row, ctx: &ReadCtx, out: &mut Vec<Receipt>) -> Result<(), RowError> {
        let number = ctx.id(row, self.number)?;
        if dropped_status(row.get(self.status)) {
            return Ok(());
        }
        let when = ctx.stamp(row, self.date, None).map_err(|e| e.of(&number))?;
        let spend = self.spend(row, ctx).map_err(|e| e.of(&number))?;
        let refund = refund_word(row.get(self.kind)).unwrap_or(spend < 0);
        let kind = if refund { Kind::Refund } else { Kind::Sale };
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
}
