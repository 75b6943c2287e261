use super::*;
use crate::db::club_health::{active_on, purchases};
use crate::db::open_in_memory;
use crate::domain::branch::find;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, DATE).unwrap()
}

/// Members 1–4 joined at the start of the year; 4 signed up at Harbour,
/// 3 is erased.
fn club() -> Connection {
    let conn = open_in_memory().unwrap();
    conn.execute_batch(
        "INSERT INTO members (id, first_name, family_name, sort_key, joined_at, shop) VALUES
             (1, 'Ana', '', 'ana', '2026-01-01', NULL),
             (2, 'Ivo', '', 'ivo', '2026-01-01', NULL),
             (3, 'Eva', '', 'eva', '2026-01-01', NULL),
             (4, 'Noa', '', 'noa', '2026-01-01', 'Harbour');
         UPDATE members SET erased_at = '2026-06-01' WHERE id = 3;",
    )
    .unwrap();
    conn
}

fn receipt(
    conn: &Connection,
    till: i64,
    member: Option<i64>,
    date: &str,
    total: i64,
    shop: Option<&str>,
) {
    let kind = if total < 0 { "refund" } else { "sale" };
    conn.execute(
        "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id, shop)
         VALUES ('generic', ?1, ?2, ?3, ?4, ?5, ?6)",
        rusqlite::params![till.to_string(), date, total, kind, member, shop],
    )
    .unwrap();
}

fn ids(set: HashSet<i64>) -> Vec<i64> {
    let mut ids: Vec<i64> = set.into_iter().collect();
    ids.sort_unstable();
    ids
}

/// Ana buys here and at Harbour, Ivo only here, the erased Eva at
/// Harbour, and a walk-in at Harbour; Ivo's Harbour receipt is a refund.
fn two_branches() -> Connection {
    let conn = club();
    receipt(&conn, 1, Some(1), "2026-03-02", 1000, None);
    receipt(&conn, 2, Some(1), "2026-03-05", 2500, Some("Harbour"));
    receipt(&conn, 3, Some(1), "2026-03-05", 500, Some("harbour "));
    receipt(&conn, 4, Some(2), "2026-03-03", 700, None);
    receipt(&conn, 5, Some(2), "2026-03-04", -300, Some("Harbour"));
    receipt(&conn, 6, Some(3), "2026-03-06", 900, Some("Harbour"));
    receipt(&conn, 7, None, "2026-03-06", 400, Some("Harbour"));
    conn
}

#[test]
fn the_names_rows_carry_each_once() {
    let conn = open_in_memory().unwrap();
    assert!(known(&conn).unwrap().is_empty(), "a single shop names none");
    let conn = club();
    assert!(on_receipts(&conn).unwrap().is_empty());
    assert_eq!(known(&conn).unwrap(), ["Harbour"], "Noa signed up there");
    let conn = two_branches();
    conn.execute("UPDATE members SET shop = 'Airport' WHERE id = 2", [])
        .unwrap();
    assert_eq!(on_receipts(&conn).unwrap(), ["Harbour", "harbour "]);
    assert_eq!(known(&conn).unwrap(), ["Airport", "Harbour", "harbour "]);
}

#[test]
fn a_branchs_members_bought_there_or_signed_up_there() {
    let conn = two_branches();
    let harbour = find("HARBOUR", "Centre", &known(&conn).unwrap()).unwrap();
    let here = find("centre", "Centre", &known(&conn).unwrap()).unwrap();
    let by = day("2026-12-31");
    // Ivo's refund at Harbour is no visit; Eva is erased.
    assert_eq!(ids(members(&conn, &harbour, by, false).unwrap()), [1]);
    assert_eq!(ids(members(&conn, &harbour, by, true).unwrap()), [1, 4]);
    assert_eq!(ids(members(&conn, &here, by, true).unwrap()), [1, 2]);
    // Before Ana's first Harbour sale only Noa's signup counts.
    let before = members(&conn, &harbour, day("2026-03-04"), true).unwrap();
    assert_eq!(ids(before), [4]);
}

