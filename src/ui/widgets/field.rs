//! A one-line text field on `tui-input`: the text scrolls so the cursor stays
//! visible, and the cursor sits at the right display column even after wide
//! (CJK) or combining characters.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use tui_input::{Input, InputRequest};

use crate::message::Message;
use crate::ui::format::{fit, graphemes, width};
use crate::ui::theme::Theme;

#[derive(Debug, Clone, Default)]
pub struct TextField {
    input: Input,
    /// What is wrong with the value, shown under the field.
    pub error: Option<Message>,
}

impl TextField {
    /// A field holding `value` with the cursor at its end.
    pub fn new(value: &str) -> TextField {
        TextField {
            input: Input::new(value.to_string()),
            error: None,
        }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    pub fn is_blank(&self) -> bool {
        self.value().trim().is_empty()
    }

    pub fn set(&mut self, value: &str) {
        self.input = Input::new(value.to_string());
    }

    /// Applies an edit; true when the text changed (the field consumed it).
    pub fn handle(&mut self, request: InputRequest) -> bool {
        let changed = self
            .input
            .handle(request)
            .is_some_and(|change| change.value);
        if changed {
            self.error = None;
        }
        changed
    }

    /// Draws the text in `area` (one row) and returns where the cursor goes
    /// when the field has focus.
    pub fn render(
        &self,
        area: Rect,
        buf: &mut Buffer,
        style: Style,
        focused: bool,
    ) -> Option<Position> {
        if area.is_empty() {
            return None;
        }
        let area = Rect { height: 1, ..area };
        buf.set_style(area, style);
        let cols = area.width as usize;
        if !focused {
            // Without the cursor the start of the text matters most.
            buf.set_stringn(area.x, area.y, fit(self.value(), cols), cols, style);
            return None;
        }
        let cursor = self.input.visual_cursor();
        // Keep one column free after the text for the cursor.
        let scroll = (cursor + 1).saturating_sub(cols);
        let mut skipped = 0;
        let mut shown = String::new();
        // Whole clusters only: a Thai tone mark scrolls with its letter.
        for g in graphemes(self.value()) {
            let w = width(g);
            if skipped < scroll {
                skipped += w;
                continue;
            }
            if width(&shown) + w > cols {
                break;
            }
            shown.push_str(g);
        }
        buf.set_stringn(area.x, area.y, &shown, cols, style);
        let x = (cursor.saturating_sub(skipped)).min(cols.saturating_sub(1));
        Some(Position::new(area.x + x as u16, area.y))
    }
}

/// Columns for the field label in forms.
pub const LABEL_COLS: u16 = 17;
/// Columns for the text; the rest of the row is for the hint.
pub const FIELD_COLS: u16 = 30;

/// A form row: label, field, and a hint to its right (what the value was
/// read as, or how to write it). Returns the cursor position when focused.
pub fn render_row(
    area: Rect,
    buf: &mut Buffer,
    label: &str,
    field: &TextField,
    focused: bool,
    hint: Option<(String, Style)>,
    theme: &Theme,
) -> Option<Position> {
    let label_style = if focused {
        theme.heading()
    } else {
        Style::new()
    };
    buf.set_stringn(
        area.x,
        area.y,
        fit(label, LABEL_COLS as usize - 1),
        LABEL_COLS as usize,
        label_style,
    );
    let field_cols = area.width.saturating_sub(LABEL_COLS).min(FIELD_COLS);
    let field_area = Rect::new(area.x + LABEL_COLS, area.y, field_cols, 1);
    let cursor = field.render(field_area, buf, theme.field(focused), focused);
    if let Some((text, style)) = hint {
        let x = field_area.right() + 2;
        let cols = area.right().saturating_sub(x) as usize;
        buf.set_stringn(x, area.y, fit(&text, cols), cols, style);
    }
    cursor
}

/// The error line under a field: "↳ not a phone number …", the message
/// starting under the text, cut to the width.
pub fn render_error(area: Rect, buf: &mut Buffer, error: &Message, theme: &Theme) {
    let x = area.x + LABEL_COLS - 2;
    let cols = area.right().saturating_sub(x) as usize;
    let text = fit(&format!("↳ {error}"), cols);
    buf.set_stringn(x, area.y, text, cols, theme.error());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextField {
        let mut field = TextField::default();
        for c in text.chars() {
            field.handle(InputRequest::InsertChar(c));
        }
        field
    }

    #[test]
    fn cursor_counts_display_columns() {
        let field = typed("王小明");
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 1));
        let pos = field.render(buf.area, &mut buf, Style::new(), true);
        assert_eq!(pos, Some(Position::new(6, 0)));
    }

    #[test]
    fn without_focus_the_start_shows() {
        let field = typed("anastasia.kovacevic@example.com");
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        assert_eq!(field.render(buf.area, &mut buf, Style::new(), false), None);
        let row: String = (0..10).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(row, "anastasia…");
    }

    #[test]
    fn long_text_scrolls_to_keep_the_cursor_visible() {
        let field = typed("anastasia.kovacevic@example.com");
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        let pos = field.render(buf.area, &mut buf, Style::new(), true);
        assert_eq!(pos, Some(Position::new(9, 0)));
        let row: String = (0..10).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(row, "ample.com ");
    }

    #[test]
    fn cursor_follows_chinese_and_thai_text() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 1));
        let field = typed("高玲 สมศรี");
        // Two columns each for 高玲, one for the space, four for สมศรี.
        let pos = field.render(buf.area, &mut buf, Style::new(), true);
        assert_eq!(pos, Some(Position::new(9, 0)));
        let mut scrolled = Buffer::empty(Rect::new(0, 0, 6, 1));
        let field = typed("彭秀英彭秀英");
        let pos = field.render(scrolled.area, &mut scrolled, Style::new(), true);
        // Twelve columns of text in six: the cursor stays inside the field.
        assert!(pos.is_some_and(|p| p.x < 6), "{pos:?}");
    }

    #[test]
    fn editing_clears_the_error() {
        let mut field = typed("09x");
        field.error = Some(Message::verbatim("bad"));
        assert!(field.handle(InputRequest::DeletePrevChar));
        assert_eq!(field.error, None);
        assert_eq!(field.value(), "09");
        assert!(!field.handle(InputRequest::GoToStart));
    }
}
