use std::path::Path;

use super::*;
use crate::config::default_text;

/// `text` with the `index`-th tier's minimum set, or None when it has none.
fn with_tier_min(text: &str, index: usize, value: i64) -> Option<String> {
    let mut doc = text.parse::<DocumentMut>().ok()?;
    set_tier_min(&mut doc, index, value).then(|| doc.to_string())
}

const TIERS: &str = "# The shop\n[shop]\ncurrency = \"EUR\"\ncountry = \"HR\"\n\n\
# Tiers, lowest first\n[[tiers]]\nname = \"Bronze\"\nmin = 0\n\
[[tiers]]\nname = \"Silver\"\nmin   = 200   # the usual\nperks = \"5% off\"\n\
[[tiers]]\nname = \"Gold\"\nmin = 500\n";

#[test]
fn a_tier_minimum_is_changed_in_place() {
    let edited = with_tier_min(TIERS, 1, 250).unwrap();
    assert_eq!(
        edited,
        TIERS.replace("min   = 200   # the usual", "min   = 250   # the usual")
    );
    let config = Config::parse(&edited, Path::new("c")).unwrap();
    assert_eq!(config.tiers[1].min, 250);
    assert_eq!(config.tiers[2].min, 500);
    assert_eq!(with_tier_min(TIERS, 3, 1), None, "no fourth tier");
    let inline = "tiers = [{ name = \"A\", min = 0 }]\n";
    assert_eq!(with_tier_min(inline, 0, 5), None);
}

#[test]
fn every_comment_of_the_default_file_survives_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let text = default_text(Some("hr_HR.UTF-8"));
    std::fs::write(&path, &text).unwrap();
    let config = save(&path, |doc| {
        assert!(set_tier_min(doc, 1, 321));
        set_shop_name(doc, "Šapica");
        set_feb29(doc, Feb29::Mar1);
        Ok(())
    })
    .unwrap();
    assert_eq!(config.tiers[1].min, 321);
    assert_eq!(config.shop.name, "Šapica");
    assert_eq!(config.dates.feb29, Feb29::Mar1);
    assert_eq!(config.path.as_deref(), Some(path.as_path()));
    let written = std::fs::read_to_string(&path).unwrap();
    let comments = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .map(str::to_string)
            .collect()
    };
    assert!(!comments(&text).is_empty());
    assert_eq!(comments(&written), comments(&text));
    assert_eq!(written.lines().count(), text.lines().count());
    assert_eq!(Config::parse(&written, &path).unwrap().tiers[1].min, 321);
}

#[test]
fn settings_not_yet_written_are_added_to_their_table() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "# mine\n[shop]\nname = \"Paws\"\n").unwrap();
    let config = save(&path, |doc| {
        set_country(doc, "hr");
        set_currency(doc, "eur");
        set_language(doc, "hr");
        set_feb29(doc, Feb29::Mar1);
        Ok(())
    })
    .unwrap();
    assert_eq!(
        (config.shop.country.as_str(), config.shop.currency.as_str()),
        ("HR", "EUR")
    );
    assert_eq!(config.shop.locale, "hr");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written.starts_with("# mine\n[shop]\nname = \"Paws\"\n"),
        "{written}"
    );
    assert!(written.contains("[dates]\nfeb29 = \"mar1\"\n"), "{written}");
}

#[test]
fn a_save_that_would_break_the_file_leaves_it_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, TIERS).unwrap();
    let err = save(&path, |doc| {
        set_tier_min(doc, 2, 100);
        Ok(())
    })
    .unwrap_err()
    .to_string();
    assert!(err.contains("config.toml") && err.contains("Gold"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), TIERS);
    assert!(!path.with_extension("toml.new").exists());
    std::fs::write(&path, "[shop\n").unwrap();
    let err = save(&path, |_| Ok(())).unwrap_err().to_string();
    assert!(err.contains("config.toml:1"), "{err}");
}
