//! The languages of Loyverse's back office that this app reads. The back
//! office writes an export's headers, its receipt types (sale, refund) and
//! its statuses (cancelled) in the owner's language; each language here is
//! one entry, and a file is read in the language whose columns its header
//! has. Only languages whose headers and words were seen in real exports
//! (or in code written against them) are here; a back office in another
//! language gets in through a column map (`import --map`).
//!
//! A header is compared folded (case, accents, spaces and signs do not
//! count), so `Numero de recibo` is `Número de recibo`.

use crate::import::table::{Header, fold_name};

/// The names one back-office language gives the columns and words of the
/// two exports ("Receipts", one row per receipt, and "Receipts by item",
/// one row per line). A column with no name (`&[]`) is one not seen in
/// this language: a file in it is read without it.
pub struct Language {
    pub date: &'static [&'static str],
    pub number: &'static [&'static str],
    pub kind: &'static [&'static str],
    /// "Total collected": what the customer paid, tip included.
    pub total: &'static [&'static str],
    pub tip: &'static [&'static str],
    /// "Payment type": in the Receipts export only; it tells that export
    /// from the other where "Total collected" is not known by name.
    pub payment: &'static [&'static str],
    pub net: &'static [&'static str],
    pub taxes: &'static [&'static str],
    pub item: &'static [&'static str],
    pub variant: &'static [&'static str],
    pub qty: &'static [&'static str],
    pub category: &'static [&'static str],
    pub sku: &'static [&'static str],
    pub customer_name: &'static [&'static str],
    pub contacts: &'static [&'static str],
    pub status: &'static [&'static str],
    /// Receipt types meaning a sale; a type that is neither a sale nor a
    /// refund word leaves it to the amount's sign.
    pub sale: &'static [&'static str],
    pub refund: &'static [&'static str],
    /// Statuses of a receipt that was cancelled (never stored).
    pub cancelled: &'static [&'static str],
}

/// The built-in languages, English first (it wins a tie).
pub const LANGUAGES: &[Language] = &[ENGLISH, SPANISH, THAI];

const ENGLISH: Language = Language {
    date: &["Date"],
    number: &["Receipt number"],
    kind: &["Receipt type"],
    total: &["Total collected"],
    tip: &["Tip", "Tips"],
    payment: &["Payment type"],
    net: &["Net sales"],
    taxes: &["Taxes"],
    item: &["Item"],
    variant: &["Variant"],
    qty: &["Quantity"],
    category: &["Category"],
    sku: &["SKU"],
    customer_name: &["Customer name"],
    contacts: &["Customer contacts"],
    status: &["Status"],
    sale: &["Sale"],
    refund: &["Refund"],
    cancelled: &["Cancelled"],
};

/// Seen in a shop's "Receipts by item" export and in code that writes
/// that export from Loyverse's API. Its "Receipts" export was
/// not seen, so only the export by item is read.
const SPANISH: Language = Language {
    date: &["Fecha"],
    number: &["Número de recibo"],
    kind: &["Tipo de recibo"],
    total: &[],
    tip: &[],
    payment: &[],
    net: &["Ventas netas"],
    taxes: &["Impuestos"],
    item: &["Artículo"],
    variant: &["Variante"],
    qty: &["Cantidad"],
    category: &["Categoría"],
    sku: &["REF"],
    customer_name: &["Nombre del cliente"],
    contacts: &["Contactos del cliente"],
    status: &["Estado"],
    sale: &["Venta"],
    refund: &["Reembolso"],
    cancelled: &["Cancelado"],
};

