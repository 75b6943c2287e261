//! The 100,000-member demo club as the owner meets it: a key pressed until
//! the screen is drawn, a command started until it ends.
//!
//! `cargo bench --bench club_100k` makes the club once into the temp folder
//! with the app itself (`regulars demo --members 100000 --today
//! 2026-11-23`, about 1.8 million receipts), or takes the one named by
//! `REGULARS_BENCH_CLUB` (made the same way). Every run works on a fresh
//! copy, since settling writes. `REGULARS_BENCH_MEMBERS` makes a smaller
//! club for a quick look.
//!
//! The screens are driven as the terminal loop drives them: a key goes to
//! `App::handle_event`, then `terminal::draw` draws an 80×24 frame into a
//! test backend; for a screen whose data comes from work behind it, frames
//! are drawn until the one that shows the data. The command rows time the
//! release binary as a process. Each row prints the median and the 99th
//! percentile of its samples, and the goal.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use regulars::clock::Clock;
use regulars::config::Config;
use regulars::context::Ctx;
use regulars::ui::screens::counter::CounterState;
use regulars::ui::screens::member::MemberState;
use regulars::ui::screens::review::ReviewState;
use regulars::ui::screens::tiers::TiersState;
use regulars::ui::{App, Theme, terminal};

const TODAY: &str = "2026-11-23";
const BIN: &str = env!("CARGO_BIN_EXE_regulars");

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("a date")
}

/// Runs the app's binary with the club, its config and the fixed day.
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

/// The club named by `REGULARS_BENCH_CLUB`, else one made once into the
/// temp folder; the config next to it (written by the app on first use).
fn club(members: u64) -> (PathBuf, PathBuf) {
    if let Ok(path) = std::env::var("REGULARS_BENCH_CLUB") {
        let path = PathBuf::from(path);
        let config = path.with_extension("toml");
        return (path, config);
    }
    let dir = std::env::temp_dir();
    let path = dir.join(format!("regulars-club-{members}.db"));
    let config = path.with_extension("toml");
    let done = path.with_extension("done");
    if !done.exists() {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        let start = Instant::now();
        let n = members.to_string();
        regulars(&path, &config, &["demo", "--members", &n]);
        println!("made the club in {:.0} s", start.elapsed().as_secs_f64());
        std::fs::write(&done, "").expect("a marker");
    }
    (path, config)
}

/// A fresh copy of the club to work on (settling writes to it).
fn working_copy(source: &Path) -> PathBuf {
    let work = std::env::temp_dir().join("regulars-club-bench-work.db");
    remove(&work);
    // A club left with its write-ahead log is copied with it.
    for suffix in ["", "-wal"] {
        let from = format!("{}{suffix}", source.display());
        if Path::new(&from).exists() {
            std::fs::copy(&from, format!("{}{suffix}", work.display())).expect("a copy");
        }
    }
    work
}

fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// Median and 99th percentile, in milliseconds.
fn report(label: &str, goal_ms: f64, samples: &mut [Duration]) {
    samples.sort();
    let at = |q: f64| {
        let i = ((samples.len() as f64 - 1.0) * q).round() as usize;
        samples[i].as_secs_f64() * 1000.0
    };
    let (median, p99) = (at(0.5), at(0.99));
    let verdict = if p99 < goal_ms { "ok" } else { "SLOW" };
    println!(
        "{label:<44} median {median:>8.1} ms  p99 {p99:>8.1} ms  (n={}, goal < {goal_ms} ms) {verdict}",
        samples.len()
    );
}

type Screen = Terminal<TestBackend>;

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The app on its own connection, as `regulars` with no command starts it.
fn start(db: &Path, config: &Path) -> App {
    let config = Config::load(config).expect("the config");
    let conn = regulars::db::open(db).expect("the club");
    let ctx = Ctx::new(
        conn,
        Clock::new(Some(today())),
        config,
        Some(db.to_path_buf()),
    );
    App::new(ctx, Theme::plain()).expect("the app")
}

