//! The counter's search-as-you-type on a club of 100,000 members.
//!
//! Builds the club once on a temporary file (seeded, so every run searches
//! the same members), then times the keystrokes a counter sees: the first
//! letters of a name, accented names, phone digits, cards, emails, names in
//! Hebrew, Chinese and Thai. Besides criterion's report per kind of query,
//! every single search of a long mixed run is timed and the p50 / p99 are
//! printed, since one slow keystroke is what the customer notices.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::{Connection, params};

use regulars::db;
use regulars::domain::member::{MemberDraft, national_digits};

const MEMBERS: usize = 100_000;
const LIMIT: usize = 50;
const TIMED_QUERIES: usize = 4_000;

/// Members of one script: how many in a hundred, their first and family
/// names (space-separated), phone prefixes and the digits after them.
struct Script {
    weight: u32,
    first: &'static str,
    family: &'static str,
    prefixes: &'static str,
    digits: u32,
}

const SCRIPTS: &[Script] = &[
    Script {
        weight: 35,
        first: "Željko Ivana Marija Ana Petra Luka Ivan Josip Đurđa Mateja Nikola Tomislav \
                Katarina Marko Ante Dražen Snježana Mirjana Goran Lucija Ćiril Šime Zrinka \
                Vesna Hrvoje",
        family: "Kovačić Horvat Babić Marić Jurić Novak Knežević Vuković Šimić Perić Đurić \
                 Božić Pavlović Blažević Grgić Matić Kovačević Tomić Čolić Žužić Radić \
                 Barišić Lovrić",
        prefixes: "+38591 +38592 +38595 +38598",
        digits: 7,
    },
    Script {
        weight: 25,
        first: "James Mary Olivia Liam Emma Noah Sophia Oliver Amelia George Isla Harry Jack \
                Grace Charlotte Thomas Anne-Marie",
        family: "Smith Johnson Brown Taylor Wilson Davies Evans Walker Wright Thompson \
                 Robinson O'Neil Clarke Hughes Green",
        prefixes: "+447700 +447911",
        digits: 6,
    },
    Script {
        weight: 15,
        first: "Maya Noa Yosef David Tamar Yael Uri Avi Shira Eitan",
        family: "Cohen Levi Mizrahi Peretz Biton Dahan Friedman Katz",
        prefixes: "+97250 +97252 +97254",
        digits: 7,
    },
    Script {
        weight: 10,
        first: "מאיה נועה יוסף דוד שרה רחל אברהם תמר אורי יעל",
        family: "כהן לוי מזרחי פרץ ביטון דהן פרידמן כץ",
        prefixes: "+97250 +97253",
        digits: 7,
    },
    Script {
        weight: 10,
        first: "伟 芳 娜 敏 静 丽 强 磊 军 洋 明 小明 建华",
        family: "李 王 张 刘 陈 杨 赵 黄 周 吴 欧阳",
        prefixes: "+86138 +86139",
        digits: 8,
    },
    Script {
        weight: 5,
        first: "สมชาย สมศรี วิชัย สุดา ประเสริฐ นภา มาลี อนันต์",
        family: "ใจดี ศรีสุข วงศ์ใหญ่ สุขสวัสดิ์ ทองดี แก้วมณี",
        prefixes: "+6681 +6689",
        digits: 7,
    },
];

fn pick<'a>(rng: &mut ChaCha8Rng, items: &'a str) -> &'a str {
    let items: Vec<&str> = items.split_whitespace().collect();
    items[rng.random_range(0..items.len())]
}

