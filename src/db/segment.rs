//! A segment expression as one SQL query over the members. Every value the
//! owner typed is a bound parameter; only the fixed pieces below are SQL
//! text, so no expression can change what the query does.
//!
//! An unknown fact (no birth year, no last visit) makes a term neither true
//! nor false, so `age=30..45` and `not age=30..45` both leave out a member
//! whose age is not known. Words the club keeps no data for (`source`,
//! `occupation`) match no one either way and are named by
//! [`Compiled::no_data`].

use chrono::{Datelike, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};

use super::member_year;
use crate::domain::segment::{Expr, Op, Term, Test, Word};
use crate::error::{Error, Result};

/// What the words are read against: the day, the shop's tiers in order
/// and how many digits its money has after the point.
#[derive(Debug, Clone)]
pub struct Facts {
    pub today: NaiveDate,
    pub tiers: Vec<String>,
    pub minor_digits: u8,
}

/// The condition on `members m`, with its parameters in order.
#[derive(Debug, Clone, Default)]
pub struct Compiled {
    pub condition: String,
    pub params: Vec<Value>,
    /// Words used that nothing in the club records: they match no one.
    pub no_data: Vec<Word>,
    /// The day the members' 12 months (`member_year`) must hold for
    /// before the condition is read; `None` when no word reads them.
    pub year_of: Option<NaiveDate>,
}

pub fn compile(expr: &Expr, facts: &Facts) -> Result<Compiled> {
    let mut out = Compiled::default();
    let condition = Builder {
        facts,
        out: &mut out,
        negated: false,
    }
    .expr(expr)?;
    out.condition = condition;
    Ok(out)
}

/// Moves the members' 12 months to the day the condition reads them for.
fn bring_year(conn: &Connection, compiled: &Compiled) -> Result<()> {
    match compiled.year_of {
        Some(day) => member_year::bring_to(conn, day),
        None => Ok(()),
    }
}

