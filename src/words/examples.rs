//! The examples in hints and refusals, as a shop in its own country writes
//! them: a phone number in the country's own format, and a birthday in the
//! shop's date order. Every hint and every "not a phone number" or "not a
//! date" takes them from here, so the counter, the command line and the
//! help never disagree about how to write one.

use std::str::FromStr;

use phonenumber::Mode;
use phonenumber::metadata::DATABASE;

use crate::config::Config;
use crate::domain::date_order::DateOrder;
use crate::domain::member::FieldError;
use crate::message::Message;

/// A phone number of the country, as typed there and from abroad.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneExample {
    pub national: String,
    pub international: String,
}

/// A birthday without and with its year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExample {
    pub short: String,
    pub full: String,
}

/// Used when the country's numbering plan gives no example of its own.
const FALLBACK_PHONE: &str = "+12015550123";

/// An example mobile number of `country` (ISO 3166 alpha-2), from the
/// numbering plan the app reads phone numbers with, so the example is
/// always one the app accepts.
pub fn phone(country: &str) -> PhoneExample {
    let code = country.trim().to_uppercase();
    let number = phonenumber::country::Id::from_str(&code)
        .ok()
        .and_then(|id| {
            let meta = DATABASE.by_id(code.as_str())?;
            let example = meta
                .descriptors()
                .mobile()
                .or_else(|| meta.descriptors().fixed_line())?
                .example()?;
            phonenumber::parse(Some(id), example).ok()
        })
        .or_else(|| phonenumber::parse(None, FALLBACK_PHONE).ok());
    match number {
        Some(number) => PhoneExample {
            national: number.format().mode(Mode::National).to_string(),
            international: number.format().mode(Mode::International).to_string(),
        },
        None => PhoneExample {
            national: FALLBACK_PHONE.to_string(),
            international: FALLBACK_PHONE.to_string(),
        },
    }
}

/// 14 March 1986 as the shop types it: `14.3.` / `14.3.1986` where the day
/// comes first, `3/14` / `3/14/1986` where the month does. Both forms are
/// read back by the birthday parser with that order.
pub fn birthday(order: DateOrder) -> DateExample {
    match order {
        DateOrder::DayFirst => DateExample {
            short: "14.3.".into(),
            full: "14.3.1986".into(),
        },
        DateOrder::MonthFirst => DateExample {
            short: "3/14".into(),
            full: "3/14/1986".into(),
        },
    }
}

/// A refused field value, worded with the shop's examples where the
/// message shows one.
pub fn field_problem(problem: &FieldError, config: &Config) -> Message {
    let key = problem.message_key();
    match problem {
        FieldError::Phone => {
            let example = phone(&config.shop.country);
            Message::new(
                key,
                &[
                    ("national", &example.national),
                    ("international", &example.international),
                ],
            )
        }
        FieldError::Date => birthday_message(key, config.date_order()),
        _ => Message::plain(key),
    }
}

/// A message with `{ $short }` and `{ $full }`: the birthday hint, a
/// refused date.
pub fn birthday_message(key: &str, order: DateOrder) -> Message {
    let example = birthday(order);
    Message::new(key, &[("short", &example.short), ("full", &example.full)])
}

/// A birth date or age refused on the child and pet form: the example is a
/// child's date (2020), in the shop's date order, with `{ $full }`.
pub fn born_message(key: &str, order: DateOrder) -> Message {
    let full = match order {
        DateOrder::DayFirst => "14.3.2020",
        DateOrder::MonthFirst => "3/14/2020",
    };
    Message::new(key, &[("full", full)])
}

#[cfg(test)]
#[path = "examples_tests.rs"]
mod tests;
