//! What an import remembers about the customers it has seen, in memory that
//! stays small however many customers a file names: a year of a busy
//! shop's export can name hundreds of thousands of till customers, and
//! keeping each one's text twice (to count those no member matched, and to
//! ask the database for each value once) cost more memory than the rest of
//! the import together.
//!
//! A customer is kept as a fingerprint of its text instead. A value asked
//! of the database has 128 bits: two different values of one file share
//! one with a chance far below one in 10^25, so matches are those the text
//! itself would give. A customer only counted has 64 bits: with a million
//! customers the count is off by one with a chance of about one in 10^7.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

/// Values remembered per identity at most; past that the memory starts
/// again (the database is asked again, which only costs time).
const MEMBERS_KEPT: usize = 50_000;

/// 128 bits of `parts`: two 64-bit hashes with different starting states.
/// Each part is hashed with its presence and length, so `("ab", None)`
/// and `(None, "ab")` or `("a", "b")` differ.
pub fn fingerprint(parts: &[Option<&str>]) -> u128 {
    let half = |seed: u8| {
        let mut h = DefaultHasher::new();
        seed.hash(&mut h);
        parts.hash(&mut h);
        h.finish()
    };
    (u128::from(half(1)) << 64) | u128::from(half(2))
}

/// The till customers no member matched, counted once each.
#[derive(Debug, Default)]
pub struct Unmatched(HashSet<u64>);

impl Unmatched {
    /// Notes a customer by everything that names them; returns how many
    /// different ones are noted.
    pub fn note(&mut self, parts: &[Option<&str>]) -> u64 {
        // The low half: counting needs no more.
        self.0.insert(fingerprint(parts) as u64);
        self.0.len() as u64
    }
}

/// The member each value of one identity (a card, a till customer …)
/// belongs to, or that none does, as the database answered.
#[derive(Debug, Default)]
pub struct Members(HashMap<u128, Option<i64>>);

impl Members {
    pub fn get(&self, value: &str) -> Option<Option<i64>> {
        self.0.get(&fingerprint(&[Some(value)])).copied()
    }

    pub fn keep(&mut self, value: &str, member: Option<i64>) {
        if self.0.len() >= MEMBERS_KEPT {
            self.0.clear();
        }
        self.0.insert(fingerprint(&[Some(value)]), member);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customers_are_told_apart_by_every_part() {
        let mut seen = Unmatched::default();
        assert_eq!(seen.note(&[Some("ab"), None]), 1);
        assert_eq!(seen.note(&[None, Some("ab")]), 2);
        assert_eq!(seen.note(&[Some("a"), Some("b")]), 3);
        assert_eq!(seen.note(&[Some("ab"), None]), 3, "the same customer again");
    }

    #[test]
    fn members_remember_answers_and_start_again_when_full() {
        let mut members = Members::default();
        assert_eq!(members.get("SQ-1"), None);
        members.keep("SQ-1", Some(7));
        members.keep("SQ-2", None);
        assert_eq!(members.get("SQ-1"), Some(Some(7)));
        assert_eq!(members.get("SQ-2"), Some(None));
        for i in 0..MEMBERS_KEPT {
            members.keep(&format!("X{i}"), None);
        }
        assert!(members.0.len() <= MEMBERS_KEPT);
        assert_eq!(members.get("SQ-1"), None, "forgotten, asked again");
    }
}
