//! Searches of several words ("maya co"): members matching every word.
//!
//! The words of three characters or more go to the trigram table together,
//! each shorter word to the name words it starts. When one of those leaves
//! few members, all of them are ranked here, exactly. When each leaves many,
//! the list is walked in order (as far as [`WALK`]) and the first matches met
//! are ranked: recent visitors win over a slightly better match far down a
//! very large list, which the next keystroke sorts out.

use std::cmp::Reverse;

use rusqlite::{Connection, params_from_iter};

use crate::db::search::lookup::{WALK, fragment_hits, fts_expression, id_list, word_start_ids};
use crate::db::search::query::{Needle, Tier, tier_of_all};
use crate::error::Result;

/// How many matches, per place in the list, a walk ranks.
const MATCHES_PER_PLACE: usize = 4;

/// A word matching at most this many members narrows the search enough to
/// rank every member it matches.
const FEW: usize = 2000;

struct Candidate {
    id: i64,
    tier: Tier,
    last_visit: Option<String>,
    sort_key: String,
}

/// Ids of members matching all `needles`, best first, at most `limit`.
pub(crate) fn search(conn: &Connection, needles: &[Needle], limit: usize) -> Result<Vec<i64>> {
    let long: Vec<Needle> = needles
        .iter()
        .filter(|n| n.shortest_fragment() >= 3)
        .cloned()
        .collect();
    // The smallest of the sets the words give on their own, if one is small.
    let mut smallest: Option<Vec<i64>> = None;
    let mut keep = |ids: Option<Vec<i64>>| {
        if let Some(ids) = ids.filter(|ids| smallest.as_ref().is_none_or(|s| ids.len() < s.len())) {
            smallest = Some(ids);
        }
    };
    if !long.is_empty() {
        keep(fragment_hits(conn, &fts_expression(&long), FEW)?);
    }
    for n in needles.iter().filter(|n| n.shortest_fragment() < 3) {
        keep(word_start_ids(conn, &n.text, FEW)?);
    }
    let mut found = match smallest {
        Some(ids) => collect(
            conn,
            needles,
            "SELECT id, search_text, last_visit, sort_key FROM members
             WHERE id IN (SELECT value FROM json_each(?1)) AND erased_at IS NULL",
            vec![id_list(&ids)],
            usize::MAX,
        )?,
        None => walk(conn, needles, limit.saturating_mul(MATCHES_PER_PLACE))?,
    };
    found.sort_by(|a, b| {
        (a.tier, Reverse(&a.last_visit), &a.sort_key).cmp(&(
            b.tier,
            Reverse(&b.last_visit),
            &b.sort_key,
        ))
    });
    Ok(found.into_iter().take(limit).map(|c| c.id).collect())
}

/// Members holding every word, in list order: the first `wanted` found
/// within the first [`WALK`] members.
fn walk(conn: &Connection, needles: &[Needle], wanted: usize) -> Result<Vec<Candidate>> {
    let mut conditions = vec![];
    let mut values = vec![];
    for n in needles {
        if n.shortest_fragment() >= 3 {
            let forms: Vec<String> = n
                .fragments()
                .iter()
                .map(|f| {
                    values.push(f.to_string());
                    format!("instr(search_text, ?{}) > 0", values.len())
                })
                .collect();
            conditions.push(format!("({})", forms.join(" OR ")));
        } else {
            // A short word has to start a line or follow a space, hyphen or
            // apostrophe; the exact rule is checked on the rows found.
            values.push(n.text.clone());
            let at = values.len();
            let starts: Vec<String> = ["char(10)", "' '", "'-'", "''''"]
                .iter()
                .map(|before| format!("instr(search_text, {before} || ?{at}) > 0"))
                .collect();
            conditions.push(format!(
                "(instr(search_text, ?{at}) = 1 OR {})",
                starts.join(" OR ")
            ));
        }
    }
    let sql = format!(
        "SELECT id, search_text, last_visit, sort_key
         FROM (SELECT id, search_text, last_visit, sort_key FROM members WHERE erased_at IS NULL
               ORDER BY last_visit DESC, sort_key LIMIT {WALK})
         WHERE {}",
        conditions.join(" AND ")
    );
    collect(conn, needles, &sql, values, wanted)
}

/// Runs a candidate query and keeps the rows matching all words, with their
/// tier, stopping after `wanted` of them.
fn collect(
    conn: &Connection,
    needles: &[Needle],
    sql: &str,
    values: Vec<String>,
    wanted: usize,
) -> Result<Vec<Candidate>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(params_from_iter(values))?;
    let mut found = vec![];
    while found.len() < wanted {
        let Some(row) = rows.next()? else {
            break;
        };
        let search_text: Option<String> = row.get(1)?;
        let Some(tier) = search_text.and_then(|s| tier_of_all(needles, &s)) else {
            continue;
        };
        found.push(Candidate {
            id: row.get(0)?,
            tier,
            last_visit: row.get(2)?,
            sort_key: row.get(3)?,
        });
    }
    Ok(found)
}
