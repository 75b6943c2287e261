//! Points, redemptions, adjustments and tiers from the command line, on a
//! temp database with a fixed day and a config with a loyalty program.

mod cli_support;

use cli_support::{club_with, import_till, json, regulars, stderr_of};
use serde_json::Value;
use tempfile::TempDir;

const CONFIG: &str = r#"[shop]
name = "Paws"
country = "HR"
currency = "EUR"

[points]
per_unit = 1
signup_bonus = 50

[loyalty]
tier_basis = "spend"
grace_days = 60

[[tiers]]
name = "Bronze"
min = 0

[[tiers]]
name = "Silver"
min = 200
perks = "5% off"

[[rewards]]
name = "Free coffee"
points = 100
"#;

const TILL: &str = "receipt_id,time,total,phone,email,card,item,qty,amount
R1,2026-10-17T19:10:43,154.00,,,C-1,Bread,1,154.00
R2,2026-11-02T15:08:34,72.13,,,C-1,Crayons,2,72.13
R3,2026-11-05T20:10:43,-54.00,,,C-1,Bread,-1,-54.00
R4,2026-11-06T10:00:00,12.00,,,C-2,Tea,1,12.00
";

/// Two members with cards C-1 and C-2, and the till file imported.
fn club() -> TempDir {
    let dir = club_with(CONFIG);
    for (first, card) in [("Ana", "C-1"), ("Ivo", "C-2")] {
        regulars(&dir)
            .args(["member", "add", "--first", first, "--card", card])
            .assert()
            .success();
    }
    import_till(&dir, TILL);
    dir
}

fn balance_and_rows(dir: &TempDir, key: &str) -> (i64, Vec<Value>) {
    let points = json(regulars(dir).args(["points", key, "--json"]));
    let rows = points["ledger"].as_array().unwrap().clone();
    let sum: i64 = rows.iter().map(|r| r["delta"].as_i64().unwrap()).sum();
    assert_eq!(
        points["balance"].as_i64().unwrap(),
        sum,
        "balance is the sum"
    );
    (sum, rows)
}

#[test]
fn points_show_balance_and_ledger_and_importing_again_earns_nothing() {
    let dir = club();
    let (balance, rows) = balance_and_rows(&dir, "C-1");
    // 50 signup + 154 + 72 - 54
    assert_eq!(balance, 222);
    let reasons: Vec<&str> = rows.iter().map(|r| r["reason"].as_str().unwrap()).collect();
    assert_eq!(reasons, ["earn", "earn", "earn", "bonus"]);
    assert_eq!(rows[0]["at"], "2026-10-17T19:10:43");
    assert_eq!(rows[0]["note"], Value::Null);

    let copy = dir.path().join("till-copy.csv");
    std::fs::write(
        &copy,
        format!("{TILL}R5,2026-11-20T10:00:00,1.50,,,C-2,Tea,1,1.50\n"),
    )
    .unwrap();
    regulars(&dir).arg("import").arg(&copy).assert().success();
    assert_eq!(balance_and_rows(&dir, "C-1"), (balance, rows));
    assert_eq!(balance_and_rows(&dir, "C-2").0, 50 + 12 + 1);
}

#[test]
fn redeem_writes_and_refuses_with_one_clear_line() {
    let dir = club();
    let out = regulars(&dir)
        .args(["redeem", "C-1", "100", "--reward", "free coffee"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("New balance: 122"), "{text}");
    let err = stderr_of(regulars(&dir).args(["redeem", "C-1", "500"]), 1);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("122") && err.contains("500") && err.contains("378"),
        "{err}"
    );
    let err = stderr_of(
        regulars(&dir).args(["redeem", "C-1", "100", "--reward", "Cake"]),
        1,
    );
    assert!(err.contains("Cake") && err.contains("Free coffee"), "{err}");
    let err = stderr_of(
        regulars(&dir).args(["redeem", "C-1", "90", "--reward", "Free coffee"]),
        1,
    );
    assert!(err.contains("100"), "{err}");
    let err = stderr_of(regulars(&dir).args(["redeem", "C-9", "10"]), 1);
    assert!(err.contains("C-9"), "{err}");
    let (balance, rows) = balance_and_rows(&dir, "C-1");
    assert_eq!(balance, 122);
    let last = rows.last().unwrap();
    assert_eq!(
        (last["reason"].as_str(), last["delta"].as_i64()),
        (Some("redeem"), Some(-100))
    );
    assert_eq!(last["detail"], "Free coffee");
}

