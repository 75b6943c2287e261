//! Drawing the weekly review: the sections as tabs, the window (7/14/30
//! days), the rows with the channels each member agreed to (greyed once
//! contacted), and below the list the selected row's contact details and
//! ready-to-send message. Reads the state only.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use super::View;
use super::review::ReviewState;
use crate::domain::member::display_phone;
use crate::domain::review::{NearTier, ReviewRow, RowKind, Section};
use crate::i18n::{t, t_args, t_count};
use crate::ui::direction::Direction;
use crate::ui::format::{fit, pad, width, wrap};
use crate::ui::table::wanted;
use crate::words::dates::{day_text, days_text};
use crate::words::loyalty::tier_gap;
use crate::words::review::{
    SEP, channels_text, contact_channel_name, contact_channel_short, household_parts,
    open_notes_text,
};

const DAY: usize = 11;
const AGREES: usize = 14;

impl ReviewState {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        let block = Block::bordered()
            .border_style(theme.border(self.choice.is_none() && self.export.is_none()))
            .title(view.dir.title(&t("ui-review-title"), theme.heading()));
        let inner = block.inner(area).inner(Margin::new(1, 0));
        block.render(area, buf);
        let [tabs, intro, header, list, rule, detail] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(4),
        ])
        .areas(inner);
        view.dir
            .line(self.tab_spans(view, tabs.width as usize))
            .render(tabs, buf);
        view.dir.line(self.intro_spans(view)).render(intro, buf);
        self.render_header(header, buf, view);
        self.render_list(list, buf, view);
        buf.set_string(rule.x, rule.y, "─".repeat(rule.width as usize), theme.dim());
        Paragraph::new(self.detail_lines(detail.width as usize, view)).render(detail, buf);
        if let Some(choice) = &self.choice {
            self.render_choice(choice, area, buf, view);
        }
        if let Some(step) = &self.export {
            step.render(area, buf, view);
        }
        None
    }

    fn render_header(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let (day, who) = (self.day_heading(), t("ui-col-name"));
        let who = match self.section() {
            Section::Birthdays => t("ui-review-col-who"),
            _ => who,
        };
        if self.section() == Section::NearTier {
            if !self.rows().is_empty() {
                self.render_near_header(area, buf, view);
            }
            return;
        }
        let day_cols = self.day_cols(&day);
        let agrees_cols = agrees_cols();
        let text_cols = (area.width as usize).saturating_sub(2 + day_cols + agrees_cols + 1);
        let line = view.dir.cells(&[
            "  ".to_string(),
            pad(&day, day_cols),
            pad(&who, text_cols),
            format!(" {}", pad(&t("ui-review-col-agrees"), agrees_cols)),
        ]);
        view.dir.put(buf, area, &line, view.theme.heading());
    }

    /// The day column: wide enough for its heading and the longest day
    /// shown and a space ("Wed 30 Sept", "11月23日周一"), never narrower
    /// than before.
    fn day_cols(&self, heading: &str) -> usize {
        // Each day once: a month of a big club is thousands of rows on
        // about thirty days, and formatting a date is the costly part.
        let mut days: Vec<_> = self.rows().iter().filter_map(|r| r.date).collect();
        days.sort_unstable();
        days.dedup();
        let days = days.into_iter().map(day_text);
        (wanted(heading, days) + 1).clamp(DAY, 2 * DAY)
    }

    /// The heading of the day column in this section.
    fn day_heading(&self) -> String {
        match self.section() {
            Section::Birthdays => t("ui-review-col-day"),
            Section::OpenNotes => t("ui-review-col-open-since"),
            _ => t("ui-col-last-visit"),
        }
    }

    fn render_list(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme;
        let rows = self.rows();
        if rows.is_empty() {
            let note = match self.section() {
                Section::Birthdays => {
                    t_count("ui-review-no-birthdays", "days", i64::from(self.days()))
                }
                Section::NearTier => match self.review.near_tier {
                    NearTier::NotSetUp => t("ui-review-no-loyalty"),
                    NearTier::Members(_) => t("ui-review-no-near"),
                },
                Section::Lapsed => t("ui-review-no-lapsed"),
                Section::Missing => t("ui-review-no-missing"),
                Section::OpenNotes => t("ui-review-no-open-notes"),
            };
            let lines: Vec<Line> = wrap(&note, area.width.saturating_sub(2) as usize)
                .into_iter()
                .map(|l| Line::styled(format!("  {l}"), theme.dim()))
                .collect();
            Paragraph::new(view.dir.lines(lines)).render(area, buf);
            return;
        }
        if self.section() == Section::NearTier {
            return self.render_near_list(area, buf, view);
        }
        let visible = area.height as usize;
        let selected = self.selected_index();
        let offset = (selected + 1).saturating_sub(visible);
        let day_cols = self.day_cols(&self.day_heading());
        let agrees_cols = agrees_cols();
        let text_cols = (area.width as usize).saturating_sub(2 + day_cols + agrees_cols + 1);
        for (i, y) in (offset..rows.len()).zip(area.y..area.bottom()) {
            let row = &rows[i];
            // The day only where it changes, so rows group by day.
            let new_day = i == offset || rows[i - 1].date != row.date;
            let day = match row.date {
                Some(date) if new_day => day_text(date),
                Some(_) => String::new(),
                None => t("ui-none"),
            };
            let (agrees, done) = match &row.contacted {
                Some(entry) => (
                    format!(
                        "✓ {} {}",
                        contact_channel_short(entry.channel),
                        short_date(entry.at.date())
                    ),
                    true,
                ),
                None => (channels_text(&row.member.channels), false),
            };
            let marker = match (i == selected, view.dir.is_rtl()) {
                (false, _) => "  ",
                (true, false) => "▶ ",
                (true, true) => "◀ ",
            };
            let line = view.dir.drawn_cells(&[
                marker.to_string(),
                pad(&view.dir.text(&day), day_cols),
                pad(
                    &view.dir.fit_drawn(&list_text(row, view.dir), text_cols),
                    text_cols,
                ),
                format!(" {}", pad(&view.dir.text(&agrees), agrees_cols)),
            ]);
            let style = match (i == selected, done) {
                (true, _) => theme.selected(),
                (false, true) => theme.dim(),
                (false, false) => Style::new(),
            };
            let row_area = Rect::new(area.x, y, area.width, 1);
            buf.set_style(row_area, style);
            view.dir.put(buf, row_area, &line, style);
        }
    }

    /// Under the list: the whole row (the list cuts long households), how
    /// the member may be reached, and the message ready to send.
    fn detail_lines(&self, cols: usize, view: &View) -> Vec<Line<'static>> {
        let theme = view.theme;
        let Some(row) = self.selected_row() else {
            return vec![];
        };
        let mut lines = vec![
            Line::styled(
                view.dir.fit_drawn(&list_text(row, view.dir), cols),
                theme.heading(),
            )
            .alignment(view.dir.alignment()),
        ];
        if let RowKind::Missing { .. } = row.kind {
            lines.push(
                view.dir
                    .text_line(Line::styled(t("ui-review-missing-hint"), theme.dim())),
            );
            return lines;
        }
        if let RowKind::OpenNotes { oldest_text, .. } = &row.kind {
            // What waits longest, in full when the line above cut it,
            // then how the counter resolves it.
            if width(&list_text(row, view.dir)) > cols {
                let mut said = wrap(oldest_text, cols);
                said.truncate(2);
                lines.extend(said.into_iter().map(|l| view.dir.text_line(Line::raw(l))));
            }
            lines.push(
                view.dir
                    .text_line(Line::styled(t("ui-review-open-notes-hint"), theme.dim())),
            );
            return lines;
        }
        let mut how = vec![];
        if let (RowKind::Celebrations(_), Some(date)) = (&row.kind, row.date) {
            let days = (date - self.review.today).num_days();
            how.push(format!("{} ({})", day_text(date), days_text(days)));
        }
        if let Some(entry) = &row.contacted {
            how.push(t_args(
                "ui-review-done",
                &[
                    ("channel", &contact_channel_name(entry.channel)),
                    ("date", &day_text(entry.at.date())),
                ],
            ));
        }
        how.extend(self.contact_details(row, view));
        let how = view.dir.join(&how, SEP);
        lines.push(Line::raw(view.dir.fit_drawn(&how, cols)).alignment(view.dir.alignment()));
        if let Some((message, language)) = &row.message {
            // The message reads in its own language's direction, also on
            // a screen in another language.
            let dir = Direction::new(language == "he", !view.dir.app_reorders());
            let mut wrapped = wrap(message, cols);
            if wrapped.len() > 2 {
                wrapped.truncate(2);
                wrapped[1] = fit(&format!("{} …", wrapped[1]), cols);
            }
            let style = if row.contacted.is_some() {
                theme.dim()
            } else {
                theme.good()
            };
            lines.extend(
                wrapped
                    .iter()
                    .map(|l| Line::styled(dir.text(l), style).alignment(dir.alignment())),
            );
        }
        lines
    }

    /// "SMS 091 234 5678 · Email ana@example.com", consented channels only.
    fn contact_details(&self, row: &ReviewRow, view: &View) -> Vec<String> {
        if row.member.channels.is_empty() {
            return vec![t("ui-review-no-consent-detail")];
        }
        let mut parts = vec![];
        if let Some(phone) = row.consented_phone() {
            parts.push(display_phone(phone, view.config.country()));
        }
        if let Some(email) = row.consented_email() {
            parts.push(email.to_string());
        }
        if parts.is_empty() {
            parts.push(channels_text(&row.member.channels));
        }
        parts
    }
}

