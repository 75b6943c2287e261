//! Drawing the Stats screen: the figures of the period on the reading
//! side, members and active members over the last 12 months beside them;
//! or, on Enter, how the selected figure is worked out.

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Widget};

use super::View;
use super::stats::{FIGURES, StatsState};
use crate::i18n::{t, t_args};
use crate::ops::stats::{ClubHealth, MonthPoint};
use crate::ui::format::{fit, width};
use crate::words::club_health::{figure_lines, title};
use crate::words::dates::month_short;
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
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
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
        render_chart(&self.months, chart, buf, view);
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

/// Members and active members at each month end, a line each, with a
/// legend below naming the latest of both.
fn render_chart(months: &[MonthPoint], area: Rect, buf: &mut Buffer, view: &View) {
    let (theme, dir) = (view.theme, view.dir);
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return;
    };
    if area.height < 6 {
        return;
    }
    dir.put(
        buf,
        row(area, 0),
        &dir.text(&t("stats-screen-chart")),
        theme.heading(),
    );
    let series = |of: fn(&MonthPoint) -> i64| -> Vec<(f64, f64)> {
        months
            .iter()
            .enumerate()
            .map(|(i, m)| (i as f64, of(m) as f64))
            .collect()
    };
    let members = series(|m| m.members);
    let active = series(|m| m.active);
    let top = months.iter().map(|m| m.members).max().unwrap_or(0).max(1);
    let (members_style, active_style) = (theme.key(), theme.good());
    let chart = Chart::new(vec![
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(members_style)
            .data(&members),
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(active_style)
            .data(&active),
    ])
    .x_axis(
        Axis::default()
            .bounds([0.0, (months.len() - 1).max(1) as f64])
            .labels([
                month_short(first.day.month()),
                month_short(last.day.month()),
            ])
            .style(theme.dim()),
    )
    .y_axis(
        Axis::default()
            .bounds([0.0, top as f64])
            .labels(["0".to_string(), number(top)])
            .style(theme.dim()),
    );
    let plot = Rect {
        y: area.y + 1,
        height: area.height - 3,
        ..area
    };
    chart.render(plot, buf);
    let legend = [
        ("stats-screen-chart-members", last.members, members_style),
        ("stats-screen-chart-active", last.active, active_style),
    ];
    for (i, (key, latest, style)) in legend.into_iter().enumerate() {
        let text = format!("━ {} {}", t(key), number(latest));
        let at = row(area, area.height - 2 + i as u16);
        dir.put(buf, at, &dir.text(&text), style);
    }
}
