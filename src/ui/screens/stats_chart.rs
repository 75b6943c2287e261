//! The chart beside the figures: the last 12 months of the trend the
//! selected figure belongs to — members and active members, the churn
//! rate, or the NPS — with a legend naming the latest month's values.
//!
//! In Hebrew time runs right to left as the text does: the newest month is
//! drawn at the left, where a Hebrew reader's eye ends a line.

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};

use super::Figure;
use super::View;
use crate::i18n::t;
use crate::ops::stats::MonthPoint;
use crate::ui::screens::stats_view::row;
use crate::words::dates::month_short;
use crate::words::numbers::{decimal, number};

/// Which monthly series a figure's chart draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    /// Members and active members at each month end.
    Members,
    /// The churn rate of each month.
    Churn,
    /// The NPS of each month's answers.
    Nps,
}

impl Trend {
    /// The trend of the selected figure: churn for the churn rate and the
    /// members lost, the NPS for the NPS, else the members.
    pub fn of(figure: Figure) -> Trend {
        match figure {
            Figure::Churn | Figure::Lost => Trend::Churn,
            Figure::Nps => Trend::Nps,
            _ => Trend::Members,
        }
    }

    fn title_key(self) -> &'static str {
        match self {
            Trend::Members => "stats-screen-chart",
            Trend::Churn => "stats-screen-chart-churn-title",
            Trend::Nps => "stats-screen-chart-nps-title",
        }
    }
}

/// Where month `i` of `n` goes on the time axis: left to right, oldest
/// first; in a right-to-left language, newest first.
pub fn x_of(i: usize, n: usize, rtl: bool) -> f64 {
    if rtl {
        n.saturating_sub(1 + i) as f64
    } else {
        i as f64
    }
}

fn one_decimal(value: f64) -> String {
    decimal((value * 10.0).round() as i64, 1)
}

/// A series' points in runs of months with a value: a month without one
/// (no member active on its first day, no answers) breaks the line rather
/// than a line being drawn across it.
fn runs(
    months: &[MonthPoint],
    rtl: bool,
    of: impl Fn(&MonthPoint) -> Option<f64>,
) -> Vec<Vec<(f64, f64)>> {
    let n = months.len();
    let mut runs: Vec<Vec<(f64, f64)>> = vec![];
    let mut open = false;
    for (i, month) in months.iter().enumerate() {
        match of(month) {
            Some(v) if open => runs
                .last_mut()
                .into_iter()
                .for_each(|r| r.push((x_of(i, n, rtl), v))),
            Some(v) => {
                runs.push(vec![(x_of(i, n, rtl), v)]);
                open = true;
            }
            None => open = false,
        }
    }
    runs
}

/// A run as a line, or a dot when it is one month.
fn line(data: &[(f64, f64)], style: Style) -> Dataset<'_> {
    let graph = if data.len() == 1 {
        GraphType::Scatter
    } else {
        GraphType::Line
    };
    Dataset::default()
        .marker(Marker::Braille)
        .graph_type(graph)
        .style(style)
        .data(data)
}

