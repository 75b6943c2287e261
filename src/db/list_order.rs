//! Alphabetical order in the shop's language: Croatian puts č after c, ć
//! after č, and dž, đ, lj, nj, š, ž each after their base letter; Chinese
//! sorts by pinyin; Hebrew and Thai by their own alphabets.
//!
//! Every list sorts by `members.sort_key` inside SQLite's indexes, and SQLite
//! only compares bytes. So the key stored there is the language's collation
//! key (ICU4X) of "family first", written in hex: comparing two keys byte by
//! byte gives the language's order. Which language the keys follow is kept
//! in `list_order`; when the shop's language changes, every key is written
//! again once, at open.

use std::cell::RefCell;
use std::fmt::Write as _;

use icu_collator::options::CollatorOptions;
use icu_collator::{CollatorBorrowed, CollatorPreferences};
use icu_locale_core::Locale;
use rusqlite::{Connection, OptionalExtension, params};

use crate::db::search::within_transaction;
use crate::error::Result;

/// The order used before a shop's language is known: ICU's root order,
/// which is also English's.
const DEFAULT_LOCALE: &str = "en";

thread_local! {
    /// Building a collator reads its tables; a bulk load writes thousands
    /// of members in the same language, so the last one is kept.
    static COLLATOR: RefCell<Option<(String, CollatorBorrowed<'static>)>> =
        const { RefCell::new(None) };
}

/// The collation key of `text` in `locale`, as hex text. A language ICU
/// does not know falls back to the root order.
pub fn collation_key(locale: &str, text: &str) -> String {
    COLLATOR.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.as_ref().is_none_or(|(l, _)| l != locale) {
            *cell = Some((locale.to_string(), collator(locale)));
        }
        let (_, collator) = cell.as_ref().expect("collator just set");
        let mut bytes = Vec::with_capacity(text.len() * 3);
        let Ok(()) = collator.write_sort_key_to(text, &mut bytes);
        let mut hex = String::with_capacity(bytes.len() * 2);
        for b in bytes {
            let _ = write!(hex, "{b:02x}");
        }
        hex
    })
}

fn collator(locale: &str) -> CollatorBorrowed<'static> {
    let prefs =
        |l: &str| CollatorPreferences::from(&Locale::try_from_str(l).unwrap_or(Locale::UNKNOWN));
    CollatorBorrowed::try_new(prefs(locale), CollatorOptions::default())
        .or_else(|_| CollatorBorrowed::try_new(prefs(DEFAULT_LOCALE), CollatorOptions::default()))
        .expect("the compiled collation data has the root order")
}

/// The list key of a member: family name first, as lists read.
pub fn member_key(locale: &str, first_name: &str, family_name: &str) -> String {
    let whole = format!("{} {}", family_name.trim(), first_name.trim());
    collation_key(locale, whole.trim())
}

/// The language the stored keys follow, if any has been set.
pub fn stored_locale(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT locale FROM list_order")?
        .query_row([], |r| r.get(0))
        .optional()?)
}

/// The language new keys are written in: the stored one, or the default.
pub fn current_locale(conn: &Connection) -> Result<String> {
    Ok(stored_locale(conn)?.unwrap_or_else(|| DEFAULT_LOCALE.to_string()))
}

/// Makes the stored keys follow `locale` (the shop's language): when they
/// follow another language, or none yet, every member's key is written
/// again, in one transaction. Returns how many members were rekeyed.
pub fn follow(conn: &Connection, locale: &str) -> Result<usize> {
    follow_reporting(conn, locale, &mut |_, _| {})
}

/// How many keys are written between two progress reports.
const REPORT_EVERY: usize = 1000;

/// As [`follow`], telling `progress` (members rekeyed, of how many) as it
/// goes: on a big club the rewrite takes seconds.
pub fn follow_reporting(
    conn: &Connection,
    locale: &str,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<usize> {
    let locale = language_of(locale);
    if stored_locale(conn)?.as_deref() == Some(locale.as_str()) {
        return Ok(0);
    }
    within_transaction(conn, || {
        let members = {
            let mut stmt = conn.prepare("SELECT id, first_name, family_name FROM members")?;
            stmt.query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
        };
        let mut update = conn.prepare_cached("UPDATE members SET sort_key = ?2 WHERE id = ?1")?;
        for (done, (id, first, family)) in members.iter().enumerate() {
            update.execute(params![id, member_key(&locale, first, family)])?;
            if done % REPORT_EVERY == 0 {
                progress(done, members.len());
            }
        }
        progress(members.len(), members.len());
        conn.execute(
            "INSERT INTO list_order (only_row, locale) VALUES (1, ?1)
             ON CONFLICT (only_row) DO UPDATE SET locale = excluded.locale",
            [&locale],
        )?;
        Ok(members.len())
    })
}

/// "hr-HR", "hr_HR.UTF-8" or "HR" → "hr": collation follows the language.
fn language_of(locale: &str) -> String {
    let code: String = locale
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    if code.is_empty() {
        DEFAULT_LOCALE.to_string()
    } else {
        code
    }
}

#[cfg(test)]
#[path = "list_order_tests.rs"]
mod tests;
