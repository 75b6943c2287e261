//! Search-as-you-type over members, for the counter and `member find`.
//!
//! Ranking: a card typed whole, with or without its dash or letters
//! ("hr1001", "1001" for HR-1001), first; then the whole phone, card or email; then names with a word
//! starting with the query (first names before family names); then the
//! query anywhere in a name, email, card or phone. Within each, recent
//! visitors first, then by sort key. Every word of a query must match; in a
//! query of several words, a word of one or two characters must start a
//! name word.
//!
//! Each keystroke is answered from indexes (migration 003): name words by
//! their first one, two or three characters, already in list order; a
//! trigram table for fragments of three characters or more; both digit
//! forms of the phone; and the list order itself, walked for fragments too
//! short or too common for the trigram table. Only the rows shown are read
//! from the members table.
//!
//! Chinese and Thai are written without spaces between words, so a name is
//! typed whole ("高玲" for 高 玲): such names are also indexed whole, both
//! ways round, as words and as a line of search_text.

mod all_words;
mod index;
mod lookup;
mod query;

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::domain::member::Birthday;
use crate::error::Result;

pub use index::refold_pending;
pub(crate) use index::{SearchFields, within_transaction, write_words};

use lookup::Picked;

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
/// lists recent visitors first, then everyone by sort key.
pub fn search(
    conn: &Connection,
    query: &str,
    _today: NaiveDate,
    limit: usize,
) -> Result<Vec<MemberRow>> {
    if limit == 0 {
        return Ok(vec![]);
    }
    refold_pending(conn)?;
    // One read transaction for the whole keystroke: a dozen statements
    // would otherwise each take and drop the file lock.
    let read = if conn.is_autocommit() {
        Some(conn.unchecked_transaction()?)
    } else {
        None
    };
    let needles = query::needles(query);
    let mut picked = Picked::new(limit);
    // A card number typed whole is the one member the owner means: it
    // comes before phones and cards that merely contain it.
    if let Some(key) = query::card_key(query) {
        lookup::card(conn, &key, &mut picked)?;
    }
    match needles.as_slice() {
        [] => lookup::everyone(conn, &mut picked)?,
        [needle] => {
            lookup::exact(conn, needle, &mut picked)?;
            lookup::name_start(conn, needle, &mut picked)?;
            lookup::anywhere(conn, needle, &mut picked)?;
        }
        several => {
            for id in all_words::search(conn, several, limit)? {
                picked.take(id);
            }
        }
    }
    let ids = picked.ids;
    let rows = member_rows(conn, &ids)?;
    if let Some(read) = read {
        read.commit()?;
    }
    Ok(rows)
}

/// The list rows for `ids`, in that order.
fn member_rows(conn: &Connection, ids: &[i64]) -> Result<Vec<MemberRow>> {
    let list = lookup::id_list(ids);
    let mut stmt = conn.prepare_cached(
        "SELECT id, first_name, family_name, phone, email, card, birth_month, birth_day,
                birth_year, last_visit
         FROM members WHERE id IN (SELECT value FROM json_each(?1)) AND erased_at IS NULL",
    )?;
    let mut by_id: HashMap<i64, MemberRow> = stmt
        .query_map([list], |r| {
            let month: Option<u32> = r.get(6)?;
            let day: Option<u32> = r.get(7)?;
            let year: Option<i32> = r.get(8)?;
            let last: Option<String> = r.get(9)?;
            Ok(MemberRow {
                id: r.get(0)?,
                first_name: r.get(1)?,
                family_name: r.get(2)?,
                phone: r.get(3)?,
                email: r.get(4)?,
                card: r.get(5)?,
                birthday: month
                    .zip(day)
                    .map(|(month, day)| Birthday { month, day, year }),
                last_visit: last.and_then(|s| s.parse::<NaiveDate>().ok()),
                tier: None,
                points: 0,
            })
        })?
        .map(|row| row.map(|row| (row.id, row)))
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}
