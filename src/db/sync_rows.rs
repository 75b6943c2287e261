//! The rows that travel between branches as they are: each kind's table,
//! its columns, and which columns name a member (sent as the member's
//! chain id, since local ids differ per shop). A row is read into a JSON
//! object to send and written back from one when pulled.

use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OptionalExtension, params_from_iter};
use serde_json::{Map, Value as Json};

use super::sync_outbox::{member_id, member_uid};
use crate::error::Result;

/// A table whose rows travel by their `uid`.
pub struct Travelling {
    pub kind: &'static str,
    pub table: &'static str,
    pub columns: &'static [&'static str],
    /// Columns holding a local member id.
    pub members: &'static [&'static str],
}

/// Every table that travels by uid, in the order a pull writes them
/// (events before their invitations).
pub const TRAVELLING: &[Travelling] = &[
    Travelling {
        kind: "children",
        table: "children",
        columns: &[
            "member_id",
            "name",
            "gender",
            "born",
            "approx_years",
            "approx_on",
            "birth_md",
        ],
        members: &["member_id"],
    },
    Travelling {
        kind: "pets",
        table: "pets",
        columns: &[
            "member_id",
            "name",
            "kind",
            "born",
            "approx_years",
            "approx_on",
            "gotcha",
            "birth_md",
            "gotcha_md",
            "passed_away",
        ],
        members: &["member_id"],
    },
    Travelling {
        kind: "consents",
        table: "consents",
        columns: &["member_id", "channel", "granted", "at", "how"],
        members: &["member_id"],
    },
    Travelling {
        kind: "points",
        table: "points",
        columns: &[
            "member_id",
            "delta",
            "reason",
            "detail",
            "note",
            "once_key",
            "at",
        ],
        members: &["member_id"],
    },
    Travelling {
        kind: "contact_log",
        table: "contact_log",
        columns: &["member_id", "what", "for_date", "channel", "at"],
        members: &["member_id"],
    },
    Travelling {
        kind: "notes",
        table: "notes",
        columns: &[
            "member_id",
            "kind",
            "text",
            "by",
            "at",
            "resolved_at",
            "resolution",
        ],
        members: &["member_id"],
    },
    Travelling {
        kind: "feedback",
        table: "feedback",
        columns: &["member_id", "nps", "csat", "at", "how"],
        members: &["member_id"],
    },
    Travelling {
        kind: "survey_answers",
        table: "survey_answers",
        columns: &[
            "member_id",
            "question",
            "kind",
            "score",
            "answer",
            "at",
            "how",
        ],
        members: &["member_id"],
    },
    Travelling {
        kind: "events",
        table: "events",
        columns: &["name", "on_date", "capacity", "created_at"],
        members: &[],
    },
];

pub fn travelling(kind: &str) -> Option<&'static Travelling> {
    TRAVELLING.iter().find(|t| t.kind == kind)
}

fn to_json(v: ValueRef<'_>) -> Json {
    match v {
        ValueRef::Null => Json::Null,
        ValueRef::Integer(i) => Json::from(i),
        ValueRef::Real(f) => Json::from(f),
        ValueRef::Text(t) => Json::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Json::from(String::from_utf8_lossy(b).into_owned()),
    }
}

fn to_sql(v: Option<&Json>) -> Value {
    match v {
        None | Some(Json::Null) => Value::Null,
        Some(Json::Bool(b)) => Value::Integer(*b as i64),
        Some(Json::Number(n)) => n
            .as_i64()
            .map(Value::Integer)
            .unwrap_or_else(|| Value::Real(n.as_f64().unwrap_or_default())),
        Some(Json::String(s)) => Value::Text(s.clone()),
        Some(other) => Value::Text(other.to_string()),
    }
}

/// The row as it travels, or None when it is gone (sent as a removal).
pub fn read(conn: &Connection, t: &Travelling, uid: &str) -> Result<Option<Map<String, Json>>> {
    let sql = format!(
        "SELECT {} FROM {} WHERE uid = ?1",
        t.columns.join(", "),
        t.table
    );
    let row: Option<Map<String, Json>> = conn
        .prepare_cached(&sql)?
        .query_row([uid], |r| {
            let mut body = Map::new();
            for (i, column) in t.columns.iter().enumerate() {
                body.insert(column.to_string(), to_json(r.get_ref(i)?));
            }
            Ok(body)
        })
        .optional()?;
    let Some(mut body) = row else {
        return Ok(None);
    };
    for column in t.members {
        let uid = match body.get(*column).and_then(Json::as_i64) {
            Some(id) => member_uid(conn, id)?,
            None => None,
        };
        body.insert(column.to_string(), uid.map_or(Json::Null, Json::from));
    }
    Ok(Some(body))
}

/// What became of a pulled row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    Written,
    /// Names a member this shop does not have (erased here, for one).
    Skipped,
}

/// Writes a pulled row (None = removed elsewhere), in the caller's
/// transaction with recording off.
pub fn apply(
    conn: &Connection,
    t: &Travelling,
    uid: &str,
    body: Option<&Map<String, Json>>,
) -> Result<Applied> {
    let Some(body) = body else {
        conn.execute(&format!("DELETE FROM {} WHERE uid = ?1", t.table), [uid])?;
        return Ok(Applied::Written);
    };
    let mut values = Vec::with_capacity(t.columns.len() + 1);
    for column in t.columns {
        if t.members.contains(column) {
            let local = match body.get(*column).and_then(Json::as_str) {
                Some(member) => member_id(conn, member)?,
                None => None,
            };
            match local {
                Some(id) => values.push(Value::Integer(id)),
                None => return Ok(Applied::Skipped),
            }
        } else {
            values.push(to_sql(body.get(*column)));
        }
    }
    values.push(Value::Text(uid.to_string()));
    let sets: Vec<String> = t
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    let update = format!(
        "UPDATE {} SET {} WHERE uid = ?{}",
        t.table,
        sets.join(", "),
        t.columns.len() + 1
    );
    if conn
        .prepare_cached(&update)?
        .execute(params_from_iter(&values))?
        == 0
    {
        let marks: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
        // OR IGNORE: a bonus both branches gave (same member and once_key)
        // is kept once.
        let insert = format!(
            "INSERT OR IGNORE INTO {} ({}, uid) VALUES ({})",
            t.table,
            t.columns.join(", "),
            marks.join(", ")
        );
        conn.prepare_cached(&insert)?
            .execute(params_from_iter(&values))?;
    }
    if t.kind == "consents" {
        keep_consents_in_time_order(conn, uid)?;
    }
    Ok(Applied::Written)
}

