//! The two passes over a file: counting its rows and deciding its date
//! order (`survey`), then reading its rows into receipts (`load`). Both
//! read one record at a time into the same row.

use super::assemble::Assembler;
use super::currency::CurrencyWatch;
use super::detect::{Detected, Maps, detect_with};
use super::formats::ReadCtx;
use super::parse::{self, DateRules, DateVotes, MarkVotes, locale_order};
use super::receipt::{Loader, Rejected};
use super::table::{Input, Row, RowReader, reader};
use super::{Options, Plan, cancelled};
use crate::error::Result;
use crate::i18n::t_args;

/// How often (in rows) the counting pass looks at the cancel flag.
const CANCEL_CHECK_EVERY: u64 = 4096;
/// Notes about single rows kept at most (each reader says a thing once).
const MAX_ROW_NOTES: usize = 20;

/// The data rows under the header, without blank ones, read one after
/// another into the same [`Row`].
struct DataRows<'a> {
    input: &'a Input,
    records: RowReader<'a>,
    /// Records still to skip (the preamble and the header).
    skip: usize,
}

impl<'a> DataRows<'a> {
    fn new(input: &'a Input, detected: &Detected) -> Result<DataRows<'a>> {
        Ok(DataRows {
            input,
            records: reader(input, detected.shape)?,
            skip: detected.header_index + 1,
        })
    }

    fn next(&mut self, row: &mut Row) -> Result<bool> {
        while self.records.read_into(row, self.input)? {
            if self.skip > 0 {
                self.skip -= 1;
            } else if !row.is_empty() {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// Recognises the file and reads it once to count rows and decide its date order.
pub fn survey(input: &Input, opts: &Options) -> Result<Plan> {
    survey_until(input, opts, &|| false)
}

/// [`survey`], stopping with an error (as cancelled) once `stop` says so.
pub fn survey_until(input: &Input, opts: &Options, stop: &dyn Fn() -> bool) -> Result<Plan> {
    survey_with(input, opts, &Maps::default(), stop)
}

/// [`survey_until`], with column maps for a file no format reads.
pub fn survey_with(
    input: &Input,
    opts: &Options,
    maps: &Maps,
    stop: &dyn Fn() -> bool,
) -> Result<Plan> {
    let detected = detect_with(input, opts.format, opts.encoding, &opts.country, maps)?;
    let mut reader = detected.format.reader(&detected.header);
    let date_columns = reader.date_columns();
    let digits = opts.currency.minor_digits();
    let mut marks: Vec<(usize, MarkVotes)> = reader
        .marked_money_columns()
        .into_iter()
        .map(|col| (col, MarkVotes::default()))
        .collect();
    let mut currencies = CurrencyWatch::default();
    let mut votes = DateVotes::default();
    let mut row_notes = Vec::new();
    let mut count = 0u64;
    let mut rows = DataRows::new(input, &detected)?;
    let mut row = Row::new(0, [""; 0]);
    while rows.next(&mut row)? {
        count += 1;
        if count.is_multiple_of(CANCEL_CHECK_EVERY) && stop() {
            return Err(cancelled());
        }
        for &col in &date_columns {
            votes.observe(row.get(Some(col)));
        }
        for (col, marks) in &mut marks {
            marks.observe(row.get(Some(*col)), digits);
        }
        currencies.observe(row.line, reader.currency_of(&row), opts.currency);
        if row_notes.len() < MAX_ROW_NOTES {
            row_notes.extend(reader.row_note(&row));
        }
    }
    let decision = votes.decide(locale_order(&opts.country));
    let mut notes = detected.notes.clone();
    if decision.guessed {
        let key = match decision.order {
            parse::DateOrder::DayFirst => "import-note-day-first",
            parse::DateOrder::MonthFirst => "import-note-month-first",
        };
        notes.push(t_args(key, &[("country", &opts.country)]));
    }
    notes.extend(row_notes);
    let ctx = ReadCtx {
        header: detected.header.clone(),
        dates: DateRules {
            order: decision.order,
            today: opts.today,
            buddhist: votes.buddhist
                || (opts.country.eq_ignore_ascii_case("TH") && !reader.short_years_common_era()),
        },
        currency: opts.currency,
        max_receipt: opts.max_receipt,
        marks: marks.iter().map(|(col, v)| (*col, v.decide())).collect(),
    };
    Ok(Plan {
        detected,
        rows: count,
        ctx,
        notes,
        currencies,
    })
}

/// Reads every data row of the file into `loader`, receipt by receipt.
pub fn load(input: &Input, plan: &Plan, loader: &mut dyn Loader) -> Result<()> {
    let mut format = plan.detected.format.reader(&plan.detected.header);
    let mut assembler = Assembler::default();
    let mut parts = Vec::new();
    let mut count = 0u64;
    let mut rows = DataRows::new(input, &plan.detected)?;
    let mut row = Row::new(0, [""; 0]);
    while rows.next(&mut row)? {
        count += 1;
        match format.read(&row, &plan.ctx, &mut parts) {
            Ok(()) => {
                for part in parts.drain(..) {
                    assembler.add(part, row.line, loader)?;
                }
            }
            Err(e) => {
                parts.clear();
                loader.reject(Rejected {
                    line: row.line,
                    reason: e.reason,
                });
                if let Some(id) = e.till_id {
                    assembler.drop_receipt(id, loader)?;
                }
            }
        }
        loader.rows_read(count)?;
    }
    format.finish(&mut parts);
    for part in parts {
        assembler.add(part, 0, loader)?;
    }
    assembler.flush(loader)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::formats::testing::options;

    fn many_rows(rows: usize) -> Input {
        let mut text = String::from("receipt_id,time,total\n");
        for i in 0..rows {
            text.push_str(&format!("R{i},2026-03-0{}T10:00:00,1.00\n", i % 9 + 1));
        }
        Input::Bytes(text.into_bytes().into())
    }

    #[test]
    fn counting_stops_when_cancelled() {
        let input = many_rows(3 * CANCEL_CHECK_EVERY as usize);
        let err = survey_until(&input, &options("HR"), &|| true).unwrap_err();
        assert_eq!(err.to_string(), cancelled().to_string());
        let plan = survey_until(&input, &options("HR"), &|| false).unwrap();
        assert_eq!(plan.rows, 3 * CANCEL_CHECK_EVERY);
    }
}
