//! A config saved from the app (or edited by hand) takes effect through one
//! reload: the loyalty program, the language and the date rules follow it,
//! a language chosen on the command line stays, and a broken file keeps the
//! config in use.

use chrono::NaiveDate;
use regulars::clock::Clock;
use regulars::config::{Config, save};
use regulars::context::Ctx;
use regulars::db;
use regulars::domain::date_order::DateOrder;
use regulars::domain::dates::Feb29;

const SHOP: &str = "# Paws & Pages\n[shop]\nname = \"Paws\"\ncountry = \"US\"\ncurrency = \"EUR\"\nlocale = \"en\"\n\n\
# Lowest first\n[[tiers]]\nname = \"Bronze\"\nmin = 0\n\n[[tiers]]\nname = \"Silver\"\nmin = 200 # euros\n";

#[test]
fn a_reload_applies_program_language_and_date_rules_together() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, SHOP).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let config = Config::load(&path).unwrap();
    let mut ctx = Ctx::new(
        db::open_in_memory().unwrap(),
        Clock::fixed(today),
        config,
        None,
    );
    assert_eq!(ctx.program().tiers.tiers[1].min, 20_000);
    assert_eq!(ctx.date_order(), DateOrder::MonthFirst);

    save::save(&path, |doc| {
        assert!(save::set_tier_min(doc, 1, 250));
        save::set_language(doc, "hr");
        save::set_country(doc, "HR");
        save::set_feb29(doc, Feb29::Mar1);
        Ok(())
    })
    .unwrap();
    assert_eq!(
        ctx.program().tiers.tiers[1].min,
        20_000,
        "not before a reload"
    );
    ctx.reload_config().unwrap();
    assert_eq!(ctx.program().tiers.tiers[1].min, 25_000);
    assert_eq!(ctx.program().feb29, Feb29::Mar1);
    assert_eq!(ctx.config.shop.country, "HR");
    assert_eq!(ctx.date_order(), DateOrder::DayFirst);
    assert_eq!(ctx.locale().lang(), "hr");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("min = 250 # euros"), "{written}");
    assert!(written.starts_with("# Paws & Pages\n") && written.contains("# Lowest first\n"));

    // --lang wins over the config's language, on every reload.
    ctx.force_lang(Some("en".into()));
    ctx.reload_config().unwrap();
    assert_eq!(ctx.locale().lang(), "en");

    // A file broken by hand: the error names it, the club keeps going.
    std::fs::write(&path, "[shop]\ncountry = \"XX\"\n").unwrap();
    let err = ctx.reload_config().unwrap_err().to_string();
    assert!(err.contains("config.toml:2"), "{err}");
    assert_eq!(ctx.program().tiers.tiers[1].min, 25_000);
    assert_eq!(ctx.config.shop.country, "HR");
}
