//! Boxes drawn over a screen: the yes/no question before anything is
//! deleted or discarded, and the frame other popups use.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use crate::ui::direction::{Direction, has_rtl_letter};
use crate::ui::format::wrap;
use crate::ui::keymap::{CONFIRM, Keymap, grouped};
use crate::ui::theme::Theme;

/// A `width`×`height` box in the middle of `area` (smaller if `area` is).
/// The hints of `map` a dialog shows on its last row ("Enter choose  Esc
/// cancel"): the keys marked for the status bar, in the table's order.
pub fn key_hints(map: Keymap, theme: &Theme) -> Vec<Span<'static>> {
    let mut keys = vec![];
    for (key, label, hint) in grouped(map, false) {
        if hint {
            keys.push(Span::styled(key, theme.key()));
            keys.push(Span::raw(format!(" {label}  ")));
        }
    }
    keys
}

pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    )
}

/// Clears `area` and draws a bordered, titled frame; returns the inside.
pub fn frame(area: Rect, buf: &mut Buffer, title: &str, theme: &Theme) -> Rect {
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(true))
        .title(Span::styled(format!(" {title} "), theme.heading()))
        .title_alignment(if has_rtl_letter(title) {
            // A Hebrew title (reordered by the caller) starts on the right.
            ratatui::layout::Alignment::Right
        } else {
            ratatui::layout::Alignment::Left
        });
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// The usual question box, and the columns of text inside it (less the
/// border and a space each side).
const BOX: (u16, u16) = (60, 8);
const BOX_COLS: usize = 56;
/// Lines of question the usual box holds (above: a blank line; below: a
/// blank line and the keys).
const BOX_LINES: usize = 3;
/// The widest box a long question gets: the window less a margin.
const WIDE: u16 = 76;

/// The question and its keys (from the confirm keymap). A question in
/// several paragraphs, or one too long for the usual box (the erase
/// confirm says what goes and what stays), gets a wider box as tall as
/// its lines, wrapped by display width.
pub fn render_confirm(
    area: Rect,
    buf: &mut Buffer,
    title: &str,
    question: &str,
    theme: &Theme,
    dir: Direction,
) {
    let mut keys = vec![];
    for (key, label, _) in grouped(CONFIRM, false) {
        keys.push(Span::styled(key, theme.key()));
        keys.push(Span::raw(format!(" {label}   ")));
    }
    if !question.contains('\n') && wrap(question, BOX_COLS).len() <= BOX_LINES {
        let popup = centered(area, BOX.0, BOX.1);
        let inner = frame(popup, buf, title, theme);
        let text = vec![
            Line::raw(""),
            Line::raw(dir.text(question)).alignment(dir.alignment()),
            Line::raw(""),
            dir.line(keys),
        ];
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .render(inner.inner(Margin::new(1, 0)), buf);
        return;
    }
    let width = WIDE.min(area.width);
    let cols = usize::from(width.saturating_sub(4));
    let mut text = vec![];
    for paragraph in question.lines() {
        // Paragraphs apart, so "what goes" and "what stays" read as two.
        text.push(Line::raw(""));
        for line in wrap(paragraph, cols) {
            text.push(Line::raw(dir.text(&line)).alignment(dir.alignment()));
        }
    }
    text.push(Line::raw(""));
    text.push(dir.line(keys));
    let height = u16::try_from(text.len() + 2).unwrap_or(u16::MAX);
    let popup = centered(area, width, height);
    let inner = frame(popup, buf, title, theme);
    Paragraph::new(text).render(inner.inner(Margin::new(1, 0)), buf);
}
