//! The queries behind each rank of a one-word search, each answered from an
//! index in list order (recent visitors first, then by sort key), so that a
//! keystroke reads about as many index entries as the list shows.

use std::collections::HashSet;

use rusqlite::{Connection, Params, params};

use crate::db::search::query::Needle;
use crate::error::Result;

/// More trigram hits than this means the fragment is common ("050" in a
/// shop full of mobile numbers): walking the list in order finds a screenful
/// sooner than sorting every hit.
pub(crate) const COMMON_FRAGMENT: usize = 1000;

/// How far down the list a walk goes. A fragment of one or two characters
/// that starts no name word is only looked for among this many members
/// (recent visitors first); a third character searches everyone.
pub(crate) const WALK: usize = 20_000;

/// Member ids in rank order, without repeats, up to the list length.
pub(crate) struct Picked {
    pub ids: Vec<i64>,
    seen: HashSet<i64>,
    limit: usize,
}

impl Picked {
    pub fn new(limit: usize) -> Self {
        Picked {
            ids: Vec::with_capacity(limit),
            seen: HashSet::with_capacity(limit),
            limit,
        }
    }

    pub fn full(&self) -> bool {
        self.ids.len() >= self.limit
    }

    pub fn take(&mut self, id: i64) {
        if !self.full() && self.seen.insert(id) {
            self.ids.push(id);
        }
    }

    /// Takes ids from a query in its order until the list is full.
    fn take_from(&mut self, conn: &Connection, sql: &str, params: impl Params) -> Result<()> {
        if self.full() {
            return Ok(());
        }
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query(params)?;
        while let Some(row) = rows.next()? {
            self.take(row.get(0)?);
            if self.full() {
                break;
            }
        }
        Ok(())
    }
}

/// Everyone, recent visitors first, then by sort key.
pub(crate) fn everyone(conn: &Connection, picked: &mut Picked) -> Result<()> {
    picked.take_from(
        conn,
        "SELECT id FROM members WHERE erased_at IS NULL ORDER BY last_visit DESC, sort_key",
        [],
    )
}

/// A card typed without its dash or with a space, or its number alone
/// (`card_key`): the expressions are those of migration 008's indexes, so
/// the lookup reads two index entries, not the members table.
pub(crate) fn card(conn: &Connection, key: &str, picked: &mut Picked) -> Result<()> {
    picked.take_from(conn, CARD_SQL, [key])
}

const CARD_SQL: &str = "SELECT id FROM members WHERE erased_at IS NULL AND id IN (
         SELECT id FROM members WHERE card_fold IS NOT NULL
             AND replace(replace(card_fold, '-', ''), ' ', '') = ?1
         UNION ALL SELECT id FROM members WHERE card_fold IS NOT NULL
             AND ltrim(replace(replace(card_fold, '-', ''), ' ', ''),
                       'abcdefghijklmnopqrstuvwxyz') = ?1)
     ORDER BY last_visit DESC, sort_key";

/// The whole phone number (either form), card or email.
pub(crate) fn exact(conn: &Connection, n: &Needle, picked: &mut Picked) -> Result<()> {
    picked.take_from(
        conn,
        "SELECT id FROM members WHERE erased_at IS NULL AND id IN (
             SELECT id FROM members WHERE phone_digits = ?1
             UNION ALL SELECT id FROM members WHERE phone_national = ?1
             UNION ALL SELECT id FROM members WHERE card_fold = ?1
             UNION ALL SELECT id FROM members WHERE card_fold = ?2
             UNION ALL SELECT id FROM members WHERE email = ?3)
         ORDER BY last_visit DESC, sort_key",
        params![n.digits, n.text, n.lower],
    )
}

/// Names with a word starting with the query, first names before family
/// names, read from indexes on the words' first one, two or three
/// characters, which are already in list order.
pub(crate) fn name_start(conn: &Connection, n: &Needle, picked: &mut Picked) -> Result<()> {
    picked.take_from(
        conn,
        word_start_sql(&n.text),
        params![n.text, format!("{}\u{10FFFF}", n.text), -1],
    )
}

/// Members with a name word starting with `text`, unless more than
/// `at_most` words do.
pub(crate) fn word_start_ids(
    conn: &Connection,
    text: &str,
    at_most: usize,
) -> Result<Option<Vec<i64>>> {
    let mut stmt = conn.prepare_cached(word_start_sql(text))?;
    let mut ids = stmt
        .query_map(
            params![text, format!("{text}\u{10FFFF}"), at_most as i64 + 1],
            |r| r.get(0),
        )?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    if ids.len() > at_most {
        return Ok(None);
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(Some(ids))
}

/// Words starting with ?1 (?2 is ?1 followed by the last character there
/// is), in list order, at most ?3. The index on the first characters finds
/// the words; the range keeps those going on like the query.
fn word_start_sql(text: &str) -> &'static str {
    match text.chars().count() {
        1 => {
            "SELECT member_id FROM member_words
             WHERE substr(word, 1, 1) = substr(?1, 1, 1) AND word >= ?1 AND word < ?2
             ORDER BY part, last_visit DESC, sort_key LIMIT ?3"
        }
        2 => {
            "SELECT member_id FROM member_words
             WHERE substr(word, 1, 2) = substr(?1, 1, 2) AND word >= ?1 AND word < ?2
             ORDER BY part, last_visit DESC, sort_key LIMIT ?3"
        }
        _ => {
            "SELECT member_id FROM member_words
             WHERE substr(word, 1, 3) = substr(?1, 1, 3) AND word >= ?1 AND word < ?2
             ORDER BY part, last_visit DESC, sort_key LIMIT ?3"
        }
    }
}

