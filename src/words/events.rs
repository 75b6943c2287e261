//! Events in words: how many were invited against the capacity, and the
//! 90-day figures of a group, for `event show` and the Events screen.

use crate::domain::event::{AfterEvent, EventRow, GroupTotals};
use crate::domain::money::Currency;
use crate::i18n::{Value, t, t_args, t_values};
use crate::words::dates::date_with_year;
use crate::words::numbers::{decimal, money, number};

/// "12/20" when the event has a capacity, else "12".
pub fn invited_of(row: &EventRow) -> String {
    match row.event.capacity {
        Some(capacity) => format!("{}/{}", number(row.invited), number(capacity)),
        None => number(row.invited),
    }
}

/// "The 90 days after: 13 Sep 2026 – 11 Dec 2026", with a note when the
/// last of them has not passed yet.
pub fn after_title(after: &AfterEvent) -> String {
    let title = t_args(
        "event-after-title",
        &[
            ("from", &date_with_year(after.from)),
            ("to", &date_with_year(after.to)),
        ],
    );
    if after.complete {
        title
    } else {
        format!("{title} · {}", t("event-after-incomplete"))
    }
}

/// "Came: 9 members, 2.33 visits and €45.10 each on average", or "nobody".
pub fn group_line(label_key: &str, group: &GroupTotals, currency: Currency) -> String {
    let label = t(label_key);
    match (group.visits_each(), group.spend_each()) {
        (Some(visits), Some(spend)) => t_values(
            "event-group-line",
            &[
                ("group", Value::Text(&label)),
                ("count", Value::Number(group.members)),
                ("members", Value::Text(&number(group.members))),
                (
                    "visits",
                    Value::Text(&decimal((visits * 100.0).round() as i64, 2)),
                ),
                ("spend", Value::Text(&money(currency, spend))),
            ],
        ),
        _ => t_args("event-group-nobody", &[("group", &label)]),
    }
}
