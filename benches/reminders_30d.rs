//! The weekly list's query on a big club: 100,000 demo members (about a
//! third with children or pets), every birthday and gotcha day in the next
//! 30 days. Goal: under 5 ms, through the month-day indexes.
//!
//! Run: `cargo bench --bench reminders_30d`

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use regulars::config::Feb29;
use regulars::db;
use regulars::domain::reminders::Window;

const MEMBERS: usize = 100_000;

fn reminders_30d(c: &mut Criterion) {
    let mut conn = db::open_in_memory().expect("in-memory database");
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a real day");
    let noon = today.and_hms_opt(12, 0, 0).expect("noon");
    regulars::demo::fill(&mut conn, noon, MEMBERS, 42).expect("demo members");
    conn.execute_batch("ALTER TABLE members ADD COLUMN md2 INTEGER; UPDATE members SET md2 = birth_md; CREATE INDEX m_md2 ON members(md2, birth_year, first_name, family_name) WHERE md2 IS NOT NULL AND erased_at IS NULL;").unwrap();
    conn.execute_batch("ANALYZE").expect("analyze");
    let mut group = c.benchmark_group("reminders");
    for (label, start) in [
        ("30 days", today),
        (
            "30 days across New Year",
            NaiveDate::from_ymd_opt(2026, 12, 20).expect("a real day"),
        ),
    ] {
        let window = Window::new(start, 30, Feb29::Feb28);
        let found = db::reminders::within(&conn, &window).expect("query");
        eprintln!("{label}: {} reminders among {MEMBERS} members", found.len());
        group.bench_function(label, |b| {
            b.iter(|| db::reminders::within(&conn, &window).expect("query"))
        });
    }
    for (label, sql) in [
        (
            "members",
            "SELECT id, first_name, family_name, id, NULL, NULL, birth_md, birth_year FROM members WHERE birth_md BETWEEN 1123 AND 1223 AND erased_at IS NULL",
        ),
        (
            "members-real",
            "SELECT id, first_name, family_name, id, NULL, NULL, md2, birth_year FROM members WHERE md2 BETWEEN 1123 AND 1223 AND erased_at IS NULL",
        ),
        (
            "children",
            "SELECT c.member_id, m.first_name, m.family_name, c.id, c.name, c.gender, c.birth_md, CAST(substr(c.born, 1, 4) AS INTEGER) FROM children c JOIN members m ON m.id = c.member_id WHERE c.birth_md BETWEEN 1123 AND 1223 AND m.erased_at IS NULL",
        ),
        (
            "children-nojoin",
            "SELECT c.member_id, c.id, c.name, c.gender, c.birth_md, CAST(substr(c.born, 1, 4) AS INTEGER) FROM children c WHERE c.birth_md BETWEEN 1123 AND 1223",
        ),
    ] {
        group.bench_function(label, |b| {
            b.iter(|| {
                let mut stmt = conn.prepare_cached(sql).unwrap();
                let mut rows = stmt.query([]).unwrap();
                let mut n = 0usize;
                while let Some(r) = rows.next().unwrap() {
                    n += r
                        .get_ref(1)
                        .unwrap()
                        .as_bytes()
                        .map(|b| b.len())
                        .unwrap_or(0);
                }
                n
            })
        });
    }
    group.bench_function("anniversaries only", |b| {
        b.iter(|| {
            let mut n = 0;
            for sql in ["SELECT id, first_name, family_name, id, NULL, NULL, birth_md, birth_year FROM members WHERE birth_md BETWEEN 1123 AND 1223 AND erased_at IS NULL"] {
                let mut stmt = conn.prepare_cached(sql).unwrap();
                let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, u32>(6)?, r.get::<_, Option<i32>>(7)?))).unwrap();
                for a in rows { n += a.unwrap().1.len(); }
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, reminders_30d);
criterion_main!(benches);
