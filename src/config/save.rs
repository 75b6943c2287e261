//! Writing the config file back. The shop wrote (or kept) the comments that
//! explain every setting, so a change made from the app edits one value in
//! place: comments, blank lines and the order of the file stay as they were.
//! The edited text is read back as a config before it replaces the file, and
//! it is written next to the file and renamed over it: never half a config.

use std::path::Path;

use toml_edit::{DocumentMut, Item, Value};

use super::{Config, Feb29};
use crate::error::{Error, Result};

/// Reads the config at `path`, lets `edit` change the document, checks that
/// the result is still a valid config and puts it in place of the file.
/// Returns the config as now written; on any error the file is unchanged.
pub fn save(path: &Path, edit: impl FnOnce(&mut DocumentMut) -> Result<()>) -> Result<Config> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut doc = parse_document(&text, path)?;
    edit(&mut doc)?;
    let edited = doc.to_string();
    let config = Config::parse_file(&edited, path)?;
    let temp = path.with_extension("toml.new");
    std::fs::write(&temp, &edited).map_err(|e| Error::io(&temp, e))?;
    std::fs::rename(&temp, path).map_err(|e| Error::io(path, e))?;
    Ok(config)
}

fn parse_document(text: &str, path: &Path) -> Result<DocumentMut> {
    text.parse::<DocumentMut>()
        .map_err(|e| super::syntax_error(text, path, e.span(), e.message()))
}

/// Puts `new` where `slot` was, keeping the spaces around it and the comment
/// after it on the same line.
fn replace_keeping_comment(slot: &mut Value, new: impl Into<Value>) {
    let decor = slot.decor().clone();
    *slot = new.into();
    *slot.decor_mut() = decor;
}

/// Sets `key` in `[table]`, in place when it is written, else appended to
/// the table (made when missing).
fn set(doc: &mut DocumentMut, table: &str, key: &str, new: impl Into<Value>) {
    let item = doc.entry(table).or_insert_with(toml_edit::table);
    if let Some(slot) = item.get_mut(key).and_then(Item::as_value_mut) {
        replace_keeping_comment(slot, new);
    } else {
        item[key] = Item::Value(new.into());
    }
}

/// The `min` of the `index`-th `[[tiers]]` entry set to `value`. False when
/// there is no such entry with a `min` of its own (an inline list of tiers
/// is left alone: there is no line to edit).
pub fn set_tier_min(doc: &mut DocumentMut, index: usize, value: i64) -> bool {
    let slot = doc
        .get_mut("tiers")
        .and_then(Item::as_array_of_tables_mut)
        .and_then(|tiers| tiers.get_mut(index))
        .and_then(|tier| tier.get_mut("min"))
        .and_then(Item::as_value_mut);
    match slot {
        Some(slot) => {
            replace_keeping_comment(slot, value);
            true
        }
        None => false,
    }
}

/// `[shop] name`.
pub fn set_shop_name(doc: &mut DocumentMut, name: &str) {
    set(doc, "shop", "name", name);
}

/// `[shop] country`, as the two-letter code.
pub fn set_country(doc: &mut DocumentMut, country: &str) {
    set(doc, "shop", "country", country.to_uppercase());
}

/// `[shop] currency`, as the three-letter code.
pub fn set_currency(doc: &mut DocumentMut, currency: &str) {
    set(doc, "shop", "currency", currency.to_uppercase());
}

/// `[shop] locale`: the language of the app.
pub fn set_language(doc: &mut DocumentMut, locale: &str) {
    set(doc, "shop", "locale", locale);
}

/// `[dates] feb29`.
pub fn set_feb29(doc: &mut DocumentMut, rule: Feb29) {
    let word = match rule {
        Feb29::Feb28 => "feb28",
        Feb29::Mar1 => "mar1",
    };
    set(doc, "dates", "feb29", word);
}

#[cfg(test)]
#[path = "save_tests.rs"]
mod tests;
