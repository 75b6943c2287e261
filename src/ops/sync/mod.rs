//! A chain of shops: each branch keeps its own SQLite file and works
//! offline; `sync` sends this shop's changes to the chain's PostgreSQL
//! server and brings in the other branches'.
//!
//! - `connect`: TLS as the URL asks, one line naming the server on failure.
//! - `server_schema`: the chain's tables, `--init`, the version check.
//! - `push`: the outbox in batches; `pull`: the others' rows in batches.
//! - `report`: what moved; `steps`: progress and stopping between batches.
//!
//! [`run`] is the one entry point, for the command line and for a
//! background job alike: it takes a context on its own connection, holds
//! the local write lock only for one batch at a time, reports after each
//! batch and stops when `cancel` is set.

mod connect;
mod pull;
mod push;
mod report;
mod server_schema;
mod steps;

#[cfg(test)]
mod outbox_tests;

use std::sync::atomic::AtomicBool;

pub use report::{Moved, SyncProgress, SyncReport};
pub use server_schema::CHAIN_SCHEMA;

use crate::config::sync::SyncTarget;
use crate::context::Ctx;
use crate::db;
use crate::db::sync_outbox;
use crate::domain::member::Channel;
use crate::error::{Error, Result};

/// Rows per batch: big enough that a first sync of a large shop is not
/// slowed by round trips, small enough that the counter waits a moment at
/// most for the write lock between two batches.
pub const BATCH: usize = 5000;

/// Tests set a small batch to make several batches of little data.
const BATCH_VAR: &str = "REGULARS_SYNC_BATCH";

fn batch_size() -> usize {
    std::env::var(BATCH_VAR)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(BATCH)
}

/// What `sync --init` found and left.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Initialised {
    pub server: String,
    /// The server's schema version before (0 = the chain's tables were new).
    pub was: i32,
    pub now: i32,
}

/// The chain this shop syncs with, refused when the config does not say.
pub fn target(ctx: &Ctx) -> Result<SyncTarget> {
    let Some(target) = ctx.config.sync.target() else {
        return Err(Error::user("err-sync-no-url", &[]));
    };
    if target.shop.is_empty() {
        return Err(Error::user("err-sync-no-shop", &[]));
    }
    Ok(target)
}

/// Creates or migrates the chain's tables on the server.
pub fn init(target: &SyncTarget) -> Result<Initialised> {
    let mut server = connect::connect(target)?;
    let was = server_schema::init(&mut server)?;
    Ok(Initialised {
        server: target.shown_url(),
        was,
        now: CHAIN_SCHEMA,
    })
}

/// Sends this shop's changes and brings in the other branches'.
pub fn run(
    ctx: &Ctx,
    target: &SyncTarget,
    progress: &mut dyn FnMut(SyncProgress),
    cancel: &AtomicBool,
) -> Result<SyncReport> {
    let mut server = connect::connect(target)?;
    server_schema::check(&mut server)?;
    let shop = target.shop.as_str();
    let mut steps = steps::Steps::new(progress, cancel);
    let batch = batch_size();
    adopt_key(ctx, &mut server)?;
    if !sync_outbox::started(&ctx.conn)? {
        let tx = crate::ops::begin(ctx)?;
        sync_outbox::start(&ctx.conn)?;
        tx.commit()?;
    }
    let (pushed, outvoted) = push::push(ctx, &mut server, shop, batch, &mut steps)?;
    let mut pulled = pull::adopt(ctx, &mut server, &outvoted)?;
    pulled.add(&pull::pull(ctx, &mut server, shop, batch, &mut steps)?);
    finish_todos(ctx)?;
    crate::ops::loyalty::settled(ctx, crate::ops::loyalty::IfBusy::Wait)?;
    Ok(SyncReport {
        shop: shop.to_string(),
        server: target.shown_url(),
        pushed,
        pulled,
    })
}

/// The suppression list's hashes are keyed; a contact must hash the same
/// in every branch, so the chain has one key: the first shop to sync
/// gives its own, and a shop whose key differs takes the chain's and puts
/// back every contact it can still name (members who withdrew). Hashes of
/// contacts erased here before joining cannot be made again and are left
/// behind.
fn adopt_key(ctx: &Ctx, server: &mut connect::Server) -> Result<()> {
    let mine = db::suppression::key(&ctx.conn)?;
    let chain = server_schema::chain_key(server, &mine)?;
    if chain == mine {
        return Ok(());
    }
    let now = ctx.clock.now();
    let tx = crate::ops::begin(ctx)?;
    let recording = sync_outbox::recording(&ctx.conn)?;
    sync_outbox::set_recording(&ctx.conn, false)?;
    sync_outbox::replace_suppression_key(&ctx.conn, &chain)?;
    for (member, channel) in sync_outbox::withdrawn(&ctx.conn)? {
        if let Some(channel) = Channel::from_code(&channel) {
            crate::ops::suppression::suppress(&ctx.conn, member, channel, now)?;
        }
    }
    sync_outbox::set_recording(&ctx.conn, recording)?;
    tx.commit()?;
    Ok(())
}

/// Erasures and merges pulled from other branches, done here by the same
/// operations as at the counter. Each is done at most once: a member
/// already erased (or merged) here is left as it is.
fn finish_todos(ctx: &Ctx) -> Result<()> {
    for todo in sync_outbox::todos(&ctx.conn)? {
        let direct = |uid: &str| -> Result<Option<(i64, bool)>> {
            db::sync_outbox::member_row(&ctx.conn, uid)
        };
        match todo.kind.as_str() {
            "erasure" => {
                if let Some((id, false)) = direct(&todo.key)? {
                    crate::ops::erase::erase_member(ctx, id)?;
                }
            }
            "merge" => {
                let keep = todo.body.as_deref().map(direct).transpose()?.flatten();
                if let (Some((drop, false)), Some((keep, false))) = (direct(&todo.key)?, keep)
                    && drop != keep
                {
                    crate::ops::merge::merge(ctx, keep, drop)?;
                }
            }
            _ => {}
        }
        sync_outbox::todo_done(&ctx.conn, todo.seq)?;
    }
    Ok(())
}
