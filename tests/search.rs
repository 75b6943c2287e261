//! The counter's search on a real database file: what it finds, in which order.

mod search_support;

use chrono::NaiveDate;
use rusqlite::Connection;

use regulars::db;
use regulars::db::search::search;
use regulars::domain::member::MemberDraft;
use search_support::*;

#[test]
fn names_match_any_part_without_case_or_accents() {
    let c = club();
    let zeljko = c.named("Željko", "Kovačić");
    let ana = c.named("Ana", "Horvat");
    for q in [
        "zeljko",
        "ŽELJKO",
        "kovac",
        "Kovačić",
        "ovač",
        "elj",
        "z",
        "ko",
    ] {
        assert_eq!(c.ids(q), vec![zeljko], "query {q}");
    }
    assert_eq!(c.ids("horv"), vec![ana]);
    assert!(c.ids("xyz").is_empty());
}

#[test]
fn names_in_their_own_script_are_found() {
    let c = club();
    let li = c.named("伟", "李");
    let maya = c.named("מאיה", "כהן");
    let somchai = c.named("สมชาย", "ใจดี");
    let ouyang = c.named("明", "欧阳");
    assert_eq!(c.ids("李"), vec![li]);
    assert_eq!(c.ids("伟"), vec![li]);
    assert_eq!(c.ids("阳"), vec![ouyang]);
    assert_eq!(c.ids("欧阳明"), vec![ouyang], "the whole name as written");
    assert_eq!(c.ids("欧阳 明"), vec![ouyang]);
    assert_eq!(c.ids("מא"), vec![maya]);
    assert_eq!(c.ids("כהן"), vec![maya]);
    assert_eq!(c.ids("יה"), vec![maya]);
    assert_eq!(c.ids("สม"), vec![somchai]);
    assert_eq!(c.ids("ใจดี"), vec![somchai]);
    assert_eq!(c.ids("ชาย"), vec![somchai]);
}

#[test]
fn phone_email_and_card_are_found() {
    let c = club();
    let maya = c.add(MemberDraft {
        phone: Some("+972501234567".into()),
        email: Some("maya.cohen@example.com".into()),
        card: Some("C-00042".into()),
        ..draft("Maya", "Cohen")
    });
    let noam = c.add(MemberDraft {
        phone: Some("+972529876543".into()),
        ..draft("Noam", "Levi")
    });
    for q in [
        "0501",
        "501234",
        "050 123",
        "050-123-4567",
        "+972 50 123 4567",
        "972501234567",
        "cohen@",
        "example.com",
        "MAYA.COHEN@EXAMPLE.COM",
        "c-00042",
        "00042",
    ] {
        assert_eq!(c.ids(q), vec![maya], "query {q}");
    }
    assert_eq!(c.ids("052 987"), vec![noam]);
    assert_eq!(c.ids("05").len(), 2);
    assert!(c.ids("0509").is_empty());
}

#[test]
fn a_member_without_phone_or_email_is_found_by_name_only() {
    let c = club();
    let bare = c.named("Ivo", "Perić");
    c.add(MemberDraft {
        phone: Some("+385912345678".into()),
        ..draft("Ana", "Ivić")
    });
    assert_eq!(c.ids("ivo"), vec![bare]);
    assert_eq!(c.ids("peri"), vec![bare]);
    assert_eq!(c.ids("0912").len(), 1);
    assert!(!c.ids("0912").contains(&bare));
    assert!(!c.ids("@").contains(&bare));
}

#[test]
fn exact_matches_then_first_names_then_family_names_then_the_rest() {
    let c = club();
    let inside = c.named("Samara", "Levi"); // "mar" inside a name
    let family = c.named("Noa", "Marković"); // family name starts with "mar"
    let first = c.named("Marta", "Kos"); // first name starts with "mar"
    let card = c.add(MemberDraft {
        card: Some("MAR".into()),
        ..draft("Dan", "Golan")
    });
    assert_eq!(c.ids("mar"), vec![card, first, family, inside]);
    // "ma" inside the card "MAR" and inside "Samara": Golan sorts before Levi.
    assert_eq!(c.ids("ma"), vec![first, family, card, inside]);

    let phone = c.add(MemberDraft {
        phone: Some("+972541112223".into()),
        ..draft("Tal", "Ben")
    });
    let longer = c.add(MemberDraft {
        card: Some("0541112223-9".into()),
        ..draft("Avi", "Ben")
    });
    assert_eq!(c.ids("054 111 2223"), vec![phone, longer]);
}

