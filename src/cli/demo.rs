//! `regulars demo`: fill the database with made-up members to try the app.

use std::io::IsTerminal;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use super::{Ctx, JsonFlag, stdout};
use crate::error::Result;
use crate::i18n::{t, t_count};
use crate::ops::demo;

/// Below this many members the work is over before a bar could be read.
const SHOW_PROGRESS_FROM: usize = 5_000;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many demo members to add.
    #[arg(long, default_value_t = demo::MEMBERS, value_name = "N")]
    members: usize,
    /// The same number gives the same members.
    #[arg(long, default_value_t = demo::SEED, value_name = "S")]
    seed: u64,
    #[command(flatten)]
    json: JsonFlag,
}

pub fn run_demo(ctx: &mut Ctx, a: DemoArgs) -> Result<()> {
    let bar = if a.members >= SHOW_PROGRESS_FROM && std::io::stderr().is_terminal() {
        let style = ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len}")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        ProgressBar::new(a.members as u64)
            .with_style(style)
            .with_message(t("cli-demo-progress"))
    } else {
        ProgressBar::hidden()
    };
    let added = demo::fill(ctx, a.members, a.seed, &mut |done| {
        bar.set_position(done as u64);
        true
    })?;
    bar.finish_and_clear();
    if a.json.json {
        let members = crate::ops::lookup::member_count(ctx)?;
        return stdout::print_line(
            serde_json::json!({"added": added, "seed": a.seed, "members": members}),
        );
    }
    stdout::print_line(t_count(
        "ui-demo-done",
        "count",
        i64::try_from(added).unwrap_or(i64::MAX),
    ))?;
    Ok(())
}
