//! Everything the club's file holds about one member, read row by row as
//! it is stored: the member's own copy of their data (`member export`).
//!
//! Rows are read with every column, whatever the column is called, so a
//! column added to a table later is in the copy without anyone having to
//! remember it. Which tables are read is listed here once; a test checks
//! the list against every table of the schema that has a `member_id`.

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, ToSql};
use serde_json::{Map, Value};

use crate::error::Result;

/// The tables keyed by `member_id` that the copy holds, with the name the
/// copy gives them and the order their rows are listed in. Receipts are
/// read apart, with their lines.
pub const MEMBER_TABLES: &[(&str, &str, &str)] = &[
    ("children", "children", "id"),
    ("pets", "pets", "id"),
    ("consent_history", "consents", "id"),
    ("points", "points", "id"),
    ("tier", "member_tiers", "member_id"),
    ("tier_history", "tier_changes", "on_date, rowid"),
    ("till_customers", "customer_links", "at, kind, value"),
    ("contact_log", "contact_log", "id"),
    ("birthday_noted", "birthday_noted", "member_id"),
    ("search_words", "member_words", "part, word"),
    ("points_to_take_back", "points_moved", "receipt_id"),
    ("bonus_to_check", "bonus_pending", "member_id"),
    ("tier_to_check", "tiers_pending", "member_id"),
    ("demo_member", "demo_members", "member_id"),
    ("last_12_months", "member_year", "member_id"),
    ("bought", "member_bought", "kind, name"),
    ("feedback", "feedback", "id"),
    ("visit_days", "visit_days", "local_date"),
    ("notes", "notes", "id"),
    ("survey_answers", "survey_answers", "id"),
    ("event_invites", "event_invites", "event_id"),
    ("event_attendance", "event_attendance", "event_id"),
];

/// The tables read apart from [`MEMBER_TABLES`]: the receipts (with their
/// lines) and the members table itself.
pub const READ_APART: &[&str] = &["receipts", "members"];

/// Tables keyed by member that are empty between statements (a queue a
/// trigger fills and empties at once): nothing of the member is in them.
pub const ALWAYS_EMPTY: &[&str] = &["member_year_redo"];

/// One stored value as JSON: numbers stay numbers (money in minor units),
/// text stays as written (dates are ISO in the file), bytes become hex.
fn json_of(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::from(b.iter().map(|x| format!("{x:02x}")).collect::<String>()),
    }
}

/// Every row `sql` gives, each as an object of its columns.
pub fn rows(conn: &Connection, sql: &str, params: &[&dyn ToSql]) -> Result<Vec<Value>> {
    let mut stmt = conn.prepare(sql)?;
    let names: Vec<String> = stmt.column_names().map(|n| n.to_string()).collect();
    let mut rows = stmt.query(params)?;
    let mut out = vec![];
    while let Some(row) = rows.next()? {
        let mut object = Map::new();
        for (i, name) in names.iter().enumerate() {
            object.insert(name.clone(), json_of(row.get_ref(i)?));
        }
        out.push(Value::Object(object));
    }
    Ok(out)
}

/// The member's row with every column, erased or not.
pub fn member_row(conn: &Connection, id: i64) -> Result<Option<Value>> {
    Ok(rows(conn, "SELECT * FROM members WHERE id = ?1", &[&id])?
        .into_iter()
        .next())
}

/// The id of an erased member, so that what is left of them can still be
/// shown to them; None for any other id.
pub fn erased(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT erased_at FROM members WHERE id = ?1 AND erased_at IS NOT NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?)
}

/// The rows of one table of [`MEMBER_TABLES`] that belong to the member.
pub fn table_rows(conn: &Connection, table: &str, order: &str, id: i64) -> Result<Vec<Value>> {
    let sql = format!("SELECT * FROM {table} WHERE member_id = ?1 ORDER BY {order}");
    rows(conn, &sql, &[&id])
}

/// The member's receipts in date order, each with its lines and the
/// customer as the till's file showed them.
pub fn receipts(conn: &Connection, id: i64) -> Result<Vec<Value>> {
    let mut receipts = rows(
        conn,
        "SELECT * FROM receipts WHERE member_id = ?1 ORDER BY local_date, local_time, id",
        &[&id],
    )?;
    for receipt in &mut receipts {
        let receipt_id = receipt["id"].as_i64().unwrap_or_default();
        let lines = rows(
            conn,
            "SELECT * FROM lines WHERE receipt_id = ?1 ORDER BY id",
            &[&receipt_id],
        )?;
        receipt["lines"] = Value::from(lines);
    }
    Ok(receipts)
}

/// Every table of the schema with a `member_id` column.
pub fn tables_with_member_id(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT m.name FROM sqlite_master m
         WHERE m.type = 'table'
           AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'member_id')
         ORDER BY m.name",
    )?;
    let names = stmt.query_map([], |r| r.get(0))?;
    Ok(names.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_with_a_member_id_is_in_the_copy() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::db::migrate::migrate(&mut conn).unwrap();
        let tables = tables_with_member_id(&conn).unwrap();
        assert!(tables.iter().any(|t| t == "children"), "{tables:?}");
        for table in tables {
            let covered = MEMBER_TABLES.iter().any(|(_, t, _)| *t == table)
                || READ_APART.contains(&table.as_str())
                || ALWAYS_EMPTY.contains(&table.as_str());
            assert!(covered, "{table} has a member_id but is not in the copy");
        }
    }

    #[test]
    fn values_keep_their_kind() {
        assert_eq!(json_of(ValueRef::Integer(1250)), Value::from(1250));
        assert_eq!(json_of(ValueRef::Null), Value::Null);
        assert_eq!(
            json_of(ValueRef::Text(b"2026-11-23")),
            Value::from("2026-11-23")
        );
        assert_eq!(json_of(ValueRef::Blob(&[0, 255])), Value::from("00ff"));
    }
}
