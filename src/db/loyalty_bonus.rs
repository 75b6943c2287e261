//! Bonus points and expiry: signup, referral (both sides, once per new
//! member), review (once per member), birthday (in the birthday week, once a
//! year, not for a birthday entered in the last 30 days), and idle points
//! expiring. Each bonus carries a once-key, so writing it again does nothing.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use rusqlite::{Connection, params};

use super::ledger::{self, DATETIME, NewEntry, Reason};
use super::loyalty_state::{day_text, parse_day};
use crate::domain::loyalty_config::Program;
use crate::domain::points::{birthday_this_week, expiry_date};
use crate::error::Result;

/// A birthday typed in fewer days ago than this earns no bonus yet.
const BIRTHDAY_NOTICE_DAYS: i64 = 30;

/// The members a bonus pass looks at: every one, or (on a normal points
/// update) those the triggers queued as new or newly referred.
fn looked_at(every_member: bool) -> &'static str {
    if every_member {
        "members"
    } else {
        // CROSS JOIN keeps the queue outside: the planner would rather
        // walk every member and look each up in it.
        "(SELECT m.* FROM bonus_pending q CROSS JOIN members m ON m.id = q.member_id)"
    }
}

/// The signup bonus for every member (of those looked at) who has not had it.
pub fn signup(
    conn: &Connection,
    program: &Program,
    now: NaiveDateTime,
    every_member: bool,
) -> Result<u64> {
    let points = program.points.signup_bonus;
    if points <= 0 {
        return Ok(0);
    }
    let n = conn
        .prepare_cached(&format!(
            "INSERT OR IGNORE INTO points (member_id, delta, reason, detail, once_key, at)
             SELECT m.id, ?1, 'bonus', 'signup', 'signup', ?2 FROM {} m
             WHERE m.erased_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM points p WHERE p.member_id = m.id AND p.once_key = 'signup')",
            looked_at(every_member)
        ))?
        .execute(params![points, now.format(DATETIME).to_string()])?;
    Ok(n as u64)
}

/// The referral bonus for a new member who was brought by another, and for
/// the one who brought them: once per new member, for each side.
pub fn referral(
    conn: &Connection,
    program: &Program,
    now: NaiveDateTime,
    every_member: bool,
) -> Result<u64> {
    let points = program.points.referral_bonus;
    if points <= 0 {
        return Ok(0);
    }
    let at = now.format(DATETIME).to_string();
    let mut n = 0;
    for beneficiary in ["m.id", "b.id"] {
        let sql = format!(
            "INSERT OR IGNORE INTO points (member_id, delta, reason, detail, once_key, at)
             SELECT {beneficiary}, ?1, 'bonus', 'referral', 'referral:' || m.id, ?2
             FROM {} m JOIN members b ON b.id = m.referred_by
             WHERE m.erased_at IS NULL AND b.erased_at IS NULL AND b.id <> m.id",
            looked_at(every_member)
        );
        n += conn.prepare_cached(&sql)?.execute(params![points, at])?;
    }
    Ok(n as u64)
}

/// Records who brought a new member; both get the referral bonus.
/// False when the member already has a referrer (it is given once).
pub fn record_referral(
    conn: &Connection,
    program: &Program,
    member_id: i64,
    referrer_id: i64,
    now: NaiveDateTime,
) -> Result<bool> {
    if member_id == referrer_id {
        return Err(crate::error::Error::user("loyalty-err-refer-self", &[]));
    }
    let set = conn.execute(
        "UPDATE members SET referred_by = ?2 WHERE id = ?1 AND referred_by IS NULL AND erased_at IS NULL",
        params![member_id, referrer_id],
    )?;
    // The trigger queued the member: only the queue is looked at.
    referral(conn, program, now, false)?;
    Ok(set > 0)
}

/// The review bonus, once per member or once per configured period. True
/// when it was given now.
pub fn review(
    conn: &Connection,
    program: &Program,
    member_id: i64,
    now: NaiveDateTime,
) -> Result<bool> {
    let points = program.points.review_bonus;
    if points <= 0 {
        return Ok(false);
    }
    let once_key =
        crate::domain::points::review_once_key(now.date(), program.points.review_every_months);
    ledger::append(
        conn,
        &NewEntry {
            member_id,
            delta: points,
            reason: Some(Reason::Bonus),
            detail: Some("review"),
            once_key: Some(&once_key),
            at: now,
            ..NewEntry::default()
        },
    )
}

