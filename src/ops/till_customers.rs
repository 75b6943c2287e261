//! Till customers without a member: listing them, and linking one to a
//! member (or undoing that) so their receipts, and later imports, count
//! for the member.

use crate::context::Ctx;
use crate::db;
use crate::domain::same_name::same_name;
use crate::error::{Error, Result};
use crate::ops::members::MemberInput;

/// How a till names a customer, who they are, and what it wrote about them.
pub use crate::db::receipts::{Identity, UnmatchedCustomer};
pub use crate::db::till_customers::{LinkedCustomer, TillCustomer};

/// Customers on receipts without a member, biggest spenders first.
pub fn unmatched(ctx: &Ctx, limit: usize) -> Result<Vec<UnmatchedCustomer>> {
    db::receipts::unmatched_customers(&ctx.conn, limit)
}

/// What the till wrote about a customer, to sign them up with it filled in.
pub fn till_customer(ctx: &Ctx, identity: Identity, value: &str) -> Result<TillCustomer> {
    db::till_customers::details(&ctx.conn, identity, value)
}

/// A member to sign up from what the till knows: the name split at its
/// first space, the phone (E.164) and email, the card. The owner checks
/// it on the form before saving.
pub fn as_new_member(customer: &TillCustomer) -> MemberInput {
    let name = customer.name.as_deref().unwrap_or("").trim();
    let (first, family) = name.split_once(' ').unwrap_or((name, ""));
    MemberInput {
        first_name: first.to_string(),
        family_name: family.trim().to_string(),
        phone: customer.phone.clone().unwrap_or_default(),
        email: customer.email.clone().unwrap_or_default(),
        card: customer.card.clone().unwrap_or_default(),
        ..MemberInput::default()
    }
}

/// What the owner is shown before a till customer is linked to a member:
/// both names, and whether they differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkQuestion {
    /// The name as the till wrote it on the customer's latest receipt.
    pub till_name: Option<String>,
    pub member_name: String,
    /// The till wrote a name and it is not the member's (letter case,
    /// accents and the order of first and family name aside).
    pub names_differ: bool,
}

/// Both names for the question before linking; refused when the member is
/// gone. Writes nothing.
pub fn link_question(
    ctx: &Ctx,
    identity: Identity,
    value: &str,
    member_id: i64,
) -> Result<LinkQuestion> {
    let Some(member) = db::members::get(&ctx.conn, member_id)? else {
        let key = member_id.to_string();
        return Err(Error::user("err-member-not-found", &[("key", &key)]));
    };
    let till_name = db::till_customers::details(&ctx.conn, identity, value)?.name;
    let draft = &member.draft;
    let names_differ = till_name
        .as_deref()
        .is_some_and(|till| !same_name(till, &draft.first_name, &draft.family_name));
    Ok(LinkQuestion {
        till_name,
        member_name: member.full_name(),
        names_differ,
    })
}

/// The till customers linked to a member by hand, as the card lists them.
pub fn linked_to(ctx: &Ctx, member_id: i64) -> Result<Vec<LinkedCustomer>> {
    db::till_customers::linked_to(&ctx.conn, member_id)
}

/// Links a till customer to a member: the chosen card, phone or email, and
/// the others the till wrote on the same receipts (the same till customer),
/// unless another member has them. All or nothing; returns how many
/// receipts became the member's.
pub fn link(ctx: &Ctx, identity: Identity, value: &str, member_id: i64) -> Result<usize> {
    let now = ctx.clock.now();
    let tx = super::begin(ctx)?;
    if db::members::get(&ctx.conn, member_id)?.is_none() {
        let key = member_id.to_string();
        return Err(Error::user("err-member-not-found", &[("key", &key)]));
    }
    let seen = db::till_customers::details(&ctx.conn, identity, value)?;
    let mut linked = db::receipts::link_customer(&ctx.conn, identity, value, member_id, now)?;
    for (other, other_value) in [
        (Identity::Card, seen.card),
        (Identity::TillCustomer, seen.till_customer),
        (Identity::Phone, seen.phone),
        (Identity::Email, seen.email),
    ] {
        let Some(other_value) = other_value else {
            continue;
        };
        if (other, other_value.as_str()) == (identity, value)
            || db::receipts::member_for(&ctx.conn, other, &other_value)?.is_some()
        {
            continue;
        }
        linked += db::receipts::link_customer(&ctx.conn, other, &other_value, member_id, now)?;
    }
    tx.commit()?;
    Ok(linked)
}

/// Undoes a link made by hand; returns how many receipts went back to no
/// one, or None when the identity was not linked to anyone.
pub fn unlink(ctx: &Ctx, identity: Identity, value: &str) -> Result<Option<usize>> {
    let tx = super::begin(ctx)?;
    let freed = db::till_customers::unlink(&ctx.conn, identity, value)?;
    tx.commit()?;
    Ok(freed.map(|(_, count)| count))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_till_customer_becomes_a_member_to_check() {
        let seen = TillCustomer {
            name: Some(" Ivan  van Horn ".into()),
            card: Some("T-9".into()),
            phone: Some("+385911111111".into()),
            email: None,
            till_customer: Some("CML3VPECXBWRLV9ZVTRM7DG6M3".into()),
        };
        let input = as_new_member(&seen);
        assert_eq!(
            (input.first_name.as_str(), input.family_name.as_str()),
            ("Ivan", "van Horn")
        );
        assert_eq!(
            (input.phone.as_str(), input.card.as_str()),
            ("+385911111111", "T-9")
        );
        assert_eq!(input.email, "");
        let nameless = as_new_member(&TillCustomer::default());
        assert_eq!(nameless, MemberInput::default());
    }
}
