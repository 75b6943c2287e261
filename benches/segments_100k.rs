//! The Segments screen's live count on the 100,000-member demo club
//! (about 1.8 million receipts): each row times one typical expression
//! counted as a keystroke counts it (read, turned into one query, counted),
//! and one row types an expression key by key into the screen.
//!
//! `cargo bench --bench segments_100k` takes the club named by
//! `REGULARS_BENCH_CLUB` (made with `regulars demo --members 100000 --today
//! 2026-11-23`), else makes one into the temp folder with the app. It works
//! on a copy of its own: opening the club adds this version's indexes.
//! Each row prints the median and the 99th percentile, and the goal.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::ops::segments;
use regulars::ui::keymap::Action;
use regulars::ui::screens::segments::SegmentsState;
use tui_input::InputRequest;

const TODAY: &str = "2026-11-23";
const BIN: &str = env!("CARGO_BIN_EXE_regulars");
const GOAL_MS: f64 = 100.0;

/// The shop the counts are read with: tiers by spend, as the demo's.
const CONFIG: &str = r#"[shop]
name = "Bench"
country = "HR"
currency = "EUR"

[[tiers]]
name = "Bronze"
min = 0

[[tiers]]
name = "Silver"
min = 200

[[tiers]]
name = "Gold"
min = 500
"#;

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("a date")
}

/// The club named by `REGULARS_BENCH_CLUB`, else one made once into the
/// temp folder by the app's own demo fill.
fn club() -> PathBuf {
    if let Ok(path) = std::env::var("REGULARS_BENCH_CLUB") {
        return PathBuf::from(path);
    }
    let path = std::env::temp_dir().join("regulars-club-100000.db");
    let done = path.with_extension("done");
    if !done.exists() {
        remove(&path);
        let status = Command::new(BIN)
            .arg("--db")
            .arg(&path)
            .arg("--config")
            .arg(path.with_extension("toml"))
            .args(["--today", TODAY, "demo", "--members", "100000"])
            .status()
            .expect("the binary runs");
        assert!(status.success(), "the demo fill failed");
        std::fs::write(&done, "").expect("a marker");
    }
    path
}

fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// A copy of the club to open (opening migrates it; the original is
/// never written).
fn working_copy(source: &Path) -> PathBuf {
    let work = std::env::temp_dir().join("regulars-segments-bench.db");
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

fn main() {
    let source = club();
    let db = working_copy(&source);
    let dir = std::env::temp_dir();
    let config_path = dir.join("regulars-segments-bench.toml");
    std::fs::write(&config_path, CONFIG).expect("a config");
    let config = Config::load(&config_path).expect("the config");
    let started = Instant::now();
    let conn = regulars::db::open(&db).expect("the club");
    println!(
        "opened (and migrated) the copy in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let ctx = Ctx::new(conn, Clock::new(Some(today())), config, Some(db.clone()));
    // The migrated club holds its 12 months as of the newest receipt's
    // day, the day before TODAY: the first count moves them one day.
    let begin = Instant::now();
    segments::count(&ctx, "visits_12m>=5").expect("a count");
    report(
        "first count after the day moved by one day",
        &mut [begin.elapsed()],
    );
    let rounds = 20;
    let expressions = [
        "tier=Gold",
        "pet=dog",
        "children and child_age=3..6",
        "age=30..45 and language=hr",
        "birthday_month=12",
        "visits_12m>=5",
        "spend_12m>=500",
        "last_visit<2026-09-01",
        "bought=Cinnamon roll",
        "category=Toys",
        "pet=dog and visits_12m>=5",
        "usual_day=sat",
        "usual_hour=7..9",
    ];
    for text in expressions {
        let mut samples = vec![];
        let mut found = 0;
        for _ in 0..rounds {
            let begin = Instant::now();
            found = segments::count(&ctx, text).expect("a count").count;
            samples.push(begin.elapsed());
        }
        report(&format!("{text} ({found})"), &mut samples);
    }
    // Every key of an expression typed into the screen, counted as it goes.
    let mut keys = vec![];
    for _ in 0..3 {
        let mut screen = SegmentsState::open(&ctx).expect("the screen");
        for c in "pet=dog and children".chars() {
            let begin = Instant::now();
            screen.update(Action::Input(InputRequest::InsertChar(c)), &ctx);
            keys.push(begin.elapsed());
        }
    }
    report("a key typed on the Segments screen", &mut keys);
    drop(ctx);
    remove(&db);
}
