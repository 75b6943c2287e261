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
