//! `regulars check`: whether the club's file is sound — SQLite's integrity
//! check, rows referring to rows that are gone, points rows that make a
//! balance wrong — and what a club holds from before duplicates were
//! refused: phones, emails and cards shared by several members, and members
//! with the same name and birthday. Exits 0 when there is nothing, 1 when
//! there is something, for scripts.

use clap::Args;
use serde_json::json;

use super::{Ctx, JsonFlag, stdout};
use crate::domain::member::display_phone;
use crate::error::Result;
use crate::i18n::{t, t_args};
use crate::ops::duplicates::{Shared, SharedGroup};
use crate::ops::health::{BadPoints, Health, MissingRow, check_club};
use crate::words::loyalty::signed;

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    json: JsonFlag,
}

fn group_json(g: &SharedGroup) -> serde_json::Value {
    let members: Vec<_> = g
        .members
        .iter()
        .map(|(id, name)| json!({"id": id, "name": name}))
        .collect();
    json!({"shared": g.shared.code(), "value": g.value, "members": members})
}

fn group_line(ctx: &Ctx, g: &SharedGroup) -> String {
    let members: Vec<String> = g
        .members
        .iter()
        .map(|(id, name)| format!("{id} ({name})"))
        .collect();
    let value = match g.shared {
        Shared::Phone => display_phone(&g.value, ctx.config.country()),
        _ => g.value.clone(),
    };
    t_args(
        &format!("cli-check-{}", g.shared.code()),
        &[("value", &value), ("members", &members.join(", "))],
    )
}

fn missing_json(m: &MissingRow) -> serde_json::Value {
    json!({"table": m.table, "rowid": m.rowid, "parent": m.parent})
}

fn points_json(p: &BadPoints) -> serde_json::Value {
    json!({"id": p.id, "member_id": p.member_id, "reason": p.reason, "delta": p.delta, "at": p.at})
}

fn missing_line(m: &MissingRow) -> String {
    let rowid = m.rowid.map(|r| r.to_string()).unwrap_or_else(|| "?".into());
    t_args(
        "cli-check-missing-row",
        &[
            ("table", &m.table),
            ("rowid", &rowid),
            ("parent", &m.parent),
        ],
    )
}

fn points_line(p: &BadPoints) -> String {
    let reason = match p.reason.as_str() {
        "redeem" | "expire" | "adjust" => t(&format!("loyalty-reason-{}", p.reason)),
        _ => t("loyalty-reason-bonus"),
    };
    t_args(
        "cli-check-bad-points",
        &[
            ("member", &p.member_id.to_string()),
            ("id", &p.id.to_string()),
            ("reason", &reason),
            ("delta", &signed(p.delta)),
            ("at", &p.at),
        ],
    )
}

fn print_text(ctx: &Ctx, health: &Health) -> Result<()> {
    for detail in &health.integrity {
        stdout::print_line(t_args("cli-check-damaged", &[("detail", detail)]))?;
    }
    for m in &health.foreign_keys {
        stdout::print_line(missing_line(m))?;
    }
    for p in &health.ledger {
        stdout::print_line(points_line(p))?;
    }
    if health.integrity.is_empty() && health.foreign_keys.is_empty() && health.ledger.is_empty() {
        stdout::print_line(t("cli-check-sound"))?;
    }
    if health.duplicates.is_empty() && health.integrity.is_empty() {
        stdout::print_line(t_args("cli-check-none", &[]))?;
    }
    for g in &health.duplicates {
        stdout::print_line(group_line(ctx, g))?;
    }
    Ok(())
}

pub fn run_check(ctx: &mut Ctx, a: CheckArgs) -> Result<()> {
    let health = check_club(ctx)?;
    if a.json.json {
        stdout::print_line(json!({
            "integrity": health.integrity,
            "foreign_keys": health.foreign_keys.iter().map(missing_json).collect::<Vec<_>>(),
            "ledger": health.ledger.iter().map(points_json).collect::<Vec<_>>(),
            "duplicates": health.duplicates.iter().map(group_json).collect::<Vec<_>>(),
        }))?;
    } else {
        print_text(ctx, &health)?;
    }
    if !health.is_sound() {
        // Not an error to report (the list above is the report), but
        // scripts read the exit code; nothing was written.
        std::process::exit(1);
    }
    Ok(())
}
