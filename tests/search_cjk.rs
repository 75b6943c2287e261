//! Names in scripts written without spaces (Chinese, Thai) are found as
//! they are written: the whole name typed at once, one or two characters
//! included, alone or with other words.

use chrono::NaiveDate;
use rusqlite::Connection;

use regulars::db;
use regulars::db::search::search;
use regulars::domain::member::MemberDraft;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 14).unwrap()
}

struct Club {
    _dir: tempfile::TempDir,
    conn: Connection,
}

fn club() -> Club {
    let dir = tempfile::tempdir().unwrap();
    let conn = db::open(&dir.path().join("club.db")).unwrap();
    Club { _dir: dir, conn }
}

impl Club {
    fn add(&self, first: &str, family: &str, phone: Option<&str>) -> i64 {
        let d = MemberDraft {
            first_name: first.to_string(),
            family_name: family.to_string(),
            phone: phone.map(str::to_string),
            ..MemberDraft::default()
        };
        let now = today().and_hms_opt(10, 0, 0).unwrap();
        db::members::insert(&self.conn, &d, &[], now).unwrap()
    }

    fn ids(&self, query: &str) -> Vec<i64> {
        search(&self.conn, query, today(), 50)
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect()
    }
}

/// A small Chinese club where every name shares characters with another.
struct Chinese {
    club: Club,
    gao_ling: i64,
    peng_xiuying: i64,
    gao_xiu: i64,
    ling_gao: i64,
}

fn chinese() -> Chinese {
    let club = club();
    let gao_ling = club.add("玲", "高", Some("+8613800000001"));
    let peng_xiuying = club.add("秀英", "彭", None);
    let gao_xiu = club.add("秀", "高", None);
    // 凌 sounds like 玲 but is another character; 玲 as a family name.
    let ling_gao = club.add("高", "玲", None);
    club.add("凌", "高", None);
    Chinese {
        club,
        gao_ling,
        peng_xiuying,
        gao_xiu,
        ling_gao,
    }
}

#[test]
fn a_chinese_name_typed_whole_finds_that_member_first() {
    let c = chinese();
    // Family name first, as written: the member whose name it is, first.
    assert_eq!(c.club.ids("高玲")[0], c.gao_ling);
    assert_eq!(c.club.ids("彭秀英"), vec![c.peng_xiuying]);
    assert_eq!(c.club.ids("彭秀"), vec![c.peng_xiuying]);
    assert_eq!(c.club.ids("秀英"), vec![c.peng_xiuying]);
    // 玲高 is the whole name of 玲 (family) 高 (first): that member first.
    assert_eq!(c.club.ids("玲高")[0], c.ling_gao);
    // With a space, as before: either word may be the family name.
    let mut spaced = c.club.ids("高 玲");
    spaced.sort();
    assert_eq!(spaced, vec![c.gao_ling, c.ling_gao]);
}

#[test]
fn one_or_two_characters_find_every_name_they_start() {
    let c = chinese();
    let gao = c.club.ids("高");
    assert_eq!(gao.len(), 4, "三 高 family names and one 高 first name");
    assert!(gao.contains(&c.gao_ling) && gao.contains(&c.gao_xiu));
    assert_eq!(c.club.ids("高秀"), vec![c.gao_xiu]);
    assert_eq!(c.club.ids("彭"), vec![c.peng_xiuying]);
    assert!(c.club.ids("鑫").is_empty());
    assert!(c.club.ids("高鑫").is_empty());
}

#[test]
fn a_name_typed_whole_goes_with_other_words() {
    let c = chinese();
    // A name and part of the phone, in either order.
    assert_eq!(c.club.ids("高玲 138000"), vec![c.gao_ling]);
    assert_eq!(c.club.ids("138000 高玲"), vec![c.gao_ling]);
    assert!(c.club.ids("彭秀英 138000").is_empty());
}

#[test]
fn thai_names_are_found_typed_whole() {
    let c = club();
    let somchai = c.add("สมชาย", "ใจดี", None);
    let somsri = c.add("สมศรี", "ใจดี", None);
    let other = c.add("สมชาย", "รักไทย", None);
    // First name first, as Thai is written, without a space.
    assert_eq!(c.ids("สมชายใจดี"), vec![somchai]);
    assert_eq!(c.ids("สมชายใจ"), vec![somchai]);
    assert_eq!(c.ids("สมศรีใจดี"), vec![somsri]);
    assert_eq!(c.ids("สมชาย ใจดี"), vec![somchai]);
    let mut both = c.ids("สมชาย");
    both.sort();
    assert_eq!(both, vec![somchai, other]);
    assert_eq!(c.ids("ใจดีสมศรี"), vec![somsri], "family name first too");
}

#[test]
fn mixed_scripts_and_latin_names_keep_working() {
    let c = club();
    let mixed = c.add("Ling", "高", None);
    let djordje = c.add("Đorđe", "Marković", None);
    let maya = c.add("Maya", "Cohen", None);
    assert_eq!(c.ids("高ling"), vec![mixed]);
    assert_eq!(c.ids("ling高"), vec![mixed]);
    assert_eq!(c.ids("高 li"), vec![mixed]);
    assert_eq!(c.ids("dord"), vec![djordje]);
    assert_eq!(c.ids("maya co"), vec![maya]);
    // Latin names are not joined: nobody types "mayacohen".
    assert!(c.ids("mayacohen").is_empty());
}

#[test]
fn chinese_members_from_before_are_found_whole_after_upgrading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("club.db");
    {
        let mut old = Connection::open(&path).unwrap();
        db::migrate::migrate_to(&mut old, 5).unwrap();
        // Folded and indexed as the app did then: six lines, no whole name.
        old.execute_batch(
            "INSERT INTO members (id, first_name, family_name, sort_key, joined_at, search_text)
             VALUES (1, '秀英', '彭', '彭 秀英', '2025-01-01', '秀英\n彭\n\n\n\n'),
                    (2, 'Ana', 'Kos', 'kos ana', '2025-01-01', 'ana\nkos\n\n\n\n');
             INSERT INTO member_words (member_id, part, word, sort_key)
             VALUES (1, 0, '秀英', '彭 秀英'), (1, 1, '彭', '彭 秀英'),
                    (2, 0, 'ana', 'kos ana'), (2, 1, 'kos', 'kos ana');",
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
    assert_eq!(ids("彭秀英"), vec![1]);
    assert_eq!(ids("彭秀"), vec![1]);
    assert_eq!(ids("kos"), vec![2]);
    let refolded: Option<String> = conn
        .query_row("SELECT search_text FROM members WHERE id = 2", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        refolded.as_deref(),
        Some("ana\nkos\n\n\n\n"),
        "Latin names keep their values"
    );
}
