//! A member's children and pets as stored: added, read, edited, removed,
//! and a pet marked as passed away (kept, but no longer celebrated).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::members::DATE;
use crate::domain::family::{BirthInfo, Child, Pet};
use crate::error::Result;

pub(crate) fn birth_columns(birth: &BirthInfo) -> (Option<String>, Option<u32>, Option<String>) {
    match birth {
        BirthInfo::Born(d) => (Some(d.format(DATE).to_string()), None, None),
        BirthInfo::About { years, on } => (None, Some(*years), Some(on.format(DATE).to_string())),
        BirthInfo::Unknown => (None, None, None),
    }
}

fn birth_from_columns(born: Option<String>, years: Option<u32>, on: Option<String>) -> BirthInfo {
    let parse = |s: &str| NaiveDate::parse_from_str(s, DATE).ok();
    match (
        born.as_deref().and_then(parse),
        years,
        on.as_deref().and_then(parse),
    ) {
        (Some(d), _, _) => BirthInfo::Born(d),
        (None, Some(years), Some(on)) => BirthInfo::About { years, on },
        _ => BirthInfo::Unknown,
    }
}

pub fn add_child(
    conn: &Connection,
    member_id: i64,
    name: &str,
    gender: Option<&str>,
    birth: BirthInfo,
) -> Result<i64> {
    let (born, years, on) = birth_columns(&birth);
    conn.execute(
        "INSERT INTO children (member_id, name, gender, born, approx_years, approx_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![member_id, name, gender, born, years, on],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn add_pet(
    conn: &Connection,
    member_id: i64,
    name: &str,
    kind: &str,
    birth: BirthInfo,
) -> Result<i64> {
    let (born, years, on) = birth_columns(&birth);
    conn.execute(
        "INSERT INTO pets (member_id, name, kind, born, approx_years, approx_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![member_id, name, kind, born, years, on],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Records the day a pet came home (its gotcha day).
pub fn set_pet_gotcha(conn: &Connection, pet_id: i64, gotcha: Option<NaiveDate>) -> Result<()> {
    conn.execute(
        "UPDATE pets SET gotcha = ?2 WHERE id = ?1",
        params![pet_id, gotcha.map(|d| d.format(DATE).to_string())],
    )?;
    Ok(())
}

pub fn children(conn: &Connection, member_id: i64) -> Result<Vec<Child>> {
    let mut stmt = conn.prepare(
        "SELECT id, member_id, name, gender, born, approx_years, approx_on FROM children WHERE member_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([member_id], |r| {
        Ok(Child {
            id: r.get(0)?,
            member_id: r.get(1)?,
            name: r.get(2)?,
            gender: r.get(3)?,
            birth: birth_from_columns(r.get(4)?, r.get(5)?, r.get(6)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn pets(conn: &Connection, member_id: i64) -> Result<Vec<Pet>> {
    let mut stmt = conn.prepare(
        "SELECT id, member_id, name, kind, born, approx_years, approx_on, gotcha, passed_away FROM pets WHERE member_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([member_id], |r| {
        Ok(Pet {
            id: r.get(0)?,
            member_id: r.get(1)?,
            name: r.get(2)?,
            kind: r.get(3)?,
            birth: birth_from_columns(r.get(4)?, r.get(5)?, r.get(6)?),
            gotcha: day_column(r.get(7)?),
            passed_away: day_column(r.get(8)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn day_column(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|s| NaiveDate::parse_from_str(&s, DATE).ok())
}

fn day_text(day: Option<NaiveDate>) -> Option<String> {
    day.map(|d| d.format(DATE).to_string())
}

/// One child by its id.
pub fn child(conn: &Connection, id: i64) -> Result<Option<Child>> {
    let member: Option<i64> = conn
        .query_row("SELECT member_id FROM children WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    let Some(member) = member else {
        return Ok(None);
    };
    Ok(children(conn, member)?.into_iter().find(|c| c.id == id))
}

/// One pet by its id.
pub fn pet(conn: &Connection, id: i64) -> Result<Option<Pet>> {
    let member: Option<i64> = conn
        .query_row("SELECT member_id FROM pets WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    let Some(member) = member else {
        return Ok(None);
    };
    Ok(pets(conn, member)?.into_iter().find(|p| p.id == id))
}

/// Writes a child's details over the stored ones.
pub fn update_child(conn: &Connection, child: &Child) -> Result<()> {
    let (born, years, on) = birth_columns(&child.birth);
    conn.execute(
        "UPDATE children SET name = ?2, gender = ?3, born = ?4, approx_years = ?5, approx_on = ?6
         WHERE id = ?1",
        params![child.id, child.name, child.gender, born, years, on],
    )?;
    Ok(())
}

/// Writes a pet's details over the stored ones, the passing too; the
/// triggers of migration 008 keep its reminder keys in step.
pub fn update_pet(conn: &Connection, pet: &Pet) -> Result<()> {
    let (born, years, on) = birth_columns(&pet.birth);
    conn.execute(
        "UPDATE pets SET name = ?2, kind = ?3, born = ?4, approx_years = ?5, approx_on = ?6,
             gotcha = ?7, passed_away = ?8
         WHERE id = ?1",
        params![
            pet.id,
            pet.name,
            pet.kind,
            born,
            years,
            on,
            day_text(pet.gotcha),
            day_text(pet.passed_away)
        ],
    )?;
    Ok(())
}

/// Removes a child; false when there was none with that id.
pub fn remove_child(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.execute("DELETE FROM children WHERE id = ?1", [id])? > 0)
}

/// Removes a pet; false when there was none with that id.
pub fn remove_pet(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.execute("DELETE FROM pets WHERE id = ?1", [id])? > 0)
}
