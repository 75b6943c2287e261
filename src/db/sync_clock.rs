//! The two SQL functions the chain's triggers call: `regulars_now()`, when
//! a row changed, and `regulars_uid()`, a new row's chain-wide id.
//!
//! Triggers cannot see the app's clock, so the connection carries it. Every
//! connection gets both functions when it is opened ([`install_unclocked`]):
//! without a clock a change has no time yet (NULL; the sync stamps it when
//! it sends it) and a new id is random. The open club ([`install`], called
//! by `Ctx::new`) puts in the injected clock: ids become UUIDv7 of its time
//! and changes carry it, so `--today` reaches the chain's merge rules too.

use chrono::NaiveDateTime;
use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;
use uuid::{NoContext, Timestamp, Uuid};

use crate::clock::Clock;
use crate::error::Result;

/// How times are written in the outbox and on the server: sortable text.
pub const STAMP: &str = "%Y-%m-%d %H:%M:%S";

/// A chain-wide id for a row made at `now`: time first, so ids sort by
/// when rows were made, then 74 random bits.
pub fn new_uid(now: NaiveDateTime) -> String {
    let utc = now.and_utc();
    let ts = Timestamp::from_unix(
        NoContext,
        utc.timestamp().max(0) as u64,
        utc.timestamp_subsec_nanos(),
    );
    Uuid::new_v7(ts).to_string()
}

/// A random id shaped as a UUIDv4, for rows made without a clock.
fn random_uid() -> String {
    let bytes: [u8; 16] = rand::random();
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// The functions without a clock: every connection has them from the start.
pub fn install_unclocked(conn: &Connection) -> Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8;
    conn.create_scalar_function("regulars_now", 0, flags, |_| Ok(None::<String>))?;
    conn.create_scalar_function("regulars_uid", 0, flags, |_| Ok(random_uid()))?;
    Ok(())
}

/// The functions with the app's clock, replacing those without.
pub fn install(conn: &Connection, clock: Clock) -> Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8;
    conn.create_scalar_function("regulars_now", 0, flags, move |_| {
        Ok(clock.now().format(STAMP).to_string())
    })?;
    conn.create_scalar_function("regulars_uid", 0, flags, move |_| Ok(new_uid(clock.now())))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn ids_made_the_same_second_differ_and_sort_by_time() {
        let noon = NaiveDate::from_ymd_opt(2026, 12, 3)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let a = new_uid(noon);
        let b = new_uid(noon);
        assert_ne!(a, b);
        let later = new_uid(noon + chrono::Duration::seconds(1));
        assert!(later > a && later > b, "{later} sorts after {a} and {b}");
        assert_eq!(Uuid::parse_str(&a).unwrap().get_version_num(), 7);
    }

    #[test]
    fn a_clocked_connection_stamps_changes() {
        let conn = Connection::open_in_memory().unwrap();
        install_unclocked(&conn).unwrap();
        let none: Option<String> = conn
            .query_row("SELECT regulars_now()", [], |r| r.get(0))
            .unwrap();
        assert_eq!(none, None);
        let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        install(&conn, Clock::fixed(day)).unwrap();
        let now: String = conn
            .query_row("SELECT regulars_now()", [], |r| r.get(0))
            .unwrap();
        assert_eq!(now, "2026-12-03 12:00:00");
        let uid: String = conn
            .query_row("SELECT regulars_uid()", [], |r| r.get(0))
            .unwrap();
        assert_eq!(Uuid::parse_str(&uid).unwrap().get_version_num(), 7);
    }
}
