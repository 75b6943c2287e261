//! Bringing in what the other branches sent: each server table from this
//! shop's cursor on, a batch at a time, each batch one short local
//! transaction that writes the rows with recording off and moves the
//! cursor, so a cut pull starts again where it stopped.
//!
//! Only rows of transactions older than every one still running on the
//! server are taken (`xid < xmin`): a branch whose push commits late wrote
//! rows with its older transaction id, and the cursor has not passed them.

use std::collections::HashSet;

use postgres::Row;
use serde_json::{Map, Value as Json};

use super::connect::Server;
use super::push::Outvoted;
use super::report::{Moved, SyncProgress};
use super::server_schema::server_error;
use super::steps::Steps;
use crate::context::Ctx;
use crate::db::sync_outbox::{self, add_todo, set_recording};
use crate::db::sync_rows::{self, Applied};
use crate::db::{sync_members, sync_receipts};
use crate::error::Result;

/// The server's tables in the order they are pulled: members first, so
/// every row pulled after them finds its member.
const TABLES: &[(&str, &str)] = &[
    (
        "members",
        "SELECT uid, field, value::text, shop, xid, seq FROM chain_members",
    ),
    (
        "rows",
        "SELECT kind, key, body::text, shop, xid, seq FROM chain_rows",
    ),
    (
        "receipts",
        "SELECT source, till_id, body::text, shop, xid, seq, member_uid FROM chain_receipts",
    ),
];

/// Where a pull stands in one table: the last (xid, seq) taken.
fn cursor(ctx: &Ctx, table: &str) -> Result<(i64, i64)> {
    let saved = sync_outbox::state(&ctx.conn, &format!("cursor:{table}"))?;
    Ok(saved
        .and_then(|s| {
            let (x, s) = s.split_once(' ')?;
            Some((x.parse().ok()?, s.parse().ok()?))
        })
        .unwrap_or((0, 0)))
}

fn set_cursor(ctx: &Ctx, table: &str, at: (i64, i64)) -> Result<()> {
    sync_outbox::set_state(
        &ctx.conn,
        &format!("cursor:{table}"),
        &format!("{} {}", at.0, at.1),
    )
}

pub fn pull(
    ctx: &Ctx,
    server: &mut Server,
    shop: &str,
    batch_size: usize,
    steps: &mut Steps,
) -> Result<Moved> {
    let shown = server.shown.clone();
    let fail = |e| server_error(&shown, e);
    let xmin: i64 = server
        .client
        .query_one(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint",
            &[],
        )
        .map_err(fail)?
        .get(0);
    let mut moved = Moved::default();
    // A member whose fields span two batches is counted once.
    let mut members = HashSet::new();
    let mut done = 0u64;
    for (table, select) in TABLES {
        loop {
            let from = cursor(ctx, table)?;
            let sql = format!(
                "{select} WHERE shop <> $1 AND (xid, seq) > ($2, $3) AND xid < $4 ORDER BY xid, seq LIMIT $5"
            );
            let rows = server
                .client
                .query(
                    &sql,
                    &[&shop, &from.0, &from.1, &xmin, &(batch_size as i64)],
                )
                .map_err(fail)?;
            let Some(last) = rows.last() else { break };
            let last = (last.get::<_, i64>(4), last.get::<_, i64>(5));
            let tx = crate::ops::begin(ctx)?;
            set_recording(&ctx.conn, false)?;
            match *table {
                "members" => apply_members(ctx, &rows, &mut members)?,
                "rows" => apply_rows(ctx, &rows, &mut moved)?,
                _ => apply_receipts(ctx, &rows, &mut moved)?,
            }
            set_cursor(ctx, table, last)?;
            set_recording(&ctx.conn, true)?;
            tx.commit()?;
            done += rows.len() as u64;
            steps.batch_done(SyncProgress::Pulling { done })?;
            if rows.len() < batch_size {
                break;
            }
        }
        // This shop's own rows were passed over; move past them so the
        // next pull does not walk them again.
        let end = server
            .client
            .query_opt(
                &format!(
                    "SELECT xid, seq FROM chain_{table} WHERE xid < $1 ORDER BY xid DESC, seq DESC LIMIT 1"
                ),
                &[&xmin],
            )
            .map_err(fail)?
            .map(|r| (r.get::<_, i64>(0), r.get::<_, i64>(1)));
        let reached = cursor(ctx, table)?;
        if let Some(end) = end.filter(|end| *end > reached) {
            set_cursor(ctx, table, end)?;
        }
    }
    moved.members = members.len() as u64;
    Ok(moved)
}

