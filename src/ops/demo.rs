//! Filling the club with made-up members to try the app: the same fill
//! for `regulars demo` and the welcome screen's `d`.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::message::Arg;
use crate::{db, demo};

/// How many demo members are made unless asked otherwise, and with which
/// seed (the same club every time, so a demo can be repeated).
pub const MEMBERS: usize = 200;
pub const SEED: u64 = 42;

/// Whether a fill may go into a club that has real members already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfMembers {
    /// Refused, naming how many there are: demo members mixed in with
    /// real ones are hard to tell apart by eye.
    Refuse,
    /// Added alongside them (the owner was told and said yes).
    AddAlongside,
}

/// Who is in the club: real members and made-up ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClubMembers {
    pub real: i64,
    pub demo: i64,
}

pub fn club_members(ctx: &Ctx) -> Result<ClubMembers> {
    Ok(ClubMembers {
        real: db::demo_members::real_members(&ctx.conn)?,
        demo: db::demo_members::count(&ctx.conn)?,
    })
}

/// Why a fill would not go in, or None when it may. A demo already in the
/// club is never added to (the same seed would make the same people
/// twice); it is taken out first.
pub fn fill_refused(ctx: &Ctx, if_members: IfMembers) -> Result<Option<Error>> {
    // Made-up people would travel to every branch at the next sync.
    if ctx.config.sync.target().is_some() {
        return Ok(Some(Error::user("demo-err-chain", &[])));
    }
    let club = club_members(ctx)?;
    if club.demo > 0 {
        return Ok(Some(Error::user_with(
            "demo-err-already",
            vec![
                ("count", Arg::Count(club.demo)),
                ("command", Arg::Text("regulars demo --remove --yes".into())),
            ],
        )));
    }
    if club.real > 0 && if_members == IfMembers::Refuse {
        return Ok(Some(Error::user_with(
            "demo-err-club-not-empty",
            vec![
                ("count", Arg::Count(club.real)),
                ("flag", Arg::Text("--yes".into())),
            ],
        )));
    }
    Ok(None)
}

