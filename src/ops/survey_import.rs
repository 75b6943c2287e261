//! `survey import FILE`: answers of a printed or online survey taken back
//! by member key. The file has a `member` column (id, phone, email or
//! card) and one column per question, headed with the question's words,
//! as `survey export` writes it. A row that cannot be read is reported
//! with its line and skipped whole; the rest is stored in one transaction,
//! so a file that fails leaves the club as it was.

use std::path::Path;

use crate::context::Ctx;
use crate::db;
use crate::domain::survey::{Given, Question};
use crate::error::{Error, Result};
use crate::message::Message;
use crate::ops::lookup;
use crate::ops::survey_export::{MEMBER_COLUMN, asked, how_answered};

/// Columns of the export that are not answers: read past.
const CONTACT_COLUMNS: &[&str] = &["first_name", "family_name", "phone", "email", "language"];

/// A row skipped, by its line in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub line: u64,
    pub problem: Message,
}

/// What an import took.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Imported {
    /// Members whose answers were stored.
    pub members: usize,
    pub answers: usize,
    pub skipped: Vec<Skipped>,
}

/// Reads `path` and stores its answers, dated today.
pub fn import(ctx: &Ctx, path: &Path) -> Result<Imported> {
    let questions = asked(ctx)?;
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    // The export starts with a byte order mark for spreadsheets.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let file = path.display().to_string();
    let header = reader
        .headers()
        .map_err(|e| {
            Error::user(
                "err-survey-import-read",
                &[("path", &file), ("detail", &e.to_string())],
            )
        })?
        .clone();
    let columns = read_header(&header, questions, &file)?;
    let tx = super::begin(ctx)?;
    let mut done = Imported::default();
    for record in reader.records() {
        let (line, record) = match record {
            Ok(r) => (r.position().map_or(0, |p| p.line()), r),
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                let problem = Message::verbatim(e.to_string());
                done.skipped.push(Skipped { line, problem });
                continue;
            }
        };
        match read_row(ctx, &record, &columns) {
            Ok(None) => {}
            Ok(Some((member, answers))) => {
                for (question, given) in &answers {
                    db::survey::insert(
                        &ctx.conn,
                        member,
                        question,
                        given,
                        ctx.clock.now(),
                        "import",
                    )?;
                }
                done.members += 1;
                done.answers += answers.len();
            }
            Err(problem) => done.skipped.push(Skipped { line, problem }),
        }
    }
    tx.commit()?;
    Ok(done)
}

/// Where the member and each question are in the file.
struct Columns<'q> {
    member: usize,
    questions: Vec<(usize, &'q Question)>,
}

fn read_header<'q>(
    header: &csv::StringRecord,
    questions: &'q [Question],
    file: &str,
) -> Result<Columns<'q>> {
    let mut member = None;
    let mut found = vec![];
    for (i, name) in header.iter().enumerate() {
        let name = name.trim();
        // The export guards a question starting like a formula with `'`.
        let unguarded = name
            .strip_prefix('\'')
            .filter(|rest| rest.starts_with(['=', '+', '-', '@']))
            .unwrap_or(name);
        if name.eq_ignore_ascii_case(MEMBER_COLUMN) {
            member = Some(i);
        } else if let Some(q) = questions.iter().find(|q| q.text.trim() == unguarded) {
            found.push((i, q));
        } else if !CONTACT_COLUMNS.contains(&name) && !name.is_empty() {
            // A renamed question would lose its answers without a word.
            return Err(Error::user(
                "err-survey-import-column",
                &[("path", file), ("column", name)],
            ));
        }
    }
    let Some(member) = member else {
        return Err(Error::user(
            "err-survey-import-no-member",
            &[("path", file)],
        ));
    };
    if found.is_empty() {
        return Err(Error::user(
            "err-survey-import-no-question",
            &[("path", file)],
        ));
    }
    Ok(Columns {
        member,
        questions: found,
    })
}

/// A member and their answers to the questions, from one row.
type RowAnswers<'q> = (i64, Vec<(&'q Question, Given)>);

/// The member and their answers in one row; None when the row answers
/// nothing; the problem when it cannot be taken.
fn read_row<'q>(
    ctx: &Ctx,
    record: &csv::StringRecord,
    columns: &Columns<'q>,
) -> std::result::Result<Option<RowAnswers<'q>>, Message> {
    let mut answers = vec![];
    for (i, question) in &columns.questions {
        let written = record.get(*i).unwrap_or_default();
        if written.trim().is_empty() {
            continue;
        }
        match question.read(written) {
            Some(given) => answers.push((*question, given)),
            None => {
                return Err(Message::new(
                    "err-survey-import-answer",
                    &[
                        ("column", question.text.trim()),
                        ("value", written.trim()),
                        ("expected", &how_answered(question)),
                    ],
                ));
            }
        }
    }
    let key = record.get(columns.member).unwrap_or_default().trim();
    if key.is_empty() {
        return if answers.is_empty() {
            Ok(None)
        } else {
            Err(Message::plain("err-survey-import-no-key"))
        };
    }
    if answers.is_empty() {
        return Ok(None);
    }
    match lookup::member_by_key(ctx, key) {
        Ok(Some(member)) => Ok(Some((member, answers))),
        Ok(None) => Err(Message::new("err-member-not-found", &[("key", key)])),
        Err(e) => Err(e.message()),
    }
}
