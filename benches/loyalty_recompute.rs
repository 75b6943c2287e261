//! Recomputing every member's points and tiers on a large club.
//!
//! `cargo bench --bench loyalty_recompute` builds (once, into the temp
//! folder) a database of `REGULARS_BENCH_MEMBERS` members (default 100,000)
//! and `REGULARS_BENCH_LINES` receipt lines (default 10,000,000) with a
//! fixed seed, then times, on a fresh copy:
//! 1. the first recompute, which writes an earn row for every receipt;
//! 2. a second recompute, where the ledger is complete: balances, bonuses,
//!    expiry and every member's tier and tier history worked out again;
//! 3. the daily points update the app runs at start on a new day, and the
//!    one it runs on the same day when nothing is new;
//! 4. tier and points of 200 members, as the counter's list fills them.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{Duration, NaiveDate};
use regulars::config::{Config, default_text};
use regulars::db::{loyalty, search};
use rusqlite::{Connection, params};

const SEED: u64 = 0x5EED_2026;

/// A small fixed-seed generator: the same club every run, no dependency.
struct Seq(u64);

impl Seq {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).expect("a date")
}

/// Members with birthdays and join dates; receipts of 1–4 lines over three
/// years, four in five of them a member's, one in thirty a refund.
fn generate(path: &Path, members: u64, lines: u64) -> regulars::error::Result<()> {
    let conn = regulars::db::open(path)?;
    conn.execute_batch("PRAGMA synchronous = OFF; BEGIN;")?;
    let mut seq = Seq(SEED);
    {
        let mut add = conn.prepare(
            "INSERT INTO members (id, first_name, family_name, sort_key, birth_month, birth_day, joined_at)
             VALUES (?1, ?2, 'Bench', ?3, ?4, ?5, ?6)",
        )?;
        for id in 1..=members {
            let name = format!("Member{id}");
            let (month, day) = if seq.below(10) < 6 {
                (Some(seq.below(12) + 1), Some(seq.below(28) + 1))
            } else {
                (None, None)
            };
            let joined = first_day() + Duration::days(seq.below(700) as i64);
            add.execute(params![
                id as i64,
                name,
                format!("bench {name}"),
                month.map(|m| m as i64),
                day.map(|d| d as i64),
                joined.format("%Y-%m-%d").to_string()
            ])?;
        }
        let mut receipt = conn.prepare(
            "INSERT INTO receipts (id, source, till_id, local_date, local_time, total_minor, kind, member_id)
             VALUES (?1, 'generic', ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        let mut line = conn.prepare(
            "INSERT INTO lines (receipt_id, item, qty_milli, amount_minor) VALUES (?1, 'Item', 1000, ?2)",
        )?;
        let days = 1058; // 2024-01-01 .. 2026-11-23
        let (mut written, mut id) = (0u64, 0i64);
        while written < lines {
            id += 1;
            let date = first_day() + Duration::days((id as u64 * days / (lines * 2 / 5)) as i64);
            let date = date.min(first_day() + Duration::days(days as i64 - 1));
            let member = (seq.below(5) > 0).then(|| seq.below(members) as i64 + 1);
            let refund = seq.below(30) == 0;
            let count = (seq.below(4) + 1).min(lines - written);
            let amounts: Vec<i64> = (0..count).map(|_| 200 + seq.below(5800) as i64).collect();
            let sign = if refund { -1 } else { 1 };
            let total: i64 = amounts.iter().sum::<i64>() * sign;
            receipt.execute(params![
                id,
                format!("B{id}"),
                date.format("%Y-%m-%d").to_string(),
                format!("{:02}:{:02}:00", 8 + seq.below(11), seq.below(60)),
                total,
                if refund { "refund" } else { "sale" },
                member
            ])?;
            for amount in amounts {
                line.execute(params![id, amount * sign])?;
            }
            written += count;
        }
    }
    conn.execute_batch("CREATE TABLE bench_done (x); COMMIT; PRAGMA wal_checkpoint(TRUNCATE);")?;
    Ok(())
}

fn built(path: &Path) -> bool {
    Connection::open(path)
        .and_then(|c| {
            c.query_row("SELECT count(*) FROM bench_done", [], |r| {
                r.get::<_, i64>(0)
            })
        })
        .is_ok()
}

fn timed<T>(label: &str, work: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let value = work();
    println!("{label}: {:.2} s", start.elapsed().as_secs_f64());
    value
}

fn main() -> regulars::error::Result<()> {
    let members = env_number("REGULARS_BENCH_MEMBERS", 100_000);
    let lines = env_number("REGULARS_BENCH_LINES", 10_000_000);
    let dir = std::env::temp_dir();
    // A new schema needs a new club: the file name carries the schema's hash.
    let schema = regulars::db::migrate::MIGRATIONS
        .iter()
        .flat_map(|m| m.bytes())
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
    let source: PathBuf = dir.join(format!(
        "regulars-loyalty-{members}-{lines}-{:08x}.db",
        schema as u32
    ));
    if !built(&source) {
        let _ = std::fs::remove_file(&source);
        timed("generate", || generate(&source, members, lines))?;
    }
    let work = dir.join("regulars-loyalty-bench-work.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", work.display()));
    }
    std::fs::copy(&source, &work).map_err(|e| regulars::error::Error::io(&work, e))?;
    let conn = regulars::db::open(&work)?;
    let receipts: i64 = conn.query_row("SELECT count(*) FROM receipts", [], |r| r.get(0))?;
    println!("{members} members, {lines} lines, {receipts} receipts");

    let mut config = Config::parse(&default_text(Some("hr_HR.UTF-8")), Path::new("bench"))?;
    config.points.expiry_months = 12;
    let program = config.loyalty();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
    let now = today.and_hms_opt(9, 0, 0).expect("a time");

    let first = timed("first recompute (writes every earn row)", || {
        loyalty::recompute(&conn, &program, now)
    })?;
    println!("  {first:?}");
    let second = timed("recompute, ledger complete", || {
        loyalty::recompute(&conn, &program, now)
    })?;
    println!("  {second:?}");
    let tiers = timed("  of which tiers and tier history alone", || {
        regulars::db::loyalty_tiers::recompute_tiers(&conn, &program, today)
    })?;
    println!("  members with purchases: {tiers}");
    let next_day = now + Duration::days(1);
    timed("daily points update (app start on a new day)", || {
        loyalty::settle(&conn, &program, next_day)
    })?;
    timed("points update, nothing new (back to the counter)", || {
        loyalty::settle(&conn, &program, next_day)
    })?;
    let mut rows = search::search(&conn, "", today, 200)?;
    timed("tier and points of 200 counter rows", || {
        loyalty::fill_rows(&conn, &program, &mut rows, today)
    })?;
    let rows: i64 = conn.query_row("SELECT count(*) FROM points", [], |r| r.get(0))?;
    println!("ledger rows: {rows}");
    drop(conn);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", work.display()));
    }
    Ok(())
}
