use super::*;

#[test]
fn default_file_parses_for_any_lang() {
    for lang in [
        None,
        Some("hr_HR.UTF-8"),
        Some("he_IL.UTF-8"),
        Some("C"),
        Some("th_TH"),
    ] {
        let text = default_text(lang);
        Config::parse(&text, Path::new("config.toml")).unwrap();
    }
    let hr = Config::parse(&default_text(Some("hr_HR.UTF-8")), Path::new("c")).unwrap();
    assert_eq!(
        (
            hr.shop.country.as_str(),
            hr.shop.currency.as_str(),
            hr.shop.locale.as_str()
        ),
        ("HR", "EUR", "hr")
    );
}

#[test]
fn broken_file_names_file_and_line() {
    let text = "[shop]\nname = \"Paws\"\ncountry = HR\n";
    let err = Config::parse(text, Path::new("/x/config.toml"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("/x/config.toml") && err.contains("3"), "{err}");
    assert!(!err.contains('\n'), "one line: {err}");
}

#[test]
fn unknown_country_and_key_are_refused() {
    let err = Config::parse("[shop]\ncountry = \"XX\"\n", Path::new("c.toml"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("XX") && err.contains(":2"), "{err}");
    assert!(Config::parse("[shop]\ncontry = \"HR\"\n", Path::new("c.toml")).is_err());
}

#[test]
fn a_language_the_app_does_not_speak_is_refused_naming_the_five() {
    let err = Config::parse(
        "[shop]\ncountry = \"HR\"\nlocale = \"de\"\n",
        Path::new("c.toml"),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("c.toml:3") && err.contains("de"), "{err}");
    assert!(err.contains("en, he, hr, zh, th"), "{err}");
    let hebrew = Config::parse("[shop]\nlocale = \"he_IL\"\n", Path::new("c.toml")).unwrap();
    assert_eq!(crate::i18n::code_of(&hebrew.shop.locale), Some("he"));
}

#[test]
fn a_new_config_names_the_shop_tiers_and_rewards_in_the_shops_language() {
    let croatian = Config::parse(&default_text(Some("hr_HR.UTF-8")), Path::new("c")).unwrap();
    assert_eq!(croatian.shop.name, "Moja trgovina");
    let tiers: Vec<&str> = croatian.tiers.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(tiers, ["Bronca", "Srebro", "Zlato"]);
    assert_eq!(croatian.rewards[0].name, "Besplatna kava");
    let english = Config::parse(&default_text(None), Path::new("c")).unwrap();
    assert_eq!(english.shop.name, "My shop");
    assert_eq!(
        english.tiers[2].perks,
        "10% off every purchase, a free coffee on Fridays"
    );
    let chinese = Config::parse(&default_text(Some("zh_CN.UTF-8")), Path::new("c")).unwrap();
    assert_eq!(chinese.tiers[2].name, "金卡");
}

#[test]
fn inbox_is_configurable() {
    let c = Config::parse("[import]\ninbox = \"exports\"\n", Path::new("c")).unwrap();
    assert_eq!(c.inbox(), Some(PathBuf::from("exports")));
    let default = Config::parse(&default_text(None), Path::new("c")).unwrap();
    assert!(default.inbox().is_none_or(|p| p.ends_with("inbox")));
}

#[test]
fn max_receipt_reads_and_is_checked() {
    let default = Config::parse(&default_text(None), Path::new("c")).unwrap();
    assert_eq!(default.import.max_receipt, DEFAULT_MAX_RECEIPT);
    let c = Config::parse("[import]\nmax_receipt = 5000\n", Path::new("c")).unwrap();
    assert_eq!(c.import.max_receipt, 5000);
    for bad in ["0", "1000000000001"] {
        let text = format!("[import]\ninbox = \"\"\nmax_receipt = {bad}\n");
        let err = Config::parse(&text, Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("c.toml:3") && err.contains(bad), "{err}");
    }
    let negative = "[import]\nmax_receipt = -1\n";
    assert!(Config::parse(negative, Path::new("c.toml")).is_err());
}

#[test]
fn reminder_rules_and_messages_read_and_are_checked() {
    let text = "[reminders]\nlapsed_visits = 4\n\n[messages.hr]\nreward = \"kava\"\n";
    let c = Config::parse(text, Path::new("c")).unwrap();
    assert_eq!(c.reminders.lapsed_visits, 4);
    assert_eq!(c.reminders.lapsed_weeks, 6);
    assert_eq!(c.messages.0["hr"].reward.as_deref(), Some("kava"));
    let bad = "[messages.en]\nbirthday = \"Hi {name}\"\n";
    let err = Config::parse(bad, Path::new("c.toml"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("c.toml:2") && err.contains("{name}"), "{err}");
    let zero = "[reminders]\n\nlapsed_weeks = 0\n";
    let err = Config::parse(zero, Path::new("c.toml"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("c.toml:3") && err.contains("lapsed_weeks"),
        "{err}"
    );
}

#[test]
fn feb29_rule_reads() {
    let c = Config::parse("[dates]\nfeb29 = \"mar1\"\n", Path::new("c")).unwrap();
    assert_eq!(c.dates.feb29, Feb29::Mar1);
}

// The loyalty program as read from the file.

use crate::domain::tiers::TierBasis;

fn parse_shop(text: &str) -> Result<Config> {
    Config::parse(text, Path::new("shop.toml"))
}

fn err(text: &str) -> String {
    parse_shop(text).unwrap_err().to_string()
}

const TIERS: &str = "[shop]\ncurrency = \"EUR\"\ncountry = \"HR\"\n\
[[tiers]]\nname = \"Bronze\"\nmin = 0\n\
[[tiers]]\nname = \"Silver\"\nmin = 200\nperks = \"5% off\"\n\
[[tiers]]\nname = \"Gold\"\nmin = 500\n";

#[test]
fn the_default_file_has_a_whole_program() {
    let config = parse_shop(&default_text(Some("hr_HR.UTF-8"))).unwrap();
    let program = config.loyalty();
    assert!(program.has_tiers());
    assert_eq!(program.tiers.tiers.len(), 3);
    assert_eq!(program.tiers.tiers[1].min, 20_000, "€200 in cents");
    assert_eq!(program.tiers.basis, TierBasis::Spend);
    assert_eq!(program.tiers.grace_days, 60);
    assert_eq!(program.points.per_unit, 1);
    assert_eq!(program.points.expiry_months, None);
    assert_eq!(
        program.reward("besplatna KAVA ").map(|r| r.points),
        Some(100)
    );
}

#[test]
fn without_sections_there_are_no_tiers_and_one_point_per_unit() {
    let config = parse_shop("[shop]\nname = \"Paws\"\n").unwrap();
    let program = config.loyalty();
    assert!(!program.has_tiers());
    assert!(program.rewards.is_empty());
    assert_eq!(program.points.per_unit, 1);
    assert_eq!(Config::default().loyalty(), program);
}

#[test]
fn visits_and_whole_units_convert() {
    let yen = parse_shop("[shop]\ncurrency = \"JPY\"\n[[tiers]]\nname = \"A\"\nmin = 0\n[[tiers]]\nname = \"B\"\nmin = 3000\n").unwrap();
    assert_eq!(yen.loyalty().tiers.tiers[1].min, 3000);
    let visits = parse_shop(&TIERS.replace(
        "[[tiers]]\nname = \"Bronze\"",
        "[loyalty]\ntier_basis = \"visits\"\ngrace_days = 0\n[[tiers]]\nname = \"Bronze\"",
    ))
    .unwrap();
    let program = visits.loyalty();
    assert_eq!(program.tiers.basis, TierBasis::Visits);
    assert_eq!(program.tiers.tiers[2].min, 500);
    assert_eq!(program.min_as_written(500), 500);
    let eur = parse_shop(TIERS).unwrap().loyalty();
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
fn daily_backups_keep_a_week_unless_set() {
    let new_file = Config::parse(&default_text(None), Path::new("c.toml")).unwrap();
    assert_eq!(new_file.backup.keep, backup::DEFAULT_KEEP);
    assert_eq!(Config::default().backup.keep, 7);
    let off = Config::parse("[backup]\nkeep = 0\n", Path::new("c.toml")).unwrap();
    assert_eq!(off.backup.keep, 0);
    let err = Config::parse("[shop]\n\n[backup]\nkeep = -1\n", Path::new("c.toml"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("c.toml") && err.contains('4'), "{err}");
}

#[test]
fn a_review_period_that_does_not_tile_a_year_is_refused_naming_it() {
    let text = |n: u32| format!("[points]\nreview_bonus = 25\nreview_every_months = {n}\n");
    let shown = err(&text(5));
    assert!(shown.contains("review_every_months = 5"), "{shown}");
    assert!(shown.contains("shop.toml:3"), "{shown}");
    let every = parse_shop(&text(12)).unwrap().loyalty();
    assert_eq!(every.points.review_every_months, Some(12));
    let once = parse_shop(&text(0)).unwrap().loyalty();
    assert_eq!(once.points.review_every_months, None);
}
