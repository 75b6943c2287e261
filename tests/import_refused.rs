//! A file whose rows were all (or mostly) rejected is not stored and not
//! recorded as imported, so the re-run with the right options is not
//! refused as "imported before"; the command exits 1 and says what to try.
//! `--accept-rejects` stores a mostly rejected file anyway.

mod cli_support;

use cli_support::{club_with, count, json_lines, regulars, stderr, write};
use tempfile::TempDir;

const CONFIG: &str = r#"[shop]
name = "Paws"
country = "HR"
currency = "EUR"
"#;

/// Imports recorded and receipts stored, straight from the database.
fn stored(dir: &TempDir) -> (i64, i64) {
    (count(dir, "imports"), count(dir, "receipts"))
}

/// No date of these rows can be read: every row is rejected.
const UNREADABLE: &str = "receipt_id,time,total\nR1,yesterday,1.00\nR2,today,2.00\nR3,soon,3.00\n";

/// Three of five rows rejected.
const MOSTLY_BAD: &str = "receipt_id,time,total
R1,2026-11-01T10:00:00,1.00
R2,yesterday,2.00
R3,2026-11-02T10:00:00,3.00
R4,today,4.00
R5,soon,5.00
";

#[test]
fn a_file_with_every_row_rejected_is_not_recorded_and_says_what_to_try() {
    let dir = club_with(CONFIG);
    let file = write(&dir, "till.csv", UNREADABLE);
    for _ in 0..2 {
        let out = regulars(&dir).arg("import").arg(&file).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        for hint in ["--encoding", "--format", "--country"] {
            assert!(err.contains(hint), "{err}");
        }
        // The reasons are shown, and the second run is no "imported before".
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(text.contains("yesterday"), "{text}");
        assert!(!text.contains("imported before"), "{text}");
        assert_eq!(stored(&dir), (0, 0));
    }
    // Even accepting rejects stores nothing of a file with nothing readable.
    let out = regulars(&dir)
        .args(["import", "--accept-rejects", &file])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stored(&dir), (0, 0));
    // Partly fixed, two of three rows are still rejected.
    write(
        &dir,
        "till.csv",
        &UNREADABLE.replace("yesterday", "2026-11-01"),
    );
    let out = regulars(&dir).arg("import").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // Fixed, it imports.
    let fixed = UNREADABLE
        .replace("yesterday", "2026-11-01")
        .replace("today", "2026-11-02")
        .replace("soon", "2026-11-03");
    write(&dir, "till.csv", &fixed);
    regulars(&dir).arg("import").arg(&file).assert().success();
    assert_eq!(stored(&dir), (1, 3));
}

#[test]
fn more_than_half_rejected_is_stored_only_when_accepted() {
    let dir = club_with(CONFIG);
    let file = write(&dir, "till.csv", MOSTLY_BAD);
    let out = regulars(&dir)
        .args(["import", "--json", &file])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--accept-rejects"),
        "{}",
        stderr(&out)
    );
    let report = &json_lines(&out.stdout)[0];
    assert_eq!(report["code"], "most-rows-rejected", "{report}");
    assert_eq!(report["rows_rejected"], 3, "{report}");
    assert_eq!(report["path"], file.as_str());
    assert!(report["error"].as_str().unwrap().contains("3"), "{report}");
    assert_eq!(stored(&dir), (0, 0));

    let out = regulars(&dir)
        .args(["import", "--json", "--accept-rejects", &file])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let report = &json_lines(&out.stdout)[0];
    assert_eq!(report["receipts_new"], 2, "{report}");
    assert_eq!(report.get("code"), None, "{report}");
    assert_eq!(stored(&dir), (1, 2));
    // Now it is recorded: the same file again is "imported before".
    let again = regulars(&dir)
        .args(["import", "--json", &file])
        .output()
        .unwrap();
    assert!(again.status.success());
    assert_eq!(json_lines(&again.stdout)[0]["already_imported"], true);
}

#[test]
fn json_names_every_file_with_a_code_that_stays_in_every_language() {
    let dir = club_with(CONFIG);
    let good = write(
        &dir,
        "good.csv",
        "receipt_id,time,total\nR1,2026-11-01T10:00:00,1.00\n",
    );
    let notes = write(&dir, "notes.txt", "Dear diary,\nthe shop was busy today.\n");
    let missing = dir.path().join("gone.csv").display().to_string();
    let bad = write(&dir, "bad.csv", UNREADABLE);
    let mut codes = Vec::new();
    for lang in ["en", "hr", "zh"] {
        // A database of its own for each language: each run stores the good file.
        let shop = club_with(CONFIG);
        let out = regulars(&shop)
            .args([
                "--lang", lang, "import", "--json", &good, &notes, &missing, &bad,
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let lines = json_lines(&out.stdout);
        let paths: Vec<&str> = lines.iter().map(|l| l["path"].as_str().unwrap()).collect();
        assert_eq!(paths, [&good, &notes, &missing, &bad]);
        assert_eq!(lines[0]["receipts_new"], 1);
        assert_eq!(lines[0].get("error"), None);
        for failed in &lines[1..] {
            assert!(!failed["error"].as_str().unwrap().is_empty(), "{failed}");
        }
        let these: Vec<String> = lines[1..]
            .iter()
            .map(|l| l["code"].as_str().unwrap().to_string())
            .collect();
        codes.push(these);
    }
    assert_eq!(
        codes[0],
        ["not-a-till-export", "cannot-read-file", "all-rows-rejected"]
    );
    assert!(codes.iter().all(|c| *c == codes[0]), "{codes:?}");
}
