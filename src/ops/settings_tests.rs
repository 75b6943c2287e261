use super::*;
use crate::ops::testing::club;

/// A config file as an owner may have left it: their own comments, a
/// message of their own and renamed tiers.
const OWNED: &str = "# Our little shop\n[shop]\nname = \"Paws\"   # on the sign\n\
country = \"HR\"\ncurrency = \"EUR\"\nlocale = \"hr\"\n\n\
# Mar 1, said the owner's aunt\n[dates]\nfeb29 = \"feb28\"\n\n\
[messages.hr]\n# our own words\nbirthday = \"Sretan rođendan, {first_name}!\"\n\n\
[[tiers]]\nname = \"Friend\"\nmin = 0\n[[tiers]]\nname = \"Family\"\nmin = 300 # the usual\n";

fn israeli_shop() -> ShopSettings {
    ShopSettings {
        name: "  Kfar's \"Bakery\"  ".into(),
        country: "il".into(),
        currency: "ils".into(),
        language: "he".into(),
        feb29: Feb29::Mar1,
    }
}

fn comments(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.contains('#'))
        .map(|l| &l[l.find('#').unwrap_or(0)..])
        .collect()
}

#[test]
fn a_first_start_guesses_the_shop_from_the_system_locale() {
    for (lang, expected) in [
        (Some("he_IL.UTF-8"), ("IL", "ILS", "he")),
        (Some("hr_HR.UTF-8"), ("HR", "EUR", "hr")),
        (Some("zh_CN.UTF-8"), ("CN", "CNY", "zh")),
        (Some("th_TH"), ("TH", "THB", "th")),
        (Some("en_US.UTF-8"), ("US", "USD", "en")),
        (Some("de_DE.UTF-8"), ("DE", "EUR", "en")),
        (Some("C"), ("US", "USD", "en")),
        (None, ("US", "USD", "en")),
    ] {
        let shop = guessed(lang);
        let got = (
            shop.country.as_str(),
            shop.currency.as_str(),
            shop.language.as_str(),
        );
        assert_eq!(got, expected, "{lang:?}");
        assert!(!shop.name.trim().is_empty(), "{lang:?}");
    }
}

#[test]
fn the_first_start_writes_the_commented_file_with_the_shop_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new").join("config.toml");
    let config = set_up_shop(&path, &israeli_shop()).unwrap();
    assert_eq!(config.shop.name, "Kfar's \"Bakery\"");
    assert_eq!(
        (config.shop.country.as_str(), config.shop.currency.as_str()),
        ("IL", "ILS")
    );
    assert_eq!(config.shop.locale, "he");
    assert_eq!(config.dates.feb29, Feb29::Mar1);
    let written = std::fs::read_to_string(&path).unwrap();
    let template = text_for("he", "IL", "ILS");
    assert_eq!(comments(&written), comments(&template));
    // The tiers are named in the chosen language.
    let hebrew = Config::parse(&template, &path).unwrap();
    assert_eq!(config.tiers, hebrew.tiers);
    assert_eq!(ShopSettings::of(&Config::load(&path).unwrap()), {
        let mut shop = israeli_shop();
        shop.name = "Kfar's \"Bakery\"".into();
        shop.country = "IL".into();
        shop.currency = "ILS".into();
        shop
    });
    let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, vec!["config.toml"]);
}

#[test]
fn a_refused_first_start_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let mut shop = israeli_shop();
    shop.country = "XX".into();
    let e = set_up_shop(&path, &shop).unwrap_err();
    assert_eq!(e.key(), Some("err-field"));
    assert!(e.to_string().contains("\"XX\""), "{e}");
    assert!(!path.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn saving_changes_the_five_settings_and_keeps_the_rest_of_the_file() {
    let (dir, mut ctx) = club();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, OWNED).unwrap();
    ctx.set_config(Config::load(&path).unwrap());
    let saved = save_settings(&mut ctx, &israeli_shop()).unwrap();
    assert!(saved.language_changed);
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(comments(&written), comments(OWNED));
    assert_eq!(written.lines().count(), OWNED.lines().count());
    assert!(written.contains("birthday = \"Sretan rođendan, {first_name}!\""));
    assert!(written.contains("name = \"Family\"\nmin = 300 # the usual"));
    // What was saved is what is in use and what a new start reads.
    assert_eq!(ctx.config.shop.locale, "he");
    assert_eq!(ctx.locale().lang(), "he");
    assert_eq!(ctx.config.country(), phonenumber::country::Id::IL);
    let read_again = Config::load(&path).unwrap();
    assert_eq!(ShopSettings::of(&read_again), ShopSettings::of(&ctx.config));
    assert_eq!(read_again.tiers[1].name, "Family");
    // Saving the same again changes nothing in the file.
    let again = save_settings(&mut ctx, &ShopSettings::of(&read_again)).unwrap();
    assert!(!again.language_changed);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
}

/// Makes one setting bad.
type Spoil = fn(&mut ShopSettings);

#[test]
fn bad_values_are_refused_naming_the_field_and_the_file_stays() {
    let (dir, mut ctx) = club();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, OWNED).unwrap();
    ctx.set_config(Config::load(&path).unwrap());
    let cases: [(Spoil, SettingsField); 4] = [
        (|s| s.name = "   ".into(), SettingsField::Name),
        (|s| s.country = "Israel".into(), SettingsField::Country),
        (|s| s.currency = "SHEKEL".into(), SettingsField::Currency),
        (|s| s.language = "de".into(), SettingsField::Language),
    ];
    for (spoil, field) in cases {
        let mut shop = israeli_shop();
        spoil(&mut shop);
        let problems = shop.problems();
        assert_eq!(problems.len(), 1, "{field:?}");
        assert_eq!(problems[0].0, field);
        let e = save_settings(&mut ctx, &shop).unwrap_err();
        let label = crate::i18n::t(field.label_key());
        assert!(e.to_string().starts_with(&label), "{e}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), OWNED);
        assert_eq!(ctx.config.shop.locale, "hr");
    }
}

#[test]
fn a_country_brings_its_currency() {
    assert_eq!(currency_of("il"), Some("ILS"));
    assert_eq!(currency_of("HR"), Some("EUR"));
    assert_eq!(currency_of("GB"), Some("GBP"));
    assert_eq!(currency_of("I"), None);
    assert_eq!(currency_of(""), None);
}

#[test]
fn without_a_file_there_is_nothing_to_save_into() {
    let (_dir, mut ctx) = club();
    let e = save_settings(&mut ctx, &israeli_shop()).unwrap_err();
    assert_eq!(e.key(), Some("ui-settings-no-file"));
}
