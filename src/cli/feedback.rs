//! `feedback KEY|--anonymous --nps N | --csat N [--json]`.

use clap::{ArgGroup, Args};

use super::{Ctx, JsonFlag, stdout};
use crate::domain::club_health::Answer;
use crate::error::Result;
use crate::i18n::t_args;
use crate::ops::{feedback, lookup};

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("who").required(true).args(["key", "anonymous"])))]
#[command(group(ArgGroup::new("scale").required(true).args(["nps", "csat"])))]
pub struct FeedbackArgs {
    /// The member: id, card, phone or email.
    key: Option<String>,
    /// An answer from someone not named.
    #[arg(long)]
    anonymous: bool,
    /// How likely they are to recommend the shop, 0–10.
    #[arg(long, value_name = "0-10", allow_negative_numbers = true)]
    nps: Option<i64>,
    /// How satisfied they are, 1–5.
    #[arg(long, value_name = "1-5", allow_negative_numbers = true)]
    csat: Option<i64>,
    #[command(flatten)]
    json: JsonFlag,
}

pub fn run_feedback(ctx: &Ctx, a: FeedbackArgs) -> Result<()> {
    let answer = match (a.nps, a.csat) {
        (Some(score), _) => Answer::Nps(score),
        (None, score) => Answer::Csat(score.unwrap_or_default()),
    };
    // The score is checked before the key is looked up: a typo in the
    // score is the likelier mistake and names itself.
    if !answer.in_range() {
        return Err(feedback::out_of_range(answer));
    }
    let member = match &a.key {
        Some(key) => Some(lookup::find_member(ctx, key)?),
        None => None,
    };
    let saved = feedback::record(ctx, member, answer, "cli")?;
    if a.json.json {
        let (nps, csat) = match saved.answer {
            Answer::Nps(score) => (Some(score), None),
            Answer::Csat(score) => (None, Some(score)),
        };
        return stdout::print_line(serde_json::json!({
            "id": saved.id,
            "member_id": saved.member_id,
            "nps": nps,
            "csat": csat,
            "at": saved.at.format("%Y-%m-%d %H:%M:%S").to_string(),
            "review_bonus": saved.bonus_given,
        }));
    }
    let what = saved.answer.label();
    let score = saved.answer.score().to_string();
    let line = match (&saved.name, saved.member_id) {
        (Some(name), Some(id)) => t_args(
            "cli-feedback-saved",
            &[
                ("what", what),
                ("score", &score),
                ("name", name),
                ("id", &id.to_string()),
            ],
        ),
        _ => t_args(
            "cli-feedback-saved-anonymous",
            &[("what", what), ("score", &score)],
        ),
    };
    stdout::print_line(line)
}
