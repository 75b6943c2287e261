//! Words shared by the screens and the commands: text in columns, dates
//! and ages, loyalty figures ("€37 to Gold"), the reminder and review
//! rows. Below both front ends, so neither borrows from the other; built
//! from plain values and the locale file, never from the database.

pub mod branch;
pub mod calendar;
pub mod club_health;
pub mod consent;
pub mod dates;
pub mod events;
pub mod examples;
pub mod family;
pub mod locale;
pub mod loyalty;
pub mod merge;
pub mod notes;
pub mod numbers;
pub mod review;
pub mod survey;
pub mod text;
