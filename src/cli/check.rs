//! `regulars check`: what a club holds from before duplicates were refused —
//! phones, emails and cards shared by several members, and members with the
//! same name and birthday — so the owner knows what to fix. Exits 0 when
//! there is nothing, 1 when there is something, for scripts.

use clap::Args;
use serde_json::json;

use super::{Ctx, JsonFlag, stdout};
use crate::domain::member::display_phone;
use crate::error::Result;
use crate::i18n::t_args;
use crate::ops::duplicates::{Shared, SharedGroup, club_duplicates};

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

pub fn run_check(ctx: &mut Ctx, a: CheckArgs) -> Result<()> {
    let groups = club_duplicates(ctx)?;
    if a.json.json {
        let list: Vec<_> = groups.iter().map(group_json).collect();
        stdout::print_line(json!({"duplicates": list}))?;
    } else if groups.is_empty() {
        stdout::print_line(t_args("cli-check-none", &[]))?;
    } else {
        for g in &groups {
            stdout::print_line(group_line(ctx, g))?;
        }
    }
    if !groups.is_empty() {
        // Not an error to report (the list above is the report), but
        // scripts read the exit code; nothing was written.
        std::process::exit(1);
    }
    Ok(())
}
