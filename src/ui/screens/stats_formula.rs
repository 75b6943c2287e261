//! How the selected figure of the Stats screen is worked out: its
//! formula, its value (or why it has none), the period, and the counts
//! behind it, all from the same result as the figures themselves.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::View;
use super::stats::{Figure, StatsState};
use super::stats_view::{row, shown_figures};
use crate::domain::money::Currency;
use crate::i18n::{t, t_args};
use crate::ops::stats::ClubHealth;
use crate::ui::format::{fit, width, wrap};
use crate::words::dates::date_with_year;
use crate::words::numbers::{money, number};

/// The locale key of the figure's formula.
fn formula_key(figure: Figure) -> &'static str {
    match figure {
        Figure::Members => "stats-formula-members",
        Figure::NewMembers => "stats-formula-new-members",
        Figure::ActiveStart => "stats-formula-active-start",
        Figure::ActiveEnd => "stats-formula-active-end",
        Figure::Lost => "stats-formula-lost",
        Figure::Retention => "stats-formula-retention",
        Figure::Churn => "stats-formula-churn",
        Figure::Nps => "stats-formula-nps",
        Figure::Csat => "stats-formula-csat",
        Figure::Cltv => "stats-formula-cltv",
        Figure::AvgBasket => "stats-formula-avg-basket",
        Figure::VisitsPerYear => "stats-formula-visits-per-year",
        Figure::Lifespan => "stats-formula-lifespan",
        Figure::MemberShare => "stats-formula-member-share",
    }
}

/// Figures that count members as active: the lapse rule explains them.
fn uses_activity(figure: Figure) -> bool {
    matches!(
        figure,
        Figure::ActiveStart
            | Figure::ActiveEnd
            | Figure::Lost
            | Figure::Retention
            | Figure::Churn
            | Figure::Lifespan
    )
}

/// The counts behind the figure as (label, value); the letters are the
/// ones its formula uses.
fn counts_behind(
    figure: Figure,
    h: &ClubHealth,
    shown: &[(String, String)],
    currency: Currency,
) -> Vec<(String, String)> {
    let c = &h.counts;
    let count = |label: String, n: i64| (label, number(n));
    let start = || count(format!("S  {}", t("stats-active-start")), c.active_start);
    let end = || count(format!("E  {}", t("stats-active-end")), c.active_end);
    let lost = || count(t("stats-lost"), c.lost);
    let member_net = || {
        let label = t("stats-screen-member-net");
        (label, money(currency, c.member_net_minor))
    };
    let days = || count(t("stats-screen-days"), c.days);
    // A figure shown on the list, by its place there.
    let figure_at = |i: usize| shown[i].clone();
    match figure {
        Figure::Members => vec![count(t("stats-members"), h.members)],
        Figure::NewMembers => vec![count(t("stats-new-members"), h.new_members)],
        Figure::ActiveStart => vec![start()],
        Figure::ActiveEnd => vec![end()],
        Figure::Lost => vec![start(), end(), lost()],
        Figure::Retention => vec![
            start(),
            end(),
            count(format!("N  {}", t("stats-screen-new-active")), c.new_active),
        ],
        Figure::Churn => vec![start(), lost()],
        Figure::Nps => vec![
            count(t("stats-screen-answers"), c.nps_answers),
            count(t("stats-screen-promoters"), c.nps_promoters),
            count(t("stats-screen-detractors"), c.nps_detractors),
        ],
        Figure::Csat => vec![
            count(t("stats-screen-answers"), c.csat_answers),
            count(t("stats-screen-satisfied"), c.csat_satisfied),
        ],
        Figure::Cltv => vec![figure_at(10), figure_at(11), figure_at(12)],
        Figure::AvgBasket => vec![
            member_net(),
            count(t("stats-screen-member-receipts"), c.member_sale_receipts),
        ],
        Figure::VisitsPerYear => vec![
            count(t("stats-screen-member-visits"), c.member_visits),
            count(t("stats-screen-members-visiting"), c.members_visiting),
            days(),
        ],
        Figure::Lifespan => {
            let mut lines = vec![figure_at(6), days()];
            if let Some(years) = c.lifespan_setting {
                lines.push((t("stats-screen-lifespan-setting"), years.to_string()));
            }
            lines
        }
        Figure::MemberShare => vec![
            member_net(),
            (t("stats-screen-all-net"), money(currency, c.all_net_minor)),
        ],
    }
}

impl StatsState {
    pub(super) fn render_formula(&self, h: &ClubHealth, area: Rect, buf: &mut Buffer, view: &View) {
        let (theme, dir) = (view.theme, view.dir);
        let figure = self.selected();
        let shown = shown_figures(h, view);
        let (label, value) = &shown[self.at];
        let cols = area.width as usize;
        let mut lines: Vec<(String, Style)> = vec![(format!("{label}: {value}"), theme.heading())];
        if let Some(why) = figure.undefined(h) {
            lines.extend(wrap(&t(why), cols).into_iter().map(|l| (l, theme.error())));
        }
        lines.push((String::new(), Style::new()));
        for line in wrap(&t(formula_key(figure)), cols) {
            lines.push((line, theme.key()));
        }
        lines.push((String::new(), Style::new()));
        let behind = counts_behind(figure, h, &shown, view.config.currency());
        let label_cols = behind.iter().map(|(l, _)| width(l)).max().unwrap_or(0) + 3;
        for (label, value) in behind {
            let label = fit(&label, label_cols.min(cols.saturating_sub(12)));
            let pad = " ".repeat(label_cols.saturating_sub(width(&label)));
            lines.push((format!("{label}{pad}{value}"), Style::new()));
        }
        lines.push((String::new(), Style::new()));
        let period = t_args(
            "stats-screen-period",
            &[
                ("from", &date_with_year(self.period.from)),
                ("to", &date_with_year(self.period.to)),
                ("days", &number(self.period.days())),
            ],
        );
        lines.extend(wrap(&period, cols).into_iter().map(|l| (l, theme.dim())));
        if uses_activity(figure) {
            let rule = t_args(
                "stats-screen-active-rule",
                &[("days", &number(i64::from(h.lapse_days)))],
            );
            lines.extend(wrap(&rule, cols).into_iter().map(|l| (l, theme.dim())));
        }
        for (y, (line, style)) in lines.iter().enumerate().take(area.height as usize) {
            dir.put(buf, row(area, y as u16), &dir.text(line), *style);
        }
    }
}
