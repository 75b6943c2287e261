//! Alphabetical lists in the shop's language, from the stored keys.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::*;
use crate::db::members::insert;
use crate::db::search::search;
use crate::domain::member::MemberDraft;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn add(conn: &Connection, first: &str, family: &str) -> i64 {
    let draft = MemberDraft {
        first_name: first.into(),
        family_name: family.into(),
        ..MemberDraft::default()
    };
    insert(conn, &draft, &[], today().and_hms_opt(9, 0, 0).unwrap()).unwrap()
}

/// The family names of everyone, as the counter lists them with no query.
fn family_names(conn: &Connection) -> Vec<String> {
    search(conn, "", today(), 100)
        .unwrap()
        .into_iter()
        .map(|row| row.family_name)
        .collect()
}

/// In Croatian order, shuffled so that neither id nor code point order
/// could pass for it.
const CROATIAN: [&str; 15] = [
    "Car", "Cvjetko", "Čačić", "Ćosić", "Dukić", "Džaja", "Đurić", "Lovrić", "Ljubić", "Novak",
    "Njegovan", "Sertić", "Šimić", "Zorić", "Žužić",
];

fn croatian_club(conn: &Connection) {
    for i in [8, 2, 14, 0, 6, 11, 4, 13, 1, 9, 3, 12, 7, 5, 10] {
        add(conn, "Ana", CROATIAN[i]);
    }
}

#[test]
fn a_croatian_shop_lists_c_č_ć_dž_đ_lj_nj_š_ž_as_letters_of_their_own() {
    let conn = crate::db::open_in_memory().unwrap();
    follow(&conn, "hr").unwrap();
    croatian_club(&conn);
    assert_eq!(family_names(&conn), CROATIAN);
}

#[test]
fn a_changed_language_rekeys_every_member_once() {
    let conn = crate::db::open_in_memory().unwrap();
    croatian_club(&conn);
    assert_eq!(follow(&conn, "en").unwrap(), 15);
    assert_eq!(
        follow(&conn, "en-GB").unwrap(),
        0,
        "same language, nothing to do"
    );
    let english = family_names(&conn);
    // English reads č as c: Čačić comes before Car, Džaja among the D's.
    assert_eq!(&english[..4], ["Čačić", "Car", "Ćosić", "Cvjetko"]);
    assert_eq!(follow(&conn, "hr_HR.UTF-8").unwrap(), 15);
    assert_eq!(stored_locale(&conn).unwrap().as_deref(), Some("hr"));
    assert_eq!(family_names(&conn), CROATIAN);
    // The words the counter finds by their start (folded: č and ć are
    // found by c) come in the same order.
    let c: Vec<String> = search(&conn, "c", today(), 4)
        .unwrap()
        .into_iter()
        .map(|row| row.family_name)
        .collect();
    assert_eq!(c, ["Car", "Cvjetko", "Čačić", "Ćosić"]);
}

#[test]
fn chinese_sorts_by_pinyin_and_hebrew_and_thai_by_their_alphabets() {
    let conn = crate::db::open_in_memory().unwrap();
    follow(&conn, "zh").unwrap();
    for family in ["彭", "李", "高", "安"] {
        add(&conn, "玲", family);
    }
    // an, gao, li, peng; by radical and stroke (the root order) 高 comes last.
    assert_eq!(family_names(&conn), ["安", "高", "李", "彭"]);
    follow(&conn, "en").unwrap();
    assert_eq!(family_names(&conn), ["安", "彭", "李", "高"]);

    let key = |locale: &str, s: &str| collation_key(locale, s);
    assert!(key("he", "אברהם") < key("he", "בן"));
    assert!(key("he", "בן") < key("he", "תמר"));
    assert!(key("th", "กมล") < key("th", "สมชาย"));
    assert!(key("th", "สมชาย") < key("th", "อรุณ"));
}

#[test]
fn an_unknown_language_falls_back_to_the_root_order() {
    assert_eq!(collation_key("xx", "Car"), collation_key("en", "Car"));
    assert!(collation_key("??", "a") < collation_key("??", "b"));
}

#[test]
fn members_from_before_list_order_get_keys_when_the_club_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("club.db");
    {
        let mut old = Connection::open(&path).unwrap();
        crate::db::migrate::migrate_to(&mut old, 5).unwrap();
        // As the app wrote them then: folded "family first", no search values.
        for (i, family) in CROATIAN.iter().enumerate().rev() {
            let folded = crate::domain::member::fold(&format!("{family} Ana"));
            old.execute(
                "INSERT INTO members (id, first_name, family_name, sort_key, joined_at)
                 VALUES (?1, 'Ana', ?2, ?3, '2026-01-01')",
                rusqlite::params![i as i64 + 1, family, folded],
            )
            .unwrap();
        }
    }
    let conn = crate::db::open(&path).unwrap();
    assert_eq!(stored_locale(&conn).unwrap(), None);
    assert_eq!(follow(&conn, "hr").unwrap(), CROATIAN.len());
    assert_eq!(family_names(&conn), CROATIAN);
    let old_keys: i64 = conn
        .query_row(
            "SELECT count(*) FROM members WHERE sort_key = lower(family_name || ' ' || first_name)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(old_keys, 0, "every folded key was replaced");
    // Opened again with the same language: nothing to redo.
    drop(conn);
    let conn = crate::db::open(&path).unwrap();
    assert_eq!(follow(&conn, "hr").unwrap(), 0);
    assert_eq!(family_names(&conn), CROATIAN);
}
