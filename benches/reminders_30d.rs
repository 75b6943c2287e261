//! The weekly list's query on a big club: 100,000 demo members (about a
//! third with children or pets), every birthday and gotcha day in the next
//! 30 days. Goal: under 5 ms, through the month-day indexes. The whole
//! review screen (names, consents, contact log, lapsed regulars, missing
//! data) is timed too, for comparison.
//!
//! Run: `cargo bench --bench reminders_30d`

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use regulars::config::{Config, Feb29};
use regulars::db;
use regulars::domain::reminders::Window;

const MEMBERS: usize = 100_000;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

fn reminders_30d(c: &mut Criterion) {
    let mut conn = db::open_in_memory().expect("in-memory database");
    let today = day(2026, 11, 23);
    let noon = today.and_hms_opt(12, 0, 0).expect("noon");
    let program = Config::default().loyalty();
    regulars::demo::fill(&mut conn, noon, MEMBERS, 42, &program).expect("demo members");
    let mut group = c.benchmark_group("reminders");
    for (label, start) in [
        ("30 days", today),
        ("30 days across New Year", day(2026, 12, 20)),
    ] {
        let window = Window::new(start, 30, Feb29::Feb28);
        let found = db::reminders::within(&conn, &window).expect("query");
        eprintln!("{label}: {} reminders among {MEMBERS} members", found.len());
        group.bench_function(label, |b| {
            b.iter(|| db::reminders::within(&conn, &window).expect("query"))
        });
    }
    let ctx = regulars::context::Ctx::new(
        conn,
        regulars::clock::Clock::new(Some(today)),
        Config::default(),
        None,
    );
    group.sample_size(20);
    group.bench_function("whole review screen", |b| {
        b.iter(|| regulars::ops::review::open(&ctx).expect("review"))
    });
    group.finish();
}

criterion_group!(benches, reminders_30d);
criterion_main!(benches);
