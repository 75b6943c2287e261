//! Points and tiers: bringing them up to date before they are read, the
//! balance and history of a member, where a member stands, the writes the
//! counter and the command line make to the ledger (redeem, adjust, the
//! referral and review bonuses), the tiers overview and saving an edited
//! tier minimum into the shop's config file.

use std::collections::HashSet;

use rusqlite::{Transaction, TransactionBehavior};

use crate::config::save::set_tier_min;
use crate::context::Ctx;
pub use crate::db::ledger::{Entry, IfBelowZero};
pub use crate::db::tier_overview::TierOverview;
use crate::db::{ledger, loyalty, loyalty_bonus};
use crate::domain::loyalty_config::Program;
use crate::domain::tiers::Standing;
use crate::error::{Error, Result};
use crate::message::Message;

/// Why a redemption cannot be made, said while the points are typed; the
/// same check runs again inside the write.
pub use crate::db::ledger::redeem_problem;

/// What to do when another connection holds the write lock (an import
/// running on its own thread) at the moment points are brought up to date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfBusy {
    /// Wait for it, as a command does: what it prints must be up to date.
    Wait,
    /// Read the points as they stand, as a screen does: the window must not
    /// freeze, and the next settle catches up.
    Skip,
}

/// "Settle then read": earn rows for new receipts and due bonuses are
/// written before any balance or tier is read. Every read below goes
/// through here; returns the program it settled with.
pub fn settled(ctx: &Ctx, if_busy: IfBusy) -> Result<Program> {
    let program = ctx.program().clone();
    let now = ctx.clock.now();
    match if_busy {
        IfBusy::Wait => {
            loyalty::settle(&ctx.conn, &program, now)?;
        }
        IfBusy::Skip => {
            loyalty::try_settle(&ctx.conn, &program, now)?;
        }
    }
    Ok(program)
}

/// A member's balance and points history, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Points {
    pub balance: i64,
    pub ledger: Vec<Entry>,
}

/// The balance and the history of `member_id`, after settling.
pub fn points(ctx: &Ctx, member_id: i64, if_busy: IfBusy) -> Result<Points> {
    settled(ctx, if_busy)?;
    history(ctx, member_id)
}

/// The balance and the history as they stand (for a screen that has just
/// settled, or reloads after its own write).
pub fn history(ctx: &Ctx, member_id: i64) -> Result<Points> {
    let ledger = ledger::history(&ctx.conn, member_id)?;
    let balance = ledger
        .iter()
        .fold(0i64, |sum, e| sum.saturating_add(e.delta));
    Ok(Points { balance, ledger })
}

/// A member's points and tier, as the card and `member show` show them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemberStanding {
    pub balance: i64,
    /// `None` when the shop has no tiers.
    pub standing: Option<Standing>,
}

/// Brings the points up to date, then reads the member's balance and tier.
pub fn standing(ctx: &Ctx, member_id: i64, if_busy: IfBusy) -> Result<MemberStanding> {
    let program = settled(ctx, if_busy)?;
    let standing = if program.has_tiers() {
        loyalty::standings(&ctx.conn, &program, &[member_id], ctx.clock.today())?.remove(&member_id)
    } else {
        None
    };
    Ok(MemberStanding {
        balance: ledger::balance(&ctx.conn, member_id)?,
        standing,
    })
}

/// A redemption as typed or picked: points, and the reward's name if one
/// from the config's list was named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redemption<'a> {
    pub member_id: i64,
    pub points: i64,
    pub reward: Option<&'a str>,
}

/// Redeems points after settling. A named reward must be in the config's
/// list and cost exactly the points given; a balance too short is refused
/// inside the one durable transaction that writes the row, so a refusal
/// writes nothing. Returns the new balance.
pub fn redeem(ctx: &Ctx, redemption: &Redemption) -> Result<i64> {
    let program = settled(ctx, IfBusy::Wait)?;
    let reward = match redemption.reward {
        Some(name) => Some(reward_for(&program, name, redemption.points)?),
        None => None,
    };
    ledger::redeem(
        &ctx.conn,
        redemption.member_id,
        redemption.points,
        reward.as_deref(),
        ctx.clock.now(),
    )
}

/// The config's name of the reward `name`, checked against the points.
fn reward_for(program: &Program, name: &str, points: i64) -> Result<String> {
    let reward = program.reward(name).ok_or_else(|| {
        let names: Vec<&str> = program.rewards.iter().map(|r| r.name.as_str()).collect();
        Error::user(
            "loyalty-err-no-reward",
            &[("name", name), ("names", &names.join(", "))],
        )
    })?;
    if reward.points != points {
        return Err(Error::user(
            "loyalty-err-reward-points",
            &[
                ("name", &reward.name),
                ("points", &reward.points.to_string()),
                ("given", &points.to_string()),
            ],
        ));
    }
    Ok(reward.name.clone())
}

