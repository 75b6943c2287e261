//! Birthdays and gotcha days within a window of days, read through the
//! month-day indexes of migration 004: one index range per calendar year
//! (see `domain::reminders::Window::key_ranges`), never a date worked out
//! for every member.

use std::collections::HashMap;

use rusqlite::{Connection, Row};

use super::birth_calendar;
use crate::domain::reminders::{Anniversary, Kind, Occasion, Reminder, Window, sort};
use crate::error::Result;

// Every source gives the same columns: member id, the celebrant's own id,
// name and detail, the month-day key and the year. Members' names are not
// read here: the lists read them with the contact details, in one batch.
// Erased members are few; their ids are gathered once per query rather than
// looked up for every child and pet.
const MEMBERS: &str = "SELECT id, id, NULL, NULL, birth_md, birth_year
     FROM members WHERE birth_md BETWEEN ?1 AND ?2 AND erased_at IS NULL";

const CHILDREN: &str =
    "SELECT member_id, id, name, gender, birth_md, CAST(substr(born, 1, 4) AS INTEGER)
     FROM children WHERE birth_md BETWEEN ?1 AND ?2
       AND member_id NOT IN (SELECT id FROM members WHERE erased_at IS NOT NULL)";

const PET_BIRTHDAYS: &str =
    "SELECT member_id, id, name, kind, birth_md, CAST(substr(born, 1, 4) AS INTEGER)
     FROM pets WHERE birth_md BETWEEN ?1 AND ?2
       AND member_id NOT IN (SELECT id FROM members WHERE erased_at IS NOT NULL)";

const GOTCHA_DAYS: &str =
    "SELECT member_id, id, name, kind, gotcha_md, CAST(substr(gotcha, 1, 4) AS INTEGER)
     FROM pets WHERE gotcha_md BETWEEN ?1 AND ?2
       AND member_id NOT IN (SELECT id FROM members WHERE erased_at IS NOT NULL)";

/// The same four sources for a few members (the rows the counter shows);
/// the last column says which source.
const HOUSEHOLDS: &str = "
    SELECT id, id, NULL, NULL, birth_md, birth_year, 0
      FROM members WHERE id IN (SELECT value FROM json_each(?1)) AND birth_md IS NOT NULL
    UNION ALL
    SELECT member_id, id, name, gender, birth_md, CAST(substr(born, 1, 4) AS INTEGER), 1
      FROM children WHERE member_id IN (SELECT value FROM json_each(?1)) AND birth_md IS NOT NULL
    UNION ALL
    SELECT member_id, id, name, kind, birth_md, CAST(substr(born, 1, 4) AS INTEGER), 2
      FROM pets WHERE member_id IN (SELECT value FROM json_each(?1)) AND birth_md IS NOT NULL
    UNION ALL
    SELECT member_id, id, name, kind, gotcha_md, CAST(substr(gotcha, 1, 4) AS INTEGER), 3
      FROM pets WHERE member_id IN (SELECT value FROM json_each(?1)) AND gotcha_md IS NOT NULL";

fn source(n: i64) -> (Kind, Occasion) {
    match n {
        0 => (Kind::Member, Occasion::Birthday),
        1 => (Kind::Child, Occasion::Birthday),
        2 => (Kind::Pet, Occasion::Birthday),
        _ => (Kind::Pet, Occasion::Gotcha),
    }
}

fn anniversary(r: &Row, kind: Kind, occasion: Occasion) -> rusqlite::Result<Anniversary> {
    let md: u32 = r.get(4)?;
    Ok(Anniversary {
        member_id: r.get(0)?,
        kind,
        occasion,
        id: r.get(1)?,
        name: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
        detail: r.get(3)?,
        month: md / 100,
        day: md % 100,
        year: r.get(5)?,
    })
}

/// Every reminder in the window, sorted (see `domain::reminders::sort`).
pub fn within(conn: &Connection, window: &Window) -> Result<Vec<Reminder>> {
    let mut found = vec![];
    for range in window.key_ranges() {
        for (n, sql) in [MEMBERS, CHILDREN, PET_BIRTHDAYS, GOTCHA_DAYS]
            .into_iter()
            .enumerate()
        {
            let (kind, occasion) = source(n as i64);
            let mut stmt = conn.prepare_cached(sql)?;
            let rows =
                stmt.query_map([range.from, range.to], |r| anniversary(r, kind, occasion))?;
            for a in rows {
                found.extend(window.in_year(a?, range.year));
            }
        }
    }
    // Hebrew and Chinese birthdays move every year: worked out per member,
    // and few members keep one.
    for (id, birthday) in birth_calendar::all(conn)? {
        found.extend(window.kept_by_calendar(id, &birthday));
    }
    sort(&mut found);
    Ok(found)
}

/// The reminders of a few members' households, by member id: the birthday
/// marker of the rows the counter shows, read in one query.
pub fn of_households(
    conn: &Connection,
    member_ids: &[i64],
    window: &Window,
) -> Result<HashMap<i64, Vec<Reminder>>> {
    let mut by_member: HashMap<i64, Vec<Reminder>> = HashMap::new();
    if member_ids.is_empty() {
        return Ok(by_member);
    }
    let ids = serde_json::to_string(member_ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(HOUSEHOLDS)?;
    let rows = stmt.query_map([ids], |r| {
        let (kind, occasion) = source(r.get(6)?);
        anniversary(r, kind, occasion)
    })?;
    for a in rows {
        let a = a?;
        for reminder in window.reminders_of(&a) {
            by_member.entry(a.member_id).or_default().push(reminder);
        }
    }
    for (id, birthday) in birth_calendar::of_members(conn, member_ids)? {
        let reminders = window.kept_by_calendar(id, &birthday);
        if !reminders.is_empty() {
            by_member.entry(id).or_default().extend(reminders);
        }
    }
    for list in by_member.values_mut() {
        sort(list);
    }
    Ok(by_member)
}

#[cfg(test)]
#[path = "reminders_tests.rs"]
mod tests;
