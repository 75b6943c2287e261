//! The weekly review's contact actions: asking how a member was
//! contacted (and drawing that choice), marking the row contacted, copying
//! the ready-to-send message, and exporting the contacts of the list shown
//! through the export step every contact list goes through.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::contacts_export::{ContactsExport, Step, written_text};
use super::review::{ContactChoice, ReviewState};
use super::{Effect, View};
use crate::context::Ctx;
use crate::domain::contact::ContactChannel;
use crate::domain::review::{ReviewRow, Section};
use crate::i18n::{t, t_args};
use crate::message::Message;
use crate::ops::review;
use crate::ui::format::pad;
use crate::ui::keymap::{Action, REVIEW_CONTACT};
use crate::ui::widgets::popup::{centered, frame};
use crate::words::dates::day_text;
use crate::words::review::{contact_channel_name, reason_text};

impl ReviewState {
    pub(super) fn ask_channel(&mut self) -> Effect {
        let Some(row) = self.selected_row() else {
            return Effect::None;
        };
        if row.reason.is_none() {
            return Effect::Error(Message::plain("ui-review-nothing-to-send"));
        }
        self.choice = Some(ContactChoice {
            channels: row.allowed_channels(),
            selected: 0,
        });
        Effect::None
    }

    pub(super) fn update_choice(&mut self, action: Action, ctx: &Ctx) -> Effect {
        let Some(choice) = &mut self.choice else {
            return Effect::None;
        };
        let n = choice.channels.len().max(1);
        match action {
            Action::Up => choice.selected = (choice.selected + n - 1) % n,
            Action::Down => choice.selected = (choice.selected + 1) % n,
            Action::Back => self.choice = None,
            Action::Quit => return Effect::Quit,
            Action::Save => {
                let channel = choice.channels.get(choice.selected).copied();
                self.choice = None;
                if let Some(channel) = channel {
                    return self.mark(channel, ctx);
                }
            }
            _ => {}
        }
        Effect::None
    }

    /// Opens the export step (`x`) for the members of the list on screen.
    pub(super) fn export(&mut self, ctx: &Ctx) -> Effect {
        if self.rows().is_empty() {
            return Effect::Error(Message::plain("ui-review-nothing-to-export"));
        }
        let group = self.rows().iter().map(|r| r.member_id).collect();
        let title = t(&format!("ui-review-tab-{}", self.section.code()));
        self.export = Some(ContactsExport::open(ctx, title, group));
        Effect::None
    }

    /// A key while the export step is open; Enter writes the list on the
    /// channel chosen and says where it went.
    pub(super) fn update_export(&mut self, action: Action, ctx: &Ctx) -> Effect {
        let Some(step) = &mut self.export else {
            return Effect::None;
        };
        match step.update(action, ctx) {
            Step::Stay(effect) => effect,
            Step::Cancel => {
                self.export = None;
                Effect::None
            }
            Step::Write => {
                let (channel, format) = (step.channel, step.format);
                let today = self.review.today;
                let reason = |row: &ReviewRow| reason_text(row, today);
                let rows = self.rows();
                match review::review_list(
                    ctx,
                    self.section,
                    self.days(),
                    rows,
                    &reason,
                    channel,
                    format,
                ) {
                    Ok(done) => {
                        self.export = None;
                        Effect::Notice(written_text(&done.path, &done.planned))
                    }
                    Err(e) => e.into(),
                }
            }
        }
    }

    /// Writes the contact log entry and greys the row out.
    fn mark(&mut self, channel: ContactChannel, ctx: &Ctx) -> Effect {
        let index = self.selected_index();
        let Some(row) = self.rows().get(index) else {
            return Effect::None;
        };
        if row.reason.is_none() {
            return Effect::None;
        }
        let entry = match review::mark_contacted(ctx, row, channel) {
            Ok(entry) => entry,
            Err(e) => return e.into(),
        };
        let now = entry.at;
        let list = match self.section {
            Section::Birthdays => &mut self.review.birthdays,
            Section::Lapsed => &mut self.review.lapsed,
            Section::NearTier | Section::Missing | Section::OpenNotes => return Effect::None,
        };
        let Some(row) = list.get_mut(index) else {
            return Effect::None;
        };
        row.contacted = Some(entry);
        Effect::Notice(Message::new(
            "ui-review-marked",
            &[
                ("name", &row.full_name()),
                ("channel", &contact_channel_name(channel)),
                ("date", &day_text(now.date())),
            ],
        ))
    }

    pub(super) fn copy(&self) -> Effect {
        match self.selected_row() {
            Some(row) => match &row.message {
                Some((text, _)) => Effect::Many(vec![
                    Effect::Copy(text.clone()),
                    Effect::Notice(Message::new(
                        "ui-review-copied",
                        &[("name", &row.member.first_name)],
                    )),
                ]),
                None => Effect::Error(Message::plain("ui-review-no-message")),
            },
            None => Effect::None,
        }
    }

    pub(super) fn render_choice(
        &self,
        choice: &ContactChoice,
        area: Rect,
        buf: &mut Buffer,
        view: &View,
    ) {
        let theme = view.theme;
        let name = self
            .selected_row()
            .map(|r| r.full_name())
            .unwrap_or_default();
        let only_in_shop = choice.channels.len() == 1;
        let height = choice.channels.len() as u16 + 4 + if only_in_shop { 2 } else { 0 };
        let popup = centered(area, 56, height);
        let title = view
            .dir
            .text(&t_args("ui-review-choice-title", &[("name", &name)]));
        let inner = frame(popup, buf, &title, theme).inner(Margin::new(1, 0));
        let mut lines = vec![];
        for (i, channel) in choice.channels.iter().enumerate() {
            let marker = if i == choice.selected { "▶ " } else { "  " };
            let style = if i == choice.selected {
                theme.selected()
            } else {
                Style::new()
            };
            let label = pad(
                &contact_channel_name(*channel),
                inner.width.saturating_sub(2) as usize,
            );
            lines.push(
                view.dir
                    .line(vec![Span::styled(format!("{marker}{label}"), style)]),
            );
        }
        lines.push(Line::raw(""));
        if only_in_shop {
            lines.push(Line::styled(t("ui-review-only-in-shop"), theme.dim()));
            lines.push(Line::raw(""));
        }
        let keys = crate::ui::widgets::popup::key_hints(REVIEW_CONTACT, theme);
        lines.push(Line::from(keys));
        Paragraph::new(view.dir.lines(lines)).render(inner, buf);
    }
}