/// Adds (or with a negative `delta`, removes) points by hand with a note
/// saying why, after settling. A removal that would leave the balance
/// below zero is refused with [`Error::BelowZero`] (carrying that
/// balance) unless `below_zero` allows it. Returns the new balance.
pub fn adjust(
    ctx: &Ctx,
    member_id: i64,
    delta: i64,
    note: &str,
    below_zero: IfBelowZero,
) -> Result<i64> {
    settled(ctx, IfBusy::Wait)?;
    ledger::adjust_checked(
        &ctx.conn,
        member_id,
        delta,
        note,
        ctx.clock.now(),
        below_zero,
    )
}

/// "Added 1 point by hand", "Removed 20 points by hand": the points as
/// the language counts them, without a sign the plural would trip on.
pub fn adjusted(delta: i64, balance: i64) -> Message {
    let key = if delta < 0 {
        "loyalty-adjusted-down"
    } else {
        "loyalty-adjusted-up"
    };
    Message::new(key, &[("balance", &crate::words::numbers::number(balance))])
        .and("points", Message::points(delta.saturating_abs()))
}

/// Records who brought a new member; both get the referral bonus in the
/// same transaction. False when the member already had a referrer.
pub fn referral(ctx: &Ctx, member_id: i64, referrer_id: i64) -> Result<bool> {
    let program = ctx.program().clone();
    let tx = Transaction::new_unchecked(&ctx.conn, TransactionBehavior::Immediate)?;
    let recorded =
        loyalty_bonus::record_referral(&tx, &program, member_id, referrer_id, ctx.clock.now())?;
    tx.commit()?;
    Ok(recorded)
}

/// The review bonus, once per member. True when it was given now.
pub fn review_bonus(ctx: &Ctx, member_id: i64) -> Result<bool> {
    let program = ctx.program().clone();
    loyalty_bonus::review(&ctx.conn, &program, member_id, ctx.clock.now())
}

/// Whether the stored tiers are today's under the shop's rules, so that
/// the overview can be read at once. Writes keep them current; a new day
/// or a changed minimum needs [`tier_overview`]'s full pass.
pub fn tiers_current(ctx: &Ctx) -> Result<bool> {
    crate::db::loyalty_tiers::tiers_current(&ctx.conn, ctx.program(), ctx.clock.today())
}

/// The overview of this month as the tiers stand, without working them
/// out again: for when [`tiers_current`] says they are current.
pub fn tier_overview_as_stored(ctx: &Ctx) -> Result<(Program, TierOverview)> {
    overview_of(ctx, None)
}

/// The overview as stored, of `members` only when given (a branch's).
fn overview_of(ctx: &Ctx, members: Option<&HashSet<i64>>) -> Result<(Program, TierOverview)> {
    let program = ctx.program().clone();
    let today = ctx.clock.today();
    let overview = crate::db::tier_overview::overview_among(&ctx.conn, &program, today, members)?;
    Ok((program, overview))
}

/// Works every member's tier out again when the stored tiers are not
/// current (a new day, a changed minimum: those move members at once),
/// then reads the overview of this month. On a settled, current club only
/// the queued members are worked out.
pub fn tier_overview(ctx: &Ctx) -> Result<(Program, TierOverview)> {
    tier_overview_among(ctx, None)
}

/// [`tier_overview`] of `members` only when given (a branch's members,
/// [`crate::ops::branch::members`]): every tier is still worked out on the
/// whole club's purchases, since a member's tier is the club's.
pub fn tier_overview_among(
    ctx: &Ctx,
    members: Option<&HashSet<i64>>,
) -> Result<(Program, TierOverview)> {
    let program = ctx.program().clone();
    if tiers_current(ctx)? {
        settled(ctx, IfBusy::Wait)?;
    } else {
        loyalty::recompute(&ctx.conn, &program, ctx.clock.now())?;
    }
    overview_of(ctx, members)
}

/// Writes `written` (money in whole units, or visits, as the owner types
/// it) as the minimum of the `tier`-th tier into the config file, and
/// makes it the context's config, so the program read from it from now on
/// has the new minimum. The first tier's minimum stays 0; a minimum out of
/// order with its neighbours is refused by the config's own checks before
/// anything is written.
pub fn save_tier_min(ctx: &mut Ctx, tier: usize, written: i64) -> Result<()> {
    if tier == 0 {
        return Err(Error::user("ui-tiers-first-fixed", &[]));
    }
    let Some(path) = ctx.config.path.clone() else {
        return Err(Error::user("ui-tiers-no-file", &[]));
    };
    let name = ctx
        .program()
        .tier_name(tier)
        .unwrap_or_default()
        .to_string();
    let config = crate::config::save::save(&path, |doc| {
        if set_tier_min(doc, tier, written) {
            Ok(())
        } else {
            Err(Error::user(
                "ui-tiers-cannot-edit",
                &[("path", &path.display().to_string()), ("tier", &name)],
            ))
        }
    })?;
    ctx.set_config(config);
    Ok(())
}

#[cfg(test)]
#[path = "loyalty_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "loyalty_kept_tests.rs"]
mod kept_tests;
