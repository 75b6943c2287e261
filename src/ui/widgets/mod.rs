//! Small drawing parts shared by the screens.

pub mod field;
pub mod field_order;
pub mod popup;
pub mod status_bar;
