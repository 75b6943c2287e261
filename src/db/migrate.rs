//! Forward-only schema migrations keyed by `PRAGMA user_version`.
//!
//! Migration N takes a database from version N-1 to N inside one transaction:
//! either the whole step lands or none of it. A database newer than this app
//! is refused before anything is touched.

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Marks the file as a regulars database ("RGLR").
pub const APPLICATION_ID: i64 = 0x5247_4c52;

/// Every schema step, in order. Append only; never edit a released step.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_members.sql"),
    include_str!("migrations/002_receipts.sql"),
    include_str!("migrations/003_search.sql"),
    include_str!("migrations/004_reminders.sql"),
    include_str!("migrations/005_loyalty.sql"),
    include_str!("migrations/006_list_order.sql"),
    include_str!("migrations/007_birth_calendar.sql"),
    include_str!("migrations/008_card_forms.sql"),
    include_str!("migrations/009_kept_current.sql"),
    include_str!("migrations/010_pet_passed_away.sql"),
    include_str!("migrations/011_demo_members.sql"),
    include_str!("migrations/012_review_instant.sql"),
    include_str!("migrations/013_points_follow_receipts.sql"),
    include_str!("migrations/014_consent_suppression.sql"),
    include_str!("migrations/015_segments.sql"),
    include_str!("migrations/016_erased_stay_out.sql"),
    include_str!("migrations/017_merges.sql"),
    include_str!("migrations/018_segment_summary.sql"),
    include_str!("migrations/019_club_health.sql"),
    include_str!("migrations/020_notes.sql"),
    include_str!("migrations/021_survey.sql"),
    include_str!("migrations/022_events.sql"),
    include_str!("migrations/023_square_payments.sql"),
    include_str!("migrations/024_column_maps.sql"),
    include_str!("migrations/025_branches.sql"),
    include_str!("migrations/026_branch_days.sql"),
    include_str!("migrations/027_import_speed.sql"),
    include_str!("migrations/028_sync.sql"),
    include_str!("migrations/029_import_bulk.sql"),
    include_str!("migrations/030_one_branch_index.sql"),
];

pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

pub fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the schema up to `target` (normally [`latest`]).
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    let current = version(conn)?;
    if current > latest() {
        return Err(Error::user(
            "err-db-newer",
            &[
                ("found", &current.to_string()),
                ("known", &latest().to_string()),
            ],
        ));
    }
    for (index, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(current as usize)
    {
        let next = index as i64 + 1;
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", next)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.commit()?;
    }
    Ok(())
}

pub fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, latest())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_earlier_version_upgrades_to_the_latest() {
        for start in 0..=latest() {
            let mut conn = Connection::open_in_memory().unwrap();
            migrate_to(&mut conn, start).unwrap();
            assert_eq!(version(&conn).unwrap(), start);
            migrate(&mut conn).unwrap();
            assert_eq!(version(&conn).unwrap(), latest());
            let fk_problems: i64 = conn
                .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                    r.get(0)
                })
                .unwrap();
            assert_eq!(fk_problems, 0);
        }
    }

    #[test]
    fn a_newer_database_is_refused_untouched() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", latest() + 1)
            .unwrap();
        let err = migrate(&mut conn).unwrap_err().to_string();
        assert!(err.contains(&(latest() + 1).to_string()), "{err}");
        assert_eq!(version(&conn).unwrap(), latest() + 1);
    }
}