/// Draws frames, taking what work behind the screen said, until `ready`;
/// gives up after a minute.
fn draw_until(term: &mut Screen, app: &mut App, ready: impl Fn(&App) -> bool) {
    let give_up = Instant::now() + Duration::from_secs(60);
    loop {
        app.poll_work();
        terminal::draw(term, app).expect("a frame");
        if ready(app) || Instant::now() > give_up {
            return;
        }
        // The app redraws long work every 100 ms; 10 ms keeps this loop
        // from taking the work's processor while it waits.
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// One key, timed until the frame that `ready` accepts is drawn.
fn press(
    term: &mut Screen,
    app: &mut App,
    code: KeyCode,
    ready: impl Fn(&App) -> bool,
) -> Duration {
    let start = Instant::now();
    app.handle_event(key(code));
    draw_until(term, app, ready);
    start.elapsed()
}

fn counter_shown(app: &App) -> bool {
    app.top::<CounterState>().is_some()
}

fn tiers_shown(app: &App) -> bool {
    app.top::<TiersState>().is_some_and(|t| !t.is_working())
}

/// Every screen row: start, typing, a card and back, the review, the tiers.
fn screens(db: &Path, config: &Path, rounds: usize) {
    let mut started = vec![];
    for _ in 0..rounds.min(10) {
        let begin = Instant::now();
        let mut app = start(db, config);
        let mut term = Terminal::new(TestBackend::new(80, 24)).expect("a terminal");
        draw_until(&mut term, &mut app, counter_shown);
        started.push(begin.elapsed());
    }
    report("TUI start to a drawn counter", 300.0, &mut started);

    let mut app = start(db, config);
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("a terminal");
    terminal::draw(&mut term, &mut app).expect("a frame");
    let (mut typed, mut cards, mut backs) = (vec![], vec![], vec![]);
    // Beginnings of first names the demo club has many of.
    let words = [
        "mar", "mat", "iva", "nik", "sar", "cha", "dav", "fre", "oli", "har",
    ];
    for round in 0..rounds {
        let word = words[round % words.len()];
        for c in word.chars() {
            typed.push(press(&mut term, &mut app, KeyCode::Char(c), counter_shown));
        }
        let card = |app: &App| app.top::<MemberState>().is_some();
        cards.push(press(&mut term, &mut app, KeyCode::Enter, card));
        backs.push(press(&mut term, &mut app, KeyCode::Esc, counter_shown));
        for _ in word.chars() {
            typed.push(press(
                &mut term,
                &mut app,
                KeyCode::Backspace,
                counter_shown,
            ));
        }
    }
    report("keystroke on the counter", 16.0, &mut typed);
    report("open a member card (Enter)", 50.0, &mut cards);
    report("back to the counter (Esc)", 50.0, &mut backs);

    let (mut reviews, mut tiers) = (vec![], vec![]);
    let review_shown = |app: &App| app.top::<ReviewState>().is_some_and(|r| !r.is_loading());
    for _ in 0..rounds.min(10) {
        reviews.push(press(&mut term, &mut app, KeyCode::F(2), review_shown));
        press(&mut term, &mut app, KeyCode::Esc, counter_shown);
        // Esc on an empty search gives the list the keys; `t` is the tiers.
        press(&mut term, &mut app, KeyCode::Esc, counter_shown);
        tiers.push(press(&mut term, &mut app, KeyCode::Char('t'), tiers_shown));
        press(&mut term, &mut app, KeyCode::Esc, counter_shown);
    }
    report("open the weekly review (F2)", 150.0, &mut reviews);
    report("open Tiers (t)", 150.0, &mut tiers);
    new_day_tiers(db, config);
}

/// The first look at the tiers on a new day: the twelve months moved on,
/// so every tier is worked out again behind the screen. Timed to the first
/// frame (the screen and its "working" line) and to the filled-in one.
fn new_day_tiers(db: &Path, config: &Path) {
    let config = Config::load(config).expect("the config");
    let conn = regulars::db::open(db).expect("the club");
    let tomorrow = today() + chrono::Duration::days(1);
    let ctx = Ctx::new(
        conn,
        Clock::new(Some(tomorrow)),
        config,
        Some(db.to_path_buf()),
    );
    let mut app = App::new(ctx, Theme::plain()).expect("the app");
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("a terminal");
    terminal::draw(&mut term, &mut app).expect("a frame");
    press(&mut term, &mut app, KeyCode::Esc, counter_shown);
    let start = Instant::now();
    let mut first = vec![press(&mut term, &mut app, KeyCode::Char('t'), |app| {
        app.top::<TiersState>().is_some()
    })];
    draw_until(&mut term, &mut app, tiers_shown);
    let mut filled = vec![start.elapsed()];
    report("Tiers on a new day: first frame", 150.0, &mut first);
    report(
        "Tiers on a new day: filled in (behind)",
        f64::INFINITY,
        &mut filled,
    );
}

/// The command rows: the release binary, started until it ends.
fn commands(db: &Path, config: &Path, rounds: usize) {
    let rows: [(&str, &[&str]); 3] = [
        (
            "member find mar --json",
            &["member", "find", "mar", "--json"],
        ),
        ("member show 1 --json", &["member", "show", "1", "--json"]),
        (
            "reminders --days 30 --json",
            &["reminders", "--days", "30", "--json"],
        ),
    ];
    for (label, args) in rows {
        let mut samples: Vec<Duration> = (0..rounds.min(20))
            .map(|_| {
                let begin = Instant::now();
                regulars(db, config, args);
                begin.elapsed()
            })
            .collect();
        report(label, 100.0, &mut samples);
    }
}

fn main() {
    let members = env_number("REGULARS_BENCH_MEMBERS", 100_000);
    let rounds = env_number("REGULARS_BENCH_ROUNDS", 20) as usize;
    let (source, config) = club(members);
    let db = working_copy(&source);
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
    // A club made by an older version is brought up to this one's schema
    // on its first open, once; that is not what is timed.
    regulars(&db, &config, &["member", "show", "1"]);
    // Today's tiers worked out once, as the first look at them each day does.
    regulars(&db, &config, &["tiers", "--json"]);
    commands(&db, &config, rounds);
    screens(&db, &config, rounds);
    remove(&db);
}
