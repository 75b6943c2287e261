//! Pure rules of the club: no I/O, every function that depends on the date
//! takes `today` as an argument.

pub mod birth_calendar;
pub mod birth_calendar_input;
pub mod branch;
pub mod club_health;
pub mod consent;
pub mod contact;
pub mod date_order;
pub mod dates;
pub mod event;
pub mod family;
pub mod habits;
pub mod lapsed;
pub mod ledger;
pub mod loyalty_config;
pub mod member;
pub mod merge;
pub mod money;
pub mod note;
pub mod points;
pub mod receipt;
pub mod reminder_messages;
pub mod reminders;
pub mod review;
pub mod same_name;
pub mod segment;
pub mod segment_parse;
pub mod survey;
pub mod tiers;

#[cfg(test)]
mod club_health_tests;
#[cfg(test)]
mod member_tests;