/// Seen in both exports of shops in Thailand and in code reading them.
/// The Receipts export's "Total collected" was not seen by name: spend is
/// net sales plus taxes there, which is what it is anyway (no tip in it).
/// The word for a sale was not seen either; the amount's sign tells.
const THAI: Language = Language {
    date: &["วันที่"],
    number: &["เลขที่ใบเสร็จ"],
    kind: &["ประเภทใบเสร็จ"],
    total: &[],
    tip: &[],
    payment: &["ประเภทการชำระเงิน"],
    net: &["ยอดขายสุทธิ"],
    taxes: &["ภาษี"],
    item: &["รายการ"],
    variant: &["ตัวแปร"],
    qty: &["จำนวน"],
    category: &["ประเภท"],
    sku: &["รหัสSKUสินค้า"],
    customer_name: &["ชื่อลูกค้า"],
    contacts: &["รายชื่อติดต่อลูกค้า"],
    status: &["สถานะ"],
    sale: &[],
    refund: &["คืนเงิน"],
    cancelled: &["ยกเลิกแล้ว"],
};

impl Language {
    /// The columns a header must have to be this language's export (by
    /// item, or by receipt): the Receipts export is known by "Total
    /// collected", else by "Payment type".
    pub fn signature(&self, items: bool) -> Vec<&'static [&'static str]> {
        if items {
            return vec![self.date, self.number, self.kind, self.item, self.net];
        }
        let by_receipt = if self.total.is_empty() {
            self.payment
        } else {
            self.total
        };
        vec![self.date, self.number, self.kind, by_receipt]
    }

    /// Whether the export reads in this language at all (a language
    /// without the column that marks an export cannot read it).
    fn reads(&self, items: bool) -> bool {
        self.signature(items).iter().all(|names| !names.is_empty())
    }

    /// Whether `word` (a receipt type or status) is one of `words`.
    pub fn says(word: &str, words: &[&str]) -> bool {
        let word = fold_name(word);
        !word.is_empty() && words.iter().any(|w| fold_name(w) == word)
    }
}

/// The language whose export `header` is (by item or by receipt): the one
/// with the most of its signature columns there, the first on a tie.
pub fn closest(header: &Header, items: bool) -> &'static Language {
    let mut best = &LANGUAGES[0];
    let mut most = 0;
    for language in LANGUAGES.iter().filter(|l| l.reads(items)) {
        let found = language
            .signature(items)
            .iter()
            .filter(|names| header.find(names).is_some())
            .count();
        if found > most {
            (best, most) = (language, found);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::Row;

    fn header(names: &[&str]) -> Header {
        Header::new(&Row::new(1, names))
    }

    #[test]
    fn every_language_has_signatures_as_long_as_english() {
        // `Format::signature_len` counts English's: a recognised file must
        // weigh the same whatever its language.
        for language in LANGUAGES {
            for items in [false, true] {
                assert_eq!(
                    language.signature(items).len(),
                    ENGLISH.signature(items).len(),
                    "{:?}",
                    language.date
                );
            }
        }
    }

    #[test]
    fn a_header_is_read_in_the_language_of_its_columns() {
        let thai = header(&[
            "วันที่",
            "เลขที่ใบเสร็จ",
            "ประเภทใบเสร็จ",
            "ประเภท",
            "รายการ",
            "ยอดขายสุทธิ",
        ]);
        assert_eq!(closest(&thai, true).date, THAI.date);
        // Accents and case do not count.
        let spanish = header(&[
            "FECHA",
            "Numero de recibo",
            "Tipo de recibo",
            "Articulo",
            "Ventas netas",
        ]);
        assert_eq!(closest(&spanish, true).date, SPANISH.date);
        // Spanish is not read by receipt: that export was never seen.
        assert_eq!(closest(&spanish, false).date, ENGLISH.date);
        let english = header(&["Date", "Receipt number", "Receipt type", "Total collected"]);
        assert_eq!(closest(&english, false).date, ENGLISH.date);
    }

    #[test]
    fn words_match_folded_and_whole() {
        assert!(Language::says("REEMBOLSO", SPANISH.refund));
        assert!(Language::says(" Cancelled ", ENGLISH.cancelled));
        assert!(Language::says("คืนเงิน", THAI.refund));
        assert!(!Language::says("Refunded partly", ENGLISH.refund));
        assert!(!Language::says("", ENGLISH.refund));
        assert!(!Language::says("anything", THAI.sale));
    }
}
