//! How a member found the club: the member who brought them (kept in
//! `members.referred_by`, which the referral bonus reads) or a source from
//! the config's list.

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;

/// Notes the source a member named at signup.
pub fn set_source(conn: &Connection, member_id: i64, source: &str) -> Result<()> {
    conn.execute(
        "UPDATE members SET source = ?2 WHERE id = ?1",
        params![member_id, source],
    )?;
    Ok(())
}

/// The member who brought this one and the source they named; None for a
/// member not stored (or erased).
pub fn of_member(
    conn: &Connection,
    member_id: i64,
) -> Result<Option<(Option<i64>, Option<String>)>> {
    Ok(conn
        .query_row(
            "SELECT referred_by, source FROM members WHERE id = ?1 AND erased_at IS NULL",
            [member_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}
