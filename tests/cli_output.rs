//! What the command line prints when printing goes wrong: a full disk is
//! one clear line on stderr and exit 1 (never a panic), a reader that went
//! away is no error at all, and `import --json` says for every file what
//! happened, a failed one included, with a code scripts can rely on.

mod cli_support;

use std::process::Stdio;

use cli_support::{club_with, import_till, process, regulars};
use tempfile::TempDir;

const CONFIG: &str = r#"[shop]
name = "Paws"
country = "HR"
currency = "EUR"

[points]
per_unit = 1

[[tiers]]
name = "Bronze"
min = 0

[[tiers]]
name = "Silver"
min = 200
"#;

const TILL: &str = "receipt_id,time,total,phone,email,card,item,qty,amount
R1,2026-10-17T19:10:43,154.00,,,C-1,Bread,1,154.00
R2,2026-11-06T10:00:00,12.00,,,C-2,Tea,1,12.00
";

fn club() -> TempDir {
    let dir = club_with(CONFIG);
    for (first, card) in [("Ana", "C-1"), ("Ivo", "C-2")] {
        regulars(&dir)
            .args(["member", "add", "--first", first, "--card", card])
            .args(["--birthday", "11-25"])
            .assert()
            .success();
    }
    import_till(&dir, TILL);
    dir
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_gives_one_clear_line_and_exit_1() {
    let dir = club();
    let other = dir.path().join("more.csv");
    std::fs::write(
        &other,
        "receipt_id,time,total\nR7,2026-11-20T10:00:00,3.00\n",
    )
    .unwrap();
    let other = other.display().to_string();
    let commands: [&[&str]; 11] = [
        &["member", "find", "Ana"],
        &["member", "find", "Ana", "--json"],
        &["member", "show", "C-1"],
        &["member", "show", "C-1", "--json"],
        &["tiers"],
        &["tiers", "--json"],
        &["points", "C-1"],
        &["points", "C-1", "--json"],
        &["reminders"],
        &["reminders", "--json"],
        &["import", "--json", &other],
    ];
    for args in commands {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = process(&dir, args).stdout(full).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("regulars: Cannot write the output") && stderr.contains("disk"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn a_reader_that_went_away_is_no_error() {
    let dir = club();
    for args in [&["member", "find", "Ana"][..], &["reminders", "--json"]] {
        let mut child = process(&dir, args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Closing the reading end before the command prints, as `| head` does.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}
