//! Which way a shop writes a short date: `3/4` is the 3rd of April in most
//! of the world and March 4th in the United States. Every typed date (a
//! birthday at signup, a child's or pet's day, on the counter or the
//! command line) is read with the shop's one order, decided by its country.

/// The order of day and month in a date typed with slashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// `14/3/1986`, `14.3.` — most countries.
    #[default]
    DayFirst,
    /// `3/14/1986` — the United States and the places that follow its usage.
    MonthFirst,
}

/// Countries (ISO 3166 alpha-2) where a slashed date is month first.
const MONTH_FIRST: &[&str] = &["US", "PR", "GU", "VI", "AS", "MP", "UM", "FM", "MH", "PW"];

impl DateOrder {
    /// The order a shop in `country` uses.
    pub fn for_country(country: &str) -> DateOrder {
        if MONTH_FIRST
            .iter()
            .any(|c| c.eq_ignore_ascii_case(country.trim()))
        {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        }
    }

    pub fn month_first(self) -> bool {
        self == DateOrder::MonthFirst
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_united_states_write_the_month_first_the_rest_the_day() {
        assert_eq!(DateOrder::for_country("US"), DateOrder::MonthFirst);
        assert_eq!(DateOrder::for_country("us"), DateOrder::MonthFirst);
        for country in ["HR", "IL", "CN", "TH", "GB", "DE", ""] {
            assert_eq!(DateOrder::for_country(country), DateOrder::DayFirst);
        }
    }
}
