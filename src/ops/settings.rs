//! The shop's own settings: its name, country, currency, language and the
//! Feb 29 rule. Asked once on the first start and changed later on the
//! Settings screen; both save through here, into the config file, so the
//! comments and every other setting in it stay as the owner left them.

use std::path::Path;
use std::str::FromStr;

use crate::config::{Config, Feb29, save, text_for};
use crate::context::Ctx;
use crate::domain::money::Currency;
use crate::error::{Error, Result};
use crate::message::{Arg, Message};

/// The five settings as typed (codes in any case, the name untrimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShopSettings {
    pub name: String,
    /// Two-letter country code: national phone numbers, the order of a
    /// typed date and the usual currency follow it.
    pub country: String,
    /// Three-letter currency code of the till's exports.
    pub currency: String,
    /// The language of the screens: a code of `i18n::LANGUAGES`.
    pub language: String,
    pub feb29: Feb29,
}

/// A setting the checks can refuse; the screens show the refusal under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsField {
    Name,
    Country,
    Currency,
    Language,
}

impl SettingsField {
    /// The locale key of the field's label.
    pub fn label_key(self) -> &'static str {
        match self {
            SettingsField::Name => "field-shop-name",
            SettingsField::Country => "field-country",
            SettingsField::Currency => "field-currency",
            SettingsField::Language => "field-language",
        }
    }
}

/// What a save changed that the front end has more to do for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The lists' sort keys follow the language: they need rewriting.
    pub language_changed: bool,
}

impl ShopSettings {
    /// The settings a config holds now.
    pub fn of(config: &Config) -> ShopSettings {
        ShopSettings {
            name: config.shop.name.clone(),
            country: config.shop.country.clone(),
            currency: config.shop.currency.clone(),
            language: config.shop.locale.clone(),
            feb29: config.dates.feb29,
        }
    }

    /// Every refusal, one per field, in the order of the form.
    pub fn problems(&self) -> Vec<(SettingsField, Message)> {
        let mut problems = vec![];
        if self.name.trim().is_empty() {
            problems.push((SettingsField::Name, Message::plain("field-required")));
        }
        if country_id(&self.country).is_none() {
            let refused = Message::new("err-config-country", &[("value", self.country.trim())]);
            problems.push((SettingsField::Country, refused));
        }
        if Currency::from_code(&self.currency).is_none() {
            let refused = Message::new("err-config-currency", &[("value", self.currency.trim())]);
            problems.push((SettingsField::Currency, refused));
        }
        if crate::i18n::code_of(&self.language).is_none() {
            let codes: Vec<&str> = crate::i18n::LANGUAGES.iter().map(|(c, _)| *c).collect();
            let refused = Message::new(
                "err-unknown-lang",
                &[
                    ("lang", self.language.trim()),
                    ("languages", &codes.join(", ")),
                ],
            );
            problems.push((SettingsField::Language, refused));
        }
        problems
    }

    /// The settings as written to the file: the name trimmed, codes in
    /// capitals, the language as its code; or the first refusal, naming
    /// the field.
    fn checked(&self) -> Result<ShopSettings> {
        if let Some((field, problem)) = self.problems().into_iter().next() {
            return Err(Error::user_with(
                "err-field",
                vec![
                    ("field", Arg::key(field.label_key())),
                    ("problem", Arg::message(problem)),
                ],
            ));
        }
        Ok(ShopSettings {
            name: self.name.trim().to_string(),
            country: self.country.trim().to_uppercase(),
            currency: self.currency.trim().to_uppercase(),
            language: crate::i18n::normalise_lang(self.language.trim()),
            feb29: self.feb29,
        })
    }
}

/// The country of a typed code, if it is one.
fn country_id(code: &str) -> Option<phonenumber::country::Id> {
    phonenumber::country::Id::from_str(&code.trim().to_uppercase()).ok()
}

/// The usual currency of a typed country code; None while it is no
/// country (half typed).
pub fn currency_of(country: &str) -> Option<&'static str> {
    country_id(country).map(|_| Currency::for_country(&country.trim().to_uppercase()).code())
}

/// What a first start offers before the owner changes anything: the
/// shop's country and language from the system's locale (`LANG`), the
/// country's currency, and the name a config written for that language
/// would hold.
pub fn guessed(lang_env: Option<&str>) -> ShopSettings {
    let (language, country) = crate::config::guess_from_lang(lang_env.unwrap_or(""));
    let currency = Currency::for_country(&country).code();
    let text = text_for(&language, &country, currency);
    match Config::parse(&text, Path::new("config.toml")) {
        Ok(config) => ShopSettings::of(&config),
        Err(_) => ShopSettings::of(&Config::default()),
    }
}

/// The config a first start runs with until the owner accepts the setup:
/// the guessed one, to be saved at `path`, which is not written yet (so a
/// start that is left before accepting asks again next time).
pub fn unsaved_config(path: &Path, lang_env: Option<&str>) -> Result<Config> {
    let shop = guessed(lang_env);
    let text = text_for(&shop.language, &shop.country, &shop.currency);
    Config::parse_file(&text, path)
}

/// The first start: writes the config file at `path` from the commented
/// template, worded in the chosen language (its tiers and rewards), with
/// the shop's name, country, currency and language in it. Returns the
/// config as written; a refused setting writes nothing.
pub fn set_up_shop(path: &Path, settings: &ShopSettings) -> Result<Config> {
    let shop = settings.checked()?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    let text = text_for(&shop.language, &shop.country, &shop.currency);
    // Written whole first, then edited like any later change: the name is
    // quoted the way TOML wants, whatever the owner typed.
    let temp = path.with_extension("toml.new");
    std::fs::write(&temp, text).map_err(|e| Error::io(&temp, e))?;
    let written = save::save(&temp, |doc| {
        put(doc, &shop);
        Ok(())
    });
    let config = match written {
        Ok(_) => {
            std::fs::rename(&temp, path).map_err(|e| Error::io(path, e))?;
            Config::load(path)?
        }
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            return Err(e);
        }
    };
    Ok(config)
}

/// The Settings screen's save: the five settings into the config file in
/// use, in place (comments and the rest of the file kept), and the config
/// as saved put in place for everything that follows. Refused settings
/// leave the file as it was.
pub fn save_settings(ctx: &mut Ctx, settings: &ShopSettings) -> Result<Saved> {
    let shop = settings.checked()?;
    let Some(path) = ctx.config.path.clone() else {
        return Err(Error::user("ui-settings-no-file", &[]));
    };
    let before = ctx.config.shop.locale.clone();
    let config = save::save(&path, |doc| {
        put(doc, &shop);
        Ok(())
    })?;
    let language_changed = config.shop.locale != before;
    ctx.set_config(config);
    Ok(Saved { language_changed })
}

fn put(doc: &mut toml_edit::DocumentMut, shop: &ShopSettings) {
    save::set_shop_name(doc, &shop.name);
    save::set_country(doc, &shop.country);
    save::set_currency(doc, &shop.currency);
    save::set_language(doc, &shop.language);
    save::set_feb29(doc, shop.feb29);
}

#[cfg(test)]
#[path = "settings_tests.rs"]
mod tests;
