//! `regulars points`, `redeem` and `adjust`: the loyalty program from the
//! command line (`tiers` has a file of its own). Points are brought up to
//! date (earnings of new receipts, due bonuses) before anything is shown or
//! redeemed.

use clap::Args;
use serde_json::{Value, json};

use super::{Ctx, JsonFlag, stdout};
use crate::error::{Error, Result};
use crate::i18n::{t, t_args};
use crate::ops::lookup::{self, find_member as resolve};
use crate::ops::loyalty::{self as points_ops, Entry, IfBelowZero, IfBusy, Redemption};
use crate::words::loyalty::{gap_text, reason_text, signed};

#[derive(Debug, Args)]
pub struct PointsArgs {
    key: String,
    #[command(flatten)]
    json: JsonFlag,
}

#[derive(Debug, Args)]
pub struct RedeemArgs {
    key: String,
    /// Points to redeem.
    points: i64,
    /// The reward from the config's list the points are for.
    #[arg(long)]
    reward: Option<String>,
    #[command(flatten)]
    json: JsonFlag,
}

#[derive(Debug, Args)]
pub struct AdjustArgs {
    key: String,
    /// Points to add, or with a minus sign to remove.
    #[arg(allow_negative_numbers = true)]
    points: i64,
    /// Why (required; shown in the points history).
    #[arg(long)]
    note: String,
    /// Take the points off even when that leaves the balance below zero.
    #[arg(long)]
    allow_negative: bool,
    #[command(flatten)]
    json: JsonFlag,
}

fn entry_json(e: &Entry) -> Value {
    json!({
        "at": e.at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        "delta": e.delta,
        "reason": e.reason.code(),
        "note": e.note,
        "detail": e.detail,
        "receipt": e.receipt,
    })
}

pub fn run_points(ctx: &mut Ctx, args: PointsArgs) -> Result<()> {
    let id = resolve(ctx, &args.key)?;
    let points_ops::Points {
        balance,
        ledger: history,
    } = points_ops::points(ctx, id, IfBusy::Wait)?;
    if args.json.json {
        let rows: Vec<Value> = history.iter().map(entry_json).collect();
        stdout::print_line(json!({"member_id": id, "balance": balance, "ledger": rows}))?;
        return Ok(());
    }
    let name = lookup::member_name(ctx, id)?;
    stdout::print_line(t_args(
        "loyalty-cli-balance",
        &[
            ("name", &name),
            ("id", &id.to_string()),
            ("balance", &crate::words::numbers::number(balance)),
        ],
    ))?;
    let dates: Vec<String> = history
        .iter()
        .map(|e| crate::words::dates::date_with_year(e.at.date()))
        .collect();
    let date_cols = dates
        .iter()
        .map(|d| crate::words::text::width(d))
        .max()
        .unwrap_or(0);
    for (e, date) in history.iter().zip(&dates) {
        let what = match (&e.note, &e.receipt) {
            (Some(note), _) => format!("{} — {note}", reason_text(e)),
            (None, Some(receipt)) => format!("{} {receipt}", reason_text(e)),
            (None, None) => reason_text(e),
        };
        stdout::print_line(format!(
            "  {}  {:>7}  {what}",
            crate::words::text::pad(date, date_cols),
            signed(e.delta)
        ))?;
    }
    Ok(())
}

pub fn run_redeem(ctx: &mut Ctx, args: RedeemArgs) -> Result<()> {
    let id = resolve(ctx, &args.key)?;
    let balance = points_ops::redeem(
        ctx,
        &Redemption {
            member_id: id,
            points: args.points,
            reward: args.reward.as_deref(),
        },
    )?;
    let name = lookup::member_name(ctx, id)?;
    if args.json.json {
        return stdout::print_line(json!({
            "member_id": id,
            "name": name,
            "points": args.points,
            "reward": args.reward,
            "balance": balance,
        }));
    }
    let said = crate::message::Message::new(
        "loyalty-cli-redeemed",
        &[
            ("name", &name),
            ("balance", &crate::words::numbers::number(balance)),
        ],
    )
    .and("points", crate::message::Message::points(args.points));
    stdout::print_line(said.to_string())?;
    Ok(())
}

pub fn run_adjust(ctx: &mut Ctx, args: AdjustArgs) -> Result<()> {
    let id = resolve(ctx, &args.key)?;
    let below_zero = if args.allow_negative {
        IfBelowZero::Allow
    } else {
        IfBelowZero::Refuse
    };
    let balance = match points_ops::adjust(ctx, id, args.points, &args.note, below_zero) {
        Err(Error::BelowZero { balance }) => {
            return Err(Error::user(
                "cli-adjust-below-zero",
                &[
                    ("balance", &crate::words::numbers::number(balance)),
                    ("flag", "--allow-negative"),
                ],
            ));
        }
        done => done?,
    };
    if args.json.json {
        return stdout::print_line(json!({
            "member_id": id,
            "name": lookup::member_name(ctx, id)?,
            "points": args.points,
            "note": args.note,
            "balance": balance,
        }));
    }
    stdout::print_line(points_ops::adjusted(args.points, balance).to_string())?;
    Ok(())
}

/// The `tier` and `points` of `member show`, filled in its JSON.
pub fn fill_member_json(ctx: &Ctx, id: i64, value: &mut Value) -> Result<()> {
    let program = ctx.program().clone();
    let standing = points_ops::standing(ctx, id, IfBusy::Wait)?;
    value["points"] = json!(standing.balance);
    value["tier"] = match &standing.standing {
        Some(s) => json!(program.tier_name(s.tier)),
        None => Value::Null,
    };
    Ok(())
}

/// Tier and points lines for `member show` without `--json`.
pub fn member_text(ctx: &Ctx, id: i64) -> Result<String> {
    let program = ctx.program().clone();
    let standing = points_ops::standing(ctx, id, IfBusy::Wait)?;
    let mut out = String::new();
    if let Some(s) = &standing.standing {
        let tier = program.tier_name(s.tier).unwrap_or_default();
        let value = match gap_text(&program, s) {
            Some(gap) => format!("{tier} ({gap})"),
            None => tier.to_string(),
        };
        out.push_str(&format!("  {}: {value}\n", t("ui-col-tier")));
    }
    out.push_str(&format!("  {}: {}\n", t("ui-col-points"), standing.balance));
    Ok(out)
}
