//! Consent and the suppression list on a real database file: a withdrawal
//! is remembered as a keyed hash that outlives the member, a later signup
//! with that contact starts without consent on the channel, and only
//! consent given again at the counter or on the command line lifts it.

use chrono::NaiveDate;
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::domain::consent::ConsentHow;
use regulars::domain::member::Channel;
use regulars::ops::consent::{self, change_consent};
use regulars::ops::members::{IfDuplicate, MemberInput, Outcome, Saved, delete_member, sign_up};
use regulars::ops::suppression;
use tempfile::TempDir;

fn shop(dir: &TempDir) -> Ctx {
    let mut config = Config::default();
    config.shop.country = "HR".into();
    Ctx::new(
        db::open(&dir.path().join("club.db")).unwrap(),
        Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
        config,
        Some(dir.path().join("club.db")),
    )
}

fn person(first: &str, consents: &[&str]) -> MemberInput {
    MemberInput {
        first_name: first.into(),
        family_name: "Kovač".into(),
        phone: "091 234 5678".into(),
        email: "Ana@Example.com".into(),
        consents: consents.iter().map(|c| c.to_string()).collect(),
        ..MemberInput::default()
    }
}

fn saved(outcome: Outcome) -> Saved {
    match outcome {
        Outcome::Saved(saved) => saved,
        other => panic!("not saved: {other:?}"),
    }
}

fn granted(ctx: &Ctx, id: i64) -> Vec<Channel> {
    consent::current(&ctx.conn, id)
        .unwrap()
        .into_iter()
        .filter(|(_, g)| *g)
        .map(|(c, _)| c)
        .collect()
}

fn suppressed_rows(ctx: &Ctx) -> Vec<(String, String)> {
    let mut stmt = ctx
        .conn
        .prepare("SELECT hash, channel FROM suppression ORDER BY channel")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_withdrawal_is_logged_and_its_contact_kept_only_as_a_keyed_hash() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let id = saved(sign_up(&ctx, &person("Ana", &["sms", "email"]), IfDuplicate::Ask).unwrap()).id;
    let changed =
        change_consent(&ctx, id, &[Channel::Post], &[Channel::Sms], ConsentHow::Cli).unwrap();
    assert_eq!(
        changed.now,
        vec![
            (Channel::Sms, false),
            (Channel::Email, true),
            (Channel::Phone, false),
            (Channel::Post, true)
        ]
    );
    let log = consent::history(&ctx, id).unwrap();
    let newest: Vec<_> = log
        .iter()
        .take(2)
        .map(|e| (e.channel, e.granted, e.how.as_str()))
        .collect();
    assert_eq!(
        newest,
        vec![(Channel::Sms, false, "cli"), (Channel::Post, true, "cli")]
    );
    assert_eq!(log.len(), 4, "two at signup, two now: nothing overwritten");

    let rows = suppressed_rows(&ctx);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1, "sms");
    assert!(
        !rows[0].0.contains("912345678"),
        "the number is not readable"
    );
    let key: Vec<u8> = ctx
        .conn
        .query_row(
            "SELECT value FROM secrets WHERE name = 'suppression'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(key.len(), 32);
    assert_eq!(
        rows[0].0,
        suppression::contact_hash(&key, Channel::Sms, "+385912345678")
    );
}

#[test]
fn a_signup_with_a_suppressed_contact_starts_without_that_consent_until_given_again() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let first =
        saved(sign_up(&ctx, &person("Ana", &["sms", "email"]), IfDuplicate::Ask).unwrap()).id;
    change_consent(&ctx, first, &[], &[Channel::Sms], ConsentHow::Counter).unwrap();
    // Deleting is erasing: every contact of the member goes on the list.
    delete_member(&ctx, first).unwrap();
    assert_eq!(
        suppressed_rows(&ctx).len(),
        3,
        "the list outlives the member"
    );

    let again = saved(
        sign_up(
            &ctx,
            &person("Ana", &["sms", "email"]),
            IfDuplicate::SaveAnyway,
        )
        .unwrap(),
    );
    assert_eq!(again.suppressed, vec![Channel::Sms, Channel::Email]);
    assert!(granted(&ctx, again.id).is_empty());

    // A form ticked again does not let the number back; the counter does.
    change_consent(&ctx, again.id, &[Channel::Sms], &[], ConsentHow::Form).unwrap();
    assert_eq!(suppressed_rows(&ctx).len(), 3);
    change_consent(&ctx, again.id, &[Channel::Sms], &[], ConsentHow::Counter).unwrap();
    assert_eq!(suppressed_rows(&ctx).len(), 2);
    assert_eq!(granted(&ctx, again.id), vec![Channel::Sms]);
}

#[test]
fn suppressing_a_members_contacts_covers_every_channel_with_a_contact() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let id = saved(sign_up(&ctx, &person("Ana", &[]), IfDuplicate::Ask).unwrap()).id;
    let at = ctx.clock.now();
    suppression::suppress_contacts(&ctx.conn, id, at).unwrap();
    let channels: Vec<String> = suppressed_rows(&ctx).into_iter().map(|r| r.1).collect();
    assert_eq!(channels, vec!["email", "phone", "sms"]);
    let member = db::members::get(&ctx.conn, id).unwrap().unwrap();
    let all = [Channel::Sms, Channel::Email, Channel::Phone, Channel::Post];
    let found = suppression::suppressed_of(&ctx.conn, &member.draft, &all).unwrap();
    assert_eq!(found, vec![Channel::Sms, Channel::Email, Channel::Phone]);
}

#[test]
fn a_change_names_what_is_wrong_and_saves_nothing() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let id = saved(sign_up(&ctx, &person("Ana", &["sms"]), IfDuplicate::Ask).unwrap()).id;
    let e =
        change_consent(&ctx, id, &[Channel::Sms], &[Channel::Sms], ConsentHow::Cli).unwrap_err();
    assert_eq!(e.key(), Some("err-consent-both"));
    let e = change_consent(&ctx, id, &[], &[], ConsentHow::Cli).unwrap_err();
    assert_eq!(e.key(), Some("err-consent-nothing"));
    let e = change_consent(&ctx, id + 1, &[], &[Channel::Sms], ConsentHow::Cli).unwrap_err();
    assert_eq!(e.key(), Some("err-member-not-found"));
    let e = consent::how("phone call").unwrap_err();
    assert_eq!(e.key(), Some("err-consent-how"));
    assert_eq!(consent::history(&ctx, id).unwrap().len(), 1);
    assert!(suppressed_rows(&ctx).is_empty());
}
