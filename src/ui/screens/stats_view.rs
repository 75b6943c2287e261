//! Drawing the Stats screen: the figures of the period on the reading
//! side, the selected figure's trend over the last 12 months beside them;
//! or, on Enter, how the selected figure is worked out; or the Sources
//! page; and the period being typed over any of them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::View;
use super::stats::{FIGURES, Page, StatsState, Trend};
use crate::i18n::{t, t_args};
use crate::ops::stats::ClubHealth;
use crate::ui::format::{fit, width};
use crate::words::club_health::{figure_lines, title};
use crate::words::numbers::number;

/// Columns of the chart beside the figures.
const CHART_COLS: u16 = 24;

/// One row of `area` at `y` from its top.
pub(super) fn row(area: Rect, y: u16) -> Rect {
    Rect {
        y: area.y + y,
        height: 1,
        ..area
    }
}

/// The figures as (label, value), an undefined one saying so in words.
pub(super) fn shown_figures(h: &ClubHealth, view: &View) -> Vec<(String, String)> {
    let lines = figure_lines(
        h.members,
        h.new_members,
        &h.counts,
        &h.figures,
        view.config.currency(),
    );
    lines
        .into_iter()
        .zip(FIGURES)
        .map(|((label, value), figure)| match figure.undefined(h) {
            Some(_) => (label, t("stats-screen-undefined")),
            None => (label, value),
        })
        .collect()
}

impl StatsState {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        self.render_page(area, buf, view);
        // The period being typed goes over whatever page is shown.
        self.period_form
            .as_ref()
            .and_then(|form| form.render(area, buf, view))
    }

    fn render_page(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let (theme, dir) = (view.theme, view.dir);
        let heading = fit(
            &title(&self.period),
            (area.width as usize).saturating_sub(4),
        );
        let block = Block::bordered()
            .border_style(theme.border(true))
            .title(dir.title(&heading, theme.heading()));
        let inner = block.inner(area).inner(Margin::new(1, 0));
        block.render(area, buf);
        let Some(h) = &self.health else {
            let working = t("stats-screen-working");
            dir.put(buf, row(inner, 0), &dir.text(&working), theme.dim());
            return;
        };
        if self.formula {
            self.render_formula(h, inner, buf, view);
            return;
        }
        if self.page == Page::Events {
            super::stats::events::render_events(self.events.as_deref(), inner, buf, view);
            return;
        }
        if self.page == Page::Sources {
            super::stats::sources::render_sources(h, inner, buf, view);
            return;
        }
        let chart_cols = CHART_COLS.min(inner.width / 2);
        let [figures, _, chart] = dir.split(
            inner,
            Layout::horizontal([
                Constraint::Fill(1),
                Constraint::Length(2),
                Constraint::Length(chart_cols),
            ])
            .areas(inner),
        );
        self.render_figures(h, figures, buf, view);
        let trend = Trend::of(self.selected());
        super::stats::chart::render_chart(&self.months, trend, chart, buf, view);
    }

    fn render_figures(&self, h: &ClubHealth, area: Rect, buf: &mut Buffer, view: &View) {
        let (theme, dir) = (view.theme, view.dir);
        let lines = shown_figures(h, view);
        let widest = lines.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
        // The label column, leaving the value at least 20 columns.
        let label_cols = (widest + 3).min((area.width as usize).saturating_sub(20)) as u16;
        for (i, (label, value)) in lines.iter().enumerate() {
            if i as u16 >= area.height {
                return;
            }
            let selected = i == self.at;
            let style = if selected {
                theme.selected()
            } else {
                Style::new()
            };
            let [label_at, value_at] = dir.row(row(area, i as u16), label_cols);
            // A column kept free between a cut label and its value.
            let marked = fit(
                &format!("{}{label}", dir.marker(selected)),
                usize::from(label_cols).saturating_sub(1),
            );
            buf.set_style(row(area, i as u16), style);
            dir.put(buf, label_at, &dir.text(&marked), style);
            dir.put(buf, value_at, &dir.text(value), style);
        }
        let rule = t_args(
            "stats-screen-active-rule",
            &[("days", &number(i64::from(h.lapse_days)))],
        );
        let y = lines.len() as u16 + 1;
        if y < area.height {
            dir.put(buf, row(area, y), &dir.text(&rule), theme.dim());
        }
    }
}
