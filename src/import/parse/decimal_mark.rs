//! Which mark a column of amounts writes decimals with, decided from the
//! column's own cells.
//!
//! `1.234` is one thousand two hundred and thirty-four in Zagreb and one
//! and a bit in Tel Aviv. A file writes every amount of a column the same
//! way, so the cells that can only be read one way (`1.234,50`, `12,5`,
//! `1,234.50`, `3.5`) decide the ones that could be read both ways. When
//! nothing in the column decides, such a cell is rejected rather than
//! guessed: a wrong guess would store a thousand times the spend.

use super::money::number_part;

/// The mark before the decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalMark {
    Dot,
    Comma,
}

impl DecimalMark {
    pub fn char(self) -> char {
        match self {
            DecimalMark::Dot => '.',
            DecimalMark::Comma => ',',
        }
    }

    fn other(self) -> DecimalMark {
        match self {
            DecimalMark::Dot => DecimalMark::Comma,
            DecimalMark::Comma => DecimalMark::Dot,
        }
    }

    fn of(c: char) -> DecimalMark {
        if c == ',' {
            DecimalMark::Comma
        } else {
            DecimalMark::Dot
        }
    }
}

/// What one cell says about the column's decimal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// No mark at all (`12`), or no amount: says nothing.
    Nothing,
    /// Can only be read with this decimal mark.
    Mark(DecimalMark),
    /// One mark followed by exactly three digits (`1.234`, `12,345`):
    /// thousands or decimals, the cell alone cannot tell.
    Ambiguous,
}

/// What a cell says about the decimal mark, for an amount in a currency
/// with `digits` decimals (a currency with three reads `1.234` as
/// decimals, as everywhere else in the import).
pub fn evidence(cell: &str, digits: u8) -> Evidence {
    let Some(number) = number_part(cell.trim()) else {
        return Evidence::Nothing;
    };
    let marks: Vec<(usize, char)> = number
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, '.' | ','))
        .map(|(i, c)| (i, *c))
        .collect();
    let Some(&(last_pos, last)) = marks.last() else {
        return Evidence::Nothing;
    };
    if marks.iter().any(|&(_, c)| c != last) {
        // Both marks: the last one is the decimal mark.
        return Evidence::Mark(DecimalMark::of(last));
    }
    if marks.len() > 1 {
        // The same mark twice only groups: the other is the decimal mark.
        return Evidence::Mark(DecimalMark::of(last).other());
    }
    let after = number.len() - last_pos - 1;
    // "0.250" and ".250" are never grouped thousands.
    let leading_zero = last_pos == 0 || number[0] == '0';
    if after == 3 && digits != 3 && !leading_zero {
        Evidence::Ambiguous
    } else {
        Evidence::Mark(DecimalMark::of(last))
    }
}

/// The cells of one column seen so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MarkVotes {
    dot: u64,
    comma: u64,
    ambiguous: u64,
}

/// How a column's decimal mark was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkDecision {
    /// The column's cells say this mark (or none of them is ambiguous).
    Known(DecimalMark),
    /// Ambiguous cells and nothing that tells: they are rejected.
    Undecided,
    /// Cells that can only be read with `.` and others only with `,`:
    /// the ambiguous ones are rejected.
    Mixed,
}

impl MarkVotes {
    pub fn observe(&mut self, cell: &str, digits: u8) {
        match evidence(cell, digits) {
            Evidence::Nothing => {}
            Evidence::Mark(DecimalMark::Dot) => self.dot += 1,
            Evidence::Mark(DecimalMark::Comma) => self.comma += 1,
            Evidence::Ambiguous => self.ambiguous += 1,
        }
    }

    /// The column's decimal mark, or why it has none.
    pub fn decide(&self) -> MarkDecision {
        match (self.dot > 0, self.comma > 0) {
            (true, false) => MarkDecision::Known(DecimalMark::Dot),
            (false, true) => MarkDecision::Known(DecimalMark::Comma),
            (true, true) => MarkDecision::Mixed,
            (false, false) => MarkDecision::Undecided,
        }
    }

    /// Whether any cell could be read both ways.
    pub fn has_ambiguous(&self) -> bool {
        self.ambiguous > 0
    }
}

#[cfg(test)]
#[path = "decimal_mark_tests.rs"]
mod tests;
