//! Inviting a segment to an event: the members of the segment who may be
//! messaged on the channel — chosen by the one selection every contact
//! export goes through — are recorded as invited and written as a contact
//! list for the SMS or email tool that sends the invitation, each with the
//! ready invitation in their language (`invitation` in the messages).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::context::Ctx;
use crate::db;
use crate::db::consenting::Consenting;
use crate::domain::event::Event;
use crate::domain::event::over;
use crate::domain::member::Channel;
use crate::error::Error;
use crate::error::Result;
use crate::ops::contact_lists::file_name;
use crate::ops::csv_file::{neutralise, write_private};
use crate::ops::events::stored;
use crate::ops::export_contacts::{
    ListFormat, Phones, contact_header, contact_record, contacts, exports_folder,
};
use crate::ops::segments;

/// An invitation sent out: the list written and what it did to the event.
#[derive(Debug, Clone, PartialEq)]
pub struct Invited {
    pub path: PathBuf,
    /// Members on the list written.
    pub written: usize,
    /// Of them, how many were not invited before.
    pub new: usize,
    /// Members of the segment left out: no consent on the channel, no
    /// contact for it, on the do-not-contact list.
    pub left_out: usize,
    /// Everyone invited to the event now.
    pub invited: i64,
    /// How many of them go beyond the capacity (0 when within it).
    pub over: i64,
}

/// Invites the members of `segment` (a saved segment's name or an
/// expression) to event `id` on `channel`, and writes their contact list
/// to `out` or, by default, into the exports folder beside the database
/// named after the event. Inviting more than the capacity is allowed: the
/// result says by how many.
pub fn invite(
    ctx: &Ctx,
    id: i64,
    segment: &str,
    channel: Channel,
    out: Option<&Path>,
) -> Result<Invited> {
    let event = stored(ctx, id)?;
    let group: HashSet<i64> = segments::members(ctx, segment)?.into_iter().collect();
    let rows = contacts(ctx, channel, Some(&group))?;
    let format = ListFormat::Csv(Phones::National);
    let path = match out {
        Some(path) => path.to_path_buf(),
        None => {
            exports_folder(ctx)?.join(file_name(&event.name, channel, format, ctx.clock.today()))
        }
    };
    // The invitations and the file stand or fall together: a file that
    // cannot be written rolls the invitations back.
    let tx = super::begin(ctx)?;
    let now = ctx.clock.now();
    let mut new = 0;
    for row in &rows {
        if db::events::invite(&ctx.conn, id, row.member_id, channel.code(), now)? {
            new += 1;
        }
    }
    let invited = db::events::invited(&ctx.conn, id)?.len() as i64;
    let path = write_private(&path, &invitation_list(ctx, channel, &event, &rows)?)?;
    tx.commit()?;
    Ok(Invited {
        path,
        written: rows.len(),
        new,
        left_out: group.len().saturating_sub(rows.len()),
        invited,
        over: over(event.capacity, invited),
    })
}

/// The contact list as `export contacts` writes it, with a `message`
/// column: the invitation in the member's language, else the shop's.
fn invitation_list(
    ctx: &Ctx,
    channel: Channel,
    event: &Event,
    rows: &[Consenting],
) -> Result<String> {
    let fail = |e: csv::Error| Error::Other(e.to_string());
    let mut out = csv::Writer::from_writer(vec![]);
    let mut header = contact_header(channel).to_vec();
    header.push("message");
    out.write_record(header).map_err(fail)?;
    // The day in the message's own language ("3 Dec 2026", "3. pro
    // 2026."), worked out once per language, not once per member.
    let days: std::collections::HashMap<&str, String> = crate::i18n::LANGUAGES
        .iter()
        .map(|(code, _)| {
            let day = crate::i18n::Locale::new(code)
                .scope(|| crate::words::dates::date_with_year(event.date));
            (*code, day)
        })
        .collect();
    let date = |lang: &str| days.get(lang).cloned().unwrap_or_default();
    let shop_language = ctx.config.shop.locale.clone();
    for row in rows {
        let mut languages: Vec<&str> = row.language.as_deref().into_iter().collect();
        languages.extend([shop_language.as_str(), "en"]);
        let message = ctx
            .config
            .messages
            .invitation(
                &languages,
                &row.first_name,
                &ctx.config.shop.name,
                &event.name,
                date,
            )
            .map(|(text, _)| text)
            .unwrap_or_default();
        let mut record = contact_record(ctx, channel, row, Phones::National).to_vec();
        record.push(neutralise(message));
        out.write_record(record).map_err(fail)?;
    }
    let bytes = out.into_inner().map_err(|e| Error::Other(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
