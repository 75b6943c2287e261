//! The member operations on a real database file: one transaction each,
//! nothing half-saved when a check fails, duplicates found before a save.

use chrono::NaiveDate;
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::domain::family::BirthInfo;
use regulars::domain::member::{Channel, FieldError};
use regulars::ops::family::{self, KinInput, KinOutcome};
use regulars::ops::members::{
    IfDuplicate, MemberField, MemberInput, Outcome, Saved, check_member, delete_member,
    edit_member, sign_up,
};
use regulars::ops::{consent, lookup};
use tempfile::TempDir;

fn shop(dir: &TempDir, country: &str) -> Ctx {
    let mut config = Config::default();
    config.shop.country = country.into();
    Ctx::new(
        db::open(&dir.path().join("club.db")).unwrap(),
        Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
        config,
        Some(dir.path().join("club.db")),
    )
}

fn count(ctx: &Ctx, table: &str) -> i64 {
    ctx.conn
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn ana() -> MemberInput {
    MemberInput {
        first_name: " Ana ".into(),
        family_name: "Kovač".into(),
        phone: "091 234 5678".into(),
        email: "Ana@Example.com".into(),
        birthday: "26.11.1986".into(),
        card: "C-1".into(),
        consents: vec!["sms".into(), " Email".into()],
        ..MemberInput::default()
    }
}

fn saved(outcome: Outcome) -> Saved {
    match outcome {
        Outcome::Saved(saved) => saved,
        other => panic!("not saved: {other:?}"),
    }
}

/// A receipt from the till, not yet anyone's.
fn till_receipt(ctx: &Ctx, till_id: &str, card: Option<&str>, phone: Option<&str>) {
    ctx.conn
        .execute(
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, cust_card, cust_phone)
             VALUES ('generic', ?1, '2026-11-01', 1500, 'sale', ?2, ?3)",
            rusqlite::params![till_id, card, phone],
        )
        .unwrap();
}

#[test]
fn signing_up_stores_the_member_consents_and_earlier_receipts_at_once() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir, "HR");
    till_receipt(&ctx, "r1", Some("C-1"), None);
    till_receipt(&ctx, "r2", None, Some("+385912345678"));
    till_receipt(&ctx, "r3", Some("C-9"), None);
    let done = saved(sign_up(&ctx, &ana(), IfDuplicate::Ask).unwrap());
    assert_eq!((done.name.as_str(), done.claimed), ("Ana Kovač", 2));
    assert!(done.duplicates.is_empty());
    let card = lookup::member_card(&ctx, done.id).unwrap().unwrap();
    let d = &card.member.draft;
    assert_eq!(d.phone.as_deref(), Some("+385912345678"));
    assert_eq!(d.email.as_deref(), Some("ana@example.com"));
    assert_eq!(
        d.birthday.map(|b| (b.day, b.month, b.year)),
        Some((26, 11, Some(1986)))
    );
    let agreed: Vec<Channel> = card.consents.iter().map(|c| c.channel).collect();
    assert_eq!(agreed, vec![Channel::Sms, Channel::Email]);
    assert!(card.consents.iter().all(|c| c.granted && c.how == "signup"));
    for key in ["C-1", "091 234 5678", "+385 91 234 5678", "ANA@example.com"] {
        assert_eq!(lookup::find_member(&ctx, key).unwrap(), done.id, "{key}");
    }
    let missing = lookup::find_member(&ctx, "C-404").unwrap_err();
    assert_eq!(missing.key(), Some("err-member-not-found"));
}

#[test]
fn a_refused_signup_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir, "HR");
    let bad_channel = MemberInput {
        consents: vec!["sms".into(), "pigeon".into()],
        ..ana()
    };
    let e = sign_up(&ctx, &bad_channel, IfDuplicate::SaveAnyway).unwrap_err();
    assert_eq!(e.key(), Some("err-channel"));
    assert!(e.to_string().contains("pigeon"), "{e}");
    let bad_birthday = MemberInput {
        birthday: "31.2.".into(),
        ..ana()
    };
    assert!(sign_up(&ctx, &bad_birthday, IfDuplicate::SaveAnyway).is_err());
    assert_eq!((count(&ctx, "members"), count(&ctx, "consents")), (0, 0));

    let first = saved(sign_up(&ctx, &ana(), IfDuplicate::Ask).unwrap());
    let same_card = MemberInput {
        first_name: "Ivo".into(),
        phone: String::new(),
        email: String::new(),
        birthday: String::new(),
        ..ana()
    };
    let e = sign_up(&ctx, &same_card, IfDuplicate::SaveAnyway).unwrap_err();
    assert_eq!(e.key(), Some("err-card-taken"));
    assert!(e.to_string().contains("Ana Kovač"), "{e}");
    assert_eq!((count(&ctx, "members"), count(&ctx, "consents")), (1, 2));
    assert_eq!(lookup::find_member(&ctx, "C-1").unwrap(), first.id);
}

