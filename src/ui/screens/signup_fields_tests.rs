use super::*;

fn config() -> Config {
    let mut c = Config::default();
    c.shop.country = "HR".into();
    c
}

/// A form with `value` typed at `stop`.
fn typed(stop: Stop, value: &str) -> Fields {
    let mut f = Fields::default();
    f.get_mut(stop).set(value);
    f
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

#[test]
fn search_text_goes_to_the_right_fields() {
    let f = Fields::from_search("ana kovač");
    assert_eq!(f.get(Stop::FirstName).value(), "Ana");
    assert_eq!(f.get(Stop::FamilyName).value(), "Kovač");
    let f = Fields::from_search("Maria de la Cruz");
    assert_eq!(f.get(Stop::FamilyName).value(), "de la Cruz");
    let f = Fields::from_search("091 234");
    assert_eq!(f.get(Stop::Contact).value(), "091 234");
    assert!(f.get(Stop::FirstName).is_blank());
    let f = Fields::from_search("ana@example.com");
    assert_eq!(f.get(Stop::Contact).value(), "ana@example.com");
}

#[test]
fn check_reads_phone_email_and_birthday() {
    let mut f = Fields::from_search("Ana");
    f.get_mut(Stop::Contact).set("091 234 5678");
    f.get_mut(Stop::OtherContact).set("Ana@Example.com");
    f.get_mut(Stop::Birthday).set("14.3.");
    f.consent[0] = true;
    let (draft, consents) = check(&f, today(), &config()).unwrap();
    assert_eq!(draft.phone.as_deref(), Some("+385912345678"));
    assert_eq!(draft.email.as_deref(), Some("ana@example.com"));
    assert_eq!(draft.birthday.map(|b| (b.day, b.month)), Some((14, 3)));
    assert_eq!(consents, vec![Channel::Sms]);
}

#[test]
fn each_problem_is_named_at_its_field() {
    let mut f = Fields::default();
    f.get_mut(Stop::Contact).set("12");
    f.get_mut(Stop::Birthday).set("31.2.");
    let errors = check(&f, today(), &config()).unwrap_err();
    let stops: Vec<Stop> = errors.iter().map(|(s, _)| *s).collect();
    assert_eq!(stops, vec![Stop::FirstName, Stop::Contact, Stop::Birthday]);
    assert_eq!(errors[1].1.key(), "field-bad-phone");
    // The example is a number of the shop's own country.
    let example = crate::words::examples::phone(&config().shop.country);
    assert!(errors[1].1.to_string().contains(&example.national));
    f.get_mut(Stop::Contact).set("a@b.hr");
    f.get_mut(Stop::OtherContact).set("c@d.hr");
    let errors = check(&f, today(), &config()).unwrap_err();
    assert!(errors.contains(&(Stop::OtherContact, Message::plain("ui-err-second-email"))));
}

#[test]
fn hints_confirm_what_was_understood() {
    let c = config();
    assert_eq!(
        hint(
            Stop::Contact,
            &typed(Stop::Contact, "0912345678"),
            today(),
            &c
        ),
        Some((t_args("ui-hint-ok", &[("value", "091 234 5678")]), true))
    );
    assert_eq!(
        hint(Stop::Birthday, &typed(Stop::Birthday, "31.2."), today(), &c),
        None
    );
    assert_eq!(
        hint(
            Stop::Birthday,
            &typed(Stop::Birthday, "14.3.1986"),
            today(),
            &c
        )
        .map(|h| h.1),
        Some(true)
    );
}

#[test]
fn a_hebrew_birthday_is_read_in_its_calendar() {
    let mut f = Fields::from_search("Noa");
    f.calendar = BirthCalendar::Hebrew;
    f.get_mut(Stop::Birthday).set("12 Tishrei");
    let (draft, _) = check(&f, today(), &config()).unwrap();
    // Kept beside the draft: no Gregorian birthday.
    assert_eq!(draft.birthday, None);
    let hint = crate::i18n::Locale::english().scope(|| {
        hint(
            Stop::Birthday,
            &f,
            NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
            &config(),
        )
    });
    assert_eq!(hint, Some(("✓ 12 Tishrei · 23 Sept".to_string(), true)));
    f.get_mut(Stop::Birthday).set("14 March");
    let errors = check(&f, today(), &config()).unwrap_err();
    assert_eq!(
        errors,
        vec![(Stop::Birthday, Message::plain("field-bad-calendar-date"))]
    );
}
