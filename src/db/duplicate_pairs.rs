//! Pairs of members who are likely one person, for the Duplicates screen
//! and `member merge`: the same phone, email or card; names that differ
//! only in case, accents, word order or one typo, with the same birthday;
//! and a till customer whose receipts went to two members.
//!
//! Every test is a grouping key (a column, a folded name with its
//! birthday), never a comparison of every member with every other: a club
//! of 100,000 members is looked through in seconds.

use std::collections::{BTreeMap, HashMap};

use rusqlite::Connection;

use crate::db::duplicates::{Shared, shared_groups};
use crate::domain::member::{fold, full_name};
use crate::error::Result;

pub use crate::domain::merge::{LikelyPair, Reason, Why};

/// A name this short is compared whole: one letter off would pair too many.
const TYPO_MIN_CHARS: usize = 6;
/// Pairs found so far, each with its reasons.
type Found = BTreeMap<(i64, i64), Vec<Reason>>;

/// Every likely pair, ordered by the first member's id then the second's.
pub fn likely_pairs(conn: &Connection) -> Result<Vec<LikelyPair>> {
    let mut found = Found::new();
    for group in shared_groups(conn)? {
        let why = match group.shared {
            Shared::Phone => Why::Phone,
            Shared::Email => Why::Email,
            Shared::Card => Why::Card,
            // Found below, with a typo allowed as well.
            Shared::NameAndBirthday => continue,
        };
        let ids: Vec<i64> = group.members.iter().map(|m| m.0).collect();
        add_group(&mut found, &ids, why, &group.value);
    }
    names_with_birthday(conn, &mut found)?;
    till_customers(conn, &mut found)?;
    let names = member_names(conn, &found)?;
    Ok(found
        .into_iter()
        .filter(|((a, b), _)| names.contains_key(a) && names.contains_key(b))
        .map(|((a, b), reasons)| LikelyPair {
            first: (a, names[&a].clone()),
            second: (b, names[&b].clone()),
            reasons,
        })
        .collect())
}

/// Pairs the lowest id of a group with each other one (a group of three
/// is three records of one person, merged one after the other).
fn add_group(found: &mut Found, ids: &[i64], why: Why, value: &str) {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let Some((&first, rest)) = ids.split_first() else {
        return;
    };
    for &other in rest {
        let reasons = found.entry((first, other)).or_default();
        if !reasons.iter().any(|r| r.why == why) {
            reasons.push(Reason {
                why,
                value: value.to_string(),
            });
        }
    }
}

/// The words of a name folded and sorted: "Horvat, Ivan" is "horvat ivan".
fn name_key(first: &str, family: &str) -> String {
    let mut words: Vec<String> = fold(&format!("{first} {family}"))
        .split(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    words.sort();
    words.join(" ")
}

/// The key itself and, for a long enough name, the key with each one
/// letter left out: two names one typo apart (a letter changed, added or
/// missing) share one of these.
fn typo_keys(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut keys = vec![format!("={key}")];
    if chars.len() >= TYPO_MIN_CHARS {
        for skip in 0..chars.len() {
            let mut left: String = chars[..skip].iter().collect();
            left.extend(&chars[skip + 1..]);
            keys.push(format!("-{left}"));
        }
    }
    // The whole key of a shorter name meets the other's shortened ones.
    if chars.len() + 1 >= TYPO_MIN_CHARS {
        keys.push(format!("-{key}"));
    }
    keys
}

fn names_with_birthday(conn: &Connection, found: &mut Found) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT id, first_name, family_name, birth_month, birth_day FROM members
         WHERE erased_at IS NULL AND birth_month IS NOT NULL AND birth_day IS NOT NULL",
    )?;
    // One entry per key of every member, sorted so that equal keys sit
    // together: a sort of plain tuples instead of a map of lists keeps a
    // club of 100,000 (some 1.5 million keys) to a fraction of a second.
    let mut keyed: Vec<(u32, u32, String, i64)> = vec![];
    let mut names: HashMap<i64, String> = HashMap::new();
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, u32>(3)?,
            r.get::<_, u32>(4)?,
        ))
    })?;
    for row in rows {
        let (id, first, family, month, day) = row?;
        for key in typo_keys(&name_key(&first, &family)) {
            keyed.push((month, day, key, id));
        }
        names.insert(id, full_name(&first, &family));
    }
    keyed.sort_unstable();
    // In key order, so the name a reason shows is the same every time.
    for group in keyed.chunk_by(|a, b| (a.0, a.1, &a.2) == (b.0, b.1, &b.2)) {
        if group.len() < 2 {
            continue;
        }
        let (month, day) = (group[0].0, group[0].1);
        let mut members: Vec<(i64, &str)> =
            group.iter().map(|g| (g.3, names[&g.3].as_str())).collect();
        members.sort();
        let value = format!("{}, {month:02}-{day:02}", members[0].1);
        let ids: Vec<i64> = members.iter().map(|m| m.0).collect();
        add_group(found, &ids, Why::NameBirthday, &value);
    }
    Ok(())
}

