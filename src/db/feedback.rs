//! Feedback answers from the counter: stored one row each, counted per
//! period for the NPS and CSAT figures.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, params};

use crate::db::members::{DATE, DATETIME};
use crate::domain::club_health::Answer;
use crate::error::Result;

/// Stores one answer (`member` None: anonymous); returns its id.
pub fn insert(
    conn: &Connection,
    member: Option<i64>,
    answer: Answer,
    at: NaiveDateTime,
    how: &str,
) -> Result<i64> {
    let (nps, csat) = match answer {
        Answer::Nps(score) => (Some(score), None),
        Answer::Csat(score) => (None, Some(score)),
    };
    conn.prepare_cached(
        "INSERT INTO feedback (member_id, nps, csat, at, how) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        member,
        nps,
        csat,
        at.format(DATETIME).to_string(),
        how
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The answers given from `from` through `to`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnswerCounts {
    pub nps_answers: i64,
    /// NPS 9 or 10.
    pub nps_promoters: i64,
    /// NPS 0 to 6.
    pub nps_detractors: i64,
    pub csat_answers: i64,
    /// CSAT 4 or 5.
    pub csat_satisfied: i64,
}

/// The answers of the period; with `members`, only those members' (a
/// branch's figures: an anonymous answer belongs to no branch).
pub fn counts(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    members: Option<&HashSet<i64>>,
) -> Result<AnswerCounts> {
    // `at` is a date and a time: the day after `to` is where the period ends.
    let end = to.succ_opt().unwrap_or(to);
    let among = match members {
        Some(_) => " AND member_id IN (SELECT value FROM json_each(?3))",
        None => "",
    };
    let mut args = vec![from.format(DATE).to_string(), end.format(DATE).to_string()];
    args.extend(members.map(crate::db::branches::ids_json));
    Ok(conn.query_row(
        &format!(
            "SELECT count(nps), count(CASE WHEN nps >= 9 THEN 1 END), count(CASE WHEN nps <= 6 THEN 1 END),
                count(csat), count(CASE WHEN csat >= 4 THEN 1 END)
         FROM feedback WHERE at >= ?1 AND at < ?2{among}"
        ),
        rusqlite::params_from_iter(&args),
        |r| {
            Ok(AnswerCounts {
                nps_answers: r.get(0)?,
                nps_promoters: r.get(1)?,
                nps_detractors: r.get(2)?,
                csat_answers: r.get(3)?,
                csat_satisfied: r.get(4)?,
            })
        },
    )?)
}
