//! Boxes drawn over a screen: the yes/no question before anything is
//! deleted or discarded, and the frame other popups use.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use crate::ui::direction::{Direction, has_rtl_letter};
use crate::ui::keymap::{CONFIRM, grouped};
use crate::ui::theme::Theme;

/// A `width`×`height` box in the middle of `area` (smaller if `area` is).
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

/// The question and its keys (from the confirm keymap).
pub fn render_confirm(
    area: Rect,
    buf: &mut Buffer,
    title: &str,
    question: &str,
    theme: &Theme,
    dir: Direction,
) {
    let popup = centered(area, 60, 8);
    let inner = frame(popup, buf, title, theme);
    let mut keys = vec![];
    for (key, label, _) in grouped(CONFIRM, false) {
        keys.push(Span::styled(key, theme.key()));
        keys.push(Span::raw(format!(" {label}   ")));
    }
    let text = vec![
        Line::raw(""),
        Line::raw(dir.text(question)).alignment(dir.alignment()),
        Line::raw(""),
        dir.line(keys),
    ];
    Paragraph::new(text)
        .wrap(Wrap { trim: false })
        .render(inner.inner(ratatui::layout::Margin::new(1, 0)), buf);
}
