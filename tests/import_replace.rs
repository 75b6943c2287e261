//! A receipt cut short stays short no more: a file cut off in the middle of
//! a receipt stores it with some of its lines, and the complete file later
//! completes it. Afterwards the club looks exactly as if only the complete
//! file had been imported: spend, visits, points, tiers, receipt totals and
//! lines.

mod cli_support;

use cli_support::{club_with, json, regulars};
use serde_json::Value;
use tempfile::TempDir;

const CONFIG: &str = r#"[shop]
name = "Paws"
country = "HR"
currency = "EUR"

[points]
per_unit = 1

[loyalty]
tier_basis = "spend"
grace_days = 60

[[tiers]]
name = "Bronze"
min = 0

[[tiers]]
name = "Silver"
min = 100
"#;

const HEADER: &str = "Date,Receipt number,Receipt type,Category,SKU,Item,Variant,Modifiers applied,Quantity,Gross sales,Discounts,Net sales,Cost of goods,Gross profit,Taxes,POS,Store,Cashier name,Customer name,Customer contacts,Comment,Status";

const ANA: &str = "+385 98 111 2233";
const IVO: &str = "ivo@example.hr";

/// One line of a Loyverse "receipts by item" export.
fn row(date: &str, number: &str, kind: &str, item: &str, net: &str, contact: &str) -> String {
    let qty = if net.starts_with('-') {
        "-1.000"
    } else {
        "1.000"
    };
    format!(
        "{date},{number},{kind},Dog,SKU-1,{item},,,{qty},{net},0.00,{net},0.00,0.00,0.00,POS 1,Pet shop,Owner,,{contact},,Closed"
    )
}

/// Ana's sale of three lines (56.97 after two of them: still Bronze; 131.67
/// whole: Silver) and Ivo's sale and a refund of three lines.
fn whole_file() -> Vec<String> {
    vec![
        row(
            "11/20/26 11:17 AM",
            "2-2001",
            "Sale",
            "Dog food",
            "37.98",
            ANA,
        ),
        row(
            "11/20/26 11:17 AM",
            "2-2001",
            "Sale",
            "Dog food",
            "18.99",
            ANA,
        ),
        row(
            "11/20/26 11:17 AM",
            "2-2001",
            "Sale",
            "Aquarium filter",
            "74.70",
            ANA,
        ),
        row(
            "11/13/26 9:00 AM",
            "2-2010",
            "Sale",
            "Dog bed",
            "100.00",
            IVO,
        ),
        row(
            "11/21/26 4:42 PM",
            "2-2011",
            "Refund",
            "Chew",
            "-10.00",
            IVO,
        ),
        row(
            "11/21/26 4:42 PM",
            "2-2011",
            "Refund",
            "Bone",
            "-10.00",
            IVO,
        ),
        row(
            "11/21/26 4:42 PM",
            "2-2011",
            "Refund",
            "Ball",
            "-10.00",
            IVO,
        ),
    ]
}

fn write(dir: &TempDir, name: &str, rows: &[String]) -> String {
    cli_support::write(dir, name, &format!("{HEADER}\n{}\n", rows.join("\n")))
}

fn club() -> TempDir {
    let dir = club_with(CONFIG);
    regulars(&dir)
        .args(["member", "add", "--first", "Ana", "--phone", ANA])
        .assert()
        .success();
    regulars(&dir)
        .args(["member", "add", "--first", "Ivo", "--email", IVO])
        .assert()
        .success();
    dir
}

/// Everything that must come out the same, read through the command line
/// and straight from the database.
fn state(dir: &TempDir) -> Value {
    let mut members = Vec::new();
    for key in [ANA, IVO] {
        let m = json(regulars(dir).args(["member", "show", key, "--json"]));
        let points = json(regulars(dir).args(["points", key, "--json"]));
        members.push(serde_json::json!({
            "spend_minor": m["spend_minor"],
            "visits": m["visits"],
            "tier": m["tier"],
            "points": m["points"],
            "balance": points["balance"],
        }));
    }
    let tiers = json(regulars(dir).args(["tiers", "--json"]));
    let conn = rusqlite::Connection::open(dir.path().join("club.db")).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT till_id, total_minor, kind, local_date, member_id,
                    (SELECT count(*) FROM lines l WHERE l.receipt_id = r.id),
                    (SELECT group_concat(item || '=' || amount_minor, ';')
                       FROM (SELECT item, amount_minor FROM lines l
                             WHERE l.receipt_id = r.id ORDER BY item))
             FROM receipts r ORDER BY till_id",
        )
        .unwrap();
    let receipts: Vec<Value> = stmt
        .query_map([], |r| {
            Ok(serde_json::json!([
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, Option<String>>(6)?,
            ]))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    serde_json::json!({"members": members, "tiers": tiers, "receipts": receipts})
}

#[test]
fn a_receipt_cut_short_is_completed_by_the_whole_file() {
    let whole = whole_file();
    let cut = TempDir::new().unwrap();
    // Ana's sale with two of its three lines, Ivo's refund with two of three.
    let short: Vec<String> = whole
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 2 && *i != 6)
        .map(|(_, r)| r.clone())
        .collect();
    let dir = club();
    let first = json(regulars(&dir).args(["import", "--json", &write(&cut, "cut.csv", &short)]));
    assert_eq!(first["receipts_new"], 3, "{first}");
    let before = state(&dir);
    assert_eq!(before["members"][0]["tier"], "Bronze", "{before}");
    let second = json(regulars(&dir).args(["import", "--json", &write(&cut, "whole.csv", &whole)]));
    assert_eq!(
        (
            &second["receipts_new"],
            &second["receipts_duplicate"],
            &second["receipts_completed"]
        ),
        (&0.into(), &1.into(), &2.into()),
        "{second}"
    );
    let completed = state(&dir);

    let alone = club();
    regulars(&alone)
        .arg("import")
        .arg(write(&cut, "whole-again.csv", &whole))
        .assert()
        .success();
    let expected = state(&alone);
    assert_eq!(completed, expected);
    assert_eq!(expected["members"][0]["tier"], "Silver", "{expected}");
    // 131 for Ana; Ivo's 100 less the 30 his whole refund takes back.
    assert_eq!(expected["members"][0]["balance"], 131, "{expected}");
    assert_eq!(expected["members"][1]["balance"], 70, "{expected}");

    // The rows that set the points right name the receipt they belong to.
    let ana = json(regulars(&dir).args(["points", ANA, "--json"]));
    let receipts: Vec<&str> = ana["ledger"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["receipt"].as_str())
        .collect();
    assert_eq!(receipts, ["2-2001", "2-2001"], "{ana}");

    // The short receipts again (in another order, so another file) change
    // nothing: they have fewer lines than stored.
    let reversed: Vec<String> = short.iter().rev().cloned().collect();
    let again =
        json(regulars(&dir).args(["import", "--json", &write(&cut, "cut-again.csv", &reversed)]));
    assert_eq!(again["receipts_completed"], 0, "{again}");
    assert_eq!(state(&dir), expected);
}