#[test]
fn adjust_needs_a_note_and_may_remove_points() {
    let dir = club();
    regulars(&dir)
        .args(["adjust", "C-2", "-20"])
        .assert()
        .code(2);
    let err = stderr_of(
        regulars(&dir).args(["adjust", "C-2", "-20", "--note", " "]),
        1,
    );
    assert!(err.contains("note"), "{err}");
    let (before, rows_before) = balance_and_rows(&dir, "C-2");
    assert_eq!(before, 62);
    let remove = [
        "adjust",
        "C-2",
        "-100",
        "--note",
        "card shared with a neighbour",
    ];
    // Below zero without a word is refused: one line, the balance it
    // would leave and the flag that allows it; nothing written.
    let err = stderr_of(regulars(&dir).args(remove), 1);
    assert_eq!(
        err,
        "regulars: That would leave the balance at -38, below zero; nothing changed. \
         Add --allow-negative to take the points off all the same."
    );
    assert_eq!(balance_and_rows(&dir, "C-2").1.len(), rows_before.len());
    regulars(&dir)
        .args(remove)
        .arg("--allow-negative")
        .assert()
        .success()
        .stdout("Took off 100 points by hand. New balance: -38.\n");
    let (balance, rows) = balance_and_rows(&dir, "C-2");
    assert_eq!(balance, -38);
    assert_eq!(rows.last().unwrap()["note"], "card shared with a neighbour");
    // Adding to a balance still below zero needs no flag.
    regulars(&dir)
        .args(["adjust", "C-2", "8", "--note", "paid back"])
        .assert()
        .success()
        .stdout("Added 8 points by hand. New balance: -30.\n");
}

#[test]
fn the_adjusted_points_are_counted_as_the_language_counts_them() {
    let dir = club();
    let said = |lang: &str, points: &str| {
        let out = regulars(&dir)
            .args([
                "--lang",
                lang,
                "adjust",
                "C-2",
                points,
                "--note",
                "paper card",
            ])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(said("hr", "1"), "Ručno dodano: 1 bod. Novo stanje: 63.\n");
    assert_eq!(
        said("hr", "-3"),
        "Ručno oduzeto: 3 boda. Novo stanje: 60.\n"
    );
    assert_eq!(
        said("hr", "5"),
        "Ručno dodano: 5 bodova. Novo stanje: 65.\n"
    );
    assert_eq!(said("en", "1"), "Added 1 point by hand. New balance: 66.\n");
    assert_eq!(said("he", "2"), "הוספה ידנית: שתי נקודות. יתרה חדשה: 68.\n");
}

#[test]
fn tiers_and_member_show_carry_tier_and_points() {
    let dir = club();
    let tiers = json(regulars(&dir).args(["tiers", "--json"]));
    assert_eq!(
        tiers["tiers"],
        serde_json::json!([
            {"name": "Bronze", "min": 0, "members": 1, "perks": ""},
            {"name": "Silver", "min": 200, "members": 1, "perks": "5% off"}
        ])
    );
    let ana = json(regulars(&dir).args(["member", "show", "C-1", "--json"]));
    assert_eq!(
        (ana["tier"].as_str(), ana["points"].as_i64()),
        (Some("Silver"), Some(222))
    );
    let found = json(regulars(&dir).args(["member", "find", "Ivo", "--json"]));
    assert_eq!(
        (found[0]["tier"].as_str(), found[0]["points"].as_i64()),
        (Some("Bronze"), Some(62))
    );
    let text = regulars(&dir)
        .arg("tiers")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&text).to_string();
    assert!(
        text.contains("Silver") && text.contains("€200") && text.contains("5% off"),
        "{text}"
    );
}

#[test]
fn without_tiers_member_show_has_no_tier() {
    let dir = TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[shop]\ncountry = \"HR\"\ncurrency = \"EUR\"\n",
    )
    .unwrap();
    regulars(&dir)
        .args(["member", "add", "--first", "Ana"])
        .assert()
        .success();
    let ana = json(regulars(&dir).args(["member", "show", "1", "--json"]));
    assert_eq!(
        (ana["tier"].clone(), ana["points"].as_i64()),
        (Value::Null, Some(0))
    );
    assert_eq!(
        json(regulars(&dir).args(["tiers", "--json"])),
        serde_json::json!({"tiers": [], "moves": [], "near": []})
    );
}
