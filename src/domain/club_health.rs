//! Whether the club works, in the figures the loyalty guides use: retention
//! and churn, NPS and CSAT, customer lifetime value and the members' share
//! of sales. Pure: the counts come in, the figures go out.
//!
//! A figure that cannot be worked out (no members at the start, no
//! answers, nothing bought) is `None`, never 0: a 0 would tell the owner
//! that everyone left or that every answer was bad.

use chrono::NaiveDate;

/// The longest a member is expected to stay, in years: with (almost) no
/// churn the lifespan would grow without end, and so would the value.
pub const LONGEST_LIFESPAN_YEARS: f64 = 10.0;

/// The period FROM..TO, both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// The last 365 days up to `to`: the default period.
    pub fn year_to(to: NaiveDate) -> Period {
        Period {
            from: to - chrono::Duration::days(364),
            to,
        }
    }

    /// Days in the period, both ends counted; at least 1.
    pub fn days(&self) -> i64 {
        ((self.to - self.from).num_days() + 1).max(1)
    }
}

/// Everything the figures are made from, counted over one period.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct HealthCounts {
    /// Days in the period.
    pub days: i64,
    /// S: members active on the first day.
    pub active_start: i64,
    /// E: members active on the last day.
    pub active_end: i64,
    /// N: members of E who joined in the period.
    pub new_active: i64,
    /// Members of S not in E.
    pub lost: i64,
    /// NPS answers in the period, and how many scored 9–10 and 0–6.
    pub nps_answers: i64,
    pub nps_promoters: i64,
    pub nps_detractors: i64,
    /// CSAT answers in the period, and how many scored 4 or 5.
    pub csat_answers: i64,
    pub csat_satisfied: i64,
    /// Members' sales minus their refunds, in minor units.
    pub member_net_minor: i64,
    /// Members' sale receipts.
    pub member_sale_receipts: i64,
    /// Members' visits (days with a sale, per member).
    pub member_visits: i64,
    /// Members with at least one visit.
    pub members_visiting: i64,
    /// Everyone's sales minus refunds, walk-ins included.
    pub all_net_minor: i64,
    /// `[stats] lifespan_years` when the owner set it.
    pub lifespan_setting: Option<f64>,
}

/// The figures, each `None` where it is undefined.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct HealthFigures {
    pub retention_rate: Option<f64>,
    pub churn_rate: Option<f64>,
    pub nps: Option<f64>,
    pub csat: Option<f64>,
    pub avg_basket_minor: Option<i64>,
    pub visits_per_year: Option<f64>,
    pub lifespan_years: Option<f64>,
    pub cltv_minor: Option<i64>,
    pub member_sales_share: Option<f64>,
}

/// `part / whole × 100`, undefined for an empty whole.
fn percent(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64 * 100.0)
}

/// (E − N) / S × 100: of those active at the start, the share still
/// active at the end, new members left out.
pub fn retention_rate(c: &HealthCounts) -> Option<f64> {
    percent(c.active_end - c.new_active, c.active_start)
}

/// lost / S × 100.
pub fn churn_rate(c: &HealthCounts) -> Option<f64> {
    percent(c.lost, c.active_start)
}

/// % of answers scoring 9–10 minus % scoring 0–6.
pub fn nps(c: &HealthCounts) -> Option<f64> {
    percent(c.nps_promoters - c.nps_detractors, c.nps_answers)
}

/// % of answers scoring 4 or 5.
pub fn csat(c: &HealthCounts) -> Option<f64> {
    percent(c.csat_satisfied, c.csat_answers)
}

/// Members' net spend per sale receipt, rounded to the minor unit.
pub fn avg_basket_minor(c: &HealthCounts) -> Option<i64> {
    (c.member_sale_receipts > 0)
        .then(|| (c.member_net_minor as f64 / c.member_sale_receipts as f64).round() as i64)
}

/// Visits per visiting member, scaled from the period to a year.
pub fn visits_per_year(c: &HealthCounts) -> Option<f64> {
    (c.members_visiting > 0 && c.days > 0)
        .then(|| c.member_visits as f64 / c.members_visiting as f64 * 365.0 / c.days as f64)
}

/// The setting when there is one; else one over the yearly churn, at most
/// [`LONGEST_LIFESPAN_YEARS`] (no churn at all gives the longest).
pub fn lifespan_years(c: &HealthCounts) -> Option<f64> {
    if let Some(years) = c.lifespan_setting {
        return Some(years);
    }
    let yearly_churn = churn_rate(c)? / 100.0 * 365.0 / c.days.max(1) as f64;
    if yearly_churn <= 0.0 {
        return Some(LONGEST_LIFESPAN_YEARS);
    }
    Some((1.0 / yearly_churn).min(LONGEST_LIFESPAN_YEARS))
}

/// avg basket × visits per year × lifespan, rounded to the minor unit.
pub fn cltv_minor(c: &HealthCounts) -> Option<i64> {
    let basket = avg_basket_minor(c)?;
    let value = basket as f64 * visits_per_year(c)? * lifespan_years(c)?;
    Some(value.round() as i64)
}

/// Members' net spend / everyone's net spend × 100; undefined when
/// nothing was bought (or refunds outweigh the sales).
pub fn member_sales_share(c: &HealthCounts) -> Option<f64> {
    (c.all_net_minor > 0).then(|| c.member_net_minor as f64 / c.all_net_minor as f64 * 100.0)
}

/// Every figure of the period.
pub fn figures(c: &HealthCounts) -> HealthFigures {
    HealthFigures {
        retention_rate: retention_rate(c),
        churn_rate: churn_rate(c),
        nps: nps(c),
        csat: csat(c),
        avg_basket_minor: avg_basket_minor(c),
        visits_per_year: visits_per_year(c),
        lifespan_years: lifespan_years(c),
        cltv_minor: cltv_minor(c),
        member_sales_share: member_sales_share(c),
    }
}

/// New members of one source and what they spent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRow {
    pub source: String,
    pub new_members: i64,
    /// Their net spend in the 12 months up to the end of the period.
    pub spend_minor: i64,
}

/// A member who brought new members in the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referrer {
    pub member_id: i64,
    pub name: String,
    pub referred: i64,
}

/// One feedback answer from the counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// How likely to recommend the shop, 0–10.
    Nps(i64),
    /// How satisfied, 1–5.
    Csat(i64),
}

impl Answer {
    /// The name of the scale, the same in every language.
    pub fn label(self) -> &'static str {
        match self {
            Answer::Nps(_) => "NPS",
            Answer::Csat(_) => "CSAT",
        }
    }

    pub fn score(self) -> i64 {
        match self {
            Answer::Nps(score) | Answer::Csat(score) => score,
        }
    }

    /// The lowest and highest score of the scale.
    pub fn range(self) -> (i64, i64) {
        match self {
            Answer::Nps(_) => (0, 10),
            Answer::Csat(_) => (1, 5),
        }
    }

    pub fn in_range(self) -> bool {
        let (lowest, highest) = self.range();
        (lowest..=highest).contains(&self.score())
    }
}

/// The days a visit makes a member active on `day`: D − lapse_days < V ≤ D.
pub fn active_window(day: NaiveDate, lapse_days: u32) -> (NaiveDate, NaiveDate) {
    let first = day - chrono::Duration::days(i64::from(lapse_days.max(1)) - 1);
    (first, day)
}
