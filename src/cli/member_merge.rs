//! `member merge KEEP DROP [--yes] [--json]`: without `--yes` it shows what
//! the merge would do and exits 1 saying that `--yes` merges; with it the
//! members are merged and the result shown.

use clap::Args;
use serde_json::{Map, Value, json};

use super::{Ctx, JsonFlag, stdout};
use crate::error::{Error, Result};
use crate::i18n::{t, t_args};
use crate::ops::lookup;
use crate::ops::merge::{FieldChange, MergePreview, merge, preview};

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

/// The preview as lines: what moves, which details fill, which differ.
pub fn preview_text(p: &MergePreview) -> String {
    let (keep, drop) = (p.keep.0.to_string(), p.drop.0.to_string());
    let mut text = t_args(
        "merge-preview-title",
        &[
            ("keep", &keep),
            ("keep_name", &p.keep.1),
            ("drop", &drop),
            ("drop_name", &p.drop.1),
        ],
    );
    text.push('\n');
    text.push_str(&format!("{}\n", t_args("merge-moves", &[("keep", &keep)])));
    if p.moves.is_empty() {
        text.push_str(&format!("  {}\n", t("merge-nothing")));
    }
    for (what, rows) in &p.moves {
        text.push_str(&format!("  {}: {rows}\n", t(&format!("merge-what-{what}"))));
    }
    let sections = [
        (t_args("merge-fills", &[("drop", &drop)]), &p.filled),
        (t("merge-joins"), &p.joined),
        (t_args("merge-differs", &[("keep", &keep)]), &p.differ),
    ];
    for (title, list) in sections {
        if list.is_empty() {
            continue;
        }
        text.push_str(&format!("{title}\n"));
        for c in list {
            let label = t(c.field.label_key());
            let line = match c.keep.is_empty() {
                true => format!("  {label}: {}\n", c.drop.replace('\n', " / ")),
                false => format!(
                    "  {label}: {} | {}\n",
                    c.keep.replace('\n', " / "),
                    c.drop.replace('\n', " / ")
                ),
            };
            text.push_str(&line);
        }
    }
    let points = p.points.to_string();
    text.push_str(&format!(
        "{}\n",
        t_args("merge-points", &[("points", &points)])
    ));
    text
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
