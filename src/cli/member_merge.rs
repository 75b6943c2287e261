//! `member merge KEEP DROP [--yes] [--json]`: without `--yes` it shows what
//! the merge would do and exits 1 saying that `--yes` merges; with it the
//! members are merged and the result shown.

use clap::Args;
use serde_json::{Map, Value, json};

use super::{Ctx, JsonFlag, stdout};
use crate::error::{Error, Result};
use crate::i18n::t_args;
use crate::ops::lookup;
use crate::ops::merge::{FieldChange, MergePreview, merge, preview};
use crate::words::merge::preview_lines;

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The member kept: id, card, phone or email.
    keep: String,
    /// The member merged into KEEP and then no longer a member.
    drop: String,
    /// Merge; without it only what would happen is shown.
    #[arg(long)]
    yes: bool,
    #[command(flatten)]
    json: JsonFlag,
}

/// The preview as the lines the screen shows too.
fn preview_text(p: &MergePreview) -> String {
    preview_lines(p).iter().map(|l| format!("{l}\n")).collect()
}

fn changes_json(list: &[FieldChange]) -> Value {
    list.iter()
        .map(|c| json!({"field": c.field.code(), "keep": c.keep, "drop": c.drop}))
        .collect()
}

fn preview_json(p: &MergePreview) -> Value {
    let moves: Map<String, Value> = p
        .moves
        .iter()
        .map(|(what, rows)| (what.to_string(), json!(rows)))
        .collect();
    json!({
        "keep": {"id": p.keep.0, "name": p.keep.1},
        "drop": {"id": p.drop.0, "name": p.drop.1},
        "moves": moves,
        "filled": changes_json(&p.filled),
        "joined": changes_json(&p.joined),
        "differ": changes_json(&p.differ),
        "points": p.points,
    })
}

pub fn run_merge(ctx: &Ctx, a: &MergeArgs) -> Result<()> {
    let keep = lookup::find_member(ctx, &a.keep)?;
    let drop = lookup::find_member(ctx, &a.drop)?;
    let (keep_id, drop_id) = (keep.to_string(), drop.to_string());
    if !a.yes {
        let shown = preview(ctx, keep, drop)?;
        if a.json.json {
            let mut value = preview_json(&shown);
            value["merged"] = json!(false);
            stdout::print_line(value)?;
        } else {
            stdout::print(&preview_text(&shown))?;
        }
        return Err(Error::user(
            "merge-needs-yes",
            &[("keep", &keep_id), ("drop", &drop_id)],
        ));
    }
    let done = merge(ctx, keep, drop)?;
    if a.json.json {
        let mut value = preview_json(&done.preview);
        value["merged"] = json!(true);
        value["balance"] = json!(done.balance);
        return stdout::print_line(value);
    }
    stdout::print(&preview_text(&done.preview))?;
    let balance = done.balance.to_string();
    stdout::print_line(t_args(
        "merge-done",
        &[
            ("keep", &keep_id),
            ("drop", &drop_id),
            ("name", &done.preview.keep.1),
            ("points", &balance),
        ],
    ))
}
