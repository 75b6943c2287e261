//! The member card's second page: purchase habits (the last 12 months,
//! rhythm, favourites), visits per month as a bar chart, and the visit
//! history receipt by receipt with refunds marked. Loaded once when the
//! card opens; drawing only reads it.

use chrono::{NaiveDate, Weekday};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Widget};

use super::View;
use crate::domain::habits::{Bought, Favourite, Habits, Purchase, habits};
use crate::domain::member::Member;
use crate::i18n::{t, t_args, t_count};
use crate::ui::format::{date_short, fit, month_short, pad, width};
use crate::ui::keymap::Action;
use crate::ui::theme::Theme;

const LABEL: usize = 12;
/// Rows of the month chart, its labels included.
const CHART_ROWS: u16 = 4;
const PAGE: usize = 10;

#[derive(Debug, Clone)]
pub struct PurchasesPage {
    habits: Habits,
    /// Newest first.
    history: Vec<Purchase>,
    scroll: usize,
    /// In front of the card's first page.
    shown: bool,
}

/// `1500` milli-units → "1.5"; whole numbers without decimals.
fn quantity(qty_milli: i64) -> String {
    let qty = qty_milli.unsigned_abs();
    let whole = qty / 1000;
    match qty % 1000 {
        0 => whole.to_string(),
        frac => format!("{whole}.{}", format!("{frac:03}").trim_end_matches('0')),
    }
}

