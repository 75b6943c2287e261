//! Drawing the card's second page: the habit figures as label and value
//! pairs, the visits per month, and the receipts one row each. In Hebrew
//! every row reads from the right: labels on the right of their values,
//! the newest month and the receipt's date where reading starts.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Widget};

use super::{PurchasesPage, favourites_text, items_text, weekday_name};
use crate::domain::habits::Purchase;
use crate::i18n::{t, t_args, t_count};
use crate::ui::direction::number_cell;
use crate::ui::format::{date_short, month_short, pad, take_cols, width};
use crate::ui::screens::View;
use crate::ui::table::wanted;
use crate::words::branch::visit_branch;

/// Rows of the month chart, its labels included.
const CHART_ROWS: u16 = 4;
/// Columns between a label and its value.
const LABEL_GAP: usize = 2;
/// The narrowest label column, so short labels line up as before.
const LABEL: usize = 12;
/// The narrowest date column ("Tue 17 Nov" and a space).
const DATE: usize = 11;
/// The widest branch column: a long name is cut, the items keep room.
const BRANCH: usize = 14;

impl PurchasesPage {
    fn figures(&self, view: &View, half: usize) -> Vec<Line<'static>> {
        let h = &self.habits;
        let currency = view.config.currency();
        let theme = view.theme;
        let last = h.last_visit.zip(h.days_since_last).map(|(date, days)| {
            t_args(
                "ui-habit-last",
                &[
                    ("date", &date_short(date, view.today)),
                    ("ago", &t_count("ui-days-ago", "days", days)),
                ],
            )
        });
        let usually = h.usual_weekday.map(|day| match h.usual_hour {
            Some(hour) => t_args(
                "ui-habit-usually-hour",
                &[
                    ("weekday", &weekday_name(day)),
                    ("from", &format!("{hour}:00")),
                    ("to", &format!("{}:00", (hour + 1) % 24)),
                ],
            ),
            None => weekday_name(day),
        });
        let money = |amount| crate::words::numbers::money(currency, amount);
        let near = [
            (
                t("ui-habit-visits"),
                Some(t_count(
                    "ui-habit-visits-12m",
                    "count",
                    i64::from(h.visits_12m),
                )),
            ),
            (
                t("ui-habit-spent"),
                Some(t_args(
                    "ui-habit-spent-12m",
                    &[("amount", &money(h.spend_12m))],
                )),
            ),
            (
                t("ui-habit-basket"),
                h.average_basket
                    .map(|b| t_args("ui-habit-basket-average", &[("amount", &money(b))])),
            ),
        ];
        let far = [
            (t("ui-habit-last-visit"), last),
            (
                t("ui-habit-gap"),
                h.median_gap_days.map(|g| t_count("ui-days", "days", g)),
            ),
            (t("ui-habit-usually"), usually),
        ];
        let lists = [
            (
                t("ui-habit-favourites"),
                favourites_text(&h.favourite_items),
            ),
            (
                t("ui-habit-categories"),
                favourites_text(&h.favourite_categories),
            ),
        ];
        // Labels as wide as the longest in their column, so none is cut.
        let near_label = (wanted("", near.iter().chain(&lists).map(|(l, _)| l)) + LABEL_GAP)
            .clamp(LABEL, half / 2);
        let far_label = (wanted("", far.iter().map(|(l, _)| l)) + LABEL_GAP).clamp(LABEL, half / 2);
        let cell = |label: &str, value: &Option<String>, label_cols: usize, cols: usize| {
            let (text, style) = match value {
                Some(v) => (v.clone(), Style::new()),
                None => (t("ui-none"), theme.dim()),
            };
            let value_cols = cols.saturating_sub(label_cols);
            vec![
                Span::raw(pad(label, label_cols)),
                Span::styled(pad(&text, value_cols), style),
            ]
        };
        let full = half * 2 + 2;
        let mut lines: Vec<Line> = near
            .iter()
            .zip(&far)
            .map(|((l1, v1), (l2, v2))| {
                let mut spans = cell(l1, v1, near_label, half + 2);
                spans.extend(cell(l2, v2, far_label, half));
                view.dir.line(spans)
            })
            .collect();
        for (label, list) in &lists {
            lines.push(view.dir.line(cell(label, list, near_label, full)));
        }
        lines
    }

    fn render_chart(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let mut bars: Vec<Bar> = self
            .habits
            .months
            .iter()
            .map(|m| {
                Bar::default()
                    .value(u64::from(m.visits))
                    // Cut to the bar's width before it is put in drawing
                    // order, so a Hebrew month keeps its first letters.
                    .label(Line::from(
                        view.dir.text(take_cols(&month_short(m.month), 3).0),
                    ))
            })
            .collect();
        // Time runs the way the page reads: the newest month on the left
        // in Hebrew.
        if view.dir.is_rtl() {
            bars.reverse();
        }
        let most = self
            .habits
            .months
            .iter()
            .map(|m| m.visits)
            .max()
            .unwrap_or(0);
        BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .bar_width(3)
            .bar_gap(1)
            .max(u64::from(most.max(1)))
            .bar_style(view.theme.key())
            .value_style(view.theme.selected())
            .render(area, buf);
    }

    /// Where each visit was, when the club has branches (else None).
    fn branch_of(&self, p: &Purchase) -> Option<String> {
        let own = self.branches.as_deref()?;
        Some(visit_branch(p.shop.as_deref(), own))
    }

    /// Date, time, branch (in a chain), items and total as cells in
    /// reading order.
    fn history_line(
        &self,
        p: &Purchase,
        (date_cols, branch_cols): (usize, usize),
        cols: usize,
        view: &View,
    ) -> Line<'static> {
        let theme = view.theme;
        let date = pad(&date_short(p.date, view.today), date_cols);
        let time = pad(
            &p.time
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default(),
            6,
        );
        let total = crate::words::numbers::money(view.config.currency(), p.total_minor);
        let total_cols = width(&total).max(10);
        let mut items = items_text(&p.lines);
        if p.lines.is_empty() {
            // Exports of whole payments name no items.
            items = t("ui-none");
        }
        if p.refund {
            items = t_args("ui-history-refund", &[("items", &items)])
                .trim()
                .to_string();
        }
        let branch = self
            .branch_of(p)
            .map(|b| format!("{} ", pad(&b, branch_cols)));
        let items_cols = cols.saturating_sub(
            date_cols + 1 + 6 + branch.as_deref().map_or(0, width) + total_cols + 1,
        );
        let style = if p.refund {
            theme.error()
        } else {
            Style::new()
        };
        let items_style = if p.lines.is_empty() && !p.refund {
            theme.dim()
        } else {
            style
        };
        let mut cells = vec![
            Span::raw(format!("{date} ")),
            Span::styled(time, theme.dim()),
        ];
        cells.extend(branch.map(|b| Span::styled(b, theme.dim())));
        cells.extend([
            Span::styled(pad(&items, items_cols), items_style),
            Span::styled(format!(" {}", number_cell(&total, total_cols)), style),
        ]);
        view.dir.line(cells)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme;
        if self.history.is_empty() {
            Paragraph::new(view.dir.lines(vec![
                Line::raw(""),
                Line::styled(t("ui-history-none"), theme.dim()),
            ]))
            .render(area, buf);
            return;
        }
        let cols = area.width as usize;
        let half = cols.saturating_sub(2) / 2;
        let figures = self.figures(view, half);
        let [top, _, chart_row, heading, list] = Layout::vertical([
            Constraint::Length(figures.len() as u16),
            Constraint::Length(1),
            Constraint::Length(CHART_ROWS),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        Paragraph::new(figures).render(top, buf);
        let chart_cols = 12 * 4 - 1;
        let [chart, gap, chart_note] = Layout::horizontal([
            Constraint::Length(chart_cols),
            Constraint::Length(2),
            Constraint::Fill(1),
        ])
        .areas(chart_row);
        let [chart, _, chart_note] = view.dir.split(chart_row, [chart, gap, chart_note]);
        self.render_chart(chart, buf, view);
        Paragraph::new(view.dir.lines(vec![
            Line::styled(t("ui-habit-per-month"), theme.heading()),
            Line::styled(t("ui-habit-per-month-note"), theme.dim()),
        ]))
        .render(chart_note, buf);
        let count = t_count("ui-history-count", "count", self.history.len() as i64);
        let title = t("ui-card-history");
        Paragraph::new(view.dir.line(vec![
            Span::styled(format!("{title}  "), theme.heading()),
            Span::styled(count, theme.dim()),
        ]))
        .render(heading, buf);
        let visible = list.height as usize;
        let start = self.scroll.min(self.history.len().saturating_sub(visible));
        let shown: Vec<&Purchase> = self.history.iter().skip(start).take(visible).collect();
        let date_cols =
            wanted("", shown.iter().map(|p| date_short(p.date, view.today))).clamp(DATE, cols / 4);
        let branch_cols = wanted("", shown.iter().filter_map(|p| self.branch_of(p))).min(BRANCH);
        let lines: Vec<Line> = shown
            .into_iter()
            .map(|p| self.history_line(p, (date_cols, branch_cols), cols, view))
            .collect();
        Paragraph::new(lines).render(list, buf);
    }
}
