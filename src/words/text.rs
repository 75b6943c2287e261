//! Text laid out in columns, for the screen and for the command line alike:
//! widths counted in terminal columns (CJK takes two, combining marks
//! none), cutting with "…", padding and wrapping.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns the text takes in a terminal.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` columns, ending in "…" when something was cut.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// `s` filled with spaces (or cut) to exactly `cols` columns.
pub fn pad(s: &str, cols: usize) -> String {
    let mut out = fit(s, cols);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// Words of `s` in lines of at most `max` columns; a word longer than a line
/// is cut into pieces.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = vec![];
    let mut line = String::new();
    for word in s.split_whitespace() {
        if !line.is_empty() && width(&line) + 1 + width(word) <= max {
            line.push(' ');
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if !line.is_empty() && width(&line) + c.width().unwrap_or(0) > max {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_columns_not_chars() {
        assert_eq!(fit("Ana Kovač", 20), "Ana Kovač");
        assert_eq!(fit("Ana Kovač", 5), "Ana …");
        // 王小明 is six columns wide.
        assert_eq!(fit("王小明", 5), "王小…");
        assert_eq!(width(&fit("王小明", 4)), 3);
        assert_eq!(pad("王", 4), "王  ");
        assert_eq!(fit("anything", 0), "");
    }

    #[test]
    fn wrap_keeps_lines_within_width() {
        let lines = wrap("likes dark roast and oat milk on Fridays", 12);
        assert!(lines.iter().all(|l| width(l) <= 12), "{lines:?}");
        assert_eq!(lines.join(" "), "likes dark roast and oat milk on Fridays");
        let long = wrap("supercalifragilistic", 8);
        assert!(long.iter().all(|l| width(l) <= 8), "{long:?}");
        assert_eq!(long.concat(), "supercalifragilistic");
    }
}
