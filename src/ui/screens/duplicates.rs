//! The warning shown before saving a member who may already be in the club
//! (same phone, same email, or same name and birthday): open the existing
//! one, or save anyway.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::View;
use crate::domain::member::{Member, display_phone};
use crate::i18n::{t, t_args};
use crate::message::Message;
use crate::ui::format::{birthday, date_with_year, fit};
use crate::ui::keymap::{Action, DUPLICATE, Keymap, TAKEN, grouped};
use crate::ui::widgets::popup::{centered, frame};

/// The owner's answer to the warning.
#[derive(Debug, PartialEq)]
pub enum Choice {
    Stay,
    Open(i64),
    SaveAnyway,
    BackToForm,
}

#[derive(Debug)]
pub struct Duplicates {
    members: Vec<Member>,
    selected: usize,
    /// Why saving is refused (a phone, email or card the member holds):
    /// then the only ways on are opening them or going back to the form.
    refused: Option<Message>,
}

impl Duplicates {
    pub fn new(members: Vec<Member>) -> Duplicates {
        Duplicates {
            members,
            selected: 0,
            refused: None,
        }
    }

    /// The member who holds what was typed, with the refusal naming it.
    pub fn taken(holder: Member, why: Message) -> Duplicates {
        Duplicates {
            refused: Some(why),
            ..Duplicates::new(vec![holder])
        }
    }

    pub fn keymap(&self) -> Keymap {
        if self.refused.is_some() {
            TAKEN
        } else {
            DUPLICATE
        }
    }

    pub fn update(&mut self, action: Action) -> Choice {
        let n = self.members.len().max(1);
        match action {
            Action::Up => self.selected = (self.selected + n - 1) % n,
            Action::Down => self.selected = (self.selected + 1) % n,
            Action::OpenExisting => {
                if let Some(m) = self.members.get(self.selected) {
                    return Choice::Open(m.id);
                }
            }
            Action::SaveAnyway if self.refused.is_none() => return Choice::SaveAnyway,
            Action::Back => return Choice::BackToForm,
            _ => {}
        }
        Choice::Stay
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme;
        let shown = self.members.len().min(6) as u16;
        let popup = centered(area, area.width.saturating_sub(4), 7 + shown);
        let (title, intro) = match &self.refused {
            Some(why) => (t("ui-taken-title"), why.to_string()),
            None => (t("ui-duplicate-title"), t("ui-duplicate-intro")),
        };
        let title = view.dir.text(&title);
        let inner = frame(popup, buf, &title, theme).inner(Margin::new(1, 0));
        // Cut in reading order; the lines are put in drawing order below.
        let intro = fit(&intro, inner.width as usize);
        let mut lines = vec![Line::raw(intro), Line::raw("")];
        for (i, m) in self.members.iter().enumerate().take(shown as usize) {
            let d = &m.draft;
            let mut parts = vec![m.full_name()];
            parts.extend(
                d.phone
                    .as_deref()
                    .map(|p| display_phone(p, view.config.country())),
            );
            parts.extend(d.email.clone());
            parts.extend(d.birthday.map(|b| birthday(&b)));
            parts.push(t_args(
                "ui-duplicate-since",
                &[("date", &date_with_year(m.joined_at))],
            ));
            let marker = view.dir.marker(i == self.selected);
            let cols = (inner.width as usize).saturating_sub(2);
            let text = view.dir.fit_drawn(&view.dir.join(&parts, " · "), cols);
            let text = view.dir.drawn_cells(&[marker.to_string(), text]);
            let style = if i == self.selected {
                theme.selected()
            } else {
                Style::new()
            };
            lines.push(Line::styled(text, style).alignment(view.dir.alignment()));
        }
        lines.push(Line::raw(""));
        let mut keys = vec![];
        for (key, label, _) in grouped(self.keymap(), false) {
            keys.push(Span::styled(key, theme.key()));
            keys.push(Span::raw(format!(" {label}  ")));
        }
        lines.push(Line::from(keys));
        Paragraph::new(view.dir.lines(lines)).render(inner, buf);
    }
}
