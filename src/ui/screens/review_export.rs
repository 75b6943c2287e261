//! `x` on the weekly review: the list on screen as a CSV file for sending
//! messages elsewhere, with only contact details the member agreed to be
//! contacted on. The file goes next to the database (the data folder), or
//! into the current folder for a database in memory, readable by the owner
//! only.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::domain::review::{ReviewRow, Section};
use crate::error::{Error, Result};
use crate::i18n::{t_args, t_count};
use crate::words::review::reason_text;

const HEADER: [&str; 8] = [
    "name", "reason", "date", "channels", "phone", "email", "language", "message",
];

/// Text a spreadsheet would run as a formula ("=…", "+…", "-…", "@…") gets
/// a leading apostrophe: names and messages are typed by people.
fn cell(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text
    }
}

/// The CSV text of `rows`: a header, then one line per row. A phone only
/// with SMS or phone consent, an email only with email consent.
pub fn csv_text(rows: &[ReviewRow], today: NaiveDate) -> Result<String> {
    let mut out = csv::Writer::from_writer(vec![]);
    let fail = |e: csv::Error| Error::User(e.to_string());
    out.write_record(HEADER).map_err(fail)?;
    for row in rows {
        let channels: Vec<&str> = row.member.channels.iter().map(|c| c.code()).collect();
        let (message, language) = row.message.clone().unwrap_or_default();
        out.write_record([
            cell(row.full_name()),
            cell(reason_text(row, today)),
            row.date
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            channels.join(" "),
            row.consented_phone().unwrap_or_default().to_string(),
            row.consented_email().unwrap_or_default().to_string(),
            language,
            cell(message),
        ])
        .map_err(fail)?;
    }
    let bytes = out.into_inner().map_err(|e| Error::User(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `regulars-birthdays-7-days-2026-11-23.csv` and the like.
fn file_name(section: Section, days: u32, today: NaiveDate) -> String {
    let day = today.format("%Y-%m-%d");
    match section {
        Section::Birthdays => format!("regulars-birthdays-{days}-days-{day}.csv"),
        other => format!("regulars-{}-{day}.csv", other.code()),
    }
}

/// The folder of the database file; the current folder for one in memory.
fn folder(conn: &Connection) -> PathBuf {
    conn.path()
        .filter(|p| !p.is_empty())
        .and_then(|p| Path::new(p).parent().map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Writes the file and says where it went.
pub fn export(
    conn: &Connection,
    section: Section,
    days: u32,
    rows: &[ReviewRow],
    today: NaiveDate,
) -> Result<String> {
    let path = folder(conn).join(file_name(section, days, today));
    let text = csv_text(rows, today)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Names and phone numbers: for the owner's eyes only.
        options.mode(0o600);
    }
    let mut file = options.open(&path).map_err(|e| Error::io(&path, e))?;
    file.write_all(text.as_bytes())
        .map_err(|e| Error::io(&path, e))?;
    let shown = std::fs::canonicalize(&path).unwrap_or(path);
    Ok(t_args(
        "ui-review-exported",
        &[
            (
                "rows",
                &t_count("ui-review-rows", "count", rows.len() as i64),
            ),
            ("path", &shown.display().to_string()),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::review::{Reachable, missing_row};

    #[test]
    fn formulas_are_defused_and_phones_kept() {
        let member = Reachable {
            first_name: "=HYPERLINK(\"x\")".into(),
            phone: Some("+385911234567".into()),
            channels: vec![crate::domain::member::Channel::Sms],
            ..Reachable::default()
        };
        let row = missing_row(1, true, false, None, member);
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let text = csv_text(&[row], today).unwrap();
        let line = text.lines().nth(1).unwrap();
        assert!(line.starts_with("\"'=HYPERLINK"), "{line}");
        assert!(line.contains(",+385911234567,"), "{line}");
    }
}
