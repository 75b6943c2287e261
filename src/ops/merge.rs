//! Merging two members who are one person: everything the dropped one holds
//! (receipts, points, children, pets, consent log, contact log, linked till
//! contacts, members they brought) moves to the one kept, the kept one's
//! empty details are filled from the dropped one's, and the dropped one is
//! removed with their row kept in the merge log. One transaction; the
//! preview shows the same without writing.

use crate::context::Ctx;
use crate::db;
use crate::db::merge::Extra;
use crate::domain::member::{Channel, Member, MemberDraft, display_phone};
use crate::error::{Error, Result};
use crate::ops::loyalty::{self, IfBusy};
use crate::ops::suppression;

pub use crate::domain::merge::{Field, FieldChange, MergePreview};

/// What a merge did.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeResult {
    pub preview: MergePreview,
    /// The kept member's balance after the points update.
    pub balance: i64,
}

/// Both members and what merging them would change, or why it cannot be.
struct Plan {
    preview: MergePreview,
    draft: MemberDraft,
    extra: Extra,
    birthday_from_drop: bool,
}

/// The two members, refused when they are one, erased or missing.
fn both(ctx: &Ctx, keep: i64, drop: i64) -> Result<((Member, Extra), (Member, Extra))> {
    if keep == drop {
        return Err(Error::user("merge-err-same", &[("id", &keep.to_string())]));
    }
    let one = |id: i64| -> Result<(Member, Extra)> {
        let key = id.to_string();
        let extra = db::merge::extra(&ctx.conn, id)?
            .ok_or_else(|| Error::user("err-member-not-found", &[("key", &key)]))?;
        if extra.erased {
            return Err(Error::user("merge-err-erased", &[("id", &key)]));
        }
        let member = db::members::get(&ctx.conn, id)?
            .ok_or_else(|| Error::user("err-member-not-found", &[("key", &key)]))?;
        Ok((member, extra))
    };
    Ok((one(keep)?, one(drop)?))
}

/// The draft's own slot of a detail that is one optional text.
fn slot(d: &mut MemberDraft, field: Field) -> &mut Option<String> {
    match field {
        Field::Phone => &mut d.phone,
        Field::Email => &mut d.email,
        Field::Card => &mut d.card,
        Field::Area => &mut d.area,
        _ => &mut d.language,
    }
}

/// Puts two texts of a detail together: the kept one's, then the other's
/// when it says something else.
fn joined_text(keep: &str, drop: &str, separator: &str) -> String {
    format!("{keep}{separator}{drop}")
}

/// Tags of both, each once, in the order they were written.
fn united_tags(keep: &str, drop: &str) -> String {
    let mut tags: Vec<&str> = vec![];
    for tag in keep.split(',').chain(drop.split(',')).map(str::trim) {
        if !tag.is_empty() && !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            tags.push(tag);
        }
    }
    tags.join(", ")
}

