//! Segments: who a message or a list is for. Wherever a segment is asked
//! for, a saved segment's name is looked up first and anything else is read
//! as an expression, so `--segment dog-owners` and `--segment pet=dog` both
//! work. The count and the members come from one SQL query
//! (`db::segment`), so the screen's live count and an export name the same
//! people.

use crate::context::Ctx;
use crate::db::segment::{self as query, Compiled, Facts};
use crate::db::segments_saved;
pub use crate::db::segments_saved::Saved;
use crate::domain::segment::{Expr, SegmentError, Word, parse};
use crate::error::{Error, Result};
use crate::message::Message;

/// How many members a segment holds, and the words in it the club keeps
/// no data for (they match no one, and the screen says so).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    pub count: u64,
    pub no_data: Vec<Word>,
}

/// A saved segment with what it holds today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub name: String,
    pub expr: String,
    pub count: u64,
    pub member_ids: Vec<i64>,
}

/// Reads an expression as typed; a mistake is a user error naming it.
pub fn read(text: &str) -> Result<Expr> {
    parse(text).map_err(|e| Error::User(problem(&e)))
}

/// A refused expression in words: what was refused, its word and where.
pub fn problem(e: &SegmentError) -> Message {
    Message::new(
        e.key,
        &[
            ("found", &e.found),
            ("word", &e.word),
            ("at", &e.at.to_string()),
        ],
    )
}

/// A saved segment's expression when `text` is one's name, else `text`
/// read as an expression.
pub fn resolve(ctx: &Ctx, text: &str) -> Result<Expr> {
    match segments_saved::find(&ctx.conn, text)? {
        Some(saved) => read(&saved.expr),
        None => read(text),
    }
}

fn facts(ctx: &Ctx) -> Facts {
    Facts {
        today: ctx.clock.today(),
        tiers: ctx
            .program()
            .tiers
            .tiers
            .iter()
            .map(|t| t.name.clone())
            .collect(),
        minor_digits: ctx.config.currency().minor_digits(),
    }
}

fn compile(ctx: &Ctx, text: &str) -> Result<Compiled> {
    query::compile(&resolve(ctx, text)?, &facts(ctx))
}

/// The size of a segment (by name or expression).
pub fn count(ctx: &Ctx, text: &str) -> Result<Counted> {
    let compiled = compile(ctx, text)?;
    Ok(Counted {
        count: query::count(&ctx.conn, &compiled)?,
        no_data: compiled.no_data,
    })
}

/// The size of an expression already read (the screen reads as it is
/// typed and keeps the result).
pub fn count_expr(ctx: &Ctx, expr: &Expr) -> Result<Counted> {
    let compiled = query::compile(expr, &facts(ctx))?;
    Ok(Counted {
        count: query::count(&ctx.conn, &compiled)?,
        no_data: compiled.no_data,
    })
}

/// The ids of a segment's members (by name or expression), in id order.
pub fn members(ctx: &Ctx, text: &str) -> Result<Vec<i64>> {
    query::member_ids(&ctx.conn, &compile(ctx, text)?)
}

/// Saves an expression under a name (replacing one saved before under
/// it). The expression must read and its tiers exist; it is kept in its
/// printed form. A name cannot hold `=` so that it never reads as one.
pub fn save(ctx: &Ctx, name: &str, text: &str) -> Result<Saved> {
    let name = name.trim();
    if name.is_empty() || name.contains(['=', '<', '>']) {
        return Err(Error::user("segment-err-bad-name", &[("name", name)]));
    }
    let expr = read(text)?;
    query::compile(&expr, &facts(ctx))?;
    let expr = expr.to_string();
    let at = ctx.clock.now().format("%Y-%m-%d %H:%M:%S").to_string();
    let tx = super::begin(ctx)?;
    segments_saved::save(&tx, name, &expr, &at)?;
    tx.commit()?;
    Ok(Saved {
        name: name.to_string(),
        expr,
    })
}

pub fn list(ctx: &Ctx) -> Result<Vec<Saved>> {
    segments_saved::list(&ctx.conn)
}

/// A saved segment, its count and its members.
pub fn show(ctx: &Ctx, name: &str) -> Result<Shown> {
    let (name, expr) = match segments_saved::find(&ctx.conn, name)? {
        Some(saved) => (saved.name, read(&saved.expr)?),
        // A saved name never holds `=`: such text is an expression, and a
        // mistake in it is named ("colour") rather than taken for a name.
        None if name.contains('=') => (name.to_string(), read(name)?),
        None => return Err(Error::user("segment-err-unknown-name", &[("name", name)])),
    };
    let compiled = query::compile(&expr, &facts(ctx))?;
    let member_ids = query::member_ids(&ctx.conn, &compiled)?;
    Ok(Shown {
        name,
        expr: expr.to_string(),
        count: member_ids.len() as u64,
        member_ids,
    })
}

#[cfg(test)]
#[path = "segments_tests.rs"]
mod tests;
