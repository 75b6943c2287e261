//! How values are drawn on screen. Right-to-left text is put in drawing
//! order here, for the terminal only; the wording and column layout that
//! the command line shares come from `words`.

use unicode_bidi::{BidiInfo, Level};

pub use crate::words::dates::{
    birth, birthday, date_full, date_long, date_short, date_with_year, day_month, month_short,
    weekday_short,
};
pub use crate::words::numbers::{money, number};
pub use crate::words::text::{fit, graphemes, pad, take_cols, width, wrap};

/// `s` in the order a terminal must draw it. Hebrew is stored and typed in
/// reading order, but terminals fill cells left to right, so right-to-left
/// runs are reversed for drawing. The line direction is the UI language's;
/// text without right-to-left letters comes back unchanged.
pub fn visual(s: &str) -> String {
    let level = if crate::i18n::current() == "he" {
        Level::rtl()
    } else {
        Level::ltr()
    };
    let info = BidiInfo::new(s, Some(level));
    if !info.has_rtl() {
        return s.to_string();
    }
    info.paragraphs
        .iter()
        .map(|p| info.reorder_line(p, p.range.clone()).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_names_are_drawn_reversed() {
        assert_eq!(visual("רבקה כהן"), "ןהכ הקבר");
        assert_eq!(visual("Ana Kovač"), "Ana Kovač");
        assert_eq!(visual("Noam · נועם · boy"), "Noam · םעונ · boy");
    }
}
