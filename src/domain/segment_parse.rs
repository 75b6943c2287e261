//! Reading a segment expression as typed. `not` binds tightest, then
//! `and`, then `or`; parentheses group. A value runs to the next ` and `,
//! ` or `, `)` or the end, so `bought=Birthday cake` needs no quotes; a
//! value that holds those is written in double quotes.
//!
//! A mistake is refused with the word or value it is about and the
//! character it starts at (counted from 1), so the owner can find it.

use chrono::{NaiveDate, Weekday};

use crate::domain::segment::{Expr, Kind, Op, Term, Test, Word};

/// Why an expression was refused: a locale message key, the text it is
/// about and where that starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentError {
    pub key: &'static str,
    /// Character position, from 1.
    pub at: usize,
    /// The word, value or sign refused (empty when there is none).
    pub found: String,
    /// The word the value or sign belongs to.
    pub word: String,
}

pub fn parse(text: &str) -> Result<Expr, SegmentError> {
    let mut p = Parser {
        s: text.chars().collect(),
        i: 0,
    };
    p.skip_ws();
    if p.end() {
        return Err(p.error("segment-err-empty", 0, "", ""));
    }
    let expr = p.or()?;
    p.skip_ws();
    if !p.end() {
        return Err(p.unexpected());
    }
    Ok(expr)
}

struct Parser {
    s: Vec<char>,
    i: usize,
}

