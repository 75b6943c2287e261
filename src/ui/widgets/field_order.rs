//! Where a field's text and its cursor go on screen when the text holds
//! right-to-left letters. The value is kept and edited in logical (typed)
//! order; here each letter gets its column in drawing order, the same
//! order the lists draw the same name in, and the cursor goes where the
//! next letter will appear: after a Hebrew letter, on its left.

use unicode_bidi::{BidiInfo, Level};

use crate::ui::direction::Direction;
use crate::ui::format::{graphemes, width};

/// The field as drawn: its clusters left to right with their columns, and
/// the cell the cursor is on.
pub struct Drawn {
    pub clusters: Vec<(usize, String)>,
    pub width: usize,
    pub cursor: usize,
}

/// Lays out `value` with the cursor before its `cursor`-th character.
/// In a right-to-left paragraph one column is kept free on the left for
/// a cursor after the last letter; the caller aligns the text right.
pub fn lay_out(value: &str, cursor: usize, dir: Direction) -> Drawn {
    let byte_at = value
        .char_indices()
        .nth(cursor)
        .map_or(value.len(), |(i, _)| i);
    let level = if dir.is_rtl() {
        Level::rtl()
    } else {
        Level::ltr()
    };
    let info = BidiInfo::new(value, Some(level));
    let margin = usize::from(dir.is_rtl());
    // (logical byte start, byte end, column, width, right to left)
    let mut placed: Vec<(usize, usize, usize, usize, bool)> = vec![];
    let mut clusters = vec![];
    let mut col = margin;
    for para in &info.paragraphs {
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        for run in runs {
            let rtl = levels[run.start].is_rtl();
            let mut parts: Vec<(usize, &str)> = vec![];
            let mut at = run.start;
            for g in graphemes(&value[run.clone()]) {
                parts.push((at, g));
                at += g.len();
            }
            if rtl {
                parts.reverse();
            }
            for (start, g) in parts {
                let w = width(g);
                placed.push((start, start + g.len(), col, w, rtl));
                clusters.push((col, g.to_string()));
                col += w;
            }
        }
    }
    let cursor = if byte_at == 0 {
        // Before the first letter: where reading starts.
        match placed.iter().find(|p| p.0 == 0) {
            Some(&(_, _, c, w, true)) => c + w,
            Some(&(_, _, c, _, false)) => c,
            None if dir.is_rtl() => col.saturating_sub(1).max(margin),
            None => 0,
        }
    } else {
        // After the letter typed last before the cursor.
        match placed.iter().find(|p| p.1 == byte_at) {
            Some(&(_, _, c, _, true)) => c.saturating_sub(1),
            Some(&(_, _, c, w, false)) => c + w,
            None => col,
        }
    };
    Drawn {
        clusters,
        width: col,
        cursor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HE: Direction = Direction::new(true, false);

    fn text(drawn: &Drawn) -> String {
        drawn.clusters.iter().map(|(_, g)| g.as_str()).collect()
    }

    #[test]
    fn a_hebrew_name_is_drawn_as_the_list_draws_it() {
        let drawn = lay_out("רבקה כהן", 8, HE);
        assert_eq!(text(&drawn), HE.text("רבקה כהן"));
        // After the last letter typed, its left: the free column.
        assert_eq!(drawn.cursor, 0);
        assert_eq!(drawn.width, 9);
    }

    #[test]
    fn the_cursor_follows_the_letter_it_is_after() {
        // "אב": after א (one letter in) the cursor is left of א, which is
        // drawn rightmost.
        let drawn = lay_out("אב", 1, HE);
        assert_eq!(text(&drawn), "בא");
        assert_eq!(drawn.cursor, 1);
        // At the start: right of the first letter.
        assert_eq!(lay_out("אב", 0, HE).cursor, 3);
    }

    #[test]
    fn latin_text_keeps_its_cursor_after_the_last_letter() {
        let drawn = lay_out("Ana", 3, Direction::LTR);
        assert_eq!((text(&drawn), drawn.cursor), ("Ana".to_string(), 3));
        // A Hebrew word in an English screen: reversed, cursor on its left.
        let drawn = lay_out("Ana שרה", 7, Direction::LTR);
        assert_eq!(text(&drawn), "Ana הרש");
        assert_eq!(drawn.cursor, 3);
    }
}
