//! Who is near the next tier: the members within 10% of the next tier's
//! minimum, the smallest amount missing first. The one operation behind
//! `regulars tiers`, the tiers screen's count and the weekly review's
//! next-tier tab, so they always name the same members in the same order.

use std::collections::HashSet;

use crate::context::Ctx;
use crate::db::near_tier;
use crate::error::Result;

/// A member near the next tier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Near {
    pub member_id: i64,
    pub name: String,
    /// The tier held and the one above it, by position in the config.
    pub tier: usize,
    pub next: usize,
    /// Spend (minor units) or visits still missing, as the tier rules count.
    pub missing: i64,
}

/// The members near the next tier, the closest first, and how many there
/// are in all (the list may be cut).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NearList {
    pub members: Vec<Near>,
    pub total: usize,
}

/// At most `limit` members near the next tier (all with `None`), from the
/// tiers as stored: writes keep them current, and the first look of a day
/// works them out again ([`crate::ops::loyalty::tier_overview`]), so this
/// only reads. `None` when the shop has no tiers.
pub fn near(ctx: &Ctx, limit: Option<usize>) -> Result<Option<NearList>> {
    near_among(ctx, limit, None)
}

/// [`near`], of `members` only when given (a branch's members).
pub fn near_among(
    ctx: &Ctx,
    limit: Option<usize>,
    members: Option<&HashSet<i64>>,
) -> Result<Option<NearList>> {
    let program = ctx.program();
    if !program.has_tiers() {
        return Ok(None);
    }
    let (found, total) = near_tier::near_among(&ctx.conn, &program.tiers, limit, members)?;
    let members = found
        .into_iter()
        .map(|n| Near {
            member_id: n.member_id,
            name: n.name,
            tier: n.tier,
            next: n.tier + 1,
            missing: n.gap,
        })
        .collect();
    Ok(Some(NearList { members, total }))
}
