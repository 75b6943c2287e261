//! Pure rules of the club: no I/O, every function that depends on the date
//! takes `today` as an argument.

pub mod dates;
pub mod family;
pub mod loyalty_config;
pub mod member;
pub mod money;
pub mod points;
pub mod tiers;

#[cfg(test)]
mod member_tests;