impl Parser {
    fn end(&self) -> bool {
        self.i >= self.s.len()
    }

    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.i += 1;
        }
    }

    fn error(&self, key: &'static str, at: usize, found: &str, word: &str) -> SegmentError {
        SegmentError {
            key,
            at: at + 1,
            found: found.to_string(),
            word: word.to_string(),
        }
    }

    /// The piece of text at the current place, up to the next space.
    fn unexpected(&self) -> SegmentError {
        let found: String = self.s[self.i..]
            .iter()
            .take_while(|c| !c.is_whitespace())
            .take(20)
            .collect();
        self.error("segment-err-unexpected", self.i, &found, "")
    }

    /// Is `keyword` at `at`, followed by a space, a bracket or the end?
    fn keyword_at(&self, at: usize, keyword: &str) -> bool {
        let len = keyword.chars().count();
        let Some(piece) = self.s.get(at..at + len) else {
            return false;
        };
        let same = piece
            .iter()
            .zip(keyword.chars())
            .all(|(a, b)| a.eq_ignore_ascii_case(&b));
        same && self
            .s
            .get(at + len)
            .is_none_or(|c| c.is_whitespace() || *c == '(')
    }

    fn eat_keyword(&mut self, keyword: &str) -> bool {
        self.skip_ws();
        if self.keyword_at(self.i, keyword) {
            self.i += keyword.len();
            true
        } else {
            false
        }
    }

    fn or(&mut self) -> Result<Expr, SegmentError> {
        let mut left = self.and()?;
        while self.eat_keyword("or") {
            left = Expr::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, SegmentError> {
        let mut left = self.unary()?;
        while self.eat_keyword("and") {
            left = Expr::And(Box::new(left), Box::new(self.unary()?));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, SegmentError> {
        self.skip_ws();
        if self.end() {
            return Err(self.error("segment-err-end", self.i, "", ""));
        }
        if self.eat_keyword("not") {
            return Ok(Expr::Not(Box::new(self.unary()?)));
        }
        if self.peek() == Some('(') {
            let open = self.i;
            self.i += 1;
            let inner = self.or()?;
            self.skip_ws();
            return match self.peek() {
                Some(')') => {
                    self.i += 1;
                    Ok(inner)
                }
                None => Err(self.error("segment-err-unclosed", open, "(", "")),
                Some(_) => Err(self.unexpected()),
            };
        }
        self.term().map(Expr::Term)
    }

    fn term(&mut self) -> Result<Term, SegmentError> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            self.i += 1;
        }
        if self.i == start {
            return Err(self.unexpected());
        }
        let name: String = self.s[start..self.i].iter().collect();
        let Some(word) = Word::from_name(&name) else {
            return Err(self.error("segment-err-unknown-word", start, &name, ""));
        };
        self.skip_ws();
        let op_at = self.i;
        let Some(op) = self.op() else {
            if word.stands_alone() {
                return Ok(Term {
                    word,
                    test: Test::Has,
                });
            }
            return Err(self.error("segment-err-needs-value", start, "", word.name()));
        };
        self.skip_ws();
        let value_at = self.i;
        let value = self.value(word)?;
        let bad_op = || self.error("segment-err-bad-op", op_at, op.symbol(), word.name());
        let bad_value = || self.error("segment-err-bad-value", value_at, &value, word.name());
        let either = matches!(op, Op::Eq | Op::Ne);
        let test = match word.kind() {
            Kind::Text if either => Test::Text(op, value.clone()),
            Kind::Number => match value.split_once("..") {
                Some(_) if !either => return Err(bad_op()),
                Some((a, b)) => match (number(a, word), number(b, word)) {
                    (Some(a), Some(b)) if a <= b => Test::Range(op, a, b),
                    _ => return Err(bad_value()),
                },
                None => Test::Number(op, number(&value, word).ok_or_else(bad_value)?),
            },
            Kind::Date => Test::Date(
                op,
                NaiveDate::parse_from_str(&value, "%Y-%m-%d").map_err(|_| bad_value())?,
            ),
            Kind::Weekday if either => Test::Weekday(op, weekday(&value).ok_or_else(bad_value)?),
            Kind::Text | Kind::Weekday => return Err(bad_op()),
        };
        Ok(Term { word, test })
    }

    fn op(&mut self) -> Option<Op> {
        let two: String = self.s.iter().skip(self.i).take(2).collect();
        let (op, len) = match two.as_str() {
            ">=" => (Op::Ge, 2),
            "<=" => (Op::Le, 2),
            "!=" => (Op::Ne, 2),
            _ => match self.peek()? {
                '=' => (Op::Eq, 1),
                '<' => (Op::Lt, 1),
                '>' => (Op::Gt, 1),
                _ => return None,
            },
        };
        self.i += len;
        Some(op)
    }

    /// A value in quotes, or the text up to ` and `, ` or `, `)` or the end.
    fn value(&mut self, word: Word) -> Result<String, SegmentError> {
        let start = self.i;
        if self.peek() == Some('"') {
            let close = self.s[start + 1..].iter().position(|c| *c == '"');
            let Some(close) = close else {
                return Err(self.error("segment-err-unclosed", start, "\"", ""));
            };
            self.i = start + 1 + close + 1;
            return Ok(self.s[start + 1..start + 1 + close].iter().collect());
        }
        while let Some(c) = self.peek() {
            let keyword_next = c.is_whitespace() && {
                let mut j = self.i;
                while self.s.get(j).is_some_and(|c| c.is_whitespace()) {
                    j += 1;
                }
                self.keyword_at(j, "and") || self.keyword_at(j, "or")
            };
            if c == ')' || keyword_next {
                break;
            }
            self.i += 1;
        }
        let value: String = self.s[start..self.i].iter().collect();
        let value = value.trim_end().to_string();
        if value.is_empty() {
            return Err(self.error("segment-err-needs-value", start, "", word.name()));
        }
        if value.contains('"') {
            return Err(self.error("segment-err-bad-value", start, &value, word.name()));
        }
        Ok(value)
    }
}

/// A whole number within what the word can take.
fn number(text: &str, word: Word) -> Option<i64> {
    let text = text.trim();
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: i64 = text.parse().ok()?;
    let (lo, hi) = word.bounds();
    (lo..=hi).contains(&n).then_some(n)
}

fn weekday(text: &str) -> Option<Weekday> {
    const LONG: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let text = text.to_ascii_lowercase();
    // `sat`, `satur` and `saturday` all name Saturday.
    let index = LONG
        .iter()
        .position(|long| text.len() >= 3 && long.starts_with(&text))?;
    Weekday::try_from(index as u8).ok()
}
