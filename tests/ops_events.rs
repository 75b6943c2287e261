//! Community events on a real database file: added, invited from a
//! segment through the contacts export (never a member who may not be
//! messaged), marked as come, and the 90 days after worked out by hand
//! with a refund, a walk-in, two receipts on one day and the days just
//! inside and outside the window; erased, merged and exported with the
//! member.

mod privacy_support;

use std::collections::HashSet;

use privacy_support::{count, shop, sign};
use regulars::domain::event::GroupTotals;
use regulars::domain::member::Channel;
use regulars::error::Error;
use regulars::ops::erase::erase_member;
use regulars::ops::member_export::member_export;
use regulars::ops::members::MemberInput;
use regulars::ops::merge::merge;
use regulars::ops::{event_invite, events, suppression};
use rusqlite::params;
use tempfile::TempDir;

fn refusal(err: Error) -> String {
    err.key()
        .map(str::to_string)
        .unwrap_or_else(|| err.to_string())
}

/// A member of area `area` with a phone of their own, agreeing to `consents`,
/// in the club since the start of 2025.
fn person(ctx: &regulars::context::Ctx, first: &str, area: &str, consents: &[&str]) -> i64 {
    let n = count(ctx, "SELECT count(*) FROM members") + 10;
    let id = sign(
        ctx,
        &MemberInput {
            first_name: first.into(),
            family_name: "Kovač".into(),
            phone: format!("091 555 00{n:02}"),
            email: format!("{}@example.com", first.to_lowercase()),
            area: area.into(),
            consents: consents.iter().map(|c| c.to_string()).collect(),
            ..MemberInput::default()
        },
    );
    ctx.conn
        .execute(
            "UPDATE members SET joined_at = '2025-01-01' WHERE id = ?1",
            [id],
        )
        .unwrap();
    id
}

fn receipt(ctx: &regulars::context::Ctx, member: Option<i64>, date: &str, total: i64) {
    let kind = if total < 0 { "refund" } else { "sale" };
    let till_id = format!("r{}", count(ctx, "SELECT count(*) FROM receipts"));
    ctx.conn
        .execute(
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
             VALUES ('square', ?1, ?2, ?3, ?4, ?5)",
            params![till_id, date, total, kind, member],
        )
        .unwrap();
}

#[test]
fn the_ninety_days_after_compare_who_came_with_active_members_not_invited() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let ana = person(&ctx, "Ana", "10000", &["sms"]);
    let ivo = person(&ctx, "Ivo", "10000", &["sms"]);
    let mia = person(&ctx, "Mia", "10000", &[]);
    let eva = person(&ctx, "Eva", "21000", &["sms"]);
    let bo = person(&ctx, "Bo", "21000", &[]);
    let zoe = person(&ctx, "Zoe", "21000", &[]);
    let event = events::add(&ctx, "Puppy morning", "2026-06-10", Some(1)).unwrap();

    // Ana: active before the day; the event day itself and the day after
    // the window do not count; two receipts on 11 June are one visit.
    receipt(&ctx, Some(ana), "2026-06-01", 1000);
    receipt(&ctx, Some(ana), "2026-06-10", 500);
    receipt(&ctx, Some(ana), "2026-06-11", 2000);
    receipt(&ctx, Some(ana), "2026-06-11", 300);
    receipt(&ctx, Some(ana), "2026-07-01", 1500);
    receipt(&ctx, Some(ana), "2026-07-02", -400);
    receipt(&ctx, Some(ana), "2026-09-08", 100);
    receipt(&ctx, Some(ana), "2026-09-09", 9999);
    // Mia came without an invitation.
    receipt(&ctx, Some(mia), "2026-06-20", 1200);
    // Ivo was invited and stayed away: in neither group.
    receipt(&ctx, Some(ivo), "2026-05-05", 100);
    receipt(&ctx, Some(ivo), "2026-06-15", 800);
    // Eva and Bo were active on the day and not invited.
    receipt(&ctx, Some(eva), "2026-05-01", 700);
    receipt(&ctx, Some(eva), "2026-08-01", 2500);
    receipt(&ctx, Some(eva), "2026-08-15", -500);
    receipt(&ctx, Some(bo), "2026-04-01", 100);
    // Zoe had lapsed by the day; a walk-in belongs to no one.
    receipt(&ctx, Some(zoe), "2025-12-01", 100);
    receipt(&ctx, Some(zoe), "2026-07-10", 3000);
    receipt(&ctx, None, "2026-06-12", 5000);

    let invited = event_invite::invite(&ctx, event.id, "area=10000", Channel::Sms, None).unwrap();
    assert_eq!((invited.written, invited.new, invited.left_out), (2, 2, 1));
    assert_eq!((invited.invited, invited.over), (2, 1));
    events::attend(&ctx, event.id, ana, "cli").unwrap();
    let walk_in = events::attend(&ctx, event.id, mia, "card").unwrap();
    assert!(!walk_in.invited);

    let page = events::show(&ctx, event.id).unwrap();
    assert_eq!(page.invited, vec![ana, ivo]);
    assert_eq!(page.attended, vec![ana, mia]);
    assert!(page.after.complete);
    assert_eq!(page.after.from.to_string(), "2026-06-11");
    assert_eq!(page.after.to.to_string(), "2026-09-08");
    // Ana 3 visits, 2000 + 300 + 1500 − 400 + 100 = 3500; Mia 1 and 1200.
    assert_eq!(
        page.after.attended,
        GroupTotals {
            members: 2,
            visits: 4,
            spend_minor: 4700
        }
    );
    assert_eq!(page.after.attended.visits_each(), Some(2.0));
    assert_eq!(page.after.attended.spend_each(), Some(2350));
    // Eva 1 visit and 2500 − 500; Bo nothing.
    assert_eq!(
        page.after.others,
        GroupTotals {
            members: 2,
            visits: 1,
            spend_minor: 2000
        }
    );
    assert_eq!(page.after.others.visits_each(), Some(0.5));
    assert_eq!(page.after.others.spend_each(), Some(1000));

    let recent = events::add(&ctx, "Tasting", "2026-10-01", None).unwrap();
    let page = events::show(&ctx, recent.id).unwrap();
    assert!(!page.after.complete);
    assert_eq!(page.after.attended.visits_each(), None);
}

