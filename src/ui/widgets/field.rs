//! A one-line text field on `tui-input`: the text scrolls so the cursor stays
//! visible, and the cursor sits at the right display column even after wide
//! (CJK) or combining characters.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use tui_input::{Input, InputRequest};

use crate::message::Message;
use crate::ui::direction::{Direction, has_rtl_letter};
use crate::ui::format::{fit, graphemes, width};
use crate::ui::screens::View;
use crate::ui::theme::Theme;
use crate::ui::widgets::field_order::lay_out;

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
        dir: Direction,
    ) -> Option<Position> {
        if area.is_empty() {
            return None;
        }
        let area = Rect { height: 1, ..area };
        buf.set_style(area, style);
        let cols = area.width as usize;
        if dir.app_reorders() && has_rtl_letter(self.value()) {
            return self.render_reordered(area, buf, style, focused, dir);
        }
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

    /// Text with right-to-left letters, in the order the lists draw it;
    /// in Hebrew it keeps to the field's right, where reading starts.
    fn render_reordered(
        &self,
        area: Rect,
        buf: &mut Buffer,
        style: Style,
        focused: bool,
        dir: Direction,
    ) -> Option<Position> {
        let cols = area.width as usize;
        let drawn = lay_out(self.value(), self.input.cursor(), dir);
        let overflow = drawn.width.saturating_sub(cols);
        let shift = match (focused, dir.is_rtl()) {
            (true, _) => drawn.cursor.saturating_sub(cols - 1).min(overflow),
            // Without the cursor the start of the text matters most.
            (false, true) => overflow,
            (false, false) => 0,
        };
        let x0 = if overflow == 0 && dir.is_rtl() {
            area.right() - drawn.width as u16
        } else {
            area.x
        };
        for (col, g) in &drawn.clusters {
            if *col >= shift && col + width(g) <= shift + cols {
                buf.set_string(x0 + (col - shift) as u16, area.y, g, style);
            }
        }
        let x = (drawn.cursor.saturating_sub(shift)).min(cols - 1) as u16;
        focused.then(|| Position::new(x0 + x, area.y))
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
    view: &View,
) -> Option<Position> {
    let (theme, dir) = (view.theme, view.dir);
    let label_style = if focused {
        theme.heading()
    } else {
        Style::new()
    };
    // Label, field and hint side by side in reading order: in Hebrew the
    // label is on the right.
    let field_cols = area.width.saturating_sub(LABEL_COLS).min(FIELD_COLS);
    // Two columns between the field and its hint.
    let areas = dir.columns(area, &[LABEL_COLS, field_cols, 2, area.width], 0);
    let (label_area, field_area, hint_area) = (areas[0], areas[1], areas[3]);
    let label = dir.text(&fit(label, LABEL_COLS as usize - 1));
    let label_cell = dir.place(
        label_area,
        Rect {
            width: LABEL_COLS - 1,
            ..label_area
        },
    );
    dir.put(buf, label_cell, &label, label_style);
    let cursor = field.render(field_area, buf, theme.field(focused), focused, dir);
    if let Some((text, style)) = hint {
        dir.put(buf, hint_area, &dir.text(&text), style);
    }
    cursor
}

/// The error line under a field: "↳ not a phone number …", the message
/// starting under the text, cut to the width.
pub fn render_error(area: Rect, buf: &mut Buffer, error: &Message, theme: &Theme, dir: Direction) {
    let start = Rect::new(area.x + LABEL_COLS - 2, area.y, 0, 1);
    let under = dir.place(
        area,
        Rect {
            width: area.right().saturating_sub(start.x),
            ..start
        },
    );
    let arrow = if dir.is_rtl() { "↲" } else { "↳" };
    let text = dir.text(&format!("{arrow} {error}"));
    dir.put(buf, under, &text, theme.error());
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
        let pos = field.render(buf.area, &mut buf, Style::new(), true, Direction::LTR);
        assert_eq!(pos, Some(Position::new(6, 0)));
    }

    #[test]
    fn without_focus_the_start_shows() {
        let field = typed("anastasia.kovacevic@example.com");
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        assert_eq!(
            field.render(buf.area, &mut buf, Style::new(), false, Direction::LTR),
            None
        );
        let row: String = (0..10).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(row, "anastasia…");
    }

    #[test]
    fn long_text_scrolls_to_keep_the_cursor_visible() {
        let field = typed("anastasia.kovacevic@example.com");
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        let pos = field.render(buf.area, &mut buf, Style::new(), true, Direction::LTR);
        assert_eq!(pos, Some(Position::new(9, 0)));
        let row: String = (0..10).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(row, "ample.com ");
    }

    #[test]
    fn cursor_follows_chinese_and_thai_text() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 1));
        let field = typed("高玲 สมศรี");
        // Two columns each for 高玲, one for the space, four for สมศรี.
        let pos = field.render(buf.area, &mut buf, Style::new(), true, Direction::LTR);
        assert_eq!(pos, Some(Position::new(9, 0)));
        let mut scrolled = Buffer::empty(Rect::new(0, 0, 6, 1));
        let field = typed("彭秀英彭秀英");
        let pos = field.render(
            scrolled.area,
            &mut scrolled,
            Style::new(),
            true,
            Direction::LTR,
        );
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
