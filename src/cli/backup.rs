//! `regulars backup [PATH]`: a copy of the club to go back to, safe to take
//! while the app or an import is writing. The path of the copy is printed
//! in full, so the owner (or a script) knows where it went.

use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use super::{Ctx, JsonFlag, stdout};
use crate::error::Result;
use crate::i18n::t_args;
use crate::ops::backup::take_backup;

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// A new file or a folder for the copy; without it, a dated file in the
    /// backups folder next to the database.
    #[arg(value_name = "PATH")]
    path: Option<PathBuf>,
    #[command(flatten)]
    json: JsonFlag,
}

pub fn run_backup(ctx: &mut Ctx, a: BackupArgs) -> Result<()> {
    let path = take_backup(ctx, a.path.as_deref())?;
    // Relative to nothing: the copy may be found from any folder.
    let path = std::path::absolute(&path).unwrap_or(path);
    let shown = path.display().to_string();
    if a.json.json {
        stdout::print_line(json!({ "path": shown }))
    } else {
        stdout::print_line(t_args("cli-backup-done", &[("path", &shown)]))
    }
}
