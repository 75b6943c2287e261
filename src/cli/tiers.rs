//! `regulars tiers`: members per tier, this month's moves, and who is
//! within 10% of the next tier, by name, the smallest amount missing first.
//! The tiers are worked out again first when the day or the rules changed.

use clap::Args;
use serde_json::{Value, json};

use super::{Ctx, JsonFlag, stdout};
use crate::domain::loyalty_config::Program;
use crate::domain::tiers::TierBasis;
use crate::error::Result;
use crate::i18n::{t, t_args, t_count};
use crate::ops::branch::{members as branch_members, narrowed_to};
use crate::ops::loyalty::{self as points_ops, TierOverview};
use crate::ops::near_tier::{self, Near};
use crate::words::branch::branch_line;
use crate::words::loyalty::metric_text;
use crate::words::text::{pad, width};

#[derive(Debug, Args)]
pub struct TiersArgs {
    /// Only the members who visited this branch (a chain's branch name).
    #[arg(long, value_name = "NAME")]
    shop: Option<String>,
    #[command(flatten)]
    json: JsonFlag,
}

pub fn run_tiers(ctx: &mut Ctx, args: TiersArgs) -> Result<()> {
    let branch = narrowed_to(ctx, args.shop.as_deref())?;
    let members = match &branch {
        Some(b) => Some(branch_members(ctx, b, ctx.clock.today(), false)?),
        None => None,
    };
    let (program, overview) = points_ops::tier_overview_among(ctx, members.as_ref())?;
    let near = near_tier::near_among(ctx, None, members.as_ref())?
        .unwrap_or_default()
        .members;
    if args.json.json {
        let mut json = tiers_json(&program, &overview, &near);
        if let Some(branch) = &branch {
            json["shop"] = json!(branch.name);
        }
        return stdout::print_line(json);
    }
    if let Some(branch) = &branch {
        stdout::print(&branch_line(branch))?;
    }
    let tiers = &program.tiers.tiers;
    if tiers.is_empty() {
        return stdout::print_line(t("loyalty-no-tiers"));
    }
    let name_cols = tiers
        .iter()
        .map(|t| width(&t.name))
        .max()
        .unwrap_or(0)
        .max(width(&t("loyalty-col-tier")));
    stdout::print_line(format!(
        "{}  {}  {:>8}  {}",
        pad(&t("loyalty-col-tier"), name_cols),
        pad(&t("loyalty-col-from"), 12),
        t("loyalty-col-members"),
        t("loyalty-col-perks")
    ))?;
    for (tier, members) in tiers.iter().zip(&overview.counts) {
        stdout::print_line(format!(
            "{}  {}  {members:>8}  {}",
            pad(&tier.name, name_cols),
            pad(&metric_text(&program, tier.min), 12),
            tier.perks
        ))?;
    }
    stdout::print_line(t_args(
        "loyalty-cli-month",
        &[
            ("up", &overview.moved_up.to_string()),
            ("down", &overview.moved_down.to_string()),
            ("close", &near.len().to_string()),
        ],
    ))?;
    print_near(&program, &near)
}

/// `{tiers, moves, near}`: the tiers with their members, this month's
/// moves, and who is near the next tier (`missing` in minor units or
/// visits, as the tier rules count).
fn tiers_json(program: &Program, overview: &TierOverview, near: &[Near]) -> Value {
    let name = |tier: usize| program.tier_name(tier).unwrap_or_default();
    let tiers: Vec<Value> = program
        .tiers
        .tiers
        .iter()
        .zip(&overview.counts)
        .map(|(tier, members)| {
            json!({
                "name": tier.name,
                "min": program.min_as_written(tier.min),
                "members": members,
                "perks": tier.perks,
            })
        })
        .collect();
    let moves: Vec<Value> = overview
        .moves
        .iter()
        .map(|m| {
            json!({
                "member_id": m.member_id,
                "name": m.name,
                "from": m.from,
                "to": m.to,
                "at": m.on.format("%Y-%m-%d").to_string(),
            })
        })
        .collect();
    let near: Vec<Value> = near
        .iter()
        .map(|n| {
            json!({
                "member_id": n.member_id,
                "name": n.name,
                "tier": name(n.tier),
                "next": name(n.next),
                "missing": n.missing,
            })
        })
        .collect();
    json!({"tiers": tiers, "moves": moves, "near": near})
}

/// The members near the next tier under a heading, one a line: name, tier
/// held, and what is missing ("€13.00 to Silver", "1 visit to Friend").
fn print_near(program: &Program, near: &[Near]) -> Result<()> {
    if near.is_empty() {
        return Ok(());
    }
    stdout::print_line("")?;
    stdout::print_line(t("loyalty-cli-near"))?;
    let name = |tier: usize| program.tier_name(tier).unwrap_or_default();
    let name_cols = near
        .iter()
        .map(|n| width(&n.name))
        .chain([width(&t("loyalty-col-member"))])
        .max()
        .unwrap_or(0);
    let tier_cols = near
        .iter()
        .map(|n| width(name(n.tier)))
        .chain([width(&t("loyalty-col-tier"))])
        .max()
        .unwrap_or(0);
    stdout::print_line(format!(
        "  {}  {}  {}",
        pad(&t("loyalty-col-member"), name_cols),
        pad(&t("loyalty-col-tier"), tier_cols),
        t("loyalty-col-to-next")
    ))?;
    for n in near {
        let missing = match program.tiers.basis {
            TierBasis::Spend => crate::words::numbers::money(program.currency, n.missing),
            TierBasis::Visits => t_count("loyalty-visits", "count", n.missing),
        };
        let gap = t_args(
            "loyalty-gap",
            &[("amount", &missing), ("tier", name(n.next))],
        );
        stdout::print_line(format!(
            "  {}  {}  {gap}",
            pad(&n.name, name_cols),
            pad(name(n.tier), tier_cols),
        ))?;
    }
    Ok(())
}
