//! Member details as they travel: one value per field, so two branches
//! editing different fields of one member offline both keep their edit,
//! and the server keeps the latest write of each field.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde_json::{Value as Json, json};

use super::members::{DATE, insert_row, update};
use super::sync_outbox::{field_waiting, member_id, member_uid};
use crate::domain::member::{Birthday, MemberDraft};
use crate::error::Result;

/// The fields that travel. `joined` goes with a new member only.
pub const FIELDS: &[&str] = &[
    "first_name",
    "family_name",
    "phone",
    "email",
    "birthday",
    "card",
    "area",
    "language",
    "note",
    "tags",
    "referred_by",
    "joined",
    "source",
    "birth_calendar",
];

/// A member as this shop holds them.
#[derive(Debug, Clone, PartialEq)]
pub enum Held {
    Missing,
    Erased,
    /// Every field's value.
    Fields(Vec<(&'static str, Json)>),
}

pub fn read(conn: &Connection, uid: &str) -> Result<Held> {
    let row = conn
        .prepare_cached(
            "SELECT first_name, family_name, phone, email, birth_month, birth_day, birth_year,
                    card, area, language, note, tags, referred_by, joined_at, erased_at IS NOT NULL,
                    source, birth_calendar, birth_calendar_month, birth_calendar_day
             FROM members WHERE uid = ?1",
        )?
        .query_row([uid], |r| {
            let text = |i: usize| -> rusqlite::Result<Json> {
                Ok(r.get::<_, Option<String>>(i)?.map_or(Json::Null, Json::from))
            };
            let month: Option<u32> = r.get(4)?;
            let birthday = match month {
                Some(month) => json!({"month": month, "day": r.get::<_, u32>(5)?, "year": r.get::<_, Option<i32>>(6)?}),
                None => Json::Null,
            };
            let calendar: Option<String> = r.get(16)?;
            let calendar = match calendar {
                Some(calendar) => json!({"calendar": calendar, "month": r.get::<_, Option<String>>(17)?, "day": r.get::<_, Option<u32>>(18)?}),
                None => Json::Null,
            };
            let referred: Option<i64> = r.get(12)?;
            let erased: bool = r.get(14)?;
            Ok((
                vec![
                    ("first_name", text(0)?),
                    ("family_name", text(1)?),
                    ("phone", text(2)?),
                    ("email", text(3)?),
                    ("birthday", birthday),
                    ("card", text(7)?),
                    ("area", text(8)?),
                    ("language", text(9)?),
                    ("note", text(10)?),
                    ("tags", text(11)?),
                    ("joined", text(13)?),
                    ("source", text(15)?),
                    ("birth_calendar", calendar),
                ],
                referred,
                erased,
            ))
        })
        .optional()?;
    let Some((mut fields, referred, erased)) = row else {
        return Ok(Held::Missing);
    };
    if erased {
        return Ok(Held::Erased);
    }
    let referred = match referred {
        Some(id) => member_uid(conn, id)?.map_or(Json::Null, Json::from),
        None => Json::Null,
    };
    fields.push(("referred_by", referred));
    Ok(Held::Fields(fields))
}

fn text(v: &Json) -> Option<String> {
    v.as_str().map(str::to_string)
}

/// Writes pulled field values of member `uid`, made in `shop`, in the
/// caller's transaction with recording off. A member new here is added;
/// an erased one stays erased; a field this shop changed and has not sent
/// yet is left for the server to decide. Returns whether anything changed.
pub fn apply(conn: &Connection, uid: &str, fields: &[(String, Json)], shop: &str) -> Result<bool> {
    let local = super::sync_outbox::member_row(conn, uid)?;
    if let Some((_, true)) = local {
        return Ok(false);
    }
    let (mut draft, mut tags, mut referred) = match local {
        Some((id, _)) => {
            let draft = super::members::get(conn, id)?
                .map(|m| m.draft)
                .unwrap_or_default();
            let (tags, referred) = conn.query_row(
                "SELECT tags, referred_by FROM members WHERE id = ?1",
                [id],
                |r| Ok((r.get::<_, Option<String>>(0)?, r.get::<_, Option<i64>>(1)?)),
            )?;
            (draft, tags, referred)
        }
        None => (MemberDraft::default(), None, None),
    };
    let before = (draft.clone(), tags.clone(), referred);
    let mut joined: Option<NaiveDate> = None;
    // Kept beside the draft, which holds neither: Some = the pulled value.
    let (mut source, mut calendar): (Option<Json>, Option<Json>) = (None, None);
    for (field, value) in fields {
        if local.is_some() && field_waiting(conn, uid, field)? {
            continue;
        }
        match field.as_str() {
            "first_name" => draft.first_name = text(value).unwrap_or_default(),
            "family_name" => draft.family_name = text(value).unwrap_or_default(),
            "phone" => draft.phone = text(value),
            "email" => draft.email = text(value),
            "birthday" => draft.birthday = birthday(value),
            "card" => draft.card = text(value),
            "area" => draft.area = text(value),
            "language" => draft.language = text(value),
            "note" => draft.note = text(value),
            "tags" => tags = text(value),
            "referred_by" => {
                referred = match value.as_str() {
                    Some(r) => member_id(conn, r)?,
                    None => None,
                }
            }
            "source" => source = Some(value.clone()),
            "birth_calendar" => calendar = Some(value.clone()),
            "joined" => {
                joined = value
                    .as_str()
                    .and_then(|d| NaiveDate::parse_from_str(d, DATE).ok())
            }
            _ => {}
        }
    }
    let id = local.map(|(id, _)| id);
    // A card is one member's: when another member here already has it, the
    // pulled member comes without it and the duplicates list shows both.
    if let Some(card) = &draft.card {
        let taken: Option<i64> = conn
            .prepare_cached("SELECT id FROM members WHERE card = ?1 AND id IS NOT ?2")?
            .query_row(rusqlite::params![card, id], |r| r.get(0))
            .optional()?;
        if taken.is_some() {
            draft.card = None;
        }
    }
    let id = match id {
        Some(id) => {
            let extra = write_extra(conn, id, source.as_ref(), calendar.as_ref())?;
            if before == (draft.clone(), tags.clone(), referred) {
                return Ok(extra);
            }
            update(conn, id, &draft)?;
            id
        }
        None => {
            let joined =
                joined.unwrap_or_else(|| NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default());
            let id = insert_row(conn, &draft, joined)?;
            conn.execute(
                "UPDATE members SET uid = ?2, shop = ?3 WHERE id = ?1",
                rusqlite::params![id, uid, shop],
            )?;
            write_extra(conn, id, source.as_ref(), calendar.as_ref())?;
            id
        }
    };
    conn.execute(
        "UPDATE members SET tags = ?2, referred_by = ?3 WHERE id = ?1",
        rusqlite::params![id, tags, referred],
    )?;
    Ok(true)
}

fn birthday(v: &Json) -> Option<Birthday> {
    Some(Birthday {
        month: v.get("month")?.as_u64()? as u32,
        day: v.get("day")?.as_u64()? as u32,
        year: v.get("year").and_then(Json::as_i64).map(|y| y as i32),
    })
}

/// Writes the pulled fields the draft does not hold: how the member found
/// the shop, and a birthday kept in the Hebrew or Chinese calendar. True
/// when a value changed.
fn write_extra(
    conn: &Connection,
    id: i64,
    source: Option<&Json>,
    calendar: Option<&Json>,
) -> Result<bool> {
    let mut changed = 0;
    if let Some(source) = source {
        changed += conn.execute(
            "UPDATE members SET source = ?2 WHERE id = ?1 AND source IS NOT ?2",
            rusqlite::params![id, text(source)],
        )?;
    }
    if let Some(calendar) = calendar {
        let part = |key: &str| calendar.get(key).cloned().unwrap_or(Json::Null);
        let day = part("day").as_i64();
        changed += conn.execute(
            "UPDATE members SET birth_calendar = ?2, birth_calendar_month = ?3, birth_calendar_day = ?4
             WHERE id = ?1 AND (birth_calendar IS NOT ?2 OR birth_calendar_month IS NOT ?3
                                OR birth_calendar_day IS NOT ?4)",
            rusqlite::params![id, text(&part("calendar")), text(&part("month")), day],
        )?;
    }
    Ok(changed > 0)
}
