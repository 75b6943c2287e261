//! The writes of an erasure, run in the caller's one transaction: the
//! person's details and everything kept about them go, their receipts stay
//! (amounts, dates and lines untouched) without anything that names them.

use chrono::NaiveDateTime;
use rusqlite::{Connection, params};

use super::members::DATETIME;
use crate::error::Result;

/// How the till named a customer: a card (or customer code), a phone or an
/// email, as `customer_links.kind` writes it.
pub type TillIdentity = (String, String);

/// Every card, phone and email that names the member: their own, the till
/// customers linked to them, and what the till wrote on their receipts.
pub fn identities(conn: &Connection, id: i64) -> Result<Vec<TillIdentity>> {
    let mut stmt = conn.prepare(
        "SELECT 'card', card FROM members WHERE id = ?1 AND card IS NOT NULL
         UNION SELECT 'phone', phone FROM members WHERE id = ?1 AND phone IS NOT NULL
         UNION SELECT 'email', email FROM members WHERE id = ?1 AND email IS NOT NULL
         UNION SELECT kind, value FROM customer_links WHERE member_id = ?1
         UNION SELECT 'card', cust_card FROM receipts WHERE member_id = ?1 AND cust_card IS NOT NULL
         UNION SELECT 'phone', cust_phone FROM receipts WHERE member_id = ?1 AND cust_phone IS NOT NULL
         UNION SELECT 'email', cust_email FROM receipts WHERE member_id = ?1 AND cust_email IS NOT NULL
         UNION SELECT 'till_customer', cust_till_id FROM receipts WHERE member_id = ?1 AND cust_till_id IS NOT NULL",
    )?;
    let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Blanks the till's customer on the member's receipts and on receipts of
/// no member that carry one of `identities` (bought before signing up, or
/// under a card never linked): otherwise the person would come back as a
/// till customer, and a later signup with that phone would claim them.
/// Returns how many receipts were blanked.
pub fn blank_till_customer(
    conn: &Connection,
    id: i64,
    identities: &[TillIdentity],
) -> Result<usize> {
    const BLANK: &str = "cust_card = NULL, cust_phone = NULL, cust_email = NULL, cust_name = NULL,
        cust_till_id = NULL";
    let mut blanked = conn.execute(
        &format!("UPDATE receipts SET {BLANK} WHERE member_id = ?1"),
        [id],
    )?;
    for (kind, value) in identities {
        let column = match kind.as_str() {
            "card" => "cust_card",
            "phone" => "cust_phone",
            "till_customer" => "cust_till_id",
            _ => "cust_email",
        };
        blanked += conn.execute(
            &format!("UPDATE receipts SET {BLANK} WHERE member_id IS NULL AND {column} = ?1"),
            [value],
        )?;
    }
    Ok(blanked)
}

/// Tables whose rows about the member go entirely: family, points and
/// tiers, the contact log, service notes, linked till customers, search words and the
/// queues the points update reads. The consent log stays: it proves the
/// withdrawal and holds nothing that names the person.
const REMOVED: &[&str] = &[
    "children",
    "pets",
    "points",
    "points_moved",
    "member_tiers",
    "tier_changes",
    "contact_log",
    "customer_links",
    "member_words",
    "birthday_noted",
    "bonus_pending",
    "tiers_pending",
    "notes",
    "survey_answers",
    "event_invites",
    "event_attendance",
];

/// Removes what hangs on the member and blanks their own row, marking it
/// erased at `at`. The row itself stays so that the receipts keep their
/// member (the shop's figures per member stay whole) and the consent log
/// keeps its owner.
pub fn remove_personal(conn: &Connection, id: i64, at: NaiveDateTime) -> Result<()> {
    conn.execute(
        "DELETE FROM points_pending WHERE receipt_id IN (SELECT id FROM receipts WHERE member_id = ?1)",
        [id],
    )?;
    for table in REMOVED {
        conn.execute(&format!("DELETE FROM {table} WHERE member_id = ?1"), [id])?;
    }
    // Their answers stay in the club's NPS and CSAT, as anonymous ones.
    conn.execute(
        "UPDATE feedback SET member_id = NULL WHERE member_id = ?1",
        [id],
    )?;
    conn.execute(
        "UPDATE members SET first_name = '', family_name = '', sort_key = '',
                phone = NULL, email = NULL, birth_month = NULL, birth_day = NULL,
                birth_year = NULL, birth_md = NULL, birth_calendar = NULL,
                birth_calendar_month = NULL, birth_calendar_day = NULL, card = NULL,
                area = NULL, language = NULL, tags = NULL, referred_by = NULL, source = NULL, note = NULL,
                erased_at = ?2
         WHERE id = ?1",
        params![id, at.format(DATETIME).to_string()],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_removed_table_has_a_member_id() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::db::migrate::migrate(&mut conn).unwrap();
        let with_id = crate::db::member_data::tables_with_member_id(&conn).unwrap();
        for table in REMOVED {
            assert!(with_id.iter().any(|t| t == table), "{table}");
        }
    }
}
