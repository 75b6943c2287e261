//! Drawing the signup form: the fields a customer usually gives first,
//! the optional ones under their heading, how they found the club (a new
//! member only), and the duplicates or the found-us picker over it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Block, Widget};

use super::SignupState;
use crate::i18n::{t, t_args};
use crate::ui::format::fit;
use crate::ui::screens::View;
use crate::ui::screens::signup_fields::{Stop, hint};
use crate::ui::widgets::field::{render_error, render_row};

impl SignupState {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        let title = match &self.editing {
            Some((_, name)) => t_args("ui-signup-edit-title", &[("name", name)]),
            None => t("ui-signup-title"),
        };
        let block = Block::bordered()
            .border_style(theme.border(true))
            .title(view.dir.title(&title, theme.heading()));
        let inner = block.inner(area).inner(ratatui::layout::Margin::new(1, 0));
        block.render(area, buf);
        let mut cursor = None;
        let mut y = inner.y;
        let row = |y: &mut u16| {
            let at = (*y < inner.bottom()).then(|| Rect::new(inner.x, *y, inner.width, 1));
            *y += 1;
            at
        };
        for (i, stop) in Stop::ALL.into_iter().enumerate() {
            // A stored member's referral was given at signup: not asked again.
            if stop == Stop::FoundUs && self.editing.is_some() {
                continue;
            }
            let focused = i == self.focus && self.duplicates.is_none();
            if stop.starts_optional() {
                row(&mut y);
                if let Some(at) = row(&mut y) {
                    let text = view.dir.text(&t("ui-signup-optional"));
                    view.dir.put(buf, at, &text, theme.dim());
                }
            }
            let Some(at) = row(&mut y) else { break };
            if stop == Stop::Consent {
                let c = self.render_consent(at, buf, view, focused);
                cursor = cursor.or(c);
                continue;
            }
            if stop == Stop::FoundUs {
                cursor = cursor.or(self.render_found_us(at, buf, view, focused));
                continue;
            }
            let field = self.fields.get(stop);
            let hint = hint(stop, &self.fields, view.today, view.config)
                .map(|(text, ok)| (text, if ok { theme.good() } else { theme.dim() }));
            let c = render_row(at, buf, &t(stop.label_key()), field, focused, hint, view);
            cursor = cursor.or(c);
            if let Some(error) = &field.error
                && let Some(at) = row(&mut y)
            {
                render_error(at, buf, error, theme, view.dir);
            }
        }
        if let Some(at) = row(&mut y).and_then(|_| row(&mut y)) {
            let text = view
                .dir
                .text(&fit(&t("ui-signup-footer"), at.width as usize));
            view.dir.put(buf, at, &text, theme.dim());
        }
        if let Some(dups) = &self.duplicates {
            dups.render(area, buf, view);
            return None;
        }
        if let Some(picker) = &self.picker {
            return picker.render(area, buf, view);
        }
        cursor
    }
}
