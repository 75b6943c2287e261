//! A popup to pick a member the way the counter finds one: type a few
//! letters of a name, phone digits, an email or a card number; ↑↓ choose,
//! Enter picks. Used to link a till customer to a member: the search
//! starts from the name the till wrote, its matches shown at once.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::View;
use crate::context::Ctx;
use crate::domain::member::{display_phone, full_name};
use crate::error::Result;
use crate::i18n::t;
use crate::message::Message;
use crate::ops::lookup::{self, MemberRow};
use crate::ui::format::fit;
use crate::ui::keymap::{Action, UNMATCHED_LINK};
use crate::ui::widgets::field::TextField;
use crate::ui::widgets::popup::{centered, frame};

/// Matches listed in the popup.
const SHOWN: usize = 8;

/// What the owner did in the popup.
#[derive(Debug, PartialEq, Eq)]
pub enum LinkChoice {
    Stay,
    Cancel,
    /// The member's id and name.
    Link(i64, String),
}

#[derive(Debug)]
pub struct MemberPicker {
    title: Message,
    search: TextField,
    rows: Vec<MemberRow>,
    selected: usize,
}

impl MemberPicker {
    /// The popup with `search` typed in already and its matches listed.
    pub fn open(title: Message, search: &str, ctx: &Ctx) -> Result<MemberPicker> {
        let mut field = TextField::default();
        field.set(search);
        let mut picker = MemberPicker {
            title,
            search: field,
            rows: Vec::new(),
            selected: 0,
        };
        picker.reload(ctx)?;
        Ok(picker)
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        self.rows = lookup::pick_members(ctx, self.search.value(), SHOWN)?;
        self.selected = 0;
        Ok(())
    }

    /// What is typed in the search.
    pub fn search(&self) -> &str {
        self.search.value()
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Result<LinkChoice> {
        let n = self.rows.len().max(1);
        match action {
            Action::Input(request) if self.search.handle(request) => self.reload(ctx)?,
            Action::Up => self.selected = (self.selected + n - 1) % n,
            Action::Down => self.selected = (self.selected + 1) % n,
            Action::Open => {
                if let Some(row) = self.rows.get(self.selected) {
                    let name = full_name(&row.first_name, &row.family_name);
                    return Ok(LinkChoice::Link(row.id, name));
                }
            }
            Action::Back => return Ok(LinkChoice::Cancel),
            _ => {}
        }
        Ok(LinkChoice::Stay)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        let popup = centered(area, area.width.saturating_sub(4), SHOWN as u16 + 6);
        let inner = frame(
            popup,
            buf,
            &view
                .dir
                .text(&fit(&self.title.to_string(), popup.width as usize - 6)),
            theme,
        )
        .inner(Margin::new(1, 0));
        let cols = inner.width as usize;
        // The prompt where reading starts, as in the counter's search box.
        let [prompt, field] = view.dir.row(Rect { height: 1, ..inner }, 2);
        let prompt_text = if view.dir.is_rtl() { " <" } else { "> " };
        buf.set_string(prompt.x, prompt.y, prompt_text, theme.key());
        if self.search.is_blank() {
            let placeholder = view.dir.text(&t("ui-counter-placeholder"));
            view.dir.put(buf, field, &placeholder, theme.dim());
        }
        let cursor = self.search.render(field, buf, Style::new(), true, view.dir);
        let mut lines = vec![Line::raw("")];
        for (i, row) in self.rows.iter().enumerate() {
            let mut parts = vec![full_name(&row.first_name, &row.family_name)];
            parts.extend(
                row.phone
                    .as_deref()
                    .map(|p| display_phone(p, view.config.country())),
            );
            parts.extend(row.email.clone());
            parts.extend(row.card.clone());
            let chosen = i == self.selected;
            let marker = view.dir.marker(chosen);
            let style = if chosen {
                theme.selected()
            } else {
                Style::new()
            };
            let text = view.dir.fit_drawn(&view.dir.join(&parts, " · "), cols - 2);
            let text = view.dir.drawn_cells(&[marker.to_string(), text]);
            lines.push(Line::styled(text, style).alignment(view.dir.alignment()));
        }
        if self.rows.is_empty() {
            lines.push(Line::styled(t("ui-counter-none-found"), theme.dim()));
        }
        let keys = crate::ui::widgets::popup::key_hints(UNMATCHED_LINK, theme);
        let body = Rect::new(
            inner.x,
            inner.y + 1,
            inner.width,
            inner.height.saturating_sub(2),
        );
        Paragraph::new(view.dir.lines(lines)).render(body, buf);
        Paragraph::new(view.dir.line(keys)).render(
            Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1),
            buf,
        );
        cursor
    }
}
