//! `--shop NAME` on `stats`, `tiers` and `reminders`: the figures and
//! lists of one branch of a chain, while without it everything stays the
//! whole club's. Receipts and members of another branch are made as the
//! sync will leave them: the row carries that branch's name, and this
//! shop's own rows carry none.

mod cli_support;

use cli_support::{club_with, import_till, json, regulars, stderr_of};
use serde_json::{Value, json};
use tempfile::TempDir;

/// Tiers on spend (Silver from €200), and this shop called Centre.
const CENTRE: &str = r#"[shop]
name = "Paws"
country = "HR"
currency = "EUR"

[[tiers]]
name = "Bronze"
min = 0

[[tiers]]
name = "Silver"
min = 200

[sync]
shop = "Centre"
"#;

/// Ana €150 here, €45 and a €5 refund at Harbour; Ivo €190 here; Eva €300
/// at Harbour; a walk-in €20 at Harbour; Noa €60 at Harbour and €40 here.
const TILL: &str = "receipt_id,time,total,phone,email,card,item,qty,amount
R1,2026-11-02T10:00:00,150.00,,,C-1,Bed,1,150.00
R2,2026-11-03T10:00:00,45.00,,,C-1,Leash,1,45.00
R3,2026-11-04T10:00:00,190.00,,,C-2,Cage,1,190.00
R4,2026-11-05T10:00:00,300.00,,,C-3,Tank,1,300.00
R5,2026-11-06T10:00:00,20.00,,,,Food,1,20.00
R6,2026-11-08T10:00:00,-5.00,,,C-1,Leash,-1,-5.00
R7,2026-11-09T10:00:00,60.00,,,C-4,Food,1,60.00
R8,2026-11-10T10:00:00,40.00,,,C-4,Food,1,40.00
";

fn add(dir: &TempDir, args: &[&str]) {
    regulars(dir)
        .args(["member", "add"])
        .args(args)
        .assert()
        .success();
}

/// Ana (who brought Ivo and Eva), Ivo, Eva, Noa (from a walk past) and
/// Luka, birthdays on the five days after today; the till file; NPS
/// answers of Ana (10), Ivo (3) and an anonymous 5. All still one shop.
fn one_shop(config: &str) -> TempDir {
    let dir = club_with(config);
    add(
        &dir,
        &["--first", "Ana", "--card", "C-1", "--birthday", "11-25"],
    );
    for (first, card, birthday) in [("Ivo", "C-2", "11-26"), ("Eva", "C-3", "11-27")] {
        add(
            &dir,
            &[
                "--first",
                first,
                "--card",
                card,
                "--birthday",
                birthday,
                "--referred-by",
                "C-1",
            ],
        );
    }
    add(
        &dir,
        &[
            "--first",
            "Noa",
            "--card",
            "C-4",
            "--birthday",
            "11-28",
            "--source",
            "walked past",
        ],
    );
    add(
        &dir,
        &["--first", "Luka", "--card", "C-5", "--birthday", "11-29"],
    );
    import_till(&dir, TILL);
    for args in [
        &["C-1", "--nps", "10"][..],
        &["C-2", "--nps", "3"],
        &["--anonymous", "--nps", "5"],
    ] {
        regulars(&dir).arg("feedback").args(args).assert().success();
    }
    dir
}

/// Harbour's rows, named the way a sync from there names them: Ana's
/// second visit and refund, Eva's, the walk-in's and Noa's first; Noa and
/// Luka signed up at Harbour.
fn name_harbour(dir: &TempDir) {
    let conn = rusqlite::Connection::open(dir.path().join("club.db")).unwrap();
    conn.execute_batch(
        "UPDATE receipts SET shop = 'Harbour' WHERE till_id IN ('R2', 'R4', 'R5', 'R6', 'R7');
         UPDATE members SET shop = 'Harbour' WHERE first_name IN ('Noa', 'Luka');",
    )
    .unwrap();
}

