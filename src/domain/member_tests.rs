//! Unit tests for the signup rules in `member.rs`.

use chrono::NaiveDate;
use phonenumber::country::Id;

use super::date_order::DateOrder;
use super::member::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

#[test]
fn phones_become_e164_with_the_shop_country() {
    assert_eq!(
        normalise_phone("091 234 5678", Id::HR).unwrap(),
        "+385912345678"
    );
    assert_eq!(
        normalise_phone("'+385 98 111 2233", Id::HR).unwrap(),
        "+385981112233"
    );
    assert_eq!(
        normalise_phone("050-123-4567", Id::IL).unwrap(),
        "+972501234567"
    );
    assert_eq!(
        normalise_phone("0045 20 12 34 56", Id::HR).unwrap(),
        "+4520123456"
    );
    assert_eq!(
        normalise_phone("20 12 34 56", Id::DK).unwrap(),
        "+4520123456"
    );
    assert!(normalise_phone("(212) 555-0123", Id::US).is_ok());
    // A new Israeli mobile range the metadata does not list yet is still taken.
    assert_eq!(
        normalise_phone("050-123-4567", Id::IL).unwrap(),
        "+972501234567"
    );
    // A Croatian national number typed in a US shop is not a US number.
    assert_eq!(
        normalise_phone("091 234 5678", Id::US),
        Err(FieldError::Phone)
    );
    for bad in ["", "abc", "12", "+385 1", "091 234 5678 9999 12"] {
        assert_eq!(
            normalise_phone(bad, Id::HR),
            Err(FieldError::Phone),
            "{bad}"
        );
    }
}

#[test]
fn phones_display_nationally_at_home() {
    assert_eq!(display_phone("+385912345678", Id::HR), "091 234 5678");
    assert!(display_phone("+385912345678", Id::IL).starts_with("+385"));
    assert_eq!(national_digits("+972501234567"), "0501234567");
}

#[test]
fn emails_are_lowercased_and_checked() {
    assert_eq!(
        normalise_email("  Ana.Kovacic@Example.HR ").unwrap(),
        "ana.kovacic@example.hr"
    );
    for bad in [
        "ana",
        "ana@",
        "@x.hr",
        "ana@hr",
        "ana@x..hr",
        "a b@x.hr",
        "ana@x.hr.",
    ] {
        assert_eq!(normalise_email(bad), Err(FieldError::Email), "{bad}");
    }
}

#[test]
fn birthdays_in_the_usual_forms() {
    let b = |s| parse_birthday(s, today(), DateOrder::DayFirst);
    assert_eq!(
        b("1986-03-14").unwrap(),
        Birthday {
            month: 3,
            day: 14,
            year: Some(1986)
        }
    );
    assert_eq!(
        b("03-14").unwrap(),
        Birthday {
            month: 3,
            day: 14,
            year: None
        }
    );
    assert_eq!(
        b("--02-29").unwrap(),
        Birthday {
            month: 2,
            day: 29,
            year: None
        }
    );
    assert_eq!(
        b("14.3.").unwrap(),
        Birthday {
            month: 3,
            day: 14,
            year: None
        }
    );
    assert_eq!(
        b("14.03.1986").unwrap(),
        Birthday {
            month: 3,
            day: 14,
            year: Some(1986)
        }
    );
    assert_eq!(
        b("14/3/86").unwrap(),
        Birthday {
            month: 3,
            day: 14,
            year: Some(1986)
        }
    );
    assert_eq!(b("1/12/20").unwrap().year, Some(2020));
    assert_eq!(
        parse_birthday("3/14", today(), DateOrder::MonthFirst).unwrap(),
        Birthday {
            month: 3,
            day: 14,
            year: None
        }
    );
    assert_eq!(b("2023-02-29"), Err(FieldError::Date));
    assert_eq!(b("31.4."), Err(FieldError::Date));
    assert_eq!(b("2027-01-01"), Err(FieldError::FutureDate));
    assert_eq!(b("tomorrow"), Err(FieldError::Date));
    assert_eq!(b(""), Err(FieldError::Required));
}

#[test]
fn folding_ignores_case_and_accents_but_keeps_other_scripts() {
    assert_eq!(fold("Željko  Đurić"), "zeljko duric");
    assert_eq!(fold("Ana KOVAČIĆ"), "ana kovacic");
    assert_eq!(fold("Mads Jørgensen"), "mads jorgensen");
    assert_eq!(fold("李 伟"), "李 伟");
    assert_eq!(fold("דנה"), "דנה");
    assert_eq!(clean_text(" A\u{0007}na \n Cohen "), "Ana Cohen");
}

#[test]
fn duplicates_by_phone_email_or_name_and_birthday() {
    let maya = MemberDraft {
        first_name: "Maya".into(),
        family_name: "Cohen".into(),
        phone: Some("+972523456789".into()),
        birthday: Some(Birthday {
            month: 3,
            day: 3,
            year: None,
        }),
        ..Default::default()
    };
    let same_phone = MemberDraft {
        first_name: "M".into(),
        phone: maya.phone.clone(),
        ..Default::default()
    };
    let same_name_day = MemberDraft {
        first_name: "maya".into(),
        family_name: "COHEN".into(),
        birthday: Some(Birthday {
            month: 3,
            day: 3,
            year: Some(1990),
        }),
        ..Default::default()
    };
    let same_name_only = MemberDraft {
        first_name: "Maya".into(),
        family_name: "Cohen".into(),
        ..Default::default()
    };
    assert!(possible_duplicate(&maya, &same_phone));
    assert!(possible_duplicate(&maya, &same_name_day));
    assert!(!possible_duplicate(&maya, &same_name_only));
}

#[test]
fn east_asian_names_are_family_name_first() {
    assert_eq!(full_name("伟", "李"), "李伟");
    assert_eq!(full_name("Wei", "Li"), "Wei Li");
    assert_eq!(full_name("伟", "Li"), "伟 Li");
    assert_eq!(full_name("Ana", ""), "Ana");
}
