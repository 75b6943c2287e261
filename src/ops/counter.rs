//! The counter's list: the members a search finds, each with the nearest
//! birthday in their household, so a row can say "birthday in 3 days".

use crate::context::Ctx;
use crate::db;
use crate::domain::reminders::{Kind, Window};
use crate::error::Result;
use crate::ops::lookup;
use crate::ops::lookup::MemberRow;

/// One member in the list, with what the row shows worked out at load.
#[derive(Debug, Clone, PartialEq)]
pub struct CounterRow {
    pub member: MemberRow,
    /// Days until the next birthday (or gotcha day) of the member, a child
    /// or a pet, when it is within the days asked for.
    pub birthday_in: Option<i64>,
    /// Whose it is when not the member's own: "Noam".
    pub birthday_of: Option<String>,
}

/// The members `text` finds, best first, at most `limit`, with their
/// points as they stand (the counter searches again on every key; points
/// are settled when the counter is shown) and the household's birthdays
/// within `days`.
pub fn counter_rows(ctx: &Ctx, text: &str, limit: usize, days: u32) -> Result<Vec<CounterRow>> {
    let today = ctx.clock.today();
    let members = lookup::rows_as_they_stand(ctx, text, limit)?;
    // One query for the households of every row shown.
    let ids: Vec<i64> = members.iter().map(|m| m.id).collect();
    let window = Window::new(today, days, ctx.config.dates.feb29);
    let households = db::reminders::of_households(&ctx.conn, &ids, &window)?;
    Ok(members
        .into_iter()
        .map(|member| {
            let soonest = households.get(&member.id).and_then(|list| list.first());
            CounterRow {
                birthday_in: soonest.map(|r| r.days_until),
                birthday_of: soonest
                    .filter(|r| r.anniversary.kind != Kind::Member)
                    .map(|r| r.anniversary.name.clone()),
                member,
            }
        })
        .collect())
}