fn ascii(name: &str) -> String {
    deunicode::deunicode(name)
        .to_lowercase()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

fn member(rng: &mut ChaCha8Rng, i: usize) -> MemberDraft {
    let total: u32 = SCRIPTS.iter().map(|s| s.weight).sum();
    let mut roll = rng.random_range(0..total);
    let script = SCRIPTS
        .iter()
        .find(|s| {
            let hit = roll < s.weight;
            roll = roll.saturating_sub(s.weight);
            hit
        })
        .unwrap_or(&SCRIPTS[0]);
    let first = pick(rng, script.first).to_string();
    let family = pick(rng, script.family).to_string();
    let phone = (rng.random_range(0..100) < 85).then(|| {
        let rest: String = (0..script.digits)
            .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
            .collect();
        format!("{}{rest}", pick(rng, script.prefixes))
    });
    let email = (rng.random_range(0..100) < 60).then(|| {
        format!(
            "{}.{}{}@example.com",
            ascii(&first),
            ascii(&family),
            i % 997
        )
    });
    let card = (rng.random_range(0..100) < 70).then(|| format!("C{i:06}"));
    MemberDraft {
        first_name: first,
        family_name: family,
        phone,
        email,
        card,
        ..MemberDraft::default()
    }
}

/// The club, and the members' details that queries are made from.
fn build_club(conn: &Connection) -> Vec<MemberDraft> {
    let mut rng = ChaCha8Rng::seed_from_u64(2026);
    let now = NaiveDate::from_ymd_opt(2026, 3, 14)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("fixed date");
    let tx = conn.unchecked_transaction().expect("transaction");
    let mut drafts = Vec::with_capacity(MEMBERS);
    let mut receipt = 0;
    for i in 0..MEMBERS {
        let d = member(&mut rng, i);
        let id = db::members::insert(&tx, &d, &[], now).expect("insert member");
        // Four in ten have shopped, on up to five days over two years.
        if rng.random_range(0..10) < 4 {
            for _ in 0..rng.random_range(1..=5) {
                let day = NaiveDate::from_ymd_opt(2024, 3, 1).expect("fixed date")
                    + chrono::Days::new(rng.random_range(0..740));
                receipt += 1;
                tx.prepare_cached(
                    "INSERT INTO receipts (source, till_id, local_date, total_minor, kind, member_id)
                     VALUES ('bench', ?1, ?2, 1990, 'sale', ?3)",
                )
                .and_then(|mut st| st.execute(params![receipt.to_string(), day.to_string(), id]))
                .expect("insert receipt");
            }
        }
        drafts.push(d);
    }
    tx.commit().expect("commit");
    drafts
}

fn prefix(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// A typical counter query of the given kind, made from a real member.
fn query(kind: &str, rng: &mut ChaCha8Rng, club: &[MemberDraft]) -> String {
    loop {
        let d = &club[rng.random_range(0..club.len())];
        let name = if rng.random_range(0..2) == 0 {
            &d.first_name
        } else {
            &d.family_name
        };
        let latin = name
            .chars()
            .all(|c| c.is_alphabetic() && (c as u32) < 0x250);
        let typed = match kind {
            "name-1" | "name-2" | "name-3" | "name-4" if latin => {
                let n = kind[5..].parse().unwrap_or(1);
                Some(prefix(&ascii(name), n))
            }
            "accented" if latin && !name.is_ascii() => Some(prefix(
                name,
                rng.random_range(3..=name.chars().count().max(3)),
            )),
            "phone" => d.phone.as_deref().map(|p| {
                let national = national_digits(p);
                let n = rng.random_range(4..=7);
                match rng.random_range(0..3) {
                    0 => prefix(&national, n),
                    1 => national.chars().skip(1).take(n).collect(),
                    _ => format!(
                        "{} {}",
                        prefix(&national, 3),
                        &national[3..n.min(national.len())]
                    ),
                }
            }),
            "card" => d.card.as_deref().map(|c| match rng.random_range(0..2) {
                0 => c.to_lowercase(),
                _ => c[2..].to_string(),
            }),
            // A card as people say it: with a space, or its number alone.
            "card-spoken" => d.card.as_deref().map(|c| match rng.random_range(0..2) {
                0 => format!("{} {}", &c[..1], &c[1..]),
                _ => c[1..].trim_start_matches('0').to_string(),
            }),
            "email" => d.email.as_deref().map(|e| {
                let n = rng.random_range(4..=e.len());
                prefix(e, n)
            }),
            "own-script" if !latin => Some(prefix(name, rng.random_range(1..=3))),
            // A Chinese or Thai name typed whole, without the space, as it
            // is written: 李伟, สมชายใจดี (Chinese family name first).
            "whole-name" => {
                let han = |s: &str| s.chars().any(|c| ('\u{3400}'..='\u{9FFF}').contains(&c));
                let thai = |s: &str| s.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c));
                let whole = if han(&d.family_name) {
                    Some(format!("{}{}", d.family_name, d.first_name))
                } else if thai(&d.first_name) {
                    Some(format!("{}{}", d.first_name, d.family_name))
                } else {
                    None
                };
                whole.map(|w| prefix(&w, rng.random_range(2..=w.chars().count().max(2))))
            }
            "two-words" if latin => Some(format!(
                "{} {}",
                prefix(&ascii(&d.first_name), 3),
                prefix(&ascii(&d.family_name), 2)
            )),
            _ => None,
        };
        if let Some(q) = typed.filter(|q| !q.trim().is_empty()) {
            return q;
        }
    }
}

