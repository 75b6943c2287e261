//! `regulars event add/list/invite/attend/show`: community events, who was
//! invited and who came, and the 90 days after.

use std::path::PathBuf;

use clap::Subcommand;
use serde_json::{Value as Json, json};

use super::{Ctx, JsonFlag, stdout};
use crate::domain::event::{Event, EventRow, GroupTotals};
use crate::error::Result;
use crate::i18n::{Value, t, t_args, t_values};
use crate::ops::{event_invite, events, export_contacts, lookup};
use crate::words::dates::date_with_year;
use crate::words::events::{after_title, group_line, invited_of};
use crate::words::numbers::number;

#[derive(Debug, Subcommand)]
pub enum EventCommand {
    /// Add a club event.
    Add {
        /// What it is called.
        #[arg(long)]
        name: String,
        /// Its day.
        #[arg(long, value_name = "DATE")]
        date: String,
        /// How many people can come.
        #[arg(long, value_name = "N")]
        capacity: Option<i64>,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Every event, the latest first.
    List {
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Invite the consenting members of a segment; writes their contact list.
    Invite {
        /// The event's number.
        id: i64,
        /// A saved segment's name or an expression.
        #[arg(long, value_name = "EXPR|NAME")]
        segment: String,
        /// sms or email.
        #[arg(long, value_name = "sms|email")]
        channel: String,
        /// The file to write (default: the exports folder beside the database).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Mark a member as come to an event.
    Attend {
        /// The event's number.
        id: i64,
        /// The member: id, card, phone or email.
        key: String,
    },
    /// Who was invited, who came, and the 90 days after.
    Show {
        /// The event's number.
        id: i64,
        #[command(flatten)]
        json: JsonFlag,
    },
}

fn event_json(event: &Event) -> Json {
    json!({
        "id": event.id,
        "name": event.name,
        "date": event.date.to_string(),
        "capacity": event.capacity,
    })
}

fn row_json(row: &EventRow) -> Json {
    let mut value = event_json(&row.event);
    value["invited_count"] = json!(row.invited);
    value["attended_count"] = json!(row.attended);
    value
}

/// A group's per-member averages; null for a group of no one.
fn group_json(group: &GroupTotals) -> Json {
    json!({
        "members": group.members,
        "visits": group.visits_each(),
        "spend_minor": group.spend_each(),
    })
}

/// "#3  12 Sep 2026  Puppy training morning  invited 12/20, came 9".
fn row_line(row: &EventRow) -> String {
    format!(
        "#{}  {}  {}  {}",
        row.event.id,
        date_with_year(row.event.date),
        row.event.name,
        t_args(
            "event-invited-came",
            &[
                ("invited", &invited_of(row)),
                ("came", &number(row.attended))
            ]
        )
    )
}

pub fn run_event(ctx: &mut Ctx, command: EventCommand) -> Result<()> {
    match command {
        EventCommand::Add {
            name,
            date,
            capacity,
            json,
        } => {
            let event = events::add(ctx, &name, &date, capacity)?;
            if json.json {
                return stdout::print_line(event_json(&event));
            }
            stdout::print_line(t_args(
                "cli-event-added",
                &[
                    ("id", &event.id.to_string()),
                    ("name", &event.name),
                    ("date", &date_with_year(event.date)),
                ],
            ))
        }
        EventCommand::List { json } => {
            let rows = events::list(ctx)?;
            if json.json {
                return stdout::print_line(Json::from(
                    rows.iter().map(row_json).collect::<Vec<_>>(),
                ));
            }
            if rows.is_empty() {
                return stdout::print_line(t("event-none"));
            }
            for row in &rows {
                stdout::print_line(row_line(row))?;
            }
            Ok(())
        }
        EventCommand::Invite {
            id,
            segment,
            channel,
            out,
        } => {
            // The channel is checked before anything is read or written.
            let channel = export_contacts::channel(&channel)?;
            let done = event_invite::invite(ctx, id, &segment, channel, out.as_deref())?;
            let path = done.path.display().to_string();
            stdout::print_line(t_values(
                "event-invite-written",
                &[
                    ("count", Value::Number(done.written as i64)),
                    ("shown", Value::Text(&number(done.written as i64))),
                    ("path", Value::Text(&path)),
                ],
            ))?;
            if done.left_out > 0 {
                stdout::print_line(t_values(
                    "event-invite-left-out",
                    &[("count", Value::Number(done.left_out as i64))],
                ))?;
            }
            if done.over > 0 {
                let event = events::stored(ctx, id)?;
                stdout::print_line(t_values(
                    "event-invite-over",
                    &[
                        ("over", Value::Number(done.over)),
                        ("invited", Value::Number(done.invited)),
                        ("capacity", Value::Number(event.capacity.unwrap_or(0))),
                    ],
                ))?;
            }
            Ok(())
        }
        EventCommand::Attend { id, key } => {
            // The event is checked first: a wrong number says so, whoever KEY is.
            events::stored(ctx, id)?;
            let member = lookup::find_member(ctx, &key)?;
            let done = events::attend(ctx, id, member, "cli")?;
            let key = if done.invited {
                "event-attended"
            } else {
                "event-attended-uninvited"
            };
            stdout::print_line(t_args(
                key,
                &[("name", &done.name), ("event", &done.event.name)],
            ))
        }
        EventCommand::Show { id, json } => {
            let page = events::show(ctx, id)?;
            if json.json {
                let mut value = event_json(&page.event);
                value["invited"] = json!(page.invited);
                value["attended"] = json!(page.attended);
                value["after_90d"] = json!({
                    "from": page.after.from.to_string(),
                    "to": page.after.to.to_string(),
                    "complete": page.after.complete,
                    "attended": group_json(&page.after.attended),
                    "others": group_json(&page.after.others),
                });
                return stdout::print_line(value);
            }
            let row = EventRow {
                event: page.event.clone(),
                invited: page.invited.len() as i64,
                attended: page.attended.len() as i64,
            };
            let currency = ctx.config.currency();
            stdout::print_line(row_line(&row))?;
            stdout::print_line(after_title(&page.after))?;
            stdout::print_line(group_line(
                "event-group-came",
                &page.after.attended,
                currency,
            ))?;
            stdout::print_line(group_line(
                "event-group-others",
                &page.after.others,
                currency,
            ))
        }
    }
}