#[test]
fn ties_go_to_recent_visitors_then_to_sort_order() {
    let c = club();
    let never_b = c.named("Mia", "Bauer");
    let never_a = c.named("Mila", "Adler");
    let old = c.named("Mira", "Zorić");
    let recent = c.named("Mika", "Yilmaz");
    c.visit(old, "2025-06-01");
    c.visit(recent, "2026-03-01");
    c.visit(recent, "2025-01-01");
    for q in ["m", "mi", "mi ", "i"] {
        assert_eq!(c.ids(q), vec![recent, old, never_a, never_b], "query {q:?}");
    }
    let rows = c.find("mika");
    assert_eq!(rows[0].last_visit, NaiveDate::from_ymd_opt(2026, 3, 1));

    // A receipt moved to another member moves the visit with it.
    c.conn
        .execute(
            "UPDATE receipts SET member_id = ?1 WHERE member_id = ?2",
            [never_b, recent],
        )
        .unwrap();
    assert_eq!(c.ids("m"), vec![never_b, old, never_a, recent]);
    c.conn.execute("DELETE FROM receipts", []).unwrap();
    assert_eq!(c.ids("m"), vec![never_a, never_b, recent, old]);
}

#[test]
fn empty_query_lists_recent_visitors_then_everyone_by_name() {
    let c = club();
    let zora = c.named("Zora", "Anić");
    let bob = c.named("Bob", "Zimmer");
    let ana = c.named("Ana", "Babić");
    let eve = c.named("Eve", "Cohen");
    c.visit(eve, "2026-01-10");
    c.visit(bob, "2026-02-10");
    assert_eq!(c.ids(""), vec![bob, eve, zora, ana]);
    assert_eq!(c.ids("   "), vec![bob, eve, zora, ana]);
    assert_eq!(
        search(&c.conn, "", today(), 3)
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect::<Vec<_>>(),
        vec![bob, eve, zora]
    );
    assert!(search(&c.conn, "a", today(), 0).unwrap().is_empty());
}

#[test]
fn several_words_must_all_match() {
    let c = club();
    let cohen = c.named("Maya", "Cohen");
    let jacobs = c.named("Maya", "Jacobson"); // "co" and "cob" inside
    c.named("Maya", "Levi");
    let dana = c.named("Dana", "Cohen");
    let marya = c.named("Ana-Marya", "Cohen");
    c.visit(dana, "2026-01-05");
    assert_eq!(c.ids("maya co"), vec![cohen]);
    assert_eq!(c.ids("co maya"), vec![cohen]);
    assert_eq!(c.ids("maya cohen"), vec![cohen]);
    assert_eq!(c.ids("maya cob"), vec![jacobs]);
    // Same tier, nobody visited: "cohen ana-marya" sorts before "cohen maya".
    assert_eq!(c.ids("m c"), vec![marya, cohen]);
    assert_eq!(c.ids("cohen a"), vec![marya]);
    // "ana" inside "dana" counts as a long word; the recent visitor leads.
    assert_eq!(c.ids("ohe ana"), vec![dana, marya]);
    assert!(c.ids("maya zz").is_empty());
    assert!(c.ids("maya ev").is_empty(), "short words start a name word");
}

#[test]
fn updated_deleted_and_erased_members() {
    let c = club();
    let id = c.named("Petra", "Novak");
    let other = c.named("Pavel", "Novák");
    db::members::update(
        &c.conn,
        id,
        &MemberDraft {
            phone: Some("+385981112223".into()),
            ..draft("Petra", "Šimić")
        },
    )
    .unwrap();
    assert_eq!(c.ids("novak"), vec![other]);
    assert_eq!(c.ids("simic"), vec![id]);
    assert_eq!(c.ids("098111"), vec![id]);
    // A change that folds to the same text (only the case) is found too.
    db::members::update(&c.conn, other, &draft("PAVEL", "NOVÁK")).unwrap();
    assert_eq!(c.ids("pavel"), vec![other]);
    assert_eq!(c.find("pavel")[0].first_name, "PAVEL");
    assert_index_in_step(&c.conn);

    assert!(db::members::delete(&c.conn, id).unwrap());
    assert!(c.ids("simic").is_empty());
    assert!(c.ids("petra").is_empty());
    assert_eq!(c.ids(""), vec![other]);

    c.conn
        .execute(
            "UPDATE members SET erased_at = '2026-03-01' WHERE id = ?1",
            [other],
        )
        .unwrap();
    for q in ["", "p", "pa", "pavel", "novak", "pavel nov"] {
        assert!(c.ids(q).is_empty(), "query {q:?}");
    }
    let left: i64 = c
        .conn
        .query_row(
            "SELECT count(*) FROM member_words WHERE member_id = ?1",
            [other],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
    assert_index_in_step(&c.conn);
}

/// The trigram table holds exactly the members that can be found.
fn assert_index_in_step(conn: &Connection) {
    conn.execute(
        "INSERT INTO members_fts (members_fts) VALUES ('integrity-check')",
        [],
    )
    .unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        count("SELECT count(*) FROM members_fts"),
        count("SELECT count(*) FROM members WHERE search_text IS NOT NULL AND erased_at IS NULL")
    );
}

