//! The day/month order and the era of a whole file, decided from its own
//! dates before any row is read: `03/04/2026` is read the way the file's
//! unambiguous dates (`13/04/2026`) show, and a year like 2569 anywhere
//! says the file counts years in the Buddhist era.

use super::dates::{DateOrder, Piece, is_buddhist_year, tokenize};

/// Evidence about the day/month order, gathered over a whole file first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateVotes {
    pub day_first: u64,
    pub month_first: u64,
    pub ambiguous: u64,
    pub buddhist: bool,
}

/// The order a file's dates are read in, and whether that was a guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderDecision {
    pub order: DateOrder,
    /// Some dates could be read both ways and none decided it.
    pub guessed: bool,
}

impl DateVotes {
    pub fn observe(&mut self, text: &str) {
        // Year first (ISO): nothing to decide but the era; no need to tokenize.
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 4 {
            self.buddhist |= text[..4].parse::<i32>().is_ok_and(is_buddhist_year);
            return;
        }
        let Ok(parts) = tokenize(text) else { return };
        match parts.date.as_slice() {
            [Piece::Num(y, 4), ..] => self.buddhist |= is_buddhist_year(*y as i32),
            [Piece::Num(a, _), Piece::Num(b, _), Piece::Num(y, w)] => {
                self.buddhist |= *w == 4 && is_buddhist_year(*y as i32);
                match (*a > 12, *b > 12) {
                    (true, false) => self.day_first += 1,
                    (false, true) => self.month_first += 1,
                    (false, false) if a != b => self.ambiguous += 1,
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// The majority decides; without any evidence the locale's order is used.
    pub fn decide(&self, locale_order: DateOrder) -> OrderDecision {
        let order = match self.day_first.cmp(&self.month_first) {
            std::cmp::Ordering::Greater => DateOrder::DayFirst,
            std::cmp::Ordering::Less => DateOrder::MonthFirst,
            std::cmp::Ordering::Equal => locale_order,
        };
        OrderDecision {
            order,
            guessed: self.day_first == 0 && self.month_first == 0 && self.ambiguous > 0,
        }
    }
}

/// The order people in `country` write dates in when the year comes last.
pub fn locale_order(country: &str) -> DateOrder {
    const MONTH_FIRST: [&str; 9] = ["US", "PH", "FM", "MH", "PW", "AS", "GU", "PR", "VI"];
    if MONTH_FIRST.contains(&country.to_uppercase().as_str()) {
        DateOrder::MonthFirst
    } else {
        DateOrder::DayFirst
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_decided_by_the_data() {
        let mut votes = DateVotes::default();
        for d in ["4/5/26 5:11 PM", "4/20/26 1:00 PM", "5/5/26 9:00 AM"] {
            votes.observe(d);
        }
        let decision = votes.decide(DateOrder::DayFirst);
        assert_eq!(decision.order, DateOrder::MonthFirst);
        assert!(!decision.guessed);

        let mut votes = DateVotes::default();
        votes.observe("03/04/2026 10:00");
        let decision = votes.decide(DateOrder::DayFirst);
        assert_eq!(
            decision,
            OrderDecision {
                order: DateOrder::DayFirst,
                guessed: true
            }
        );

        let mut votes = DateVotes::default();
        votes.observe("2026-04-03");
        votes.observe("13/05/2569");
        assert!(votes.buddhist);
        assert_eq!(
            votes.decide(DateOrder::MonthFirst).order,
            DateOrder::DayFirst
        );
        assert_eq!(locale_order("us"), DateOrder::MonthFirst);
        assert_eq!(locale_order("HR"), DateOrder::DayFirst);
    }

    #[test]
    fn only_years_that_convert_into_range_are_buddhist() {
        for text in ["9999-12-31", "2400-01-01", "31/12/9999", "0000-01-01"] {
            let mut votes = DateVotes::default();
            votes.observe(text);
            assert!(!votes.buddhist, "{text}");
        }
        let mut votes = DateVotes::default();
        votes.observe("2743-12-31");
        assert!(votes.buddhist);
    }
}
