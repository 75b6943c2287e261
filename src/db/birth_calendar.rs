//! Birthdays kept in the Hebrew or Chinese calendar (migration 006): the
//! calendar, the month code and the day, beside the member's row. The
//! Gregorian day they fall on is the domain's to work out.

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::domain::birth_calendar::{BirthCalendar, CalendarBirthday, LunarMonth};
use crate::error::{Result, UnknownCode};

/// Member id, calendar, month code, day.
fn from_row(r: &Row) -> rusqlite::Result<(i64, CalendarBirthday)> {
    let calendar: String = r.get(1)?;
    let month: String = r.get(2)?;
    let day: u8 = r.get(3)?;
    let cal = BirthCalendar::from_code(&calendar)
        .filter(|c| *c != BirthCalendar::Gregorian)
        .ok_or_else(|| UnknownCode::at("members.birth_calendar", 1, &calendar))?;
    let month_code = LunarMonth::from_code(&month)
        .ok_or_else(|| UnknownCode::at("members.birth_calendar_month", 2, &month))?;
    // A month and day no year of that calendar has: damaged, not guessed at.
    let birthday = CalendarBirthday::new(cal, month_code, day)
        .map_err(|_| UnknownCode::at("members.birth_calendar_month", 2, &month))?;
    Ok((r.get(0)?, birthday))
}

/// Keeps `birthday` for the member, or none. The caller clears the
/// Gregorian birthday in the same transaction when one is kept.
pub fn set(conn: &Connection, member_id: i64, birthday: Option<&CalendarBirthday>) -> Result<()> {
    conn.prepare_cached(
        "UPDATE members SET birth_calendar = ?2, birth_calendar_month = ?3, birth_calendar_day = ?4
         WHERE id = ?1",
    )?
    .execute(params![
        member_id,
        birthday.map(|b| b.calendar().code()),
        birthday.map(|b| b.month().code()),
        birthday.map(|b| b.day()),
    ])?;
    Ok(())
}

pub fn get(conn: &Connection, member_id: i64) -> Result<Option<CalendarBirthday>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, birth_calendar, birth_calendar_month, birth_calendar_day FROM members
             WHERE id = ?1 AND birth_calendar IS NOT NULL",
        )?
        .query_row([member_id], from_row)
        .optional()?
        .map(|(_, b)| b))
}

/// Every member (not erased) who keeps one, by id. The few are found from
/// their own index and then sorted (`+id`): left to itself, SQLite would
/// walk every member in id order to save that sort.
pub fn all(conn: &Connection) -> Result<Vec<(i64, CalendarBirthday)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, birth_calendar, birth_calendar_month, birth_calendar_day FROM members
         WHERE birth_calendar IS NOT NULL AND erased_at IS NULL ORDER BY +id",
    )?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Those of a few members (the rows the counter shows).
pub fn of_members(conn: &Connection, member_ids: &[i64]) -> Result<Vec<(i64, CalendarBirthday)>> {
    let ids = serde_json::to_string(member_ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(
        "SELECT id, birth_calendar, birth_calendar_month, birth_calendar_day FROM members
         WHERE id IN (SELECT value FROM json_each(?1)) AND birth_calendar IS NOT NULL
         ORDER BY id",
    )?;
    let rows = stmt.query_map([ids], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;
    use crate::db::migrate;

    fn tishrei_12() -> CalendarBirthday {
        let month = LunarMonth {
            number: 1,
            leap: false,
        };
        CalendarBirthday::new(BirthCalendar::Hebrew, month, 12).unwrap()
    }

    #[test]
    fn a_file_of_the_version_before_gains_the_columns_and_keeps_its_members() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("club.db");
        let mut conn = Connection::open(&path).unwrap();
        migrate::migrate_to(&mut conn, 6).unwrap();
        conn.execute(
            "INSERT INTO members (first_name, sort_key, joined_at, birth_month, birth_day)
             VALUES ('Maya', 'maya', '2026-01-05', 3, 14)",
            [],
        )
        .unwrap();
        drop(conn);

        let mut conn = Connection::open(&path).unwrap();
        migrate::migrate(&mut conn).unwrap();
        assert_eq!(migrate::version(&conn).unwrap(), migrate::latest());
        let id: i64 = conn
            .query_row("SELECT id FROM members", [], |r| r.get(0))
            .unwrap();
        assert_eq!(get(&conn, id).unwrap(), None);
        let md: i64 = conn
            .query_row("SELECT birth_md FROM members", [], |r| r.get(0))
            .unwrap();
        assert_eq!(md, 314);

        set(&conn, id, Some(&tishrei_12())).unwrap();
        drop(conn);
        let conn = Connection::open(&path).unwrap();
        assert_eq!(get(&conn, id).unwrap(), Some(tishrei_12()));
        assert_eq!(all(&conn).unwrap(), vec![(id, tishrei_12())]);
        assert_eq!(of_members(&conn, &[id, id + 1]).unwrap().len(), 1);
        set(&conn, id, None).unwrap();
        assert_eq!(get(&conn, id).unwrap(), None);
    }

    #[test]
    fn the_schema_refuses_what_no_calendar_has() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate::migrate(&mut conn).unwrap();
        conn.execute(
            "INSERT INTO members (first_name, sort_key, joined_at) VALUES ('Li', 'li', '2026-01-05')",
            [],
        )
        .unwrap();
        for (calendar, month, day) in [
            ("julian", "M01", 1),
            ("hebrew", "1", 1),
            ("chinese", "M01", 31),
        ] {
            let refused = conn.execute(
                "UPDATE members SET birth_calendar = ?1, birth_calendar_month = ?2, birth_calendar_day = ?3",
                params![calendar, month, day],
            );
            assert!(refused.is_err(), "{calendar} {month} {day}");
        }
    }

    #[test]
    fn a_code_this_version_does_not_know_stops_the_read() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate::migrate(&mut conn).unwrap();
        // Tevet never has a 30th: a value a damaged file could hold.
        conn.execute(
            "INSERT INTO members (first_name, sort_key, joined_at, birth_calendar,
                                  birth_calendar_month, birth_calendar_day)
             VALUES ('Noa', 'noa', '2026-01-05', 'hebrew', 'M04', 30)",
            [],
        )
        .unwrap();
        let e = all(&conn).unwrap_err();
        assert_eq!(e.key(), Some("err-db-unknown-code"));
    }
}
