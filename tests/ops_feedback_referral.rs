//! Feedback answers and "how did they find us" on a real database file:
//! a score off its scale or an unknown source is refused naming it, and
//! nothing is written.

use chrono::NaiveDate;
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::domain::club_health::Answer;
use regulars::ops::feedback;
use regulars::ops::members::{IfDuplicate, MemberInput, Outcome, sign_up, sign_up_referred};
use regulars::ops::referral::{self, Referral, read_referral};
use tempfile::TempDir;

fn shop(dir: &TempDir) -> Ctx {
    let mut config = Config::default();
    config.shop.country = "HR".into();
    config.points.review_bonus = 25;
    config.points.referral_bonus = 100;
    Ctx::new(
        db::open(&dir.path().join("club.db")).unwrap(),
        Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
        config,
        Some(dir.path().join("club.db")),
    )
}

fn count(ctx: &Ctx, sql: &str) -> i64 {
    ctx.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn person(first: &str) -> MemberInput {
    MemberInput {
        first_name: first.into(),
        family_name: "Horvat".into(),
        ..MemberInput::default()
    }
}

fn signed_up(outcome: Outcome) -> i64 {
    match outcome {
        Outcome::Saved(saved) => saved.id,
        other => panic!("not saved: {other:?}"),
    }
}

#[test]
fn an_answer_is_stored_and_the_review_bonus_given_once() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let ana = signed_up(sign_up(&ctx, &person("Ana"), IfDuplicate::Ask).unwrap());
    let first = feedback::record(&ctx, Some(ana), Answer::Nps(9), "counter").unwrap();
    assert_eq!(first.name.as_deref(), Some("Ana Horvat"));
    assert!(first.bonus_given);
    let second = feedback::record(&ctx, Some(ana), Answer::Csat(4), "counter").unwrap();
    assert!(!second.bonus_given);
    let anonymous = feedback::record(&ctx, None, Answer::Nps(3), "counter").unwrap();
    assert_eq!((anonymous.member_id, anonymous.name), (None, None));
    assert_eq!(count(&ctx, "SELECT count(*) FROM feedback"), 3);
    assert_eq!(
        count(
            &ctx,
            "SELECT count(*) FROM feedback WHERE member_id IS NULL"
        ),
        1
    );
    assert_eq!(
        count(
            &ctx,
            "SELECT count(*) FROM points WHERE once_key = 'review'"
        ),
        1
    );
    let stored: (Option<i64>, Option<i64>, String) = ctx
        .conn
        .query_row(
            "SELECT nps, csat, at FROM feedback WHERE id = ?1",
            [second.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(stored.0, None);
    assert_eq!(stored.1, Some(4));
    assert!(stored.2.starts_with("2026-11-23"), "{}", stored.2);
}

#[test]
fn a_score_off_its_scale_is_refused_naming_it() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    for (answer, value) in [
        (Answer::Nps(11), "11"),
        (Answer::Nps(-1), "-1"),
        (Answer::Csat(0), "0"),
        (Answer::Csat(6), "6"),
    ] {
        let err = feedback::record(&ctx, None, answer, "counter").unwrap_err();
        assert_eq!(err.key(), Some("err-feedback-range"));
        let text = err.to_string();
        assert!(
            text.contains(value) && text.contains(answer.label()),
            "{text}"
        );
    }
    assert_eq!(count(&ctx, "SELECT count(*) FROM feedback"), 0);
}

#[test]
fn a_member_who_brought_the_new_one_is_stored_and_both_get_the_bonus() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let ana = signed_up(sign_up(&ctx, &person("Ana"), IfDuplicate::Ask).unwrap());
    let by = read_referral(&ctx, Some(&ana.to_string()), None).unwrap();
    assert_eq!(by, Referral::Member(ana));
    let ivo = signed_up(sign_up_referred(&ctx, &person("Ivo"), IfDuplicate::Ask, &by).unwrap());
    assert_eq!(referral::of_member(&ctx, ivo).unwrap(), (Some(ana), None));
    assert_eq!(
        count(
            &ctx,
            "SELECT count(*) FROM points WHERE detail = 'referral'"
        ),
        2
    );
}

#[test]
fn a_source_is_stored_as_the_config_spells_it() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let source = read_referral(&ctx, None, Some("  Walked PAST ")).unwrap();
    assert_eq!(source, Referral::Source("walked past".into()));
    let mia = signed_up(sign_up_referred(&ctx, &person("Mia"), IfDuplicate::Ask, &source).unwrap());
    assert_eq!(
        referral::of_member(&ctx, mia).unwrap(),
        (None, Some("walked past".into()))
    );
}

#[test]
fn an_unknown_source_or_referrer_is_refused_naming_it() {
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir);
    let err = read_referral(&ctx, None, Some("radio")).unwrap_err();
    assert_eq!(err.key(), Some("err-source-unknown"));
    let text = err.to_string();
    assert!(
        text.contains("radio") && text.contains("neighbour shop"),
        "{text}"
    );
    let err = read_referral(&ctx, Some("C-404"), None).unwrap_err();
    assert_eq!(err.key(), Some("err-member-not-found"));
    // The owner's own list replaces the default one.
    let mut config = ctx.config.clone();
    config.club.sources = Some(vec!["Radio Zagreb".into(), " ".into()]);
    ctx.set_config(config);
    assert_eq!(ctx.config.sources(), vec!["Radio Zagreb".to_string()]);
    assert_eq!(
        read_referral(&ctx, None, Some("radio zagreb")).unwrap(),
        Referral::Source("Radio Zagreb".into())
    );
    assert_eq!(count(&ctx, "SELECT count(*) FROM members"), 0);
}

#[test]
fn the_default_sources_are_in_the_shop_language() {
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir);
    let mut config = ctx.config.clone();
    config.shop.locale = "hr".into();
    ctx.set_config(config);
    let sources = ctx.config.sources();
    assert_eq!(sources.len(), 8);
    assert_eq!(sources[1], "susjedna trgovina");
}

#[test]
fn with_a_period_set_the_review_bonus_comes_again_in_the_next_period() {
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir);
    let mut config = ctx.config.clone();
    config.points.review_every_months = 6;
    ctx.set_config(config.clone());
    let ana = signed_up(sign_up(&ctx, &person("Ana"), IfDuplicate::Ask).unwrap());
    // 23 Nov 2026: the July–December period.
    assert!(
        feedback::record(&ctx, Some(ana), Answer::Nps(9), "counter")
            .unwrap()
            .bonus_given
    );
    assert!(
        !feedback::record(&ctx, Some(ana), Answer::Csat(5), "counter")
            .unwrap()
            .bonus_given
    );
    let mut january = Ctx::new(
        db::open(&dir.path().join("club.db")).unwrap(),
        Clock::fixed(NaiveDate::from_ymd_opt(2027, 1, 10).unwrap()),
        Config::default(),
        Some(dir.path().join("club.db")),
    );
    january.set_config(config);
    assert!(
        feedback::record(&january, Some(ana), Answer::Nps(10), "counter")
            .unwrap()
            .bonus_given
    );
    assert!(
        !feedback::record(&january, Some(ana), Answer::Nps(8), "cli")
            .unwrap()
            .bonus_given
    );
    assert_eq!(
        count(
            &ctx,
            "SELECT count(*) FROM points WHERE once_key GLOB 'review:*'"
        ),
        2
    );
}
