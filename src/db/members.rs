//! Members, their families and their consent log.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::db::list_order;
// Children and pets live in their own file; these names stay for callers.
pub(crate) use super::family::birth_columns;
pub use super::family::{add_child, add_pet, children, pets, set_pet_gotcha};
use crate::db::search::{SearchFields, within_transaction, write_words};
use crate::domain::member::{Birthday, Channel, Consent, Member, MemberCard, MemberDraft};
use crate::error::{Result, UnknownCode};

const MEMBER_COLUMNS: &str = "id, first_name, family_name, phone, email, birth_month, birth_day, birth_year, \
     card, area, language, note, joined_at";

pub const DATE: &str = "%Y-%m-%d";
pub const DATETIME: &str = "%Y-%m-%d %H:%M:%S";

fn member_from_row(row: &Row) -> rusqlite::Result<Member> {
    let month: Option<u32> = row.get(5)?;
    let day: Option<u32> = row.get(6)?;
    let birthday = month.zip(day).map(|(month, day)| Birthday {
        month,
        day,
        year: row.get(7).ok().flatten(),
    });
    let joined: String = row.get(12)?;
    Ok(Member {
        id: row.get(0)?,
        draft: MemberDraft {
            first_name: row.get(1)?,
            family_name: row.get(2)?,
            phone: row.get(3)?,
            email: row.get(4)?,
            birthday,
            card: row.get(8)?,
            area: row.get(9)?,
            language: row.get(10)?,
            note: row.get(11)?,
        },
        joined_at: NaiveDate::parse_from_str(&joined, DATE).unwrap_or_default(),
    })
}

/// The member's place in alphabetical lists, in the language the club's
/// keys follow (see `list_order`).
pub(crate) fn sort_key(conn: &Connection, d: &MemberDraft) -> Result<String> {
    let locale = list_order::current_locale(conn)?;
    Ok(list_order::member_key(
        &locale,
        &d.first_name,
        &d.family_name,
    ))
}

/// Stores a new member and the channels they agreed to; returns the id.
/// Works inside a transaction the caller holds (bulk loads) or on its own.
pub fn insert(
    conn: &Connection,
    d: &MemberDraft,
    consents: &[Channel],
    now: NaiveDateTime,
) -> Result<i64> {
    within_transaction(conn, || {
        let id = insert_row(conn, d, now.date())?;
        for channel in consents {
            record_consent(conn, id, *channel, true, now, "signup")?;
        }
        Ok(id)
    })
}

/// Writes the member's row and search words, in the caller's transaction:
/// the one way a member is stored, at the counter or by the demo.
pub(crate) fn insert_row(conn: &Connection, d: &MemberDraft, joined: NaiveDate) -> Result<i64> {
    let found = search_fields(d);
    conn.prepare_cached(
        "INSERT INTO members (first_name, family_name, sort_key, phone, email, birth_month, birth_day,
                              birth_year, card, area, language, note, joined_at,
                              search_text, card_fold, phone_digits, phone_national)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        d.first_name,
        d.family_name,
        sort_key(conn, d)?,
        d.phone,
        d.email,
        d.birthday.map(|b| b.month),
        d.birthday.map(|b| b.day),
        d.birthday.and_then(|b| b.year),
        d.card,
        d.area,
        d.language,
        d.note,
        joined.format(DATE).to_string(),
        found.search_text,
        found.card_fold,
        found.phone_digits,
        found.phone_national
    ])?;
    let id = conn.last_insert_rowid();
    write_words(conn, id, &found)?;
    Ok(id)
}

/// Replaces the member's details (not their family, consents or history).
pub fn update(conn: &Connection, id: i64, d: &MemberDraft) -> Result<()> {
    let found = search_fields(d);
    within_transaction(conn, || {
        let changed = conn.execute(
            "UPDATE members SET first_name = ?2, family_name = ?3, sort_key = ?4, phone = ?5, email = ?6,
                    birth_month = ?7, birth_day = ?8, birth_year = ?9, card = ?10, area = ?11, language = ?12,
                    note = ?13, search_text = ?14, card_fold = ?15, phone_digits = ?16,
                    phone_national = ?17
             WHERE id = ?1",
            params![
                id,
                d.first_name,
                d.family_name,
                sort_key(conn, d)?,
                d.phone,
                d.email,
                d.birthday.map(|b| b.month),
                d.birthday.map(|b| b.day),
                d.birthday.and_then(|b| b.year),
                d.card,
                d.area,
                d.language,
                d.note,
                found.search_text,
                found.card_fold,
                found.phone_digits,
                found.phone_national
            ],
        )?;
        if changed > 0 {
            write_words(conn, id, &found)?;
        }
        Ok(())
    })
}

/// What the counter's search finds this member by.
fn search_fields(d: &MemberDraft) -> SearchFields {
    SearchFields::new(
        &d.first_name,
        &d.family_name,
        d.phone.as_deref(),
        d.email.as_deref(),
        d.card.as_deref(),
    )
}

