//! A header that is nearly a known till's: most of a format's signature
//! columns are there but some are not (Square lets a shop hide columns
//! before exporting; a spreadsheet may drop some). Such a file is refused
//! naming the format and what is missing, which says far more than "not a
//! till export this app knows". A file with no header row at all is
//! refused here too, naming a column of the owner's map it lacks.

use super::detect::{Maps, shown_path};
use super::formats::Format;
use super::table::{Header, Input};
use crate::error::Error;
use crate::i18n::t_args;

/// The format a header nearly is, and the columns it lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearMiss {
    pub format: Format,
    /// How many of the format's signature columns are there.
    pub present: usize,
    pub missing: Vec<&'static str>,
}

impl NearMiss {
    /// The closest format by the share of its signature columns present,
    /// when more than half of them are (fewer say too little: "Date" and
    /// "Amount" are in half the world's spreadsheets). The plain CSV is
    /// no till's, so it is never a near miss.
    pub fn of(header: &Header) -> Option<NearMiss> {
        Format::ALL
            .into_iter()
            .filter(|f| *f != Format::Generic && !f.fits(header))
            .filter_map(|format| {
                let (present, missing) = format.columns_missing(header);
                let whole = format.signature_len();
                (present * 2 > whole && !missing.is_empty()).then_some((
                    present * 1000 / whole,
                    NearMiss {
                        format,
                        present,
                        missing,
                    },
                ))
            })
            // On an equal share the format with more columns found wins.
            .max_by_key(|(share, near)| (*share, near.present))
            .map(|(_, near)| near)
    }

    /// The closer of two near misses (by share of the signature found).
    pub fn closer(self, other: NearMiss) -> NearMiss {
        let share = |n: &NearMiss| n.present * 1000 / n.format.signature_len();
        if share(&other) > share(&self) {
            other
        } else {
            self
        }
    }

    /// The names of the missing columns, quoted, as a message lists them.
    pub fn missing_list(&self) -> String {
        self.missing
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// What to do about it: the till's own advice where one is known.
    pub fn hint(&self) -> String {
        let key = match self.format {
            Format::SquareItems | Format::SquareTransactions => "import-hint-square-columns",
            _ => "import-hint-all-columns",
        };
        t_args(key, &[])
    }

    /// The till export's name as its owner knows it.
    pub fn export_name(&self) -> String {
        t_args(&format!("import-export-{}", self.format.name()), &[])
    }
}

/// Why no header row was found: a column of the given map that the
/// closest row lacks, else as for any file.
pub(super) fn unfound(
    input: &Input,
    format: Option<Format>,
    maps: &Maps,
    near: Option<NearMiss>,
    best: Option<(usize, Header)>,
) -> Error {
    let Some(map) = &maps.given else {
        return unknown(input, format, near);
    };
    let lacking = best.as_ref().and_then(|(_, h)| map.missing_in(h));
    let (role, column) = lacking.unwrap_or_else(|| map.first());
    Error::user(
        "import-err-map-column",
        &[
            ("path", &shown_path(input)),
            ("column", column),
            ("role", role),
        ],
    )
}

/// A file with no header row the app knows, nearly known, or not the
/// format asked for.
fn unknown(input: &Input, format: Option<Format>, near: Option<NearMiss>) -> Error {
    let path = shown_path(input);
    if let (None, Some(near)) = (format, near) {
        return Error::user(
            "import-err-near-miss",
            &[
                ("path", &path),
                ("format", &near.export_name()),
                ("missing", &near.missing_list()),
                ("hint", &near.hint()),
            ],
        );
    }
    match format {
        Some(f) => Error::user(
            "import-err-not-format",
            &[("path", &path), ("format", f.name())],
        ),
        None => Error::user("import-err-unknown-format", &[("path", &path)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::Row;

    fn header(names: &[&str]) -> Header {
        Header::new(&Row::new(1, names))
    }

    #[test]
    fn square_with_hidden_columns_is_named_with_what_is_missing() {
        // Seven of Square's 35 columns, as a shop's column picker left them.
        let h = header(&[
            "Date",
            "Time",
            "Category",
            "Item",
            "Qty",
            "Customer Name",
            "Customer ID",
        ]);
        let near = NearMiss::of(&h).expect("a near miss");
        assert_eq!(near.format, Format::SquareItems);
        assert_eq!(
            near.missing,
            vec!["Transaction ID", "Net Sales", "Tax", "Discounts"]
        );
        assert!(near.hint().contains("Square"), "{}", near.hint());
        assert!(near.export_name().contains("Square"));
    }

    #[test]
    fn a_spreadsheet_that_dropped_a_column_is_named() {
        let h = header(&["Date", "Receipt number", "Receipt type", "Customer"]);
        let near = NearMiss::of(&h).expect("a near miss");
        assert_eq!(near.format, Format::LoyverseReceipts);
        assert!(near.missing.contains(&"Total collected"), "{near:?}");
        assert!(!near.hint().contains("Square"));
    }

    #[test]
    fn half_a_signature_or_less_is_no_near_miss() {
        assert_eq!(NearMiss::of(&header(&["Date", "Amount", "Name"])), None);
        assert_eq!(NearMiss::of(&header(&["name", "colour"])), None);
        // A header that fits a format is no miss at all.
        let full = header(&["receipt_id", "time", "total"]);
        assert_eq!(NearMiss::of(&full), None);
    }
}
