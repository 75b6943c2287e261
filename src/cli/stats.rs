//! `stats [--from DATE] [--to DATE] [--json]`: the club-health figures as
//! a short table for a terminal or a cron mail, or as JSON for scripts
//! (`null` where a figure is undefined).

use chrono::NaiveDate;
use clap::Args;
use serde_json::{Value, json};

use super::{Ctx, JsonFlag, stdout};
use crate::clock::parse_day;
use crate::error::Result;
use crate::i18n::t;
use crate::ops::branch::narrowed_to;
use crate::ops::stats::{ClubHealth, club_health_at};
use crate::words::branch::branch_line;
use crate::words::club_health::{figure_lines, referrer_lines, source_lines, title};
use crate::words::text::{pad, width};

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// First day of the period (default: 364 days before the last).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    from: Option<NaiveDate>,
    /// Last day of the period (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    to: Option<NaiveDate>,
    /// Only this branch's receipts and members (a chain's branch name).
    #[arg(long, value_name = "NAME")]
    shop: Option<String>,
    #[command(flatten)]
    json: JsonFlag,
}

/// Two decimals are plenty for a rate and keep float noise
/// (15.000000000000002) out of scripts.
fn rounded(value: Option<f64>) -> Value {
    json!(value.map(|v| (v * 100.0).round() / 100.0))
}

/// The JSON object of DESIGN's contract, field names fixed.
pub fn health_json(h: &ClubHealth) -> Value {
    let (c, f) = (&h.counts, &h.figures);
    json!({
        "members": h.members,
        "new_members": h.new_members,
        "retention_rate": rounded(f.retention_rate),
        "churn_rate": rounded(f.churn_rate),
        "nps": rounded(f.nps),
        "csat": rounded(f.csat),
        "cltv_minor": f.cltv_minor,
        "member_sales_share": rounded(f.member_sales_share),
        "counts": {
            "active_start": c.active_start,
            "active_end": c.active_end,
            "new_active": c.new_active,
            "lost": c.lost,
            "nps_answers": c.nps_answers,
            "csat_answers": c.csat_answers,
        },
        "cltv_parts": {
            "avg_basket_minor": f.avg_basket_minor,
            "visits_per_year": rounded(f.visits_per_year),
            "lifespan_years": rounded(f.lifespan_years),
        },
        "sources": h.sources.iter().map(|s| json!({
            "source": s.source,
            "new_members": s.new_members,
            "spend_minor": s.spend_minor,
        })).collect::<Vec<_>>(),
        "top_referrers": h.top_referrers.iter().map(|r| json!({
            "member_id": r.member_id,
            "name": r.name,
            "referred": r.referred,
        })).collect::<Vec<_>>(),
    })
}

/// Rows of (label, value) with the values lined up after the widest label.
fn table(rows: &[(String, String)]) -> String {
    let cols = rows
        .iter()
        .map(|(label, _)| width(label))
        .max()
        .unwrap_or(0);
    rows.iter()
        .map(|(label, value)| format!("  {}  {value}\n", pad(label, cols)))
        .collect()
}

fn health_text(ctx: &Ctx, h: &ClubHealth) -> String {
    let currency = ctx.config.currency();
    let mut text = format!("{}\n", title(&h.period));
    text.push_str(&table(&figure_lines(
        h.members,
        h.new_members,
        &h.counts,
        &h.figures,
        currency,
    )));
    if !h.sources.is_empty() {
        text.push_str(&format!("\n{}\n", t("stats-sources")));
        text.push_str(&table(&source_lines(&h.sources, currency)));
    }
    if !h.top_referrers.is_empty() {
        text.push_str(&format!("\n{}\n", t("stats-top-referrers")));
        text.push_str(&table(&referrer_lines(&h.top_referrers)));
    }
    text
}

pub fn run_stats(ctx: &Ctx, a: StatsArgs) -> Result<()> {
    let branch = narrowed_to(ctx, a.shop.as_deref())?;
    let health = club_health_at(ctx, a.from, a.to, branch.as_ref())?;
    let survey = crate::ops::survey::summary(ctx, health.period.from, health.period.to)?;
    if a.json.json {
        let mut json = health_json(&health);
        json["survey"] = crate::ops::survey::summary_json(&survey);
        if let Some(branch) = &branch {
            json["shop"] = json!(branch.name);
        }
        return stdout::print_line(json);
    }
    let mut text = health_text(ctx, &health);
    if let Some(branch) = &branch {
        text.insert_str(text.find('\n').map_or(0, |i| i + 1), &branch_line(branch));
    }
    for (i, s) in survey.iter().enumerate() {
        if i == 0 {
            text.push_str(&format!("\n{}\n", t("stats-survey")));
        }
        text.push_str(&format!("  {}\n", crate::words::survey::heading(i, s)));
        text.push_str(&table(&crate::words::survey::summary_lines(s)));
    }
    stdout::print(&text)
}
