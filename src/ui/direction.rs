//! Which way a screen reads, and the few helpers every screen uses to put
//! its parts in that order: a label beside its value, a table's columns,
//! one field's text. In Hebrew the label is on the right and its value on
//! its left; each field is reordered on its own, so a phone number, an
//! email or a Latin name inside Hebrew text still reads left to right.
//! Whole lines made of several fields are never reordered as one: the
//! bidi algorithm would run a name and the number beside it together.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};

use crate::config::ui::Bidi;
use crate::words::text::{fit, width};

/// The reading direction of the frame being drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Direction {
    rtl: bool,
    /// The app puts right-to-left text in drawing order itself; false when
    /// the terminal does (it would reverse it a second time).
    reorders: bool,
}

impl Direction {
    /// Left to right, reordering any Hebrew inside.
    pub const LTR: Direction = Direction {
        rtl: false,
        reorders: true,
    };

    /// The direction of a language (`rtl`) in a terminal that does or does
    /// not reorder bidi text itself.
    pub const fn new(rtl: bool, terminal_reorders: bool) -> Direction {
        Direction {
            rtl,
            reorders: !terminal_reorders,
        }
    }

    /// From the config's choice and what the environment said at start-up.
    pub fn from_settings(rtl: bool, bidi: Bidi, terminal_detected: bool) -> Direction {
        let terminal = match bidi {
            Bidi::App => false,
            Bidi::Terminal => true,
            Bidi::Auto => terminal_detected,
        };
        Direction::new(rtl, terminal)
    }

    pub fn is_rtl(self) -> bool {
        self.rtl
    }

    /// The app, not the terminal, puts right-to-left text in drawing order.
    pub fn app_reorders(self) -> bool {
        self.reorders
    }

    /// How a line sits in its area: right-aligned in Hebrew.
    pub fn alignment(self) -> Alignment {
        if self.rtl {
            Alignment::Right
        } else {
            Alignment::Left
        }
    }

    /// One field in the order the terminal must draw it. Text without a
    /// right-to-left letter (numbers, phones, emails, dates, Latin and
    /// Cyrillic names) reads left to right in either language, so it is
    /// drawn as written; text with one is put in visual order with the
    /// language's paragraph direction. With a reordering terminal the text
    /// stays in logical order.
    pub fn text(self, s: &str) -> String {
        if !self.reorders || !has_rtl_letter(s) {
            return s.to_string();
        }
        let level = if self.rtl { Level::rtl() } else { Level::ltr() };
        let info = BidiInfo::new(s, Some(level));
        info.paragraphs
            .iter()
            .map(|p| info.reorder_line(p, p.range.clone()).into_owned())
            .collect()
    }

    /// One cell of a row: its text in drawing order, and in Hebrew its
    /// padding on the other side, so the text keeps to the cell's right.
    pub fn cell(self, s: &str) -> String {
        if !self.rtl {
            return self.text(s);
        }
        let core = s.trim_matches(' ');
        let lead = s.len() - s.trim_start_matches(' ').len();
        let trail = s.len() - s.trim_end_matches(' ').len();
        if core.is_empty() {
            return s.to_string();
        }
        format!(
            "{}{}{}",
            " ".repeat(trail),
            self.text(core),
            " ".repeat(lead)
        )
    }

