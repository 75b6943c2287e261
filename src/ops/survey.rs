//! The owner's survey: answers stored from the card or from a file of a
//! printed or online survey, and each question's summary for Stats.

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::context::Ctx;
use crate::db;
pub use crate::domain::survey::QuestionSummary;
use crate::domain::survey::{Given, Question, Summary, summarise};
use crate::error::{Error, Result};

/// The questions of the config, in order.
pub fn questions(ctx: &Ctx) -> &[Question] {
    &ctx.config.survey.questions
}

/// Stores `member`'s answer to `question`, dated by the clock. `how` says
/// where it came from (counter, import).
pub fn record(
    ctx: &Ctx,
    member: i64,
    question: &Question,
    given: &Given,
    how: &str,
) -> Result<i64> {
    let tx = super::begin(ctx)?;
    // An erased member is no longer there to answer.
    if db::members::get(&ctx.conn, member)?.is_none() {
        return Err(Error::user(
            "err-member-not-found",
            &[("key", &member.to_string())],
        ));
    }
    let id = db::survey::insert(&ctx.conn, member, question, given, ctx.clock.now(), how)?;
    tx.commit()?;
    Ok(id)
}

/// Each configured question's summary from `from` through `to`.
pub fn summary(ctx: &Ctx, from: NaiveDate, to: NaiveDate) -> Result<Vec<QuestionSummary>> {
    questions(ctx)
        .iter()
        .map(|q| {
            let answers = db::survey::answers(&ctx.conn, &q.text, q.kind, from, to)?;
            Ok(QuestionSummary {
                question: q.text.trim().to_string(),
                kind: q.kind,
                answers: answers.len(),
                summary: summarise(q.kind, &q.choices, &answers),
            })
        })
        .collect()
}

/// The `survey` of `stats --json`: `[{question, kind, answers,
/// mean|choices|latest}]`; a mean without answers is null.
pub fn summary_json(summaries: &[QuestionSummary]) -> Value {
    Value::Array(
        summaries
            .iter()
            .map(|s| {
                let mut object = json!({
                    "question": s.question,
                    "kind": s.kind.code(),
                    "answers": s.answers,
                });
                let (name, value) = match &s.summary {
                    // Two decimals: a mean of scores, not a measurement.
                    Summary::Mean(mean) => {
                        ("mean", json!(mean.map(|m| (m * 100.0).round() / 100.0)))
                    }
                    Summary::Choices(counts) => (
                        "choices",
                        Value::Array(
                            counts
                                .iter()
                                .map(|(choice, count)| json!({"choice": choice, "count": count}))
                                .collect(),
                        ),
                    ),
                    Summary::Latest(latest) => ("latest", json!(latest)),
                };
                object[name] = value;
                object
            })
            .collect(),
    )
}