#[test]
fn an_invitation_never_lists_who_may_not_be_messaged() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let ana = person(&ctx, "Ana", "10000", &["sms"]);
    let ivo = person(&ctx, "Ivo", "10000", &["sms"]);
    let mia = person(&ctx, "Mia", "10000", &["email"]);
    let eva = person(&ctx, "Eva", "10000", &["sms"]);
    suppression::suppress(&ctx.conn, ivo, Channel::Sms, ctx.clock.now()).unwrap();
    erase_member(&ctx, eva).unwrap().expect("erased");
    let event = events::add(&ctx, "Reading hour", "2026-12-05", None).unwrap();

    let out = dir.path().join("invite.csv");
    let done =
        event_invite::invite(&ctx, event.id, "area=10000", Channel::Sms, Some(&out)).unwrap();
    assert_eq!(done.written, 1);
    let text = std::fs::read_to_string(&done.path).unwrap();
    assert!(
        text.contains("Ana") && text.contains("first_name"),
        "{text}"
    );
    for absent in ["Ivo", "Mia", "Eva"] {
        assert!(!text.contains(absent), "{absent} in {text}");
    }
    let page = events::show(&ctx, event.id).unwrap();
    assert_eq!(page.invited, vec![ana]);
    assert!(!page.invited.contains(&mia));

    // Inviting again keeps the first invitation and adds no one twice.
    let again = event_invite::invite(&ctx, event.id, "area=10000", Channel::Sms, None).unwrap();
    assert_eq!((again.new, again.invited), (0, 1));
    let folder = std::fs::canonicalize(dir.path().join("exports")).unwrap();
    assert_eq!(
        again.path,
        folder.join("regulars-reading-hour-sms-2026-11-23.csv")
    );
}