    /// A row of cells given in reading order (label first, then value; a
    /// table's first column first): in Hebrew the first cell is on the
    /// right. Each cell is reordered on its own.
    pub fn line<'a>(self, spans: Vec<Span<'a>>) -> Line<'a> {
        let mut cells: Vec<Span<'a>> = spans
            .into_iter()
            .map(|span| Span::styled(self.cell(&span.content), span.style))
            .collect();
        if self.rtl {
            cells.reverse();
        }
        Line::from(cells).alignment(self.alignment())
    }

    /// A row of padded cells given in reading order, as one string in
    /// drawing order: each cell reordered on its own, and in Hebrew the
    /// first cell on the right. Draw it with [`Direction::put`].
    pub fn cells<S: AsRef<str>>(self, cells: &[S]) -> String {
        let mut drawn: Vec<String> = cells.iter().map(|c| self.cell(c.as_ref())).collect();
        if self.rtl {
            drawn.reverse();
        }
        drawn.concat()
    }

    /// Parts of one text (a name, why it is listed) joined by `sep` in
    /// drawing order: each part reordered on its own, and in Hebrew the
    /// first part on the right.
    pub fn join<S: AsRef<str>>(self, parts: &[S], sep: &str) -> String {
        let mut drawn: Vec<String> = parts.iter().map(|p| self.text(p.as_ref())).collect();
        if self.rtl {
            drawn.reverse();
        }
        drawn.join(sep)
    }

    /// Like [`Direction::cells`] for cells whose text is already in drawing
    /// order (made by [`Direction::join`]): only the padding and the order
    /// of the cells change.
    pub fn drawn_cells<S: AsRef<str>>(self, cells: &[S]) -> String {
        if !self.rtl {
            return cells.iter().map(|c| c.as_ref()).collect();
        }
        cells
            .iter()
            .rev()
            .map(|c| {
                let c = c.as_ref();
                let core = c.trim_matches(' ');
                let lead = c.len() - c.trim_start_matches(' ').len();
                let trail = c.len() - c.trim_end_matches(' ').len();
                if core.is_empty() {
                    return c.to_string();
                }
                format!("{}{core}{}", " ".repeat(trail), " ".repeat(lead))
            })
            .collect()
    }

    /// Lines laid out as cells (one span each, in reading order) or as one
    /// field: each in drawing order and aligned where reading starts. A
    /// line that already has an alignment was put in order by its maker.
    pub fn lines<'a>(self, lines: Vec<Line<'a>>) -> Vec<Line<'a>> {
        lines
            .into_iter()
            .map(|line| match line.alignment {
                Some(_) => line,
                None => self.text_line(line),
            })
            .collect()
    }

    /// Text already in drawing order cut to `cols` columns at its end of
    /// reading, where the "…" goes: its left in Hebrew.
    pub fn fit_drawn(self, drawn: &str, cols: usize) -> String {
        if !self.rtl || width(drawn) <= cols {
            return fit(drawn, cols);
        }
        let backwards = |s: &str| -> String {
            let mut clusters: Vec<&str> = crate::words::text::graphemes(s).collect();
            clusters.reverse();
            clusters.concat()
        };
        backwards(&fit(&backwards(drawn), cols))
    }

    /// The mark before the selected row of a list, pointing at it from
    /// where reading starts; blank for the other rows. A cell in reading
    /// order, like the cells after it.
    pub fn marker(self, selected: bool) -> &'static str {
        match (selected, self.rtl) {
            (false, _) => "  ",
            (true, false) => "▶ ",
            (true, true) => "◀ ",
        }
    }

    /// A whole line that is one field (a heading, a sentence).
    pub fn text_line<'a>(self, line: Line<'a>) -> Line<'a> {
        let style = line.style;
        let spans = line.spans;
        self.line(spans).style(style)
    }

    /// A box's title: one field, where reading starts.
    pub fn title<'a>(self, text: &str, style: Style) -> Line<'a> {
        Line::styled(format!(" {} ", self.text(text)), style).alignment(self.alignment())
    }

    /// What a box shows at the other end of its top border (a count).
    pub fn far_title<'a>(self, text: &str) -> Line<'a> {
        let far = if self.rtl {
            Alignment::Left
        } else {
            Alignment::Right
        };
        Line::from(format!(" {} ", self.text(text))).alignment(far)
    }

    /// A label of `label_cols` columns and its value, in reading order:
    /// `[label, value]`.
    pub fn row(self, area: Rect, label_cols: u16) -> [Rect; 2] {
        let label_cols = label_cols.min(area.width);
        let label = Rect {
            width: label_cols,
            ..area
        };
        let value = Rect {
            x: area.x + label_cols,
            width: area.width - label_cols,
            ..area
        };
        [self.place(area, label), self.place(area, value)]
    }

    /// Columns of the given widths, the first where reading starts, side
    /// by side with `gap` columns between; cut at the area's edge.
    pub fn columns(self, area: Rect, widths: &[u16], gap: u16) -> Vec<Rect> {
        let mut x = area.x;
        widths
            .iter()
            .map(|&w| {
                let start = x.min(area.right());
                let width = w.min(area.right() - start);
                x = start.saturating_add(width).saturating_add(gap);
                self.place(
                    area,
                    Rect {
                        x: start,
                        width,
                        ..area
                    },
                )
            })
            .collect()
    }

    /// `part` of `whole` as laid out left to right, moved to where it goes
    /// in this direction (mirrored inside `whole` in Hebrew).
    pub fn place(self, whole: Rect, part: Rect) -> Rect {
        if !self.rtl {
            return part;
        }
        let from_left = part.x.saturating_sub(whole.x);
        let x = whole.right().saturating_sub(from_left + part.width);
        Rect { x, ..part }
    }

    /// Draws `text`, already in drawing order, where reading starts in
    /// `area`'s row: its left edge, or its right edge in Hebrew.
    pub fn put(self, buf: &mut Buffer, area: Rect, text: &str, style: Style) {
        let cols = area.width as usize;
        let text = fit(text, cols);
        let x = if self.rtl {
            area.right().saturating_sub(width(&text) as u16)
        } else {
            area.x
        };
        buf.set_stringn(x, area.y, &text, cols, style);
    }

    /// The areas of a horizontal split in reading order (as `Layout` gives
    /// them left to right), mirrored in Hebrew.
    pub fn split<const N: usize>(self, whole: Rect, parts: [Rect; N]) -> [Rect; N] {
        parts.map(|part| self.place(whole, part))
    }
}

/// A number in a table cell of `cols` columns, lined up toward where the
/// row's reading ends: on the cell's right in a left-to-right table; a
/// cell given to [`Direction::cell`] is mirrored, so in Hebrew it keeps to
/// the cell's left, the end of a right-to-left row. Its digits stay in
/// their order either way.
pub fn number_cell(number: &str, cols: usize) -> String {
    let number = fit(number, cols);
    format!(
        "{}{number}",
        " ".repeat(cols.saturating_sub(width(&number)))
    )
}

/// A Hebrew (or other right-to-left) letter anywhere in `s`.
pub fn has_rtl_letter(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL))
}

#[cfg(test)]
#[path = "direction_tests.rs"]
mod tests;
