//! A database left behind by a process that died mid-write opens fine: the
//! committed work is there, the unfinished transaction is not.

use std::path::Path;

use regulars::db;

fn copy_with_wal(from: &Path, to: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let src = format!("{}{suffix}", from.display());
        if Path::new(&src).exists() {
            std::fs::copy(&src, format!("{}{suffix}", to.display())).unwrap();
        }
    }
}

#[test]
fn crash_leftovers_open_with_committed_rows_only() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live.db");
    let conn = db::open(&live).unwrap();
    conn.execute(
        "INSERT INTO suppression VALUES ('committed', 'sms', '2026-11-23')",
        [],
    )
    .unwrap();
    conn.execute_batch("BEGIN; INSERT INTO suppression VALUES ('half-done', 'sms', '2026-11-23');")
        .unwrap();
    // The files as they are on disk at this instant are what a crash leaves.
    // Copying opens and closes the live files, which drops every lock this
    // process holds on them (POSIX); the live connection is only dropped
    // after this, never used, so here that costs nothing.
    let crashed = dir.path().join("crashed.db");
    copy_with_wal(&live, &crashed);
    assert!(
        Path::new(&format!("{}-wal", crashed.display())).exists(),
        "the WAL holds the committed row"
    );

    let reopened = db::open(&crashed).unwrap();
    let rows: Vec<String> = reopened
        .prepare("SELECT hash FROM suppression")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows, vec!["committed".to_string()]);
    let check: String = reopened
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}