fn plan(ctx: &Ctx, keep_id: i64, drop_id: i64) -> Result<Plan> {
    let ((keep, keep_extra), (drop, drop_extra)) = both(ctx, keep_id, drop_id)?;
    let country = ctx.config.country();
    let mut draft = keep.draft.clone();
    let mut extra = keep_extra.clone();
    let (mut filled, mut joined, mut differ) = (vec![], vec![], vec![]);
    let note = |field, keep: &str, drop: &str, list: &mut Vec<FieldChange>| {
        list.push(FieldChange {
            field,
            keep: keep.to_string(),
            drop: drop.to_string(),
        })
    };
    if keep.draft.first_name != drop.draft.first_name {
        note(
            Field::FirstName,
            &keep.draft.first_name,
            &drop.draft.first_name,
            &mut differ,
        );
    }
    if keep.draft.family_name.is_empty() && !drop.draft.family_name.is_empty() {
        draft.family_name = drop.draft.family_name.clone();
        note(Field::FamilyName, "", &drop.draft.family_name, &mut filled);
    } else if !drop.draft.family_name.is_empty() && keep.draft.family_name != drop.draft.family_name
    {
        note(
            Field::FamilyName,
            &keep.draft.family_name,
            &drop.draft.family_name,
            &mut differ,
        );
    }
    let shown = |field: Field, value: &str| match field {
        Field::Phone => display_phone(value, country),
        _ => value.to_string(),
    };
    // Details where the kept member's one stays when both have one.
    for field in [
        Field::Phone,
        Field::Email,
        Field::Card,
        Field::Area,
        Field::Language,
    ] {
        let theirs = slot(&mut drop.draft.clone(), field).clone();
        let ours = slot(&mut draft, field);
        match (ours.clone(), theirs) {
            (None, Some(value)) => {
                *ours = Some(value.clone());
                note(field, "", &shown(field, &value), &mut filled);
            }
            (Some(a), Some(b)) if a != b => {
                note(field, &shown(field, &a), &shown(field, &b), &mut differ)
            }
            _ => {}
        }
    }
    let mut birthday_from_drop = false;
    let birthday_text = |m: &Member| m.draft.birthday.map(|b| crate::words::dates::birthday(&b));
    match (keep.draft.birthday, drop.draft.birthday) {
        (None, Some(b)) if keep_extra.calendar.is_none() => {
            draft.birthday = Some(b);
            extra.calendar = None;
            birthday_from_drop = true;
            note(
                Field::Birthday,
                "",
                &birthday_text(&drop).unwrap_or_default(),
                &mut filled,
            );
        }
        (Some(a), Some(b))
            if (a.month, a.day) == (b.month, b.day) && a.year.is_none() && b.year.is_some() =>
        {
            draft.birthday = Some(b);
            note(
                Field::Birthday,
                "",
                &birthday_text(&drop).unwrap_or_default(),
                &mut filled,
            );
        }
        (Some(a), Some(b)) if a != b => note(
            Field::Birthday,
            &birthday_text(&keep).unwrap_or_default(),
            &birthday_text(&drop).unwrap_or_default(),
            &mut differ,
        ),
        (None, None) if keep_extra.calendar.is_none() && drop_extra.calendar.is_some() => {
            extra.calendar = drop_extra.calendar.clone();
            let (_, month, day) = drop_extra.calendar.clone().unwrap_or_default();
            note(Field::Birthday, "", &format!("{month} {day}"), &mut filled);
        }
        _ => {}
    }
    match (keep.draft.note.as_deref(), drop.draft.note.as_deref()) {
        (None, Some(theirs)) => {
            draft.note = Some(theirs.to_string());
            note(Field::Note, "", theirs, &mut filled);
        }
        (Some(ours), Some(theirs)) if ours != theirs => {
            draft.note = Some(joined_text(ours, theirs, "\n"));
            note(Field::Note, ours, theirs, &mut joined);
        }
        _ => {}
    }
    let (ours, theirs) = (
        keep_extra.tags.clone().unwrap_or_default(),
        drop_extra.tags.clone().unwrap_or_default(),
    );
    let tags = united_tags(&ours, &theirs);
    if tags != ours {
        extra.tags = Some(tags);
        let list = if ours.trim().is_empty() {
            &mut filled
        } else {
            &mut joined
        };
        note(Field::Tags, &ours, &theirs, list);
    }
    // Who brought the dropped member brought this person; never themselves.
    if extra.referred_by == Some(drop_id) {
        extra.referred_by = None;
    }
    if extra.referred_by.is_none() && drop_extra.referred_by != Some(keep_id) {
        extra.referred_by = drop_extra.referred_by;
    }
    let moves = db::merge::rows_held(&ctx.conn, drop_id)?
        .into_iter()
        .filter(|(_, rows)| *rows > 0)
        .collect();
    let points =
        db::ledger::balance(&ctx.conn, keep_id)? + db::ledger::balance(&ctx.conn, drop_id)?;
    Ok(Plan {
        preview: MergePreview {
            keep: (keep_id, keep.full_name()),
            drop: (drop_id, drop.full_name()),
            moves,
            filled,
            joined,
            differ,
            points,
        },
        draft,
        extra,
        birthday_from_drop,
    })
}

/// What merging `drop` into `keep` would do; nothing is written except
/// the points update that brings both ledgers up to date first.
pub fn preview(ctx: &Ctx, keep: i64, drop: i64) -> Result<MergePreview> {
    loyalty::settled(ctx, IfBusy::Skip)?;
    Ok(plan(ctx, keep, drop)?.preview)
}

/// Merges `drop` into `keep` in one transaction, then brings the kept
/// member's points and tier up to date.
pub fn merge(ctx: &Ctx, keep: i64, drop: i64) -> Result<MergeResult> {
    loyalty::settled(ctx, IfBusy::Wait)?;
    let tx = super::begin(ctx)?;
    let plan = plan(ctx, keep, drop)?;
    let now = ctx.clock.now();
    let at = now.format("%Y-%m-%d %H:%M:%S").to_string();
    let noted = db::merge::birthday_noted(&ctx.conn, drop)?;
    db::merge::log_merge(&ctx.conn, keep, drop, &at)?;
    db::merge::move_rows(&ctx.conn, keep, drop)?;
    // The merged member's row stays as an empty, erased one rather than
    // being deleted: SQLite would hand its id to the next signup, and the
    // merge log and any script that knew the id would then name a stranger.
    db::erase::remove_personal(&ctx.conn, drop, now)?;
    db::members::update(&ctx.conn, keep, &plan.draft)?;
    db::merge::set_extra(&ctx.conn, keep, &plan.extra)?;
    if let (true, Some(noted)) = (plan.birthday_from_drop, noted) {
        db::merge::set_birthday_noted(&ctx.conn, keep, &noted)?;
    }
    // A channel withdrawn now keeps the kept member's contacts (some may
    // have come from the dropped one) off every list.
    for (channel, granted) in super::consent::current(&ctx.conn, keep)? {
        if !granted && withdrawn_now(ctx, keep, channel)? {
            suppression::suppress(&ctx.conn, keep, channel, now)?;
        }
    }
    tx.commit()?;
    loyalty::settled(ctx, IfBusy::Wait)?;
    let balance = db::ledger::balance(&ctx.conn, keep)?;
    Ok(MergeResult {
        preview: plan.preview,
        balance,
    })
}

/// True when the channel's last entry is a withdrawal (never asked is not).
fn withdrawn_now(ctx: &Ctx, member_id: i64, channel: Channel) -> Result<bool> {
    Ok(db::members::consents(&ctx.conn, member_id)?
        .iter()
        .any(|c| c.channel == channel && !c.granted))
}
