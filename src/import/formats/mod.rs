//! The till formats this app reads. Each one finds its columns by name in
//! the header and turns a data row into canonical [`Receipt`]s; none of them
//! touches the database, so each is tested on rows alone.

mod cells;
mod checks;
mod generic;
mod loyverse;
mod loyverse_languages;
mod mobilepay;
mod odoo;
mod shopify;
mod square;
mod sumup;
mod zettle;

pub use cells::{MAX_QTY, ReadCtx, RowError, echo, major_units};
pub use checks::MAX_CELL_BYTES;

use super::receipt::Receipt;
use super::table::{Header, Row};
use crate::i18n::t_args;

/// One till format: from the header, a reader of its rows.
pub trait TillFormat {
    /// Columns holding dates; the file's day/month order is decided from
    /// them before any row is read.
    fn date_columns(&self) -> Vec<usize>;

    /// Turns one data row into receipts, or parts of a receipt written on
    /// several rows (joined by the assembler), in file order.
    fn read(&mut self, row: &Row, ctx: &ReadCtx, out: &mut Vec<Receipt>) -> Result<(), RowError>;

    /// Receipts held back until the end of the file.
    fn finish(&mut self, _out: &mut Vec<Receipt>) {}

    /// The till id of the receipt a row belongs to, as its parts would
    /// carry it, when the row names it: a damaged row leaves it out.
    fn receipt_of(&self, _row: &Row) -> Option<String> {
        None
    }

    /// Amount columns written in plain numbers whose decimal mark the
    /// file's own cells decide (the app's own CSV, which any shop writes
    /// in its own way); read with [`ReadCtx::money_marked`].
    fn marked_money_columns(&self) -> Vec<usize> {
        Vec::new()
    }

    /// The currency a row names (a code, or [`crate::import::currency::DOLLAR`]),
    /// if it names one.
    fn currency_of(&self, _row: &Row) -> Option<String> {
        None
    }

    /// Decimals of the amounts in a row (of the currency it names, else the shop's).
    fn digits(&self, _row: &Row, ctx: &ReadCtx) -> u8 {
        ctx.currency.minor_digits()
    }

    /// What the owner should know about a row that is still read (a time
    /// zone the app does not know), naming its line and column; asked
    /// once per row while the file is counted, so a reader says each thing
    /// once.
    fn row_note(&mut self, _row: &Row) -> Option<String> {
        None
    }

    /// Whether the file writes two-digit years in the common era even for
    /// a shop in a country that counts in the Buddhist era (a four-digit
    /// Buddhist year in the file still says it counts that way).
    fn short_years_common_era(&self) -> bool {
        false
    }

    /// Columns that spend is made of but that may be left out of an
    /// export, missing from this file (each is then read as 0), by the
    /// name the format knows them by.
    fn absent_money(&self) -> Vec<&'static str> {
        Vec::new()
    }
}

/// The id in `col` of `row`, unless the cell is empty.
fn id_in(row: &Row, col: Option<usize>) -> Option<String> {
    let id = row.get(col);
    (!id.is_empty()).then(|| id.to_string())
}

