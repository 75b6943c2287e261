//! Merging two members who are one person, on a real database file:
//! every row of both ends on the kept one, empty details are filled, the
//! consent log's last word is the person's latest decision, the merge is
//! logged, and the pairs to merge are found.

use chrono::{NaiveDate, NaiveDateTime};
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::db::merge::{DERIVED, MOVED};
use regulars::domain::member::{Birthday, Channel, MemberDraft};
use regulars::ops::duplicates::{Why, likely_pairs};
use regulars::ops::merge::{Field, merge, preview};
use rusqlite::params;
use tempfile::TempDir;

fn shop(dir: &TempDir) -> Ctx {
    let mut config = Config::default();
    config.shop.country = "HR".into();
    Ctx::new(
        db::open(&dir.path().join("club.db")).unwrap(),
        Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
        config,
        Some(dir.path().join("club.db")),
    )
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
}

/// A member stored as an older club would hold them: no duplicate check.
fn add(ctx: &Ctx, draft: MemberDraft) -> i64 {
    db::members::insert(&ctx.conn, &draft, &[], at("2026-01-05 10:00:00")).unwrap()
}

fn named(first: &str, family: &str) -> MemberDraft {
    MemberDraft {
        first_name: first.into(),
        family_name: family.into(),
        ..MemberDraft::default()
    }
}

fn sql(ctx: &Ctx, statement: &str, args: impl rusqlite::Params) {
    ctx.conn.execute(statement, args).unwrap();
}

fn count(ctx: &Ctx, table: &str, member: i64) -> i64 {
    let query = format!("SELECT count(*) FROM {table} WHERE member_id = ?1");
    ctx.conn.query_row(&query, [member], |r| r.get(0)).unwrap()
}

/// A member with one of everything a member can hold.
fn furnish(ctx: &Ctx, id: i64, tag: &str) {
    for n in 0..3 {
        sql(
            ctx,
            "INSERT INTO receipts (source, till_id, local_date, local_time, total_minor, kind, member_id)
             VALUES ('square', ?1, '2026-10-01', '10:00:00', 2500, 'sale', ?2)",
            params![format!("{tag}-{n}"), id],
        );
    }
    sql(
        ctx,
        "INSERT INTO children (member_id, name) VALUES (?1, ?2)",
        params![id, tag],
    );
    sql(
        ctx,
        "INSERT INTO pets (member_id, name, kind) VALUES (?1, ?2, 'dog')",
        params![id, tag],
    );
    sql(
        ctx,
        "INSERT INTO contact_log (member_id, what, for_date, channel, at)
         VALUES (?1, 'birthday', '2026-05-01', 'sms', '2026-04-28 09:00:00')",
        [id],
    );
    sql(
        ctx,
        "INSERT INTO customer_links (kind, value, member_id, at) VALUES ('card', ?1, ?2, '2026-02-01')",
        params![format!("OLD-{tag}"), id],
    );
    db::members::record_consent(
        &ctx.conn,
        id,
        Channel::Post,
        true,
        at("2026-03-01 10:00:00"),
        "form",
    )
    .unwrap();
}

#[test]
fn every_table_keyed_by_member_is_handled_by_the_merge() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let tables: Vec<String> = ctx
        .conn
        .prepare(
            "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c
             WHERE m.type = 'table' AND c.name = 'member_id' ORDER BY m.name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(tables.len() >= 10, "{tables:?}");
    for table in tables {
        let handled = MOVED.contains(&table.as_str())
            || DERIVED.contains(&table.as_str())
            || ["points", "consents"].contains(&table.as_str());
        assert!(handled, "the merge does not say what happens to {table}");
    }
}

