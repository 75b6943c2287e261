//! Each word against a small club on a real database file.

use chrono::NaiveDate;
use rusqlite::Connection;
use tempfile::TempDir;

use super::*;
use crate::db;
use crate::domain::segment::parse;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn facts() -> Facts {
    Facts {
        today: today(),
        tiers: vec!["Bronze".into(), "Silver".into(), "Gold".into()],
        minor_digits: 2,
    }
}

/// Ana (1): born 1990-05-10 in 10000, speaks hr, tags "vegan, dog lover",
/// a daughter of 5 and a dog, three Saturday-morning visits buying cake
/// (600.00), Gold. Ivo (2): born 1960-12-24 in 21000, speaks he, two
/// children "about 10" a year ago, a cat that passed away, bread bought
/// before the last 12 months. Eva (3): nothing known. Zora (4): erased.
fn club() -> (TempDir, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let conn = db::open(&dir.path().join("club.db")).unwrap();
    conn.execute_batch(
        "INSERT INTO members (id, first_name, sort_key, joined_at, birth_year, birth_month, birth_day, area, language, tags)
         VALUES (1, 'Ana', 'ana', '2024-01-01', 1990, 5, 10, '10000', 'hr', 'vegan, dog lover'),
                (2, 'Ivo', 'ivo', '2024-01-01', 1960, 12, 24, '21000', 'he', NULL),
                (3, 'Eva', 'eva', '2024-01-01', NULL, NULL, NULL, NULL, NULL, NULL);
         INSERT INTO members (id, first_name, sort_key, joined_at, area, erased_at)
         VALUES (4, 'Zora', 'zora', '2024-01-01', '10000', '2026-01-01');
         INSERT INTO children (member_id, name, born) VALUES (1, 'Mia', '2021-03-01');
         INSERT INTO children (member_id, name, approx_years, approx_on)
         VALUES (2, 'Luka', 10, '2025-11-23'), (2, 'Ema', 10, '2025-11-23');
         INSERT INTO pets (member_id, name, kind) VALUES (1, 'Rex', 'dog');
         INSERT INTO pets (member_id, name, kind, passed_away) VALUES (2, 'Tom', 'cat', '2026-02-02');
         INSERT INTO member_tiers (member_id, tier, metric) VALUES (1, 2, 60000), (2, 0, 0);
         INSERT INTO receipts (id, source, till_id, local_date, local_time, total_minor, kind, member_id) VALUES
            (1, 'csv', 'R1', '2026-11-21', '08:10:00', 20000, 'sale', 1),
            (2, 'csv', 'R2', '2026-11-14', '08:40:00', 20000, 'sale', 1),
            (3, 'csv', 'R3', '2026-10-03', '09:05:00', 20000, 'sale', 1),
            (4, 'csv', 'R4', '2025-01-01', '17:00:00', 300, 'sale', 2);
         INSERT INTO lines (receipt_id, item, category, qty_milli, amount_minor) VALUES
            (1, 'Birthday cake', 'Cakes', 1000, 20000),
            (2, 'Birthday cake', 'Cakes', 1000, 20000),
            (3, 'Croissant', 'Pastry', 1000, 20000),
            (4, 'Bread', 'Bread', 1000, 300);",
    )
    .unwrap();
    (dir, conn)
}

fn who(conn: &Connection, text: &str) -> Vec<i64> {
    let compiled = compile(&parse(text).unwrap(), &facts()).unwrap();
    let ids = member_ids(conn, &compiled).unwrap();
    assert_eq!(count(conn, &compiled).unwrap(), ids.len() as u64, "{text}");
    ids
}

#[test]
fn tiers_by_name_and_the_first_for_those_without_one() {
    let (_dir, conn) = club();
    assert_eq!(who(&conn, "tier=gold"), [1]);
    assert_eq!(who(&conn, "tier=Bronze"), [2, 3]);
    assert_eq!(who(&conn, "tier!=Gold"), [2, 3]);
    let err = compile(&parse("tier=Platinum").unwrap(), &facts()).unwrap_err();
    assert_eq!(err.key(), Some("segment-err-unknown-tier"));
}

#[test]
fn pets_living_and_their_kind() {
    let (_dir, conn) = club();
    assert_eq!(who(&conn, "pet"), [1]);
    assert_eq!(who(&conn, "pet=DOG"), [1]);
    assert_eq!(who(&conn, "pet=cat"), Vec::<i64>::new());
    assert_eq!(who(&conn, "pet!=dog"), [2, 3]);
}

