//! Sending this shop's changes: the outbox a batch at a time, each batch
//! one server transaction. Outbox rows are forgotten only after the server
//! committed them, so a sync cut half-way sends the rest (and perhaps a
//! batch again, which `ON CONFLICT` makes harmless) the next time.

use std::collections::BTreeMap;

use serde_json::{Value as Json, json};

use super::connect::Server;
use super::report::{Moved, SyncProgress};
use super::server_schema::server_error;
use super::steps::Steps;
use crate::context::Ctx;
use crate::db::sync_clock::STAMP;
use crate::db::sync_members::{self, Held};
use crate::db::sync_outbox::{self, Change};
use crate::db::{sync_receipts, sync_rows};
use crate::error::Result;

/// What one batch carries, sorted by key so that two branches sending at
/// once take the server's row locks in the same order.
#[derive(Default)]
struct Batch {
    /// uid, field, value as JSON text, at
    fields: BTreeMap<(String, String), (String, String)>,
    /// kind, key → body as JSON text (None = removed), at
    rows: BTreeMap<(String, String), (Option<String>, String)>,
    erasures: Vec<String>,
    /// source, till id → body, member uid
    receipts: BTreeMap<(String, String), (String, Option<String>)>,
}

/// What the server did not take because another branch wrote later: the
/// pull then brings this shop the server's value.
#[derive(Default, Debug)]
pub struct Outvoted {
    pub fields: Vec<(String, String)>,
    pub rows: Vec<(String, String)>,
}

pub fn push(
    ctx: &Ctx,
    server: &mut Server,
    shop: &str,
    batch_size: usize,
    steps: &mut Steps,
) -> Result<(Moved, Outvoted)> {
    let conn = &ctx.conn;
    let now = ctx.clock.now().format(STAMP).to_string();
    let total = sync_outbox::waiting(conn)? as u64;
    let mut moved = Moved::default();
    let mut outvoted = Outvoted::default();
    let mut done = 0u64;
    loop {
        let changes = sync_outbox::changes(conn, batch_size)?;
        let Some(upto) = changes.last().map(|c| c.seq) else {
            break;
        };
        // One read transaction: the batch is one moment of this shop.
        let batch = {
            let read = conn.unchecked_transaction()?;
            let batch = gather(ctx, shop, &changes, &now)?;
            read.commit()?;
            batch
        };
        send(server, shop, &batch, &mut moved, &mut outvoted)?;
        sync_outbox::sent(conn, upto)?;
        done += changes.len() as u64;
        steps.batch_done(SyncProgress::Pushing {
            done: done.min(total),
            total,
        })?;
    }
    Ok((moved, outvoted))
}

