//! What the search index keeps for one member, and writing it.
//!
//! The folded values are computed here in Rust (SQLite cannot fold "Ž" to
//! "z") and stored on the member's row; the triggers of migration 003 keep
//! the trigram table and the visit dates in step from those columns.

use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use crate::domain::member::{fold, national_digits};
use crate::error::Result;

/// Line positions inside `members.search_text`.
pub(crate) const FIRST: usize = 0;
pub(crate) const FAMILY: usize = 1;
pub(crate) const EMAIL: usize = 2;
pub(crate) const CARD: usize = 3;
pub(crate) const PHONE: usize = 4;
pub(crate) const NATIONAL: usize = 5;
const LINES: usize = 6;
/// A seventh line, only for names in scripts written without spaces: the
/// whole name as its script writes it, then the other way round.
pub(crate) const JOINED: usize = 6;

/// Which name a word belongs to; the first name ranks before the family name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NamePart {
    First = 0,
    Family = 1,
}

/// The searchable form of one member's details.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SearchFields {
    pub search_text: String,
    pub card_fold: Option<String>,
    pub phone_digits: Option<String>,
    pub phone_national: Option<String>,
    pub words: Vec<(NamePart, String)>,
}

impl SearchFields {
    pub fn new(
        first: &str,
        family: &str,
        phone: Option<&str>,
        email: Option<&str>,
        card: Option<&str>,
    ) -> Self {
        let first = fold(first);
        let family = fold(family);
        let card_fold = card.map(fold).filter(|c| !c.is_empty());
        let phone_digits = phone
            .map(|p| p.chars().filter(char::is_ascii_digit).collect::<String>())
            .filter(|d| !d.is_empty());
        let phone_national = phone.map(national_digits).filter(|d| !d.is_empty());
        let mut lines = [""; LINES];
        let email = email.map(fold).unwrap_or_default();
        lines[FIRST] = &first;
        lines[FAMILY] = &family;
        lines[EMAIL] = &email;
        lines[CARD] = card_fold.as_deref().unwrap_or_default();
        lines[PHONE] = phone_digits.as_deref().unwrap_or_default();
        lines[NATIONAL] = phone_national.as_deref().unwrap_or_default();
        let mut search_text = lines.join("\n");
        let mut words: Vec<(NamePart, String)> = vec![];
        for (part, name) in [(NamePart::First, &first), (NamePart::Family, &family)] {
            for word in name_words(name) {
                if !words.iter().any(|(p, w)| *p == part && *w == word) {
                    words.push((part, word));
                }
            }
        }
        // "高玲" is how a Chinese owner types 高 (family) 玲 (first): found by
        // its start like a first name, and by its fragments like the rest.
        let joined: Vec<(NamePart, String)> = joined_names(&first, &family)
            .into_iter()
            .filter(|(_, whole)| !words.iter().any(|(_, w)| w == whole))
            .collect();
        if !joined.is_empty() {
            let line: Vec<&str> = joined.iter().map(|(_, whole)| whole.as_str()).collect();
            search_text.push('\n');
            search_text.push_str(&line.join(" "));
            words.extend(joined);
        }
        SearchFields {
            search_text,
            card_fold,
            phone_digits,
            phone_national,
            words,
        }
    }
}

/// The words a name can be found by at their start: "anne-marie o'neil"
/// gives "anne-marie", "anne", "marie", "o'neil", "o", "neil".
pub(crate) fn name_words(folded: &str) -> Vec<String> {
    let mut words = vec![];
    for token in folded.split_whitespace() {
        words.push(token.to_string());
        if token.contains(['-', '\'']) {
            words.extend(
                token
                    .split(['-', '\''])
                    .filter(|piece| !piece.is_empty())
                    .map(str::to_string),
            );
        }
    }
    words
}

/// Chinese, Japanese, Thai, Lao, Khmer and Burmese are written without
/// spaces between words, so a name is typed whole: "高玲", "สมชายใจดี".
/// Migration 006 picks out the names to index again with the same ranges.
fn writes_without_spaces(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x9FFF // CJK ideographs
        | 0xF900..=0xFAFF
        | 0x20000..=0x2FFFF)
}

/// The folded name typed whole, when it is in a script written without
/// spaces ("mayacohen" is typed by nobody): first the way its script
/// writes it, which ranks with first names (Chinese and Japanese put the
/// family name first, Thai the first name), then the other way round,
/// which ranks with family names.
fn joined_names(first: &str, family: &str) -> Vec<(NamePart, String)> {
    if !first
        .chars()
        .chain(family.chars())
        .any(writes_without_spaces)
    {
        return vec![];
    }
    let squeeze = |a: &str, b: &str| -> String {
        a.chars()
            .chain(b.chars())
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let family_first = first.chars().chain(family.chars()).any(is_han_or_kana);
    let (natural, other) = if family_first {
        (squeeze(family, first), squeeze(first, family))
    } else {
        (squeeze(first, family), squeeze(family, first))
    };
    let mut forms = vec![(NamePart::First, natural)];
    if other != forms[0].1 {
        forms.push((NamePart::Family, other));
    }
    forms
}

fn is_han_or_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// One line of a stored search_text ("" when missing).
pub(crate) fn line(search_text: &str, index: usize) -> &str {
    search_text.split('\n').nth(index).unwrap_or_default()
}

/// Replaces the member's name words, copying the list order columns from
/// the member's row (which must already hold the new sort key).
pub(crate) fn write_words(conn: &Connection, member_id: i64, fields: &SearchFields) -> Result<()> {
    conn.prepare_cached("DELETE FROM member_words WHERE member_id = ?1")?
        .execute([member_id])?;
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO member_words (member_id, part, word, last_visit, sort_key)
         SELECT id, ?2, ?3, last_visit, sort_key FROM members WHERE id = ?1 AND erased_at IS NULL",
    )?;
    for (part, word) in &fields.words {
        insert.execute(params![member_id, *part as i64, word])?;
    }
    Ok(())
}

