//! `regulars stats --json` on the 100,000-member demo club, from the
//! command started until it ends: the goal is under 300 ms.
//!
//! `cargo bench --bench stats_100k` makes the club once into the temp
//! folder with the app itself (`regulars demo --members 100000 --today
//! 2026-11-23`, about 1.8 million receipts), or takes the one named by
//! `REGULARS_BENCH_CLUB` (made the same way), which is only ever copied:
//! the run works on a copy of its own, and its first open (not timed)
//! brings an older club up to this version's schema. The default period
//! (the last 365 days) is timed, and a half year further back.
//! `REGULARS_BENCH_MEMBERS` makes a smaller club for a quick look.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const TODAY: &str = "2026-11-23";
const BIN: &str = env!("CARGO_BIN_EXE_regulars");
const GOAL_MS: f64 = 300.0;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// Runs the app's binary on the club with its config on the fixed day.
fn regulars(db: &Path, config: &Path, args: &[&str]) -> std::process::Output {
    let output = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .arg("--config")
        .arg(config)
        .args(["--today", TODAY, "--lang", "en"])
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "regulars {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// The club named by `REGULARS_BENCH_CLUB`, else one made once into the
/// temp folder.
fn club(members: u64, config: &Path) -> PathBuf {
    if let Ok(path) = std::env::var("REGULARS_BENCH_CLUB") {
        return PathBuf::from(path);
    }
    let path = std::env::temp_dir().join(format!("regulars-club-{members}.db"));
    let done = path.with_extension("done");
    if !done.exists() {
        remove(&path);
        let start = Instant::now();
        regulars(&path, config, &["demo", "--members", &members.to_string()]);
        println!("made the club in {:.0} s", start.elapsed().as_secs_f64());
        std::fs::write(&done, "").expect("a marker");
    }
    path
}

/// A copy of the club to work on, with its write-ahead log if it has one.
fn working_copy(source: &Path) -> PathBuf {
    let work = std::env::temp_dir().join("regulars-stats-bench.db");
    remove(&work);
    for suffix in ["", "-wal"] {
        let from = format!("{}{suffix}", source.display());
        if Path::new(&from).exists() {
            std::fs::copy(&from, format!("{}{suffix}", work.display())).expect("a copy");
        }
    }
    work
}

/// Median and 99th percentile, in milliseconds.
fn report(label: &str, samples: &mut [Duration]) {
    samples.sort();
    let at = |q: f64| {
        let i = ((samples.len() as f64 - 1.0) * q).round() as usize;
        samples[i].as_secs_f64() * 1000.0
    };
    let (median, p99) = (at(0.5), at(0.99));
    let verdict = if p99 < GOAL_MS { "ok" } else { "SLOW" };
    println!(
        "{label:<44} median {median:>8.1} ms  p99 {p99:>8.1} ms  (n={}, goal < {GOAL_MS} ms) {verdict}",
        samples.len()
    );
}

fn time(db: &Path, config: &Path, args: &[&str], rounds: usize) -> Vec<Duration> {
    (0..rounds)
        .map(|_| {
            let start = Instant::now();
            regulars(db, config, args);
            start.elapsed()
        })
        .collect()
}

fn main() {
    let members = env_number("REGULARS_BENCH_MEMBERS", 100_000);
    let rounds = env_number("REGULARS_BENCH_ROUNDS", 30) as usize;
    let config = std::env::temp_dir().join("regulars-stats-bench.toml");
    let db = working_copy(&club(members, &config));
    // The first open brings an older club up to this schema (the running
    // totals are filled once); that is not what is timed.
    let first = Instant::now();
    let out = regulars(&db, &config, &["stats", "--json"]);
    println!(
        "first open and stats in {:.1} s: {}",
        first.elapsed().as_secs_f64(),
        String::from_utf8_lossy(&out.stdout).trim()
    );
    let conn = rusqlite::Connection::open(&db).expect("the club");
    let (people, receipts): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM receipts)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("counts");
    drop(conn);
    println!("{people} members, {receipts} receipts, {rounds} rounds");
    let mut year = time(&db, &config, &["stats", "--json"], rounds);
    report("stats --json (the last 365 days)", &mut year);
    let mut back = time(
        &db,
        &config,
        &[
            "stats",
            "--from",
            "2025-12-01",
            "--to",
            "2026-05-31",
            "--json",
        ],
        rounds,
    );
    report("stats --json (a half year back)", &mut back);
    let mut table = time(&db, &config, &["stats"], rounds);
    report("stats (the table)", &mut table);
    remove(&db);
}
