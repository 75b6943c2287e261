//! How values are drawn on screen. Right-to-left text is put in drawing
//! order by `ui::direction`, for the terminal only; the wording and column layout that
//! the command line shares come from `words`.

pub use crate::words::dates::{
    birth, birthday, date_full, date_long, date_short, date_with_year, day_month, month_short,
    weekday_short,
};
pub use crate::words::numbers::{money, number};
pub use crate::words::text::{fit, graphemes, pad, take_cols, width, wrap};
