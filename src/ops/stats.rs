//! The club-health figures of a period (`regulars stats`, the Stats
//! screen): the counts from the store, the figures from the rules in
//! `domain::club_health`.

use std::collections::HashSet;

use chrono::{Datelike, Duration, Months, NaiveDate};

use crate::context::Ctx;
use crate::db;
use crate::domain::branch::Branch;
use crate::domain::club_health::{
    HealthCounts, HealthFigures, Period, Referrer, SourceRow, active_window, churn_rate, figures,
    nps,
};
use crate::error::{Error, Result};

/// How many referring members the figures name.
pub const TOP_REFERRERS: usize = 10;

/// The figures of one period and everything they were made from.
#[derive(Debug, Clone, PartialEq)]
pub struct ClubHealth {
    pub period: Period,
    pub lapse_days: u32,
    /// Members not erased who joined on or before the last day.
    pub members: i64,
    /// Members who joined in the period, active or not.
    pub new_members: i64,
    pub counts: HealthCounts,
    pub figures: HealthFigures,
    pub sources: Vec<SourceRow>,
    pub top_referrers: Vec<Referrer>,
}

/// The period `from`..`to` (both included): `to` defaults to today and
/// `from` to 364 days before `to`. A period ending before it starts is
/// refused naming both days.
pub fn period(ctx: &Ctx, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Period> {
    let to = to.unwrap_or_else(|| ctx.clock.today());
    let period = match from {
        Some(from) => Period { from, to },
        None => Period::year_to(to),
    };
    if period.from > period.to {
        return Err(Error::user(
            "err-stats-period",
            &[
                ("from", &period.from.to_string()),
                ("to", &period.to.to_string()),
            ],
        ));
    }
    Ok(period)
}

/// Every figure of the period, chain-wide; nothing is written.
pub fn club_health(
    ctx: &Ctx,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<ClubHealth> {
    club_health_at(ctx, from, to, None)
}

/// Every figure of the period, chain-wide (`None`) or of one branch:
/// visits, spend, activity and lifetime value counted on the branch's
/// receipts; members, new members, sources, referrers and answers those
/// of the branch's members (who had a sale there or signed up there by
/// the period's last day). Nothing is written.
pub fn club_health_at(
    ctx: &Ctx,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    branch: Option<&Branch>,
) -> Result<ClubHealth> {
    let period = period(ctx, from, to)?;
    let conn = &ctx.conn;
    let lapse_days = ctx.config.stats.lapse_days;
    let (start_first, _) = active_window(period.from, lapse_days);
    let (end_first, _) = active_window(period.to, lapse_days);
    let branch_members = match branch {
        Some(b) => Some(db::branches::members(conn, b, period.to, true)?),
        None => None,
    };
    let at_start = db::club_health::active_on(conn, start_first, period.from, branch)?;
    let at_end = db::club_health::active_on(conn, end_first, period.to, branch)?;
    let mut joined = db::club_health::joined_in(conn, period.from, period.to)?;
    if let Some(ids) = &branch_members {
        joined.retain(|id| ids.contains(id));
    }
    let bought = db::club_health::purchases(conn, period.from, period.to, branch)?;
    let answers = db::feedback::counts(conn, period.from, period.to, branch_members.as_ref())?;
    let counts = HealthCounts {
        days: period.days(),
        active_start: at_start.len() as i64,
        active_end: at_end.len() as i64,
        new_active: at_end.intersection(&joined).count() as i64,
        lost: at_start.difference(&at_end).count() as i64,
        nps_answers: answers.nps_answers,
        nps_promoters: answers.nps_promoters,
        nps_detractors: answers.nps_detractors,
        csat_answers: answers.csat_answers,
        csat_satisfied: answers.csat_satisfied,
        member_net_minor: bought.member_net_minor,
        member_sale_receipts: bought.member_sale_receipts,
        member_visits: bought.member_visits,
        members_visiting: bought.members_visiting,
        all_net_minor: bought.all_net_minor,
        lifespan_setting: ctx.config.stats.lifespan_years,
    };
    // "Their 12-month spend": the year up to the end of the period.
    let spend_from = period.to - Duration::days(364);
    Ok(ClubHealth {
        period,
        lapse_days,
        members: match &branch_members {
            Some(ids) => ids.len() as i64,
            None => db::club_health::members_by(conn, period.to)?,
        },
        new_members: joined.len() as i64,
        figures: figures(&counts),
        counts,
        sources: db::club_health::sources(
            conn,
            period.from,
            period.to,
            spend_from,
            branch.zip(branch_members.as_ref()),
        )?,
        top_referrers: db::club_health::top_referrers(
            conn,
            period.from,
            period.to,
            TOP_REFERRERS,
            branch_members.as_ref(),
        )?,
    })
}

/// One month of the trend: members and active members on its last day,
/// and its churn and NPS (the period's rules, over that month alone).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthPoint {
    /// The month's last day, or the series' last day for its own month.
    pub day: NaiveDate,
    pub members: i64,
    pub active: i64,
    /// Of the members active on the month's first day, the share not
    /// active on `day`; None when nobody was active on the first day.
    pub churn: Option<f64>,
    /// The NPS of the answers given in the month; None without answers.
    pub nps: Option<f64>,
}

/// How many months the trend covers.
pub const TREND_MONTHS: u32 = 12;

/// The 12 months up to `to` (its own month counted up to `to`), oldest
/// first: the trend the Stats screen draws, each month counted as the
/// figures count a period.
pub fn monthly(ctx: &Ctx, to: NaiveDate) -> Result<Vec<MonthPoint>> {
    let conn = &ctx.conn;
    let lapse_days = ctx.config.stats.lapse_days;
    let first_of_month = to.with_day(1).unwrap_or(to);
    // Those active at the end of the month before, from which the next
    // month's first day is worked out in a few reads.
    let mut month_before: Option<(NaiveDate, HashSet<i64>)> = None;
    let mut points = Vec::with_capacity(TREND_MONTHS as usize);
    for back in (0..TREND_MONTHS).rev() {
        let start = first_of_month - Months::new(back);
        // The day before the next month's first, but never after `to`.
        let day = (start + Months::new(1) - Duration::days(1)).min(to);
        let (first, _) = active_window(start, lapse_days);
        let at_start = match &month_before {
            Some((end, active)) if *end + Duration::days(1) == start => {
                db::club_health::active_day_after(conn, active, first, start)?
            }
            _ => db::club_health::active_on(conn, first, start, None)?,
        };
        let (first, _) = active_window(day, lapse_days);
        let at_end = db::club_health::active_on(conn, first, day, None)?;
        let answers = db::feedback::counts(conn, start, day, None)?;
        let counts = HealthCounts {
            active_start: at_start.len() as i64,
            lost: at_start.difference(&at_end).count() as i64,
            nps_answers: answers.nps_answers,
            nps_promoters: answers.nps_promoters,
            nps_detractors: answers.nps_detractors,
            ..HealthCounts::default()
        };
        points.push(MonthPoint {
            day,
            members: db::club_health::members_by(conn, day)?,
            active: at_end.len() as i64,
            churn: churn_rate(&counts),
            nps: nps(&counts),
        });
        month_before = Some((day, at_end));
    }
    Ok(points)
}
