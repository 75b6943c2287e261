//! What the till knows about a customer without a member: every card,
//! phone, email and name written on their receipts, for signing them up
//! with that data filled in.

use rusqlite::{Connection, OptionalExtension, params};

use crate::db::receipts::Identity;
use crate::error::{Result, UnknownCode};

/// A till customer as their unlinked receipts show them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TillCustomer {
    pub name: Option<String>,
    pub card: Option<String>,
    /// E.164.
    pub phone: Option<String>,
    /// Lower case.
    pub email: Option<String>,
    /// The till's own id of the customer (Square's `Customer ID`).
    pub till_customer: Option<String>,
}

/// The details on the receipts without a member that carry `value` as
/// their card, phone or email. Where receipts disagree, the most recent wins.
pub fn details(conn: &Connection, identity: Identity, value: &str) -> Result<TillCustomer> {
    let column = column(identity);
    let sql = format!(
        "SELECT cust_name, cust_card, cust_phone, cust_email, cust_till_id FROM receipts
         WHERE member_id IS NULL AND {column} = ?1
         ORDER BY local_date DESC, id DESC"
    );
    let mut found = TillCustomer::default();
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params![value])?;
    while let Some(r) = rows.next()? {
        for (i, slot) in [
            &mut found.name,
            &mut found.card,
            &mut found.phone,
            &mut found.email,
            &mut found.till_customer,
        ]
        .into_iter()
        .enumerate()
        {
            if slot.is_none() {
                *slot = r.get(i)?;
            }
        }
    }
    Ok(found)
}

/// Undoes a link made by hand: the identity no longer names the member,
/// and the receipts it gave them go back to no one, except those that
/// carry the member's own card, phone or email or another identity still
/// linked to them. Returns the member it named and how many receipts went
/// back, or None when the identity was not linked.
pub fn unlink(conn: &Connection, identity: Identity, value: &str) -> Result<Option<(i64, usize)>> {
    let member: Option<i64> = conn
        .query_row(
            "DELETE FROM customer_links WHERE kind = ?1 AND value = ?2 RETURNING member_id",
            params![identity.code(), value],
            |r| r.get(0),
        )
        .optional()?;
    let Some(member) = member else {
        return Ok(None);
    };
    let column = column(identity);
    let sql = format!(
        "UPDATE receipts SET member_id = NULL
         WHERE member_id = ?1 AND {column} = ?2
           AND NOT EXISTS (SELECT 1 FROM members m WHERE m.id = ?1 AND
                 (m.card = receipts.cust_card OR m.phone = receipts.cust_phone
                  OR m.email = receipts.cust_email))
           AND NOT EXISTS (SELECT 1 FROM customer_links l WHERE l.member_id = ?1 AND
                 ((l.kind = 'card' AND l.value = receipts.cust_card)
                  OR (l.kind = 'phone' AND l.value = receipts.cust_phone)
                  OR (l.kind = 'email' AND l.value = receipts.cust_email)
                  OR (l.kind = 'till_customer' AND l.value = receipts.cust_till_id)))"
    );
    let freed = conn.execute(&sql, params![member, value])?;
    Ok(Some((member, freed)))
}

/// A card, phone or email linked to a member by hand, with the name the
/// till last wrote next to it on the member's receipts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedCustomer {
    pub identity: Identity,
    /// As stored: E.164 for a phone, lower case for an email.
    pub value: String,
    pub name: Option<String>,
}

/// What was linked to `member_id` by hand, in the order it was linked.
/// Reads the member's own receipts only (an index), so a card opens at
/// once however many receipts the club has.
pub fn linked_to(conn: &Connection, member_id: i64) -> Result<Vec<LinkedCustomer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.kind, l.value,
                (SELECT r.cust_name FROM receipts r
                 WHERE r.member_id = l.member_id AND r.cust_name IS NOT NULL
                   AND l.value = CASE l.kind WHEN 'card' THEN r.cust_card
                                             WHEN 'phone' THEN r.cust_phone
                                             WHEN 'till_customer' THEN r.cust_till_id
                                             ELSE r.cust_email END
                 ORDER BY r.local_date DESC, r.id DESC LIMIT 1)
         FROM customer_links l WHERE l.member_id = ?1
         ORDER BY l.at, l.kind, l.value",
    )?;
    let rows = stmt.query_map([member_id], |r| {
        let kind: String = r.get(0)?;
        Ok(LinkedCustomer {
            identity: Identity::from_code(&kind)
                .ok_or_else(|| UnknownCode::at("customer_links.kind", 0, &kind))?,
            value: r.get(1)?,
            name: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The receipts' column that holds an identity of this kind.
fn column(identity: Identity) -> &'static str {
    identity.column()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;

    #[test]
    fn gathers_what_the_receipts_say_newest_first() {
        let conn = open_in_memory().unwrap();
        let add = |id: &str, date: &str, name: Option<&str>, phone: &str, email: Option<&str>| {
            conn.execute(
                "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, cust_phone, cust_email, cust_name)
                 VALUES ('generic', ?1, ?2, 100, 'sale', ?3, ?4, ?5)",
                params![id, date, phone, email, name],
            )
            .unwrap();
        };
        add("1", "2026-10-01", Some("Ivan H."), "+385911111111", None);
        add(
            "2",
            "2026-11-01",
            Some("Ivan Horvat"),
            "+385911111111",
            Some("ivan@example.com"),
        );
        add(
            "3",
            "2026-11-02",
            Some("Someone"),
            "+385922222222",
            Some("x@example.com"),
        );
        let got = details(&conn, Identity::Phone, "+385911111111").unwrap();
        assert_eq!(
            got,
            TillCustomer {
                name: Some("Ivan Horvat".into()),
                card: None,
                phone: Some("+385911111111".into()),
                email: Some("ivan@example.com".into()),
                till_customer: None,
            }
        );
        assert_eq!(
            details(&conn, Identity::Card, "nope").unwrap(),
            TillCustomer::default()
        );
    }
}
