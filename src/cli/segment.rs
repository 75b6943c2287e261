//! `regulars segment save NAME EXPR | list | show NAME [--json]`: saved
//! segments. `show` works the segment out on the day it is run, so the
//! count and the members are today's.

use clap::Subcommand;
use serde_json::json;

use super::{Ctx, JsonFlag, stdout};
use crate::error::Result;
use crate::i18n::{t, t_args};
use crate::ops::segments;
use crate::words::numbers::counted;
use crate::words::text::{pad, width};

#[derive(Debug, Subcommand)]
pub enum SegmentCommand {
    /// Save an expression under a name.
    Save {
        name: String,
        /// The expression; the words after the name are read as one.
        #[arg(required = true, num_args = 1.., allow_hyphen_values = true)]
        expr: Vec<String>,
    },
    /// The saved segments and their expressions.
    List,
    /// A saved segment's expression and how many members it holds today.
    Show {
        name: String,
        #[command(flatten)]
        json: JsonFlag,
    },
}

pub fn run_segment(ctx: &mut Ctx, command: SegmentCommand) -> Result<()> {
    match command {
        SegmentCommand::Save { name, expr } => {
            let saved = segments::save(ctx, &name, &expr.join(" "))?;
            let count = segments::count(ctx, &saved.name)?.count;
            stdout::print_line(t_args(
                "segment-saved",
                &[("name", &saved.name), ("expr", &saved.expr)],
            ))?;
            stdout::print_line(counted("segment-members", count as i64))
        }
        SegmentCommand::List => {
            let all = segments::list(ctx)?;
            if all.is_empty() {
                return stdout::print_line(t("segment-none-saved"));
            }
            let cols = all.iter().map(|s| width(&s.name)).max().unwrap_or(0);
            for saved in all {
                stdout::print_line(format!("{}  {}", pad(&saved.name, cols), saved.expr))?;
            }
            Ok(())
        }
        SegmentCommand::Show { name, json } => {
            let shown = segments::show(ctx, &name)?;
            if json.json {
                return stdout::print_line(json!({
                    "name": shown.name,
                    "expr": shown.expr,
                    "count": shown.count,
                    "member_ids": shown.member_ids,
                }));
            }
            stdout::print_line(&shown.expr)?;
            stdout::print_line(counted("segment-members", shown.count as i64))
        }
    }
}
