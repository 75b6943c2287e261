//! Survey answers: one row per member, question and time, with the
//! question's words as they were asked.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, params};

use crate::db::members::{DATE, DATETIME};
use crate::domain::survey::{Given, Kind, Question, StoredAnswer};
use crate::error::Result;

/// Stores `member`'s answer `given` to `question`; returns its id.
pub fn insert(
    conn: &Connection,
    member: i64,
    question: &Question,
    given: &Given,
    at: NaiveDateTime,
    how: &str,
) -> Result<i64> {
    let (score, words) = match given {
        Given::Score(score) => (Some(*score), score.to_string()),
        Given::Words(words) => (None, words.clone()),
    };
    conn.prepare_cached(
        "INSERT INTO survey_answers (member_id, question, kind, score, answer, at, how)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        member,
        question.text.trim(),
        question.kind.code(),
        score,
        words,
        at.format(DATETIME).to_string(),
        how
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The answers to the question worded `text` of kind `kind`, given from
/// `from` through `to`, oldest first.
pub fn answers(
    conn: &Connection,
    text: &str,
    kind: Kind,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<StoredAnswer>> {
    // `at` is a date and a time: the day after `to` is where the period ends.
    let end = to.succ_opt().unwrap_or(to);
    let mut stmt = conn.prepare_cached(
        "SELECT score, answer, at FROM survey_answers
         WHERE question = ?1 AND kind = ?2 AND at >= ?3 AND at < ?4
         ORDER BY at, id",
    )?;
    let rows = stmt.query_map(
        params![
            text.trim(),
            kind.code(),
            from.format(DATE).to_string(),
            end.format(DATE).to_string()
        ],
        |r| {
            let at: String = r.get(2)?;
            Ok(StoredAnswer {
                score: r.get(0)?,
                words: r.get(1)?,
                at: NaiveDateTime::parse_from_str(&at, DATETIME).unwrap_or_default(),
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many answers `member` has given.
pub fn count_of(conn: &Connection, member: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM survey_answers WHERE member_id = ?1",
        [member],
        |r| r.get(0),
    )?)
}
