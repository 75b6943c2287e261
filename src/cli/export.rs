//! `export contacts --channel sms|email [--segment EXPR|NAME] [--out FILE] [--raw | --vcard]`.

use std::collections::HashSet;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{Ctx, stdout};
use crate::error::Result;
use crate::i18n::{Value, t, t_values};
use crate::ops::export_contacts::{self, ListFormat, Phones};
use crate::ops::segments;

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Members who agreed to messages on a channel, as CSV or vCard.
    Contacts(ContactsArgs),
}

#[derive(Debug, Args)]
pub struct ContactsArgs {
    /// sms or email.
    #[arg(long, value_name = "sms|email")]
    channel: String,
    /// Only the members of this segment: a saved segment's name or an
    /// expression, e.g. "pet=dog and children".
    #[arg(long, value_name = "EXPR|NAME")]
    segment: Option<String>,
    /// The file to write (default: the export folder).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Phones as +E.164 for SMS tools, not guarded against formulas.
    #[arg(long)]
    raw: bool,
    /// vCard 4.0 instead of CSV, one card per member.
    #[arg(long, conflicts_with = "raw")]
    vcard: bool,
}

pub fn run_export(ctx: &Ctx, cmd: ExportCommand) -> Result<()> {
    let ExportCommand::Contacts(a) = cmd;
    let channel = export_contacts::channel(&a.channel)?;
    let format = match (a.vcard, a.raw) {
        (true, _) => ListFormat::Vcard,
        (false, true) => ListFormat::Csv(Phones::Raw),
        (false, false) => ListFormat::Csv(Phones::National),
    };
    let members: Option<HashSet<i64>> = match &a.segment {
        Some(segment) => Some(segments::members(ctx, segment)?.into_iter().collect()),
        None => None,
    };
    let written =
        export_contacts::export_list(ctx, channel, members.as_ref(), a.out.as_deref(), format)?;
    if a.raw {
        eprintln!("{}", t("cli-export-raw"));
    }
    let path = written.path.display().to_string();
    stdout::print_line(t_values(
        "cli-export-written",
        &[
            ("count", Value::Number(written.rows as i64)),
            ("path", Value::Text(&path)),
        ],
    ))
}
