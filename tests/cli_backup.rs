//! `regulars backup` while another program writes: the copy is whole (it
//! passes SQLite's integrity check), holds every member, and holds each
//! import completely or not at all, never half a file.

mod cli_support;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use cli_support::{club_with, json, process, regulars};
use rusqlite::Connection;

const CONFIG: &str = r#"[shop]
name = "Paws"
country = "HR"
currency = "EUR"
"#;

/// Receipts in each generated till file.
const ROWS: usize = 15_000;

/// A till export of `ROWS` one-line receipts, numbered apart per `file`
/// so every file brings new receipts.
fn till_file(dir: &Path, file: usize) -> PathBuf {
    let mut text = String::from("receipt_id,time,total,phone,email,card,item,qty,amount\n");
    for n in 0..ROWS {
        let minute = n % 60;
        let hour = 8 + (n / 60) % 10;
        let cents = 100 + n % 5_000;
        text.push_str(&format!(
            "F{file}-{n},2026-11-20T{hour:02}:{minute:02}:00,{}.{:02},,,,Food,1,{}.{:02}\n",
            cents / 100,
            cents % 100,
            cents / 100,
            cents % 100,
        ));
    }
    let path = dir.join(format!("till-{file}.csv"));
    std::fs::write(&path, text).unwrap();
    path
}

/// Checks the copy with SQLite alone; its members and receipts.
fn open_copy(path: &Path) -> (i64, i64) {
    let conn = Connection::open(path).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok", "{}", path.display());
    let count = |table: &str| -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    (count("members"), count("receipts"))
}

#[test]
fn a_backup_taken_while_another_program_imports_is_whole() {
    let dir = club_with(CONFIG);
    for first in ["Ana", "Ivo", "Eva"] {
        regulars(&dir)
            .args(["member", "add", "--first", first, "--last", "Kos"])
            .assert()
            .success();
    }
    let files: Vec<PathBuf> = (0..4).map(|f| till_file(dir.path(), f)).collect();
    // Another process imports one file after another until all are in.
    let importing = Arc::new(AtomicBool::new(true));
    let importer = {
        let importing = Arc::clone(&importing);
        let mut runs: Vec<_> = files
            .iter()
            .map(|f| process(&dir, &["import", &f.display().to_string()]))
            .collect();
        std::thread::spawn(move || {
            for run in &mut runs {
                let status = run.status().unwrap();
                assert!(status.success(), "the import went through");
            }
            importing.store(false, Ordering::SeqCst);
        })
    };
    let mut copies = Vec::new();
    let mut during = 0;
    while importing.load(Ordering::SeqCst) || copies.len() < 2 {
        let was_importing = importing.load(Ordering::SeqCst);
        let out = json(regulars(&dir).args(["backup", "--json"]));
        let path = PathBuf::from(out["path"].as_str().unwrap());
        assert!(path.is_absolute(), "{path:?}");
        during += usize::from(was_importing && importing.load(Ordering::SeqCst));
        copies.push(path);
    }
    importer.join().unwrap();
    assert!(during > 0, "at least one copy was taken mid-import");
    for copy in &copies {
        let (members, receipts) = open_copy(copy);
        assert_eq!(members, 3, "{}", copy.display());
        assert_eq!(receipts as usize % ROWS, 0, "whole files only: {receipts}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(copy).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }
    // The copies are in the backups folder next to the database, dated
    // with the day the app is told it is.
    assert_eq!(
        copies[0],
        dir.path().join("backups").join("club-2026-11-23.db")
    );
    // A copy taken after the imports holds them all.
    let out = json(regulars(&dir).args(["backup", "--json"]));
    let (_, receipts) = open_copy(Path::new(out["path"].as_str().unwrap()));
    assert_eq!(receipts as usize, ROWS * files.len());
}

#[test]
fn a_backup_prints_where_it_went_and_refuses_to_overwrite() {
    let dir = club_with(CONFIG);
    let target = dir.path().join("before-the-sale.db");
    let out = regulars(&dir)
        .args(["backup", &target.display().to_string()])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains(&target.display().to_string()), "{text}");
    let out = regulars(&dir)
        .args(["backup", &target.display().to_string()])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("already exists"), "{text}");
}