#[test]
fn duplicates_are_found_before_anything_is_stored() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir, "HR");
    let ana_id = saved(sign_up(&ctx, &ana(), IfDuplicate::Ask).unwrap()).id;
    // Same name and birthday, another phone and email: maybe the same person.
    let again = MemberInput {
        card: String::new(),
        phone: "098 765 4321".into(),
        email: String::new(),
        consents: vec![],
        ..ana()
    };
    match sign_up(&ctx, &again, IfDuplicate::Ask).unwrap() {
        Outcome::MaybeDuplicates(found) => {
            assert_eq!(found.iter().map(|m| m.id).collect::<Vec<_>>(), vec![ana_id]);
        }
        other => panic!("saved a possible duplicate: {other:?}"),
    }
    assert_eq!(count(&ctx, "members"), 1);
    // Saved anyway, the warning is still the one found before the save:
    // it names only the member already there, never the new one.
    let second = saved(sign_up(&ctx, &again, IfDuplicate::SaveAnyway).unwrap());
    assert_eq!(second.duplicates.len(), 1);
    assert_eq!(second.duplicates[0].id, ana_id);
    assert_eq!(count(&ctx, "members"), 2);
}

#[test]
fn an_edit_saves_details_consents_and_receipts_together() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir, "HR");
    let id = saved(sign_up(&ctx, &ana(), IfDuplicate::Ask).unwrap()).id;
    let ivo = saved(
        sign_up(
            &ctx,
            &MemberInput {
                first_name: "Ivo".into(),
                card: "C-2".into(),
                ..MemberInput::default()
            },
            IfDuplicate::Ask,
        )
        .unwrap(),
    );
    till_receipt(&ctx, "r1", Some("C-7"), None);
    let edited = MemberInput {
        family_name: "Kovač-Babić".into(),
        card: "C-7".into(),
        consents: vec!["email".into(), "post".into()],
        ..ana()
    };
    let done = saved(edit_member(&ctx, id, &edited, IfDuplicate::Ask).unwrap());
    assert_eq!((done.name.as_str(), done.claimed), ("Ana Kovač-Babić", 1));
    let card = lookup::member_card(&ctx, id).unwrap().unwrap();
    let now: Vec<(Channel, bool)> = card
        .consents
        .iter()
        .map(|c| (c.channel, c.granted))
        .collect();
    assert_eq!(
        now,
        vec![
            (Channel::Sms, false),
            (Channel::Email, true),
            (Channel::Post, true)
        ]
    );
    // sms withdrawn and post given: two entries more, email untouched.
    assert_eq!(count(&ctx, "consents"), 4);

    let taken = MemberInput {
        card: "C-2".into(),
        consents: vec![],
        ..edited.clone()
    };
    let e = edit_member(&ctx, id, &taken, IfDuplicate::SaveAnyway).unwrap_err();
    assert_eq!(e.key(), Some("err-card-taken"));
    let after = lookup::member_card(&ctx, id).unwrap().unwrap();
    assert_eq!(after.member.draft.card.as_deref(), Some("C-7"));
    assert_eq!(count(&ctx, "consents"), 4);

    assert_eq!(delete_member(&ctx, ivo.id).unwrap().as_deref(), Some("Ivo"));
    assert_eq!(delete_member(&ctx, ivo.id).unwrap(), None);
}

#[test]
fn consent_is_recorded_for_known_channels_of_members_only() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir, "HR");
    let id = saved(sign_up(&ctx, &ana(), IfDuplicate::Ask).unwrap()).id;
    consent::record_consent(&ctx, id, "SMS", false, "Counter").unwrap();
    let e = consent::record_consent(&ctx, id, "fax", true, "counter").unwrap_err();
    assert_eq!(e.key(), Some("err-channel"));
    let e = consent::record_consent(&ctx, id + 1, "sms", true, "counter").unwrap_err();
    assert_eq!(e.key(), Some("err-member-not-found"));
    let card = lookup::member_card(&ctx, id).unwrap().unwrap();
    let sms = card
        .consents
        .iter()
        .find(|c| c.channel == Channel::Sms)
        .unwrap();
    assert_eq!((sms.granted, sms.how.as_str()), (false, "counter"));
    assert_eq!(count(&ctx, "consents"), 3);
}

