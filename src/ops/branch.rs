//! Which branch of a chain a command is narrowed to (`--shop NAME` on
//! `stats`, `tiers` and `reminders`), and whether a card names the branch
//! of each visit. The figures themselves stay in their own operations,
//! which take the branch found here as a parameter.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::context::Ctx;
use crate::db;
use crate::domain::branch::{self, Branch};
use crate::error::{Error, Result};

/// This shop's name in the chain (see [`SyncSettings::shop_name`]).
///
/// [`SyncSettings::shop_name`]: crate::config::sync::SyncSettings::shop_name
pub fn own_name(ctx: &Ctx) -> String {
    ctx.config.sync.shop_name()
}

/// The branch called `name`. A name that is neither this shop's nor
/// carried by any receipt or member is refused, naming the branches known.
pub fn find(ctx: &Ctx, name: &str) -> Result<Branch> {
    let own = own_name(ctx);
    let known = db::branches::known(&ctx.conn)?;
    if let Some(found) = branch::find(name, &own, &known) {
        return Ok(found);
    }
    let names = branch::names(&own, &known);
    let asked = name.trim();
    if names.is_empty() {
        return Err(Error::user("err-shop-unknown-none", &[("name", asked)]));
    }
    Err(Error::user(
        "err-shop-unknown",
        &[("name", asked), ("known", &names.join(", "))],
    ))
}

/// [`find`] for an optional `--shop`: None stays chain-wide.
pub fn narrowed_to(ctx: &Ctx, name: Option<&str>) -> Result<Option<Branch>> {
    name.map(|n| find(ctx, n)).transpose()
}

/// The members of `branch` by `day` (not erased, joined by then): those
/// with a sale there, and (`signed_up`) those who signed up there.
pub fn members(
    ctx: &Ctx,
    branch: &Branch,
    day: NaiveDate,
    signed_up: bool,
) -> Result<HashSet<i64>> {
    db::branches::members(&ctx.conn, branch, day, signed_up)
}

/// How a card names the branch of a visit, when the club has more than
/// one: `Some(this shop's name)` (empty when it has none, and the card
/// says "this shop"); None for a single shop, whose card has no column.
pub fn visit_column(ctx: &Ctx) -> Result<Option<String>> {
    let own = own_name(ctx);
    let on_receipts = db::branches::on_receipts(&ctx.conn)?;
    Ok(branch::is_chain(&own, &on_receipts).then_some(own))
}
