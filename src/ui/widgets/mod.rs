//! Small drawing parts shared by the screens.

pub mod field;
pub mod popup;
pub mod status_bar;
