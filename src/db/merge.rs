//! Moving everything one member holds to another, in the caller's
//! transaction: the rows of every table keyed by member, the points ledger
//! (append-only, so a bonus both had is kept under a key of its own), the
//! consent log (so its last entry per channel is still the person's latest
//! decision), and the log of merges.

use rusqlite::{Connection, params};

use crate::error::Result;

/// Tables whose rows are the member's own history: every row moves to the
/// member kept, as it is. `points` and `consents` move too, with care.
pub const MOVED: &[&str] = &[
    "receipts",
    "children",
    "pets",
    "contact_log",
    "customer_links",
    "feedback",
    "notes",
    "survey_answers",
    "event_invites",
    "event_attendance",
];

/// Tables keyed by member that are worked out from the rest (search words,
/// tiers, queues, the birthday note, the demo mark, the 12-month summary
/// and what they bought): removed with the
/// merged member and made again for the kept one by the points update.
pub const DERIVED: &[&str] = &[
    "member_words",
    "member_tiers",
    "tier_changes",
    "birthday_noted",
    "bonus_pending",
    "tiers_pending",
    "points_moved",
    "demo_members",
    "member_year",
    "member_bought",
    "visit_days",
    "member_year_redo",
];

/// How many rows each table keyed by member holds for `member_id`, for the
/// tables that move: the preview's list and the test of a merge.
pub fn rows_held(conn: &Connection, member_id: i64) -> Result<Vec<(&'static str, i64)>> {
    let mut held = vec![];
    for table in MOVED.iter().chain(&["points", "consents"]) {
        let sql = format!("SELECT count(*) FROM {table} WHERE member_id = ?1");
        held.push((*table, conn.query_row(&sql, [member_id], |r| r.get(0))?));
    }
    // Members this one brought to the club follow them to the one kept.
    let referred: i64 = conn.query_row(
        "SELECT count(*) FROM members WHERE referred_by = ?1 AND erased_at IS NULL",
        [member_id],
        |r| r.get(0),
    )?;
    held.push(("referred", referred));
    Ok(held)
}

/// Moves every row of `drop` to `keep`. The receipts' triggers queue the
/// kept member's tier; the receipts earned already and their earn rows move
/// with them, so nothing is earned or taken back twice.
pub fn move_rows(conn: &Connection, keep: i64, drop: i64) -> Result<()> {
    for table in MOVED {
        let sql = format!("UPDATE {table} SET member_id = ?1 WHERE member_id = ?2");
        conn.execute(&sql, params![keep, drop])?;
    }
    conn.execute(
        "UPDATE members SET referred_by = CASE WHEN id = ?1 THEN NULL ELSE ?1 END
         WHERE referred_by = ?2",
        params![keep, drop],
    )?;
    move_points(conn, keep, drop)?;
    // What the receipts' move queued against the merged member: their
    // points went with them, so there is nothing to take back.
    conn.execute("DELETE FROM points_moved WHERE member_id = ?1", [drop])?;
    conn.execute("INSERT OR IGNORE INTO tiers_pending VALUES (?1)", [keep])?;
    move_consents(conn, keep, drop)
}

/// The ledger's rows move by member; one whose once-key the kept member
/// has too (both had a signup bonus, a birthday bonus this year) is written
/// again under that key marked as merged, so both stay in the balance.
fn move_points(conn: &Connection, keep: i64, drop: i64) -> Result<()> {
    conn.execute(
        "UPDATE points SET member_id = ?1 WHERE member_id = ?2
           AND (once_key IS NULL
                OR once_key NOT IN (SELECT once_key FROM points WHERE member_id = ?1 AND once_key IS NOT NULL))",
        params![keep, drop],
    )?;
    let suffix = format!(":merged:{drop}");
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS merge_points AS SELECT * FROM points WHERE 0",
        [],
    )?;
    conn.execute("DELETE FROM temp.merge_points", [])?;
    conn.execute(
        "INSERT INTO temp.merge_points SELECT * FROM points WHERE member_id = ?1",
        [drop],
    )?;
    conn.execute("DELETE FROM points WHERE member_id = ?1", [drop])?;
    conn.execute(
        "INSERT INTO points (member_id, delta, reason, receipt_id, detail, note, once_key, at)
         SELECT ?1, delta, reason, receipt_id, detail, note, once_key || ?2, at
         FROM temp.merge_points ORDER BY id",
        params![keep, suffix],
    )?;
    conn.execute("DELETE FROM temp.merge_points", [])?;
    Ok(())
}

/// The consent log moves whole. The current state of a channel is its
/// last entry, so when the last one moved is not the person's latest
/// decision (one record withdrew after the other granted, but was written
/// earlier) that decision is written again at the end. Each record's own
/// last entry is its decision; between the two the later one wins, and at
/// the same moment the withdrawal.
fn move_consents(conn: &Connection, keep: i64, drop: i64) -> Result<()> {
    let kept = last_entries(conn, keep)?;
    let dropped = last_entries(conn, drop)?;
    conn.execute(
        "UPDATE consents SET member_id = ?1 WHERE member_id = ?2",
        params![keep, drop],
    )?;
    for (channel, from_drop) in dropped {
        let Some(from_keep) = kept.iter().find(|k| k.0 == channel) else {
            continue;
        };
        let (keep_at, keep_granted) = (&from_keep.1.at, from_keep.1.granted);
        let (drop_at, drop_granted) = (&from_drop.at, from_drop.granted);
        let latest = match drop_at.cmp(keep_at) {
            std::cmp::Ordering::Greater => &from_drop,
            std::cmp::Ordering::Less => &from_keep.1,
            std::cmp::Ordering::Equal if !drop_granted => &from_drop,
            std::cmp::Ordering::Equal => &from_keep.1,
        };
        // The log's last entry after the move is whichever was written last.
        let last_granted = if from_drop.id > from_keep.1.id {
            drop_granted
        } else {
            keep_granted
        };
        if last_granted != latest.granted {
            conn.execute(
                "INSERT INTO consents (member_id, channel, granted, at, how) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![keep, channel, latest.granted, latest.at, latest.how],
            )?;
        }
    }
    Ok(())
}