fn chain() -> TempDir {
    let dir = one_shop(CENTRE);
    name_harbour(&dir);
    dir
}

fn stats(dir: &TempDir, shop: &str) -> Value {
    json(regulars(dir).args(["stats", "--json", "--shop", shop]))
}

#[test]
fn without_shop_the_figures_stay_the_whole_clubs() {
    let dir = one_shop(CENTRE);
    let before = json(regulars(&dir).args(["stats", "--json"]));
    let tiers_before = json(regulars(&dir).args(["tiers", "--json"]));
    let reminders_before = json(regulars(&dir).args(["reminders", "--json"]));
    name_harbour(&dir);
    assert_eq!(json(regulars(&dir).args(["stats", "--json"])), before);
    assert_eq!(json(regulars(&dir).args(["tiers", "--json"])), tiers_before);
    assert_eq!(
        json(regulars(&dir).args(["reminders", "--json"])),
        reminders_before
    );
    assert_eq!(before["members"], 5);
    assert!(before.get("shop").is_none());
}

#[test]
fn a_branchs_figures_count_its_receipts_and_its_members() {
    let dir = chain();
    let harbour = stats(&dir, "harbour");
    assert_eq!(harbour["shop"], "Harbour", "as the branch spells itself");
    // Ana and Eva bought there, Noa too and signed up there, Luka signed up.
    assert_eq!(harbour["members"], 4);
    assert_eq!(harbour["new_members"], 4);
    let counts = &harbour["counts"];
    assert_eq!(counts["active_end"], 3, "Ana, Eva, Noa bought there");
    assert_eq!(counts["new_active"], 3);
    // Only Ana's answer: Ivo never came to Harbour, the anonymous one
    // belongs to no branch.
    assert_eq!(counts["nps_answers"], 1);
    assert_eq!(harbour["nps"], 100.0);
    // Members' €400 of everyone's €420 (the walk-in's €20).
    assert_eq!(harbour["member_sales_share"], 95.24);
    // €400 over three sale receipts; three visits of three members.
    assert_eq!(harbour["cltv_parts"]["avg_basket_minor"], 13_333);
    assert_eq!(harbour["cltv_parts"]["visits_per_year"], 1.0);
    // Noa's spend at Harbour only; Ana brought Eva, who is Harbour's.
    assert_eq!(
        harbour["sources"],
        json!([{"source": "walked past", "new_members": 1, "spend_minor": 6000}])
    );
    assert_eq!(
        harbour["top_referrers"],
        json!([{"member_id": 1, "name": "Ana", "referred": 1}])
    );
}

#[test]
fn this_shops_own_name_counts_its_unnamed_rows() {
    let dir = chain();
    let centre = stats(&dir, "  CENTRE ");
    let harbour = stats(&dir, "Harbour");
    let whole = json(regulars(&dir).args(["stats", "--json"]));
    // Ana, Ivo, Eva signed up here; Noa bought here too; Luka did neither.
    assert_eq!(centre["members"], 4);
    assert_eq!(centre["counts"]["nps_answers"], 2);
    assert_eq!(centre["nps"], 0.0);
    assert_eq!(centre["member_sales_share"], 100.0);
    assert_eq!(centre["cltv_parts"]["avg_basket_minor"], 12_667);
    assert_eq!(
        centre["top_referrers"],
        json!([{"member_id": 1, "name": "Ana", "referred": 2}])
    );
    assert_eq!(centre["sources"][0]["spend_minor"], 4000);
    assert_eq!(whole["sources"][0]["spend_minor"], 10_000);
    // Visits of the two branches make the whole club's.
    let visits = |v: &Value| v["cltv_parts"]["visits_per_year"].as_f64().unwrap();
    assert_eq!(visits(&whole), 6.0 / 4.0);
    assert_eq!(visits(&centre) * 3.0 + visits(&harbour) * 3.0, 6.0);
}

