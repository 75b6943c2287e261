//! A segment: which members a message or a list is for, written as
//! conditions joined by `and`, `or`, `not` and parentheses
//! (`tier=Gold and pet=dog`, `children and not area=10000`).
//!
//! This module holds the expression as data and prints it back in the one
//! form the parser reads ([`crate::domain::segment_parse`]); what the words
//! mean against the stored club is worked out by `db::segment`. Printing
//! and parsing again gives the same expression, so a saved segment is kept
//! as its printed text.

use std::fmt;

use chrono::{NaiveDate, Weekday};

pub use crate::domain::segment_parse::{SegmentError, parse};

/// A condition on one thing known about a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Word {
    Tier,
    Pet,
    Children,
    ChildAge,
    Age,
    BirthdayMonth,
    Area,
    Tag,
    Language,
    Visits12m,
    Spend12m,
    LastVisit,
    Bought,
    Category,
    Source,
    UsualDay,
    UsualHour,
    Occupation,
}

/// What a word's values are, which decides the comparisons it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Compared as words, ignoring letter case: `=` and `!=`.
    Text,
    /// Whole numbers: every comparison and ranges `a..b`.
    Number,
    /// A day, YYYY-MM-DD: every comparison.
    Date,
    /// A weekday (`sat`, `saturday`): `=` and `!=`.
    Weekday,
}

impl Word {
    pub const ALL: [Word; 18] = [
        Word::Tier,
        Word::Pet,
        Word::Children,
        Word::ChildAge,
        Word::Age,
        Word::BirthdayMonth,
        Word::Area,
        Word::Tag,
        Word::Language,
        Word::Visits12m,
        Word::Spend12m,
        Word::LastVisit,
        Word::Bought,
        Word::Category,
        Word::Source,
        Word::UsualDay,
        Word::UsualHour,
        Word::Occupation,
    ];

    /// The word as written in an expression.
    pub fn name(self) -> &'static str {
        match self {
            Word::Tier => "tier",
            Word::Pet => "pet",
            Word::Children => "children",
            Word::ChildAge => "child_age",
            Word::Age => "age",
            Word::BirthdayMonth => "birthday_month",
            Word::Area => "area",
            Word::Tag => "tag",
            Word::Language => "language",
            Word::Visits12m => "visits_12m",
            Word::Spend12m => "spend_12m",
            Word::LastVisit => "last_visit",
            Word::Bought => "bought",
            Word::Category => "category",
            Word::Source => "source",
            Word::UsualDay => "usual_day",
            Word::UsualHour => "usual_hour",
            Word::Occupation => "occupation",
        }
    }

    pub fn from_name(name: &str) -> Option<Word> {
        Word::ALL
            .into_iter()
            .find(|w| w.name().eq_ignore_ascii_case(name))
    }

    pub fn kind(self) -> Kind {
        match self {
            Word::Children
            | Word::ChildAge
            | Word::Age
            | Word::BirthdayMonth
            | Word::Visits12m
            | Word::Spend12m
            | Word::UsualHour => Kind::Number,
            Word::LastVisit => Kind::Date,
            Word::UsualDay => Kind::Weekday,
            _ => Kind::Text,
        }
    }

    /// Words that mean something alone: `pet` (has a pet), `children`
    /// (has children).
    pub fn stands_alone(self) -> bool {
        matches!(self, Word::Pet | Word::Children)
    }

    /// The smallest and largest number the word can take.
    pub fn bounds(self) -> (i64, i64) {
        match self {
            Word::BirthdayMonth => (1, 12),
            Word::UsualHour => (0, 23),
            Word::Age | Word::ChildAge => (0, 150),
            _ => (0, i64::MAX / 1000),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }
}

/// What a term asks of its word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Test {
    /// The word alone: has any (pet, children).
    Has,
    Text(Op, String),
    Number(Op, i64),
    /// `=a..b` (both ends included) or `!=a..b`.
    Range(Op, i64, i64),
    Date(Op, NaiveDate),
    Weekday(Op, Weekday),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub word: Word,
    pub test: Test,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    Term(Term),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
}

impl Expr {
    /// Every term, left to right: what a screen checks for words without
    /// data.
    pub fn terms(&self) -> Vec<&Term> {
        match self {
            Expr::Term(t) => vec![t],
            Expr::Not(e) => e.terms(),
            Expr::And(a, b) | Expr::Or(a, b) => {
                let mut all = a.terms();
                all.extend(b.terms());
                all
            }
        }
    }

    /// How tightly the expression binds when printed inside another.
    fn rank(&self) -> u8 {
        match self {
            Expr::Or(..) => 0,
            Expr::And(..) => 1,
            Expr::Not(_) | Expr::Term(_) => 2,
        }
    }
}

/// Short English weekday names, as written in expressions.
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Text that would read as something else unquoted is printed in quotes.
fn needs_quotes(value: &str) -> bool {
    value.is_empty()
        || value.trim() != value
        || value.contains(['(', ')', '"'])
        || value
            .split_whitespace()
            .skip(1)
            .any(|w| w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or"))
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = self.word.name();
        match &self.test {
            Test::Has => write!(f, "{word}"),
            Test::Text(op, value) if needs_quotes(value) => {
                write!(f, "{word}{}\"{value}\"", op.symbol())
            }
            Test::Text(op, value) => write!(f, "{word}{}{value}", op.symbol()),
            Test::Number(op, n) => write!(f, "{word}{}{n}", op.symbol()),
            Test::Range(op, a, b) => write!(f, "{word}{}{a}..{b}", op.symbol()),
            Test::Date(op, d) => write!(f, "{word}{}{}", op.symbol(), d.format("%Y-%m-%d")),
            Test::Weekday(op, d) => write!(
                f,
                "{word}{}{}",
                op.symbol(),
                WEEKDAYS[d.num_days_from_monday() as usize]
            ),
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `and`/`or` read left to right, so a right-hand side of the same
        // strength keeps its brackets: that is what makes it parse back the same.
        let side = |f: &mut fmt::Formatter<'_>, e: &Expr, min: u8| {
            if e.rank() < min {
                write!(f, "({e})")
            } else {
                write!(f, "{e}")
            }
        };
        match self {
            Expr::Term(t) => write!(f, "{t}"),
            Expr::Not(e) => {
                write!(f, "not ")?;
                side(f, e, 2)
            }
            Expr::And(a, b) => {
                side(f, a, 1)?;
                write!(f, " and ")?;
                side(f, b, 2)
            }
            Expr::Or(a, b) => {
                side(f, a, 0)?;
                write!(f, " or ")?;
                side(f, b, 1)
            }
        }
    }
}

#[cfg(test)]
#[path = "segment_tests.rs"]
mod tests;
