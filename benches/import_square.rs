//! Importing a large Square "Item Sales" export, against SQLite's own CSV
//! import of the same file (which only copies text into one table: no
//! parsing, no receipts, no matching, no dedupe).
//!
//! `cargo bench --bench import_square` writes a file of
//! `REGULARS_BENCH_LINES` lines (default 1,000,000) with a fixed seed, shaped
//! like the dashboard's real exports (`REGULARS_BENCH_SHAPE=easy`: the older,
//! easier file without quotes and with few customers; see `square_file`), then
//! runs `regulars import` on it (into a new database, then once more: a
//! file imported before is recognised by its checksum and not read again)
//! and `sqlite3 .import`, each in its own process under `/usr/bin/time`,
//! and prints wall time and peak memory.
//!
//! `REGULARS_BENCH_KEEP=DIR` writes the file into DIR and keeps it, to time
//! the commands by hand; with `REGULARS_BENCH_WRITE_ONLY=1` as well, only
//! the file is written.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

#[path = "square_file/mod.rs"]
mod square_file;

use square_file::{Shape, generate};

/// Runs a command, returning (seconds, peak memory in MiB when measurable).
fn measure(cmd: Command) -> (f64, Option<f64>) {
    let timed = Path::new("/usr/bin/time").exists();
    let mut run = if timed {
        let mut wrapped = Command::new("/usr/bin/time");
        wrapped
            .arg("-f")
            .arg("%M")
            .arg(cmd.get_program())
            .args(cmd.get_args());
        wrapped
    } else {
        cmd
    };
    let start = Instant::now();
    let out = run.output().expect("the command runs");
    let seconds = start.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let peak_kib = String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()
        .and_then(|l| l.trim().parse::<f64>().ok());
    (seconds, peak_kib.map(|k| k / 1024.0))
}

fn report(what: &str, (seconds, peak): (f64, Option<f64>)) {
    let peak = peak.map_or("n/a".to_string(), |m| format!("{m:.1} MiB"));
    println!("{what:<28} {seconds:>7.2} s   peak {peak}");
}

fn main() {
    let lines: u64 = std::env::var("REGULARS_BENCH_LINES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let shape = match std::env::var("REGULARS_BENCH_SHAPE").as_deref() {
        Ok("easy") => Shape::Easy,
        _ => Shape::Messy,
    };
    let temp = tempfile::tempdir().expect("temp dir");
    // REGULARS_BENCH_KEEP=DIR keeps the file (and databases) in DIR, to time
    // the two commands again by hand.
    let kept = std::env::var_os("REGULARS_BENCH_KEEP").map(std::path::PathBuf::from);
    let dir_path = kept.unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(&dir_path).expect("bench folder");
    let name = match shape {
        Shape::Messy => "square_item_sales.csv",
        Shape::Easy => "square_item_sales_easy.csv",
    };
    let file = dir_path.join(name);
    let start = Instant::now();
    generate(&file, lines, shape).expect("file written");
    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    println!(
        "{lines} lines ({shape:?}), {:.0} MiB, written in {:.1} s: {}",
        size as f64 / 1_048_576.0,
        start.elapsed().as_secs_f64(),
        file.display()
    );
    if std::env::var_os("REGULARS_BENCH_WRITE_ONLY").is_some() {
        return;
    }

    // Databases kept from an earlier run would make both commands do other
    // work (a file imported before is not read again; .import appends).
    for name in ["club.db", "club.db-wal", "club.db-shm", "plain.db"] {
        let _ = std::fs::remove_file(dir_path.join(name));
    }
    let import = || {
        let mut import = Command::new(env!("CARGO_BIN_EXE_regulars"));
        import
            .arg("--db")
            .arg(dir_path.join("club.db"))
            .arg("--config")
            .arg(dir_path.join("config.toml"))
            .arg("import")
            .arg(&file)
            .arg("--json");
        import
    };
    report("regulars import", measure(import()));
    report("regulars import again", measure(import()));

    let sqlite = Command::new("sqlite3").arg("-version").output();
    if sqlite.is_ok_and(|o| o.status.success()) {
        let mut plain = Command::new("sqlite3");
        plain
            .arg(dir_path.join("plain.db"))
            .arg("-cmd")
            .arg(".mode csv")
            .arg(format!(".import {} items", file.display()));
        report("sqlite3 .import (text only)", measure(plain));
    } else {
        println!("sqlite3 is not installed: no comparison");
    }
}