/// Folds members that have no search values yet: rows written before the
/// search index existed, or changed by plain SQL. Returns how many.
pub fn refold_pending(conn: &Connection) -> Result<usize> {
    let pending: bool = conn
        .prepare_cached(
            // Without the hint SQLite may walk the whole list index instead.
            "SELECT EXISTS (SELECT 1 FROM members INDEXED BY members_unindexed
                            WHERE search_text IS NULL AND erased_at IS NULL)",
        )?
        .query_row([], |r| r.get(0))?;
    if !pending {
        return Ok(0);
    }
    within_transaction(conn, || {
        let mut stmt = conn.prepare(
            "SELECT id, first_name, family_name, phone, email, card
             FROM members INDEXED BY members_unindexed
             WHERE search_text IS NULL AND erased_at IS NULL",
        )?;
        let rows = stmt
            .query_map([], |r| {
                let id: i64 = r.get(0)?;
                let first: String = r.get(1)?;
                let family: String = r.get(2)?;
                let phone: Option<String> = r.get(3)?;
                let email: Option<String> = r.get(4)?;
                let card: Option<String> = r.get(5)?;
                Ok((
                    id,
                    SearchFields::new(
                        &first,
                        &family,
                        phone.as_deref(),
                        email.as_deref(),
                        card.as_deref(),
                    ),
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (id, fields) in &rows {
            conn.prepare_cached(
                "UPDATE members SET search_text = ?2, card_fold = ?3, phone_digits = ?4,
                        phone_national = ?5 WHERE id = ?1",
            )?
            .execute(params![
                id,
                fields.search_text,
                fields.card_fold,
                fields.phone_digits,
                fields.phone_national
            ])?;
            write_words(conn, *id, fields)?;
        }
        Ok(rows.len())
    })
}

/// Runs `work` in a transaction of its own, so that all of it or none of it
/// lands. Inside a transaction the caller already holds (a bulk load wraps
/// thousands of members in one) the caller's commit or rollback decides: a
/// savepoint per member there would copy every touched page once more.
pub(crate) fn within_transaction<T>(
    conn: &Connection,
    work: impl FnOnce() -> Result<T>,
) -> Result<T> {
    if !conn.is_autocommit() {
        return work();
    }
    // Immediate: the write lock is taken at BEGIN, where SQLite waits for
    // another program's write to end. Deferred, the first write through the
    // full-text index reads before it writes, and a lock that has to be
    // upgraded is not waited for: a short write elsewhere failed it at once.
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let value = work()?;
    tx.commit()?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_fold_names_and_keep_phone_forms() {
        let f = SearchFields::new(
            "Željko",
            "Kovačić-Horvat",
            Some("+972501234567"),
            Some("Z.K@Example.com"),
            Some("CARD-77"),
        );
        assert_eq!(
            f.search_text,
            "zeljko\nkovacic-horvat\nz.k@example.com\ncard-77\n972501234567\n0501234567"
        );
        assert_eq!(f.card_fold.as_deref(), Some("card-77"));
        assert_eq!(f.phone_national.as_deref(), Some("0501234567"));
        let words: Vec<&str> = f.words.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(
            words,
            ["zeljko", "kovacic-horvat", "kovacic", "horvat"].as_slice()
        );
        assert_eq!(line(&f.search_text, PHONE), "972501234567");
    }

    #[test]
    fn missing_details_leave_empty_lines() {
        let f = SearchFields::new("李", "", None, None, None);
        assert_eq!(f.search_text, "李\n\n\n\n\n");
        assert_eq!(f.phone_digits, None);
        assert_eq!(f.words, vec![(NamePart::First, "李".to_string())]);
        assert_eq!(line(&f.search_text, CARD), "");
    }

    #[test]
    fn names_written_without_spaces_are_also_kept_whole() {
        let words =
            |first: &str, family: &str| SearchFields::new(first, family, None, None, None).words;
        let whole = |w: Vec<(NamePart, String)>| -> Vec<(NamePart, String)> {
            w.into_iter().skip(2).collect()
        };
        // Chinese: family name first.
        assert_eq!(
            whole(words("秀英", "彭")),
            [
                (NamePart::First, "彭秀英".into()),
                (NamePart::Family, "秀英彭".into())
            ]
        );
        // Thai: first name first.
        assert_eq!(
            whole(words("สมชาย", "ใจดี")),
            [
                (NamePart::First, "สมชายใจดี".into()),
                (NamePart::Family, "ใจดีสมชาย".into())
            ]
        );
        let f = SearchFields::new("Ling", "高", None, None, None);
        assert_eq!(line(&f.search_text, JOINED), "高ling ling高");
        // Latin names are not joined, and their stored form is as before.
        assert_eq!(words("Maya", "Cohen").len(), 2);
        let latin = SearchFields::new("Maya", "Cohen", None, None, None);
        assert_eq!(latin.search_text.split('\n').count(), 6);
        assert_eq!(line(&latin.search_text, JOINED), "");
    }
}