#[test]
fn children_and_pets_read_dates_in_the_shops_order() {
    let dir = TempDir::new().unwrap();
    let mut ctx = shop(&dir, "US");
    let abroad = MemberInput {
        phone: "+385 91 234 5678".into(),
        birthday: String::new(),
        ..ana()
    };
    let id = saved(sign_up(&ctx, &abroad, IfDuplicate::Ask).unwrap()).id;
    let pet = KinInput {
        name: "Bo".into(),
        detail: "dog".into(),
        born: "3/4/2020".into(),
        gotcha: "5/6/2020".into(),
        ..KinInput::default()
    };
    let added = family::add_pet(&ctx, id, &pet, IfDuplicate::Ask).unwrap();
    let KinOutcome::Saved(added) = added else {
        panic!("not saved: {added:?}");
    };
    assert_eq!(added.member_name, "Ana Kovač");
    let child = KinInput {
        name: "Mia".into(),
        age: "4".into(),
        ..KinInput::default()
    };
    family::add_child(&ctx, id, &child, IfDuplicate::Ask).unwrap();
    ctx.config.shop.country = "HR".into();
    let born = KinInput {
        born: "3/4/2020".into(),
        age: String::new(),
        ..child.clone()
    };
    // The same name again, on purpose: only the date order differs.
    family::add_child(&ctx, id, &born, IfDuplicate::SaveAnyway).unwrap();
    let card = lookup::member_card(&ctx, id).unwrap().unwrap();
    let day = |m, d| NaiveDate::from_ymd_opt(2020, m, d).unwrap();
    assert_eq!(card.pets[0].birth, BirthInfo::Born(day(3, 4)));
    assert_eq!(card.pets[0].gotcha, Some(day(5, 6)));
    assert_eq!(
        card.children[0].birth,
        BirthInfo::About {
            years: 4,
            on: ctx.clock.today()
        }
    );
    assert_eq!(card.children[1].birth, BirthInfo::Born(day(4, 3)));

    // A refused pet leaves the family as it was.
    let no_year = KinInput {
        gotcha: "5/6".into(),
        ..pet.clone()
    };
    assert!(family::add_pet(&ctx, id, &no_year, IfDuplicate::Ask).is_err());
    let e = family::add_pet(&ctx, id + 9, &pet, IfDuplicate::Ask).unwrap_err();
    assert_eq!(e.key(), Some("err-member-not-found"));
    assert_eq!((count(&ctx, "pets"), count(&ctx, "children")), (1, 2));
}

#[test]
fn a_consent_channel_this_version_does_not_know_is_an_error_not_post() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir, "HR");
    let id = saved(sign_up(&ctx, &ana(), IfDuplicate::Ask).unwrap()).id;
    // As a newer version with a wider channel list would have written it.
    ctx.conn
        .execute_batch(&format!(
            "PRAGMA ignore_check_constraints = ON;
             INSERT INTO consents (member_id, channel, granted, at, how)
             VALUES ({id}, 'whatsapp', 1, '2026-11-23 10:00:00', 'counter');
             PRAGMA ignore_check_constraints = OFF;"
        ))
        .unwrap();
    let e = lookup::member_card(&ctx, id).unwrap_err();
    assert_eq!(e.key(), Some("err-db-unknown-code"));
    assert!(e.to_string().contains("whatsapp"), "{e}");
    let edited = MemberInput {
        family_name: "Babić".into(),
        ..ana()
    };
    assert!(edit_member(&ctx, id, &edited, IfDuplicate::Ask).is_err());
    let family: String = ctx
        .conn
        .query_row("SELECT family_name FROM members WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(family, "Kovač");
}

#[test]
fn every_problem_is_named_at_its_field_and_the_first_refuses_a_signup() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir, "HR");
    let input = MemberInput {
        first_name: "  ".into(),
        phone: "12".into(),
        email: "ana.example.com".into(),
        birthday: "31.2.".into(),
        ..MemberInput::default()
    };
    let problems = check_member(&input, ctx.clock.today(), &ctx.config).unwrap_err();
    assert_eq!(
        problems,
        vec![
            (MemberField::FirstName, FieldError::Required),
            (MemberField::Phone, FieldError::Phone),
            (MemberField::Email, FieldError::Email),
            (MemberField::Birthday, FieldError::Date),
        ]
    );
    let e = sign_up(&ctx, &input, IfDuplicate::SaveAnyway).unwrap_err();
    assert!(e.to_string().starts_with("First name"), "{e}");
    assert_eq!(count(&ctx, "members"), 0);
}
