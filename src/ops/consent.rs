//! The consent log's one writer: what a member agreed to, per channel,
//! appended with when and how, never overwritten.

use chrono::NaiveDateTime;
use rusqlite::Connection;

use crate::context::Ctx;
use crate::db;
use crate::domain::member::Channel;
use crate::error::{Error, Result};

/// Reads channel codes as typed (`sms`, ` Email `); blanks are skipped, an
/// unknown code is refused by name.
pub fn channels(codes: &[String]) -> Result<Vec<Channel>> {
    codes
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| Channel::from_code(c).ok_or_else(|| Error::user("err-channel", &[("value", c)])))
        .collect()
}

/// Appends one entry, in the caller's transaction.
pub(super) fn write(
    conn: &Connection,
    member_id: i64,
    channel: Channel,
    granted: bool,
    at: NaiveDateTime,
    how: &str,
) -> Result<()> {
    db::members::record_consent(conn, member_id, channel, granted, at, how)
}

/// Appends an entry for each channel whose consent differs from `wanted`
/// (the channels agreed to from now on); returns how many changed.
pub(super) fn write_changes(
    conn: &Connection,
    member_id: i64,
    wanted: &[Channel],
    at: NaiveDateTime,
    how: &str,
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

/// Records that a member gave or withdrew consent on one channel.
pub fn record_consent(
    ctx: &Ctx,
    member_id: i64,
    channel: &str,
    granted: bool,
    how: &str,
) -> Result<()> {
    let channel = channels(&[channel.to_string()])?
        .pop()
        .ok_or_else(|| Error::user("err-channel", &[("value", channel)]))?;
    let tx = super::begin(ctx)?;
    if db::members::get(&ctx.conn, member_id)?.is_none() {
        let key = member_id.to_string();
        return Err(Error::user("err-member-not-found", &[("key", &key)]));
    }
    write(&ctx.conn, member_id, channel, granted, ctx.clock.now(), how)?;
    tx.commit()?;
    Ok(())
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
