use super::*;
use crate::domain::member::{Birthday, normalise_phone, parse_birthday};

#[test]
fn each_countrys_example_number_is_one_the_app_accepts_there() {
    for country in ["IL", "HR", "CN", "TH", "US", "GB", "DE", "DK"] {
        let example = phone(country);
        let id = phonenumber::country::Id::from_str(country).unwrap();
        let national = normalise_phone(&example.national, id);
        let international = normalise_phone(&example.international, id);
        assert!(national.is_ok(), "{country}: {example:?}");
        assert_eq!(national, international, "{country}");
        assert!(example.international.starts_with('+'), "{country}");
    }
    // An Israeli number is written the Israeli way, not the Croatian.
    let israel = phone("il");
    assert!(israel.national.starts_with('0'), "{israel:?}");
    assert!(israel.international.starts_with("+972"), "{israel:?}");
    assert_ne!(phone("HR"), israel);
}

#[test]
fn an_unknown_country_still_gives_a_number() {
    let example = phone("XX");
    assert!(!example.national.is_empty());
    assert!(example.international.starts_with('+'));
}

#[test]
fn the_date_example_is_read_back_as_the_14th_of_march_in_its_order() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    for order in [DateOrder::DayFirst, DateOrder::MonthFirst] {
        let example = birthday(order);
        let full = parse_birthday(&example.full, today, order).unwrap();
        assert_eq!(
            full,
            Birthday {
                month: 3,
                day: 14,
                year: Some(1986)
            }
        );
        let short = parse_birthday(&example.short, today, order).unwrap();
        assert_eq!((short.month, short.day, short.year), (3, 14, None));
    }
    assert_eq!(birthday(DateOrder::for_country("US")).full, "3/14/1986");
    assert_eq!(birthday(DateOrder::for_country("IL")).full, "14.3.1986");
}

#[test]
fn a_refused_phone_names_the_shops_own_example() {
    let mut config = Config::default();
    config.shop.country = "IL".into();
    let said = field_problem(&FieldError::Phone, &config).to_string();
    assert!(said.contains(&phone("IL").national), "{said}");
    assert!(!said.contains("+385"), "{said}");
    config.shop.country = "US".into();
    let said = field_problem(&FieldError::Date, &config).to_string();
    assert!(said.contains("3/14/1986"), "{said}");
}
