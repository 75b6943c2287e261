//! `survey export [--segment EXPR|NAME] --channel sms|email [--out FILE]`
//! and `survey import FILE`, each with `--json`.

use std::collections::HashSet;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde_json::json;

use super::{Ctx, JsonFlag, stdout};
use crate::error::Result;
use crate::i18n::{Value, t_values};
use crate::ops::{export_contacts, segments, survey_export, survey_import};

#[derive(Debug, Subcommand)]
pub enum SurveyCommand {
    /// Write the questions and the members a survey may go to.
    Export(ExportArgs),
    /// Take answers back from a CSV with a member column.
    Import(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// sms or email: the members who agreed to it.
    #[arg(long, value_name = "sms|email")]
    channel: String,
    /// Only the members of this segment: a saved segment's name or an
    /// expression, e.g. "pet=dog and children".
    #[arg(long, value_name = "EXPR|NAME")]
    segment: Option<String>,
    /// The file to write (default: the export folder).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    json: JsonFlag,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV: a member column (id, phone, email or card) and one column
    /// per question, headed with its words.
    file: PathBuf,
    #[command(flatten)]
    json: JsonFlag,
}

pub fn run_survey(ctx: &Ctx, cmd: SurveyCommand) -> Result<()> {
    match cmd {
        SurveyCommand::Export(a) => export(ctx, a),
        SurveyCommand::Import(a) => import(ctx, a),
    }
}

fn export(ctx: &Ctx, a: ExportArgs) -> Result<()> {
    let channel = export_contacts::channel(&a.channel)?;
    let members: Option<HashSet<i64>> = match &a.segment {
        Some(segment) => Some(segments::members(ctx, segment)?.into_iter().collect()),
        None => None,
    };
    let written = survey_export::export(ctx, channel, members.as_ref(), a.out.as_deref())?;
    let path = written.path.display().to_string();
    let questions_path = written.questions_path.display().to_string();
    if a.json.json {
        return stdout::print_line(json!({
            "path": path,
            "questions_path": questions_path,
            "respondents": written.rows,
            "questions": written.questions.iter().map(|q| json!({
                "text": q.text.trim(),
                "kind": q.kind.code(),
                "choices": q.choices,
            })).collect::<Vec<_>>(),
        }));
    }
    stdout::print_line(t_values(
        "cli-survey-exported",
        &[
            ("count", Value::Number(written.rows as i64)),
            ("path", Value::Text(&path)),
            ("questions", Value::Text(&questions_path)),
        ],
    ))
}

fn import(ctx: &Ctx, a: ImportArgs) -> Result<()> {
    let done = survey_import::import(ctx, &a.file)?;
    let file = a.file.display().to_string();
    if a.json.json {
        stdout::print_line(json!({
            "members": done.members,
            "answers": done.answers,
            "skipped": done.skipped.iter().map(|s| json!({
                "line": s.line,
                "problem": s.problem.to_string(),
            })).collect::<Vec<_>>(),
        }))?;
    } else {
        for s in &done.skipped {
            eprintln!(
                "{}",
                t_values(
                    "cli-survey-skipped",
                    &[
                        ("path", Value::Text(&file)),
                        ("line", Value::Number(s.line as i64)),
                        ("problem", Value::Text(&s.problem.to_string())),
                    ],
                )
            );
        }
        stdout::print_line(t_values(
            "cli-survey-imported",
            &[
                ("count", Value::Number(done.members as i64)),
                ("answers", Value::Number(done.answers as i64)),
                ("skipped", Value::Number(done.skipped.len() as i64)),
            ],
        ))?;
    }
    if done.members == 0 {
        // Nothing taken: scripts read the exit code (the lines above say why).
        std::process::exit(1);
    }
    Ok(())
}
