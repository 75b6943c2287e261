//! Text laid out in columns, for the screen and for the command line alike:
//! widths counted in terminal columns (CJK takes two, Thai vowels and tone
//! marks none), cutting with "…", padding and wrapping. Text is cut only
//! between grapheme clusters, so a Thai consonant never loses its vowel
//! and a flag or an accented letter is never halved.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns the text takes in a terminal.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// The grapheme clusters of `s`: what a reader sees as one character.
pub fn graphemes(s: &str) -> impl Iterator<Item = &str> {
    s.graphemes(true)
}

/// The longest start of `s` that fits in `cols` columns, and its width.
pub fn take_cols(s: &str, cols: usize) -> (&str, usize) {
    let mut used = 0;
    let mut end = 0;
    for g in graphemes(s) {
        let w = width(g);
        if used + w > cols {
            break;
        }
        used += w;
        end += g.len();
    }
    (&s[..end], used)
}

/// `s` cut to at most `max` columns, ending in "…" when something was cut.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let (kept, _) = take_cols(s, max - 1);
    format!("{kept}…")
}

/// `s` filled with spaces (or cut) to exactly `cols` columns.
pub fn pad(s: &str, cols: usize) -> String {
    let mut out = fit(s, cols);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// Whether a line may break right before or after this cluster without a
/// space: Chinese and Japanese are written without spaces and break
/// between any two characters.
fn breaks_anywhere(g: &str) -> bool {
    g.chars().next().is_some_and(|c| {
        matches!(u32::from(c),
            0x2E80..=0x303F     // CJK radicals, punctuation
            | 0x3040..=0x30FF   // kana
            | 0x3400..=0x4DBF   // CJK extension A
            | 0x4E00..=0x9FFF   // CJK unified ideographs
            | 0xF900..=0xFAFF   // compatibility ideographs
            | 0xFF00..=0xFF60   // full-width forms (，！？)
            | 0x20000..=0x3FFFF) // CJK extensions B and on
    })
}

/// The pieces a line is filled with: words of Latin, Hebrew or Thai text,
/// single CJK characters, and whether a space stood before each.
fn pieces(s: &str) -> Vec<(bool, String)> {
    let mut out: Vec<(bool, String)> = vec![];
    let mut space_before = false;
    let mut word = String::new();
    for g in graphemes(s) {
        if g.chars().all(char::is_whitespace) {
            if !word.is_empty() {
                out.push((std::mem::take(&mut space_before), std::mem::take(&mut word)));
            }
            space_before = !out.is_empty();
            continue;
        }
        let after_cjk = word
            .chars()
            .last()
            .is_some_and(|c| breaks_anywhere(&c.to_string()));
        if (breaks_anywhere(g) || after_cjk) && !word.is_empty() {
            out.push((std::mem::take(&mut space_before), std::mem::take(&mut word)));
        }
        word.push_str(g);
    }
    if !word.is_empty() {
        out.push((space_before, word));
    }
    out
}

/// `s` in lines of at most `max` columns: broken at spaces, and between
/// any two characters of Chinese; a word longer than a line is cut into
/// pieces between grapheme clusters.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = vec![];
    let mut line = String::new();
    for (space, piece) in pieces(s) {
        let gap = usize::from(space && !line.is_empty());
        if !line.is_empty() && width(&line) + gap + width(&piece) <= max {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(&piece);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut rest = piece.as_str();
        while width(rest) > max {
            let (head, used) = take_cols(rest, max);
            // A cluster wider than the whole line still has to go somewhere.
            let head = if used == 0 {
                graphemes(rest).next().unwrap_or(rest)
            } else {
                head
            };
            lines.push(head.to_string());
            rest = &rest[head.len()..];
        }
        line.push_str(rest);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
