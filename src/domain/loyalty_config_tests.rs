use std::path::Path;

use super::*;
use crate::config::default_text;

fn parse(text: &str) -> Result<Config> {
    Config::parse(text, Path::new("shop.toml"))
}

fn err(text: &str) -> String {
    parse(text).unwrap_err().to_string()
}

const TIERS: &str = "[shop]\ncurrency = \"EUR\"\ncountry = \"HR\"\n\
[[tiers]]\nname = \"Bronze\"\nmin = 0\n\
[[tiers]]\nname = \"Silver\"\nmin = 200\nperks = \"5% off\"\n\
[[tiers]]\nname = \"Gold\"\nmin = 500\n";

#[test]
fn the_default_file_has_a_whole_program() {
    let config = parse(&default_text(Some("hr_HR.UTF-8"))).unwrap();
    let program = config.loyalty();
    assert!(program.has_tiers());
    assert_eq!(program.tiers.tiers.len(), 3);
    assert_eq!(program.tiers.tiers[1].min, 20_000, "€200 in cents");
    assert_eq!(program.tiers.basis, TierBasis::Spend);
    assert_eq!(program.tiers.grace_days, 60);
    assert_eq!(program.points.per_unit, 1);
    assert_eq!(program.points.expiry_months, None);
    assert_eq!(program.reward("free COFFEE ").map(|r| r.points), Some(100));
}

#[test]
fn without_sections_there_are_no_tiers_and_one_point_per_unit() {
    let config = parse("[shop]\nname = \"Paws\"\n").unwrap();
    let program = config.loyalty();
    assert!(!program.has_tiers());
    assert!(program.rewards.is_empty());
    assert_eq!(program.points.per_unit, 1);
    assert_eq!(Config::default().loyalty(), program);
}

#[test]
fn visits_and_whole_units_convert() {
    let yen = parse("[shop]\ncurrency = \"JPY\"\n[[tiers]]\nname = \"A\"\nmin = 0\n[[tiers]]\nname = \"B\"\nmin = 3000\n").unwrap();
    assert_eq!(yen.loyalty().tiers.tiers[1].min, 3000);
    let visits = parse(&TIERS.replace(
        "[[tiers]]\nname = \"Bronze\"",
        "[loyalty]\ntier_basis = \"visits\"\ngrace_days = 0\n[[tiers]]\nname = \"Bronze\"",
    ))
    .unwrap();
    let program = visits.loyalty();
    assert_eq!(program.tiers.basis, TierBasis::Visits);
    assert_eq!(program.tiers.tiers[2].min, 500);
    assert_eq!(program.min_as_written(500), 500);
    let eur = parse(TIERS).unwrap().loyalty();
    assert_eq!(eur.min_as_written(20_000), 200);
    assert_eq!(eur.min_from_written(250), 25_000);
}

#[test]
fn mistakes_name_the_line() {
    let unordered = TIERS.replace("min = 500", "min = 150");
    let e = err(&unordered);
    assert!(e.contains("shop.toml:13") && e.contains("Gold"), "{e}");
    let first = TIERS.replacen("min = 0", "min = 10", 1);
    let e = err(&first);
    assert!(e.contains("shop.toml:6") && e.contains("Bronze"), "{e}");
    let twice = TIERS.replace("\"Gold\"", "\"Silver\"");
    assert!(err(&twice).contains("shop.toml:12"), "{}", err(&twice));
    let e = err("[points]\nper_unit = 1\nbirthday_bonus = -5\n");
    assert!(
        e.contains("shop.toml:3") && e.contains("birthday_bonus"),
        "{e}"
    );
    let e = err(
        "[[rewards]]\nname = \"Coffee\"\npoints = 100\n[[rewards]]\nname = \"Cake\"\npoints = 0\n",
    );
    assert!(e.contains("shop.toml:6") && e.contains("Cake"), "{e}");
    let e = err("[loyalty]\ngrace_days = -1\n");
    assert!(e.contains("shop.toml:2"), "{e}");
    let e = err("[[tiers]]\nname = \"A\"\nmin = 0\nperk = \"x\"\n");
    assert!(e.contains("shop.toml:") && e.contains("perk"), "{e}");
    assert!(!e.contains('\n'));
}

#[test]
fn seven_tiers_are_too_many() {
    let mut text = String::new();
    for i in 0..7 {
        text.push_str(&format!("[[tiers]]\nname = \"T{i}\"\nmin = {}\n", i * 100));
    }
    let e = err(&text);
    assert!(e.contains("shop.toml:20") && e.contains('6'), "{e}");
}

#[test]
fn line_of_finds_keys_in_the_right_table() {
    assert_eq!(line_of(TIERS, "tiers", 1, "min"), 9);
    assert_eq!(line_of(TIERS, "tiers", 1, "perks"), 10);
    assert_eq!(
        line_of(TIERS, "tiers", 2, "perks"),
        11,
        "header when the key is missing"
    );
    assert_eq!(line_of(TIERS, "rewards", 0, "name"), 1);
    assert_eq!(
        line_of("[ points ] # x\nper_unit=2\n", "points", 0, "per_unit"),
        2
    );
}

#[test]
fn a_tier_minimum_is_changed_in_place() {
    let text = TIERS.replace("min = 200", "min   = 200   # the usual\r");
    let edited = with_tier_min(&text, 1, 250).unwrap();
    assert!(edited.contains("min   = 250 # the usual\r\n"), "{edited}");
    assert_eq!(edited.lines().count(), text.lines().count());
    let config = parse(&edited).unwrap();
    assert_eq!(config.tiers[1].min, 250);
    assert_eq!(config.tiers[2].min, 500);
    assert_eq!(with_tier_min(&text, 3, 1), None, "no fourth tier");
    let inline = "tiers = [{ name = \"A\", min = 0 }]\n";
    assert_eq!(with_tier_min(inline, 0, 5), None);
}
