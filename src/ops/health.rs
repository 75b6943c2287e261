//! `regulars check`: everything that can be wrong with a club's file, by
//! kind: damaged pages, rows referring to rows that are gone, points rows
//! that make a balance wrong, and contacts shared by several members.
//! It only reads, so it is safe on a club in use.

use crate::context::Ctx;
use crate::db::health::{bad_points, damage, missing_rows};
use crate::error::Result;
use crate::ops::duplicates::{SharedGroup, club_duplicates};

pub use crate::db::health::{BadPoints, MissingRow};

/// What the check found; every list empty when the club is sound.
#[derive(Debug, Clone, Default)]
pub struct Health {
    /// SQLite's own words about damaged pages.
    pub integrity: Vec<String>,
    pub foreign_keys: Vec<MissingRow>,
    pub ledger: Vec<BadPoints>,
    pub duplicates: Vec<SharedGroup>,
}

impl Health {
    pub fn is_sound(&self) -> bool {
        self.integrity.is_empty()
            && self.foreign_keys.is_empty()
            && self.ledger.is_empty()
            && self.duplicates.is_empty()
    }
}

/// Checks the club. A file with damaged pages is reported as that alone:
/// what the other checks would read from it cannot be trusted.
pub fn check_club(ctx: &Ctx) -> Result<Health> {
    let integrity = damage(&ctx.conn)?;
    if !integrity.is_empty() {
        return Ok(Health {
            integrity,
            ..Health::default()
        });
    }
    Ok(Health {
        integrity,
        foreign_keys: missing_rows(&ctx.conn)?,
        ledger: bad_points(&ctx.conn)?,
        duplicates: club_duplicates(ctx)?,
    })
}
