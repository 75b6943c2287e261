//! "How did they find us", asked at signup: the member who brought them
//! or a source from the config's list. Checked before anything is
//! written, stored in the signup's transaction.

use crate::context::Ctx;
use crate::db;
use crate::error::{Error, Result};
use crate::ops::lookup;

/// What brought a new member.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Referral {
    #[default]
    NotSaid,
    /// A member brought them (both get the referral bonus).
    Member(i64),
    /// A source from the config's list, spelt as the list spells it.
    Source(String),
}

/// The source named `typed`, as the config's list spells it (letter case
/// and spaces around do not matter); refused naming the list.
pub fn source_named(ctx: &Ctx, typed: &str) -> Result<String> {
    let sources = ctx.config.sources();
    let wanted = typed.trim().to_lowercase();
    sources
        .iter()
        .find(|s| s.to_lowercase() == wanted)
        .cloned()
        .ok_or_else(|| {
            Error::user(
                "err-source-unknown",
                &[("name", typed.trim()), ("sources", &sources.join(", "))],
            )
        })
}

/// The referral typed on a form or the command line: a member's key
/// (id, card, phone or email) or a source's name; at most one of them.
pub fn read_referral(
    ctx: &Ctx,
    referred_by: Option<&str>,
    source: Option<&str>,
) -> Result<Referral> {
    fn present(v: Option<&str>) -> Option<&str> {
        v.map(str::trim).filter(|v| !v.is_empty())
    }
    match (present(referred_by), present(source)) {
        (Some(key), _) => Ok(Referral::Member(lookup::find_member(ctx, key)?)),
        (None, Some(name)) => Ok(Referral::Source(source_named(ctx, name)?)),
        (None, None) => Ok(Referral::NotSaid),
    }
}

/// Stores the referral of the new member `id`, inside the transaction the
/// caller holds on `ctx.conn`: a referring member gets the referral bonus
/// with them.
pub fn write(ctx: &Ctx, id: i64, referral: &Referral) -> Result<()> {
    let conn = &ctx.conn;
    match referral {
        Referral::NotSaid => Ok(()),
        Referral::Member(by) => {
            db::loyalty_bonus::record_referral(conn, ctx.program(), id, *by, ctx.clock.now())?;
            Ok(())
        }
        Referral::Source(name) => db::referral::set_source(conn, id, name),
    }
}

/// The member who brought `id` and the source they named, for their card.
pub fn of_member(ctx: &Ctx, id: i64) -> Result<(Option<i64>, Option<String>)> {
    Ok(db::referral::of_member(&ctx.conn, id)?.unwrap_or_default())
}
