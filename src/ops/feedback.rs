//! A feedback answer from the counter: NPS 0–10 or CSAT 1–5, from a
//! member or anonymous. A member's first answer earns the review bonus of
//! the loyalty config (once per member, as the config says).

use chrono::NaiveDateTime;

use crate::context::Ctx;
use crate::db;
use crate::domain::club_health::Answer;
use crate::error::{Error, Result};

/// An answer as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub id: i64,
    pub member_id: Option<i64>,
    /// The member's name; None for an anonymous answer.
    pub name: Option<String>,
    pub answer: Answer,
    pub at: NaiveDateTime,
    /// Whether the review bonus was given with this answer.
    pub bonus_given: bool,
}

/// The refusal for a score off its scale, naming the value and the scale.
pub fn out_of_range(answer: Answer) -> Error {
    let (lowest, highest) = answer.range();
    Error::user(
        "err-feedback-range",
        &[
            ("what", answer.label()),
            ("value", &answer.score().to_string()),
            ("lowest", &lowest.to_string()),
            ("highest", &highest.to_string()),
        ],
    )
}

/// Stores `answer` from `member` (None: anonymous), given `how` (counter,
/// cli). A score off its scale is refused and nothing is written.
pub fn record(ctx: &Ctx, member: Option<i64>, answer: Answer, how: &str) -> Result<Recorded> {
    if !answer.in_range() {
        return Err(out_of_range(answer));
    }
    let tx = super::begin(ctx)?;
    let name = match member {
        Some(id) => Some(
            db::members::get(&ctx.conn, id)?
                .ok_or_else(|| Error::user("err-member-not-found", &[("key", &id.to_string())]))?
                .full_name(),
        ),
        None => None,
    };
    let at = ctx.clock.now();
    let id = db::feedback::insert(&ctx.conn, member, answer, at, how)?;
    let bonus_given = match member {
        Some(member_id) => db::loyalty_bonus::review(&ctx.conn, ctx.program(), member_id, at)?,
        None => false,
    };
    tx.commit()?;
    Ok(Recorded {
        id,
        member_id: member,
        name,
        answer,
        at,
        bonus_given,
    })
}
