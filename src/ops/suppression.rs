//! The suppression list: a contact that withdrew consent (or whose member
//! was erased) is kept as a keyed hash of its normalised form, per
//! channel, so no export and no new signup reaches it again until the
//! person gives consent once more at the counter or on the command line.
//!
//! Helpers here take `&Connection` and write in the caller's transaction.

use std::collections::HashSet;

use chrono::NaiveDateTime;
use hmac::{Hmac, KeyInit, Mac};
use rusqlite::Connection;
use sha2::Sha256;

use crate::db;
use crate::domain::member::{Channel, MemberDraft};
use crate::error::Result;

/// The keyed hash of `contact` (E.164 phone or lower-cased email) on
/// `channel`, as hex. The channel is part of the hash: withdrawing SMS
/// does not stop a phone call the member still agrees to.
pub fn contact_hash(key: &[u8], channel: Channel, contact: &str) -> String {
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(channel.code().as_bytes());
    mac.update(&[0]);
    mac.update(contact.trim().to_lowercase().as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The contact a channel reaches: the phone for SMS and calls, the email
/// for email. Post has no stored address to suppress.
pub fn contact_of(draft: &MemberDraft, channel: Channel) -> Option<&str> {
    match channel {
        Channel::Sms | Channel::Phone => draft.phone.as_deref(),
        Channel::Email => draft.email.as_deref(),
        Channel::Post => None,
    }
}

/// Puts the member's contact on `channel` on the list.
pub fn suppress(
    conn: &Connection,
    member_id: i64,
    channel: Channel,
    at: NaiveDateTime,
) -> Result<()> {
    let Some(member) = db::members::get(conn, member_id)? else {
        return Ok(());
    };
    if let Some(contact) = contact_of(&member.draft, channel) {
        let hash = contact_hash(&db::suppression::key(conn)?, channel, contact);
        db::suppression::add(conn, &hash, channel, at)?;
    }
    Ok(())
}

/// Puts every contact of the member on the list, on every channel: what
/// an erasure does before the details are removed.
pub fn suppress_contacts(conn: &Connection, member_id: i64, at: NaiveDateTime) -> Result<()> {
    for channel in Channel::ALL {
        suppress(conn, member_id, channel, at)?;
    }
    Ok(())
}

/// Takes the member's contact on `channel` off the list: consent given
/// again by that member.
pub fn lift(conn: &Connection, member_id: i64, channel: Channel) -> Result<()> {
    let Some(member) = db::members::get(conn, member_id)? else {
        return Ok(());
    };
    if let Some(contact) = contact_of(&member.draft, channel) {
        let hash = contact_hash(&db::suppression::key(conn)?, channel, contact);
        db::suppression::remove(conn, &hash)?;
    }
    Ok(())
}

/// Which of `channels` reach a suppressed contact of `draft`.
pub fn suppressed_of(
    conn: &Connection,
    draft: &MemberDraft,
    channels: &[Channel],
) -> Result<Vec<Channel>> {
    let key = db::suppression::key(conn)?;
    let mut found = vec![];
    for &channel in channels {
        if let Some(contact) = contact_of(draft, channel)
            && db::suppression::contains(conn, &contact_hash(&key, channel, contact))?
        {
            found.push(channel);
        }
    }
    Ok(found)
}

/// The list and its key, read once for an export that checks many rows.
pub struct SuppressionCheck {
    key: Vec<u8>,
    hashes: HashSet<String>,
}

impl SuppressionCheck {
    pub fn load(conn: &Connection) -> Result<SuppressionCheck> {
        Ok(SuppressionCheck {
            key: db::suppression::key(conn)?,
            hashes: db::suppression::all(conn)?,
        })
    }

    /// Whether a member with this phone and email may be reached on
    /// `channel` as far as the list goes (consent is checked apart).
    pub fn reachable(&self, channel: Channel, phone: Option<&str>, email: Option<&str>) -> bool {
        let contact = match channel {
            Channel::Sms | Channel::Phone => phone,
            Channel::Email => email,
            Channel::Post => None,
        };
        contact.is_none_or(|c| !self.is_suppressed(channel, c))
    }

    pub fn is_suppressed(&self, channel: Channel, contact: &str) -> bool {
        !self.hashes.is_empty()
            && self
                .hashes
                .contains(&contact_hash(&self.key, channel, contact))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_depends_on_the_key_the_channel_and_the_contact_only() {
        let a = contact_hash(b"one key", Channel::Sms, "+385911234567");
        assert_eq!(a.len(), 64);
        assert_eq!(a, contact_hash(b"one key", Channel::Sms, " +385911234567 "));
        assert_ne!(a, contact_hash(b"another", Channel::Sms, "+385911234567"));
        assert_ne!(a, contact_hash(b"one key", Channel::Phone, "+385911234567"));
        assert_ne!(a, contact_hash(b"one key", Channel::Sms, "+385911234568"));
        assert!(!a.contains("385911234567"));
        assert_eq!(
            contact_hash(b"k", Channel::Email, "Ana@Example.com"),
            contact_hash(b"k", Channel::Email, "ana@example.com")
        );
    }
}