/// One entry of the consent log as stored.
struct Entry {
    id: i64,
    granted: bool,
    at: String,
    how: String,
}

/// The last entry of each channel of a member's consent log.
fn last_entries(conn: &Connection, member_id: i64) -> Result<Vec<(String, Entry)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT channel, id, granted, at, how FROM consents c
         WHERE member_id = ?1
           AND id = (SELECT max(id) FROM consents WHERE member_id = c.member_id AND channel = c.channel)",
    )?;
    let rows = stmt.query_map([member_id], |r| {
        Ok((
            r.get(0)?,
            Entry {
                id: r.get(1)?,
                granted: r.get(2)?,
                at: r.get(3)?,
                how: r.get(4)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Columns of a member's row that are worked out from the others (search
/// and list order), left out of the merge log.
const WORKED_OUT: &[&str] = &[
    "search_text",
    "card_fold",
    "phone_digits",
    "phone_national",
    "sort_key",
    "birth_md",
    "last_visit",
];

/// Notes the merge with every detail of the merged member's row as JSON.
pub fn log_merge(conn: &Connection, keep: i64, drop: i64, at: &str) -> Result<i64> {
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('members') ORDER BY cid")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?
        .into_iter()
        .filter(|c| !WORKED_OUT.contains(&c.as_str()))
        .collect();
    let pairs: Vec<String> = columns.iter().map(|c| format!("'{c}', {c}")).collect();
    let sql = format!(
        "INSERT INTO merges (keep_id, drop_id, at, dropped)
         SELECT ?1, id, ?3, json_object({}) FROM members WHERE id = ?2",
        pairs.join(", ")
    );
    conn.execute(&sql, params![keep, drop, at])?;
    Ok(conn.last_insert_rowid())
}

/// What the merge table holds for a kept member: (drop id, at, JSON).
pub fn merges_into(conn: &Connection, keep: i64) -> Result<Vec<(i64, String, String)>> {
    let mut stmt =
        conn.prepare("SELECT drop_id, at, dropped FROM merges WHERE keep_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([keep], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The few member columns the member draft does not carry, as stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extra {
    pub tags: Option<String>,
    pub referred_by: Option<i64>,
    /// The calendar, its month code and day, when kept in one.
    pub calendar: Option<(String, String, i64)>,
    pub erased: bool,
}

/// The extra columns of a member (erased or not); None when no such row.
pub fn extra(conn: &Connection, id: i64) -> Result<Option<Extra>> {
    let mut stmt = conn.prepare_cached(
        "SELECT tags, referred_by, birth_calendar, birth_calendar_month, birth_calendar_day,
                erased_at IS NOT NULL FROM members WHERE id = ?1",
    )?;
    let mut rows = stmt.query([id])?;
    let Some(r) = rows.next()? else {
        return Ok(None);
    };
    let calendar: (Option<String>, Option<String>, Option<i64>) = (r.get(2)?, r.get(3)?, r.get(4)?);
    Ok(Some(Extra {
        tags: r.get(0)?,
        referred_by: r.get(1)?,
        calendar: match calendar {
            (Some(c), Some(m), Some(d)) => Some((c, m, d)),
            _ => None,
        },
        erased: r.get(5)?,
    }))
}

/// Writes the extra columns of the kept member.
pub fn set_extra(conn: &Connection, id: i64, e: &Extra) -> Result<()> {
    let (calendar, month, day) = match &e.calendar {
        Some((c, m, d)) => (Some(c.as_str()), Some(m.as_str()), Some(*d)),
        None => (None, None, None),
    };
    conn.execute(
        "UPDATE members SET tags = ?2, referred_by = ?3, birth_calendar = ?4,
                birth_calendar_month = ?5, birth_calendar_day = ?6 WHERE id = ?1",
        params![id, e.tags, e.referred_by, calendar, month, day],
    )?;
    // The referral bonuses of both came with their ledgers: writing who
    // brought them is not a new referral to reward.
    conn.execute("DELETE FROM bonus_pending WHERE member_id = ?1", [id])?;
    Ok(())
}

/// When the merged member's birthday was noted: kept for the member kept
/// when the birthday comes from them, so the 30 days' notice is not begun
/// again by the merge.
pub fn birthday_noted(conn: &Connection, id: i64) -> Result<Option<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT noted_on FROM birthday_noted WHERE member_id = ?1")?;
    let mut rows = stmt.query([id])?;
    Ok(match rows.next()? {
        Some(r) => r.get(0)?,
        None => None,
    })
}

pub fn set_birthday_noted(conn: &Connection, id: i64, noted_on: &str) -> Result<()> {
    conn.execute(
        "UPDATE birthday_noted SET noted_on = ?2 WHERE member_id = ?1",
        params![id, noted_on],
    )?;
    Ok(())
}