#[test]
fn what_cannot_be_done_is_refused_and_nothing_is_written() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let ana = person(&ctx, "Ana", "10000", &[]);
    let eva = person(&ctx, "Eva", "10000", &[]);
    assert_eq!(
        refusal(events::add(&ctx, "  ", "2026-12-05", None).unwrap_err()),
        "err-event-name"
    );
    assert_eq!(
        refusal(events::add(&ctx, "Tasting", "2026-12-05", Some(0)).unwrap_err()),
        "err-event-capacity"
    );
    let bad_day = events::add(&ctx, "Tasting", "31.2.2026", None).unwrap_err();
    assert_eq!(refusal(bad_day), "err-field");
    assert_eq!(count(&ctx, "SELECT count(*) FROM events"), 0);
    // The shop's own order (Croatia: day first), ahead of today.
    let event = events::add(&ctx, "Tasting", "5.12.2026", Some(12)).unwrap();
    assert_eq!(event.date.to_string(), "2026-12-05");

    events::attend(&ctx, event.id, ana, "card").unwrap();
    let twice = events::attend(&ctx, event.id, ana, "list").unwrap_err();
    assert_eq!(refusal(twice), "err-event-attended-twice");
    assert_eq!(
        refusal(events::attend(&ctx, 99, ana, "cli").unwrap_err()),
        "err-event-not-found"
    );
    erase_member(&ctx, eva).unwrap().expect("erased");
    assert_eq!(
        refusal(events::attend(&ctx, event.id, eva, "cli").unwrap_err()),
        "err-member-not-found"
    );
    assert_eq!(count(&ctx, "SELECT count(*) FROM event_attendance"), 1);
    let missing = event_invite::invite(&ctx, 99, "area=10000", Channel::Sms, None).unwrap_err();
    assert_eq!(refusal(missing), "err-event-not-found");

    // A list that cannot be written records no invitation either.
    let nowhere = dir.path().join("no-such-folder").join("list.csv");
    let unwritten =
        event_invite::invite(&ctx, event.id, "area=10000", Channel::Sms, Some(&nowhere));
    assert!(unwritten.is_err());
    let consenting = person(&ctx, "Iva", "10000", &["sms"]);
    let again = event_invite::invite(&ctx, event.id, "area=10000", Channel::Sms, Some(&nowhere));
    assert!(again.unwrap_err().to_string().contains("list.csv"));
    assert!(
        events::guests(&ctx, event.id)
            .unwrap()
            .iter()
            .all(|g| g.member_id != consenting)
    );
    assert_eq!(count(&ctx, "SELECT count(*) FROM event_invites"), 0);

    // Taking back a mark made by mistake.
    assert!(events::forget_attendance(&ctx, event.id, ana).unwrap());
    assert!(!events::forget_attendance(&ctx, event.id, ana).unwrap());
}

#[test]
fn the_counter_offers_todays_event_alone_or_the_latest_ones() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let ids = |list: Vec<regulars::domain::event::Event>| -> Vec<i64> {
        list.into_iter().map(|e| e.id).collect()
    };
    assert!(events::for_the_counter(&ctx, 5).unwrap().is_empty());
    let old = events::add(&ctx, "Tasting", "2026-10-01", None).unwrap();
    events::add(&ctx, "Next year", "2027-02-01", None).unwrap();
    assert_eq!(ids(events::for_the_counter(&ctx, 5).unwrap()), vec![old.id]);
    let today = events::add(&ctx, "Reading hour", "2026-11-23", None).unwrap();
    assert_eq!(
        ids(events::for_the_counter(&ctx, 5).unwrap()),
        vec![today.id]
    );
    let also = events::add(&ctx, "Puppy morning", "2026-11-23", None).unwrap();
    assert_eq!(
        ids(events::for_the_counter(&ctx, 5).unwrap()),
        vec![also.id, today.id, old.id]
    );
}

#[test]
fn invitations_and_visits_go_with_erasure_follow_a_merge_and_are_in_the_export() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let ana = person(&ctx, "Ana", "10000", &["sms"]);
    let ivo = person(&ctx, "Ivo", "10000", &["sms"]);
    let first = events::add(&ctx, "Tasting", "2026-11-20", None).unwrap();
    let second = events::add(&ctx, "Reading hour", "2026-11-22", None).unwrap();
    event_invite::invite(&ctx, first.id, "area=10000", Channel::Sms, None).unwrap();
    events::attend(&ctx, first.id, ana, "card").unwrap();
    events::attend(&ctx, first.id, ivo, "card").unwrap();
    events::attend(&ctx, second.id, ivo, "cli").unwrap();

    let export = member_export(&ctx, ana).unwrap();
    assert_eq!(export["event_invites"][0]["event_id"], first.id);
    assert_eq!(export["event_invites"][0]["how"], "sms");
    assert_eq!(export["event_attendance"][0]["event_id"], first.id);

    // Both were invited to and came to the first: the one kept is once.
    merge(&ctx, ana, ivo).unwrap();
    let page = events::show(&ctx, first.id).unwrap();
    assert_eq!(
        (page.invited.clone(), page.attended.clone()),
        (vec![ana], vec![ana])
    );
    assert_eq!(events::show(&ctx, second.id).unwrap().attended, vec![ana]);
    let elsewhere = format!(
        "SELECT (SELECT count(*) FROM event_invites WHERE member_id <> {ana})
              + (SELECT count(*) FROM event_attendance WHERE member_id <> {ana})"
    );
    assert_eq!(count(&ctx, &elsewhere), 0);

    erase_member(&ctx, ana).unwrap().expect("erased");
    let left: HashSet<i64> = [first.id, second.id]
        .into_iter()
        .flat_map(|id| events::guests(&ctx, id).unwrap())
        .map(|g| g.member_id)
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(
        count(
            &ctx,
            "SELECT (SELECT count(*) FROM event_invites) + (SELECT count(*) FROM event_attendance)"
        ),
        0
    );
}
