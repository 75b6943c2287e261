//! A file read again with other choices (the country its national phone
//! numbers belong to, its format): the receipts it stored without a member
//! get the customer as now read, and the member that customer is, if any.
//! Nothing else of a receipt changes, and a receipt with a member keeps it.

use rusqlite::{Connection, OptionalExtension, params};

use super::StoredCustomer;
use crate::error::Result;

/// The row id of a stored receipt that has no member, if there is one.
pub fn without_member(conn: &Connection, source: &str, till_id: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM receipts WHERE source = ?1 AND till_id = ?2 AND member_id IS NULL",
        )?
        .query_row(params![source, till_id], |r| r.get(0))
        .optional()?)
}

/// Whether stored receipt `id` has a member.
pub fn has_member(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT member_id IS NOT NULL FROM receipts WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?)
}

/// Gives a receipt without a member the customer as read now, and the
/// member found for them (None: still no one). The points and tiers kept
/// current hear of the new member through the receipts' triggers.
pub fn set_customer(
    conn: &Connection,
    id: i64,
    customer: &StoredCustomer,
    member_id: Option<i64>,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE receipts SET member_id = ?2, cust_card = ?3, cust_phone = ?4, cust_email = ?5,
                cust_name = coalesce(?6, cust_name), cust_till_id = ?7
         WHERE id = ?1 AND member_id IS NULL",
    )?
    .execute(params![
        id,
        member_id,
        customer.card,
        customer.phone,
        customer.email,
        customer.name,
        customer.till_customer
    ])?;
    Ok(())
}
