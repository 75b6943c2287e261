//! Importing a large Square "Item Sales" export, against SQLite's own CSV
//! import of the same file (which only copies text into one table: no
//! parsing, no receipts, no matching, no dedupe).
//!
//! `cargo bench --bench import_square` writes a file of
//! `REGULARS_BENCH_LINES` lines (default 1,000,000) with a fixed seed, then
//! runs `regulars import` on it (into a new database, then once more: a
//! file imported before is recognised by its checksum and not read again)
//! and `sqlite3 .import`, each in its own process under `/usr/bin/time`,
//! and prints wall time and peak memory.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

const HEADER: &str = "Date,Time,Time Zone,Category,Item,Qty,Price Point Name,SKU,Modifiers Applied,\
Gross Sales,Discounts,Net Sales,Tax,Transaction ID,Payment ID,Device Name,Notes,Details,Event Type,\
Location,Dining Option,Customer ID,Customer Name,Customer Reference ID,Unit,Count,GTIN,\
Itemization Type,Commission,Employee,Fulfillment Note,Channel,Token,Card Brand,PAN Suffix";

const ITEMS: [(&str, &str, &str, u64); 6] = [
    ("Bread", "Rugbrød", "RB-1", 450),
    ("Pastry", "Croissant", "CR-1", 275),
    ("Pastry", "Cinnamon roll", "CN-1", 356),
    ("Cakes", "Birthday cake", "BC-1", 3200),
    ("Coffee", "Latte", "LT-1", 450),
    ("Bread", "Sourdough loaf", "SD-1", 650),
];

/// A small fixed-seed generator: the same file every run, no dependency.
struct Seq(u64);

impl Seq {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    format!("{sign}${}.{:02}", c / 100, c % 100)
}

/// Writes `lines` item rows: receipts of 1–4 lines, a refund now and then,
/// a voided line, a quarter of the customers with a club card.
fn generate(path: &Path, lines: u64) -> std::io::Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    writeln!(out, "{HEADER}")?;
    let mut seq = Seq(0x5EED_2026);
    let (mut written, mut receipt) = (0u64, 0u64);
    while written < lines {
        receipt += 1;
        let day = receipt / 1500;
        let date = format!(
            "{}-{:02}-{:02}",
            2024 + day / 336,
            day / 28 % 12 + 1,
            day % 28 + 1
        );
        let time = format!(
            "{:02}:{:02}:{:02}",
            7 + seq.below(12),
            seq.below(60),
            seq.below(60)
        );
        let refund = seq.below(200) == 0;
        let card = match seq.below(4) {
            0 => format!("SQ-{:05}", seq.below(20_000)),
            _ => String::new(),
        };
        for _ in 0..(1 + seq.below(4)).min(lines - written) {
            let (category, item, sku, price) = ITEMS[seq.below(ITEMS.len() as u64) as usize];
            let voided = seq.below(500) == 0;
            let qty = if refund { -1 } else { 1 + seq.below(3) as i64 };
            let net = if voided { 0 } else { price as i64 * qty };
            let tax = net * 8 / 100;
            let name = if voided {
                format!("{item} (Voided)")
            } else {
                item.to_string()
            };
            let event = if refund { "Refund" } else { "Payment" };
            writeln!(
                out,
                "{date},{time},Eastern Time (US & Canada),{category},{name},{qty},Regular,{sku},,{},$0.00,{},{},\
                 T{receipt:010},P{receipt},Counter iPad,,,{event},Main Street Bakery,,C{receipt},,{card},,,,\
                 Physical Item,$0.00,Sam Lee,,Main Street Bakery,,Visa,4242",
                money(net),
                money(net),
                money(tax),
            )?;
            written += 1;
        }
    }
    out.flush()
}

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
    let temp = tempfile::tempdir().expect("temp dir");
    // REGULARS_BENCH_KEEP=DIR keeps the file (and databases) in DIR, to time
    // the two commands again by hand.
    let kept = std::env::var_os("REGULARS_BENCH_KEEP").map(std::path::PathBuf::from);
    let dir_path = kept.unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(&dir_path).expect("bench folder");
    let file = dir_path.join("square_item_sales.csv");
    let start = Instant::now();
    generate(&file, lines).expect("file written");
    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    println!(
        "{lines} lines, {:.0} MiB, written in {:.1} s",
        size as f64 / 1_048_576.0,
        start.elapsed().as_secs_f64()
    );

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