/// Reads what each change names as it is now.
fn gather(ctx: &Ctx, shop: &str, changes: &[Change], now: &str) -> Result<Batch> {
    let conn = &ctx.conn;
    let mut wanted: BTreeMap<String, (Vec<String>, String)> = BTreeMap::new();
    let mut rows: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut receipts: Vec<i64> = vec![];
    let mut batch = Batch::default();
    for c in changes {
        let at = c.at.clone().unwrap_or_else(|| now.to_string());
        match c.kind.as_str() {
            "member" => {
                let entry = wanted.entry(c.key.clone()).or_insert((vec![], at.clone()));
                entry.0.push(c.field.clone().unwrap_or_else(|| "*".into()));
                entry.1 = entry.1.clone().max(at);
            }
            "receipt" => receipts.extend(c.key.parse::<i64>().ok()),
            _ => {
                let slot = rows.entry((c.kind.clone(), c.key.clone())).or_default();
                *slot = slot.clone().max(at);
            }
        }
    }
    for (uid, (fields, at)) in wanted {
        // An erased member's details are not sent: the erasure is.
        let Held::Fields(held) = sync_members::read(conn, &uid)? else {
            continue;
        };
        let all = fields.iter().any(|f| f == "*");
        for (field, value) in held {
            if all || fields.iter().any(|f| f == field) {
                batch.fields.insert(
                    (uid.clone(), field.to_string()),
                    (value.to_string(), at.clone()),
                );
            }
        }
    }
    for ((kind, key), at) in rows {
        let body = match kind.as_str() {
            "erasure" => {
                batch.erasures.push(key.clone());
                Some(json!({ "at": at }).to_string())
            }
            "invite" => sync_rows::read_guest(conn, "event_invites", &key)?
                .map(|b| Json::Object(b).to_string()),
            "attendance" => sync_rows::read_guest(conn, "event_attendance", &key)?
                .map(|b| Json::Object(b).to_string()),
            "suppression" => {
                sync_rows::read_suppression(conn, &key)?.map(|b| Json::Object(b).to_string())
            }
            "merge" => sync_rows::read_merge(conn, &key)?.map(|b| Json::Object(b).to_string()),
            other => match sync_rows::travelling(other) {
                Some(t) => sync_rows::read(conn, t, &key)?.map(|b| Json::Object(b).to_string()),
                None => continue,
            },
        };
        batch.rows.insert((kind, key), (body, at));
    }
    receipts.sort_unstable();
    receipts.dedup();
    for id in receipts {
        if let Some(mut r) = sync_receipts::read(conn, id)? {
            if let Some(body) = r.body.as_object_mut() {
                // The branch the sale was made in travels with it.
                let origin = body
                    .remove("shop")
                    .and_then(|s| s.as_str().map(str::to_string));
                body.insert(
                    "shop".into(),
                    Json::from(origin.unwrap_or_else(|| shop.to_string())),
                );
            }
            batch
                .receipts
                .insert((r.source, r.till_id), (r.body.to_string(), r.member));
        }
    }
    Ok(batch)
}

/// One server transaction for the batch, tried again when the server
/// chose it as the loser of a deadlock with another branch.
fn send(
    server: &mut Server,
    shop: &str,
    batch: &Batch,
    moved: &mut Moved,
    outvoted: &mut Outvoted,
) -> Result<()> {
    let mut tries = 0;
    loop {
        match send_once(server, shop, batch) {
            Ok((m, o)) => {
                moved.add(&m);
                outvoted.fields.extend(o.fields);
                outvoted.rows.extend(o.rows);
                return Ok(());
            }
            Err(e) if tries < 5 && retry(&e) => tries += 1,
            Err(e) => return Err(server_error(&server.shown, e)),
        }
    }
}

fn retry(e: &postgres::Error) -> bool {
    use postgres::error::SqlState;
    matches!(
        e.code(),
        Some(c) if *c == SqlState::T_R_DEADLOCK_DETECTED || *c == SqlState::T_R_SERIALIZATION_FAILURE
    )
}

