//! Every user-facing string goes through here.
//!
//! Texts live in `assets/locales/<lang>.ftl` (Fluent) and are compiled into the
//! binary. [`init`] picks the language once at start-up; [`t`] and [`t_args`]
//! look a message up, falling back to English and, for a key that exists
//! nowhere, to the key itself (so a missing text is visible, never a panic).

use std::sync::RwLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// Languages with a locale file, in the order `--lang` documents them.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("en", include_str!("../assets/locales/en.ftl")),
    ("he", include_str!("../assets/locales/he.ftl")),
    ("hr", include_str!("../assets/locales/hr.ftl")),
    ("zh", include_str!("../assets/locales/zh.ftl")),
    ("th", include_str!("../assets/locales/th.ftl")),
];

struct Texts {
    lang: String,
    chosen: FluentBundle<FluentResource>,
    english: FluentBundle<FluentResource>,
}

static TEXTS: RwLock<Option<&'static Texts>> = RwLock::new(None);

fn bundle(lang: &str) -> FluentBundle<FluentResource> {
    let source = LANGUAGES
        .iter()
        .find(|(code, _)| *code == lang)
        .map(|(_, text)| *text)
        .unwrap_or(LANGUAGES[0].1);
    let id: LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks (U+2068/2069) would count as characters in widths and
    // end up in CSV and JSON output; bidi is handled when drawing instead.
    bundle.set_use_isolating(false);
    // The locale files are part of the binary and covered by tests; a broken
    // entry is skipped rather than taking the app down.
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(res, _)| res);
    let _ = bundle.add_resource(resource);
    bundle
}

/// Chooses the UI language; unknown codes fall back to English. Called once
/// from `LANG` before the config is read (so config errors are translated) and
/// again with the config's or `--lang`'s choice.
pub fn init(lang: &str) {
    let code = normalise_lang(lang);
    // A handful of bundles per process at most: leaking them keeps lookups lock-light.
    let texts: &'static Texts = Box::leak(Box::new(Texts {
        chosen: bundle(&code),
        english: bundle("en"),
        lang: code,
    }));
    *TEXTS.write().unwrap_or_else(|e| e.into_inner()) = Some(texts);
}

/// `he_IL.UTF-8` → `he`; anything without a locale file → `en`.
pub fn normalise_lang(lang: &str) -> String {
    let code: String = lang
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_lowercase();
    if LANGUAGES.iter().any(|(c, _)| *c == code) {
        code
    } else {
        "en".to_string()
    }
}

fn texts() -> &'static Texts {
    if let Some(texts) = *TEXTS.read().unwrap_or_else(|e| e.into_inner()) {
        return texts;
    }
    init("en");
    texts()
}

/// The language in use (`en`, `he`, …).
pub fn current() -> &'static str {
    &texts().lang
}

fn format(
    bundle: &FluentBundle<FluentResource>,
    key: &str,
    args: Option<&FluentArgs>,
) -> Option<String> {
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = vec![];
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// The text for `key` in the chosen language.
pub fn t(key: &str) -> String {
    lookup(key, None)
}

/// The text for `key` with named placeholders filled in.
pub fn t_args(key: &str, args: &[(&str, &str)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        fluent.set(*name, FluentValue::from(*value));
    }
    lookup(key, Some(&fluent))
}

/// Like [`t_args`] with one numeric placeholder, so plural rules apply
/// (`{ $count -> [one] … *[other] … }`).
pub fn t_count(key: &str, name: &str, count: i64) -> String {
    let mut fluent = FluentArgs::new();
    fluent.set(name, FluentValue::from(count));
    lookup(key, Some(&fluent))
}

/// The text for `key` if some locale file has it (used to translate clap's help).
pub fn t_opt(key: &str) -> Option<String> {
    let texts = texts();
    format(&texts.chosen, key, None).or_else(|| format(&texts.english, key, None))
}

fn lookup(key: &str, args: Option<&FluentArgs>) -> String {
    let texts = texts();
    format(&texts.chosen, key, args)
        .or_else(|| format(&texts.english, key, args))
        .unwrap_or_else(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_file_parses() {
        for (code, text) in LANGUAGES {
            assert!(
                FluentResource::try_new(text.to_string()).is_ok(),
                "{code}.ftl has a syntax error"
            );
        }
    }

    #[test]
    fn no_message_is_defined_twice() {
        // A second definition is silently dropped at run time, so one screen
        // would show another screen's text.
        for (code, text) in LANGUAGES {
            let mut bundle = FluentBundle::new_concurrent(vec![LanguageIdentifier::default()]);
            let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
            assert!(
                bundle.add_resource(resource).is_ok(),
                "{code}.ftl defines a message twice"
            );
        }
    }

    /// Each message of a locale file: its key and the `$placeholders` its
    /// text (continuation lines included) uses.
    fn messages(text: &str) -> Vec<(String, Vec<String>)> {
        let mut out: Vec<(String, Vec<String>)> = vec![];
        for line in text.lines() {
            let starts_message = line.starts_with(|c: char| c.is_ascii_lowercase());
            if starts_message && let Some((key, _)) = line.split_once('=') {
                out.push((key.trim().to_string(), vec![]));
            } else if !line.starts_with(|c: char| c.is_whitespace()) {
                continue;
            }
            let Some((_, names)) = out.last_mut() else {
                continue;
            };
            for part in line.split('$').skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        out
    }

    #[test]
    fn every_locale_has_every_message_with_only_english_placeholders() {
        let english = messages(LANGUAGES[0].1);
        for (code, text) in &LANGUAGES[1..] {
            let theirs = messages(text);
            let missing: Vec<&str> = english
                .iter()
                .filter(|(key, _)| !theirs.iter().any(|(k, _)| k == key))
                .map(|(key, _)| key.as_str())
                .collect();
            assert!(missing.is_empty(), "{code}.ftl lacks {missing:?}");
            for (key, names) in &theirs {
                let Some((_, allowed)) = english.iter().find(|(k, _)| k == key) else {
                    panic!("{code}.ftl has {key}, which en.ftl does not");
                };
                let unknown: Vec<&String> = names.iter().filter(|n| !allowed.contains(n)).collect();
                assert!(
                    unknown.is_empty(),
                    "{code}.ftl {key} uses {unknown:?}, which en.ftl does not"
                );
            }
        }
    }

    #[test]
    fn missing_key_shows_the_key() {
        assert_eq!(t("no-such-message-anywhere"), "no-such-message-anywhere");
    }

    #[test]
    fn lang_codes_are_normalised() {
        assert_eq!(normalise_lang("he_IL.UTF-8"), "he");
        assert_eq!(normalise_lang("C.UTF-8"), "en");
        assert_eq!(normalise_lang("HR"), "hr");
    }
}
