//! The chain's tables on the PostgreSQL server, made and migrated by
//! `regulars sync --init`, and checked by every sync.
//!
//! Every row records the shop that last wrote it and where the write
//! stands in the server's order: the id of the writing transaction
//! (`xid`, from `pg_current_xact_id()`) and a sequence number. A pull
//! takes only rows whose transaction is older than every transaction
//! still running (`pg_snapshot_xmin`), so a slow writer that commits late
//! is never skipped by a cursor that already moved past its sequence
//! numbers. Concurrent branches are kept apart by transactions, primary
//! keys and `ON CONFLICT`; nothing locks by hand.

use super::connect::Server;

use crate::error::{Error, Result};

/// The newest server schema this app knows.
pub const CHAIN_SCHEMA: i32 = 1;

/// Step N takes the server's schema from N-1 to N. Append only.
const STEPS: &[&str] = &["
    CREATE SEQUENCE chain_seq;
    -- Member details, one row per member and field: the last writer wins
    -- per field, by (at, shop).
    CREATE TABLE chain_members (
        uid    text NOT NULL,
        field  text NOT NULL,
        value  jsonb,
        at     text NOT NULL,
        shop   text NOT NULL,
        xid    bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
        seq    bigint NOT NULL DEFAULT nextval('chain_seq'),
        PRIMARY KEY (uid, field)
    );
    CREATE INDEX chain_members_order ON chain_members (xid, seq);
    -- Every other travelling row by kind and chain id; body NULL = removed.
    CREATE TABLE chain_rows (
        kind   text NOT NULL,
        key    text NOT NULL,
        body   jsonb,
        at     text NOT NULL,
        shop   text NOT NULL,
        xid    bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
        seq    bigint NOT NULL DEFAULT nextval('chain_seq'),
        PRIMARY KEY (kind, key)
    );
    CREATE INDEX chain_rows_order ON chain_rows (xid, seq);
    CREATE INDEX chain_rows_member ON chain_rows ((body->>'member_id'))
        WHERE body ? 'member_id';
    -- Receipts by the till's own name: the same export imported in two
    -- branches is one row.
    CREATE TABLE chain_receipts (
        source      text NOT NULL,
        till_id     text NOT NULL,
        body        jsonb NOT NULL,
        member_uid  text,
        shop        text NOT NULL,
        xid         bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
        seq         bigint NOT NULL DEFAULT nextval('chain_seq'),
        PRIMARY KEY (source, till_id)
    );
    CREATE INDEX chain_receipts_order ON chain_receipts (xid, seq);
    CREATE INDEX chain_receipts_member ON chain_receipts (member_uid) WHERE member_uid IS NOT NULL;
"];

/// Creates the chain's tables, or brings them up to [`CHAIN_SCHEMA`];
/// returns the version the server had before (0 = none).
pub fn init(server: &mut Server) -> Result<i32> {
    let shown = server.shown.clone();
    let fail = |e| server_error(&shown, e);
    let mut tx = server.client.transaction().map_err(fail)?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS chain_meta (
             only_row        int PRIMARY KEY CHECK (only_row = 1),
             schema_version  int NOT NULL,
             -- the key of the suppression list's hashes, one for the chain
             suppression_key bytea
         );
         INSERT INTO chain_meta (only_row, schema_version) VALUES (1, 0) ON CONFLICT DO NOTHING;",
    )
    .map_err(fail)?;
    // FOR UPDATE: two shops running --init at once take turns here.
    let found: i32 = tx
        .query_one("SELECT schema_version FROM chain_meta FOR UPDATE", &[])
        .map_err(fail)?
        .get(0);
    refuse_newer(found)?;
    for step in STEPS.iter().skip(found as usize) {
        tx.batch_execute(step).map_err(fail)?;
    }
    tx.execute(
        "UPDATE chain_meta SET schema_version = $1",
        &[&CHAIN_SCHEMA],
    )
    .map_err(fail)?;
    tx.commit().map_err(fail)?;
    Ok(found)
}

/// Refuses a server without the chain's tables, or with other ones than
/// this app knows.
pub fn check(server: &mut Server) -> Result<()> {
    let found = server.client.query_opt(
        "SELECT schema_version FROM chain_meta WHERE to_regclass('chain_meta') IS NOT NULL",
        &[],
    );
    let version: i32 = match found {
        Ok(Some(row)) => row.get(0),
        Ok(None) => 0,
        Err(e) if e.code() == Some(&postgres::error::SqlState::UNDEFINED_TABLE) => 0,
        Err(e) => return Err(server_error(&server.shown, e)),
    };
    refuse_newer(version)?;
    if version < CHAIN_SCHEMA {
        return Err(Error::user(
            "err-sync-no-schema",
            &[("server", &server.shown)],
        ));
    }
    Ok(())
}

fn refuse_newer(found: i32) -> Result<()> {
    if found > CHAIN_SCHEMA {
        return Err(Error::user(
            "err-sync-server-newer",
            &[
                ("found", &found.to_string()),
                ("known", &CHAIN_SCHEMA.to_string()),
            ],
        ));
    }
    Ok(())
}

/// The chain's suppression key: the first shop to sync sets its own, every
/// other shop adopts it (see `adopt_key` in the sync operation).
pub fn chain_key(server: &mut Server, mine: &[u8]) -> Result<Vec<u8>> {
    let shown = server.shown.clone();
    let fail = |e| server_error(&shown, e);
    server
        .client
        .execute(
            "UPDATE chain_meta SET suppression_key = $1 WHERE suppression_key IS NULL",
            &[&mine],
        )
        .map_err(fail)?;
    Ok(server
        .client
        .query_one("SELECT suppression_key FROM chain_meta", &[])
        .map_err(fail)?
        .get(0))
}

/// A server error after the connection was made, as one line naming the
/// server. A server's own message (a missing permission, a full disk) says
/// what to fix; a dropped line says the server went away.
pub fn server_error(shown: &str, e: postgres::Error) -> Error {
    let reason = match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => e.to_string().lines().next().unwrap_or_default().to_string(),
    };
    Error::user(
        "err-sync-server",
        &[
            ("server", shown),
            ("reason", &crate::config::sync::hide_password(&reason)),
        ],
    )
}
