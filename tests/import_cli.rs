//! `regulars import` as a script uses it: JSON per file, exit codes, one
//! clear line on errors, `--dry-run`, and the member's figures afterwards.

mod cli_support;

use cli_support::{json_lines, regulars};
use serde_json::Value;
use tempfile::TempDir;

const FILE: &str = "receipt_id,time,total,phone,email,card,item,qty,amount\n\
    R1,2026-03-01T10:00:00,54.00,054-765-4321,,,Challah,1,54.00\n\
    R2,2026-03-02T10:00:00,12.00,,,,Tea,1,12.00\n\
    R3,2026-04-31T10:00:00,12.00,,,,Tea,1,12.00\n\
    R9,2026-03-05T10:00:00,-54.00,054-765-4321,,,Challah,-1,-54.00\n";

#[test]
fn json_report_per_file_and_member_figures() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("till.csv");
    std::fs::write(&file, FILE).unwrap();
    regulars(&dir)
        .args([
            "member",
            "add",
            "--first",
            "Dana",
            "--phone",
            "+972547654321",
        ])
        .assert()
        .success();

    let dry = regulars(&dir)
        .arg("import")
        .arg(&file)
        .args(["--country", "IL", "--json", "--dry-run"])
        .assert()
        .success();
    assert_eq!(json_lines(&dry.get_output().stdout)[0]["receipts_new"], 3);

    let out = regulars(&dir)
        .arg("import")
        .arg(&file)
        .args(["--country", "IL", "--json"])
        .assert()
        .success();
    let report = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(report["format"], "generic");
    assert_eq!(report["rows"], 4);
    assert_eq!(report["receipts_new"], 3);
    assert_eq!(report["receipts_duplicate"], 0);
    assert_eq!(report["refunds"], 1);
    assert_eq!(report["rows_rejected"], 1);
    assert_eq!(report["errors"][0]["line"], 4);
    assert!(
        report["errors"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("2026-04-31")
    );

    let show = regulars(&dir)
        .args(["member", "show", "+972547654321", "--json"])
        .assert()
        .success();
    let member: Value = serde_json::from_slice(&show.get_output().stdout).unwrap();
    assert_eq!(
        (member["visits"].clone(), member["spend_minor"].clone()),
        (1.into(), 0.into())
    );

    let again = regulars(&dir)
        .arg("import")
        .arg(&file)
        .args(["--country", "IL", "--json"])
        .assert()
        .success();
    assert_eq!(json_lines(&again.get_output().stdout)[0]["receipts_new"], 0);
}

#[test]
fn unknown_files_and_bad_flags_fail_with_one_line() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("notes.csv");
    std::fs::write(&file, "name,colour\nAna,red\n").unwrap();
    let out = regulars(&dir).arg("import").arg(&file).assert().code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("notes.csv"), "{err}");

    regulars(&dir)
        .arg("import")
        .arg(&file)
        .args(["--format", "paper"])
        .assert()
        .code(2);
    let out = regulars(&dir)
        .arg("import")
        .arg(&file)
        .args(["--country", "XX"])
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("XX"));
}

#[test]
fn text_report_names_the_rejected_rows() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("till.csv");
    std::fs::write(&file, FILE).unwrap();
    let out = regulars(&dir).arg("import").arg(&file).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains("generic") && text.contains("line 4"),
        "{text}"
    );
}

#[test]
fn a_row_error_has_a_code_that_is_the_same_in_every_language() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("till.csv");
    std::fs::write(&file, FILE).unwrap();
    let report = |lang: &str| {
        let out = regulars(&dir)
            .arg("import")
            .arg(&file)
            .args(["--country", "IL", "--json", "--dry-run", "--lang", lang])
            .assert()
            .success();
        json_lines(&out.get_output().stdout)[0]["errors"][0].clone()
    };
    let (english, croatian) = (report("en"), report("hr"));
    assert_eq!(english["line"], 4);
    assert_eq!(english["code"], "row-no-such-date");
    assert_eq!(english["code"], croatian["code"]);
    assert!(english["reason"].as_str().unwrap().contains("2026-04-31"));
}

#[test]
fn the_till_customers_without_a_member_are_counted_per_file() {
    let dir = TempDir::new().unwrap();
    regulars(&dir)
        .args([
            "member",
            "add",
            "--first",
            "Dana",
            "--phone",
            "+972547654321",
        ])
        .assert()
        .success();
    let first = dir.path().join("first.csv");
    std::fs::write(
        &first,
        "receipt_id,time,total,phone,email,card,item,qty,amount\n\
         A1,2026-03-01T10:00:00,5.00,054-765-4321,,,Tea,1,5.00\n\
         A2,2026-03-01T11:00:00,5.00,052-111-2222,,,Tea,1,5.00\n\
         A3,2026-03-02T11:00:00,5.00,052-111-2222,,,Tea,1,5.00\n\
         A4,2026-03-02T12:00:00,5.00,,noa@example.com,,Tea,1,5.00\n\
         A5,2026-03-02T13:00:00,5.00,,,,Tea,1,5.00\n",
    )
    .unwrap();
    let second = dir.path().join("second.csv");
    std::fs::write(
        &second,
        "receipt_id,time,total,phone,email,card,item,qty,amount\n\
         B1,2026-03-03T10:00:00,5.00,,noa@example.com,,Tea,1,5.00\n",
    )
    .unwrap();
    let unmatched = |file: &std::path::Path| {
        let out = regulars(&dir)
            .arg("import")
            .arg(file)
            .args(["--country", "IL", "--json"])
            .assert()
            .success();
        json_lines(&out.get_output().stdout)[0]["customers_unmatched"].clone()
    };
    // Dana is a member; 052-111-2222 twice is one customer; no contact, none.
    assert_eq!(unmatched(&first), 2);
    // The club has two such customers now; this file brought one.
    assert_eq!(unmatched(&second), 1);
    let text = regulars(&dir)
        .args(["import", "--country", "IL"])
        .arg(dir.path().join("first.csv"))
        .output()
        .unwrap();
    // A file imported before brings nothing new to count.
    assert!(!String::from_utf8_lossy(&text.stdout).contains("till customer"));
}