#[test]
fn purchases_of_a_branch_are_its_receipts_only() {
    let conn = two_branches();
    let known = known(&conn).unwrap();
    let harbour = find("Harbour", "Centre", &known).unwrap();
    let here = find("Centre", "Centre", &known).unwrap();
    let (from, to) = (day("2026-03-01"), day("2026-03-31"));
    let all = purchases(&conn, from, to, None).unwrap();
    let at_harbour = purchases(&conn, from, to, Some(&harbour)).unwrap();
    let at_home = purchases(&conn, from, to, Some(&here)).unwrap();
    assert_eq!(all.all_net_minor, 5700);
    assert_eq!(at_harbour.all_net_minor, 2500 + 500 - 300 + 900 + 400);
    assert_eq!(at_harbour.member_net_minor, 2500 + 500 - 300 + 900);
    // Ana's two Harbour receipts of one day are one visit; Eva's counts
    // too (purchases keep erased members, as chain-wide).
    assert_eq!(at_harbour.member_sale_receipts, 3);
    assert_eq!(at_harbour.member_visits, 2);
    assert_eq!(at_harbour.members_visiting, 2);
    assert_eq!(at_home.all_net_minor, 1700);
    assert_eq!(at_home.member_visits, 2);
    // The branches together make the whole club.
    assert_eq!(
        at_home.all_net_minor + at_harbour.all_net_minor,
        all.all_net_minor
    );
    assert_eq!(
        at_home.member_visits + at_harbour.member_visits,
        all.member_visits
    );
}

#[test]
fn active_at_a_branch_means_a_sale_there_in_the_window() {
    let conn = two_branches();
    let known = known(&conn).unwrap();
    let harbour = find("Harbour", "Centre", &known).unwrap();
    let (first, last) = (day("2026-01-01"), day("2026-03-31"));
    assert_eq!(ids(active_on(&conn, first, last, None).unwrap()), [1, 2]);
    assert_eq!(
        ids(active_on(&conn, first, last, Some(&harbour)).unwrap()),
        [1]
    );
    let here = find("Centre", "Centre", &known).unwrap();
    assert_eq!(
        ids(active_on(&conn, first, last, Some(&here)).unwrap()),
        [1, 2]
    );
    let early = active_on(&conn, first, day("2026-03-04"), Some(&harbour)).unwrap();
    assert!(early.is_empty());
}

#[test]
fn the_condition_keeps_unnamed_rows_only_for_this_shop() {
    let here = find("Centre", "Centre", &[]).unwrap();
    let harbour = find("Harbour", "", &["Harbour".to_string()]).unwrap();
    assert_eq!(
        condition(&here, "r.shop", 3),
        "(r.shop IS NULL OR r.shop IN (SELECT value FROM json_each(?3)))"
    );
    assert_eq!(
        condition(&harbour, "shop", 1),
        "shop IN (SELECT value FROM json_each(?1))"
    );
    assert_eq!(spellings_json(&harbour), r#"["Harbour"]"#);
}

mod every_receipt_in_one_branch {
    use proptest::prelude::*;

    use super::*;

    /// (member 1–4 or a walk-in, day of March, total, branch 0–2).
    fn receipts() -> impl Strategy<Value = Vec<(Option<i64>, u32, i64, usize)>> {
        let one = (
            prop::option::of(1i64..=4),
            1u32..=31,
            -2_000i64..5_000,
            0usize..3,
        );
        prop::collection::vec(one, 0..40)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        /// The branches split the club: their spend and sale receipts add
        /// up to the running totals, and who is active anywhere is active
        /// at one of them.
        #[test]
        fn branches_add_up_to_the_club(rows in receipts()) {
            let conn = club();
            let names = [None, Some("Harbour"), Some("Airport")];
            for (n, (member, day_, total, branch)) in rows.iter().enumerate() {
                let date = format!("2026-03-{day_:02}");
                receipt(&conn, n as i64, *member, &date, *total, names[*branch]);
            }
            let known = known(&conn).unwrap();
            let branches: Vec<Branch> = ["Centre", "Harbour", "Airport"]
                .iter()
                .filter_map(|name| find(name, "Centre", &known))
                .collect();
            let (from, to) = (day("2026-03-01"), day("2026-03-31"));
            let whole = purchases(&conn, from, to, None).unwrap();
            let parts: Vec<_> = branches
                .iter()
                .map(|b| purchases(&conn, from, to, Some(b)).unwrap())
                .collect();
            let sum = |f: fn(&crate::db::club_health::Purchases) -> i64| -> i64 {
                parts.iter().map(f).sum()
            };
            prop_assert_eq!(sum(|p| p.all_net_minor), whole.all_net_minor);
            prop_assert_eq!(sum(|p| p.member_net_minor), whole.member_net_minor);
            prop_assert_eq!(sum(|p| p.member_sale_receipts), whole.member_sale_receipts);
            // A day at two branches is one visit of the club's.
            prop_assert!(sum(|p| p.member_visits) >= whole.member_visits);
            let mut anywhere = HashSet::new();
            for b in &branches {
                anywhere.extend(active_on(&conn, from, to, Some(b)).unwrap());
            }
            prop_assert_eq!(anywhere, active_on(&conn, from, to, None).unwrap());
        }
    }
}
