//! `regulars demo`: fill the database with made-up members to try the app.

use std::io::IsTerminal;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use super::{Ctx, JsonFlag, stdout};
use crate::error::Error;
use crate::error::Result;
use crate::i18n::{t, t_count};
use crate::message::Arg;
use crate::ops::demo::{self, IfMembers};

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
    /// Add them to a club that has members, or take them out with --remove.
    #[arg(long)]
    yes: bool,
    /// Take the demo members out again, with their receipts and points.
    #[arg(long)]
    remove: bool,
    #[command(flatten)]
    json: JsonFlag,
}

pub fn run_demo(ctx: &mut Ctx, a: DemoArgs) -> Result<()> {
    if a.remove {
        return run_remove(ctx, &a);
    }
    let if_members = if a.yes {
        IfMembers::AddAlongside
    } else {
        IfMembers::Refuse
    };
    // Asked before the bar shows, so a refusal is the only line printed.
    if let Some(refused) = demo::fill_refused(ctx, if_members)? {
        return Err(refused);
    }
    let bar = if a.members >= SHOW_PROGRESS_FROM && std::io::stderr().is_terminal() {
        let style = ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len}")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        ProgressBar::new(a.members as u64)
            .with_style(style)
            .with_message(t("cli-demo-progress"))
    } else {
        ProgressBar::hidden()
    };
    let added = demo::fill(ctx, a.members, a.seed, if_members, &mut |done| {
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

/// `demo --remove`: says how many would go and needs `--yes` to take them.
fn run_remove(ctx: &mut Ctx, a: &DemoArgs) -> Result<()> {
    let demo_members = demo::club_members(ctx)?.demo;
    if demo_members > 0 && !a.yes {
        return Err(Error::user_with(
            "demo-err-remove-ask",
            vec![
                ("count", Arg::Count(demo_members)),
                ("flag", Arg::Text("--yes".into())),
            ],
        ));
    }
    let removed = if demo_members > 0 {
        demo::remove(ctx)?
    } else {
        0
    };
    let removed = i64::try_from(removed).unwrap_or(i64::MAX);
    if a.json.json {
        let members = crate::ops::lookup::member_count(ctx)?;
        return stdout::print_line(serde_json::json!({"removed": removed, "members": members}));
    }
    stdout::print_line(t_count("cli-demo-removed", "count", removed))
}