/// The current consent is the entry with the highest id per channel. A
/// pulled entry older than some of this shop's gets the highest id when
/// written, so the newer ones are written again after it: across the chain
/// the latest by time wins, so a withdrawal anywhere beats an older grant.
fn keep_consents_in_time_order(conn: &Connection, uid: &str) -> Result<()> {
    let later: Vec<Vec<Value>> = {
        let mut stmt = conn.prepare_cached(
            "SELECT c.member_id, c.channel, c.granted, c.at, c.how, c.uid FROM consents c
             JOIN consents p ON p.uid = ?1
             WHERE c.member_id = p.member_id AND c.channel = p.channel AND c.uid <> p.uid
               AND (c.at > p.at OR (c.at = p.at AND c.uid > p.uid))
             ORDER BY c.at, c.uid",
        )?;
        let rows = stmt.query_map([uid], |r| {
            (0..6)
                .map(|i| r.get::<_, Value>(i))
                .collect::<rusqlite::Result<Vec<_>>>()
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for row in later {
        conn.execute("DELETE FROM consents WHERE uid = ?1", [&row[5]])?;
        conn.execute(
            "INSERT INTO consents (member_id, channel, granted, at, how, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params_from_iter(&row),
        )?;
    }
    Ok(())
}

/// An event invitation or attendance, keyed by "event uid member uid".
pub fn read_guest(conn: &Connection, table: &str, key: &str) -> Result<Option<Map<String, Json>>> {
    let Some((event, member)) = key.split_once(' ') else {
        return Ok(None);
    };
    let sql = format!(
        "SELECT g.at, g.how FROM {table} g JOIN events e ON e.id = g.event_id
         JOIN members m ON m.id = g.member_id WHERE e.uid = ?1 AND m.uid = ?2"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([event, member], |r| {
            let mut body = Map::new();
            body.insert("at".into(), to_json(r.get_ref(0)?));
            body.insert("how".into(), to_json(r.get_ref(1)?));
            Ok(body)
        })
        .optional()?)
}

pub fn apply_guest(
    conn: &Connection,
    table: &str,
    key: &str,
    body: Option<&Map<String, Json>>,
) -> Result<Applied> {
    let Some((event, member)) = key.split_once(' ') else {
        return Ok(Applied::Skipped);
    };
    let event_id: Option<i64> = conn
        .prepare_cached("SELECT id FROM events WHERE uid = ?1")?
        .query_row([event], |r| r.get(0))
        .optional()?;
    let (Some(event_id), Some(member_id)) = (event_id, member_id(conn, member)?) else {
        return Ok(Applied::Skipped);
    };
    match body {
        None => conn.execute(
            &format!("DELETE FROM {table} WHERE event_id = ?1 AND member_id = ?2"),
            rusqlite::params![event_id, member_id],
        )?,
        Some(body) => conn.execute(
            &format!("INSERT OR IGNORE INTO {table} (event_id, member_id, at, how) VALUES (?1, ?2, ?3, ?4)"),
            rusqlite::params![event_id, member_id, to_sql(body.get("at")), to_sql(body.get("how"))],
        )?,
    };
    Ok(Applied::Written)
}

/// A suppression entry: its hash is its key.
pub fn read_suppression(conn: &Connection, hash: &str) -> Result<Option<Map<String, Json>>> {
    Ok(conn
        .prepare_cached("SELECT channel, at FROM suppression WHERE hash = ?1")?
        .query_row([hash], |r| {
            let mut body = Map::new();
            body.insert("channel".into(), to_json(r.get_ref(0)?));
            body.insert("at".into(), to_json(r.get_ref(1)?));
            Ok(body)
        })
        .optional()?)
}

pub fn apply_suppression(
    conn: &Connection,
    hash: &str,
    body: Option<&Map<String, Json>>,
) -> Result<Applied> {
    match body {
        None => conn.execute("DELETE FROM suppression WHERE hash = ?1", [hash])?,
        Some(body) => conn.execute(
            "INSERT OR IGNORE INTO suppression (hash, channel, at) VALUES (?1, ?2, ?3)",
            rusqlite::params![hash, to_sql(body.get("channel")), to_sql(body.get("at"))],
        )?,
    };
    Ok(Applied::Written)
}

/// A merge, known by the member merged away: who was kept, and when.
pub fn read_merge(conn: &Connection, drop_uid: &str) -> Result<Option<Map<String, Json>>> {
    Ok(conn
        .prepare_cached(
            "SELECT k.uid, g.at FROM merges g JOIN members d ON d.id = g.drop_id
             JOIN members k ON k.id = g.keep_id WHERE d.uid = ?1 ORDER BY g.id DESC LIMIT 1",
        )?
        .query_row([drop_uid], |r| {
            let mut body = Map::new();
            body.insert("keep".into(), to_json(r.get_ref(0)?));
            body.insert("at".into(), to_json(r.get_ref(1)?));
            Ok(body)
        })
        .optional()?)
}
