//! `regulars import` for a file read with the wrong country, a file in
//! another currency than the shop's, and amounts like `1.234` in the
//! plain CSV: what a script sees (JSON, exit codes) and what is stored.

mod cli_support;

use cli_support::{json_lines, regulars};
use serde_json::Value;
use tempfile::TempDir;

/// Dana's national Israeli number on a sale and a refund, a walk-in, and
/// a sale with Noa's card that also carries Dana's phone (the card wins).
const TILL: &str = "receipt_id,time,total,phone,email,card,item,qty,amount\n\
    R1,2026-03-01T10:00:00,54.00,054-765-4321,,,Challah,1,54.00\n\
    R2,2026-03-02T10:00:00,12.00,,,,Tea,1,12.00\n\
    R4,2026-03-03T10:00:00,20.00,054-765-4321,,IL-1,Tea,1,20.00\n\
    R9,2026-03-05T10:00:00,-4.00,054-765-4321,,,Challah,-1,-4.00\n";

fn add(dir: &TempDir, args: &[&str]) {
    regulars(dir)
        .args(["member", "add"])
        .args(args)
        .assert()
        .success();
}

fn show(dir: &TempDir, key: &str) -> Value {
    let out = regulars(dir)
        .args(["member", "show", key, "--json"])
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

fn import(dir: &TempDir, file: &std::path::Path, args: &[&str]) -> Value {
    let out = regulars(dir)
        .arg("import")
        .arg(file)
        .args(args)
        .arg("--json")
        .assert()
        .success();
    json_lines(&out.get_output().stdout).remove(0)
}

fn receipts(dir: &TempDir) -> i64 {
    let conn = rusqlite::Connection::open(dir.path().join("club.db")).unwrap();
    conn.query_row("SELECT count(*) FROM receipts", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_file_read_with_the_wrong_country_finds_its_members_when_read_again() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("till.csv");
    std::fs::write(&file, TILL).unwrap();
    add(&dir, &["--first", "Dana", "--phone", "+972547654321"]);
    add(&dir, &["--first", "Noa", "--card", "IL-1"]);
    // The shop is in the US: the Israeli number reads as no one's.
    let first = import(&dir, &file, &[]);
    assert_eq!(first["receipts_new"], 4);
    assert_eq!(show(&dir, "+972547654321")["visits"], 0);
    assert_eq!(show(&dir, "IL-1")["spend_minor"], 2000);
    // Without --again the file stays imported, as before.
    let plain = import(&dir, &file, &["--country", "IL"]);
    assert_eq!(plain["already_imported"], true);
    assert_eq!(plain["again"], false);
    assert_eq!(show(&dir, "+972547654321")["visits"], 0);

    let again = import(&dir, &file, &["--country", "IL", "--again"]);
    assert_eq!(again["again"], true);
    assert_eq!(again["already_imported"], false);
    assert_eq!(again["receipts_new"], 0);
    assert_eq!(again["receipts_matched"], 2, "{again}");
    assert_eq!(again["receipts_unmatched"], 1, "the walk-in: {again}");
    let dana = show(&dir, "+972547654321");
    assert_eq!(
        (&dana["visits"], &dana["spend_minor"]),
        (&1.into(), &5000.into())
    );
    // Noa's receipt keeps her, nothing is doubled, no amount changes.
    assert_eq!(show(&dir, "IL-1")["spend_minor"], 2000);
    assert_eq!(receipts(&dir), 4);
    // Read a third time: nothing is left to match.
    let third = import(&dir, &file, &["--country", "IL", "--again"]);
    assert_eq!(third["receipts_matched"], 0);

    let text = regulars(&dir)
        .arg("import")
        .arg(&file)
        .args(["--country", "IL", "--again"])
        .assert()
        .success();
    let said = String::from_utf8_lossy(&text.get_output().stdout).into_owned();
    assert!(said.contains("read again: 0 receipts"), "{said}");
}

/// MobilePay writes its currency on every row.
const KRONER: &str = "\u{feff}Dato;Navn;Telefonnummer;Beløb;Valuta;Besked;TransaktionsID;Type\n\
    2026-04-08T17:04:33.3640811;Mads;31 23 45 67;40,95;DKK;Wienerbrød;8100000001;Salg\n\
    2026-04-09T17:04:33.3640811;Mads;31 23 45 67;12,00;DKK;Kaffe;8100000002;Salg\n";

#[test]
fn a_file_in_another_currency_is_refused_naming_both_unless_accepted() {
    let dir = TempDir::new().unwrap();
    let dollars = dir.path().join("dollars.csv");
    std::fs::write(
        &dollars,
        "receipt_id,time,total\nU1,2026-03-01T10:00:00,5.00\n",
    )
    .unwrap();
    let kroner = dir.path().join("kroner.csv");
    std::fs::write(&kroner, KRONER).unwrap();
    // A club without receipts hears of it and keeps the file.
    let first_db = TempDir::new().unwrap();
    std::fs::copy(&kroner, first_db.path().join("kroner.csv")).unwrap();
    let fresh = import(&first_db, &first_db.path().join("kroner.csv"), &[]);
    assert_eq!(fresh["receipts_new"], 2);
    assert!(fresh["notes"].to_string().contains("DKK"), "{fresh}");

    import(&dir, &dollars, &[]);
    let refused = regulars(&dir)
        .arg("import")
        .arg(&kroner)
        .args(["--country", "DK"])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&refused.get_output().stderr).into_owned();
    for part in ["kroner.csv", "DKK", "USD", "line 2", "--currency DKK"] {
        assert!(err.contains(part), "{part}: {err}");
    }
    assert_eq!(receipts(&dir), 1, "nothing stored");

    let json = regulars(&dir)
        .arg("import")
        .arg(&kroner)
        .args(["--country", "DK", "--json"])
        .assert()
        .code(1);
    let failed = json_lines(&json.get_output().stdout).remove(0);
    assert_eq!(failed["code"], "currency");

    let wrong = regulars(&dir)
        .arg("import")
        .arg(&kroner)
        .args(["--currency", "SEK"])
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&wrong.get_output().stderr).contains("DKK"));
    let bad = regulars(&dir)
        .arg("import")
        .arg(&kroner)
        .args(["--currency", "kroner"])
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&bad.get_output().stderr).contains("\"kroner\""));

    let accepted = import(&dir, &kroner, &["--country", "DK", "--currency", "dkk"]);
    assert_eq!(accepted["receipts_new"], 2);
    assert_eq!(receipts(&dir), 3);
}

