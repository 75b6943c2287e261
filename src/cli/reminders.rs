//! `regulars reminders [--days N] [--json]`: the birthdays and gotcha days
//! of the weekly review for scripts (a weekly mail from cron, say). JSON
//! field names are a contract (DESIGN.md).

use std::collections::HashMap;

use clap::Args;
use serde::Serialize;

use super::{Ctx, JsonFlag};
use crate::domain::reminders::{Kind, Reminder, by_household};
use crate::error::{Error, Result};
use crate::words::dates::{day_text, days_text};
use crate::words::review::household_text;

/// A year and a day: enough for any list, and every date appears once or twice.
const MAX_DAYS: i64 = 366;

#[derive(Debug, Args)]
pub struct RemindersArgs {
    /// Days ahead, after today.
    #[arg(long, default_value_t = 7, value_name = "N",
          value_parser = clap::value_parser!(u32).range(0..=MAX_DAYS))]
    days: u32,
    /// Only members who signed up at or visited this branch (a chain's branch name).
    #[arg(long, value_name = "NAME")]
    shop: Option<String>,
    #[command(flatten)]
    json: JsonFlag,
}

/// Full names of the members on the list, by id.
type Names = HashMap<i64, String>;

fn name_of(names: &Names, id: i64) -> String {
    names.get(&id).cloned().unwrap_or_default()
}

/// One entry of the JSON list. `turning` only when the year is known;
/// `member_name` and `occasion` (birthday or gotcha) are extras. Written
/// straight from this struct, in the fields' order (alphabetical, as the
/// list has always come): a month of a big club is ten thousand entries.
#[derive(Serialize)]
struct ReminderJson<'a> {
    date: String,
    days_until: i64,
    kind: &'static str,
    member_id: i64,
    member_name: &'a str,
    name: &'a str,
    occasion: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    turning: Option<i32>,
}

fn reminder_json<'a>(r: &'a Reminder, names: &'a Names) -> ReminderJson<'a> {
    let a = &r.anniversary;
    let member_name = names.get(&a.member_id).map_or("", String::as_str);
    ReminderJson {
        date: r.date.format("%Y-%m-%d").to_string(),
        kind: a.kind.code(),
        member_id: a.member_id,
        name: match a.kind {
            Kind::Member => member_name,
            Kind::Child | Kind::Pet => &a.name,
        },
        days_until: r.days_until,
        member_name,
        occasion: a.occasion.code(),
        turning: r.turning,
    }
}

/// Days as headings, a member's household on each line.
fn text(reminders: &[Reminder], names: &Names, today: chrono::NaiveDate) -> String {
    let mut out = String::new();
    let mut last_day = None;
    for day in by_household(reminders) {
        if last_day != Some(day.date) {
            let days_until = (day.date - today).num_days();
            out.push_str(&format!(
                "{} ({})\n",
                day_text(day.date),
                days_text(days_until)
            ));
            last_day = Some(day.date);
        }
        let name = name_of(names, day.member_id);
        out.push_str(&format!("  {}\n", household_text(&day, &name)));
    }
    out
}

pub fn run_reminders(ctx: &mut Ctx, a: RemindersArgs) -> Result<()> {
    let today = ctx.clock.today();
    let branch = crate::ops::branch::narrowed_to(ctx, a.shop.as_deref())?;
    let (found, names) = crate::ops::review::reminders_at(ctx, a.days, branch.as_ref())?;
    let output = if a.json.json {
        let list: Vec<ReminderJson> = found.iter().map(|r| reminder_json(r, &names)).collect();
        let text = serde_json::to_string(&list).map_err(|e| Error::Other(e.to_string()))?;
        format!("{text}\n")
    } else if found.is_empty() {
        let none = crate::i18n::t_count("cli-reminders-none", "days", i64::from(a.days));
        format!("{none}\n")
    } else {
        text(&found, &names, today)
    };
    let output = match &branch {
        Some(b) if !a.json.json => format!("{}{output}", crate::words::branch::branch_line(b)),
        _ => output,
    };
    super::stdout::print(&output)
}