/// Removes a member with their children, pets, consents, points and tier
/// (the schema cascades those) and their search words (a trigger). The
/// queues of work kept for them are cleared too: they name members without
/// a key the schema could cascade. Receipts stay, no longer linked to anyone.
pub fn delete(conn: &Connection, id: i64) -> Result<bool> {
    // The receipts are let go first, in a statement of their own: left to
    // the foreign key's SET NULL, the queue triggers would run under that
    // action's ABORT, and the second receipt of the member would fail on
    // the queue's unique key instead of being ignored.
    conn.prepare_cached("UPDATE receipts SET member_id = NULL WHERE member_id = ?1")?
        .execute([id])?;
    let gone = conn.execute("DELETE FROM members WHERE id = ?1", [id])? > 0;
    conn.prepare_cached("DELETE FROM points_moved WHERE member_id = ?1")?
        .execute([id])?;
    conn.prepare_cached("DELETE FROM bonus_pending WHERE member_id = ?1")?
        .execute([id])?;
    conn.prepare_cached("DELETE FROM tiers_pending WHERE member_id = ?1")?
        .execute([id])?;
    Ok(gone)
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Member>> {
    let sql = format!("SELECT {MEMBER_COLUMNS} FROM members WHERE id = ?1 AND erased_at IS NULL");
    Ok(conn.query_row(&sql, [id], member_from_row).optional()?)
}

/// The member a CLI key names: an id, a card, a phone (already E.164) or an email.
pub fn find_by_key(conn: &Connection, key: &str, phone_e164: Option<&str>) -> Result<Option<i64>> {
    let key = key.trim();
    // One index lookup per kind of key: a single OR over them would read
    // every member.
    let sql = "SELECT m.id FROM (
                   SELECT id FROM members WHERE card = ?1
                   UNION SELECT id FROM members WHERE lower(email) = lower(?1) AND email IS NOT NULL
                   UNION SELECT id FROM members WHERE phone = ?1
                   UNION SELECT id FROM members WHERE phone = ?2
                   UNION SELECT id FROM members
                         WHERE ?1 GLOB '[0-9]*' AND id = CAST(?1 AS INTEGER) AND CAST(id AS TEXT) = ?1
               ) k JOIN members m ON m.id = k.id
               WHERE m.erased_at IS NULL
               ORDER BY (m.card = ?1) DESC, m.id LIMIT 1";
    Ok(conn
        .query_row(sql, params![key, phone_e164], |r| r.get(0))
        .optional()?)
}

/// Members that may be the same person as `d` (see `domain::member::possible_duplicate`).
pub fn possible_duplicates(
    conn: &Connection,
    d: &MemberDraft,
    except: Option<i64>,
) -> Result<Vec<Member>> {
    let sql = format!(
        "SELECT {MEMBER_COLUMNS} FROM members
         WHERE erased_at IS NULL AND id IS NOT ?5 AND
               ((?1 IS NOT NULL AND phone = ?1) OR (?2 IS NOT NULL AND email = ?2) OR
                (birth_month = ?3 AND birth_day = ?4))
         ORDER BY id LIMIT 50"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(
        params![
            d.phone,
            d.email,
            d.birthday.map(|b| b.month),
            d.birthday.map(|b| b.day),
            except
        ],
        member_from_row,
    )?;
    let mut found = vec![];
    for member in rows {
        let member = member?;
        if crate::domain::member::possible_duplicate(d, &member.draft) {
            found.push(member);
        }
    }
    Ok(found)
}

pub fn record_consent(
    conn: &Connection,
    member_id: i64,
    channel: Channel,
    granted: bool,
    at: NaiveDateTime,
    how: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO consents (member_id, channel, granted, at, how) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            member_id,
            channel.code(),
            granted,
            at.format(DATETIME).to_string(),
            how
        ],
    )?;
    Ok(())
}

/// The current consent per channel (the last log entry of each). A channel
/// this version does not know is an error, not a guess: a consent must
/// never be shown on the wrong channel.
pub fn consents(conn: &Connection, member_id: i64) -> Result<Vec<Consent>> {
    let mut stmt = conn.prepare(
        "SELECT channel, granted, at, how FROM consents c
         WHERE member_id = ?1 AND id = (SELECT max(id) FROM consents WHERE member_id = c.member_id AND channel = c.channel)
         ORDER BY channel",
    )?;
    let rows = stmt.query_map([member_id], |r| {
        let channel: String = r.get(0)?;
        let at: String = r.get(2)?;
        Ok(Consent {
            channel: Channel::from_code(&channel)
                .ok_or_else(|| UnknownCode::at("consents.channel", 0, &channel))?,
            granted: r.get(1)?,
            at: NaiveDateTime::parse_from_str(&at, DATETIME).unwrap_or_default(),
            how: r.get(3)?,
        })
    })?;
    let mut list: Vec<Consent> = rows.collect::<rusqlite::Result<_>>()?;
    list.sort_by_key(|c| c.channel);
    Ok(list)
}

/// Visits (distinct dates with a sale), spend (sales minus refunds) and the
/// last visit, from imported receipts. The spend saturates at the ends of
/// the integer range (`total` never fails with "integer overflow" as `sum`
/// does, and the cast clamps), so one absurd receipt cannot break the card.
pub fn purchase_summary(
    conn: &Connection,
    member_id: i64,
) -> Result<(i64, i64, Option<NaiveDate>)> {
    let (visits, spend, last): (i64, i64, Option<String>) = conn.query_row(
        "SELECT count(DISTINCT CASE WHEN kind = 'sale' THEN local_date END),
                CAST(total(total_minor) AS INTEGER),
                max(CASE WHEN kind = 'sale' THEN local_date END)
         FROM receipts WHERE member_id = ?1",
        [member_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok((
        visits,
        spend,
        last.and_then(|s| NaiveDate::parse_from_str(&s, DATE).ok()),
    ))
}

/// Everything the member card shows.
pub fn card(conn: &Connection, id: i64) -> Result<Option<MemberCard>> {
    let Some(member) = get(conn, id)? else {
        return Ok(None);
    };
    let (visits, spend_minor, last_visit) = purchase_summary(conn, id)?;
    Ok(Some(MemberCard {
        children: children(conn, id)?,
        pets: pets(conn, id)?,
        calendar_birthday: super::birth_calendar::get(conn, id)?,
        consents: consents(conn, id)?,
        member,
        visits,
        spend_minor,
        last_visit,
    }))
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM members WHERE erased_at IS NULL",
        [],
        |r| r.get(0),
    )?)
}
