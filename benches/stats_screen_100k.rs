//! The Stats screen from opening until its figures show (what `a` on the
//! counter waits for) and until the chart beside them is filled, on the
//! 100,000-member demo club.
//!
//! `REGULARS_BENCH_CLUB` names the club (made with `regulars demo
//! --members 100000 --today 2026-11-23`); without it, the one
//! `cargo bench --bench stats_100k` made in the temp folder. The club is
//! only ever copied: the run works on a copy of its own, and its first
//! open (not timed) brings an older club up to this version's schema.
//! `cargo bench --bench stats_screen_100k`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::db;
use regulars::ui::screens::stats::StatsState;
use regulars::ui::stack::Screen;

const GOAL_MS: f64 = 300.0;

fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

fn club() -> PathBuf {
    std::env::var("REGULARS_BENCH_CLUB")
        .map(PathBuf::from)
        .unwrap_or_else(|_| std::env::temp_dir().join("regulars-club-100000.db"))
}

/// A copy of the club to work on, with its write-ahead log if it has one.
fn working_copy(source: &Path) -> PathBuf {
    assert!(
        source.exists(),
        "no club at {}: set REGULARS_BENCH_CLUB or run the stats_100k bench first",
        source.display()
    );
    let work = std::env::temp_dir().join("regulars-stats-screen-bench.db");
    remove(&work);
    for suffix in ["", "-wal"] {
        let from = format!("{}{suffix}", source.display());
        if Path::new(&from).exists() {
            std::fs::copy(&from, format!("{}{suffix}", work.display())).expect("a copy");
        }
    }
    work
}

/// Opens the screen and waits for its job, as the app's loop polls it:
/// how long until the figures show, and until the chart is filled.
fn open_until_filled(ctx: &mut Ctx) -> (Duration, Duration) {
    let start = Instant::now();
    let mut screen = StatsState::open(ctx);
    let mut figures = None;
    while screen.is_working() {
        std::thread::sleep(Duration::from_millis(1));
        screen.poll(ctx);
        if figures.is_none() && screen.health().is_some() {
            figures = Some(start.elapsed());
        }
    }
    let filled = start.elapsed();
    assert!(screen.health().is_some(), "the figures came");
    assert!(!screen.months().is_empty(), "the months came");
    (figures.unwrap_or(filled), filled)
}

fn main() {
    let rounds: usize = std::env::var("REGULARS_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let db_path = working_copy(&club());
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a day");
    let mut ctx = Ctx::new(
        db::open(&db_path).expect("the club opens"),
        Clock::fixed(today),
        Config::default(),
        Some(db_path.clone()),
    );
    // The first open may bring the club up to this schema: not timed.
    open_until_filled(&mut ctx);
    let (mut figures, mut filled): (Vec<Duration>, Vec<Duration>) =
        (0..rounds).map(|_| open_until_filled(&mut ctx)).unzip();
    figures.sort();
    filled.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = ms(figures[figures.len() / 2]);
    let worst = ms(figures[figures.len() - 1]);
    let verdict = if median < GOAL_MS { "ok" } else { "SLOW" };
    println!(
        "Stats screen open to figures shown: median {median:.1} ms, worst {worst:.1} ms (n={rounds}, goal < {GOAL_MS} ms) {verdict}"
    );
    println!(
        "Stats screen open to chart filled: median {:.1} ms, worst {:.1} ms",
        ms(filled[filled.len() / 2]),
        ms(filled[filled.len() - 1])
    );
    remove(&db_path);
}