/// The query anywhere in a name, email, card or phone.
pub(crate) fn anywhere(conn: &Connection, n: &Needle, picked: &mut Picked) -> Result<()> {
    if picked.full() {
        return Ok(());
    }
    let fragments = n.fragments();
    let second = fragments.get(1).copied();
    if n.shortest_fragment() >= 3 {
        let expr = fts_expression(std::slice::from_ref(n));
        if let Some(ids) = fragment_hits(conn, &expr, COMMON_FRAGMENT)? {
            // instr checks the whole fragment where the expression only
            // asked for pieces of a long one.
            return picked.take_from(
                conn,
                "SELECT id FROM members
                 WHERE id IN (SELECT value FROM json_each(?1)) AND erased_at IS NULL
                   AND (instr(search_text, ?2) > 0 OR instr(search_text, ?3) > 0)
                 ORDER BY last_visit DESC, sort_key",
                params![id_list(&ids), fragments[0], second],
            );
        }
    }
    // A short or common fragment: walk the list in order; for a common
    // fragment the list is full long before the walk ends.
    picked.take_from(
        conn,
        "SELECT id FROM (SELECT id, search_text FROM members WHERE erased_at IS NULL
                         ORDER BY last_visit DESC, sort_key LIMIT ?3)
         WHERE instr(search_text, ?1) > 0 OR instr(search_text, ?2) > 0",
        params![fragments[0], second, WALK as i64],
    )
}

/// The members the trigram index finds for `expr`, unless there are more
/// than `at_most`.
pub(crate) fn fragment_hits(
    conn: &Connection,
    expr: &str,
    at_most: usize,
) -> Result<Option<Vec<i64>>> {
    let mut stmt =
        conn.prepare_cached("SELECT rowid FROM members_fts WHERE members_fts MATCH ?1 LIMIT ?2")?;
    let ids = stmt
        .query_map(params![expr, at_most as i64 + 1], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok((ids.len() <= at_most).then_some(ids))
}

/// Ids as a JSON array, for `id IN (SELECT value FROM json_each(?))`.
pub(crate) fn id_list(ids: &[i64]) -> String {
    let inner: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("[{}]", inner.join(","))
}

/// An FTS5 expression for "every word, in any of its forms", each piece a
/// quoted string so that no typed character is read as an operator. The
/// caller checks the whole fragment on the rows found.
pub(crate) fn fts_expression(needles: &[Needle]) -> String {
    needles
        .iter()
        .map(|n| {
            let forms: Vec<String> = n.fragments().iter().map(|f| pieces(f)).collect();
            format!("({})", forms.join(" OR "))
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// A long fragment (an email typed out) would make the index step through
/// every one of its trigrams; its start, middle and end find the same few
/// members for a fraction of the work.
fn pieces(fragment: &str) -> String {
    const PIECE: usize = 4;
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let chars: Vec<char> = fragment.chars().collect();
    if chars.len() <= 2 * PIECE {
        return quote(fragment);
    }
    let last = chars.len() - PIECE;
    let pieces: Vec<String> = [0, last / 2, last]
        .iter()
        .map(|&at| quote(&chars[at..at + PIECE].iter().collect::<String>()))
        .collect();
    format!("({})", pieces.join(" AND "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::search::query::needles;

    #[test]
    fn expression_quotes_every_form() {
        assert_eq!(
            fts_expression(&needles("maya \"co\"")),
            "(\"maya\") AND (\"\"\"co\"\"\")"
        );
        assert_eq!(
            fts_expression(&needles("+972 50")),
            "(\"+97250\" OR \"97250\")"
        );
    }

    #[test]
    fn long_fragments_are_looked_up_by_three_pieces() {
        assert_eq!(pieces("ivana.kov"), "(\"ivan\" AND \"ana.\" AND \".kov\")");
        assert_eq!(pieces("ivana.ko"), "\"ivana.ko\"");
        assert_eq!(
            fts_expression(&needles("maya.cohen@example")),
            "((\"maya\" AND \"hen@\" AND \"mple\"))"
        );
    }

    #[test]
    fn the_card_lookup_reads_its_two_indexes() {
        let conn = crate::db::open_in_memory().unwrap();
        let plan: Vec<String> = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {CARD_SQL}"))
            .unwrap()
            .query_map(["1001"], |r| r.get::<_, String>(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let plan = plan.join("\n");
        assert!(plan.contains("INDEX members_card_compact"), "{plan}");
        assert!(plan.contains("INDEX members_card_number"), "{plan}");
    }

    #[test]
    fn picked_keeps_first_place_and_stops_at_the_limit() {
        let mut p = Picked::new(2);
        p.take(5);
        p.take(5);
        p.take(7);
        p.take(9);
        assert_eq!(p.ids, vec![5, 7]);
        assert!(p.full());
    }
}