/// "23 Nov" for the narrow column of a done row.
fn short_date(date: chrono::NaiveDate) -> String {
    crate::words::dates::day_month(date)
}

/// The row's text in the list: the household's day, or the member with
/// why. Each part is put in drawing order on its own, so a Hebrew name
/// never swaps places with the parts around it.
fn list_text(row: &ReviewRow, dir: crate::ui::direction::Direction) -> String {
    let name = row.full_name();
    let parts = match &row.kind {
        RowKind::Celebrations(day) => household_parts(day, &name),
        RowKind::Lapsed { visits, .. } => vec![name, t_count("ui-visits", "count", *visits)],
        RowKind::NearTier { gap } => vec![name, tier_gap(gap)],
        RowKind::Missing {
            no_birthday,
            no_consent,
            ..
        } => {
            let mut parts = vec![name];
            if *no_birthday {
                parts.push(t("review-no-birthday"));
            }
            if *no_consent {
                parts.push(t("review-no-consent"));
            }
            parts
        }
        RowKind::OpenNotes {
            complaints,
            requests,
            oldest_text,
        } => {
            let mut parts = vec![name];
            parts.extend(open_notes_text(*complaints, *requests));
            parts.push(oldest_text.clone());
            parts
        }
    };
    dir.join(&parts, SEP)
}

/// The column of channels a member agreed to: as wide as its heading.
pub(super) fn agrees_cols() -> usize {
    wanted(&t("ui-review-col-agrees"), [" ".repeat(AGREES)])
}