/// Adds `members` made-up members (the same ones for the same `seed`) with
/// their receipts and points, in one transaction, unless
/// [`fill_refused`] says why not. `progress` hears how many are made so
/// far; when it answers false nothing is added. Returns how many were added.
pub fn fill(
    ctx: &mut Ctx,
    members: usize,
    seed: u64,
    if_members: IfMembers,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Result<usize> {
    if let Some(refused) = fill_refused(ctx, if_members)? {
        return Err(refused);
    }
    let program = ctx.program().clone();
    let now = ctx.clock.now();
    demo::fill_with_progress(&mut ctx.conn, now, members, seed, &program, progress)
}

/// Takes every demo member out with all that hangs on them (family,
/// consents, points, tiers, search words: as a member deleted at the
/// counter) and the demo till's receipts, in one transaction. Real members
/// stay as they were. Returns how many members were taken out.
pub fn remove(ctx: &Ctx) -> Result<usize> {
    let tx = super::begin(ctx)?;
    // The receipts first: unlinking them from members being deleted would
    // only queue work for members about to go.
    db::demo_members::remove_receipts(&ctx.conn)?;
    db::demo_members::remove_feedback(&ctx.conn)?;
    let ids = db::demo_members::ids(&ctx.conn)?;
    for &id in &ids {
        db::members::delete(&ctx.conn, id)?;
    }
    tx.commit()?;
    Ok(ids.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::testing::{club, ledger_rows, member};

    fn members(ctx: &Ctx) -> i64 {
        ctx.conn
            .query_row("SELECT count(*) FROM members", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_fill_adds_members_and_a_stopped_one_adds_nothing() {
        let (_dir, mut ctx) = club();
        // Asked after every hundred members: stopped at the first ask.
        let mut asked = 0;
        let stopped = fill(&mut ctx, 1500, SEED, IfMembers::Refuse, &mut |_| {
            asked += 1;
            false
        });
        assert_eq!((stopped.unwrap(), asked), (0, 1));
        assert_eq!(members(&ctx), 0);
        assert_eq!(ledger_rows(&ctx), 0);
        let added = fill(&mut ctx, 30, SEED, IfMembers::Refuse, &mut |_| true).unwrap();
        assert_eq!(added, 30);
        assert_eq!(members(&ctx), 30);
    }

    fn count(ctx: &Ctx, sql: &str) -> i64 {
        ctx.conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    #[test]
    fn a_club_with_members_gets_demo_members_only_when_told() {
        let (_dir, mut ctx) = club();
        // A real member holding the phone and email the first made-up
        // person would have.
        let first = demo::generate(ctx.clock.now(), 1, SEED).unwrap().remove(0);
        let phone = first.draft.phone.clone().expect("the first has a phone");
        let ana = member(&ctx, "Ana", "Kovač");
        ctx.conn
            .execute(
                "UPDATE members SET phone = ?1, email = ?2 WHERE id = ?3",
                rusqlite::params![phone, first.draft.email, ana],
            )
            .unwrap();
        let err = fill(&mut ctx, 10, SEED, IfMembers::Refuse, &mut |_| true).unwrap_err();
        assert_eq!(err.key(), Some("demo-err-club-not-empty"));
        assert!(err.to_string().contains("1 member"), "{err}");
        assert_eq!(members(&ctx), 1);
        let added = fill(&mut ctx, 10, SEED, IfMembers::AddAlongside, &mut |_| true).unwrap();
        assert_eq!(added, 10);
        let holders = ctx
            .conn
            .query_row(
                "SELECT count(*) FROM members WHERE phone = ?1",
                [&phone],
                |r| r.get::<_, i64>(0),
            )
            .unwrap();
        assert_eq!(holders, 1, "no demo member shares the real member's phone");
        let walk_ins = ctx
            .conn
            .query_row(
                "SELECT count(*) FROM receipts WHERE cust_phone = ?1",
                [&phone],
                |r| r.get::<_, i64>(0),
            )
            .unwrap();
        assert_eq!(walk_ins, 0, "nor does a made-up walk-in");
        assert_eq!(
            club_members(&ctx).unwrap(),
            ClubMembers { real: 1, demo: 10 }
        );
    }

    #[test]
    fn a_demo_is_never_added_twice() {
        let (_dir, mut ctx) = club();
        fill(&mut ctx, 20, SEED, IfMembers::Refuse, &mut |_| true).unwrap();
        for if_members in [IfMembers::Refuse, IfMembers::AddAlongside] {
            let err = fill(&mut ctx, 20, SEED, if_members, &mut |_| true).unwrap_err();
            assert_eq!(err.key(), Some("demo-err-already"));
            assert!(err.to_string().contains("demo --remove --yes"), "{err}");
        }
        assert_eq!(members(&ctx), 20);
    }

    #[test]
    fn removing_the_demo_takes_out_all_that_hangs_on_it_and_keeps_real_members() {
        let (_dir, mut ctx) = club();
        let ana = member(&ctx, "Ana", "Kovač");
        crate::ops::loyalty::adjust(
            &ctx,
            ana,
            40,
            "paper card",
            crate::ops::loyalty::IfBelowZero::Refuse,
        )
        .unwrap();
        let ana_rows = ledger_rows(&ctx);
        let ana_balance = crate::ops::loyalty::history(&ctx, ana).unwrap().balance;
        fill(&mut ctx, 40, SEED, IfMembers::AddAlongside, &mut |_| true).unwrap();
        assert!(ledger_rows(&ctx) > ana_rows);
        assert!(count(&ctx, "SELECT count(*) FROM feedback") > 0);
        assert_eq!(remove(&ctx).unwrap(), 40);
        assert_eq!(members(&ctx), 1);
        assert_eq!(ledger_rows(&ctx), ana_rows);
        for (what, sql) in [
            ("receipts", "SELECT count(*) FROM receipts"),
            ("lines", "SELECT count(*) FROM lines"),
            ("children", "SELECT count(*) FROM children"),
            ("pets", "SELECT count(*) FROM pets"),
            ("consents", "SELECT count(*) FROM consents"),
            ("answers", "SELECT count(*) FROM feedback"),
            ("marks", "SELECT count(*) FROM demo_members"),
            (
                "tiers",
                "SELECT count(*) FROM member_tiers WHERE member_id <> 1",
            ),
            ("tier moves", "SELECT count(*) FROM tier_changes"),
            (
                "words",
                "SELECT count(*) FROM member_words WHERE member_id <> 1",
            ),
            (
                "tier queue",
                "SELECT count(*) FROM tiers_pending WHERE member_id <> 1",
            ),
            (
                "bonus queue",
                "SELECT count(*) FROM bonus_pending WHERE member_id <> 1",
            ),
        ] {
            assert_eq!(count(&ctx, sql), 0, "{what}");
        }
        assert_eq!(
            crate::ops::loyalty::history(&ctx, ana).unwrap().balance,
            ana_balance
        );
        // The club is as it was: a new demo may go in again.
        assert_eq!(remove(&ctx).unwrap(), 0);
        fill(&mut ctx, 5, SEED, IfMembers::AddAlongside, &mut |_| true).unwrap();
        assert_eq!(members(&ctx), 6);
    }
}