/// Draws `trend` over `months` in `area`: its title on the first row, the
/// chart, and the legend on the last two rows.
pub fn render_chart(
    months: &[MonthPoint],
    trend: Trend,
    area: Rect,
    buf: &mut Buffer,
    view: &View,
) {
    let (theme, dir) = (view.theme, view.dir);
    if area.height < 6 {
        return;
    }
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        // The figures came first; the months follow.
        let working = dir.text(&t("stats-screen-chart-working"));
        dir.put(buf, row(area, 0), &working, theme.dim());
        return;
    };
    let title = dir.text(&t(trend.title_key()));
    dir.put(buf, row(area, 0), &title, theme.heading());
    let rtl = dir.is_rtl();
    let (first_style, second_style) = (theme.key(), theme.good());
    let count = |v: i64| Some(v as f64);
    type Series = Vec<Vec<(f64, f64)>>;
    let (series, bounds, y_labels): (Vec<Series>, [f64; 2], [String; 2]) = match trend {
        Trend::Members => {
            let top = months.iter().map(|m| m.members).max().unwrap_or(0).max(1);
            (
                vec![
                    runs(months, rtl, |m| count(m.members)),
                    runs(months, rtl, |m| count(m.active)),
                ],
                [0.0, top as f64],
                ["0".to_string(), number(top)],
            )
        }
        Trend::Churn => {
            let top = months
                .iter()
                .filter_map(|m| m.churn)
                .fold(1.0, f64::max)
                .ceil();
            (
                vec![runs(months, rtl, |m| m.churn)],
                [0.0, top],
                ["0%".to_string(), format!("{}%", number(top as i64))],
            )
        }
        // The whole scale, so a month's score reads against −100..100.
        Trend::Nps => (
            vec![runs(months, rtl, |m| m.nps)],
            [-100.0, 100.0],
            [number(-100), number(100)],
        ),
    };
    let styles = [first_style, second_style];
    let datasets: Vec<Dataset> = series
        .iter()
        .zip(styles)
        .flat_map(|(runs, style)| runs.iter().map(move |run| line(run, style)))
        .collect();
    let (oldest, newest) = (
        month_short(first.day.month()),
        month_short(last.day.month()),
    );
    let x_labels = if rtl {
        [newest, oldest]
    } else {
        [oldest, newest]
    };
    let chart = Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([0.0, (months.len() - 1).max(1) as f64])
                .labels(x_labels)
                .style(theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds(bounds)
                .labels(y_labels)
                .style(theme.dim()),
        );
    let plot = Rect {
        y: area.y + 1,
        height: area.height - 3,
        ..area
    };
    chart.render(plot, buf);
    let undefined = || t("stats-screen-undefined");
    let legend: Vec<(String, String, Style)> = match trend {
        Trend::Members => vec![
            (
                t("stats-screen-chart-members"),
                number(last.members),
                first_style,
            ),
            (
                t("stats-screen-chart-active"),
                number(last.active),
                second_style,
            ),
        ],
        Trend::Churn => vec![(
            t("stats-screen-chart-churn"),
            last.churn
                .map_or_else(undefined, |v| format!("{}%", one_decimal(v))),
            first_style,
        )],
        Trend::Nps => vec![(
            t("stats-screen-chart-nps"),
            last.nps.map_or_else(undefined, one_decimal),
            first_style,
        )],
    };
    for (i, (label, latest, style)) in legend.into_iter().enumerate() {
        let text = format!("━ {label} {latest}");
        let at = row(area, area.height - 2 + i as u16);
        dir.put(buf, at, &dir.text(&text), style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_month_is_at_the_right_or_in_hebrew_at_the_left() {
        assert_eq!(x_of(0, 12, false), 0.0);
        assert_eq!(x_of(11, 12, false), 11.0);
        assert_eq!(x_of(11, 12, true), 0.0);
        assert_eq!(x_of(0, 12, true), 11.0);
    }

    fn month(churn: Option<f64>) -> MonthPoint {
        MonthPoint {
            day: chrono::NaiveDate::from_ymd_opt(2026, 1, 31).unwrap(),
            members: 1,
            active: 1,
            churn,
            nps: None,
        }
    }

    #[test]
    fn a_month_without_a_value_breaks_the_line() {
        let months: Vec<MonthPoint> = [Some(0.0), Some(100.0), None, None, Some(50.0)]
            .into_iter()
            .map(month)
            .collect();
        let drawn = runs(&months, false, |m| m.churn);
        assert_eq!(
            drawn,
            vec![vec![(0.0, 0.0), (1.0, 100.0)], vec![(4.0, 50.0)]]
        );
        let drawn = runs(&months, true, |m| m.churn);
        assert_eq!(
            drawn,
            vec![vec![(4.0, 0.0), (3.0, 100.0)], vec![(0.0, 50.0)]]
        );
    }

    #[test]
    fn each_figure_draws_its_own_trend() {
        assert_eq!(Trend::of(Figure::Churn), Trend::Churn);
        assert_eq!(Trend::of(Figure::Nps), Trend::Nps);
        assert_eq!(Trend::of(Figure::Members), Trend::Members);
        assert_eq!(Trend::of(Figure::Csat), Trend::Members);
    }

    #[test]
    fn the_chart_says_it_is_coming_while_the_months_are_worked_out() {
        let theme = crate::ui::theme::Theme::plain();
        let config = crate::config::Config::default();
        let view = View {
            theme: &theme,
            today: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
            config: &config,
            dir: crate::ui::direction::Direction::from_settings(false, config.ui.bidi, false),
        };
        let area = Rect::new(0, 0, 30, 10);
        let mut buf = Buffer::empty(area);
        render_chart(&[], Trend::Members, area, &mut buf, &view);
        let first: String = (0..30).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert!(first.starts_with("Drawing the last 12 months"), "{first}");
    }
}
