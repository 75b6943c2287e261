//! The bottom line: the keys of what has focus, from its keymap table, and
//! the message line above it (what was just saved, or what went wrong).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use crate::ui::direction::Direction;
use crate::ui::format::width;
use crate::ui::keymap::{Keymap, grouped_back};
use crate::ui::theme::Theme;

/// Draws the hinted rows of `maps`. The help hint is kept at the end and
/// other hints are dropped from the end when the line is too narrow; `back`
/// names where Esc goes when that is not the counter, and that hint is kept
/// too, as the owner cannot guess it.
pub fn render_hints(
    area: Rect,
    buf: &mut Buffer,
    maps: &[Keymap],
    back: Option<&str>,
    theme: &Theme,
    dir: Direction,
) {
    let help = crate::i18n::t("ui-key-help");
    let mut hints: Vec<(String, String)> = vec![];
    for map in maps {
        for (keys, label, hint) in grouped_back(map, false, back) {
            if hint && !hints.iter().any(|(_, l)| *l == label) {
                hints.push((keys, label));
            }
        }
    }
    if let Some(i) = hints.iter().position(|(_, label)| *label == help) {
        let help_hint = hints.remove(i);
        hints.push(help_hint);
    }
    let cost = |h: &(String, String)| width(&h.0) + 1 + width(&h.1) + 2;
    let available = area.width as usize;
    while hints.len() > 1 && hints.iter().map(cost).sum::<usize>() > available {
        // The last hint (help) stays, and so does a named way back.
        let last = hints.len() - 1;
        match hints[..last]
            .iter()
            .rposition(|(_, label)| Some(label.as_str()) != back)
        {
            Some(drop) => hints.remove(drop),
            None => break,
        };
    }
    // Each hint is a key and its label in reading order; in Hebrew the
    // first hint is on the right, its key right of its label.
    let mut spans = vec![Span::raw(" ")];
    for (keys, label) in hints {
        spans.push(Span::styled(keys, theme.key()));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    dir.line(spans).render(area, buf);
}

/// Draws `text` on the message line in `style`, cut to the width.
pub fn render_message(area: Rect, buf: &mut Buffer, text: &str, style: Style, dir: Direction) {
    let area = area.inner(ratatui::layout::Margin::new(1, 0));
    dir.put(buf, area, &dir.text(text), style);
}
