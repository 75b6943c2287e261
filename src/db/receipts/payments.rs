//! Refunds that name no customer. Square writes a refund as a row of its
//! own with the sale's payment id and no customer; the receipts keep their
//! payment ids, and once an import is stored every such refund gets the
//! customer (and so the member) of the sale it shares an id with. The sale
//! may have come in this file, an earlier one, or come later: the step
//! runs at the end of every import, so whichever file comes last joins them.

use rusqlite::Connection;

use crate::error::Result;

/// A receipt with no customer at all: nothing the till wrote names anyone.
macro_rules! nobody {
    ($r:literal) => {
        concat!(
            $r,
            ".member_id IS NULL AND ",
            $r,
            ".cust_card IS NULL AND ",
            $r,
            ".cust_phone IS NULL AND ",
            $r,
            ".cust_email IS NULL AND ",
            $r,
            ".cust_till_id IS NULL"
        )
    };
}

/// Gives each refund of `source` that names nobody the customer and member
/// of the sale that shares one of its payment ids (the earliest stored
/// such sale that names someone). The member's points and figures follow
/// through the receipts' triggers, as for a till customer linked by hand.
/// Returns how many refunds found their sale.
///
/// The pairs are found first and each refund is then written by a
/// statement of its own: one statement changing thousands of refunds spread
/// over the whole table kept a copy of every page it touched until it
/// ended (SQLite's statement journal), tens of megabytes after a year's
/// import. A sale is never changed here, so each pair is the same whether
/// read before or between the writes.
pub fn refunds_follow_sales(conn: &Connection, source: &str) -> Result<usize> {
    let pairs = concat!(
        "SELECT rp.receipt_id AS refund, min(sp.receipt_id) AS sale
         FROM receipts rr
         JOIN receipt_payments rp ON rp.receipt_id = rr.id
         JOIN receipt_payments sp ON sp.source = rp.source AND sp.payment = rp.payment
                                 AND sp.receipt_id <> rp.receipt_id
         JOIN receipts ss ON ss.id = sp.receipt_id AND ss.kind = 'sale'
         WHERE rr.source = ?1 AND rr.kind = 'refund' AND ",
        nobody!("rr"),
        " AND NOT (",
        nobody!("ss"),
        ")
         GROUP BY rp.receipt_id"
    );
    let pairs: Vec<(i64, i64)> = conn
        .prepare_cached(pairs)?
        .query_map([source], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut follow = conn.prepare_cached(
        "UPDATE receipts AS r SET member_id = s.member_id, cust_card = s.cust_card,
                cust_phone = s.cust_phone, cust_email = s.cust_email,
                cust_name = coalesce(r.cust_name, s.cust_name), cust_till_id = s.cust_till_id
         FROM receipts AS s
         WHERE r.id = ?1 AND s.id = ?2",
    )?;
    for (refund, sale) in &pairs {
        follow.execute([refund, sale])?;
    }
    Ok(pairs.len())
}

#[cfg(test)]
mod tests {
    use rusqlite::params;

    use super::*;
    use crate::db::open_in_memory;

    fn receipt(conn: &Connection, id: &str, kind: &str, card: Option<&str>, payments: &[&str]) {
        conn.execute(
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, cust_card)
             VALUES ('square', ?1, '2026-03-01', 100, ?2, ?3)",
            params![id, kind, card],
        )
        .unwrap();
        let rid = conn.last_insert_rowid();
        for p in payments {
            conn.execute(
                "INSERT INTO receipt_payments (source, payment, receipt_id) VALUES ('square', ?1, ?2)",
                params![p, rid],
            )
            .unwrap();
        }
    }

    fn card_of(conn: &Connection, id: &str) -> Option<String> {
        conn.query_row(
            "SELECT cust_card FROM receipts WHERE till_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap()
    }

    #[test]
    fn a_refund_naming_nobody_takes_the_customer_of_its_sale() {
        let conn = open_in_memory().unwrap();
        receipt(&conn, "R1", "refund", None, &["P1", "R1"]);
        receipt(&conn, "R2", "refund", Some("C-2"), &["P2"]);
        receipt(&conn, "R3", "refund", None, &["P9"]);
        receipt(&conn, "T1", "sale", Some("C-1"), &["P1", "T1"]);
        receipt(&conn, "T2", "sale", Some("C-1"), &["P2"]);
        // A second refund of the same payment (another refund) is no sale.
        receipt(&conn, "R4", "refund", Some("C-4"), &["P1"]);
        assert_eq!(refunds_follow_sales(&conn, "square").unwrap(), 1);
        assert_eq!(card_of(&conn, "R1").as_deref(), Some("C-1"));
        assert_eq!(
            card_of(&conn, "R2").as_deref(),
            Some("C-2"),
            "it named someone"
        );
        assert_eq!(card_of(&conn, "R3"), None, "no sale of that payment");
        assert_eq!(refunds_follow_sales(&conn, "square").unwrap(), 0);
        assert_eq!(refunds_follow_sales(&conn, "shopify").unwrap(), 0);
    }
}
