//! The signup form's consent row: the channels a member agrees to be
//! contacted on, each a box to tick, read in the form's direction.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::SignupState;
use crate::domain::member::Channel;
use crate::i18n::t;
use crate::ui::format::width;
use crate::ui::screens::View;
use crate::ui::screens::signup_fields::Stop;
use crate::ui::widgets::field::LABEL_COLS;

impl SignupState {
    pub(super) fn render_consent(
        &self,
        at: Rect,
        buf: &mut Buffer,
        view: &View,
        focused: bool,
    ) -> Option<Position> {
        let theme = view.theme;
        let label_style = if focused {
            theme.heading()
        } else {
            Style::new()
        };
        // The label where reading starts; the boxes follow in reading
        // order, each box before its channel's name (on its right in Hebrew).
        let [label_area, boxes] = view.dir.row(at, LABEL_COLS);
        let label = view.dir.text(&t(Stop::Consent.label_key()));
        let label_area = Rect {
            width: label_area.width.saturating_sub(1),
            x: label_area.x + u16::from(view.dir.is_rtl()),
            ..label_area
        };
        view.dir.put(buf, label_area, &label, label_style);
        let mut used: u16 = 0;
        let mut cursor = None;
        for (i, channel) in Channel::ALL.into_iter().enumerate() {
            let mark = if self.fields.consent[i] { "[x]" } else { "[ ]" };
            let name = view.dir.text(&t(&format!("ui-channel-{}", channel.code())));
            let text = if view.dir.is_rtl() {
                format!("{name} {mark}")
            } else {
                format!("{mark} {name}")
            };
            let cols = width(&text) as u16;
            if used + cols > boxes.width {
                break;
            }
            let place = view.dir.place(
                boxes,
                Rect {
                    x: boxes.x + used,
                    width: cols,
                    ..boxes
                },
            );
            // The cursor sits inside the box.
            let mark_x = if view.dir.is_rtl() {
                place.right() - 2
            } else {
                place.x + 1
            };
            let style = if focused && i == self.consent_cursor {
                cursor = Some(Position::new(mark_x, at.y));
                theme.selected()
            } else {
                Style::new()
            };
            buf.set_stringn(place.x, at.y, &text, cols as usize, style);
            used += cols + 2;
        }
        cursor
    }
}