/// "Latte, Croissant ×2": what was on the receipt, an item written on
/// several lines (tills split them by modifier) counted together.
fn items_text(lines: &[Bought]) -> String {
    let mut items: Vec<(&str, i64)> = Vec::new();
    for l in lines {
        let qty = l.qty_milli.abs().max(1000 * i64::from(l.qty_milli == 0));
        match items.iter_mut().find(|(name, _)| *name == l.item) {
            Some((_, total)) => *total += qty,
            None => items.push((&l.item, qty)),
        }
    }
    items
        .into_iter()
        .map(|(name, qty)| match qty {
            1000 => name.to_string(),
            _ => format!("{name} ×{}", quantity(qty)),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn favourites_text(list: &[Favourite]) -> Option<String> {
    (!list.is_empty()).then(|| {
        list.iter()
            .map(|f| format!("{} ({})", f.name, f.visits))
            .collect::<Vec<_>>()
            .join(" · ")
    })
}

fn weekday_name(day: Weekday) -> String {
    let key = [
        "day-monday",
        "day-tuesday",
        "day-wednesday",
        "day-thursday",
        "day-friday",
        "day-saturday",
        "day-sunday",
    ][day.num_days_from_monday() as usize];
    t(key)
}

impl PurchasesPage {
    pub fn new(history: Vec<Purchase>, today: NaiveDate) -> PurchasesPage {
        PurchasesPage {
            habits: habits(&history, today),
            history,
            scroll: 0,
            shown: false,
        }
    }

    pub fn habits(&self) -> &Habits {
        &self.habits
    }

    pub fn receipts(&self) -> usize {
        self.history.len()
    }

    pub fn is_shown(&self) -> bool {
        self.shown
    }

    /// The card's title: the member's name, and the page when it is this one.
    pub fn title(&self, member: &Member) -> String {
        let name = member.full_name();
        if self.shown {
            t_args("ui-card-title-purchases", &[("name", &name)])
        } else {
            name
        }
    }

    /// Under "Habits" on the first page: the usual day and gap, and the
    /// key to this page.
    pub fn summary_lines(&self, theme: &Theme) -> Vec<Line<'static>> {
        let mut lines: Vec<Line> = self
            .summary()
            .map(|s| Line::raw(format!("  {s}")))
            .into_iter()
            .collect();
        if !self.history.is_empty() {
            let more = format!("  {}", t("ui-card-more-purchases"));
            lines.push(Line::styled(more, theme.dim()));
        }
        lines
    }

    /// "usually Saturday, every 5 days"; nothing until there is a habit to tell.
    pub fn summary(&self) -> Option<String> {
        let h = &self.habits;
        let day = h.usual_weekday.map(weekday_name)?;
        Some(match h.median_gap_days {
            Some(gap) => t_args(
                "ui-habit-summary-gap",
                &[("weekday", &day), ("gap", &t_count("ui-days", "days", gap))],
            ),
            None => t_args("ui-habit-summary", &[("weekday", &day)]),
        })
    }

    /// Switches pages, and scrolls the history while shown; false for
    /// actions the card handles itself.
    pub fn update(&mut self, action: Action) -> bool {
        if action == Action::SwitchPage {
            self.shown = !self.shown;
            return true;
        }
        if !self.shown {
            return false;
        }
        let last = self.history.len().saturating_sub(1);
        self.scroll = match action {
            Action::Up => self.scroll.saturating_sub(1),
            Action::Down => (self.scroll + 1).min(last),
            Action::PageUp => self.scroll.saturating_sub(PAGE),
            Action::PageDown => (self.scroll + PAGE).min(last),
            _ => return false,
        };
        true
    }

    fn figures(&self, view: &View, half: usize) -> Vec<Line<'static>> {
        let h = &self.habits;
        let currency = view.config.currency();
        let theme = view.theme;
        let cell = |label: &str, value: Option<String>, cols: usize| -> Vec<Span<'static>> {
            let (text, style) = match value {
                Some(v) => (v, Style::new()),
                None => (t("ui-none"), theme.dim()),
            };
            let value_cols = cols.saturating_sub(LABEL);
            vec![
                Span::raw(pad(label, LABEL)),
                Span::styled(pad(&view.dir.text(&text), value_cols), style),
            ]
        };
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
        let pairs = [
            (
                (
                    "ui-habit-visits",
                    Some(t_count(
                        "ui-habit-visits-12m",
                        "count",
                        i64::from(h.visits_12m),
                    )),
                ),
                ("ui-habit-last-visit", last),
            ),
            (
                (
                    "ui-habit-spent",
                    Some(t_args(
                        "ui-habit-spent-12m",
                        &[(
                            "amount",
                            &crate::words::numbers::money(currency, h.spend_12m),
                        )],
                    )),
                ),
                (
                    "ui-habit-gap",
                    h.median_gap_days.map(|g| t_count("ui-days", "days", g)),
                ),
            ),
            (
                (
                    "ui-habit-basket",
                    h.average_basket.map(|b| {
                        t_args(
                            "ui-habit-basket-average",
                            &[("amount", &crate::words::numbers::money(currency, b))],
                        )
                    }),
                ),
                ("ui-habit-usually", usually),
            ),
        ];
        let full = half * 2 + 2;
        let mut lines: Vec<Line> = pairs
            .into_iter()
            .map(|((l1, v1), (l2, v2))| {
                let mut spans = cell(&t(l1), v1, half + 2);
                spans.extend(cell(&t(l2), v2, half));
                Line::from(spans)
            })
            .collect();
        for (label, list) in [
            ("ui-habit-favourites", &h.favourite_items),
            ("ui-habit-categories", &h.favourite_categories),
        ] {
            let text = favourites_text(list).map(|s| fit(&s, full.saturating_sub(LABEL)));
            lines.push(Line::from(cell(&t(label), text, full)));
        }
        lines
    }

    fn render_chart(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let bars: Vec<Bar> = self
            .habits
            .months
            .iter()
            .map(|m| {
                Bar::default()
                    .value(u64::from(m.visits))
                    .label(Line::from(month_short(m.month)))
            })
            .collect();
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

    fn history_line(&self, p: &Purchase, cols: usize, view: &View) -> Line<'static> {
        let theme = view.theme;
        let date = pad(&date_short(p.date, view.today), 11);
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
        let items_cols = cols.saturating_sub(11 + 1 + 6 + total_cols + 1);
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
        Line::from(vec![
            Span::raw(format!("{date} ")),
            Span::styled(time, theme.dim()),
            Span::styled(pad(&view.dir.text(&items), items_cols), items_style),
            Span::styled(format!(" {total:>total_cols$}"), style),
        ])
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme;
        if self.history.is_empty() {
            Paragraph::new(vec![
                Line::raw(""),
                Line::styled(t("ui-history-none"), theme.dim()),
            ])
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
        let [chart, _, chart_note] = Layout::horizontal([
            Constraint::Length(chart_cols),
            Constraint::Length(2),
            Constraint::Fill(1),
        ])
        .areas(chart_row);
        self.render_chart(chart, buf, view);
        Paragraph::new(vec![
            Line::styled(t("ui-habit-per-month"), theme.heading()),
            Line::styled(t("ui-habit-per-month-note"), theme.dim()),
        ])
        .render(chart_note, buf);
        let count = t_count("ui-history-count", "count", self.history.len() as i64);
        let title = t("ui-card-history");
        buf.set_stringn(heading.x, heading.y, &title, cols, theme.heading());
        let x = heading.x + width(&title) as u16 + 2;
        buf.set_stringn(
            x,
            heading.y,
            count,
            cols.saturating_sub(width(&title) + 2),
            theme.dim(),
        );
        let visible = list.height as usize;
        let start = self.scroll.min(self.history.len().saturating_sub(visible));
        let lines: Vec<Line> = self
            .history
            .iter()
            .skip(start)
            .take(visible)
            .map(|p| self.history_line(p, cols, view))
            .collect();
        Paragraph::new(lines).render(list, buf);
    }
}

#[cfg(test)]
#[path = "member_history_tests.rs"]
mod tests;
