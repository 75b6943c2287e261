//! The other lists of the weekly review: regulars who stopped coming,
//! members whose record misses a birthday or any consent, and the contact
//! details and consents of the members on the lists, read in one go.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::members::DATE;
use crate::domain::lapsed::LapsedRule;
use crate::domain::member::{Channel, full_name};
pub use crate::domain::review::Reachable;
use crate::error::{Result, UnknownCode};

/// A regular who stopped coming.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lapsed {
    pub member_id: i64,
    /// Visits within the rule's months.
    pub visits: i64,
    pub last_visit: NaiveDate,
}

/// A member whose record misses something the owner should ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub member_id: i64,
    pub no_birthday: bool,
    pub no_consent: bool,
    pub last_visit: Option<NaiveDate>,
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, DATE).ok()
}

/// Members matching the rule, most visits first, then the most recent.
///
/// Only members whose last visit (kept on the member by the receipt
/// triggers) lies in the rule's window before the quiet weeks can match,
/// plus any with a visit dated after today; their visits are counted from
/// the member-and-date index, so the receipts themselves are never read.
pub fn lapsed(conn: &Connection, today: NaiveDate, rule: &LapsedRule) -> Result<Vec<Lapsed>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, visits, last FROM (
            SELECT m.id,
                (SELECT count(DISTINCT r.local_date) FROM receipts r
                 WHERE r.member_id = m.id AND r.kind = 'sale' AND r.local_date BETWEEN ?1 AND ?2) AS visits,
                (SELECT max(r.local_date) FROM receipts r
                 WHERE r.member_id = m.id AND r.kind = 'sale' AND r.local_date BETWEEN ?1 AND ?2) AS last
            FROM (SELECT id FROM members WHERE erased_at IS NULL AND last_visit BETWEEN ?1 AND ?4
                  UNION ALL
                  SELECT id FROM members WHERE erased_at IS NULL AND last_visit > ?2) m)
         WHERE visits >= ?3 AND last <= ?4
         ORDER BY visits DESC, last DESC, id",
    )?;
    let rows = stmt.query_map(
        params![
            rule.counted_from(today).format(DATE).to_string(),
            today.format(DATE).to_string(),
            rule.lapsed_visits,
            rule.quiet_since(today).format(DATE).to_string()
        ],
        |r| {
            let last: String = r.get(2)?;
            Ok((r.get(0)?, r.get(1)?, last))
        },
    )?;
    let mut out = vec![];
    for row in rows {
        let (member_id, visits, last) = row?;
        if let Some(last_visit) = date(&last) {
            out.push(Lapsed {
                member_id,
                visits,
                last_visit,
            });
        }
    }
    Ok(out)
}

/// Members who agree to at least one channel now (the last log entry of
/// some channel granted), found in one pass over the consent log's index.
const CONSENTING: &str = "consenting AS (
        SELECT DISTINCT c.member_id FROM consents c
        JOIN (SELECT max(id) AS id FROM consents GROUP BY member_id, channel) last ON last.id = c.id
        WHERE c.granted = 1)";

/// Whether member `m` agrees to no channel now: no channel whose last log
/// entry granted it (a few lookups in the consent log's index).
const NO_CONSENT: &str = "NOT EXISTS (SELECT 1 FROM consents c
        WHERE c.member_id = m.id AND c.granted = 1
          AND c.id = (SELECT max(id) FROM consents c2 WHERE c2.member_id = m.id AND c2.channel = c.channel))";

/// Up to `limit` members without a birthday (in any calendar) or without any consent, the
/// most recent visitors first (they are the ones who can be asked), and how
/// many there are in all.
///
/// The list walks the members in last-visit order (an index) and stops at
/// `limit`; SQLite puts members who never came (no last visit) last in
/// that descending order. The total is every member but those with a
/// birthday who agree to some channel (the few erased ones from their
/// own index).
pub fn missing(conn: &Connection, limit: usize) -> Result<(Vec<Missing>, i64)> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT m.id, m.birth_month IS NULL AND m.birth_calendar IS NULL, {NO_CONSENT}, m.last_visit
         FROM members m
         WHERE m.erased_at IS NULL
           AND ((m.birth_month IS NULL AND m.birth_calendar IS NULL) OR {NO_CONSENT})
         ORDER BY m.last_visit DESC, m.sort_key, m.id
         LIMIT ?1"
    ))?;
    let rows = stmt.query_map([limit as i64], |r| {
        let last: Option<String> = r.get(3)?;
        Ok(Missing {
            member_id: r.get(0)?,
            no_birthday: r.get(1)?,
            no_consent: r.get(2)?,
            last_visit: last.as_deref().and_then(date),
        })
    })?;
    let list = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let total = conn
        .prepare_cached(&format!(
            "WITH {CONSENTING}
             SELECT (SELECT count(*) FROM members WHERE erased_at IS NULL)
                  - (SELECT count(*) FROM members m
                     WHERE (m.birth_month IS NOT NULL OR m.birth_calendar IS NOT NULL)
                       AND m.id IN (SELECT member_id FROM consenting)
                       AND m.id NOT IN (SELECT id FROM members WHERE erased_at IS NOT NULL))"
        ))?
        .query_row([], |r| r.get(0))?;
    Ok((list, total))
}

/// Full names of `member_ids` ("Maya Cohen"), for lists without contacts.
/// Read from the narrow index of names and contacts (see migration 012).
pub fn names(conn: &Connection, member_ids: &[i64]) -> Result<HashMap<i64, String>> {
    let ids = serde_json::to_string(member_ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(
        "SELECT id, first_name, family_name FROM members INDEXED BY members_reach
         WHERE id IN (SELECT value FROM json_each(?1))",
    )?;
    let rows = stmt.query_map([ids], |r| {
        let (first, family): (String, String) = (r.get(1)?, r.get(2)?);
        Ok((r.get::<_, i64>(0)?, full_name(&first, &family)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Names, contact details, language and current consents of `member_ids`,
/// from the narrow index of names and contacts and the consents' own.
pub fn reachable(conn: &Connection, member_ids: &[i64]) -> Result<HashMap<i64, Reachable>> {
    let mut out: HashMap<i64, Reachable> = HashMap::new();
    if member_ids.is_empty() {
        return Ok(out);
    }
    let ids = serde_json::to_string(member_ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(
        "SELECT id, first_name, family_name, phone, email, language FROM members INDEXED BY members_reach
         WHERE id IN (SELECT value FROM json_each(?1))",
    )?;
    let rows = stmt.query_map([&ids], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            Reachable {
                first_name: r.get(1)?,
                family_name: r.get(2)?,
                phone: r.get(3)?,
                email: r.get(4)?,
                language: r.get(5)?,
                channels: vec![],
            },
        ))
    })?;
    for row in rows {
        let (id, member) = row?;
        out.insert(id, member);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT c.member_id, c.channel FROM consents c
         WHERE c.member_id IN (SELECT value FROM json_each(?1)) AND c.granted = 1
           AND c.id = (SELECT max(id) FROM consents c2 WHERE c2.member_id = c.member_id AND c2.channel = c.channel)",
    )?;
    let rows = stmt.query_map([&ids], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (id, code) = row?;
        let channel = Channel::from_code(&code)
            .ok_or_else(|| UnknownCode::at("consents.channel", 1, &code))?;
        if let Some(member) = out.get_mut(&id) {
            member.channels.push(channel);
        }
    }
    for member in out.values_mut() {
        member.channels.sort();
    }
    Ok(out)
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
