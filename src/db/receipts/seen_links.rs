//! Till customers seen beside a member's card. Square names its customer
//! by its own `Customer ID` on most sales and writes the club card on a
//! few; a receipt that carries both links that till customer to the
//! member, as linking on the till customers screen does, so every receipt
//! with that id counts for them — earlier ones and earlier files' too.
//!
//! The links are made when the import's receipts are all stored, so a
//! receipt of the till customer written before the one with the card (real
//! exports list the newest first) is theirs as well.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, params};

use super::{Identity, link_customer};
use crate::domain::receipt::Receipt;
use crate::error::Result;

/// When a receipt was and which it is: the latest decides between members.
type Moment = (String, String, String);

/// Till customers and the member whose card was last seen beside them.
#[derive(Debug, Default)]
pub struct SeenWithCard {
    latest: HashMap<String, (Moment, i64)>,
}

impl SeenWithCard {
    /// `receipt` carries till customer `till_customer` and the card of `member_id`.
    pub fn saw(&mut self, till_customer: &str, member_id: i64, receipt: &Receipt) {
        let moment = (
            receipt.local_date().to_string(),
            receipt
                .local_time()
                .map(|t| t.to_string())
                .unwrap_or_default(),
            receipt.till_id.clone(),
        );
        // The latest receipt wins whatever the rows' order: a card handed
        // on to someone else is theirs from then on.
        match self.latest.get_mut(till_customer) {
            Some(seen) if seen.0 >= moment => {}
            Some(seen) => *seen = (moment, member_id),
            None => {
                self.latest
                    .insert(till_customer.to_string(), (moment, member_id));
            }
        }
    }

    /// Links every till customer seen to their member unless one is linked
    /// already (by hand, or by an earlier file: that link stands). Returns
    /// how many receipts became members'.
    pub fn link_all(self, conn: &Connection, at: NaiveDateTime) -> Result<usize> {
        let mut linked = 0;
        let mut seen: Vec<_> = self.latest.into_iter().collect();
        seen.sort();
        for (till_customer, (_, member_id)) in seen {
            let known: Option<i64> = conn
                .prepare_cached(
                    "SELECT member_id FROM customer_links WHERE kind = ?1 AND value = ?2",
                )?
                .query_row(params![Identity::TillCustomer.code(), till_customer], |r| {
                    r.get(0)
                })
                .optional()?;
            if known.is_none() {
                linked +=
                    link_customer(conn, Identity::TillCustomer, &till_customer, member_id, at)?;
            }
        }
        Ok(linked)
    }
}

/// Links to a member the till customers on their receipts that carry their
/// own card (a customer who bought before signing up, the card and
/// Square's id on one receipt), and gives them those till customers'
/// receipts without a member. The link is dated by the latest such
/// receipt: the till saw the two together then. A till customer linked
/// already stays as linked. Returns how many receipts became theirs.
pub fn claim_till_customers(conn: &Connection, member_id: i64) -> Result<usize> {
    conn.prepare_cached(
        "INSERT INTO customer_links (kind, value, member_id, at)
         SELECT 'till_customer', r.cust_till_id, ?1,
                max(r.local_date || ' ' || coalesce(r.local_time, '00:00:00'))
         FROM receipts r JOIN members m ON m.id = ?1 AND m.erased_at IS NULL
         WHERE r.member_id = ?1 AND r.cust_till_id IS NOT NULL AND r.cust_card = m.card
         GROUP BY r.cust_till_id
         ON CONFLICT (kind, value) DO NOTHING",
    )?
    .execute([member_id])?;
    Ok(conn
        .prepare_cached(
            "UPDATE receipts SET member_id = ?1
             WHERE member_id IS NULL AND cust_till_id IN (
                SELECT value FROM customer_links WHERE kind = 'till_customer' AND member_id = ?1)",
        )?
        .execute([member_id])?)
}
