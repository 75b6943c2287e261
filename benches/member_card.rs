//! Opening a member card with five years of purchases: the card's details,
//! every receipt with its lines, and the habits worked out from them — what
//! the app does when Enter opens a card. The target is under 20 ms.
//!
//! The database is a file (WAL, as the app uses it) holding the member's
//! 5 years × 3 visits a week with 3–5 lines each, and 2,000 other members
//! with 50 receipts each, so the member's rows are found among many.
//! `cargo bench --bench member_card`.

use std::hint::black_box;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use regulars::config::Config;
use regulars::db;
use regulars::ui::screens::View;
use regulars::ui::screens::member::MemberState;
use regulars::ui::theme::Theme;
use rusqlite::{Connection, params};

const ITEMS: [(&str, &str, i64); 8] = [
    ("Latte", "Coffee", 350),
    ("Espresso", "Coffee", 220),
    ("Croissant", "Bakery", 275),
    ("Sourdough loaf", "Bakery", 650),
    ("Coffee beans 250 g", "Coffee", 899),
    ("Dog treats", "Pets", 450),
    ("Oat milk", "Grocery", 320),
    ("Birthday cake", "Cakes", 3200),
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// Stores one receipt with 3–5 items picked by `seed` (a refund: one item).
fn receipt(conn: &Connection, member: i64, till: &str, date: NaiveDate, seed: usize, refund: bool) {
    let lines = if refund { 1 } else { 3 + seed % 3 };
    let sign = if refund { -1 } else { 1 };
    let picked: Vec<_> = (0..lines)
        .map(|i| ITEMS[(seed + i * 3) % ITEMS.len()])
        .collect();
    let total: i64 = picked.iter().map(|(_, _, price)| price * sign).sum();
    conn.execute(
        "INSERT INTO receipts (source, till_id, local_date, local_time, total_minor, kind, member_id)
         VALUES ('generic', ?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            till,
            date.format("%Y-%m-%d").to_string(),
            format!("{:02}:{:02}:00", 8 + seed % 10, seed % 60),
            total,
            if refund { "refund" } else { "sale" },
            member
        ],
    )
    .unwrap();
    let id = conn.last_insert_rowid();
    let mut line = conn
        .prepare_cached(
            "INSERT INTO lines (receipt_id, item, category, qty_milli, amount_minor)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .unwrap();
    for (item, category, price) in picked {
        line.execute(params![id, item, category, 1000 * sign, price * sign])
            .unwrap();
    }
}

fn member(conn: &Connection, n: usize) -> i64 {
    conn.execute(
        "INSERT INTO members (first_name, family_name, sort_key, card, joined_at)
         VALUES (?1, 'Bench', ?1, ?2, '2021-01-01')",
        params![format!("Member {n}"), format!("C-{n}")],
    )
    .unwrap();
    conn.last_insert_rowid()
}

/// The database: the regular first, then everybody else.
fn seed(conn: &mut Connection) -> (i64, usize) {
    let tx = conn.transaction().unwrap();
    let regular = member(&tx, 0);
    let mut date = today() - Duration::days(5 * 365);
    let mut written = 0;
    while date <= today() {
        if matches!(date.weekday(), Weekday::Mon | Weekday::Wed | Weekday::Sat) {
            written += 1;
            receipt(&tx, regular, &format!("M{written}"), date, written, false);
            if written % 40 == 0 {
                receipt(&tx, regular, &format!("M{written}/r"), date, written, true);
            }
        }
        date += Duration::days(1);
    }
    for n in 1..=2000 {
        let id = member(&tx, n);
        for k in 0..50 {
            let day = today() - Duration::days(((n * 7 + k * 31) % 1800) as i64);
            receipt(&tx, id, &format!("O{n}-{k}"), day, n + k, false);
        }
    }
    tx.commit().unwrap();
    (regular, written)
}

fn open_card(conn: &Connection, id: i64) -> MemberState {
    let card = db::members::card(conn, id).unwrap().unwrap();
    let bought = db::habits::purchases(conn, id).unwrap();
    MemberState::new(card, today(), Default::default()).with_purchases(bought, today())
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = db::open(&dir.path().join("bench.db")).unwrap();
    let (regular, visits) = seed(&mut conn);
    let state = open_card(&conn, regular);
    assert_eq!(state.purchases().receipts(), visits + visits / 40);
    println!("member with {visits} visits over 5 years");

    c.bench_function("open a card with 5 years of purchases", |b| {
        b.iter(|| black_box(open_card(&conn, black_box(regular))))
    });

    let theme = Theme::plain();
    let config = Config::default();
    let view = View {
        theme: &theme,
        today: today(),
        config: &config,
        dir: regulars::ui::direction::Direction::LTR,
    };
    // The page inside the card's border at 80×24.
    let area = Rect::new(0, 0, 76, 19);
    c.bench_function("draw the visits and habits page", |b| {
        b.iter(|| {
            let mut buf = Buffer::empty(area);
            state.purchases().render(area, &mut buf, &view);
            black_box(buf)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
