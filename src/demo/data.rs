//! The material demo members are made of: names per language, phone ranges,
//! email domains and areas per country, pets and notes. It lives in
//! `assets/demo/*.toml` (compiled in) so that lists can grow without code.

use serde::Deserialize;

use crate::domain::member::country_id;
use crate::error::{Error, Result};

/// One file per language of the members' names.
const LOCALES: &[(&str, &str)] = &[
    ("he.toml", include_str!("../../assets/demo/he.toml")),
    ("hr.toml", include_str!("../../assets/demo/hr.toml")),
    ("zh.toml", include_str!("../../assets/demo/zh.toml")),
    ("th.toml", include_str!("../../assets/demo/th.toml")),
    ("en.toml", include_str!("../../assets/demo/en.toml")),
];
const COMMON: (&str, &str) = ("common.toml", include_str!("../../assets/demo/common.toml"));
const SHOP: (&str, &str) = ("shop.toml", include_str!("../../assets/demo/shop.toml"));

/// A name in its own script and in Latin letters. The files write
/// `"נועה|Noa"`; a name already in Latin letters is written once.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "String")]
pub struct Name {
    pub native: String,
    pub latin: String,
}

impl TryFrom<String> for Name {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        let (native, latin) = s.split_once('|').unwrap_or((&s, &s));
        let (native, latin) = (native.trim(), latin.trim());
        if native.is_empty() || latin.is_empty() || latin.contains('|') {
            return Err(format!("\"{s}\" is not a name or \"native|latin\""));
        }
        Ok(Name {
            native: native.to_string(),
            latin: latin.to_string(),
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Locale {
    /// Stored as the member's language.
    pub language: String,
    /// How common members of this language are, relative to the others.
    pub weight: u32,
    /// Share (0–100) of members who give their names in Latin letters.
    pub latin_percent: u32,
    pub female: Vec<Name>,
    pub male: Vec<Name>,
    pub family: Vec<Name>,
    pub pets: Vec<Name>,
    pub country: Vec<Country>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166 code, e.g. "IL".
    pub code: String,
    pub weight: u32,
    /// E.164 templates: `#` is any digit, `N` a digit from 2 to 9.
    pub phones: Vec<String>,
    pub email_domains: Vec<String>,
    pub areas: Vec<Name>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PetKind {
    pub kind: String,
    pub weight: u32,
    pub max_age: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Common {
    pub notes: Vec<String>,
    pub consent_given_how: Vec<String>,
    pub consent_withdrawn_how: Vec<String>,
    pub pet_kind: Vec<PetKind>,
}

/// Something the demo shop sells.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub name: String,
    pub category: String,
    /// In hundredths of the currency's unit.
    pub price: i64,
    pub weight: u32,
    /// The kind of pet it is for, as in `pet_kind`.
    pub pet: Option<String>,
    pub max_qty: u32,
    /// Whether a customer ever brings it back.
    #[serde(default = "returnable")]
    pub returnable: bool,
}

fn returnable() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shop {
    pub item: Vec<Item>,
}

/// Everything read from the files, checked so that every list has something
/// to pick from.
#[derive(Debug)]
pub struct DemoData {
    pub locales: Vec<Locale>,
    pub common: Common,
    pub shop: Shop,
}

fn broken(file: &str, detail: &str) -> Error {
    Error::user("err-demo-data", &[("file", file), ("detail", detail)])
}

fn parse<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<T> {
    toml::from_str(text).map_err(|e| broken(file, e.message()))
}

/// Reads and checks the compiled-in files.
pub fn load() -> Result<DemoData> {
    let mut locales = Vec::with_capacity(LOCALES.len());
    for (file, text) in LOCALES {
        let locale: Locale = parse(file, text)?;
        check_locale(file, &locale)?;
        locales.push(locale);
    }
    let common: Common = parse(COMMON.0, COMMON.1)?;
    let empty = common.notes.is_empty()
        || common.consent_given_how.is_empty()
        || common.consent_withdrawn_how.is_empty()
        || common.pet_kind.is_empty()
        || common.pet_kind.iter().all(|k| k.weight == 0);
    if empty {
        return Err(broken(COMMON.0, "a list is empty"));
    }
    let shop: Shop = parse(SHOP.0, SHOP.1)?;
    let unsellable = shop
        .item
        .iter()
        .any(|i| i.price <= 0 || i.max_qty == 0 || i.name.trim().is_empty());
    if shop.item.iter().all(|i| i.weight == 0) || unsellable {
        return Err(broken(SHOP.0, "no items, or an item without a price"));
    }
    Ok(DemoData {
        locales,
        common,
        shop,
    })
}

fn check_locale(file: &str, l: &Locale) -> Result<()> {
    let names_missing =
        l.female.is_empty() || l.male.is_empty() || l.family.is_empty() || l.pets.is_empty();
    let country_missing = l.country.is_empty()
        || l.country.iter().all(|c| c.weight == 0)
        || l.country.iter().any(|c| {
            country_id(&c.code).is_none()
                || c.phones.is_empty()
                || c.email_domains.is_empty()
                || c.areas.is_empty()
        });
    if names_missing || country_missing || l.weight == 0 || l.latin_percent > 100 {
        return Err(broken(file, "a list is empty or a share is out of range"));
    }
    let bad_template = l.country.iter().flat_map(|c| &c.phones).find(|p| {
        !p.starts_with('+') || !p[1..].chars().all(|c| matches!(c, '0'..='9' | '#' | 'N'))
    });
    if let Some(template) = bad_template {
        return Err(broken(file, &format!("phone template \"{template}\"")));
    }
    Ok(())
}
