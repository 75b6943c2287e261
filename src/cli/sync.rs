//! `regulars sync [--init] [--json]`: the chain's server made ready, or
//! this shop's changes sent and the other branches' brought in. What
//! moved is printed per kind; a long first sync shows its progress on
//! stderr. Any failure is one line naming the server, never its password.

use std::io::IsTerminal;
use std::sync::atomic::AtomicBool;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;

use super::{Ctx, JsonFlag, stdout};
use crate::error::Result;
use crate::i18n::{t, t_args, t_count};
use crate::ops::sync::{self, Moved, SyncProgress};

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Create the chain's tables on the server, or bring them up to date.
    #[arg(long)]
    init: bool,
    #[command(flatten)]
    json: JsonFlag,
}

pub fn run_sync(ctx: &mut Ctx, a: SyncArgs) -> Result<()> {
    let target = sync::target(ctx)?;
    if a.init {
        let done = sync::init(&target)?;
        if a.json.json {
            return stdout::print_line(json!(done));
        }
        let key = match done.was {
            0 => "cli-sync-init-new",
            was if was == done.now => "cli-sync-init-current",
            _ => "cli-sync-init-migrated",
        };
        return stdout::print_line(t_args(key, &[("server", &done.server)]));
    }
    let bar = progress_bar();
    let mut progress = |news: SyncProgress| match news {
        SyncProgress::Pushing { done, total } => {
            bar.set_message(t("cli-sync-progress-push"));
            bar.set_length(total);
            bar.set_position(done);
        }
        SyncProgress::Pulling { done } => {
            bar.set_message(t("cli-sync-progress-pull"));
            bar.set_length(done);
            bar.set_position(done);
        }
    };
    let cancel = AtomicBool::new(false);
    let report = sync::run(ctx, &target, &mut progress, &cancel);
    bar.finish_and_clear();
    let report = report?;
    if a.json.json {
        return stdout::print_line(json!(report));
    }
    stdout::print_line(t_args(
        "cli-sync-done",
        &[("shop", &report.shop), ("server", &report.server)],
    ))?;
    stdout::print_line(t_args(
        "cli-sync-sent",
        &[("what", &moved_words(&report.pushed))],
    ))?;
    stdout::print_line(t_args(
        "cli-sync-received",
        &[("what", &moved_words(&report.pulled))],
    ))
}

/// "3 members, 12 receipts", or "nothing".
fn moved_words(moved: &Moved) -> String {
    let parts: Vec<String> = moved
        .named()
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(name, n)| t_count(&format!("cli-sync-{name}"), "count", *n as i64))
        .collect();
    if parts.is_empty() {
        t("cli-sync-nothing")
    } else {
        parts.join(&t("cli-sync-list-separator"))
    }
}

/// A bar on stderr when it is a terminal; nothing for scripts and pipes.
fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}
