//! Members who share what should be one person's own: a phone, an email or
//! a card (told apart without dashes and spaces, as the search reads it),
//! and members with the same full name and birthday. Used before a save
//! (who holds this already?) and by `regulars check` (what to fix in a club
//! that had duplicates before they were refused).

use std::collections::BTreeMap;

use rusqlite::{Connection, params};

use crate::domain::member::{fold, full_name};
use crate::error::Result;

/// What two members share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shared {
    Phone,
    Email,
    Card,
    /// The same full name with the same birthday: a warning, not a refusal.
    NameAndBirthday,
}

impl Shared {
    /// The code scripts read in `check --json`.
    pub fn code(self) -> &'static str {
        match self {
            Shared::Phone => "phone",
            Shared::Email => "email",
            Shared::Card => "card",
            Shared::NameAndBirthday => "name_birthday",
        }
    }
}

/// One value held by several members: their ids and names, by id.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedGroup {
    pub shared: Shared,
    /// As stored (a phone in E.164), or "name, MM-DD" for a name and birthday.
    pub value: String,
    pub members: Vec<(i64, String)>,
}

/// A card with its dashes and spaces taken out, as migration 008 indexes it.
const CARD_COMPACT: &str = "replace(replace(card_fold, '-', ''), ' ', '')";

/// The first other member (lowest id) who has this phone, email or card;
/// `except` is the member being edited. Each is one indexed look-up.
pub fn holder(
    conn: &Connection,
    shared: Shared,
    value: &str,
    except: Option<i64>,
) -> Result<Option<(i64, String)>> {
    let test = match shared {
        Shared::Phone => "phone = ?1".to_string(),
        Shared::Email => "email = ?1".to_string(),
        // "HR1001" is the card HR-1001 already handed out.
        Shared::Card => format!(
            "(card = ?1 OR (card_fold IS NOT NULL AND {CARD_COMPACT} = replace(replace(lower(?1), '-', ''), ' ', '')))"
        ),
        Shared::NameAndBirthday => return Ok(None),
    };
    let sql = format!(
        "SELECT id, first_name, family_name FROM members
         WHERE erased_at IS NULL AND id IS NOT ?2 AND {test} ORDER BY id LIMIT 1"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params![value, except])?;
    Ok(match rows.next()? {
        Some(r) => Some((
            r.get(0)?,
            full_name(&r.get::<_, String>(1)?, &r.get::<_, String>(2)?),
        )),
        None => None,
    })
}

/// Every phone, email and card held by more than one member, then every
/// full name and birthday two members share.
pub fn shared_groups(conn: &Connection) -> Result<Vec<SharedGroup>> {
    let mut groups = vec![];
    for (shared, column) in [
        (Shared::Phone, "phone"),
        (Shared::Email, "email"),
        (Shared::Card, CARD_COMPACT),
    ] {
        let sql = format!(
            "SELECT value, json_group_array(id) FROM
                 (SELECT id, {column} AS value FROM members
                  WHERE erased_at IS NULL AND {column} IS NOT NULL ORDER BY id)
             GROUP BY value HAVING count(*) > 1 ORDER BY value"
        );
        let mut stmt = conn.prepare(&sql)?;
        let found = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (value, ids) in found {
            let ids: Vec<i64> = serde_json::from_str(&ids).unwrap_or_default();
            let members = names(conn, &ids)?;
            // A card is shown as the first holder wrote it, not folded.
            let value = match shared {
                Shared::Card => card_of(conn, ids[0])?.unwrap_or(value),
                _ => value,
            };
            groups.push(SharedGroup {
                shared,
                value,
                members,
            });
        }
    }
    groups.extend(same_name_and_birthday(conn)?);
    Ok(groups)
}

/// Members with a birthday grouped by day and folded full name (the same
/// folding as the signup warning), where a group has more than one.
fn same_name_and_birthday(conn: &Connection) -> Result<Vec<SharedGroup>> {
    let mut stmt = conn.prepare(
        "SELECT id, first_name, family_name, birth_month, birth_day FROM members
         WHERE erased_at IS NULL AND birth_month IS NOT NULL AND birth_day IS NOT NULL
         ORDER BY id",
    )?;
    let mut by_key: BTreeMap<(String, u32, u32), Vec<(i64, String)>> = BTreeMap::new();
    let rows = stmt.query_map([], |r| {
        let name = full_name(&r.get::<_, String>(1)?, &r.get::<_, String>(2)?);
        Ok((
            r.get::<_, i64>(0)?,
            name,
            r.get::<_, u32>(3)?,
            r.get::<_, u32>(4)?,
        ))
    })?;
    for row in rows {
        let (id, name, month, day) = row?;
        by_key
            .entry((fold(&name), month, day))
            .or_default()
            .push((id, name));
    }
    Ok(by_key
        .into_iter()
        .filter(|(_, members)| members.len() > 1)
        .map(|((_, month, day), members)| SharedGroup {
            shared: Shared::NameAndBirthday,
            value: format!("{}, {month:02}-{day:02}", members[0].1),
            members,
        })
        .collect())
}

fn names(conn: &Connection, ids: &[i64]) -> Result<Vec<(i64, String)>> {
    let mut stmt =
        conn.prepare_cached("SELECT first_name, family_name FROM members WHERE id = ?1")?;
    ids.iter()
        .map(|&id| {
            let name = stmt.query_row([id], |r| {
                Ok(full_name(&r.get::<_, String>(0)?, &r.get::<_, String>(1)?))
            })?;
            Ok((id, name))
        })
        .collect()
}

fn card_of(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT card FROM members WHERE id = ?1", [id], |r| r.get(0))?)
}

/// The members a command-line key names at its best rank: the card as
/// typed, the card without dash or space, the email, the phone, the member
/// number. More than one at that rank is a club with duplicates from
/// before they were refused; the caller says so instead of picking one.
pub fn members_with_key(
    conn: &Connection,
    key: &str,
    phone_e164: Option<&str>,
) -> Result<Vec<i64>> {
    let key = key.trim();
    let compact: String = fold(key)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    let ranks = [
        "m.card = k.key".to_string(),
        format!("m.card_fold IS NOT NULL AND {CARD_COMPACT} = k.compact"),
        "m.email = lower(k.key)".to_string(),
        "(m.phone = k.key OR m.phone = k.e164)".to_string(),
        "(k.key GLOB '[0-9]*' AND m.id = CAST(k.key AS INTEGER) AND CAST(m.id AS TEXT) = k.key)"
            .to_string(),
    ];
    for test in ranks {
        let sql = format!(
            "WITH k(key, compact, e164) AS (SELECT ?1, ?2, ?3)
             SELECT m.id FROM members m, k WHERE m.erased_at IS NULL AND {test} ORDER BY m.id LIMIT 10"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let ids = stmt
            .query_map(params![key, compact, phone_e164], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        if !ids.is_empty() {
            return Ok(ids);
        }
    }
    Ok(vec![])
}
