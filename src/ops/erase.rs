//! Erasing a member (the right to be forgotten), in one transaction: the
//! person's details and everything kept about them go, every contact they
//! used goes on the suppression list, and their receipts stay without a
//! name so the shop's figures do not change. The same operation is behind
//! `member erase`, `member delete` and the card's erase key.

use crate::context::Ctx;
use crate::db;
use crate::domain::member::Channel;
use crate::error::Result;
use crate::ops::suppression::{contact_hash, suppress_contacts};

/// A member erased.
#[derive(Debug, Clone, PartialEq)]
pub struct Erased {
    pub id: i64,
    /// The name they had, to say who was erased (it is stored nowhere now).
    pub name: String,
    /// Receipts whose till customer was blanked: theirs and those of no
    /// member carrying their card, phone or email.
    pub receipts_blanked: usize,
}

/// Erases member `id`; None when no member (or an erased one) has that id.
pub fn erase_member(ctx: &Ctx, id: i64) -> Result<Option<Erased>> {
    let tx = super::begin(ctx)?;
    let conn = &ctx.conn;
    let Some(member) = db::members::get(conn, id)? else {
        return Ok(None);
    };
    let at = ctx.clock.now();
    // Before the details go: the hashes are made from them.
    suppress_contacts(conn, id, at)?;
    let identities = db::erase::identities(conn, id)?;
    // Phones and emails the till knew them by are theirs too: a signup
    // with one of them later starts without consent on it.
    let key = db::suppression::key(conn)?;
    for (kind, value) in &identities {
        let channels: &[Channel] = match kind.as_str() {
            "phone" => &[Channel::Sms, Channel::Phone],
            "email" => &[Channel::Email],
            _ => &[],
        };
        for &channel in channels {
            db::suppression::add(conn, &contact_hash(&key, channel, value), channel, at)?;
        }
    }
    let receipts_blanked = db::erase::blank_till_customer(conn, id, &identities)?;
    db::erase::remove_personal(conn, id, at)?;
    tx.commit()?;
    Ok(Some(Erased {
        id,
        name: member.full_name(),
        receipts_blanked,
    }))
}
