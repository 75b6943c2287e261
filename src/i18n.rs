//! Every user-facing string goes through here.
//!
//! Texts live in `assets/locales/<lang>.ftl` (Fluent) and are compiled into the
//! binary. A [`Locale`] is a value: the context holds the shop's (or
//! `--lang`'s), and the front ends word what they show inside
//! [`Locale::scope`] — a frame being drawn, a key being handled, a command
//! being run. [`t`], [`t_args`] and [`t_count`] read the locale of the scope
//! they run in (English outside any), falling back to English and, for a key
//! that exists nowhere, to the key itself (so a missing text is visible,
//! never a panic). Nothing is process-wide: two threads, or two tests, can
//! speak two languages at once, and the same screen can be drawn in both.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

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
    lang: &'static str,
    chosen: FluentBundle<FluentResource>,
    english: Arc<Texts0>,
}

/// English, the fallback of every other language, parsed once.
struct Texts0 {
    bundle: FluentBundle<FluentResource>,
}

/// One language's texts. Cloning is cheap (the parsed texts are shared).
#[derive(Clone)]
pub struct Locale(Arc<Texts>);

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Locale({})", self.0.lang)
    }
}

impl PartialEq for Locale {
    fn eq(&self, other: &Self) -> bool {
        self.0.lang == other.0.lang
    }
}

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

impl Locale {
    /// The texts of `lang` (`he`, `he_IL.UTF-8`, …; anything without a
    /// locale file is English). Each language is parsed once per process
    /// and shared by every locale value of it.
    pub fn new(lang: &str) -> Locale {
        static LOADED: OnceLock<Mutex<HashMap<&'static str, Locale>>> = OnceLock::new();
        static ENGLISH: OnceLock<Arc<Texts0>> = OnceLock::new();
        let code = code_of(lang).unwrap_or("en");
        let loaded = LOADED.get_or_init(Default::default);
        let mut loaded = loaded.lock().unwrap_or_else(|e| e.into_inner());
        loaded
            .entry(code)
            .or_insert_with(|| {
                let english = ENGLISH.get_or_init(|| {
                    Arc::new(Texts0 {
                        bundle: bundle("en"),
                    })
                });
                Locale(Arc::new(Texts {
                    lang: code,
                    chosen: bundle(code),
                    english: english.clone(),
                }))
            })
            .clone()
    }

    pub fn english() -> Locale {
        Locale::new("en")
    }

    /// The language's code: `en`, `he`, `hr`, `zh` or `th`.
    pub fn lang(&self) -> &'static str {
        self.0.lang
    }

    /// Hebrew reads right to left.
    pub fn is_rtl(&self) -> bool {
        self.0.lang == "he"
    }

    /// Runs `work` with this locale as the one its words are put in, and
    /// restores the locale that was in use before (scopes nest).
    pub fn scope<R>(&self, work: impl FnOnce() -> R) -> R {
        struct Restore(Option<Locale>);
        impl Drop for Restore {
            fn drop(&mut self) {
                CURRENT.with(|current| *current.borrow_mut() = self.0.take());
            }
        }
        let before = CURRENT.with(|current| current.borrow_mut().replace(self.clone()));
        let _restore = Restore(before);
        work()
    }

    fn text(&self, key: &str, args: Option<&FluentArgs>) -> Option<String> {
        format(&self.0.chosen, key, args).or_else(|| format(&self.0.english.bundle, key, args))
    }
}

thread_local! {
    /// The locale of the scope this thread is in, if any.
    static CURRENT: RefCell<Option<Locale>> = const { RefCell::new(None) };
}

/// The locale words are put in here and now: the innermost
/// [`Locale::scope`], or English outside any.
pub fn current_locale() -> Locale {
    CURRENT
        .with(|current| current.borrow().clone())
        .unwrap_or_else(Locale::english)
}

/// The language words are put in here and now (`en`, `he`, …).
pub fn current() -> &'static str {
    CURRENT
        .with(|current| current.borrow().as_ref().map(Locale::lang))
        .unwrap_or("en")
}

/// The code of a language with a locale file: `he_IL.UTF-8` → `he`,
/// `HR` → `hr`; None for anything else (`de`, `C.UTF-8`).
pub fn code_of(lang: &str) -> Option<&'static str> {
    let code: String = lang
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_lowercase();
    LANGUAGES.iter().map(|(c, _)| *c).find(|c| *c == code)
}

/// `he_IL.UTF-8` → `he`; anything without a locale file → `en`.
pub fn normalise_lang(lang: &str) -> String {
    code_of(lang).unwrap_or("en").to_string()
}

/// The language the environment asks for, as POSIX orders it: `LC_ALL`,
/// then `LC_MESSAGES`, then `LANG` (the first one set and not empty).
pub fn env_lang() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
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

/// The text for `key` in the locale in use.
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
    t_values(key, &[(name, Value::Number(count))])
}

/// A placeholder's value: text as it is, or a number plural rules read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'a> {
    Text(&'a str),
    Number(i64),
}

/// The text for `key` with placeholders of either kind.
pub fn t_values(key: &str, args: &[(&str, Value<'_>)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        match value {
            Value::Text(text) => fluent.set(*name, FluentValue::from(*text)),
            Value::Number(n) => fluent.set(*name, FluentValue::from(*n)),
        }
    }
    lookup(key, Some(&fluent))
}

/// The text for `key` if some locale file has it (used to translate clap's help).
pub fn t_opt(key: &str) -> Option<String> {
    current_locale().text(key, None)
}

fn lookup(key: &str, args: Option<&FluentArgs>) -> String {
    current_locale()
        .text(key, args)
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
    fn two_locales_are_two_values_and_scopes_nest() {
        let croatian = Locale::new("hr_HR.UTF-8");
        let english = Locale::new("en");
        assert_eq!(croatian.lang(), "hr");
        let (inner, outer) = croatian.scope(|| {
            let inner = english.scope(|| t("ui-signup-fix"));
            (inner, t("ui-signup-fix"))
        });
        assert_ne!(inner, outer, "hr and en word ui-signup-fix differently");
        assert_eq!(
            inner,
            t("ui-signup-fix"),
            "outside any scope words are English"
        );
        assert_eq!(current(), "en");
    }

    #[test]
    fn plural_forms_follow_the_language() {
        let croatian = Locale::new("hr");
        // "1 probni član / 2 probna člana / 5 probnih članova": the words
        // around the number differ in each of Croatian's three forms.
        let words: Vec<String> = [1, 2, 5]
            .iter()
            .map(|n| {
                let text = croatian.scope(|| t_count("ui-demo-done", "count", *n));
                text.replace(&n.to_string(), "")
            })
            .collect();
        assert_ne!(words[0], words[1]);
        assert_ne!(
            words[1], words[2],
            "Croatian has a form for 2–4 and one for 5"
        );
        assert_ne!(words[0], words[2]);
    }

    #[test]
    fn lang_codes_are_normalised() {
        assert_eq!(code_of("de"), None);
        assert_eq!(code_of("th_TH"), Some("th"));
        assert_eq!(normalise_lang("he_IL.UTF-8"), "he");
        assert_eq!(normalise_lang("C.UTF-8"), "en");
        assert_eq!(normalise_lang("HR"), "hr");
    }
}