/// How many members (not erased) the segment holds.
pub fn count(conn: &Connection, compiled: &Compiled) -> Result<u64> {
    bring_year(conn, compiled)?;
    let sql = format!(
        "SELECT count(*) FROM members m WHERE m.erased_at IS NULL AND ({})",
        compiled.condition
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let n: i64 = stmt.query_row(params_from_iter(&compiled.params), |r| r.get(0))?;
    Ok(n as u64)
}

/// The members of the segment, by id.
pub fn member_ids(conn: &Connection, compiled: &Compiled) -> Result<Vec<i64>> {
    bring_year(conn, compiled)?;
    let sql = format!(
        "SELECT m.id FROM members m WHERE m.erased_at IS NULL AND ({}) ORDER BY m.id",
        compiled.condition
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let ids = stmt
        .query_map(params_from_iter(&compiled.params), |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

struct Builder<'a> {
    facts: &'a Facts,
    out: &'a mut Compiled,
    /// Whether the term being built sits under an odd number of `not`s.
    negated: bool,
}

/// Years from a YYYY-MM-DD column to today (`?` twice: today's year and
/// today's MM-DD), less one before the day's anniversary.
fn years_since(column: &str) -> String {
    format!("(? - CAST(substr({column}, 1, 4) AS INTEGER) - (? < substr({column}, 6, 5)))")
}

impl Builder<'_> {
    fn bind(&mut self, value: impl Into<Value>) {
        self.out.params.push(value.into());
    }

    fn bind_today(&mut self) {
        let today = self.facts.today;
        self.bind(i64::from(today.year()));
        self.bind(today.format("%m-%d").to_string());
    }

    fn expr(&mut self, expr: &Expr) -> Result<String> {
        Ok(match expr {
            Expr::Term(term) => format!("({})", self.term(term)?),
            Expr::Not(e) => {
                self.negated = !self.negated;
                let inner = self.expr(e);
                self.negated = !self.negated;
                format!("(NOT {})", inner?)
            }
            Expr::And(a, b) => format!("({} AND {})", self.expr(a)?, self.expr(b)?),
            Expr::Or(a, b) => format!("({} OR {})", self.expr(a)?, self.expr(b)?),
        })
    }

    /// `value op ?` for a number or a range; binds the numbers.
    fn compare(&mut self, value: &str, test: &Test, scale: i64) -> String {
        match test {
            Test::Range(op, a, b) => {
                self.bind(a.saturating_mul(scale));
                self.bind(b.saturating_mul(scale));
                let not = if *op == Op::Ne { "NOT " } else { "" };
                format!("{value} {not}BETWEEN ? AND ?")
            }
            Test::Number(op, n) => {
                self.bind(n.saturating_mul(scale));
                format!("{value} {} ?", sql_op(*op))
            }
            _ => "NULL".into(),
        }
    }

    /// A text test as "the member has one that is" (or, with `!=`, "has
    /// none that is") the value; `inner` is a subquery `SELECT member_id …`
    /// whose last condition takes the value as `?`.
    fn has_one(&mut self, op: Op, value: &str, inner: &str) -> String {
        self.bind(value.to_string());
        let not = if op == Op::Ne { "NOT " } else { "" };
        format!("m.id {not}IN ({inner})")
    }

    fn text_column(&mut self, op: Op, value: &str, column: &str) -> String {
        self.bind(value.trim().to_string());
        format!("{column} {} ? COLLATE NOCASE", sql_op(op))
    }

    /// `cond` (`y.` columns of `member_year`) for the members with a row
    /// there; `or_none` says whether those without one (no receipt in
    /// the 12 months) match too. Both are index ranges, not a lookup per
    /// member.
    fn year(&mut self, cond: &str, or_none: Option<&str>) -> String {
        self.out.year_of = Some(self.facts.today);
        let found = format!("m.id IN (SELECT y.member_id FROM member_year y WHERE {cond})");
        match or_none {
            Some(none) => format!(
                "({found} OR ({none} AND m.id NOT IN (SELECT y.member_id FROM member_year y)))"
            ),
            None => found,
        }
    }

    /// A number of the 12 months that is 0 for a member without a row.
    fn year_number(&mut self, column: &str, test: &Test, scale: i64) -> String {
        let cond = self.compare(&format!("y.{column}"), test, scale);
        let none = self.compare("0", test, scale);
        self.year(&cond, Some(&none))
    }

    /// A habit of the 12 months, unknown (neither true nor false) for a
    /// member without one. Where the whole condition is read, an unknown
    /// term leaves the member out exactly as a false one does when no
    /// `not` is above it, and as a true one does under a `not`; so the
    /// term is one index range either way instead of two.
    fn year_habit(&mut self, column: &str, cond: &str) -> String {
        if self.negated {
            let unless = format!("y.{column} IS NOT NULL AND NOT ({cond})");
            format!("NOT ({})", self.year(&unless, None))
        } else {
            self.year(cond, None)
        }
    }

    fn term(&mut self, term: &Term) -> Result<String> {
        let test = &term.test;
        Ok(match (term.word, test) {
            (Word::Tier, Test::Text(op, name)) => {
                let Some(tier) = self
                    .facts
                    .tiers
                    .iter()
                    .position(|t| t.trim().eq_ignore_ascii_case(name.trim()))
                else {
                    return Err(Error::user(
                        "segment-err-unknown-tier",
                        &[("tier", name), ("tiers", &self.facts.tiers.join(", "))],
                    ));
                };
                self.bind(tier as i64);
                // A member without a stored tier has not reached beyond the first.
                format!(
                    "coalesce((SELECT t.tier FROM member_tiers t WHERE t.member_id = m.id), 0) {} ?",
                    sql_op(*op)
                )
            }
            (Word::Pet, Test::Has) => "EXISTS (SELECT 1 FROM pets p WHERE p.member_id = m.id AND p.passed_away IS NULL)".into(),
            (Word::Pet, Test::Text(op, kind)) => self.has_one(
                *op,
                kind.trim(),
                "SELECT p.member_id FROM pets p WHERE p.passed_away IS NULL AND p.kind = ? COLLATE NOCASE",
            ),
            (Word::Children, Test::Has) => {
                "EXISTS (SELECT 1 FROM children c WHERE c.member_id = m.id)".into()
            }
            (Word::Children, _) => self.compare(
                "(SELECT count(*) FROM children c WHERE c.member_id = m.id)",
                test,
                1,
            ),
            (Word::ChildAge, _) => {
                // Born on a day, or "about N years old" said on a day.
                let born = years_since("c.born");
                let said = years_since("c.approx_on");
                self.bind_today();
                self.bind_today();
                let age = format!(
                    "CASE WHEN c.born IS NOT NULL THEN {born} WHEN c.approx_years IS NOT NULL THEN c.approx_years + coalesce({said}, 0) END"
                );
                let positive = match test {
                    Test::Range(_, a, b) => Test::Range(Op::Eq, *a, *b),
                    Test::Number(Op::Ne, n) => Test::Number(Op::Eq, *n),
                    other => other.clone(),
                };
                let cond = self.compare(&age, &positive, 1);
                let not = matches!(test, Test::Range(Op::Ne, ..) | Test::Number(Op::Ne, _));
                let not = if not { "NOT " } else { "" };
                format!("{not}EXISTS (SELECT 1 FROM children c WHERE c.member_id = m.id AND {cond})")
            }
            (Word::Age, _) => {
                let today = self.facts.today;
                self.bind(i64::from(today.year()));
                self.bind(i64::from(today.month() * 100 + today.day()));
                let age = "(? - m.birth_year - (? < coalesce(m.birth_md, 0)))";
                self.compare(age, test, 1)
            }
            (Word::BirthdayMonth, _) => self.compare("m.birth_month", test, 1),
            (Word::Area, Test::Text(op, v)) => self.text_column(*op, v, "trim(m.area)"),
            (Word::Language, Test::Text(op, v)) => self.text_column(*op, v, "m.language"),
            (Word::Tag, Test::Text(op, tag)) => {
                // Tags are kept as one comma-separated list.
                self.bind(tag.replace(' ', "").to_lowercase());
                let found = "instr(',' || lower(replace(m.tags, ' ', '')) || ',', ',' || ? || ',') > 0";
                if *op == Op::Ne {
                    format!("NOT {found}")
                } else {
                    found.to_string()
                }
            }
            (Word::Visits12m, _) => self.year_number("visits", test, 1),
            (Word::Spend12m, _) => {
                let unit = 10i64.saturating_pow(u32::from(self.facts.minor_digits));
                self.year_number("spend_minor", test, unit)
            }
            (Word::LastVisit, Test::Date(op, day)) => {
                self.bind(day.format("%Y-%m-%d").to_string());
                format!("m.last_visit {} ?", sql_op(*op))
            }
            (Word::Bought, Test::Text(op, item)) => self.has_one(
                *op,
                item.trim(),
                "SELECT b.member_id FROM member_bought b WHERE b.kind = 'item' AND b.name = ?",
            ),
            (Word::Category, Test::Text(op, category)) => self.has_one(
                *op,
                category.trim(),
                "SELECT b.member_id FROM member_bought b WHERE b.kind = 'category' AND b.name = ?",
            ),
            (Word::UsualDay, Test::Weekday(op, day)) => {
                // Kept in `member_year` by the weekday of most visit days
                // (Monday first on a tie), once there are two.
                let cond = format!("y.usual_weekday {} ?", sql_op(*op));
                let habit = self.year_habit("usual_weekday", &cond);
                // Bound after the `IS NOT NULL` half, which takes none.
                self.bind(i64::from(day.num_days_from_monday()));
                habit
            }
            (Word::UsualHour, _) => {
                let cond = self.compare("y.usual_hour", test, 1);
                self.year_habit("usual_hour", &cond)
            }
            (word @ (Word::Source | Word::Occupation), _) => {
                if !self.out.no_data.contains(&word) {
                    self.out.no_data.push(word);
                }
                "NULL".into()
            }
            // The parser gives each word only the tests of its kind.
            _ => "NULL".into(),
        })
    }
}

fn sql_op(op: Op) -> &'static str {
    match op {
        Op::Eq => "=",
        Op::Ne => "<>",
        Op::Lt => "<",
        Op::Le => "<=",
        Op::Gt => ">",
        Op::Ge => ">=",
    }
}

#[cfg(test)]
#[path = "segment_tests.rs"]
mod tests;
