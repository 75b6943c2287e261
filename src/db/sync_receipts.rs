//! Receipts as they travel: named by the till (source, till receipt id),
//! so a till export imported in two branches is one receipt, with their
//! lines and the member they count for (by chain id). Points, visits and
//! spend follow from the receipts in each branch, as after an import.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Map, Value as Json, json};

use super::sync_outbox::{member_id, member_uid};
use crate::error::Result;

/// A receipt ready to send.
#[derive(Debug, Clone, PartialEq)]
pub struct Travelling {
    pub source: String,
    pub till_id: String,
    pub member: Option<String>,
    pub body: Json,
}

pub fn read(conn: &Connection, id: i64) -> Result<Option<Travelling>> {
    let found = conn
        .prepare_cached(
            "SELECT source, till_id, at_utc, local_date, local_time, total_minor, kind, member_id,
                    cust_card, cust_phone, cust_email, cust_name, cust_till_id, shop
             FROM receipts WHERE id = ?1",
        )?
        .query_row([id], |r| {
            let mut body = Map::new();
            for (i, name) in [
                (2, "at_utc"),
                (3, "local_date"),
                (4, "local_time"),
                (8, "cust_card"),
                (9, "cust_phone"),
                (10, "cust_email"),
                (11, "cust_name"),
                (12, "cust_till_id"),
                (13, "shop"),
            ] {
                let v: Option<String> = r.get(i)?;
                body.insert(name.into(), v.map_or(Json::Null, Json::from));
            }
            body.insert("total_minor".into(), Json::from(r.get::<_, i64>(5)?));
            body.insert("kind".into(), Json::from(r.get::<_, String>(6)?));
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<i64>>(7)?,
                body,
            ))
        })
        .optional()?;
    let Some((source, till_id, member, mut body)) = found else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT item, category, sku, qty_milli, amount_minor FROM lines WHERE receipt_id = ?1 ORDER BY id",
    )?;
    let lines = stmt.query_map([id], |r| {
        Ok(json!([
            r.get::<_, String>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, i64>(4)?
        ]))
    })?;
    body.insert(
        "lines".into(),
        Json::Array(lines.collect::<rusqlite::Result<_>>()?),
    );
    let member = match member {
        Some(id) => member_uid(conn, id)?,
        None => None,
    };
    Ok(Some(Travelling {
        source,
        till_id,
        member,
        body: Json::Object(body),
    }))
}

fn text(body: &Json, name: &str) -> Option<String> {
    body.get(name).and_then(Json::as_str).map(str::to_string)
}

/// Writes a pulled receipt made in `shop`, in the caller's transaction with
/// recording off. A receipt this shop already has (the same export imported
/// here) is only linked to the member when it had none. Returns whether
/// anything changed.
pub fn apply(conn: &Connection, r: &Travelling, shop: &str) -> Result<bool> {
    let member = match &r.member {
        Some(uid) => member_id(conn, uid)?,
        None => None,
    };
    let existing: Option<(i64, Option<i64>)> = conn
        .prepare_cached("SELECT id, member_id FROM receipts WHERE source = ?1 AND till_id = ?2")?
        .query_row([&r.source, &r.till_id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?;
    if let Some((id, had)) = existing {
        if had.is_none() && member.is_some() {
            conn.prepare_cached("UPDATE receipts SET member_id = ?2 WHERE id = ?1")?
                .execute(params![id, member])?;
            return Ok(true);
        }
        return Ok(false);
    }
    let b = &r.body;
    conn.prepare_cached(
        "INSERT INTO receipts (source, till_id, at_utc, local_date, local_time, total_minor, kind,
                               member_id, cust_card, cust_phone, cust_email, cust_name, cust_till_id, shop)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        r.source,
        r.till_id,
        text(b, "at_utc"),
        text(b, "local_date").unwrap_or_default(),
        text(b, "local_time"),
        b.get("total_minor").and_then(Json::as_i64).unwrap_or_default(),
        text(b, "kind").unwrap_or_else(|| "sale".into()),
        member,
        text(b, "cust_card"),
        text(b, "cust_phone"),
        text(b, "cust_email"),
        text(b, "cust_name"),
        text(b, "cust_till_id"),
        shop
    ])?;
    let id = conn.last_insert_rowid();
    let mut line = conn.prepare_cached(
        "INSERT INTO lines (receipt_id, item, category, sku, qty_milli, amount_minor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for l in b
        .get("lines")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
    {
        line.execute(params![
            id,
            l.get(0).and_then(Json::as_str).unwrap_or_default(),
            l.get(1).and_then(Json::as_str),
            l.get(2).and_then(Json::as_str),
            l.get(3).and_then(Json::as_i64).unwrap_or_default(),
            l.get(4).and_then(Json::as_i64).unwrap_or_default()
        ])?;
    }
    Ok(true)
}