#[test]
fn a_merge_keeps_every_row_of_both_and_both_ledgers() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let keep = add(&ctx, named("Ana", "Kovač"));
    let drop = add(&ctx, named("Ana", "Kovac"));
    furnish(&ctx, keep, "k");
    furnish(&ctx, drop, "d");
    let brought = add(&ctx, named("Iva", "Horvat"));
    sql(
        &ctx,
        "UPDATE members SET referred_by = ?1 WHERE id = ?2",
        [drop, brought],
    );
    regulars::ops::loyalty::settled(&ctx, regulars::ops::loyalty::IfBusy::Wait).unwrap();
    let tables: Vec<&str> = MOVED
        .iter()
        .copied()
        .chain(["points", "consents"])
        .collect();
    let before: Vec<i64> = tables
        .iter()
        .map(|t| count(&ctx, t, keep) + count(&ctx, t, drop))
        .collect();
    let balance = db::ledger::balance(&ctx.conn, keep).unwrap()
        + db::ledger::balance(&ctx.conn, drop).unwrap();
    assert!(balance > 0);

    let shown = preview(&ctx, keep, drop).unwrap();
    assert_eq!(shown.points, balance);
    assert!(shown.moves.contains(&("receipts", 3)), "{:?}", shown.moves);
    assert!(shown.moves.contains(&("referred", 1)), "{:?}", shown.moves);
    assert!(shown.differ.iter().any(|c| c.field == Field::FamilyName));

    let done = merge(&ctx, keep, drop).unwrap();
    for (table, rows) in tables.iter().zip(before) {
        assert_eq!(count(&ctx, table, keep), rows, "{table}");
        assert_eq!(count(&ctx, table, drop), 0, "{table}");
    }
    assert_eq!(done.balance, balance);
    assert_eq!(db::ledger::balance(&ctx.conn, keep).unwrap(), balance);
    assert!(db::members::get(&ctx.conn, drop).unwrap().is_none());
    let referrer: i64 = ctx
        .conn
        .query_row(
            "SELECT referred_by FROM members WHERE id = ?1",
            [brought],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(referrer, keep);
    // The tier was worked out again over the receipts of both.
    let queued: i64 = ctx
        .conn
        .query_row("SELECT count(*) FROM tiers_pending", [], |r| r.get(0))
        .unwrap();
    assert_eq!(queued, 0);
    let logged = db::merge::merges_into(&ctx.conn, keep).unwrap();
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].0, drop);
    assert!(
        logged[0].2.contains("\"family_name\":\"Kovac\""),
        "{}",
        logged[0].2
    );
    let fk_problems: i64 = ctx
        .conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk_problems, 0);
}

#[test]
fn empty_details_are_filled_and_differing_ones_stay_the_kept_members() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let keep = add(
        &ctx,
        MemberDraft {
            phone: Some("+385912345678".into()),
            note: Some("likes rye".into()),
            ..named("Ana", "Kovač")
        },
    );
    let drop = add(
        &ctx,
        MemberDraft {
            phone: Some("+385981112222".into()),
            email: Some("ana@example.com".into()),
            card: Some("HR-1001".into()),
            birthday: Some(Birthday {
                month: 5,
                day: 10,
                year: Some(1990),
            }),
            note: Some("no nuts".into()),
            ..named("Ana", "Kovač")
        },
    );
    sql(
        &ctx,
        "UPDATE members SET tags = 'vegan' WHERE id = ?1",
        [keep],
    );
    sql(
        &ctx,
        "UPDATE members SET tags = 'dog lover, Vegan' WHERE id = ?1",
        [drop],
    );
    let done = merge(&ctx, keep, drop).unwrap();
    let filled: Vec<Field> = done.preview.filled.iter().map(|c| c.field).collect();
    assert_eq!(filled, vec![Field::Email, Field::Card, Field::Birthday]);
    let differ: Vec<Field> = done.preview.differ.iter().map(|c| c.field).collect();
    assert_eq!(differ, vec![Field::Phone]);
    let kept = db::members::get(&ctx.conn, keep).unwrap().unwrap();
    assert_eq!(kept.draft.phone.as_deref(), Some("+385912345678"));
    assert_eq!(kept.draft.email.as_deref(), Some("ana@example.com"));
    assert_eq!(kept.draft.card.as_deref(), Some("HR-1001"));
    assert_eq!(kept.draft.birthday.map(|b| (b.month, b.day)), Some((5, 10)));
    assert_eq!(kept.draft.note.as_deref(), Some("likes rye\nno nuts"));
    let tags: String = ctx
        .conn
        .query_row("SELECT tags FROM members WHERE id = ?1", [keep], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(tags, "vegan, dog lover");
    // The card now finds the kept member.
    assert_eq!(
        regulars::ops::lookup::find_member(&ctx, "HR-1001").unwrap(),
        keep
    );
}

/// Consent on SMS of two records, in the order given, then merged.
fn sms_after(first: (bool, &str), second: (bool, &str), first_is_keep: bool) -> bool {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let a = add(&ctx, named("Ana", "Kovač"));
    let b = add(&ctx, named("Ana", "Kovač"));
    db::members::record_consent(&ctx.conn, a, Channel::Sms, first.0, at(first.1), "counter")
        .unwrap();
    db::members::record_consent(
        &ctx.conn,
        b,
        Channel::Sms,
        second.0,
        at(second.1),
        "counter",
    )
    .unwrap();
    let (keep, drop) = if first_is_keep { (a, b) } else { (b, a) };
    merge(&ctx, keep, drop).unwrap();
    db::members::consents(&ctx.conn, keep)
        .unwrap()
        .iter()
        .any(|c| c.channel == Channel::Sms && c.granted)
}

