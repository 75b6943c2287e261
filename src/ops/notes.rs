//! Service notes on a member: add, list, resolve. A note is never edited
//! away: resolving a request or complaint keeps its text and adds when and
//! what was done, so the next person at the counter reads both.

use crate::context::Ctx;
use crate::db;
use crate::db::members::DATETIME;
use crate::domain::note::Note;
use crate::domain::note::NoteKind;
use crate::error::{Error, Result};

/// The refusal for a kind that is none of the three, naming them.
pub fn unknown_kind(word: &str) -> Error {
    let kinds: Vec<&str> = NoteKind::ALL.iter().map(|k| k.as_str()).collect();
    Error::user(
        "err-note-kind",
        &[("kind", word), ("kinds", &kinds.join(", "))],
    )
}

/// Adds a note of `kind` to `member`, written `by` (counter, cli). Blank
/// text is refused and nothing is written.
pub fn add(ctx: &Ctx, member: i64, kind: NoteKind, text: &str, by: &str) -> Result<Note> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::user("err-note-empty", &[]));
    }
    let tx = super::begin(ctx)?;
    if db::members::get(&ctx.conn, member)?.is_none() {
        return Err(Error::user(
            "err-member-not-found",
            &[("key", &member.to_string())],
        ));
    }
    let id = db::notes::insert(&ctx.conn, member, kind, text, by, ctx.clock.now())?;
    let note = stored(ctx, id)?;
    tx.commit()?;
    Ok(note)
}

/// Notes of one member or of everyone, newest first; `open_only` keeps
/// the requests and complaints not resolved.
pub fn list(ctx: &Ctx, member: Option<i64>, open_only: bool) -> Result<Vec<Note>> {
    db::notes::list(&ctx.conn, member, open_only)
}

/// How many requests and complaints of the member wait to be resolved.
pub fn open_count(ctx: &Ctx, member: i64) -> Result<i64> {
    db::notes::open_count(&ctx.conn, member)
}

/// Resolves request or complaint `id` with `how` (what was done). A plain
/// note, one resolved already, an unknown id or blank words are refused
/// clearly and nothing changes.
pub fn resolve(ctx: &Ctx, id: i64, how: &str) -> Result<Note> {
    let how = how.trim();
    if how.is_empty() {
        return Err(Error::user("err-note-how-empty", &[]));
    }
    let tx = super::begin(ctx)?;
    let note = stored(ctx, id)?;
    if !note.kind.needs_doing() {
        return Err(Error::user("err-note-plain", &[("id", &id.to_string())]));
    }
    if let Some(at) = note.resolved_at {
        return Err(Error::user(
            "err-note-resolved",
            &[
                ("id", &id.to_string()),
                ("at", &at.format(DATETIME).to_string()),
            ],
        ));
    }
    db::notes::resolve(&ctx.conn, id, how, ctx.clock.now())?;
    let note = stored(ctx, id)?;
    tx.commit()?;
    Ok(note)
}

fn stored(ctx: &Ctx, id: i64) -> Result<Note> {
    db::notes::get(&ctx.conn, id)?
        .ok_or_else(|| Error::user("err-note-not-found", &[("id", &id.to_string())]))
}
