//! `regulars tiers` names who is within 10 % of the next tier, the smallest
//! amount missing first: in the text after the tiers (money as the shop
//! writes it, with thousands separators) and in `--json` as
//! `{tiers, moves, near}`, `missing` in minor units or visits.

mod cli_support;

use cli_support::{club_with, import_till, json, regulars};
use serde_json::json;
use tempfile::TempDir;

const SPEND: &str = r#"[shop]
name = "Paws"
country = "HR"
currency = "EUR"

[loyalty]
tier_basis = "spend"
grace_days = 60

[[tiers]]
name = "Bronze"
min = 0

[[tiers]]
name = "Silver"
min = 200

[[tiers]]
name = "Gold"
min = 20000
perks = "10% off"
"#;

/// Ana €18,765.50 (Silver, €1,234.50 to Gold), Ivo €195 (€5 to Silver),
/// Eva €100 (far from Silver), Luka €20,000 (Gold, the top).
fn spend_club() -> TempDir {
    let dir = club_with(SPEND);
    for (first, card) in [
        ("Ana", "C-1"),
        ("Ivo", "C-2"),
        ("Eva", "C-3"),
        ("Luka", "C-4"),
    ] {
        regulars(&dir)
            .args(["member", "add", "--first", first, "--card", card])
            .assert()
            .success();
    }
    import_till(
        &dir,
        "receipt_id,time,total,phone,email,card,item,qty,amount
R1,2026-11-02T10:00:00,18765.50,,,C-1,Sofa,1,18765.50
R2,2026-11-03T10:00:00,195.00,,,C-2,Lamp,1,195.00
R3,2026-11-04T10:00:00,100.00,,,C-3,Tea,1,100.00
R4,2026-10-05T10:00:00,20000.00,,,C-4,Piano,1,20000.00
",
    );
    dir
}

fn stdout(dir: &TempDir, args: &[&str]) -> String {
    let out = regulars(dir).args(args).assert().success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

#[test]
fn tiers_json_has_tiers_moves_and_who_is_near_the_next_tier() {
    let dir = spend_club();
    let tiers = json(regulars(&dir).args(["tiers", "--json"]));
    assert_eq!(
        tiers["tiers"],
        json!([
            {"name": "Bronze", "min": 0, "members": 2, "perks": ""},
            {"name": "Silver", "min": 200, "members": 1, "perks": ""},
            {"name": "Gold", "min": 20000, "members": 1, "perks": "10% off"}
        ])
    );
    assert_eq!(
        tiers["near"],
        json!([
            {"member_id": 2, "name": "Ivo", "tier": "Bronze", "next": "Silver", "missing": 500},
            {"member_id": 1, "name": "Ana", "tier": "Silver", "next": "Gold", "missing": 123_450}
        ])
    );
    // This month's moves (Luka reached Gold in October).
    assert_eq!(
        tiers["moves"],
        json!([
            {"member_id": 1, "name": "Ana", "from": "Bronze", "to": "Silver", "at": "2026-11-02"}
        ])
    );
}

#[test]
fn tiers_text_names_the_near_members_after_the_tiers() {
    let dir = spend_club();
    let text = stdout(&dir, &["tiers"]);
    let gold = text.find("10% off").expect("the tiers first");
    let ivo = text.find("Ivo").expect("Ivo is near Silver");
    let ana = text.find("Ana").expect("Ana is near Gold");
    assert!(
        gold < ivo && ivo < ana,
        "tiers, then the smallest gap: {text}"
    );
    assert!(text.contains("€5.00 to Silver"), "{text}");
    assert!(
        text.contains("€1,234.50 to Gold"),
        "thousands grouped: {text}"
    );
    assert!(!text.contains("Eva") && !text.contains("Luka"), "{text}");
    assert!(text.contains("2 within 10% of the next tier"), "{text}");
}

#[test]
fn on_visits_the_near_members_miss_visits() {
    let dir = club_with(
        "[shop]\ncountry = \"HR\"\ncurrency = \"EUR\"\n\
         [loyalty]\ntier_basis = \"visits\"\n\
         [[tiers]]\nname = \"Regular\"\nmin = 0\n\
         [[tiers]]\nname = \"Friend\"\nmin = 10\n",
    );
    for (first, card) in [("Ana", "C-1"), ("Ivo", "C-2")] {
        regulars(&dir)
            .args(["member", "add", "--first", first, "--card", card])
            .assert()
            .success();
    }
    let mut till = String::from("receipt_id,time,total,phone,email,card,item,qty,amount\n");
    // Ana came on 9 days (one visit short), Ivo on 8 (not within 10 %).
    for day in 1..=9 {
        till.push_str(&format!(
            "A{day},2026-11-{day:02}T10:00:00,5.00,,,C-1,Tea,1,5.00\n"
        ));
    }
    for day in 1..=8 {
        till.push_str(&format!(
            "I{day},2026-11-{day:02}T11:00:00,500.00,,,C-2,Tea,1,500.00\n"
        ));
    }
    import_till(&dir, &till);
    let tiers = json(regulars(&dir).args(["tiers", "--json"]));
    assert_eq!(
        tiers["near"],
        json!([{"member_id": 1, "name": "Ana", "tier": "Regular", "next": "Friend", "missing": 1}])
    );
    let text = stdout(&dir, &["tiers"]);
    assert!(text.contains("1 visit to Friend"), "{text}");
}
