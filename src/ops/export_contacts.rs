//! `export contacts`: the members a message on one channel may go to —
//! consent granted now, the contact not on the suppression list, not
//! erased — as a CSV file for an SMS or email tool, or as vCards.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::context::Ctx;
use crate::db;
use crate::db::consenting::Consenting;
use crate::domain::member::{Channel, display_phone};
use crate::error::{Error, Result};
use crate::ops::csv_file::{self, neutralise};
use crate::ops::suppression::SuppressionCheck;
use crate::ops::vcard;

/// The channels a contact list is made for.
pub fn channel(code: &str) -> Result<Channel> {
    match Channel::from_code(code) {
        Some(c @ (Channel::Sms | Channel::Email)) => Ok(c),
        _ => Err(Error::user("err-export-channel", &[("value", code)])),
    }
}

/// Everyone who may be messaged on `channel`, by name; with `only`, just
/// those members (a segment narrows the list this way). The one selection
/// every contact export goes through.
pub fn contacts(
    ctx: &Ctx,
    channel: Channel,
    only: Option<&HashSet<i64>>,
) -> Result<Vec<Consenting>> {
    // One read transaction: the consents and the list as of one moment.
    let tx = ctx.conn.unchecked_transaction()?;
    let check = SuppressionCheck::load(&ctx.conn)?;
    let rows = db::consenting::on_channel(&ctx.conn, channel)?
        .into_iter()
        .filter(|r| only.is_none_or(|ids| ids.contains(&r.member_id)))
        .filter(|r| !check.is_suppressed(channel, &r.contact))
        .collect();
    tx.commit()?;
    Ok(rows)
}

/// How the phones are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phones {
    /// As the shop dials them (`091 234 5678`), others internationally.
    National,
    /// `+385912345678`, as SMS tools want them; not guarded as a formula.
    Raw,
}

/// The CSV text: `first_name,family_name,phone|email,language`.
pub fn csv_text(
    ctx: &Ctx,
    channel: Channel,
    rows: &[Consenting],
    phones: Phones,
) -> Result<String> {
    let mut out = csv::Writer::from_writer(vec![]);
    let fail = |e: csv::Error| Error::Other(e.to_string());
    out.write_record(contact_header(channel)).map_err(fail)?;
    for row in rows {
        out.write_record(contact_record(ctx, channel, row, phones))
            .map_err(fail)?;
    }
    let bytes = out.into_inner().map_err(|e| Error::Other(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The columns every contact list starts with.
pub fn contact_header(channel: Channel) -> [&'static str; 4] {
    [
        "first_name",
        "family_name",
        channel_column(channel),
        "language",
    ]
}

/// A member's cells under [`contact_header`], guarded against formulas
/// (raw phones excepted: an SMS tool wants them as they are).
pub fn contact_record(
    ctx: &Ctx,
    channel: Channel,
    row: &Consenting,
    phones: Phones,
) -> [String; 4] {
    let contact = match (channel, phones) {
        (Channel::Email, _) => neutralise(row.contact.clone()),
        (_, Phones::Raw) => row.contact.clone(),
        (_, Phones::National) => neutralise(display_phone(&row.contact, ctx.config.country())),
    };
    [
        neutralise(row.first_name.clone()),
        neutralise(row.family_name.clone()),
        contact,
        neutralise(row.language.clone().unwrap_or_default()),
    ]
}

fn channel_column(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "email",
        _ => "phone",
    }
}

/// The file a contact list is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    /// For a spreadsheet or an SMS/email tool, phones as chosen.
    Csv(Phones),
    /// vCard 4.0, one card per member, for an address book.
    Vcard,
}

impl ListFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ListFormat::Csv(_) => "csv",
            ListFormat::Vcard => "vcf",
        }
    }
}

/// A contact list written.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactsFile {
    pub path: PathBuf,
    pub rows: usize,
}

/// Writes the list for `channel` to `out`, or to the export folder as
/// `regulars-contacts-sms-2026-11-23.csv`, and says where it went.
pub fn export_contacts(
    ctx: &Ctx,
    channel: Channel,
    only: Option<&HashSet<i64>>,
    out: Option<&Path>,
    phones: Phones,
) -> Result<ContactsFile> {
    export_list(ctx, channel, only, out, ListFormat::Csv(phones))
}

/// [`export_contacts`] in any format: `.vcf` for vCard.
pub fn export_list(
    ctx: &Ctx,
    channel: Channel,
    only: Option<&HashSet<i64>>,
    out: Option<&Path>,
    format: ListFormat,
) -> Result<ContactsFile> {
    let rows = contacts(ctx, channel, only)?;
    let path = match out {
        Some(path) => path.to_path_buf(),
        None => exports_folder(ctx)?.join(format!(
            "regulars-contacts-{}-{}.{}",
            channel.code(),
            ctx.clock.today().format("%Y-%m-%d"),
            format.extension()
        )),
    };
    write_list(ctx, channel, &rows, format, &path)
}

/// Writes rows [`contacts`] chose to `path` (owner only) in `format`.
pub fn write_list(
    ctx: &Ctx,
    channel: Channel,
    rows: &[Consenting],
    format: ListFormat,
    path: &Path,
) -> Result<ContactsFile> {
    let path = match format {
        ListFormat::Csv(phones) => {
            csv_file::write_private(path, &csv_text(ctx, channel, rows, phones)?)?
        }
        ListFormat::Vcard => {
            csv_file::write_owner_only(path, vcard::cards(channel, rows).as_bytes())?
        }
    };
    Ok(ContactsFile {
        path,
        rows: rows.len(),
    })
}

/// The one folder every export without a named file goes to: the
/// config's `export_dir` when the owner chose one (not made: a mistyped
/// folder is reported, not created somewhere unexpected), else `exports/`
/// beside the database file, made private on first use like `backups/`.
pub fn exports_folder(ctx: &Ctx) -> Result<PathBuf> {
    let folder = exports_folder_name(ctx)?;
    if ctx.config.export_dir().is_none() {
        crate::paths::make_private_folder(&folder)?;
    }
    Ok(folder)
}

/// Where [`exports_folder`] is, without making it (to say so before
/// anything is written). A club in memory with no folder chosen has none.
pub fn exports_folder_name(ctx: &Ctx) -> Result<PathBuf> {
    let beside = || {
        ctx.db_path
            .as_deref()
            .and_then(|db| db.parent())
            .map(|dir| dir.join("exports"))
    };
    ctx.config
        .export_dir()
        .or_else(beside)
        .ok_or_else(|| Error::user("ui-export-member-no-file", &[]))
}
