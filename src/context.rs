//! What every screen, command and operation works with: the open
//! database, the injected clock and the shop's config. It lives below both
//! front ends so neither has to import the other to get it.

use std::path::PathBuf;

use rusqlite::Connection;

use crate::clock::Clock;
use crate::config::Config;

/// The open club: what every operation is given.
pub struct Ctx {
    pub conn: Connection,
    pub clock: Clock,
    pub config: Config,
    /// The database file, so long work can open its own connection; None
    /// for an in-memory database (tests), where that work runs in place.
    pub db_path: Option<PathBuf>,
}
