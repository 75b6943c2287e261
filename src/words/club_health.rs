//! The club-health figures in words: a label and a value per figure, the
//! value in the language's numbers and the shop's money, and a word (not
//! a 0) where a figure is undefined. Shared by `regulars stats` and the
//! screens.

use crate::domain::club_health::{HealthCounts, HealthFigures, Period, Referrer, SourceRow};
use crate::domain::money::Currency;
use crate::i18n::t;
use crate::words::dates::date_with_year;
use crate::words::numbers::{counted, decimal, money, number};

/// One decimal, rounded: 87.46 → "87.5".
fn one_decimal(value: f64) -> String {
    decimal((value * 10.0).round() as i64, 1)
}

fn or_undefined(value: Option<String>) -> String {
    value.unwrap_or_else(|| t("stats-undefined"))
}

fn percent(value: Option<f64>) -> String {
    or_undefined(value.map(|v| format!("{}%", one_decimal(v))))
}

/// A score with the number of answers it stands on.
fn with_answers(score: Option<String>, answers: i64) -> String {
    format!(
        "{} ({})",
        or_undefined(score),
        counted("stats-answers", answers)
    )
}

/// The heading: the period and its length.
pub fn title(period: &Period) -> String {
    crate::i18n::t_args(
        "stats-title",
        &[
            ("from", &date_with_year(period.from)),
            ("to", &date_with_year(period.to)),
            ("days", &number(period.days())),
        ],
    )
}

/// Every figure as (label, value), in the order the owner reads them.
pub fn figure_lines(
    members: i64,
    new_members: i64,
    c: &HealthCounts,
    f: &HealthFigures,
    currency: Currency,
) -> Vec<(String, String)> {
    let money_of = |v: Option<i64>| or_undefined(v.map(|m| money(currency, m)));
    let years = |v: Option<f64>| or_undefined(v.map(one_decimal));
    vec![
        (t("stats-members"), number(members)),
        (t("stats-new-members"), number(new_members)),
        (t("stats-active-start"), number(c.active_start)),
        (t("stats-active-end"), number(c.active_end)),
        (t("stats-lost"), number(c.lost)),
        (t("stats-retention"), percent(f.retention_rate)),
        (t("stats-churn"), percent(f.churn_rate)),
        (
            t("stats-nps"),
            with_answers(f.nps.map(one_decimal), c.nps_answers),
        ),
        (
            t("stats-csat"),
            with_answers(
                f.csat.map(|v| format!("{}%", one_decimal(v))),
                c.csat_answers,
            ),
        ),
        (t("stats-cltv"), money_of(f.cltv_minor)),
        (t("stats-avg-basket"), money_of(f.avg_basket_minor)),
        (t("stats-visits-per-year"), years(f.visits_per_year)),
        (t("stats-lifespan"), years(f.lifespan_years)),
        (t("stats-member-share"), percent(f.member_sales_share)),
    ]
}

/// New members per source as (source, "3 new, €120.00 in 12 months").
pub fn source_lines(rows: &[SourceRow], currency: Currency) -> Vec<(String, String)> {
    rows.iter()
        .map(|row| {
            let line = crate::i18n::t_args(
                "stats-source-line",
                &[
                    ("count", &number(row.new_members)),
                    ("spend", &money(currency, row.spend_minor)),
                ],
            );
            (row.source.clone(), line)
        })
        .collect()
}

/// The referring members as ("Ana Kovač (#12)", "3").
pub fn referrer_lines(rows: &[Referrer]) -> Vec<(String, String)> {
    rows.iter()
        .map(|r| (format!("{} (#{})", r.name, r.member_id), number(r.referred)))
        .collect()
}
