//! Search-as-you-type over members. (Simple first version: a scan.)

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use crate::domain::member::{Birthday, fold};
use crate::error::Result;

/// One row of the counter list: enough to recognise the member.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberRow {
    pub id: i64,
    pub first_name: String,
    pub family_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub card: Option<String>,
    pub birthday: Option<Birthday>,
    pub last_visit: Option<NaiveDate>,
    /// Filled by the loyalty rules once they exist.
    pub tier: Option<String>,
    pub points: i64,
}

/// Members matching `query`, best first, at most `limit`. An empty query
/// lists recent visitors first, then everyone by name.
pub fn search(
    conn: &Connection,
    query: &str,
    _today: NaiveDate,
    limit: usize,
) -> Result<Vec<MemberRow>> {
    let q = fold(query);
    let digits: String = query.chars().filter(char::is_ascii_digit).collect();
    let mut stmt = conn.prepare(
        "SELECT m.id, m.first_name, m.family_name, m.phone, m.email, m.card, m.birth_month, m.birth_day, m.birth_year,
                (SELECT max(local_date) FROM receipts r WHERE r.member_id = m.id AND r.kind = 'sale')
         FROM members m WHERE m.erased_at IS NULL ORDER BY m.sort_key",
    )?;
    let rows = stmt.query_map(params![], |r| {
        let month: Option<u32> = r.get(6)?;
        let day: Option<u32> = r.get(7)?;
        let last: Option<String> = r.get(9)?;
        Ok(MemberRow {
            id: r.get(0)?,
            first_name: r.get(1)?,
            family_name: r.get(2)?,
            phone: r.get(3)?,
            email: r.get(4)?,
            card: r.get(5)?,
            birthday: month.zip(day).map(|(month, day)| Birthday {
                month,
                day,
                year: r.get(8).ok().flatten(),
            }),
            last_visit: last.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()),
            tier: None,
            points: 0,
        })
    })?;
    let mut out = vec![];
    for row in rows {
        let row = row?;
        let name = fold(&format!("{} {}", row.first_name, row.family_name));
        let hit = q.is_empty()
            || name.contains(&q)
            || row.email.as_deref().is_some_and(|e| e.contains(&q))
            || row.card.as_deref().is_some_and(|c| fold(c).contains(&q))
            || (digits.len() >= 3 && row.phone.as_deref().is_some_and(|p| p.contains(&digits)));
        if hit {
            out.push(row);
        }
        if out.len() >= limit {
            break;
        }
    }
    Ok(out)
}
