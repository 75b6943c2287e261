//! Drawing the weekly review: the sections as tabs, the window (7/14/30
//! days), the rows with the channels each member agreed to (greyed once
//! contacted), and below the list the selected row's contact details and
//! ready-to-send message. Reads the state only.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::View;
use super::review::{ContactChoice, ReviewState, WINDOWS};
use crate::domain::member::display_phone;
use crate::domain::review::{ReviewRow, RowKind, Section};
use crate::i18n::{t, t_args, t_count};
use crate::ui::format::{fit, pad, width, wrap};
use crate::ui::keymap::{REVIEW_CONTACT, grouped};
use crate::ui::widgets::popup::{centered, frame};
use crate::words::dates::{day_text, days_text};
use crate::words::loyalty::tier_gap;
use crate::words::review::{
    SEP, channels_text, contact_channel_name, contact_channel_short, household_parts,
};

const DAY: usize = 11;
const AGREES: usize = 14;

impl ReviewState {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        let block = Block::bordered()
            .border_style(theme.border(self.choice.is_none()))
            .title(Span::styled(
                format!(" {} ", t("ui-review-title")),
                theme.heading(),
            ));
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
        Line::from(self.tab_spans(view)).render(tabs, buf);
        Line::from(self.intro_spans(view)).render(intro, buf);
        self.render_header(header, buf, view);
        self.render_list(list, buf, view);
        buf.set_string(rule.x, rule.y, "─".repeat(rule.width as usize), theme.dim());
        Paragraph::new(self.detail_lines(detail.width as usize, view)).render(detail, buf);
        if let Some(choice) = &self.choice {
            self.render_choice(choice, area, buf, view);
        }
        None
    }

    fn tab_spans(&self, view: &View) -> Vec<Span<'static>> {
        let mut spans = vec![];
        for (i, section) in Section::ALL.into_iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" │ ", view.theme.dim()));
            }
            let count = self.rows_of(section).len();
            let name = t(&format!("ui-review-tab-{}", section.code()));
            let label = match section {
                Section::NearTier => format!(" {name} "),
                Section::Missing => format!(" {name} ({}) ", self.review.missing_total),
                _ => format!(" {name} ({count}) "),
            };
            let style = if section == self.section() {
                view.theme.selected()
            } else {
                Style::new()
            };
            spans.push(Span::styled(label, style));
        }
        spans
    }

    fn intro_spans(&self, view: &View) -> Vec<Span<'static>> {
        let theme = view.theme;
        match self.section() {
            Section::Birthdays => {
                let mut spans = vec![Span::raw(format!("{} ", t("ui-review-next")))];
                for (i, days) in WINDOWS.into_iter().enumerate() {
                    if i > 0 {
                        spans.push(Span::styled(" · ", theme.dim()));
                    }
                    let style = if days == self.days() {
                        theme.key()
                    } else {
                        theme.dim()
                    };
                    spans.push(Span::styled(days.to_string(), style));
                }
                let last = self.review.today + chrono::Duration::days(i64::from(self.days()));
                spans.push(Span::raw(format!(
                    " {}: {} – {}",
                    t("ui-review-days"),
                    day_text(self.review.today),
                    day_text(last)
                )));
                spans
            }
            Section::Lapsed => {
                let rule = &view.config.reminders;
                vec![Span::styled(
                    t_args(
                        "ui-review-lapsed-intro",
                        &[
                            ("visits", &rule.lapsed_visits.to_string()),
                            ("months", &rule.lapsed_months.to_string()),
                            ("weeks", &rule.lapsed_weeks.to_string()),
                        ],
                    ),
                    theme.dim(),
                )]
            }
            Section::Missing => vec![Span::styled(t("ui-review-missing-intro"), theme.dim())],
            Section::NearTier => vec![],
        }
    }

    fn render_header(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let (day, who) = match self.section() {
            Section::Birthdays => (t("ui-review-col-day"), t("ui-review-col-who")),
            _ => (t("ui-col-last-visit"), t("ui-col-name")),
        };
        if self.section() == Section::NearTier {
            return;
        }
        let day_cols = self.day_cols();
        let text_cols = (area.width as usize).saturating_sub(2 + day_cols + AGREES + 1);
        let line = format!(
            "  {}{} {}",
            pad(&day, day_cols),
            pad(&who, text_cols),
            fit(&t("ui-review-col-agrees"), AGREES)
        );
        buf.set_stringn(
            area.x,
            area.y,
            line,
            area.width as usize,
            view.theme.heading(),
        );
    }

    /// The day column: wide enough for the longest day shown and a space
    /// ("Wed 30 Sept", "11月23日周一"), never narrower than before.
    fn day_cols(&self) -> usize {
        let widest = self
            .rows()
            .iter()
            .filter_map(|r| r.date)
            .map(|d| width(&day_text(d)));
        widest.max().map_or(DAY, |w| (w + 1).clamp(DAY, 2 * DAY))
    }

    fn render_list(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme;
        let rows = self.rows();
        if rows.is_empty() {
            let note = match self.section() {
                Section::Birthdays => {
                    t_count("ui-review-no-birthdays", "days", i64::from(self.days()))
                }
                Section::NearTier => t("ui-review-no-loyalty"),
                Section::Lapsed => t("ui-review-no-lapsed"),
                Section::Missing => t("ui-review-no-missing"),
            };
            let lines: Vec<Line> = wrap(&note, area.width.saturating_sub(2) as usize)
                .into_iter()
                .map(|l| Line::styled(format!("  {l}"), theme.dim()))
                .collect();
            Paragraph::new(lines).render(area, buf);
            return;
        }
        let visible = area.height as usize;
        let selected = self.selected_index();
        let offset = (selected + 1).saturating_sub(visible);
        let day_cols = self.day_cols();
        let text_cols = (area.width as usize).saturating_sub(2 + day_cols + AGREES + 1);
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
            let marker = if i == selected { "▶ " } else { "  " };
            let line = format!(
                "{marker}{}{} {}",
                pad(&day, day_cols),
                pad(&list_text(row, view.dir), text_cols),
                fit(&agrees, AGREES)
            );
            let style = match (i == selected, done) {
                (true, _) => theme.selected(),
                (false, true) => theme.dim(),
                (false, false) => Style::new(),
            };
            let row_area = Rect::new(area.x, y, area.width, 1);
            buf.set_style(row_area, style);
            buf.set_stringn(
                area.x,
                y,
                fit(&line, area.width as usize),
                area.width as usize,
                style,
            );
        }
    }

    /// Under the list: the whole row (the list cuts long households), how
    /// the member may be reached, and the message ready to send.
    fn detail_lines(&self, cols: usize, view: &View) -> Vec<Line<'static>> {
        let theme = view.theme;
        let Some(row) = self.selected_row() else {
            return vec![];
        };
        let mut lines = vec![Line::styled(
            fit(&list_text(row, view.dir), cols),
            theme.heading(),
        )];
        if let RowKind::Missing { .. } = row.kind {
            lines.push(Line::styled(t("ui-review-missing-hint"), theme.dim()));
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
        how.extend(
            self.contact_details(row, view)
                .iter()
                .map(|p| view.dir.text(p)),
        );
        lines.push(Line::raw(fit(&how.join(SEP), cols)));
        if let Some((message, language)) = &row.message {
            let rtl = language == "he";
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
            lines.extend(wrapped.iter().map(|l| {
                let line = Line::styled(message_line(l, rtl), style);
                if rtl { line.right_aligned() } else { line }
            }));
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

    fn render_choice(&self, choice: &ContactChoice, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme;
        let name = self
            .selected_row()
            .map(|r| r.full_name())
            .unwrap_or_default();
        let only_in_shop = choice.channels.len() == 1;
        let height = choice.channels.len() as u16 + 4 + if only_in_shop { 2 } else { 0 };
        let popup = centered(area, 56, height);
        let title = t_args("ui-review-choice-title", &[("name", &view.dir.text(&name))]);
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
            lines.push(Line::styled(format!("{marker}{label}"), style));
        }
        lines.push(Line::raw(""));
        if only_in_shop {
            lines.push(Line::styled(t("ui-review-only-in-shop"), theme.dim()));
            lines.push(Line::raw(""));
        }
        let mut keys = vec![];
        for (key, label, hint) in grouped(REVIEW_CONTACT, false) {
            if hint {
                keys.push(Span::styled(key, theme.key()));
                keys.push(Span::raw(format!(" {label}  ")));
            }
        }
        lines.push(Line::from(keys));
        Paragraph::new(lines).render(inner, buf);
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
    };
    parts
        .iter()
        .map(|p| dir.text(p))
        .collect::<Vec<_>>()
        .join(SEP)
}

/// A message line in drawing order, in the direction of the message's own
/// language: a Hebrew message reads right to left also on an English screen.
fn message_line(line: &str, rtl: bool) -> String {
    use unicode_bidi::{BidiInfo, Level};
    let level = if rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(line, Some(level));
    if !info.has_rtl() {
        return line.to_string();
    }
    info.paragraphs
        .iter()
        .map(|p| info.reorder_line(p, p.range.clone()).into_owned())
        .collect()
}
