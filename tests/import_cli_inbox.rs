//! `regulars import` without files takes the inbox's new files, and
//! Ctrl-C during an import stops it with nothing of the file stored.

mod cli_support;

use cli_support::{count, json_lines, process, regulars, write_config};
use tempfile::TempDir;

/// A club whose inbox is the folder's `inbox`.
fn club() -> TempDir {
    let dir = TempDir::new().unwrap();
    let inbox = dir.path().join("inbox");
    write_config(
        &dir,
        &format!(
            "[shop]\ncountry = \"HR\"\ncurrency = \"EUR\"\n[import]\ninbox = \"{}\"\n",
            inbox.display()
        ),
    );
    dir
}

#[test]
fn without_files_the_inbox_new_files_are_imported_once() {
    let dir = club();
    // The inbox is created on first use.
    let first = regulars(&dir).arg("import").assert().success();
    let said = String::from_utf8_lossy(&first.get_output().stderr).to_string();
    assert!(said.contains("No new files in the inbox"), "{said}");
    let inbox = dir.path().join("inbox");
    assert!(inbox.is_dir());

    std::fs::write(
        inbox.join("a.csv"),
        "receipt_id,time,total\nA1,2026-11-02T10:00:00,4.00\n",
    )
    .unwrap();
    std::fs::write(
        inbox.join("b.csv"),
        "receipt_id,time,total\nB1,2026-11-03T10:00:00,5.00\nB2,2026-11-03T11:00:00,6.00\n",
    )
    .unwrap();
    let out = regulars(&dir).args(["import", "--json"]).assert().success();
    let lines = json_lines(&out.get_output().stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["receipts_new"], 1);
    assert_eq!(lines[1]["receipts_new"], 2);
    assert_eq!(count(&dir, "receipts"), 3);

    // Nothing new the second time.
    let again = regulars(&dir).args(["import", "--json"]).assert().success();
    assert!(again.get_output().stdout.is_empty());
}

#[cfg(unix)]
#[test]
fn ctrl_c_cancels_and_nothing_of_the_file_is_stored() {
    use std::io::Read;
    use std::process::Stdio;
    use std::time::{Duration, Instant};

    let dir = club();
    let file = dir.path().join("big.csv");
    let mut csv = String::from("receipt_id,time,total,item,qty,amount\n");
    for i in 0..200_000 {
        csv.push_str(&format!(
            "R{i},2026-11-{:02}T10:00:00,3.50,Latte,1,3.50\n",
            i % 28 + 1
        ));
    }
    std::fs::write(&file, csv).unwrap();
    let mut child = process(&dir, &["import"])
        .arg(&file)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The database is open (and the handler about to be set) once its
    // write-ahead log exists; the file takes seconds to read after that.
    let wal = dir.path().join("club.db-wal");
    let start = Instant::now();
    while !wal.exists() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(300));
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("big.csv cancelled; nothing of it was stored"),
        "{stderr}"
    );
    assert_eq!(count(&dir, "receipts"), 0);
}