/// Gives a day to birthdays whose change has not been dated yet (and, in
/// the daily check, to any birthday the table lacks).
pub fn note_birthdays(conn: &Connection, today: NaiveDate, daily: bool) -> Result<()> {
    let day = day_text(today);
    conn.prepare_cached("UPDATE birthday_noted SET noted_on = ?1 WHERE noted_on IS NULL")?
        .execute([&day])?;
    if daily {
        conn.prepare_cached(
            "INSERT OR IGNORE INTO birthday_noted (member_id, month, day, noted_on)
             SELECT id, birth_month, birth_day, ?1 FROM members
             WHERE birth_month IS NOT NULL AND birth_day IS NOT NULL",
        )?
        .execute([&day])?;
    }
    Ok(())
}

/// Birthday bonuses due today.
pub fn birthdays(conn: &Connection, program: &Program, now: NaiveDateTime) -> Result<u64> {
    let points = program.points.birthday_bonus;
    if points <= 0 {
        return Ok(0);
    }
    let today = now.date();
    // Birthdays whose week can hold today lie within a week either side;
    // Feb 29 is celebrated on Feb 28 or Mar 1 in other years.
    let mut keys: Vec<u32> = (-7..=7)
        .map(|d| today + Duration::days(d))
        .map(|d| d.month() * 100 + d.day())
        .collect();
    keys.push(229);
    let marks = keys
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let sql = format!(
        "SELECT m.id, m.birth_month, m.birth_day, b.noted_on FROM members m
         LEFT JOIN birthday_noted b ON b.member_id = m.id
         WHERE m.erased_at IS NULL AND m.birth_month IS NOT NULL
           AND m.birth_month * 100 + m.birth_day IN ({marks})"
    );
    let mut due = vec![];
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, month, day): (i64, u32, u32) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let noted: Option<String> = r.get(3)?;
        let Some(noted) = noted.as_deref().and_then(parse_day) else {
            continue;
        };
        if (today - noted).num_days() < BIRTHDAY_NOTICE_DAYS {
            continue;
        }
        if let Some(date) = birthday_this_week(month, day, today, program.feb29) {
            due.push((id, date));
        }
    }
    let mut given = 0;
    for (member_id, date) in due {
        let key = format!("birthday:{}", date.format("%Y"));
        let entry = NewEntry {
            member_id,
            delta: points,
            reason: Some(Reason::Bonus),
            detail: Some("birthday"),
            once_key: Some(&key),
            at: now,
            ..NewEntry::default()
        };
        given += u64::from(ledger::append(conn, &entry)?);
    }
    Ok(given)
}

/// Expires the points of members without a visit, redemption or
/// adjustment for the configured months. The row's detail is the day
/// they were due.
pub fn expire(conn: &Connection, program: &Program, now: NaiveDateTime) -> Result<u64> {
    let Some(months) = program.points.expiry_months else {
        return Ok(0);
    };
    let today = now.date();
    let mut stmt = conn.prepare(
        "SELECT p.member_id, CAST(total(p.delta) AS INTEGER),
                max(CASE WHEN p.reason IN ('redeem', 'adjust') THEN substr(p.at, 1, 10) END),
                (SELECT max(local_date) FROM receipts r WHERE r.member_id = p.member_id AND r.kind = 'sale'),
                m.joined_at
         FROM points p JOIN members m ON m.id = p.member_id AND m.erased_at IS NULL
         GROUP BY p.member_id HAVING total(p.delta) > 0",
    )?;
    let mut due = vec![];
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (member_id, balance): (i64, i64) = (r.get(0)?, r.get(1)?);
        let mut last: Option<NaiveDate> = None;
        for col in 2..=4 {
            let day: Option<String> = r.get(col)?;
            last = last.max(day.as_deref().and_then(parse_day));
        }
        if let Some(since) = last
            && let Some(on) = expiry_date(since, months, today)
        {
            due.push((member_id, balance, day_text(on)));
        }
    }
    for (member_id, balance, on) in &due {
        ledger::append(
            conn,
            &NewEntry {
                member_id: *member_id,
                delta: -balance,
                reason: Some(Reason::Expire),
                detail: Some(on),
                at: now,
                ..NewEntry::default()
            },
        )?;
    }
    Ok(due.len() as u64)
}
