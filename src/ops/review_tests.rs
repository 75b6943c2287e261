use super::*;
use crate::domain::member::Channel;
use crate::ops::testing::{birthday_member, club};

fn contact_rows(ctx: &Ctx) -> i64 {
    ctx.conn
        .query_row("SELECT count(*) FROM contact_log", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn marking_a_birthday_contacted_logs_it_once_and_shows_on_reopening() {
    let (_dir, ctx) = club();
    let ana = birthday_member(&ctx, "Ana", &[Channel::Sms]);
    let review = open(&ctx).unwrap();
    let row = review
        .birthdays
        .iter()
        .find(|r| r.member_id == ana)
        .expect("Ana's birthday is on the list");
    assert_eq!(row.contacted, None);
    let entry = mark_contacted(&ctx, row, ContactChannel::Message(Channel::Sms)).unwrap();
    assert_eq!(entry.member_id, ana);
    assert_eq!(entry.at, ctx.clock.now());
    assert_eq!(contact_rows(&ctx), 1);
    let again = open(&ctx).unwrap();
    let row = again.birthdays.iter().find(|r| r.member_id == ana).unwrap();
    assert_eq!(row.contacted.as_ref(), Some(&entry));
}

#[test]
fn the_reminders_name_their_members() {
    let (_dir, ctx) = club();
    let ana = birthday_member(&ctx, "Ana", &[]);
    let (found, names) = reminders(&ctx, 7).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].anniversary.member_id, ana);
    assert!(names[&ana].contains("Ana"), "{names:?}");
    let (none, _) = reminders(&ctx, 1).unwrap();
    assert!(none.is_empty(), "the birthday is two days away");
}