#[test]
fn the_later_decision_on_a_channel_is_the_current_one_whichever_record_is_kept() {
    // Withdrawn later than granted: withdrawn, whichever was written last.
    for first_is_keep in [true, false] {
        assert!(!sms_after(
            (false, "2026-06-01 10:00:00"),
            (true, "2026-03-01 10:00:00"),
            first_is_keep
        ));
        assert!(!sms_after(
            (true, "2026-03-01 10:00:00"),
            (false, "2026-06-01 10:00:00"),
            first_is_keep
        ));
        // Granted again later than the other record withdrew: granted.
        assert!(sms_after(
            (false, "2026-03-01 10:00:00"),
            (true, "2026-06-01 10:00:00"),
            first_is_keep
        ));
        assert!(sms_after(
            (true, "2026-06-01 10:00:00"),
            (false, "2026-03-01 10:00:00"),
            first_is_keep
        ));
        // At the same moment the withdrawal wins.
        assert!(!sms_after(
            (true, "2026-06-01 10:00:00"),
            (false, "2026-06-01 10:00:00"),
            first_is_keep
        ));
    }
}

#[test]
fn a_merge_with_oneself_an_erased_or_a_missing_member_is_refused_untouched() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let ana = add(&ctx, named("Ana", "Kovač"));
    let gone = add(&ctx, named("Ivo", "Horvat"));
    sql(
        &ctx,
        "UPDATE members SET erased_at = '2026-02-01' WHERE id = ?1",
        [gone],
    );
    let key = |e: regulars::error::Error| e.key().map(str::to_string);
    assert_eq!(
        key(merge(&ctx, ana, ana).unwrap_err()).as_deref(),
        Some("merge-err-same")
    );
    assert_eq!(
        key(merge(&ctx, ana, gone).unwrap_err()).as_deref(),
        Some("merge-err-erased")
    );
    assert_eq!(
        key(preview(&ctx, gone, ana).unwrap_err()).as_deref(),
        Some("merge-err-erased")
    );
    assert_eq!(
        key(merge(&ctx, ana, 999).unwrap_err()).as_deref(),
        Some("err-member-not-found")
    );
    assert!(db::members::get(&ctx.conn, ana).unwrap().is_some());
    assert!(db::merge::merges_into(&ctx.conn, ana).unwrap().is_empty());
}

#[test]
fn likely_pairs_say_why_and_leave_others_alone() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let phone = |p: &str| Some(p.to_string());
    let ana = add(
        &ctx,
        MemberDraft {
            phone: phone("+385912345678"),
            ..named("Ana", "Kovač")
        },
    );
    let ana2 = add(
        &ctx,
        MemberDraft {
            phone: phone("+385912345678"),
            ..named("Ana", "Horvat")
        },
    );
    let born = Some(Birthday {
        month: 3,
        day: 14,
        year: None,
    });
    let ivan = add(
        &ctx,
        MemberDraft {
            birthday: born,
            ..named("Ivan", "Horvat")
        },
    );
    // One letter off, the other way round, another case: the same person.
    let ivan2 = add(
        &ctx,
        MemberDraft {
            birthday: born,
            ..named("HORVAT", "Ivna")
        },
    );
    // The same name on another birthday is someone else.
    add(
        &ctx,
        MemberDraft {
            birthday: Some(Birthday {
                month: 3,
                day: 15,
                year: None,
            }),
            ..named("Ivan", "Horvat")
        },
    );
    let marko = add(&ctx, named("Marko", "Babić"));
    let marko2 = add(&ctx, named("Marko", "Babic"));
    for (n, member) in [marko, marko2].into_iter().enumerate() {
        sql(
            &ctx,
            "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id, cust_card)
             VALUES ('square', ?1, '2026-10-01', 900, 'sale', ?2, 'C-77')",
            params![format!("m{n}"), member],
        );
    }
    let pairs = likely_pairs(&ctx).unwrap();
    let found: Vec<(i64, i64, Why)> = pairs
        .iter()
        .map(|p| (p.first.0, p.second.0, p.reasons[0].why))
        .collect();
    assert_eq!(
        found,
        vec![
            (ana, ana2, Why::Phone),
            (ivan, ivan2, Why::NameBirthday),
            (marko, marko2, Why::TillCustomer)
        ]
    );
    assert_eq!(pairs[2].reasons[0].value, "C-77");
    // Merged, a pair is no longer listed.
    merge(&ctx, ana, ana2).unwrap();
    assert_eq!(likely_pairs(&ctx).unwrap().len(), 2);
}

#[test]
fn a_merged_members_id_is_never_given_to_a_later_signup() {
    let dir = TempDir::new().unwrap();
    let ctx = shop(&dir);
    let keep = add(&ctx, named("Ana", "Kovač"));
    let drop = add(&ctx, named("Anna", "Kovač"));
    merge(&ctx, keep, drop).unwrap();
    let later = add(&ctx, named("Ivo", "Babić"));
    assert!(later > drop, "the merged member's id {drop} came back");
    assert!(db::members::get(&ctx.conn, drop).unwrap().is_none());
    let logged: i64 = ctx
        .conn
        .query_row("SELECT drop_id FROM merges", [], |r| r.get(0))
        .unwrap();
    assert_eq!(logged, drop);
}
