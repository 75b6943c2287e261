//! The small step before a contact list is written, shared by the
//! Segments screen and the weekly review: the channel (SMS or email), the
//! format (CSV or vCard), and how many of the group the list will hold —
//! counted by the same operation that writes it, so what is shown is what
//! is written. Enter hands the choice back to the screen, which writes.

use std::collections::HashSet;

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Effect, View};
use crate::context::Ctx;
use crate::domain::member::Channel;
use crate::i18n::{t, t_args};
use crate::message::{Arg, Message};
use crate::ops::contact_lists::{self, Planned};
use crate::ops::export_contacts::{ListFormat, Phones};
use crate::ui::format::{fit, pad, width, wrap};
use crate::ui::keymap::Action;
use crate::ui::widgets::popup::{centered, frame};
use crate::words::review::channel_name;

/// The CSV a screen writes: phones as the shop dials them, guarded.
const CSV: ListFormat = ListFormat::Csv(Phones::National);

#[derive(Debug)]
pub struct ContactsExport {
    /// What the list is of, for the title ("Dog owners", "Birthdays").
    pub title: String,
    pub group: HashSet<i64>,
    pub channel: Channel,
    pub format: ListFormat,
    /// For the channel chosen, or why it could not be counted.
    planned: Result<Planned, Message>,
}

/// What a key in the step comes to.
#[derive(Debug)]
pub enum Step {
    /// Still choosing; the effect (usually none) is the screen's.
    Stay(Effect),
    Cancel,
    /// Enter: write the list with the choice as it stands.
    Write,
}

impl ContactsExport {
    pub fn open(ctx: &Ctx, title: String, group: HashSet<i64>) -> ContactsExport {
        let mut step = ContactsExport {
            title,
            group,
            channel: Channel::Sms,
            format: CSV,
            planned: Ok(Planned {
                written: 0,
                left_out: 0,
            }),
        };
        step.count(ctx);
        step
    }

    fn count(&mut self, ctx: &Ctx) {
        self.planned = contact_lists::plan(ctx, self.channel, &self.group).map_err(|e| e.message());
    }

    fn pick(&mut self, channel: Channel, ctx: &Ctx) {
        if self.channel != channel {
            self.channel = channel;
            self.count(ctx);
        }
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Step {
        match action {
            Action::NextField => {
                let other = match self.channel {
                    Channel::Sms => Channel::Email,
                    _ => Channel::Sms,
                };
                self.pick(other, ctx);
            }
            Action::ExportSms => self.pick(Channel::Sms, ctx),
            Action::ExportEmail => self.pick(Channel::Email, ctx),
            Action::ExportCsv => self.format = CSV,
            Action::ExportVcard => self.format = ListFormat::Vcard,
            Action::Save => {
                return match &self.planned {
                    Err(why) => Step::Stay(Effect::Error(why.clone())),
                    Ok(_) => Step::Write,
                };
            }
            Action::Back => return Step::Cancel,
            Action::Quit => return Step::Stay(Effect::Quit),
            _ => {}
        }
        Step::Stay(Effect::None)
    }

    /// A box over the screen; its keys are on the status bar.
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let (theme, dir) = (view.theme, view.dir);
        let popup = centered(area, 72, 8);
        let title = dir.text(&fit(
            &t_args("ui-export-title", &[("name", &self.title)]),
            usize::from(popup.width.saturating_sub(6)),
        ));
        let inner = frame(popup, buf, &title, theme).inner(Margin::new(1, 0));
        let labels = [t("ui-export-channel"), t("ui-export-format")];
        let label_cols = labels.iter().map(|l| width(l)).max().unwrap_or(0).min(16) + 2;
        let choice = |label: &str, options: Vec<(String, bool)>| {
            let mut spans = vec![Span::raw(pad(&fit(label, label_cols - 2), label_cols))];
            for (name, on) in options {
                let style = if on { theme.selected() } else { theme.dim() };
                let marker = if on { "▶ " } else { "  " };
                spans.push(Span::styled(format!("{marker}{name} "), style));
                spans.push(Span::raw(" "));
            }
            dir.line(spans)
        };
        let mut lines = vec![
            Line::raw(""),
            choice(
                &labels[0],
                [Channel::Sms, Channel::Email]
                    .into_iter()
                    .map(|c| (channel_name(c), c == self.channel))
                    .collect(),
            ),
            choice(
                &labels[1],
                vec![
                    (t("ui-export-csv"), self.format == CSV),
                    (t("ui-export-vcard"), self.format == ListFormat::Vcard),
                ],
            ),
            Line::raw(""),
        ];
        let (text, style) = match &self.planned {
            Ok(planned) => (planned_text(planned).to_string(), theme.good()),
            Err(why) => (why.to_string(), theme.error()),
        };
        // Put in drawing order by `lines` below, once.
        for line in wrap(&text, usize::from(inner.width)).into_iter().take(2) {
            lines.push(Line::styled(line, style));
        }
        Paragraph::new(dir.lines(lines)).render(inner, buf);
    }
}

/// "3 members will be written; 2 left out without consent".
pub fn planned_text(planned: &Planned) -> Message {
    Message::with(
        "ui-export-will-write",
        vec![
            ("written", members(planned.written)),
            ("left", members(planned.left_out)),
        ],
    )
}

/// The status line after writing: where, how many, how many left out.
pub fn written_text(path: &std::path::Path, planned: &Planned) -> Message {
    Message::with(
        "ui-export-written",
        vec![
            ("path", Arg::Text(path.display().to_string())),
            ("written", members(planned.written)),
            ("left", members(planned.left_out)),
        ],
    )
}

fn members(count: usize) -> Arg {
    Arg::message(Message::count("ui-export-members", "count", count as i64))
}