/// Brings in the server's value of what this shop sent but another branch
/// had written later.
pub fn adopt(ctx: &Ctx, server: &mut Server, outvoted: &Outvoted) -> Result<Moved> {
    let shown = server.shown.clone();
    let fail = |e| server_error(&shown, e);
    let mut moved = Moved::default();
    if outvoted.fields.is_empty() && outvoted.rows.is_empty() {
        return Ok(moved);
    }
    let (uids, fields): (Vec<&str>, Vec<&str>) = outvoted
        .fields
        .iter()
        .map(|(u, f)| (u.as_str(), f.as_str()))
        .unzip();
    let members = server
        .client
        .query(
            "SELECT uid, field, value::text, shop, xid, seq FROM chain_members
             WHERE (uid, field) IN (SELECT * FROM unnest($1::text[], $2::text[]))",
            &[&uids, &fields],
        )
        .map_err(fail)?;
    let (kinds, keys): (Vec<&str>, Vec<&str>) = outvoted
        .rows
        .iter()
        .map(|(k, key)| (k.as_str(), key.as_str()))
        .unzip();
    let rows = server
        .client
        .query(
            "SELECT kind, key, body::text, shop, xid, seq FROM chain_rows
             WHERE (kind, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))",
            &[&kinds, &keys],
        )
        .map_err(fail)?;
    let tx = crate::ops::begin(ctx)?;
    set_recording(&ctx.conn, false)?;
    let mut changed = HashSet::new();
    apply_members(ctx, &members, &mut changed)?;
    moved.members = changed.len() as u64;
    apply_rows(ctx, &rows, &mut moved)?;
    set_recording(&ctx.conn, true)?;
    tx.commit()?;
    Ok(moved)
}

fn parse(text: Option<String>) -> Option<Json> {
    text.and_then(|t| serde_json::from_str(&t).ok())
}

/// A member's chain id, the branch that wrote, and the fields pulled.
type PulledMember = (String, String, Vec<(String, Json)>);

fn apply_members(ctx: &Ctx, rows: &[Row], changed: &mut HashSet<String>) -> Result<()> {
    // A member's fields together, in the order the server wrote them.
    let mut members: Vec<PulledMember> = vec![];
    for row in rows {
        let uid: String = row.get(0);
        let value = parse(row.get(2)).unwrap_or(Json::Null);
        match members.iter_mut().find(|(u, _, _)| *u == uid) {
            Some((_, _, fields)) => fields.push((row.get(1), value)),
            None => members.push((uid, row.get(3), vec![(row.get(1), value)])),
        }
    }
    for (uid, shop, fields) in members {
        if sync_members::apply(&ctx.conn, &uid, &fields, &shop)? {
            changed.insert(uid);
        }
    }
    Ok(())
}

fn apply_rows(ctx: &Ctx, rows: &[Row], moved: &mut Moved) -> Result<()> {
    let conn = &ctx.conn;
    for row in rows {
        let kind: String = row.get(0);
        let key: String = row.get(1);
        let body: Option<Map<String, Json>> = match parse(row.get(2)) {
            Some(Json::Object(map)) => Some(map),
            _ => None,
        };
        let applied = match kind.as_str() {
            // Done by their own operations once the rows are in.
            "erasure" => {
                add_todo(conn, "erasure", &key, None)?;
                Applied::Written
            }
            "merge" => {
                let keep = body
                    .as_ref()
                    .and_then(|b| b.get("keep"))
                    .and_then(Json::as_str);
                match keep {
                    Some(keep) => {
                        add_todo(conn, "merge", &key, Some(keep))?;
                        Applied::Written
                    }
                    None => Applied::Skipped,
                }
            }
            "invite" => sync_rows::apply_guest(conn, "event_invites", &key, body.as_ref())?,
            "attendance" => sync_rows::apply_guest(conn, "event_attendance", &key, body.as_ref())?,
            "suppression" => sync_rows::apply_suppression(conn, &key, body.as_ref())?,
            other => match sync_rows::travelling(other) {
                // A row this shop changed and has not sent yet waits for
                // the server to decide between the two.
                Some(_) if sync_outbox::row_waiting(conn, other, &key)? => Applied::Skipped,
                Some(t) => sync_rows::apply(conn, t, &key, body.as_ref())?,
                None => Applied::Skipped,
            },
        };
        if applied == Applied::Written {
            moved.count(&kind, 1);
        }
    }
    Ok(())
}

fn apply_receipts(ctx: &Ctx, rows: &[Row], moved: &mut Moved) -> Result<()> {
    for row in rows {
        let body = parse(row.get(2)).unwrap_or(Json::Null);
        let origin = body
            .get("shop")
            .and_then(Json::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| row.get(3));
        let receipt = sync_receipts::Travelling {
            source: row.get(0),
            till_id: row.get(1),
            member: row.get(6),
            body,
        };
        if sync_receipts::apply(&ctx.conn, &receipt, &origin)? {
            moved.receipts += 1;
        }
    }
    Ok(())
}
