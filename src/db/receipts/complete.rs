//! A receipt stored short and met again whole. A file cut off in the middle
//! of a receipt stores that receipt with some of its lines; when a later
//! file brings it with more lines, the stored one is replaced in place (its
//! id stays, so the points it earned stay tied to it) by what the later
//! file says, in that import's transaction. The receipt is queued for
//! points again: the next settle sets its points to what the whole receipt
//! earns (see `db::loyalty`), and tiers are worked out from the receipts
//! anyway, so the result is the same as importing the whole file alone.

use rusqlite::{Connection, params};

use super::{DATE, NewReceipt};
use crate::error::Result;

/// How many lines a stored receipt has.
pub fn lines_stored(conn: &Connection, receipt_id: i64) -> Result<u64> {
    let n: i64 = conn
        .prepare_cached("SELECT count(*) FROM lines WHERE receipt_id = ?1")?
        .query_row([receipt_id], |r| r.get(0))?;
    Ok(n.max(0) as u64)
}

/// The total a stored receipt has now.
pub fn total_of(conn: &Connection, receipt_id: i64) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT total_minor FROM receipts WHERE id = ?1")?
        .query_row([receipt_id], |r| r.get(0))?)
}

/// Replaces stored receipt `id` by `new` (from import `import_id`): its
/// facts are the new ones and its lines are removed, for the caller to
/// store the new receipt's lines. The member stays when the new receipt
/// matches none (one linked by hand stays linked).
pub fn replace(conn: &Connection, id: i64, new: &NewReceipt<'_>, import_id: i64) -> Result<()> {
    let (r, c) = (new.receipt, new.customer);
    conn.prepare_cached(
        "UPDATE receipts SET at_utc = ?2, local_date = ?3, local_time = ?4, total_minor = ?5,
                kind = ?6, member_id = coalesce(?7, member_id), cust_card = ?8, cust_phone = ?9,
                cust_email = ?10, cust_name = ?11, import_id = ?12, cust_till_id = ?13
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        r.at_utc(),
        r.local_date().format(DATE).to_string(),
        r.local_time().map(|t| t.format("%H:%M:%S").to_string()),
        r.total_minor,
        r.kind.code(),
        new.member_id,
        c.card,
        c.phone,
        c.email,
        c.name,
        import_id,
        c.till_customer,
    ])?;
    conn.prepare_cached("DELETE FROM lines WHERE receipt_id = ?1")?
        .execute([id])?;
    // Its points are set right at the next settle, like a new receipt's.
    conn.prepare_cached(
        "INSERT OR IGNORE INTO points_pending (receipt_id)
         SELECT id FROM receipts WHERE id = ?1 AND member_id IS NOT NULL",
    )?
    .execute([id])?;
    Ok(())
}