#[test]
fn children_their_number_and_ages() {
    let (_dir, conn) = club();
    assert_eq!(who(&conn, "children"), [1, 2]);
    assert_eq!(who(&conn, "children>=2"), [2]);
    assert_eq!(who(&conn, "child_age=3..6"), [1]);
    assert_eq!(who(&conn, "child_age=11"), [2]);
    assert_eq!(who(&conn, "child_age!=11"), [1, 3]);
}

#[test]
fn age_and_birthday_month() {
    let (_dir, conn) = club();
    assert_eq!(who(&conn, "age=30..45"), [1]);
    // 65 until the birthday on 24 December.
    assert_eq!(who(&conn, "age=65"), [2]);
    assert_eq!(who(&conn, "not age=65"), [1]);
    assert_eq!(who(&conn, "birthday_month=12"), [2]);
}

#[test]
fn area_language_and_tags() {
    let (_dir, conn) = club();
    assert_eq!(who(&conn, "area=10000"), [1]);
    assert_eq!(who(&conn, "language=HE"), [2]);
    assert_eq!(who(&conn, "tag=vegan"), [1]);
    assert_eq!(who(&conn, "tag=dog lover"), [1]);
    assert_eq!(who(&conn, "tag=dog"), Vec::<i64>::new());
}

#[test]
fn visits_spend_and_last_visit_over_twelve_months() {
    let (_dir, conn) = club();
    assert_eq!(who(&conn, "visits_12m>=3"), [1]);
    assert_eq!(who(&conn, "spend_12m>=600"), [1]);
    assert_eq!(who(&conn, "spend_12m>600"), Vec::<i64>::new());
    assert_eq!(who(&conn, "spend_12m<1"), [2, 3]);
    assert_eq!(who(&conn, "last_visit<2026-01-01"), [2]);
}

#[test]
fn bought_items_and_categories_from_the_receipt_lines() {
    let (_dir, conn) = club();
    assert_eq!(who(&conn, "bought=birthday cake"), [1]);
    assert_eq!(who(&conn, "category=Bread"), [2]);
    assert_eq!(who(&conn, "bought!=Bread"), [1, 3]);
}

#[test]
fn the_usual_day_and_hour_of_visits() {
    let (_dir, conn) = club();
    assert_eq!(who(&conn, "usual_day=sat"), [1]);
    assert_eq!(who(&conn, "usual_hour=8"), [1]);
    assert_eq!(who(&conn, "usual_hour=17"), Vec::<i64>::new());
}

#[test]
fn a_habit_not_known_is_neither_true_nor_false_under_not() {
    let (_dir, conn) = club();
    // Ivo's one visit is older than 12 months and Eva never came: only
    // Ana has a usual day and hour.
    assert_eq!(who(&conn, "not usual_day=sat"), Vec::<i64>::new());
    assert_eq!(who(&conn, "not usual_day=mon"), [1]);
    assert_eq!(who(&conn, "usual_day!=mon"), [1]);
    assert_eq!(who(&conn, "not not usual_day=sat"), [1]);
    assert_eq!(who(&conn, "not (usual_day=mon or usual_hour=17)"), [1]);
    assert_eq!(who(&conn, "not usual_hour=7..9 or language=he"), [2]);
    assert_eq!(who(&conn, "not (usual_hour=8 and visits_12m<1)"), [1]);
}

#[test]
fn words_without_data_match_no_one_and_are_named() {
    let (_dir, conn) = club();
    let compiled = compile(
        &parse("source=neighbour shop or not occupation=teacher").unwrap(),
        &facts(),
    )
    .unwrap();
    assert_eq!(count(&conn, &compiled).unwrap(), 0);
    assert_eq!(compiled.no_data, [Word::Source, Word::Occupation]);
}

#[test]
fn conditions_combine_and_typed_text_stays_a_value() {
    let (_dir, conn) = club();
    assert_eq!(who(&conn, "pet or children>=2"), [1, 2]);
    assert_eq!(
        who(&conn, "children and not (pet or language=he)"),
        Vec::<i64>::new()
    );
    assert_eq!(who(&conn, "tag=\"x' OR 1=1 --\""), Vec::<i64>::new());
    assert_eq!(who(&conn, "area=\"10000') OR ('1'='1\""), Vec::<i64>::new());
}