#[test]
fn rows_written_by_plain_sql_are_folded_before_searching() {
    let c = club();
    c.conn
        .execute(
            "INSERT INTO members (first_name, family_name, sort_key, phone, joined_at)
             VALUES ('Đurđa', 'Šarić', 'saric durda', '+385915550001', '2026-01-01')",
            [],
        )
        .unwrap();
    let id = c.conn.last_insert_rowid();
    assert_eq!(c.ids("durd"), vec![id]);
    assert_eq!(c.ids("0915550"), vec![id]);
    c.conn
        .execute(
            "UPDATE members SET family_name = 'Ćosić' WHERE id = ?1",
            [id],
        )
        .unwrap();
    assert_eq!(c.ids("cosi"), vec![id]);
    assert!(c.ids("saric").is_empty());
    assert_index_in_step(&c.conn);
}

#[test]
fn common_fragments_list_recent_visitors_first() {
    let c = club();
    let tx = c.conn.unchecked_transaction().unwrap();
    let now = today().and_hms_opt(9, 0, 0).unwrap();
    let mut ids = vec![];
    for i in 0..2100 {
        let d = MemberDraft {
            phone: Some(format!("+9725010{i:05}")),
            ..draft(&format!("Member{i}"), "Test")
        };
        ids.push(db::members::insert(&tx, &d, &[], now).unwrap());
    }
    tx.commit().unwrap();
    c.visit(ids[1500], "2026-02-01");
    c.visit(ids[700], "2026-01-01");
    // More than the trigram hits worth sorting: the list walk answers.
    let found = c.ids("0501");
    assert_eq!(found.len(), 50);
    assert_eq!(&found[..2], &[ids[1500], ids[700]]);
    // A rarer fragment goes through the trigram table, same order rules.
    let rare = c.ids("0150");
    assert_eq!(rare.len(), 11);
    assert_eq!(&rare[..2], &[ids[1500], ids[150]]);
}

#[test]
fn members_from_before_the_search_index_are_found_after_upgrading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("club.db");
    {
        let mut old = Connection::open(&path).unwrap();
        db::migrate::migrate_to(&mut old, 2).unwrap();
        old.execute_batch(
            "INSERT INTO members (id, first_name, family_name, sort_key, phone, card, joined_at)
             VALUES (1, 'Željko', 'Kovačić', 'kovacic zeljko', '+385911234567', 'K-1', '2025-01-01'),
                    (2, 'Ana', 'Kos', 'kos ana', NULL, NULL, '2025-01-01');
             INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
             VALUES ('till', '1', '2025-12-24', 500, 'sale', 2),
                    ('till', '2', '2026-01-02', -500, 'refund', 2);",
        )
        .unwrap();
    }
    let conn = db::open(&path).unwrap();
    let ids = |q: &str| -> Vec<i64> {
        search(&conn, q, today(), 50)
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect()
    };
    assert_eq!(ids("zeljko"), vec![1]);
    assert_eq!(ids("0911"), vec![1]);
    assert_eq!(ids("k-1"), vec![1]);
    // Both family names start with k; the visitor comes first, and a
    // refund is no visit.
    assert_eq!(ids("k"), vec![2, 1]);
    let rows = search(&conn, "kos", today(), 50).unwrap();
    assert_eq!(rows[0].last_visit, NaiveDate::from_ymd_opt(2025, 12, 24));
}