/// Till customers whose receipts are split over members: the same card,
/// phone or email on receipts of two members, and a contact linked to one
/// member that is another member's own phone, email or card.
fn till_customers(conn: &Connection, found: &mut Found) -> Result<()> {
    for column in ["cust_card", "cust_phone", "cust_email"] {
        let sql = format!(
            "SELECT {column}, min(member_id), max(member_id) FROM receipts
             WHERE member_id IS NOT NULL AND {column} IS NOT NULL
             GROUP BY {column} HAVING min(member_id) <> max(member_id)"
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        for row in rows {
            let (value, a, b): (String, i64, i64) = row?;
            add_group(found, &[a, b], Why::TillCustomer, &value);
        }
    }
    let mut stmt = conn.prepare(
        "SELECT l.value, l.member_id, m.id FROM customer_links l
         JOIN members m ON m.erased_at IS NULL AND m.id <> l.member_id AND
              ((l.kind = 'phone' AND m.phone = l.value)
            OR (l.kind = 'email' AND m.email = l.value)
            OR (l.kind = 'card' AND m.card = l.value))",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    for row in rows {
        let (value, a, b): (String, i64, i64) = row?;
        add_group(found, &[a, b], Why::TillCustomer, &value);
    }
    Ok(())
}

/// The names of every member in a pair who is not erased (a pair with an
/// erased member is dropped by the caller).
fn member_names(conn: &Connection, found: &Found) -> Result<HashMap<i64, String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT first_name, family_name FROM members WHERE id = ?1 AND erased_at IS NULL",
    )?;
    let mut names = HashMap::new();
    for &(a, b) in found.keys() {
        for id in [a, b] {
            if names.contains_key(&id) {
                continue;
            }
            let mut rows = stmt.query([id])?;
            if let Some(r) = rows.next()? {
                names.insert(
                    id,
                    full_name(&r.get::<_, String>(0)?, &r.get::<_, String>(1)?),
                );
            }
        }
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_one_typo_apart_share_a_key_and_others_do_not() {
        let shares = |a: &str, b: &str| {
            let (ka, kb) = (typo_keys(a), typo_keys(b));
            ka.iter().any(|k| kb.contains(k))
        };
        assert!(shares("horvat ivan", "horvat ivan"));
        assert!(shares("horvat ivan", "horvet ivan"));
        assert!(shares("horvat ivan", "horvat ivana"));
        assert!(shares("horvat ivan", "horvt ivan"));
        assert!(!shares("horvat ivan", "horvat marko"));
        assert!(!shares("li wei", "li wu"));
    }

    #[test]
    fn order_case_and_accents_do_not_change_the_key() {
        assert_eq!(name_key("Željko", "Đurić"), name_key("zeljko", "DURIC"));
        assert_eq!(name_key("Ivan", "Horvat"), name_key("Horvat,", "Ivan"));
    }
}