const KINDS: &[&str] = &[
    "name-1",
    "name-2",
    "name-3",
    "name-4",
    "accented",
    "phone",
    "card",
    "email",
    "own-script",
    "whole-name",
    "two-words",
    "card-spoken",
];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn report_percentiles(conn: &Connection, club: &[MemberDraft], today: NaiveDate) {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let mut all = Vec::with_capacity(TIMED_QUERIES);
    let mut slowest = (Duration::ZERO, String::new());
    for kind in KINDS {
        let mut times = vec![];
        for _ in 0..TIMED_QUERIES / KINDS.len() {
            let q = query(kind, &mut rng, club);
            let start = Instant::now();
            let rows = db::search::search(conn, &q, today, LIMIT).expect("search");
            let took = start.elapsed();
            black_box(rows);
            if took > slowest.0 {
                slowest = (took, q);
            }
            times.push(took);
        }
        times.sort();
        println!(
            "  {kind:<11} p50 {:>9.3?}  p99 {:>9.3?}  max {:>9.3?}",
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            times[times.len() - 1]
        );
        all.extend(times);
    }
    all.sort();
    println!(
        "search_100k: {} single searches, p50 {:.3?}, p99 {:.3?}, slowest {:.3?} for {:?}",
        all.len(),
        percentile(&all, 0.5),
        percentile(&all, 0.99),
        slowest.0,
        slowest.1
    );
}

fn search_100k(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("club.db");
    let conn = db::open(&path).expect("open");
    // A bulk load wants a large page cache and statement journals in memory;
    // the searches afterwards do not depend on either.
    conn.execute_batch("PRAGMA cache_size = -200000; PRAGMA temp_store = MEMORY")
        .expect("pragmas");
    let start = Instant::now();
    let club = build_club(&conn);
    let built = start.elapsed();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .expect("checkpoint");
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!(
        "search_100k: built {MEMBERS} members in {built:.1?} ({} MB on disk)",
        size / 1_000_000
    );
    let today = NaiveDate::from_ymd_opt(2026, 3, 14).expect("fixed date");
    report_percentiles(&conn, &club, today);
    // The shop's language changed: every member's list key is written again.
    let start = Instant::now();
    let rekeyed = db::list_order::follow(&conn, "hr").expect("rekey");
    println!(
        "search_100k: rekeyed {rekeyed} members for Croatian order in {:.1?}",
        start.elapsed()
    );
    report_percentiles(&conn, &club, today);

    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let mut group = c.benchmark_group("search_100k");
    group.bench_function("empty", |b| {
        b.iter(|| db::search::search(&conn, "", today, LIMIT).expect("search"))
    });
    for kind in KINDS {
        let queries: Vec<String> = (0..64).map(|_| query(kind, &mut rng, &club)).collect();
        let mut next = 0;
        group.bench_function(*kind, |b| {
            b.iter(|| {
                next = (next + 1) % queries.len();
                db::search::search(&conn, black_box(&queries[next]), today, LIMIT).expect("search")
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = search_100k
}
criterion_main!(benches);