#[test]
fn an_amount_that_could_be_thousands_is_decided_by_its_column_or_rejected() {
    let dir = TempDir::new().unwrap();
    // `12,5` shows the file writes decimals with a comma: 1.234 is 1234.
    let comma = dir.path().join("comma.csv");
    std::fs::write(
        &comma,
        "receipt_id,time,total,card\n\
         C1,2026-03-01T10:00:00,1.234,K-1\n\
         C2,2026-03-02T10:00:00,\"12,5\",K-1\n",
    )
    .unwrap();
    add(&dir, &["--first", "Ivo", "--card", "K-1"]);
    let read = import(&dir, &comma, &[]);
    assert_eq!(read["receipts_new"], 2, "{read}");
    assert_eq!(show(&dir, "K-1")["spend_minor"], 123_400 + 1_250);

    // Nothing tells: the row is rejected with its line, never guessed.
    let unsure = dir.path().join("unsure.csv");
    std::fs::write(
        &unsure,
        "receipt_id,time,total\n\
         U1,2026-03-01T10:00:00,1.234\n\
         U2,2026-03-02T10:00:00,12\n\
         U3,2026-03-03T10:00:00,7\n",
    )
    .unwrap();
    let report = import(&dir, &unsure, &[]);
    assert_eq!(report["receipts_new"], 2);
    assert_eq!(report["rows_rejected"], 1);
    let error = &report["errors"][0];
    assert_eq!(error["line"], 2);
    assert_eq!(error["code"], "row-ambiguous-money");
    assert!(
        error["reason"].as_str().unwrap().contains("1.234"),
        "{error}"
    );
}
