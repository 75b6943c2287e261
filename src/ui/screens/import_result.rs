//! What an import did, as the import screen shows it at the end: receipts
//! new and already stored, refunds, rejected rows (each with its line and
//! reason, scrollable), and how many till customers have no member yet. A
//! file refused for its rejected rows says so first, with what to try.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use rusqlite::Connection;

use super::View;
use crate::i18n::{t, t_args, t_count};
use crate::import::Report;
use crate::ops::import::unmatched_count;
use crate::ui::format::{fit, pad, wrap};
use crate::ui::keymap::Action;

const LABEL: usize = 22;
/// More than this many customers without a member are shown as "1000+".
const UNMATCHED_LIMIT: usize = 1000;

#[derive(Debug)]
pub struct ImportResult {
    report: Report,
    /// Till customers without a member, after this import.
    unmatched: Option<usize>,
    scroll: usize,
}

impl ImportResult {
    pub fn new(report: Report, conn: &Connection) -> ImportResult {
        ImportResult {
            report,
            // Only a count for a hint; a failed look-up just leaves it out.
            unmatched: unmatched_count(conn, UNMATCHED_LIMIT).ok(),
            scroll: 0,
        }
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    pub fn update(&mut self, action: Action) {
        let last = self.report.errors.len().saturating_sub(1);
        self.scroll = match action {
            Action::Up => self.scroll.saturating_sub(1),
            Action::Down => (self.scroll + 1).min(last),
            Action::PageUp => self.scroll.saturating_sub(10),
            Action::PageDown => (self.scroll + 10).min(last),
            _ => self.scroll,
        };
    }

    fn summary(&self, view: &View, cols: usize) -> Vec<Line<'static>> {
        let theme = view.theme;
        let r = &self.report;
        let c = &r.counts;
        let row = |label: &str, value: String, style: Style| {
            Line::from(vec![
                Span::raw(pad(label, LABEL)),
                Span::styled(value, style),
            ])
        };
        let name = std::path::Path::new(&r.path)
            .file_name()
            .map_or_else(|| r.path.clone(), |n| n.to_string_lossy().into_owned());
        let file = t_args(
            "ui-import-result-file",
            &[("file", &name), ("format", &r.format)],
        );
        let mut lines = vec![Line::styled(fit(&file, cols), theme.heading())];
        if let Some(refusal) = r.refusal_message() {
            for part in wrap(&refusal, cols) {
                lines.push(Line::styled(part, theme.error()));
            }
        }
        for note in &r.notes {
            for part in wrap(note, cols) {
                lines.push(Line::styled(part, theme.key()));
            }
        }
        lines.push(row(
            &t("ui-import-result-rows"),
            c.rows.to_string(),
            Style::new(),
        ));
        let new = if c.refunds > 0 {
            t_args(
                "ui-import-result-new-refunds",
                &[
                    ("new", &c.receipts_new.to_string()),
                    (
                        "refunds",
                        &t_count("ui-import-refunds", "count", c.refunds as i64),
                    ),
                ],
            )
        } else {
            c.receipts_new.to_string()
        };
        lines.push(row(&t("ui-import-result-new"), new, theme.good()));
        if let Some(again) = r.again {
            let matched = again.receipts_matched.to_string();
            lines.push(row(&t("ui-import-result-matched"), matched, theme.good()));
        }
        lines.push(row(
            &t("ui-import-result-duplicate"),
            c.receipts_duplicate.to_string(),
            Style::new(),
        ));
        let rejected_style = if c.rows_rejected > 0 {
            theme.error()
        } else {
            Style::new()
        };
        lines.push(row(
            &t("ui-import-result-rejected"),
            c.rows_rejected.to_string(),
            rejected_style,
        ));
        // Who in this file no member matched, then the club's whole list
        // (earlier files too), which `u` shows.
        let here = c.customers_unmatched;
        if here > 0 {
            let value = t_count(
                "ui-import-result-unmatched-file-value",
                "count",
                here as i64,
            );
            lines.push(row(
                &t("ui-import-result-unmatched-file"),
                value,
                theme.key(),
            ));
        }
        if let Some(n) = self.unmatched.filter(|n| *n > 0) {
            let value = if n > UNMATCHED_LIMIT {
                t_count(
                    "ui-import-result-unmatched-many",
                    "count",
                    UNMATCHED_LIMIT as i64,
                )
            } else {
                t_count("ui-import-result-unmatched-value", "count", n as i64)
            };
            lines.push(row(&t("ui-import-result-unmatched"), value, theme.key()));
        }
        lines
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme;
        let cols = area.width as usize;
        let summary = self.summary(view, cols);
        let [top, _, heading, list] = Layout::vertical([
            Constraint::Length(summary.len() as u16),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        // Each line a row of label and value, or one field.
        Paragraph::new(view.dir.lines(summary)).render(top, buf);
        let errors = &self.report.errors;
        if errors.is_empty() {
            return;
        }
        let unlisted = self
            .report
            .counts
            .rows_rejected
            .saturating_sub(errors.len() as u64);
        let mut title = t("ui-import-errors");
        if self.report.refused.is_some() {
            title = t("ui-import-errors-refused");
        } else if unlisted > 0 {
            title = t_args(
                "ui-import-errors-first",
                &[("count", &errors.len().to_string())],
            );
        }
        view.dir.put(
            buf,
            heading,
            &view.dir.text(&fit(&title, cols)),
            theme.heading(),
        );
        let visible = list.height as usize;
        let start = self.scroll.min(errors.len().saturating_sub(visible));
        let lines: Vec<Line> = errors
            .iter()
            .skip(start)
            .take(visible)
            .map(|e| {
                let text = t_args(
                    "import-rejected-line",
                    &[
                        ("line", &e.line.to_string()),
                        ("reason", &e.reason.to_string()),
                    ],
                );
                Line::raw(fit(&text, cols))
            })
            .collect();
        Paragraph::new(view.dir.lines(lines)).render(list, buf);
    }
}
