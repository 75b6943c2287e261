//! The consent log's one writer: what a member agreed to, per channel,
//! appended with when and how, never overwritten. A withdrawal puts the
//! contact on the suppression list; consent given again at the counter or
//! on the command line takes it off.

use chrono::NaiveDateTime;
use rusqlite::Connection;

use crate::context::Ctx;
use crate::db;
use crate::domain::consent::{ConsentEntry, ConsentHow};
use crate::domain::member::Channel;
use crate::error::{Error, Result};
use crate::ops::suppression;

/// Reads channel codes as typed (`sms`, ` Email `); blanks are skipped, an
/// unknown code is refused by name.
pub fn channels(codes: &[String]) -> Result<Vec<Channel>> {
    codes
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| Channel::from_code(c).ok_or_else(|| Error::user("err-channel", &[("value", c)])))
        .collect()
}

/// Reads `--how` as typed; anything outside the fixed set is refused by name.
pub fn how(code: &str) -> Result<ConsentHow> {
    ConsentHow::from_code(code).ok_or_else(|| Error::user("err-consent-how", &[("value", code)]))
}

/// Appends one entry, in the caller's transaction, and keeps the
/// suppression list in step with it.
pub(super) fn write(
    conn: &Connection,
    member_id: i64,
    channel: Channel,
    granted: bool,
    at: NaiveDateTime,
    how: ConsentHow,
) -> Result<()> {
    db::members::record_consent(conn, member_id, channel, granted, at, how.code())?;
    if !granted {
        suppression::suppress(conn, member_id, channel, at)?;
    } else if how.lifts_suppression() {
        suppression::lift(conn, member_id, channel)?;
    }
    Ok(())
}

/// Appends an entry for each channel whose consent differs from `wanted`
/// (the channels agreed to from now on); returns how many changed.
pub(super) fn write_changes(
    conn: &Connection,
    member_id: i64,
    wanted: &[Channel],
    at: NaiveDateTime,
    how: ConsentHow,
) -> Result<usize> {
    let now_granted: Vec<Channel> = db::members::consents(conn, member_id)?
        .into_iter()
        .filter(|c| c.granted)
        .map(|c| c.channel)
        .collect();
    let mut changed = 0;
    for channel in Channel::ALL {
        let granted = wanted.contains(&channel);
        if granted != now_granted.contains(&channel) {
            write(conn, member_id, channel, granted, at, how)?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// What `consent KEY --grant … --withdraw …` changed.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsentChanged {
    pub member_id: i64,
    pub name: String,
    /// The current state per channel after the change.
    pub now: Vec<(Channel, bool)>,
}

/// Grants and withdraws consent on channels for one member, all in one
/// transaction. A channel both granted and withdrawn is refused.
pub fn change_consent(
    ctx: &Ctx,
    member_id: i64,
    grant: &[Channel],
    withdraw: &[Channel],
    how: ConsentHow,
) -> Result<ConsentChanged> {
    if grant.is_empty() && withdraw.is_empty() {
        return Err(Error::user("err-consent-nothing", &[]));
    }
    if let Some(both) = grant.iter().find(|c| withdraw.contains(c)) {
        return Err(Error::user("err-consent-both", &[("channel", both.code())]));
    }
    let tx = super::begin(ctx)?;
    let Some(member) = db::members::get(&ctx.conn, member_id)? else {
        let key = member_id.to_string();
        return Err(Error::user("err-member-not-found", &[("key", &key)]));
    };
    let at = ctx.clock.now();
    for &channel in grant {
        write(&ctx.conn, member_id, channel, true, at, how)?;
    }
    for &channel in withdraw {
        write(&ctx.conn, member_id, channel, false, at, how)?;
    }
    let now = current(&ctx.conn, member_id)?;
    tx.commit()?;
    Ok(ConsentChanged {
        member_id,
        name: member.full_name(),
        now,
    })
}

/// Records that a member gave or withdrew consent on one channel, the
/// channel and the way as typed.
pub fn record_consent(
    ctx: &Ctx,
    member_id: i64,
    channel: &str,
    granted: bool,
    how_code: &str,
) -> Result<()> {
    let channel = channels(&[channel.to_string()])?
        .pop()
        .ok_or_else(|| Error::user("err-channel", &[("value", channel)]))?;
    let how = how(how_code)?;
    let (grant, withdraw) = if granted {
        (vec![channel], vec![])
    } else {
        (vec![], vec![channel])
    };
    change_consent(ctx, member_id, &grant, &withdraw, how).map(|_| ())
}

/// Every channel and whether it is granted now (never asked = not granted).
pub fn current(conn: &Connection, member_id: i64) -> Result<Vec<(Channel, bool)>> {
    let log = db::members::consents(conn, member_id)?;
    Ok(Channel::ALL
        .into_iter()
        .map(|channel| {
            let granted = log.iter().any(|c| c.channel == channel && c.granted);
            (channel, granted)
        })
        .collect())
}

/// A member's consent log, newest first, for the card's history.
pub fn history(ctx: &Ctx, member_id: i64) -> Result<Vec<ConsentEntry>> {
    db::suppression::history(&ctx.conn, member_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(list: &[&str]) -> Vec<String> {
        list.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn channels_are_read_as_typed_and_blanks_skipped() {
        assert_eq!(
            channels(&codes(&["sms", " Email ", "", "POST"])).unwrap(),
            vec![Channel::Sms, Channel::Email, Channel::Post]
        );
        assert!(channels(&[]).unwrap().is_empty());
    }

    #[test]
    fn an_unknown_channel_is_refused_by_name() {
        let e = channels(&codes(&["sms", "fax"])).unwrap_err();
        assert_eq!(e.key(), Some("err-channel"));
        assert!(e.to_string().contains("\"fax\""), "{e}");
    }
}