fn send_once(
    server: &mut Server,
    shop: &str,
    batch: &Batch,
) -> Result<(Moved, Outvoted), postgres::Error> {
    let mut moved = Moved::default();
    let mut outvoted = Outvoted::default();
    let mut tx = server.client.transaction()?;
    if !batch.fields.is_empty() {
        let (mut uids, mut fields, mut values, mut ats) = (vec![], vec![], vec![], vec![]);
        for ((uid, field), (value, at)) in &batch.fields {
            uids.push(uid.as_str());
            fields.push(field.as_str());
            values.push(value.as_str());
            ats.push(at.as_str());
        }
        let taken = tx.query(
            "INSERT INTO chain_members AS t (uid, field, value, at, shop)
             SELECT u.uid, u.field, u.value::jsonb, u.at, $5
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(uid, field, value, at)
             WHERE NOT EXISTS (SELECT 1 FROM chain_rows e WHERE e.kind = 'erasure' AND e.key = u.uid)
             ON CONFLICT (uid, field) DO UPDATE
                SET value = excluded.value, at = excluded.at, shop = excluded.shop,
                    xid = pg_current_xact_id()::text::bigint, seq = nextval('chain_seq')
                WHERE (excluded.at, excluded.shop) >= (t.at, t.shop)
                  AND excluded.value IS DISTINCT FROM t.value
             RETURNING uid, field",
            &[&uids, &fields, &values, &ats, &shop],
        )?;
        let taken: std::collections::BTreeSet<(String, String)> =
            taken.iter().map(|r| (r.get(0), r.get(1))).collect();
        let members: std::collections::BTreeSet<&String> = taken.iter().map(|(u, _)| u).collect();
        moved.members += members.len() as u64;
        outvoted.fields = batch
            .fields
            .keys()
            .filter(|k| !taken.contains(*k))
            .cloned()
            .collect();
    }
    if !batch.rows.is_empty() {
        let (mut kinds, mut keys, mut bodies, mut ats) = (vec![], vec![], vec![], vec![]);
        for ((kind, key), (body, at)) in &batch.rows {
            kinds.push(kind.as_str());
            keys.push(key.as_str());
            bodies.push(body.as_deref());
            ats.push(at.as_str());
        }
        let taken = tx.query(
            "INSERT INTO chain_rows AS t (kind, key, body, at, shop)
             SELECT u.kind, u.key, u.body::jsonb, u.at, $5
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(kind, key, body, at)
             ON CONFLICT (kind, key) DO UPDATE
                SET body = excluded.body, at = excluded.at, shop = excluded.shop,
                    xid = pg_current_xact_id()::text::bigint, seq = nextval('chain_seq')
                WHERE t.kind <> 'erasure'
                  AND (excluded.at, excluded.shop) >= (t.at, t.shop)
                  AND excluded.body IS DISTINCT FROM t.body
             RETURNING kind, key",
            &[&kinds, &keys, &bodies, &ats, &shop],
        )?;
        let taken: std::collections::BTreeSet<(String, String)> =
            taken.iter().map(|r| (r.get(0), r.get(1))).collect();
        for (kind, _) in &taken {
            moved.count(kind, 1);
        }
        outvoted.rows = batch
            .rows
            .keys()
            .filter(|k| !taken.contains(*k) && k.0 != "erasure")
            .cloned()
            .collect();
    }
    if !batch.erasures.is_empty() {
        // An erasure takes the person's details off the server too: their
        // fields, the till's name for them on receipts, their family and notes.
        tx.execute(
            "DELETE FROM chain_members WHERE uid = ANY($1)",
            &[&batch.erasures],
        )?;
        tx.execute(
            "UPDATE chain_receipts SET body = body || '{\"cust_card\": null, \"cust_phone\": null, \"cust_email\": null, \"cust_name\": null, \"cust_till_id\": null}'::jsonb
             WHERE member_uid = ANY($1)",
            &[&batch.erasures],
        )?;
        tx.execute(
            "UPDATE chain_rows SET body = NULL, xid = pg_current_xact_id()::text::bigint, seq = nextval('chain_seq')
             WHERE kind IN ('children', 'pets', 'notes') AND body->>'member_id' = ANY($1)",
            &[&batch.erasures],
        )?;
    }
    if !batch.receipts.is_empty() {
        let (mut sources, mut tills, mut bodies, mut members) = (vec![], vec![], vec![], vec![]);
        for ((source, till), (body, member)) in &batch.receipts {
            sources.push(source.as_str());
            tills.push(till.as_str());
            bodies.push(body.as_str());
            members.push(member.as_deref());
        }
        let taken = tx.execute(
            "INSERT INTO chain_receipts AS t (source, till_id, body, member_uid, shop)
             SELECT u.source, u.till_id, u.body::jsonb, u.member, $5
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(source, till_id, body, member)
             ON CONFLICT (source, till_id) DO UPDATE
                -- A receipt counts for the member it was first linked to.
                SET member_uid = excluded.member_uid, shop = excluded.shop,
                    xid = pg_current_xact_id()::text::bigint, seq = nextval('chain_seq')
                WHERE excluded.member_uid IS NOT NULL AND t.member_uid IS NULL",
            &[&sources, &tills, &bodies, &members, &shop],
        )?;
        moved.receipts += taken;
    }
    tx.commit()?;
    Ok((moved, outvoted))
}