#[test]
fn tiers_of_a_branch_are_its_visitors_on_the_clubs_tiers() {
    let dir = chain();
    let members = |v: &Value| -> Vec<i64> {
        let tiers = v["tiers"].as_array().unwrap();
        tiers
            .iter()
            .map(|t| t["members"].as_i64().unwrap())
            .collect()
    };
    let near = |v: &Value| -> Vec<String> {
        let near = v["near"].as_array().unwrap();
        near.iter()
            .map(|n| n["name"].as_str().unwrap().to_string())
            .collect()
    };
    let whole = json(regulars(&dir).args(["tiers", "--json"]));
    assert_eq!(members(&whole), [4, 1]);
    assert_eq!(near(&whole), ["Ana", "Ivo"]);
    // Ana's €190 counts everywhere she bought: she stays near Silver.
    let harbour = json(regulars(&dir).args(["tiers", "--json", "--shop", "Harbour"]));
    assert_eq!(harbour["shop"], "Harbour");
    assert_eq!(members(&harbour), [2, 1], "Ana and Noa; Eva in Silver");
    assert_eq!(near(&harbour), ["Ana"]);
    assert_eq!(harbour["near"][0]["missing"], 1000);
    let out = regulars(&dir)
        .args(["tiers", "--shop", "Harbour"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.starts_with("Branch: Harbour\n"), "{text}");
}

#[test]
fn reminders_of_a_branch_are_its_members_birthdays() {
    let dir = chain();
    let names = |shop: &str| -> Vec<String> {
        let list = json(regulars(&dir).args(["reminders", "--json", "--shop", shop]));
        let list = list.as_array().unwrap().clone();
        list.iter()
            .map(|r| r["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names("Harbour"), ["Ana", "Eva", "Noa", "Luka"]);
    assert_eq!(names("Centre"), ["Ana", "Ivo", "Eva", "Noa"]);
    let out = regulars(&dir)
        .args(["--lang", "hr", "reminders", "--shop", "Harbour"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.starts_with("Poslovnica: Harbour\n"), "{text}");
    assert!(text.contains("Luka") && !text.contains("Ivo"), "{text}");
}

#[test]
fn an_unknown_branch_is_refused_naming_the_known_ones() {
    let dir = chain();
    for command in ["stats", "tiers", "reminders"] {
        let err = stderr_of(regulars(&dir).args([command, "--shop", "Airport"]), 1);
        assert!(
            err.contains("Airport") && err.contains("Centre, Harbour"),
            "{command}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    // A shop that names neither itself nor any branch says so.
    let single = one_shop(CENTRE.split("[sync]").next().unwrap());
    let err = stderr_of(regulars(&single).args(["stats", "--shop", "Centre"]), 1);
    assert!(
        err.contains("\"Centre\"") && err.contains("[sync] shop"),
        "{err}"
    );
    // REGULARS_SHOP names this shop as the config would.
    let named = regulars(&single)
        .env("REGULARS_SHOP", "Centre")
        .args(["stats", "--json", "--shop", "centre"])
        .assert()
        .success();
    let named: Value = serde_json::from_slice(&named.get_output().stdout).unwrap();
    assert_eq!(named["members"], 5, "a single shop is all of its club");
}

#[test]
fn the_flag_is_explained_in_every_language() {
    let dir = chain();
    for (lang, words) in [
        ("en", "Only this branch of the chain"),
        ("he", "רק הסניף הזה של הרשת"),
        ("hr", "Samo ova poslovnica lanca"),
        ("zh", "只看连锁中的这家分店"),
        ("th", "เฉพาะสาขานี้ของเครือ"),
    ] {
        let out = regulars(&dir)
            .args(["--lang", lang, "stats", "--help"])
            .assert()
            .success();
        let help = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(
            help.contains("--shop") && help.contains(words),
            "{lang}: {help}"
        );
    }
}
