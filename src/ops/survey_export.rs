//! `survey export`: the questions, and the members a survey may go to on
//! one channel. The respondents are chosen exactly as `export contacts`
//! chooses them (consent now, not suppressed, not erased), and the file
//! has one empty column per question, so the same file, filled in, is
//! what `survey import` reads back.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::context::Ctx;
use crate::domain::member::Channel;
use crate::domain::survey::{Kind, Question};
use crate::error::{Error, Result};
use crate::i18n::t_args;
use crate::ops::csv_file::{self, neutralise};
use crate::ops::export_contacts::{Phones, contact_header, contact_record, contacts};

/// The column that names the member, in the export and the import.
pub const MEMBER_COLUMN: &str = "member";

/// A survey written: the respondent list and the questions beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyFiles {
    pub path: PathBuf,
    pub questions_path: PathBuf,
    pub rows: usize,
    pub questions: Vec<Question>,
}

/// The questions of the config, or a refusal saying where to write them.
pub fn asked(ctx: &Ctx) -> Result<&[Question]> {
    let questions = super::survey::questions(ctx);
    if questions.is_empty() {
        return Err(Error::user("err-survey-none", &[]));
    }
    Ok(questions)
}

/// Writes the respondents of `channel` (with `only`, just those members)
/// to `out`, or to the export folder as `regulars-survey-sms-2026-11-23.csv`,
/// and the questions to a text file named after it.
pub fn export(
    ctx: &Ctx,
    channel: Channel,
    only: Option<&HashSet<i64>>,
    out: Option<&Path>,
) -> Result<SurveyFiles> {
    let questions = asked(ctx)?.to_vec();
    let rows = contacts(ctx, channel, only)?;
    let path = match out {
        Some(path) => path.to_path_buf(),
        None => crate::ops::export_contacts::exports_folder(ctx)?.join(format!(
            "regulars-survey-{}-{}.csv",
            channel.code(),
            ctx.clock.today().format("%Y-%m-%d")
        )),
    };
    let mut csv = csv::Writer::from_writer(vec![]);
    let fail = |e: csv::Error| Error::Other(e.to_string());
    let header: Vec<String> = std::iter::once(MEMBER_COLUMN.to_string())
        .chain(contact_header(channel).iter().map(|c| c.to_string()))
        .chain(
            questions
                .iter()
                .map(|q| neutralise(q.text.trim().to_string())),
        )
        .collect();
    csv.write_record(&header).map_err(fail)?;
    for row in &rows {
        let cells: Vec<String> = std::iter::once(row.member_id.to_string())
            .chain(contact_record(ctx, channel, row, Phones::National))
            .chain(questions.iter().map(|_| String::new()))
            .collect();
        csv.write_record(&cells).map_err(fail)?;
    }
    let bytes = csv.into_inner().map_err(|e| Error::Other(e.to_string()))?;
    let path = csv_file::write_private(&path, &String::from_utf8_lossy(&bytes))?;
    let questions_path = questions_path(&path);
    let text = questions_text(&questions);
    let questions_path = csv_file::write_owner_only(&questions_path, text.as_bytes())?;
    Ok(SurveyFiles {
        path,
        questions_path,
        rows: rows.len(),
        questions,
    })
}

/// `survey.csv` → `survey-questions.txt`, beside it.
fn questions_path(list: &Path) -> PathBuf {
    let stem = list
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    list.with_file_name(format!("{stem}-questions.txt"))
}

/// The questions numbered, each with how it is answered, in the shop's
/// language: the text of a printed or online survey.
pub fn questions_text(questions: &[Question]) -> String {
    questions
        .iter()
        .enumerate()
        .map(|(i, q)| format!("{}. {}\n   {}\n", i + 1, q.text.trim(), how_answered(q)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// "0–10 (0 = not at all likely, 10 = extremely likely)", "one of: …".
pub fn how_answered(q: &Question) -> String {
    match q.kind {
        Kind::Nps => t_args("survey-answer-nps", &[]),
        Kind::Csat => t_args("survey-answer-csat", &[]),
        Kind::Choice => {
            let choices: Vec<&str> = q.choices.iter().map(|c| c.trim()).collect();
            t_args("survey-answer-choice", &[("choices", &choices.join(" / "))])
        }
        Kind::Text => t_args("survey-answer-text", &[]),
    }
}
