//! `regulars note add KEY --kind K --text T [--json]`, `note list [KEY]
//! [--open] [--json]`, `note resolve ID --how T`: service notes.

use clap::Subcommand;
use serde_json::{Value, json};

use super::{Ctx, JsonFlag, stdout};
use crate::domain::note::Note;
use crate::domain::note::NoteKind;
use crate::error::Result;
use crate::i18n::{t, t_args};
use crate::ops::{lookup, notes};
use crate::words::dates::date_with_year;
use crate::words::notes::{kind_label, state};

#[derive(Debug, Subcommand)]
pub enum NoteCommand {
    /// Add a note, request or complaint to a member.
    Add {
        /// The member: id, card, phone or email.
        key: String,
        /// note, request or complaint.
        #[arg(long)]
        kind: String,
        /// What to remember.
        #[arg(long)]
        text: String,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Notes of a member, or of everyone, newest first.
    List {
        /// The member: id, card, phone or email.
        key: Option<String>,
        /// Only requests and complaints not resolved yet.
        #[arg(long)]
        open: bool,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Resolve a request or complaint with what was done.
    Resolve {
        /// The note's number.
        id: i64,
        /// What was done.
        #[arg(long)]
        how: String,
    },
}

/// Times in JSON, as every command prints them.
const DATETIME: &str = "%Y-%m-%d %H:%M:%S";

/// A note as `note list --json` and `note add --json` print it.
fn note_json(note: &Note) -> Value {
    json!({
        "id": note.id,
        "member_id": note.member_id,
        "kind": note.kind.as_str(),
        "text": note.text,
        "at": note.at.format(DATETIME).to_string(),
        "resolved_at": note.resolved_at.map(|at| at.format(DATETIME).to_string()),
        "resolution": note.resolution,
    })
}

/// "#3  23 Nov 2026  Complaint (open): the text", the state after the kind.
fn note_line(note: &Note) -> String {
    let kind = match state(note) {
        Some(state) => format!("{} ({state})", kind_label(note.kind)),
        None => kind_label(note.kind),
    };
    format!(
        "#{}  {}  {kind}: {}",
        note.id,
        date_with_year(note.at.date()),
        note.text
    )
}

pub fn run_note(ctx: &mut Ctx, command: NoteCommand) -> Result<()> {
    match command {
        NoteCommand::Add {
            key,
            kind,
            text,
            json,
        } => {
            // The kind is checked before the key is looked up: nothing is
            // read for a command that cannot be carried out.
            let kind = NoteKind::parse(&kind).ok_or_else(|| notes::unknown_kind(&kind))?;
            let member = lookup::find_member(ctx, &key)?;
            let note = notes::add(ctx, member, kind, &text, "cli")?;
            if json.json {
                return stdout::print_line(note_json(&note));
            }
            let name = lookup::member_name(ctx, member)?;
            stdout::print_line(t_args(
                "cli-note-added",
                &[
                    ("id", &note.id.to_string()),
                    ("kind", &kind_label(kind)),
                    ("name", &name),
                ],
            ))
        }
        NoteCommand::List { key, open, json } => {
            let member = match &key {
                Some(key) => Some(lookup::find_member(ctx, key)?),
                None => None,
            };
            let list = notes::list(ctx, member, open)?;
            if json.json {
                return stdout::print_line(Value::from(
                    list.iter().map(note_json).collect::<Vec<_>>(),
                ));
            }
            if list.is_empty() {
                return stdout::print_line(t("cli-note-none"));
            }
            for note in &list {
                stdout::print_line(note_line(note))?;
            }
            Ok(())
        }
        NoteCommand::Resolve { id, how } => {
            let note = notes::resolve(ctx, id, &how)?;
            stdout::print_line(t_args(
                "cli-note-resolved",
                &[
                    ("id", &note.id.to_string()),
                    ("kind", &kind_label(note.kind)),
                ],
            ))
        }
    }
}
