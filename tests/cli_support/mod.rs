//! Shared setup for the command-line tests: the real `regulars` binary run
//! on a club in a temp folder (`club.db`, `config.toml`) on a fixed day
//! (Monday 23 Nov 2026), with nothing from the environment but a plain
//! locale, and its output read back as text or `--json`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output, Stdio};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin;
use serde_json::Value;
use tempfile::TempDir;

/// The day every run is told it is, unless a test needs another.
pub const TODAY: &str = "2026-11-23";

/// The arguments every run shares: the club's files and the day. Passed
/// on the command line so no run depends on the person's own files.
fn club_args(dir: &Path, db: &Path, today: &str) -> Vec<String> {
    vec![
        "--db".into(),
        db.display().to_string(),
        "--config".into(),
        dir.join("config.toml").display().to_string(),
        "--today".into(),
        today.into(),
    ]
}

/// `regulars` on the database `db`, with the folder's config and as home,
/// on the day `today`.
pub fn regulars_at(dir: &Path, db: &Path, today: &str) -> Command {
    let mut cmd = Command::cargo_bin("regulars").expect("the binary is built");
    cmd.env_clear()
        .env("LANG", "C.UTF-8")
        .env("HOME", dir)
        .args(club_args(dir, db, today));
    cmd
}

/// `regulars` on the folder's club on the usual day.
pub fn regulars(dir: &TempDir) -> Command {
    regulars_at(dir.path(), &dir.path().join("club.db"), TODAY)
}

/// `regulars` on another database than the folder's `club.db`.
pub fn regulars_on(dir: &TempDir, db: &Path) -> Command {
    regulars_at(dir.path(), db, TODAY)
}

/// `regulars` on the folder's club on another day.
pub fn regulars_on_day(dir: &TempDir, today: &str) -> Command {
    regulars_at(dir.path(), &dir.path().join("club.db"), today)
}

/// The same command as a plain process with `args`, for a run that goes
/// on beside the test (spawned, then waited for or interrupted) or whose
/// stdout is wired by hand (a full disk, a reader that goes away).
pub fn process(dir: &TempDir, args: &[&str]) -> Process {
    let db = dir.path().join("club.db");
    let mut cmd = Process::new(cargo_bin("regulars"));
    cmd.env_clear()
        .env("LANG", "C.UTF-8")
        .env("HOME", dir.path())
        .args(club_args(dir.path(), &db, TODAY))
        .args(args)
        .stdin(Stdio::null());
    cmd
}

/// Writes the club's `config.toml`.
pub fn write_config(dir: &TempDir, text: &str) -> PathBuf {
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// A new temp folder whose club has `config` as its config.
pub fn club_with(config: &str) -> TempDir {
    let dir = TempDir::new().unwrap();
    write_config(&dir, config);
    dir
}

/// Writes a file into the folder; its path as text, the way it is typed
/// on the command line and named back in reports.
pub fn write(dir: &TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// Writes `text` as the till's export `till.csv` and imports it.
pub fn import_till(dir: &TempDir, text: &str) {
    let till = write(dir, "till.csv", text);
    regulars(dir).arg("import").arg(&till).assert().success();
}

/// Runs a command that must succeed; its stdout as one JSON value.
pub fn json(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("stdout is JSON")
}

/// Every line of stdout as JSON (`import --json` writes one per file).
pub fn json_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON object"))
        .collect()
}

/// Runs a command that must end with `code`; its stderr, trimmed.
pub fn stderr_of(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code).get_output().stderr.clone();
    String::from_utf8_lossy(&out).trim().to_string()
}

/// The stderr of a finished run, trimmed.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).trim().to_string()
}

/// Rows in `table` of the folder's `club.db`, read straight from the file.
pub fn count(dir: &TempDir, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(dir.path().join("club.db")).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}