/// The names of the `(column, aliases)` that are absent.
fn absent(columns: &[(Option<usize>, &[&'static str])]) -> Vec<&'static str> {
    columns
        .iter()
        .filter(|(col, _)| col.is_none())
        .filter_map(|(_, aliases)| aliases.first())
        .map(|name| name.trim_end_matches(" (*)"))
        .collect()
}

/// The formats by their fixed names (the `format` field of `import --json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    SquareItems,
    SquareTransactions,
    LoyverseReceipts,
    LoyverseItems,
    ShopifyOrders,
    OdooPos,
    Sumup,
    Mobilepay,
    Zettle,
    Generic,
}

impl Format {
    pub const ALL: [Format; 10] = [
        Format::SquareItems,
        Format::SquareTransactions,
        Format::LoyverseReceipts,
        Format::LoyverseItems,
        Format::ShopifyOrders,
        Format::OdooPos,
        Format::Sumup,
        Format::Mobilepay,
        Format::Zettle,
        Format::Generic,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::SquareItems => "square-items",
            Format::SquareTransactions => "square-transactions",
            Format::LoyverseReceipts => "loyverse-receipts",
            Format::LoyverseItems => "loyverse-items",
            Format::ShopifyOrders => "shopify-orders",
            Format::OdooPos => "odoo-pos",
            Format::Sumup => "sumup",
            Format::Mobilepay => "mobilepay",
            Format::Zettle => "zettle",
            Format::Generic => "generic",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name.trim()))
    }

    /// Where receipt ids are unique. Both Square exports carry the same
    /// transaction ids, and both Loyverse exports the same receipt numbers,
    /// so a receipt seen in either export of a till is stored once.
    pub fn source(self) -> &'static str {
        match self {
            Format::SquareItems | Format::SquareTransactions => "square",
            Format::LoyverseReceipts | Format::LoyverseItems => "loyverse",
            Format::ShopifyOrders => "shopify",
            Format::OdooPos => "odoo",
            Format::Sumup => "sumup",
            Format::Mobilepay => "mobilepay",
            Format::Zettle => "zettle",
            Format::Generic => "generic",
        }
    }

    /// The columns a header must have to be this format (each a list of
    /// aliases); Loyverse's are those of the language `header` is in.
    fn signature(self, header: &Header) -> Vec<&'static [&'static str]> {
        match self {
            Format::LoyverseReceipts => loyverse::signature(header, false),
            Format::LoyverseItems => loyverse::signature(header, true),
            _ => self.fixed_signature().to_vec(),
        }
    }

    /// The signature of a format whose columns have one set of names
    /// (Loyverse's depend on the language: see [`Format::signature`]).
    fn fixed_signature(self) -> &'static [&'static [&'static str]] {
        match self {
            Format::SquareItems => square::ITEMS_SIGNATURE,
            Format::SquareTransactions => square::TRANSACTIONS_SIGNATURE,
            Format::LoyverseReceipts | Format::LoyverseItems => &[],
            Format::ShopifyOrders => shopify::SIGNATURE,
            Format::OdooPos => odoo::SIGNATURE,
            Format::Sumup => sumup::SIGNATURE,
            Format::Mobilepay => mobilepay::SIGNATURE,
            Format::Zettle => zettle::SIGNATURE,
            Format::Generic => generic::SIGNATURE,
        }
    }

    /// Whether `header` has every column this format needs.
    pub fn fits(self, header: &Header) -> bool {
        self.signature(header)
            .iter()
            .all(|aliases| header.find(aliases).is_some())
    }

    /// How many of this format's signature columns `header` has, and the
    /// names of the ones it lacks (the first alias of each), followed by
    /// the money columns its spend is made of that are missing too.
    pub fn columns_missing(self, header: &Header) -> (usize, Vec<&'static str>) {
        let signature = self.signature(header);
        let found: Vec<(Option<usize>, &[&'static str])> = signature
            .iter()
            .map(|aliases| (header.find(aliases), *aliases))
            .collect();
        let present = found.iter().filter(|(col, _)| col.is_some()).count();
        let mut missing = absent(&found);
        for column in self.bare_reader(header).absent_money() {
            if !missing.contains(&column) {
                missing.push(column);
            }
        }
        (present, missing)
    }

    /// How many columns the signature names.
    pub fn signature_len(self) -> usize {
        match self {
            Format::LoyverseReceipts => loyverse::signature_len(false),
            Format::LoyverseItems => loyverse::signature_len(true),
            _ => self.fixed_signature().len(),
        }
    }

    /// The format a header belongs to; when several fit, the one that needs
    /// the most columns (Square's item export also fits a looser rule).
    pub fn recognise(header: &Header) -> Option<Format> {
        Format::ALL
            .into_iter()
            .filter(|f| f.fits(header))
            .max_by_key(|f| f.signature_len())
    }

    /// A reader for rows under `header` (which [`Format::fits`]), every
    /// row checked for damage before it is read.
    pub fn reader(self, header: &Header) -> Box<dyn TillFormat> {
        Box::new(checks::Checked::new(self.bare_reader(header), header))
    }

    /// What the owner should know about `header` before the rows: money
    /// columns the format's spend is made of that this file lacks.
    pub fn notes(self, header: &Header) -> Vec<String> {
        self.bare_reader(header)
            .absent_money()
            .into_iter()
            .map(|column| t_args("import-note-no-money-column", &[("column", column)]))
            .collect()
    }

    fn bare_reader(self, header: &Header) -> Box<dyn TillFormat> {
        match self {
            Format::SquareItems => Box::new(square::Square::new(header, true)),
            Format::SquareTransactions => Box::new(square::Square::new(header, false)),
            Format::LoyverseReceipts => Box::new(loyverse::Loyverse::new(header, false)),
            Format::LoyverseItems => Box::new(loyverse::Loyverse::new(header, true)),
            Format::ShopifyOrders => Box::new(shopify::Shopify::new(header)),
            Format::OdooPos => Box::new(odoo::Odoo::new(header)),
            Format::Sumup => Box::new(sumup::Sumup::new(header)),
            Format::Mobilepay => Box::new(mobilepay::Mobilepay::new(header)),
            Format::Zettle => Box::new(zettle::Zettle::new(header)),
            Format::Generic => Box::new(generic::Generic::new(header)),
        }
    }
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Header {
        Header::new(&Row::new(1, names))
    }

    #[test]
    fn missing_money_columns_are_named_in_notes() {
        let items = header(&[
            "Date",
            "Time",
            "Item",
            "Qty",
            "Net Sales",
            "Transaction ID",
            "Event Type",
        ]);
        let notes = Format::SquareItems.notes(&items);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("\"Tax\""), "{notes:?}");
        // The first of two columns of the same name counts: nothing is missing.
        let twice = header(&[
            "Date",
            "Item",
            "Qty",
            "Net Sales",
            "Tax",
            "Tax",
            "Transaction ID",
        ]);
        assert!(Format::SquareItems.notes(&twice).is_empty());
        let sumup = header(&["Transaction ID", "Date", "Status", "Amount"]);
        assert!(Format::Sumup.notes(&sumup)[0].contains("\"Tip\""));
        let generic = header(&["receipt_id", "time", "total"]);
        assert!(Format::Generic.notes(&generic).is_empty());
    }

    #[test]
    fn names_are_the_fixed_contract() {
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.name()), Some(f));
        }
        assert_eq!(Format::from_name("nope"), None);
    }

    #[test]
    fn the_more_specific_format_wins() {
        let items = header(&[
            "Date",
            "Time",
            "Item",
            "Qty",
            "Net Sales",
            "Tax",
            "Transaction ID",
            "Event Type",
        ]);
        assert_eq!(Format::recognise(&items), Some(Format::SquareItems));
        let receipts = header(&[
            "Date",
            "Receipt number",
            "Receipt type",
            "Net sales",
            "Taxes",
            "Total collected",
        ]);
        assert_eq!(Format::recognise(&receipts), Some(Format::LoyverseReceipts));
        assert_eq!(Format::recognise(&header(&["a", "b"])), None);
    }
}
